package cli

import (
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/lipgloss/table"
	"github.com/muesli/termenv"
)

// styles are the few text styles integ uses, bound to one output so that
// NO_COLOR, TERM=dumb and non-terminals get plain text.
type styles struct {
	r                            *lipgloss.Renderer
	title, ok, warn, bad, subtle lipgloss.Style
	border                       lipgloss.Border
	width                        int // the terminal's columns, for wrap; 0 when not a terminal
}

// stdoutStyles are for results: plain unless standard output is a colour terminal.
func (s *IOStreams) stdoutStyles() styles {
	st := newStyles(s.Out, s.colorless() || !s.OutTTY, s.Getenv("TERM") == "dumb")
	if s.OutTTY {
		st.width = s.OutWidth
	}
	return st
}

// stderrStyles are for the wizard's summary and messages.
func (s *IOStreams) stderrStyles() styles {
	st := newStyles(s.Err, s.colorless(), s.Getenv("TERM") == "dumb")
	if s.ErrTTY {
		st.width = s.ErrWidth
	}
	return st
}

// wrap lays a sentence out for the terminal: broken at spaces into lines of
// at most width columns, the first line after first and the others after rest.
// All three may be styled: a style begun on one line carries on to the next.
// The terminal would otherwise break words anywhere.
// Without a terminal it stays on one line, which suits grep and scripts.
func (st styles) wrap(text, first, rest string) string {
	if st.width <= 0 {
		return first + text
	}
	var b strings.Builder
	b.WriteString(first)
	col, lineEmpty := lipgloss.Width(first), true
	for _, word := range strings.Fields(text) {
		w := lipgloss.Width(word)
		if !lineEmpty && col+1+w > st.width {
			b.WriteString("\n" + rest)
			col, lineEmpty = lipgloss.Width(rest), true
		}
		if !lineEmpty {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(word)
		col, lineEmpty = col+w, false
	}
	return b.String()
}

// newStyles binds styles to w; plain drops colour, ascii draws tables with
// +, - and | for terminals that cannot show box-drawing characters.
func newStyles(w io.Writer, plain, ascii bool) styles {
	r := lipgloss.NewRenderer(w)
	if plain {
		r.SetColorProfile(termenv.Ascii)
	} else {
		r.SetColorProfile(termenv.ANSI256)
	}
	border := lipgloss.NormalBorder()
	if ascii {
		border = lipgloss.ASCIIBorder()
	}
	return styles{
		r:      r,
		border: border,
		title:  r.NewStyle().Bold(true),
		ok:     r.NewStyle().Foreground(lipgloss.Color("34")),
		warn:   r.NewStyle().Foreground(lipgloss.Color("214")),
		bad:    r.NewStyle().Foreground(lipgloss.Color("196")),
		subtle: r.NewStyle().Foreground(lipgloss.Color("245")),
	}
}

// table renders rows under headers; numbers are right-aligned.
func (st styles) table(headers []string, rows [][]string, numeric func(col int) bool) string {
	t := table.New().
		Headers(headers...).
		Rows(rows...).
		Border(st.border).
		BorderStyle(st.subtle).
		StyleFunc(func(row, col int) lipgloss.Style {
			s := st.r.NewStyle().Padding(0, 1)
			if row == table.HeaderRow {
				return s.Bold(true)
			}
			if numeric != nil && numeric(col) {
				s = s.Align(lipgloss.Right)
			}
			return s
		})
	return t.String()
}
