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
	stepChannels                    // whether a question that may differ by sales channel does ("the same for all channels"?)
	stepConflict                    // which of two answers saved at the same time to keep (a merge conflict recorded in the spec)
)

// step is one screen of a section. Steps are listed afresh from the answers
// whenever the wizard moves, so a follow-up appears as soon as the answer
// that calls for it is saved, and disappears when it is changed.
type step struct {
	kind stepKind
	sec  *checklist.Section
	q    *checklist.Question // nil for the section note (and a conflict on it)
	opt  int                 // with stepSystem and stepFollowUp: the option that asks
	at   int                 // with stepStart: the order to start after
	// channel is the sales channel whose own answer the step asks for ("" for
	// the answer for all channels), and slot its place among the channels.
	channel string
	slot    int
	// first marks the step that stands for its question in "question k of n"
	// and that Shift-Tab leaves a review detour from.
	first bool
}

// order places a step within its section: a conflict on the question's
// answer, whether it differs by channel, the question, its follow-ups (each
// channel's conflict, question and follow-ups, where it differs), the next
// question…, the conflict on the section note and the note last.
func (st step) order() int {
	switch st.kind {
	case stepConflict:
		if st.q == nil {
			return math.MaxInt - 1
		}
		return st.q.Number*1000 + 100*st.slot - 2
	case stepChannels:
		return st.q.Number*1000 - 1
	case stepQuestion:
		return st.q.Number*1000 + 100*st.slot
	case stepSystem:
		return st.q.Number*1000 + 100*st.slot + 1 + st.opt
	case stepFollowUp:
		return st.q.Number*1000 + 100*st.slot + 50 + st.opt
	case stepStart:
		return st.at
	}
	return math.MaxInt
}

// startAt is where a run starts to ask q first.
func startAt(q *checklist.Question) step { return step{kind: stepStart, at: q.Number*1000 - 3} }

// key names the answer a step records: the question's, or one channel's; a
// section's ID for its note.
func (st step) key() string {
	if st.q == nil {
		return st.sec.ID
	}
	return spec.Key(st.q.ID, st.channel)
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
	// differs holds the questions this run was told differ by channel
	// ("it differs"), before any channel has an answer of its own.
	differs map[string]bool
	// resume is the step to go on after once the conflict its save met is
	// decided (see toConflict).
	resume *step
	res    Result
}

func newRun(o Options) *run {
	return &run{o: o, bank: o.Bank, spec: o.Spec, differs: map[string]bool{}}
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
				if w.spec.StatusOf(q) == spec.Answered && !w.inConflict(q) {
					w.answeredAtStart[q.ID] = true
				}
			}
		}
	case ModeResume:
		if q := w.firstOpen(); q != nil {
			w.pi = slices.Index(w.plan, q.Section)
			w.cur = startAt(q)
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
		if w.spec.StatusOf(q) == spec.Hidden || w.answeredAtStart[q.ID] {
			continue
		}
		at := len(out)
		channels := w.channelsAsking(q)
		switch {
		case len(channels) < 2:
			out = append(out, w.questionSteps(sec, q, "", 0)...)
		case !w.differing(q):
			out = append(out, step{kind: stepChannels, sec: sec, q: q})
			out = append(out, w.questionSteps(sec, q, "", 0)...)
		default:
			out = append(out, w.conflictSteps(sec, q, "", 0)...)
			out = append(out, step{kind: stepChannels, sec: sec, q: q})
			for _, ch := range channels {
				out = append(out, w.questionSteps(sec, q, ch, 1+slices.Index(w.bank.ChannelValues(), ch))...)
			}
		}
		slices.SortStableFunc(out[at:], func(a, b step) int { return a.order() - b.order() })
		out[at].first = true
	}
	if len(out) == 0 {
		return nil
	}
	out = append(out, w.conflictSteps(sec, nil, "", 0)...)
	return append(out, step{kind: stepSectionNote, sec: sec})
}

// conflictSteps is the screen that decides a conflict on the answer a key
// names (q nil: on sec's note), if the spec records one.
func (w *run) conflictSteps(sec *checklist.Section, q *checklist.Question, channel string, slot int) []step {
	st := step{kind: stepConflict, sec: sec, q: q, channel: channel, slot: slot}
	if _, ok := w.spec.Conflicts[st.key()]; !ok {
		return nil
	}
	return []step{st}
}

// toConflict moves to the step that decides the conflict on the answer
// step st asked for; false when there is none to ask. Once it is decided,
// the run goes on after st.
func (w *run) toConflict(st step) bool {
	at := w.cur
	w.cur = step{kind: stepStart, at: step{kind: stepConflict, q: st.q, slot: st.slot}.order() - 1}
	if !w.next() || w.cur.kind != stepConflict {
		w.cur = at
		return false
	}
	w.resume = &at
	return true
}

// inConflict reports whether any part of q's answer is in a conflict.
func (w *run) inConflict(q *checklist.Question) bool {
	for key := range w.spec.Conflicts {
		if id, _ := spec.SplitKey(key); id == q.ID {
			return true
		}
	}
	return false
}

// questionSteps are the screens of q's answer for one channel ("" for all
// channels): the conflict on it, the question, the system its answer names,
// the note it asks for.
func (w *run) questionSteps(sec *checklist.Section, q *checklist.Question, channel string, slot int) []step {
	out := append(w.conflictSteps(sec, q, channel, slot), step{kind: stepQuestion, sec: sec, q: q, channel: channel, slot: slot})
	values := w.spec.Answers[q.ID].For(channel).Values
	for i, opt := range q.Options {
		if opt.System != "" && slices.Contains(values, opt.Value) {
			out = append(out, step{kind: stepSystem, sec: sec, q: q, opt: i, channel: channel, slot: slot})
		}
	}
	// One note per answer: where several ticked options ask for one (a
	// multi-select), its screen asks all their questions at once.
	for i, opt := range q.Options {
		if opt.FollowUp != "" && slices.Contains(values, opt.Value) {
			out = append(out, step{kind: stepFollowUp, sec: sec, q: q, opt: i, channel: channel, slot: slot})
			break
		}
	}
	return out
}

// channelsAsking are the chosen sales channels, in the bank's order, for
// which q may have an answer of its own and is asked; none for a question
// that is the same for every channel.
func (w *run) channelsAsking(q *checklist.Question) []string {
	chosen := w.spec.Channels()
	if !q.ByChannel || len(chosen) < 2 {
		return nil
	}
	var out []string
	for _, ch := range w.bank.ChannelValues() {
		if slices.Contains(chosen, ch) && (spec.View{Spec: w.spec, Channel: ch}).StatusIn(q) != spec.Hidden {
			out = append(out, ch)
		}
	}
	return out
}

// differing reports whether q is answered per channel: this run was told it
// differs, or a chosen channel has an answer of its own.
func (w *run) differing(q *checklist.Question) bool {
	if w.differs[q.ID] {
		return true
	}
	a := w.spec.Answers[q.ID]
	for _, ch := range w.spec.Channels() {
		if len(a.Channels[ch].Values) > 0 {
			return true
		}
	}
	return false
}

// sameForAll records whether q is the same for every channel. Saying it is
// removes the chosen channels' own answers (their notes stay); saying it
// differs asks it per channel, each starting from the answer for all.
func (w *run) sameForAll(q *checklist.Question, same bool) error {
	w.differs[q.ID] = !same
	if !same {
		return nil
	}
	changed := false
	for _, ch := range w.spec.Channels() {
		key := spec.Key(q.ID, ch)
		if own := w.spec.Get(key); len(own.Values) > 0 || own.System != "" {
			w.spec.Put(key, spec.Answer{Note: own.Note})
			changed = true
		}
	}
	if !changed {
		return nil
	}
	return w.record(q, changed)
}

// next moves to the step after the current one; false at the end of the plan.
func (w *run) next() bool {
	if w.resume != nil && w.cur.kind == stepConflict {
		w.cur = *w.resume // a conflict met while saving: on after the step that met it
	}
	w.resume = nil
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
	w.resume = nil
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
			if !st.first {
				continue
			}
			p.total++
			if pi < w.pi || (pi == w.pi && (question == nil || st.q.Number <= question.Number)) {
				p.i++
			}
			if pi == w.pi {
				p.n++
				if question != nil && st.q.Number <= question.Number {
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
	switch {
	case w.cur.q == nil:
		where += " · section notes"
		if w.cur.kind == stepConflict {
			id = sec.ID + " · two notes saved at the same time"
		}
	default:
		where += fmt.Sprintf(" · question %d of %d", p.k, p.n)
		id = w.cur.key()
		switch w.cur.kind {
		case stepSystem:
			id += " · the system's name"
		case stepFollowUp:
			id += " · note"
		case stepChannels:
			id += " · the same for all channels?"
		case stepConflict:
			id += " · two answers saved at the same time"
		}
	}
	if len(w.plan) > 1 {
		where += fmt.Sprintf(" · %d of %d in all", p.i, p.total)
	}
	return where, id
}

// answerValues turns what was entered on a question's screen into the
// values to record. An empty text or number takes the question's default,
// which the screen showed: accepting it is an answer (but for a system's
// name, see DefaultIsAnswer).
func answerValues(q *checklist.Question, single string, multi []string) []string {
	if q.Kind == checklist.KindMulti {
		return slices.Clone(multi)
	}
	v := strings.TrimSpace(single)
	if v == "" && q.DefaultIsAnswer() && (q.Kind == checklist.KindNumber || q.Kind == checklist.KindText) {
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

// answer records the answer a step asks for (a question's, or one
// channel's) and saves.
func (w *run) answer(st step, values []string) error {
	a := w.spec.Get(st.key())
	changed := !slices.Equal(a.Values, values)
	a.Values = values
	w.spec.Put(st.key(), a)
	return w.record(st.q, changed)
}

// The choices on a conflict's screen.
const (
	keepOurs   = "ours"
	keepTheirs = "theirs"
	keepLater  = "later"
)

// decide settles the conflict on the answer (or section note) a step names:
// keep the answer in use, or the other side's; either clears the conflict,
// and saves. Deciding later leaves it.
func (w *run) decide(st step, keep string) error {
	key := st.key()
	theirs, ok := w.spec.Conflicts[key]
	if !ok || keep == keepLater {
		return nil
	}
	delete(w.spec.Conflicts, key)
	if st.q == nil {
		if keep == keepTheirs {
			w.spec.SectionNotes[key] = theirs.Note
			if theirs.Note == "" {
				delete(w.spec.SectionNotes, key)
			}
		}
		return w.savedNote(true)
	}
	if keep == keepTheirs {
		w.spec.Put(key, theirs)
	}
	return w.record(st.q, true)
}

// systemName records the name of the system an answer names, and saves.
func (w *run) systemName(st step, name string) error {
	a := w.spec.Get(st.key())
	name = strings.TrimSpace(name)
	changed := a.System != name
	a.System = name
	w.spec.Put(st.key(), a)
	return w.record(st.q, changed)
}

// record saves a change to q's answer; it counts when it changed what the
// spec held.
func (w *run) record(q *checklist.Question, changed bool) error {
	if err := w.save(); err != nil {
		return err
	}
	if changed {
		w.res.Answers++
		w.res.Last = q
	}
	return nil
}

// note records the note on the answer a key names (a question's, or one
// channel's) and saves.
func (w *run) note(key, text string) error {
	a := w.spec.Get(key)
	old := a.Note
	a.Note = strings.TrimSpace(text)
	w.spec.Put(key, a)
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
