package wizard

import (
	"fmt"
	"os/exec"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

var execLookPath = exec.LookPath

// showReview lists every section and answer compactly; Enter on a question
// opens it and comes back here, on a section goes through it. at is the row
// the cursor starts on ("" for Finish).
func (m *model) showReview(at string) tea.Cmd {
	m.screen, m.header, m.detour = screenReview, "", noDetour
	w := m.w
	// The row's room: the form's width less its border, the cursor and a margin.
	width := min(max(m.width, 60), maxWidth) - 10
	promptWidth := width * 3 / 5
	labels, values := []string{"Finish: save and show the summary"}, []string{"finish"}
	for i, sec := range w.bank.Sections {
		c := w.spec.Progress(sec)
		label := fmt.Sprintf("%d. %s: %d answered, %d undecided, %d open", i+1, w.fill(sec.Title), c.Answered, c.Undecided, c.Open)
		if _, ok := w.spec.Conflicts[sec.ID]; ok {
			label += " · ⚠ two notes, decide"
		}
		labels, values = append(labels, label), append(values, "s:"+sec.ID)
		for _, q := range sec.Questions {
			if w.spec.StatusOf(q) == spec.Hidden {
				continue
			}
			labels, values = append(labels, m.reviewRow(q, width, promptWidth)), append(values, "q:"+q.ID)
		}
	}
	if at == "" {
		at = "finish"
	}
	m.choice = at
	desc := "Enter on a question changes it and brings you back here; on a section, goes through that section. / searches."
	if w.o.Accessible {
		desc = "A question's number asks it again and brings you back here; a section's goes through that section."
	}
	return m.setForm(newChoiceList("Review your answers", desc, labels, values, &m.choice))
}

// reviewRow is a question's row: its prompt and its answer, in columns cut
// to the screen's width; whole, for a screen reader.
func (m *model) reviewRow(q *checklist.Question, width, promptWidth int) string {
	w := m.w
	if w.o.Accessible {
		return w.fill(q.Prompt) + " " + w.answerText(q)
	}
	prompt := oneLine(w.fill(q.Prompt), promptWidth)
	pad := strings.Repeat(" ", max(0, promptWidth-lipgloss.Width(prompt)))
	return "   " + prompt + pad + "  " + oneLine(w.answerText(q), width-promptWidth-2)
}

// jump opens the question or section a review row names.
func (m *model) jump(row string) tea.Cmd {
	kind, id, _ := strings.Cut(row, ":")
	w := m.w
	w.answeredAtStart = nil
	m.reviewAt = row
	if kind == "s" {
		if !w.start(ModeSection, id) {
			return m.showReview(row)
		}
		m.detour = detourSection
		return m.showStep()
	}
	q := w.bank.Question(id)
	if q == nil || !w.start(ModeSection, q.Section.ID) {
		return m.showReview(row)
	}
	w.pi, w.cur = 0, startAt(q)
	if !w.next() {
		return m.showReview(row)
	}
	m.detour = detourAnswer
	return m.showStep()
}
