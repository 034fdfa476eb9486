package brief

import (
	"fmt"
	"strings"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// freshness describes the answer to a trigger question in a few words.
func (b *builder) freshness(triggerID string) string {
	q := b.bank.Question(triggerID)
	if q == nil {
		return ""
	}
	switch b.spec.StatusOf(q) {
	case spec.Answered:
		if o := q.Option(b.spec.Answers[q.ID].Value()); o != nil {
			label, _, _ := strings.Cut(b.fill(o.Label, ""), " (")
			return label
		}
	case spec.Undecided:
		return "timing undecided"
	}
	return "timing not answered"
}

func (b *builder) ownershipAndFlows() ([]MatrixRow, []System, []Flow) {
	s := b.spec
	systems := []System{{ID: "store", Name: b.names.Store}, {ID: "inventory", Name: b.names.Inventory}}
	systemID := func(end, system string) string {
		if end != checklist.EndThird {
			return end
		}
		name := checklist.SystemName(system)
		for _, sys := range systems {
			if sys.Name == name {
				return sys.ID
			}
		}
		id := fmt.Sprintf("third%d", len(systems)-1)
		systems = append(systems, System{ID: id, Name: name})
		return id
	}
	nameOf := func(id string) string {
		for _, sys := range systems {
			if sys.ID == id {
				return sys.Name
			}
		}
		return id
	}

	var rows []MatrixRow
	var flows []Flow
	// One arrow per (from, to, freshness), listing each kind of data once;
	// indexed, so that a bank with thousands of questions stays linear.
	arrow := map[[3]string]int{}
	listed := map[[4]string]bool{}
	addFlow := func(from, to, data, fresh string) {
		key := [3]string{from, to, fresh}
		i, ok := arrow[key]
		if !ok {
			i = len(flows)
			arrow[key] = i
			flows = append(flows, Flow{From: from, To: to, Freshness: fresh})
		}
		if !listed[[4]string{from, to, fresh, data}] {
			listed[[4]string{from, to, fresh, data}] = true
			flows[i].Data = append(flows[i].Data, data)
		}
	}

	for _, q := range b.bank.Questions() {
		st := s.StatusOf(q)
		if st == spec.Hidden {
			continue
		}
		a := s.Answers[q.ID]
		var ends [][2]string
		if st == spec.Answered {
			for _, v := range a.Values {
				opt := q.Option(v)
				if opt == nil {
					continue
				}
				for _, f := range opt.Flows {
					if !f.If.Holds(s) {
						continue
					}
					from, to := systemID(f.From, a.System), systemID(f.To, a.System)
					addFlow(from, to, b.fill(f.Data, checklist.SystemName(a.System)), b.freshness(f.Trigger))
					ends = append(ends, [2]string{from, to})
				}
			}
		}
		if q.Kind != checklist.KindSystem {
			continue
		}
		row := MatrixRow{QuestionID: q.ID, Entity: b.fill(q.ShortTitle(), ""), Note: a.Note, Direction: "—", Freshness: "—"}
		switch st {
		case spec.Open:
			row.Master, row.OtherRole = "Not answered", "—"
		case spec.Undecided:
			row.Master, row.OtherRole = "Undecided", "—"
		default:
			opt := q.Option(a.Value())
			row.Master = b.names.AnswerLabel(q, opt, a.System)
			row.OtherRole = b.fill(opt.Role, checklist.SystemName(a.System))
			row.Direction = direction(ends, nameOf)
			// The copy's freshness, also when the copy is kept by hand (no
			// flow), but not for data that is not copied at all.
			copied := len(ends) > 0 || opt.Value == checklist.EndStore || opt.Value == checklist.EndInventory || opt.Value == checklist.EndThird
			if sync := b.bank.Question(q.Sync); copied && sync != nil && s.StatusOf(sync) != spec.Hidden {
				row.Freshness = b.freshness(q.Sync)
			}
		}
		rows = append(rows, row)
	}
	return rows, systems, flows
}

// direction describes the arrows of one answer: "Odoo → Shopify", "both ways".
func direction(ends [][2]string, nameOf func(string) string) string {
	switch {
	case len(ends) == 0:
		return "none"
	case len(ends) == 2 && ends[0][0] == ends[1][1] && ends[0][1] == ends[1][0]:
		return "both ways"
	}
	var parts []string
	for _, e := range ends {
		parts = append(parts, nameOf(e[0])+" → "+nameOf(e[1]))
	}
	return strings.Join(parts, "; ")
}

func (b *builder) appendix() []AppendixSection {
	s := b.spec
	var out []AppendixSection
	for _, sec := range b.bank.Sections {
		as := AppendixSection{Title: b.fill(sec.Title, ""), Note: s.SectionNotes[sec.ID]}
		for _, q := range sec.Questions {
			a := s.Answers[q.ID]
			entry := AppendixEntry{ID: q.ID, Prompt: b.fill(q.Prompt, "another system"), Note: a.Note}
			switch s.StatusOf(q) {
			case spec.Hidden:
				entry.Answer = "Not asked (only if " + b.bank.DescribeCondition(q.When, b.names) + ")"
			case spec.Open:
				entry.Answer = "Not answered"
				if q.Default != "" {
					entry.Answer += " (default: " + b.fill(q.Default, "") + ")"
				}
			default:
				entry.Answer = AnswerText(b.names, q, a)
			}
			as.Questions = append(as.Questions, entry)
		}
		out = append(out, as)
	}
	return out
}

// AnswerText is how an answer reads in the brief's appendix and in integ
// diff: its labels (the system it names, for "another system"), or its
// figure with the unit, or its text.
func AnswerText(names checklist.Names, q *checklist.Question, a spec.Answer) string {
	var labels []string
	for _, v := range a.Values {
		if o := q.Option(v); o != nil {
			labels = append(labels, names.AnswerLabel(q, o, a.System))
		} else {
			labels = append(labels, v)
		}
	}
	text := strings.Join(labels, "; ")
	if q.Unit != "" && q.Kind == checklist.KindNumber {
		text += " " + q.Unit
	}
	return text
}
