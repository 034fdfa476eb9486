package safe

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

// commonMark renders Markdown as GitHub does (CommonMark with tables and
// strikethrough), raw HTML passed through, so that injected HTML shows.
var commonMark = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough),
	goldmark.WithRendererOptions(html.WithUnsafe()),
)

func renderMarkdown(t testing.TB, md string) string {
	t.Helper()
	var out bytes.Buffer
	if err := commonMark.Convert([]byte(md), &out); err != nil {
		t.Fatalf("goldmark: %v", err)
	}
	return out.String()
}

// asHTML is how a CommonMark renderer writes plain text, newlines as <br>.
var asHTML = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\n", "<br>")

// checkReadsAsTyped renders Markdown(s) where a template puts user text (a
// line of its own, the middle of a sentence, a table cell, before a ";" or
// a letter) and fails unless each renders as the text itself: no heading,
// list, quote, rule, code, emphasis, link, entity, HTML or extra cell.
func checkReadsAsTyped(t testing.TB, s string) {
	t.Helper()
	md := Markdown(s)
	if md == "" {
		return
	}
	text := asHTML.Replace(visible(strings.TrimSpace(unixLines(s)), "\n\t"))
	const table = "| a | b |\n| --- | --- |\n| %s | z |\n"
	tableHTML := renderMarkdown(t, strings.Replace(table, "%s", "CELL", 1))
	contexts := []struct{ md, want string }{
		{md + "\n", "<p>" + text + "</p>\n"},
		{"x " + md + " y\n", "<p>x " + text + " y</p>\n"},
		{md + ";\n", "<p>" + text + ";</p>\n"},
		{md + "s\n", "<p>" + text + "s</p>\n"},
		{strings.Replace(table, "%s", md, 1), strings.Replace(tableHTML, "CELL", text, 1)},
	}
	for _, c := range contexts {
		if got := renderMarkdown(t, c.md); got != c.want {
			t.Fatalf("Markdown(%q) = %q\nin %q renders\n%q, want\n%q", s, md, c.md, got, c.want)
		}
	}
}

// Text reads as typed once rendered, and shows no more escapes than it needs
// (review 2, H6: "Hearth &amp; Kiln", "17\.50 %", "99\.80").
func TestMarkdownReadsAsTyped(t *testing.T) {
	plain := []string{"Hearth & Kiln Pottery", "17.50 % of the build", "99.80", "R&D team", "order_id and SKU_42",
		"-5 % on #12", "+44 20 7946 0958", "a > b", "C:\\Users\\shop", "1.5 days", "库存系统。", "“quoted”",
		"USD 75–180 [13]", "counted once [20]. Again [1]"}
	for _, s := range plain {
		if got := Markdown(s); got != s {
			t.Errorf("Markdown(%q) = %q, want it as typed", s, got)
		}
	}
	hostile := []string{"# Heading", "###### six", "> quote", "- item", "+ item", "* item", "1. first", "2024) year",
		"1.", "===", "---", "- - -", "___", "***", "~~~", "```go", "    indented", "<script>alert(1)</script>",
		"<!-- c -->", "<https://evil.example>", "[x](javascript:alert(1))", "![img](x.png)", "[ref]: https://x",
		"`code`", "**bold** _em_ ~~del~~ ~one~", "a | b", "&amp; &#38; &#x26; &copy", "AT&T", "back\\slash\\",
		"\\*not em\\*", "line\n# two\n- three", "_under_score_", "a_", "_a", "foo*bar*", "x\\\ny",
		"title" + oscTitle, rlo, "Ökolager", "a  \nb", "`` ` ``", "[^1]: note", "<br>", "&lt;br&gt;",
		"[20]: https://x", "[1](https://x)", "[1][2]", "see [1]: x", "![1](x.png)", "[12345]"}
	for _, s := range append(plain, hostile...) {
		checkReadsAsTyped(t, s)
	}
}
