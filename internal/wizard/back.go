package wizard

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// backField wraps a question so that Shift-Tab on the first question showing
// in a section goes back to the previous section. Everywhere else Shift-Tab
// goes back one question; without this it did nothing at a section's start,
// because each section is its own form.
type backField struct {
	huh.Field
	position huh.FieldPosition
	back     *bool // set when the user asked to go back; the form then quits unfinished
}

var previousSection = key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous section"))

func (f *backField) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, previousSection) && f.position.IsFirst() {
		*f.back = true
		return f, tea.Quit
	}
	m, cmd := f.Field.Update(msg)
	f.Field = m.(huh.Field)
	return f, cmd
}

// WithPosition learns whether this is the first question showing; huh calls
// it whenever an answer may have hidden or shown others.
func (f *backField) WithPosition(p huh.FieldPosition) huh.Field {
	f.position = p
	f.Field.WithPosition(p)
	return f
}

func (f *backField) KeyBinds() []key.Binding {
	if f.position.IsFirst() {
		return append([]key.Binding{previousSection}, f.Field.KeyBinds()...)
	}
	return f.Field.KeyBinds()
}
