package spec

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeSpec(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "spec.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// An alias to an anchor on a known answer was saved without its anchor, and
// the file no longer loaded. Aliases are expanded when the spec is read.
func TestAliasToAKnownAnswerSurvivesASave(t *testing.T) {
	b := bank(t)
	path := writeSpec(t, "version: 1\nanswers:\n  project.name: &n {value: Acme}\n  project.store: *n\n  legacy.x: *n\n")
	s, err := Load(path, b)
	if err != nil {
		t.Fatal(err)
	}
	if s.Answers["project.store"].Value() != "Acme" {
		t.Errorf("an alias as a known answer reads as %q", s.Answers["project.store"].Value())
	}
	s.Set("project.inventory", Answer{Values: []string{"Odoo"}})
	if _, err := s.Save(b, now); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	again, err := Load(path, b)
	if err != nil {
		t.Fatalf("the saved spec does not load: %v\n%s", err, data)
	}
	if bytes.Contains(data, []byte("*n")) || bytes.Contains(data, []byte("&n")) {
		t.Errorf("the save kept an alias or an anchor:\n%s", data)
	}
	if len(again.unknown) != 1 || !strings.Contains(string(data), "legacy.x: {value: Acme}") {
		t.Errorf("the unknown answer was not kept as it read:\n%s", data)
	}
}

// What a spec may not be: every case is refused with its line, quickly,
// whatever its size.
func TestLoadLimits(t *testing.T) {
	b := bank(t)
	laughs := "version: 1\nanswers:\n  legacy.a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h"} {
		laughs += "  legacy." + name + ": &" + name + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n"
		prev = name
	}
	var unknown strings.Builder
	unknown.WriteString("version: 1\nanswers:\n")
	for i := 0; i <= maxKept; i++ {
		unknown.WriteString("  legacy.q" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + strings.Repeat("y", i/26) + ": 1\n")
	}
	for name, tt := range map[string]struct{ text, want string }{
		"a complex key":            {"version: 1\nanswers:\n  ? [a, b]\n  : {value: x}\n", "spec.yaml:3: a key must be text (an ID), not a list"},
		"a mapping as a key":       {"version: 1\nanswers:\n  ? {a: 1}\n  : x\n", "spec.yaml:3: a key must be text (an ID), not a mapping"},
		"a key inside an answer":   {"version: 1\nanswers:\n  project.name:\n    ? [value]\n    : x\n", "spec.yaml:4: a key must be text (an ID), not a list"},
		"a billion laughs":         {laughs, "its aliases (*name) expand to more than 10000 items"},
		"too many unknown answers": {unknown.String(), "keeps more than 100 answers to questions this checklist does not know"},
		"a note of 9 MB":           {"version: 1\nanswers:\n  project.name:\n    value: Acme\n    note: |\n" + strings.Repeat("      "+strings.Repeat("long ", 200)+"\n", 9<<20/1007), "project.name: the note is 9380371 characters long; the most is 10000"},
		"dense structure":          {"version: 1\nanswers:\n  legacy.x: [" + strings.Repeat("1,", 300_000) + "1]\n", "holds too much structure to be read"},
	} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			_, err := Load(writeSpec(t, tt.text), b)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error with %q", err, tt.want)
			}
			t.Logf("refused in %v", time.Since(start).Round(time.Millisecond))
		})
	}
}

// Notes on sections the bank does not know were written in map order, so
// the same spec saved six times gave different files.
func TestSavesAreDeterministic(t *testing.T) {
	b := bank(t)
	text := "version: 1\nanswers:\n  project.name: {value: Acme}\nnotes:\n  zeta: z\n  alpha: a\n  mu: m\n  beta: b\n  orders: known\n  omega: o\n"
	var first []byte
	for i := 0; i < 6; i++ {
		s, err := Load(writeSpec(t, text), b)
		if err != nil {
			t.Fatal(err)
		}
		s.Set("project.store", Answer{Values: []string{"Shopify"}})
		if _, err := s.Save(b, now); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(s.Path)
		if i == 0 {
			first = data
		} else if !bytes.Equal(data, first) {
			t.Fatalf("save %d differs from the first:\n%s\n---\n%s", i+1, first, data)
		}
	}
}

// A save checks the size of what it will write: a spec just under the limit
// that a save would push over it is refused, and the file is left alone.
func TestSaveChecksTheSizeItWrites(t *testing.T) {
	b := bank(t)
	text := "version: 1\nanswers:\n  legacy.x: \"" + strings.Repeat("x", MaxSize-60) + "\"\n"
	path := writeSpec(t, text)
	s, err := Load(path, b)
	if err != nil {
		t.Fatal(err)
	}
	s.Set("project.name", Answer{Values: []string{"Acme"}})
	if _, err := s.Save(b, now); err == nil || !strings.Contains(err.Error(), "more than the 10 MB a spec may be") {
		t.Errorf("got %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != text {
		t.Error("the file changed")
	}
}
