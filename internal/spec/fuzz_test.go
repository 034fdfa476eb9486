package spec

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// FuzzParse: no input crashes the loader, and whatever it accepts survives a
// save and a reload unchanged.
func FuzzParse(f *testing.F) {
	f.Add([]byte("version: 1\nanswers:\n  project.name:\n    value: Acme\n    note: hi\n"))
	f.Add([]byte("version: 1\nanswers:\n  payments.methods: cards, wallets\n  budget.hourly-rate: {value: 95.5}\nnotes:\n  orders: |\n    two\n    lines\n"))
	f.Add([]byte("# yaml-language-server: $schema=x.json\nversion: 1\nanswers:\n  legacy.x: {value: [1, 2]}\n"))
	f.Add([]byte("version: 1\nanswers:\n  master.product-names: {value: third, note: \"Akeneo: \\\"PIM\\\" | <b>\"}\n"))
	f.Add([]byte("version: 1\nconflicts:\n  payments.methods: {value: [cards], note: x}\n  project.store: {}\n  orders: {note: y}\nasked:\n  payments:\n    - {who: Maria, date: 2026-11-27}\n"))
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
