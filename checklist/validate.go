package checklist

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

var kinds = []string{KindSystem, KindChoice, KindYesNo, KindMulti, KindNumber, KindText, KindDate}

var endpoints = []string{EndStore, EndInventory, EndThird}

// validate checks everything later stages rely on. It evaluates nothing: it
// only proves that every reference resolves and every text can be shown.
func (b *Bank) validate() Problems {
	v := validator{bank: b}
	if b.ID == "" {
		v.add(1, "the bank has no `id`")
	}
	if b.Title == "" {
		v.add(1, "the bank has no `title`")
	}
	if len(b.Sections) == 0 {
		v.add(1, "the bank has no sections")
	}
	seenSection := map[string]int{}
	seenCode := map[string]int{}
	seenQuestion := map[string]int{}
	for _, s := range b.Sections {
		switch {
		case s.ID == "":
			v.add(s.Line, "section has no `id`")
		case seenSection[s.ID] > 0:
			v.add(s.Line, fmt.Sprintf("section %q is defined twice (first at line %d)", s.ID, seenSection[s.ID]))
		default:
			seenSection[s.ID] = s.Line
		}
		if s.Title == "" {
			v.add(s.Line, fmt.Sprintf("section %q has no `title`", s.ID))
		}
		switch {
		case s.Code == "":
			v.add(s.Line, fmt.Sprintf("section %q has no `code` (the short code in requirement IDs, e.g. ORD)", s.ID))
		case seenCode[s.Code] > 0:
			v.add(s.Line, fmt.Sprintf("section %q reuses code %q (first at line %d)", s.ID, s.Code, seenCode[s.Code]))
		default:
			seenCode[s.Code] = s.Line
		}
		v.text(s.Line, s.Title, s.Intro)
		for _, q := range s.Questions {
			if q.ID == "" {
				v.add(q.Line, "question has no `id`")
				continue
			}
			if first := seenQuestion[q.ID]; first > 0 {
				v.add(q.Line, fmt.Sprintf("question %q is defined twice (first at line %d)", q.ID, first))
				continue
			}
			seenQuestion[q.ID] = q.Line
			v.reserved(q, s)
			v.byChannel(q, s)
			v.question(q)
		}
	}
	for _, o := range b.SystemOptions {
		v.text(o.Line, o.Label, o.FollowUp, o.System, o.Role)
	}
	v.workPackages()
	v.estimate()
	seenFinding := map[string]int{}
	for _, f := range b.Findings {
		v.finding(f, seenFinding)
	}
	return v.problems
}

type validator struct {
	bank     *Bank
	problems Problems
	// inFinding is set while a finding's condition is checked: only those
	// are walked with the facts computed from the budget.
	inFinding bool
}

func (v *validator) add(line int, msg string) {
	v.problems = append(v.problems, Problem{File: v.bank.File, Line: line, Msg: msg})
}

func (v *validator) text(line int, texts ...string) {
	for _, t := range texts {
		for _, p := range unknownPlaceholders(t, false) {
			v.add(line, fmt.Sprintf("unknown placeholder %s (known: {store}, {inventory}, {entity}, {third}, {value}; requirement sentences and scenarios may also quote {answer:ID}, {system:ID}, {calc: …} and {money: …})", p))
		}
	}
}

// richText checks the texts of a requirement sentence or scenario: besides
// the names, they may quote an answer ({answer:ID}), a system's name
// ({system:ID}) and figures computed from number answers ({calc: …},
// {money: …}). A figure may only use a number question that has a default,
// that the item's condition reads, or that is q itself (answered, or the
// item would not apply).
func (v *validator) richText(line int, what string, q *Question, cond *Condition, texts ...string) {
	for _, t := range texts {
		for _, p := range unknownPlaceholders(t, true) {
			v.add(line, fmt.Sprintf("%s: unknown placeholder %s (known: {store}, {inventory}, {entity}, {third}, {value}, {answer:ID}, {system:ID}, {calc: …}, {money: …})", what, p))
		}
		for _, m := range placeholderRE.FindAllStringSubmatch(t, -1) {
			kind, arg, ok := answerPlaceholder(m[1])
			if !ok {
				continue
			}
			if kind == phAnswer || kind == phSystem {
				if v.bank.Question(arg) == nil {
					v.add(line, fmt.Sprintf("%s: %s quotes %q, which is not a question", what, m[0], arg))
				}
				continue
			}
			e, err := ParseExpr(arg)
			if err != nil {
				v.add(line, fmt.Sprintf("%s: %s: %v", what, m[0], err))
				continue
			}
			guarded := cond.Questions()
			for _, id := range e.Questions {
				ref := v.bank.Question(id)
				switch {
				case ref == nil:
					v.add(line, fmt.Sprintf("%s: %s uses %q, which is not a question", what, m[0], id))
				case ref.Kind != KindNumber:
					v.add(line, fmt.Sprintf("%s: %s uses %q, a %s question; figures come from number questions", what, m[0], id, ref.Kind))
				case ref.Default == "" && ref != q && !slices.Contains(guarded, id):
					v.add(line, fmt.Sprintf("%s: %s uses %q, which has no default; give it one, or add it to the item's `if`", what, m[0], id))
				}
			}
		}
	}
}

// source checks a cited source: the page's address first (the scheme may be
// left out), then optionally its title: "help.shopify.com/en/manual/... (Title)".
func (v *validator) source(line int, where, src string) {
	if src == "" {
		return
	}
	addr, _, _ := strings.Cut(strings.TrimSpace(src), " ")
	host, path, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(addr, "https://"), "http://"), "/")
	if !strings.Contains(host, ".") || path == "" {
		v.add(line, fmt.Sprintf("%s has source %q; give the page's address first (e.g. help.shopify.com/en/manual/payments)", where, src))
	}
}

// sentences checks requirement sentences: their placeholders (the figures
// and answers they may quote), conditions and sources.
func (v *validator) sentences(line int, what string, list []Sentence, q *Question) {
	for _, s := range list {
		if s.Line > 0 {
			line = s.Line
		}
		if strings.TrimSpace(s.Text) == "" {
			v.add(line, what+" has a requirement with no text")
		}
		v.richText(line, what, q, s.If, s.Text)
		v.condition(s.If, what+" requirement", "")
		v.source(line, what+" requirement", s.Source)
	}
}

// scenarios checks acceptance scenarios: given, when and then, their
// placeholders and conditions, and the questions they check.
func (v *validator) scenarios(line int, what string, list []Scenario, q *Question, ownSentences int) {
	for _, s := range list {
		if s.Line > 0 {
			line = s.Line
		}
		if s.Given == "" || s.When == "" || s.Then == "" {
			v.add(line, what+" has a scenario without given, when and then")
		}
		v.richText(line, what, q, s.If, s.Given, s.When, s.Then)
		v.condition(s.If, what+" scenario", "")
		for _, id := range s.Checks {
			if n, own := strings.CutPrefix(id, "#"); own {
				if i, err := strconv.Atoi(n); err != nil || i < 1 || i > ownSentences {
					v.add(line, fmt.Sprintf("%s has a scenario that checks %q; its own requirement sentences are #1 to #%d", what, id, ownSentences))
				}
				continue
			}
			if v.bank.Question(id) == nil {
				v.add(line, fmt.Sprintf("%s has a scenario that checks %q, which is not a question", what, id))
			}
		}
	}
}

// reserved checks that a reserved question ID has the kind and section other
// stages rely on, and that the budget's namespace stays in the budget section.
func (v *validator) reserved(q *Question, s *Section) {
	want, ok := reserved[q.ID]
	switch {
	case ok && q.Kind != want.kind:
		v.add(q.Line, fmt.Sprintf("question %q is reserved and must be of kind %s, not %q", q.ID, want.kind, q.Kind))
	case ok && s.ID != want.section:
		v.add(q.Line, fmt.Sprintf("question %q is reserved and belongs in section %q, not %q", q.ID, want.section, s.ID))
	case !ok && strings.HasPrefix(q.ID, budgetPrefix) && s.ID != SectionBudget:
		v.add(q.Line, fmt.Sprintf("question %q uses the reserved prefix %q outside section %q", q.ID, budgetPrefix, SectionBudget))
	}
}

// channelKinds are the kinds of question whose answer may differ by channel:
// those with a fixed list of answers. A number or a text is one fact (a
// volume the budget adds up, a name); a per-channel figure goes in a note.
var channelKinds = []string{KindSystem, KindChoice, KindYesNo, KindMulti}

// byChannel checks a question marked by_channel: it must be about how the
// business works (not the project's facts or the budget's settings), have a
// fixed list of answers, and the bank must name the channels.
func (v *validator) byChannel(q *Question, s *Section) {
	if strings.Contains(q.ID, ChannelSep) {
		v.add(q.Line, fmt.Sprintf("question %q: an ID may not contain %q, which `integ set ID%sCHANNEL=VALUE` uses", q.ID, ChannelSep, ChannelSep))
	}
	if q.ID == QProjectChannels {
		for _, o := range q.Options {
			if strings.Contains(o.Value, ChannelSep) {
				v.add(o.Line, fmt.Sprintf("question %q option %q: a channel may not contain %q", q.ID, o.Value, ChannelSep))
			}
		}
	}
	if !q.ByChannel {
		return
	}
	where := fmt.Sprintf("question %q is marked by_channel", q.ID)
	switch {
	case s.ID == SectionProject || s.ID == SectionBudget:
		v.add(q.Line, fmt.Sprintf("%s, but it is in section %q, whose answers hold for the whole project; only questions outside the %s and %s sections may differ by channel", where, s.ID, SectionProject, SectionBudget))
	case !slices.Contains(channelKinds, q.Kind):
		v.add(q.Line, fmt.Sprintf("%s, but it is of kind %s; only questions with a fixed list of answers (%s) may differ by channel: a per-channel figure or text goes in the note", where, q.Kind, strings.Join(channelKinds, ", ")))
	}
	if cq := v.bank.Question(QProjectChannels); cq == nil || cq.Kind != KindMulti {
		v.add(q.Line, fmt.Sprintf("%s, but the bank has no %s question (kind multi) whose options name the channels", where, QProjectChannels))
	}
}

func (v *validator) question(q *Question) {
	where := fmt.Sprintf("question %q", q.ID)
	if !slices.Contains(kinds, q.Kind) {
		if q.Kind == "" {
			v.add(q.Line, where+" has no `kind` (one of "+strings.Join(kinds, ", ")+")")
		} else {
			v.add(q.Line, fmt.Sprintf("%s has unknown kind %q (one of %s)", where, q.Kind, strings.Join(kinds, ", ")))
		}
	}
	if strings.TrimSpace(q.Prompt) == "" {
		v.add(q.Line, where+" has no `prompt`")
	}
	if strings.TrimSpace(q.Help) == "" {
		v.add(q.Line, where+" has no `help`: say why the question matters")
	}
	v.text(q.Line, q.Prompt, q.Help, q.Title)
	v.source(q.Line, where, q.Source)
	if q.Kind == KindSystem && q.Entity == "" {
		v.add(q.Line, where+" is a system-of-record question with no `entity` (the data it is about)")
	}
	if q.Sync != "" && v.bank.Question(q.Sync) == nil {
		v.add(q.Line, fmt.Sprintf("%s has `sync` %q, which is not a question", where, q.Sync))
	}
	switch {
	case q.HasOptions() && len(q.Options) <= 1 && q.Kind != KindSystem:
		v.add(q.Line, fmt.Sprintf("%s is of kind %s but has no options", where, q.Kind))
	case q.Kind == KindSystem && len(v.bank.SystemOptions) == 0:
		v.add(q.Line, where+" is a system-of-record question but the bank has no `system_options`")
	case !q.HasOptions() && len(q.Options) > 0:
		v.add(q.Line, fmt.Sprintf("%s is of kind %s, which takes no options", where, q.Kind))
	}
	seen := map[string]bool{}
	for i := range q.Options {
		o := &q.Options[i]
		switch {
		case o.Value == "":
			v.add(o.Line, where+" has an option with no `value`")
		case seen[o.Value]:
			v.add(o.Line, fmt.Sprintf("%s lists option %q twice", where, o.Value))
		case strings.ContainsAny(o.Value, ", "):
			v.add(o.Line, fmt.Sprintf("%s option %q: values may not contain commas or spaces (use-dashes)", where, o.Value))
		}
		seen[o.Value] = true
		if strings.TrimSpace(o.Label) == "" {
			v.add(o.Line, fmt.Sprintf("%s option %q has no `label`", where, o.Value))
		}
		v.text(o.Line, o.Label, o.Title, o.FollowUp, o.System, o.Role)
		if o.System == "" && o.namesThird() {
			v.add(o.Line, fmt.Sprintf("%s option %q refers to {third} (or sends data to or from it) but has no `system:` prompt asking for that system's name", where, o.Value))
		}
		what := fmt.Sprintf("%s option %q", where, o.Value)
		v.sentences(o.Line, what, o.Requires, q)
		v.crosses(o, what, q)
		v.scenarios(o.Line, what, o.Scenarios, q, len(o.Requires))
		for _, f := range o.Flows {
			if !slices.Contains(endpoints, f.From) || !slices.Contains(endpoints, f.To) || f.From == f.To {
				v.add(o.Line, fmt.Sprintf("%s option %q has a flow from %q to %q; use two different ends among store, inventory, third", where, o.Value, f.From, f.To))
			}
			if f.Trigger != "" && v.bank.Question(f.Trigger) == nil {
				v.add(o.Line, fmt.Sprintf("%s option %q has a flow triggered by %q, which is not a question", where, o.Value, f.Trigger))
			}
			v.text(o.Line, f.Data)
			v.condition(f.If, what+" flow", "")
		}
	}
	if q.HasOptions() && (len(q.Requires) > 0 || len(q.Scenarios) > 0) {
		v.add(q.Line, where+" has options: put its requirements and scenarios on them, not on the question")
	}
	v.sentences(q.Line, where, q.Requires, q)
	v.scenarios(q.Line, where, q.Scenarios, q, len(q.Requires))
	if q.Kind == KindNumber {
		v.numberBounds(q, where)
	}
	if q.HasOptions() && q.Default != "" && q.Option(q.Default) == nil {
		v.add(q.Line, fmt.Sprintf("%s has default %q, which is not one of its options (%s)", where, q.Default, strings.Join(q.Values(), ", ")))
	}
	v.condition(q.When, where, q.ID)
}

// numberBounds checks a number question's min, max and default against the
// bounds every number answer has (MaxNumber), so that the bank cannot ask
// for, or default to, a figure the budget cannot count with.
func (v *validator) numberBounds(q *Question, where string) {
	for _, b := range []struct {
		name string
		p    *float64
	}{{"min", q.Min}, {"max", q.Max}} {
		if b.p != nil && (*b.p < -MaxNumber || *b.p > MaxNumber) {
			v.add(q.Line, fmt.Sprintf("%s has %s %v; numbers stay within ±%d", where, b.name, *b.p, int(MaxNumber)))
		}
	}
	if q.Min != nil && q.Max != nil && *q.Min > *q.Max {
		v.add(q.Line, fmt.Sprintf("%s has min %v above max %v", where, *q.Min, *q.Max))
	}
	if q.Default == "" {
		return
	}
	if _, err := q.Parse(q.Default); err != nil {
		v.add(q.Line, fmt.Sprintf("%s has default %q, which it does not take: %v", where, q.Default, err))
	}
}

// crosses checks an option's `crosses` condition: only a sales channel has
// one, and it reads answers, never a view's channel or whether answers
// differ by channel (which channels cross decides both).
func (v *validator) crosses(o *Option, what string, q *Question) {
	if o.Crosses == nil {
		return
	}
	if q.ID != QProjectChannels {
		v.add(o.Line, fmt.Sprintf("%s has `crosses`, which only a sales channel (an option of %s) may have", what, QProjectChannels))
		return
	}
	where := what + " `crosses`"
	v.condition(o.Crosses, where, "")
	Fold(o.Crosses, func(leaf *Condition) struct{} {
		if len(leaf.Channel) > 0 || leaf.Differs != nil {
			v.add(leaf.Line, where+" condition reads a sales channel or whether answers differ by channel; it may read answers only (it is read in the channel's own view)")
		}
		return struct{}{}
	}, func(*Condition, []struct{}) struct{} { return struct{}{} })
}

// condition checks a condition's form and references. owner is the ID of the
// question it guards ("" for findings, requirements and scenarios): a question
// may only depend on earlier ones, which also rules out cycles.
func (v *validator) condition(c *Condition, where, owner string) {
	if c == nil {
		return
	}
	Fold(c, func(leaf *Condition) struct{} {
		v.conditionNode(leaf, where)
		v.conditionLeaf(leaf, where, owner)
		return struct{}{}
	}, func(node *Condition, _ []struct{}) struct{} {
		v.conditionNode(node, where)
		return struct{}{}
	})
}

// conditionNode reports a node whose form is wrong.
func (v *validator) conditionNode(c *Condition, where string) {
	if msg := c.shapeProblem(); msg != "" {
		v.add(c.Line, where+" "+msg)
	}
}

// conditionLeaf checks what a leaf refers to: a section, or a question and
// values it can have.
func (v *validator) conditionLeaf(c *Condition, where, owner string) {
	if c.shapeProblem() != "" {
		return
	}
	if len(c.Channel) > 0 {
		channels := v.bank.Question(QProjectChannels)
		if channels == nil {
			v.add(c.Line, where+" condition names sales channels, but the bank has no "+QProjectChannels+" question")
			return
		}
		for _, ch := range c.Channel {
			if channels.Option(ch) == nil || ch == Undecided {
				v.add(c.Line, fmt.Sprintf("%s condition names sales channel %q, which is not one of %s's options (%s)", where, ch, QProjectChannels, strings.Join(v.bank.ChannelValues(), ", ")))
			}
		}
		return
	}
	if c.Fact != "" {
		values, known := factValues[c.Fact]
		switch {
		case !v.inFinding:
			v.add(c.Line, fmt.Sprintf("%s condition reads the computed fact %q; only findings may (it is computed from the budget, after the answers)", where, c.Fact))
		case !known:
			v.add(c.Line, fmt.Sprintf("%s condition reads fact %q, which integ does not compute (facts: %s)", where, c.Fact, FactSchedule))
		default:
			for _, val := range c.wanted() {
				if !slices.Contains(values, val) {
					v.add(c.Line, fmt.Sprintf("%s condition compares fact %q with %q, which it never is (%s)", where, c.Fact, val, strings.Join(values, ", ")))
				}
			}
		}
		return
	}
	if c.Section != "" {
		switch {
		case owner != "":
			v.add(c.Line, where+" condition counts open questions in a section; only findings may do that")
		case v.bank.Section(c.Section) == nil:
			v.add(c.Line, fmt.Sprintf("%s condition refers to unknown section %q", where, c.Section))
		}
		return
	}
	target := v.bank.Question(c.Question)
	switch {
	case target == nil:
		v.add(c.Line, fmt.Sprintf("%s condition refers to unknown question %q", where, c.Question))
		return
	case owner != "" && c.Question == owner:
		v.add(c.Line, fmt.Sprintf("%s condition refers to itself", where))
		return
	case owner != "" && v.bank.order[c.Question] > v.bank.order[owner]:
		v.add(c.Line, fmt.Sprintf("%s condition refers to later question %q (a question may only depend on earlier ones)", where, c.Question))
		return
	case c.Differs != nil && !target.ByChannel:
		v.add(c.Line, fmt.Sprintf("%s condition asks whether %q differs by channel, but that question is not marked by_channel", where, c.Question))
		return
	case c.Matches != "" && target.Kind != KindText:
		v.add(c.Line, fmt.Sprintf("%s condition matches text in %q (a %s question); only text questions can match", where, c.Question, target.Kind))
		return
	case (c.Above != nil || c.Below != nil) && target.Kind != KindNumber:
		v.add(c.Line, fmt.Sprintf("%s condition compares %q (a %s question) with a number; only number questions can be above or below one", where, c.Question, target.Kind))
		return
	}
	values := c.wanted()
	if len(values) > 0 && !target.HasOptions() {
		v.add(c.Line, fmt.Sprintf("%s condition compares %q (a %s question) with fixed values; use `noted` or no value", where, c.Question, target.Kind))
		return
	}
	for _, val := range values {
		if target.Option(val) == nil {
			v.add(c.Line, fmt.Sprintf("%s condition refers to value %q of %q, which is not one of its options (%s)", where, val, c.Question, strings.Join(target.Values(), ", ")))
		}
	}
}

// unique reports an element (a finding, a work package) with no ID, or with
// the ID of one before it; seen maps the IDs met so far to their lines.
func (v *validator) unique(seen map[string]int, line int, what, id string) {
	switch {
	case id == "":
		v.add(line, what+" has no `id`")
	case seen[id] > 0:
		v.add(line, fmt.Sprintf("%s %q is defined twice (first at line %d)", what, id, seen[id]))
	default:
		seen[id] = line
	}
}

func (v *validator) finding(f *Finding, seen map[string]int) {
	where := fmt.Sprintf("finding %q", f.ID)
	v.unique(seen, f.Line, "finding", f.ID)
	if !slices.Contains(Severities, f.Severity) {
		v.add(f.Line, fmt.Sprintf("%s has severity %q (one of %s)", where, f.Severity, strings.Join(Severities, ", ")))
	}
	if f.When == nil {
		v.add(f.Line, where+" has no `when` condition")
	}
	if strings.TrimSpace(f.Message) == "" || strings.TrimSpace(f.Advice) == "" {
		v.add(f.Line, where+" needs a `message` and `advice`")
	}
	for _, t := range []string{f.Message, f.Advice} {
		for _, p := range unknownIn(t, false, true) {
			v.add(f.Line, fmt.Sprintf("%s: unknown placeholder %s (known: {store}, {inventory}, {third}, {value}, and the computed {fact:NAME}: %s)", where, p, strings.Join(FactFigures, ", ")))
		}
	}
	v.source(f.Line, where, f.Source)
	v.inFinding = true
	v.condition(f.When, where, "")
	v.inFinding = false
}
