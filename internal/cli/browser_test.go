package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/integ-dev/integ/internal/brief"
	"github.com/integ-dev/integ/internal/browser"
	"github.com/integ-dev/integ/internal/browser/devtools"
	"github.com/integ-dev/integ/internal/estimate"
	"github.com/integ-dev/integ/internal/testutil"
)

// TestBrowserEndToEnd renders every worked example's brief as HTML and PDF
// with integ, and checks them in a real browser: it loads the page with no
// error, builds every requirement, the diagram with every system and every
// table with its rows, and draws something; the PDF has a sensible number of
// A4 pages with the footer on each and a bookmark per section, and its text
// has every requirement ID and the budget's totals (the planning range and the
// planned figure). Screenshots and PDFs are kept in $INTEG_ARTIFACTS when
// it is set (CI prints where), else in a temporary folder removed afterwards.
func TestBrowserEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	path := devtools.BrowserForTest(t)
	for _, tool := range []string{"pdfinfo", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("INTEG_REQUIRE_BROWSER") != "" {
				t.Fatalf("%s not found: install poppler-utils", tool)
			}
			t.Skipf("%s not found: install poppler-utils (apt-get install poppler-utils) to run this test", tool)
		}
	}
	examples, err := filepath.Glob("../../checklist/examples/*.yaml")
	if err != nil || len(examples) == 0 {
		t.Fatalf("no worked examples: %v", err)
	}
	dir := os.Getenv("INTEG_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := devtools.Start(path, os.Geteuid() == 0)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for _, ex := range examples {
		name := strings.TrimSuffix(filepath.Base(ex), ".yaml")
		t.Run(name, func(t *testing.T) {
			e := &e2e{t: t, spec: ex, base: filepath.Join(dir, name), browser: path}
			e.render()
			e.checkPage(b)
			e.checkPDF()
		})
	}
	t.Logf("screenshots and PDFs in %s", dir)
}

type e2e struct {
	t             *testing.T
	spec, base    string
	browser       string
	model         brief.Brief
	source        string // the HTML integ wrote
	textChars     int    // of the page's visible text
	newpage       []string
	requirementID []string
}

// render writes the HTML with integ and reads the view model it came from.
func (e *e2e) render() {
	t := e.t
	if _, stderr, code := run(t, nil, "brief", "--spec", e.spec, "--format", "html", "-o", e.base+".html"); code != 0 {
		t.Fatalf("integ brief --format html: %d %s", code, stderr)
	}
	out, stderr, code := run(t, nil, "brief", "--spec", e.spec, "--format", "json")
	if code != 0 {
		t.Fatalf("integ brief --format json: %d %s", code, stderr)
	}
	if err := json.Unmarshal([]byte(out), &e.model); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(e.base + ".html")
	if err != nil {
		t.Fatal(err)
	}
	e.source = string(src)
	body := styleRE.ReplaceAllString(e.source, "")
	e.textChars = len([]rune(strings.Join(strings.Fields(html.UnescapeString(tagRE.ReplaceAllString(body, " "))), " ")))
	for _, m := range newpageRE.FindAllStringSubmatch(e.source, -1) {
		e.newpage = append(e.newpage, html.UnescapeString(m[1]))
	}
	for _, g := range e.model.Requirements {
		for _, r := range g.Requirements {
			e.requirementID = append(e.requirementID, r.ID)
		}
	}
	if len(e.requirementID) == 0 {
		t.Fatalf("%s has no requirements to look for", e.spec)
	}
}

var (
	styleRE   = regexp.MustCompile(`(?s)<style>.*?</style>|<title>.*?</title>`)
	tagRE     = regexp.MustCompile(`<[^>]*>`)
	newpageRE = regexp.MustCompile(`<h2 id="[^"]*" class="newpage">(.*?)</h2>`)
	sectionRE = regexp.MustCompile(`<h2 id="[^"]*"[^>]*>(.*?)</h2>`)
	tableRE   = regexp.MustCompile(`(?s)<table class="([^"]*)">(.*?)</table>`)
	rowRE     = regexp.MustCompile(`(?s)<tr[ >].*?</tr>`)
	svgRE     = regexp.MustCompile(`(?s)<svg class="flows".*?</svg>`)
	tspanRE   = regexp.MustCompile(`<tspan [^>]*>(.*?)</tspan>`)
)

// checkPage loads the page in the browser and checks what it built and drew.
func (e *e2e) checkPage(b *devtools.Browser) {
	t := e.t
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	page, err := b.Load(ctx, browser.FileURL(e.base+".html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range page.Problems {
		t.Errorf("the browser reported: %s", p)
	}
	for _, id := range e.requirementID {
		if !strings.Contains(page.DOM, `id="`+id+`"`) {
			t.Errorf("the DOM has no element for %s", id)
		}
	}
	e.checkDiagram(page.DOM)
	e.checkTables(page.DOM)
	if err := os.WriteFile(e.base+".png", page.Screenshot, 0o644); err != nil {
		t.Fatal(err)
	}
	checkScreenshot(t, page.Screenshot)
}

func (e *e2e) checkDiagram(dom string) {
	t := e.t
	svgs := svgRE.FindAllString(dom, -1)
	if len(e.model.Flows) > 0 && len(svgs) == 0 {
		t.Fatal("the DOM has no diagram")
	}
	arrows := 0
	for _, svg := range svgs {
		var text []string
		for _, m := range tspanRE.FindAllStringSubmatch(svg, -1) {
			text = append(text, html.UnescapeString(m[1]))
		}
		joined := testutil.NoSpace(strings.Join(text, ""))
		for _, sys := range e.model.Systems {
			if !strings.Contains(joined, testutil.NoSpace(sys.Name)) {
				t.Errorf("a drawing lacks the system %q", sys.Name)
			}
		}
		arrows += strings.Count(svg, `<g class="flow">`)
	}
	if arrows != len(e.model.Flows) {
		t.Errorf("the diagram has %d arrows for %d flows", arrows, len(e.model.Flows))
	}
}

// checkTables: the browser built every table integ wrote, row for row and
// cell for cell, and the ownership matrix, the budget tables (every work
// package and open decision) and the appendix have the view model's rows.
func (e *e2e) checkTables(dom string) {
	t := e.t
	want, got := tables(e.source), tables(dom)
	if len(got) != len(want) {
		t.Fatalf("the DOM has %d tables, integ wrote %d", len(got), len(want))
	}
	for i := range want {
		if fmt.Sprint(got[i]) != fmt.Sprint(want[i]) {
			t.Errorf("table %d (%s) differs in the DOM:\n got %q\nwant %q", i, want[i].class, got[i].rows, want[i].rows)
		}
	}
	var answers []htmlTable
	var budget []string
	for _, tb := range got {
		switch tb.class {
		case "matrix":
			if len(tb.rows) != len(e.model.Matrix)+1 {
				t.Errorf("the matrix has %d rows, want %d and a header", len(tb.rows), len(e.model.Matrix))
			}
			for i, row := range e.model.Matrix {
				if i+1 < len(tb.rows) && !strings.HasPrefix(tb.rows[i+1], row.Entity+" | ") {
					t.Errorf("matrix row %d is %q, want %s first", i+1, tb.rows[i+1], row.Entity)
				}
			}
		case "budget":
			budget = append(budget, tb.rows...)
		case "answers":
			answers = append(answers, tb)
		}
	}
	all := strings.Join(budget, "\n")
	for _, p := range e.model.Budget.Packages {
		if !strings.Contains(all, p.ID+" | "+p.Title+" | ") {
			t.Errorf("the budget tables lack the work package %s", p.ID)
		}
	}
	for _, r := range e.model.Budget.RiskBuffer.Items {
		if !strings.Contains(all, r.ID+" | ") {
			t.Errorf("the budget tables lack the open decision %s", r.ID)
		}
	}
	if len(answers) != len(e.model.Appendix) {
		t.Fatalf("%d appendix tables for %d sections", len(answers), len(e.model.Appendix))
	}
	for i, sec := range e.model.Appendix {
		if len(answers[i].rows) != len(sec.Questions)+1 {
			t.Errorf("appendix %q has %d rows, want %d and a header", sec.Title, len(answers[i].rows), len(sec.Questions))
		}
	}
}

type htmlTable struct {
	class string
	rows  []string // cells' text joined by " | "
}

func tables(doc string) []htmlTable {
	var out []htmlTable
	cellRE := regexp.MustCompile(`(?s)<t[hd][ >].*?</t[hd]>`)
	for _, m := range tableRE.FindAllStringSubmatch(doc, -1) {
		tb := htmlTable{class: m[1]}
		for _, row := range rowRE.FindAllString(m[2], -1) {
			var cells []string
			for _, c := range cellRE.FindAllString(row, -1) {
				cells = append(cells, strings.Join(strings.Fields(html.UnescapeString(tagRE.ReplaceAllString(c, " "))), " "))
			}
			tb.rows = append(tb.rows, strings.Join(cells, " | "))
		}
		out = append(out, tb)
	}
	return out
}

// checkScreenshot: a page wide image with text drawn on it, not a blank or
// black page.
func checkScreenshot(t *testing.T, shot []byte) {
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	bounds := img.Bounds()
	if bounds.Dx() != devtools.Width || bounds.Dy() < 900 {
		t.Errorf("the screenshot is %v", bounds.Size())
	}
	dark, coloured := 0, 0
	for y := bounds.Min.Y; y < bounds.Max.Y; y += 2 {
		for x := bounds.Min.X; x < bounds.Max.X; x += 2 {
			r, g, b, _ := img.At(x, y).RGBA()
			if (r+g+b)/3 < 0x6000 {
				dark++
			}
			if max(r, g, b)-min(r, g, b) > 0x2000 {
				coloured++
			}
		}
	}
	total := (bounds.Dx() / 2) * (bounds.Dy() / 2)
	if share := float64(dark) / float64(total); share < 0.01 || share > 0.5 {
		t.Errorf("%.1f%% of the screenshot is dark: no text drawn, or a dark page", share*100)
	}
	if coloured == 0 {
		t.Error("the screenshot has no colour at all: the style sheet was not applied")
	}
}

// checkPDF prints the page with integ and reads the PDF back.
func (e *e2e) checkPDF() {
	t := e.t
	pdf := e.base + ".pdf"
	if _, stderr, code := run(t, nil, "brief", "--spec", e.spec, "--format", "pdf", "-o", pdf, "--browser", e.browser); code != 0 {
		t.Fatalf("integ brief --format pdf: %d %s", code, stderr)
	}
	pages, size := pdfInfo(t, pdf)
	if math.Abs(size[0]-595.3) > 2 || math.Abs(size[1]-841.9) > 2 {
		t.Errorf("the page is %v pt, not A4", size)
	}
	// Each section that starts a page wastes at most one; a full page holds
	// between 1,000 and 4,000 characters of this page's text.
	low := max(len(e.newpage)+1, int(math.Ceil(float64(e.textChars)/4000)))
	high := len(e.newpage) + 1 + int(math.Ceil(float64(e.textChars)/1000))
	if pages < low || pages > high {
		t.Errorf("%d pages, want %d to %d for %d characters and %d sections on new pages", pages, low, high, e.textChars, len(e.newpage))
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	pageTexts := strings.Split(strings.TrimRight(text, "\f"), "\f")
	if len(pageTexts) != pages {
		t.Fatalf("pdftotext read %d pages of %d", len(pageTexts), pages)
	}
	flat := strings.Join(strings.Fields(text), " ")
	for _, id := range e.requirementID {
		if !strings.Contains(flat, id+" ") {
			t.Errorf("the PDF's text lacks %s", id)
		}
	}
	total, planned := e.model.Budget.Total, e.model.Budget.Planned
	for _, want := range []string{
		estimate.FormatHours(total.LowHours), estimate.FormatHours(total.HighHours), estimate.FormatMoney(total.LowCost), estimate.FormatMoney(total.HighCost),
		estimate.FormatHours(planned.Hours), estimate.FormatMoney(planned.Cost),
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the PDF's text lacks the budget total %s", want)
		}
	}
	e.checkPageText(pageTexts)
	// The PDF's bookmarks are the page's headings.
	raw, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range sectionRE.FindAllStringSubmatch(e.source, -1) {
		if h := html.UnescapeString(m[1]); !bytes.Contains(raw, []byte("/Title ("+h+")")) {
			t.Errorf("the PDF has no bookmark for %q", h)
		}
	}
	t.Logf("%s.pdf: %d A4 pages (expected %d to %d)", filepath.Base(e.base), pages, low, high)
}

// checkPageText: every page's footer has the project's name and its number;
// each section meant to start a page does; no requirement is split.
func (e *e2e) checkPageText(pageTexts []string) {
	t := e.t
	starts := map[string]int{} // first line → page
	for i, p := range pageTexts {
		flat := strings.Join(strings.Fields(p), " ")
		if footer := fmt.Sprintf("Page %d of %d", i+1, len(pageTexts)); !strings.Contains(flat, footer) || !strings.Contains(flat, strings.Join(strings.Fields(e.model.Project.Name), " ")) {
			t.Errorf("page %d lacks its footer (%q and the project's name)", i+1, footer)
		}
		for _, l := range strings.Split(p, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				starts[l] = i
				break
			}
		}
	}
	for _, h := range e.newpage {
		if _, ok := starts[h]; !ok {
			t.Errorf("section %q does not start a page", h)
		}
	}
	// The requirements run from the page that starts with their heading to
	// the next section's; the budget table repeats their IDs, so look only there.
	first, ok1 := starts["Requirements"]
	last, ok2 := starts["Acceptance scenarios"]
	appendix, ok3 := starts["Appendix: every question and answer"]
	if !ok1 || !ok2 || !ok3 {
		return
	}
	for _, g := range e.model.Requirements {
		for _, r := range g.Requirements {
			words := strings.Fields(r.Text)
			head := strings.Join(append([]string{r.ID}, words[:min(3, len(words))]...), " ")
			checkWhole(t, r.ID, head, strings.Join(words[max(0, len(words)-4):], " "), pageTexts, first, last)
		}
	}
	// An appendix row has every word of its question, answer and note on the
	// page with its ID (pdftotext reads a table line by line across the
	// cells, so a cell's words are not side by side).
	for _, sec := range e.model.Appendix {
		for _, q := range sec.Questions {
			for i, p := range pageTexts[appendix:] {
				if !strings.Contains(p, q.ID+"\n") {
					continue
				}
				// Words, split at hyphens and the like too: a line may break there.
				for _, w := range strings.FieldsFunc(q.Prompt+" "+q.Answer+" "+q.Note, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
					if !strings.Contains(p, w) {
						t.Errorf("the row of %s is cut: %q is not on page %d with the ID", q.ID, w, appendix+i+1)
						break
					}
				}
			}
		}
	}
}

// checkWhole: on the pages from first to last, the page where head is also
// has tail.
func checkWhole(t *testing.T, what, head, tail string, pageTexts []string, first, last int) {
	t.Helper()
	// pdftotext joins a word hyphenated at a line end ("expired-" and
	// "authorisation" read "expiredauthorisation"): compare without hyphens.
	unhyphen := func(s string) string { return strings.ReplaceAll(s, "-", "") }
	for i, p := range pageTexts[first:last] {
		flat := unhyphen(strings.Join(strings.Fields(p), " "))
		if strings.Contains(flat, unhyphen(head)) && !strings.Contains(flat, unhyphen(tail)) {
			t.Errorf("%s starts on page %d and ends on another (%q not there)", what, first+i+1, tail)
		}
	}
}

var (
	pagesRE    = regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`)
	pageSizeRE = regexp.MustCompile(`(?m)^Page size:\s+([\d.]+) x ([\d.]+) pts`)
)

func pdfInfo(t *testing.T, pdf string) (pages int, size [2]float64) {
	t.Helper()
	out, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := pagesRE.FindSubmatch(out)
	s := pageSizeRE.FindSubmatch(out)
	if m == nil || s == nil {
		t.Fatalf("pdfinfo says:\n%s", out)
	}
	pages, _ = strconv.Atoi(string(m[1]))
	size[0], _ = strconv.ParseFloat(string(s[1]), 64)
	size[1], _ = strconv.ParseFloat(string(s[2]), 64)
	return pages, size
}

// --paper letter prints on US Letter.
func TestBrowserPDFLetter(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	path := devtools.BrowserForTest(t)
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo not found: install poppler-utils")
	}
	pdf := filepath.Join(t.TempDir(), "letter.pdf")
	if _, stderr, code := run(t, nil, "brief", "--spec", "../../checklist/examples/acme-outdoor.yaml", "--format", "pdf", "--paper", "letter", "-o", pdf, "--browser", path); code != 0 {
		t.Fatalf("%d %s", code, stderr)
	}
	if _, size := pdfInfo(t, pdf); math.Abs(size[0]-612) > 2 || math.Abs(size[1]-792) > 2 {
		t.Errorf("the page is %v pt, not Letter", size)
	}
}

// User text that is markup stays text in a real browser: a project named
// like a script tag runs nothing (a script would log to the console), and the
// browser shows the name as written, in the title, the page and the diagram.
func TestBrowserHostileText(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	path := devtools.BrowserForTest(t)
	dir := t.TempDir()
	spec := filepath.Join(dir, "integration-spec.yaml")
	name := `Acme </style></title><script>console.error("ran")</script>`
	store := `Shop<img src=x onerror=console.error(1)>`
	third := `Tax "Engine" <svg onload=console.error(2)>`
	if _, stderr, code := run(t, nil, "set", "--spec", spec, "project.name="+name, "project.store="+store,
		"master.sales-taxes=third", "--system", "master.sales-taxes="+third,
		"--note", "master.sales-taxes=</td></tr></table><iframe src=x></iframe>"); code != 0 {
		t.Fatalf("integ set: %d %s", code, stderr)
	}
	page := filepath.Join(dir, "brief.html")
	if _, stderr, code := run(t, nil, "brief", "--spec", spec, "--format", "html", "-o", page); code != 0 {
		t.Fatalf("integ brief: %d %s", code, stderr)
	}
	b, err := devtools.Start(path, os.Geteuid() == 0)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	loaded, err := b.Load(ctx, browser.FileURL(page))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range loaded.Problems {
		t.Errorf("the browser reported: %s", p)
	}
	for _, tag := range []string{"<script", "<img", "<iframe", "<svg onload"} {
		if strings.Contains(loaded.DOM, tag) {
			t.Errorf("the DOM has a %s element from user text", tag)
		}
	}
	dom := html.UnescapeString(loaded.DOM)
	for _, want := range []string{"<title>" + name + ": integration", "<h1>" + name + ": integration", store, third} {
		if !strings.Contains(dom, want) {
			t.Errorf("the page does not show %q as text", want)
		}
	}
}
