package specdiff

import (
	"testing"
	"time"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/estimate"
	"github.com/integ-dev/integ/internal/spec"
)

// integ diff reads the weeks and the go-live date from the same estimate as
// the brief: choosing a custom build for Hearth & Kiln's connector moves
// both, and a change that moves neither leaves them equal (and the specs
// the same).
func TestEstimateChangeCarriesTheSchedule(t *testing.T) {
	bank, err := checklist.Default()
	if err != nil {
		t.Fatal(err)
	}
	load := func() *spec.Spec {
		s, err := spec.Load("../../checklist/examples/hearth-and-kiln.yaml", bank)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	old, new := load(), load()
	new.Set("project.approach", spec.Answer{Values: []string{"custom"}})
	r := Compare(bank, old, new, time.Now())
	b0, b1 := estimate.For(bank, old), estimate.For(bank, new)
	e := r.Estimate
	if e.WeeksBefore != b0.Schedule.ToGoLive || e.WeeksAfter != b1.Schedule.ToGoLive || e.WeeksBefore == e.WeeksAfter ||
		e.GoLiveBefore != b0.Deadline.GoLive || e.GoLiveAfter != b1.Deadline.GoLive {
		t.Errorf("estimate change %+v; want %v → %v weeks, go-live %s → %s", e, b0.Schedule.ToGoLive, b1.Schedule.ToGoLive, b0.Deadline.GoLive, b1.Deadline.GoLive)
	}
	if same := Compare(bank, old, load(), time.Now()); !same.Same() || same.Estimate.WeeksBefore != same.Estimate.WeeksAfter {
		t.Errorf("the same spec differs: %+v", same.Estimate)
	}
}
