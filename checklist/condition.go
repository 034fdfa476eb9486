package checklist

import (
	"fmt"
	"slices"
)

// Condition says when a follow-up question is relevant, or when a finding
// applies. A leaf names a question and, optionally, the values that make it
// true (`is`, `in`) and whether the answer must carry a note (`noted`); a leaf
// with no values holds when the question has any decided answer. `all`, `any`
// and `not` combine conditions.
type Condition struct {
	Question string       `yaml:"question,omitempty" json:"question,omitempty"`
	Is       string       `yaml:"is,omitempty" json:"is,omitempty"`
	In       []string     `yaml:"in,omitempty" json:"in,omitempty"`
	Noted    *bool        `yaml:"noted,omitempty" json:"noted,omitempty"`
	All      []*Condition `yaml:"all,omitempty" json:"all,omitempty"`
	Any      []*Condition `yaml:"any,omitempty" json:"any,omitempty"`
	Not      *Condition   `yaml:"not,omitempty" json:"not,omitempty"`
	// Section with OpenAtLeast holds when at least that many of the section's
	// asked questions are open or undecided. Findings only.
	Section     string `yaml:"section,omitempty" json:"section,omitempty"`
	OpenAtLeast int    `yaml:"open_at_least,omitempty" json:"open_at_least,omitempty"`
	Line        int    `yaml:"-" json:"-"`
}

// OpenCounter is implemented by answers that can count a section's open and
// undecided questions, which `section`/`open_at_least` conditions need.
type OpenCounter interface {
	OpenInSection(sectionID string) int
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
	switch {
	case len(c.All) > 0:
		for _, sub := range c.All {
			if !sub.Holds(a) {
				return false
			}
		}
		return true
	case len(c.Any) > 0:
		for _, sub := range c.Any {
			if sub.Holds(a) {
				return true
			}
		}
		return false
	case c.Not != nil:
		return !c.Not.Holds(a)
	case c.Section != "":
		counter, ok := a.(OpenCounter)
		return ok && counter.OpenInSection(c.Section) >= c.OpenAtLeast
	}
	values := a.Values(c.Question)
	if c.Noted != nil && (a.Note(c.Question) != "") != *c.Noted {
		return false
	}
	wanted := c.In
	if c.Is != "" {
		wanted = append([]string{c.Is}, wanted...)
	}
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

// shapeProblem says what is wrong with the form of one condition node, or "".
func (c *Condition) shapeProblem() string {
	forms := 0
	if c.Question != "" || c.Is != "" || len(c.In) > 0 || c.Noted != nil {
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
	case (c.Section == "") != (c.OpenAtLeast == 0):
		return "condition needs both `section` and `open_at_least`"
	case forms == 0:
		return "condition is empty: give `question` (with `is`, `in` or `noted`), `all`, `any` or `not`"
	case forms > 1:
		return "condition mixes forms: use one of `question`, `all`, `any`, `not` per level"
	case (c.Is != "" || len(c.In) > 0 || c.Noted != nil) && c.Question == "":
		return "condition has `is`, `in` or `noted` but no `question`"
	case c.Is != "" && len(c.In) > 0:
		return fmt.Sprintf("condition on %q has both `is` and `in`; use one", c.Question)
	}
	return ""
}
