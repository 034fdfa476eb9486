package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// fakeStreams returns streams with no terminal and a fixed clock and environment.
func fakeStreams(stdin string, env map[string]string) (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &IOStreams{
		In: strings.NewReader(stdin), Out: &out, Err: &errb,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC) },
	}, &out, &errb
}

// run runs integ with args in a fake environment.
func run(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	s, out, errb := fakeStreams("", env)
	code = Run(args, s)
	return out.String(), errb.String(), code
}

// A system's name is one line; the rest belongs in the note.
func TestSetSystemNameIsOneLine(t *testing.T) {
	path := t.TempDir() + "/spec.yaml"
	_, stderr, code := run(t, nil, "set", "--spec", path, "--system", "master.sales-taxes=Avalara\nAvaTax")
	if code != 2 || !strings.Contains(stderr, "the system's name is a short name on one line") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
