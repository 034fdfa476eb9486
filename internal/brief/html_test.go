package brief

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
	"github.com/integ-dev/integ/internal/testutil"
	"github.com/integ-dev/integ/templates"
)

func renderHTML(t testing.TB, b *Brief, paper string) string {
	t.Helper()
	tmpl, err := ParseHTMLTemplate(templates.BriefHTMLName, templates.BriefHTML())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, b, tmpl, paper); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// examples are the worked examples' specs, whatever the content helpers add.
func examples(t testing.TB) (*checklist.Bank, map[string]*spec.Spec) {
	t.Helper()
	bank, err := checklist.Default()
	if err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob("../../checklist/examples/*.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no worked examples found: %v", err)
	}
	out := map[string]*spec.Spec{"empty": spec.New(filepath.Join(t.TempDir(), "empty.yaml"), bank)}
	for _, p := range paths {
		s, err := spec.Load(p, bank)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = s
	}
	return bank, out
}

func TestExampleHTMLGolden(t *testing.T) {
	bank, s := loadExample(t)
	testutil.Golden(t, "example.html", []byte(renderHTML(t, Build(bank, s, now), PaperAuto)))
}

var (
	mdSectionRE   = regexp.MustCompile(`(?m)^## (.+)$`)
	htmlSectionRE = regexp.MustCompile(`<h2[^>]*>(.*?)</h2>`)
	tocRE         = regexp.MustCompile(`(?s)<nav class="toc".*?</nav>`)
	tocEntryRE    = regexp.MustCompile(`<li><a href="#([^"]+)">(.*?)</a></li>`)
	mdHeadingRE   = regexp.MustCompile(`(?m)^(#{2,3}) (.+)$`)
	htmlHeadingRE = regexp.MustCompile(`<h([23])[^>]*>(.*?)</h[23]>`)
	tagRE         = regexp.MustCompile(`<[^>]*>`)
	mdEscapeRE    = regexp.MustCompile(`\\(.)`)
)

// The HTML brief has the Markdown brief's sections, in the same order: whoever
// adds a "## " section to brief.md.tmpl must add its <h2> to brief.html.tmpl,
// and the table of contents lists them all.
func TestHTMLTemplateHasTheMarkdownSections(t *testing.T) {
	var md, h2, toc []string
	for _, m := range mdSectionRE.FindAllStringSubmatch(templates.Brief(), -1) {
		md = append(md, m[1])
	}
	for _, m := range htmlSectionRE.FindAllStringSubmatch(templates.BriefHTML(), -1) {
		h2 = append(h2, m[1])
	}
	if len(md) == 0 {
		t.Fatal("no sections found in the Markdown template")
	}
	if diff := cmp.Diff(md, h2); diff != "" {
		t.Errorf("brief.html.tmpl's <h2> sections differ from brief.md.tmpl's ## sections (-markdown +html):\n%s", diff)
	}
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(`<h2 id="([^"]+)"`).FindAllStringSubmatch(templates.BriefHTML(), -1) {
		ids[m[1]] = true
	}
	for _, m := range tocEntryRE.FindAllStringSubmatch(tocRE.FindString(templates.BriefHTML()), -1) {
		toc = append(toc, m[2])
		if !ids[m[1]] {
			t.Errorf("the contents link to #%s, which no <h2> has", m[1])
		}
	}
	if diff := cmp.Diff(md, toc); diff != "" {
		t.Errorf("the table of contents differs from the sections (-sections +contents):\n%s", diff)
	}
}

// Rendered, every example's HTML has the same outline (sections and the
// groups under them) as its Markdown.
func TestHTMLOutlineMatchesMarkdown(t *testing.T) {
	bank, specs := examples(t)
	for name, s := range specs {
		b := Build(bank, s, now)
		var md, h []string
		for _, m := range mdHeadingRE.FindAllStringSubmatch(render(t, b), -1) {
			md = append(md, m[1]+" "+html.UnescapeString(mdEscapeRE.ReplaceAllString(m[2], "$1")))
		}
		for _, m := range htmlHeadingRE.FindAllStringSubmatch(renderHTML(t, b, PaperAuto), -1) {
			h = append(h, strings.Repeat("#", int(m[1][0]-'0'))+" "+html.UnescapeString(tagRE.ReplaceAllString(m[2], "")))
		}
		if diff := cmp.Diff(md, h); diff != "" {
			t.Errorf("%s: the HTML outline differs from the Markdown (-markdown +html):\n%s", name, diff)
		}
	}
}

// The page loads nothing: no scripts, styles, images, fonts or frames from
// anywhere, and the only "http" in it is in text the spec or the bank wrote.
func TestHTMLIsSelfContained(t *testing.T) {
	bank, specs := examples(t)
	for name, s := range specs {
		b := Build(bank, s, now)
		page := renderHTML(t, b, PaperA4)
		checkSelfContained(t, name, page, b)
	}
}

var (
	loaderRE = regexp.MustCompile(`(?i)<(script|link|img|iframe|object|embed|video|audio|source|image|use|foreignobject)\b|\s(src|srcset|xlink:href|style)="`)
	styleRE  = regexp.MustCompile(`(?s)<style>(.*?)</style>`)
	cssRE    = regexp.MustCompile(`(?i)url\(|@import|@font-face|image-set\(`)
	httpRE   = regexp.MustCompile(`(?i)https?:[^\s"'<>&]*`)
)

func checkSelfContained(t *testing.T, name, page string, b *Brief) {
	t.Helper()
	for _, p := range selfContainedProblems(page, b) {
		t.Errorf("%s: %s", name, p)
	}
}

func selfContainedProblems(page string, b *Brief) []string {
	var problems []string
	if m := loaderRE.FindString(page); m != "" {
		problems = append(problems, fmt.Sprintf("the page loads something: %q", m))
	}
	for _, style := range styleRE.FindAllStringSubmatch(page, -1) {
		if m := cssRE.FindString(style[1]); m != "" {
			problems = append(problems, fmt.Sprintf("the style sheet loads something: %q", m))
		}
	}
	var model bytes.Buffer
	if err := WriteJSON(&model, b); err != nil {
		return append(problems, err.Error())
	}
	for _, u := range httpRE.FindAllString(page, -1) {
		if !strings.Contains(model.String(), u) {
			problems = append(problems, fmt.Sprintf("%q is in the page but in no text of the spec or the bank", u))
		}
	}
	return problems
}

// The check above can fail: a page with a web font or a link of the
// template's own is refused.
func TestSelfContainedCheckFails(t *testing.T) {
	bank, s := loadExample(t)
	b := Build(bank, s, now)
	page := renderHTML(t, b, PaperAuto)
	for _, bad := range []string{
		strings.Replace(page, "</style>", "@import 'x.css';</style>", 1),
		strings.Replace(page, "</head>", `<link rel="stylesheet" href="https://fonts.example.com/a.css"></head>`, 1),
		strings.Replace(page, "</main>", `<p>See https://integ.example/help</p></main>`, 1),
	} {
		if len(selfContainedProblems(bad, b)) == 0 {
			t.Errorf("a doctored page passed the check")
		}
	}
}

// hostileSpec fills every kind of user text with markup that must stay text.
func hostileSpec(t *testing.T) (*checklist.Bank, *spec.Spec) {
	bank, s := loadExample(t)
	s.Set("project.name", spec.Answer{Values: []string{`Acme "Outdoor" </style><script>alert(1)</script>`}})
	s.Set("project.store", spec.Answer{Values: []string{`Shop<b onmouseover="x">ify</b>`}})
	a := s.Answers["master.product-names"]
	a.Note = "a | b <img src=x onerror=alert(1)>\nsecond line ' \" & more https://shop.example/p?a=1&b=2"
	s.Set("master.product-names", a)
	s.Set("master.sales-taxes", spec.Answer{Values: []string{"third"}, System: `Tax "Engine" <svg onload=alert(1)> ]]>`, Note: "<i>the tax engine</i>"})
	s.SectionNotes["orders"] = "line one\n</blockquote><iframe src=//x>"
	return bank, s
}

func TestHTMLEscapesUserText(t *testing.T) {
	bank, s := hostileSpec(t)
	b := Build(bank, s, now)
	page := renderHTML(t, b, PaperA4)
	checkMarkup(t, page)
	for _, want := range []string{
		`<title>Acme &#34;Outdoor&#34; &lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;: integration`,
		`Shop&lt;b onmouseover=&#34;x&#34;&gt;ify&lt;/b&gt;`,
		`a | b &lt;img src=x onerror=alert(1)&gt;<br>second line &#39; &#34; &amp; more https://shop.example/p?a=1&amp;b=2`,
		`line one<br>&lt;/blockquote&gt;&lt;iframe src=//x&gt;`,
		// The footer's CSS string: html/template writes quotes and angle brackets as CSS escapes.
		`@bottom-left { content: "Acme \22Outdoor\22  \3c\2fstyle\3e\3cscript\3e alert\28 1\29\3c\2fscript\3e "`,
		// The third system's box in the diagram.
		`<title>Tax &#34;Engine&#34; &lt;svg onload=alert(1)&gt; ]]&gt;</title>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	checkSelfContained(t, "hostile", page, b)
}

// The tags and attributes the template and the diagram write; anything else
// in the page came from user text that was not escaped.
var (
	allowedTags = strings.Fields(`html head meta title style body header table tr th td nav p ol ul li a main section
		h1 h2 h3 strong em b i br span code blockquote thead tbody div svg g line rect text tspan polygon`)
	allowedAttrs = strings.Fields(`lang charset name content class id href scope aria-label role viewBox width height
		x y x1 y1 x2 y2 dy rx fill stroke stroke-width stroke-dasharray stroke-linejoin paint-order text-anchor
		font-family font-size font-weight font-style points`)
	tagNameRE = regexp.MustCompile(`^</?([a-zA-Z][a-zA-Z0-9]*)`)
	attrRE    = regexp.MustCompile(`^\s+([a-zA-Z][a-zA-Z0-9-]*)(="[^"<>]*")?`)
	footerRE  = regexp.MustCompile(`@bottom-left \{ content: "(?:[^"\\<>\n]|\\[0-9a-fA-F]{1,6} ?|\\[^0-9a-fA-F\n])*"; font: 8pt`)
)

func checkMarkup(t testing.TB, page string) {
	t.Helper()
	if p := markupProblem(page); p != "" {
		t.Fatal(p)
	}
}

// markupProblem finds a tag or attribute the template does not write, an
// attribute value that is not quoted whole, a '>' outside a tag, or a footer
// string that user text escaped from.
func markupProblem(page string) string {
	if !strings.HasPrefix(page, "<!DOCTYPE html>\n") || strings.Count(page, "<!") != 1 {
		return "the page does not start with the one doctype"
	}
	if strings.Count(page, "</style>") != 1 || len(footerRE.FindAllString(page, -1)) != 1 {
		return "user text left the style sheet's footer string"
	}
	rest := page[len("<!DOCTYPE html>\n"):]
	for {
		i := strings.IndexByte(rest, '<')
		if i < 0 {
			break
		}
		if j := strings.IndexByte(rest[:i], '>'); j >= 0 {
			return fmt.Sprintf("a '>' outside any tag near %q", rest[max(0, j-40):min(len(rest), j+40)])
		}
		rest = rest[i:]
		m := tagNameRE.FindStringSubmatch(rest)
		if m == nil || !slices.Contains(allowedTags, m[1]) {
			return fmt.Sprintf("a tag the template does not write: %q", rest[:min(len(rest), 60)])
		}
		rest = rest[len(m[0]):]
		for {
			a := attrRE.FindStringSubmatch(rest)
			if a == nil {
				break
			}
			if !slices.Contains(allowedAttrs, a[1]) {
				return fmt.Sprintf("an attribute the template does not write: %q in %q", a[1], m[0])
			}
			if a[1] == "href" && !strings.HasPrefix(a[2], `="#`) {
				return fmt.Sprintf("a link out of the page: %s", a[0])
			}
			rest = rest[len(a[0]):]
		}
		rest = strings.TrimPrefix(strings.TrimLeft(rest, " "), "/")
		if !strings.HasPrefix(rest, ">") {
			return fmt.Sprintf("a tag that does not close where the template closes it: %q", m[0]+rest[:min(len(rest), 40)])
		}
		rest = rest[1:]
	}
	if strings.Contains(rest, ">") {
		return "a '>' after the last tag"
	}
	return ""
}

// The markup check can fail: each doctored page is refused.
func TestMarkupCheckFails(t *testing.T) {
	bank, s := loadExample(t)
	page := renderHTML(t, Build(bank, s, now), PaperAuto)
	for _, bad := range []string{
		strings.Replace(page, "Shopify", "Shop<script>ify", 1),
		strings.Replace(page, "Shopify", `Shop<b onclick="x">ify`, 1),
		strings.Replace(page, `class="facts"`, `class="facts" onload="x"`, 1),
		strings.Replace(page, `<a href="#summary">`, `<a href="https://x.example/">`, 1),
		strings.Replace(page, "Buyers", "Buy>ers", 1),
		strings.Replace(page, `content: "Acme Outdoor"`, `content: "Acme" } body { x: "y"`, 1),
	} {
		if markupProblem(bad) == "" {
			t.Errorf("a doctored page passed the markup check")
		}
	}
}

// Every requirement and scenario can be linked to (brief.html#REQ-ORD-07),
// and every link in the page leads somewhere in it.
func TestHTMLAnchors(t *testing.T) {
	bank, specs := examples(t)
	for name, s := range specs {
		b := Build(bank, s, now)
		page := renderHTML(t, b, PaperAuto)
		ids := map[string]int{}
		for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(page, -1) {
			ids[html.UnescapeString(m[1])]++
		}
		for id, n := range ids {
			if n > 1 {
				t.Errorf("%s: id %q is used %d times", name, id, n)
			}
		}
		for _, g := range b.Requirements {
			for _, r := range g.Requirements {
				if ids[r.ID] != 1 || !strings.Contains(page, `<a class="id" href="#`+r.ID+`">`+r.ID+`</a>`) {
					t.Errorf("%s: requirement %s has no anchor", name, r.ID)
				}
			}
		}
		for _, g := range b.Scenarios {
			for _, sc := range g.Scenarios {
				if ids[sc.ID] != 1 {
					t.Errorf("%s: scenario %s has no anchor", name, sc.ID)
				}
			}
		}
		for _, m := range regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(page, -1) {
			if ids[html.UnescapeString(m[1])] == 0 {
				t.Errorf("%s: a link to #%s, which nothing in the page has", name, m[1])
			}
		}
	}
}

func TestHTMLPaperAndFooter(t *testing.T) {
	bank, s := loadExample(t)
	b := Build(bank, s, now)
	for paper, want := range map[string]string{PaperA4: "@page { size: A4; }", PaperLetter: "@page { size: letter; }"} {
		if page := renderHTML(t, b, paper); !strings.Contains(page, want) {
			t.Errorf("paper %q: the page lacks %q", paper, want)
		}
	}
	page := renderHTML(t, b, PaperAuto)
	if strings.Contains(page, "@page { size:") {
		t.Error("with no paper given the page still asks for a size")
	}
	for _, want := range []string{`@bottom-left { content: "Acme Outdoor";`, `content: "Page " counter(page) " of " counter(pages)`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks the footer's %q", want)
		}
	}
}

func TestHTMLTemplateErrorsNameFileAndLine(t *testing.T) {
	bank, s := loadExample(t)
	if _, err := ParseHTMLTemplate("my.html.tmpl", "<p>\n{{ nosuchfunc }}\n"); err == nil || err.Error() != `my.html.tmpl:2: function "nosuchfunc" not defined` {
		t.Errorf("parse error: %v", err)
	}
	tmpl, err := ParseHTMLTemplate("my.html.tmpl", "<p>ok</p>\n\n<p>{{ .Project.Nmae }}</p>\n")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	err = WriteHTML(&buf, Build(bank, s, now), tmpl, PaperAuto)
	if err == nil || !strings.HasPrefix(err.Error(), "my.html.tmpl:3: ") || !strings.Contains(err.Error(), "Nmae") {
		t.Errorf("execute error: %v", err)
	}
}

// The JSON view model and the HTML agree on the budget's totals.
func TestHTMLBudgetTotals(t *testing.T) {
	bank, s := loadExample(t)
	b := Build(bank, s, now)
	page := renderHTML(t, b, PaperAuto)
	var js bytes.Buffer
	WriteJSON(&js, b)
	var doc struct {
		Budget struct {
			Planned struct {
				Hours int `json:"hours"`
			} `json:"planned"`
			Total struct {
				Low  int `json:"low_hours"`
				High int `json:"high_hours"`
			} `json:"total"`
		} `json:"budget"`
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<tr class="total"><td>Planned</td><td></td><td></td><td class="num">` + itoa(doc.Budget.Planned.Hours) + `</td>`,
		`<tr class="total"><td>Planning range</td>`,
		`<td class="num">` + itoa(doc.Budget.Total.Low) + `–` + itoa(doc.Budget.Total.High) + `</td>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}
