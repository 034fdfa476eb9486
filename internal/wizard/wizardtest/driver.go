// Package wizardtest drives the wizard's huh forms with keystrokes in tests,
// with no terminal. It runs the form's update loop itself, one message at a
// time: each key is handled, and every command it causes has run, before the
// next key is sent. A real program runs commands concurrently, and keys sent
// by a test can overtake them, which made key-level tests flaky under load.
package wizardtest

import (
	"reflect"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// Keys is one form's script: "enter", "up", "down", "shift+tab", "ctrl+c",
// or text to type.
type Keys []string

// Driver returns a RunForm that plays one script per form, in order, and the
// views each form showed.
func Driver(t *testing.T, scripts ...Keys) (run func(*huh.Form) error, screens *[]string) {
	t.Helper()
	var seen []string
	i := 0
	return func(f *huh.Form) error {
		if i >= len(scripts) {
			t.Fatalf("form %d was run, but only %d scripts were given", i+1, len(scripts))
		}
		f.SubmitCmd, f.CancelCmd = tea.Quit, tea.Quit
		d := &loop{model: f}
		d.dispatch(d.run(f.Init()))
		d.send(tea.WindowSizeMsg{Width: 100, Height: 40})
		for _, k := range scripts[i] {
			if d.quit {
				break
			}
			for _, msg := range keyMsgs(k) {
				d.send(msg)
			}
		}
		i++
		seen = append(seen, strings.Join(d.views, "\n"))
		switch {
		case f.State == huh.StateAborted:
			return huh.ErrUserAborted
		case f.State == huh.StateCompleted:
			return nil
		case d.quit:
			// A field quit the form unfinished, as going back to the previous
			// section does; the wizard knows why.
			return nil
		}
		t.Fatalf("form %d did not finish after its script (keys: %q)", i, scripts[i-1])
		return nil
	}, &seen
}

func keyMsgs(k string) []tea.Msg {
	switch k {
	case "enter":
		return []tea.Msg{tea.KeyMsg{Type: tea.KeyEnter}}
	case "up":
		return []tea.Msg{tea.KeyMsg{Type: tea.KeyUp}}
	case "down":
		return []tea.Msg{tea.KeyMsg{Type: tea.KeyDown}}
	case "shift+tab":
		return []tea.Msg{tea.KeyMsg{Type: tea.KeyShiftTab}}
	case "ctrl+c":
		return []tea.Msg{tea.KeyMsg{Type: tea.KeyCtrlC}}
	}
	// Text arrives as one message, as a paste does: one update, not one per letter.
	return []tea.Msg{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}}
}

// loop is a synchronous stand-in for tea.Program.
type loop struct {
	model tea.Model
	views []string
	quit  bool
}

// timerCutoff separates commands that answer at once (moving between fields
// and groups) from timers (the cursor's blink, half a second), which are dropped.
const timerCutoff = 100 * time.Millisecond

func (d *loop) send(msg tea.Msg) { d.dispatch([]tea.Msg{msg}) }

func (d *loop) dispatch(queue []tea.Msg) {
	for len(queue) > 0 && !d.quit {
		msg := queue[0]
		queue = queue[1:]
		if _, ok := msg.(tea.QuitMsg); ok {
			d.quit = true
			return
		}
		var cmd tea.Cmd
		d.model, cmd = d.model.Update(msg)
		d.views = append(d.views, d.model.View())
		queue = append(queue, d.run(cmd)...)
	}
}

// run executes a command and the batches and sequences it returns, keeping
// the order a sequence demands.
func (d *loop) run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(timerCutoff):
		return nil
	}
	switch m := msg.(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		return d.runAll(m)
	}
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Name() == "sequenceMsg" {
		var out []tea.Msg
		for i := 0; i < v.Len(); i++ {
			c, _ := v.Index(i).Interface().(tea.Cmd)
			out = append(out, d.run(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// runAll runs a batch's commands at once and waits for them together, so a
// batch costs one timer cutoff at most, not one per command.
func (d *loop) runAll(cmds []tea.Cmd) []tea.Msg {
	results := make([]chan []tea.Msg, len(cmds))
	for i, c := range cmds {
		results[i] = make(chan []tea.Msg, 1)
		go func(c tea.Cmd, out chan []tea.Msg) { out <- d.runDetached(c) }(c, results[i])
	}
	var msgs []tea.Msg
	deadline := time.After(timerCutoff + 50*time.Millisecond)
	for _, r := range results {
		select {
		case m := <-r:
			msgs = append(msgs, m...)
		case <-deadline:
			return msgs
		}
	}
	return msgs
}

// runDetached is run for a command inside a batch: it must not touch the loop.
func (d *loop) runDetached(cmd tea.Cmd) []tea.Msg {
	sub := &loop{}
	return sub.run(cmd)
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
