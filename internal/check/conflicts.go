package check

import (
	"fmt"
	"maps"
	"slices"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// Conflicts turns merge conflicts still recorded in the spec into errors: the
// spec uses this side's answer, but nobody has decided between the two yet.
func Conflicts(bank *checklist.Bank, s *spec.Spec) []Finding {
	names := s.Names(bank)
	var out []Finding
	for _, id := range slices.Sorted(maps.Keys(s.Conflicts)) {
		theirs := s.Conflicts[id]
		f := Finding{ID: "merge-conflict." + id, Severity: "error", Refs: []string{id}}
		ours := s.Get(id)
		if q := spec.QuestionOf(bank, id); q != nil {
			f.Message = fmt.Sprintf("%s: two sides of a merge answered differently: this spec says %s, the other side said %s.",
				id, ours.Quote(q, names), theirs.Quote(q, names))
			f.Advice = fmt.Sprintf("Decide: integ set %s=VALUE (this also clears the conflict), or edit the answer and delete %s under conflicts: in the spec.", id, id)
		} else {
			f.Message = fmt.Sprintf("%s: two sides of a merge wrote different notes: this spec says %q, the other side said %q.", id, s.SectionNotes[id], theirs.Note)
			f.Advice = fmt.Sprintf("Keep the note you want under notes: and delete %s under conflicts: in the spec.", id)
		}
		out = append(out, f)
	}
	return out
}
