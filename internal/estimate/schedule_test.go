package estimate

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// Durations from start to go-live, as published (research file,
// shared/research/integration-costs-and-platform-facts.md):
//
//	[1] iwdagency.com: a connector app project 5–8 weeks, customised 8–14, fully custom 14–24.
//	[2] knowledgelib.io: a general iPaaS implementation 8–16 weeks; an enterprise custom API
//	    build 12–24 weeks.
//	[8] ahaecommerce.com: a small merchant's low-code set-up 1–2 weeks; one custom API flow
//	    2–8 weeks.
//	Research file, rough bands: mid-market on a pre-built app or Celigo 4–14 weeks;
//	enterprise, iPaaS or custom, 12–24 weeks.
//
// The schedule counts hypercare after go-live apart; the bands are compared
// with the weeks to go-live.
type weekBand struct {
	low, high float64
	source    string
}

func checkWeeks(t *testing.T, b Budget, bd weekBand) {
	t.Helper()
	s := b.Schedule
	if s == nil {
		t.Fatalf("%s: no schedule", b.Approach.Label)
	}
	if s.ToGoLive < bd.low || s.ToGoLive > bd.high {
		t.Errorf("%s: %v weeks to go-live with %v people (%d h planned), outside the published %v–%v weeks %s",
			b.Approach.Label, s.ToGoLive, s.Team, b.Planned.Hours, bd.low, bd.high, bd.source)
	}
}

func TestScheduleCalibrationBands(t *testing.T) {
	bank := defaultBank(t)
	tests := []struct {
		name     string
		answers  map[string]string
		approach string
		band     weekBand
	}{
		// A small shop on its inventory system's own connector, with a custom side-job or
		// two: from a low-code set-up (1–2 weeks) to one custom flow (2–8 weeks) [8].
		{"small shop", smallShop, "connector", weekBand{1, 8, "[8]"}},
		// Standard flows on a connector: 5–8 weeks [1], from the mid-market band's 4.
		{"mid-market, standard answers", midStandard, "connector", weekBand{4, 8, "[1], research file's mid-market band"}},
		// A connector with custom mappings: the mid-market band, 4–14 weeks ([1] customised 8–14).
		{"mid-market", midMarket, "connector", weekBand{4, 14, "research file's mid-market band, [1]"}},
		{"mid-market", midMarket, "platform", weekBand{8, 16, "[2]"}},
		// A custom build: fully custom 14–24 weeks [1], a custom API build 12–24 [2].
		{"mid-market", midMarket, "custom", weekBand{12, 24, "[1] [2]"}},
		{"large B2B", large, "custom", weekBand{12, 24, "[2]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.approach, func(t *testing.T) {
			checkWeeks(t, For(bank, specOf(t, bank, with(tt.answers, "project.approach", tt.approach))), tt.band)
		})
	}
}

// The worked examples' weeks to go-live against the band for their
// approach; an example whose approach is open is scheduled for each.
func TestScheduleWorkedExamples(t *testing.T) {
	bank := defaultBank(t)
	tests := []struct {
		path  string
		bands map[string]weekBand
	}{
		// A mid-size outdoor retailer, the approach still open: each approach's band.
		{"acme-outdoor.yaml", map[string]weekBand{
			"connector": {4, 14, "research file's mid-market band, [1]"},
			"platform":  {8, 16, "[2]"},
			"custom":    {12, 24, "[1] [2]"},
		}},
		// A small pottery on Cin7 Core's own connector, with side-jobs: 1–8 weeks [8].
		{"hearth-and-kiln.yaml", map[string]weekBand{"connector": {1, 8, "[8]"}}},
		// A B2B business on Celigo, two companies and three websites: the enterprise band.
		{"northwind-b2b.yaml", map[string]weekBand{"platform": {12, 24, "research file's enterprise band, [2]"}}},
		// A coffee roaster on Cin7 Core's connector, with custom work beside it: the mid-market
		// band, 4–14 weeks (a connector project 5–8 [1]).
		{"coffee-roaster.yaml", map[string]weekBand{"connector": {4, 14, "research file's mid-market band, [1]"}}},
	}
	for _, tt := range tests {
		for a, bd := range tt.bands {
			t.Run(tt.path+"/"+a, func(t *testing.T) {
				checkWeeks(t, exampleAs(t, bank, tt.path, a, len(tt.bands) == 1), bd)
			})
		}
	}
}

// The weeks add up, and each phase takes what its share of the planned
// hours needs from the team, or its least weeks, in half weeks.
func TestScheduleAddsUp(t *testing.T) {
	bank := defaultBank(t)
	for name, answers := range map[string]map[string]string{"small": smallShop, "mid": midMarket, "large": large} {
		b := For(bank, specOf(t, bank, answers))
		s := b.Schedule
		if s == nil {
			t.Fatalf("%s: no schedule", name)
		}
		var sum float64
		scale := float64(b.Planned.Hours) / float64(b.Expected.Hours)
		for i, ph := range bank.Estimate.Phases {
			got := b.Phases[i]
			sum += got.Weeks
			if ph.Alongside != "" {
				if got.Weeks != 0 {
					t.Errorf("%s: %s runs alongside %s but takes %v weeks", name, ph.ID, ph.Alongside, got.Weeks)
				}
				continue
			}
			hours := float64(got.ExpectedHours) * scale
			for j, other := range bank.Estimate.Phases {
				if other.Alongside == ph.ID {
					hours += float64(b.Phases[j].ExpectedHours) * scale
				}
			}
			after, _ := ph.AfterGoLive.For(b.Size)
			least, _ := ph.MinWeeks.For(b.Size)
			own := got.Weeks - after
			need := hours / (s.Team * s.HoursPerWeek)
			if own < need || own < least || own*2 != math.Trunc(own*2) || own >= max(need, least)+0.5 {
				t.Errorf("%s: %s takes %v weeks for %.1f h with %v people (least %v)", name, ph.ID, own, hours, s.Team, least)
			}
		}
		if sum != s.Weeks || s.ToGoLive+s.AfterGoLive != s.Weeks {
			t.Errorf("%s: phases add up to %v weeks, the schedule says %v (%v to go-live + %v after)", name, sum, s.Weeks, s.ToGoLive, s.AfterGoLive)
		}
	}
}

// The schedule against the deadline, by hand: Hearth & Kiln's brief is dated
// 2026-11-27; with 4 weeks' lead-in the plan starts 2026-12-25 and needs its
// weeks to go-live (checked against the phases above) to go live. A
// deadline after go-live with more than 15 % of those weeks to spare fits, a
// closer one is tight, an earlier one late; the summary says which.
func TestDeadlineAgainstTheSchedule(t *testing.T) {
	bank := defaultBank(t)
	// Dated in May, the plan runs clear of the year-end holidays.
	dated := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	base := loadExample(t, bank, "hearth-and-kiln.yaml")
	weeks := For(bank, base).Schedule.ToGoLive
	goLive := time.Date(2026, 5, 29, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(math.Round(weeks*7)))
	for _, tt := range []struct {
		days int
		fit  string
		says string
	}{
		{-7, checklist.ScheduleLate, "1 week late. A first phase (orders in, stock and shipments back) would cost GBP "},
		{0, checklist.ScheduleTight, "only 0 weeks before it"},
		{365, checklist.ScheduleFits, ""},
	} {
		due := goLive.AddDate(0, 0, tt.days).Format(checklist.DateLayout)
		s := loadExample(t, bank, "hearth-and-kiln.yaml")
		s.Updated = dated
		s.Set(bank.Estimate.DeadlineQuestion, spec.Answer{Values: []string{due}, Note: "Before the spring fairs; firm."})
		b := For(bank, s)
		d := b.Deadline
		if d == nil || d.Start != "2026-05-29" || d.GoLive != goLive.Format(checklist.DateLayout) || d.Fit != tt.fit {
			t.Errorf("deadline %s: %+v; want a start on 2026-05-29, go-live %s, %s", due, d, goLive.Format(checklist.DateLayout), tt.fit)
			continue
		}
		if tt.says == "" {
			// The weeks from the start to the deadline, to a tenth below, less the
			// plan's; the year runs over the 9 closed days at the year's end.
			available := math.Floor(float64(365+int(math.Round(weeks*7))-9)/7*10) / 10
			tt.says = FormatWeeks(math.Round((available-weeks)*10)/10) + " weeks before it"
		}
		want := fmt.Sprintf("Deadline %s (“Before the spring fairs; firm”): starting about 2026-05-29, go-live falls about %s, %s", due, d.GoLive, tt.says)
		if !slices.ContainsFunc(b.Summary, func(l string) bool { return strings.HasPrefix(l, want) }) {
			t.Errorf("summary %q; want a line %q", b.Summary, want)
		}
		if f := b.Facts(); !slices.Equal(f.Values[checklist.FactSchedule], []string{tt.fit}) || f.Figures["fact:go-live"] != d.GoLive || f.Figures["fact:deadline"] != due {
			t.Errorf("facts %+v", f)
		}
	}
	// Undated, the plan is not set against the deadline, and the summary says why.
	s := loadExample(t, bank, "hearth-and-kiln.yaml")
	s.Updated = time.Time{}
	b := For(bank, s)
	if b.Deadline != nil || len(b.Facts().Values) != 0 || !slices.ContainsFunc(b.Summary, func(l string) bool { return strings.Contains(l, "the brief has no date yet") }) {
		t.Errorf("undated: deadline %+v, summary %q", b.Deadline, b.Summary)
	}
}

// Nobody works over the year-end holidays (the bank closes 24 December to
// 1 January): a start that falls in them moves past them, a plan that runs
// over them goes live that much later, and a deadline after them leaves only
// the weeks outside them (review 3: every plan started on Christmas Day).
func TestYearEndHolidaysAreNotWorked(t *testing.T) {
	bank := defaultBank(t)
	at := func(updated time.Time, due string) *Deadline {
		t.Helper()
		s := loadExample(t, bank, "hearth-and-kiln.yaml")
		s.Updated = updated
		s.Set(bank.Estimate.DeadlineQuestion, spec.Answer{Values: []string{due}})
		b := For(bank, s)
		if b.Schedule == nil || b.Schedule.ToGoLive != 2.5 || b.Deadline == nil {
			t.Fatalf("the case needs Hearth's 2.5 weeks to go-live and a deadline: %+v, %+v", b.Schedule, b.Deadline)
		}
		return b.Deadline
	}
	// Dated 27 November, the 4 weeks' lead-in ends on 25 December: the start
	// moves to 2 January, and 1 March is 58 working days (8.2 weeks) away.
	if d := at(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC), "2027-03-01"); d.Start != "2027-01-02" || d.WeeksAvailable != 8.2 {
		t.Errorf("dated 2026-11-27: start %s, %v weeks to the deadline; want 2027-01-02 and 8.2", d.Start, d.WeeksAvailable)
	}
	// Dated 15 November, the start is 13 December; 18 working days are the
	// 14th to the 23rd (10) and 2 to 9 January (8).
	if d := at(time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC), "2027-06-01"); d.Start != "2026-12-13" || d.GoLive != "2027-01-09" {
		t.Errorf("dated 2026-11-15: start %s, go-live %s; want 2026-12-13 and 2027-01-09", d.Start, d.GoLive)
	}
}

// The team a deadline needs: Northwind's firm date is 8.2 working weeks after the
// start, and no team up to the bank's max_team fits the plan in them.
func TestDeadlineNeedsATeam(t *testing.T) {
	bank := defaultBank(t)
	b := For(bank, loadExample(t, bank, "northwind-b2b.yaml"))
	if d := b.Deadline; d == nil || d.Date != "2027-03-01" || d.Fit != checklist.ScheduleLate || d.WeeksAvailable != 8.2 || d.TeamNeeded != 0 ||
		b.Facts().Figures["fact:team-needed"] != "more than 6" {
		t.Errorf("Northwind: %+v, facts %v", b.Deadline, b.Facts())
	}
}

// exampleAs is the budget of a worked example for approach a; with only, the
// example must have chosen a itself (its band is for that approach).
func exampleAs(t *testing.T, bank *checklist.Bank, path, a string, only bool) Budget {
	t.Helper()
	s := loadExample(t, bank, path)
	if got := s.Answers[bank.Estimate.ApproachQuestion].Value(); only && got != a {
		t.Fatalf("the example's approach is %q, its band is for %s", got, a)
	}
	s.Set(bank.Estimate.ApproachQuestion, spec.Answer{Values: []string{a}})
	return For(bank, s)
}

// Review 3, top 1: a plan that misses a firm deadline prices the first phase
// the finding advises (orders in, stock and shipments back), scheduled from
// the same start, and leaves the rest for a second phase; a plan that fits
// prices none.
func TestPhaseOneWhenThePlanIsLate(t *testing.T) {
	bank := defaultBank(t)
	b := For(bank, loadExample(t, bank, "northwind-b2b.yaml"))
	p := b.PhaseOne
	if b.Deadline == nil || b.Deadline.Fit != checklist.ScheduleLate || p == nil {
		t.Fatalf("Northwind misses 1 March: deadline %+v, phase one %+v", b.Deadline, p)
	}
	if !slices.Equal(p.Packages, bank.Estimate.PhaseOne.Packages) || p.Planned.Hours <= 0 || p.Planned.Hours >= b.Planned.Hours/2 {
		t.Errorf("phase one %+v: want the bank's packages, under half of the whole's %d h", p, b.Planned.Hours)
	}
	// Its figures follow the whole's rules: contingency once on the expected
	// hours, the rest what the whole leaves, a go-live after the same start.
	cont := int(math.Ceil(float64(p.Expected.Hours) * b.ContingencyPercent / 100))
	if p.Planned.Hours != p.Expected.Hours+cont || p.Rest.Hours != b.Planned.Hours-p.Planned.Hours || p.Planned.Cost != float64(p.Planned.Hours)*b.HourlyRate {
		t.Errorf("phase one %+v does not add up: expected %d + contingency %d; rest of %d planned", p, p.Expected.Hours, cont, b.Planned.Hours)
	}
	if p.ToGoLive >= b.Schedule.ToGoLive || p.GoLive >= b.Deadline.GoLive {
		t.Errorf("phase one goes live after %v weeks (%s), the whole after %v (%s)", p.ToGoLive, p.GoLive, b.Schedule.ToGoLive, b.Deadline.GoLive)
	}
	want := "A first phase (orders in, stock and shipments back) would cost USD " + FormatThousands(p.Planned.Cost) + " planned"
	if !slices.ContainsFunc(b.Summary, func(l string) bool { return strings.Contains(l, want) }) {
		t.Errorf("summary %q; want %q", b.Summary, want)
	}
	if h := For(bank, loadExample(t, bank, "hearth-and-kiln.yaml")); h.PhaseOne != nil {
		t.Errorf("Hearth & Kiln fits its date, yet a first phase is priced: %+v", h.PhaseOne)
	}
}
