// Package wizard builds the huh forms of `integ plan` from the question bank
// and the spec, one form per section, and copies answers back into the spec
// only when a section is completed. It knows nothing of files: the caller saves
// the spec in OnSectionDone. It is the only package that imports huh.
package wizard

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/safe"
	"github.com/integ-dev/integ/internal/spec"
)

// ErrAborted is returned when the user pressed Ctrl-C. Sections completed
// before that have been handed to OnSectionDone.
var ErrAborted = errors.New("aborted")

// Modes of going through the bank.
const (
	ModeAll        = "all"        // every question, earlier answers pre-selected
	ModeUnanswered = "unanswered" // only open and undecided questions
	ModeSection    = "section"    // one section
	ModeFinish     = "finish"     // nothing: go straight to the summary
)

// FormRunner runs one huh form to its end. Its name lets callers outside
// this package pass one along (tests do) without importing huh themselves.
type FormRunner func(*huh.Form) error

// Options configure one run of the wizard.
type Options struct {
	Bank *checklist.Bank
	Spec *spec.Spec
	// Mode is ModeAll, ModeUnanswered or ModeSection; empty asks with a menu
	// when the spec already has answers, and means ModeAll on a first run.
	Mode    string
	Section string // with ModeSection
	// Accessible runs huh's screen-reader mode, one prompt at a time.
	Accessible bool
	// Plain drops colour (NO_COLOR, TERM=dumb).
	Plain  bool
	Input  io.Reader
	Output io.Writer
	// RunForm runs one form; tests replace it to drive forms with keystrokes.
	RunForm FormRunner
	// OnSectionDone is called after each completed section, with the spec
	// already updated; it saves. An error stops the wizard.
	OnSectionDone func(section *checklist.Section) error
}

// Result says what the run did.
type Result struct {
	SectionsDone int // sections completed and handed to OnSectionDone, each counted once
}

// Run runs the wizard.
func Run(o Options) (Result, error) {
	var res Result
	if o.RunForm == nil {
		o.RunForm = o.runForm
	}
	if o.Plain {
		lipgloss.SetColorProfile(termenv.Ascii)
	}
	mode, sectionID := o.Mode, o.Section
	if mode == "" && len(o.Spec.Answers) == 0 {
		mode = ModeAll
	}
	if mode == "" {
		var err error
		mode, sectionID, err = o.menu()
		if err != nil {
			return res, err
		}
	}
	if mode == ModeFinish {
		return res, nil
	}
	sections := o.Bank.Sections
	if mode == ModeSection {
		sec := o.Bank.Section(sectionID)
		if sec == nil {
			return res, fmt.Errorf("unknown section %q", sectionID)
		}
		sections = []*checklist.Section{sec}
	}
	// done holds the sections finished in this run, so that Shift-Tab at the
	// start of a section can reopen the one before it; reopened sections show
	// all their questions, answers pre-selected, even in ModeUnanswered.
	var done []int
	reopened, saved := map[*checklist.Section]bool{}, map[*checklist.Section]bool{}
	for i := 0; i < len(sections); i++ {
		sec := sections[i]
		f := o.buildSection(sec, mode == ModeUnanswered && !reopened[sec], len(done) > 0 && !o.Accessible)
		if f == nil {
			continue
		}
		run := func() error { return o.RunForm(f.form) }
		if o.Accessible {
			run = func() error { return o.runAccessible(f) }
		}
		if err := run(); err != nil {
			if errors.Is(err, huh.ErrUserAborted) {
				return res, ErrAborted
			}
			return res, err
		}
		if f.back {
			prev := done[len(done)-1]
			done = done[:len(done)-1]
			reopened[sections[prev]] = true
			i = prev - 1
			continue
		}
		f.commit()
		if o.OnSectionDone != nil {
			if err := o.OnSectionDone(sec); err != nil {
				return res, err
			}
		}
		done = append(done, i)
		saved[sec] = true
		res.SectionsDone = len(saved)
	}
	return res, nil
}

func (o Options) runForm(f *huh.Form) error {
	f = f.WithInput(o.Input).WithOutput(o.Output).WithAccessible(o.Accessible)
	// Give every screen the terminal's full height: left to itself, huh sizes all
	// groups from the tallest one and scrolls long option lists so that the
	// options above a pre-selected answer disappear from view.
	if out, ok := o.Output.(*os.File); ok {
		if _, rows, err := term.GetSize(out.Fd()); err == nil && rows > 10 {
			f = f.WithHeight(rows - 1)
		}
	}
	return f.Run()
}

func (o Options) theme() *huh.Theme {
	if o.Plain {
		return huh.ThemeBase()
	}
	return huh.ThemeCharm()
}

// menu asks what to do on a re-run.
func (o Options) menu() (mode, section string, err error) {
	total := spec.Counts{}
	for _, sec := range o.Bank.Sections {
		total = total.Add(o.Spec.Progress(sec))
	}
	names := o.Spec.Names(o.Bank)
	project := strings.TrimSpace(o.Spec.Answers["project.name"].Value())
	title := "Welcome back"
	if project != "" {
		title += " to " + safe.Terminal(project)
	}
	desc := fmt.Sprintf("%s ↔ %s · %d answered, %d undecided, %d open. Your earlier answers are pre-selected.",
		safe.Terminal(names.Store), safe.Terminal(names.Inventory), total.Answered, total.Undecided, total.Open)
	sel := huh.NewSelect[string]().
		Title(title).
		Description(desc).
		Options(
			huh.NewOption("Go through everything", ModeAll),
			huh.NewOption(fmt.Sprintf("Only what is open or undecided (%d questions)", total.Open+total.Undecided), ModeUnanswered),
			huh.NewOption("Pick one section", ModeSection),
			huh.NewOption("Review and finish", ModeFinish),
		).
		Value(&mode)
	if err := o.runMenu(sel); err != nil {
		return "", "", err
	}
	if mode != ModeSection {
		return mode, "", nil
	}
	var opts []huh.Option[string]
	for i, sec := range o.Bank.Sections {
		c := o.Spec.Progress(sec)
		label := fmt.Sprintf("%d. %s: %d open, %d undecided of %d", i+1, safe.Terminal(names.Fill(sec.Title, nil)), c.Open, c.Undecided, c.Asked())
		opts = append(opts, huh.NewOption(label, sec.ID))
	}
	pick := huh.NewSelect[string]().Title("Which section?").Options(opts...).Value(&section)
	if err := o.runMenu(pick); err != nil {
		return "", "", err
	}
	return ModeSection, section, nil
}

func (o Options) runMenu(field huh.Field) error {
	err := o.RunForm(huh.NewForm(huh.NewGroup(field)).WithTheme(o.theme()))
	if errors.Is(err, huh.ErrUserAborted) {
		return ErrAborted
	}
	return err
}

// sectionForm is one section's form and the working copies of its answers.
type sectionForm struct {
	form   *huh.Form
	groups []*huh.Group
	// hidden[i] says whether groups[i] is skipped with the current answers.
	hidden  []func() bool
	working *workingAnswers
	spec    *spec.Spec
	section *checklist.Section
	asked   []*checklist.Question
	note    *string
	header  string // "Section N of M · Title"
	// back is set when the user pressed Shift-Tab on the first question to
	// return to the previous section; nothing of this section is committed.
	back bool
}

// workingAnswers are the values bound to the fields while a section is being
// answered. Conditions see them laid over the spec, so a follow-up appears as
// soon as the answer that calls for it is chosen.
type workingAnswers struct {
	spec   *spec.Spec
	single map[string]*string
	multi  map[string]*[]string
	notes  map[string]*string
	// systems holds the short name of the system an answer names ("another system").
	systems map[string]*string
}

func (w *workingAnswers) Values(id string) []string {
	if v, ok := w.single[id]; ok {
		if *v == "" {
			return nil
		}
		return []string{*v}
	}
	if v, ok := w.multi[id]; ok {
		return *v
	}
	return w.spec.Values(id)
}

func (w *workingAnswers) Note(id string) string {
	if n, ok := w.notes[id]; ok {
		return *n
	}
	return w.spec.Note(id)
}

func (o Options) buildSection(sec *checklist.Section, onlyUnanswered, canGoBack bool) *sectionForm {
	bank, s := o.Bank, o.Spec
	names := s.Names(bank)
	fill := func(text string) string {
		return safe.Terminal(names.Fill(text, map[string]string{"third": "the other system", "value": "this"}))
	}
	w := &workingAnswers{spec: s, single: map[string]*string{}, multi: map[string]*[]string{}, notes: map[string]*string{}, systems: map[string]*string{}}
	index := slices.Index(bank.Sections, sec) + 1
	header := fmt.Sprintf("Section %d of %d · %s", index, len(bank.Sections), fill(sec.Title))
	sf := &sectionForm{working: w, spec: s, section: sec, header: header}

	for _, q := range sec.Questions {
		if onlyUnanswered && s.StatusOf(q) == spec.Answered {
			continue
		}
		sf.asked = append(sf.asked, q)
		q := q
		note, system := s.Note(q.ID), s.System(q.ID)
		w.notes[q.ID], w.systems[q.ID] = &note, &system
		visible := func() bool { return q.When.Holds(w) }
		var field huh.Field
		switch q.Kind {
		case checklist.KindMulti:
			vals := slices.Clone(s.Values(q.ID))
			if len(vals) == 0 {
				vals = []string{checklist.Undecided}
			}
			w.multi[q.ID] = &vals
			var opts []huh.Option[string]
			for _, opt := range q.Options {
				opts = append(opts, huh.NewOption(fill(opt.Label), opt.Value).Selected(slices.Contains(vals, opt.Value)))
			}
			field = huh.NewMultiSelect[string]().
				Title(fill(q.Prompt)).Description(fill(q.Help) + "\nSpace ticks an option, Enter goes on.").
				Options(opts...).Value(&vals).
				Validate(func(v []string) error {
					if len(v) == 0 {
						return errors.New("tick at least one option, or Undecided")
					}
					if len(v) > 1 && slices.Contains(v, checklist.Undecided) {
						return errors.New("untick Undecided, or untick the others")
					}
					return nil
				})
		case checklist.KindNumber, checklist.KindText:
			val := s.Answers[q.ID].Value()
			w.single[q.ID] = &val
			input := huh.NewInput().Title(fill(q.Prompt)).Description(fill(q.Help)).Value(&val)
			if q.Default != "" {
				input.Placeholder("leave empty for " + fill(q.Default))
			}
			// The question checks what is typed, as integ set and a load would.
			input.Validate(func(v string) error {
				_, err := q.Parse(v)
				return err
			})
			field = input
		default:
			val := s.Answers[q.ID].Value()
			if val == "" || q.Option(val) == nil {
				// An unanswered question starts on "Undecided", so that pressing Enter
				// through it never records a decision nobody made.
				val = checklist.Undecided
			}
			w.single[q.ID] = &val
			var opts []huh.Option[string]
			for _, opt := range q.Options {
				opts = append(opts, huh.NewOption(fill(opt.Label), opt.Value))
			}
			field = huh.NewSelect[string]().Title(fill(q.Prompt)).Description(fill(q.Help)).Options(opts...).Value(&val)
		}
		if canGoBack {
			field = &backField{Field: field, back: &sf.back}
		}
		g := sf.add(huh.NewGroup(field).Title(header), func() bool { return !visible() })
		if len(sf.groups) == 1 && sec.Intro != "" {
			g.Description(fill(sec.Intro))
		}

		// Follow-ups that ask for the name of the system an answer names
		// ("which tax service?"), kept in the answer's own field.
		for _, opt := range q.Options {
			if opt.System == "" {
				continue
			}
			value := opt.Value
			name := huh.NewInput().Title(fill(opt.System)).
				Description("A short name, used in the brief wherever this system is meant. Details go in a note.").
				Value(w.systems[q.ID]).
				Validate(func(v string) error { _, err := checklist.ParseSystemName(v); return err })
			sf.add(huh.NewGroup(name).Title(header), func() bool {
				return !visible() || !slices.Contains(w.Values(q.ID), value)
			})
		}
		// Follow-ups that ask for the answer's note ("how is it split?").
		for _, opt := range q.Options {
			if opt.FollowUp == "" {
				continue
			}
			value := opt.Value
			notePtr := w.notes[q.ID]
			follow := huh.NewText().Title(fill(opt.FollowUp)).
				Description("Kept as the note on your answer to: " + fill(q.Prompt)).
				Lines(3).Value(notePtr).Validate(validateNote)
			sf.add(huh.NewGroup(follow).Title(header), func() bool {
				return !visible() || !slices.Contains(w.Values(q.ID), value)
			})
		}
	}
	if len(sf.asked) == 0 {
		return nil
	}
	sectionNote := s.SectionNotes[sec.ID]
	sf.note = &sectionNote
	sf.add(huh.NewGroup(
		huh.NewText().
			Title(fmt.Sprintf("Anything else the integrator should know about “%s”? (optional)", fill(sec.Title))).
			Description("Free text. Leave it empty and press Enter to go on; Alt+Enter starts a new line.").
			Lines(4).Value(&sectionNote).Validate(validateNote),
	).Title(header), func() bool { return false })
	sf.form = huh.NewForm(sf.groups...).WithTheme(o.theme())
	return sf
}

// validateNote checks a note as a load would, so a save never writes one
// that makes the spec unreadable.
func validateNote(note string) error {
	_, err := checklist.ParseNote(note)
	return err
}

func (sf *sectionForm) add(g *huh.Group, hidden func() bool) *huh.Group {
	sf.groups = append(sf.groups, g.WithHideFunc(hidden))
	sf.hidden = append(sf.hidden, hidden)
	return g
}

// commit copies the section's answers into the spec. Answers to questions
// that ended up hidden are left as they were: they are kept, not dropped.
func (sf *sectionForm) commit() {
	w, s := sf.working, sf.spec
	for _, q := range sf.asked {
		if !q.When.Holds(w) {
			continue
		}
		a := s.Answers[q.ID]
		a.Note = strings.TrimSpace(*w.notes[q.ID])
		a.System = strings.TrimSpace(*w.systems[q.ID])
		switch {
		case w.multi[q.ID] != nil:
			a.Values = slices.Clone(*w.multi[q.ID])
		default:
			v := strings.TrimSpace(*w.single[q.ID])
			a.Values = nil
			if v != "" {
				a.Values = []string{v}
				// The form validated it; this writes 95.50 as 95.5, as integ set does.
				if checked, err := q.ParseValues(a.Values); err == nil && q.Kind == checklist.KindNumber {
					a.Values = checked
				}
			}
		}
		s.Set(q.ID, a)
	}
	note := strings.TrimSpace(*sf.note)
	if note == "" {
		delete(s.SectionNotes, sf.section.ID)
	} else {
		s.SectionNotes[sf.section.ID] = note
	}
}

// runAccessible asks one group at a time, skipping hidden ones: huh's own
// accessible mode would ask every field, conditions or not.
func (o Options) runAccessible(sf *sectionForm) error {
	// Group titles are not read out in accessible mode; say where we are.
	if o.Output != nil {
		fmt.Fprintf(o.Output, "\n%s\n\n", sf.header)
	}
	for i, g := range sf.groups {
		if sf.hidden[i]() {
			continue
		}
		if err := o.RunForm(huh.NewForm(g).WithTheme(o.theme())); err != nil {
			return err
		}
	}
	return nil
}
