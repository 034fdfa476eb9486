package wizard

import (
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/safe"
	"github.com/integ-dev/integ/internal/spec"
)

// screen is what the wizard shows.
type screen int

const (
	screenMenu   screen = iota // what to do on a re-run
	screenPicker               // which section
	screenStep                 // a question, a follow-up or a section note
	screenNote                 // the note on the question underneath
	screenReview               // every answer, to jump to one
)

// detour says where a step opened from the review screen returns.
type detour int

const (
	noDetour      detour = iota
	detourAnswer         // one question (and its follow-up), then back
	detourSection        // a whole section, then back
)

// Keys the wizard handles itself, around the form on screen.
var (
	keyBack = key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back"))
	keyNote = key.NewBinding(key.WithKeys("ctrl+n"), key.WithHelp("ctrl+n", "note"))
	keyStop = key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "stop"))
	keyEsc  = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel"))
	keyEdit = key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "open editor"))
)

// maxWidth keeps lines readable in a wide terminal.
const maxWidth = 100

// model is the wizard's Bubble Tea model: one form on screen at a time,
// built when it is shown.
type model struct {
	w      *run
	theme  *huh.Theme
	keymap *huh.KeyMap
	st     styles
	help   help.Model
	editor []string

	width, height int
	screen        screen
	form          *huh.Form
	header        string
	natural       int // the form's height when nothing limits it
	flash         string
	box           box // what the form on screen is bound to
	choice        string

	// stepForm and stepBox keep the question underneath while its note is open.
	stepForm *huh.Form
	stepBox  box

	detour   detour
	reviewAt string // the review row a detour returns to

	finished bool      // the user finished on the review screen
	signal   os.Signal // the signal that stopped the run
	err      error     // a failed save
	quitting bool
}

func newModel(w *run, width, height int) *model {
	r := w.o.renderer()
	m := &model{w: w, theme: newTheme(r, w.o.Plain), keymap: newKeyMap(), st: newStyles(r), width: width, height: height}
	m.help = help.New()
	m.help.Styles = m.theme.Help
	lookPath := w.o.LookPath
	if lookPath == nil {
		lookPath = execLookPath
	}
	getenv := w.o.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	m.editor = editorCommand(getenv, lookPath)
	mode := w.o.Mode
	switch {
	case mode == "" && len(w.spec.Answers) == 0:
		mode = ModeAll
	case mode == "":
		m.showMenu()
		return m
	}
	m.begin(mode, w.o.Section)
	return m
}

// newKeyMap is huh's, with Enter named for what it does here, and Ctrl+N
// left to the note.
func newKeyMap() *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	next := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next"))
	km.Select.Submit, km.Input.Submit, km.Text.Submit = next, next, next
	km.Select.Down = key.NewBinding(key.WithKeys("down", "j", "ctrl+j"), key.WithHelp("↓", "down"))
	km.Input.AcceptSuggestion.SetEnabled(false)
	return km
}

func (m *model) Init() tea.Cmd {
	if m.form == nil {
		return nil
	}
	return m.form.Init()
}

func (m *model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case os.Signal:
		m.signal = msg
		return m.quit()
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return m, nil
	case tea.KeyMsg:
		m.flash = ""
		switch msg.String() {
		case "ctrl+c":
			return m.quit()
		case "ctrl+z":
			return m, tea.Suspend
		}
		if cmd, handled := m.key(msg); handled {
			return m, cmd
		}
	}
	if m.form == nil {
		return m, nil
	}
	f, cmd := m.form.Update(msg)
	m.form = f.(*huh.Form)
	if m.form.State == huh.StateCompleted {
		return m, m.completed()
	}
	return m, cmd
}

// key handles the wizard's own keys on each screen.
func (m *model) key(k tea.KeyMsg) (tea.Cmd, bool) {
	switch m.screen {
	case screenStep:
		switch {
		case key.Matches(k, keyBack):
			if m.detour == detourAnswer && m.w.cur.first {
				return m.showReview(m.reviewAt), true
			}
			if m.w.prev() {
				return m.showStep(), true
			}
			return nil, true
		case key.Matches(k, keyNote) && m.w.cur.kind == stepQuestion:
			return m.openNote(), true
		case key.Matches(k, keyEdit) && m.w.cur.isText() && m.editor == nil:
			m.flash = noEditor
			return nil, true
		}
	case screenNote:
		switch {
		case key.Matches(k, keyEsc):
			m.closeNote()
			return nil, true
		case key.Matches(k, keyEdit) && m.editor == nil:
			m.flash = noEditor
			return nil, true
		}
	case screenPicker:
		if key.Matches(k, keyEsc, keyBack) {
			return m.showMenu(), true
		}
	}
	return nil, false
}

// completed acts on the form that was just finished.
func (m *model) completed() tea.Cmd {
	switch m.screen {
	case screenMenu:
		switch m.choice {
		case ModeSection:
			return m.showPicker()
		case ModeReview:
			return m.showReview("")
		}
		return m.begin(m.choice, "")
	case screenPicker:
		return m.begin(ModeSection, m.choice)
	case screenNote:
		if err := m.w.note(m.w.cur.key(), m.box.text); err != nil {
			return m.fail(err)
		}
		m.closeNote()
		return nil
	case screenReview:
		if m.choice == "finish" || m.choice == "" {
			m.finished = true
			_, cmd := m.quit()
			return cmd
		}
		return m.jump(m.choice)
	}
	clash, err := m.w.commit(m.w.cur, &m.box)
	if err != nil {
		return m.fail(err)
	}
	return m.advance(clash)
}

// advance goes on after a step was answered.
func (m *model) advance(clash bool) tea.Cmd {
	answered := m.w.cur
	if clash && m.w.toConflict(answered) {
		// The save met another answer given at the same time: decide it now.
		m.flash = clashed
		return m.showStep()
	}
	if !m.w.next() {
		return m.showReview(m.reviewAt)
	}
	if m.detour == detourAnswer && (m.w.cur.q != answered.q || m.w.cur.first || m.w.cur.kind == stepSectionNote) {
		return m.showReview(m.reviewAt)
	}
	return m.showStep()
}

// clashed says that a save met another answer to the same question.
const clashed = "Another answer to this was saved at the same time: which one to keep?"

// begin starts going through the bank in mode.
func (m *model) begin(mode, section string) tea.Cmd {
	if mode == ModeReview || !m.w.start(mode, section) {
		return m.showReview("")
	}
	return m.showStep()
}

func (m *model) fail(err error) tea.Cmd {
	m.err = err
	_, cmd := m.quit()
	return cmd
}

func (m *model) quit() (tea.Model, tea.Cmd) {
	if (m.screen == screenStep || m.screen == screenNote) && m.w.cur.q != nil {
		m.w.res.Current = m.w.cur.q
		m.w.res.CurrentNote = m.screen == screenNote || m.w.cur.kind == stepFollowUp
	}
	m.quitting = true
	return m, tea.Quit
}

// setForm puts a new form with one field on screen.
func (m *model) setForm(field huh.Field) tea.Cmd {
	// Themed before the group measures it: huh would build its default theme
	// for every measurement otherwise.
	// Sized before too, so that the group measures the field as it will be drawn.
	field.WithTheme(m.theme)
	if m.width > 0 {
		field.WithWidth(min(m.width, maxWidth))
	}
	m.form = huh.NewForm(huh.NewGroup(field)).WithTheme(m.theme).WithKeyMap(m.keymap).WithShowHelp(false)
	m.natural = lipgloss.Height(m.form.View())
	m.layout()
	return m.form.Init()
}

// layout gives the form the width of the screen, and limits its height to
// what the screen leaves it when it would not fit (long lists then scroll).
func (m *model) layout() {
	if m.form == nil || m.width <= 0 {
		return
	}
	m.form.WithWidth(min(m.width, maxWidth))
	h := m.height - lipgloss.Height(m.header) - 3
	m.form.WithHeight(max(min(h, m.natural), 6))
}

func (m *model) showStep() tea.Cmd {
	m.screen = screenStep
	m.box = box{}
	where, id := m.w.header()
	lines := []string{m.st.title.Render(where)}
	if id != "" {
		lines = append(lines, m.st.dim.Render(id))
	}
	if sec := m.w.cur.sec; sec.Intro != "" && m.w.position().k == 1 && m.w.cur.first {
		lines = append(lines, m.st.dim.Render(lipgloss.NewStyle().Width(min(m.width, maxWidth)).Render(m.w.fill(sec.Intro))))
	}
	m.header = strings.Join(lines, "\n") + "\n"
	return m.setForm(m.w.field(m.w.cur, &m.box, m.editor))
}

// openNote opens the note on the question on screen, keeping its answer as it is.
func (m *model) openNote() tea.Cmd {
	q := m.w.cur.q
	m.stepForm, m.stepBox = m.form, m.box
	m.screen = screenNote
	m.box = box{text: m.w.spec.Note(q.ID)}
	field := noteField("Note on: "+m.w.fill(q.Prompt),
		"Anything the integrator should know about this answer. Enter keeps it, Esc leaves the note as it was; Alt+Enter starts a new line.",
		4, &m.box.text, m.editor)
	return m.setForm(field)
}

func (m *model) closeNote() {
	m.screen = screenStep
	m.form, m.box = m.stepForm, m.stepBox
	m.stepForm = nil
	m.layout()
}

func (m *model) showMenu() tea.Cmd {
	m.screen = screenMenu
	m.header = ""
	w := m.w
	total := spec.Counts{}
	for _, sec := range w.bank.Sections {
		total = total.Add(w.spec.Progress(sec))
	}
	names := w.spec.Names(w.bank)
	title := "Welcome back"
	if project := strings.TrimSpace(w.spec.Answers["project.name"].Value()); project != "" {
		title += " to " + safe.Terminal(project)
	}
	desc := fmt.Sprintf("%s ↔ %s · %d answered, %d undecided, %d open. Your earlier answers are pre-selected.",
		safe.Terminal(names.Store), safe.Terminal(names.Inventory), total.Answered, total.Undecided, total.Open)
	if n := len(w.spec.Conflicts); n > 0 {
		desc += fmt.Sprintf("\n⚠ %d %s saved twice at the same time: going through asks which to keep.", n, plural(n, "answer was", "answers were"))
	}
	var opts []huh.Option[string]
	if q := w.firstOpen(); q != nil {
		label := fmt.Sprintf("Continue where you stopped: %s, ", w.fill(q.Section.Title))
		room := min(max(m.width, 60), maxWidth) - 8 - lipgloss.Width(label) // border, cursor, quotes
		opts = append(opts, huh.NewOption(label+"“"+oneLine(w.fill(q.Prompt), room)+"”", ModeResume))
	}
	opts = append(opts,
		huh.NewOption("Go through everything", ModeAll),
		huh.NewOption(fmt.Sprintf("Only what is open or undecided (%d questions)", total.Open+total.Undecided), ModeUnanswered),
		huh.NewOption("Pick one section", ModeSection),
		huh.NewOption("Review your answers and finish", ModeReview),
	)
	m.choice = opts[0].Value
	return m.setForm(huh.NewSelect[string]().Title(title).Description(desc).Options(opts...).Value(&m.choice))
}

func (m *model) showPicker() tea.Cmd {
	m.screen = screenPicker
	w := m.w
	var opts []huh.Option[string]
	for i, sec := range w.bank.Sections {
		c := w.spec.Progress(sec)
		opts = append(opts, huh.NewOption(fmt.Sprintf("%d. %s: %d open, %d undecided of %d", i+1, w.fill(sec.Title), c.Open, c.Undecided, c.Asked()), sec.ID))
	}
	m.choice = opts[0].Value
	return m.setForm(huh.NewSelect[string]().Title("Which section?").Options(opts...).Value(&m.choice))
}

func (m *model) View() string {
	if m.quitting || m.form == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(m.header)
	b.WriteString(m.form.View())
	b.WriteString("\n")
	if m.flash != "" {
		b.WriteString(m.st.flash.Render(m.flash) + "\n")
	}
	b.WriteString(m.help.ShortHelpView(m.bindings()))
	return b.String()
}

// bindings are the keys the footer names: the field's, then the wizard's.
func (m *model) bindings() []key.Binding {
	binds := m.form.KeyBinds()
	switch m.screen {
	case screenStep:
		binds = append(binds, keyBack)
		if m.w.cur.kind == stepQuestion {
			binds = append(binds, keyNote)
		} else if m.editor == nil {
			binds = append(binds, keyEdit)
		}
	case screenNote:
		binds = append(binds, keyEsc)
		if m.editor == nil {
			binds = append(binds, keyEdit)
		}
	case screenPicker:
		binds = append(binds, keyBack)
	}
	return append(binds, keyStop)
}

// answerText is an answer as the review lists it; where it differs by
// channel, each channel's.
func (w *run) answerText(q *checklist.Question) string {
	if channels := w.channelsAsking(q); len(channels) > 1 && w.differing(q) {
		var parts []string
		for _, ch := range channels {
			parts = append(parts, safe.Terminal(w.bank.ChannelTitle(ch, w.spec.Names(w.bank)))+": "+w.valuesText(q, w.spec.Answers[q.ID].For(ch)))
		}
		return w.conflictMark(q) + strings.Join(parts, "; ")
	}
	return w.conflictMark(q) + w.valuesText(q, w.spec.Answers[q.ID])
}

// conflictMark flags an answer saved twice at the same time, still to decide.
func (w *run) conflictMark(q *checklist.Question) string {
	if w.inConflict(q) {
		return "⚠ two answers, decide: "
	}
	return ""
}

// valuesText is one answer's values as the review lists them, ✎ where it has a note.
func (w *run) valuesText(q *checklist.Question, a spec.Answer) string {
	var parts []string
	for _, v := range a.Values {
		switch opt := q.Option(v); {
		case v == checklist.Undecided:
			parts = append(parts, "undecided")
		case opt != nil && q.HasOptions():
			parts = append(parts, w.fill(opt.Label))
		default:
			parts = append(parts, safe.Terminal(v))
		}
	}
	text := strings.Join(parts, ", ")
	if text == "" {
		text = "— open"
	}
	if a.Note != "" {
		text += " ✎"
	}
	return text
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
