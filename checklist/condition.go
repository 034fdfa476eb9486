package checklist

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Condition says when a follow-up question is relevant, or when a finding,
// a requirement sentence or a scenario applies. A leaf names a question and,
// optionally, the values that make it true (`is`, `in`), a number it must
// exceed or stay under (`above`, `below`), and whether the answer must carry a
// note (`noted`); a leaf with none of these holds when the question has any
// decided answer. `all`, `any` and `not` combine conditions.
type Condition struct {
	Question string   `yaml:"question,omitempty" json:"question,omitempty"`
	Is       string   `yaml:"is,omitempty" json:"is,omitempty"`
	In       []string `yaml:"in,omitempty" json:"in,omitempty"`
	Above    *float64 `yaml:"above,omitempty" json:"above,omitempty"`
	Below    *float64 `yaml:"below,omitempty" json:"below,omitempty"`
	// Matches holds when a text answer contains it, ignoring case: a platform
	// fact applies where the store is Shopify ({question: project.store,
	// matches: shopify}).
	Matches string `yaml:"matches,omitempty" json:"matches,omitempty"`
	Noted   *bool  `yaml:"noted,omitempty" json:"noted,omitempty"`
	// Differs holds when the question (a by_channel one) is answered
	// differently for some of the chosen sales channels (true), or the same
	// for all of them (false).
	Differs *bool `yaml:"differs,omitempty" json:"differs,omitempty"`
	// Channel holds when the answers are read for one of these sales
	// channels: a rule about web orders is not raised by the phone channel's
	// answers ({channel: [web-retail, web-b2b]}). Where no answer differs by
	// channel, the answers are read once for every channel, and it holds when
	// one of them is chosen (or none is named yet).
	Channel []string `yaml:"channel,omitempty" json:"channel,omitempty"`
	// Fact holds when a fact computed from the answers has one of the
	// values `is` or `in` name: how the plan's weeks meet the deadline
	// (FactSchedule), which internal/estimate works out and hands to the
	// walker (FactReader). A fact is no answer: no question is asked for it.
	Fact string       `yaml:"fact,omitempty" json:"fact,omitempty"`
	All  []*Condition `yaml:"all,omitempty" json:"all,omitempty"`
	Any  []*Condition `yaml:"any,omitempty" json:"any,omitempty"`
	Not  *Condition   `yaml:"not,omitempty" json:"not,omitempty"`
	// Section with OpenAtLeast holds when at least that many of the section's
	// asked questions are open or undecided. Findings only.
	Section     string `yaml:"section,omitempty" json:"section,omitempty"`
	OpenAtLeast int    `yaml:"open_at_least,omitempty" json:"open_at_least,omitempty"`
	Line        int    `yaml:"-" json:"-"`
}

// The ways conditions combine, as Op names them.
const (
	OpAll = "all"
	OpAny = "any"
	OpNot = "not"
)

// Op names how the node combines its children (OpAll, OpAny, OpNot), or ""
// for a leaf. A node that mixes forms is read in this order; validation
// reports the mix.
func (c *Condition) Op() string {
	switch {
	case len(c.All) > 0:
		return OpAll
	case len(c.Any) > 0:
		return OpAny
	case c.Not != nil:
		return OpNot
	}
	return ""
}

// children are the conditions an all/any/not node combines.
func (c *Condition) children() []*Condition {
	switch c.Op() {
	case OpAll:
		return c.All
	case OpAny:
		return c.Any
	case OpNot:
		return []*Condition{c.Not}
	}
	return nil
}

// Fold is the one function that walks a condition tree. It calls leaf for
// every leaf and combine for every all/any/not node, with its children's
// results in order; Holds, the validation, the description in words and the
// list of questions a condition reads are all folds. c must not be nil.
func Fold[T any](c *Condition, leaf func(*Condition) T, combine func(c *Condition, parts []T) T) T {
	subs := c.children()
	if subs == nil {
		return leaf(c)
	}
	parts := make([]T, len(subs))
	for i, sub := range subs {
		parts[i] = Fold(sub, leaf, combine)
	}
	return combine(c, parts)
}

// OpenCounter is implemented by answers that can count a section's open and
// undecided questions, which `section`/`open_at_least` conditions need.
type OpenCounter interface {
	OpenInSection(sectionID string) int
}

// ChannelDiffer is implemented by answers that know whether a question is
// answered differently per sales channel, which `differs` conditions need.
type ChannelDiffer interface {
	Differs(id string) bool
}

// ChannelReader is implemented by answers read for one sales channel (a
// spec's view of the answers per channel); "" means every channel at once.
type ChannelReader interface {
	ReadChannel() string
}

// Facts computed from the answers that a condition may read (`fact:`), and
// the values each can have.
const (
	// FactSchedule is how the plan's weeks to go-live meet the deadline.
	FactSchedule = "schedule"
	// ScheduleLate: go-live falls after the deadline with the team planned.
	ScheduleLate = "late"
	// ScheduleTight: it falls before, with less spare than the bank's margin.
	ScheduleTight = "tight"
	// ScheduleFits: it falls before, with the margin to spare.
	ScheduleFits = "fits"
)

// Figures of the computed facts a finding's message and advice may quote,
// as {fact:NAME}; each is filled from what internal/estimate computed.
var FactFigures = []string{
	"deadline",         // the deadline answered, YYYY-MM-DD
	"start",            // the assumed start: the brief's date plus the bank's lead-in
	"go-live",          // the start plus the weeks to go-live
	"weeks-to-go-live", // the weeks the plan needs to go-live
	"weeks-available",  // the weeks from the start to the deadline
	"spare-weeks",      // the weeks between go-live and the deadline
	"team",             // the people the plan counts on
	"team-needed",      // the least team that would meet the deadline, or "more than N"
}

// factValues are the values of each fact.
var factValues = map[string][]string{FactSchedule: {ScheduleLate, ScheduleTight, ScheduleFits}}

// Facts are what internal/estimate computed from the answers for the
// findings: each fact's values, for `fact` conditions, and the figures their
// messages quote ({fact:NAME}, keyed "fact:NAME").
type Facts struct {
	Values  map[string][]string
	Figures map[string]string
}

// FactReader is implemented by answers that carry facts computed from them
// (the schedule against the deadline), which `fact` conditions need; a fact
// not known (no deadline, no budget) has no values, and no value holds.
type FactReader interface {
	Fact(id string) []string
}

// Answers is what a condition is evaluated against. Values returns nil for an
// unanswered question; multi-select answers have several values.
type Answers interface {
	Values(id string) []string
	Note(id string) string
}

// Holds evaluates the condition. A nil condition always holds.
func (c *Condition) Holds(a Answers) bool {
	if c == nil {
		return true
	}
	return Fold(c, func(leaf *Condition) bool { return leaf.leafHolds(a) }, combineBools)
}

func combineBools(c *Condition, parts []bool) bool {
	switch c.Op() {
	case OpAll:
		return !slices.Contains(parts, false)
	case OpAny:
		return slices.Contains(parts, true)
	default: // OpNot
		return !parts[0]
	}
}

func (c *Condition) leafHolds(a Answers) bool {
	if c.Section != "" {
		counter, ok := a.(OpenCounter)
		return ok && counter.OpenInSection(c.Section) >= c.OpenAtLeast
	}
	if c.Differs != nil {
		d, ok := a.(ChannelDiffer)
		return (ok && d.Differs(c.Question)) == *c.Differs
	}
	if len(c.Channel) > 0 {
		return channelHolds(c.Channel, a)
	}
	if c.Fact != "" {
		var values []string
		if f, ok := a.(FactReader); ok {
			values = f.Fact(c.Fact)
		}
		return slices.ContainsFunc(values, func(v string) bool { return slices.Contains(c.wanted(), v) })
	}
	values := a.Values(c.Question)
	if c.Noted != nil && (a.Note(c.Question) != "") != *c.Noted {
		return false
	}
	if c.Matches != "" {
		return len(values) == 1 && strings.Contains(strings.ToLower(values[0]), strings.ToLower(c.Matches))
	}
	if c.Above != nil || c.Below != nil {
		if len(values) != 1 {
			return false
		}
		n, err := strconv.ParseFloat(values[0], 64)
		return err == nil && (c.Above == nil || n > *c.Above) && (c.Below == nil || n < *c.Below)
	}
	wanted := c.wanted()
	if len(wanted) == 0 {
		if c.Noted != nil {
			return true
		}
		return len(values) > 0 && !slices.Equal(values, []string{Undecided})
	}
	for _, v := range values {
		if slices.Contains(wanted, v) {
			return true
		}
	}
	return false
}

// channelHolds reports whether answers are read for one of channels: the
// channel of a view, or, read for every channel at once, one of the
// channels chosen (or any, while none is).
func channelHolds(channels []string, a Answers) bool {
	if r, ok := a.(ChannelReader); ok && r.ReadChannel() != "" {
		return slices.Contains(channels, r.ReadChannel())
	}
	chosen := a.Values(QProjectChannels)
	if len(chosen) == 0 || slices.Equal(chosen, []string{Undecided}) {
		return true
	}
	return slices.ContainsFunc(chosen, func(ch string) bool { return slices.Contains(channels, ch) })
}

// wanted is the values a leaf compares with: `is` and `in` together.
func (c *Condition) wanted() []string {
	if c.Is == "" {
		return c.In
	}
	return append([]string{c.Is}, c.In...)
}

// Questions lists the questions a condition reads, each once, in order.
func (c *Condition) Questions() []string {
	if c == nil {
		return nil
	}
	return Fold(c, func(leaf *Condition) []string {
		if leaf.Question == "" {
			return nil
		}
		return []string{leaf.Question}
	}, func(_ *Condition, parts [][]string) []string {
		var ids []string
		for _, p := range parts {
			for _, id := range p {
				if !slices.Contains(ids, id) {
					ids = append(ids, id)
				}
			}
		}
		return ids
	})
}

// shapeProblem says what is wrong with the form of one condition node, or "".
func (c *Condition) shapeProblem() string {
	forms := 0
	number := c.Above != nil || c.Below != nil
	compares := c.Is != "" || len(c.In) > 0
	if c.Question != "" || compares && c.Fact == "" || c.Noted != nil || number || c.Matches != "" || c.Differs != nil {
		forms++
	}
	if c.Fact != "" {
		forms++
	}
	if len(c.Channel) > 0 {
		forms++
	}
	if len(c.All) > 0 {
		forms++
	}
	if len(c.Any) > 0 {
		forms++
	}
	if c.Not != nil {
		forms++
	}
	if c.Section != "" || c.OpenAtLeast != 0 {
		forms++
	}
	switch {
	case c.Fact != "" && forms == 1 && !compares:
		return fmt.Sprintf("condition on fact %q needs `is` or `in`: the values it holds for", c.Fact)
	case (c.Section == "") != (c.OpenAtLeast == 0):
		return "condition needs both `section` and `open_at_least`"
	case forms == 0:
		return "condition is empty: give `question` (with `is`, `in`, `above`, `below` or `noted`), `channel`, `fact`, `all`, `any` or `not`"
	case forms > 1:
		return "condition mixes forms: use one of `question`, `channel`, `fact`, `all`, `any`, `not` per level"
	case (compares && c.Fact == "" || c.Noted != nil || number || c.Matches != "" || c.Differs != nil) && c.Question == "":
		return "condition has `is`, `in`, `above`, `below`, `matches`, `noted` or `differs` but no `question`"
	case c.Differs != nil && (compares || c.Noted != nil || number || c.Matches != ""):
		return fmt.Sprintf("condition on %q asks whether it differs by channel and also compares it; use one", c.Question)
	case c.Is != "" && len(c.In) > 0:
		return fmt.Sprintf("condition on %q has both `is` and `in`; use one", c.Question)
	case compares && number || compares && c.Matches != "" || number && c.Matches != "":
		return fmt.Sprintf("condition on %q mixes is/in, above/below and matches; use one", c.Question)
	}
	return ""
}
