package brief

import (
	"unicode/utf8"

	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/rivo/uniseg"

	"github.com/integ-dev/integ/internal/safe"
)

// The data-flow diagram of the HTML brief, drawn from the same systems and
// flows as the Mermaid block: one column per system (a box with a lifeline
// beneath it) and one row per flow, an arrow from lifeline to lifeline under
// its label. Rows stack downwards, so any number of flows fits the width of a
// printed page; a diagram too tall for one page is cut into several, each
// with the boxes at its top. Labels are wrapped to the room they have by an
// estimate of the text's width (no fonts are measured: integ runs without a
// browser), erring on the wide side.

// Diagram geometry, in SVG user units (CSS pixels at 100%).
const (
	svgWidth      = 720.0
	svgMargin     = 6.0
	boxGap        = 18.0  // between two boxes
	boxPad        = 10.0  // inside a box, around its name
	nameSize      = 14.0  // font size of a system's name
	nameLine      = 18.0  // line height of a name
	maxNameLines  = 3     // a longer name ends in "…"
	labelSize     = 12.0  // font size of an arrow's label
	labelLine     = 15.0  // line height of a label
	minLabelWidth = 340.0 // a label may spread wider than a short arrow
	rowGap        = 14.0  // between one arrow and the next label
	arrowHead     = 8.0
	pageHeight    = 820.0 // the most one drawing holds before the next starts
)

// boxColours are fill and stroke per column: the store, the inventory
// system, then any third system. Light fills print well in colour and grey.
var boxColours = [][2]string{
	{"#e7f0fb", "#0b5cad"},
	{"#e6f4ea", "#1a7f37"},
	{"#fdf1e3", "#b35900"},
	{"#f3e8fb", "#7a3db8"},
	{"#eef1f4", "#57606a"},
}

// flowDiagram draws the systems and flows as one or more inline SVG drawings.
// Every piece of text in it has been through safe.HTML.
func flowDiagram(systems []System, flows []Flow) string {
	if len(systems) == 0 || len(flows) == 0 {
		return ""
	}
	d := newDiagram(systems)
	var b strings.Builder
	b.WriteString(`<div class="diagram">`)
	rows := make([]diagramRow, len(flows))
	for i, f := range flows {
		rows[i] = d.row(f)
	}
	for start := 0; start < len(rows); {
		end, height := start, d.headHeight
		for end < len(rows) && (end == start || height+rows[end].height <= pageHeight) {
			height += rows[end].height
			end++
		}
		d.drawing(&b, rows[start:end], height+rowGap)
		start = end
	}
	b.WriteString(`</div>`)
	return b.String()
}

type diagram struct {
	systems    []System
	column     map[string]int
	centre     []float64
	boxWidth   float64
	names      [][]string
	headHeight float64 // boxes and the gap below them
}

func newDiagram(systems []System) *diagram {
	d := &diagram{systems: systems, column: map[string]int{}}
	step := (svgWidth - 2*svgMargin) / float64(len(systems))
	d.boxWidth = step - boxGap
	lines := 1
	for i, s := range systems {
		d.column[s.ID] = i
		d.centre = append(d.centre, svgMargin+step*(float64(i)+0.5))
		name := wrapText(s.Name, d.boxWidth-2*boxPad, nameSize, true)
		if len(name) > maxNameLines {
			name = name[:maxNameLines]
			name[maxNameLines-1] = shorten(name[maxNameLines-1], d.boxWidth-2*boxPad, nameSize, true)
		}
		d.names = append(d.names, name)
		lines = max(lines, len(name))
	}
	d.headHeight = svgMargin + float64(lines)*nameLine + 2*boxPad + rowGap
	return d
}

// diagramRow is one flow laid out: its arrow's ends and its label's lines.
type diagramRow struct {
	flow     Flow
	from, to float64
	centre   float64 // of the label
	data     []string
	fresh    []string
	height   float64
}

func (d *diagram) row(f Flow) diagramRow {
	r := diagramRow{flow: f, from: d.x(f.From), to: d.x(f.To)}
	span := abs(r.to - r.from)
	width := min(max(span-2*arrowHead, minLabelWidth), svgWidth-2*svgMargin)
	r.centre = (r.from + r.to) / 2
	r.centre = min(max(r.centre, svgMargin+width/2), svgWidth-svgMargin-width/2)
	r.data = wrapText(f.DataLabel(), width, labelSize, false)
	if f.Freshness != "" {
		r.fresh = wrapText(f.Freshness, width, labelSize, false)
	}
	r.height = float64(len(r.data)+len(r.fresh))*labelLine + arrowHead + rowGap
	return r
}

// x is the lifeline of a system; a flow to a system not in the list (which
// the flow model never makes) is drawn at the right edge rather than lost.
func (d *diagram) x(id string) float64 {
	if i, ok := d.column[id]; ok {
		return d.centre[i]
	}
	return svgWidth - svgMargin
}

// drawing writes one <svg> with the boxes, lifelines and the given rows.
func (d *diagram) drawing(b *strings.Builder, rows []diagramRow, height float64) {
	fmt.Fprintf(b, `<svg class="flows" viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-label="%s">`,
		num(svgWidth), num(height), num(svgWidth), num(height), safe.HTML(d.ariaLabel()))
	boxTop, boxHeight := svgMargin, d.headHeight-svgMargin-rowGap
	for i, s := range d.systems {
		fill, stroke := boxColours[min(i, len(boxColours)-1)][0], boxColours[min(i, len(boxColours)-1)][1]
		left := d.centre[i] - d.boxWidth/2
		fmt.Fprintf(b, `<g class="system"><title>%s</title>`, safe.HTML(s.Name))
		fmt.Fprintf(b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#8c959f" stroke-width="1" stroke-dasharray="4 4"/>`,
			num(d.centre[i]), num(boxTop+boxHeight), num(d.centre[i]), num(height))
		fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s" rx="6" fill="%s" stroke="%s" stroke-width="1.5"/>`,
			num(left), num(boxTop), num(d.boxWidth), num(boxHeight), fill, stroke)
		first := boxTop + boxHeight/2 - float64(len(d.names[i])-1)*nameLine/2 + nameSize*0.35
		writeText(b, d.centre[i], first, nameLine, d.names[i], `font-size="14" font-weight="bold" fill="#1b1f24"`)
		b.WriteString(`</g>`)
	}
	y := d.headHeight
	for _, r := range rows {
		d.drawRow(b, r, y)
		y += r.height
	}
	b.WriteString(`</svg>`)
}

func (d *diagram) drawRow(b *strings.Builder, r diagramRow, top float64) {
	fmt.Fprintf(b, `<g class="flow"><title>%s</title>`, safe.HTML(d.name(r.flow.From)+" → "+d.name(r.flow.To)+": "+r.flow.Label()))
	// A white ground under the label keeps the lifelines it crosses out of the text.
	wide := 0.0
	for _, l := range append(slices.Clone(r.data), r.fresh...) {
		wide = max(wide, textWidth(l, labelSize, false))
	}
	fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s" fill="#ffffff"/>`,
		num(r.centre-wide/2-3), num(top), num(wide+6), num(float64(len(r.data)+len(r.fresh))*labelLine+2))
	first := top + labelSize
	writeText(b, r.centre, first, labelLine, r.data, `font-size="12" fill="#1b1f24"`)
	writeText(b, r.centre, first+float64(len(r.data))*labelLine, labelLine, r.fresh, `font-size="12" font-style="italic" fill="#57606a"`)
	y := top + float64(len(r.data)+len(r.fresh))*labelLine + arrowHead/2
	dir := 1.0
	if r.to < r.from {
		dir = -1
	}
	tip := r.to - dir*3
	fmt.Fprintf(b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#1b1f24" stroke-width="1.6"/>`,
		num(r.from), num(y), num(tip-dir*arrowHead), num(y))
	fmt.Fprintf(b, `<polygon points="%s,%s %s,%s %s,%s" fill="#1b1f24"/>`,
		num(tip), num(y), num(tip-dir*arrowHead*1.4), num(y-arrowHead/2), num(tip-dir*arrowHead*1.4), num(y+arrowHead/2))
	b.WriteString(`</g>`)
}

func (d *diagram) name(id string) string {
	if i, ok := d.column[id]; ok {
		return d.systems[i].Name
	}
	return id
}

func (d *diagram) ariaLabel() string {
	names := make([]string, len(d.systems))
	for i, s := range d.systems {
		names[i] = s.Name
	}
	return "Data flows between " + strings.Join(names, ", ")
}

// writeText writes lines centred on x, the first baseline at y.
func writeText(b *strings.Builder, x, y, step float64, lines []string, attrs string) {
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="middle" font-family="sans-serif" %s>`, num(x), num(y), attrs)
	for i, l := range lines {
		dy := "0"
		if i > 0 {
			dy = num(step)
		}
		fmt.Fprintf(b, `<tspan x="%s" dy="%s">%s</tspan>`, num(x), dy, safe.HTML(l))
	}
	b.WriteString(`</text>`)
}

// wrapText breaks s into lines no wider than width, between words where it
// can and inside a word too long for a line, between the characters a reader
// sees (an accented letter, a flag, an emoji family), never inside one.
func wrapText(s string, width, size float64, bold bool) []string {
	var lines []string
	var line strings.Builder
	lineWidth := 0.0
	for _, word := range strings.Fields(s) {
		w := textWidth(word, size, bold)
		space := textWidth(" ", size, bold)
		if line.Len() > 0 && lineWidth+space+w <= width {
			line.WriteByte(' ')
			line.WriteString(word)
			lineWidth += space + w
			continue
		}
		if line.Len() > 0 {
			lines = append(lines, line.String())
			line.Reset()
			lineWidth = 0
		}
		for g := uniseg.NewGraphemes(word); g.Next(); {
			cw := clusterWidth(g.Str()) * size * boldFactor(bold)
			if line.Len() > 0 && lineWidth+cw > width {
				lines = append(lines, line.String())
				line.Reset()
				lineWidth = 0
			}
			line.WriteString(g.Str())
			lineWidth += cw
		}
	}
	if line.Len() > 0 {
		lines = append(lines, line.String())
	}
	return lines
}

// shorten ends a line in "…", dropping whole characters until it fits.
func shorten(s string, width, size float64, bold bool) string {
	var ends []int // where each character a reader sees ends
	for g := uniseg.NewGraphemes(s); g.Next(); {
		_, end := g.Positions()
		ends = append(ends, end)
	}
	n := len(ends)
	for n > 0 && textWidth(s[:ends[n-1]]+"…", size, bold) > width {
		n--
	}
	kept := ""
	if n > 0 {
		kept = s[:ends[n-1]]
	}
	return strings.TrimSpace(kept) + "…"
}

// textWidth estimates how wide s is drawn in a sans-serif font of size.
func textWidth(s string, size float64, bold bool) float64 {
	w := 0.0
	for g := uniseg.NewGraphemes(s); g.Next(); {
		w += clusterWidth(g.Str())
	}
	return w * size * boldFactor(bold)
}

// clusterWidth is the advance in ems of one character a reader sees: its
// first code point's, or a full em where a terminal would give it two cells
// (an emoji, a flag); accents and joiners add nothing.
func clusterWidth(c string) float64 {
	if uniseg.StringWidth(c) >= 2 {
		return 1.0
	}
	r, _ := utf8.DecodeRuneInString(c)
	return runeWidth(r)
}

func boldFactor(bold bool) float64 {
	if bold {
		return 1.08
	}
	return 1
}

// runeWidth is a character's advance in ems, on the wide side of common
// sans-serif fonts (DejaVu Sans, Helvetica, Segoe UI).
func runeWidth(r rune) float64 {
	switch {
	case unicode.Is(unicode.Han, r), unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r),
		unicode.Is(unicode.Hangul, r), r >= 0xff00 && r <= 0xffef:
		return 1.0
	case strings.ContainsRune("iljtfrI.,;:'!|() ", r):
		return 0.34
	case r == 'm' || r == 'w' || r == 'M' || r == 'W':
		return 0.9
	case unicode.IsUpper(r):
		return 0.7
	}
	return 0.6
}

// num writes a coordinate with at most one decimal.
func num(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	return strings.TrimSuffix(s, ".0")
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}
