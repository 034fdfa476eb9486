package checklist

import (
	"fmt"
	"slices"
	"time"

	"gopkg.in/yaml.v3"
)

// The budget model is data, like the questions: the work packages and their
// hours, and the bank's `estimate:` block with the build approaches, the
// drivers, the phases, the running costs and the client's duties. Package
// internal/estimate does the arithmetic; every figure it uses comes from here.

// Phases every budget model has. A work package belongs to one of them
// (build when it names none); the other phases are sized from the build.
const (
	PhaseBuild = "build"
)

// Fits of a work item: how a build approach scales it.
const (
	FitStandard = "standard" // a flow a connector app or a platform template covers by configuration
	FitCustom   = "custom"   // work no connector does: priced in full whatever the approach
	FitFixed    = "fixed"    // meetings, workshops, sign-offs: the same whoever builds it
)

var fits = []string{FitStandard, FitCustom, FitFixed}

// Owners of a running cost.
const (
	OwnerClient     = "client"     // the client's own licence or account
	OwnerIntegrator = "integrator" // billed by the integrator under a support agreement
)

var owners = []string{OwnerClient, OwnerIntegrator}

// WorkPackage is one flow (product catalogue, orders in, returns…) or one
// piece of project work (migration, load testing), made of items whose
// conditions follow the answers.
type WorkPackage struct {
	ID    string     `yaml:"id"`
	Title string     `yaml:"title"`
	Phase string     `yaml:"phase,omitempty"` // PhaseBuild when empty
	Items []WorkItem `yaml:"items"`
	Line  int        `yaml:"-"`
}

// WorkItem is work a package needs when its condition holds.
type WorkItem struct {
	Title string     `yaml:"title"`
	When  *Condition `yaml:"when,omitempty"`
	Hours ThreePoint `yaml:"hours"`
	Fit   string     `yaml:"fit"`
	Line  int        `yaml:"-"`
}

// ThreePoint is an estimate in hours: optimistic, most likely, pessimistic.
// A bank writes it as [O, M, P].
type ThreePoint struct {
	Optimistic  int
	Likely      int
	Pessimistic int
}

// EstimateModel is the bank's `estimate:` block.
type EstimateModel struct {
	// ApproachQuestion is the question whose answer is the build approach.
	ApproachQuestion string `yaml:"approach_question"`
	// Calibration says at which rate and against which bands the hours were set.
	Calibration string     `yaml:"calibration"`
	Approaches  []Approach `yaml:"approaches"`
	Drivers     []Driver   `yaml:"drivers,omitempty"`
	Phases      []Phase    `yaml:"phases"`
	// MinFactor is the least the drivers together may shrink a package to
	// (0.5 when unset).
	MinFactor float64 `yaml:"min_factor,omitempty"`
	// MaxFactor is the most the drivers together may grow a package to (no
	// limit when unset): correlated facts must not compound without end.
	MaxFactor float64 `yaml:"max_factor,omitempty"`
	// DriverGroups are drivers that describe one fact from several sides
	// (web stores, currencies and companies): within a group the largest
	// counts in full and each other member adds only a share of its own.
	DriverGroups []DriverGroup `yaml:"driver_groups,omitempty"`
	// Spread is how many standard deviations of the open decisions the
	// planning range takes either side of their buffer.
	Spread float64 `yaml:"spread"`
	// Growth is how much more work the top of the planning range allows for,
	// as a fraction of the expected figure: the requirements are not yet a
	// design, and more surfaces during the build.
	Growth      float64       `yaml:"growth"`
	GrowthNote  string        `yaml:"growth_note,omitempty"`
	Sizes       []Size        `yaml:"sizes,omitempty"`
	Running     []RunningCost `yaml:"running_costs,omitempty"`
	Duties      []Remark      `yaml:"duties,omitempty"`
	Assumptions []Remark      `yaml:"assumptions,omitempty"`
	Exclusions  []Remark      `yaml:"exclusions,omitempty"`
	Sources     []Source      `yaml:"sources,omitempty"`
	// NoWork lists answers that produce a requirement but no work of their
	// own, each with the reason: every other such answer is priced by a
	// work item or a driver (a test walks the built-in bank).
	NoWork []NoWork `yaml:"no_work,omitempty"`
	// MonthsQuestion is the number question giving the months of support
	// the total cost of ownership covers (DefaultMonths when unanswered);
	// DeadlineQuestion the question whose answer the summary quotes beside
	// the duration.
	MonthsQuestion   string `yaml:"months_question,omitempty"`
	DefaultMonths    int    `yaml:"default_months,omitempty"`
	DeadlineQuestion string `yaml:"deadline_question,omitempty"`
	// Schedule turns the phases' hours into calendar weeks (nil: no
	// durations are computed).
	Schedule *Schedule `yaml:"schedule,omitempty"`
	// PhaseOne is the first phase priced when the whole plan misses the
	// deadline: the work packages that replace what must be replaced by
	// the date (nil: none is priced).
	PhaseOne *PhaseOne `yaml:"phase_one,omitempty"`
	Line     int       `yaml:"-"`
}

// PhaseOne names a first phase by its work packages; Title says in words
// what it delivers ("orders in, stock and shipments back").
type PhaseOne struct {
	Title    string   `yaml:"title"`
	Packages []string `yaml:"packages"`
	Line     int      `yaml:"-"`
}

func (p *PhaseOne) UnmarshalYAML(node *yaml.Node) error {
	type plain PhaseOne
	p.Line = node.Line
	return node.Decode((*plain)(p))
}

// Schedule is how the phases' hours become calendar weeks: each approach
// gives a team by size class (Approach.Team, a least and a most number of
// people), the team is the least that gives nobody more than
// BuildHoursPerPerson of the build's planned hours, and each person gives
// the project HoursPerWeek. Phases may take a least number of weeks, run
// alongside another, or go on after go-live (Phase). LeadInWeeks is the time
// from the brief's date to the start; a deadline is tight when the go-live
// falls less than Margin (a share of the weeks to go-live) before it; MaxTeam
// is the most people a deadline may call for before the plan is split.
// Closed lists the days of each year nobody works on the project (the
// year-end holidays), as month-day ranges ("12-24" to "01-01"): a start
// that falls in one moves past it, and the weeks to go-live and those left
// before a deadline count only the days outside them.
type Schedule struct {
	HoursPerWeek        float64      `yaml:"hours_per_week"`
	BuildHoursPerPerson float64      `yaml:"build_hours_per_person"`
	LeadInWeeks         float64      `yaml:"lead_in_weeks"`
	Margin              float64      `yaml:"margin"`
	MaxTeam             float64      `yaml:"max_team"`
	Closed              []ClosedDays `yaml:"closed,omitempty"`
	Source              string       `yaml:"source,omitempty"`
	Line                int          `yaml:"-"`
}

// ClosedDays is a range of days closed every year, From to To inclusive,
// each "MM-DD"; a range may run over the new year ("12-24" to "01-01").
type ClosedDays struct {
	From string `yaml:"from"`
	To   string `yaml:"to"`
}

// closedLayout is how a closed day is written: month and day.
const closedLayout = "01-02"

// Span is the range as month*100+day numbers (1224 to 101), for a
// calendar that checks many days.
func (c ClosedDays) Span() (from, to int) {
	num := func(d string) int {
		t, _ := time.Parse(closedLayout, d)
		return int(t.Month())*100 + t.Day()
	}
	return num(c.From), num(c.To)
}

// valid reports whether both ends are real days of a year ("02-29" is).
func (c ClosedDays) valid() bool {
	for _, d := range []string{c.From, c.To} {
		if _, err := time.Parse("2006-"+closedLayout, "2024-"+d); err != nil || len(d) != 5 {
			return false
		}
	}
	return true
}

// AlongsideAll marks a phase that runs through all the others (project
// management): it adds no weeks, and its hours are not the team's.
const AlongsideAll = "all"

// NoWork marks answers that cost nothing, and says why: those of one
// question, or (with System) of every system-of-record question.
type NoWork struct {
	Question string   `yaml:"question,omitempty"`
	System   bool     `yaml:"system,omitempty"`
	Values   []string `yaml:"values"`
	Reason   string   `yaml:"reason"`
	Line     int      `yaml:"-"`
}

// Free reports whether the bank marks answer value of q as costing nothing.
func (m *EstimateModel) Free(q *Question, value string) bool {
	for _, n := range m.NoWork {
		if (n.Question == q.ID || n.System && q.Kind == KindSystem) && (slices.Contains(n.Values, value) || len(n.Values) == 0 && !q.HasOptions()) {
			return true
		}
	}
	return false
}

// approachValues are the values of the approaches, in the bank's order.
func (m *EstimateModel) approachValues() []string {
	out := make([]string, len(m.Approaches))
	for i, a := range m.Approaches {
		out[i] = a.Value
	}
	return out
}

// Approach is one way of building the integration, and how it scales work.
type Approach struct {
	Value    string  `yaml:"value"` // an option of the approach question
	Label    string  `yaml:"label"`
	Standard float64 `yaml:"standard"` // factor on standard work
	Custom   float64 `yaml:"custom"`   // factor on custom work
	// Overhead scales the phases that are shares of the build (discovery,
	// test, cut-over): a connector's settings need less mapping and testing
	// than code does. 0 means 1.
	Overhead float64 `yaml:"overhead,omitempty"`
	// Gap is an allowance, as a share of the standard work priced as custom
	// work, for what a ready-made connector turns out not to cover.
	Gap      float64 `yaml:"gap,omitempty"`
	GapTitle string  `yaml:"gap_title,omitempty"`
	// Weeks is how long a project on this approach takes, by size class, as
	// published: the brief sets the computed schedule beside it.
	Weeks SizedRanges `yaml:"weeks,omitempty"`
	// Team is the least and the most people who work on a project on this
	// approach, by size class (see Schedule).
	Team   SizedRanges `yaml:"team,omitempty"`
	Source string      `yaml:"source,omitempty"`
	Line   int         `yaml:"-"`
}

// Driver is a fact about the business (orders a day, SKUs, locations…) that
// multiplies the hours of the packages it names. Exactly one of Values
// (choice answers), Steps (a number from a threshold up), PerExtra (each
// unit beyond the first, of a number or of a multi-select's choices) or When
// (with Factor) is set.
type Driver struct {
	ID       string   `yaml:"id"`
	Title    string   `yaml:"title"`
	Question string   `yaml:"question"`
	Packages []string `yaml:"packages"`
	// Fits limits the driver to work of these fits (all when empty): a
	// connector built into a system shortens its configuration more than the
	// custom work beside it. The gap allowance counts as custom work.
	Fits []string `yaml:"fits,omitempty"`
	// Approaches limits the driver to these build approaches (all when empty).
	Approaches []string     `yaml:"approaches,omitempty"`
	Values     ValueFactors `yaml:"values,omitempty"`
	Steps      StepFactors  `yaml:"steps,omitempty"`
	PerExtra   float64      `yaml:"per_extra,omitempty"`
	Max        float64      `yaml:"max,omitempty"` // the highest factor PerExtra may reach (required with it)
	// When and Factor are the fourth form: Factor applies while the condition
	// holds (a text answer that names a kind of product, say).
	When   *Condition `yaml:"when,omitempty"`
	Factor float64    `yaml:"factor,omitempty"`
	// Group names the driver group it belongs to (see DriverGroup).
	Group  string `yaml:"group,omitempty"`
	Source string `yaml:"source,omitempty"`
	Line   int    `yaml:"-"`
}

// DriverGroup is a set of drivers (those naming it in `group`) that overlap:
// the largest member's share counts in full, each other member's times
// Others.
type DriverGroup struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	// Others is the share of its own extra work each member but the largest
	// adds (0.25: a quarter).
	Others float64 `yaml:"others"`
	Line   int     `yaml:"-"`
}

// DriverGroup returns the group with the given ID, or nil.
func (m *EstimateModel) DriverGroup(id string) *DriverGroup {
	for i := range m.DriverGroups {
		if m.DriverGroups[i].ID == id {
			return &m.DriverGroups[i]
		}
	}
	return nil
}

// ValueFactor is the factor an answer value gives.
type ValueFactor struct {
	Value  string
	Factor float64
}

// ValueFactors are written as a mapping, {under-50: 0.85, 50-500: 1}, and
// kept in the bank's order.
type ValueFactors []ValueFactor

// StepFactor is the factor from a number upwards.
type StepFactor struct {
	From   float64
	Factor float64
}

// StepFactors are written as [[from, factor], ...], lowest first.
type StepFactors []StepFactor

// Phase is a part of the project. The build phase is its packages; the others
// are a share of the build (or, with `of: rest`, of all other phases) plus
// their own packages.
type Phase struct {
	ID    string  `yaml:"id"`
	Title string  `yaml:"title"`
	Share float64 `yaml:"share,omitempty"`
	Of    string  `yaml:"of,omitempty"` // "build" (default) or "rest"
	// MinWeeks is the least calendar time the phase takes, by size class,
	// whatever its hours (a mapping the client must review and sign off).
	MinWeeks SizedValues `yaml:"min_weeks,omitempty"`
	// Alongside names the phase whose weeks this one's hours are worked in
	// (data migration beside the build), or AlongsideAll.
	Alongside string `yaml:"alongside,omitempty"`
	// AfterGoLive is the calendar weeks the phase goes on after go-live
	// (hypercare), by size class.
	AfterGoLive SizedValues `yaml:"after_go_live,omitempty"`
	Source      string      `yaml:"source,omitempty"`
	Line        int         `yaml:"-"`
}

// Size classes the business for running costs that depend on it; the first
// whose condition holds applies, and one without a condition is the default.
type Size struct {
	ID    string     `yaml:"id"`
	Title string     `yaml:"title"`
	When  *Condition `yaml:"when,omitempty"`
	Line  int        `yaml:"-"`
}

// RunningCost is a yearly cost apart from the build. Exactly one of Money (a
// range per size, in Currency), Hours (a range of hours a year, at the
// hourly rate), BuildShare (a share of the build's cost) or Quoted (no
// figure: the vendor quotes it) is set.
type RunningCost struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	Owner string `yaml:"owner"`
	// OwnerIf gives another owner when its condition holds (the first that
	// holds): support by the client's own IT, say.
	OwnerIf    []OwnerIf   `yaml:"owner_if,omitempty"`
	Approaches []string    `yaml:"approaches,omitempty"` // where it applies; all when empty
	When       *Condition  `yaml:"when,omitempty"`
	Money      SizedRanges `yaml:"money,omitempty"`
	Currency   string      `yaml:"currency,omitempty"`
	Hours      *Range      `yaml:"hours,omitempty"`
	BuildShare *Range      `yaml:"build_share,omitempty"`
	// Quoted is the fourth form: no published figure, and what the cost
	// column says instead ("Oracle quotes it"); it adds nothing to the totals.
	Quoted string `yaml:"quoted,omitempty"`
	Note   string `yaml:"note,omitempty"`
	Source string `yaml:"source,omitempty"`
	Line   int    `yaml:"-"`
}

// OwnerIf is a running cost's owner when a condition holds.
type OwnerIf struct {
	When  *Condition `yaml:"when"`
	Owner string     `yaml:"owner"`
}

// Range is a low and a high figure, written [low, high].
type Range struct {
	Low  float64
	High float64
}

// SizedRange is a range for one size class.
type SizedRange struct {
	Size string
	Range
}

// SizedRanges are written as a mapping, {small: [0, 1000], mid: [...]}.
type SizedRanges []SizedRange

// SizedValue is a number for one size class.
type SizedValue struct {
	Size  string
	Value float64
}

// SizedValues are written as a mapping, {small: 0.5, mid: 2, large: 3}.
type SizedValues []SizedValue

// For is the value for a size class, and whether the bank gives one.
func (vs SizedValues) For(size string) (float64, bool) {
	for _, v := range vs {
		if v.Size == size {
			return v.Value, true
		}
	}
	return 0, false
}

// For is the range for a size class, and whether the bank gives one.
func (rs SizedRanges) For(size string) (Range, bool) {
	for _, r := range rs {
		if r.Size == size {
			return r.Range, true
		}
	}
	return Range{}, false
}

// Remark is a duty, assumption or exclusion, shown when its condition holds
// and, if it names approaches, only for those.
type Remark struct {
	Text       string     `yaml:"text"`
	When       *Condition `yaml:"when,omitempty"`
	Approaches []string   `yaml:"approaches,omitempty"`
	Line       int        `yaml:"-"`
}

// Source is a published figure's origin, cited by its ID ([1]) in `source:`.
type Source struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	URL   string `yaml:"url"`
	// About names the systems a platform-specific source is about: it is
	// listed only when each is one of the project's systems.
	About []string `yaml:"about,omitempty"`
}

// Approach returns the approach with the given value, or nil.
func (m *EstimateModel) Approach(value string) *Approach {
	for i := range m.Approaches {
		if m.Approaches[i].Value == value {
			return &m.Approaches[i]
		}
	}
	return nil
}

// phase returns the phase with the given ID, or nil.
func (m *EstimateModel) phase(id string) *Phase {
	for i := range m.Phases {
		if m.Phases[i].ID == id {
			return &m.Phases[i]
		}
	}
	return nil
}

// PhaseOf returns the package's phase, PhaseBuild when it names none.
func (p *WorkPackage) PhaseOf() string {
	if p.Phase == "" {
		return PhaseBuild
	}
	return p.Phase
}

// Expected is the PERT figure (O + 4M + P) / 6.
func (t ThreePoint) Expected() float64 {
	return float64(t.Optimistic+4*t.Likely+t.Pessimistic) / 6
}

func (p *WorkPackage) UnmarshalYAML(node *yaml.Node) error {
	type plain WorkPackage
	p.Line = node.Line
	return node.Decode((*plain)(p))
}

func (i *WorkItem) UnmarshalYAML(node *yaml.Node) error {
	type plain WorkItem
	i.Line = node.Line
	return node.Decode((*plain)(i))
}

func (m *EstimateModel) UnmarshalYAML(node *yaml.Node) error {
	type plain EstimateModel
	m.Line = node.Line
	return node.Decode((*plain)(m))
}

func (a *Approach) UnmarshalYAML(node *yaml.Node) error {
	type plain Approach
	a.Line = node.Line
	return node.Decode((*plain)(a))
}

func (d *Driver) UnmarshalYAML(node *yaml.Node) error {
	type plain Driver
	d.Line = node.Line
	return node.Decode((*plain)(d))
}

func (p *Phase) UnmarshalYAML(node *yaml.Node) error {
	type plain Phase
	p.Line = node.Line
	return node.Decode((*plain)(p))
}

func (s *Size) UnmarshalYAML(node *yaml.Node) error {
	type plain Size
	s.Line = node.Line
	return node.Decode((*plain)(s))
}

func (r *RunningCost) UnmarshalYAML(node *yaml.Node) error {
	type plain RunningCost
	r.Line = node.Line
	return node.Decode((*plain)(r))
}

func (n *NoWork) UnmarshalYAML(node *yaml.Node) error {
	type plain NoWork
	n.Line = node.Line
	return node.Decode((*plain)(n))
}

func (r *Remark) UnmarshalYAML(node *yaml.Node) error {
	if node.Kind == yaml.ScalarNode {
		r.Line = node.Line
		return node.Decode(&r.Text)
	}
	type plain Remark
	r.Line = node.Line
	return node.Decode((*plain)(r))
}

func (t *ThreePoint) UnmarshalYAML(node *yaml.Node) error {
	var v []int
	if node.Kind != yaml.SequenceNode || node.Decode(&v) != nil || len(v) != 3 {
		return typeError(node, "hours must be three whole numbers: [optimistic, most likely, pessimistic]")
	}
	t.Optimistic, t.Likely, t.Pessimistic = v[0], v[1], v[2]
	return nil
}

func (r *Range) UnmarshalYAML(node *yaml.Node) error {
	var v []float64
	if node.Kind != yaml.SequenceNode || node.Decode(&v) != nil || len(v) != 2 {
		return typeError(node, "a range must be two numbers: [low, high]")
	}
	r.Low, r.High = v[0], v[1]
	return nil
}

func (vs *ValueFactors) UnmarshalYAML(node *yaml.Node) error {
	return pairs(node, "values must map answer values to factors: {under-50: 0.85, 50-500: 1}", func(key string, value *yaml.Node) error {
		var f float64
		if err := value.Decode(&f); err != nil {
			return typeError(value, fmt.Sprintf("the factor for %q must be a number", key))
		}
		*vs = append(*vs, ValueFactor{Value: key, Factor: f})
		return nil
	})
}

func (ss *StepFactors) UnmarshalYAML(node *yaml.Node) error {
	var v [][]float64
	if node.Kind != yaml.SequenceNode || node.Decode(&v) != nil {
		return typeError(node, "steps must be [[from, factor], ...]")
	}
	for _, pair := range v {
		if len(pair) != 2 {
			return typeError(node, "each step must be [from, factor]")
		}
		*ss = append(*ss, StepFactor{From: pair[0], Factor: pair[1]})
	}
	return nil
}

func (rs *SizedRanges) UnmarshalYAML(node *yaml.Node) error {
	return pairs(node, "money must map sizes to [low, high] a year: {small: [0, 1000], mid: [6000, 24000]}", func(key string, value *yaml.Node) error {
		var r Range
		if err := value.Decode(&r); err != nil {
			return err
		}
		*rs = append(*rs, SizedRange{Size: key, Range: r})
		return nil
	})
}

func (vs *SizedValues) UnmarshalYAML(node *yaml.Node) error {
	return pairs(node, "weeks must map sizes to a number: {small: 0.5, mid: 2, large: 3}", func(key string, value *yaml.Node) error {
		var f float64
		if err := value.Decode(&f); err != nil {
			return typeError(value, fmt.Sprintf("the weeks for %q must be a number", key))
		}
		*vs = append(*vs, SizedValue{Size: key, Value: f})
		return nil
	})
}

func (s *Schedule) UnmarshalYAML(node *yaml.Node) error {
	type plain Schedule
	s.Line = node.Line
	return node.Decode((*plain)(s))
}

// pairs calls each for every key and value of a mapping, in the bank's
// order; anything but a mapping is the error usage describes.
func pairs(node *yaml.Node, usage string, each func(key string, value *yaml.Node) error) error {
	if node.Kind != yaml.MappingNode {
		return typeError(node, usage)
	}
	for i := 0; i+1 < len(node.Content); i += 2 {
		if err := each(node.Content[i].Value, node.Content[i+1]); err != nil {
			return err
		}
	}
	return nil
}

// The bank prints as it is written (integ questions --format yaml), so that
// what it prints loads again.

func (t ThreePoint) MarshalYAML() (any, error) {
	return flow(t.Optimistic, t.Likely, t.Pessimistic), nil
}

func (r Range) MarshalYAML() (any, error) { return flow(r.Low, r.High), nil }

func (vs ValueFactors) MarshalYAML() (any, error) {
	m := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	for _, v := range vs {
		m.Content = append(m.Content, scalar(v.Value), scalar(v.Factor))
	}
	return m, nil
}

func (ss StepFactors) MarshalYAML() (any, error) {
	s := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, st := range ss {
		s.Content = append(s.Content, flow(st.From, st.Factor))
	}
	return s, nil
}

func (rs SizedRanges) MarshalYAML() (any, error) {
	m := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	for _, r := range rs {
		m.Content = append(m.Content, scalar(r.Size), flow(r.Low, r.High))
	}
	return m, nil
}

func (vs SizedValues) MarshalYAML() (any, error) {
	m := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	for _, v := range vs {
		m.Content = append(m.Content, scalar(v.Size), scalar(v.Value))
	}
	return m, nil
}

// flow is a one-line YAML list of numbers.
func flow[T int | float64](vs ...T) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, v := range vs {
		n.Content = append(n.Content, scalar(v))
	}
	return n
}

func scalar(v any) *yaml.Node {
	var n yaml.Node
	_ = n.Encode(v) // a string or a number always encodes
	return &n
}

func typeError(node *yaml.Node, msg string) error {
	return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %s", node.Line, msg)}}
}

// EffortMoved says where the hours of a bank written for integ's first budget
// (`effort: [low, high]` on work packages and on options) went: a bank that
// still has them gets this error, at the line of each.
const EffortMoved = "hours are now items of the work packages, each [optimistic, most likely, pessimistic] with the condition that prices it (work_packages: - id, title, items: - {title, when, hours, fit}); see checklist/README.md, The budget"

// estimateSchema is the keys the work packages and the `estimate:` block may have.
func estimateSchema(condition *keySchema) (packages, model *keySchema) {
	remark := &keySchema{what: "a duty, assumption or exclusion", keys: map[string]*keySchema{"text": nil, "when": condition, "approaches": nil}}
	packages = &keySchema{what: "a work package", keys: map[string]*keySchema{
		"id": nil, "title": nil, "phase": nil,
		"items": {what: "a work item", keys: map[string]*keySchema{"title": nil, "when": condition, "hours": nil, "fit": nil}},
	}, moved: map[string]string{"effort": EffortMoved}}
	model = &keySchema{what: "the estimate", keys: map[string]*keySchema{
		"approach_question": nil, "calibration": nil, "min_factor": nil, "max_factor": nil, "spread": nil, "growth": nil,
		"driver_groups":   {what: "a driver group", keys: map[string]*keySchema{"id": nil, "title": nil, "others": nil}},
		"months_question": nil, "default_months": nil, "deadline_question": nil, "growth_note": nil,
		"approaches": {what: "an approach", keys: map[string]*keySchema{"value": nil, "label": nil, "standard": nil, "custom": nil, "overhead": nil, "gap": nil, "gap_title": nil, "weeks": nil, "team": nil, "source": nil}},
		"drivers": {what: "a driver", keys: map[string]*keySchema{"id": nil, "title": nil, "question": nil, "packages": nil, "approaches": nil, "fits": nil, "when": condition, "factor": nil,
			"values": nil, "steps": nil, "per_extra": nil, "max": nil, "group": nil, "source": nil}},
		"phases": {what: "a phase", keys: map[string]*keySchema{"id": nil, "title": nil, "share": nil, "of": nil, "min_weeks": nil, "alongside": nil, "after_go_live": nil, "source": nil}},
		"schedule": {what: "the schedule", keys: map[string]*keySchema{"hours_per_week": nil, "build_hours_per_person": nil, "lead_in_weeks": nil, "margin": nil, "max_team": nil, "source": nil,
			"closed": {what: "closed days", keys: map[string]*keySchema{"from": nil, "to": nil}}}},
		"phase_one": {what: "the first phase", keys: map[string]*keySchema{"title": nil, "packages": nil}},
		"sizes":     {what: "a size", keys: map[string]*keySchema{"id": nil, "title": nil, "when": condition}},
		"running_costs": {what: "a running cost", keys: map[string]*keySchema{"id": nil, "title": nil, "owner": nil,
			"owner_if": {what: "an owner_if", keys: map[string]*keySchema{"when": condition, "owner": nil}}, "approaches": nil,
			"when": condition, "money": nil, "currency": nil, "hours": nil, "build_share": nil, "quoted": nil, "note": nil, "source": nil}},
		"duties": remark, "assumptions": remark, "exclusions": remark,
		"sources": {what: "a source", keys: map[string]*keySchema{"id": nil, "title": nil, "url": nil, "about": nil}},
		"no_work": {what: "a no_work entry", keys: map[string]*keySchema{"question": nil, "system": nil, "values": nil, "reason": nil}},
	}}
	return packages, model
}

func (g *DriverGroup) UnmarshalYAML(node *yaml.Node) error {
	type plain DriverGroup
	g.Line = node.Line
	return node.Decode((*plain)(g))
}
