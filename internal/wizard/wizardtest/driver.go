// Package wizardtest drives the wizard's Bubble Tea program with keystrokes
// in tests, with no terminal. It runs the update loop itself, one message at
// a time: each key is handled, and every command it causes has run, before
// the next key is sent. A real program runs commands concurrently, and keys
// sent by a test can overtake them, which made key-level tests flaky under
// load. Timers (a cursor's blink) are known by what they are, not by how
// long they take, so a slow machine never drops a command that matters.
package wizardtest

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// Keys is a script: "enter", "up", "down", "space", "tab", "shift+tab",
// "esc", "ctrl+c", "ctrl+n", "ctrl+e", "ctrl+z", a signal ("SIGTERM",
// "SIGHUP", "SIGQUIT", "SIGINT", delivered as the program would deliver it),
// or text to type.
type Keys []string

// Driver returns a runner that plays the scripts, in order, into the
// wizard's program, and the screen after each key (colours stripped, any
// other escape sequence kept, so that tests can look for raw user text). The program must end
// (finish, Ctrl-C, a signal) by the end of the scripts.
func Driver(t *testing.T, scripts ...Keys) (run func(tea.Model) (tea.Model, error), screens *[]string) {
	t.Helper()
	var seen []string
	return func(m tea.Model) (tea.Model, error) {
		d := &loop{model: m}
		d.dispatch(d.run(m.Init()))
		d.send(tea.WindowSizeMsg{Width: 100, Height: 40})
		seen = append(seen, StripSGR(d.model.View()))
		var all []string
		for _, s := range scripts {
			all = append(all, s...)
		}
		for i, k := range all {
			if d.quit {
				t.Fatalf("the wizard ended before key %d (%q) of %q", i+1, k, all)
			}
			for _, msg := range keyMsgs(k) {
				d.send(msg)
			}
			seen = append(seen, StripSGR(d.model.View()))
		}
		if !d.quit {
			t.Fatalf("the wizard did not end after its script (keys: %q); it shows:\n%s", all, d.model.View())
		}
		return d.model, nil
	}, &seen
}

// StripSGR removes the colour sequences (ESC [ … m) a renderer writes itself.
func StripSGR(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';') {
				j++
			}
			if j < len(s) && s[j] == 'm' {
				i = j
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Screen is the last screen in screens that contains want, or "".
func Screen(screens []string, want string) string {
	for i := len(screens) - 1; i >= 0; i-- {
		if strings.Contains(screens[i], want) {
			return screens[i]
		}
	}
	return ""
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
	case "ctrl+n":
		return []tea.Msg{tea.KeyMsg{Type: tea.KeyCtrlN}}
	case "ctrl+e":
		return []tea.Msg{tea.KeyMsg{Type: tea.KeyCtrlE}}
	case "ctrl+z":
		return []tea.Msg{tea.KeyMsg{Type: tea.KeyCtrlZ}}
	case "esc":
		return []tea.Msg{tea.KeyMsg{Type: tea.KeyEsc}}
	case "tab":
		return []tea.Msg{tea.KeyMsg{Type: tea.KeyTab}}
	case "space":
		return []tea.Msg{tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}}
	case "SIGTERM":
		return []tea.Msg{syscall.SIGTERM}
	case "SIGHUP":
		return []tea.Msg{syscall.SIGHUP}
	case "SIGQUIT":
		return []tea.Msg{syscall.SIGQUIT}
	case "SIGINT":
		return []tea.Msg{syscall.SIGINT}
	}
	// Text arrives as one message, as a paste does: one update, not one per letter.
	return []tea.Msg{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}}
}

// loop is a synchronous stand-in for tea.Program.
type loop struct {
	model tea.Model
	quit  bool
}

// timers are the commands that only wait and tick (the cursor's blink, half
// a second; tea.Tick and tea.Every), by the function that makes them: they
// are dropped unrun. Every other command is run to its end, however long a
// loaded machine takes (up to commandDeadline, which only a hung command
// reaches).
var timers = []string{
	"github.com/charmbracelet/bubbles/cursor.(*Model).BlinkCmd.",
	"github.com/charmbracelet/bubbletea.Tick.",
	"github.com/charmbracelet/bubbletea.Every.",
}

const commandDeadline = time.Minute

func isTimer(cmd tea.Cmd) bool {
	name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
	for _, t := range timers {
		if strings.HasPrefix(name, t) {
			return true
		}
	}
	return false
}

func (d *loop) send(msg tea.Msg) { d.dispatch([]tea.Msg{msg}) }

func (d *loop) dispatch(queue []tea.Msg) {
	for len(queue) > 0 && !d.quit {
		msg := queue[0]
		queue = queue[1:]
		switch msg.(type) {
		case tea.QuitMsg:
			d.quit = true
			return
		case tea.SuspendMsg:
			// No terminal to suspend: the program goes on as after a resume.
			continue
		}
		var cmd tea.Cmd
		d.model, cmd = d.model.Update(msg)
		queue = append(queue, d.run(cmd)...)
	}
}

// run executes a command and the batches and sequences it returns, keeping
// the order a sequence demands.
func (d *loop) run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil || isTimer(cmd) {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(commandDeadline):
		panic(fmt.Sprintf("wizardtest: the command %s has not returned after %v", runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name(), commandDeadline))
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

// runAll runs a batch's commands at once and waits for them all, and
// returns their messages in the batch's order.
func (d *loop) runAll(cmds []tea.Cmd) []tea.Msg {
	results := make([]chan []tea.Msg, len(cmds))
	for i, c := range cmds {
		results[i] = make(chan []tea.Msg, 1)
		go func(c tea.Cmd, out chan []tea.Msg) { out <- d.runDetached(c) }(c, results[i])
	}
	var msgs []tea.Msg
	for _, r := range results {
		msgs = append(msgs, <-r...)
	}
	return msgs
}

// runDetached is run for a command inside a batch: it must not touch the loop.
func (d *loop) runDetached(cmd tea.Cmd) []tea.Msg {
	sub := &loop{}
	return sub.run(cmd)
}

// SmallBank is a two-section bank with a condition, a follow-up note, a
// multi-select, a number with a default and placeholders: enough to exercise
// every path of the wizard quickly.
const SmallBank = `
id: small
title: Small bank
sections:
  - id: project
    title: About
    code: PRJ
    intro: "Who the project is for."
    questions:
      - {id: project.store, kind: text, prompt: "Store?", help: "Store help."}
      - {id: project.inventory, kind: text, prompt: "Inventory?", help: "Inventory help."}
  - id: stock
    title: Stock
    code: INV
    questions:
      - {id: stock.live, kind: yesno, prompt: "Should {store} get live counts from {inventory}?", help: "Live help."}
      - id: stock.fresh
        kind: choice
        prompt: "How fresh?"
        help: "Fresh help."
        when: {question: stock.live, is: "yes"}
        options: [{value: fast, label: Fast}, {value: slow, label: Slow}]
      - id: stock.where
        kind: choice
        prompt: "Where?"
        help: "Where help."
        options:
          - {value: here, label: Here}
          - {value: other, label: Elsewhere, follow_up: "Which system?"}
      - id: stock.channels
        kind: multi
        prompt: "Which channels sell stock?"
        help: "Channels help."
        options: [{value: web, label: Web shop}, {value: shop, label: Shop counter}, {value: market, label: Marketplaces}]
      - {id: stock.buffer, kind: number, prompt: "How many units to hold back?", help: "Buffer help.", default: "5", min: 0}
`
