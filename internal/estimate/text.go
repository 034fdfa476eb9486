package estimate

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/integ-dev/integ/checklist"
)

// paidAs says in words whose a running cost is.
var paidAs = map[string]string{
	checklist.OwnerClient:     "the client: its own licence, account or staff",
	checklist.OwnerIntegrator: "the integrator, under a support agreement",
}

// running lists the costs a year that apply to approach a and this business,
// and their sums per currency.
func (e *engine) running(v *view, a *checklist.Approach, size string, buildCost float64) ([]RunningCost, []CostRange) {
	costs := []RunningCost{}
	for _, rc := range e.model.Running {
		if len(rc.Approaches) > 0 && !slices.Contains(rc.Approaches, a.Value) || !v.holds(rc.When) {
			continue
		}
		owner := rc.Owner
		for _, o := range rc.OwnerIf {
			if v.holds(o.When) {
				owner = o.Owner
				break
			}
		}
		c := RunningCost{ID: rc.ID, Title: e.names.Fill(rc.Title, nil), Owner: owner, PaidAs: paidAs[owner], Source: rc.Source}
		switch {
		case len(rc.Money) > 0:
			i := slices.IndexFunc(rc.Money, func(m checklist.SizedRange) bool { return m.Size == size })
			if i < 0 {
				continue
			}
			c.CostRange = CostRange{Currency: rc.Currency, Low: rc.Money[i].Low, High: rc.Money[i].High}
			c.Basis = fmt.Sprintf("in %s, for %s", rc.Currency, e.sizeTitle(size))
		case rc.Quoted != "":
			c.Currency, c.Quoted = e.currency, e.names.Fill(rc.Quoted, nil)
		case rc.Hours != nil:
			c.CostRange = CostRange{Currency: e.currency, Low: rc.Hours.Low * e.rate, High: rc.Hours.High * e.rate}
			c.Basis = fmt.Sprintf("%s–%s hours a year at the hourly rate", FormatNumber(rc.Hours.Low), FormatNumber(rc.Hours.High))
		default:
			c.CostRange = CostRange{Currency: e.currency, Low: rc.BuildShare.Low * buildCost, High: rc.BuildShare.High * buildCost}
			c.Basis = fmt.Sprintf("%s–%s %% of the build's expected cost", FormatNumber(rc.BuildShare.Low*100), FormatNumber(rc.BuildShare.High*100))
		}
		if rc.Note != "" {
			c.Basis += "; " + e.names.Fill(rc.Note, nil)
		}
		if c.Low == 0 && c.High == 0 && c.Quoted == "" {
			// Nothing to pay is nothing in any currency, whatever the size.
			c.Currency, c.Basis = e.currency, e.names.Fill(rc.Note, nil)
		}
		if c.Quoted != "" {
			c.Basis = e.names.Fill(rc.Note, nil)
		}
		c.Source = uncited(c.Source, c.Basis)
		costs = append(costs, c)
	}
	// The brief's own currency first; a published figure in another currency
	// is added apart, never converted.
	totals := []CostRange{{Currency: e.currency}}
	for _, c := range costs {
		i := slices.IndexFunc(totals, func(t CostRange) bool { return t.Currency == c.Currency })
		if i < 0 {
			totals = append(totals, CostRange{Currency: c.Currency})
			i = len(totals) - 1
		}
		totals[i].Low += c.Low
		totals[i].High += c.High
	}
	return costs, totals
}

func (e *engine) sizeTitle(id string) string {
	for _, s := range e.model.Sizes {
		if s.ID == id {
			return e.names.Fill(s.Title, nil)
		}
	}
	return id
}

// remarks are the duties, assumptions or exclusions that apply.
func (e *engine) remarks(v *view, list []checklist.Remark, a *checklist.Approach) []string {
	out := []string{}
	for _, r := range list {
		if len(r.Approaches) > 0 && !slices.Contains(r.Approaches, a.Value) || !v.holds(r.When) {
			continue
		}
		out = append(out, e.names.Fill(r.Text, nil))
	}
	return out
}

func (e *engine) assumptions(v *view, a *checklist.Approach) []string {
	source := func(given bool) string {
		if given {
			return "as given in the spec"
		}
		return "integ's default; no figure was given"
	}
	out := []string{
		fmt.Sprintf("Hourly rate: %s %s (%s).", FormatNumber(e.rate), e.currency, source(e.rateGiven)),
		fmt.Sprintf("Contingency: %s %% of the expected figure and the open decisions' buffer, added once and rounded up to whole hours (%s).", FormatNumber(e.pct), source(e.pctGiven)),
	}
	if e.model.Calibration != "" {
		out = append(out, e.names.Fill(e.model.Calibration, nil))
	}
	if _, decided := e.chosenApproach(); !decided {
		out = append(out, fmt.Sprintf("The build approach is not decided: the figures are for the dearest, %s, which prices every flow; the approaches are set side by side above.", e.names.Fill(a.Label, nil)))
	}
	var typical []string
	for _, d := range e.model.Drivers {
		if q := e.bank.Question(d.Question); q != nil && v.open(q) && !slices.Contains(typical, e.names.Fill(d.Title, nil)) {
			typical = append(typical, e.names.Fill(d.Title, nil))
		}
	}
	if len(typical) > 0 {
		out = append(out, "Not answered yet, so priced for a typical business: "+strings.Join(typical, ", ")+".")
	}
	return append(out, e.remarks(v, e.model.Assumptions, a)...)
}

// method says in two sentences how the figures were made.
func (e *engine) method(b Budget) []string {
	open := ""
	switch n := len(b.RiskBuffer.Items); n {
	case 0:
	case 1:
		open = ", and for the one decision still open that changes the price"
	default:
		open = fmt.Sprintf(", and for the %d decisions still open that change the price", n)
	}
	return []string{
		fmt.Sprintf("Each piece of work is estimated three ways, best case, most likely and worst case, and the most likely counts four times as much as the other two; discovery, testing, go-live and project management grow with the build, and a %s %% contingency is added once, on top.", FormatNumber(e.pct)),
		fmt.Sprintf("The planning range (%+d %% to %+d %% of the planned figure) runs from the expected work without the contingency to %s %% more, for what surfaces during the build%s; it narrows as more is decided.", b.Accuracy.LowPercent, b.Accuracy.HighPercent, FormatNumber(b.GrowthPercent), open),
	}
}

// basis says how a phase was sized.
func (e *engine) basis(ph checklist.Phase, ownPackages bool, a *checklist.Approach) string {
	var parts []string
	switch {
	case ph.ID == checklist.PhaseBuild:
		return "the work packages"
	case ph.Share > 0 && ph.Of == "rest":
		parts = append(parts, FormatNumber(ph.Share*100)+" % of the other phases")
	case ph.Share > 0 && a.Overhead > 0 && a.Overhead != 1:
		parts = append(parts, FormatNumber(math.Round(ph.Share*a.Overhead*1000)/10)+" % of the build (lighter with this approach)")
	case ph.Share > 0:
		parts = append(parts, FormatNumber(ph.Share*100)+" % of the build")
	}
	if ownPackages {
		parts = append(parts, "its work packages")
	}
	if len(parts) == 0 {
		return "nothing in this project"
	}
	return strings.Join(parts, " + ")
}

// about reports whether each of the systems named is one of the project's
// (a source about Shopify's API is no source in a WooCommerce brief).
func (e *engine) about(systems []string) bool {
	ours := strings.ToLower(e.names.Store + " " + e.names.Inventory)
	for _, s := range systems {
		if !strings.Contains(ours, strings.ToLower(s)) {
			return false
		}
	}
	return true
}

var citeRE = regexp.MustCompile(`\[([0-9A-Za-z-]+)\]`)

// uncited is the citations of sources that text does not already make.
func uncited(sources, text string) string {
	var out []string
	for _, c := range citeRE.FindAllString(sources, -1) {
		if !strings.Contains(text, c) {
			out = append(out, c)
		}
	}
	return strings.Join(out, " ")
}

// sources are the bank's sources cited by what the budget shows.
func (e *engine) sources(b Budget) []Source {
	var cited []string
	cite := func(text string) {
		for _, m := range citeRE.FindAllStringSubmatch(text, -1) {
			if !slices.Contains(cited, m[1]) {
				cited = append(cited, m[1])
			}
		}
	}
	for _, a := range e.model.Approaches {
		if a.Value == b.Approach.Value || len(b.ByApproach) > 0 {
			cite(a.Source)
		}
	}
	for _, p := range e.model.Phases {
		cite(p.Source)
	}
	for _, d := range e.model.Drivers {
		if slices.ContainsFunc(b.Packages, func(p Package) bool {
			return slices.ContainsFunc(p.Factors, func(f Factor) bool { return f.Driver == e.names.Fill(d.Title, nil) })
		}) {
			cite(d.Source)
		}
	}
	for _, r := range b.Running {
		cite(r.Basis)
		cite(r.Source)
		cite(r.Quoted)
	}
	for _, list := range [][]string{b.Assumptions, b.Duties, b.Exclusions} {
		for _, t := range list {
			cite(t)
		}
	}
	out := []Source{}
	for _, s := range e.model.Sources {
		if slices.Contains(cited, s.ID) && e.about(s.About) {
			out = append(out, Source{ID: s.ID, Title: s.Title, URL: s.URL})
		}
	}
	return out
}
