package checklist

import (
	"strings"
	"testing"
)

// estimateBank is a bank with an approach question, a number and a choice,
// to which each test appends its work packages and estimate block.
const estimateBank = `id: test
title: Test bank
sections:
  - id: s
    title: Section
    code: S
    questions:
      - id: s.how
        kind: choice
        prompt: How?
        help: Why.
        options:
          - {value: app, label: App}
          - {value: own, label: Own}
      - {id: s.count, kind: number, prompt: "How many?", help: Why.}
      - {id: s.orders, kind: choice, prompt: "Orders?", help: Why., options: [{value: few, label: Few}, {value: many, label: Many}]}
`

// goodEstimate is a valid block; tests replace parts of it.
const goodEstimate = `work_packages:
  - id: WP-A
    title: Orders
    items:
      - {title: Orders, hours: [2, 4, 8], fit: standard, when: {question: s.orders, is: many}}
estimate:
  approach_question: s.how
  approaches:
    - {value: app, label: App, standard: 0.25, custom: 1.15, source: "[1]", team: {big: [1, 2], mid: [1, 2]}}
    - {value: own, label: Own, standard: 1, custom: 1, team: {big: [1, 2], mid: [1, 2]}}
  drivers:
    - {id: n, title: Count, question: s.count, packages: [WP-A], per_extra: 0.1, max: 2}
  phases:
    - {id: build, title: Build}
    - {id: test, title: Test, share: 0.45}
  growth: 0.5
  sizes:
    - {id: big, title: big, when: {question: s.orders, is: many}}
    - {id: mid, title: mid}
  running_costs:
    - {id: sub, title: Subscription, owner: client, approaches: [app], currency: USD, money: {big: [1, 2], mid: [0, 1]}}
  sources:
    - {id: "1", title: One, url: "https://example.com"}
  no_work:
    - {question: s.orders, values: [few], reason: nothing to do}
`

func TestEstimateValidation(t *testing.T) {
	tests := []struct {
		name     string
		from, to string // a replacement in goodEstimate
		want     []string
	}{
		{"valid", "", "", nil},
		{"a valid schedule", "  growth: 0.5\n", "  growth: 0.5\n  schedule: {hours_per_week: 30, build_hours_per_person: 300, lead_in_weeks: 4, margin: 0.15, max_team: 6, closed: [{from: \"12-24\", to: \"01-01\"}]}\n", nil},
		{"a first phase of packages the bank lacks", "  growth: 0.5\n", "  growth: 0.5\n  phase_one: {title: Orders first, packages: [WP-NONE]}\n", []string{
			`the estimate's ` + "`phase_one`" + ` names work package "WP-NONE", which the bank does not define`}},
		{"a first phase without a title", "  growth: 0.5\n", "  growth: 0.5\n  phase_one: {packages: []}\n", []string{
			`the estimate's ` + "`phase_one`" + ` needs a ` + "`title`" + ` (what it delivers) and its ` + "`packages`"}},
		{"closed days that are no days", "  growth: 0.5\n", "  growth: 0.5\n  schedule: {hours_per_week: 30, build_hours_per_person: 300, lead_in_weeks: 4, margin: 0.15, max_team: 6, closed: [{from: \"24-12\", to: \"1-1\"}]}\n", []string{
			`the schedule's closed days "24-12" to "1-1": give each as month-day, such as "12-24" to "01-01"`}},
		{"schedule figures, teams and phase weeks a plan cannot use", "  growth: 0.5\n", `  growth: 0.5
  deadline_question: s.count
  schedule: {hours_per_week: 90, build_hours_per_person: 300, lead_in_weeks: -1, margin: 0.15, max_team: 1}
`, []string{
			`the schedule's ` + "`hours_per_week`" + ` is 90; give the productive hours a person gives the project in a week, from 1 to 60`,
			`the schedule's ` + "`lead_in_weeks`" + ` is -1; give the weeks from the brief's date to the start, from 0 to 52`,
			`approach "app" needs a ` + "`team`" + ` for size "big": [least, most] people, 1 ≤ least ≤ most ≤ max_team (1)`,
			`approach "app" needs a ` + "`team`" + ` for size "mid"`, `approach "own" needs a ` + "`team`" + ` for size "big"`, `approach "own" needs a ` + "`team`" + ` for size "mid"`,
			`the estimate's deadline_question "s.count" is not a date question`}},
		{"hours the wrong way round", "hours: [2, 4, 8]", "hours: [8, 4, 2]",
			[]string{`bank.yaml:21: work package "WP-A" item "Orders" has hours [8, 4, 2]`}},
		{"hours that would overflow the budget", "hours: [2, 4, 8]", "hours: [2, 4, 9000000000000000000]",
			[]string{`bank.yaml:21: work package "WP-A" item "Orders" has hours [2, 4, 9000000000000000000]; give [optimistic, most likely, pessimistic], each at least the one before, the last above 0 and at most 100000`}},
		{"hours a budget cannot count with", "hours: [2, 4, 8]", "hours: [1, 2, 9000000000000000000]",
			[]string{`bank.yaml:21: work package "WP-A" item "Orders" has hours [1, 2, 9000000000000000000]; give [optimistic, most likely, pessimistic], each at least the one before, the last above 0 and at most 100000`}},
		{"two hours instead of three", "hours: [2, 4, 8]", "hours: [2, 8]",
			[]string{`bank.yaml:21: hours must be three whole numbers: [optimistic, most likely, pessimistic]`}},
		{"unknown fit", "fit: standard", "fit: usual",
			[]string{`bank.yaml:21: work package "WP-A" item "Orders" has fit "usual"; use one of standard, custom, fixed`}},
		{"item condition on an unknown value", "is: many}}", "is: lots}}",
			[]string{`bank.yaml:21: work package "WP-A" item "Orders" condition refers to value "lots" of "s.orders"`}},
		{"approach not an answer", "{value: own, label: Own", "{value: diy, label: Own",
			[]string{`approach "diy" is not an answer of s.how`, `the estimate has no approach for answer "own" of s.how`}},
		{"approach question of the wrong kind", "approach_question: s.how", "approach_question: s.count",
			[]string{`bank.yaml:23: the estimate's approach_question "s.count" is a number question; it must be a choice`}},
		{"driver on an unknown package", "packages: [WP-A], per_extra", "packages: [WP-B], per_extra",
			[]string{`bank.yaml:28: driver "n" scales unknown work package "WP-B"`}},
		{"driver with two forms", "per_extra: 0.1, max: 2}", "per_extra: 0.1, max: 2, steps: [[0, 1]]}",
			[]string{`bank.yaml:28: driver "n" needs exactly one of`}},
		{"steps on a choice", "question: s.count, packages: [WP-A], per_extra: 0.1, max: 2}", "question: s.orders, packages: [WP-A], steps: [[0, 1], [10, 1.5]]}",
			[]string{`bank.yaml:28: driver "n" gives steps, but "s.orders" is a choice question, not a number`}},
		{"no build phase", "- {id: build, title: Build}", "- {id: make, title: Build}",
			[]string{`bank.yaml:18: work package "WP-A" is in phase "build", which the estimate does not define (phases: make, test)`, `bank.yaml:23: the estimate has no "build" phase`}},
		{"share out of range", "share: 0.45", "share: 45",
			[]string{`bank.yaml:31: phase "test" has share 45; use a fraction from 0 to 2`}},
		{"money for an unknown size", "mid: [0, 1]}", "small: [0, 1]}",
			[]string{`bank.yaml:37: running cost "sub" gives money for unknown size "small" (sizes: big, mid)`}},
		{"running cost with no owner", "owner: client, ", "",
			[]string{`bank.yaml:37: running cost "sub" has owner ""; use client or integrator`}},
		{"uncited source", `source: "[1]"`, `source: "[7]"`,
			[]string{`bank.yaml:25: approach "app" cites source [7], which the estimate's ` + "`sources`" + ` do not list`}},
		{"per_extra without a ceiling", "per_extra: 0.1, max: 2}", "per_extra: 0.1}",
			[]string{`bank.yaml:28: driver "n" has per_extra 0.1 and max 0; per_extra is a fraction up to 2, and needs a max factor from 1 to 5`}},
		{"no_work without a reason", "reason: nothing to do}", "reason: \"\"}",
			[]string{`bank.yaml:41: a no_work entry has no ` + "`reason`"}},
		{"no_work on a value the question lacks", "values: [few], reason", "values: [some], reason",
			[]string{`bank.yaml:41: a no_work entry names "some", which is not an answer of s.orders`}},
		{"no_work on a question and every system question", "- {question: s.orders, values", "- {system: true, question: s.orders, values",
			[]string{`bank.yaml:41: a no_work entry names either a ` + "`question`"}},
		{"no_work with values for a number", "question: s.orders, values: [few]", "question: s.count, values: [few]",
			[]string{`bank.yaml:41: a no_work entry for s.count lists ` + "`values`"}},
		{"misspelt key", "growth: 0.5", "growht: 0.5",
			[]string{`bank.yaml:32: unknown key "growht" in the estimate`}},
		{"growth out of range", "growth: 0.5", "growth: 50",
			[]string{"bank.yaml:23: the estimate's `growth` is 50"}},
		{"a running cost with a figure and quoted too", "money: {big: [1, 2], mid: [0, 1]}}", "money: {big: [1, 2], mid: [0, 1]}, quoted: the vendor quotes it}",
			[]string{`running cost "sub" needs exactly one of ` + "`money`"}},
		{"a driver in a group the estimate lacks", "per_extra: 0.1, max: 2}", "per_extra: 0.1, max: 2, group: structure}",
			[]string{`bank.yaml:28: driver "n" names driver group "structure", which the estimate's driver_groups do not define`}},
		{"a driver group's share and the ceiling out of range", "growth: 0.5", "growth: 0.5\n  max_factor: 0.9\n  driver_groups: [{id: g, title: G, others: 2}]",
			[]string{"bank.yaml:23: the estimate's `max_factor` is 0.9", `bank.yaml:34: driver group "g" has others 2`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			block := strings.Replace(goodEstimate, tt.from, tt.to, 1)
			if tt.from != "" && block == goodEstimate {
				t.Fatalf("the test's %q is not in the block", tt.from)
			}
			_, err := Parse("bank.yaml", []byte(estimateBank+block))
			if tt.want == nil {
				if err != nil {
					t.Fatalf("a valid block fails: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("errors lack %q:\n%v", w, err)
				}
			}
		})
	}
}

// A bank written before the work packages, with hours on its options, gets
// an error saying where the hours went.
func TestEffortMovedToWorkPackages(t *testing.T) {
	old := estimateBank + `work_packages:
  - {id: WP-01, title: Mapping, effort: [16, 32]}
`
	_, err := Parse("bank.yaml", []byte(old))
	if err == nil || !strings.Contains(err.Error(), `bank.yaml:18: "effort" in a work package is no longer read: hours are now items of the work packages`) {
		t.Errorf("error %v", err)
	}
}
