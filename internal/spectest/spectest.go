// Package spectest builds specs from answers for tests: one place that
// checks each test answer against the bank, as `integ set` does.
package spectest

import (
	"path/filepath"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// New is a spec in a temporary folder with answers set (see Answer).
func New(t testing.TB, bank *checklist.Bank, answers map[string]string) *spec.Spec {
	t.Helper()
	s := spec.New(filepath.Join(t.TempDir(), "spec.yaml"), bank)
	Answer(t, bank, s, answers)
	return s
}

// Answer sets answers on s: each key is a question ID, or ID@CHANNEL for one
// sales channel's own answer; multi-select values are comma-separated. Every
// answer must be one the bank accepts, so that a renamed value fails the test
// instead of silently changing nothing.
func Answer(t testing.TB, bank *checklist.Bank, s *spec.Spec, answers map[string]string) {
	t.Helper()
	for key, v := range answers {
		id, _ := spec.SplitKey(key)
		q := bank.Question(id)
		if q == nil {
			t.Fatalf("%s is not a question of the bank", id)
		}
		values, err := q.Parse(v)
		if err != nil {
			t.Fatal(err)
		}
		s.Put(key, spec.Answer{Values: values})
	}
}
