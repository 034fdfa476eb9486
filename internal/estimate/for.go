package estimate

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// For is the budget of a spec against its bank: what the brief, the summary of
// integ plan and integ diff show. Nothing else computes budget figures.
//
// When the build approach is not decided, the figures are those of the
// dearest approach (the one that prices everything), and ByApproach sets the
// approaches side by side so that the manager sees what the decision is worth.
func For(bank *checklist.Bank, s *spec.Spec) Budget {
	e := newEngine(bank, s)
	if e.model == nil {
		return e.empty()
	}
	chosen, decided := e.chosenApproach()
	if decided {
		b := e.budget(chosen)
		b.Approach.Decided = true
		b.Summary = e.summary(b)
		return b
	}
	var all []Budget
	for i := range e.model.Approaches {
		all = append(all, e.budget(&e.model.Approaches[i]))
	}
	main := 0
	for i, b := range all {
		if b.Expected.Hours > all[main].Expected.Hours {
			main = i
		}
	}
	out := all[main]
	for _, b := range all {
		out.ByApproach = append(out.ByApproach, figuresOf(b))
	}
	out.ApproachSwing = e.approachSwing(out.ByApproach)
	out.SummaryTable = e.summaryTable(out.ByApproach)
	out.Summary = e.summary(out)
	return out
}

// engine evaluates the bank's budget model against one spec.
type engine struct {
	bank  *checklist.Bank
	model *checklist.EstimateModel
	spec  *spec.Spec
	names checklist.Names
	// base is the spec as it is, hidden answers left out.
	base *view
	// reads lists, per work package, the questions its figures depend on.
	reads []map[string]bool
	// phaseOf is, per work package, the index of its phase.
	phaseOf []int
	// followers lists, per question, the questions whose condition reads it.
	followers map[string][]*checklist.Question
	// settings
	currency  string
	rate, pct float64
	rateGiven bool
	pctGiven  bool
	price     pricer
	decided   int
}

func newEngine(bank *checklist.Bank, s *spec.Spec) *engine {
	e := &engine{bank: bank, model: bank.Estimate, spec: s, names: s.Names(bank),
		reads: readsOf(bank), followers: followersOf(bank)}
	e.base = newView(bank, s, nil)
	if e.model != nil {
		for _, wp := range bank.WorkPackages {
			e.phaseOf = append(e.phaseOf, slices.IndexFunc(e.model.Phases, func(ph checklist.Phase) bool { return ph.ID == wp.PhaseOf() }))
		}
	}
	e.rate, e.rateGiven = s.Number(bank, checklist.QBudgetHourlyRate)
	e.pct, e.pctGiven = s.Number(bank, checklist.QBudgetContingency)
	e.currency = strings.TrimSpace(s.Text(bank, checklist.QBudgetCurrency))
	if e.currency == "" {
		e.currency = "EUR"
	}
	e.price = newPricer(e.rate)
	var total spec.Counts
	views := s.ViewsOf(bank) // the channels whose orders cross, as the brief's open decisions
	for _, sec := range bank.Sections {
		total = total.Add(spec.ProgressIn(views, sec))
	}
	e.decided = total.Percent()
	return e
}

// empty is the budget of a bank without a budget model.
func (e *engine) empty() Budget {
	return Budget{
		Currency: e.currency, HourlyRate: e.rate, ContingencyPercent: e.pct,
		Packages: []Package{}, Phases: []Phase{}, RiskBuffer: RiskBuffer{Items: []RiskItem{}},
		Method: []string{}, Running: []RunningCost{}, RunningTotals: []CostRange{},
		Duties: []string{}, Assumptions: []string{}, Exclusions: []string{}, Sources: []Source{}, Summary: []string{},
		Accuracy: Accuracy{DecidedPercent: e.decided},
	}
}

// asBuilt prices a bank without approaches: every item as it is written.
var asBuilt = checklist.Approach{Standard: 1, Custom: 1}

// chosenApproach is the approach the answers choose, if they choose one.
func (e *engine) chosenApproach() (*checklist.Approach, bool) {
	if e.model.ApproachQuestion == "" {
		return &asBuilt, true
	}
	vals := e.base.chans[0].Values(e.model.ApproachQuestion)
	if len(vals) == 1 {
		if a := e.model.Approach(vals[0]); a != nil {
			return a, true
		}
	}
	return nil, false
}

// budget is the whole budget for one approach. Unless the answers chose it,
// the approach is supposed as the answer, so that work, costs and remarks
// conditioned on it apply.
func (e *engine) budget(a *checklist.Approach) Budget {
	b := e.empty()
	b.Approach = Approach{Value: a.Value, Label: e.names.Fill(a.Label, nil)}
	v := e.base
	if _, decided := e.chosenApproach(); !decided {
		v = e.base.with(e.model.ApproachQuestion, []string{a.Value})
	}
	b.Size = e.size(v)
	r := e.evaluate(v, a)
	b.Packages = r.packages
	b.Phases = r.phases
	for i := range b.Packages {
		b.Packages[i].ExpectedCost = e.price.cost(b.Packages[i].ExpectedHours)
	}
	for i := range b.Phases {
		b.Phases[i].ExpectedCost = e.price.cost(b.Phases[i].ExpectedHours)
	}
	b.Expected = e.price.money(r.expected)
	for i := range b.Phases {
		b.Phases[i].SharePercent = percentOf(b.Phases[i].ExpectedHours, r.expected)
	}
	b.RiskBuffer = e.risks(v, a, r.expected)
	centre := b.Expected.Hours + b.RiskBuffer.ExpectedHours
	b.Contingency = e.contingency(centre)
	b.Planned = e.price.money(centre + b.Contingency.Hours)
	// The planning range. The decided work runs from its expected figure
	// (no contingency needed) to that figure grown by the bank's growth
	// (more surfaces during the build than requirements show); the open
	// decisions add their buffer give or take their spread, never
	// beyond all of them at their cheapest or dearest. The contingency is
	// inside the range, not stacked on it.
	rb := b.RiskBuffer
	swing := rb.SpreadHours
	low := b.Expected.Hours + max(rb.LowHours, rb.ExpectedHours-swing)
	b.GrowthPercent = math.Round(e.model.Growth*10000) / 100
	gp := int64(math.Round(e.model.Growth * 10000))
	grown := int((int64(b.Expected.Hours)*(10000+gp) + 9999) / 10000)
	high := max(grown+min(rb.HighHours, rb.ExpectedHours+swing), b.Planned.Hours)
	b.Total = e.price.amount(low, high)
	b.Accuracy.LowPercent, b.Accuracy.HighPercent = percentOff(low, b.Planned.Hours), percentOff(high, b.Planned.Hours)
	b.Running, b.RunningTotals = e.running(v, a, b.Size, b.Expected.Cost)
	b.Weeks = e.weeks(a, b.Size)
	b.Schedule = e.schedule(a, &b)
	b.PhaseOne = e.phaseOne(v, a, b)
	b.Ownership = e.ownership(v, b)
	b.Duties = e.remarks(v, e.model.Duties, a)
	b.Exclusions = e.remarks(v, e.model.Exclusions, a)
	b.Assumptions = e.assumptions(v, a)
	b.Method = e.method(b)
	b.Sources = e.sources(b)
	return b
}

// contingency is applied once, to the expected figure (decided work and
// open decisions), in whole hours rounded up; the percent is taken in
// hundredths so that 12.5 % is exact.
func (e *engine) contingency(hours int) Money {
	bp := int64(math.Round(e.pct * 100))
	return e.price.money(int((int64(hours)*bp + 9999) / 10000))
}

// percentOf is part's share of whole, in whole percent.
func percentOf(part, whole int) int {
	if whole == 0 {
		return 0
	}
	return int(math.Round(float64(part) * 100 / float64(whole)))
}

// percentOff is how far v is from base, in whole percent.
func percentOff(v, base int) int {
	if base == 0 {
		return 0
	}
	return int(math.Round(float64(v-base) * 100 / float64(base)))
}

// result is one evaluation of the packages and phases.
type result struct {
	packages []Package
	phases   []Phase
	expected int
}

// evaluate prices every package under the answers of v and the approach a,
// and sizes the phases from them.
func (e *engine) evaluate(v *view, a *checklist.Approach) result {
	return e.phases(e.packs(v, a, nil, nil), a)
}

// packs prices each work package (nil where none of its items applies). Given
// the packages of an earlier evaluation, it prices again only those whose
// figures the supposed questions can change.
func (e *engine) packs(v *view, a *checklist.Approach, prev []*Package, supposed map[string]bool) []*Package {
	out := make([]*Package, len(e.bank.WorkPackages))
	for i := range e.bank.WorkPackages {
		if prev != nil && !e.touches(i, supposed) {
			out[i] = prev[i]
			continue
		}
		if p, ok := e.pack(v, a, &e.bank.WorkPackages[i]); ok {
			out[i] = &p
		}
	}
	return out
}

// touches reports whether any supposed answer can change package i: one its
// items or drivers read, or one that decides whether those are asked.
func (e *engine) touches(i int, supposed map[string]bool) bool {
	for id := range supposed {
		if e.reads[i][id] {
			return true
		}
	}
	return false
}

// readsOf lists, per work package, the questions its figures depend on.
func readsOf(bank *checklist.Bank) []map[string]bool {
	out := make([]map[string]bool, len(bank.WorkPackages))
	for i, wp := range bank.WorkPackages {
		reads := map[string]bool{}
		for _, it := range wp.Items {
			for _, id := range it.When.Questions() {
				reads[id] = true
			}
		}
		if m := bank.Estimate; m != nil {
			for _, d := range m.Drivers {
				if slices.Contains(d.Packages, wp.ID) {
					reads[d.Question] = true
					for _, id := range d.When.Questions() {
						reads[id] = true
					}
				}
			}
		}
		// An answer counts only while its question is asked, so what decides
		// that is read too.
		for grew := true; grew; {
			grew = false
			for id := range reads {
				if q := bank.Question(id); q != nil {
					for _, dep := range q.When.Questions() {
						if !reads[dep] {
							reads[dep], grew = true, true
						}
					}
				}
			}
		}
		out[i] = reads
	}
	return out
}

// phases sizes the phases from the packages.
func (e *engine) phases(packs []*Package, a *checklist.Approach) result {
	var r result
	sizes := e.sizePhases(packs, a)
	r.phases = make([]Phase, len(e.model.Phases))
	for i, ph := range e.model.Phases {
		r.phases[i] = Phase{ID: ph.ID, Title: e.names.Fill(ph.Title, nil), Basis: e.basis(ph, sizes.own[i], a), ThreePoint: sizes.points[i]}
		r.expected += sizes.points[i].ExpectedHours
	}
	for _, p := range packs {
		if p != nil {
			r.packages = append(r.packages, *p)
		}
	}
	return r
}

// phaseSizes are each phase's hours, whether it has packages of its own, and
// the shares the phases add to the build and to the rest.
type phaseSizes struct {
	points                 []ThreePoint
	own                    []bool
	buildShares, restShare float64
}

// sizePhases sizes each phase: the build is its packages; another phase is a
// share of the build (times the approach's overhead), or of all the other
// phases, plus its own packages.
func (e *engine) sizePhases(packs []*Package, a *checklist.Approach) phaseSizes {
	overhead := 1.0
	if a.Overhead > 0 {
		overhead = a.Overhead
	}
	n := len(e.model.Phases)
	ps := phaseSizes{points: make([]ThreePoint, n), own: make([]bool, n)}
	buildAt := 0
	for i, ph := range e.model.Phases {
		if ph.ID == checklist.PhaseBuild {
			buildAt = i
		}
	}
	for k, p := range packs {
		if p != nil {
			i := e.phaseOf[k]
			ps.points[i] = addPoints(ps.points[i], p.ThreePoint)
			ps.own[i] = true
		}
	}
	build := ps.points[buildAt]
	var rest ThreePoint
	// Shares of the build first, then shares of everything else.
	for _, pass := range []string{"build", "rest"} {
		for i, ph := range e.model.Phases {
			of := ph.Of
			if of == "" {
				of = "build"
			}
			if of != pass {
				continue
			}
			if ph.ID != checklist.PhaseBuild && ph.Share > 0 {
				basis, share := build, ph.Share*overhead
				if of == "rest" {
					basis, share = rest, ph.Share
					ps.restShare += share
				} else {
					ps.buildShares += share
				}
				ps.points[i] = addPoints(ps.points[i], scalePoints(basis, share))
			}
			if pass == "build" {
				rest = addPoints(rest, ps.points[i])
			}
		}
	}
	return ps
}

// expectedOf is the expected figure of the packages, all phases.
func (e *engine) expectedOf(packs []*Package, a *checklist.Approach) int {
	total := 0
	for _, t := range e.sizePhases(packs, a).points {
		total += t.ExpectedHours
	}
	return total
}

func addPoints(a, b ThreePoint) ThreePoint {
	return ThreePoint{a.OptimisticHours + b.OptimisticHours, a.LikelyHours + b.LikelyHours,
		a.PessimisticHours + b.PessimisticHours, a.ExpectedHours + b.ExpectedHours}
}

// scalePoints takes a share of each figure, rounded half up: the share is
// taken in hundredths of a percent, so that 35 % of 350 h is 122.5 → 123 h as
// by hand, not the 122.4999… of binary floating point.
func scalePoints(t ThreePoint, share float64) ThreePoint {
	bp := int64(math.Round(share * 10000))
	r := func(h int) int { return int((int64(h)*bp + 5000) / 10000) }
	return ThreePoint{r(t.OptimisticHours), r(t.LikelyHours), r(t.PessimisticHours), r(t.ExpectedHours)}
}

// pack prices one work package; ok is false when none of its items applies.
// Hours are summed by fit (standard, custom, fixed, the gap allowance), so
// that a driver limited to some fits scales only those.
func (e *engine) pack(v *view, a *checklist.Approach, wp *checklist.WorkPackage) (Package, bool) {
	p := Package{ID: wp.ID, Title: e.names.Fill(wp.Title, nil), Phase: wp.PhaseOf(), Items: []Item{}, Factors: []Factor{}}
	sums := map[string]*[3]float64{}
	add := func(fit string, scale float64, h checklist.ThreePoint) {
		if sums[fit] == nil {
			sums[fit] = new([3]float64)
		}
		sums[fit][0] += scale * float64(h.Optimistic)
		sums[fit][1] += scale * float64(h.Likely)
		sums[fit][2] += scale * float64(h.Pessimistic)
	}
	var standard checklist.ThreePoint
	for _, it := range wp.Items {
		if !v.holds(it.When) {
			continue
		}
		scale := 1.0
		switch it.Fit {
		case checklist.FitStandard:
			scale = a.Standard
			standard = checklist.ThreePoint{Optimistic: standard.Optimistic + it.Hours.Optimistic,
				Likely: standard.Likely + it.Hours.Likely, Pessimistic: standard.Pessimistic + it.Hours.Pessimistic}
		case checklist.FitCustom:
			scale = a.Custom
		}
		p.Items = append(p.Items, Item{Title: e.names.Fill(it.Title, nil), Fit: it.Fit, Scale: scale,
			OptimisticHours: it.Hours.Optimistic, LikelyHours: it.Hours.Likely, PessimisticHours: it.Hours.Pessimistic})
		add(it.Fit, scale, it.Hours)
	}
	if len(p.Items) == 0 {
		return p, false
	}
	if a.Gap > 0 && standard.Likely > 0 && p.Phase == checklist.PhaseBuild {
		// What a ready-made connector turns out not to cover is custom work
		// beside it: an allowance on the standard work of the build until the
		// integrator has checked the connector against the requirements.
		scale := a.Gap * a.Custom
		p.Items = append(p.Items, Item{Title: fmt.Sprintf("%s (%s %% of the standard work, as custom work)", e.names.Fill(a.GapTitle, nil), FormatNumber(a.Gap*100)),
			Fit: FitGap, Scale: scale, OptimisticHours: standard.Optimistic, LikelyHours: standard.Likely, PessimisticHours: standard.Pessimistic})
		add(FitGap, scale, standard)
	}
	present := make([]string, 0, len(sums))
	for fit := range sums {
		present = append(present, fit)
	}
	factors := e.packageFactors(v, a, wp, &p, present)
	var o, m, pe float64
	for fit, h := range sums {
		f := factors(fit)
		o, m, pe = o+h[0]*f, m+h[1]*f, pe+h[2]*f
	}
	p.OptimisticHours, p.LikelyHours, p.PessimisticHours = int(math.Round(o)), int(math.Round(m)), int(math.Round(pe))
	p.ExpectedHours = int(math.Round(float64(p.OptimisticHours+4*p.LikelyHours+p.PessimisticHours) / 6))
	return p, true
}

// packageFactors lists on p the drivers that scale package wp under the
// approach a, and returns the factor for work of each fit. Drivers add up:
// each adds its own share of work (a second currency and a second company are
// two sets of mappings and tests), where multiplying them would let six
// modest drivers compound into a fivefold package. Drivers of one group
// (web stores, currencies and companies, which describe one structure) do not
// add up in full: the largest counts, each other adds the group's share of
// its own. A driver that names fits scales only work of those fits (the gap
// allowance counts as custom work). No factor goes below the bank's floor or
// above its ceiling; a ceiling reached is listed as a factor of its own, so
// that the percents still add up to the package's factor.
func (e *engine) packageFactors(v *view, a *checklist.Approach, wp *checklist.WorkPackage, p *Package, present []string) func(fit string) float64 {
	var all []appliedDriver
	for i := range e.model.Drivers {
		d := &e.model.Drivers[i]
		if !slices.Contains(d.Packages, wp.ID) || len(d.Approaches) > 0 && !slices.Contains(d.Approaches, a.Value) {
			continue
		}
		if f, answer := e.driverFactor(v, d); f != 1 {
			all = append(all, appliedDriver{d: d, f: f, answer: answer})
		}
	}
	e.listFactors(all, p)
	floor := minFactor
	if e.model.MinFactor > 0 {
		floor = e.model.MinFactor
	}
	uncapped := func(fit string) float64 {
		factor := 1.0
		for _, x := range e.countedExtras(all, fit) {
			factor += x
		}
		return factor
	}
	e.listCeiling(all, p, present, uncapped)
	return func(fit string) float64 {
		f := max(uncapped(fit), floor)
		if e.model.MaxFactor > 0 {
			f = min(f, e.model.MaxFactor)
		}
		return f
	}
}

// listFactors lists on p each driver that applies, with what it counts: a
// member of a driver group beside a larger one counts only a share, and
// says beside which.
func (e *engine) listFactors(all []appliedDriver, p *Package) {
	counted := e.countedExtras(all, "")
	for i, ad := range all {
		answer := ad.answer
		if g := e.model.DriverGroup(ad.d.Group); g != nil && counted[i] != ad.f-1 {
			// Name the member counted in full, beside which this one counts less.
			full := ""
			for j, other := range all {
				if other.d.Group == g.ID && counted[j] == other.f-1 && j != i {
					full = e.names.Fill(other.d.Title, nil)
					break
				}
			}
			answer = fmt.Sprintf("%s; beside %s, %s %% of its %+d %% counts", answer, full, FormatNumber(g.Others*100), int(math.Round((ad.f-1)*100)))
		}
		p.Factors = append(p.Factors, Factor{Driver: e.names.Fill(ad.d.Title, nil), Answer: answer, Factor: ad.f, Percent: int(math.Round(counted[i] * 100))})
	}
}

// listCeiling adds to p's factors what the bank's max_factor takes off the
// drivers of its most-driven kind of work present, so that the percents
// listed for the work it caps add up to the ceiling; nothing when the
// drivers stay below it.
func (e *engine) listCeiling(all []appliedDriver, p *Package, present []string, uncapped func(fit string) float64) {
	ceiling := e.model.MaxFactor
	if ceiling <= 0 {
		return
	}
	top, topFit := 0.0, ""
	for _, fit := range present {
		if f := uncapped(fit); f > top {
			top, topFit = f, fit
		}
	}
	if top <= ceiling {
		return
	}
	cut := int(math.Round((ceiling - 1) * 100))
	for i, x := range e.countedExtras(all, topFit) {
		if x != 0 {
			cut -= p.Factors[i].Percent
		}
	}
	p.Factors = append(p.Factors, Factor{Driver: "All drivers together", Answer: "at most ×" + FormatNumber(ceiling),
		Factor: ceiling / top, Percent: cut})
}

// appliedDriver is a driver whose factor applies to a package.
type appliedDriver struct {
	d      *checklist.Driver
	f      float64
	answer string
}

// countedExtras is the share of work each driver adds to work of a fit
// ("" for every fit): its factor less one, or 0 where it does not scale that
// fit; within a driver group the largest share counts in full and each other
// member's times the group's Others.
func (e *engine) countedExtras(all []appliedDriver, fit string) []float64 {
	out := make([]float64, len(all))
	largest := map[string]int{}
	for i, ad := range all {
		if fit != "" && len(ad.d.Fits) > 0 && !slices.Contains(ad.d.Fits, fit) && !(fit == FitGap && slices.Contains(ad.d.Fits, checklist.FitCustom)) {
			continue
		}
		out[i] = ad.f - 1
		if g := ad.d.Group; g != "" {
			if j, ok := largest[g]; !ok || out[i] > out[j] {
				largest[g] = i
			}
		}
	}
	for i, ad := range all {
		if g := e.model.DriverGroup(ad.d.Group); g != nil && largest[g.ID] != i {
			out[i] *= g.Others
		}
	}
	return out
}

// minFactor is the least the drivers together may shrink a package to,
// unless the bank sets its own min_factor.
const minFactor = 0.5

// size is the business's size class: the first whose condition holds.
func (e *engine) size(v *view) string {
	for _, s := range e.model.Sizes {
		if v.holds(s.When) {
			return s.ID
		}
	}
	return ""
}
