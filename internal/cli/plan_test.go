package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
	"github.com/integ-dev/integ/internal/wizard/wizardtest"
)

type keys = wizardtest.Keys

// planRun runs `integ plan` on the small bank with scripted forms and returns
// the exit code, stderr and the spec path.
func planRun(t *testing.T, dir string, extraArgs []string, scripts ...keys) (code int, stderr string) {
	t.Helper()
	bankPath := filepath.Join(dir, "bank.yaml")
	os.WriteFile(bankPath, []byte(wizardtest.SmallBank), 0o644)
	streams, _, errb := fakeStreams("", nil)
	g := &globalOptions{streams: streams, checklistPath: bankPath, specFlag: filepath.Join(dir, "spec.yaml")}
	run, _ := wizardtest.Driver(t, scripts...)
	opts := &planOptions{globalOptions: g, runForm: run}
	for i := 0; i < len(extraArgs); i += 2 {
		if extraArgs[i] == "--section" {
			opts.section = extraArgs[i+1]
		}
	}
	err := runPlan(opts)
	if err != nil && exitCode(err) != exitAborted {
		t.Fatalf("plan: %v", err)
	}
	return exitCode(err), errb.String()
}

func loadSpec(t *testing.T, dir string) *spec.Spec {
	t.Helper()
	bank, err := checklist.Parse("bank.yaml", []byte(wizardtest.SmallBank))
	if err != nil {
		t.Fatal(err)
	}
	s, err := spec.Load(filepath.Join(dir, "spec.yaml"), bank)
	if err != nil {
		t.Fatalf("the saved spec is not valid: %v", err)
	}
	return s
}

var firstSection = keys{"Shopify", "enter", "Odoo", "enter", "enter"}

// Ctrl-C anywhere exits 130, says what is saved, and keeps every completed section.
func TestCtrlCAtEveryPoint(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		rerun     bool // a spec with the first section exists already, so the menu comes first
		scripts   []keys
		wantSaved []string
	}{
		{"first screen", false, []keys{{"Sho", "ctrl+c"}}, nil},
		{"mid-section", false, []keys{firstSection, {"up", "up", "enter", "ctrl+c"}}, []string{"project.store", "project.inventory"}},
		{"on a follow-up", false, []keys{firstSection, {"up", "enter", "up", "enter", "Legacy", "ctrl+c"}}, []string{"project.store"}},
		{"on a section note", false, []keys{firstSection, {"up", "enter", "enter", "A note", "ctrl+c"}}, []string{"project.inventory"}},
		{"at the menu", true, []keys{{"ctrl+c"}}, []string{"project.store"}},
		{"at the section picker", true, []keys{{"down", "down", "enter"}, {"ctrl+c"}}, []string{"project.store"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if tt.rerun {
				if code, _ := planRun(t, dir, []string{"--section", "project"}, firstSection); code != 0 {
					t.Fatalf("setting up: exit %d", code)
				}
			}
			before, _ := os.ReadFile(filepath.Join(dir, "spec.yaml"))
			code, stderr := planRun(t, dir, nil, tt.scripts...)
			if code != 130 {
				t.Errorf("exit %d, want 130", code)
			}
			if tt.wantSaved == nil {
				if !strings.Contains(stderr, "nothing was saved. Run 'integ plan' to start again.") {
					t.Errorf("stderr does not say that nothing was saved: %q", stderr)
				}
				if _, err := os.Stat(filepath.Join(dir, "spec.yaml")); err == nil {
					t.Error("a spec was written although no section was completed")
				}
				return
			}
			if !strings.Contains(stderr, "saved in "+filepath.Join(dir, "spec.yaml")+"; run 'integ plan' to continue from there.") {
				t.Errorf("stderr does not say what was saved: %q", stderr)
			}
			s := loadSpec(t, dir)
			for _, id := range tt.wantSaved {
				if _, ok := s.Answers[id]; !ok {
					t.Errorf("%s was not saved", id)
				}
			}
			if _, ok := s.Answers["stock.live"]; ok {
				t.Error("an answer from the interrupted section was saved")
			}
			if tt.rerun {
				after, _ := os.ReadFile(filepath.Join(dir, "spec.yaml"))
				if string(after) != string(before) {
					t.Error("an interrupted re-run changed the file")
				}
			}
		})
	}
}

func TestPlanFinishShowsSummaryAndNextStep(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	code, stderr := planRun(t, dir, nil, firstSection, keys{"up", "up", "enter", "enter", "enter", "enter"})
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Section", "Answered", "Next: integ brief --spec " + filepath.Join(dir, "spec.yaml")} {
		if !strings.Contains(stderr, want) {
			t.Errorf("the summary lacks %q:\n%s", want, stderr)
		}
	}
	if s := loadSpec(t, dir); s.Answers["stock.fresh"].Value() != "undecided" {
		t.Errorf("stock.fresh = %q", s.Answers["stock.fresh"].Value())
	}
}

// The summary after the last section gives the estimate as the brief has it,
// and the most serious findings.
func TestPlanSummaryGivesTheEstimate(t *testing.T) {
	streams, _, errb := fakeStreams("", nil)
	bank, s, err := (&globalOptions{streams: streams, specFlag: example}).loadSpec(specMustExist)
	if err != nil {
		t.Fatal(err)
	}
	printPlanSummary(streams, bank, s, example)
	for _, want := range []string{
		"Estimate so far: 458–1,194 hours, USD 57,250.00–149,250.00 (a planning range; the brief shows how it adds up).",
		"Findings: 0 errors, 1 warning, 1 note. The most serious:\n  • Returns are entered in Odoo but Shopify is not told",
		"Next: integ brief --spec " + example + " -o integration-brief.md",
	} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("the summary lacks %q:\n%s", want, errb.String())
		}
	}
}
