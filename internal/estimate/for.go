package estimate

import (
	"fmt"
	"strings"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// For is the budget of a spec against its bank: what the brief, the summary of
// integ plan and integ diff show. Nothing else computes budget figures.
func For(bank *checklist.Bank, s *spec.Spec) Budget {
	names := s.Names(bank)
	var lines []Line
	for _, q := range bank.Questions() {
		if s.StatusOf(q) != spec.Answered || !q.HasOptions() {
			continue
		}
		a := s.Answers[q.ID]
		for _, value := range a.Values {
			opt := q.Option(value)
			if opt == nil || opt.Effort == nil || opt.Effort.High <= 0 {
				continue
			}
			title := names.Fill(q.ShortTitle(), nil) + ": " + names.AnswerLabel(q, opt, a.System)
			lines = append(lines, Line{ID: q.RequirementID(opt), Title: title, LowHours: opt.Effort.Low, HighHours: opt.Effort.High})
		}
	}
	for _, wp := range bank.WorkPackages {
		lines = append(lines, Line{ID: wp.ID, Title: names.Fill(wp.Title, nil), LowHours: wp.Effort.Low, HighHours: wp.Effort.High})
	}

	var risks []Line
	for _, q := range bank.Questions() {
		if st := s.StatusOf(q); st != spec.Open && st != spec.Undecided {
			continue
		}
		if checklist.IsFact(q.ID) || q.Default != "" {
			continue // facts, or settings with a default: listed under assumptions
		}
		if low, high, ok := openRange(q); ok {
			risks = append(risks, Line{ID: "OPEN-" + q.RequirementBase(), Title: "Open: " + names.Fill(q.ShortTitle(), nil), LowHours: low, HighHours: high, QuestionID: q.ID})
		}
	}

	rate, rateAnswered := s.Number(bank, checklist.QBudgetHourlyRate)
	pct, pctAnswered := s.Number(bank, checklist.QBudgetContingency)
	currency := strings.TrimSpace(s.Text(bank, checklist.QBudgetCurrency))
	if currency == "" {
		currency = "EUR"
	}
	b := Compute(lines, risks, currency, rate, pct)
	b.Assumptions = assumptions(names, rateAnswered, pctAnswered, currency, rate, pct)
	return b
}

// openRange is what an open decision may cost: from its cheapest to its
// dearest answer. ok is false when no answer carries any effort.
func openRange(q *checklist.Question) (low, high int, ok bool) {
	low = -1
	for _, o := range q.Options {
		if o.Value == checklist.Undecided {
			continue
		}
		l, h := 0, 0
		if o.Effort != nil {
			l, h = o.Effort.Low, o.Effort.High
			ok = true
		}
		if low < 0 || l < low {
			low = l
		}
		high = max(high, h)
	}
	return max(low, 0), high, ok
}

// RiskOf is the risk buffer an open question carries, or nil.
func (b *Budget) RiskOf(questionID string) *Line {
	for i := range b.RiskBuffer.Items {
		if b.RiskBuffer.Items[i].QuestionID == questionID {
			return &b.RiskBuffer.Items[i]
		}
	}
	return nil
}

func assumptions(names checklist.Names, rateAnswered, pctAnswered bool, currency string, rate, pct float64) []string {
	source := func(answered bool) string {
		if answered {
			return "as given in the spec"
		}
		return "integ's default; no figure was given"
	}
	return []string{
		"Effort figures are integ's own planning assumptions for a mid-size project with standard platform APIs, not an integrator's quote.",
		fmt.Sprintf("Hourly rate: %s %s (%s).", FormatNumber(rate), currency, source(rateAnswered)),
		fmt.Sprintf("Contingency: %s%% of the subtotal, rounded up to whole hours (%s).", FormatNumber(pct), source(pctAnswered)),
		"Each open or undecided question adds a risk buffer from its cheapest to its dearest answer; deciding it replaces the buffer with the chosen answer's line.",
		fmt.Sprintf("Both systems' standard APIs (%s and %s) are assumed to be reachable; custom modules, middleware licences and hosting are not included.", names.Store, names.Inventory),
		"Data clean-up (missing SKUs, duplicate customers) is included only where a requirement calls for it.",
	}
}

// FormatNumber prints a setting as written: 20, 12.5, 95.55.
func FormatNumber(f float64) string {
	if f == float64(int64(f)) {
		return fmt.Sprintf("%d", int64(f))
	}
	return fmt.Sprintf("%.2f", f)
}
