package wizard

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// largestSection is the embedded bank's section with the most questions.
func largestSection(b testing.TB) (*checklist.Bank, *checklist.Section) {
	bank, err := checklist.Default()
	if err != nil {
		b.Fatal(err)
	}
	var largest *checklist.Section
	for _, s := range bank.Sections {
		if largest == nil || len(s.Questions) > len(largest.Questions) {
			largest = s
		}
	}
	return bank, largest
}

// fiftyQuestions is a bank with one section of 50 choice questions.
func fiftyQuestions(b testing.TB) *checklist.Bank {
	var y strings.Builder
	y.WriteString("id: big\ntitle: Big\nsections:\n  - id: big\n    title: Big\n    code: BIG\n    questions:\n")
	for i := 1; i <= 50; i++ {
		fmt.Fprintf(&y, "      - id: big.q%d\n        kind: choice\n        prompt: \"Question %d: which of these applies to the way orders reach the warehouse?\"\n", i, i)
		y.WriteString("        help: \"A help text of about the usual length, which explains in plain words why the question matters and what each choice implies for the integration.\"\n")
		y.WriteString("        options: [{value: a, label: The first choice}, {value: b, label: The second choice}, {value: c, label: The third choice}, {value: d, label: The fourth choice}]\n")
	}
	bank, err := checklist.Parse("big.yaml", []byte(y.String()))
	if err != nil {
		b.Fatal(err)
	}
	return bank
}

// settle runs cmd and the messages it causes, as the program would, leaving
// out timers (none answer at once on a choice screen).
func settle(m tea.Model, cmd tea.Cmd) tea.Model {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		switch msg := msg.(type) {
		case nil:
			continue
		case tea.BatchMsg:
			queue = append(queue, msg...)
			continue
		case tea.WindowSizeMsg, tea.QuitMsg:
			continue
		}
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Name() == "sequenceMsg" {
			for i := 0; i < v.Len(); i++ {
				c, _ := v.Index(i).Interface().(tea.Cmd)
				queue = append(queue, c)
			}
			continue
		}
		var next tea.Cmd
		m, next = m.Update(msg)
		queue = append(queue, next)
	}
	return m
}

// The work done before the first frame of the largest section: only its
// first screen is built.
func BenchmarkFirstScreenOfLargestSection(b *testing.B) {
	bank, sec := largestSection(b)
	s := spec.New("x.yaml", bank)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		m := newModel(newRun(Options{Bank: bank, Spec: s, Mode: ModeSection, Section: sec.ID}), 120, 40)
		settle(m, m.Init())
		_ = m.View()
	}
}

// One key on a screen of a 50-question section, and the frame it draws.
func BenchmarkKeyInSectionOf50(b *testing.B) {
	bank := fiftyQuestions(b)
	s := spec.New("x.yaml", bank)
	m := tea.Model(newModel(newRun(Options{Bank: bank, Spec: s, Mode: ModeSection, Section: "big"}), 120, 40))
	m = settle(m, m.Init())
	keys := []tea.KeyMsg{{Type: tea.KeyUp}, {Type: tea.KeyDown}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var cmd tea.Cmd
		m, cmd = m.Update(keys[i%2])
		m = settle(m, cmd)
		_ = m.View()
	}
}

// Enter (answer saved, next screen built) and Shift-Tab (back), with their
// frames, in a 50-question section.
func BenchmarkNextAndBackInSectionOf50(b *testing.B) {
	bank := fiftyQuestions(b)
	s := spec.New("x.yaml", bank)
	m := tea.Model(newModel(newRun(Options{Bank: bank, Spec: s, Mode: ModeSection, Section: "big"}), 120, 40))
	m = settle(m, m.Init())
	keys := []tea.KeyMsg{{Type: tea.KeyEnter}, {Type: tea.KeyShiftTab}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var cmd tea.Cmd
		m, cmd = m.Update(keys[i%2])
		m = settle(m, cmd)
		_ = m.View()
	}
	if b.N%2 == 0 && !strings.Contains(m.View(), "big.q1") {
		b.Fatalf("the benchmark wandered off the first question:\n%s", m.View())
	}
}
