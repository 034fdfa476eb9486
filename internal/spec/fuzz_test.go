package spec

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// FuzzParse: no input crashes the loader, and whatever it accepts survives a
// save and a reload unchanged; what a save writes is valid UTF-8 with no
// hidden character raw, and the same bytes every time.
func FuzzParse(f *testing.F) {
	f.Add([]byte("version: 1\nanswers:\n  project.name:\n    value: Acme\n    note: hi\n"))
	f.Add([]byte("version: 1\nanswers:\n  payments.methods: cards, wallets\n  budget.hourly-rate: {value: 95.5}\nnotes:\n  orders: |\n    two\n    lines\n"))
	f.Add([]byte("# yaml-language-server: $schema=x.json\nversion: 1\nanswers:\n  legacy.x: {value: [1, 2]}\n"))
	f.Add([]byte("version: 1\nanswers:\n  master.product-names: {value: third, note: \"Akeneo: \\\"PIM\\\" | <b>\"}\n"))
	f.Add([]byte("version: 1\nconflicts:\n  payments.methods: {value: [cards], note: x}\n  project.store: {}\n  orders: {note: y}\nasked:\n  payments:\n    - {who: Maria, date: 2026-11-27}\n"))
	f.Add([]byte("version: 1\nanswers:\n  project.name: &n {value: Ökolager}\n  legacy.x: *n\n"))
	f.Add([]byte("version: 1\nanswers:\n  project.store: {value: \"épicerie 库存 مخزن 🛒\"}\n  master.product-names: store\nnotes:\n  zz: a\n  aa: b\n  mm: c\n"))
	b := bank(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("fuzz.yaml", data, b)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("a load error spans lines: %q", err)
			}
			return
		}
		out, err := s.render(b, s.Updated)
		if err != nil {
			t.Fatalf("render: %v", err)
		}
		if !utf8.Valid(out) || strings.ContainsFunc(string(out), hiddenRaw) {
			t.Fatalf("a saved spec is not clean UTF-8:\n%q", out)
		}
		if twice, _ := s.render(b, s.Updated); string(twice) != string(out) {
			t.Fatalf("two renders of one spec differ:\n%s\n---\n%s", out, twice)
		}
		again, err := Parse("fuzz.yaml", out, b)
		if err != nil {
			t.Fatalf("a saved spec does not load: %v\n%s", err, out)
		}
		opts := []cmp.Option{cmpopts.IgnoreUnexported(Spec{}), cmpopts.EquateEmpty(), cmpopts.IgnoreFields(Spec{}, "Warnings", "Checklist")}
		if diff := cmp.Diff(s, again, opts...); diff != "" {
			t.Fatalf("round trip changed the spec:\n%s", diff)
		}
	})
}

// hiddenRaw: a character no file integ writes holds raw (see package safe).
func hiddenRaw(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x2028 || r == 0x2029
}
