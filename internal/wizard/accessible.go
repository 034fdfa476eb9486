package wizard

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/charmbracelet/huh"

	"github.com/integ-dev/integ/internal/safe"
)

// runAccessible asks one plain prompt at a time, for screen readers: where
// the question is, its ID, its help text (which huh's accessible mode leaves
// out), then the prompt. Each answer is saved as soon as it is given. At any
// question, /note adds a note to it first (the full screen's Ctrl+N); the
// review comes at the end, as on the full screen.
func (w *run) runAccessible(stop *signals) error {
	a := &accessible{w: w, stop: stop, in: newStoppableReader(w.o.Input, stop.stopped), out: w.o.Output}
	if a.out == nil {
		a.out = io.Discard
	}
	a.theme = newTheme(w.o.renderer(), true)
	mode, section := w.o.Mode, w.o.Section
	if mode == "" && len(w.spec.Answers) == 0 {
		mode = ModeAll
	}
	if mode == "" {
		m := &model{w: w, theme: a.theme, keymap: newKeyMap()}
		m.showMenu()
		if err := a.ask(m.form.GetFocusedField()); err != nil {
			return err
		}
		mode = m.choice
		if mode == ModeSection {
			m.showPicker()
			if err := a.ask(m.form.GetFocusedField()); err != nil {
				return err
			}
			section = m.choice
		}
	}
	if mode != ModeReview {
		fmt.Fprintln(a.out, noteHint)
		if err := a.goThrough(w.start(mode, section), func() bool { return true }); err != nil {
			return err
		}
	}
	return a.review()
}

const noteHint = "At any question, type /note and press Enter to add a note to it first."

// accessible is one run of the accessible mode.
type accessible struct {
	w     *run
	stop  *signals
	in    *stoppableReader
	out   io.Writer
	theme *huh.Theme
	// failed is a save that failed inside a prompt (a note given with /note).
	failed error
}

// ask runs one field's plain prompt.
func (a *accessible) ask(f huh.Field) error {
	f.WithTheme(a.theme)
	a.in.ended = false
	f.Init()
	f.Focus()
	err := f.RunAccessible(a.out, a.in)
	fmt.Fprintln(a.out)
	switch {
	case a.failed != nil:
		return a.failed
	case a.stop.signal() != nil:
		return &SignalError{Signal: a.stop.signal()}
	case err != nil || a.in.ended:
		// The input ended (the terminal went away): whatever the prompt
		// took as its default was not given by anyone.
		return ErrAborted
	}
	return nil
}

// goThrough asks the step the run is on (ok: there is one) and the steps
// after it while more says so.
func (a *accessible) goThrough(ok bool, more func() bool) error {
	w := a.w
	for ok {
		where, id := w.header()
		fmt.Fprintf(a.out, "\n%s\n", where)
		if id != "" {
			fmt.Fprintf(a.out, "Question ID: %s\n", id)
		}
		var b box
		field := w.field(w.cur, &b, nil)
		if w.cur.kind == stepQuestion {
			fmt.Fprintf(a.out, "%s\n\n", w.describe(w.cur))
			a.in.line = a.noteLine
		}
		err := a.ask(field)
		a.in.line = nil
		if err != nil {
			w.res.Current, w.res.CurrentNote = w.cur.q, w.cur.kind == stepFollowUp
			return err
		}
		clash, err := w.commit(w.cur, &b)
		if err != nil {
			return err
		}
		if clash && w.toConflict(w.cur) {
			fmt.Fprintln(a.out, clashed)
			continue
		}
		ok = w.next() && more()
	}
	return nil
}

// noteLine takes a line typed at a question's prompt: /note asks for the
// note on the answer, saves it, and goes back to the question's prompt.
// Any other line is the answer's.
func (a *accessible) noteLine(line string) (bool, error) {
	if strings.TrimSpace(line) != "/note" {
		return false, nil
	}
	w := a.w
	key := w.cur.key()
	text := w.spec.Get(key).Note
	if text != "" {
		fmt.Fprintf(a.out, "The note now: %s\n", safe.Terminal(text))
	}
	field := noteField("Note on: "+w.fill(w.cur.q.Prompt)+" (Enter keeps it as it is; a single - removes it)", "", 1, &text, nil)
	a.in.line = nil
	defer func() { a.in.line = a.noteLine }()
	if err := a.ask(field); err != nil {
		return true, err
	}
	if strings.TrimSpace(text) == "-" {
		text = ""
	}
	if err := w.note(key, text); err != nil {
		a.failed = err
		return true, err
	}
	fmt.Fprintf(a.out, "Note kept. Now the answer to: %s\n", w.fill(w.cur.q.Prompt))
	return true, nil
}

// review lists every section and answer, numbered; a question's number asks
// it again (then /note works as before), a section's goes through it, and
// Enter alone finishes.
func (a *accessible) review() error {
	w := a.w
	m := &model{w: w, theme: a.theme, keymap: newKeyMap()}
	for {
		m.showReview("") // Enter alone is always Finish

		fmt.Fprintln(a.out)
		if err := a.ask(m.form.GetFocusedField()); err != nil {
			return err
		}
		if m.choice == "finish" || m.choice == "" {
			return nil
		}
		kind, id, _ := strings.Cut(m.choice, ":")
		w.answeredAtStart = nil
		if kind == "s" {
			if err := a.goThrough(w.start(ModeSection, id), func() bool { return true }); err != nil {
				return err
			}
			continue
		}
		q := w.bank.Question(id)
		if q == nil || !w.start(ModeSection, q.Section.ID) {
			continue
		}
		w.pi, w.cur = 0, startAt(q)
		fmt.Fprintln(a.out, noteHint)
		// The question and what it asks after it (its system, its note), as a
		// detour from the full screen's review goes.
		if err := a.goThrough(w.next(), func() bool { return w.cur.q == q && !w.cur.first }); err != nil {
			return err
		}
	}
}

// stoppableReader reads the input in the background, so that a prompt
// waiting for a line gives up as soon as a signal stops the wizard.
type stoppableReader struct {
	chunks  chan []byte
	stop    <-chan struct{}
	pending []byte
	mu      sync.Mutex
	err     error
	// ended is set when a read found the input ended or failed.
	ended bool
	// ready is the rest of the line being read.
	ready []byte
	// line, when set, sees each line before it is read; it may take it.
	line func(string) (taken bool, err error)
}

var errStopped = errors.New("stopped")

func newStoppableReader(r io.Reader, stop <-chan struct{}) *stoppableReader {
	s := &stoppableReader{chunks: make(chan []byte), stop: stop}
	if r == nil {
		r = strings.NewReader("")
	}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := r.Read(buf)
			if n > 0 {
				select {
				case s.chunks <- append([]byte(nil), buf[:n]...):
				case <-stop:
					return
				}
			}
			if err != nil {
				s.mu.Lock()
				s.err = err
				s.mu.Unlock()
				close(s.chunks)
				return
			}
		}
	}()
	return s
}

// Read gives one line at a time (huh reads each prompt with a fresh
// scanner, which would drop what it read past its line), after handing it
// to the line hook, if any: a line the hook takes is not read.
func (s *stoppableReader) Read(p []byte) (int, error) {
	for len(s.ready) == 0 {
		if i := bytes.IndexByte(s.pending, '\n'); i >= 0 {
			line := s.pending[:i+1]
			s.pending = s.pending[i+1:]
			if s.line != nil {
				if taken, err := s.line(strings.TrimRight(string(line), "\r\n")); err != nil || taken {
					if err != nil {
						return 0, err
					}
					continue
				}
			}
			s.ready = line
			break
		}
		select {
		case chunk, ok := <-s.chunks:
			if !ok {
				if len(s.pending) > 0 {
					s.ready, s.pending = s.pending, nil
					break
				}
				s.ended = true
				return 0, s.failedErr()
			}
			s.pending = append(s.pending, chunk...)
		case <-s.stop:
			return 0, errStopped
		}
	}
	n := copy(p, s.ready)
	s.ready = s.ready[n:]
	return n, nil
}

func (s *stoppableReader) failedErr() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}
