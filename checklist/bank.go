// Package checklist owns the question bank: the embedded YAML files, loading a
// bank (embedded or a user's own file), and validating it so that every later
// stage can trust what it reads. Questions are data; adding one needs no Go code.
package checklist

import (
	"strings"
)

// Kinds of question. A bank uses these names in its `kind:` fields.
const (
	KindSystem = "system" // which system is the master (system of record) for a data entity
	KindChoice = "choice" // one of a fixed list
	KindYesNo  = "yesno"  // yes / no (/ undecided)
	KindMulti  = "multi"  // several of a fixed list
	KindNumber = "number" // a number (volumes, rates)
	KindText   = "text"   // free text
	KindDate   = "date"   // a day, written YYYY-MM-DD (a deadline)
)

// Undecided is the value every fixed-answer question accepts: "we have not
// decided yet" is a legitimate answer, and the brief turns it into an open decision.
const Undecided = "undecided"

// Reserved section IDs: the project facts come first in the wizard, the spec
// and the brief; the budget settings are read by the estimate.
const (
	SectionProject = "project"
	SectionBudget  = "budget"
)

// Reserved question IDs. Other stages read these answers by ID, so a bank that
// has them must give them the kind and section named here (checked at load);
// every question whose ID starts with "budget." belongs to the budget section.
const (
	QProjectName       = "project.name"
	QProjectStore      = "project.store"
	QProjectInventory  = "project.inventory"
	QProjectPreparedBy = "project.prepared-by"
	QBudgetCurrency    = "budget.currency"
	QBudgetHourlyRate  = "budget.hourly-rate"
	QBudgetContingency = "budget.contingency"
	// QProjectChannels is the sales channels the business sells through; its
	// option values name the channels an answer may differ by (by_channel).
	QProjectChannels = "project.channels"
	// The products and plans the budget prices licences and running costs
	// from: the connector app or integration platform named, each system's
	// edition and hosting (free text), and the Shopify plan, asked instead of
	// the store's edition where the store is Shopify.
	QProjectConnector        = "project.connector"
	QProjectStoreEdition     = "project.store-edition"
	QProjectInventoryEdition = "project.inventory-edition"
	QProjectShopifyPlan      = "project.shopify-plan"
	budgetPrefix             = SectionBudget + "."
)

// reserved maps each reserved question ID to its kind and section.
var reserved = map[string]struct{ kind, section string }{
	QProjectName:             {KindText, SectionProject},
	QProjectStore:            {KindText, SectionProject},
	QProjectInventory:        {KindText, SectionProject},
	QProjectPreparedBy:       {KindText, SectionProject},
	QBudgetCurrency:          {KindText, SectionBudget},
	QBudgetHourlyRate:        {KindNumber, SectionBudget},
	QBudgetContingency:       {KindNumber, SectionBudget},
	QProjectChannels:         {KindMulti, SectionProject},
	QProjectConnector:        {KindText, SectionProject},
	QProjectStoreEdition:     {KindText, SectionProject},
	QProjectInventoryEdition: {KindText, SectionProject},
	QProjectShopifyPlan:      {KindChoice, SectionProject},
}

// IsFact reports whether a question records a fact about the project (its
// name, the systems' names, who prepared it) rather than a decision: facts are
// never listed as open decisions.
func IsFact(id string) bool {
	switch id {
	case QProjectName, QProjectStore, QProjectInventory, QProjectPreparedBy:
		return true
	}
	return false
}

// Endpoints a flow can name. "third" is the system the answer's note names.
const (
	EndStore     = "store"
	EndInventory = "inventory"
	EndThird     = "third"
)

// Bank is a whole question bank, as loaded and normalised.
type Bank struct {
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title"`
	// SystemOptions are the answer templates shared by every system-of-record
	// question; a question may override single fields of an option by value.
	SystemOptions []Option `yaml:"system_options,omitempty" json:"-"`
	// WorkPackages and Estimate are the budget model (see estimate.go).
	WorkPackages []WorkPackage  `yaml:"work_packages,omitempty" json:"-"`
	Estimate     *EstimateModel `yaml:"estimate,omitempty" json:"-"`
	Sections     []*Section     `yaml:"sections" json:"sections"`
	Findings     []*Finding     `yaml:"findings,omitempty" json:"-"`
	File         string         `yaml:"-" json:"-"`
	byID         map[string]*Question
	order        map[string]int
}

// Section groups questions the way a manager thinks about the project.
type Section struct {
	ID        string      `yaml:"id"`
	Title     string      `yaml:"title"`
	Code      string      `yaml:"code"` // short code in requirement IDs, e.g. ORD
	Intro     string      `yaml:"intro,omitempty"`
	Questions []*Question `yaml:"questions"`
	Line      int         `yaml:"-"`
}

// Question is one decision the manager has to make.
type Question struct {
	ID     string `yaml:"id"`
	Prompt string `yaml:"prompt"`
	Help   string `yaml:"help"`
	Kind   string `yaml:"kind"`
	// Title is the short name used in tables (budget lines, the ownership matrix).
	Title string `yaml:"title,omitempty"`
	// Entity names the data a system-of-record question is about ("product names");
	// it fills {entity} in the shared system options.
	Entity string `yaml:"entity,omitempty"`
	// Sync names the question whose answer says how fresh the copy of this entity must be.
	Sync    string     `yaml:"sync,omitempty"`
	Options []Option   `yaml:"options,omitempty"`
	When    *Condition `yaml:"when,omitempty"`
	Default string     `yaml:"default,omitempty"`
	Min     *float64   `yaml:"min,omitempty"`
	Max     *float64   `yaml:"max,omitempty"`
	Unit    string     `yaml:"unit,omitempty"`
	// Requires and Scenarios of a number or text question apply once it is
	// answered (questions with options carry them on their options).
	Requires  []Sentence `yaml:"requires,omitempty"`
	Scenarios []Scenario `yaml:"scenarios,omitempty"`
	// Source cites where a platform fact in the help text comes from.
	Source string `yaml:"source,omitempty"`
	// ByChannel marks a question whose answer may differ by sales channel
	// (retail customers matched by e-mail, wholesale by customer number): a
	// spec may then hold one answer per channel chosen in project.channels
	// besides, or instead of, the answer for all channels.
	ByChannel bool `yaml:"by_channel,omitempty"`
	Line      int  `yaml:"-"`
	// Section is the section the question belongs to (set on load).
	Section *Section `yaml:"-"`
	// Number is the question's 1-based position in its section; requirement and
	// acceptance-test IDs are built from it, so they never depend on the answers.
	Number int `yaml:"-"`
}

// Option is one allowed answer and what choosing it implies for the brief.
type Option struct {
	Value string `yaml:"value"`
	Label string `yaml:"label"`
	// Title is a short name for the option where its label is too long to
	// repeat: a sales channel's name in per-channel requirements and tables.
	Title string `yaml:"title,omitempty"`
	// FollowUp, when set, is the prompt of a free-text follow-up whose answer is
	// kept as the answer's note ("which third system?", "how is it split?").
	FollowUp string `yaml:"follow_up,omitempty"`
	// System, when set, is the prompt that asks for the short name of the
	// system this answer names ("Which tax service?"); the name is kept in the
	// answer's own field and fills {third}.
	System string `yaml:"system,omitempty"`
	Role   string `yaml:"role,omitempty"` // the other system's role, for the ownership matrix
	// Crosses, on a sales channel (an option of project.channels), says when
	// that channel's orders cross the integration, read in the channel's own
	// view of the answers: phone orders that stay in the inventory system do
	// not. A channel without it always crosses (web orders). See Bank.Crossing.
	Crosses   *Condition `yaml:"crosses,omitempty"`
	Requires  []Sentence `yaml:"requires,omitempty"`
	Scenarios []Scenario `yaml:"scenarios,omitempty"`
	Flows     []Flow     `yaml:"flows,omitempty"`
	Line      int        `yaml:"-"`
	set       optionFields
}

// optionFields records which fields an option wrote, so that a question's
// override of a shared system option replaces only those.
type optionFields struct {
	label, title, followUp, system, role, requires, scenarios, flows bool
}

// Sentence is one requirement sentence ("{inventory} shall …"). In the bank
// it is written as a plain string, or as a mapping when it applies only under
// a condition on the answers (`if`) or states a platform fact (`source`).
type Sentence struct {
	Text   string     `yaml:"text"`
	If     *Condition `yaml:"if,omitempty"`
	Source string     `yaml:"source,omitempty"`
	Line   int        `yaml:"-"`
}

// Scenario is an acceptance test the integrator's work must pass. If limits
// it to the answers where it holds; Checks names the questions whose
// requirements it tests, besides those of its own answer.
type Scenario struct {
	Given  string     `yaml:"given"`
	When   string     `yaml:"when"`
	Then   string     `yaml:"then"`
	If     *Condition `yaml:"if,omitempty"`
	Checks []string   `yaml:"checks,omitempty"`
	Line   int        `yaml:"-"`
}

// Flow is data moving from one system to another because of an answer.
type Flow struct {
	From string `yaml:"from"`
	To   string `yaml:"to"`
	Data string `yaml:"data"`
	// Trigger names the question whose answer says when the flow runs; for
	// system-of-record questions it defaults to the question's Sync.
	Trigger string `yaml:"trigger,omitempty"`
	// If limits the flow to the answers where it holds.
	If *Condition `yaml:"if,omitempty"`
}

// Finding is a consistency or risk rule over the answers.
type Finding struct {
	ID       string     `yaml:"id"`
	Severity string     `yaml:"severity"`
	When     *Condition `yaml:"when"`
	Message  string     `yaml:"message"`
	Advice   string     `yaml:"advice"`
	// Source cites where a platform fact the finding relies on comes from.
	Source string `yaml:"source,omitempty"`
	Line   int    `yaml:"-"`
}

// Severities of findings, most serious first.
var Severities = []string{"error", "warning", "info"}

// Question returns the question with the given ID, or nil.
func (b *Bank) Question(id string) *Question { return b.byID[id] }

// Questions returns every question in bank order.
func (b *Bank) Questions() []*Question {
	var all []*Question
	for _, s := range b.Sections {
		all = append(all, s.Questions...)
	}
	return all
}

// Section returns the section with the given ID, or nil.
func (b *Bank) Section(id string) *Section {
	for _, s := range b.Sections {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// Option returns the option with the given value, or nil.
func (q *Question) Option(value string) *Option {
	for i := range q.Options {
		if q.Options[i].Value == value {
			return &q.Options[i]
		}
	}
	return nil
}

// namesThird reports whether the option's texts or flows involve {third}.
func (o *Option) namesThird() bool {
	texts := []string{o.Label, o.Role}
	for _, r := range o.Requires {
		texts = append(texts, r.Text)
	}
	for _, sc := range o.Scenarios {
		texts = append(texts, sc.Given, sc.When, sc.Then)
	}
	for _, f := range o.Flows {
		if f.From == EndThird || f.To == EndThird {
			return true
		}
		texts = append(texts, f.Data)
	}
	for _, t := range texts {
		if strings.Contains(t, "{third}") {
			return true
		}
	}
	return false
}

// HasOptions reports whether the question's answers come from a fixed list.
func (q *Question) HasOptions() bool {
	switch q.Kind {
	case KindSystem, KindChoice, KindYesNo, KindMulti:
		return true
	}
	return false
}

// DefaultIsAnswer reports whether accepting q's default (Enter on an empty
// answer in the wizard) answers it. It does for a value the bank suggests
// (EUR, 5 units); not for the two systems' names, whose defaults ("the
// online store") only stand in for a name nobody has given yet: a name must
// be typed.
func (q *Question) DefaultIsAnswer() bool {
	return q.Default != "" && q.ID != QProjectStore && q.ID != QProjectInventory
}

// Values lists the allowed values, for error messages and schemas.
func (q *Question) Values() []string {
	vals := make([]string, len(q.Options))
	for i, o := range q.Options {
		vals[i] = o.Value
	}
	return vals
}

// AnswerText is how values read to a person: each option's label with the
// names filled in ("another system" for the third), or the value as written,
// joined by commas; "(no answer)" when there is none.
func (q *Question) AnswerText(values []string, names Names) string {
	if len(values) == 0 {
		return "(no answer)"
	}
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = v
		if o := q.Option(v); o != nil && q.HasOptions() {
			parts[i] = names.Fill(o.Label, map[string]string{"third": "another system"})
		}
	}
	return strings.Join(parts, ", ")
}

// ShortLabel is the option's short name: its Title, else its label.
func (o *Option) ShortLabel() string {
	if o.Title != "" {
		return o.Title
	}
	return o.Label
}

// ShortTitle is the question's name in tables: its Title, else its entity, else its prompt.
func (q *Question) ShortTitle() string {
	switch {
	case q.Title != "":
		return q.Title
	case q.Entity != "":
		return UpperFirst(q.Entity)
	}
	return q.Prompt
}
