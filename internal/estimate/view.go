package estimate

import (
	"strconv"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// view is the answers the budget sees: the spec's, with answers to hidden
// questions left out (a kept answer to a question no longer asked costs
// nothing), and optionally some answers supposed, to price an open decision.
type view struct {
	bank  *checklist.Bank
	spec  *spec.Spec
	over  map[string][]string
	shown map[string]bool
}

func newView(bank *checklist.Bank, s *spec.Spec, over map[string][]string) *view {
	return &view{bank: bank, spec: s, over: over, shown: map[string]bool{}}
}

// with is a view that also supposes id is answered values.
func (v *view) with(id string, values []string) *view {
	over := make(map[string][]string, len(v.over)+1)
	for k, x := range v.over {
		over[k] = x
	}
	over[id] = values
	return newView(v.bank, v.spec, over)
}

// Values implements checklist.Answers.
func (v *view) Values(id string) []string {
	q := v.bank.Question(id)
	if q == nil || !v.asked(q) {
		return nil
	}
	if vals, ok := v.over[id]; ok {
		return vals
	}
	return v.spec.Values(id)
}

// Note implements checklist.Answers.
func (v *view) Note(id string) string { return v.spec.Note(id) }

// asked reports whether q's condition holds. Conditions refer only to earlier
// questions, so the recursion ends.
func (v *view) asked(q *checklist.Question) bool {
	if q.When == nil {
		return true
	}
	if shown, ok := v.shown[q.ID]; ok {
		return shown
	}
	shown := q.When.Holds(v)
	v.shown[q.ID] = shown
	return shown
}

// open reports whether q is asked and not decided under this view.
func (v *view) open(q *checklist.Question) bool {
	if !v.asked(q) {
		return false
	}
	vals := v.Values(q.ID)
	return len(vals) == 0 || len(vals) == 1 && vals[0] == checklist.Undecided
}

// number is a number answer, if there is one.
func (v *view) number(id string) (float64, bool) {
	vals := v.Values(id)
	if len(vals) != 1 {
		return 0, false
	}
	f, err := strconv.ParseFloat(vals[0], 64)
	return f, err == nil
}

// driverFactor is a driver's multiplier under the answers, and the answer
// behind it as the brief shows it. An open driver counts as 1: the packages'
// hours are set for a typical business.
func (e *engine) driverFactor(v *view, d *checklist.Driver) (float64, string) {
	q := e.bank.Question(d.Question)
	if q == nil || v.open(q) {
		return 1, ""
	}
	switch {
	case len(d.Values) > 0:
		f, label := 1.0, ""
		for _, val := range v.Values(q.ID) {
			for _, vf := range d.Values {
				if vf.Value == val && (label == "" || vf.Factor > f) {
					f = vf.Factor
					if o := q.Option(val); o != nil {
						label = e.names.Fill(o.Label, nil)
					}
				}
			}
		}
		return f, label
	case len(d.Steps) > 0:
		n, ok := v.number(q.ID)
		if !ok {
			return 1, ""
		}
		f := 1.0
		for _, s := range d.Steps {
			if n >= s.From {
				f = s.Factor
			}
		}
		return f, FormatNumber(n)
	default:
		units := float64(len(v.Values(q.ID)))
		label := strconv.Itoa(len(v.Values(q.ID))) + " chosen"
		if q.Kind == checklist.KindNumber {
			n, ok := v.number(q.ID)
			if !ok {
				return 1, ""
			}
			units, label = n, FormatNumber(n)
		}
		f := 1 + d.PerExtra*max(units-1, 0)
		if d.Max > 0 {
			f = min(f, d.Max)
		}
		return f, label
	}
}
