package estimate

import (
	"path/filepath"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

const forBank = `
id: t
title: T
work_packages:
  - {id: WP-01, title: "Mapping for {inventory}", effort: [10, 20]}
sections:
  - id: project
    title: Project
    code: PRJ
    questions:
      - {id: project.inventory, kind: text, prompt: "Inventory?", help: "Its name."}
  - id: orders
    title: Orders
    code: ORD
    questions:
      - id: orders.a
        kind: choice
        title: A
        prompt: "A?"
        help: "Why."
        options:
          - {value: cheap, label: Cheap, effort: [1, 2]}
          - {value: dear, label: "Dear in {inventory}", effort: [5, 9]}
      - id: orders.b
        kind: choice
        title: B
        prompt: "B?"
        help: "Why."
        options:
          - {value: cheap, label: Cheap, effort: [2, 3]}
          - {value: dear, label: Dear, effort: [6, 11]}
`

// For prices the chosen answers and the fixed packages, and carries each
// open decision from its cheapest to its dearest answer.
func TestFor(t *testing.T) {
	bank, err := checklist.Parse("t.yaml", []byte(forBank))
	if err != nil {
		t.Fatal(err)
	}
	s := spec.New(filepath.Join(t.TempDir(), "s.yaml"), bank)
	s.Set("project.inventory", spec.Answer{Values: []string{"Odoo"}})
	s.Set("orders.a", spec.Answer{Values: []string{"dear"}})
	s.Set("orders.b", spec.Answer{Values: []string{checklist.Undecided}})
	b := For(bank, s)
	want := []Line{
		{ID: "REQ-ORD-01", Title: "A: Dear in Odoo", LowHours: 5, HighHours: 9},
		{ID: "WP-01", Title: "Mapping for Odoo", LowHours: 10, HighHours: 20},
	}
	if len(b.Lines) != len(want) {
		t.Fatalf("lines %+v, want %+v", b.Lines, want)
	}
	for i := range want {
		if b.Lines[i] != want[i] {
			t.Errorf("line %d: %+v, want %+v", i, b.Lines[i], want[i])
		}
	}
	r := b.RiskOf("orders.b")
	if r == nil || r.ID != "OPEN-ORD-02" || r.LowHours != 2 || r.HighHours != 11 {
		t.Errorf("risk of orders.b: %+v, want OPEN-ORD-02 2–11 h", r)
	}
	if b.Currency != "EUR" || b.HourlyRate != 0 || b.Total.HighHours != 9+20+11 {
		t.Errorf("currency %q, rate %v, total %+v", b.Currency, b.HourlyRate, b.Total)
	}
}
