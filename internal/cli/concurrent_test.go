package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/integ-dev/integ/internal/wizard/wizardtest"
)

// A wizard run goes on while integ set, in another terminal, changes an
// answer the wizard is not asking about: the wizard's next save merges with
// it, and both people's answers are in the spec. Before, the wizard's save
// found the file changed and stopped with a conflict.
func TestWizardAndSetAtOnce(t *testing.T) {
	dir := t.TempDir()
	bankPath := filepath.Join(dir, "bank.yaml")
	specPath := filepath.Join(dir, "spec.yaml")
	os.WriteFile(bankPath, []byte(wizardtest.SmallBank), 0o644)
	streams, _, errb := fakeStreams("", nil)
	g := &globalOptions{streams: streams, checklistPath: bankPath, specFlag: specPath}
	// Section 2: live counts yes, fresh "fast", where "here" (its save meets
	// the script's answer: decide later), channels and buffer as offered, a
	// section note, finish.
	drive, _ := wizardtest.Driver(t, firstSection, keys{"up", "up", "enter", "up", "up", "enter", "up", "up", "enter", "enter", "enter", "enter", "A note", "enter", "enter"})
	// Just before the key that answers stock.where (the 14th), someone else
	// runs integ set: project.inventory is not asked again; stock.where is,
	// and the wizard answers it differently.
	hook := &keyHook{at: 14, hook: func() {
		if _, errOut, code := runIn(t, "set", "--checklist", bankPath, "--spec", specPath, "project.inventory=Odoo 17", "stock.where=other", "--note", "stock.where=Set from a script"); code != 0 {
			t.Fatalf("integ set while the wizard runs: exit %d: %s", code, errOut)
		}
	}}
	run := func(m tea.Model) (tea.Model, error) {
		hook.Model = m
		out, err := drive(hook)
		return out.(*keyHook).Model, err
	}
	if err := runPlan(&planOptions{globalOptions: g, run: run}); err != nil {
		t.Fatalf("plan: %v\n%s", err, errb.String())
	}
	s := loadSpec(t, dir)
	want := map[string]string{"project.store": "Shopify", "project.inventory": "Odoo 17", "stock.live": "yes", "stock.fresh": "fast", "stock.where": "here"}
	for id, v := range want {
		if got := s.Answers[id].Value(); got != v {
			t.Errorf("%s = %q, want %q", id, got, v)
		}
	}
	if s.SectionNotes["stock"] != "A note" {
		t.Errorf("section note %q", s.SectionNotes["stock"])
	}
	// The answer both changed: the wizard's stands, the script's is recorded and said.
	if c := s.Conflicts["stock.where"]; c.Value() != "other" || c.Note != "Set from a script" {
		t.Errorf("the other answer to stock.where is not recorded: %+v", s.Conflicts)
	}
	if !strings.Contains(errb.String(), "integ: warning: stock.where was changed by someone else while integ was running, to \"Elsewhere\" (note \"Set from a script\"); yours is kept") {
		t.Errorf("the wizard did not say so:\n%s", errb.String())
	}
	if _, err := os.Stat(specPath + ".mine"); err == nil {
		t.Error("a .mine file was written")
	}
}

// keyHook passes a program's messages on, and calls hook once, just before
// the at-th key.
type keyHook struct {
	tea.Model
	keys, at int
	hook     func()
}

func (h *keyHook) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyMsg); ok {
		if h.keys++; h.keys == h.at {
			h.hook()
		}
	}
	m, cmd := h.Model.Update(msg)
	h.Model = m
	return h, cmd
}

func runIn(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return run(t, nil, args...)
}
