// Package estimate is the budget: work packages by flow, scaled by the build
// approach and by the business's drivers, grouped into phases, combined by
// PERT, with contingency, a buffer for each open decision, a planning range
// and the running costs a year. The policy (every hour, factor, share and
// band) is data in the question bank; this package does the arithmetic.
//
// Hours are whole numbers and money is counted in cents, so that packages add
// up to phases, phases to the expected figure, and hours times the rate to the
// money, in the Markdown and the JSON alike.
package estimate

import (
	"math"
	"strconv"
	"strings"
)

// Budget is the whole estimate, as the brief, integ plan and integ diff show it.
type Budget struct {
	Currency           string  `json:"currency"`
	HourlyRate         float64 `json:"hourly_rate"`
	ContingencyPercent float64 `json:"contingency_percent"`
	// GrowthPercent is how much more work than expected the top of the
	// planning range allows for (the bank's growth).
	GrowthPercent float64  `json:"growth_percent"`
	Approach      Approach `json:"approach"`
	// Size is the business's size class, which picks subscription prices.
	Size     string    `json:"size"`
	Packages []Package `json:"packages"`
	Phases   []Phase   `json:"phases"`
	// Expected is the PERT figure of the decided work, all phases;
	// Contingency is applied once, to it; RiskBuffer prices the open
	// decisions; Planned is the three together: the figure to plan with.
	Expected    Money      `json:"expected"`
	Contingency Money      `json:"contingency"`
	RiskBuffer  RiskBuffer `json:"risk_buffer"`
	Planned     Money      `json:"planned"`
	// Total is the planning range: from Expected with each open decision at
	// its cheapest (no contingency used), to Expected with each at its
	// dearest grown by the bank's growth share.
	Total    Amount   `json:"total"`
	Accuracy Accuracy `json:"accuracy"`
	// Method says in two sentences how the figures were made.
	Method  []string      `json:"method"`
	Running []RunningCost `json:"running_costs"`
	// RunningTotals sum the running costs a year, per currency.
	RunningTotals []CostRange `json:"running_costs_per_year"`
	// Weeks is how long a project on this approach takes, for this size of
	// business, as published (nil when the bank gives no durations);
	// Schedule is this project's own, from its hours (nil without the
	// bank's schedule).
	Weeks    *WeekRange `json:"weeks,omitempty"`
	Schedule *Schedule  `json:"schedule,omitempty"`
	// Deadline sets the schedule against the deadline answered (nil when
	// there is none, or no schedule).
	Deadline *Deadline `json:"deadline,omitempty"`
	// PhaseOne prices a first phase when the plan misses the deadline.
	PhaseOne *PhaseOne `json:"phase_one,omitempty"`
	// maxTeam is the most people a deadline may call for (the bank's).
	maxTeam float64
	// Ownership is the planned build and the running costs over the support
	// period.
	Ownership Ownership `json:"ownership"`
	// Summary is the budget in a few plain lines, for a reader who reads
	// nothing else: each approach, the open decisions that move the price
	// most, the deadline beside the duration, and what the client pays others.
	Summary []string `json:"summary"`
	// SummaryTable sets the approaches side by side above the summary's
	// lines, while the approach is open; ApproachSwing is what that choice
	// moves the planned figure by, the first of the open decisions that move
	// the price most.
	SummaryTable  []SummaryRow   `json:"summary_table,omitempty"`
	ApproachSwing *ApproachSwing `json:"approach_swing,omitempty"`
	// ByApproach compares the approaches when none is chosen yet.
	ByApproach  []ApproachFigures `json:"by_approach,omitempty"`
	Duties      []string          `json:"client_duties"`
	Assumptions []string          `json:"assumptions"`
	Exclusions  []string          `json:"exclusions"`
	Sources     []Source          `json:"sources"`
}

// Approach is the build approach the figures are for.
type Approach struct {
	Value   string `json:"value"`
	Label   string `json:"label"`
	Decided bool   `json:"decided"`
}

// Money is a number of hours and what they cost at the hourly rate.
type Money struct {
	Hours int     `json:"hours"`
	Cost  float64 `json:"cost"`
}

// Amount is a range of hours and what it costs at the hourly rate.
type Amount struct {
	LowHours  int     `json:"low_hours"`
	HighHours int     `json:"high_hours"`
	LowCost   float64 `json:"low_cost"`
	HighCost  float64 `json:"high_cost"`
}

// ThreePoint is a package's or a phase's optimistic, most likely and
// pessimistic hours and their PERT expectation.
type ThreePoint struct {
	OptimisticHours  int `json:"optimistic_hours"`
	LikelyHours      int `json:"likely_hours"`
	PessimisticHours int `json:"pessimistic_hours"`
	ExpectedHours    int `json:"expected_hours"`
}

// Package is one work package by flow, with the work it includes and the
// drivers that scaled it.
type Package struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Phase string `json:"phase"`
	ThreePoint
	ExpectedCost float64  `json:"expected_cost"`
	Items        []Item   `json:"items"`
	Factors      []Factor `json:"factors"`
}

// FitGap marks the allowance an approach carries for what its standard work
// may not cover.
const FitGap = "gap"

// Item is one piece of work in a package, as the bank gives it (before the
// approach and the drivers scale it).
type Item struct {
	Title string `json:"title"`
	Fit   string `json:"fit"`
	// Scale is what the approach multiplies this item by.
	Scale            float64 `json:"approach_factor"`
	OptimisticHours  int     `json:"optimistic_hours"`
	LikelyHours      int     `json:"likely_hours"`
	PessimisticHours int     `json:"pessimistic_hours"`
}

// Factor is a driver's multiplier on a package, and the answer behind it.
type Factor struct {
	Driver string  `json:"driver"`
	Answer string  `json:"answer"`
	Factor float64 `json:"factor"`
	// Percent is what the driver adds to the package, in whole percent
	// (drivers add up: see the bank's README).
	Percent int `json:"percent"`
}

// Phase is a part of the project and how it was sized.
type Phase struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Basis string `json:"basis"`
	ThreePoint
	ExpectedCost float64 `json:"expected_cost"`
	// SharePercent is the phase's share of the expected figure.
	SharePercent int `json:"share_percent"`
	// Weeks is the calendar weeks the phase takes of its own (0 when it
	// runs alongside another), hypercare after go-live included; Calendar
	// says so in words ("3 (the least)", "with the build").
	Weeks    float64 `json:"weeks"`
	Calendar string  `json:"calendar,omitempty"`
}

// RiskBuffer is the allowance for decisions still open, with one item each:
// the sum of their PERT figures, and the sums of their cheapest and dearest.
type RiskBuffer struct {
	Amount
	ExpectedHours int     `json:"expected_hours"`
	ExpectedCost  float64 `json:"expected_cost"`
	// SpreadHours is the bank's spread times the decisions' standard
	// deviations added up: the planning range takes the buffer give or take
	// this much, within LowHours and HighHours.
	SpreadHours int        `json:"spread_hours"`
	Items       []RiskItem `json:"items"`
}

// RiskItem is what one open decision may add to (or take from) the expected
// figure, from its cheapest to its dearest answer, including the follow-up
// questions that answer would open.
type RiskItem struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	QuestionID string `json:"question_id"`
	// LowHours, LikelyHours and HighHours are what its cheapest, middle and
	// dearest answer add; ExpectedHours is their PERT figure.
	LowHours      int      `json:"low_hours"`
	LikelyHours   int      `json:"likely_hours"`
	HighHours     int      `json:"high_hours"`
	ExpectedHours int      `json:"expected_hours"`
	FollowUps     []string `json:"follow_ups,omitempty"`
}

// Accuracy is the planning range relative to the planned figure, in percent.
type Accuracy struct {
	LowPercent     int `json:"low_percent"`
	HighPercent    int `json:"high_percent"`
	DecidedPercent int `json:"decided_percent"`
}

// RunningCost is a yearly cost apart from the build.
type RunningCost struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Owner string `json:"owner"` // client or integrator
	// PaidAs says whose it is in words ("the client's own licence").
	PaidAs string `json:"paid_as"`
	CostRange
	// Quoted says what stands instead of a figure where none is published
	// ("Oracle quotes it"); the cost then adds nothing to the totals.
	Quoted string `json:"quoted,omitempty"`
	Basis  string `json:"basis"`
	Source string `json:"source,omitempty"`
}

// CostRange is money a year in one currency.
type CostRange struct {
	Currency string  `json:"currency"`
	Low      float64 `json:"low"`
	High     float64 `json:"high"`
}

// ApproachFigures are one approach's figures, side by side with the others.
type ApproachFigures struct {
	Value         string      `json:"value"`
	Label         string      `json:"label"`
	Expected      Money       `json:"expected"`
	Planned       Money       `json:"planned"`
	Total         Amount      `json:"total"`
	RunningTotals []CostRange `json:"running_costs_per_year"`
	Weeks         *WeekRange  `json:"weeks,omitempty"`
	Schedule      *Schedule   `json:"schedule,omitempty"`
	Ownership     Ownership   `json:"ownership"`
}

// WeekRange is a duration in weeks, from the bank's published figures.
type WeekRange struct {
	Low    float64 `json:"low"`
	High   float64 `json:"high"`
	Source string  `json:"source,omitempty"`
}

// Ownership is what the integration costs over the support period: the
// planned build plus the running costs a year times Months ÷ 12, in the
// brief's currency; running costs published in another currency are added
// apart (Others), never converted.
type Ownership struct {
	Months int `json:"months"`
	CostRange
	Others []CostRange `json:"others,omitempty"`
}

// Source is a published figure's origin.
type Source struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

// QuotedRunning reports whether a running cost has no figure, the vendor
// quoting it, so that the totals a year leave it out.
func (b Budget) QuotedRunning() bool {
	for _, r := range b.Running {
		if r.Quoted != "" {
			return true
		}
	}
	return false
}

// RiskOf is the risk buffer an open question carries, or nil.
func (b Budget) RiskOf(questionID string) *RiskItem {
	for i := range b.RiskBuffer.Items {
		if b.RiskBuffer.Items[i].QuestionID == questionID {
			return &b.RiskBuffer.Items[i]
		}
	}
	return nil
}

// Package returns the package with the given ID, or nil.
func (b Budget) Package(id string) *Package {
	for i := range b.Packages {
		if b.Packages[i].ID == id {
			return &b.Packages[i]
		}
	}
	return nil
}

// pricer turns hours into money at an hourly rate, in whole cents.
type pricer struct{ rateCents int64 }

func newPricer(rate float64) pricer { return pricer{int64(math.Round(rate * 100))} }

func (p pricer) cost(hours int) float64 { return float64(int64(hours)*p.rateCents) / 100 }

func (p pricer) money(hours int) Money { return Money{Hours: hours, Cost: p.cost(hours)} }

func (p pricer) amount(low, high int) Amount {
	return Amount{LowHours: low, HighHours: high, LowCost: p.cost(low), HighCost: p.cost(high)}
}

// FormatMoney prints 12345.5 as 12,345.50.
func FormatMoney(v float64) string {
	whole, cents, _ := strings.Cut(strconv.FormatFloat(v, 'f', 2, 64), ".")
	return groupThousands(whole) + "." + cents
}

// FormatWhole prints money without cents, 12345.5 as 12,346: for yearly
// ranges, where cents claim a precision nobody has.
func FormatWhole(v float64) string {
	return groupThousands(strconv.FormatFloat(math.Round(v), 'f', 0, 64))
}

// FormatThousands prints money for a summary, where cents and single units
// claim a precision nobody has: 134,750 as 135K, 8,925 as 8.9K, 850 as 850.
func FormatThousands(v float64) string {
	switch a := math.Abs(v); {
	case a >= 9_999.5:
		return groupThousands(strconv.FormatFloat(math.Round(v/1000), 'f', 0, 64)) + "K"
	case a >= 999.5:
		return strings.TrimSuffix(strconv.FormatFloat(math.Round(v/100)/10, 'f', 1, 64), ".0") + "K"
	default:
		return FormatWhole(v)
	}
}

// FormatHours prints 1194 as 1,194, like the money beside it.
func FormatHours(h int) string { return groupThousands(strconv.Itoa(h)) }

// FormatNumber prints a setting as written: 20, 12.5, 95.55.
func FormatNumber(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'f', 2, 64)
}

// groupThousands puts commas into a whole number written in digits.
func groupThousands(whole string) string {
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
