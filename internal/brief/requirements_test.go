package brief

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

const followBank = `
id: follow
title: Follow the answers
sections:
  - id: project
    title: About
    code: PRJ
    questions:
      - {id: project.store, kind: text, prompt: "Store?", help: H.}
      - {id: project.inventory, kind: text, prompt: "Inventory?", help: H.}
  - id: inventory
    title: Stock
    code: INV
    questions:
      - {id: inventory.buffer-units, kind: number, prompt: "Buffer?", help: H.}
      - id: inventory.live-counts
        kind: yesno
        prompt: Live counts?
        help: H.
        options:
          - value: "yes"
            requires:
              - "{inventory} shall send stock counts to {store}."
              - text: "{store} shall show the stock less a buffer of {answer:inventory.buffer-units} units."
                if: {question: inventory.buffer-units, above: 0}
            scenarios:
              - given: "5 on hand in {inventory}"
                when: "8 are received"
                then: "{store} shows {calc: 5 + 8 - inventory.buffer-units}"
                if: {question: inventory.buffer-units}
                checks: [inventory.buffer-units, inventory.tax]
      - id: inventory.tax
        kind: number
        prompt: Tax rate?
        help: H.
        requires: ["Tax at {value} percent shall be charged on 105.75, which is {money: 105.75 * inventory.tax / 100}."]
`

func followSpec(t *testing.T, answers map[string]string) (*checklist.Bank, *spec.Spec) {
	t.Helper()
	bank, err := checklist.Parse("follow.yaml", []byte(followBank))
	if err != nil {
		t.Fatal(err)
	}
	s := spec.New(filepath.Join(t.TempDir(), "s.yaml"), bank)
	for id, v := range answers {
		s.Set(id, spec.Answer{Values: []string{v}})
	}
	return bank, s
}

// Requirement sentences and scenarios follow the answers: a sentence with a
// condition appears only where it holds (and keeps its letter), and a
// scenario's expected figure is computed from the answers, never pasted.
func TestRequirementsFollowTheAnswers(t *testing.T) {
	bank, s := followSpec(t, map[string]string{"project.store": "Shopify", "project.inventory": "Odoo", "inventory.live-counts": "yes", "inventory.buffer-units": "2", "inventory.tax": "7.8"})
	b := Build(bank, s, now)
	reqs := map[string]string{}
	for _, g := range b.Requirements {
		for _, r := range g.Requirements {
			reqs[r.ID] = r.Text
		}
	}
	want := map[string]string{
		"REQ-INV-02a": "Odoo shall send stock counts to Shopify.",
		"REQ-INV-02b": "Shopify shall show the stock less a buffer of 2 units.",
		"REQ-INV-03":  "Tax at 7.8 percent shall be charged on 105.75, which is 8.25.",
	}
	for id, text := range want {
		if reqs[id] != text {
			t.Errorf("%s = %q, want %q", id, reqs[id], text)
		}
	}
	sc := b.Scenarios[0].Scenarios[0]
	if sc.Then != "Shopify shows 11" {
		t.Errorf("the live stock test expects %q; 5 on hand + 8 received - a buffer of 2 is 11", sc.Then)
	}
	if !slices.Equal(sc.Checks, []string{"REQ-INV-02a", "REQ-INV-02b", "REQ-INV-03"}) {
		t.Errorf("checks = %v", sc.Checks)
	}
	if c := b.Coverage; c.Requirements != 3 || c.Covered != 3 || c.Percent != 100 || len(c.Uncovered) != 0 {
		t.Errorf("coverage = %+v", b.Coverage)
	}

	// No buffer: the buffer sentence goes, the first keeps its letter, and
	// the test expects the full 13.
	s.Set("inventory.buffer-units", spec.Answer{Values: []string{"0"}})
	b = Build(bank, s, now)
	var ids []string
	for _, r := range b.Requirements[0].Requirements {
		ids = append(ids, r.ID)
	}
	if !slices.Equal(ids, []string{"REQ-INV-02a", "REQ-INV-03"}) {
		t.Errorf("requirement IDs without a buffer: %v", ids)
	}
	if got := b.Scenarios[0].Scenarios[0].Then; got != "Shopify shows 13" {
		t.Errorf("without a buffer the test expects %q, want 13", got)
	}
	// An unanswered buffer: the scenario's condition does not hold, so no
	// test states a figure nobody gave.
	delete(s.Answers, "inventory.buffer-units")
	if b = Build(bank, s, now); len(b.Scenarios) != 0 {
		t.Errorf("a scenario with a figure from an unanswered question: %+v", b.Scenarios)
	}
}
