package checklist

import (
	"strings"
	"testing"
)

const minimalHeader = `id: test
title: Test bank
sections:
  - id: s
    title: Section
    code: S
    questions:
`

func TestValidationErrors(t *testing.T) {
	tests := []struct {
		name      string
		questions string // appended to minimalHeader, indented 6
		extra     string // appended after the sections
		want      []string
	}{
		{
			name: "duplicate id",
			questions: `
      - {id: s.a, kind: text, prompt: A, help: Why.}
      - {id: s.a, kind: text, prompt: B, help: Why.}`,
			want: []string{`bank.yaml:9: question "s.a" is defined twice (first at line 8)`},
		},
		{
			name: "unknown kind",
			questions: `
      - {id: s.a, kind: slider, prompt: A, help: Why.}`,
			want: []string{`bank.yaml:8: question "s.a" has unknown kind "slider" (one of system, choice, yesno, multi, number, text, date)`},
		},
		{
			name: "choice without options",
			questions: `
      - {id: s.a, kind: choice, prompt: A, help: Why.}`,
			want: []string{`bank.yaml:8: question "s.a" is of kind choice but has no options`},
		},
		{
			name: "option without label",
			questions: `
      - id: s.a
        kind: choice
        prompt: A
        help: Why.
        options:
          - value: one`,
			want: []string{`bank.yaml:13: question "s.a" option "one" has no ` + "`label`"},
		},
		{
			name: "condition on unknown question",
			questions: `
      - id: s.cancel
        kind: text
        prompt: A
        help: Why.
        when: {question: s.partial, is: "yes"}`,
			want: []string{`bank.yaml:12: question "s.cancel" condition refers to unknown question "s.partial"`},
		},
		{
			name: "condition on unknown value",
			questions: `
      - {id: s.a, kind: yesno, prompt: A, help: Why.}
      - id: s.b
        kind: text
        prompt: B
        help: Why.
        when: {question: s.a, is: maybe}`,
			want: []string{`bank.yaml:13: question "s.b" condition refers to value "maybe" of "s.a", which is not one of its options (yes, no, undecided)`},
		},
		{
			name: "condition on a later question (and so a cycle)",
			questions: `
      - id: s.a
        kind: yesno
        prompt: A
        help: Why.
        when: {question: s.b, is: "yes"}
      - id: s.b
        kind: yesno
        prompt: B
        help: Why.
        when: {question: s.a, is: "yes"}`,
			want: []string{`bank.yaml:12: question "s.a" condition refers to later question "s.b" (a question may only depend on earlier ones)`},
		},
		{
			name: "condition refers to itself",
			questions: `
      - id: s.a
        kind: yesno
        prompt: A
        help: Why.
        when: {question: s.a, is: "yes"}`,
			want: []string{`bank.yaml:12: question "s.a" condition refers to itself`},
		},
		{
			name: "nested condition mixes forms",
			questions: `
      - {id: s.a, kind: yesno, prompt: A, help: Why.}
      - id: s.b
        kind: text
        prompt: B
        help: Why.
        when:
          any:
            - {question: s.a, is: "yes", all: [{question: s.a}]}`,
			want: []string{`bank.yaml:15: question "s.b" condition mixes forms: use one of ` + "`question`, `channel`, `fact`, `all`, `any`, `not`" + ` per level`},
		},
		{
			name: "unknown key and missing help, reported together",
			questions: `
      - {id: s.a, kind: text, prompt: A, hlep: Why.}`,
			want: []string{
				`bank.yaml:8: unknown key "hlep" in a question`,
				`bank.yaml:8: question "s.a" has no ` + "`help`",
			},
		},
		{
			name: "unknown placeholder",
			questions: `
      - {id: s.a, kind: text, prompt: "Does {shop} sync?", help: Why.}`,
			want: []string{`bank.yaml:8: unknown placeholder {shop}`},
		},
		{
			name: "finding with unknown severity",
			questions: `
      - {id: s.a, kind: yesno, prompt: A, help: Why.}`,
			extra: `findings:
  - id: f1
    severity: fatal
    when: {question: s.a, is: "yes"}
    message: M
    advice: A`,
			want: []string{`bank.yaml:10: finding "f1" has severity "fatal" (one of error, warning, info)`},
		},
		{
			name: "a finding reads a computed fact",
			questions: `
      - {id: s.a, kind: date, prompt: A, help: Why.}
      - {id: s.b, kind: yesno, prompt: B, help: Why., when: {fact: schedule, is: late}}`,
			extra: `findings:
  - {id: f1, severity: error, when: {all: [{question: s.a}, {fact: schedule, in: [late, never]}]}, message: M, advice: A}
  - {id: f2, severity: error, when: {fact: weather, is: late}, message: M, advice: A}
  - {id: f3, severity: error, when: {fact: schedule}, message: M, advice: A}
  - {id: f4, severity: error, when: {fact: schedule, question: s.a, is: late}, message: M, advice: A}
  - {id: f5, severity: warning, when: {fact: schedule, is: tight}, message: M, advice: A}`,
			want: []string{
				`bank.yaml:9: question "s.b" condition reads the computed fact "schedule"; only findings may (it is computed from the budget, after the answers)`,
				`bank.yaml:11: finding "f1" condition compares fact "schedule" with "never", which it never is (late, tight, fits)`,
				`bank.yaml:12: finding "f2" condition reads fact "weather", which integ does not compute (facts: schedule)`,
				`bank.yaml:13: finding "f3" condition on fact "schedule" needs ` + "`is` or `in`" + `: the values it holds for`,
				`bank.yaml:14: finding "f4" condition mixes forms`,
			},
		},
		{
			name: "number bounds a budget cannot count with",
			questions: `
      - {id: s.a, kind: number, prompt: A, help: Why., max: 1e300}
      - {id: s.b, kind: number, prompt: B, help: Why., default: "5e16"}
      - {id: s.c, kind: number, prompt: C, help: Why., min: 10, max: 5}
      - {id: s.d, kind: number, prompt: D, help: Why., min: 0, max: 100, default: "150"}`,
			want: []string{
				`bank.yaml:8: question "s.a" has max 1e+300; numbers stay within ±1000000000`,
				`bank.yaml:9: question "s.b" has default "5e16", which it does not take: s.b takes a number of at most 1000000000, not 5e16`,
				`bank.yaml:10: question "s.c" has min 10 above max 5`,
				`bank.yaml:11: question "s.d" has default "150", which it does not take: s.d takes a number from 0 to 100, not 150`,
			},
		},
		{
			name: "hours on an option: a bank written for the first budget",
			questions: `
      - id: s.a
        kind: yesno
        prompt: A
        help: Why.
        options:
          - {value: "yes", effort: [10, 20]}`,
			want: []string{`bank.yaml:13: "effort" in an option is no longer read: hours are now items of the work packages, each [optimistic, most likely, pessimistic] with the condition that prices it (work_packages: - id, title, items: - {title, when, hours, fit}); see checklist/README.md, The budget`},
		},
		{
			name: "reserved questions keep their kind and section",
			questions: `
      - {id: project.store, kind: number, prompt: A, help: Why.}
      - {id: project.name, kind: text, prompt: B, help: Why.}
      - {id: budget.discount, kind: number, prompt: C, help: Why.}`,
			want: []string{
				`bank.yaml:8: question "project.store" is reserved and must be of kind text, not "number"`,
				`bank.yaml:9: question "project.name" is reserved and belongs in section "project", not "s"`,
				`bank.yaml:10: question "budget.discount" uses the reserved prefix "budget." outside section "budget"`,
			},
		},
		{
			name: "a source names its page",
			questions: `
      - {id: s.a, kind: text, prompt: A, help: Why., source: Shopify}
      - {id: s.b, kind: text, prompt: B, help: Why., source: "help.shopify.com (no page)"}
      - {id: s.c, kind: text, prompt: C, help: Why., source: "https://help.shopify.com/en/manual/payments/payment-authorization (Shopify Help)"}`,
			want: []string{
				`bank.yaml:8: question "s.a" has source "Shopify"; give the page's address first`,
				`bank.yaml:9: question "s.b" has source "help.shopify.com (no page)"; give the page's address first`,
			},
		},
		{
			name: "requirements and scenarios that quote the answers",
			questions: `
      - {id: s.buffer, kind: number, prompt: A, help: Why.}
      - {id: s.rate, kind: number, prompt: B, help: Why., default: "8"}
      - id: s.live
        kind: yesno
        prompt: C
        help: Why.
        options:
          - value: "yes"
            requires:
              - "{store} shows {calc: 5 + 8 - s.buffer} units."
              - {text: "{store} shows {calc: 5 + 8 - s.buffer} units.", if: {question: s.buffer, above: 0}}
              - {text: "Tax is {money: 100 * s.rate / 100}; {answer:s.nope} and {system:s.rate}.", source: Shopify}
              - {text: "{calc: 5 +} and {calc: s.live + 1} and {value:x}"}
            scenarios:
              - {given: G, when: W, then: T, checks: [s.missing], if: {question: s.nope}}`,
			want: []string{
				`bank.yaml:17: question "s.live" option "yes": {calc: 5 + 8 - s.buffer} uses "s.buffer", which has no default; give it one, or add it to the item's ` + "`if`",
				`bank.yaml:19: question "s.live" option "yes": {answer:s.nope} quotes "s.nope", which is not a question`,
				`bank.yaml:19: question "s.live" option "yes" requirement has source "Shopify"; give the page's address first`,
				`bank.yaml:20: question "s.live" option "yes": unknown placeholder {value:x}`,
				`bank.yaml:20: question "s.live" option "yes": {calc: 5 +}: "5 +" ends too early`,
				`bank.yaml:20: question "s.live" option "yes": {calc: s.live + 1} uses "s.live", a yesno question; figures come from number questions`,
				`bank.yaml:22: question "s.live" option "yes" scenario condition refers to unknown question "s.nope"`,
				`bank.yaml:22: question "s.live" option "yes" has a scenario that checks "s.missing", which is not a question`,
			},
		},
		{
			name: "answers are quoted only in requirements and scenarios",
			questions: `
      - {id: s.a, kind: number, prompt: "A {answer:s.a}?", help: Why.}
      - {id: s.b, kind: choice, prompt: B, help: Why., requires: ["Shall."], options: [{value: x, label: X}]}`,
			want: []string{
				`bank.yaml:8: unknown placeholder {answer:s.a}`,
				`bank.yaml:9: question "s.b" has options: put its requirements and scenarios on them, not on the question`,
			},
		},
		{
			name: "an option that names a third system asks for its name",
			questions: `
      - {id: s.a, kind: choice, prompt: A, help: Why., options: [{value: x, label: X, requires: ["{third} shall."]}]}`,
			want: []string{`bank.yaml:8: question "s.a" option "x" refers to {third} (or sends data to or from it) but has no ` + "`system:`" + ` prompt`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := minimalHeader + strings.TrimPrefix(tt.questions, "\n") + "\n" + tt.extra
			_, err := Parse("bank.yaml", []byte(src))
			if err == nil {
				t.Fatalf("no error for:\n%s", src)
			}
			got := err.Error()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("error\n%s\ndoes not contain\n%s", got, w)
				}
			}
			if n := strings.Count(got, "\n") + 1; n != len(tt.want) {
				t.Errorf("got %d problems, want %d:\n%s", n, len(tt.want), got)
			}
		})
	}
}

func TestSyntaxErrorsNameFileAndLine(t *testing.T) {
	for name, tc := range map[string]struct{ src, want string }{
		"empty":          {"", "bank.yaml: is empty"},
		"broken yaml":    {"id: x\ntitle: b\n  bad: indent\n", "bank.yaml:3: mapping values are not allowed in this context"},
		"list for a map": {"- a\n- b\n", "bank.yaml:1: the bank must be a mapping"},
		"duplicate keys": {"id: a\nid: b\n", `bank.yaml:2: mapping key "id" already defined at line 1`},
		"tabs":           {"id: a\n\ttitle: b\n", "bank.yaml:2:"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Parse("bank.yaml", []byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want it to contain %q", err, tc.want)
			}
		})
	}
}
