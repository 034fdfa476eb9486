package cli

import (
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/fsutil"
	"github.com/integ-dev/integ/internal/questionnaire"
	"github.com/integ-dev/integ/internal/safe"
	"github.com/integ-dev/integ/internal/spec"
	"github.com/integ-dev/integ/internal/specdiff"
)

type importOptions struct {
	*globalOptions
	files  []string
	dryRun bool
}

func newImportCmd(g *globalOptions, runF func(*importOptions) error) *cobra.Command {
	opts := &importOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "import FILE...",
		Short: "Read filled-in questionnaires (Markdown or CSV) back into the spec",
		Long: `Read questionnaires made with 'integ questions' and filled in by colleagues, in either format,
several at once. Every answer is checked as 'integ set' checks it; if any is not allowed, nothing
is changed and every problem is listed with its file and line. Otherwise the changes are shown
as 'integ diff' shows them and saved together, in one save.

An answer that was changed in the spec since the questionnaire was made, and that the
questionnaire changes too, is a conflict: both answers are listed, that one is not imported,
and integ import exits 1. --dry-run shows what would change and saves nothing.`,
		Example: `  integ import payments.md returns.csv
  integ import --dry-run payments.md
  integ import --spec client/integration-spec.yaml stock.csv`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return unusable(errors.New("import needs at least one filled-in questionnaire (made with 'integ questions')"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			if runF != nil {
				return runF(opts)
			}
			return runImport(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.dryRun, "dry-run", false, "show what would change; save nothing")
	return cmd
}

func runImport(opts *importOptions) error {
	bank, s, err := opts.loadSpec(specMayBeNew)
	if err != nil {
		return err
	}
	filled, theirs, err := readQuestionnaires(opts, bank, s)
	if err != nil {
		return err
	}
	merged, conflicts := s, []string(nil)
	for i, f := range filled {
		var cs []string
		merged, cs = importOne(bank, merged, f, theirs[i])
		conflicts = append(conflicts, cs...)
	}

	r := specdiff.Compare(bank, s, merged, opts.streams.Now())
	files := strings.Join(opts.files, ", ")
	errw := opts.streams.Err
	switch {
	case r.Same() && len(conflicts) > 0:
		fmt.Fprintf(errw, "Nothing else to import from %s.\n", safe.Terminal(files))
	case r.Same():
		fmt.Fprintf(errw, "Nothing to import: %s and %s say the same.\n", safe.Terminal(files), safe.Terminal(s.Path))
	case opts.dryRun:
		r.Old, r.New = s.Path, s.Path+" with "+files
		writeDiff(opts.streams.Out, opts.streams.stdoutStyles(), r)
		fmt.Fprintf(errw, "Dry run: %s not saved.\n", plural(len(r.Answers)+len(r.SectionNotes), "change", "changes"))
	default:
		r.Old, r.New = s.Path, s.Path+" with "+files
		writeDiff(opts.streams.Out, opts.streams.stdoutStyles(), r)
		if _, err := merged.Save(bank, opts.streams.Now()); err != nil {
			return err
		}
		printMerged(opts.streams, bank, merged, merged.Merged)
		fmt.Fprintf(errw, "Imported %s from %s into %s.\n", plural(len(r.Answers)+len(r.SectionNotes), "change", "changes"), safe.Terminal(files), safe.Terminal(s.Path))
	}
	if len(conflicts) > 0 {
		conflicts = append(conflicts, fmt.Sprintf("%s not imported: decide each with 'integ set ID=VALUE'", plural(len(conflicts), "answer was", "answers were")))
		return &exitError{code: exitFailure, err: errors.New(strings.Join(conflicts, "\n"))}
	}
	return nil
}

// readQuestionnaires reads every file and checks every changed answer as
// `integ set` does, before anything is merged: any problem in any file
// stops the import, with all of them listed.
func readQuestionnaires(opts *importOptions, bank *checklist.Bank, s *spec.Spec) ([]*questionnaire.Filled, []map[string]spec.Answer, error) {
	var problems []error
	var filled []*questionnaire.Filled
	var answers []map[string]spec.Answer
	names := s.Names(bank)
	for _, file := range opts.files {
		data, err := readSmallFile(file, questionnaire.MaxSize, "a questionnaire")
		if err != nil {
			problems = append(problems, err)
			continue
		}
		f, err := questionnaire.Read(file, data, bank, names)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		if f.Header.Spec != "" && filepath.Base(f.Header.Spec) != filepath.Base(s.Path) {
			f.Warnings = append(f.Warnings, fmt.Sprintf("%s was made from %s, not %s: answers that differ between the two count as changed since", file, f.Header.Spec, s.Path))
		}
		printWarnings(opts.streams, f.Warnings)
		theirs := map[string]spec.Answer{}
		for _, e := range f.Entries {
			if !e.Changed {
				continue
			}
			if e.Section {
				note, err := checklist.ParseNote(e.Note)
				if err != nil {
					problems = append(problems, checklist.Problem{File: file, Line: e.Line, Msg: fmt.Sprintf("%s: %v", e.ID, err)})
					continue
				}
				theirs[e.ID] = spec.Answer{Note: note}
				continue
			}
			// Checked exactly as `integ set ID=VALUE --note ID=TEXT` checks them.
			values, err := spec.QuestionOf(bank, e.ID).Parse(e.Value)
			if err != nil {
				problems = append(problems, checklist.Problem{File: file, Line: e.Line, Msg: err.Error()})
				continue
			}
			note, err := checklist.ParseNote(e.Note)
			if err != nil {
				problems = append(problems, checklist.Problem{File: file, Line: e.Line, Msg: fmt.Sprintf("%s: %v", e.ID, err)})
				continue
			}
			system, err := checklist.ParseSystemName(e.System)
			if err != nil {
				problems = append(problems, checklist.Problem{File: file, Line: e.Line, Msg: fmt.Sprintf("%s: %v", e.ID, err)})
				continue
			}
			theirs[e.ID] = spec.Answer{Values: values, System: system, Note: note}
		}
		filled, answers = append(filled, f), append(answers, theirs)
	}
	if len(problems) > 0 {
		problems = append(problems, fmt.Errorf("nothing was imported; correct the files and run integ import again"))
		return nil, nil, unusable(errors.Join(problems...))
	}
	return filled, answers, nil
}

// importOne merges one questionnaire into the spec: what was sent is the
// common ancestor, the spec now is ours, and the questionnaire's answers are
// theirs. It returns the conflicts as lines to print.
func importOne(bank *checklist.Bank, s *spec.Spec, f *questionnaire.Filled, changed map[string]spec.Answer) (*spec.Spec, []string) {
	base := &spec.Spec{Answers: maps.Clone(s.Answers), SectionNotes: maps.Clone(s.SectionNotes), Conflicts: s.Conflicts, Asked: s.Asked}
	theirs := &spec.Spec{Answers: maps.Clone(s.Answers), SectionNotes: maps.Clone(s.SectionNotes), Conflicts: s.Conflicts, Asked: s.Asked}
	lines := map[string]int{}
	for _, e := range f.Entries {
		lines[e.ID] = e.Line
		if e.Section {
			sent := f.Base(e.ID, spec.Answer{Note: s.SectionNotes[e.ID]})
			putNote(base, e.ID, sent.Note)
			if a, ok := changed[e.ID]; ok {
				sent = a
			}
			putNote(theirs, e.ID, sent.Note)
			continue
		}
		sent := f.Base(e.ID, s.Get(e.ID))
		base.Put(e.ID, sent)
		if a, ok := changed[e.ID]; ok {
			theirs.Put(e.ID, a)
		} else {
			theirs.Put(e.ID, sent)
		}
	}
	merged, conflicts := spec.Merge(base, s, theirs)
	names := s.Names(bank)
	var out []string
	for _, c := range conflicts {
		q := spec.QuestionOf(bank, c.ID)
		if q == nil {
			out = append(out, fmt.Sprintf("%s:%d: the notes on %s were changed in %s since the questionnaire was made: they now say %q, the questionnaire says %q",
				f.File, lines[c.ID], c.ID, s.Path, c.Ours.Note, c.Theirs.Note))
			continue
		}
		out = append(out, fmt.Sprintf("%s:%d: %s was changed in %s since the questionnaire was made: it now says %s, the questionnaire says %s",
			f.File, lines[c.ID], c.ID, s.Path, c.Ours.Quote(q, names), c.Theirs.Quote(q, names)))
	}
	return merged, out
}

// putNote sets the notes on a section; empty removes them.
func putNote(s *spec.Spec, section, note string) {
	if note == "" {
		delete(s.SectionNotes, section)
		return
	}
	if s.SectionNotes == nil {
		s.SectionNotes = map[string]string{}
	}
	s.SectionNotes[section] = note
}

// readSmallFile reads a file a person gave, refusing what cannot be a spec or
// questionnaire (what): a folder, a FIFO or a device (which hung or ran out
// of memory), more than max bytes.
func readSmallFile(path string, max int64, what string) ([]byte, error) {
	data, err := fsutil.ReadFile(path, max)
	var notFile *fsutil.NotFileError
	var tooBig *fsutil.TooBigError
	switch {
	case errors.As(err, &notFile) && notFile.Mode.IsDir():
		return nil, fmt.Errorf("%s: is a folder; give the file's path", path)
	case errors.As(err, &notFile):
		return nil, fmt.Errorf("%s: is %s, not a file", path, notFile.What())
	case errors.As(err, &tooBig):
		return nil, fmt.Errorf("%s: is %s, too big to be %s", path, fsutil.Size(tooBig.Size), what)
	case err != nil:
		return nil, fmt.Errorf("%s: cannot read it: %s", path, fsutil.Reason(err))
	}
	return data, nil
}
