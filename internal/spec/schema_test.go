package spec

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/integ-dev/integ/checklist"
)

// validateWithSchema checks a spec's YAML against the bank's JSON Schema with
// a JSON Schema validator, as an editor's YAML language server does.
func validateWithSchema(t *testing.T, specYAML string) error {
	t.Helper()
	data, err := Schema(bank(t), checklist.Names{Store: "Shopify", Inventory: "Odoo"})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("integration-spec.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("integration-spec.schema.json")
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	var value any
	if err := yaml.Unmarshal([]byte(specYAML), &value); err != nil {
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
	return schema.Validate(inst)
}

func TestSchemaValidatesChannelAnswers(t *testing.T) {
	if err := validateWithSchema(t, channelSpec); err != nil {
		t.Errorf("a spec with answers per channel does not validate:\n%v", err)
	}
	for name, answers := range map[string]string{
		"unknown channel":           "  customers.match-key:\n    by_channel:\n      wholesale: email\n",
		"value not allowed":         "  customers.match-key:\n    by_channel:\n      web-b2b: {value: vat-number}\n",
		"not a by_channel question": "  master.product-names:\n    by_channel:\n      web-retail: store\n",
		"unknown key in a channel":  "  customers.match-key:\n    by_channel:\n      web-b2b: {value: email, by_channel: {}}\n",
	} {
		text := "version: 1\nchecklist: ecommerce-inventory\nanswers:\n" + answers
		if err := validateWithSchema(t, text); err == nil {
			t.Errorf("%s: the schema accepts\n%s", name, answers)
		}
	}
}
