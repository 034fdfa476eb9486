package brief

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
	"text/template"

	"github.com/integ-dev/integ/internal/estimate"
)

// funcs are the helpers every brief template may use. They escape user text
// (names, notes) so that it cannot break the Markdown or inject HTML.
func funcs() template.FuncMap {
	return template.FuncMap{
		"text":    escapeText,
		"cell":    escapeCell,
		"quote":   escapeQuote,
		"mermaid": escapeMermaid,
		"money":   estimate.FormatMoney,
		"hours":   estimate.FormatHours,
		"number":  estimate.FormatNumber,
		"add":     func(a, b int) int { return a + b },
		"upper":   strings.ToUpper,
	}
}

// escapeText makes user text safe inline: HTML is shown, not run; backticks
// and other Markdown punctuation stay literal; newlines become line breaks.
func escapeText(s string) string {
	s = textEscaper.Replace(strings.TrimSpace(s))
	return strings.ReplaceAll(s, "\n", "<br>")
}

// textEscaper neutralises HTML and the Markdown that could run away with the
// rest of the document: code spans, links and backslash escapes.
var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\\", "\\\\", "`", "\\`", "[", "\\[", "]", "\\]", "\r", "")

// escapeCell is escapeText for a table cell: a pipe would end the cell.
func escapeCell(s string) string {
	return strings.ReplaceAll(escapeText(s), "|", "\\|")
}

// escapeQuote keeps a multi-line note inside one block quote.
func escapeQuote(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(escapeText(l), "|", "\\|")
	}
	return strings.Join(lines, "\n> ")
}

// escapeMermaid makes text safe inside a quoted Mermaid label.
func escapeMermaid(s string) string { return mermaidEscaper.Replace(s) }

// mermaidEscaper is built once: a Replacer's lookup table is about 100 KB,
// which per label was a tenth of everything integ brief allocated.
var mermaidEscaper = strings.NewReplacer(`"`, "#quot;", "<", "#lt;", ">", "#gt;", "\n", " ", "\r", " ", "`", "#96;", "&", "#amp;")

// Template is a parsed brief template and the file it came from.
type Template struct {
	file string
	t    *template.Template
}

// ParseTemplate parses a brief template. file names it in errors, which give
// its line: "my.tmpl:12: function "foo" not defined".
func ParseTemplate(file, text string) (*Template, error) {
	t, err := template.New(file).Funcs(funcs()).Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, templateError(file, err)
	}
	return &Template{file: file, t: t}, nil
}

var templateErrRE = regexp.MustCompile(`^template: ([^:]*):(\d+)(?::\d+)?: (.*)$`)

func templateError(file string, err error) error {
	msg := err.Error()
	if m := templateErrRE.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%s:%s: %s", file, m[2], strings.TrimPrefix(m[3], "executing \""+file+"\" "))
	}
	return fmt.Errorf("%s: %s", file, strings.TrimPrefix(msg, "template: "))
}

// markdownSizeHint is room for a typical brief (the example's is 36 KB), so
// the buffer is allocated once instead of doubling its way there.
const markdownSizeHint = 64 << 10

// WriteMarkdown renders the brief. Nothing is written if the template fails,
// so a broken template never leaves half a brief behind.
func WriteMarkdown(w io.Writer, b *Brief, t *Template) error {
	var buf bytes.Buffer
	buf.Grow(markdownSizeHint)
	if err := t.t.Execute(&buf, b); err != nil {
		return templateError(t.file, err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// WriteJSON writes the view model the template receives. Like WriteMarkdown
// it writes nothing on failure: the encoder makes the whole text first.
func WriteJSON(w io.Writer, b *Brief) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(b)
}
