package brief

import (
	"fmt"
	"slices"
	"strings"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// item is what one decided answer contributes, in one channel's view of the
// answers: the question, the option chosen (nil for a number or text answer)
// and its requirement base ID.
type item struct {
	q         *checklist.Question
	opt       *checklist.Option
	optIndex  int    // the option's place in the question, for the bank's order
	id        string // REQ-ORD-03, REQ-PAY-04.2
	requires  []checklist.Sentence
	scenarios []checklist.Scenario
	ctx       checklist.Context
}

// items lists what each answer decided in view v contributes to a section,
// in bank order.
func (b *builder) items(sec *checklist.Section, v spec.View) []item {
	var out []item
	for _, q := range sec.Questions {
		if v.StatusIn(q) != spec.Answered {
			continue
		}
		a := v.Answer(q.ID)
		ctx := checklist.Context{Bank: b.bank, Names: b.names, Answers: v, Third: checklist.SystemName(a.System), Value: a.Value()}
		if !q.HasOptions() {
			out = append(out, item{q: q, id: "REQ-" + q.RequirementBase(), requires: q.Requires, scenarios: q.Scenarios, ctx: ctx})
			continue
		}
		for _, val := range a.Values {
			if i := slices.IndexFunc(q.Options, func(o checklist.Option) bool { return o.Value == val }); i >= 0 {
				opt := &q.Options[i]
				out = append(out, item{q: q, opt: opt, optIndex: i, id: q.RequirementID(opt), requires: opt.Requires, scenarios: opt.Scenarios, ctx: ctx})
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

// found is a requirement or scenario as one channel's view yields it, under
// its ID in the bank (REQ-CUS-03) and its place in the bank.
type found[T any] struct {
	id      string
	order   [3]int // question, option, sentence
	channel string
	val     T
}

// byID groups what the views found by ID, in bank order; each group lists
// the views that found it, in their order.
func byID[T any](all []found[T]) [][]found[T] {
	at := map[string]int{}
	var groups [][]found[T]
	for _, f := range all {
		i, ok := at[f.id]
		if !ok {
			i = len(groups)
			at[f.id] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], f)
	}
	slices.SortStableFunc(groups, func(x, y []found[T]) int {
		return slices.Compare(x[0].order[:], y[0].order[:])
	})
	return groups
}

// wordings splits a group by wording: the views that found the same thing
// (by same) form one wording, in the order of the views.
func wordings[T any](g []found[T], same func(a, b T) bool) [][]found[T] {
	var out [][]found[T]
	for _, f := range g {
		i := slices.IndexFunc(out, func(w []found[T]) bool { return same(w[0].val, f.val) })
		if i < 0 {
			out = append(out, nil)
			i = len(out) - 1
		}
		out[i] = append(out[i], f)
	}
	return out
}

// stated is how one wording of a group is stated: its ID in the brief and
// the channels it is scoped to (none when it holds for every channel).
type stated struct {
	id       string
	channel  string   // set when the ID ends in it
	channels []string // the scope, when not every channel
}

// statements names each wording of a group. A wording is stated once, for
// all the channels that word it so. When it is the only wording, it keeps
// the bank's ID, scoped to its channels when not all have it. When the
// channels word it differently, a wording of one channel has the channel
// added to the ID (REQ-CUS-03.web-b2b); the first wording shared by several
// channels keeps the bank's ID and any further one has its channels added
// (REQ-CUS-03.web-retail+edi).
func statements[T any](ws [][]found[T], views int) []stated {
	out := make([]stated, len(ws))
	plainTaken := false
	for i, w := range ws {
		st := stated{id: w[0].id}
		for _, f := range w {
			st.channels = append(st.channels, f.channel)
		}
		switch {
		case len(ws) > 1 && len(w) == 1:
			st.channel = w[0].channel
			st.id += "." + st.channel
		case len(ws) > 1 && plainTaken:
			st.id += "." + strings.Join(st.channels, "+")
		case len(ws) > 1:
			plainTaken = true
		}
		if len(w) == views {
			st.channels = nil
		}
		out[i] = st
	}
	return out
}

// viewState is what the requirements of one channel's view are called, for
// the scenarios that check them.
type viewState struct {
	byQuestion map[string][]string // bank requirement IDs per question
	ofItem     map[string][]string // bank requirement IDs per item ID
	bySentence map[string]string   // item ID and "#n" (1-based sentence) -> bank requirement ID
	final      map[string]string   // bank requirement ID -> its ID in the brief (with .CHANNEL where channel-specific)
	items      [][]item            // per section
}

// requirementsAndScenarios builds the requirement groups and the scenarios,
// each following the answers: a sentence or scenario with an `if` is kept
// only where it holds, and their texts quote the answers and compute their
// figures from them.
//
// Where answers differ by sales channel, each channel's view of the answers
// yields its own; what several channels yield alike is stated once (see
// statements): under the bank's ID when it is the only wording, its text
// starting with its channels when not every channel has it, and per
// wording where channels word it differently (REQ-CUS-03.web-b2b).
func (b *builder) requirementsAndScenarios() ([]RequirementGroup, []ScenarioGroup) {
	views := b.views
	state := make([]viewState, len(views))
	at := map[string]int{}
	for vi, v := range views {
		at[v.Channel] = vi
		state[vi] = viewState{byQuestion: map[string][]string{}, ofItem: map[string][]string{}, bySentence: map[string]string{},
			final: map[string]string{}, items: make([][]item, len(b.bank.Sections))}
	}
	var groups []RequirementGroup
	for si, sec := range b.bank.Sections {
		var all []found[Requirement]
		for vi, v := range views {
			st := &state[vi]
			st.items[si] = b.items(sec, v)
			for _, it := range st.items[si] {
				for i, sen := range it.requires {
					if !sen.If.Holds(v) {
						continue
					}
					rid := lettered(it.id, i, len(it.requires))
					// The answer's note is shown once, beside its question's first sentence.
					note := ""
					if len(st.byQuestion[it.q.ID]) == 0 {
						note = v.Note(it.q.ID)
					}
					all = append(all, found[Requirement]{id: rid, order: [3]int{it.q.Number, it.optIndex, i}, channel: v.Channel, val: Requirement{
						ID: rid, QuestionID: it.q.ID, Text: it.ctx.Fill(sen.Text), Note: note, Source: sen.Source,
					}})
					st.byQuestion[it.q.ID] = append(st.byQuestion[it.q.ID], rid)
					st.ofItem[it.id] = append(st.ofItem[it.id], rid)
					st.bySentence[fmt.Sprintf("%s#%d", it.id, i+1)] = rid
				}
			}
		}
		group := RequirementGroup{SectionID: sec.ID, Title: b.fill(sec.Title, ""), Note: b.spec.SectionNotes[sec.ID]}
		for _, g := range byID(all) {
			ws := wordings(g, func(x, y Requirement) bool { return x.Text == y.Text && x.Source == y.Source })
			for i, st := range statements(ws, len(views)) {
				r := ws[i][0].val
				var channels, notes []string
				for _, f := range ws[i] {
					channels, notes = append(channels, f.channel), append(notes, f.val.Note)
					state[at[f.channel]].final[f.id] = st.id
				}
				r.Note = b.perChannel(channels, notes, "\n")
				r.ID, r.Channel, r.Channels = st.id, st.channel, st.channels
				if len(st.channels) > 0 {
					r.ChannelTitle = b.bank.ChannelList(st.channels, b.names)
					r.Text = r.ChannelTitle + " only: " + r.Text
				}
				group.Requirements = append(group.Requirements, r)
			}
		}
		if len(group.Requirements) > 0 || group.Note != "" {
			groups = append(groups, group)
		}
	}
	var scenarioGroups []ScenarioGroup
	for si, sec := range b.bank.Sections {
		var all []found[Scenario]
		for vi, v := range views {
			st := &state[vi]
			for _, it := range st.items[si] {
				for i, sc := range it.scenarios {
					if !sc.If.Holds(v) {
						continue
					}
					checks := scenarioChecks(sc, it.id, st.ofItem, st.bySentence, st.byQuestion)
					for k, rid := range checks {
						checks[k] = st.final[rid]
					}
					id := lettered("AT-"+strings.TrimPrefix(it.id, "REQ-"), i, len(it.scenarios))
					all = append(all, found[Scenario]{id: id, order: [3]int{it.q.Number, it.optIndex, i}, channel: v.Channel, val: Scenario{
						ID: id, QuestionID: it.q.ID, Given: it.ctx.Fill(sc.Given), When: it.ctx.Fill(sc.When), Then: it.ctx.Fill(sc.Then), Checks: checks,
					}})
				}
			}
		}
		group := ScenarioGroup{SectionID: sec.ID, Title: b.fill(sec.Title, "")}
		for _, g := range byID(all) {
			// A test worded alike for several channels is run once, and
			// checks each of those channels' requirements.
			ws := wordings(g, func(x, y Scenario) bool { return x.Given == y.Given && x.When == y.When && x.Then == y.Then })
			for i, st := range statements(ws, len(views)) {
				sc := ws[i][0].val
				for _, f := range ws[i][1:] {
					for _, id := range f.val.Checks {
						if !slices.Contains(sc.Checks, id) {
							sc.Checks = append(sc.Checks, id)
						}
					}
				}
				sc.ID, sc.Channel, sc.Channels = st.id, st.channel, st.channels
				if len(st.channels) > 0 {
					sc.ChannelTitle = b.bank.ChannelList(st.channels, b.names)
				}
				group.Scenarios = append(group.Scenarios, sc)
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
	c := Coverage{Uncovered: []string{}}
	for _, g := range groups {
		for _, r := range g.Requirements {
			c.Requirements++
			if checked[r.ID] {
				c.Covered++
			} else {
				c.Uncovered = append(c.Uncovered, r.ID)
			}
		}
	}
	if c.Requirements > 0 {
		c.Percent = c.Covered * 100 / c.Requirements
	}
	return c
}
