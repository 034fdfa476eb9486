package brief

import (
	htmltemplate "html/template"
	"io"
	"strings"

	"github.com/integ-dev/integ/internal/safe"
)

// HTMLTemplate is a parsed HTML brief template and the file it came from. It
// is html/template: every value is escaped for where it lands (text, an
// attribute, the CSS of the page footer), and only the helpers below return
// markup, built from text that went through safe.HTML.
type HTMLTemplate struct {
	file string
	t    *htmltemplate.Template
}

// Paper sizes the HTML brief can ask for when printed. PaperAuto leaves the
// choice to the printer (or the reader's print dialog).
const (
	PaperAuto   = ""
	PaperA4     = "A4"
	PaperLetter = "letter"
)

// htmlFuncs are the helpers an HTML brief template may use, besides the
// formatting ones the Markdown template has.
func htmlFuncs(paper string) htmltemplate.FuncMap {
	m := htmltemplate.FuncMap{
		"lines":       htmlLines,
		"flowDiagram": func(s []System, f []Flow) htmltemplate.HTML { return htmltemplate.HTML(flowDiagram(s, f)) },
		"paper":       func() string { return paper },
	}
	for name, f := range formatFuncs() {
		m[name] = f
	}
	return m
}

// htmlLines is user text for HTML with its line breaks kept.
func htmlLines(s string) htmltemplate.HTML {
	return htmltemplate.HTML(strings.ReplaceAll(safe.HTML(strings.TrimSpace(s)), "\n", "<br>"))
}

// ParseHTMLTemplate parses an HTML brief template; errors name file and line.
func ParseHTMLTemplate(file, text string) (*HTMLTemplate, error) {
	t, err := htmltemplate.New(file).Funcs(htmlFuncs(PaperAuto)).Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, templateError(file, err)
	}
	return &HTMLTemplate{file: file, t: t}, nil
}

// WriteHTML renders the brief as a web page that asks for the given paper
// size when printed. Like WriteMarkdown it writes as the template does, and
// may have written part of the page when it fails.
func WriteHTML(w io.Writer, b *Brief, t *HTMLTemplate, paper string) error {
	// The parsed template is never run itself, so it can be cloned for each
	// paper size.
	run, err := t.t.Clone()
	if err != nil {
		return templateError(t.file, err)
	}
	run.Funcs(htmltemplate.FuncMap{"paper": func() string { return paper }})
	// html/template passes control characters and bidi overrides on raw.
	out := safe.DocumentWriter(w)
	if err := run.Execute(&limitWriter{w: out}, b); err != nil {
		return outputError(t.file, err)
	}
	return out.Close()
}
