package cli

import (
	"io"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/lipgloss/table"
	"github.com/muesli/termenv"
)

// styles are the few text styles integ uses, bound to one output so that
// NO_COLOR, TERM=dumb and non-terminals get plain text.
type styles struct {
	r                            *lipgloss.Renderer
	title, ok, warn, bad, subtle lipgloss.Style
}

func newStyles(w io.Writer, plain bool) styles {
	r := lipgloss.NewRenderer(w)
	if plain {
		r.SetColorProfile(termenv.Ascii)
	} else {
		r.SetColorProfile(termenv.ANSI256)
	}
	return styles{
		r:      r,
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
		Border(lipgloss.NormalBorder()).
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
