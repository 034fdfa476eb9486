package estimate

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// modelBank is a small bank whose figures are easy to follow by hand.
const modelBank = `id: model
title: Model
sections:
  - id: project
    title: Project
    code: PRJ
    questions:
      - id: project.approach
        kind: choice
        prompt: How?
        help: Why.
        options: [{value: app, label: App}, {value: own, label: Own}]
  - id: s
    title: Section
    code: S
    questions:
      - {id: s.flow, kind: yesno, prompt: "Flow?", help: Why.}
      - id: s.detail
        kind: choice
        prompt: "Detail?"
        help: Why.
        when: {question: s.flow, is: "yes"}
        options: [{value: plain, label: Plain}, {value: rich, label: Rich}]
      - id: s.extras
        kind: multi
        prompt: "Extras?"
        help: Why.
        options: [{value: x, label: X}, {value: y, label: Y}]
      - {id: s.size, kind: choice, prompt: "Size?", help: Why., options: [{value: small, label: Small}, {value: mid, label: Mid}, {value: big, label: Big}]}
      - {id: s.count, kind: number, prompt: "Count?", help: Why.}
  - id: budget
    title: Budget
    code: BUD
    questions:
      - {id: budget.currency, kind: text, prompt: "Currency?", help: Why., default: EUR}
      - {id: budget.hourly-rate, kind: number, prompt: "Rate?", help: Why., default: "100"}
      - {id: budget.contingency, kind: number, prompt: "Contingency?", help: Why., default: "10"}
work_packages:
  - id: WP-A
    title: Flow
    items:
      - {title: Standard, hours: [6, 12, 24], fit: standard, when: {question: s.flow, is: "yes"}}
      - {title: Custom, hours: [6, 6, 6], fit: custom, when: {question: s.flow, is: "yes"}}
      - {title: Fixed, hours: [3, 3, 3], fit: fixed, when: {question: s.flow, is: "yes"}}
      - {title: Rich, hours: [12, 12, 12], fit: fixed, when: {question: s.detail, is: rich}}
  - id: WP-X
    title: Extras
    items:
      - {title: X, hours: [6, 6, 6], fit: fixed, when: {question: s.extras, is: x}}
      - {title: Y, hours: [12, 12, 12], fit: fixed, when: {question: s.extras, is: y}}
  - id: WP-T
    title: Test set-up
    phase: test
    items:
      - {title: Test data, hours: [4, 4, 4], fit: fixed}
estimate:
  approach_question: project.approach
  approaches:
    - {value: app, label: App, standard: 0.25, custom: 2}
    - {value: own, label: Own, standard: 1, custom: 1}
  drivers:
    - {id: size, title: Size, question: s.size, packages: [WP-A], values: {small: 0.5, big: 1.5}}
    - {id: count, title: Count, question: s.count, packages: [WP-A], per_extra: 0.25, max: 1.5}
  phases:
    - {id: build, title: Build}
    - {id: test, title: Test, share: 0.5}
    - {id: pm, title: Management, share: 0.1, of: rest}
  spread: 1
  growth: 0.5
`

func modelSpec(t *testing.T, answers ...string) (*checklist.Bank, *spec.Spec) {
	t.Helper()
	bank, err := checklist.Parse("model.yaml", []byte(modelBank))
	if err != nil {
		t.Fatal(err)
	}
	return bank, modelSpecOn(t, bank, answers...)
}

// modelSpecOn is a spec of bank with answers given as ID, value pairs (a
// multi-select's values joined by commas).
func modelSpecOn(t *testing.T, bank *checklist.Bank, answers ...string) *spec.Spec {
	t.Helper()
	s := spec.New(filepath.Join(t.TempDir(), "s.yaml"), bank)
	for i := 0; i+1 < len(answers); i += 2 {
		s.Set(answers[i], spec.Answer{Values: strings.Split(answers[i+1], ",")})
	}
	return s
}

// The approach scales standard and custom work by its factors and leaves
// fixed work alone; PERT combines the three figures.
func TestApproachScalesWork(t *testing.T) {
	for _, tt := range []struct {
		approach         string
		o, m, p, expects int
	}{
		// own: 6+6+3 = 15, 12+6+3 = 21, 24+6+3 = 33; (15 + 84 + 33) / 6 = 22
		{"own", 15, 21, 33, 22},
		// app: 6×0.25 + 6×2 + 3 = 16.5 → 17 (rounded half away from zero), 12×0.25+12+3 = 18,
		// 24×0.25+12+3 = 21; (17 + 72 + 21) / 6 = 18.33 → 18
		{"app", 17, 18, 21, 18},
	} {
		bank, s := modelSpec(t, "project.approach", tt.approach, "s.flow", "yes", "s.detail", "plain", "s.extras", "x")
		p := For(bank, s).Package("WP-A")
		if p == nil || p.OptimisticHours != tt.o || p.LikelyHours != tt.m || p.PessimisticHours != tt.p || p.ExpectedHours != tt.expects {
			t.Errorf("%s: %+v, want %d/%d/%d, expected %d", tt.approach, p, tt.o, tt.m, tt.p, tt.expects)
		}
	}
}

// Drivers add up (+50 % for big, +25 % per unit beyond the first, at most
// +50 %), and a driver left open counts as typical.
func TestDriversAddUp(t *testing.T) {
	base := []string{"project.approach", "own", "s.flow", "yes", "s.detail", "plain", "s.extras", "x"}
	likely := func(extra ...string) int {
		bank, s := modelSpec(t, append(base, extra...)...)
		b := For(bank, s)
		return b.Package("WP-A").LikelyHours
	}
	for _, tt := range []struct {
		answers []string
		want    int
	}{
		{nil, 21},                                       // no driver answered
		{[]string{"s.size", "big"}, 32},                 // 21 × 1.5 = 31.5 → 32
		{[]string{"s.size", "small"}, 11},               // 21 × 0.5 = 10.5 → 11
		{[]string{"s.count", "3"}, 32},                  // 1 + 0.25 × 2 = 1.5
		{[]string{"s.count", "9"}, 32},                  // capped at 1.5
		{[]string{"s.size", "big", "s.count", "3"}, 42}, // 1 + 0.5 + 0.5 = 2: they add, not multiply (2.25)
		{[]string{"s.size", "undecided"}, 21},
	} {
		if got := likely(tt.answers...); got != tt.want {
			t.Errorf("%v: likely %d h, want %d", tt.answers, got, tt.want)
		}
	}
}

// A kept answer to a question no longer asked costs nothing; a flow that is
// not exchanged costs nothing.
func TestHiddenAnswersCostNothing(t *testing.T) {
	bank, s := modelSpec(t, "project.approach", "own", "s.flow", "no", "s.detail", "rich", "s.extras", "x")
	b := For(bank, s)
	if p := b.Package("WP-A"); p != nil {
		t.Errorf("the flow is not exchanged, yet %+v", p)
	}
}

// Phases: test is half the build plus its own package; management a tenth of
// the rest; the expected figure is their sum; contingency once, rounded up.
func TestPhasesAndContingency(t *testing.T) {
	bank, s := modelSpec(t, "project.approach", "own", "s.flow", "yes", "s.detail", "plain", "s.extras", "x", "s.size", "mid", "budget.contingency", "12.5")
	b := For(bank, s)
	got := map[string]int{}
	for _, ph := range b.Phases {
		got[ph.ID] = ph.ExpectedHours
	}
	// build: WP-A 22 + WP-X 6 = 28; test: 28 × 0.5 + 4 = 18; pm: (28 + 18) × 0.1 = 4.6 → 5.
	// (A share rounds half up, as by hand: see TestSharesRoundAsByHand.)
	if got["build"] != 28 || got["test"] != 18 || got["pm"] != 5 || b.Expected.Hours != 51 {
		t.Errorf("phases %v, expected %d; want build 28, test 18, pm 5, expected 51", got, b.Expected.Hours)
	}
	// 12.5 % of 51 = 6.375 → 7 hours; at the default rate of 100, 700.00.
	if b.Contingency.Hours != 7 || b.Contingency.Cost != 700 || b.Planned.Hours != 58 {
		t.Errorf("contingency %+v, planned %+v; want 7 h, 700.00 and 58 h", b.Contingency, b.Planned)
	}
}

// An open decision carries what its cheapest, middle and dearest answer add,
// with the follow-up questions it opens; a multi-select's dearest is all of
// its choices.
func TestOpenDecisionsCarryTheirFollowUps(t *testing.T) {
	bank, s := modelSpec(t, "project.approach", "own", "s.extras", "x")
	b := For(bank, s)
	flow := b.RiskOf("s.flow")
	if flow == nil {
		t.Fatalf("s.flow is open but carries no buffer: %+v", b.RiskBuffer)
	}
	// Without the flow: build 6 (WP-X), test 3 + 4, management 1.3 → 1: 14 h. "no" adds
	// nothing; "yes" with "plain": build 6 + 22, test 14 + 4, management 4.6 → 5: 51 h, +37;
	// with "rich" (12 h more): build 6 + 34, test 20 + 4, management 6.4 → 6: 70 h, +56.
	// The middles of "no" [0, 0] and "yes" [37, 56] are 0 and 46.5; theirs is 23.25 → 23.
	if flow.LowHours != 0 || flow.HighHours != 56 || flow.LikelyHours != 23 || len(flow.FollowUps) != 1 || flow.FollowUps[0] != "s.detail" {
		t.Errorf("s.flow buffer %+v; want 0, 23, 56 h with follow-up s.detail", flow)
	}
	bank, s = modelSpec(t, "project.approach", "own", "s.flow", "no")
	extras := For(bank, s).RiskOf("s.extras")
	// x: 6 h, y: 12 h, both: 18 h, each with its phases: 6 × 1.65 = 9.9 → 10 (rounded per
	// phase: 6 + 3 + 1), 12 → 20, 18 → 30.
	if extras == nil || extras.LowHours != 10 || extras.HighHours != 30 {
		t.Errorf("s.extras buffer %+v; want 10 to 30 h", extras)
	}
}

// With the approach open, each approach is priced with its own conditions,
// and the figures shown are the dearest's.
func TestUndecidedApproachPricesEach(t *testing.T) {
	bank, s := modelSpec(t, "project.approach", "undecided", "s.flow", "yes", "s.detail", "plain", "s.extras", "x")
	b := For(bank, s)
	if b.Approach.Decided || len(b.ByApproach) != 2 || b.Approach.Value != "own" {
		t.Fatalf("approach %+v with %d side by side", b.Approach, len(b.ByApproach))
	}
	if b.ByApproach[0].Expected.Hours >= b.ByApproach[1].Expected.Hours {
		t.Errorf("app %d h is not below own %d h", b.ByApproach[0].Expected.Hours, b.ByApproach[1].Expected.Hours)
	}
}

// A bank without a budget model prices nothing, and says so with empty lists.
func TestNoBudgetModel(t *testing.T) {
	bank, err := checklist.Parse("b.yaml", []byte("id: b\ntitle: B\nsections:\n  - {id: s, title: S, code: S, questions: [{id: s.a, kind: text, prompt: A, help: H}]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := For(bank, spec.New(filepath.Join(t.TempDir(), "s.yaml"), bank))
	if len(b.Packages) != 0 || b.Total.HighHours != 0 || b.Packages == nil || b.Running == nil {
		t.Errorf("%+v", b)
	}
}

// A share of the build rounds as it would by hand: 35 % of 350 h is 122.5,
// which binary floating point holds as 122.4999… and rounded down to 122.
func TestSharesRoundAsByHand(t *testing.T) {
	got := scalePoints(ThreePoint{350, 350, 350, 350}, 0.35)
	if got != (ThreePoint{123, 123, 123, 123}) {
		t.Errorf("35 %% of 350 h: %+v, want 123 h", got)
	}
}

// Drivers of one group (facts that overlap, such as web stores, currencies
// and companies) count the largest in full and each other at the group's
// share; no package grows beyond max_factor, and the ceiling is listed as a
// factor so that the percents add up. By hand, own approach, WP-A 15/21/33:
//
//	size big +50 % and count 3 +50 % in group g (others 0.25): 0.5 + 0.25 × 0.5 = +62.5 %
//	→ 24.375/34.125/53.625 → 24/34/54, expected (24 + 136 + 54) / 6 = 35.7 → 36
//	with extras x and y (+50 %, ungrouped): 2.125, capped at 1.8 → 27/37.8/59.4 → 27/38/59,
//	expected (27 + 152 + 59) / 6 = 39.7 → 40; factors +50, +13, +50 and the cap −33 = +80.
func TestDriverGroupAndCeiling(t *testing.T) {
	bankText := strings.Replace(modelBank, "  drivers:\n", `  max_factor: 1.8
  driver_groups: [{id: g, title: overlap, others: 0.25}]
  drivers:
    - {id: ex, title: Extras, question: s.extras, packages: [WP-A], per_extra: 0.5, max: 2}
`, 1)
	bankText = strings.Replace(bankText, "values: {small: 0.5, big: 1.5}}", "values: {small: 0.5, big: 1.5}, group: g}", 1)
	bankText = strings.Replace(bankText, "per_extra: 0.25, max: 1.5}", "per_extra: 0.25, max: 1.5, group: g}", 1)
	bank, err := checklist.Parse("model.yaml", []byte(bankText))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		extras           string
		o, m, p, expects int
		percents         []int
	}{
		{"x", 24, 34, 54, 36, []int{50, 13}},
		{"x,y", 27, 38, 59, 40, []int{50, 50, 13, -33}},
	} {
		s := modelSpecOn(t, bank, "project.approach", "own", "s.flow", "yes", "s.detail", "plain", "s.extras", tt.extras, "s.size", "big", "s.count", "3")
		p := For(bank, s).Package("WP-A")
		var percents []int
		for _, f := range p.Factors {
			percents = append(percents, f.Percent)
		}
		if p.OptimisticHours != tt.o || p.LikelyHours != tt.m || p.PessimisticHours != tt.p || p.ExpectedHours != tt.expects || !slices.Equal(percents, tt.percents) {
			t.Errorf("extras %s: WP-A %d/%d/%d, expected %d, factors %+v; want %d/%d/%d, expected %d, percents %v",
				tt.extras, p.OptimisticHours, p.LikelyHours, p.PessimisticHours, p.ExpectedHours, p.Factors, tt.o, tt.m, tt.p, tt.expects, tt.percents)
		}
	}
}
