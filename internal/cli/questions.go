package cli

import (
	"github.com/spf13/cobra"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

type questionsOptions struct {
	*globalOptions
	format string
}

func newQuestionsCmd(g *globalOptions) *cobra.Command {
	opts := &questionsOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "questions",
		Short: "Print the question bank (a printable questionnaire, YAML or JSON)",
		Long: `Print every question integ asks, with its help text and options.

The Markdown form is a questionnaire to print for a meeting; JSON and YAML are for scripts.`,
		Example: `  integ questions > questionnaire.md
  integ questions --format json | jq '.sections[].questions[].id'
  integ questions --checklist my-bank.yaml --format yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runQuestions(opts) },
	}
	cmd.Flags().StringVar(&opts.format, "format", "markdown", "output format: markdown, yaml or json")
	return cmd
}

func runQuestions(opts *questionsOptions) error {
	if err := checkFormat(opts.format, "markdown", "yaml", "json"); err != nil {
		return err
	}
	bank, err := opts.loadBank()
	if err != nil {
		return err
	}
	out := opts.streams.Out
	switch opts.format {
	case "json":
		return writeJSON(out, bank.JSON())
	case "yaml":
		return bank.WriteYAML(out)
	}
	return bank.WriteMarkdown(out, opts.names(bank))
}

// names returns the two systems' names from the spec when one can be read,
// else the bank's defaults, so printed text never shows "{store}".
func (g *globalOptions) names(bank *checklist.Bank) checklist.Names {
	if s, err := spec.Load(g.specPath(), bank); err == nil && s.Exists() {
		return s.Names(bank)
	}
	return spec.New("", bank).Names(bank)
}
