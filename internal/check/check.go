// Package check finds what a consultant would notice in a spec: answers that
// contradict each other or carry a known risk (the bank's findings), answers
// that promise a note and have none, and answers that no longer fit the bank.
// The rules are data in the bank; this package only evaluates them.
package check

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// Finding is one thing to look at, with advice that says what to decide.
type Finding struct {
	ID       string   `json:"id"`
	Severity string   `json:"severity"`
	Message  string   `json:"message"`
	Advice   string   `json:"advice"`
	Source   string   `json:"source,omitempty"`
	Refs     []string `json:"questions,omitempty"`
}

// Counts per severity.
type Counts struct {
	Errors   int `json:"error"`
	Warnings int `json:"warning"`
	Infos    int `json:"info"`
}

// Count tallies findings by severity.
func Count(fs []Finding) Counts {
	var c Counts
	for _, f := range fs {
		switch f.Severity {
		case "error":
			c.Errors++
		case "warning":
			c.Warnings++
		default:
			c.Infos++
		}
	}
	return c
}

// answers lets conditions count open questions per section.
type answers struct {
	*spec.Spec
	bank *checklist.Bank
}

func (a answers) OpenInSection(id string) int {
	sec := a.bank.Section(id)
	if sec == nil {
		return 0
	}
	c := a.Progress(sec)
	return c.Open + c.Undecided
}

// Run evaluates every finding, most serious first, in bank order within a severity.
func Run(bank *checklist.Bank, s *spec.Spec) []Finding {
	names := s.Names(bank)
	eval := answers{Spec: s, bank: bank}
	out := Conflicts(bank, s)
	for _, f := range bank.Findings {
		if !f.When.Holds(eval) {
			continue
		}
		out = append(out, Finding{
			ID: f.ID, Severity: f.Severity,
			Message: names.Fill(f.Message, nil), Advice: names.Fill(f.Advice, nil), Source: f.Source,
			Refs: f.When.Questions(),
		})
	}
	out = append(out, missingFollowUps(bank, s, names)...)
	Sort(out)
	return out
}

// missingFollowUps reports answers that are not buildable without what their
// option asks for: the name of the system they name ("which tax service?"),
// or a note ("how is it split?").
func missingFollowUps(bank *checklist.Bank, s *spec.Spec, names checklist.Names) []Finding {
	var out []Finding
	for _, q := range bank.Questions() {
		if s.StatusOf(q) != spec.Answered {
			continue
		}
		a := s.Answers[q.ID]
		for _, v := range a.Values {
			o := q.Option(v)
			if o == nil {
				continue
			}
			label := names.Fill(o.Label, map[string]string{"third": "another system"})
			if o.System != "" && strings.TrimSpace(a.System) == "" {
				out = append(out, Finding{
					ID:       "missing-system." + q.ID,
					Severity: "warning",
					Message:  fmt.Sprintf("%s is answered %q, but the system is not named: %s", names.Fill(q.ShortTitle(), nil), label, names.Fill(o.System, nil)),
					Advice:   fmt.Sprintf("Name it: integ set --system %s=\"…\" (or integ plan --section %s).", q.ID, q.Section.ID),
					Refs:     []string{q.ID},
				})
			}
			if o.FollowUp != "" && a.Note == "" {
				out = append(out, Finding{
					ID:       "missing-note." + q.ID,
					Severity: "warning",
					Message:  fmt.Sprintf("%s is answered %q, but has no note; the note should answer: %s", names.Fill(q.ShortTitle(), nil), label, names.Fill(o.FollowUp, nil)),
					Advice:   fmt.Sprintf("Add the note: integ set --note %s=\"…\" (or integ plan --section %s).", q.ID, q.Section.ID),
					Refs:     []string{q.ID},
				})
			}
		}
	}
	return out
}

// Problems turns answers that do not fit the bank into findings.
func Problems(warnings []string, invalid []spec.Invalid) []Finding {
	var out []Finding
	for _, w := range warnings {
		out = append(out, Finding{ID: "unknown-answer", Severity: "warning", Message: w, Advice: "Remove it, or use the checklist it was written for (--checklist)."})
	}
	for _, in := range invalid {
		out = append(out, Finding{ID: "invalid-answer", Severity: "error", Message: in.Error(), Advice: "Answer it again with integ set or integ plan.", Refs: []string{in.ID}})
	}
	return out
}

// Sort orders findings most serious first, keeping the order within a severity.
func Sort(fs []Finding) {
	rank := func(s string) int { return slices.Index(checklist.Severities, s) }
	sort.SliceStable(fs, func(i, j int) bool { return rank(fs[i].Severity) < rank(fs[j].Severity) })
}
