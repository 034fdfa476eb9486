package testutil

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"
)

// CompileSchema compiles a JSON Schema with a real validator (draft-07, as
// the YAML language server reads it), failing the test when it does not.
func CompileSchema(t testing.TB, data []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("integration-spec.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("integration-spec.schema.json")
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return s
}

// ValidateYAML validates a spec's YAML against a compiled schema, as an
// editor's YAML language server does.
func ValidateYAML(t testing.TB, s *jsonschema.Schema, specYAML []byte) error {
	t.Helper()
	var value any
	if err := yaml.Unmarshal(specYAML, &value); err != nil {
		t.Fatal(err)
	}
	asJSON, err := json.Marshal(value)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(asJSON))
	if err != nil {
		t.Fatal(err)
	}
	return s.Validate(inst)
}
