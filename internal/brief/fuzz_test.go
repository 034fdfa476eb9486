package brief

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
	"github.com/integ-dev/integ/templates"
)

// FuzzBrief: any spec the loader accepts renders to Markdown, to valid JSON
// and to HTML; the Markdown and JSON are valid UTF-8 with no character that
// acts on a terminal; user text never opens an HTML tag anywhere in the
// Markdown, and never adds a tag or an attribute to the HTML, nor leaves its
// footer's CSS string.
func FuzzBrief(f *testing.F) {
	f.Add([]byte("version: 1\nanswers:\n  project.name: {value: \"<script>x</script> | `y`\"}\n  master.sales-taxes: {value: third, note: \"A \\\"B\\\" <c>\"}\n"))
	f.Add([]byte("version: 1\nanswers:\n  master.customers: {value: split}\n  payments.methods: {value: [cards, terms]}\n  budget.hourly-rate: {value: 0.015}\n  budget.contingency: {value: 100}\n"))
	f.Add([]byte("version: 1\nanswers:\n  inventory.live-counts: {value: \"yes\", note: \"a\\nb|c\"}\nnotes:\n  orders: \"<img src=x>\"\n"))
	f.Add([]byte("version: 1\nanswers:\n  project.name: {value: \"ok <b> then <i>x</i>\"}\n  project.store: {value: \"\\e]0;title\\a \\u202e\"}\n  master.product-names: {value: third, note: \"Ökolager\"}\n"))
	f.Add([]byte("version: 1\nanswers:\n  project.name: {value: \"A\\\" } body { x: \\\"</style>\"}\n  project.store: {value: \"S<svg onload=x>\"}\n  master.product-names: {value: third, note: \"N' onclick='y\"}\n"))
	bank, err := checklist.Default()
	if err != nil {
		f.Fatal(err)
	}
	tmpl, err := ParseTemplate(templates.BriefName, templates.Brief())
	if err != nil {
		f.Fatal(err)
	}
	page, err := ParseHTMLTemplate(templates.BriefHTMLName, templates.BriefHTML())
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
		checkText(t, "markdown", md.String())
		checkText(t, "json", js.String())
		var h bytes.Buffer
		if err := WriteHTML(&h, b, page, PaperA4); err != nil {
			t.Fatalf("html: %v", err)
		}
		checkMarkup(t, h.String())
		checkText(t, "html", h.String())
		for _, g := range b.Requirements {
			for _, r := range g.Requirements {
				if !strings.Contains(h.String(), `<li id="`+r.ID+`">`) {
					t.Fatalf("requirement %s has no anchor", r.ID)
				}
			}
		}
		// The template's own HTML is only <br>; any other tag came from user text
		// (a < after an odd run of backslashes is escaped).
		rest := strings.ReplaceAll(md.String(), "<br>", "")
		for i := strings.IndexByte(rest, '<'); i >= 0; i = nextByte(rest, '<', i) {
			if escaped := (len(rest[:i])-len(strings.TrimRight(rest[:i], `\`)))%2 == 1; escaped {
				continue
			}
			if i+1 < len(rest) && (unicode.IsLetter(rune(rest[i+1])) || strings.IndexByte("/!?", rest[i+1]) >= 0) {
				t.Fatalf("unescaped HTML in the brief near %q", rest[i:min(len(rest), i+40)])
			}
		}
	})
}

// nextByte is the index of the next c after i, or -1.
func nextByte(s string, c byte, i int) int {
	if j := strings.IndexByte(s[i+1:], c); j >= 0 {
		return i + 1 + j
	}
	return -1
}

// checkText fails unless out is valid UTF-8 without control characters
// (newline and tab aside) or bidi overrides: output a terminal shows as text.
func checkText(t *testing.T, what, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("the %s is not valid UTF-8", what)
	}
	if i := strings.IndexFunc(out, func(r rune) bool {
		return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
	}); i >= 0 {
		t.Fatalf("the %s holds a hidden character raw near %q", what, out[max(0, i-20):min(len(out), i+20)])
	}
}
