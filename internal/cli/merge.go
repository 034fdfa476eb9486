package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/fsutil"
	"github.com/integ-dev/integ/internal/spec"
)

type mergeOptions struct {
	*globalOptions
	base, ours, theirs string
}

func newMergeCmd(g *globalOptions, runF func(*mergeOptions) error) *cobra.Command {
	opts := &mergeOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "merge BASE OURS THEIRS",
		Short: "Merge two versions of a spec answer by answer (a git merge driver)",
		Long: `Merge THEIRS into OURS, two versions of a spec that both started from BASE, answer by answer,
and write the result to OURS. An answer changed on one side takes that change; changed the same
way on both, it merges; changed differently on both, it is a conflict: OURS keeps its answer,
the other side's is recorded under conflicts: at the top of the spec (which stays valid YAML),
'integ check' reports it as an error until someone decides, and integ merge exits 1. updated:
takes the later time. BASE may be an empty file when the two have no common ancestor.

As git's merge driver, in .gitattributes:      integration-spec.yaml merge=integ
and once per clone:   git config merge.integ.driver "integ merge %O %A %B"`,
		Example: `  git config merge.integ.name "integ: merge specs answer by answer"
  git config merge.integ.driver "integ merge %O %A %B"
  integ merge base.yaml mine.yaml theirs.yaml     # by hand: the result is written to mine.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 3 {
				return unusable(fmt.Errorf("merge needs three specs, BASE OURS THEIRS (got %d)", len(args)))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.base, opts.ours, opts.theirs = args[0], args[1], args[2]
			if runF != nil {
				return runF(opts)
			}
			return runMerge(opts)
		},
	}
	return cmd
}

func runMerge(opts *mergeOptions) error {
	bank, err := opts.loadBank()
	if err != nil {
		return err
	}
	var sides [3]*spec.Spec
	for i, path := range []string{opts.base, opts.ours, opts.theirs} {
		if sides[i], err = loadMergeSide(bank, path, i == 0); err != nil {
			return err
		}
	}
	base, ours, theirs := sides[0], sides[1], sides[2]
	merged, conflicts := spec.Merge(base, ours, theirs)
	for _, c := range conflicts {
		merged.Conflicts[c.ID] = c.Theirs
	}
	data, err := merged.Bytes(bank)
	if err != nil {
		return err
	}
	if err := fsutil.WriteFileAtomic(opts.ours, data, 0o644); err != nil {
		return err
	}
	if len(conflicts) == 0 {
		return nil
	}
	names := merged.Names(bank)
	lines := make([]string, 0, len(conflicts)+1)
	for _, c := range conflicts {
		lines = append(lines, "conflict on "+conflictText(bank, c, names))
	}
	lines = append(lines, fmt.Sprintf("%s: each keeps this side's answer, with the other side's under conflicts: at the top of the spec; decide each with 'integ set ID=VALUE' ('integ check' lists them)",
		plural(len(conflicts), "conflict", "conflicts")))
	return &exitError{code: exitFailure, err: errors.New(strings.Join(lines, "\n"))}
}

// loadMergeSide loads one version for a merge. Answers that no longer fit
// the bank are kept as written: a merge must not lose them. An empty base is
// git's way of saying the two sides have no common ancestor.
func loadMergeSide(bank *checklist.Bank, path string, isBase bool) (*spec.Spec, error) {
	if isBase {
		if info, err := os.Stat(path); err == nil && info.Size() == 0 {
			return nil, nil
		}
	}
	s, err := spec.LoadLenient(path, bank)
	if err != nil {
		return nil, unusable(fmt.Errorf("cannot merge: %w", err))
	}
	if !s.Exists() {
		return nil, unusable(fmt.Errorf("cannot merge: %s: no such file", path))
	}
	return s, nil
}

// conflictText says what each side answered.
func conflictText(bank *checklist.Bank, c spec.Conflict, names checklist.Names) string {
	if q := spec.QuestionOf(bank, c.ID); q != nil {
		return fmt.Sprintf("%s: this side says %s, the other side says %s", c.ID, c.Ours.Quote(q, names), c.Theirs.Quote(q, names))
	}
	return fmt.Sprintf("the notes on %s: this side says %q, the other side says %q", c.ID, c.Ours.Note, c.Theirs.Note)
}
