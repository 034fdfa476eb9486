package wizard

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"github.com/integ-dev/integ/checklist"
)

// multiSelect is the wizard's multi-select field. huh's own scrolls to the
// first ticked option, so an unanswered question (Undecided ticked, last)
// showed only "Undecided" above blank lines; and it let Undecided stay ticked
// beside real answers. Here every option shows from the top, ticking an
// option unticks Undecided and ticking Undecided unticks the rest, and one
// key (Space) ticks, named the same in the hint and the footer.
type multiSelect struct {
	title, description string
	labels, values     []string
	ticked             []bool
	value              *[]string
	cursor, offset     int
	focused            bool
	err                error
	theme              *huh.Theme
	width, height      int
}

var multiKeys = struct {
	up, down, toggle, submit key.Binding
}{
	up:     key.NewBinding(key.WithKeys("up", "k", "ctrl+p"), key.WithHelp("↑", "up")),
	down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", "down")),
	toggle: key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "tick")),
	submit: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next")),
}

func newMultiSelect(title, description string, labels, values []string, value *[]string) *multiSelect {
	m := &multiSelect{title: title, description: description, labels: labels, values: values, value: value, ticked: make([]bool, len(values))}
	for i, v := range values {
		for _, t := range *value {
			m.ticked[i] = m.ticked[i] || t == v
		}
	}
	return m
}

// toggle ticks or unticks option i; Undecided and real answers exclude each other.
func (m *multiSelect) toggle(i int) {
	on := !m.ticked[i]
	m.ticked[i] = on
	if on {
		for j := range m.ticked {
			if j != i && (m.values[i] == checklist.Undecided || m.values[j] == checklist.Undecided) {
				m.ticked[j] = false
			}
		}
	}
	m.store()
}

func (m *multiSelect) store() {
	var v []string
	for i, t := range m.ticked {
		if t {
			v = append(v, m.values[i])
		}
	}
	*m.value = v
}

func (m *multiSelect) Init() tea.Cmd { return nil }

func (m *multiSelect) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	m.err = nil
	switch {
	case key.Matches(k, multiKeys.up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(k, multiKeys.down):
		m.cursor = min(m.cursor+1, len(m.values)-1)
	case key.Matches(k, multiKeys.toggle):
		m.toggle(m.cursor)
	case key.Matches(k, multiKeys.submit):
		if len(*m.value) == 0 {
			m.err = errNoneTicked
			return m, nil
		}
		return m, huh.NextField
	}
	return m, nil
}

func (m *multiSelect) styles() *huh.FieldStyles { return fieldStyles(m.theme, m.focused) }

// fieldStyles are a theme's styles (huh's base theme when none was given)
// for a field with or without focus.
func fieldStyles(t *huh.Theme, focused bool) *huh.FieldStyles {
	if t == nil {
		t = huh.ThemeBase()
	}
	if focused {
		return &t.Focused
	}
	return &t.Blurred
}

// fieldHead is a field's title (marked when the field has an error) and
// its description, if any, wrapped to the field's width less its frame.
func fieldHead(st *huh.FieldStyles, width int, title string, failed bool, description string) string {
	inner := max(width-st.Base.GetHorizontalFrameSize(), 20)
	if width <= 0 {
		inner = 76
	}
	head := st.Title.Render(lipgloss.NewStyle().Width(inner).Render(title))
	if failed {
		head += st.ErrorIndicator.String()
	}
	if description != "" {
		head += "\n" + st.Description.Render(lipgloss.NewStyle().Width(inner).Render(description))
	}
	return head
}

func (m *multiSelect) View() string {
	st := m.styles()
	head := fieldHead(st, m.width, m.title, m.err != nil, m.description)
	rows := len(m.values)
	if m.height > 0 {
		rows = max(3, min(rows, m.height-lipgloss.Height(head)-1))
	}
	// Scroll only as far as the cursor needs: the first view starts at the top.
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+rows {
		m.offset = m.cursor - rows + 1
	}
	var lines []string
	for i := m.offset; i < min(len(m.values), m.offset+rows); i++ {
		lines = append(lines, m.option(st, i))
	}
	if below := len(m.values) - m.offset - rows; below > 0 {
		lines = append(lines, st.Description.Render(fmt.Sprintf("  ↓ %d more", below)))
	}
	return st.Base.Width(m.width).Render(head + "\n" + strings.Join(lines, "\n"))
}

func (m *multiSelect) option(st *huh.FieldStyles, i int) string {
	cursor := strings.Repeat(" ", lipgloss.Width(st.MultiSelectSelector.String()))
	if i == m.cursor && m.focused {
		cursor = st.MultiSelectSelector.String()
	}
	if m.ticked[i] {
		return cursor + st.SelectedPrefix.String() + st.SelectedOption.Render(m.labels[i])
	}
	return cursor + st.UnselectedPrefix.String() + st.UnselectedOption.Render(m.labels[i])
}

func (m *multiSelect) Focus() tea.Cmd { m.focused = true; return nil }
func (m *multiSelect) Blur() tea.Cmd  { m.focused = false; return nil }
func (m *multiSelect) Error() error   { return m.err }
func (m *multiSelect) Run() error     { return huh.Run(m) }
func (m *multiSelect) Skip() bool     { return false }
func (m *multiSelect) Zoom() bool     { return false }

func (m *multiSelect) KeyBinds() []key.Binding {
	return []key.Binding{multiKeys.up, multiKeys.down, multiKeys.toggle, multiKeys.submit}
}

// RunAccessible asks for the options by number, one line at a time.
func (m *multiSelect) RunAccessible(w io.Writer, r io.Reader) error {
	fmt.Fprintln(w, m.title)
	for {
		for i, label := range m.labels {
			mark := " "
			if m.ticked[i] {
				mark = "x"
			}
			fmt.Fprintf(w, "%d. [%s] %s\n", i+1, mark, label)
		}
		fmt.Fprintf(w, "Type a number to tick or untick it, or just press Enter to go on: ")
		line, err := readLine(r)
		if err != nil {
			return err
		}
		line = strings.TrimSpace(line)
		if line == "" {
			if len(*m.value) == 0 {
				fmt.Fprintln(w, errNoneTicked.Error())
				continue
			}
			return nil
		}
		n, err := strconv.Atoi(line)
		if err != nil || n < 1 || n > len(m.values) {
			fmt.Fprintf(w, "Type a number between 1 and %d.\n", len(m.values))
			continue
		}
		m.toggle(n - 1)
	}
}

// readLine reads one line, a byte at a time, so that nothing after it is
// taken from r.
func readLine(r io.Reader) (string, error) {
	var b strings.Builder
	buf := make([]byte, 1)
	for {
		n, err := r.Read(buf)
		if n == 1 {
			if buf[0] == '\n' {
				return b.String(), nil
			}
			b.WriteByte(buf[0])
		}
		if err != nil {
			if b.Len() > 0 && err == io.EOF {
				return b.String(), nil
			}
			return "", err
		}
	}
}

func (m *multiSelect) WithTheme(t *huh.Theme) huh.Field {
	if m.theme == nil {
		m.theme = t
	}
	return m
}
func (m *multiSelect) WithAccessible(bool) huh.Field            { return m }
func (m *multiSelect) WithKeyMap(*huh.KeyMap) huh.Field         { return m }
func (m *multiSelect) WithWidth(w int) huh.Field                { m.width = w; return m }
func (m *multiSelect) WithHeight(h int) huh.Field               { m.height = h; return m }
func (m *multiSelect) WithPosition(huh.FieldPosition) huh.Field { return m }
func (m *multiSelect) GetKey() string                           { return "" }
func (m *multiSelect) GetValue() any                            { return *m.value }
