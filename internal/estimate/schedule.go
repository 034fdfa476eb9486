package estimate

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// Schedule is the budget in calendar weeks: how many people work on it, and
// how long it takes to go-live and after it. It hangs off the budget's
// figures (the phases' planned hours); the bank's `schedule:` gives the
// team, the productive hours and the least weeks of each phase.
type Schedule struct {
	// Team is the people who work on the project; HoursPerWeek is what
	// each gives it in a week.
	Team         float64 `json:"team"`
	HoursPerWeek float64 `json:"hours_per_week"`
	// ToGoLive runs from the start to go-live, AfterGoLive is the hypercare
	// after it, Weeks the two together.
	ToGoLive    float64 `json:"weeks_to_go_live"`
	AfterGoLive float64 `json:"weeks_after_go_live"`
	Weeks       float64 `json:"weeks"`
	// Basis says in a sentence how the weeks were found, beside the
	// published durations for the approach.
	Basis string `json:"basis"`
}

// phaseWork is one phase's planned hours and the weeks they take.
type phaseWork struct {
	hours, weeks, after float64
	least               bool // the phase's least weeks, not its hours, set its length
}

// schedule sizes the phases of b in calendar weeks, on approach a for a
// business of b.Size, and writes each phase's weeks into b.Phases. It is nil
// when the bank gives no schedule or there is no work.
func (e *engine) schedule(a *checklist.Approach, b *Budget) *Schedule {
	sc := e.model.Schedule
	if sc == nil || b.Expected.Hours == 0 || sc.HoursPerWeek <= 0 {
		return nil
	}
	team, ok := a.Team.For(b.Size)
	if !ok {
		return nil
	}
	work := e.phaseHours(b)
	out := &Schedule{HoursPerWeek: sc.HoursPerWeek}
	if j := e.phaseIndex(checklist.PhaseBuild); j >= 0 && sc.BuildHoursPerPerson > 0 {
		out.Team = math.Ceil(work[j].hours/sc.BuildHoursPerPerson - 1e-9)
	}
	out.Team = min(max(out.Team, team.Low), team.High)
	out.ToGoLive, out.AfterGoLive = e.weeksWith(work, out.Team, b.Size)
	out.Weeks = out.ToGoLive + out.AfterGoLive
	out.Basis = e.scheduleBasis(out, b)
	for i, ph := range e.model.Phases {
		b.Phases[i].Weeks = work[i].weeks + work[i].after
		b.Phases[i].Calendar = e.calendar(ph, work[i])
	}
	b.Deadline = e.deadlineFit(out, work, b.Size)
	b.maxTeam = e.model.Schedule.MaxTeam
	return out
}

// phaseHours spreads the planned hours (the contingency and the open
// decisions' buffer with them) over the phases in proportion to their
// expected hours, and adds a phase's hours to the phase it runs alongside.
func (e *engine) phaseHours(b *Budget) []phaseWork {
	scale := float64(b.Planned.Hours) / float64(b.Expected.Hours)
	work := make([]phaseWork, len(b.Phases))
	for i, ph := range e.model.Phases {
		h := float64(b.Phases[i].ExpectedHours) * scale
		switch ph.Alongside {
		case "":
			work[i].hours += h
		case checklist.AlongsideAll:
		default:
			if j := e.phaseIndex(ph.Alongside); j >= 0 {
				work[j].hours += h
			}
		}
	}
	return work
}

// weeksWith sizes each phase of work in weeks for a team of people, and
// returns the weeks to go-live and after it.
func (e *engine) weeksWith(work []phaseWork, team float64, size string) (toGoLive, after float64) {
	hpw := e.model.Schedule.HoursPerWeek
	for i, ph := range e.model.Phases {
		w := &work[i]
		if ph.Alongside != "" || w.hours == 0 {
			continue
		}
		w.weeks, w.least = halfWeeks(w.hours/(team*hpw)), false
		if least, ok := ph.MinWeeks.For(size); ok && least > w.weeks {
			w.weeks, w.least = least, true
		}
		w.after, _ = ph.AfterGoLive.For(size)
		toGoLive += w.weeks
		after += w.after
	}
	return toGoLive, after
}

// calendar is a phase's weeks as the Phases table shows them.
func (e *engine) calendar(ph checklist.Phase, w phaseWork) string {
	switch {
	case ph.Alongside == checklist.AlongsideAll:
		return "throughout"
	case ph.Alongside != "":
		if j := e.phaseIndex(ph.Alongside); j >= 0 {
			return "with the " + checklist.LowerFirst(e.names.Fill(e.model.Phases[j].Title, nil))
		}
		return ""
	case w.weeks == 0:
		return "–"
	}
	s := FormatWeeks(w.weeks)
	if w.least {
		s += " (the least)"
	}
	if w.after > 0 {
		s += fmt.Sprintf(", then %s after go-live", FormatWeeks(w.after))
	}
	return s
}

// scheduleBasis is the schedule in a sentence, with the published
// durations beside it.
func (e *engine) scheduleBasis(s *Schedule, b *Budget) string {
	each := " each"
	if s.Team == 1 {
		each = ""
	}
	text := fmt.Sprintf("Calendar weeks of the planned hours, with %s%s giving the project %s hours a week: %s to go-live",
		people(s.Team), each, FormatNumber(s.HoursPerWeek), weeksText(s.ToGoLive))
	if s.AfterGoLive > 0 {
		text += fmt.Sprintf(", then %s of hypercare", weeksText(s.AfterGoLive))
	}
	text += "."
	if w := b.Weeks; w != nil {
		text += fmt.Sprintf(" Published for %s at this size: %s–%s weeks %s.", checklist.LowerFirst(b.Approach.Label), FormatWeeks(w.Low), FormatWeeks(w.High), w.Source)
	}
	return text
}

// FormatWeeks prints weeks as a plan gives them: 3, 9.5.
func FormatWeeks(w float64) string { return strconv.FormatFloat(w, 'f', -1, 64) }

// weeksText is "1 week", "2.5 weeks".
func weeksText(w float64) string { return FormatWeeks(w) + " " + plural(w, "week", "weeks") }

// phaseIndex is the index of the phase with the given ID, or -1.
func (e *engine) phaseIndex(id string) int {
	for i, ph := range e.model.Phases {
		if ph.ID == id {
			return i
		}
	}
	return -1
}

// halfWeeks rounds weeks up to the next half week: a plan is not made in
// days, and a phase never takes less than it needs.
func halfWeeks(w float64) float64 {
	return math.Ceil(w*2-1e-9) / 2
}

// plural is one or many, by a number of weeks or people.
func plural(n float64, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// people is a team in words: "one person", "2 people".
func people(n float64) string {
	if n == 1 {
		return "one person"
	}
	return FormatNumber(n) + " people"
}

// Deadline is the schedule set against the deadline answered: the plan
// starts the bank's lead-in after the brief's date, and goes live its weeks
// to go-live later.
type Deadline struct {
	Date string `json:"date"`
	Note string `json:"note,omitempty"`
	// Start is the brief's date plus the bank's lead-in (to sign the quote
	// and staff the team); GoLive is Start plus the weeks to go-live.
	Start  string `json:"start"`
	GoLive string `json:"go_live"`
	// WeeksAvailable run from the start to the deadline; SpareWeeks from
	// go-live to the deadline (below 0: late).
	WeeksAvailable float64 `json:"weeks_available"`
	SpareWeeks     float64 `json:"spare_weeks"`
	// TeamNeeded is the least team, up to the bank's max_team, whose weeks
	// to go-live fit before the deadline; 0 when none does.
	TeamNeeded float64 `json:"team_needed"`
	// Fit is how go-live meets the deadline: checklist.ScheduleLate,
	// ScheduleTight or ScheduleFits.
	Fit string `json:"fit"`
}

// calendar counts the days the project works: every day but those the
// bank closes each year (the year-end holidays), as month*100+day spans.
type calendar [][2]int

func newCalendar(closed []checklist.ClosedDays) calendar {
	var c calendar
	for _, r := range closed {
		from, to := r.Span()
		c = append(c, [2]int{from, to})
	}
	return c
}

func (c calendar) closed(t time.Time) bool {
	d := int(t.Month())*100 + t.Day()
	for _, r := range c {
		if r[0] <= r[1] && d >= r[0] && d <= r[1] || r[0] > r[1] && (d >= r[0] || d <= r[1]) {
			return true
		}
	}
	return false
}

// open is t, or the first day after the closed days t falls in.
func (c calendar) open(t time.Time) time.Time {
	for i := 0; i < 366 && c.closed(t); i++ {
		t = t.AddDate(0, 0, 1)
	}
	return t
}

// after is the day n working days after start.
func (c calendar) after(start time.Time, n int) time.Time {
	t := start
	for n > 0 {
		t = t.AddDate(0, 0, 1)
		if !c.closed(t) {
			n--
		}
	}
	return t
}

// between counts the working days from start to end (below 0 when end
// comes first).
func (c calendar) between(start, end time.Time) int {
	if end.Before(start) {
		return -c.between(end, start)
	}
	n := 0
	for t := start; t.Before(end); t = t.AddDate(0, 0, 1) {
		if !c.closed(t) {
			n++
		}
	}
	return n
}

// deadlineFit sets the schedule against the deadline answered, or is nil
// when there is none (or the brief has no date to start from).
func (e *engine) deadlineFit(s *Schedule, work []phaseWork, size string) *Deadline {
	due, note, ok := e.deadlineDate()
	if !ok || e.spec.Updated.IsZero() {
		return nil
	}
	sc := e.model.Schedule
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
	cal := newCalendar(sc.Closed)
	start := cal.open(day(e.spec.Updated.UTC()).AddDate(0, 0, int(math.Round(sc.LeadInWeeks*7))))
	goLive := cal.after(start, int(math.Round(s.ToGoLive*7)))
	d := &Deadline{Date: due.Format(checklist.DateLayout), Note: note, Start: start.Format(checklist.DateLayout), GoLive: goLive.Format(checklist.DateLayout),
		WeeksAvailable: math.Floor(float64(cal.between(start, due))/7*10) / 10}
	d.SpareWeeks = math.Round((d.WeeksAvailable-s.ToGoLive)*10) / 10
	switch {
	case goLive.After(due):
		d.Fit = checklist.ScheduleLate
	case d.SpareWeeks < sc.Margin*s.ToGoLive:
		d.Fit = checklist.ScheduleTight
	default:
		d.Fit = checklist.ScheduleFits
	}
	for n := s.Team; n <= sc.MaxTeam; n++ {
		trial := slices.Clone(work)
		if weeks, _ := e.weeksWith(trial, n, size); weeks <= d.WeeksAvailable {
			d.TeamNeeded = n
			break
		}
	}
	return d
}

// deadlineDate is the date answered to the bank's deadline question, with
// its note (why, and whether it is firm).
func (e *engine) deadlineDate() (time.Time, string, bool) {
	id := e.model.DeadlineQuestion
	if id == "" {
		return time.Time{}, "", false
	}
	a, ok := e.spec.Answers[id]
	if !ok || len(a.Values) != 1 {
		return time.Time{}, "", false
	}
	d, ok := checklist.ParseDate(a.Values[0])
	return d, strings.TrimSpace(a.Note), ok
}

// FactsFor is For(bank, s).Facts(), without pricing a spec that has no
// deadline to set the plan against (integ check on a spec without one).
func FactsFor(bank *checklist.Bank, s *spec.Spec) checklist.Facts {
	e := engine{model: bank.Estimate, spec: s}
	if e.model == nil || e.model.Schedule == nil || s.Updated.IsZero() {
		return checklist.Facts{}
	}
	if _, _, ok := e.deadlineDate(); !ok {
		return checklist.Facts{}
	}
	return For(bank, s).Facts()
}

// Facts are the facts the budget computes for the findings: how the
// schedule meets the deadline, and the figures their messages quote.
func (b Budget) Facts() checklist.Facts {
	d := b.Deadline
	if d == nil || b.Schedule == nil {
		return checklist.Facts{}
	}
	needed := "more than " + FormatNumber(b.maxTeam)
	if d.TeamNeeded > 0 {
		needed = FormatNumber(d.TeamNeeded)
	}
	fig := map[string]string{
		"deadline": d.Date, "start": d.Start, "go-live": d.GoLive,
		"weeks-to-go-live": FormatWeeks(b.Schedule.ToGoLive), "weeks-available": FormatWeeks(d.WeeksAvailable),
		"spare-weeks": FormatWeeks(math.Abs(d.SpareWeeks)), "team": FormatNumber(b.Schedule.Team), "team-needed": needed,
	}
	out := checklist.Facts{Values: map[string][]string{checklist.FactSchedule: {d.Fit}}, Figures: map[string]string{}}
	for k, v := range fig {
		out.Figures["fact:"+k] = v
	}
	return out
}
