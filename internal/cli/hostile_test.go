package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/integ-dev/integ/internal/wizard/wizardtest"
)

// hostileBank is a bank of one's own (--checklist) whose texts carry terminal
// escape sequences: a window title (OSC 0), the clipboard (OSC 52), the
// 8-bit CSI, a right-to-left override, Markdown structure and a Mermaid
// directive. A bank is user text too.
const hostileBank = `
id: hostile
title: "# Hostile \e]0;pwned\a bank"
sections:
  - id: project
    title: "About \e]52;c;Y3VybCBldmls\a"
    code: PRJ
    questions:
      - {id: project.name, kind: text, prompt: "Name? \e[2J", help: "H \u009b31m."}
      - {id: project.store, kind: text, prompt: "Store?", help: "H."}
      - {id: project.inventory, kind: text, prompt: "Inventory?", help: "H."}
  - id: stock
    title: "Stock \u202eevil\u202c"
    code: INV
    questions:
      - id: stock.live
        kind: yesno
        prompt: "Should {store} get live counts from {inventory}? \e]0;title\a"
        help: "H."
        options:
          - value: "yes"
            label: "Yes \e[31mred"
            requires: ["{store} shall show counts from {inventory}. \e]0;req\a"]
            flows: [{from: inventory, to: store, data: "Stock %%{init: {'theme': 'forest'}}%%"}]
findings:
  - id: live
    severity: warning
    when: {question: stock.live, is: "yes"}
    message: "Live counts \e]0;finding\a for {store}"
    advice: "Decide \u009b2J now."
`

// hostileSpec names the systems with Markdown, HTML and Mermaid structure:
// text a person may type, which every output must show as text.
const hostileSpec = `version: 1
answers:
  project.name: {value: "# Acme <i>evil</i>"}
  project.store: {value: "%%{init: {'theme': 'dark'}}%% Shop"}
  project.inventory: {value: "- Odoo | <b>"}
  stock.live: {value: "yes", note: "1. first\n> quoted"}
`

// assertClean fails when out could act on a terminal: a control character
// other than newline and tab, a bidi override, or bytes that are not UTF-8.
func assertClean(t *testing.T, what, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Errorf("%s is not valid UTF-8: %q", what, out)
		return
	}
	for i, r := range out {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			t.Errorf("%s holds %U raw, near %q", what, r, out[max(0, i-20):min(len(out), i+20)])
			return
		}
	}
}

func TestHostileTextNeverReachesTheTerminalRaw(t *testing.T) {
	dir := t.TempDir()
	bank := filepath.Join(dir, "bank.yaml")
	os.WriteFile(bank, []byte(hostileBank), 0o644)
	// A file name can carry escape sequences too (a repository anyone can push to).
	old := filepath.Join(dir, "old\x1b]0;pwned\x07.yaml")
	spec := filepath.Join(dir, "spec\u202e.yaml")
	os.WriteFile(old, []byte("version: 1\nanswers: {}\n"), 0o644)
	os.WriteFile(spec, []byte(hostileSpec), 0o644)
	for _, args := range [][]string{
		{"questions"}, {"questions", "--format", "json"}, {"questions", "--format", "yaml"},
		{"questions", "--format", "csv"}, {"diff", "--textconv", spec}, {"merge", spec, spec, spec},
		{"status"}, {"status", "--format", "json"},
		{"check"}, {"check", "--format", "json"},
		{"brief"}, {"brief", "--format", "json"}, {"brief", "--format", "html"},
		{"schema"},
		{"diff", old, spec}, {"diff", old, spec, "--format", "json"},
		{"set", "project.nmae\x1b]0;x\x07=y"},
		{"set", "--spec", old + ".new", "project.name=x", "--note", "nope\x1b[2J=x"},
		{"export", "--dir", filepath.Join(dir, "out\x1b[2J")},
		{"brief", "-o", filepath.Join(dir, "brief\x1b]0;x\x07.md")},
	} {
		args = append(args, "--checklist", bank)
		if args[0] != "diff" && args[0] != "merge" && !strings.Contains(strings.Join(args, " "), "--spec") {
			args = append(args, "--spec", spec)
		}
		out, errOut, code := run(t, nil, args...)
		name := strings.Join(args[:min(3, len(args))], " ")
		if code == 2 && !strings.HasPrefix(args[0], "set") {
			t.Errorf("%s: exit 2: %s", name, errOut)
		}
		assertClean(t, name+" stdout", out)
		assertClean(t, name+" stderr", errOut)
	}
	written, _ := os.ReadFile(filepath.Join(dir, "brief\x1b]0;x\x07.md"))
	assertClean(t, "the brief written with -o", string(written))
	for _, f := range []string{"integration-brief.md", "integration-brief.json", "integration-spec.yaml"} {
		data, err := os.ReadFile(filepath.Join(dir, "out\x1b[2J", f))
		if err != nil {
			t.Fatal(err)
		}
		assertClean(t, "exported "+f, string(data))
	}
}

// The wizard's screens, start menu and end summary show names and a bank's
// texts as text.
func TestHostileTextInTheWizard(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "spec.yaml"), []byte(hostileSpec), 0o644)
	bankPath := filepath.Join(dir, "bank.yaml")
	os.WriteFile(bankPath, []byte(hostileBank), 0o644)
	streams, _, errb := fakeStreams("", nil)
	g := &globalOptions{streams: streams, checklistPath: bankPath, specFlag: filepath.Join(dir, "spec.yaml")}
	// The menu, the project's three questions and note, stock's question and
	// note, the review (Finish).
	run, screens := wizardtest.Driver(t, keys{"enter"}, keys{"enter", "enter", "enter", "enter"}, keys{"enter", "enter"}, keys{"enter"})
	if err := runPlan(&planOptions{globalOptions: g, run: run}); err != nil {
		t.Fatalf("plan: %v", err)
	}
	for i, s := range *screens {
		// huh draws with its own escape sequences; strip them before looking for ours.
		assertClean(t, "wizard screen "+string(rune('1'+i)), wizardtest.StripSGR(s))
	}
	assertClean(t, "the plan summary", errb.String())
}

// Control characters and direction overrides are refused at input, with a
// clear error, and the spec is left as it was: a name written raw into the
// spec's comments made every later load fail.
func TestInputRefusesControlCharacters(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "spec.yaml")
	if _, errOut, code := run(t, nil, "set", "--spec", spec, "project.name=Acme"); code != 0 {
		t.Fatalf("setting up: %s", errOut)
	}
	before, _ := os.ReadFile(spec)
	for _, args := range [][]string{
		{"project.store=Shop\x1b]0;pwned\x07"},
		{"project.inventory=Odoo\u202etxt"},
		{"project.name=two\nlines"},
		{"project.name=" + strings.Repeat("n", 201)},
		{"inventory.live-counts=yes", "--note", "inventory.live-counts=bell\a"},
		{"budget.hourly-rate=5e16"},
		{"budget.hourly-rate=1e300"},
	} {
		_, errOut, code := run(t, nil, append([]string{"set", "--spec", spec}, args...)...)
		if code != 2 || !strings.HasPrefix(errOut, "integ: ") || strings.Count(errOut, "\n") != 1 {
			t.Errorf("set %q: exit %d, stderr %q; want exit 2 and one line", args, code, errOut)
		}
		assertClean(t, "the error", errOut)
		if after, _ := os.ReadFile(spec); string(after) != string(before) {
			t.Errorf("set %q changed the spec", args)
		}
	}
	// Every later command still reads the spec.
	if _, errOut, code := run(t, nil, "status", "--spec", spec); code != 0 {
		t.Errorf("status after refused input: exit %d: %s", code, errOut)
	}
}

// Files given to integ import are read like any other: a device or a FIFO is
// refused at once, a CSV of a million rows is refused without reading it
// all, and a file with a million mistakes reports the first hundred, not a
// million lines (it took a gigabyte).
func TestImportLimits(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "spec.yaml")
	if _, errOut, code := run(t, nil, "set", "--spec", spec, "project.name=Acme"); code != 0 {
		t.Fatal(errOut)
	}
	csvQ, _, _ := run(t, nil, "questions", "--spec", spec, "--format", "csv")
	mdQ, _, _ := run(t, nil, "questions", "--spec", spec)
	header, _, _ := strings.Cut(strings.SplitN(csvQ, "\n", 3)[1], "\n")
	denseCSV := filepath.Join(dir, "dense.csv")
	os.WriteFile(denseCSV, []byte(strings.SplitN(csvQ, "\n", 2)[0]+"\n"+header+"\n"+strings.Repeat(strings.Repeat(",", strings.Count(header, ","))+"\n", 20_000)), 0o644)
	i := strings.LastIndex(mdQ, "- [ ]")
	manyWrong := filepath.Join(dir, "wrong.md")
	os.WriteFile(manyWrong, []byte(mdQ[:i]+strings.Repeat("- [x] a\n", 5_000)+mdQ[i:]), 0o644)
	for _, tt := range []struct{ file, first string }{
		{"/dev/zero", "integ: /dev/zero: is a device, not a file"},
		{denseCSV, "integ: " + denseCSV + ": has more than 10000 rows"},
		{manyWrong, "integ: " + manyWrong + ":"},
	} {
		_, errOut, code := run(t, nil, "import", "--spec", spec, tt.file)
		lines := strings.Split(strings.TrimSpace(errOut), "\n")
		if code != 2 || !strings.HasPrefix(lines[0], tt.first) || len(lines) > maxErrorLines+2 {
			t.Errorf("import %s: exit %d, %d lines, first %q", filepath.Base(tt.file), code, len(lines), lines[0])
		}
	}
}

// Who was asked (questions --for) is checked like a name at input: it was
// saved raw, and the next load refused the spec.
func TestAskedNameIsCheckedAtInput(t *testing.T) {
	spec := filepath.Join(t.TempDir(), "spec.yaml")
	run(t, nil, "set", "--spec", spec, "project.name=Acme")
	_, errOut, code := run(t, nil, "questions", "--spec", spec, "--section", "payments", "--for", "Maria\x1b]0;x\x07")
	if code != 2 || !strings.HasPrefix(errOut, "integ: --for: the name contains an escape character") {
		t.Errorf("exit %d: %q", code, errOut)
	}
	if _, errOut, code := run(t, nil, "status", "--spec", spec); code != 0 {
		t.Errorf("the spec no longer loads: %s", errOut)
	}
}
