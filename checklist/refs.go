package checklist

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// RequirementBase is <section code>-<question number>, e.g. ORD-03. Requirement,
// acceptance-test and budget IDs are built from it, so they depend on the
// question's place in the bank, never on the answers.
func (q *Question) RequirementBase() string {
	return fmt.Sprintf("%s-%02d", q.Section.Code, q.Number)
}

// RequirementID is REQ-<base>, with the option's position for multi-select
// questions, whose answers can each imply their own requirement (REQ-PAY-04.2).
func (q *Question) RequirementID(opt *Option) string {
	id := "REQ-" + q.RequirementBase()
	if q.Kind == KindMulti {
		for i := range q.Options {
			if q.Options[i].Value == opt.Value {
				id = fmt.Sprintf("%s.%d", id, i+1)
			}
		}
	}
	return id
}

// MaxSystemName is how many characters of a system's name are shown.
const MaxSystemName = 60

// Unnamed stands in for a third system whose answer gives no name.
const Unnamed = "the third system (not yet named)"

// SystemName is the name an answer gives a third system (its `system:`), for
// {third}: trimmed to one line and shortened by characters (never inside one)
// to MaxSystemName. A note is never read as a name.
func SystemName(system string) string {
	name := strings.TrimSpace(strings.SplitN(system, "\n", 2)[0])
	if name == "" {
		return Unnamed
	}
	if utf8.RuneCountInString(name) > MaxSystemName {
		name = strings.TrimSpace(string([]rune(name)[:MaxSystemName-1])) + "…"
	}
	return name
}

// AnswerLabel is how an answer reads in the brief and the budget: its label
// with the names filled in, or for "another system" the system it names.
func (n Names) AnswerLabel(q *Question, opt *Option, system string) string {
	if opt.Value == EndThird && q.Kind == KindSystem {
		return SystemName(system)
	}
	return n.Fill(opt.Label, map[string]string{"third": SystemName(system)})
}
