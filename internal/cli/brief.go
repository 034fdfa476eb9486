package cli

import (
	"bytes"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/integ-dev/integ/internal/brief"
	"github.com/integ-dev/integ/internal/fsutil"
	"github.com/integ-dev/integ/internal/safe"
	"github.com/integ-dev/integ/templates"
)

type briefOptions struct {
	*globalOptions
	output   string
	template string
	format   string
}

func newBriefCmd(g *globalOptions) *cobra.Command {
	opts := &briefOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "brief",
		Short: "Render the requirements and budget brief (Markdown or JSON)",
		Long: `Turn the spec into the brief to hand to an integrator: ownership matrix, data-flow diagram,
numbered requirements, open decisions, findings, acceptance scenarios and a budget range.

Markdown goes to standard output unless -o names a file. --format json emits the view model the
template receives, for scripts. --template renders your own Go text/template against it.`,
		Example: `  integ brief -o integration-brief.md
  integ brief --spec checklist/examples/acme-outdoor.yaml | less
  integ brief --format json | jq .budget.total
  integ brief --template my-brief.md.tmpl -o brief.md`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runBrief(opts) },
	}
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "write to this file instead of standard output")
	cmd.Flags().StringVar(&opts.template, "template", "", "render with this Go text/template instead of the built-in one")
	cmd.Flags().StringVar(&opts.format, "format", "markdown", "output format: markdown or json")
	return cmd
}

func loadTemplate(path string) (*brief.Template, error) {
	if path == "" {
		return brief.ParseTemplate(templates.BriefName, templates.Brief())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, unusable(fmt.Errorf("%s: cannot read the template: %s", path, fsutil.Reason(err)))
	}
	t, err := brief.ParseTemplate(path, string(data))
	return t, unusable(err)
}

func runBrief(opts *briefOptions) error {
	if err := checkFormat(opts.format, "markdown", "json"); err != nil {
		return err
	}
	bank, s, err := opts.loadSpec(specMustExist)
	if err != nil {
		return err
	}
	b := brief.Build(bank, s, opts.streams.Now())
	// Both renderers write nothing when they fail, so standard output gets
	// the brief directly; -o collects it first for the atomic write.
	out, file := opts.streams.Out, &bytes.Buffer{}
	if opts.output != "" {
		out = file
	}
	if opts.format == "json" {
		if err := brief.WriteJSON(out, b); err != nil {
			return err
		}
	} else {
		t, err := loadTemplate(opts.template)
		if err != nil {
			return err
		}
		if err := brief.WriteMarkdown(out, b, t); err != nil {
			return unusable(err)
		}
	}
	if opts.output == "" {
		return nil
	}
	if err := fsutil.WriteFileAtomic(opts.output, file.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(opts.streams.Err, "Wrote %s.\n", safe.Terminal(opts.output))
	return nil
}
