package brief

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rivo/uniseg"

	"github.com/integ-dev/integ/internal/testutil"
)

var (
	svgRE      = regexp.MustCompile(`(?s)<svg [^>]*viewBox="0 0 ([\d.]+) ([\d.]+)"[^>]*>.*?</svg>`)
	svgTextRE  = regexp.MustCompile(`(?s)<text [^>]*>(.*?)</text>`)
	svgTspanRE = regexp.MustCompile(`<tspan [^>]*>(.*?)</tspan>`)
	flowTitle  = regexp.MustCompile(`<g class="flow"><title>(.*?)</title>`)
)

// svgTexts is the visible text of each <text> element, its lines joined.
func svgTexts(svg string) []string {
	var out []string
	for _, m := range svgTextRE.FindAllStringSubmatch(svg, -1) {
		var lines []string
		for _, l := range svgTspanRE.FindAllStringSubmatch(m[1], -1) {
			lines = append(lines, html.UnescapeString(l[1]))
		}
		out = append(out, strings.Join(lines, " "))
	}
	return out
}

// Each example's diagram has a box with every system's name and one arrow per
// flow, titled with both ends and the label the Mermaid block gives it.
func TestFlowDiagramHasEverySystemAndFlow(t *testing.T) {
	bank, specs := examples(t)
	for name, s := range specs {
		b := Build(bank, s, now)
		d := flowDiagram(b.Systems, b.Flows)
		if len(b.Flows) == 0 {
			if d != "" {
				t.Errorf("%s: a diagram without flows", name)
			}
			continue
		}
		for _, svg := range svgRE.FindAllString(d, -1) {
			texts := testutil.NoSpace(strings.Join(svgTexts(svg), "|"))
			for _, sys := range b.Systems {
				if !strings.Contains(texts, testutil.NoSpace(sys.Name)) {
					t.Errorf("%s: no box shows %q", name, sys.Name)
				}
			}
		}
		var titles []string
		for _, m := range flowTitle.FindAllStringSubmatch(d, -1) {
			titles = append(titles, html.UnescapeString(m[1]))
		}
		if len(titles) != len(b.Flows) {
			t.Fatalf("%s: %d arrows for %d flows", name, len(titles), len(b.Flows))
		}
		names := map[string]string{}
		for _, sys := range b.Systems {
			names[sys.ID] = sys.Name
		}
		for i, f := range b.Flows {
			if want := names[f.From] + " → " + names[f.To] + ": " + f.Label(); titles[i] != want {
				t.Errorf("%s: arrow %d is titled %q, want %q", name, i, titles[i], want)
			}
		}
	}
}

// Labels are wrapped to the room they have: no line of a label is wider (by
// the estimate) than the drawing, and all the label's words are kept.
func TestFlowDiagramWrapsLabels(t *testing.T) {
	long := strings.Repeat("Product attributes (colour, size and similar), ", 8)
	systems := []System{{ID: "store", Name: "Shopify"}, {ID: "inventory", Name: "Odoo"}, {ID: "third1", Name: "Stripe"}}
	flows := []Flow{{From: "inventory", To: "store", Data: []string{long}, Freshness: "Within the hour"}}
	d := flowDiagram(systems, flows)
	texts := svgTextRE.FindAllStringSubmatch(d, -1)
	label := texts[len(texts)-2][1] // the data; the freshness is last
	lines := svgTspanRE.FindAllStringSubmatch(label, -1)
	if len(lines) < 4 {
		t.Fatalf("a %d-character label is drawn on %d lines", len(long), len(lines))
	}
	var words []string
	for _, l := range lines {
		text := html.UnescapeString(l[1])
		if w := textWidth(text, labelSize, false); w > minLabelWidth {
			t.Errorf("line %q is %.0f wide, more than %.0f", text, w, minLabelWidth)
		}
		words = append(words, strings.Fields(text)...)
	}
	if got, want := strings.Join(words, " "), strings.TrimSpace(long); got != want {
		t.Errorf("the wrapped label lost words:\n got %q\nwant %q", got, want)
	}
}

func TestWrapText(t *testing.T) {
	for _, c := range []struct {
		in    string
		width float64
		want  []string
	}{
		{"Sales orders", 1000, []string{"Sales orders"}},
		{"Sales orders and shipments", 100, []string{"Sales orders", "and shipments"}},
		// A word longer than the line is cut inside, by characters not bytes.
		{"Ääääääääääääääääääää", 60, []string{"Ääääääää", "ääääääää", "ääää"}},
		// Wide characters take twice the room.
		{"在庫数在庫数在庫数", 40, []string{"在庫数", "在庫数", "在庫数"}},
		{"  spaced   out  ", 1000, []string{"spaced out"}},
		{"", 100, nil},
	} {
		got := wrapText(c.in, c.width, 12, false)
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("wrapText(%q, %v) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}

// A long system name is cut to three lines in its box, ending in "…", and the
// box's <title> keeps the whole name.
func TestFlowDiagramShortensLongNames(t *testing.T) {
	long := strings.Repeat("Very long inventory system name ", 6)
	systems := []System{{ID: "store", Name: "Shopify"}, {ID: "inventory", Name: long}}
	d := flowDiagram(systems, []Flow{{From: "store", To: "inventory", Data: []string{"Orders"}}})
	texts := svgTexts(d)
	if !strings.HasSuffix(texts[1], "…") || len(svgTspanRE.FindAllString(svgTextRE.FindAllString(d, -1)[1], -1)) != maxNameLines {
		t.Errorf("the long name is drawn as %q", texts[1])
	}
	if !strings.Contains(d, "<title>"+strings.TrimSpace(long)+"</title>") && !strings.Contains(d, "<title>"+long+"</title>") {
		t.Error("the box's title lacks the whole name")
	}
}

// Many flows make several drawings, each short enough for a printed page and
// each with every system's box at its top.
func TestFlowDiagramSplitsTallDiagrams(t *testing.T) {
	systems := []System{{ID: "store", Name: "Shopify"}, {ID: "inventory", Name: "Odoo"}, {ID: "third1", Name: "Avalara AvaTax"}}
	var flows []Flow
	for i := range 40 {
		flows = append(flows, Flow{From: systems[i%3].ID, To: systems[(i+1)%3].ID, Data: []string{fmt.Sprintf("Data kind %d, and some more words to wrap it", i)}, Freshness: "Within the hour"})
	}
	d := flowDiagram(systems, flows)
	svgs := svgRE.FindAllStringSubmatch(d, -1)
	if len(svgs) < 2 {
		t.Fatalf("40 flows fit in %d drawing", len(svgs))
	}
	arrows := 0
	for _, svg := range svgs {
		if h, _ := strconv.ParseFloat(svg[2], 64); h > pageHeight+rowGap {
			t.Errorf("a drawing is %.0f high, more than a page's %.0f", h, pageHeight)
		}
		if n := strings.Count(svg[0], `<g class="system">`); n != len(systems) {
			t.Errorf("a drawing has %d boxes, want %d", n, len(systems))
		}
		arrows += strings.Count(svg[0], `<g class="flow">`)
	}
	if arrows != len(flows) {
		t.Errorf("%d arrows drawn for %d flows", arrows, len(flows))
	}
}

// Names and labels are escaped in the diagram's text, titles and label.
func TestFlowDiagramEscapes(t *testing.T) {
	systems := []System{{ID: "store", Name: `Shop"ify</text><script>x</script>`}, {ID: "inventory", Name: "O&doo"}}
	d := flowDiagram(systems, []Flow{{From: "store", To: "inventory", Data: []string{"<b>orders</b>"}, Freshness: `"now"`}})
	for _, bad := range []string{"<script>", "<b>", `Shop"ify`, "O&doo"} {
		if strings.Contains(d, bad) {
			t.Errorf("the diagram contains %q unescaped", bad)
		}
	}
	if !strings.Contains(d, `aria-label="Data flows between Shop&#34;ify&lt;/text&gt;&lt;script&gt;x&lt;/script&gt;, O&amp;doo"`) {
		t.Errorf("the drawing's label is not escaped: %s", d[:min(len(d), 300)])
	}
}

// A name is wrapped and shortened between the characters a reader sees,
// never inside one: an accent stays on its letter, a flag and an emoji
// family stay whole (the SVG once split them at code points).
func TestWrapAndShortenKeepCharactersWhole(t *testing.T) {
	const name = "Zoë\u0301s Ca\u0301fe\u0301 🇩🇪🇫🇷 👩‍👩‍👧‍👦👨🏽‍🍳 Hàn\u0302ge\u0301r Lagerhausgesellschaft"
	whole := map[string]bool{" ": true, "…": true}
	for g := uniseg.NewGraphemes(name); g.Next(); {
		whole[g.Str()] = true
	}
	check := func(what, line string) {
		t.Helper()
		for g := uniseg.NewGraphemes(line); g.Next(); {
			if !whole[g.Str()] {
				t.Fatalf("%s = %q: %q is a piece of a character of %q", what, line, g.Str(), name)
			}
		}
	}
	for width := 10.0; width <= 200; width += 3 {
		for _, line := range wrapText(name, width, 12, true) {
			check("wrapText", line)
			check("shorten", shorten(line, width*0.6, 12, true))
		}
	}
}
