package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// Twenty integ set processes at once, each answering a different question of
// the same spec: every answer is there afterwards, round after round. Saves
// are serialised by the lock and each merges with what is on disk; before,
// most printed "Saved" and only a handful of the twenty answers survived.
func TestParallelSetsLoseNothing(t *testing.T) {
	bank, err := checklist.Default()
	if err != nil {
		t.Fatal(err)
	}
	// Twenty questions with a value each: a text, or the first option.
	type pair struct{ id, value string }
	var pairs []pair
	for _, q := range bank.Questions() {
		switch {
		case len(pairs) == 20:
		case q.Kind == checklist.KindText:
			pairs = append(pairs, pair{q.ID, "Text for " + q.ID})
		case q.HasOptions():
			pairs = append(pairs, pair{q.ID, q.Options[0].Value})
		}
	}
	rounds := 5
	if testing.Short() {
		rounds = 2
	}
	for round := 0; round < rounds; round++ {
		path := filepath.Join(t.TempDir(), "integration-spec.yaml")
		if round%2 == 1 {
			// Half the rounds start from an existing spec, half from none.
			os.WriteFile(path, []byte("version: 1\nanswers:\n  project.name: {value: Existing}\n"), 0o644)
		}
		var wg sync.WaitGroup
		failures := make(chan string, len(pairs))
		for _, p := range pairs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cmd := exec.Command("integ", "set", "--spec", path, p.id+"="+p.value)
				if out, err := cmd.CombinedOutput(); err != nil {
					failures <- fmt.Sprintf("set %s: %v: %s", p.id, err, out)
				}
			}()
		}
		wg.Wait()
		close(failures)
		for f := range failures {
			t.Errorf("round %d: %s", round, f)
		}
		s, err := spec.Load(path, bank)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		for _, p := range pairs {
			if got := s.Answers[p.id].Value(); got != p.value {
				t.Errorf("round %d: %s = %q, want %q: an answer was lost", round, p.id, got, p.value)
			}
		}
		if round%2 == 1 && s.Answers["project.name"].Value() != "Existing" && pairs[0].id != "project.name" {
			t.Errorf("round %d: the answer that was there before was lost", round)
		}
		leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*"))
		if len(leftovers) > 0 {
			t.Errorf("round %d: files left beside the spec: %v", round, leftovers)
		}
	}
}
