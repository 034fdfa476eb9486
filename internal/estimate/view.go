package estimate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// view is the answers the budget sees: the spec's, with answers to hidden
// questions left out (a kept answer to a question no longer asked costs
// nothing), and optionally some answers supposed, to price an open decision.
//
// Answers may differ by sales channel: the view then holds one channel view
// per channel (spec.Views), and a piece of work counts once when its
// condition holds in any of them, as a follow-up question is asked when its
// condition holds in any. A supposed answer holds for every channel.
type view struct {
	bank  *checklist.Bank
	spec  *spec.Spec
	over  map[string][]string
	chans []*channelView
	// crossing are the chosen channels whose orders cross the integration
	// under these answers (checklist.Bank.Crossing): only they have views of
	// their own, differ, and count as sales channels.
	crossing []string
	chosen   int
}

// channelView is the answers as one sales channel sees them ("" for all).
type channelView struct {
	v       *view
	channel string
	alone   bool // the one channel that crosses: read as all channels at once (spec.View.Alone)
	shown   map[string]bool
}

func newView(bank *checklist.Bank, s *spec.Spec, over map[string][]string) *view {
	v := &view{bank: bank, spec: s, over: over}
	chosen := s.ChannelsOf(bank)
	v.chosen = len(chosen)
	v.crossing = bank.Crossing(chosen, func(ch string) checklist.Answers { return v.channel(ch) })
	channels, alone := s.ViewChannels(v.crossing)
	for _, ch := range channels {
		cv := v.channel(ch)
		cv.alone = alone
		v.chans = append(v.chans, cv)
	}
	return v
}

// channel is a new view of the answers as channel sees them ("" for all).
func (v *view) channel(ch string) *channelView {
	return &channelView{v: v, channel: ch, shown: map[string]bool{}}
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

// holds reports whether c holds in any channel's view.
func (v *view) holds(c *checklist.Condition) bool {
	for _, cv := range v.chans {
		if c.Holds(cv) {
			return true
		}
	}
	return false
}

// asked reports whether q is asked in any channel's view.
func (v *view) asked(q *checklist.Question) bool {
	for _, cv := range v.chans {
		if cv.asked(q) {
			return true
		}
	}
	return false
}

// open reports whether q is asked and not decided in any channel's view.
func (v *view) open(q *checklist.Question) bool {
	for _, cv := range v.chans {
		if cv.open(q) {
			return true
		}
	}
	return false
}

// Values implements checklist.Answers.
func (cv *channelView) Values(id string) []string {
	q := cv.v.bank.Question(id)
	if q == nil || !cv.asked(q) {
		return nil
	}
	own := cv.answer(id).Values
	// A supposed answer stands in for an open one: a channel that has
	// decided the question keeps its answer.
	if vals, ok := cv.v.over[id]; ok && (len(own) == 0 || slices.Equal(own, []string{checklist.Undecided})) {
		return vals
	}
	return own
}

// Differs implements checklist.ChannelDiffer: work that exists because a
// rule differs by sales channel ({question: …, differs: true}) counts once.
// Only the channels whose orders cross count: a rule of a channel that never
// crosses is no work of the integration's.
func (cv *channelView) Differs(id string) bool { return cv.v.spec.DiffersAmong(id, cv.v.crossing) }

// ReadChannel implements checklist.ChannelReader: the channel whose answers
// this view reads ("" for every channel at once).
func (cv *channelView) ReadChannel() string {
	if cv.alone {
		return ""
	}
	return cv.channel
}

// Note implements checklist.Answers.
func (cv *channelView) Note(id string) string { return cv.answer(id).Note }

// answer is the spec's answer to id as this view reads it (spec.View.Answer).
func (cv *channelView) answer(id string) spec.Answer {
	return spec.View{Spec: cv.v.spec, Channel: cv.channel, Alone: cv.alone}.Answer(id)
}

// asked reports whether q's condition holds. Conditions refer only to earlier
// questions, so the recursion ends.
func (cv *channelView) asked(q *checklist.Question) bool {
	if q.When == nil {
		return true
	}
	if shown, ok := cv.shown[q.ID]; ok {
		return shown
	}
	shown := q.When.Holds(cv)
	cv.shown[q.ID] = shown
	return shown
}

func (cv *channelView) open(q *checklist.Question) bool {
	if !cv.asked(q) {
		return false
	}
	vals := cv.Values(q.ID)
	return len(vals) == 0 || len(vals) == 1 && vals[0] == checklist.Undecided
}

// number is a number answer, if there is one.
func (cv *channelView) number(id string) (float64, bool) {
	vals := cv.Values(id)
	if len(vals) != 1 {
		return 0, false
	}
	f, err := strconv.ParseFloat(vals[0], 64)
	return f, err == nil
}

// driverFactor is a driver's multiplier under the answers, and the answer
// behind it as the brief shows it: the largest any channel's answer gives.
// An open driver counts as 1: the packages' hours are set for a typical
// business.
func (e *engine) driverFactor(v *view, d *checklist.Driver) (float64, string) {
	q := e.bank.Question(d.Question)
	f, label := 1.0, ""
	if q == nil {
		return f, label
	}
	if d.When != nil {
		if !v.holds(d.When) {
			return f, label
		}
		return d.Factor, strings.Join(v.chans[0].Values(q.ID), ", ")
	}
	for _, cv := range v.chans {
		if cv.open(q) {
			continue
		}
		if g, l := e.channelFactor(cv, q, d); l != "" && (label == "" || g > f) {
			f, label = g, l
		}
	}
	return f, label
}

// channelFactor is driverFactor in one channel's view; the label is "" when
// the answer gives no factor.
func (e *engine) channelFactor(cv *channelView, q *checklist.Question, d *checklist.Driver) (float64, string) {
	switch {
	case len(d.Values) > 0:
		f, label := 1.0, ""
		for _, val := range cv.Values(q.ID) {
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
		n, ok := cv.number(q.ID)
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
		units := float64(len(cv.Values(q.ID)))
		label := strconv.Itoa(len(cv.Values(q.ID))) + " chosen"
		if q.ID == checklist.QProjectChannels {
			// Sales channels count where their orders cross the integration.
			units = float64(len(cv.v.crossing))
			label = fmt.Sprintf("%d of %d whose orders cross the integration", len(cv.v.crossing), cv.v.chosen)
		}
		if q.Kind == checklist.KindNumber {
			n, ok := cv.number(q.ID)
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
