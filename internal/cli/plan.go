package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/check"
	"github.com/integ-dev/integ/internal/estimate"
	"github.com/integ-dev/integ/internal/safe"
	"github.com/integ-dev/integ/internal/spec"
	"github.com/integ-dev/integ/internal/wizard"
)

type planOptions struct {
	*globalOptions
	section    string
	unanswered bool
	accessible bool
	// runForm replaces the terminal in tests.
	runForm wizard.FormRunner
}

func newPlanCmd(g *globalOptions) *cobra.Command {
	opts := &planOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "plan",
		Short: "Answer the questions in a step-by-step wizard (start here)",
		Long: `Walk through every decision the integration needs, section by section. Each question
explains why it matters; "Undecided" is always a valid answer. Answers are saved after every
section, so you can stop at any time (Ctrl-C) and continue later with 'integ plan'.

On a later run your earlier answers are pre-selected and you can go through everything, only
what is still open, or one section.

Keys: ↑/↓ choose, Enter confirms, Shift-Tab goes back (on a section's first question, to the
previous section), Ctrl-C stops.`,
		Example: `  integ plan
  integ plan --unanswered
  integ plan --section payments
  integ plan --spec clients/acme/integration-spec.yaml
  integ plan --accessible     # one prompt at a time, for screen readers`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runPlan(opts) },
	}
	cmd.Flags().StringVar(&opts.section, "section", "", "go through one section only (its ID, e.g. payments)")
	cmd.Flags().BoolVar(&opts.unanswered, "unanswered", false, "go through only open and undecided questions")
	cmd.Flags().BoolVar(&opts.accessible, "accessible", false, "screen-reader mode: plain prompts, one at a time (also ACCESSIBLE=1)")
	return cmd
}

func runPlan(opts *planOptions) error {
	streams := opts.streams
	if opts.runForm == nil && (!streams.InTTY || !streams.ErrTTY) {
		return unusable(errors.New("plan asks questions and needs a terminal; run it in a terminal, or answer without one: integ set ID=VALUE (IDs: integ questions)"))
	}
	if opts.section != "" && opts.unanswered {
		return unusable(errors.New("use --section or --unanswered, not both"))
	}
	bank, err := opts.loadBank()
	if err != nil {
		return err
	}
	if opts.section != "" && bank.Section(opts.section) == nil {
		var ids []string
		for _, s := range bank.Sections {
			ids = append(ids, s.ID)
		}
		return unusable(fmt.Errorf("unknown section %q (sections: %s)", opts.section, orList(ids)))
	}
	path := opts.specPath()
	s, err := opts.loadSpecFile(bank, path, specMayBeNew)
	if err != nil {
		return err
	}

	wo := wizard.Options{
		Bank:       bank,
		Spec:       s,
		Accessible: opts.accessible || streams.Getenv("ACCESSIBLE") != "",
		Plain:      streams.colorless(),
		Input:      streams.InFile,
		Output:     streams.ErrFile,
		RunForm:    opts.runForm,
		OnSectionDone: func(*checklist.Section) error {
			_, err := s.Save(bank, streams.Now())
			return err
		},
	}
	switch {
	case opts.section != "":
		wo.Mode, wo.Section = wizard.ModeSection, opts.section
	case opts.unanswered:
		wo.Mode = wizard.ModeUnanswered
	}
	_, err = wizard.Run(wo)
	if errors.Is(err, wizard.ErrAborted) {
		if !s.Exists() {
			fmt.Fprintln(streams.Err, "Stopped before the first section was finished; nothing was saved. Run 'integ plan' to start again.")
		} else {
			fmt.Fprintf(streams.Err, "Stopped. %s saved in %s; run 'integ plan' to continue from there.\n",
				plural(len(s.Answers), "answer is", "answers are"), safe.Terminal(path))
		}
		return errAborted
	}
	if err != nil {
		return err
	}
	printPlanSummary(streams, bank, s, path)
	return nil
}

func printPlanSummary(streams *IOStreams, bank *checklist.Bank, s *spec.Spec, path string) {
	st := streams.stderrStyles()
	rows, total := progressOf(bank, s)
	fmt.Fprintln(streams.Err)
	fmt.Fprintln(streams.Err, st.title.Render(fmt.Sprintf("Saved in %s: %d%% decided", safe.Terminal(path), total.Percent())))
	fmt.Fprintln(streams.Err, progressTable(st, rows, total))
	next := "integ brief -o integration-brief.md"
	if path != DefaultSpecPath {
		next = fmt.Sprintf("integ brief --spec %s -o integration-brief.md", safe.Terminal(path))
	}
	budget := estimate.For(bank, s)
	if total := budget.Total; total.HighHours > 0 {
		fmt.Fprintln(streams.Err, st.wrap(fmt.Sprintf("Estimate so far: %s–%s hours, %s %s–%s (a planning range; the brief shows how it adds up).",
			estimate.FormatHours(total.LowHours), estimate.FormatHours(total.HighHours), budget.Currency,
			estimate.FormatMoney(total.LowCost), estimate.FormatMoney(total.HighCost)), "", ""))
	}
	if findings := check.Run(bank, s); len(findings) > 0 {
		c := check.Count(findings)
		fmt.Fprintf(streams.Err, "Findings: %s, %s, %s. The most serious:\n", plural(c.Errors, "error", "errors"), plural(c.Warnings, "warning", "warnings"), plural(c.Infos, "note", "notes"))
		for _, f := range findings[:min(3, len(findings))] {
			fmt.Fprintln(streams.Err, st.wrap(safe.Terminal(f.Message), "  • ", "    "))
		}
		fmt.Fprintln(streams.Err, "  'integ check' lists them all with advice.")
	}
	fmt.Fprintf(streams.Err, "Next: %s\n", st.ok.Render(next))
	if total.Open+total.Undecided > 0 {
		fmt.Fprintln(streams.Err, st.wrap(fmt.Sprintf("%d questions are open or undecided; 'integ plan --unanswered' goes through just those.", total.Open+total.Undecided), "", ""))
	}
}
