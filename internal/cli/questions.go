package cli

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/fsutil"
	"github.com/integ-dev/integ/internal/questionnaire"
	"github.com/integ-dev/integ/internal/safe"
	"github.com/integ-dev/integ/internal/spec"
)

type questionsOptions struct {
	*globalOptions
	format   string
	sections []string
	output   string
	forWhom  string
	force    bool
	// separator is the CSV's column separator, as given.
	separator string
}

func newQuestionsCmd(g *globalOptions, runF func(*questionsOptions) error) *cobra.Command {
	opts := &questionsOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "questions",
		Short: "Write a questionnaire to fill in (Markdown or CSV, pre-filled), or print the question bank",
		Long: `Write a questionnaire for colleagues to fill in: every question of the sections chosen, with
its ID, help and options, pre-filled with the spec's answers. Markdown is filled in a text editor
(tick a box with an x, write answers and notes under "Answer:" and "Note:"); CSV opens in a
spreadsheet (fill the answer and note columns). 'integ import' reads either back, and finds
answers that changed in the spec since the questionnaire was made.

--for records in the spec who was asked to answer the sections; 'integ status' shows what is
still open for them. JSON and YAML print the question bank itself, for scripts.`,
		Example: `  integ questions --section payments,returns -o payments.md
  integ questions --section payments --for "Maria (finance)" --format csv -o payments.csv
  integ questions > questionnaire.md               # every section, for a meeting
  integ questions --format json | jq '.sections[].questions[].id'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runQuestions(opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "markdown", "output format: markdown, csv, yaml or json")
	cmd.Flags().StringSliceVar(&opts.sections, "section", nil, "only these sections (IDs, comma-separated; default all)")
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "write to this file instead of standard output (never the spec)")
	cmd.Flags().BoolVar(&opts.force, "force", false, "overwrite the -o file if it exists")
	cmd.Flags().StringVar(&opts.forWhom, "for", "", "record in the spec that this person was asked to answer the sections")
	cmd.Flags().StringVar(&opts.separator, "separator", ",", `the CSV's column separator: "," or ";" (for a spreadsheet where the decimal separator is the comma), or "tab"`)
	return cmd
}

func runQuestions(opts *questionsOptions) error {
	if err := checkFormat(opts.format, "markdown", "csv", "yaml", "json"); err != nil {
		return err
	}
	sep, err := csvSeparator(opts.separator, opts.format)
	if err != nil {
		return err
	}
	if opts.output != "" {
		// A filled-in questionnaire is someone's work: never replaced unasked.
		if err := checkOutput(opts.output, opts.specPath(), opts.force, "the questionnaire a name of its own, such as payments.md"); err != nil {
			return err
		}
	}
	bank, err := opts.loadBank()
	if err != nil {
		return err
	}
	var out bytes.Buffer
	switch opts.format {
	case "json", "yaml":
		if len(opts.sections) > 0 || opts.forWhom != "" {
			return unusable(fmt.Errorf("--section and --for make a questionnaire: use them with --format markdown or csv"))
		}
		if opts.format == "json" {
			err = writeJSON(&out, bank.JSON())
		} else {
			err = bank.WriteYAML(&out)
		}
	default:
		err = writeQuestionnaire(opts, bank, sep, &out)
	}
	if err != nil {
		return err
	}
	if opts.output == "" {
		_, err := opts.streams.Out.Write(out.Bytes())
		return err
	}
	if err := fsutil.WriteFileAtomic(opts.output, out.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(opts.streams.Err, "Wrote %s.\n", safe.Terminal(opts.output))
	return nil
}

// writeQuestionnaire renders the pre-filled questionnaire and, with --for,
// records in the spec who was asked.
func writeQuestionnaire(opts *questionsOptions, bank *checklist.Bank, sep rune, out *bytes.Buffer) error {
	sections, err := pickSections(bank, opts.sections)
	if err != nil {
		return err
	}
	s, err := opts.loadSpecFile(bank, opts.specPath(), specMayBeNew)
	if err != nil {
		return err
	}
	forWhom := strings.TrimSpace(opts.forWhom)
	if _, err := checklist.ParseLine(forWhom); err != nil {
		return unusable(fmt.Errorf("--for: the name %w", err))
	}
	if forWhom != "" {
		recordAsked(s, sections, forWhom, opts.streams.Now())
		if _, err := s.Save(bank, opts.streams.Now()); err != nil {
			return err
		}
		var titles []string
		for _, sec := range sections {
			titles = append(titles, sec.ID)
		}
		fmt.Fprintf(opts.streams.Err, "Recorded in %s that %s was asked about %s.\n", safe.Terminal(s.Path), safe.Terminal(forWhom), strings.Join(titles, ", "))
	}
	src := questionnaire.Source{Bank: bank, Spec: s, Sections: sections, Header: questionnaire.NewHeader(s, opts.streams.Now(), forWhom), Separator: sep}
	return questionnaire.Write(out, opts.format, src)
}

// csvSeparator reads --separator; anything but the comma only goes with
// --format csv.
func csvSeparator(given, format string) (rune, error) {
	var sep rune
	switch given {
	case ",":
		return ',', nil
	case ";":
		sep = ';'
	case "tab", "\t", "\\t":
		sep = '\t'
	default:
		return 0, unusable(fmt.Errorf("--separator %q: use \",\", \";\" or \"tab\"", given))
	}
	if format != "csv" {
		return 0, unusable(fmt.Errorf("--separator is for --format csv"))
	}
	return sep, nil
}

// pickSections resolves --section IDs, in bank order; none means all.
func pickSections(bank *checklist.Bank, ids []string) ([]*checklist.Section, error) {
	if len(ids) == 0 {
		return bank.Sections, nil
	}
	var unknown []string
	for _, id := range ids {
		if bank.Section(strings.TrimSpace(id)) == nil {
			unknown = append(unknown, id)
		}
	}
	if len(unknown) > 0 {
		var all []string
		for _, sec := range bank.Sections {
			all = append(all, sec.ID)
		}
		return nil, unusable(fmt.Errorf("unknown section %s (sections: %s)", orList(quoteAll(unknown)), strings.Join(all, ", ")))
	}
	var out []*checklist.Section
	for _, sec := range bank.Sections {
		if slices.ContainsFunc(ids, func(id string) bool { return strings.TrimSpace(id) == sec.ID }) {
			out = append(out, sec)
		}
	}
	return out, nil
}

func quoteAll(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = fmt.Sprintf("%q", w)
	}
	return out
}

// recordAsked notes that who was asked to answer each section today; asking
// the same person again moves the date.
func recordAsked(s *spec.Spec, sections []*checklist.Section, who string, now time.Time) {
	date := now.UTC().Format(time.DateOnly)
	for _, sec := range sections {
		list := s.Asked[sec.ID]
		i := slices.IndexFunc(list, func(a spec.Asked) bool { return a.Who == who })
		if i < 0 {
			list = append(list, spec.Asked{Who: who, Date: date})
		} else {
			list[i].Date = date
		}
		s.Asked[sec.ID] = list
	}
}

// names returns the two systems' names from the spec when one can be read,
// else the bank's defaults, so printed text never shows "{store}".
func (g *globalOptions) names(bank *checklist.Bank) checklist.Names {
	if s, err := spec.Load(g.specPath(), bank); err == nil && s.Exists() {
		return s.Names(bank)
	}
	return spec.New("", bank).Names(bank)
}
