package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/integ-dev/integ/internal/testutil"
)

func TestQuestionsFormats(t *testing.T) {
	for _, format := range []string{"markdown", "json", "yaml"} {
		t.Run(format, func(t *testing.T) {
			out, errOut, code := run(t, nil, "questions", "--format", format)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			testutil.Golden(t, "questions."+format, []byte(out))
		})
	}
}

// The JSON shape is a contract with scripts: exactly these keys, options always a list.
func TestQuestionsJSONShape(t *testing.T) {
	out, _, _ := run(t, nil, "questions", "--format", "json")
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(m any) []string {
		var ks []string
		for k := range m.(map[string]any) {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		return ks
	}
	if diff := cmp.Diff([]string{"id", "sections", "title"}, keys(doc)); diff != "" {
		t.Error(diff)
	}
	sections := doc["sections"].([]any)
	if diff := cmp.Diff([]string{"id", "questions", "title"}, keys(sections[0])); diff != "" {
		t.Error(diff)
	}
	for _, s := range sections {
		for _, q := range s.(map[string]any)["questions"].([]any) {
			if diff := cmp.Diff([]string{"by_channel", "help", "id", "kind", "options", "prompt", "when"}, keys(q)); diff != "" {
				t.Fatal(diff)
			}
			qm := q.(map[string]any)
			opts, ok := qm["options"].([]any)
			if !ok {
				t.Fatalf("%v: options is not a list", qm["id"])
			}
			if qm["kind"] == "yesno" && len(opts) != 3 {
				t.Errorf("%v: a yes/no question lists yes, no and undecided, got %v", qm["id"], opts)
			}
			for _, o := range opts {
				if diff := cmp.Diff([]string{"label", "value"}, keys(o)); diff != "" {
					t.Fatal(diff)
				}
			}
		}
	}
	if !strings.Contains(out, `"prompt": "Should {store} get live stock counts from {inventory}?"`) {
		t.Error("placeholders must be left as written in the bank")
	}
}

func TestQuestionsBadChecklist(t *testing.T) {
	dir := t.TempDir()
	bank := filepath.Join(dir, "checklist.yaml")
	src := "id: x\ntitle: X\nsections:\n  - id: s\n    title: S\n    code: S\n    questions:\n      - {id: s.a, kind: text, prompt: A, help: H, when: {question: s.zz}}\n"
	if err := os.WriteFile(bank, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := run(t, nil, "questions", "--checklist", bank)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	want := "integ: " + bank + `:8: question "s.a" condition refers to unknown question "s.zz"` + "\n"
	if errOut != want {
		t.Errorf("stderr\n%q\nwant\n%q", errOut, want)
	}
	_, errOut, code = run(t, nil, "questions", "--format", "pdf")
	if code != 2 || !strings.Contains(errOut, `integ: unknown --format "pdf" (use markdown, csv, yaml or json)`) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
