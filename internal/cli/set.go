package cli

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/safe"
	"github.com/integ-dev/integ/internal/spec"
)

type setOptions struct {
	*globalOptions
	assignments []string
	notes       []string
	systems     []string
}

func newSetCmd(g *globalOptions) *cobra.Command {
	opts := &setOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "set ID=VALUE... [--note ID=TEXT]... [--system ID=NAME]...",
		Short: "Answer questions without the wizard (for scripts and quick fixes)",
		Long: `Answer one or more questions directly. Every pair is checked against the question bank
before anything is written: an unknown question or a value that is not allowed changes nothing.

VALUE may be "undecided". Multi-select values are comma-separated. "ID=" removes an answer.
The spec is created if it does not exist. 'integ questions' lists the IDs and allowed values.

A question that may differ by sales channel takes one channel's answer as ID@CHANNEL=VALUE
(the channels are those chosen in project.channels); a channel without one uses ID=VALUE.
--note and --system take ID@CHANNEL too.`,
		Example: `  integ set project.store=Shopify project.inventory=Odoo
  integ set master.product-prices=inventory --note master.product-prices="Price lists live in Odoo"
  integ set master.sales-taxes=third --system master.sales-taxes="Avalara AvaTax"
  integ set payments.methods=cards,wallets
  integ set inventory.live-counts=undecided
  integ set customers.match-key=email customers.match-key@phone-email=customer-number`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.assignments = args
			return runSet(opts)
		},
	}
	cmd.Flags().StringArrayVar(&opts.notes, "note", nil, "attach a note to an answer, as ID=TEXT (repeatable)")
	cmd.Flags().StringArrayVar(&opts.systems, "system", nil, "name the system an answer such as \"another system\" means, as ID=NAME (repeatable)")
	return cmd
}

func runSet(opts *setOptions) error {
	if len(opts.assignments) == 0 && len(opts.notes) == 0 && len(opts.systems) == 0 {
		return unusable(fmt.Errorf("nothing to set: give ID=VALUE pairs, --note ID=TEXT or --system ID=NAME (see 'integ set --help')"))
	}
	bank, s, err := opts.loadSpec(specMayBeNew)
	if err != nil {
		return err
	}
	path := s.Path

	// Validate everything before changing anything.
	type change struct {
		key    string // a question's ID, or ID@CHANNEL for one channel's answer
		values []string
	}
	var changes []change
	for _, arg := range opts.assignments {
		key, value, err := parseAssignment(arg)
		if err != nil {
			return unusable(err)
		}
		q, err := lookupTarget(bank, key)
		if err != nil {
			return err
		}
		values, err := q.Parse(value)
		if err != nil {
			return unusable(err)
		}
		changes = append(changes, change{key: key, values: values})
	}
	notes, err := parseTexts(bank, "--note", opts.notes, checklist.ParseNote)
	if err != nil {
		return err
	}
	systems, err := parseTexts(bank, "--system", opts.systems, checklist.ParseSystemName)
	if err != nil {
		return err
	}
	// One channel's answer needs that channel chosen, here or earlier.
	chosen := s.Channels()
	for _, c := range changes {
		if c.key == checklist.QProjectChannels {
			chosen = slices.DeleteFunc(slices.Clone(c.values), func(v string) bool { return v == checklist.Undecided })
		}
	}
	for _, key := range slices.Concat(keysOf(changes, func(c change) string { return c.key }), slices.Collect(maps.Keys(notes)), slices.Collect(maps.Keys(systems))) {
		if _, channel := spec.SplitKey(key); channel != "" && !slices.Contains(chosen, channel) {
			return unusable(fmt.Errorf("%s: %q is not one of the channels chosen in %s (%s); add it first: integ set %s=%s", key, channel, checklist.QProjectChannels, orNone(chosen), checklist.QProjectChannels, strings.Join(append(slices.Clone(chosen), channel), ",")))
		}
	}

	for _, c := range changes {
		a := s.Get(c.key)
		a.Values = c.values
		s.Put(c.key, a)
		delete(s.Conflicts, c.key) // answering it again decides a merge conflict
	}
	for key, text := range notes {
		a := s.Get(key)
		a.Note = text
		s.Put(key, a)
		delete(s.Conflicts, key)
	}
	for key, name := range systems {
		a := s.Get(key)
		a.System = name
		s.Put(key, a)
		delete(s.Conflicts, key)
	}
	wrote, err := s.Save(bank, opts.streams.Now())
	if err != nil {
		return err
	}
	printMerged(opts.streams, bank, s, s.Merged)
	setNow := keysOf(changes, func(c change) string { return c.key })
	for _, key := range setNow {
		printOwnAnswers(opts.streams, bank, s, key, setNow)
	}
	n := len(changes) + len(notes) + len(systems)
	if wrote {
		fmt.Fprintf(opts.streams.Err, "Saved %s to %s.\n", plural(n, "change", "changes"), safe.Terminal(path))
	} else {
		fmt.Fprintf(opts.streams.Err, "%s already says that; nothing changed.\n", safe.Terminal(path))
	}
	return nil
}

func keysOf[T any](list []T, key func(T) string) []string {
	out := make([]string, len(list))
	for i, x := range list {
		out[i] = key(x)
	}
	return out
}

func orNone(list []string) string {
	if len(list) == 0 {
		return "none yet"
	}
	return strings.Join(list, ", ")
}

// printOwnAnswers says, when the answer for all channels was set, which
// chosen channels keep an answer of their own (not set in the same command,
// setNow): they do not follow it.
func printOwnAnswers(streams *IOStreams, bank *checklist.Bank, s *spec.Spec, key string, setNow []string) {
	id, channel := spec.SplitKey(key)
	q := bank.Question(id)
	if channel != "" || q == nil {
		return
	}
	names := s.Names(bank)
	a := s.Answers[id]
	for _, ch := range s.Channels() {
		if own, ok := a.Channels[ch]; ok && len(own.Values) > 0 && !slices.Contains(setNow, spec.Key(id, ch)) {
			fmt.Fprintln(streams.Err, safe.Terminal(fmt.Sprintf("%s: %s keeps its own answer, %q ('integ set %s=' makes it follow the answer for all channels).",
				id, bank.ChannelTitle(ch, names), q.AnswerText(own.Values, names), spec.Key(id, ch))))
		}
	}
}

// parseTexts reads the ID=TEXT pairs of a flag such as --note, checking each
// ID (or ID@CHANNEL) and each text.
func parseTexts(bank *checklist.Bank, flag string, args []string, parse func(string) (string, error)) (map[string]string, error) {
	out := map[string]string{}
	for _, arg := range args {
		key, text, err := parseAssignment(arg)
		if err != nil {
			return nil, unusable(fmt.Errorf("%s: %w", flag, err))
		}
		if _, err := lookupTarget(bank, key); err != nil {
			return nil, err
		}
		if text, err = parse(text); err != nil {
			return nil, unusable(fmt.Errorf("%s %s: %w", flag, key, err))
		}
		out[key] = text
	}
	return out, nil
}

// lookupTarget finds the question a key names (ID, or ID@CHANNEL for one
// sales channel's answer), or explains why there is none.
func lookupTarget(bank *checklist.Bank, key string) (*checklist.Question, error) {
	id, channel := spec.SplitKey(key)
	q, err := lookupQuestion(bank, id)
	if err != nil || channel == "" {
		return q, err
	}
	switch {
	case bank.ChannelQuestion() == nil:
		return nil, unusable(fmt.Errorf("%s: this checklist has no sales channels (%s); set %s=VALUE", key, checklist.QProjectChannels, id))
	case bank.Channel(channel) == nil:
		return nil, unusable(fmt.Errorf("%s: unknown sales channel %q (channels: %s)", key, channel, strings.Join(bank.ChannelValues(), ", ")))
	case !q.ByChannel:
		return nil, unusable(fmt.Errorf("%s: %s has one answer for all channels; set %s=VALUE", key, id, id))
	}
	return q, nil
}

// lookupQuestion finds a question or explains, with the closest IDs, why not.
func lookupQuestion(bank *checklist.Bank, id string) (*checklist.Question, error) {
	if q := bank.Question(id); q != nil {
		return q, nil
	}
	var near []string
	for _, q := range bank.Questions() {
		if d := editDistance(id, q.ID); d <= 3 || (len(id) >= 4 && strings.Contains(q.ID, id)) {
			near = append(near, q.ID)
		}
	}
	sort.Strings(near)
	hint := "'integ questions' lists them"
	if len(near) > 0 && len(near) <= 8 {
		hint = "did you mean " + orList(near) + "?"
	}
	return nil, unusable(fmt.Errorf("unknown question %q; %s", id, hint))
}

// printMerged says which answers someone else changed differently while
// integ ran: the save kept this run's and recorded theirs (see spec.Save).
func printMerged(streams *IOStreams, bank *checklist.Bank, s *spec.Spec, merged []spec.Conflict) {
	names := s.Names(bank)
	var warnings []string
	for _, c := range merged {
		theirs := fmt.Sprintf("note %q", c.Theirs.Note)
		if q := spec.QuestionOf(bank, c.ID); q != nil {
			theirs = fmt.Sprintf("%q", q.AnswerText(c.Theirs.Values, names))
			if c.Theirs.Note != "" {
				theirs += fmt.Sprintf(" (note %q)", c.Theirs.Note)
			}
		}
		warnings = append(warnings, fmt.Sprintf("%s was changed by someone else while integ was running, to %s; yours is kept and theirs is recorded under conflicts: in %s, where 'integ check' reports it until one is chosen", c.ID, theirs, s.Path))
	}
	printWarnings(streams, warnings)
}

func printWarnings(streams *IOStreams, warnings []string) {
	for _, w := range warnings {
		fmt.Fprintln(streams.Err, "integ: warning: "+safe.Terminal(w))
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// editDistance is the Levenshtein distance, for "did you mean" hints.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
