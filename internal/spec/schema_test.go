package spec

import (
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/testutil"
)

// validateWithSchema checks a spec's YAML against the bank's JSON Schema with
// a JSON Schema validator, as an editor's YAML language server does.
func validateWithSchema(t *testing.T, specYAML string) error {
	t.Helper()
	data, err := Schema(bank(t), checklist.Names{Store: "Shopify", Inventory: "Odoo"})
	if err != nil {
		t.Fatal(err)
	}
	return testutil.ValidateYAML(t, testutil.CompileSchema(t, data), []byte(specYAML))
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
