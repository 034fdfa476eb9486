package checklist

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// workPackages checks the packages; estimate checks the `estimate:` block.
// Together they prove that every figure the budget uses is there and sane,
// and that every reference (question, value, package, phase, size, source)
// resolves.
func (v *validator) workPackages() {
	seen := map[string]int{}
	phases := v.phaseIDs()
	for i := range v.bank.WorkPackages {
		p := &v.bank.WorkPackages[i]
		where := fmt.Sprintf("work package %q", p.ID)
		v.unique(seen, p.Line, "work package", p.ID)
		if strings.TrimSpace(p.Title) == "" {
			v.add(p.Line, where+" has no `title`")
		}
		v.text(p.Line, p.Title)
		if v.bank.Estimate != nil && !slices.Contains(phases, p.PhaseOf()) {
			v.add(p.Line, fmt.Sprintf("%s is in phase %q, which the estimate does not define (phases: %s)", where, p.PhaseOf(), strings.Join(phases, ", ")))
		}
		if len(p.Items) == 0 {
			v.add(p.Line, where+" has no `items`: list the work it needs, with hours")
		}
		for _, it := range p.Items {
			v.workItem(where, it)
		}
	}
	if len(v.bank.WorkPackages) > 0 && v.bank.Estimate == nil {
		v.add(v.bank.WorkPackages[0].Line, "the bank has work packages but no `estimate:` block (approaches and phases) to price them")
	}
}

func (v *validator) workItem(pkg string, it WorkItem) {
	where := fmt.Sprintf("%s item %q", pkg, it.Title)
	if strings.TrimSpace(it.Title) == "" {
		v.add(it.Line, pkg+" has an item with no `title`")
	}
	v.text(it.Line, it.Title)
	h := it.Hours
	if h.Optimistic < 0 || h.Likely < h.Optimistic || h.Pessimistic < h.Likely || h.Pessimistic == 0 || h.Pessimistic > MaxHours {
		v.add(it.Line, fmt.Sprintf("%s has hours [%d, %d, %d]; give [optimistic, most likely, pessimistic], each at least the one before, the last above 0 and at most %d", where, h.Optimistic, h.Likely, h.Pessimistic, MaxHours))
	}
	if !slices.Contains(fits, it.Fit) {
		v.add(it.Line, fmt.Sprintf("%s has fit %q; use one of %s", where, it.Fit, strings.Join(fits, ", ")))
	}
	v.condition(it.When, where, "")
}

func (v *validator) phaseIDs() []string {
	if v.bank.Estimate == nil {
		return nil
	}
	var ids []string
	for _, p := range v.bank.Estimate.Phases {
		ids = append(ids, p.ID)
	}
	return ids
}

func (v *validator) estimate() {
	m := v.bank.Estimate
	if m == nil {
		return
	}
	v.approaches(m)
	v.phases(m)
	if m.MinFactor < 0 || m.MinFactor > 1 {
		v.add(m.Line, fmt.Sprintf("the estimate's `min_factor` is %v; the least the drivers may shrink a package to is a factor from 0 to 1", m.MinFactor))
	}
	if m.MaxFactor != 0 && (m.MaxFactor < 1 || m.MaxFactor > 5) {
		v.add(m.Line, fmt.Sprintf("the estimate's `max_factor` is %v; the most the drivers may grow a package to is a factor from 1 to 5 (or leave it out for no limit)", m.MaxFactor))
	}
	groups := map[string]bool{}
	for _, g := range m.DriverGroups {
		if g.ID == "" || strings.TrimSpace(g.Title) == "" {
			v.add(g.Line, "a driver group needs an `id` and a `title`")
		}
		if groups[g.ID] {
			v.add(g.Line, fmt.Sprintf("driver group %q is defined twice", g.ID))
		}
		groups[g.ID] = true
		v.text(g.Line, g.Title)
		if g.Others < 0 || g.Others > 1 {
			v.add(g.Line, fmt.Sprintf("driver group %q has others %v; give the share from 0 to 1 of its own work each member but the largest adds", g.ID, g.Others))
		}
	}
	if m.Spread < 0 || m.Spread > 4 {
		v.add(m.Line, fmt.Sprintf("the estimate's `spread` is %v standard deviations of the open decisions; use 0 to 4 (1.5 covers about seven outcomes in eight)", m.Spread))
	}
	if m.Growth < 0 || m.Growth > 2 {
		v.add(m.Line, fmt.Sprintf("the estimate's `growth` is %v; give the share of the expected work the top of the range allows for, from 0 to 2 (0.5 is half as much again)", m.Growth))
	}
	v.cites(m.Line, "the estimate's growth_note", m.GrowthNote)
	for i := range m.Drivers {
		v.driver(&m.Drivers[i])
	}
	sizes := v.sizes(m)
	approaches := m.approachValues()
	for i := range m.Running {
		v.runningCost(&m.Running[i], sizes, approaches)
	}
	for _, a := range m.Approaches {
		for _, w := range a.Weeks {
			if !slices.Contains(sizes, w.Size) || w.Low <= 0 || w.High < w.Low {
				v.add(a.Line, fmt.Sprintf("approach %q gives weeks %v–%v for size %q; use a known size (%s) and 0 < low ≤ high", a.Value, w.Low, w.High, w.Size, strings.Join(sizes, ", ")))
			}
		}
	}
	v.schedule(m, sizes)
	v.phaseOne(m)
	v.supportQuestions(m)
	for _, list := range [][]Remark{m.Duties, m.Assumptions, m.Exclusions} {
		for _, r := range list {
			if strings.TrimSpace(r.Text) == "" {
				v.add(r.Line, "a duty, assumption or exclusion has no `text`")
			}
			v.text(r.Line, r.Text)
			v.cites(r.Line, "a duty, assumption or exclusion", r.Text)
			v.condition(r.When, "a duty, assumption or exclusion", "")
			v.approachList(r.Line, "a duty, assumption or exclusion", r.Approaches, approaches)
		}
	}
	v.sources(m)
	for i := range m.NoWork {
		v.noWork(&m.NoWork[i])
	}
}

// phaseOne checks that the first phase names work packages the bank has,
// and says what it delivers.
func (v *validator) phaseOne(m *EstimateModel) {
	p := m.PhaseOne
	if p == nil {
		return
	}
	if p.Title == "" || len(p.Packages) == 0 {
		v.add(p.Line, "the estimate's `phase_one` needs a `title` (what it delivers) and its `packages`")
	}
	for _, id := range p.Packages {
		if !slices.ContainsFunc(v.bank.WorkPackages, func(wp WorkPackage) bool { return wp.ID == id }) {
			v.add(p.Line, fmt.Sprintf("the estimate's `phase_one` names work package %q, which the bank does not define", id))
		}
	}
}

// schedule checks the figures that turn hours into weeks: the schedule's
// settings, each approach's team for every size, and the phases' weeks.
func (v *validator) schedule(m *EstimateModel, sizes []string) {
	sc := m.Schedule
	if sc == nil {
		return
	}
	for _, f := range []struct {
		name      string
		val, l, h float64
		hint      string
	}{
		{"hours_per_week", sc.HoursPerWeek, 1, 60, "productive hours a person gives the project in a week"},
		{"build_hours_per_person", sc.BuildHoursPerPerson, 1, 10000, "the build hours one person takes on before the team grows"},
		{"lead_in_weeks", sc.LeadInWeeks, 0, 52, "weeks from the brief's date to the start"},
		{"margin", sc.Margin, 0, 1, "share of the weeks to go-live a deadline should leave spare"},
		{"max_team", sc.MaxTeam, 1, 50, "the most people a deadline may call for"},
	} {
		if f.val < f.l || f.val > f.h {
			v.add(sc.Line, fmt.Sprintf("the schedule's `%s` is %v; give the %s, from %v to %v", f.name, f.val, f.hint, f.l, f.h))
		}
	}
	for _, c := range sc.Closed {
		if !c.valid() {
			v.add(sc.Line, fmt.Sprintf("the schedule's closed days %q to %q: give each as month-day, such as \"12-24\" to \"01-01\"", c.From, c.To))
		}
	}
	v.cites(sc.Line, "the schedule", sc.Source)
	for _, a := range m.Approaches {
		for _, size := range sizes {
			r, ok := a.Team.For(size)
			if !ok || r.Low < 1 || r.High < r.Low || r.High > sc.MaxTeam {
				v.add(a.Line, fmt.Sprintf("approach %q needs a `team` for size %q: [least, most] people, 1 ≤ least ≤ most ≤ max_team (%v)", a.Value, size, sc.MaxTeam))
			}
		}
		for _, t := range a.Team {
			if !slices.Contains(sizes, t.Size) {
				v.add(a.Line, fmt.Sprintf("approach %q gives a team for size %q; use a known size (%s)", a.Value, t.Size, strings.Join(sizes, ", ")))
			}
		}
	}
	ids := v.phaseIDs()
	for _, p := range m.Phases {
		where := fmt.Sprintf("phase %q", p.ID)
		if p.Alongside != "" && p.Alongside != AlongsideAll && (p.Alongside == p.ID || !slices.Contains(ids, p.Alongside)) {
			v.add(p.Line, fmt.Sprintf("%s runs alongside %q; name another phase (%s) or %q", where, p.Alongside, strings.Join(ids, ", "), AlongsideAll))
		}
		if p.Alongside != "" && (len(p.MinWeeks) > 0 || len(p.AfterGoLive) > 0) {
			v.add(p.Line, where+" runs alongside another and takes no weeks of its own: drop `min_weeks` and `after_go_live`")
		}
		if q := m.phase(p.Alongside); q != nil && q.Alongside != "" {
			v.add(p.Line, fmt.Sprintf("%s runs alongside %q, which itself runs alongside another; name the phase with weeks of its own", where, p.Alongside))
		}
		for _, f := range []struct {
			name string
			vs   SizedValues
		}{{"min_weeks", p.MinWeeks}, {"after_go_live", p.AfterGoLive}} {
			name := f.name
			for _, w := range f.vs {
				if !slices.Contains(sizes, w.Size) || w.Value < 0 || w.Value > 52 {
					v.add(p.Line, fmt.Sprintf("%s gives %s %v for size %q; use a known size (%s) and 0 to 52 weeks", where, name, w.Value, w.Size, strings.Join(sizes, ", ")))
				}
			}
		}
	}
}

// supportQuestions checks the questions the summary reads: the months of
// support (a number) and the deadline.
func (v *validator) supportQuestions(m *EstimateModel) {
	if id := m.MonthsQuestion; id != "" {
		if q := v.bank.Question(id); q == nil || q.Kind != KindNumber {
			v.add(m.Line, fmt.Sprintf("the estimate's months_question %q is not a number question", id))
		}
	}
	if m.DefaultMonths < 0 || m.DefaultMonths > 120 {
		v.add(m.Line, fmt.Sprintf("the estimate's default_months is %d; use 1 to 120", m.DefaultMonths))
	}
	if id := m.DeadlineQuestion; id != "" {
		if q := v.bank.Question(id); q == nil || q.Kind != KindDate {
			v.add(m.Line, fmt.Sprintf("the estimate's deadline_question %q is not a date question", id))
		}
	}
}

// noWork checks that an entry names one question (or every system
// question), values it can have, and a reason.
func (v *validator) noWork(n *NoWork) {
	if strings.TrimSpace(n.Reason) == "" {
		v.add(n.Line, "a no_work entry has no `reason`: say why these answers cost nothing")
	}
	switch {
	case n.System == (n.Question != ""):
		v.add(n.Line, "a no_work entry names either a `question` or `system: true` (every system-of-record question), not both or neither")
	case n.System:
		if len(n.Values) == 0 {
			v.add(n.Line, "a no_work entry for every system question lists no `values`")
		}
		for _, val := range n.Values {
			if !slices.ContainsFunc(v.bank.SystemOptions, func(o Option) bool { return o.Value == val }) {
				v.add(n.Line, fmt.Sprintf("a no_work entry names %q, which is not one of the system options", val))
			}
		}
	default:
		q := v.bank.Question(n.Question)
		if q == nil {
			v.add(n.Line, fmt.Sprintf("a no_work entry names question %q, which the bank does not have", n.Question))
			return
		}
		if q.HasOptions() != (len(n.Values) > 0) {
			v.add(n.Line, fmt.Sprintf("a no_work entry for %s lists `values` exactly when the question has answers to choose from", q.ID))
		}
		for _, val := range n.Values {
			if q.Option(val) == nil {
				v.add(n.Line, fmt.Sprintf("a no_work entry names %q, which is not an answer of %s", val, q.ID))
			}
		}
	}
}

func (v *validator) approaches(m *EstimateModel) {
	if m.ApproachQuestion == "" {
		if len(m.Approaches) > 0 {
			v.add(m.Line, "the estimate lists approaches but no `approach_question` whose answer picks one")
		}
		return // every package is priced as a custom build
	}
	q := v.bank.Question(m.ApproachQuestion)
	switch {
	case q == nil:
		v.add(m.Line, fmt.Sprintf("the estimate's approach_question %q is not a question", m.ApproachQuestion))
	case q.Kind != KindChoice:
		v.add(m.Line, fmt.Sprintf("the estimate's approach_question %q is a %s question; it must be a choice", m.ApproachQuestion, q.Kind))
	}
	if len(m.Approaches) == 0 {
		v.add(m.Line, "the estimate has no `approaches`")
	}
	for _, a := range m.Approaches {
		where := fmt.Sprintf("approach %q", a.Value)
		if q != nil && q.Option(a.Value) == nil {
			v.add(a.Line, fmt.Sprintf("%s is not an answer of %s (%s)", where, m.ApproachQuestion, strings.Join(q.Values(), ", ")))
		}
		if a.Standard <= 0 || a.Custom <= 0 || a.Standard > 3 || a.Custom > 3 {
			v.add(a.Line, fmt.Sprintf("%s has factors standard %v and custom %v; each must be above 0 and at most 3", where, a.Standard, a.Custom))
		}
		if strings.TrimSpace(a.Label) == "" {
			v.add(a.Line, where+" has no `label`")
		}
		if a.Overhead < 0 || a.Overhead > 2 || a.Gap < 0 || a.Gap > 1 {
			v.add(a.Line, fmt.Sprintf("%s has overhead %v and gap %v; overhead is a factor from 0 to 2 on the phases that are shares of the build, gap a share from 0 to 1 of the standard work", where, a.Overhead, a.Gap))
		}
		if a.Gap > 0 && strings.TrimSpace(a.GapTitle) == "" {
			v.add(a.Line, where+" has a `gap` but no `gap_title` to show it under")
		}
	}
	if q == nil {
		return
	}
	for _, o := range q.Options {
		if o.Value != Undecided && m.Approach(o.Value) == nil {
			v.add(m.Line, fmt.Sprintf("the estimate has no approach for answer %q of %s", o.Value, m.ApproachQuestion))
		}
	}
}

func (v *validator) phases(m *EstimateModel) {
	seen := map[string]bool{}
	for _, p := range m.Phases {
		where := fmt.Sprintf("phase %q", p.ID)
		if p.ID == "" || strings.TrimSpace(p.Title) == "" {
			v.add(p.Line, "a phase needs an `id` and a `title`")
		}
		if seen[p.ID] {
			v.add(p.Line, where+" is defined twice")
		}
		seen[p.ID] = true
		if p.Share < 0 || p.Share > 2 {
			v.add(p.Line, fmt.Sprintf("%s has share %v; use a fraction from 0 to 2 (0.4 is 40 %% of the build)", where, p.Share))
		}
		if p.Of != "" && p.Of != "build" && p.Of != "rest" {
			v.add(p.Line, fmt.Sprintf("%s is a share of %q; use build or rest", where, p.Of))
		}
		if p.ID == PhaseBuild && (p.Share != 0 || p.Of != "") {
			v.add(p.Line, "the build phase is its work packages; it takes no `share`")
		}
	}
	if !seen[PhaseBuild] {
		v.add(m.Line, fmt.Sprintf("the estimate has no %q phase", PhaseBuild))
	}
}

func (v *validator) driver(d *Driver) {
	where := fmt.Sprintf("driver %q", d.ID)
	if d.ID == "" || strings.TrimSpace(d.Title) == "" {
		v.add(d.Line, "a driver needs an `id` and a `title`")
	}
	forms := 0
	for _, set := range []bool{len(d.Values) > 0, len(d.Steps) > 0, d.PerExtra != 0, d.When != nil} {
		if set {
			forms++
		}
	}
	if forms != 1 {
		v.add(d.Line, where+" needs exactly one of `values` (per answer), `steps` (from a number up), `per_extra` (per unit beyond the first) or `when` with a `factor`")
	}
	if m := v.bank.Estimate; d.Group != "" && m != nil && m.DriverGroup(d.Group) == nil {
		v.add(d.Line, fmt.Sprintf("%s names driver group %q, which the estimate's driver_groups do not define", where, d.Group))
	}
	for _, f := range d.Fits {
		if !slices.Contains(fits, f) {
			v.add(d.Line, fmt.Sprintf("%s names fit %q; use %s", where, f, strings.Join(fits, ", ")))
		}
	}
	if d.When != nil {
		v.condition(d.When, where, "")
		v.factor(d.Line, where, d.Factor)
	}
	q := v.bank.Question(d.Question)
	switch {
	case q == nil:
		v.add(d.Line, fmt.Sprintf("%s refers to unknown question %q", where, d.Question))
	case len(d.Values) > 0 && !q.HasOptions():
		v.add(d.Line, fmt.Sprintf("%s gives factors per answer, but %q is a %s question", where, d.Question, q.Kind))
	case len(d.Steps) > 0 && q.Kind != KindNumber:
		v.add(d.Line, fmt.Sprintf("%s gives steps, but %q is a %s question, not a number", where, d.Question, q.Kind))
	case d.PerExtra != 0 && q.Kind != KindNumber && q.Kind != KindMulti:
		v.add(d.Line, fmt.Sprintf("%s counts units, but %q is a %s question; per_extra needs a number or a multi-select", where, d.Question, q.Kind))
	}
	for _, f := range d.Values {
		if q != nil && q.HasOptions() && q.Option(f.Value) == nil {
			v.add(d.Line, fmt.Sprintf("%s gives a factor for %q, which is not an answer of %q (%s)", where, f.Value, d.Question, strings.Join(q.Values(), ", ")))
		}
		v.factor(d.Line, where, f.Factor)
	}
	for i, s := range d.Steps {
		if i > 0 && s.From <= d.Steps[i-1].From {
			v.add(d.Line, where+" lists its steps out of order; lowest first")
		}
		v.factor(d.Line, where, s.Factor)
	}
	if d.PerExtra < 0 || d.PerExtra > 2 || (d.PerExtra != 0 && (d.Max < 1 || d.Max > 5)) {
		v.add(d.Line, fmt.Sprintf("%s has per_extra %v and max %v; per_extra is a fraction up to 2, and needs a max factor from 1 to 5 (a number answer can be large)", where, d.PerExtra, d.Max))
	}
	if len(d.Packages) == 0 {
		v.add(d.Line, where+" names no `packages` to scale")
	}
	if m := v.bank.Estimate; m != nil {
		v.approachList(d.Line, where, d.Approaches, m.approachValues())
	}
	for _, id := range d.Packages {
		if !slices.ContainsFunc(v.bank.WorkPackages, func(p WorkPackage) bool { return p.ID == id }) {
			v.add(d.Line, fmt.Sprintf("%s scales unknown work package %q", where, id))
		}
	}
}

func (v *validator) factor(line int, where string, f float64) {
	if f <= 0 || f > 5 {
		v.add(line, fmt.Sprintf("%s has factor %v; a factor is above 0 and at most 5", where, f))
	}
}

func (v *validator) sizes(m *EstimateModel) []string {
	var ids []string
	fallback := false
	for _, s := range m.Sizes {
		if s.ID == "" || strings.TrimSpace(s.Title) == "" {
			v.add(s.Line, "a size needs an `id` and a `title`")
		}
		if slices.Contains(ids, s.ID) {
			v.add(s.Line, fmt.Sprintf("size %q is defined twice", s.ID))
		}
		ids = append(ids, s.ID)
		if s.When == nil {
			fallback = true
		}
		v.condition(s.When, fmt.Sprintf("size %q", s.ID), "")
	}
	if len(m.Sizes) > 0 && !fallback {
		v.add(m.Line, "the estimate's sizes need one without `when`, for a business that fits no other")
	}
	return ids
}

func (v *validator) runningCost(r *RunningCost, sizes, approaches []string) {
	where := fmt.Sprintf("running cost %q", r.ID)
	if r.ID == "" || strings.TrimSpace(r.Title) == "" {
		v.add(r.Line, "a running cost needs an `id` and a `title`")
	}
	v.text(r.Line, r.Title, r.Note)
	for _, o := range append([]OwnerIf{{Owner: r.Owner}}, r.OwnerIf...) {
		if !slices.Contains(owners, o.Owner) {
			v.add(r.Line, fmt.Sprintf("%s has owner %q; use %s", where, o.Owner, strings.Join(owners, " or ")))
		}
		v.condition(o.When, where+" owner_if", "")
	}
	forms := 0
	for _, set := range []bool{len(r.Money) > 0, r.Hours != nil, r.BuildShare != nil, strings.TrimSpace(r.Quoted) != ""} {
		if set {
			forms++
		}
	}
	if forms != 1 {
		v.add(r.Line, where+" needs exactly one of `money` (per size, a year), `hours` (a year), `build_share` (of the build's cost) or `quoted` (no published figure: what to say instead)")
	}
	v.text(r.Line, r.Quoted)
	if len(r.Money) > 0 && strings.TrimSpace(r.Currency) == "" {
		v.add(r.Line, where+" gives money but no `currency` (the published figures' currency; integ does not convert)")
	}
	for _, m := range r.Money {
		if !slices.Contains(sizes, m.Size) {
			v.add(r.Line, fmt.Sprintf("%s gives money for unknown size %q (sizes: %s)", where, m.Size, strings.Join(sizes, ", ")))
		}
		v.rangeOK(r.Line, where, m.Range)
	}
	for _, rg := range []*Range{r.Hours, r.BuildShare} {
		if rg != nil {
			v.rangeOK(r.Line, where, *rg)
		}
	}
	v.approachList(r.Line, where, r.Approaches, approaches)
	v.condition(r.When, where, "")
	v.cites(r.Line, where, r.Source+" "+r.Note+" "+r.Quoted)
}

func (v *validator) rangeOK(line int, where string, r Range) {
	if r.Low < 0 || r.High < r.Low || r.High > MaxNumber {
		v.add(line, fmt.Sprintf("%s has range [%v, %v]; low must be 0 or more, high at least low and at most %d", where, r.Low, r.High, int(MaxNumber)))
	}
}

func (v *validator) approachList(line int, where string, list, approaches []string) {
	for _, a := range list {
		if !slices.Contains(approaches, a) {
			v.add(line, fmt.Sprintf("%s names unknown approach %q (approaches: %s)", where, a, strings.Join(approaches, ", ")))
		}
	}
}

var citeRE = regexp.MustCompile(`\[([0-9A-Za-z-]+)\]`)

// sources checks that every [n] cited in the estimate's sources exists.
func (v *validator) sources(m *EstimateModel) {
	seen := map[string]bool{}
	for _, s := range m.Sources {
		if s.ID == "" || s.URL == "" {
			v.add(m.Line, "a source needs an `id` and a `url`")
		}
		if seen[s.ID] {
			v.add(m.Line, fmt.Sprintf("source [%s] is listed twice", s.ID))
		}
		seen[s.ID] = true
	}
	v.text(m.Line, m.Calibration)
	v.cites(m.Line, "the estimate's calibration", m.Calibration)
	for _, a := range m.Approaches {
		v.cites(a.Line, fmt.Sprintf("approach %q", a.Value), a.Source)
	}
	for _, d := range m.Drivers {
		v.cites(d.Line, fmt.Sprintf("driver %q", d.ID), d.Source)
	}
	for _, p := range m.Phases {
		v.cites(p.Line, fmt.Sprintf("phase %q", p.ID), p.Source)
	}
}

// cites reports a source citation ([n]) the estimate's sources do not list.
func (v *validator) cites(line int, where, text string) {
	m := v.bank.Estimate
	for _, c := range citeRE.FindAllStringSubmatch(text, -1) {
		if !slices.ContainsFunc(m.Sources, func(s Source) bool { return s.ID == c[1] }) {
			v.add(line, fmt.Sprintf("%s cites source [%s], which the estimate's `sources` do not list", where, c[1]))
		}
	}
}
