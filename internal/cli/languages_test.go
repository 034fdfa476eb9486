package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// Names people give their projects and systems, in German, French, Russian,
// Chinese, Arabic and with an emoji; lower-case first letters too, which a
// sentence capitalises. A name starting with a letter that is not ASCII made
// integ set, export and the wizard panic, and the brief, questions and diff
// print invalid UTF-8.
var languages = []struct{ lang, project, store, inventory, third string }{
	{"German", "Ökolager-Anbindung", "ökoladen", "Ökolager", "Übersetzungsbüro"},
	{"French", "Épicerie fine", "épicerie en ligne", "Élan Stock", "Équipe Taxe"},
	{"Russian", "Магазин", "магазин", "Склад", "налоговая служба"},
	{"Chinese", "库存项目", "网店", "库存系统", "税务系统"},
	{"Arabic", "مشروع التكامل", "متجر الإنترنت", "نظام المخزون", "نظام الضرائب"},
	{"emoji", "🛒 Project", "🛍️ shop", "📦 stock", "🧾 tax"},
}

// anyFinding accepts exit 0 or 1 from integ check.
const anyFinding = -1

func TestNamesInAnyLanguageThroughEveryCommand(t *testing.T) {
	for _, l := range languages {
		t.Run(l.lang, func(t *testing.T) {
			dir := t.TempDir()
			spec := filepath.Join(dir, "integration-spec.yaml")
			old := filepath.Join(dir, "old.yaml")
			must := func(want int, args ...string) (string, string) {
				t.Helper()
				out, errOut, code := run(t, nil, args...)
				if code != want && !(want == anyFinding && code <= 1) {
					t.Fatalf("%s: exit %d, want %d: %s", strings.Join(args, " "), code, want, errOut)
				}
				for what, s := range map[string]string{"stdout": out, "stderr": errOut} {
					if !utf8.ValidString(s) || strings.ContainsRune(s, utf8.RuneError) {
						t.Errorf("%s: %s is not clean UTF-8: %q", args[0], what, s)
					}
				}
				return out, errOut
			}
			must(0, "set", "--spec", old, "project.name="+l.project)
			// A name starts the spec's comments, an option's label ({store}) and
			// requirement sentences ({store} shall …, {third} shall …).
			must(0, "set", "--spec", spec, "project.name="+l.project, "project.store="+l.store, "project.inventory="+l.inventory,
				"master.product-names=store", "master.product-prices=inventory", "master.sales-taxes=third",
				"--system", "master.sales-taxes="+l.third, "--note", "master.sales-taxes="+l.third+" berechnet · 计算 · يحسب")
			data, _ := os.ReadFile(spec)
			if !utf8.Valid(data) || !strings.Contains(string(data), l.inventory) {
				t.Errorf("the spec is not clean UTF-8 or lacks the names:\n%s", data)
			}
			outputs := map[string]string{}
			for _, args := range [][]string{
				{"brief"}, {"brief", "--format", "json"}, {"brief", "--format", "html"},
				{"questions"}, {"questions", "--format", "csv"}, {"check"}, {"check", "--format", "json"},
				{"status"}, {"status", "--format", "json"}, {"schema"},
			} {
				want := 0
				if args[0] == "check" {
					want = anyFinding // the answers leave errors to report
				}
				out, _ := must(want, append(args, "--spec", spec)...)
				outputs[strings.Join(args, " ")] = out
			}
			outputs["diff"], _ = must(1, "diff", old, spec)
			outputs["diff json"], _ = must(1, "diff", old, spec, "--format", "json")
			must(0, "export", "--spec", spec, "--dir", filepath.Join(dir, "handoff"))
			for _, f := range []string{"integration-spec.yaml", "integration-brief.md", "integration-brief.json", "integration-brief.html"} {
				data, err := os.ReadFile(filepath.Join(dir, "handoff", f))
				if err != nil || !utf8.Valid(data) || strings.ContainsRune(string(data), utf8.RuneError) {
					t.Errorf("exported %s is missing or not clean UTF-8 (%v)", f, err)
				}
			}
			for _, name := range []string{l.project, l.inventory, l.third} {
				for _, cmd := range []string{"brief", "brief --format html", "questions"} {
					if name != l.project && !strings.Contains(outputs[cmd], name) {
						t.Errorf("%s does not show %q", cmd, name)
					}
				}
				if !strings.Contains(outputs["brief"], name) {
					t.Errorf("the brief does not show %q", name)
				}
			}
		})
	}
}

// The wizard takes names in any language as typed, uses them in later
// questions, and saves them.
func TestNamesInAnyLanguageInTheWizard(t *testing.T) {
	for _, l := range languages {
		t.Run(l.lang, func(t *testing.T) {
			dir := t.TempDir()
			code, stderr := planRun(t, dir, nil, keys{l.store, "enter", l.inventory, "enter", "enter"},
				keys{"up", "up", "enter", "enter", "enter", "enter", "enter", "enter", "enter"})
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if !utf8.ValidString(stderr) || strings.ContainsRune(stderr, utf8.RuneError) {
				t.Errorf("the summary is not clean UTF-8: %q", stderr)
			}
			s := loadSpec(t, dir)
			if s.Answers["project.store"].Value() != l.store || s.Answers["project.inventory"].Value() != l.inventory || s.Answers["stock.live"].Value() != "yes" {
				t.Errorf("saved %+v", s.Answers)
			}
		})
	}
}
