package wizard

import (
	"errors"
	"fmt"
	"slices"

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
	case stepFollowUp:
		q := st.q
		b.text = w.spec.Note(q.ID)
		return noteField(w.fill(q.Options[st.opt].FollowUp), "Kept as the note on your answer to: "+w.fill(q.Prompt), 3, &b.text, editor)
	case stepSystem:
		b.single = w.spec.System(st.q.ID)
		return huh.NewInput().Title(w.fill(st.q.Options[st.opt].System)).
			Description("A short name, used in the brief wherever this system is meant. Details go in a note.").
			Value(&b.single).
			Validate(func(v string) error { _, err := checklist.ParseSystemName(v); return err })
	case stepSectionNote:
		b.text = w.spec.SectionNotes[st.sec.ID]
		return noteField(fmt.Sprintf("Anything else the integrator should know about “%s”? (optional)", w.fill(st.sec.Title)),
			"Free text. Leave it empty and press Enter to go on; Alt+Enter starts a new line.", 4, &b.text, editor)
	}
	return w.questionField(st.q, b)
}

// describe is a question's help text, with the note already on its answer.
func (w *run) describe(q *checklist.Question) string {
	help := w.fill(q.Help)
	if note := w.spec.Note(q.ID); note != "" {
		help += "\n\nYour note: " + safe.Terminal(note)
	}
	return help
}

func (w *run) questionField(q *checklist.Question, b *box) huh.Field {
	title, help := w.fill(q.Prompt), w.describe(q)
	switch q.Kind {
	case checklist.KindMulti:
		b.multi = slices.Clone(w.spec.Values(q.ID))
		if len(b.multi) == 0 {
			b.multi = []string{checklist.Undecided}
		}
		var labels, values []string
		for _, opt := range q.Options {
			labels = append(labels, w.fill(opt.Label))
			values = append(values, opt.Value)
		}
		return newMultiSelect(title, help+"\n"+multiHint, labels, values, &b.multi)
	case checklist.KindNumber, checklist.KindText:
		b.single = w.spec.Answers[q.ID].Value()
		input := huh.NewInput().Title(title).Description(help).Value(&b.single)
		if q.Default != "" {
			input.Placeholder(w.fill(q.Default) + " (press Enter to use it)")
		}
		// The question checks what is typed, as integ set and a load would.
		input.Validate(func(v string) error {
			_, err := q.Parse(v)
			return err
		})
		return input
	}
	b.single = w.spec.Answers[q.ID].Value()
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

// commit records what step st's screen holds in b, and saves.
func (w *run) commit(st step, b *box) error {
	switch st.kind {
	case stepFollowUp:
		return w.note(st.q, b.text)
	case stepSystem:
		return w.systemName(st.q, b.single)
	case stepSectionNote:
		return w.sectionNote(st.sec, b.text)
	}
	return w.answer(st.q, answerValues(st.q, b.single, b.multi))
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
