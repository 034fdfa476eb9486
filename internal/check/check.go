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
	"github.com/integ-dev/integ/internal/estimate"
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
	// Channels are the sales channels whose answers raise it, when answers
	// differ by channel and it holds for some channels only; its message
	// then starts with their names.
	Channels []string `json:"channels,omitempty"`
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

// answers is one channel's view of the answers, which also lets conditions
// count open questions per section.
type answers struct {
	spec.View
	bank  *checklist.Bank
	facts checklist.Facts
}

// Fact is a fact the budget computed, for `fact` conditions.
func (a answers) Fact(id string) []string { return a.facts.Values[id] }

func (a answers) OpenInSection(id string) int {
	sec := a.bank.Section(id)
	if sec == nil {
		return 0
	}
	c := a.Spec.Progress(sec)
	return c.Open + c.Undecided
}

// checker evaluates rules in every channel's view of the answers.
type checker struct {
	bank  *checklist.Bank
	names checklist.Names
	views []answers
	out   []Finding
}

// each runs find in every view and keeps what it finds, so that a finding
// never comes from a mix of two channels' answers. A finding found in every
// view is kept once; one found in some views only is kept with those
// channels, and its message starts with them ("Web retail only: …").
func (c *checker) each(find func(v answers) []Finding) {
	type found struct {
		f        Finding
		channels []string
	}
	var order []*found
	byKey := map[string]*found{}
	for _, v := range c.views {
		for _, f := range find(v) {
			key := f.ID + "\x00" + f.Message
			if byKey[key] == nil {
				byKey[key] = &found{f: f}
				order = append(order, byKey[key])
			}
			byKey[key].channels = append(byKey[key].channels, v.Channel)
		}
	}
	for _, x := range order {
		if len(x.channels) < len(c.views) {
			x.f.Channels = x.channels
			x.f.Message = c.bank.ChannelList(x.channels, c.names) + " only: " + x.f.Message
		}
		c.out = append(c.out, x.f)
	}
}

// Run evaluates every finding, most serious first, in bank order within a
// severity. Where answers differ by sales channel, each rule is evaluated in
// each channel's view (see checker.each). Findings that read a fact computed
// from the budget (the schedule against the deadline) get it from
// internal/estimate.
func Run(bank *checklist.Bank, s *spec.Spec) []Finding {
	return RunWith(bank, s, estimate.FactsFor(bank, s))
}

// RunWith is Run with the budget's facts already computed (the brief has
// its budget).
func RunWith(bank *checklist.Bank, s *spec.Spec, facts checklist.Facts) []Finding {
	c := &checker{bank: bank, names: s.Names(bank), out: Conflicts(bank, s)}
	for _, v := range s.ViewsOf(bank) {
		c.views = append(c.views, answers{View: v, bank: bank, facts: facts})
	}
	for _, f := range bank.Findings {
		c.each(func(v answers) []Finding {
			if !f.When.Holds(v) {
				return nil
			}
			return []Finding{{
				ID: f.ID, Severity: f.Severity,
				Message: c.names.Fill(f.Message, facts.Figures), Advice: c.names.Fill(f.Advice, facts.Figures), Source: f.Source,
				Refs: f.When.Questions(),
			}}
		})
	}
	for _, q := range bank.Questions() {
		c.each(func(v answers) []Finding { return missingFollowUps(q, v.View, c.names) })
	}
	Sort(c.out)
	return c.out
}

// missingFollowUps reports an answer that is not buildable without what its
// option asks for: the name of the system it names ("which tax service?"),
// or a note ("how is it split?").
func missingFollowUps(q *checklist.Question, v spec.View, names checklist.Names) []Finding {
	if v.StatusIn(q) != spec.Answered {
		return nil
	}
	var out []Finding
	a := v.Answer(q.ID)
	for _, val := range a.Values {
		o := q.Option(val)
		if o == nil {
			continue
		}
		label := names.Fill(o.Label, map[string]string{"third": "another system"})
		target := q.ID // where the channel has its own answer, that is what to complete
		if _, own := v.Spec.Answers[q.ID].Channels[v.Channel]; own {
			target = spec.Key(q.ID, v.Channel)
		}
		missing := func(id, lack, ask, flag string) {
			out = append(out, Finding{
				ID:       id + "." + q.ID,
				Severity: "warning",
				Message:  fmt.Sprintf("%s is answered %q, but %s: %s", names.Fill(q.ShortTitle(), nil), label, lack, names.Fill(ask, nil)),
				Advice:   fmt.Sprintf("%s %s=\"…\" (or integ plan --section %s).", flag, target, q.Section.ID),
				Refs:     []string{q.ID},
			})
		}
		if o.System != "" && strings.TrimSpace(a.System) == "" {
			missing("missing-system", "the system is not named", o.System, "Name it: integ set --system")
		}
		if o.FollowUp != "" && a.Note == "" {
			missing("missing-note", "has no note; the note should answer", o.FollowUp, "Add the note: integ set --note")
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
