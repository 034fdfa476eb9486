package specdiff

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/safe"
	"github.com/integ-dev/integ/internal/spec"
)

// WriteText writes a spec as lines of questions and answers, one answer to a
// line under its question, for line-based diffs: as git's textconv, it makes
// `git log -p` and `git diff` on a spec read as answers changed. The time of
// the last save is left out, so a save that changed nothing shows nothing.
// User text is made safe for a terminal, where git's pager shows it.
func WriteText(w io.Writer, bank *checklist.Bank, s *spec.Spec) error {
	var b strings.Builder
	names := s.Names(bank)
	fmt.Fprintf(&b, "%s ↔ %s (checklist %s)\n", safe.Terminal(names.Store), safe.Terminal(names.Inventory), safe.Terminal(s.Checklist))
	for _, id := range slices.Sorted(maps.Keys(s.Conflicts)) {
		a := s.Conflicts[id]
		text := a.Value()
		if q := spec.QuestionOf(bank, id); q != nil {
			text = q.AnswerText(a.Values, names)
		}
		textLine(&b, "CONFLICT "+id+", the other side: ", text)
		if a.Note != "" {
			textLine(&b, "CONFLICT "+id+", the other side's note: ", a.Note)
		}
	}
	for _, sec := range bank.Sections {
		if body := sectionText(bank, s, sec, names); body != "" {
			fmt.Fprintf(&b, "\n== %s ==\n%s", safe.Terminal(names.Fill(sec.Title, nil)), body)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// sectionText is one section's answers, notes and who was asked; "" when it has none.
func sectionText(bank *checklist.Bank, s *spec.Spec, sec *checklist.Section, names checklist.Names) string {
	var b strings.Builder
	for _, q := range sec.Questions {
		if _, ok := s.Answers[q.ID]; !ok {
			continue
		}
		fmt.Fprintf(&b, "\n# %s\n", safe.Terminal(names.Fill(q.Prompt, map[string]string{"third": "another system"})))
		// The answer for all channels, then each channel's own (ID@CHANNEL).
		for _, key := range answerKeys(bank, q.ID, s) {
			a := s.Get(key)
			if len(a.Values) > 0 {
				textLine(&b, key+" = ", q.AnswerText(a.Values, names))
			}
			if a.System != "" {
				textLine(&b, key+" system: ", a.System)
			}
			if a.Note != "" {
				textLine(&b, key+" note: ", a.Note)
			}
		}
	}
	if n := s.SectionNotes[sec.ID]; n != "" {
		b.WriteString("\n")
		textLine(&b, sec.ID+" notes: ", n)
	}
	for _, who := range s.Asked[sec.ID] {
		textLine(&b, sec.ID+" asked: ", who.Who+" on "+who.Date)
	}
	return b.String()
}

// textLine writes prefix and text; the text's further lines continue under
// it, marked with "| ", so each stays one line of the diff.
func textLine(b *strings.Builder, prefix, text string) {
	lines := strings.Split(safe.Terminal(strings.TrimRight(text, "\n")), "\n")
	fmt.Fprintf(b, "%s%s\n", prefix, lines[0])
	for _, l := range lines[1:] {
		fmt.Fprintf(b, "%s| %s\n", strings.Repeat(" ", 4), l)
	}
}
