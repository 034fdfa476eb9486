package cli

import (
	"encoding/json"
	"io"
	"os"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/integ-dev/integ/internal/safe"
)

// IOStreams is everything a command touches outside its arguments. Tests fake
// it; only Main builds the real one.
type IOStreams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
	// InTTY and ErrTTY say whether stdin and stderr are terminals: the wizard needs both.
	InTTY, OutTTY, ErrTTY bool
	// OutWidth and ErrWidth are the terminals' columns (0 when not a terminal).
	OutWidth, ErrWidth int
	Getenv             func(string) string
	Now                func() time.Time
	// Files used by the wizard when it runs for real (huh needs *os.File).
	InFile, ErrFile *os.File
}

func systemStreams() *IOStreams {
	isTTY := func(f *os.File) bool { return term.IsTerminal(f.Fd()) }
	width := func(f *os.File) int {
		w, _, err := term.GetSize(f.Fd())
		if err != nil {
			return 0
		}
		return w
	}
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		InTTY: isTTY(os.Stdin), OutTTY: isTTY(os.Stdout), ErrTTY: isTTY(os.Stderr),
		OutWidth: width(os.Stdout), ErrWidth: width(os.Stderr),
		Getenv: os.Getenv, Now: time.Now,
		InFile: os.Stdin, ErrFile: os.Stderr,
	}
}

// colorless reports whether output must be plain: NO_COLOR, TERM=dumb, or no terminal.
func (s *IOStreams) colorless() bool {
	return s.Getenv("NO_COLOR") != "" || s.Getenv("TERM") == "dumb" || !s.ErrTTY
}

// writeJSON writes v as indented JSON, safe to read in a terminal (see safe.JSON).
func writeJSON(w io.Writer, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(safe.JSON(data), '\n'))
	return err
}
