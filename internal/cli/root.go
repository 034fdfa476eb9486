// Package cli wires integ's commands: each file holds one cobra command whose
// flags fill an options struct and whose run function works against injected
// streams. Main is the only place that turns errors into exit codes.
package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/safe"
	"github.com/integ-dev/integ/internal/spec"
)

// DefaultSpecPath is where the spec lives unless --spec or INTEG_SPEC says otherwise.
const DefaultSpecPath = "integration-spec.yaml"

// globalOptions are the flags every command shares.
type globalOptions struct {
	specFlag      string
	checklistPath string
	streams       *IOStreams
}

// specPath resolves --spec, then INTEG_SPEC, then the default.
func (g *globalOptions) specPath() string {
	if g.specFlag != "" {
		return g.specFlag
	}
	if env := g.streams.Getenv("INTEG_SPEC"); env != "" {
		return env
	}
	return DefaultSpecPath
}

// loadBank loads --checklist or the embedded bank; a bad bank is unusable input.
func (g *globalOptions) loadBank() (*checklist.Bank, error) {
	b, err := checklist.Load(g.checklistPath)
	return b, unusable(err)
}

// How a command needs its spec.
type specNeed int

const (
	specMayBeNew  specNeed = iota // a missing file is a new, empty spec
	specMustExist                 // a missing file is unusable input
	specLenient                   // must exist; answers that do not fit the bank are kept for check to report
)

// loadSpec loads the bank and the spec at --spec, and prints the spec's warnings.
func (g *globalOptions) loadSpec(need specNeed) (*checklist.Bank, *spec.Spec, error) {
	bank, err := g.loadBank()
	if err != nil {
		return nil, nil, err
	}
	s, err := g.loadSpecFile(bank, g.specPath(), need)
	return bank, s, err
}

func (g *globalOptions) loadSpecFile(bank *checklist.Bank, path string, need specNeed) (*spec.Spec, error) {
	load := spec.Load
	if need == specLenient {
		load = spec.LoadLenient
	}
	s, err := load(path, bank)
	if err != nil {
		return nil, unusable(err)
	}
	if need != specMayBeNew && !s.Exists() {
		return nil, unusable(fmt.Errorf("%s does not exist; answer the questions first with 'integ plan' (or point --spec at a spec)", path))
	}
	printWarnings(g.streams, s.Warnings)
	return s, nil
}

// Main runs integ with the process's arguments and streams and returns the exit code.
func Main() int {
	return Run(osArgs(), systemStreams())
}

// Run executes one command line against the given streams and returns its exit code.
func Run(args []string, streams *IOStreams) int {
	root := newRootCmd(streams)
	root.SetArgs(args)
	err := root.Execute()
	if err != nil && !errors.Is(err, errAborted) {
		var silent errSilent
		if !errors.As(err, &silent) {
			lines := errorLines(err)
			for _, line := range lines[:min(len(lines), maxErrorLines)] {
				fmt.Fprintln(streams.Err, "integ: "+safe.Terminal(line))
			}
			if len(lines) > maxErrorLines {
				fmt.Fprintf(streams.Err, "integ: and %d more problems; correct the ones above first\n", len(lines)-maxErrorLines)
			}
			if isCobraUsage(err) {
				fmt.Fprintf(streams.Err, "integ: run '%s --help' for usage\n", commandPath(root, args))
			}
		}
	}
	return exitCode(err)
}

// maxErrorLines is how many lines of problems integ prints at most: a bank
// or a file with thousands of mistakes is fixed from the first ones.
const maxErrorLines = 100

func commandPath(root *cobra.Command, args []string) string {
	if cmd, _, err := root.Find(args); err == nil && cmd != nil {
		return cmd.CommandPath()
	}
	return root.Name()
}

func newRootCmd(streams *IOStreams) *cobra.Command {
	g := &globalOptions{streams: streams}
	root := &cobra.Command{
		Use:   "integ",
		Short: "Plan a store ↔ inventory-system integration and get a priced brief",
		Long: strings.TrimSpace(`
integ asks, in plain words, every question an integration between an online store
and an inventory or order system needs answered: which system owns which data, how
orders, stock, payments and returns flow. It saves the answers as a YAML spec and
turns them into a Markdown brief an integrator can quote from.

Start with 'integ plan'.`),
		Example: `  integ plan                       # answer the questions (start here)
  integ brief -o integration-brief.md
  integ check
  integ export --dir handoff/`,
		Version:       versionString(),
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetVersionTemplate("integ {{.Version}}\n")
	root.SetIn(streams.In)
	root.SetOut(streams.Out)
	root.SetErr(streams.Err)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return unusable(err) })
	root.PersistentFlags().StringVar(&g.specFlag, "spec", "", "spec file (default $INTEG_SPEC or ./"+DefaultSpecPath+")")
	root.PersistentFlags().StringVar(&g.checklistPath, "checklist", "", "question bank YAML to use instead of the built-in one")
	root.AddCommand(
		newPlanCmd(g),
		newSetCmd(g),
		newStatusCmd(g),
		newBriefCmd(g),
		newExportCmd(g),
		newCheckCmd(g),
		newDiffCmd(g),
		newSchemaCmd(g),
		newQuestionsCmd(g, nil),
		newImportCmd(g, nil),
		newMergeCmd(g, nil),
	)
	return root
}

// formatFlag validates a --format value against the allowed ones.
func checkFormat(format string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return unusable(fmt.Errorf("unknown --format %q (use %s)", format, orList(allowed)))
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}
