package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/safe"
	"github.com/integ-dev/integ/internal/spec"
)

type statusOptions struct {
	*globalOptions
	format string
}

func newStatusCmd(g *globalOptions) *cobra.Command {
	opts := &statusOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show how far the spec is: answered, undecided and open questions per section",
		Long: `Count, per section, the questions that are answered, undecided, still open (asked but not
answered) and hidden (not asked because of earlier answers), and the share decided overall.`,
		Example: `  integ status
  integ status --spec client/integration-spec.yaml --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runStatus(opts) },
	}
	cmd.Flags().StringVar(&opts.format, "format", "text", "output format: text or json")
	return cmd
}

type sectionProgress struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Answered  int    `json:"answered"`
	Undecided int    `json:"undecided"`
	Open      int    `json:"open"`
	Hidden    int    `json:"hidden"`
	// Asked is who was asked to answer the section, and Owed the questions
	// still open or undecided in it (only where someone was asked).
	Asked []askedJSON `json:"asked,omitempty"`
	Owed  []string    `json:"owed,omitempty"`
}

type askedJSON struct {
	Who  string `json:"who"`
	Date string `json:"date"`
}

type statusJSON struct {
	Spec     string            `json:"spec"`
	Exists   bool              `json:"exists"`
	Sections []sectionProgress `json:"sections"`
	Total    struct {
		sectionProgress
		Percent int `json:"percent"`
	} `json:"total"`
	// PerChannel lists the questions answered differently per sales channel.
	PerChannel []string `json:"per_channel,omitempty"`
}

// perChannel lists the questions whose chosen channels' answers differ.
func perChannel(bank *checklist.Bank, s *spec.Spec) []string {
	var ids []string
	for _, q := range bank.Questions() {
		if q.ByChannel && s.StatusOf(q) != spec.Hidden && s.Differs(q.ID) {
			ids = append(ids, q.ID)
		}
	}
	return ids
}

func progressOf(bank *checklist.Bank, s *spec.Spec) (rows []sectionProgress, total spec.Counts) {
	names := s.Names(bank)
	for _, sec := range bank.Sections {
		c := s.Progress(sec)
		total = total.Add(c)
		row := sectionProgress{ID: sec.ID, Title: names.Fill(sec.Title, nil), Answered: c.Answered, Undecided: c.Undecided, Open: c.Open, Hidden: c.Hidden}
		for _, a := range s.Asked[sec.ID] {
			row.Asked = append(row.Asked, askedJSON{Who: a.Who, Date: a.Date})
		}
		if len(row.Asked) > 0 {
			for _, q := range sec.Questions {
				if st := s.StatusOf(q); st == spec.Open || st == spec.Undecided {
					row.Owed = append(row.Owed, q.ID)
				}
			}
		}
		rows = append(rows, row)
	}
	return rows, total
}

func runStatus(opts *statusOptions) error {
	if err := checkFormat(opts.format, "text", "json"); err != nil {
		return err
	}
	bank, s, err := opts.loadSpec(specMayBeNew)
	if err != nil {
		return err
	}
	path := s.Path
	rows, total := progressOf(bank, s)
	out := opts.streams.Out
	if opts.format == "json" {
		doc := statusJSON{Spec: path, Exists: s.Exists(), Sections: rows, PerChannel: perChannel(bank, s)}
		doc.Total.sectionProgress = sectionProgress{ID: "total", Title: "Total", Answered: total.Answered, Undecided: total.Undecided, Open: total.Open, Hidden: total.Hidden}
		doc.Total.Percent = total.Percent()
		return writeJSON(out, doc)
	}
	st := opts.streams.stdoutStyles()
	if !s.Exists() {
		fmt.Fprintf(out, "%s does not exist yet: run 'integ plan' to start.\n\n", safe.Terminal(path))
	}
	fmt.Fprintln(out, progressTable(st, rows, total))
	fmt.Fprintln(out, st.wrap(fmt.Sprintf("%d%% decided: %d answered, %d undecided, %d open (%d not asked because of earlier answers).",
		total.Percent(), total.Answered, total.Undecided, total.Open, total.Hidden), "", ""))
	if ids := perChannel(bank, s); len(ids) > 0 {
		fmt.Fprintln(out, st.wrap(fmt.Sprintf("Answered per sales channel (%s): %s.", bank.ChannelList(s.Channels(), s.Names(bank)), strings.Join(ids, ", ")), "", "  "))
	}
	writeOwed(out, st, rows)
	return nil
}

// writeOwed says, per section someone was asked to answer, who and what is
// still open or undecided there: who owes what.
func writeOwed(w io.Writer, st styles, rows []sectionProgress) {
	first := true
	for _, r := range rows {
		if len(r.Asked) == 0 {
			continue
		}
		if first {
			fmt.Fprintf(w, "\n%s\n", st.title.Render("Who was asked"))
			first = false
		}
		var who []string
		for _, a := range r.Asked {
			who = append(who, safe.Terminal(a.Who)+" on "+a.Date)
		}
		owed := "nothing open"
		if len(r.Owed) > 0 {
			owed = fmt.Sprintf("%d open or undecided: %s", len(r.Owed), strings.Join(r.Owed, ", "))
		}
		fmt.Fprintln(w, st.wrap("asked "+strings.Join(who, ", ")+" — "+owed, safe.Terminal(r.Title)+": ", "    "))
	}
}

// progressTable is shared by `integ status` and the summary at the end of `integ plan`.
func progressTable(st styles, rows []sectionProgress, total spec.Counts) string {
	itoa := strconv.Itoa
	var cells [][]string
	for i, r := range rows {
		cells = append(cells, []string{itoa(i + 1), safe.Terminal(r.Title), itoa(r.Answered), itoa(r.Undecided), itoa(r.Open), itoa(r.Hidden)})
	}
	cells = append(cells, []string{"", "Total", itoa(total.Answered), itoa(total.Undecided), itoa(total.Open), itoa(total.Hidden)})
	return st.table([]string{"#", "Section", "Answered", "Undecided", "Open", "Hidden"}, cells, func(col int) bool { return col != 1 })
}
