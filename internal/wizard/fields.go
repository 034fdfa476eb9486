package wizard

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/safe"
)

// box holds what a screen's field is bound to while it is on screen.
type box struct {
	single string   // a choice, a number or a text
	multi  []string // a multi-select's ticked values
	text   string   // a note
}

// field builds the field of one step, bound to b and filled with what the
// spec holds now. Only the step on screen is ever built.
func (w *run) field(st step, b *box, editor []string) huh.Field {
	switch st.kind {
	case stepChannels:
		return w.channelsField(st.q, b)
	case stepConflict:
		return w.conflictField(st, b)
	case stepFollowUp:
		q := st.q
		b.text = w.spec.Get(st.key()).Note
		return noteField(w.followUps(st)+w.forChannel(st), "Kept as the note on your answer to: "+w.fill(q.Prompt), 3, &b.text, editor)
	case stepSystem:
		b.single = w.spec.Answers[st.q.ID].For(st.channel).System
		return huh.NewInput().Title(w.fill(st.q.Options[st.opt].System) + w.forChannel(st)).
			Description("A short name, used in the brief wherever this system is meant. Details go in a note.").
			Value(&b.single).
			Validate(func(v string) error { _, err := checklist.ParseSystemName(v); return err })
	case stepSectionNote:
		b.text = w.spec.SectionNotes[st.sec.ID]
		return noteField(fmt.Sprintf("Anything else the integrator should know about “%s”? (optional)", w.fill(st.sec.Title)),
			"Free text. Leave it empty and press Enter to go on; Alt+Enter starts a new line.", 4, &b.text, editor)
	}
	return w.questionField(st, b)
}

// The choices of a question that may differ by sales channel, the same for
// all first.
const (
	sameForAll       = "same"
	differsByChannel = "differs"
)

// channelsField asks whether q is the same for every chosen channel.
func (w *run) channelsField(q *checklist.Question, b *box) huh.Field {
	b.single = sameForAll
	if w.differing(q) {
		b.single = differsByChannel
	}
	channels := w.bank.ChannelList(w.channelsAsking(q), w.spec.Names(w.bank))
	return huh.NewSelect[string]().
		Title(w.fill(q.Prompt)).
		Description(w.help(q)+"\n\nYou sell through "+safe.Terminal(channels)+". Is the answer the same for all of them?").
		Options(huh.NewOption("The same for all channels", sameForAll),
			huh.NewOption("It differs: answer it for each channel", differsByChannel)).
		Value(&b.single)
}

// conflictField shows the two answers (or section notes) saved at the same
// time, and asks which to keep. It starts on deciding later, so that pressing
// Enter through it never decides for anyone.
func (w *run) conflictField(st step, b *box) huh.Field {
	theirs := w.spec.Conflicts[st.key()]
	var title, ours, other string
	if st.q == nil {
		title = fmt.Sprintf("Two notes on “%s” were saved at the same time", w.fill(st.sec.Title))
		ours, other = fmt.Sprintf("%q", w.spec.SectionNotes[st.key()]), fmt.Sprintf("%q", theirs.Note)
	} else {
		names := w.spec.Names(w.bank)
		title = w.fill(st.q.Prompt) + w.forChannel(st)
		ours, other = w.spec.Get(st.key()).Quote(st.q, names), theirs.Quote(st.q, names)
	}
	ours, other = safe.Terminal(ours), safe.Terminal(other)
	b.single = keepLater
	room := maxWidth - 40 // an option fits beside the cursor in a narrow terminal too
	return huh.NewSelect[string]().Title(title).
		Description("Two answers were saved at the same time (from two places, or two people). The spec uses the first until you decide.\n\n"+
			"In use now: "+ours+"\nThe other:  "+other).
		Options(huh.NewOption("Keep the one in use: "+oneLine(ours, room), keepOurs),
			huh.NewOption("Keep the other:  "+oneLine(other, room), keepTheirs),
			huh.NewOption("Decide later (integ check reports it until then)", keepLater)).
		Value(&b.single)
}

// forChannel names the channel a step asks about, after its title.
func (w *run) forChannel(st step) string {
	if st.channel == "" {
		return ""
	}
	return " — " + safe.Terminal(w.bank.ChannelTitle(st.channel, w.spec.Names(w.bank)))
}

// help is a question's help text, with where a platform fact in it comes
// from (its source), if the bank gives one.
func (w *run) help(q *checklist.Question) string {
	help := w.fill(q.Help)
	if q.Source != "" {
		help += "\n\nSource: " + safe.Terminal(q.Source)
	}
	return help
}

// describe is a question's help text, with the note already on the answer
// the step asks for.
func (w *run) describe(st step) string {
	help := w.help(st.q)
	if note := w.spec.Get(st.key()).Note; note != "" {
		help += "\n\nYour note: " + safe.Terminal(note)
	}
	return help
}

// questionField is a question's screen, for all channels or for one
// (starting from what that channel sees: its own answer, else the answer for all).
func (w *run) questionField(st step, b *box) huh.Field {
	q := st.q
	title, help := w.fill(q.Prompt)+w.forChannel(st), w.describe(st)
	seen := w.spec.Answers[q.ID].For(st.channel)
	switch q.Kind {
	case checklist.KindMulti:
		b.multi = slices.Clone(seen.Values)
		if len(b.multi) == 0 {
			b.multi = []string{checklist.Undecided}
		}
		var labels, values []string
		for _, opt := range q.Options {
			labels = append(labels, w.fill(opt.Label))
			values = append(values, opt.Value)
		}
		return newMultiSelect(title, help+"\n"+multiHint, labels, values, &b.multi)
	case checklist.KindNumber, checklist.KindText, checklist.KindDate:
		b.single = seen.Value()
		input := huh.NewInput().Title(title).Description(help).Value(&b.single)
		if q.DefaultIsAnswer() {
			input.Placeholder(w.fill(q.Default) + " (press Enter to use it)")
		}
		// The question checks what is typed, as integ set and a load would.
		input.Validate(func(v string) error {
			_, err := q.Parse(v)
			return err
		})
		return input
	}
	b.single = seen.Value()
	if b.single == "" || q.Option(b.single) == nil {
		// An unanswered question starts on "Undecided", so that pressing Enter
		// through it never records a decision nobody made.
		b.single = checklist.Undecided
	}
	var opts []huh.Option[string]
	for _, opt := range q.Options {
		opts = append(opts, huh.NewOption(w.fill(opt.Label), opt.Value))
	}
	return huh.NewSelect[string]().Title(title).Description(help).Options(opts...).Value(&b.single)
}

// noteField is a free-text field; Ctrl+E opens editor on it (none found: the
// wizard says what to set instead).
func noteField(title, description string, lines int, value *string, editor []string) huh.Field {
	t := huh.NewText().Title(title).Description(description).Lines(lines).Value(value).Validate(validateNote)
	if len(editor) > 0 {
		t.Editor(editor...)
	} else {
		t.ExternalEditor(false)
	}
	return t
}

// commit records what step st's screen holds in b, and saves. clash says
// that the save met another answer to it, saved at the same time (it
// recorded a conflict on it).
func (w *run) commit(st step, b *box) (clash bool, err error) {
	_, had := w.spec.Conflicts[st.key()]
	err = w.store(st, b)
	_, has := w.spec.Conflicts[st.key()]
	return has && !had && st.kind != stepConflict && st.kind != stepChannels, err
}

// store records what step st's screen holds in b, and saves.
func (w *run) store(st step, b *box) error {
	switch st.kind {
	case stepChannels:
		return w.sameForAll(st.q, b.single != differsByChannel)
	case stepConflict:
		return w.decide(st, b.single)
	case stepFollowUp:
		return w.note(st.key(), b.text)
	case stepSystem:
		return w.systemName(st, b.single)
	case stepSectionNote:
		return w.sectionNote(st.sec, b.text)
	}
	return w.answer(st, answerValues(st.q, b.single, b.multi))
}

// isText says whether a step's screen is free text (where Ctrl+E opens an editor).
func (st step) isText() bool { return st.kind == stepFollowUp || st.kind == stepSectionNote }

// validateNote checks a note as a load would, so a save never writes one
// that makes the spec unreadable.
func validateNote(note string) error {
	_, err := checklist.ParseNote(note)
	return err
}

var errNoneTicked = errors.New("tick at least one option with Space (Undecided counts)")

const multiHint = "Space ticks or unticks the option under the cursor; Enter goes on."

// followUps is what the note of st's answer must say: the follow-up question
// of each option ticked that asks one, in the bank's order.
func (w *run) followUps(st step) string {
	values := w.spec.Answers[st.q.ID].For(st.channel).Values
	var asks []string
	for _, opt := range st.q.Options {
		if opt.FollowUp != "" && slices.Contains(values, opt.Value) {
			asks = append(asks, w.fill(opt.FollowUp))
		}
	}
	if len(asks) == 0 {
		return w.fill(st.q.Options[st.opt].FollowUp)
	}
	return strings.Join(asks, " ")
}
