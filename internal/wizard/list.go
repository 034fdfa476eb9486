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
)

// choiceList is the review's list: one choice, Enter takes it. huh's Select
// scrolls the chosen row to the top of its window as soon as the cursor
// reaches the window's last row, and opens with the chosen row at the top,
// so the rows above it go off screen. Here the window moves only as far as
// keeps listContext rows around the cursor, as a list in gum does; / filters.
type choiceList struct {
	title, description string
	labels, values     []string
	value              *string
	shown              []int // the rows the filter keeps, as indexes into labels
	cursor, offset     int   // the cursor's place in shown, and the window's first row
	filter             string
	filtering          bool
	focused            bool
	theme              *huh.Theme
	width, height      int
}

// listContext is how many rows the window keeps above and below the cursor.
const listContext = 3

var listKeys = struct {
	up, down, top, bottom, pageUp, pageDown, filter, clear, submit key.Binding
}{
	up:       key.NewBinding(key.WithKeys("up", "k", "ctrl+p"), key.WithHelp("↑", "up")),
	down:     key.NewBinding(key.WithKeys("down", "j", "ctrl+j"), key.WithHelp("↓", "down")),
	top:      key.NewBinding(key.WithKeys("home", "g")),
	bottom:   key.NewBinding(key.WithKeys("end", "G")),
	pageUp:   key.NewBinding(key.WithKeys("pgup")),
	pageDown: key.NewBinding(key.WithKeys("pgdown")),
	filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
	clear:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
	submit:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next")),
}

// newChoiceList lists labels; the cursor starts on the row whose value
// *value holds (the first when none does).
func newChoiceList(title, description string, labels, values []string, value *string) *choiceList {
	l := &choiceList{title: title, description: description, labels: labels, values: values, value: value}
	l.applyFilter()
	for i, row := range l.shown {
		if values[row] == *value {
			l.cursor = i
		}
	}
	l.store()
	return l
}

// applyFilter keeps the rows whose label contains the filter (any case),
// keeping the cursor on the row it was on where it can.
func (l *choiceList) applyFilter() {
	current := -1
	if l.cursor < len(l.shown) {
		current = l.shown[l.cursor]
	}
	l.shown, l.cursor = l.shown[:0], 0
	needle := strings.ToLower(l.filter)
	for i, label := range l.labels {
		if strings.Contains(strings.ToLower(label), needle) {
			if i == current {
				l.cursor = len(l.shown)
			}
			l.shown = append(l.shown, i)
		}
	}
}

func (l *choiceList) store() {
	if l.cursor < len(l.shown) {
		*l.value = l.values[l.shown[l.cursor]]
	}
}

func (l *choiceList) Init() tea.Cmd { return nil }

func (l *choiceList) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return l, nil
	}
	page := max(l.rows()-1, 1)
	switch {
	case l.filtering && k.Type == tea.KeyRunes:
		l.filter += string(k.Runes)
		l.applyFilter()
	case l.filtering && k.Type == tea.KeySpace:
		l.filter += " "
		l.applyFilter()
	case l.filtering && k.Type == tea.KeyBackspace:
		if r := []rune(l.filter); len(r) > 0 {
			l.filter = string(r[:len(r)-1])
			l.applyFilter()
		}
	case key.Matches(k, listKeys.clear):
		l.filter, l.filtering = "", false
		l.applyFilter()
	case key.Matches(k, listKeys.filter):
		l.filtering = true
	case key.Matches(k, listKeys.up):
		l.cursor = max(l.cursor-1, 0)
	case key.Matches(k, listKeys.down):
		l.cursor = min(l.cursor+1, len(l.shown)-1)
	case key.Matches(k, listKeys.top):
		l.cursor = 0
	case key.Matches(k, listKeys.bottom):
		l.cursor = len(l.shown) - 1
	case key.Matches(k, listKeys.pageUp):
		l.cursor = max(l.cursor-page, 0)
	case key.Matches(k, listKeys.pageDown):
		l.cursor = min(l.cursor+page, len(l.shown)-1)
	case key.Matches(k, listKeys.submit):
		if len(l.shown) == 0 {
			return l, nil
		}
		l.store()
		return l, huh.NextField
	}
	l.cursor = max(l.cursor, 0)
	l.store()
	return l, nil
}

func (l *choiceList) styles() *huh.FieldStyles { return fieldStyles(l.theme, l.focused) }

// head is the title, the description and the filter, if any.
func (l *choiceList) head() string {
	st := l.styles()
	head := fieldHead(st, l.width, l.title, false, l.description)
	if l.filtering || l.filter != "" {
		head += "\n" + st.Description.Render(fmt.Sprintf("/ %s (Esc clears it; %d of %d rows)", l.filter, len(l.shown), len(l.labels)))
	}
	return head
}

// rows is how many rows the window shows: all of them, or what the height
// leaves (less a line that says how many more there are).
func (l *choiceList) rows() int {
	if l.height <= 0 {
		return len(l.labels)
	}
	return max(3, min(len(l.labels), l.height-lipgloss.Height(l.head())-1))
}

// scroll moves the window as little as keeps context rows on each side of
// the cursor (fewer at either end of the list).
func (l *choiceList) scroll(rows int) {
	context := min(listContext, (rows-1)/2)
	if l.cursor-context < l.offset {
		l.offset = l.cursor - context
	}
	if l.cursor+context > l.offset+rows-1 {
		l.offset = l.cursor + context - rows + 1
	}
	l.offset = max(0, min(l.offset, len(l.shown)-rows))
}

func (l *choiceList) View() string {
	st := l.styles()
	head := l.head()
	rows := l.rows()
	l.scroll(rows)
	var lines []string
	for i := l.offset; i < min(len(l.shown), l.offset+rows); i++ {
		lines = append(lines, l.row(st, i))
	}
	if below := len(l.shown) - l.offset - rows; below > 0 {
		lines = append(lines, st.Description.Render(fmt.Sprintf("  ↓ %d more", below)))
	} else if l.offset > 0 {
		lines = append(lines, st.Description.Render(fmt.Sprintf("  ↑ %d more", l.offset)))
	}
	return st.Base.Width(l.width).Render(head + "\n" + strings.Join(lines, "\n"))
}

func (l *choiceList) row(st *huh.FieldStyles, i int) string {
	label := l.labels[l.shown[i]]
	if i == l.cursor && l.focused {
		return st.SelectSelector.String() + st.SelectedOption.Render(label)
	}
	return strings.Repeat(" ", lipgloss.Width(st.SelectSelector.String())) + st.UnselectedOption.Render(label)
}

func (l *choiceList) Focus() tea.Cmd { l.focused = true; return nil }
func (l *choiceList) Blur() tea.Cmd  { l.focused = false; return nil }
func (l *choiceList) Error() error   { return nil }
func (l *choiceList) Run() error     { return huh.Run(l) }
func (l *choiceList) Skip() bool     { return false }
func (l *choiceList) Zoom() bool     { return false }

func (l *choiceList) KeyBinds() []key.Binding {
	if l.filtering {
		return []key.Binding{listKeys.up, listKeys.down, listKeys.clear, listKeys.submit}
	}
	return []key.Binding{listKeys.up, listKeys.down, listKeys.filter, listKeys.submit}
}

// RunAccessible lists the rows by number and reads one; Enter alone takes
// the row the cursor starts on.
func (l *choiceList) RunAccessible(w io.Writer, r io.Reader) error {
	fmt.Fprintln(w, l.title)
	if l.description != "" {
		fmt.Fprintln(w, l.description)
	}
	for i, label := range l.labels {
		fmt.Fprintf(w, "%d. %s\n", i+1, strings.Join(strings.Fields(label), " "))
	}
	current := l.shown[l.cursor] + 1
	for {
		fmt.Fprintf(w, "Type a number between 1 and %d, or just press Enter for %d: ", len(l.labels), current)
		line, err := readLine(r)
		if err != nil {
			return err
		}
		line = strings.TrimSpace(line)
		if line == "" {
			return nil
		}
		if n, err := strconv.Atoi(line); err == nil && n >= 1 && n <= len(l.labels) {
			*l.value = l.values[n-1]
			return nil
		}
		fmt.Fprintf(w, "%q is not a number between 1 and %d.\n", line, len(l.labels))
	}
}

func (l *choiceList) WithTheme(t *huh.Theme) huh.Field {
	if l.theme == nil {
		l.theme = t
	}
	return l
}
func (l *choiceList) WithAccessible(bool) huh.Field            { return l }
func (l *choiceList) WithKeyMap(*huh.KeyMap) huh.Field         { return l }
func (l *choiceList) WithWidth(w int) huh.Field                { l.width = w; return l }
func (l *choiceList) WithHeight(h int) huh.Field               { l.height = h; return l }
func (l *choiceList) WithPosition(huh.FieldPosition) huh.Field { return l }
func (l *choiceList) GetKey() string                           { return "" }
func (l *choiceList) GetValue() any                            { return *l.value }
