package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/integ-dev/integ/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"integ": func() { os.Exit(cli.Main()) },
		// integ-peak is integ that writes its peak memory to $INTEG_PEAK_FILE.
		"integ-peak": func() { os.Exit(withPeakMemory(os.Getenv("INTEG_PEAK_FILE"), cli.Main)) },
	})
}

// TestScripts runs testdata/script/*.txtar: integ as a user runs it, end to end.
// `exits N integ ARGS…` runs integ and checks its exact exit code.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			example, err := filepath.Abs("../../checklist/examples/acme-outdoor.yaml")
			env.Setenv("EXAMPLE", example)
			// INTEG_BIN is the folder of the integ under test alone, for a
			// PATH that holds nothing else (no browser, say).
			for _, dir := range filepath.SplitList(env.Getenv("PATH")) {
				if _, statErr := os.Stat(filepath.Join(dir, "integ")); statErr == nil {
					env.Setenv("INTEG_BIN", dir)
					break
				}
			}
			return err
		},
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// oneline REGEXP: stderr is exactly one "integ: " line matching REGEXP,
			// with no panic or stack trace.
			"oneline": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: oneline REGEXP")
				}
				out := ts.ReadFile("stderr")
				if strings.Contains(out, "panic") || strings.Contains(out, "goroutine ") {
					ts.Fatalf("stderr shows a crash:\n%s", out)
				}
				lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
				if len(lines) != 1 || !strings.HasPrefix(lines[0], "integ: ") {
					ts.Fatalf("want one line starting with \"integ: \", got:\n%s", out)
				}
				if !regexp.MustCompile(args[0]).MatchString(lines[0]) {
					ts.Fatalf("%q does not match %q", lines[0], args[0])
				}
			},
			// bigfile NAME MB: a syntactically valid spec padded to MB megabytes.
			"bigfile": func(ts *testscript.TestScript, neg bool, args []string) {
				mb, _ := strconv.Atoi(args[1])
				pad := strings.Repeat("# padding padding padding padding padding padding padding padding\n", mb<<20/66+1)
				if err := os.WriteFile(ts.MkAbs(args[0]), []byte("version: 1\n"+pad), 0o644); err != nil {
					ts.Fatalf("%v", err)
				}
			},
			// garbage NAME: binary noise with NUL bytes.
			"garbage": func(ts *testscript.TestScript, neg bool, args []string) {
				data := make([]byte, 4096)
				for i := range data {
					data[i] = byte(i*7919 + i/3)
				}
				if err := os.WriteFile(ts.MkAbs(args[0]), data, 0o644); err != nil {
					ts.Fatalf("%v", err)
				}
			},
			// replace FILE OLD NEW: edit FILE as a person would, replacing the first
			// OLD (Go-quoted strings allowed, for \n and \t) with NEW.
			"replace": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 3 {
					ts.Fatalf("usage: replace FILE OLD NEW")
				}
				unquote := func(s string) string {
					if u, err := strconv.Unquote(s); err == nil {
						return u
					}
					return s
				}
				data := ts.ReadFile(args[0])
				old, new := unquote(args[1]), unquote(args[2])
				if !strings.Contains(data, old) {
					ts.Fatalf("replace: %q not in %s", old, args[0])
				}
				if err := os.WriteFile(ts.MkAbs(args[0]), []byte(strings.Replace(data, old, new, 1)), 0o644); err != nil {
					ts.Fatalf("%v", err)
				}
			},
			// exits CODE COMMAND [ARGS...]: CODE is the exact exit code, or "any".
			// mkfifo NAME: a named pipe, which integ must refuse without waiting for a writer.
			"mkfifo": func(ts *testscript.TestScript, neg bool, args []string) {
				if err := makeFIFO(ts.MkAbs(args[0])); err != nil {
					ts.Fatalf("mkfifo: %v", err)
				}
			},
			"exits": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 2 {
					ts.Fatalf("usage: exits CODE COMMAND [ARGS...]")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil && args[0] != "any" {
					ts.Fatalf("exits: bad code %q", args[0])
				}
				got := 0
				if err := ts.Exec(args[1], args[2:]...); err != nil {
					var ee *exec.ExitError
					if !errors.As(err, &ee) {
						ts.Fatalf("exits: %v", err)
					}
					got = ee.ExitCode()
				}
				if got != want && args[0] != "any" {
					ts.Fatalf("%s exited %d, want %d", args[1], got, want)
				}
			},
		},
	})
}
