package estimate

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/integ-dev/integ/checklist"
)

// weeks is how long a project on approach a takes for a business of size.
func (e *engine) weeks(a *checklist.Approach, size string) *WeekRange {
	for _, w := range a.Weeks {
		if w.Size == size {
			return &WeekRange{Low: w.Low, High: w.High, Source: a.Source}
		}
	}
	return nil
}

// months is the support period the total cost of ownership covers: the
// answer to the bank's months question, or its default.
func (e *engine) months(v *view) int {
	if id := e.model.MonthsQuestion; id != "" {
		if n, ok := v.chans[0].number(id); ok && n >= 1 {
			return int(math.Round(n))
		}
	}
	return max(e.model.DefaultMonths, 0)
}

// ownership is the planned build plus the running costs over the support
// period, in the brief's currency; costs in another currency stay apart.
func (e *engine) ownership(v *view, b Budget) Ownership {
	o := Ownership{Months: e.months(v), CostRange: CostRange{Currency: e.currency, Low: b.Planned.Cost, High: b.Planned.Cost}}
	share := float64(o.Months) / 12
	for _, t := range b.RunningTotals {
		c := CostRange{Currency: t.Currency, Low: math.Round(t.Low * share), High: math.Round(t.High * share)}
		if t.Currency == e.currency {
			o.Low += c.Low
			o.High += c.High
		} else if c.High > 0 {
			o.Others = append(o.Others, c)
		}
	}
	return o
}

// figuresOf is a budget's figures as one row of the approaches side by side.
func figuresOf(b Budget) ApproachFigures {
	return ApproachFigures{Value: b.Approach.Value, Label: b.Approach.Label, Expected: b.Expected, Planned: b.Planned,
		Total: b.Total, RunningTotals: b.RunningTotals, Weeks: b.Weeks, Schedule: b.Schedule, Ownership: b.Ownership}
}

// summary is the budget in a few lines a finance director reads: each
// approach with its build, running costs and total over the support period,
// the open decisions that move the price most, the deadline beside the
// duration, and what the client pays others. Money is rounded to thousands.
func (e *engine) summary(b Budget) []string {
	var out []string
	if len(b.ByApproach) == 0 {
		out = append(out, e.approachLine(figuresOf(b)))
	} else {
		out = append(out, fmt.Sprintf("How it will be built is still open (the table above); the rest of this budget is for the dearest way: %s.", b.Approach.Label))
	}
	items := slices.Clone(b.RiskBuffer.Items)
	slices.SortStableFunc(items, func(x, y RiskItem) int { return cmp.Compare(y.HighHours, x.HighHours) })
	var open []string
	if sw := b.ApproachSwing; sw != nil {
		open = append(open, fmt.Sprintf("%s (%s %s h to %s %s h: a swing of %s h, %s %s)", sw.Title, sw.Cheapest, FormatHours(sw.LowHours),
			sw.Dearest, FormatHours(sw.HighHours), FormatHours(sw.HighHours-sw.LowHours), e.currency, FormatThousands(sw.HighCost-sw.LowCost)))
	}
	for _, it := range items[:min(len(items), 3)] {
		open = append(open, fmt.Sprintf("%s (up to %s h)", strings.TrimPrefix(it.Title, "Open: "), FormatHours(it.HighHours)))
	}
	if len(open) > 0 {
		out = append(out, "Open decisions that move the price most: "+strings.Join(open, "; ")+".")
	}
	if d := e.deadlineLine(b); d != "" {
		out = append(out, d)
	}
	var pays []string
	for _, r := range b.Running {
		switch {
		case r.Owner != checklist.OwnerClient:
		case r.Quoted != "":
			pays = append(pays, fmt.Sprintf("%s (%s)", r.Title, r.Quoted))
		case r.High > 0:
			pays = append(pays, fmt.Sprintf("%s, %s %s", r.Title, r.Currency, thousandsRange(r.Low, r.High)))
		}
	}
	if len(pays) > 0 {
		out = append(out, "The client pays others each year: "+strings.Join(pays, "; ")+".")
	}
	return out
}

// ApproachSwing is what the open choice of approach moves the planned
// figure by: from the cheapest approach to the dearest, whose figures the
// budget shows.
type ApproachSwing struct {
	QuestionID string  `json:"question_id"`
	Title      string  `json:"title"`
	Cheapest   string  `json:"cheapest"`
	Dearest    string  `json:"dearest"`
	LowHours   int     `json:"low_hours"`
	HighHours  int     `json:"high_hours"`
	LowCost    float64 `json:"low_cost"`
	HighCost   float64 `json:"high_cost"`
}

// approachSwing is the swing of the approaches side by side, or nil.
func (e *engine) approachSwing(figs []ApproachFigures) *ApproachSwing {
	if len(figs) < 2 {
		return nil
	}
	lo, hi := figs[0], figs[0]
	for _, f := range figs[1:] {
		if f.Planned.Hours < lo.Planned.Hours {
			lo = f
		}
		if f.Planned.Hours > hi.Planned.Hours {
			hi = f
		}
	}
	title := e.model.ApproachQuestion
	if q := e.bank.Question(title); q != nil {
		title = e.names.Fill(q.ShortTitle(), nil)
	}
	return &ApproachSwing{QuestionID: e.model.ApproachQuestion, Title: title, Cheapest: lo.Label, Dearest: hi.Label,
		LowHours: lo.Planned.Hours, HighHours: hi.Planned.Hours, LowCost: lo.Planned.Cost, HighCost: hi.Planned.Cost}
}

// SummaryRow is one approach in the summary's table, as it reads.
type SummaryRow struct {
	Approach string `json:"approach"`
	Build    string `json:"build"`
	Weeks    string `json:"weeks"`
	Run      string `json:"run"`
	Total    string `json:"total"`
}

// summaryTable sets the approaches side by side for the summary: the
// planned build and its range, the weeks, a year to run and the total over
// the support period.
func (e *engine) summaryTable(figs []ApproachFigures) []SummaryRow {
	var out []SummaryRow
	for _, f := range figs {
		r := SummaryRow{Approach: f.Label,
			Build: fmt.Sprintf("%s %s (%s–%s)", e.currency, FormatThousands(f.Planned.Cost), FormatThousands(f.Total.LowCost), FormatThousands(f.Total.HighCost))}
		if s := f.Schedule; s != nil {
			r.Weeks = fmt.Sprintf("%s to go-live, %s of hypercare", FormatWeeks(s.ToGoLive), FormatWeeks(s.AfterGoLive))
		} else if f.Weeks != nil {
			r.Weeks = fmt.Sprintf("about %s–%s", FormatWeeks(f.Weeks.Low), FormatWeeks(f.Weeks.High))
		}
		r.Run = strings.Join(e.runText(f.RunningTotals), " plus ")
		if r.Run == "" {
			r.Run = "nothing more"
		}
		o := f.Ownership
		r.Total = fmt.Sprintf("%s %s", o.Currency, thousandsRange(o.Low, o.High))
		for _, x := range o.Others {
			r.Total += fmt.Sprintf(" plus %s %s", x.Currency, thousandsRange(x.Low, x.High))
		}
		out = append(out, r)
	}
	return out
}

// runText is each currency's running costs a year, in thousands.
func (e *engine) runText(totals []CostRange) []string {
	var run []string
	for _, r := range totals {
		if r.High == 0 {
			continue
		}
		s := fmt.Sprintf("%s %s", r.Currency, thousandsRange(r.Low, r.High))
		if r.Currency != e.currency {
			s += " (not converted)"
		}
		run = append(run, s)
	}
	return run
}

// approachLine is one approach in a sentence: build, duration, a year of
// running costs and the total over the support period.
func (e *engine) approachLine(f ApproachFigures) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: build %s %s planned (%s–%s)", f.Label, e.currency, FormatThousands(f.Planned.Cost),
		FormatThousands(f.Total.LowCost), FormatThousands(f.Total.HighCost))
	if s := f.Schedule; s != nil {
		fmt.Fprintf(&b, ", %s to go-live with %s", weeksText(s.ToGoLive), people(s.Team))
		if s.AfterGoLive > 0 {
			fmt.Fprintf(&b, " and %s of hypercare", weeksText(s.AfterGoLive))
		}
	} else if f.Weeks != nil {
		fmt.Fprintf(&b, ", about %s–%s weeks", FormatNumber(f.Weeks.Low), FormatNumber(f.Weeks.High))
	}
	run := e.runText(f.RunningTotals)
	if len(run) == 0 {
		b.WriteString("; nothing more a year to run")
	} else {
		fmt.Fprintf(&b, "; then %s a year to run", strings.Join(run, " plus "))
		if o := f.Ownership; o.Months > 0 {
			fmt.Fprintf(&b, "; %s %s over %d months of support", o.Currency, thousandsRange(o.Low, o.High), o.Months)
			for _, x := range o.Others {
				fmt.Fprintf(&b, " plus %s %s", x.Currency, thousandsRange(x.Low, x.High))
			}
		}
	}
	b.WriteString(".")
	return b.String()
}

// thousandsRange is low–high in thousands, or one figure when they agree.
func thousandsRange(low, high float64) string {
	l, h := FormatThousands(low), FormatThousands(high)
	if l == h {
		return l
	}
	return l + "–" + h
}

// phaseOneText prices the first phase of a plan that misses its deadline,
// and what is left for the second.
func (e *engine) phaseOneText(b Budget) string {
	p := b.PhaseOne
	fit := "in time"
	switch {
	case p.Fit == checklist.ScheduleLate && p.TeamNeeded > 0:
		fit = "after the deadline, but in time with " + people(p.TeamNeeded)
	case p.Fit == checklist.ScheduleLate:
		fit = "still after the deadline: the first phase needs a smaller scope or a later date"
	case p.Fit == checklist.ScheduleTight:
		fit = "just in time"
	}
	return fmt.Sprintf("A first phase (%s) would cost %s %s planned (%s hours), %s to go-live with %s, going live about %s, %s; the rest, about %s %s, is a second phase priced apart once it is specified.",
		checklist.LowerFirst(p.Title), b.Currency, FormatThousands(p.Planned.Cost), FormatHours(p.Planned.Hours), weeksText(p.ToGoLive), people(p.Team), p.GoLive, fit, b.Currency, FormatThousands(p.Rest.Cost))
}

// deadlineLine sets the plan against the deadline answered: when it would
// go live, starting the bank's lead-in after the brief's date.
func (e *engine) deadlineLine(b Budget) string {
	due, note, ok := e.deadlineDate()
	if !ok {
		return ""
	}
	text := "Deadline " + due.Format(checklist.DateLayout)
	if note != "" {
		text += " (“" + strings.TrimRight(note, ".") + "”)"
	}
	d := b.Deadline
	switch {
	case d == nil:
		return text + ": the brief has no date yet (save the spec), so integ cannot set the plan against it."
	case d.Fit == checklist.ScheduleLate && b.PhaseOne != nil:
		return fmt.Sprintf("%s: starting about %s, go-live falls about %s, %s late. %s", text, d.Start, d.GoLive, weeksText(-d.SpareWeeks), e.phaseOneText(b))
	case d.Fit == checklist.ScheduleLate:
		return fmt.Sprintf("%s: starting about %s, go-live falls about %s, %s late (see the findings: split off a phase 1).", text, d.Start, d.GoLive, weeksText(-d.SpareWeeks))
	case d.Fit == checklist.ScheduleTight:
		return fmt.Sprintf("%s: starting about %s, go-live falls about %s, only %s before it.", text, d.Start, d.GoLive, weeksText(d.SpareWeeks))
	}
	return fmt.Sprintf("%s: starting about %s, go-live falls about %s, %s before it.", text, d.Start, d.GoLive, weeksText(d.SpareWeeks))
}
