package brief

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
	"github.com/integ-dev/integ/templates"
)

// syntheticBank generates a bank of n questions in sections of 20, mixing
// kinds, conditions, requirements, flows, scenarios and work packages like
// the real one, and a spec answering every question.
func syntheticBank(tb testing.TB, n int) (*checklist.Bank, *spec.Spec) {
	var y strings.Builder
	y.WriteString("id: synthetic\ntitle: Synthetic\nsystem_options:\n")
	y.WriteString("  - {value: store, label: \"{store}\", requires: [\"{store} shall own {entity}.\"], flows: [{from: store, to: inventory, data: \"{entity}\"}]}\n")
	y.WriteString("  - {value: inventory, label: \"{inventory}\", requires: [\"{inventory} shall own {entity}.\"], flows: [{from: inventory, to: store, data: \"{entity}\"}]}\n")
	y.WriteString("sections:\n")
	for i := 0; i < n; i++ {
		if i%20 == 0 {
			fmt.Fprintf(&y, "  - id: s%d\n    title: Section %d\n    code: S%d\n    questions:\n", i/20, i/20, i/20)
		}
		id := fmt.Sprintf("s%d.q%d", i/20, i)
		switch i % 4 {
		case 0:
			fmt.Fprintf(&y, "      - {id: %s, kind: system, entity: data %d, prompt: \"Who owns data %d in {store}?\", help: \"Why it matters.\"}\n", id, i, i)
		case 1:
			fmt.Fprintf(&y, "      - id: %s\n        kind: choice\n        prompt: \"Question %d for {inventory}?\"\n        help: \"Why it matters.\"\n", id, i)
			fmt.Fprintf(&y, "        when: {question: s%d.q%d, in: [store, inventory]}\n", i/20, i-1)
			y.WriteString("        options:\n          - {value: a, label: A, requires: [\"{store} shall do A.\"], scenarios: [{given: g, when: w, then: t}]}\n          - {value: b, label: B}\n")
		case 2:
			fmt.Fprintf(&y, "      - {id: %s, kind: yesno, prompt: \"Yes or no %d?\", help: \"Why.\", options: [{value: \"yes\", requires: [\"{inventory} shall say yes.\"]}]}\n", id, i)
		default:
			fmt.Fprintf(&y, "      - {id: %s, kind: multi, prompt: \"Several %d?\", help: \"Why.\", options: [{value: x, label: X}, {value: z, label: Z, requires: [\"Z shall hold.\"]}]}\n", id, i)
		}
	}
	// One work package per section, an item per question, priced when the
	// question has its first answer; phases as the real bank has them.
	y.WriteString("work_packages:\n")
	first := []string{"store", "a", "yes", "x"}
	for i := 0; i < n; i++ {
		if i%20 == 0 {
			fmt.Fprintf(&y, "  - id: WP-%d\n    title: Package %d\n    items:\n", i/20, i/20)
		}
		fmt.Fprintf(&y, "      - {title: Item %d, hours: [2, 4, 8], fit: standard, when: {question: s%d.q%d, is: %s}}\n", i, i/20, i, first[i%4])
	}
	y.WriteString("estimate:\n  spread: 1\n  growth: 0.5\n  phases:\n    - {id: discovery, title: Discovery, share: 0.35}\n    - {id: build, title: Build}\n    - {id: test, title: Test, share: 0.45}\n    - {id: pm, title: Management, share: 0.1, of: rest}\n")
	bank, err := checklist.Parse("synthetic.yaml", []byte(y.String()))
	if err != nil {
		tb.Fatal(err)
	}
	s := spec.New(filepath.Join(tb.TempDir(), "s.yaml"), bank)
	for i, q := range bank.Questions() {
		v := []string{q.Options[i%2].Value}
		if i%7 == 0 {
			v = []string{checklist.Undecided}
		}
		s.Set(q.ID, spec.Answer{Values: v, Note: "a note"})
	}
	return bank, s
}

func benchmarkSynthetic(b *testing.B, n int) {
	bank, s := syntheticBank(b, n)
	tmpl, err := ParseTemplate(templates.BriefName, templates.Brief())
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := WriteMarkdown(&bytes.Buffer{}, Build(bank, s, now), tmpl); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBriefSynthetic200(b *testing.B)  { benchmarkSynthetic(b, 200) }
func BenchmarkBriefSynthetic2000(b *testing.B) { benchmarkSynthetic(b, 2000) }

// The synthetic bank must itself be valid and produce a full brief, or the
// benchmark measures nothing.
func TestSyntheticBank(t *testing.T) {
	bank, s := syntheticBank(t, 200)
	b := Build(bank, s, now)
	if len(bank.Questions()) != 200 || b.Summary.Requirements < 100 || len(b.Budget.Packages) == 0 {
		t.Errorf("questions %d, requirements %d, packages %d", len(bank.Questions()), b.Summary.Requirements, len(b.Budget.Packages))
	}
}
