package brief

import (
	"fmt"
	"slices"
	"strings"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// freshness describes the answer to a trigger question, as view v sees it,
// in a few words.
func (b *builder) freshness(v spec.View, triggerID string) string {
	q := b.bank.Question(triggerID)
	if q == nil {
		return ""
	}
	switch v.StatusIn(q) {
	case spec.Answered:
		if o := q.Option(v.Answer(q.ID).Value()); o != nil {
			label, _, _ := strings.Cut(b.fill(o.Label, ""), " (")
			return label
		}
	case spec.Undecided:
		return "timing undecided"
	}
	return "timing not answered"
}

// flowKey is one kind of data on one arrow.
type flowKey struct{ from, to, data, fresh string }

// answerIn is a question's answer as one channel's view sees it, with the
// ends of the arrows it draws.
type answerIn struct {
	channel string
	status  spec.Status
	answer  spec.Answer
	ends    [][2]string
}

func (b *builder) ownershipAndFlows() ([]MatrixRow, []System, []Flow) {
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
	// Each kind of data on each arrow once, with the channels whose answers
	// send it; indexed, so that a bank with thousands of questions stays linear.
	var order []flowKey
	channelsOf := map[flowKey][]string{}
	for _, q := range b.bank.Questions() {
		var per []answerIn
		for _, v := range b.views {
			ai := answerIn{channel: v.Channel, status: v.StatusIn(q), answer: v.Answer(q.ID)}
			if ai.status == spec.Hidden {
				continue
			}
			for _, val := range ai.answer.Values {
				opt := q.Option(val)
				if opt == nil || ai.status != spec.Answered {
					continue
				}
				for _, f := range opt.Flows {
					if !f.If.Holds(v) {
						continue
					}
					from, to := systemID(f.From, ai.answer.System), systemID(f.To, ai.answer.System)
					key := flowKey{from, to, b.fill(f.Data, checklist.SystemName(ai.answer.System)), b.freshness(v, f.Trigger)}
					if _, seen := channelsOf[key]; !seen {
						order = append(order, key)
					}
					if !slices.Contains(channelsOf[key], v.Channel) {
						channelsOf[key] = append(channelsOf[key], v.Channel)
					}
					ai.ends = append(ai.ends, [2]string{from, to})
				}
			}
			per = append(per, ai)
		}
		if q.Kind == checklist.KindSystem && len(per) > 0 {
			rows = append(rows, b.matrixRows(q, per, nameOf)...)
		}
	}
	return rows, systems, b.arrows(order, channelsOf)
}

// matrixRows is a system question's row of the ownership matrix: one, or
// where the channels' answers differ, one per channel, its entity naming it.
func (b *builder) matrixRows(q *checklist.Question, per []answerIn, nameOf func(string) string) []MatrixRow {
	same := len(per) == len(b.views)
	for _, ai := range per[1:] {
		same = same && ai.status == per[0].status && slices.Equal(ai.answer.Values, per[0].answer.Values) && ai.answer.System == per[0].answer.System
	}
	if same {
		per = per[:1]
	}
	var rows []MatrixRow
	for _, ai := range per {
		a := ai.answer
		row := MatrixRow{QuestionID: q.ID, Entity: b.fill(q.ShortTitle(), ""), Note: a.Note, Direction: "—", Freshness: "—"}
		if !same {
			row.Channel = ai.channel
			row.Entity += " (" + b.bank.ChannelTitle(ai.channel, b.names) + ")"
		}
		switch ai.status {
		case spec.Open:
			row.Master, row.OtherRole = "Not answered", "—"
		case spec.Undecided:
			row.Master, row.OtherRole = "Undecided", "—"
		default:
			opt := q.Option(a.Value())
			row.Master = b.names.AnswerLabel(q, opt, a.System)
			row.OtherRole = b.fill(opt.Role, checklist.SystemName(a.System))
			row.Direction = direction(ai.ends, nameOf)
			// The copy's freshness, also when the copy is kept by hand (no
			// flow), but not for data that is not copied at all.
			copied := len(ai.ends) > 0 || opt.Value == checklist.EndStore || opt.Value == checklist.EndInventory || opt.Value == checklist.EndThird
			view := spec.View{Spec: b.spec, Channel: ai.channel}
			if sync := b.bank.Question(q.Sync); copied && sync != nil && view.StatusIn(sync) != spec.Hidden {
				row.Freshness = b.freshness(view, q.Sync)
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// arrows groups the kinds of data into one arrow per (from, to, freshness);
// data that only some channels' answers send says which ("credit limits
// (Web B2B only)").
func (b *builder) arrows(order []flowKey, channelsOf map[flowKey][]string) []Flow {
	var flows []Flow
	arrow := map[[3]string]int{}
	listed := map[[4]string]bool{}
	for _, k := range order {
		data := k.data
		if chans := channelsOf[k]; len(chans) < len(b.views) {
			slices.SortStableFunc(chans, func(x, y string) int { return b.channelRank(x) - b.channelRank(y) })
			data += " (" + b.bank.ChannelList(chans, b.names) + " only)"
		}
		key := [3]string{k.from, k.to, k.fresh}
		i, ok := arrow[key]
		if !ok {
			i = len(flows)
			arrow[key] = i
			flows = append(flows, Flow{From: k.from, To: k.to, Freshness: k.fresh})
		}
		if !listed[[4]string{k.from, k.to, k.fresh, data}] {
			listed[[4]string{k.from, k.to, k.fresh, data}] = true
			flows[i].Data = append(flows[i].Data, data)
		}
	}
	return flows
}

// channelRank is a channel's place among the views.
func (b *builder) channelRank(channel string) int {
	return slices.IndexFunc(b.views, func(v spec.View) bool { return v.Channel == channel })
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
			entry := AppendixEntry{ID: q.ID, Prompt: b.fill(q.Prompt, "another system")}
			var channels, answers, notes []string
			for _, v := range b.spec.ChosenViewsOf(b.bank) {
				channels = append(channels, v.Channel)
				answers = append(answers, b.appendixAnswer(q, v))
				notes = append(notes, v.Note(q.ID))
			}
			entry.Answer = b.perChannel(channels, answers, " · ")
			entry.Note = b.perChannel(channels, notes, "\n")
			if !allSame(answers) || !allSame(notes) {
				for i, ch := range channels {
					entry.Channels = append(entry.Channels, ChannelAnswer{Channel: ch, Title: b.bank.ChannelTitle(ch, b.names), Answer: answers[i], Note: notes[i]})
				}
			}
			as.Questions = append(as.Questions, entry)
		}
		out = append(out, as)
	}
	return out
}

// appendixAnswer is how the appendix states the answer to q in view v.
func (b *builder) appendixAnswer(q *checklist.Question, v spec.View) string {
	switch v.StatusIn(q) {
	case spec.Hidden:
		return "Not asked (only if " + b.bank.DescribeCondition(q.When, b.names) + ")"
	case spec.Open:
		text := "Not answered"
		if q.Default != "" {
			text += " (default: " + b.fill(q.Default, "") + ")"
		}
		return text
	}
	return AnswerText(b.names, q, v.Answer(q.ID))
}

// perChannel states what each channel's view says: the one text when they
// all say the same, else each non-empty one after its channel's name.
func (b *builder) perChannel(channels, texts []string, sep string) string {
	if allSame(texts) {
		return texts[0]
	}
	var parts []string
	for i, t := range texts {
		if t != "" {
			parts = append(parts, b.bank.ChannelTitle(channels[i], b.names)+": "+t)
		}
	}
	return strings.Join(parts, sep)
}

func allSame(texts []string) bool {
	for _, t := range texts[1:] {
		if t != texts[0] {
			return false
		}
	}
	return true
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
