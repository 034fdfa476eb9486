package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/spf13/cobra"

	"github.com/integ-dev/integ/internal/brief"
	"github.com/integ-dev/integ/internal/browser"
	"github.com/integ-dev/integ/internal/fsutil"
	"github.com/integ-dev/integ/internal/safe"
	"github.com/integ-dev/integ/templates"
)

type briefOptions struct {
	*globalOptions
	output   string
	template string
	format   string
	paper    string
	browser  string
	force    bool
}

func newBriefCmd(g *globalOptions) *cobra.Command {
	opts := &briefOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "brief",
		Short: "Render the requirements and budget brief (Markdown, HTML, PDF or JSON)",
		Long: `Turn the spec into the brief to hand to an integrator: ownership matrix, data-flow diagram,
numbered requirements, open decisions, findings, acceptance scenarios and a budget range.

Markdown goes to standard output unless -o names a file. --format html writes one self-contained
web page (no scripts, nothing fetched) that prints well; --format pdf prints that page through a
Chromium-family browser already on the machine (Chromium, Google Chrome, Microsoft Edge; or
--browser PATH) and needs -o. --format json emits the view model the templates receive, for
scripts. --template renders your own Go template against it (text/template for Markdown,
html/template for HTML and PDF).`,
		Example: `  integ brief -o integration-brief.md
  integ brief --format html -o integration-brief.html
  integ brief --format pdf -o integration-brief.pdf --paper letter
  integ brief --spec checklist/examples/acme-outdoor.yaml | less
  integ brief --format json | jq .budget.total
  integ brief --template my-brief.md.tmpl -o brief.md`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runBrief(opts) },
	}
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "write to this file instead of standard output (never the spec)")
	cmd.Flags().BoolVar(&opts.force, "force", false, "overwrite the -o file if it exists")
	cmd.Flags().StringVar(&opts.template, "template", "", "render with this Go template instead of the built-in one")
	cmd.Flags().StringVar(&opts.format, "format", "markdown", "output format: markdown, html, pdf or json")
	cmd.Flags().StringVar(&opts.paper, "paper", "", "paper size for html and pdf: a4 or letter (pdf default a4; html: the printer's)")
	cmd.Flags().StringVar(&opts.browser, "browser", "", "the Chromium-family browser that prints --format pdf (default: the first found)")
	return cmd
}

func loadTemplate(path string) (*brief.Template, error) {
	if path == "" {
		return brief.ParseTemplate(templates.BriefName, templates.Brief())
	}
	data, err := readTemplate(path)
	if err != nil {
		return nil, err
	}
	t, err := brief.ParseTemplate(path, data)
	return t, unusable(err)
}

func loadHTMLTemplate(path string) (*brief.HTMLTemplate, error) {
	if path == "" {
		return brief.ParseHTMLTemplate(templates.BriefHTMLName, templates.BriefHTML())
	}
	data, err := readTemplate(path)
	if err != nil {
		return nil, err
	}
	t, err := brief.ParseHTMLTemplate(path, data)
	return t, unusable(err)
}

func readTemplate(path string) (string, error) {
	data, err := fsutil.ReadFile(path, brief.MaxTemplateSize)
	var notFile *fsutil.NotFileError
	var tooBig *fsutil.TooBigError
	switch {
	case errors.As(err, &notFile):
		return "", unusable(fmt.Errorf("%s: is %s, not a template file", path, notFile.What()))
	case errors.As(err, &tooBig):
		return "", unusable(fmt.Errorf("%s: is %s; a template is at most %d MB", path, fsutil.Size(tooBig.Size), brief.MaxTemplateSize>>20))
	case err != nil:
		return "", unusable(fmt.Errorf("%s: cannot read the template: %s", path, fsutil.Reason(err)))
	}
	return string(data), nil
}

// paperSize maps --paper to the page's @page size; pdf defaults to A4.
func (opts *briefOptions) paperSize() (string, error) {
	switch strings.ToLower(opts.paper) {
	case "":
		if opts.format == "pdf" {
			return brief.PaperA4, nil
		}
		return brief.PaperAuto, nil
	case "a4":
		return brief.PaperA4, nil
	case "letter":
		return brief.PaperLetter, nil
	}
	return "", unusable(fmt.Errorf("unknown --paper %q (use a4 or letter)", opts.paper))
}

func runBrief(opts *briefOptions) error {
	if err := checkFormat(opts.format, "markdown", "html", "pdf", "json"); err != nil {
		return err
	}
	paper, err := opts.paperSize()
	if err != nil {
		return err
	}
	if opts.format == "pdf" && opts.output == "" {
		return unusable(errors.New("--format pdf needs -o FILE (a PDF is not for the terminal)"))
	}
	if opts.output != "" {
		if err := checkOutput(opts.output, opts.specPath(), opts.force, "the brief a name of its own, such as integration-brief.md"); err != nil {
			return err
		}
	}
	bank, s, err := opts.loadSpec(specMustExist)
	if err != nil {
		return err
	}
	b := brief.Build(bank, s, opts.streams.Now())
	render, err := opts.renderer(b, paper)
	if err != nil {
		return err
	}
	switch {
	case opts.format == "pdf":
		var page bytes.Buffer
		if err := render(&page); err != nil {
			return err
		}
		pdf, err := opts.printPDF(page.Bytes())
		if err != nil {
			return err
		}
		if err := fsutil.WriteFileAtomic(opts.output, pdf, 0o644); err != nil {
			return err
		}
	case opts.output != "":
		// Written aside as it is rendered: a failure leaves no half brief.
		if err := fsutil.WriteAtomic(opts.output, 0o644, render); err != nil {
			return err
		}
	default:
		// Renderers write as they go; standard output gets nothing of a
		// brief that fails half-way.
		var out bytes.Buffer
		if err := render(&out); err != nil {
			return err
		}
		_, err := opts.streams.Out.Write(out.Bytes())
		return err
	}
	fmt.Fprintf(opts.streams.Err, "Wrote %s.\n", safe.Terminal(opts.output))
	return nil
}

// renderer returns what writes the brief in the format asked for.
func (opts *briefOptions) renderer(b *brief.Brief, paper string) (func(io.Writer) error, error) {
	switch opts.format {
	case "json":
		return func(w io.Writer) error { return brief.WriteJSON(w, b) }, nil
	case "markdown":
		t, err := loadTemplate(opts.template)
		if err != nil {
			return nil, err
		}
		return func(w io.Writer) error { return unusable(brief.WriteMarkdown(w, b, t)) }, nil
	}
	t, err := loadHTMLTemplate(opts.template) // html, pdf
	if err != nil {
		return nil, err
	}
	return func(w io.Writer) error { return unusable(brief.WriteHTML(w, b, t, paper)) }, nil
}

// printPDF prints the page through --browser or the first browser found.
func (opts *briefOptions) printPDF(page []byte) ([]byte, error) {
	path := opts.browser
	if path == "" {
		env := browser.System()
		env.Getenv = opts.streams.Getenv
		found, err := browser.Find(env)
		if err != nil {
			return nil, fmt.Errorf("no Chromium-family browser found (looked for %s); write the page with --format html -o brief.html, open it in any browser and print it to PDF, or name one with --browser PATH",
				strings.Join(browser.Names(), ", "))
		}
		path = found
	} else if fi, err := os.Stat(path); err != nil || fi.IsDir() {
		return nil, unusable(fmt.Errorf("--browser %s: not a program (%s)", path, reasonOrFolder(err)))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	pdf, err := browser.PrintPDF(ctx, path, page)
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(opts.streams.Err, "Interrupted: no PDF was written.")
		return nil, errAborted
	}
	return pdf, err
}

func reasonOrFolder(err error) string {
	if err != nil {
		return fsutil.Reason(err)
	}
	return "a folder"
}
