package checklist

import (
	"slices"
	"strings"
	"testing"
)

func condBank(t *testing.T) *Bank {
	t.Helper()
	b, err := Parse("bank.yaml", []byte(minimalHeader+`      - {id: s.day, kind: choice, prompt: A, help: H, options: [{value: few, label: Few}, {value: many, label: Many}]}
      - {id: s.peak, kind: number, prompt: B, help: H}
      - id: s.check
        kind: text
        prompt: C
        help: H
        when:
          any:
            - all: [{question: s.day, is: few}, {question: s.peak, above: 500}]
            - all: [{question: s.day, is: many}, {not: {question: s.peak, below: 50}}]
`))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Numbers compare strictly; an unanswered or undecided number never holds,
// so "not below 50" holds for an unanswered one, as not does.
func TestNumericConditions(t *testing.T) {
	b := condBank(t)
	c := b.Question("s.check").When
	tests := []struct {
		day, peak string
		want      bool
	}{
		{"few", "501", true},
		{"few", "500", false},
		{"few", "undecided", false},
		{"few", "", false},
		{"many", "50", true},
		{"many", "49.5", false},
		{"many", "", true},
		{"undecided", "9000", false},
	}
	for _, tt := range tests {
		a := fuzzAnswers{"s.day": {tt.day}}
		if tt.peak != "" {
			a["s.peak"] = []string{tt.peak}
		}
		if got := c.Holds(a); got != tt.want {
			t.Errorf("day=%s peak=%q: holds = %v, want %v", tt.day, tt.peak, got, tt.want)
		}
	}
	want := `a is "Few" and b is above 500 or a is "Many" and not (b is below 50)`
	if got := b.DescribeCondition(c, Names{}); got != want {
		t.Errorf("described as %q", got)
	}
	if got := c.Questions(); !slices.Equal(got, []string{"s.day", "s.peak"}) {
		t.Errorf("Questions() = %v", got)
	}
}

func TestNumericConditionsOnlyOnNumbers(t *testing.T) {
	_, err := Parse("bank.yaml", []byte(minimalHeader+`      - {id: s.day, kind: choice, prompt: A, help: H, options: [{value: few, label: Few}]}
      - {id: s.b, kind: text, prompt: B, help: H, when: {question: s.day, above: 3}}
      - {id: s.c, kind: text, prompt: C, help: H, when: {question: s.day, is: few, below: 3}}
      - {id: s.d, kind: text, prompt: D, help: H, when: {question: s.day, matches: few}}
`))
	for _, want := range []string{
		`bank.yaml:9: question "s.b" condition compares "s.day" (a choice question) with a number`,
		`bank.yaml:10: question "s.c" condition on "s.day" mixes is/in, above/below and matches; use one`,
		`bank.yaml:11: question "s.d" condition matches text in "s.day" (a choice question); only text questions can match`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
}

// A platform fact applies where a system's name mentions the platform.
func TestMatchesText(t *testing.T) {
	c := &Condition{Question: "project.store", Matches: "shopify"}
	for store, want := range map[string]bool{"Shopify Plus": true, "shopify": true, "WooCommerce": false, "": false} {
		a := fuzzAnswers{}
		if store != "" {
			a["project.store"] = []string{store}
		}
		if got := c.Holds(a); got != want {
			t.Errorf("store %q: holds = %v, want %v", store, got, want)
		}
	}
}
