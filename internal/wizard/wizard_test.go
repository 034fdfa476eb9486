package wizard

import (
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

const smallBank = `
id: small
title: Small bank
sections:
  - id: project
    title: About
    code: PRJ
    questions:
      - {id: project.store, kind: text, prompt: "Store?", help: "H."}
      - {id: project.inventory, kind: text, prompt: "Inventory?", help: "H."}
  - id: stock
    title: Stock
    code: INV
    questions:
      - {id: stock.live, kind: yesno, prompt: "Should {store} get live counts from {inventory}?", help: "H."}
      - id: stock.fresh
        kind: choice
        prompt: "How fresh?"
        help: "H."
        when: {question: stock.live, is: "yes"}
        options: [{value: fast, label: Fast}, {value: slow, label: Slow}]
      - id: stock.where
        kind: choice
        prompt: "Where?"
        help: "H."
        options:
          - {value: here, label: Here}
          - {value: other, label: Elsewhere, follow_up: "Which system?"}
`

func loadSmall(t *testing.T) *checklist.Bank {
	t.Helper()
	b, err := checklist.Parse("small.yaml", []byte(smallBank))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// keys drives one form: "enter", "up", "down", "ctrl+c", "shift+tab", or text to type.
type keys []string

// driver returns a RunForm that plays one key script per form, in order, and
// records each screen it saw.
func driver(t *testing.T, scripts ...keys) (run func(*huh.Form) error, screens *[]string) {
	t.Helper()
	var seen []string
	i := 0
	return func(f *huh.Form) error {
		if i >= len(scripts) {
			t.Fatalf("form %d was run, but only %d scripts were given", i+1, len(scripts))
		}
		// Both end the program: teatest treats tea.Interrupt as a crash, and the
		// form records an abort in its State either way.
		f.SubmitCmd, f.CancelCmd = tea.Quit, tea.Quit
		tm := teatest.NewTestModel(t, f, teatest.WithInitialTermSize(100, 40))
		time.Sleep(30 * time.Millisecond)
		for _, k := range scripts[i] {
			switch k {
			case "enter":
				tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			case "up":
				tm.Send(tea.KeyMsg{Type: tea.KeyUp})
			case "down":
				tm.Send(tea.KeyMsg{Type: tea.KeyDown})
			case "shift+tab":
				tm.Send(tea.KeyMsg{Type: tea.KeyShiftTab})
			case "ctrl+c":
				tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
			default:
				tm.Type(k)
			}
			// Moving between groups happens through commands; give each key time to land.
			time.Sleep(30 * time.Millisecond)
		}
		i++
		tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
		final := tm.FinalModel(t).(*huh.Form)
		out, _ := io.ReadAll(tm.FinalOutput(t))
		seen = append(seen, string(out))
		if final.State == huh.StateAborted {
			return huh.ErrUserAborted
		}
		if final.State != huh.StateCompleted {
			t.Fatalf("form %d did not complete (state %v)", i, final.State)
		}
		return nil
	}, &seen
}

func newSpec(t *testing.T, b *checklist.Bank) *spec.Spec {
	return spec.New(filepath.Join(t.TempDir(), "spec.yaml"), b)
}

func TestFirstRun(t *testing.T) {
	b := loadSmall(t)
	s := newSpec(t, b)
	run, screens := driver(t,
		keys{"Shopify", "enter", "Odoo", "enter", "enter"},
		// live: Undecided is pre-selected; up twice is "yes", which shows the follow-up.
		keys{"up", "up", "enter", "up", "up", "enter", "up", "enter", "Legacy ERP", "enter", "Ships from two sites", "enter"},
	)
	var done []string
	res, err := Run(Options{Bank: b, Spec: s, RunForm: run, OnSectionDone: func(sec *checklist.Section) error {
		done = append(done, sec.ID)
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
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
