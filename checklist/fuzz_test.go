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
// any answers without crashing, and `not` always inverts it.
func FuzzCondition(f *testing.F) {
	f.Add(`{question: s.a, is: x}`, "x", "p,q")
	f.Add(`{any: [{question: s.a, in: [x, y]}, {not: {question: s.b, is: p}}]}`, "y", "")
	f.Add(`{all: [{question: s.a}, {question: s.b, noted: true}]}`, "undecided", "p,q")
	f.Add(`{question: s.b, in: [p, q, undecided]}`, "", "q")
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
		if c.Holds(answers) == (&Condition{Not: c}).Holds(answers) {
			t.Fatalf("not does not invert %s", cond)
		}
		_ = bank.DescribeCondition(c, Names{Store: "S", Inventory: "I"})
	})
}
