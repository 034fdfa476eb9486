package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/integ-dev/integ/internal/estimate"
	"github.com/integ-dev/integ/internal/safe"
	"github.com/integ-dev/integ/internal/spec"
	"github.com/integ-dev/integ/internal/specdiff"
)

type diffOptions struct {
	*globalOptions
	format   string
	textconv bool
	old, new string
}

func newDiffCmd(g *globalOptions) *cobra.Command {
	opts := &diffOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Show what changed between two versions of a spec",
		Long: `Compare two versions of a spec: every answer changed, added or removed (with its question,
old and new value and notes), the requirement IDs added, removed or changed, and the estimate
before and after. Like diff, it exits 0 when they are the same, 1 when they differ, 2 when a
file cannot be used.`,
		Example: `  integ diff last-week/integration-spec.yaml integration-spec.yaml
  git show HEAD~1:integration-spec.yaml > old.yaml && integ diff old.yaml integration-spec.yaml
  integ diff old.yaml new.yaml --format json | jq .requirements.added`,
		Args: func(cmd *cobra.Command, args []string) error {
			if opts.textconv && len(args) != 1 {
				return unusable(fmt.Errorf("diff --textconv takes one spec (got %d)", len(args)))
			}
			if !opts.textconv && len(args) != 2 {
				return unusable(fmt.Errorf("diff needs two specs, OLD and NEW (got %d)", len(args)))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.textconv {
				opts.new = args[0]
				return runTextconv(opts)
			}
			opts.old, opts.new = args[0], args[1]
			return runDiff(opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "text", "output format: text or json")
	cmd.Flags().BoolVar(&opts.textconv, "textconv", false, "print one spec as lines of questions and answers, for git's textconv (see the README)")
	return cmd
}

func runDiff(opts *diffOptions) error {
	if err := checkFormat(opts.format, "text", "json"); err != nil {
		return err
	}
	bank, err := opts.loadBank()
	if err != nil {
		return err
	}
	var specs [2]*spec.Spec
	for i, path := range []string{opts.old, opts.new} {
		info, err := os.Stat(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return unusable(fmt.Errorf("%s: no such file", path))
		case err == nil && info.Size() == 0:
			// git difftool passes an empty file (/dev/null) for the side where the spec does not exist.
			specs[i] = spec.New(path, bank)
			continue
		}
		if specs[i], err = opts.loadSpecFile(bank, path, specMustExist); err != nil {
			return err
		}
	}
	old, new := specs[0], specs[1]
	r := specdiff.Compare(bank, old, new, opts.streams.Now())
	out := opts.streams.Out
	if opts.format == "json" {
		if err := writeJSON(out, r); err != nil {
			return err
		}
	} else {
		writeDiff(out, opts.streams.stdoutStyles(), r)
	}
	if !r.Same() {
		return errSilent(exitFailure)
	}
	return nil
}

func writeDiff(w io.Writer, st styles, r *specdiff.Result) {
	if r.Same() {
		fmt.Fprintf(w, "%s and %s say the same.\n", safe.Terminal(r.Old), safe.Terminal(r.New))
		return
	}
	fmt.Fprintf(w, "%s\n", st.title.Render(fmt.Sprintf("Changes from %s to %s", safe.Terminal(r.Old), safe.Terminal(r.New))))
	mark := map[string]string{"added": st.ok.Render("+"), "removed": st.bad.Render("-"), "changed": st.warn.Render("~")}
	orNone := func(s string) string {
		if s == "" {
			return "(none)"
		}
		return safe.Terminal(s)
	}
	if len(r.Answers) > 0 {
		fmt.Fprintf(w, "\n%s\n", st.title.Render(fmt.Sprintf("Answers (%d)", len(r.Answers))))
		for _, a := range r.Answers {
			fmt.Fprintln(w, st.wrap(st.subtle.Render(safe.Terminal(a.Prompt)), mark[a.Change]+" "+safe.Terminal(a.ID)+" ", "    "))
			if a.OldValue != a.NewValue {
				fmt.Fprintln(w, st.wrap(orNone(a.OldValue)+" → "+orNone(a.NewValue), "    ", "    "))
			}
			if a.OldNote != a.NewNote {
				fmt.Fprintln(w, st.wrap(fmt.Sprintf("%q → %q", a.OldNote, a.NewNote), "    note: ", "    "))
			}
		}
	}
	for _, n := range r.SectionNotes {
		fmt.Fprintf(w, "\n%s note on %s: %q → %q\n", mark["changed"], safe.Terminal(n.Section), n.Old, n.New)
	}
	req := r.Requirements
	if len(req.Added)+len(req.Removed)+len(req.Changed) > 0 {
		fmt.Fprintf(w, "\n%s\n", st.title.Render(fmt.Sprintf("Requirements (%d added, %d removed, %d changed)", len(req.Added), len(req.Removed), len(req.Changed))))
		for _, x := range req.Added {
			fmt.Fprintln(w, st.wrap(safe.Terminal(x.Text), mark["added"]+" "+safe.Terminal(x.ID)+" ", "    "))
		}
		for _, x := range req.Removed {
			fmt.Fprintln(w, st.wrap(safe.Terminal(x.Text), mark["removed"]+" "+safe.Terminal(x.ID)+" ", "    "))
		}
		for _, x := range req.Changed {
			fmt.Fprintf(w, "%s %s\n", mark["changed"], safe.Terminal(x.ID))
			fmt.Fprintln(w, st.wrap(safe.Terminal(x.Old), "    was: ", "         "))
			fmt.Fprintln(w, st.wrap(safe.Terminal(x.New), "    now: ", "         "))
		}
	}
	amount := func(a estimate.Amount) string {
		return fmt.Sprintf("%s–%s h (%s %s–%s)", estimate.FormatHours(a.LowHours), estimate.FormatHours(a.HighHours), r.Estimate.Currency, estimate.FormatMoney(a.LowCost), estimate.FormatMoney(a.HighCost))
	}
	e := r.Estimate
	fmt.Fprintf(w, "\n%s\n", st.wrap(amount(e.Before)+" → "+amount(e.After), st.title.Render("Estimate:")+" ", "          "))
	if e.PlannedBefore != e.PlannedAfter {
		fmt.Fprintln(w, st.wrap(fmt.Sprintf("%s h (%s %s) → %s h (%s %s)", estimate.FormatHours(e.PlannedBefore.Hours), e.Currency, estimate.FormatMoney(e.PlannedBefore.Cost),
			estimate.FormatHours(e.PlannedAfter.Hours), e.Currency, estimate.FormatMoney(e.PlannedAfter.Cost)), "  planned: ", "           "))
	}
	if e.WeeksBefore != e.WeeksAfter || e.GoLiveBefore != e.GoLiveAfter {
		line := fmt.Sprintf("%s → %s weeks", weeksOrNone(e.WeeksBefore), weeksOrNone(e.WeeksAfter))
		if e.GoLiveBefore != e.GoLiveAfter {
			line += fmt.Sprintf(" (go-live about %s → %s)", orDash(e.GoLiveBefore), orDash(e.GoLiveAfter))
		}
		fmt.Fprintln(w, st.wrap(line, "  to go-live: ", "              "))
	}
	for _, p := range e.Packages {
		m := mark["changed"]
		switch {
		case p.Before == 0:
			m = mark["added"]
		case p.After == 0:
			m = mark["removed"]
		}
		fmt.Fprintln(w, st.wrap(fmt.Sprintf("%s: %s → %s h", p.Title, estimate.FormatHours(p.Before), estimate.FormatHours(p.After)), "  "+m+" "+p.ID+" ", "      "))
	}
}

// runTextconv prints one spec for git's textconv. It never fails on a
// version it cannot read as a spec (an old one, a broken one): git would stop
// the whole diff, so that version is shown as it is, under a line that says why.
func runTextconv(opts *diffOptions) error {
	bank, err := opts.loadBank()
	if err != nil {
		return err
	}
	data, err := readSmallFile(opts.new, spec.MaxSize, "a spec")
	if err != nil {
		return unusable(err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	s, err := spec.LoadLenient(opts.new, bank)
	if err != nil {
		fmt.Fprintf(opts.streams.Out, "(integ cannot read this version as a spec: %s)\n%s", safe.Terminal(err.Error()), safe.Terminal(string(data)))
		return nil
	}
	return specdiff.WriteText(opts.streams.Out, bank, s)
}

// weeksOrNone is weeks as the estimate gives them, or "none" without a schedule.
func weeksOrNone(w float64) string {
	if w == 0 {
		return "none"
	}
	return estimate.FormatWeeks(w)
}

// orDash is a date, or "–" where there is none.
func orDash(d string) string {
	if d == "" {
		return "–"
	}
	return d
}
