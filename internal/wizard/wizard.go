// Package wizard runs `integ plan`: the question bank asked one screen at a
// time, each answer written into the spec and handed to Options.Save the
// moment it is given. It knows nothing of files: the caller saves. It is the
// only package that imports huh.
//
// One Bubble Tea program runs the whole wizard (menu, questions, notes,
// review), and each screen's huh form is built only when it is shown, so the
// first frame does not wait for the rest of the bank.
package wizard

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/safe"
	"github.com/integ-dev/integ/internal/spec"
)

// ErrAborted is returned when the user pressed Ctrl-C. Every answer given
// before that has been handed to Save.
var ErrAborted = errors.New("aborted")

// SignalError is returned when a signal (SIGTERM, SIGHUP, SIGQUIT, SIGINT)
// stopped the wizard. As with Ctrl-C, only answers actually given are saved.
type SignalError struct {
	Signal os.Signal
}

func (e *SignalError) Error() string { return "stopped by " + e.SignalName() }

// SignalName is the signal's usual name, SIGTERM for example.
func (e *SignalError) SignalName() string { return signalName(e.Signal) }

// ExitCode is 128 + the signal's number, as a shell reports a process
// killed by it.
func (e *SignalError) ExitCode() int {
	if s, ok := e.Signal.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 128 + 15
}

// Modes of going through the bank.
const (
	ModeAll        = "all"        // every question, earlier answers pre-selected
	ModeUnanswered = "unanswered" // only open and undecided questions
	ModeSection    = "section"    // one section
	ModeResume     = "resume"     // from the first open question on
	ModeReview     = "review"     // straight to the review screen
)

// Runner runs the wizard's Bubble Tea program to its end. Tests replace it
// with wizardtest.Driver to play keys without a terminal.
type Runner func(tea.Model) (tea.Model, error)

// Options configure one run of the wizard.
type Options struct {
	Bank *checklist.Bank
	Spec *spec.Spec
	// Mode is one of the modes above; empty asks with a menu when the spec
	// already has answers, and means ModeAll on a first run.
	Mode    string
	Section string // with ModeSection
	// Accessible runs huh's screen-reader mode, one plain prompt at a time.
	Accessible bool
	// Plain drops colour (NO_COLOR, TERM=dumb).
	Plain  bool
	Input  io.Reader
	Output io.Writer
	// Getenv and LookPath find the editor Ctrl+E opens; nil means the process's own.
	Getenv   func(string) string
	LookPath func(string) (string, error)
	// Run runs the program; nil runs it in the terminal.
	Run Runner
	// Save is called after every answer or note, with the spec already
	// updated; it writes the file. An error stops the wizard.
	Save func() error
}

// Result says what the run did, so that the caller can say exactly what is saved.
type Result struct {
	Answers int                 // answers given or changed in this run, each handed to Save at once
	Notes   int                 // notes written or changed in this run (on a question or a section)
	Last    *checklist.Question // the question whose answer changed last, nil if none
	// Current is the question on screen when the run was stopped (nil when it
	// ended normally, or stopped elsewhere): its answer was not saved. With
	// CurrentNote, the screen was the note on it, and the note was not saved.
	Current     *checklist.Question
	CurrentNote bool
}

// Run runs the wizard. It returns ErrAborted after Ctrl-C, a *SignalError
// after a signal, and Save's error if a save fails.
func Run(o Options) (Result, error) {
	if o.Getenv == nil {
		o.Getenv = os.Getenv
	}
	stop := watchSignals()
	defer stop.close()
	w := newRun(o)
	if o.Accessible {
		err := w.runAccessible(stop)
		return w.res, err
	}
	run := o.Run
	if run == nil {
		run = func(m tea.Model) (tea.Model, error) { return o.runProgram(m, stop) }
	}
	width, height := o.size()
	m := newModel(w, width, height)
	final, err := run(m)
	if fm, ok := final.(*model); ok {
		m = fm
	}
	switch {
	case stop.signal() != nil:
		return w.res, &SignalError{Signal: stop.signal()}
	case m.signal != nil:
		return w.res, &SignalError{Signal: m.signal}
	case m.err != nil:
		return w.res, m.err
	case err != nil:
		return w.res, err
	case !m.finished:
		// The program ended without the user finishing (Ctrl-C, or something
		// outside the wizard stopped it): never take that for a finished run.
		return w.res, ErrAborted
	}
	w.res.Current = nil
	return w.res, nil
}

// runProgram runs m in the terminal. Bubble Tea's own signal handler is off:
// it would end the program on SIGTERM as if the user had finished. Signals
// reach the model as messages instead, and the program quits cleanly, which
// restores the terminal.
func (o Options) runProgram(m tea.Model, stop *signals) (tea.Model, error) {
	p := tea.NewProgram(m, tea.WithInput(o.Input), tea.WithOutput(o.Output), tea.WithoutSignalHandler())
	stop.forward(func(sig os.Signal) { p.Send(sig) })
	return p.Run()
}

// size is the terminal's size, known before the first frame so that it is
// drawn right; 0 when the output is not a terminal.
func (o Options) size() (width, height int) {
	if f, ok := o.Output.(*os.File); ok {
		if w, h, err := term.GetSize(f.Fd()); err == nil {
			return w, h
		}
	}
	return 0, 0
}

// renderer binds every style the wizard draws to its own output, instead of
// changing lipgloss's global colour profile.
func (o Options) renderer() *lipgloss.Renderer {
	out := o.Output
	if out == nil {
		out = io.Discard
	}
	r := lipgloss.NewRenderer(out)
	if o.Plain {
		r.SetColorProfile(termenv.Ascii)
		return r
	}
	r.SetColorProfile(termenv.ANSI256)
	// Ask the terminal for its background now, before the program reads the
	// keyboard: asked later, the answer could be read as keys.
	r.HasDarkBackground()
	return r
}

// fill puts the project's names into a bank text, made safe for the terminal.
func (w *run) fill(text string) string {
	return safe.Terminal(w.spec.Names(w.bank).Fill(text, map[string]string{"third": "the other system", "value": "this"}))
}

// oneLine shortens text to width display columns on one line.
func oneLine(text string, width int) string {
	text = strings.Join(strings.Fields(text), " ")
	if width <= 1 || lipgloss.Width(text) <= width {
		return text
	}
	var b strings.Builder
	used := 0
	for _, r := range text {
		used += lipgloss.Width(string(r))
		if used > width-1 {
			break
		}
		b.WriteRune(r)
	}
	return strings.TrimRight(b.String(), " ") + "…"
}

func signalName(sig os.Signal) string {
	if s, ok := sig.(interface{ String() string }); ok {
		name := strings.ToUpper(s.String())
		switch name {
		case "TERMINATED":
			return "SIGTERM"
		case "HANGUP":
			return "SIGHUP"
		case "QUIT":
			return "SIGQUIT"
		case "INTERRUPT":
			return "SIGINT"
		}
		return name
	}
	return fmt.Sprint(sig)
}
