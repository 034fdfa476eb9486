package checklist

import (
	"strings"
	"testing"
)

type fuzzAnswers map[string][]string

func (a fuzzAnswers) Values(id string) []string { return a[id] }
func (a fuzzAnswers) Note(id string) string {
	if len(a[id]) > 1 {
		return "noted"
	}
	return ""
}

// FuzzCondition: any condition the loader accepts can be evaluated against
// any answers without crashing, and it holds exactly when a plain reading of
// the bank's rules says so: an `in` (or `is`) condition holds exactly when
// the answer's values overlap its list, `all` when every part holds, `any`
// when one does, `not` when its part does not. (The property before compared
// a condition with its own negation, which cannot fail.)
func FuzzCondition(f *testing.F) {
	f.Add(`{question: s.a, is: x}`, "x", "p,q")
	f.Add(`{any: [{question: s.a, in: [x, y]}, {not: {question: s.b, is: p}}]}`, "y", "")
	f.Add(`{all: [{question: s.a}, {question: s.b, noted: true}]}`, "undecided", "p,q")
	f.Add(`{question: s.b, in: [p, q, undecided]}`, "", "q")
	f.Add(`{not: {any: [{question: s.b, in: [q]}, {all: [{question: s.a, is: y}, {question: s.b, noted: false}]}]}}`, "y", "p")
	f.Add(`{question: s.b, in: [p], noted: true}`, "", "p,q")
	f.Fuzz(func(t *testing.T, cond, a, b string) {
		if strings.ContainsAny(cond, "\n\r") {
			return
		}
		src := `id: f
title: F
sections:
  - id: s
    title: S
    code: S
    questions:
      - {id: s.a, kind: choice, prompt: A, help: H, options: [{value: x, label: X}, {value: y, label: Y}]}
      - {id: s.b, kind: multi, prompt: B, help: H, options: [{value: p, label: P}, {value: q, label: Q}]}
      - id: s.c
        kind: text
        prompt: C
        help: H
        when: ` + cond + "\n"
		bank, err := Parse("fuzz.yaml", []byte(src))
		if err != nil {
			return
		}
		c := bank.Question("s.c").When
		answers := fuzzAnswers{"s.a": strings.Split(a, ","), "s.b": strings.Split(b, ",")}
		if want, ok := plainReading(c, answers); ok && c.Holds(answers) != want {
			t.Fatalf("%s with s.a=%q s.b=%q: holds %v, want %v", cond, a, b, !want, want)
		}
		_ = bank.DescribeCondition(c, Names{Store: "S", Inventory: "I"})
	})
}

// plainReading evaluates a condition from the rules as the bank's README
// states them, independently of Holds; ok is false for the forms it does not
// model (numeric bounds, section counts, channels).
func plainReading(c *Condition, a fuzzAnswers) (holds, ok bool) {
	switch {
	case len(c.All) > 0:
		holds = true
		for _, sub := range c.All {
			h, ok := plainReading(sub, a)
			if !ok {
				return false, false
			}
			holds = holds && h
		}
		return holds, true
	case len(c.Any) > 0:
		for _, sub := range c.Any {
			h, ok := plainReading(sub, a)
			if !ok {
				return false, false
			}
			holds = holds || h
		}
		return holds, true
	case c.Not != nil:
		h, ok := plainReading(c.Not, a)
		return !h, ok
	case c.Section != "" || c.Above != nil || c.Below != nil || c.Differs != nil:
		return false, false
	}
	values := a[c.Question]
	if c.Noted != nil && (a.Note(c.Question) != "") != *c.Noted {
		return false, true
	}
	list := c.In
	if c.Is != "" {
		list = append([]string{c.Is}, list...)
	}
	if len(list) == 0 {
		return c.Noted != nil || len(values) > 0 && !(len(values) == 1 && values[0] == Undecided), true
	}
	overlap := false
	for _, v := range values {
		for _, w := range list {
			overlap = overlap || v == w
		}
	}
	return overlap, true
}
