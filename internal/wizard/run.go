package wizard

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// stepKind is what a screen asks.
type stepKind int

const (
	stepQuestion    stepKind = iota // the question itself
	stepSystem                      // the short name of the system an answer names ("which tax service?")
	stepFollowUp                    // the note an answer asks for ("how is it split?")
	stepSectionNote                 // anything else about the section
	stepStart                       // not a screen: where a run starts, just before the step it asks first
)

// step is one screen of a section. Steps are listed afresh from the answers
// whenever the wizard moves, so a follow-up appears as soon as the answer
// that calls for it is saved, and disappears when it is changed.
type step struct {
	kind stepKind
	sec  *checklist.Section
	q    *checklist.Question // nil for the section note
	opt  int                 // with stepSystem and stepFollowUp: the option that asks
	at   int                 // with stepStart: the order to start after
}

// order places a step within its section: a question, its follow-ups, the
// next question…, the section note last.
func (st step) order() int {
	switch st.kind {
	case stepQuestion:
		return st.q.Number * 1000
	case stepSystem:
		return st.q.Number*1000 + 1 + st.opt
	case stepFollowUp:
		return st.q.Number*1000 + 500 + st.opt
	case stepStart:
		return st.at
	}
	return math.MaxInt
}

// run is the state of one run of the wizard, shared by the terminal and the
// accessible mode: where it is, and what it has saved.
type run struct {
	o    Options
	bank *checklist.Bank
	spec *spec.Spec
	mode string
	// plan is the sections this run goes through; pi indexes it, cur is the
	// step on screen.
	plan []*checklist.Section
	pi   int
	cur  step
	// answeredAtStart holds the questions decided before the run, which
	// ModeUnanswered skips; questions answered in the run stay reachable.
	answeredAtStart map[string]bool
	res             Result
}

func newRun(o Options) *run {
	return &run{o: o, bank: o.Bank, spec: o.Spec}
}

// start begins going through the bank in mode; it returns false when there
// is nothing to ask.
func (w *run) start(mode, sectionID string) bool {
	w.mode = mode
	w.plan = w.bank.Sections
	w.pi, w.cur = 0, step{kind: stepStart, at: -1}
	switch mode {
	case ModeSection:
		sec := w.bank.Section(sectionID)
		if sec == nil {
			return false
		}
		w.plan = []*checklist.Section{sec}
	case ModeUnanswered:
		w.answeredAtStart = map[string]bool{}
		for _, sec := range w.bank.Sections {
			for _, q := range sec.Questions {
				if w.spec.StatusOf(q) == spec.Answered {
					w.answeredAtStart[q.ID] = true
				}
			}
		}
	case ModeResume:
		if q := w.firstOpen(); q != nil {
			w.pi = slices.Index(w.plan, q.Section)
			w.cur = step{kind: stepStart, at: q.Number*1000 - 1}
		}
	}
	return w.next()
}

// firstOpen is the first question asked with the current answers and not
// answered at all: where the last run stopped.
func (w *run) firstOpen() *checklist.Question {
	for _, sec := range w.bank.Sections {
		for _, q := range sec.Questions {
			if w.spec.StatusOf(q) == spec.Open {
				return q
			}
		}
	}
	return nil
}

// steps lists the screens of sec with the answers as they are now; none when
// the section has nothing to ask in this mode.
func (w *run) steps(sec *checklist.Section) []step {
	var out []step
	for _, q := range sec.Questions {
		if !q.When.Holds(w.spec) || w.answeredAtStart[q.ID] {
			continue
		}
		out = append(out, step{kind: stepQuestion, sec: sec, q: q})
		values := w.spec.Values(q.ID)
		for i, opt := range q.Options {
			if opt.System != "" && slices.Contains(values, opt.Value) {
				out = append(out, step{kind: stepSystem, sec: sec, q: q, opt: i})
			}
		}
		for i, opt := range q.Options {
			if opt.FollowUp != "" && slices.Contains(values, opt.Value) {
				out = append(out, step{kind: stepFollowUp, sec: sec, q: q, opt: i})
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return append(out, step{kind: stepSectionNote, sec: sec})
}

// next moves to the step after the current one; false at the end of the plan.
func (w *run) next() bool {
	for pi := w.pi; pi < len(w.plan); pi++ {
		for _, st := range w.steps(w.plan[pi]) {
			if pi > w.pi || st.order() > w.cur.order() {
				w.pi, w.cur = pi, st
				return true
			}
		}
	}
	return false
}

// prev moves to the step before the current one, into the previous section
// when this is a section's first; false on the very first step.
func (w *run) prev() bool {
	for pi := w.pi; pi >= 0; pi-- {
		steps := w.steps(w.plan[pi])
		for i := len(steps) - 1; i >= 0; i-- {
			if pi < w.pi || steps[i].order() < w.cur.order() {
				w.pi, w.cur = pi, steps[i]
				return true
			}
		}
	}
	return false
}

// position says where the current step is: question k of n in its section,
// and i of total over the run's plan.
type position struct {
	k, n, i, total int
}

func (w *run) position() position {
	var p position
	question := w.cur.q
	for pi, sec := range w.plan {
		for _, st := range w.steps(sec) {
			if st.kind != stepQuestion {
				continue
			}
			p.total++
			if pi < w.pi || (pi == w.pi && (question == nil || st.order() <= question.Number*1000)) {
				p.i++
			}
			if pi == w.pi {
				p.n++
				if question != nil && st.order() <= question.Number*1000 {
					p.k++
				}
			}
		}
	}
	if question == nil { // the section note comes after every question
		p.k = p.n
	}
	return p
}

// header is the line that says where the user is.
func (w *run) header() (where, id string) {
	sec := w.cur.sec
	index := slices.Index(w.bank.Sections, sec) + 1
	where = fmt.Sprintf("Section %d of %d · %s", index, len(w.bank.Sections), w.fill(sec.Title))
	p := w.position()
	switch w.cur.kind {
	case stepSectionNote:
		where += " · section notes"
	default:
		where += fmt.Sprintf(" · question %d of %d", p.k, p.n)
		id = w.cur.q.ID
		switch w.cur.kind {
		case stepSystem:
			id += " · the system's name"
		case stepFollowUp:
			id += " · note"
		}
	}
	if len(w.plan) > 1 {
		where += fmt.Sprintf(" · %d of %d in all", p.i, p.total)
	}
	return where, id
}

// answerValues turns what was entered on a question's screen into the
// values to record. An empty text or number takes the question's default,
// which the screen showed: accepting it is an answer.
func answerValues(q *checklist.Question, single string, multi []string) []string {
	if q.Kind == checklist.KindMulti {
		return slices.Clone(multi)
	}
	v := strings.TrimSpace(single)
	if v == "" && (q.Kind == checklist.KindNumber || q.Kind == checklist.KindText) {
		v = q.Default
	}
	if v == "" {
		return nil
	}
	// The screen validated it; this writes 95.50 as 95.5, as integ set does.
	if checked, err := q.ParseValues([]string{v}); err == nil && q.Kind == checklist.KindNumber {
		return checked
	}
	return []string{v}
}

// answer records a question's answer and saves.
func (w *run) answer(q *checklist.Question, values []string) error {
	a := w.spec.Answers[q.ID]
	changed := !slices.Equal(a.Values, values)
	a.Values = values
	return w.record(q, a, changed)
}

// systemName records the name of the system an answer names, and saves.
func (w *run) systemName(q *checklist.Question, name string) error {
	a := w.spec.Answers[q.ID]
	name = strings.TrimSpace(name)
	changed := a.System != name
	a.System = name
	return w.record(q, a, changed)
}

// record sets q's answer to a and saves; it counts when it changed what the
// spec held.
func (w *run) record(q *checklist.Question, a spec.Answer, changed bool) error {
	w.spec.Set(q.ID, a)
	if err := w.save(); err != nil {
		return err
	}
	if changed {
		w.res.Answers++
		w.res.Last = q
	}
	return nil
}

// note records the note on a question's answer and saves.
func (w *run) note(q *checklist.Question, text string) error {
	a := w.spec.Answers[q.ID]
	old := a.Note
	a.Note = strings.TrimSpace(text)
	w.spec.Set(q.ID, a)
	return w.savedNote(a.Note != old)
}

// sectionNote records the note on a section and saves.
func (w *run) sectionNote(sec *checklist.Section, text string) error {
	old := w.spec.SectionNotes[sec.ID]
	if text = strings.TrimSpace(text); text == "" {
		delete(w.spec.SectionNotes, sec.ID)
	} else {
		w.spec.SectionNotes[sec.ID] = text
	}
	return w.savedNote(text != old)
}

// savedNote saves after a note; it counts when it changed something.
func (w *run) savedNote(changed bool) error {
	if err := w.save(); err != nil {
		return err
	}
	if changed {
		w.res.Notes++
	}
	return nil
}

func (w *run) save() error {
	if w.o.Save == nil {
		return nil
	}
	return w.o.Save()
}
