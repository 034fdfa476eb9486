package spec

import (
	"maps"
	"slices"
	"strings"

	"github.com/integ-dev/integ/checklist"
)

// A question marked by_channel may hold, besides (or instead of) the answer
// for all channels, one answer per sales channel:
//
//	customers.match-key:
//	  value: email
//	  by_channel:
//	    phone-email: {value: customer-number, note: Sales reps key in the account number.}
//
// A channel's answer overrides the answer for all channels field by field
// (values, system, note); a channel without one uses the answer for all.
// Everything that reads the answers reads them per channel view (View), so
// that no condition ever combines one channel's answer with another's.

// Key is how one channel's answer is named where a single string names an
// answer (`integ set ID@CHANNEL=VALUE`, merge conflicts, questionnaires):
// the question's ID, or ID@CHANNEL.
func Key(id, channel string) string {
	if channel == "" {
		return id
	}
	return id + checklist.ChannelSep + channel
}

// SplitKey splits a Key into the question's ID and the channel ("" for the
// answer for all channels).
func SplitKey(key string) (id, channel string) {
	id, channel, _ = strings.Cut(key, checklist.ChannelSep)
	return id, channel
}

// Shared is the answer for all channels alone, without the per-channel ones.
func (a Answer) Shared() Answer {
	return Answer{Values: a.Values, System: a.System, Note: a.Note}
}

// IsZero reports whether the answer holds nothing at all.
func (a Answer) IsZero() bool {
	return len(a.Values) == 0 && a.System == "" && a.Note == "" && len(a.Channels) == 0
}

// For is the answer as one channel sees it: the channel's own values, system
// and note where it has them, the answer for all channels for the rest.
func (a Answer) For(channel string) Answer {
	own, ok := a.Channels[channel]
	if !ok {
		return a.Shared()
	}
	out := a.Shared()
	if len(own.Values) > 0 {
		out.Values = own.Values
	}
	if own.System != "" {
		out.System = own.System
	}
	if own.Note != "" {
		out.Note = own.Note
	}
	return out
}

// Standing is the answer as a view that stands for every channel reads it
// (View.Alone): the channel's own, else the answer for all channels; and
// where neither has a value, the one answer the other chosen channels give
// alike. A question asked only for the others (are their orders uploaded?)
// is then read as they answered it, not as open.
func (a Answer) Standing(channel string, chosen []string) Answer {
	out := a.For(channel)
	if len(out.Values) > 0 {
		return out
	}
	var agreed *Answer
	for _, ch := range chosen {
		own, ok := a.Channels[ch]
		if ch == channel || !ok || len(own.Values) == 0 {
			continue
		}
		if agreed != nil && (!slices.Equal(agreed.Values, own.Values) || agreed.System != own.System) {
			return out
		}
		agreed = &own
	}
	if agreed == nil {
		return out
	}
	return *agreed
}

// Get returns the answer a Key names: a question's answer for all channels
// (without its per-channel answers), or one channel's own answer.
func (s *Spec) Get(key string) Answer {
	id, channel := SplitKey(key)
	a := s.Answers[id]
	if channel == "" {
		return a.Shared()
	}
	return a.Channels[channel]
}

// Put records the answer a Key names, leaving the question's other parts as
// they are; an empty answer removes that part.
func (s *Spec) Put(key string, part Answer) {
	id, channel := SplitKey(key)
	a := s.Answers[id]
	part.Channels = nil
	if channel == "" {
		part.Channels = a.Channels
		s.Set(id, part)
		return
	}
	channels := maps.Clone(a.Channels)
	if channels == nil {
		channels = map[string]Answer{}
	}
	if part.IsZero() {
		delete(channels, channel)
	} else {
		channels[channel] = part
	}
	if len(channels) == 0 {
		channels = nil
	}
	a.Channels = channels
	s.Set(id, a)
}

// Channels are the sales channels chosen in project.channels, as answered
// (undecided is not a channel).
func (s *Spec) Channels() []string {
	var out []string
	for _, v := range s.Answers[checklist.QProjectChannels].Values {
		if v != checklist.Undecided {
			out = append(out, v)
		}
	}
	return out
}

// View is the answers as one sales channel sees them. The zero Channel is
// the answers for all channels: the only view of a spec with no per-channel
// answer for a chosen channel. It implements checklist.Answers (and
// checklist.Recorded and checklist.ChannelDiffer), so that conditions,
// requirement texts and scenarios read one channel's answers at a time.
type View struct {
	Spec    *Spec
	Channel string
	// Among are the channels whose answers Differs compares: the channels
	// whose orders cross the integration, in a brief's views (ViewsOf); nil
	// for every chosen channel.
	Among []string
	// Alone marks the one channel whose orders cross when no other's do: its
	// view is the brief's only one, and stands for every channel, so that a
	// `channel` condition reads it as the answers for all channels at once.
	Alone bool
}

// Answer is the answer to id in this view.
func (v View) Answer(id string) Answer {
	if v.Alone {
		return v.Spec.Answers[id].Standing(v.Channel, v.Spec.Channels())
	}
	return v.Spec.Answers[id].For(v.Channel)
}

// Values implements checklist.Answers.
func (v View) Values(id string) []string { return v.Answer(id).Values }

// Note implements checklist.Answers.
func (v View) Note(id string) string { return v.Answer(id).Note }

// System implements checklist.Recorded.
func (v View) System(id string) string { return v.Answer(id).System }

// Differs implements checklist.ChannelDiffer: whether the channels of Among
// (every chosen one, when nil) see different answers to id.
func (v View) Differs(id string) bool {
	if v.Among == nil {
		return v.Spec.Differs(id)
	}
	return v.Spec.DiffersAmong(id, v.Among)
}

// ReadChannel implements checklist.ChannelReader: the channel this view
// reads the answers for ("" for every channel at once).
func (v View) ReadChannel() string {
	if v.Alone {
		return ""
	}
	return v.Channel
}

// Views are the views conditions are evaluated in: one per chosen channel
// when some answer has a channel's own answer for a chosen channel, else the
// single view of the answers for all channels (every channel would see the
// same). A spec without per-channel answers has one view, and reads exactly
// as it did before answers could differ by channel.
func (s *Spec) Views() []View {
	channels := s.Channels()
	if len(channels) == 0 {
		return []View{{Spec: s}}
	}
	for _, a := range s.Answers {
		for ch := range a.Channels {
			if slices.Contains(channels, ch) {
				views := make([]View, len(channels))
				for i, c := range channels {
					views[i] = View{Spec: s, Channel: c}
				}
				return views
			}
		}
	}
	return []View{{Spec: s}}
}

// Differs reports whether the chosen channels see different answers to id
// (values, or the system named).
func (s *Spec) Differs(id string) bool { return s.DiffersAmong(id, s.Channels()) }

// DiffersAmong reports whether these channels see different answers to id.
func (s *Spec) DiffersAmong(id string, channels []string) bool {
	a := s.Answers[id]
	if len(a.Channels) == 0 {
		return false
	}
	for _, ch := range channels[min(1, len(channels)):] {
		x, y := a.For(channels[0]), a.For(ch)
		if !slices.Equal(x.Values, y.Values) || x.System != y.System {
			return true
		}
	}
	return false
}

// ChannelsWhere lists the channels whose view satisfies c, in the order of
// Views; nil when c holds in no view, and [""] when there is one view for
// all channels and c holds in it.
func (s *Spec) ChannelsWhere(c *checklist.Condition) []string {
	var out []string
	for _, v := range s.Views() {
		if c.Holds(v) {
			out = append(out, v.Channel)
		}
	}
	return out
}

// HoldsAnywhere reports whether c holds in at least one channel's view: what
// a follow-up question's condition needs to be asked, and what the budget
// needs to count a piece of work once.
func (s *Spec) HoldsAnywhere(c *checklist.Condition) bool {
	for _, v := range s.Views() {
		if c.Holds(v) {
			return true
		}
	}
	return false
}

// StatusIn classifies a question in one view: hidden when its condition
// does not hold there, else by the answer the view sees.
func (v View) StatusIn(q *checklist.Question) Status {
	if !q.When.Holds(v) {
		return Hidden
	}
	if _, ok := v.Spec.Answers[q.ID]; !ok {
		return Open
	}
	return statusOfValues(v.Answer(q.ID).Values)
}

func statusOfValues(values []string) Status {
	switch {
	case len(values) == 0:
		return Open
	case slices.Equal(values, []string{checklist.Undecided}):
		return Undecided
	}
	return Answered
}

// QuestionOf is the question a Key names (an ID, or ID@CHANNEL), or nil.
func QuestionOf(bank *checklist.Bank, key string) *checklist.Question {
	id, _ := SplitKey(key)
	return bank.Question(id)
}

// ChosenViewsOf is Views in the bank's order of the channels: every chosen
// channel's answers as given, whether its orders cross or not (a record of
// the answers, such as a brief's appendix).
func (s *Spec) ChosenViewsOf(bank *checklist.Bank) []View {
	views := s.Views()
	order := bank.ChannelValues()
	rank := func(v View) int {
		if i := slices.Index(order, v.Channel); i >= 0 {
			return i
		}
		return len(order)
	}
	slices.SortStableFunc(views, func(a, b View) int { return rank(a) - rank(b) })
	return views
}

// Crossing lists the chosen channels whose orders cross the integration
// (checklist.Bank.Crossing), each read in its own view, in the bank's order.
func (s *Spec) Crossing(bank *checklist.Bank) []string {
	return bank.Crossing(s.ChannelsOf(bank), func(ch string) checklist.Answers { return View{Spec: s, Channel: ch} })
}

// ChannelsOf are the chosen channels in the bank's order.
func (s *Spec) ChannelsOf(bank *checklist.Bank) []string {
	var out []string
	for _, ch := range bank.ChannelValues() {
		if slices.Contains(s.Channels(), ch) {
			out = append(out, ch)
		}
	}
	return out
}

// ViewsOf are the views a brief, its findings and its budget read, in the
// bank's order of the channels (see ViewChannels). A channel whose orders
// never cross (phone orders kept in the inventory system) has no view of
// its own: its own answers are not read, and answers differ only among the
// channels that cross (Among).
func (s *Spec) ViewsOf(bank *checklist.Bank) []View {
	crossing := s.Crossing(bank)
	among := crossing
	if among == nil {
		among = []string{}
	}
	channels, alone := s.ViewChannels(crossing)
	views := make([]View, len(channels))
	for i, ch := range channels {
		views[i] = View{Spec: s, Channel: ch, Among: among, Alone: alone}
	}
	return views
}

// ViewChannels are the channels a brief reads a view of, given the channels
// whose orders cross the integration: the one that crosses alone (whose
// view then stands for all, alone); else each of them once one has an
// answer of its own; else [""], the single view of the answers for all
// channels.
func (s *Spec) ViewChannels(crossing []string) (channels []string, alone bool) {
	if len(crossing) == 1 {
		return crossing, true
	}
	for _, a := range s.Answers {
		for ch := range a.Channels {
			if slices.Contains(crossing, ch) {
				return crossing, false
			}
		}
	}
	return []string{""}, false
}
