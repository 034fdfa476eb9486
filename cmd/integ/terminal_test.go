package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/integ-dev/integ/checklist"
)

// tmuxSession runs integ in a real terminal (tmux) so that the wizard is
// tested exactly as a manager meets it: keys in, screen out.
type tmuxSession struct {
	t      *testing.T
	tmux   string
	socket string
	name   string
}

func (s *tmuxSession) run(args ...string) string {
	s.t.Helper()
	out, err := exec.Command(s.tmux, append([]string{"-S", s.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (s *tmuxSession) screen() string { return s.run("capture-pane", "-p", "-t", s.name) }

// keys sends tmux key names ("Enter", "Up", "C-c") or literal text.
func (s *tmuxSession) keys(keys ...string) {
	s.run(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

func (s *tmuxSession) text(text string) { s.run("send-keys", "-t", s.name, "-l", text) }

// waitFor waits until the screen contains want, and returns the screen.
func (s *tmuxSession) waitFor(want string) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		scr := s.screen()
		if strings.Contains(scr, want) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the screen never showed %q; it shows:\n%s", want, scr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitChange waits until the screen differs from before, and returns it.
func (s *tmuxSession) waitChange(before string) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		scr := s.screen()
		if scr != before {
			return s.settle(scr)
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the screen did not change after a key; it shows:\n%s", scr)
		}
		time.Sleep(30 * time.Millisecond)
	}
}

// settle waits until the screen has stopped changing: a new screen is drawn
// before its field has focus, and keys sent in between are lost.
func (s *tmuxSession) settle(scr string) string {
	for i := 0; i < 50; i++ {
		time.Sleep(100 * time.Millisecond)
		next := s.screen()
		if next == scr {
			return scr
		}
		scr = next
	}
	return scr
}

func startPlan(t *testing.T, tmux, bin, dir, name string) *tmuxSession {
	s := &tmuxSession{t: t, tmux: tmux, socket: filepath.Join(dir, "tmux.sock"), name: name}
	s.run("new-session", "-d", "-x", "120", "-y", "40", "-s", name, "-c", dir,
		bin+" plan; echo EXIT=$?; sleep 60")
	return s
}

func TestPlanInARealTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds integ and drives it through tmux")
	}
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is not installed; .ci/run installs it")
		}
		t.Skip("tmux is not installed")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "integ")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Cleanup(func() { exec.Command(tmux, "-S", filepath.Join(dir, "tmux.sock"), "kill-server").Run() })

	// First run: the whole embedded bank.
	s := startPlan(t, tmux, bin, dir, "first")
	s.waitFor("What is the project called?")
	for _, answer := range []string{"Acme Outdoor", "Shopify", "Odoo", "Jane Doe"} {
		before := s.screen()
		s.text(answer)
		s.keys("Enter")
		s.waitChange(before)
	}
	// Non-default answers on a few screens; Enter (Undecided, or empty) everywhere else.
	special := map[string][]string{
		"Which system is the master for product names?":          {"Up", "Up", "Up", "Up", "Enter"}, // Odoo
		"Should Shopify get live stock counts from Odoo?":        {"Up", "Up", "Enter"},             // yes
		"How soon after a stock change must Shopify show":        {"Up", "Up", "Up", "Up", "Enter"}, // about 15 minutes
		"busiest day of the year":                                {"1200", "Enter"},
		"Which payment methods do customers use?":                {"Enter"},
		"Anything else the integrator should know about “Stock”": {"Counts come from two warehouses", "Enter"},
	}
	scr := s.screen()
	sawFollowUp := false
	for i := 0; !strings.Contains(scr, "EXIT="); i++ {
		if i > 200 {
			t.Fatalf("the wizard did not finish after 200 screens; it shows:\n%s", scr)
		}
		if !strings.Contains(scr, "┃") {
			// Between two sections one program has ended and the next is starting.
			scr = s.waitChange(scr)
			continue
		}
		sawFollowUp = sawFollowUp || strings.Contains(scr, "How soon after a stock change")
		keys := []string{"Enter"}
		for prompt, k := range special {
			if strings.Contains(scr, prompt) {
				keys = k
			}
		}
		before := scr
		for _, k := range keys {
			time.Sleep(30 * time.Millisecond)
			switch k {
			case "Enter", "Up", "Down":
				s.keys(k)
			default:
				s.text(k)
			}
		}
		scr = s.waitChange(before)
	}
	for _, want := range []string{"EXIT=0", "Next: integ brief", "Total"} {
		if !strings.Contains(scr, want) {
			t.Errorf("the final screen lacks %q:\n%s", want, scr)
		}
	}
	if !sawFollowUp {
		t.Error("the stock-freshness follow-up never appeared after answering yes")
	}
	specPath := filepath.Join(dir, "integration-spec.yaml")
	status := func() map[string]any {
		out, err := exec.Command(bin, "status", "--spec", specPath, "--format", "json").Output()
		if err != nil {
			t.Fatalf("integ status: %v", err)
		}
		var doc map[string]any
		json.Unmarshal(out, &doc)
		return doc["total"].(map[string]any)
	}
	total := status()
	// Left empty on purpose: the text and number answers after the first four
	// (the deadline, the project's counts, the budget settings), less the busiest day.
	if want := float64(openTextAndNumbers(t) - 1); total["open"].(float64) != want {
		t.Errorf("after a full run, open = %v, want %v (the empty text and number answers)", total["open"], want)
	}
	data, _ := os.ReadFile(specPath)
	for _, want := range []string{"value: Shopify", "inventory.live-counts:\n    value: \"yes\"", "value: minutes", "value: 1200", "inventory: Counts come from two warehouses"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the spec lacks %q", want)
		}
	}

	// Second run: the menu, then earlier answers pre-selected; Ctrl-C keeps the file intact.
	s = startPlan(t, tmux, bin, dir, "second")
	s.waitFor("Welcome back to Acme Outdoor")
	before := s.screen()
	s.keys("Enter") // go through everything
	scr = s.waitChange(before)
	if !strings.Contains(scr, "Acme Outdoor") {
		t.Errorf("the project name is not pre-filled:\n%s", scr)
	}
	for i := 0; i < projectScreens(t); i++ { // the project questions and the section note
		before = s.screen()
		s.keys("Enter")
		s.waitChange(before)
	}
	scr = s.waitFor("Which system is the master for product names?")
	if !strings.Contains(scr, "> Odoo") {
		t.Errorf("the earlier answer (Odoo) is not pre-selected:\n%s", scr)
	}
	// Shift-Tab on a section's first question reopens the previous section,
	// answers pre-filled, in place of this one.
	s.keys("BTab")
	scr = s.waitFor("What is the project called?")
	if !strings.Contains(scr, "Section 1 of 9") || strings.Contains(scr, "Section 2 of 9") || !strings.Contains(scr, "Acme Outdoor") {
		t.Errorf("Shift-Tab did not reopen section 1 cleanly:\n%s", scr)
	}
	for i := 0; i < projectScreens(t); i++ {
		before = s.screen()
		s.keys("Enter")
		s.waitChange(before)
	}
	s.waitFor("Which system is the master for product names?")
	s.keys("C-c")
	scr = s.waitFor("EXIT=130")
	if !strings.Contains(scr, "answers are saved in integration-spec.yaml; run 'integ plan' to continue") {
		t.Errorf("Ctrl-C did not say what was saved:\n%s", scr)
	}
	after, _ := os.ReadFile(specPath)
	if string(after) != string(data) {
		t.Error("a re-run that changed nothing rewrote the spec")
	}
	if got := status(); got["answered"] != total["answered"] {
		t.Errorf("answered changed from %v to %v", total["answered"], got["answered"])
	}
}

// projectScreens is the number of screens of the project section in a re-run:
// one per question, and the section note.
func projectScreens(t *testing.T) int {
	t.Helper()
	bank, err := checklist.Default()
	if err != nil {
		t.Fatal(err)
	}
	return len(bank.Section(checklist.SectionProject).Questions) + 1
}

// openTextAndNumbers counts the text and number questions a run that answers
// the first four and presses Enter everywhere else leaves open (asked with
// every answer undecided).
func openTextAndNumbers(t *testing.T) int {
	t.Helper()
	bank, err := checklist.Default()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, q := range bank.Questions() {
		if (q.Kind == checklist.KindText || q.Kind == checklist.KindNumber) && !checklist.IsFact(q.ID) && q.When == nil {
			n++
		}
	}
	return n
}
