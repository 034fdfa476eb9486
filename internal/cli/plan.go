package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

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
	// run replaces the terminal in tests.
	run wizard.Runner
}

func newPlanCmd(g *globalOptions) *cobra.Command {
	opts := &planOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "plan",
		Short: "Answer the questions in a step-by-step wizard (start here)",
		Long: `Walk through every decision the integration needs, section by section. Each question
explains why it matters; "Undecided" is always a valid answer. Every answer is saved the moment
you give it, so you can stop at any time (Ctrl-C) and continue later with 'integ plan'.

On a later run your earlier answers are pre-selected and you can continue where you stopped,
go through everything, only what is still open, or one section. At the end a review screen
lists every answer; Enter on one changes it and comes back.

Keys: ↑/↓ choose, Space ticks (several answers), Enter confirms and goes on, Shift-Tab goes back,
Ctrl+N adds a note to the question on screen, Ctrl+E opens a note in your editor, Ctrl-C stops.`,
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
	if opts.run == nil && (!streams.InTTY || !streams.ErrTTY) {
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

	// Answers someone else changed differently while the wizard ran are said
	// once its screen is gone: a line written under it would garble it.
	var merged []spec.Conflict
	wo := wizard.Options{
		Bank:       bank,
		Spec:       s,
		Accessible: opts.accessible || envBool(streams.Getenv("ACCESSIBLE")),
		Plain:      streams.colorless(),
		Input:      streams.InFile,
		Output:     streams.ErrFile,
		Getenv:     streams.Getenv,
		Run:        opts.run,
		Save: func() error {
			_, err := s.Save(bank, streams.Now())
			merged = append(merged, s.Merged...)
			return err
		},
	}
	switch {
	case opts.section != "":
		wo.Mode, wo.Section = wizard.ModeSection, opts.section
	case opts.unanswered:
		wo.Mode = wizard.ModeUnanswered
	}
	res, err := wizard.Run(wo)
	printMerged(streams, bank, s, merged)
	var sig *wizard.SignalError
	switch {
	case errors.As(err, &sig):
		printStopped(streams, "Stopped by "+sig.SignalName()+".", s, res, path)
		return errSilent(sig.ExitCode())
	case errors.Is(err, wizard.ErrAborted):
		printStopped(streams, "Stopped.", s, res, path)
		return errAborted
	case err != nil:
		return err
	}
	printPlanSummary(streams, bank, s, path)
	return nil
}

// envBool reads an environment switch as huh's examples do: ACCESSIBLE=1 or
// true turns it on; 0, false, empty or anything else leaves it off (any
// value at all used to turn it on, ACCESSIBLE=0 included).
func envBool(v string) bool {
	on, err := strconv.ParseBool(strings.TrimSpace(v))
	return err == nil && on
}

// printStopped says exactly what a stopped run left on disk.
func printStopped(streams *IOStreams, stopped string, s *spec.Spec, res wizard.Result, path string) {
	var b strings.Builder
	b.WriteString(stopped)
	switch {
	case !s.Exists():
		b.WriteString(" Nothing was answered, so nothing was saved.")
	case res.Answers+res.Notes == 0:
		fmt.Fprintf(&b, " Nothing changed in this run; %s stays as it was.", safe.Terminal(path))
	default:
		fmt.Fprintf(&b, " Saved in %s: %s from this run", safe.Terminal(path), plural(res.Answers, "answer", "answers"))
		if res.Notes > 0 {
			fmt.Fprintf(&b, " and %s", plural(res.Notes, "note", "notes"))
		}
		if q := res.Last; q != nil {
			fmt.Fprintf(&b, ", the last to %s (%s)", q.ID, safe.Terminal(oneLineAnswer(s, q)))
		}
		b.WriteString(".")
	}
	switch q := res.Current; {
	case q != nil && res.CurrentNote:
		fmt.Fprintf(&b, " The note you were writing on %s was not saved.", q.ID)
	case q != nil:
		fmt.Fprintf(&b, " The question on screen, %s, was not answered.", q.ID)
	}
	if s.Exists() {
		b.WriteString(" Run 'integ plan' to continue where you stopped.")
	} else {
		b.WriteString(" Run 'integ plan' to start again.")
	}
	fmt.Fprintln(streams.Err, streams.stderrStyles().wrap(b.String(), "", ""))
}

// oneLineAnswer is an answer's values as integ set takes them.
func oneLineAnswer(s *spec.Spec, q *checklist.Question) string {
	if v := s.Answers[q.ID].Value(); v != "" {
		return v
	}
	return "no value"
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
	if summary := estimateSummary(budget); summary != "" {
		fmt.Fprintln(streams.Err, st.wrap(summary, "", ""))
	}
	if findings := check.RunWith(bank, s, budget.Facts()); len(findings) > 0 {
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

// estimateSummary is the estimate in two sentences: the planned figure and
// its range, and while the approach is open what each approach would cost.
func estimateSummary(b estimate.Budget) string {
	if b.Total.HighHours == 0 {
		return ""
	}
	out := fmt.Sprintf("Estimate so far: %s hours, %s %s, in a range of %s–%s hours (a planning range; the brief shows how it adds up).",
		estimate.FormatHours(b.Planned.Hours), b.Currency, estimate.FormatMoney(b.Planned.Cost),
		estimate.FormatHours(b.Total.LowHours), estimate.FormatHours(b.Total.HighHours))
	if len(b.ByApproach) > 0 {
		var each []string
		for _, a := range b.ByApproach {
			each = append(each, fmt.Sprintf("%s %s h", a.Label, estimate.FormatHours(a.Planned.Hours)))
		}
		out += " How it will be built is still open: " + strings.Join(each, ", ") + "."
	}
	if sc := b.Schedule; sc != nil {
		out += fmt.Sprintf(" About %s weeks to go-live with a team of %s.", estimate.FormatWeeks(sc.ToGoLive), estimate.FormatNumber(sc.Team))
	}
	if d := b.Deadline; d != nil {
		out += fmt.Sprintf(" Starting about %s, go-live about %s; the deadline is %s.", d.Start, d.GoLive, d.Date)
	}
	return out
}
