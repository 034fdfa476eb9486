package cli

import (
	"errors"
	"strings"
)

// Exit codes, documented in the README. Main is the only place that maps errors to them.
const (
	exitOK       = 0
	exitFailure  = 1 // a failure, or findings / differences to report
	exitUnusable = 2 // bad usage or unusable input
	exitAborted  = 130
)

// exitError carries the exit code an error should end the process with.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// unusable marks err as bad usage or unusable input (exit 2).
func unusable(err error) error {
	if err == nil {
		return nil
	}
	return &exitError{code: exitUnusable, err: err}
}

// errSilent ends the process with a code after the command has already said
// everything (a check that found problems, a diff that found differences).
type errSilent int

func (e errSilent) Error() string { return "" }

// errAborted is returned when the user pressed Ctrl-C; the command has already
// said what was saved.
var errAborted = errors.New("aborted")

func exitCode(err error) int {
	var ee *exitError
	var silent errSilent
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errAborted):
		return exitAborted
	case errors.As(err, &silent):
		return int(silent)
	case errors.As(err, &ee):
		return ee.code
	case isCobraUsage(err):
		return exitUnusable
	}
	return exitFailure
}

// isCobraUsage recognises the argument errors cobra makes itself.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "accepts ", "requires at least", "requires at most", "invalid argument", "flag needs an argument", "bad flag syntax"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// errorLines splits an error into the lines to print, one per joined error,
// so that several problems in one file each get their own "integ:" line.
func errorLines(err error) []string {
	if multi, ok := unwrapMulti(err); ok {
		var lines []string
		for _, e := range multi {
			lines = append(lines, errorLines(e)...)
		}
		return lines
	}
	var lines []string
	for _, l := range strings.Split(err.Error(), "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

func unwrapMulti(err error) ([]error, bool) {
	for err != nil {
		if m, ok := err.(interface{ Unwrap() []error }); ok {
			return m.Unwrap(), true
		}
		err = errors.Unwrap(err)
	}
	return nil, false
}
