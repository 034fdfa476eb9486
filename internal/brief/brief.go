// Package brief turns a question bank and a spec into the view model of the
// requirements-and-budget brief: the same data feeds the Markdown template and
// the JSON output, so the two can never disagree. It renders to an io.Writer
// and reads neither flags nor the terminal.
package brief

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/check"
	"github.com/integ-dev/integ/internal/estimate"
	"github.com/integ-dev/integ/internal/spec"
)

// Brief is the view model the template receives, and what --format json emits.
type Brief struct {
	Project       Project            `json:"project"`
	Completeness  Completeness       `json:"completeness"`
	Summary       Summary            `json:"summary"`
	Sections      []SectionProgress  `json:"sections"`
	Matrix        []MatrixRow        `json:"matrix"`
	Systems       []System           `json:"systems"`
	Flows         []Flow             `json:"flows"`
	Requirements  []RequirementGroup `json:"requirements"`
	OpenDecisions []OpenDecision     `json:"open_decisions"`
	Findings      []check.Finding    `json:"findings"`
	Scenarios     []ScenarioGroup    `json:"acceptance_scenarios"`
	Coverage      Coverage           `json:"scenario_coverage"`
	Budget        estimate.Budget    `json:"budget"`
	Assumptions   []string           `json:"assumptions"`
	Appendix      []AppendixSection  `json:"appendix"`
}

type Project struct {
	Name       string `json:"name"`
	Store      string `json:"store"`
	Inventory  string `json:"inventory"`
	PreparedBy string `json:"prepared_by"`
	Date       string `json:"date"`
	Checklist  string `json:"checklist"`
	// Channels are the sales channels chosen (their short names).
	Channels []string `json:"channels,omitempty"`
	// NotCrossing are the chosen channels whose orders never cross the
	// integration (phone orders kept in the inventory system): the brief
	// states no rule of theirs, though their stock counts.
	NotCrossing []string `json:"channels_not_crossing,omitempty"`
}

type Completeness struct {
	Asked     int `json:"asked"`
	Answered  int `json:"answered"`
	Undecided int `json:"undecided"`
	Open      int `json:"open"`
	Percent   int `json:"percent"`
}

type Summary struct {
	Requirements int `json:"requirements"`
	// ChannelRequirements and ChannelScenarios count those that hold for
	// some sales channels only (their text starts with them).
	ChannelRequirements int `json:"channel_requirements"`
	ChannelScenarios    int `json:"channel_scenarios"`
	Flows               int `json:"flows"`
	// Errors and Warnings count the findings of each severity: errors must
	// be settled before a quote.
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
	Risks    []Risk `json:"risks"`
}

// Risk is one of the biggest risks named in the executive summary.
type Risk struct {
	Title  string `json:"title"`
	Detail string `json:"detail"`
}

type SectionProgress struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Completeness
}

// MatrixRow is one data entity in the ownership matrix.
type MatrixRow struct {
	QuestionID string `json:"question_id"`
	// Channel is the sales channel the row is for, where the channels'
	// answers differ (its entity then names the channel).
	Channel   string `json:"channel,omitempty"`
	Entity    string `json:"entity"`
	Master    string `json:"master"`
	OtherRole string `json:"other_role"`
	Direction string `json:"direction"`
	Freshness string `json:"freshness"`
	Note      string `json:"note"`
}

// System is a box in the data-flow diagram.
type System struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Flow is one labelled arrow: data moving from one system to another.
type Flow struct {
	From      string   `json:"from"`
	To        string   `json:"to"`
	Data      []string `json:"data"`
	Freshness string   `json:"freshness"`
}

// Label is the arrow's text in the diagram.
func (f Flow) Label() string {
	label := f.DataLabel()
	if f.Freshness != "" {
		label += " (" + f.Freshness + ")"
	}
	return label
}

// DataLabel is the data the arrow carries, read as one list: the label
// without the freshness, which the SVG diagram sets on a line of its own.
func (f Flow) DataLabel() string {
	items := slices.Clone(f.Data)
	for i := 1; i < len(items); i++ {
		items[i] = checklist.LowerFirst(items[i])
	}
	return strings.Join(items, ", ")
}

type RequirementGroup struct {
	SectionID string `json:"section_id"`
	Title     string `json:"title"`
	// Note is what the client wrote at the end of the section for the integrator.
	Note         string        `json:"note,omitempty"`
	Requirements []Requirement `json:"requirements"`
}

// Requirement is one "shall" sentence. Its ID comes from the question's place
// in the bank, the option chosen and the sentence's place in the option's
// list, never from the other answers. Source cites a platform fact it states.
type Requirement struct {
	ID         string `json:"id"`
	QuestionID string `json:"question_id"`
	Text       string `json:"text"`
	Note       string `json:"note,omitempty"`
	Source     string `json:"source,omitempty"`
	// Channels are the sales channels a requirement holds for (as worded),
	// where answers differ by channel and it does not hold for every one:
	// its text starts with ChannelTitle, which names them. Channel is set
	// when its ID ends in .CHANNEL, to tell it from other channels' wording.
	Channel      string   `json:"channel,omitempty"`
	Channels     []string `json:"channels,omitempty"`
	ChannelTitle string   `json:"channel_title,omitempty"`
}

type ScenarioGroup struct {
	SectionID string     `json:"section_id"`
	Title     string     `json:"title"`
	Scenarios []Scenario `json:"scenarios"`
}

// Scenario is an acceptance test, numbered like requirements (AT-ORD-07).
// Checks lists the requirements it tests: those of its own answer and of the
// questions the bank says it checks, as far as they are in this brief.
type Scenario struct {
	ID         string   `json:"id"`
	QuestionID string   `json:"question_id"`
	Given      string   `json:"given"`
	When       string   `json:"when"`
	Then       string   `json:"then"`
	Checks     []string `json:"checks"`
	// Channels are the sales channels the scenario tests, where answers
	// differ by channel and it does not hold (as worded) for every one;
	// ChannelTitle names them. Channel is set when its ID ends in .CHANNEL.
	Channel      string   `json:"channel,omitempty"`
	Channels     []string `json:"channels,omitempty"`
	ChannelTitle string   `json:"channel_title,omitempty"`
}

// Coverage counts the requirements that at least one scenario checks, and
// names those that none does, so that an integrator sees what is untested.
type Coverage struct {
	Requirements int      `json:"requirements"`
	Covered      int      `json:"covered"`
	Percent      int      `json:"percent"`
	Uncovered    []string `json:"uncovered"`
}

type OpenDecision struct {
	QuestionID string   `json:"question_id"`
	Section    string   `json:"section"`
	Prompt     string   `json:"prompt"`
	Help       string   `json:"help"`
	Status     string   `json:"status"` // "undecided" or "open"
	Options    []string `json:"options"`
	Note       string   `json:"note,omitempty"`
	// Channels are the sales channels for which it is still open or
	// undecided, where others have decided it; ForChannels names them.
	Channels    []string `json:"channels,omitempty"`
	ForChannels string   `json:"for_channels,omitempty"`
	RiskLow     int      `json:"risk_low_hours"`
	RiskHigh    int      `json:"risk_high_hours"`
	// Risk says in words what the answer does to the estimate ("adds 0–19 h
	// depending on the answer"), empty when it moves nothing.
	Risk string `json:"risk,omitempty"`
	// priced is true for the build approach: no buffer, the build priced each way.
	priced bool
}

type AppendixSection struct {
	Title     string          `json:"title"`
	Note      string          `json:"note,omitempty"`
	Questions []AppendixEntry `json:"questions"`
}

type AppendixEntry struct {
	ID     string `json:"id"`
	Prompt string `json:"prompt"`
	Answer string `json:"answer"`
	Note   string `json:"note,omitempty"`
	// Channels is each sales channel's answer, where they differ (Answer
	// and Note then name each channel).
	Channels []ChannelAnswer `json:"channels,omitempty"`
}

// ChannelAnswer is one sales channel's answer in the appendix.
type ChannelAnswer struct {
	Channel string `json:"channel"`
	Title   string `json:"title"`
	Answer  string `json:"answer"`
	Note    string `json:"note,omitempty"`
}

// Build computes the brief. now dates a spec that was never saved.
func Build(bank *checklist.Bank, s *spec.Spec, now time.Time) *Brief {
	b := &builder{bank: bank, spec: s, names: s.Names(bank), views: s.ViewsOf(bank)}
	return b.build(now)
}

type builder struct {
	bank  *checklist.Bank
	spec  *spec.Spec
	names checklist.Names
	views []spec.View // the channels' views of the answers (one, when none differs)
}

func (b *builder) fill(text string, third string) string {
	return b.names.Fill(text, map[string]string{"third": third})
}

func (b *builder) build(now time.Time) *Brief {
	s, bank := b.spec, b.bank
	out := &Brief{}
	date := s.Updated
	if date.IsZero() {
		date = now
	}
	out.Project = Project{
		Name:       orDefault(s.Text(bank, checklist.QProjectName), "Untitled integration"),
		Store:      b.names.Store,
		Inventory:  b.names.Inventory,
		PreparedBy: orDefault(s.Text(bank, checklist.QProjectPreparedBy), "not stated"),
		Date:       date.UTC().Format("2006-01-02"),
		Checklist:  bank.ID,
	}
	var total spec.Counts
	for _, sec := range bank.Sections {
		c := spec.ProgressIn(b.views, sec)
		total = total.Add(c)
		out.Sections = append(out.Sections, SectionProgress{ID: sec.ID, Title: b.fill(sec.Title, ""), Completeness: completeness(c)})
	}
	out.Completeness = completeness(total)

	crossing := s.Crossing(bank)
	for _, ch := range s.ChannelsOf(bank) {
		out.Project.Channels = append(out.Project.Channels, bank.ChannelTitle(ch, b.names))
		if !slices.Contains(crossing, ch) {
			out.Project.NotCrossing = append(out.Project.NotCrossing, bank.ChannelTitle(ch, b.names))
		}
	}
	out.Requirements, out.Scenarios = b.requirementsAndScenarios()
	for _, g := range out.Requirements {
		out.Summary.Requirements += len(g.Requirements)
		for _, r := range g.Requirements {
			if len(r.Channels) > 0 {
				out.Summary.ChannelRequirements++
			}
		}
	}
	for _, g := range out.Scenarios {
		for _, sc := range g.Scenarios {
			if len(sc.Channels) > 0 {
				out.Summary.ChannelScenarios++
			}
		}
	}
	out.Coverage = coverage(out.Requirements, out.Scenarios)
	out.Budget = estimate.For(bank, s)
	out.Assumptions = out.Budget.Assumptions
	for _, q := range bank.Questions() {
		st := spec.StatusAmong(b.views, q)
		if st != spec.Open && st != spec.Undecided {
			continue
		}
		if checklist.IsFact(q.ID) || q.Default != "" {
			continue // facts, or settings with a default: listed under assumptions
		}
		d := OpenDecision{QuestionID: q.ID, Section: b.fill(q.Section.Title, ""), Prompt: b.fill(q.Prompt, "another system"), Help: b.fill(q.Help, "another system"), Status: "open", Note: s.Note(q.ID), Options: []string{}}
		if st == spec.Undecided {
			d.Status = "undecided"
		}
		d.Channels, d.ForChannels, d.Note = b.openFor(q)
		for _, o := range q.Options {
			if o.Value != checklist.Undecided {
				d.Options = append(d.Options, b.fill(o.Label, "another system"))
			}
		}
		if r := out.Budget.RiskOf(q.ID); r != nil {
			d.RiskLow, d.RiskHigh = r.LowHours, r.HighHours
		}
		if sw := out.Budget.ApproachSwing; sw != nil && sw.QuestionID == q.ID {
			// The approach is no buffer: the budget prices the dearest, and
			// the cheapest is this much below it.
			d.RiskLow, d.RiskHigh, d.priced = sw.LowHours, sw.HighHours, true
		}
		d.Risk = riskWords(d)
		out.OpenDecisions = append(out.OpenDecisions, d)
	}

	out.Matrix, out.Systems, out.Flows = b.ownershipAndFlows()
	out.Summary.Flows = len(out.Flows)
	out.Findings = check.RunWith(bank, s, out.Budget.Facts())
	if out.Findings == nil {
		out.Findings = []check.Finding{}
	}
	counts := check.Count(out.Findings)
	out.Summary.Errors, out.Summary.Warnings = counts.Errors, counts.Warnings
	out.Summary.Risks = b.topRisks(out.Findings, out.OpenDecisions)
	out.Appendix = b.appendix()
	return out
}

// openFor names the channels for which q is still open or undecided where
// others have decided it (none when it is open for every channel where it
// is asked), and the notes they carry.
func (b *builder) openFor(q *checklist.Question) (channels []string, names, note string) {
	var asked, open, notes []string
	for _, v := range b.views {
		st := v.StatusIn(q)
		if st == spec.Hidden {
			continue
		}
		asked = append(asked, v.Channel)
		if st == spec.Open || st == spec.Undecided {
			open, notes = append(open, v.Channel), append(notes, v.Note(q.ID))
		}
	}
	if len(open) == 0 {
		return nil, "", ""
	}
	note = b.perChannel(open, notes, "\n")
	if len(open) == len(asked) {
		return nil, "", note
	}
	return open, b.bank.ChannelList(open, b.names), note
}

func completeness(c spec.Counts) Completeness {
	return Completeness{Asked: c.Asked(), Answered: c.Answered, Undecided: c.Undecided, Open: c.Open, Percent: c.Percent()}
}

func orDefault(v, fallback string) string {
	if strings.TrimSpace(v) == "" {
		return fallback
	}
	return v
}

// riskWords says what an open decision does to the estimate: the risk
// buffer allows for the cost of its dearest answer, while the approach is no
// buffer at all: the build is priced each way.
func riskWords(d OpenDecision) string {
	from, to := estimate.FormatHours(d.RiskLow), estimate.FormatHours(d.RiskHigh)
	switch {
	case d.RiskHigh == 0:
		return ""
	case d.priced:
		return fmt.Sprintf("the build is %s to %s hours depending on the answer", from, to)
	}
	return fmt.Sprintf("adds %s to %s hours depending on the answer", from, to)
}

// decisionRisk is an open decision as one of the biggest risks.
func decisionRisk(d OpenDecision) string {
	if d.priced {
		return fmt.Sprintf("%s; %s (the Budget prices each way).", checklist.UpperFirst(d.Status), d.Risk)
	}
	return fmt.Sprintf("%s; it %s, which the risk buffer allows for until it is settled.", checklist.UpperFirst(d.Status), d.Risk)
}

// maxRisks is how many risks the executive summary names.
const maxRisks = 3

// topRisks are the biggest risks, blockers first: the errors (which must be
// settled before a quote), then the open decisions that could move the
// estimate most (a fixed price cannot be given while they are open), then
// the warnings.
func (b *builder) topRisks(findings []check.Finding, open []OpenDecision) []Risk {
	var errs, warns []Risk
	for _, f := range findings {
		switch f.Severity {
		case "error":
			errs = append(errs, Risk{Title: f.Message, Detail: f.Advice})
		case "warning":
			warns = append(warns, Risk{Title: f.Message, Detail: f.Advice})
		}
	}
	sorted := append([]OpenDecision(nil), open...)
	sort.SliceStable(sorted, func(i, j int) bool {
		return sorted[i].RiskHigh-sorted[i].RiskLow > sorted[j].RiskHigh-sorted[j].RiskLow
	})
	var decisions []Risk
	for _, d := range sorted {
		if d.RiskHigh == 0 {
			break
		}
		decisions = append(decisions, Risk{Title: "Open decision: " + d.Prompt, Detail: decisionRisk(d)})
	}
	risks := append(append(errs, decisions...), warns...)
	if len(risks) > maxRisks {
		risks = risks[:maxRisks]
	}
	return risks
}
