package brief

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// A bank of one's own can spell its IDs and codes any way, and names are
// typed by people: none of it may become Markdown structure or a Mermaid
// directive in the brief.
const injectBank = `
id: inject
title: Inject
work_packages:
  - id: "WP|1` + "`" + `x"
    title: "Set-up | more"
    items:
      - {title: "Counts | ` + "`" + `more` + "`" + `", hours: [1, 2, 3], fit: standard, when: {question: "stock.live|x` + "`" + `y", is: "yes"}}
      - {title: "Always", hours: [1, 2, 3], fit: fixed}
estimate:
  spread: 1
  growth: 0.5
  phases: [{id: build, title: "Build | it"}, {id: test, title: Test, share: 0.5}]
  duties: ["Access to {store} | {inventory}"]
sections:
  - id: project
    title: About
    code: "P|R"
    questions:
      - {id: project.name, kind: text, prompt: "Name?", help: "H."}
      - {id: project.store, kind: text, prompt: "Store?", help: "H."}
      - {id: project.inventory, kind: text, prompt: "Inventory?", help: "H."}
  - id: stock
    title: Stock
    code: "I` + "`" + `V"
    questions:
      - id: "stock.live|x` + "`" + `y"
        kind: yesno
        prompt: "Live counts?"
        help: "H."
        options:
          - value: "yes"
            label: "Yes"
            requires: ["{inventory} shall send counts to {store}."]
            flows: [{from: inventory, to: store, data: "Stock"}]
      - {id: stock.open, kind: yesno, prompt: "Open?", help: "H.", options: [{value: "yes", label: "Yes"}]}
`

func TestMarkdownAndMermaidInjection(t *testing.T) {
	bank, err := checklist.Parse("inject.yaml", []byte(injectBank))
	if err != nil {
		t.Fatal(err)
	}
	s := spec.New(filepath.Join(t.TempDir(), "s.yaml"), bank)
	set := func(id, v, note string) { s.Set(id, spec.Answer{Values: []string{v}, Note: note}) }
	set("project.name", "# Heading", "")
	set("project.store", "%%{init: {'theme': 'dark'}}%% Shop", "")
	set("project.inventory", "1. Odoo", "")
	set("stock.live|x`y", "yes", "- a list\n> a quote\n=====")
	md := render(t, Build(bank, s, now))

	for _, line := range strings.Split(md, "\n") {
		for _, bad := range []string{"# Heading", "1. Odoo", "- a list", "> a quote", "====="} {
			if strings.HasPrefix(line, bad) {
				t.Errorf("user text starts a Markdown block: %q", line)
			}
		}
	}
	_, diagram, _ := strings.Cut(md, "```mermaid\n")
	diagram, _, _ = strings.Cut(diagram, "```")
	if !strings.Contains(diagram, "store[") || strings.Contains(diagram, "%%") {
		t.Errorf("a Mermaid directive (%%%%) from a name reaches the diagram:\n%s", diagram)
	}
	if !strings.Contains(md, "\n\\# Heading connects") {
		t.Errorf("the summary does not start with the escaped name:\n%s", md)
	}
	// Every table row keeps its columns: a pipe or a backtick in an ID or a
	// code ends no cell and opens no code span.
	unescapedPipe := regexp.MustCompile(`(^|[^\\])\|`)
	var columns int
	for _, line := range strings.Split(md, "\n") {
		if !strings.HasPrefix(line, "|") {
			columns = 0
			continue
		}
		n := len(unescapedPipe.FindAllString(line, -1))
		if columns == 0 {
			columns = n
		} else if n != columns {
			t.Errorf("a table row has %d cell separators, its header %d: %s", n, columns, line)
		}
		if strings.Count(strings.ReplaceAll(line, "\\`", ""), "`")%2 != 0 {
			t.Errorf("a table row opens a code span it does not close: %s", line)
		}
	}
	for _, id := range []string{`REQ-I\` + "`" + `V-01`, `WP\|1\` + "`" + `x`} {
		if !strings.Contains(md, id) {
			t.Errorf("the brief does not show the ID %s escaped", id)
		}
	}
}
