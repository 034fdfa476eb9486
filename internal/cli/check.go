package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/integ-dev/integ/internal/check"
	"github.com/integ-dev/integ/internal/safe"
)

type checkOptions struct {
	*globalOptions
	format string
	strict bool
}

func newCheckCmd(g *globalOptions) *cobra.Command {
	opts := &checkOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Find contradictions and risks in the answers",
		Long: `Check the spec the way an integration consultant would: answers that contradict each other,
combinations with a known risk (overselling, expired card authorisations, books that disagree),
answers that need a note and have none, and answers that no longer fit the question bank.

Exit status: 0 when there is no error, 1 when there is one (with --strict, warnings count too),
2 when the spec or the question bank cannot be used.`,
		Example: `  integ check
  integ check --strict            # warnings fail too, e.g. in CI
  integ check --format json | jq '.findings[] | select(.severity == "error")'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runCheck(opts) },
	}
	cmd.Flags().StringVar(&opts.format, "format", "text", "output format: text or json")
	cmd.Flags().BoolVar(&opts.strict, "strict", false, "exit 1 on warnings as well as errors")
	return cmd
}

type checkJSON struct {
	Spec     string          `json:"spec"`
	Counts   check.Counts    `json:"counts"`
	Findings []check.Finding `json:"findings"`
}

func runCheck(opts *checkOptions) error {
	if err := checkFormat(opts.format, "text", "json"); err != nil {
		return err
	}
	bank, s, err := opts.loadSpec(specLenient)
	if err != nil {
		return err
	}
	findings := append(check.Problems(s.Warnings, s.Invalid), check.Run(bank, s)...)
	check.Sort(findings)
	counts := check.Count(findings)
	out := opts.streams.Out
	if opts.format == "json" {
		if findings == nil {
			findings = []check.Finding{}
		}
		if err := writeJSON(out, checkJSON{Spec: s.Path, Counts: counts, Findings: findings}); err != nil {
			return err
		}
	} else {
		writeFindings(out, opts.streams.stdoutStyles(), findings, counts)
	}
	if counts.Errors > 0 || (opts.strict && counts.Warnings > 0) {
		return errSilent(exitFailure)
	}
	return nil
}

// writeFindings prints findings grouped by severity, with a count line.
func writeFindings(w io.Writer, st styles, findings []check.Finding, c check.Counts) {
	if len(findings) == 0 {
		fmt.Fprintln(w, st.ok.Render("No findings: the answers are consistent as far as integ's checks go."))
		return
	}
	headings := map[string]string{"error": "Errors (must be settled)", "warning": "Warnings", "info": "Notes"}
	style := map[string]func(...string) string{"error": st.bad.Render, "warning": st.warn.Render, "info": st.subtle.Render}
	current := ""
	for _, f := range findings {
		if f.Severity != current {
			if current != "" {
				fmt.Fprintln(w)
			}
			current = f.Severity
			fmt.Fprintln(w, st.title.Render(headings[f.Severity]))
		}
		fmt.Fprintln(w, st.wrap(safe.Terminal(f.Message), style[f.Severity]("•")+" ", "  "))
		fmt.Fprintln(w, st.wrap(safe.Terminal(f.Advice), "  "+st.subtle.Render("→")+" ", "    "))
		refs := f.ID
		if len(f.Refs) > 0 {
			refs += ": " + strings.Join(f.Refs, ", ")
		}
		fmt.Fprintln(w, st.wrap(st.subtle.Render("("+safe.Terminal(refs)+")"), "  ", "  "))
	}
	fmt.Fprintf(w, "\n%s, %s, %s.\n", plural(c.Errors, "error", "errors"), plural(c.Warnings, "warning", "warnings"), plural(c.Infos, "note", "notes"))
}
