package cli

import (
	"testing"

	"github.com/integ-dev/integ/internal/testutil"
)

const (
	example   = "../../checklist/examples/acme-outdoor.yaml"
	exampleV2 = "testdata/acme-outdoor-v2.yaml" // the client changed their mind on five answers
)

func TestCheckGolden(t *testing.T) {
	for _, format := range []string{"text", "json"} {
		out, errOut, code := run(t, nil, "check", "--spec", example, "--format", format)
		if code != 0 || errOut != "" {
			t.Fatalf("%s: exit %d, stderr %q", format, code, errOut)
		}
		testutil.Golden(t, "check."+format, []byte(out))
	}
	// --strict counts the example's warning.
	if _, _, code := run(t, nil, "check", "--spec", example, "--strict"); code != 1 {
		t.Errorf("check --strict exit %d, want 1", code)
	}
}

func TestDiffGolden(t *testing.T) {
	for _, format := range []string{"text", "json"} {
		out, errOut, code := run(t, nil, "diff", example, exampleV2, "--format", format)
		if code != 1 || errOut != "" {
			t.Fatalf("%s: exit %d, stderr %q", format, code, errOut)
		}
		testutil.Golden(t, "diff."+format, []byte(out))
	}
	if out, _, code := run(t, nil, "diff", example, example); code != 0 || out == "" {
		t.Errorf("diff of a file with itself: exit %d, %q", code, out)
	}
}
