package cli

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spf13/cobra"
)

// parse runs a command's flag parsing through its runF seam and returns what
// the run function would receive.
func parse[O any](t *testing.T, build func(*globalOptions, func(*O) error) *cobra.Command, args ...string) (*O, error) {
	t.Helper()
	s, _, _ := fakeStreams("", nil)
	var got *O
	cmd := build(&globalOptions{streams: s}, func(o *O) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	err := cmd.Execute()
	return got, err
}

func TestShareCommandsParseFlags(t *testing.T) {
	q, err := parse(t, newQuestionsCmd, "--section", "payments,returns", "--section", "stock", "--for", "Maria (finance)", "--format", "csv", "-o", "p.csv", "--separator", ";")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"payments", "returns", "stock"}, q.sections); diff != "" || q.forWhom != "Maria (finance)" || q.format != "csv" || q.output != "p.csv" || q.separator != ";" {
		t.Errorf("questions: %+v %s", q, diff)
	}
	if q, err := parse(t, newQuestionsCmd); err != nil || q.separator != "," {
		t.Errorf("questions' default separator: %+v, %v", q, err)
	}

	i, err := parse(t, newImportCmd, "--dry-run", "a.md", "b.csv")
	if err != nil || !i.dryRun || !cmp.Equal(i.files, []string{"a.md", "b.csv"}) {
		t.Errorf("import: %+v, %v", i, err)
	}
	if _, err := parse(t, newImportCmd); err == nil || exitCode(err) != exitUnusable {
		t.Errorf("import without files: %v", err)
	}

	m, err := parse(t, newMergeCmd, "O", "A", "B")
	if err != nil || m.base != "O" || m.ours != "A" || m.theirs != "B" {
		t.Errorf("merge: %+v, %v", m, err)
	}
	if _, err := parse(t, newMergeCmd, "O", "A"); err == nil || exitCode(err) != exitUnusable {
		t.Errorf("merge with two files: %v", err)
	}
}
