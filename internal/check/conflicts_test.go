package check

import (
	"strings"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

func TestMergeConflictsAreErrors(t *testing.T) {
	bank, err := checklist.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := specWith(t, bank, given{"payments.capture-timing": "at-shipment"}, nil)
	s.SectionNotes["orders"] = "EDI"
	s.Conflicts["payments.capture-timing"] = spec.Answer{Values: []string{"at-order"}, Note: "Finance"}
	s.Conflicts["orders"] = spec.Answer{Note: "EDI and phone"}
	var got []Finding
	for _, f := range Run(bank, s) {
		if strings.HasPrefix(f.ID, "merge-conflict.") {
			got = append(got, f)
		}
	}
	if len(got) != 2 {
		t.Fatalf("want 2 conflict findings, got %+v", got)
	}
	for _, f := range got {
		if f.Severity != "error" {
			t.Errorf("%s is a %s, want an error", f.ID, f.Severity)
		}
	}
	q := got[1]
	if q.ID != "merge-conflict.payments.capture-timing" || !strings.Contains(q.Message, `the other side said "`) ||
		!strings.Contains(q.Message, `(note: "Finance")`) || !strings.Contains(q.Advice, "integ set payments.capture-timing=VALUE") {
		t.Errorf("finding = %+v", q)
	}
	if !strings.Contains(got[0].Message, `this spec says "EDI", the other side said "EDI and phone"`) {
		t.Errorf("section note conflict = %+v", got[0])
	}
}
