package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/integ-dev/integ/internal/testutil"
)

// integ schema describes the spec: the worked example validates against
// what it prints, and a wrong value, a number out of range, an unknown key
// or a wrong version do not. Nothing asserted its output before.
func TestSchemaCommandValidatesTheExample(t *testing.T) {
	out, errOut, code := run(t, nil, "schema", "--spec", example)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	schema := testutil.CompileSchema(t, []byte(out))
	exampleYAML, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	if err := testutil.ValidateYAML(t, schema, exampleYAML); err != nil {
		t.Fatalf("the worked example does not validate against integ schema:\n%v", err)
	}
	for name, edit := range map[string][2]string{
		"an option that is not one":   {"value: inventory", "value: excel"},
		"a number out of its range":   {"budget.contingency:\n    value: 20", "budget.contingency:\n    value: 150"},
		"a number that is not one":    {"budget.contingency:\n    value: 20", "budget.contingency:\n    value: twenty"},
		"an unknown key at the top":   {"version: 1", "version: 1\ncolour: blue"},
		"another spec version":        {"version: 1", "version: 2"},
		"an unknown key in an answer": {"value: inventory", "value: inventory\n    colour: blue"},
	} {
		if !bytes.Contains(exampleYAML, []byte(edit[0])) {
			t.Fatalf("%s: the example has no %q to change", name, edit[0])
		}
		wrong := bytes.Replace(exampleYAML, []byte(edit[0]), []byte(edit[1]), 1)
		if err := testutil.ValidateYAML(t, schema, wrong); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}

// export links the spec to the schema it writes beside it: the first line
// is the YAML language server's modeline, the schema is the one integ
// schema prints, and the exported spec validates against it.
func TestExportWritesTheModelineAndTheSchema(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "handoff")
	if _, errOut, code := run(t, nil, "export", "--spec", example, "--dir", dir); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	specYAML, err := os.ReadFile(filepath.Join(dir, "integration-spec.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(specYAML), "\n")
	if first != "# yaml-language-server: $schema=integration-spec.schema.json" {
		t.Errorf("the exported spec's first line is %q", first)
	}
	schemaFile, err := os.ReadFile(filepath.Join(dir, "integration-spec.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	printed, _, _ := run(t, nil, "schema", "--spec", example)
	if string(schemaFile) != printed {
		t.Error("the exported schema is not what integ schema prints")
	}
	if err := testutil.ValidateYAML(t, testutil.CompileSchema(t, schemaFile), specYAML); err != nil {
		t.Errorf("the exported spec does not validate against the exported schema:\n%v", err)
	}
	// The modeline survives a load and a save of the exported spec.
	copyPath := filepath.Join(dir, "integration-spec.yaml")
	if _, errOut, code := run(t, nil, "set", "--spec", copyPath, "project.name=Changed"); code != 0 {
		t.Fatal(errOut)
	}
	again, _ := os.ReadFile(copyPath)
	if !strings.HasPrefix(string(again), first+"\n") {
		t.Errorf("a save dropped the modeline:\n%.200s", again)
	}
}
