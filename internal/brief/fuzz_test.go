package brief

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
	"github.com/integ-dev/integ/templates"
)

// FuzzBrief: any spec the loader accepts renders to Markdown and to valid
// JSON, and user text never opens an HTML tag in the Markdown.
func FuzzBrief(f *testing.F) {
	f.Add([]byte("version: 1\nanswers:\n  project.name: {value: \"<script>x</script> | `y`\"}\n  master.sales-taxes: {value: third, note: \"A \\\"B\\\" <c>\"}\n"))
	f.Add([]byte("version: 1\nanswers:\n  master.customers: {value: split}\n  payments.methods: {value: [cards, terms]}\n  budget.hourly-rate: {value: 0.015}\n  budget.contingency: {value: 100}\n"))
	f.Add([]byte("version: 1\nanswers:\n  inventory.live-counts: {value: \"yes\", note: \"a\\nb|c\"}\nnotes:\n  orders: \"<img src=x>\"\n"))
	bank, err := checklist.Default()
	if err != nil {
		f.Fatal(err)
	}
	tmpl, err := ParseTemplate(templates.BriefName, templates.Brief())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := spec.Parse("fuzz.yaml", data, bank)
		if err != nil {
			return
		}
		b := Build(bank, s, now)
		var md, js bytes.Buffer
		if err := WriteMarkdown(&md, b, tmpl); err != nil {
			t.Fatalf("markdown: %v", err)
		}
		if err := WriteJSON(&js, b); err != nil || !json.Valid(js.Bytes()) {
			t.Fatalf("json: %v", err)
		}
		// The template's own HTML is only <br>; anything else came from user text.
		rest := strings.ReplaceAll(md.String(), "<br>", "")
		if i := strings.Index(rest, "<"); i >= 0 && i+1 < len(rest) && (rest[i+1] >= 'a' && rest[i+1] <= 'z' || rest[i+1] == '/' || rest[i+1] == '!') {
			t.Fatalf("unescaped HTML in the brief near %q", rest[i:min(len(rest), i+40)])
		}
	})
}
