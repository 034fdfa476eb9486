package wizard

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/charmbracelet/huh"
)

// runAccessible asks one plain prompt at a time, for screen readers: where
// the question is, its ID, its help text (which huh's accessible mode leaves
// out), then the prompt. Each answer is saved as soon as it is given.
func (w *run) runAccessible(stop *signals) error {
	in := newStoppableReader(w.o.Input, stop.stopped)
	out := w.o.Output
	if out == nil {
		out = io.Discard
	}
	theme := newTheme(w.o.renderer(), true)
	ask := func(f huh.Field) error {
		f.WithTheme(theme)
		in.ended = false
		f.Init()
		f.Focus()
		err := f.RunAccessible(out, in)
		fmt.Fprintln(out)
		switch {
		case stop.signal() != nil:
			return &SignalError{Signal: stop.signal()}
		case err != nil || in.ended:
			// The input ended (the terminal went away): whatever the prompt
			// took as its default was not given by anyone.
			return ErrAborted
		}
		return nil
	}

	mode, section := w.o.Mode, w.o.Section
	if mode == "" && len(w.spec.Answers) == 0 {
		mode = ModeAll
	}
	if mode == "" {
		m := &model{w: w, theme: theme, keymap: newKeyMap()}
		m.showMenu()
		if err := ask(m.form.GetFocusedField()); err != nil {
			return err
		}
		mode = m.choice
		if mode == ModeSection {
			m.showPicker()
			if err := ask(m.form.GetFocusedField()); err != nil {
				return err
			}
			section = m.choice
		}
	}
	if mode == ModeReview {
		return nil
	}
	for ok := w.start(mode, section); ok; ok = w.next() {
		where, id := w.header()
		fmt.Fprintf(out, "\n%s\n", where)
		if id != "" {
			fmt.Fprintf(out, "Question ID: %s\n", id)
		}
		var b box
		field := w.field(w.cur, &b, nil)
		if w.cur.kind == stepQuestion {
			fmt.Fprintf(out, "%s\n\n", w.describe(w.cur))
		}
		if err := ask(field); err != nil {
			w.res.Current, w.res.CurrentNote = w.cur.q, w.cur.kind == stepFollowUp
			return err
		}
		if err := w.commit(w.cur, &b); err != nil {
			return err
		}
	}
	return nil
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

func (s *stoppableReader) Read(p []byte) (int, error) {
	if len(s.pending) == 0 {
		select {
		case chunk, ok := <-s.chunks:
			if !ok {
				s.ended = true
				return 0, s.failedErr()
			}
			s.pending = chunk
		case <-s.stop:
			return 0, errStopped
		}
	}
	n := copy(p, s.pending)
	s.pending = s.pending[n:]
	return n, nil
}

func (s *stoppableReader) failedErr() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}
