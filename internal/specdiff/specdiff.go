// Package specdiff says what changed between two versions of a spec, in the
// terms an integrator quotes in: answers, requirement IDs and the estimate.
package specdiff

import (
	"slices"
	"time"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/brief"
	"github.com/integ-dev/integ/internal/estimate"
	"github.com/integ-dev/integ/internal/spec"
)

// Result is every difference between two specs.
type Result struct {
	Old          string             `json:"old"`
	New          string             `json:"new"`
	Answers      []AnswerChange     `json:"answers"`
	SectionNotes []NoteChange       `json:"section_notes"`
	Requirements RequirementChanges `json:"requirements"`
	Estimate     EstimateChange     `json:"estimate"`
}

// AnswerChange is one answer added, removed or changed (value or note).
type AnswerChange struct {
	// ID is the question's ID, or ID@CHANNEL for one sales channel's own answer.
	ID       string `json:"id"`
	Channel  string `json:"channel,omitempty"`
	Prompt   string `json:"prompt"`
	Change   string `json:"change"` // added, removed, changed
	OldValue string `json:"old_value,omitempty"`
	NewValue string `json:"new_value,omitempty"`
	OldNote  string `json:"old_note,omitempty"`
	NewNote  string `json:"new_note,omitempty"`
}

type NoteChange struct {
	Section string `json:"section"`
	Old     string `json:"old"`
	New     string `json:"new"`
}

type RequirementChanges struct {
	Added   []brief.Requirement `json:"added"`
	Removed []brief.Requirement `json:"removed"`
	Changed []RequirementChange `json:"changed"`
}

type RequirementChange struct {
	ID  string `json:"id"`
	Old string `json:"old"`
	New string `json:"new"`
}

// EstimateChange is the budget before and after: the planning range, the
// planned figure, and each work package and the open decisions' buffer whose
// expected hours moved.
type EstimateChange struct {
	Currency      string          `json:"currency"`
	Before        estimate.Amount `json:"before"`
	After         estimate.Amount `json:"after"`
	PlannedBefore estimate.Money  `json:"planned_before"`
	PlannedAfter  estimate.Money  `json:"planned_after"`
	// WeeksBefore and WeeksAfter are the weeks to go-live (0 without a
	// schedule), GoLiveBefore and GoLiveAfter the go-live dates set against
	// the deadline ("" without one): both from the estimate's schedule.
	WeeksBefore  float64         `json:"weeks_to_go_live_before"`
	WeeksAfter   float64         `json:"weeks_to_go_live_after"`
	GoLiveBefore string          `json:"go_live_before,omitempty"`
	GoLiveAfter  string          `json:"go_live_after,omitempty"`
	Packages     []PackageChange `json:"packages"`
}

// PackageChange is a work package (or the open decisions' buffer) whose
// expected hours differ; 0 where it has no work.
type PackageChange struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Before int    `json:"before_hours"`
	After  int    `json:"after_hours"`
}

// Same reports whether nothing an integrator quotes from changed.
func (r *Result) Same() bool {
	return len(r.Answers) == 0 && len(r.SectionNotes) == 0 && len(r.Requirements.Added) == 0 &&
		len(r.Requirements.Removed) == 0 && len(r.Requirements.Changed) == 0 && r.Estimate.Before == r.Estimate.After &&
		r.Estimate.PlannedBefore == r.Estimate.PlannedAfter && len(r.Estimate.Packages) == 0 &&
		r.Estimate.WeeksBefore == r.Estimate.WeeksAfter && r.Estimate.GoLiveBefore == r.Estimate.GoLiveAfter
}

// Compare diffs two specs against one bank.
func Compare(bank *checklist.Bank, old, new *spec.Spec, now time.Time) *Result {
	ob, nb := brief.Build(bank, old, now), brief.Build(bank, new, now)
	r := &Result{Old: old.Path, New: new.Path, Answers: []AnswerChange{}, SectionNotes: []NoteChange{},
		Requirements: RequirementChanges{Added: []brief.Requirement{}, Removed: []brief.Requirement{}, Changed: []RequirementChange{}}}
	oldLabels, newLabels := answerLabels(ob), answerLabels(nb)
	names := new.Names(bank)
	for _, q := range bank.Questions() {
		for _, key := range answerKeys(bank, q.ID, old, new) {
			c, ok := compareAnswer(bank, names, q, key, old, new)
			if !ok {
				continue
			}
			if key == q.ID {
				// The answer for all channels reads as the brief's appendix shows it.
				c.OldValue, c.NewValue = "", ""
				if !old.Get(key).IsZero() {
					c.OldValue = oldLabels[q.ID]
				}
				if !new.Get(key).IsZero() {
					c.NewValue = newLabels[q.ID]
				}
			}
			r.Answers = append(r.Answers, c)
		}
	}
	for _, sec := range bank.Sections {
		if o, n := old.SectionNotes[sec.ID], new.SectionNotes[sec.ID]; o != n {
			r.SectionNotes = append(r.SectionNotes, NoteChange{Section: names.Fill(sec.Title, nil), Old: o, New: n})
		}
	}
	oldReqs, newReqs := requirements(ob), requirements(nb)
	for _, req := range flatten(ob) {
		if nr, ok := newReqs[req.ID]; !ok {
			r.Requirements.Removed = append(r.Requirements.Removed, req)
		} else if nr.Text != req.Text {
			r.Requirements.Changed = append(r.Requirements.Changed, RequirementChange{ID: req.ID, Old: req.Text, New: nr.Text})
		}
	}
	for _, req := range flatten(nb) {
		if _, ok := oldReqs[req.ID]; !ok {
			r.Requirements.Added = append(r.Requirements.Added, req)
		}
	}
	r.Estimate = compareEstimates(estimate.For(bank, old), estimate.For(bank, new))
	return r
}

// compareEstimates lists the packages whose expected hours moved, in the
// order the new estimate has them, then those only the old one has.
func compareEstimates(before, after estimate.Budget) EstimateChange {
	c := EstimateChange{Currency: after.Currency, Before: before.Total, After: after.Total,
		PlannedBefore: before.Planned, PlannedAfter: after.Planned, Packages: []PackageChange{}}
	if s := before.Schedule; s != nil {
		c.WeeksBefore = s.ToGoLive
	}
	if s := after.Schedule; s != nil {
		c.WeeksAfter = s.ToGoLive
	}
	if d := before.Deadline; d != nil {
		c.GoLiveBefore = d.GoLive
	}
	if d := after.Deadline; d != nil {
		c.GoLiveAfter = d.GoLive
	}
	hours := func(b estimate.Budget, id string) int {
		if p := b.Package(id); p != nil {
			return p.ExpectedHours
		}
		return 0
	}
	for _, p := range after.Packages {
		if old := hours(before, p.ID); old != p.ExpectedHours {
			c.Packages = append(c.Packages, PackageChange{ID: p.ID, Title: p.Title, Before: old, After: p.ExpectedHours})
		}
	}
	for _, p := range before.Packages {
		if after.Package(p.ID) == nil {
			c.Packages = append(c.Packages, PackageChange{ID: p.ID, Title: p.Title, Before: p.ExpectedHours})
		}
	}
	if b, a := before.RiskBuffer.ExpectedHours, after.RiskBuffer.ExpectedHours; b != a {
		c.Packages = append(c.Packages, PackageChange{ID: "OPEN", Title: "Open decisions (buffer)", Before: b, After: a})
	}
	return c
}

// answerKeys are the keys (spec.Key) under which either spec answers id:
// the answer for all channels, then each channel's own, in the bank's order.
func answerKeys(bank *checklist.Bank, id string, specs ...*spec.Spec) []string {
	keys := []string{id}
	channels := bank.ChannelValues()
	for _, s := range specs {
		for ch := range s.Answers[id].Channels {
			if !slices.Contains(channels, ch) {
				channels = append(channels, ch)
			}
		}
	}
	for _, ch := range channels {
		for _, s := range specs {
			if _, ok := s.Answers[id].Channels[ch]; ok {
				keys = append(keys, spec.Key(id, ch))
				break
			}
		}
	}
	return keys
}

// compareAnswer compares the answer a key names in two specs; ok is false
// when neither has it or it is the same (values and note).
func compareAnswer(bank *checklist.Bank, names checklist.Names, q *checklist.Question, key string, old, new *spec.Spec) (AnswerChange, bool) {
	oa, na := old.Get(key), new.Get(key)
	inOld, inNew := !oa.IsZero(), !na.IsZero()
	_, channel := spec.SplitKey(key)
	c := AnswerChange{ID: key, Channel: channel, Prompt: names.Fill(q.Prompt, map[string]string{"third": "another system"})}
	if channel != "" {
		c.Prompt += " (" + bank.ChannelTitle(channel, names) + ")"
	}
	switch {
	case !inOld && !inNew:
		return c, false
	case !inOld:
		c.Change = "added"
	case !inNew:
		c.Change = "removed"
	case slices.Equal(oa.Values, na.Values) && oa.Note == na.Note:
		return c, false
	default:
		c.Change = "changed"
	}
	if channel != "" {
		// What the channel sees: its own answer, else the answer for all channels.
		c.OldValue, c.OldNote = channelText(names, q, old.Answers[q.ID], channel), oa.Note
		c.NewValue, c.NewNote = channelText(names, q, new.Answers[q.ID], channel), na.Note
		return c, true
	}
	if inOld {
		c.OldValue, c.OldNote = brief.AnswerText(names, q, oa), oa.Note
	}
	if inNew {
		c.NewValue, c.NewNote = brief.AnswerText(names, q, na), na.Note
	}
	return c, true
}

// channelText is how the answer reads for one channel: its own, or the
// answer for all channels, saying so; "" when it sees none.
func channelText(names checklist.Names, q *checklist.Question, a spec.Answer, channel string) string {
	seen := a.For(channel)
	if len(seen.Values) == 0 {
		return ""
	}
	text := brief.AnswerText(names, q, seen)
	if own := a.Channels[channel]; len(own.Values) == 0 {
		text += " (the answer for all channels)"
	}
	return text
}

// answerLabels maps question IDs to how the brief shows their answers.
func answerLabels(b *brief.Brief) map[string]string {
	labels := map[string]string{}
	for _, sec := range b.Appendix {
		for _, q := range sec.Questions {
			labels[q.ID] = q.Answer
		}
	}
	return labels
}

func flatten(b *brief.Brief) []brief.Requirement {
	var out []brief.Requirement
	for _, g := range b.Requirements {
		out = append(out, g.Requirements...)
	}
	return out
}

func requirements(b *brief.Brief) map[string]brief.Requirement {
	m := map[string]brief.Requirement{}
	for _, r := range flatten(b) {
		m[r.ID] = r
	}
	return m
}
