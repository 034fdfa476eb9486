// Package wizardtest drives the wizard's huh forms with keystrokes in tests,
// through teatest, so that no test needs a real terminal.
package wizardtest

import (
	"io"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/exp/teatest"
)

// Keys is one form's script: "enter", "up", "down", "shift+tab", "ctrl+c",
// or text to type.
type Keys []string

// Driver returns a RunForm that plays one script per form, in order, and the
// output each form drew.
func Driver(t *testing.T, scripts ...Keys) (run func(*huh.Form) error, screens *[]string) {
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

// SmallBank is a two-section bank with a condition, a follow-up note and
// placeholders: enough to exercise every path of the wizard quickly.
const SmallBank = `
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
