package brief

import (
	"fmt"
	"slices"
	"strings"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// item is what one decided answer contributes: the question, the option
// chosen (nil for a number or text answer) and its requirement base ID.
type item struct {
	q         *checklist.Question
	opt       *checklist.Option
	id        string // REQ-ORD-03, REQ-PAY-04.2
	requires  []checklist.Sentence
	scenarios []checklist.Scenario
	ctx       checklist.Context
}

// items lists what each decided answer of a section contributes, in bank order.
func (b *builder) items(sec *checklist.Section) []item {
	var out []item
	for _, q := range sec.Questions {
		if b.spec.StatusOf(q) != spec.Answered {
			continue
		}
		a := b.spec.Answers[q.ID]
		ctx := checklist.Context{Bank: b.bank, Names: b.names, Answers: b.spec, Third: checklist.SystemName(a.System), Value: a.Value()}
		if !q.HasOptions() {
			out = append(out, item{q: q, id: "REQ-" + q.RequirementBase(), requires: q.Requires, scenarios: q.Scenarios, ctx: ctx})
			continue
		}
		for _, v := range a.Values {
			if opt := q.Option(v); opt != nil {
				out = append(out, item{q: q, opt: opt, id: q.RequirementID(opt), requires: opt.Requires, scenarios: opt.Scenarios, ctx: ctx})
			}
		}
	}
	return out
}

// lettered is an item's ID for its i-th sentence or scenario of n: a letter
// is added when there are several, by position in the bank's list, so that
// it does not move when a condition leaves one out.
func lettered(id string, i, n int) string {
	if n > 1 {
		return fmt.Sprintf("%s%c", id, 'a'+i)
	}
	return id
}

// requirementsAndScenarios builds the requirement groups and the scenarios,
// each following the answers: a sentence or scenario with an `if` is kept
// only where it holds, and their texts quote the answers and compute their
// figures from them.
func (b *builder) requirementsAndScenarios() ([]RequirementGroup, []ScenarioGroup) {
	var groups []RequirementGroup
	byQuestion := map[string][]string{} // requirement IDs per question, for scenarios' checks
	ofItem := map[string][]string{}     // requirement IDs per item ID
	bySentence := map[string]string{}   // item ID and "#n" (1-based sentence) -> requirement ID
	perSection := make([][]item, len(b.bank.Sections))
	for si, sec := range b.bank.Sections {
		group := RequirementGroup{SectionID: sec.ID, Title: b.fill(sec.Title, ""), Note: b.spec.SectionNotes[sec.ID]}
		perSection[si] = b.items(sec)
		for _, it := range perSection[si] {
			for i, sen := range it.requires {
				if !sen.If.Holds(b.spec) {
					continue
				}
				rid := lettered(it.id, i, len(it.requires))
				// The answer's note is shown once, beside its question's first sentence.
				note := ""
				if len(byQuestion[it.q.ID]) == 0 {
					note = b.spec.Note(it.q.ID)
				}
				group.Requirements = append(group.Requirements, Requirement{
					ID: rid, QuestionID: it.q.ID, Text: it.ctx.Fill(sen.Text), Note: note, Source: sen.Source,
				})
				byQuestion[it.q.ID] = append(byQuestion[it.q.ID], rid)
				ofItem[it.id] = append(ofItem[it.id], rid)
				bySentence[fmt.Sprintf("%s#%d", it.id, i+1)] = rid
			}
		}
		if len(group.Requirements) > 0 || group.Note != "" {
			groups = append(groups, group)
		}
	}
	var scenarioGroups []ScenarioGroup
	for si, sec := range b.bank.Sections {
		group := ScenarioGroup{SectionID: sec.ID, Title: b.fill(sec.Title, "")}
		for _, it := range perSection[si] {
			for i, sc := range it.scenarios {
				if !sc.If.Holds(b.spec) {
					continue
				}
				checks := scenarioChecks(sc, it.id, ofItem, bySentence, byQuestion)
				group.Scenarios = append(group.Scenarios, Scenario{
					ID: lettered("AT-"+strings.TrimPrefix(it.id, "REQ-"), i, len(it.scenarios)), QuestionID: it.q.ID,
					Given: it.ctx.Fill(sc.Given), When: it.ctx.Fill(sc.When), Then: it.ctx.Fill(sc.Then), Checks: checks,
				})
			}
		}
		if len(group.Scenarios) > 0 {
			scenarioGroups = append(scenarioGroups, group)
		}
	}
	return groups, scenarioGroups
}

// scenarioChecks lists the requirements a scenario names: its own answer's
// (only the sentences it lists as "#n", if it lists any) and those of every
// question in its checks, as far as they are in the brief.
func scenarioChecks(sc checklist.Scenario, itemID string, ofItem map[string][]string, bySentence map[string]string, byQuestion map[string][]string) []string {
	var own, others []string
	for _, c := range sc.Checks {
		if strings.HasPrefix(c, "#") {
			if rid, ok := bySentence[itemID+c]; ok {
				own = append(own, rid)
			}
			continue
		}
		others = append(others, byQuestion[c]...)
	}
	if !slices.ContainsFunc(sc.Checks, func(c string) bool { return strings.HasPrefix(c, "#") }) {
		own = ofItem[itemID]
	}
	checks := slices.Clone(own)
	for _, rid := range others {
		if !slices.Contains(checks, rid) {
			checks = append(checks, rid)
		}
	}
	if checks == nil {
		checks = []string{}
	}
	return checks
}

// coverage counts the requirements that some scenario checks.
func coverage(groups []RequirementGroup, scenarios []ScenarioGroup) Coverage {
	checked := map[string]bool{}
	for _, g := range scenarios {
		for _, sc := range g.Scenarios {
			for _, id := range sc.Checks {
				checked[id] = true
			}
		}
	}
	var c Coverage
	for _, g := range groups {
		for _, r := range g.Requirements {
			c.Requirements++
			if checked[r.ID] {
				c.Covered++
			}
		}
	}
	if c.Requirements > 0 {
		c.Percent = c.Covered * 100 / c.Requirements
	}
	return c
}
