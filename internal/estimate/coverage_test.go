package estimate

import (
	"slices"
	"testing"

	"github.com/integ-dev/integ/checklist"
)

// TestEveryRequirementIsPricedOrFree walks the built-in bank: every answer
// that produces a requirement either gives hours (a work item whose
// condition asks for it, or a driver on its question) or is marked in the
// bank's no_work list as costing nothing, with the reason. Otherwise the
// brief would carry a "shall" the integrator must deliver for nothing.
func TestEveryRequirementIsPricedOrFree(t *testing.T) {
	bank := defaultBank(t)
	for _, q := range bank.Questions() {
		if len(q.Options) == 0 {
			if len(q.Requires) > 0 && !pricedAt(bank, q.ID, "") && !bank.Estimate.Free(q, "") {
				t.Errorf("%s produces a requirement but no work item or driver reads it, and no_work does not list it", q.ID)
			}
			continue
		}
		for _, o := range q.Options {
			if len(o.Requires) == 0 || o.Value == checklist.Undecided {
				continue
			}
			if !pricedAt(bank, q.ID, o.Value) && !bank.Estimate.Free(q, o.Value) {
				t.Errorf("%s = %s produces a requirement (%q) but no work item or driver prices it, and no_work does not list it", q.ID, o.Value, o.Requires[0].Text)
			}
		}
	}
}

// pricedAt reports whether a work item's condition asks for answer value of
// question id (value "" for a question without options: any answer), or a
// driver reads the question.
func pricedAt(bank *checklist.Bank, id, value string) bool {
	for _, d := range bank.Estimate.Drivers {
		if d.Question == id {
			return true
		}
	}
	for _, wp := range bank.WorkPackages {
		for _, it := range wp.Items {
			if it.When != nil && asksFor(it.When, id, value) {
				return true
			}
		}
	}
	return false
}

// asksFor reports whether c holds on the answer value of question id by
// naming it: a leaf on id with that value (or with no value, or any value for
// a question without options), outside a `not`.
func asksFor(c *checklist.Condition, id, value string) bool {
	return checklist.Fold(c, func(l *checklist.Condition) bool {
		if l.Question != id || l.Differs != nil {
			return false
		}
		named := l.Is != "" || len(l.In) > 0
		return value == "" || !named || l.Is == value || slices.Contains(l.In, value)
	}, func(n *checklist.Condition, parts []bool) bool {
		return n.Op() != checklist.OpNot && slices.Contains(parts, true)
	})
}

// TestAsksFor checks the walk on small conditions: a value named directly,
// in a list, under all/any, and never under not.
func TestAsksFor(t *testing.T) {
	is := &checklist.Condition{Question: "q", Is: "a"}
	in := &checklist.Condition{Question: "q", In: []string{"b", "c"}}
	tests := []struct {
		c     *checklist.Condition
		value string
		want  bool
	}{
		{is, "a", true},
		{is, "b", false},
		{in, "c", true},
		{&checklist.Condition{All: []*checklist.Condition{{Question: "x", Is: "y"}, in}}, "b", true},
		{&checklist.Condition{Any: []*checklist.Condition{{Question: "x", Is: "a"}}}, "a", false},
		{&checklist.Condition{Not: is}, "a", false},
		{&checklist.Condition{Question: "q"}, "z", true},
	}
	for i, tt := range tests {
		if got := asksFor(tt.c, "q", tt.value); got != tt.want {
			t.Errorf("%d: asksFor(q=%s) = %v, want %v", i, tt.value, got, tt.want)
		}
	}
}
