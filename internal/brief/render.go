package brief

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"text/template"

	"github.com/integ-dev/integ/internal/estimate"
	"github.com/integ-dev/integ/internal/safe"
)

// funcs are the helpers every brief template may use. User text (names,
// notes, a bank's own texts and IDs) goes through package safe, so that it
// cannot break the Markdown, inject HTML or act on a terminal.
func funcs() template.FuncMap {
	m := template.FuncMap{
		"text":    safe.Markdown,
		"cell":    safe.Markdown,
		"quote":   safe.MarkdownQuote,
		"code":    safe.MarkdownCode,
		"mermaid": safe.Mermaid,
	}
	for name, f := range formatFuncs() {
		m[name] = f
	}
	return m
}

// formatFuncs write numbers and money the same way in every brief template.
func formatFuncs() map[string]any {
	return map[string]any{
		"money":  estimate.FormatMoney,
		"whole":  estimate.FormatWhole,
		"hours":  estimate.FormatHours,
		"number": estimate.FormatNumber,
		"add":    func(a, b int) int { return a + b },
		"upper":  strings.ToUpper,
	}
}

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

var templateErrRE = regexp.MustCompile(`^(?:html/)?template: ?([^:]*):(\d+)(?::\d+)?: (.*)$`)

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
	buf := boundedBuffer{max: MaxOutput}
	buf.Grow(markdownSizeHint)
	if err := t.t.Execute(&buf, b); err != nil {
		return outputError(t.file, err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// MaxOutput bounds what a template may write: a brief is a few hundred KB,
// and a template of one's own that ranges over ranges could otherwise fill
// the memory. MaxTemplateSize bounds the template itself.
const (
	MaxOutput       = 32 << 20
	MaxTemplateSize = 1 << 20
)

// errTooMuchOutput stops a template that writes more than MaxOutput.
var errTooMuchOutput = fmt.Errorf("the template writes more than %d MB; a brief is a few hundred KB (does a range run inside another?)", MaxOutput>>20)

// boundedBuffer is a bytes.Buffer that refuses to grow past max.
type boundedBuffer struct {
	bytes.Buffer
	max int
}

func (b *boundedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.max {
		return 0, errTooMuchOutput
	}
	return b.Buffer.Write(p)
}

func (b *boundedBuffer) WriteString(s string) (int, error) {
	if b.Len()+len(s) > b.max {
		return 0, errTooMuchOutput
	}
	return b.Buffer.WriteString(s)
}

// outputError names the template's file for a template error, and says
// plainly when the template wrote too much.
func outputError(file string, err error) error {
	if errors.Is(err, errTooMuchOutput) {
		return fmt.Errorf("%s: %w", file, errTooMuchOutput)
	}
	return templateError(file, err)
}

// WriteJSON writes the view model the template receives. Like WriteMarkdown
// it writes nothing on failure: the encoder makes the whole text first.
func WriteJSON(w io.Writer, b *Brief) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		return err
	}
	_, err := w.Write(safe.JSON(buf.Bytes()))
	return err
}
