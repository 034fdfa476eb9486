package wizardtest

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	tea "github.com/charmbracelet/bubbletea"
)

// slowModel answers each key through a command that takes a while, as any
// command may on a loaded machine, and blinks a cursor besides.
type slowModel struct {
	got   []string
	blink cursor.Model
}

type doneMsg string

func (m *slowModel) Init() tea.Cmd { return nil }

func (m *slowModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if msg.Type == tea.KeyEnter {
			return m, tea.Quit
		}
		text := msg.String()
		slow := func() tea.Msg { time.Sleep(300 * time.Millisecond); return doneMsg(text) }
		return m, tea.Batch(m.blink.Focus(), tea.Sequence(slow, m.blink.BlinkCmd()))
	case doneMsg:
		m.got = append(m.got, string(msg))
	}
	return m, nil
}

func (m *slowModel) View() string { return strings.Join(m.got, ",") }

// A command that takes longer than a timer's first tick is still run to its
// end before the next key (the cursor's blink, a timer, is dropped unrun).
// Before, any command slower than 100 ms was taken for a timer and dropped,
// so a loaded machine lost the wizard's moves between screens.
func TestSlowCommandsAreNotTakenForTimers(t *testing.T) {
	run, screens := Driver(t, Keys{"a", "b", "enter"})
	m, err := run(&slowModel{blink: cursor.New()})
	if err != nil {
		t.Fatal(err)
	}
	if got := m.(*slowModel).View(); got != "a,b" {
		t.Errorf("the slow commands' messages: %q, want \"a,b\"; screens: %q", got, *screens)
	}
}
