package brief

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
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
		"money": estimate.FormatMoney,
		"whole": estimate.FormatWhole,
		// thousands writes a summary's money without cents: 124,125 as 124K.
		"thousands": estimate.FormatThousands,
		"hours":     estimate.FormatHours,
		"number":    estimate.FormatNumber,
		"weeks":     estimate.FormatWeeks,
		"add":       func(a, b int) int { return a + b },
		// plural writes "1 decision is" and "3 decisions are": the form
		// that agrees with n.
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return "1 " + one
			}
			return strconv.Itoa(n) + " " + many
		},
		"upper": strings.ToUpper,
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

// WriteMarkdown renders the brief into w as the template writes it, piece
// by piece: the largest spec's brief is 16 MB, and a copy of it (or two,
// while a buffer doubles) is what held the memory. When the template fails
// part of the brief may have been written: a caller that must not show half
// a brief (standard output) collects it first, a file is written aside
// (fsutil.WriteAtomic, an export's folder).
func WriteMarkdown(w io.Writer, b *Brief, t *Template) error {
	if err := t.t.Execute(&limitWriter{w: w}, b); err != nil {
		return outputError(t.file, err)
	}
	return nil
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

// limitWriter passes a template's output on and stops it past MaxOutput.
type limitWriter struct {
	w       io.Writer
	written int
}

func (l *limitWriter) Write(p []byte) (int, error) {
	if l.written+len(p) > MaxOutput {
		return 0, errTooMuchOutput
	}
	l.written += len(p)
	return l.w.Write(p)
}

// outputError names the template's file for a template error, and says
// plainly when the template wrote too much.
func outputError(file string, err error) error {
	if errors.Is(err, errTooMuchOutput) {
		return fmt.Errorf("%s: %w", file, errTooMuchOutput)
	}
	return templateError(file, err)
}

// WriteJSON writes the view model the template receives, indented as
// json.Encoder indents it, one top-level field at a time: only the largest
// field is ever in memory as JSON, never the whole brief nor its indented
// and escaped copies. Like WriteMarkdown it may have written part of the
// brief when it fails.
func WriteJSON(w io.Writer, b *Brief) error {
	out := safe.JSONWriter(w)
	buf := bufio.NewWriterSize(out, 64<<10)
	enc := json.NewEncoder(&indentWriter{w: buf, depth: 1})
	enc.SetEscapeHTML(false)
	v := reflect.ValueOf(b).Elem()
	for i := 0; i < v.NumField(); i++ {
		name, opts, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
		if name == "" || name == "-" || opts != "" {
			// Only plain names: what encoding/json does with the others is
			// not repeated here (TestWriteJSONIsTheWholeEncoded).
			return fmt.Errorf("brief: field %s needs a plain json name", v.Type().Field(i).Name)
		}
		sep := ",\n  "
		if i == 0 {
			sep = "{\n  "
		}
		key, _ := json.Marshal(name)
		fmt.Fprintf(buf, "%s%s: ", sep, key)
		if err := enc.Encode(v.Field(i).Interface()); err != nil {
			return err
		}
	}
	buf.WriteString("\n}\n")
	if err := buf.Flush(); err != nil {
		return err
	}
	return out.Close()
}

// indentWriter indents the compact JSON json.Encoder writes as it passes
// through, as json.Indent would with an indent of two spaces from depth on,
// without the newline that ends each value. Its input is encoding/json's own:
// valid, with no space outside strings.
type indentWriter struct {
	w            *bufio.Writer
	depth        int
	open         bool // a { or [ was just written: a } or ] now stays on its line
	str, escaped bool // inside a string; after its backslash
}

func (iw *indentWriter) Write(p []byte) (int, error) {
	for _, c := range p {
		if iw.open && c != '}' && c != ']' {
			iw.open = false
			iw.depth++
			iw.newline()
		}
		switch {
		case iw.str:
			iw.str = iw.escaped || c != '"'
			iw.escaped = !iw.escaped && c == '\\'
			iw.w.WriteByte(c)
		case c == '"':
			iw.str = true
			iw.w.WriteByte(c)
		case c == '{' || c == '[':
			iw.open = true
			iw.w.WriteByte(c)
		case c == '}' || c == ']':
			if !iw.open {
				iw.depth--
				iw.newline()
			}
			iw.open = false
			iw.w.WriteByte(c)
		case c == ',':
			iw.w.WriteByte(c)
			iw.newline()
		case c == ':':
			iw.w.WriteString(": ")
		case c == '\n':
		default:
			iw.w.WriteByte(c)
		}
	}
	return len(p), nil
}

func (iw *indentWriter) newline() {
	iw.w.WriteByte('\n')
	for range iw.depth {
		iw.w.WriteString("  ")
	}
}
