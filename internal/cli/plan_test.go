package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/check"
	"github.com/integ-dev/integ/internal/estimate"
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
	opts := &planOptions{globalOptions: g, run: run}
	for i := 0; i < len(extraArgs); i += 2 {
		if extraArgs[i] == "--section" {
			opts.section = extraArgs[i+1]
		}
	}
	err := runPlan(opts)
	if err != nil && exitCode(err) < exitAborted-2 {
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

// Ctrl-C anywhere exits 130, says exactly what is saved, and keeps every
// answer given, and only those.
func TestCtrlCAtEveryPoint(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		rerun     bool // a spec with the first section exists already, so the menu comes first
		scripts   []keys
		wantSaved []string
		say       string
	}{
		{"first screen", false, []keys{{"Sho", "ctrl+c"}}, nil,
			"Stopped. Nothing was answered, so nothing was saved. The question on screen, project.store, was not answered. Run 'integ plan' to start again."},
		{"mid-section", false, []keys{firstSection, {"up", "up", "enter", "ctrl+c"}}, []string{"project.store", "project.inventory", "stock.live"},
			"Saved in SPEC: 3 answers from this run, the last to stock.live (yes). The question on screen, stock.fresh, was not answered. Run 'integ plan' to continue where you stopped."},
		{"on a follow-up", false, []keys{firstSection, {"up", "enter", "up", "enter", "Legacy", "ctrl+c"}}, []string{"project.store", "stock.where"},
			"Saved in SPEC: 4 answers from this run, the last to stock.where (other). The note you were writing on stock.where was not saved."},
		{"on a section note", false, []keys{firstSection, {"up", "enter", "enter", "enter", "enter", "A note", "ctrl+c"}}, []string{"project.inventory", "stock.buffer"},
			"Saved in SPEC: 6 answers from this run, the last to stock.buffer (5). Run 'integ plan' to continue where you stopped."},
		{"at the menu", true, []keys{{"ctrl+c"}}, []string{"project.store"},
			"Stopped. Nothing changed in this run; SPEC stays as it was. Run 'integ plan' to continue where you stopped."},
		{"at the section picker", true, []keys{{"down", "down", "down", "enter"}, {"ctrl+c"}}, []string{"project.store"},
			"Stopped. Nothing changed in this run; SPEC stays as it was."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			path := filepath.Join(dir, "spec.yaml")
			if tt.rerun {
				if code, _ := planRun(t, dir, []string{"--section", "project"}, firstSection, keys{"enter"}); code != 0 {
					t.Fatalf("setting up: exit %d", code)
				}
			}
			before, _ := os.ReadFile(path)
			code, stderr := planRun(t, dir, nil, tt.scripts...)
			if code != 130 {
				t.Errorf("exit %d, want 130", code)
			}
			if say := strings.ReplaceAll(tt.say, "SPEC", path); !strings.Contains(stderr, say) {
				t.Errorf("stderr does not say exactly what is saved:\n got: %q\nwant: %q", stderr, say)
			}
			if tt.wantSaved == nil {
				if _, err := os.Stat(path); err == nil {
					t.Error("a spec was written although nothing was answered")
				}
				return
			}
			s := loadSpec(t, dir)
			for _, id := range tt.wantSaved {
				if _, ok := s.Answers[id]; !ok {
					t.Errorf("%s was not saved", id)
				}
			}
			if _, ok := s.Answers["stock.fresh"]; ok {
				t.Error("a question never answered was saved")
			}
			if tt.rerun {
				after, _ := os.ReadFile(path)
				if string(after) != string(before) {
					t.Error("an interrupted re-run changed the file")
				}
			}
		})
	}
}

// A signal stops plan as Ctrl-C does, with the shell's exit code for it.
func TestSignalExitCodes(t *testing.T) {
	t.Parallel()
	for sig, want := range map[string]int{"SIGTERM": 143, "SIGHUP": 129, "SIGQUIT": 131} {
		dir := t.TempDir()
		code, stderr := planRun(t, dir, nil, firstSection, keys{"up", "up", "enter", sig})
		if code != want {
			t.Errorf("%s: exit %d, want %d", sig, code, want)
		}
		if !strings.Contains(stderr, "Stopped by "+sig+". Saved in") {
			t.Errorf("%s: %q", sig, stderr)
		}
		if s := loadSpec(t, dir); s.Answers["stock.live"].Value() != "yes" || len(s.Answers) != 3 {
			t.Errorf("%s: answers %+v", sig, s.Answers)
		}
	}
}

// Saved after every answer: a re-run that changes nothing leaves the file
// byte for byte as it was.
func TestPlanSavesEveryAnswerAndNothingElse(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "spec.yaml")
	if code, _ := planRun(t, dir, nil, firstSection, keys{"up", "up", "enter", "ctrl+c"}); code != 130 {
		t.Fatalf("exit %d", code)
	}
	before, _ := os.ReadFile(path)
	if !strings.Contains(string(before), "stock.live:\n    value: \"yes\"") {
		t.Fatalf("the answer given mid-section is not on disk:\n%s", before)
	}
	// Continue where it stopped (the menu's first entry): enter through to the end.
	code, _ := planRun(t, dir, nil, keys{"enter"}, keys{"ctrl+c"})
	if code != 130 {
		t.Fatalf("exit %d", code)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Errorf("a run that changed nothing rewrote the file:\n%s", after)
	}
}

func TestPlanFinishShowsSummaryAndNextStep(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	code, stderr := planRun(t, dir, nil, firstSection, keys{"up", "up", "enter", "enter", "enter", "enter", "enter", "enter", "enter"})
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
	b := estimate.For(bank, s)
	c := check.Count(check.Run(bank, s))
	for _, want := range []string{
		fmt.Sprintf("Estimate so far: %s hours, USD %s, in a range of %s–%s hours (a planning range; the brief shows how it adds up).",
			estimate.FormatHours(b.Planned.Hours), estimate.FormatMoney(b.Planned.Cost), estimate.FormatHours(b.Total.LowHours), estimate.FormatHours(b.Total.HighHours)),
		// The example has not chosen how to build: the summary says what each way costs.
		fmt.Sprintf("How it will be built is still open: Connector app %s h, Integration platform (iPaaS) %s h, Custom build %s h.",
			estimate.FormatHours(b.ByApproach[0].Planned.Hours), estimate.FormatHours(b.ByApproach[1].Planned.Hours), estimate.FormatHours(b.ByApproach[2].Planned.Hours)),
		fmt.Sprintf("Findings: %s, %s, %s. The most serious:\n  • Returns are entered in Odoo, which creates the credit memo",
			plural(c.Errors, "error", "errors"), plural(c.Warnings, "warning", "warnings"), plural(c.Infos, "note", "notes")),
		"Next: integ brief --spec " + example + " -o integration-brief.md",
	} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("the summary lacks %q:\n%s", want, errb.String())
		}
	}
}

// 13.10: volume answers that contradict each other are flagged in the
// wizard's end summary (the rule is bank data; this bank carries one).
func TestPlanSummaryFlagsContradictoryVolumes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bankPath := filepath.Join(dir, "bank.yaml")
	os.WriteFile(bankPath, []byte(`
id: volumes
title: Volumes
sections:
  - id: project
    title: About
    code: PRJ
    questions:
      - {id: project.store, kind: text, prompt: "Store?", help: "H."}
  - id: operations
    title: Running
    code: OPS
    questions:
      - id: operations.orders-per-day
        kind: choice
        prompt: "Orders a day?"
        help: "H."
        options: [{value: under-50, label: Fewer than 50}, {value: over-50, label: 50 or more}]
      - {id: operations.peak-orders, kind: number, prompt: "Orders on the busiest day?", help: "H.", min: 0}
findings:
  - id: volume-contradiction
    severity: warning
    when: {all: [{question: operations.orders-per-day, is: under-50}, {question: operations.peak-orders, above: 500}]}
    message: "Fewer than 50 orders a day, but a busiest day of more than 500: one of the two volume answers is wrong."
    advice: "Check both figures."
`), 0o644)
	streams, _, errb := fakeStreams("", nil)
	g := &globalOptions{streams: streams, checklistPath: bankPath, specFlag: filepath.Join(dir, "spec.yaml")}
	run, _ := wizardtest.Driver(t, keys{"Shopify", "enter", "enter"}, keys{"up", "up", "enter", "1200", "enter", "enter"}, keys{"enter"})
	if err := runPlan(&planOptions{globalOptions: g, run: run}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errb.String(), "one of the two volume answers is wrong") {
		t.Errorf("the end summary does not flag the contradiction:\n%s", errb.String())
	}
}

// ACCESSIBLE is a boolean: ACCESSIBLE=0 turned accessible mode on. With it
// set to 0 the wizard runs its full-screen program (the driver), as without.
func TestAccessibleIsABoolean(t *testing.T) {
	dir := t.TempDir()
	bankPath := filepath.Join(dir, "bank.yaml")
	os.WriteFile(bankPath, []byte(wizardtest.SmallBank), 0o644)
	streams, _, errb := fakeStreams("", map[string]string{"ACCESSIBLE": "0"})
	g := &globalOptions{streams: streams, checklistPath: bankPath, specFlag: filepath.Join(dir, "spec.yaml")}
	drove := false
	drive, _ := wizardtest.Driver(t, firstSection, keys{"ctrl+c"})
	run := func(m tea.Model) (tea.Model, error) {
		drove = true
		return drive(m)
	}
	err := runPlan(&planOptions{globalOptions: g, run: run})
	if !drove || exitCode(err) != exitAborted {
		t.Errorf("ACCESSIBLE=0: the full-screen wizard ran: %v; plan: %v\n%s", drove, err, errb.String())
	}
	for v, want := range map[string]bool{"1": true, "true": true, "TRUE": true, " 1 ": true, "0": false, "false": false, "": false, "no": false} {
		if got := envBool(v); got != want {
			t.Errorf("ACCESSIBLE=%q: %v, want %v", v, got, want)
		}
	}
}
