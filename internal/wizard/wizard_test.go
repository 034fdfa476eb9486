package wizard

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
	"github.com/integ-dev/integ/internal/wizard/wizardtest"
)

func loadSmall(t *testing.T) *checklist.Bank {
	t.Helper()
	b, err := checklist.Parse("small.yaml", []byte(wizardtest.SmallBank))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type keys = wizardtest.Keys

var driver = wizardtest.Driver

func newSpec(t *testing.T, b *checklist.Bank) *spec.Spec {
	return spec.New(filepath.Join(t.TempDir(), "spec.yaml"), b)
}

// runRecordingSections runs the wizard and returns the IDs of the sections
// handed to OnSectionDone, in order.
func runRecordingSections(t *testing.T, o Options) (Result, []string) {
	t.Helper()
	var done []string
	o.OnSectionDone = func(sec *checklist.Section) error {
		done = append(done, sec.ID)
		return nil
	}
	res, err := Run(o)
	if err != nil {
		t.Fatal(err)
	}
	return res, done
}

func TestFirstRun(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	run, screens := driver(t,
		keys{"Shopify", "enter", "Odoo", "enter", "enter"},
		// live: Undecided is pre-selected; up twice is "yes", which shows the follow-up.
		keys{"up", "up", "enter", "up", "up", "enter", "up", "enter", "Legacy ERP", "enter", "Ships from two sites", "enter"},
	)
	res, done := runRecordingSections(t, Options{Bank: b, Spec: s, RunForm: run})
	if res.SectionsDone != 2 || strings.Join(done, ",") != "project,stock" {
		t.Errorf("sections done: %v", done)
	}
	want := map[string]string{"project.store": "Shopify", "project.inventory": "Odoo", "stock.live": "yes", "stock.fresh": "fast", "stock.where": "other"}
	for id, v := range want {
		if got := s.Answers[id].Value(); got != v {
			t.Errorf("%s = %q, want %q", id, got, v)
		}
	}
	if got := s.Note("stock.where"); got != "Legacy ERP" {
		t.Errorf("follow-up note = %q", got)
	}
	if got := s.SectionNotes["stock"]; got != "Ships from two sites" {
		t.Errorf("section note = %q", got)
	}
	// The names given in section 1 are used in later prompts, under the section header.
	for _, want := range []string{"Should Shopify get live counts from Odoo?", "Section 2 of 2 · Stock", "Which system?"} {
		if !strings.Contains((*screens)[1], want) {
			t.Errorf("section 2 never showed %q", want)
		}
	}
}

func TestConditionHidesFollowUpAndKeepsItsAnswer(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	s.Set("stock.fresh", spec.Answer{Values: []string{"slow"}})
	// live: up once is "no", so "How fresh?" is skipped: the next screen is "Where?".
	run, screens := driver(t, keys{"up", "enter", "enter", "enter"})
	_, err := Run(Options{Bank: b, Spec: s, Mode: ModeSection, Section: "stock", RunForm: run})
	if err != nil {
		t.Fatal(err)
	}
	if s.Answers["stock.live"].Value() != "no" || s.Answers["stock.where"].Value() != "undecided" {
		t.Errorf("answers: %+v", s.Answers)
	}
	if s.Answers["stock.fresh"].Value() != "slow" {
		t.Error("the hidden follow-up's earlier answer was dropped")
	}
	if strings.Contains(strings.Join(*screens, ""), "How fresh?") {
		t.Error("the hidden question was shown")
	}
}

func TestRerunPreselectsEarlierAnswers(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	for id, v := range map[string]string{"project.store": "Shopify", "project.inventory": "Odoo", "stock.live": "yes", "stock.fresh": "slow", "stock.where": "here"} {
		s.Set(id, spec.Answer{Values: []string{v}})
	}
	before := map[string]string{}
	for id, a := range s.Answers {
		before[id] = a.Value()
	}
	run, screens := driver(t,
		keys{"enter"}, // the menu: "Go through everything" is first
		keys{"enter", "enter", "enter"},
		keys{"enter", "enter", "enter", "enter"},
	)
	if _, err := Run(Options{Bank: b, Spec: s, RunForm: run}); err != nil {
		t.Fatal(err)
	}
	for id, v := range before {
		if got := s.Answers[id].Value(); got != v {
			t.Errorf("%s changed from %q to %q by pressing Enter", id, v, got)
		}
	}
	if !strings.Contains((*screens)[0], "Welcome back") {
		t.Errorf("a re-run starts with the menu, got:\n%s", (*screens)[0])
	}
}

func TestUnansweredModeAsksOnlyOpenQuestions(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	for id, v := range map[string]string{"project.store": "Shopify", "project.inventory": "Odoo", "stock.live": "no"} {
		s.Set(id, spec.Answer{Values: []string{v}})
	}
	// Only stock.where is open (fresh is hidden): one question and the section note.
	run, _ := driver(t, keys{"up", "up", "enter", "enter"})
	res, err := Run(Options{Bank: b, Spec: s, Mode: ModeUnanswered, RunForm: run})
	if err != nil {
		t.Fatal(err)
	}
	if res.SectionsDone != 1 || s.Answers["stock.where"].Value() != "here" {
		t.Errorf("done %d, where=%q", res.SectionsDone, s.Answers["stock.where"].Value())
	}
}

func TestCtrlCAfterOneSectionKeepsThatSection(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	run, _ := driver(t,
		keys{"Shopify", "enter", "Odoo", "enter", "enter"},
		keys{"up", "up", "enter", "ctrl+c"},
	)
	saves := 0
	_, err := Run(Options{Bank: b, Spec: s, RunForm: run, OnSectionDone: func(*checklist.Section) error {
		saves++
		return nil
	}})
	if !errors.Is(err, ErrAborted) {
		t.Fatalf("got %v, want ErrAborted", err)
	}
	if saves != 1 || s.Answers["project.store"].Value() != "Shopify" {
		t.Errorf("saves=%d answers=%+v", saves, s.Answers)
	}
	if _, ok := s.Answers["stock.live"]; ok {
		t.Error("an answer from the interrupted section was recorded")
	}
}

func TestShiftTabGoesBack(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	// Answer live=yes, go back, change it to no, then finish.
	run, _ := driver(t, keys{"up", "up", "enter", "shift+tab", "down", "enter", "enter", "enter"})
	if _, err := Run(Options{Bank: b, Spec: s, Mode: ModeSection, Section: "stock", RunForm: run}); err != nil {
		t.Fatal(err)
	}
	if got := s.Answers["stock.live"].Value(); got != "no" {
		t.Errorf("live = %q, want no", got)
	}
}

// Accessible mode asks one screen at a time and must skip what a condition
// hides itself (huh's own accessible mode would ask every field).
func TestAccessibleModeSkipsHiddenQuestions(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	var out strings.Builder
	// One form per shown screen: live (up = no), where (enter = undecided), the section note.
	run, screens := driver(t, keys{"up", "enter"}, keys{"enter"}, keys{"enter"})
	_, err := Run(Options{Bank: b, Spec: s, Mode: ModeSection, Section: "stock", Accessible: true, Output: &out, RunForm: run})
	if err != nil {
		t.Fatal(err)
	}
	if len(*screens) != 3 || strings.Contains(strings.Join(*screens, ""), "How fresh?") {
		t.Errorf("asked %d screens: %q", len(*screens), *screens)
	}
	if !strings.Contains(out.String(), "Section 2 of 2 · Stock") {
		t.Errorf("the section header was not written: %q", out.String())
	}
	if s.Answers["stock.live"].Value() != "no" {
		t.Errorf("live = %q", s.Answers["stock.live"].Value())
	}
}

func TestShiftTabOnAFirstQuestionReopensThePreviousSection(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	run, screens := driver(t,
		// Shift-Tab on the very first question has nowhere to go and does nothing.
		keys{"shift+tab", "Shopify", "enter", "Odoo", "enter", "enter"},
		keys{"shift+tab"},
		// Reopened with its answers in place; fix the inventory system's name.
		keys{"enter", " 17", "enter", "enter"},
		// Shift-Tab on a later question goes back one question, as always.
		// live: up is "no", which hides "How fresh?"; back, up again is "yes", which shows it.
		keys{"up", "enter", "shift+tab", "up", "enter", "enter", "enter", "enter"},
	)
	res, done := runRecordingSections(t, Options{Bank: b, Spec: s, RunForm: run})
	if got := strings.Join(done, ","); got != "project,project,stock" || res.SectionsDone != 2 {
		t.Errorf("sections saved: %s (SectionsDone %d)", got, res.SectionsDone)
	}
	for id, want := range map[string]string{"project.store": "Shopify", "project.inventory": "Odoo 17", "stock.live": "yes", "stock.fresh": "undecided", "stock.where": "undecided"} {
		if got := s.Answers[id].Value(); got != want {
			t.Errorf("%s = %q, want %q", id, got, want)
		}
	}
	if !strings.Contains((*screens)[1], "shift+tab previous section") {
		t.Errorf("the first question of section 2 does not say Shift-Tab goes back:\n%s", (*screens)[1])
	}
	if strings.Contains((*screens)[0], "previous section") {
		t.Error("section 1 offers a previous section")
	}
	if !strings.Contains((*screens)[2], "Odoo") {
		t.Errorf("the reopened section lost its answers:\n%s", (*screens)[2])
	}
}

// An answer naming another system asks for its short name, kept in the
// answer's own field, apart from the note.
func TestSystemNameIsAskedApartFromTheNote(t *testing.T) {
	t.Parallel()
	b, err := checklist.Parse("small.yaml", []byte(`
id: small
title: Small bank
sections:
  - id: project
    title: About
    code: PRJ
    questions:
      - {id: project.store, kind: text, prompt: "Store?", help: "H."}
  - id: tax
    title: Tax
    code: TAX
    questions:
      - id: tax.who
        kind: choice
        prompt: "Who calculates tax?"
        help: "H."
        options:
          - {value: store, label: The store}
          - {value: service, label: A tax service, system: "Which tax service?", follow_up: "Anything to know about it?", requires: ["{third} shall calculate tax."]}
`))
	if err != nil {
		t.Fatal(err)
	}
	s := newSpec(t, b)
	run, _ := driver(t,
		keys{"Shopify", "enter", "enter"},
		keys{"up", "enter", "Avalara AvaTax", "enter", "Both systems ask it", "enter", "enter"},
	)
	if _, err := Run(Options{Bank: b, Spec: s, RunForm: run}); err != nil {
		t.Fatal(err)
	}
	if a := s.Answers["tax.who"]; a.Value() != "service" || a.System != "Avalara AvaTax" || a.Note != "Both systems ask it" {
		t.Errorf("answer = %+v", a)
	}
}
