package estimate

import (
	"slices"

	"github.com/integ-dev/integ/checklist"
)

// PhaseOne is what could go live by a deadline the whole plan misses: the
// bank's first-phase work packages, priced and scheduled as the whole is
// (the same approach, drivers, phase shares and contingency), and what is
// left of the whole for a second phase.
type PhaseOne struct {
	// Title says what the first phase delivers; Packages are its IDs.
	Title    string   `json:"title"`
	Packages []string `json:"packages"`
	Expected Money    `json:"expected"`
	Planned  Money    `json:"planned"`
	// Team, weeks to go-live and the go-live date of the first phase, on
	// the whole plan's start; Fit is how it meets the deadline.
	Team     float64 `json:"team"`
	ToGoLive float64 `json:"weeks_to_go_live"`
	GoLive   string  `json:"go_live"`
	Fit      string  `json:"fit"`
	// TeamNeeded is the least team, up to the bank's max_team, with which
	// the first phase meets the deadline; 0 when none does.
	TeamNeeded float64 `json:"team_needed"`
	// Rest is the whole plan's planned figure less the first phase's: about
	// what the second phase costs, priced apart once it is specified.
	Rest Money `json:"rest"`
}

// phaseOne prices the bank's first phase when the whole plan b misses its
// deadline; nil when it fits, or the bank names no first phase.
func (e *engine) phaseOne(v *view, a *checklist.Approach, b Budget) *PhaseOne {
	def := e.model.PhaseOne
	if def == nil || b.Deadline == nil || b.Deadline.Fit != checklist.ScheduleLate {
		return nil
	}
	packs := e.packs(v, a, nil, nil)
	for i, wp := range e.bank.WorkPackages {
		if !slices.Contains(def.Packages, wp.ID) {
			packs[i] = nil
		}
	}
	r := e.phases(packs, a)
	if r.expected == 0 {
		return nil
	}
	p := e.empty()
	p.Size, p.Packages, p.Phases = b.Size, r.packages, r.phases
	p.Expected = e.price.money(r.expected)
	p.Contingency = e.contingency(r.expected)
	p.Planned = e.price.money(r.expected + p.Contingency.Hours)
	s := e.schedule(a, &p)
	if s == nil || p.Deadline == nil {
		return nil
	}
	return &PhaseOne{Title: e.names.Fill(def.Title, nil), Packages: slices.Clone(def.Packages),
		Expected: p.Expected, Planned: p.Planned, Team: s.Team, ToGoLive: s.ToGoLive,
		GoLive: p.Deadline.GoLive, Fit: p.Deadline.Fit, TeamNeeded: p.Deadline.TeamNeeded,
		Rest: e.price.money(max(0, b.Planned.Hours-p.Planned.Hours))}
}
