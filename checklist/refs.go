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

// MaxThirdName is how many characters of a note's first line name a system.
const MaxThirdName = 60

// ThirdName is the system named in an answer's note, for {third}: the note's
// first line, shortened by characters (never inside one) to MaxThirdName.
func ThirdName(note string) string {
	name := strings.TrimSpace(strings.SplitN(note, "\n", 2)[0])
	if name == "" {
		return "the third system (not yet named)"
	}
	if utf8.RuneCountInString(name) > MaxThirdName {
		name = strings.TrimSpace(string([]rune(name)[:MaxThirdName-1])) + "…"
	}
	return name
}

// AnswerLabel is how an answer reads in the brief and the budget: its label
// with the names filled in, or for "another system" the system the note names.
func (n Names) AnswerLabel(q *Question, opt *Option, note string) string {
	if opt.Value == EndThird && q.Kind == KindSystem {
		return ThirdName(note)
	}
	return n.Fill(opt.Label, map[string]string{"third": ThirdName(note)})
}
