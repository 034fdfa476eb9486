package checklist

import (
	"strconv"
	"strings"
)

// Recorded is what requirement sentences and scenarios quote: the answers,
// with the names of the systems they name.
type Recorded interface {
	Answers
	System(id string) string
}

// Context fills the texts of requirement sentences and scenarios: the names,
// {third} and {value} as Names.Fill does, and the placeholders that quote the
// answers: {answer:ID} (how the answer reads), {system:ID} (the system it
// names), {calc: EXPR} and {money: EXPR} (figures computed from number
// answers, so that a test's expected figure follows the answers).
type Context struct {
	Bank    *Bank
	Names   Names
	Answers Recorded
	Third   string // {third}: the system the answer being filled names
	Value   string // {value}: the answer being filled
}

// Fill fills every placeholder of text.
func (c Context) Fill(text string) string {
	if strings.Contains(text, ":") && strings.Contains(text, "{") {
		text = c.fillAnswers(text)
	}
	return c.Names.Fill(text, map[string]string{"third": c.Third, "value": c.Value})
}

// fillAnswers fills the placeholders that quote the answers; a quoted
// answer that ends a sentence takes the place of the template's full stop.
func (c Context) fillAnswers(text string) string {
	var b strings.Builder
	b.Grow(len(text) + 16)
	last := 0
	for _, m := range placeholderRE.FindAllStringIndex(text, -1) {
		kind, arg, ok := answerPlaceholder(text[m[0]+1 : m[1]-1])
		if !ok {
			continue
		}
		b.WriteString(text[last:m[0]])
		v := c.quote(kind, arg)
		b.WriteString(v)
		last = len(text) - len(afterInsert(v, text[m[1]:]))
	}
	b.WriteString(text[last:])
	return b.String()
}

func (c Context) quote(kind, arg string) string {
	switch kind {
	case phAnswer:
		return c.answer(arg)
	case phSystem:
		return SystemName(c.Answers.System(arg))
	}
	e, err := ParseExpr(arg)
	if err != nil {
		return "(" + arg + ")" // validation refuses such a bank; never a silent figure
	}
	v, ok := e.Eval(c.number)
	if !ok {
		return "(a figure not yet given: " + strings.Join(e.Questions, ", ") + ")"
	}
	if kind == phMoney {
		return FormatMoney(v)
	}
	return FormatCalc(v)
}

// number is a number question's answer, else its default.
func (c Context) number(id string) (float64, bool) {
	if vals := c.Answers.Values(id); len(vals) == 1 {
		if f, err := strconv.ParseFloat(vals[0], 64); err == nil {
			return f, true
		}
	}
	if q := c.Bank.Question(id); q != nil && q.Default != "" {
		if f, err := strconv.ParseFloat(q.Default, 64); err == nil {
			return f, true
		}
	}
	return 0, false
}

// answer is how the answer to a question reads inside a sentence: its
// labels, its figure, or its text.
func (c Context) answer(id string) string {
	q := c.Bank.Question(id)
	vals := c.Answers.Values(id)
	if q == nil || len(vals) == 0 || len(vals) == 1 && vals[0] == Undecided {
		title := id
		if q != nil {
			title = c.Names.Fill(q.ShortTitle(), nil)
		}
		return "(" + title + ": not decided)"
	}
	if !q.HasOptions() {
		return strings.Join(vals, ", ")
	}
	labels := make([]string, 0, len(vals))
	for _, v := range vals {
		if o := q.Option(v); o != nil {
			labels = append(labels, c.Names.AnswerLabel(q, o, c.Answers.System(id)))
		}
	}
	return strings.Join(labels, ", ")
}
