package questionnaire

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

var now = time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)

func setup(t testing.TB) (*checklist.Bank, *spec.Spec) {
	t.Helper()
	bank, err := checklist.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := spec.New("integration-spec.yaml", bank)
	set := func(id string, note string, values ...string) { s.Set(id, spec.Answer{Values: values, Note: note}) }
	set("project.store", "", "Ökoladen")
	set("project.inventory", "", "Odoo")
	set("payments.capture-timing", "Finance decides.\n\n  Indented second paragraph.", "at-shipment")
	set("payments.methods", "", "wallets", "cards") // saved out of bank order
	set("budget.hourly-rate", "", "95.5")
	set("budget.currency", "=HYPERLINK(\"http://evil\")", "EUR")
	return bank, s
}

func write(t *testing.T, format string, bank *checklist.Bank, s *spec.Spec, sections ...string) string {
	t.Helper()
	var secs []*checklist.Section
	for _, id := range sections {
		secs = append(secs, bank.Section(id))
	}
	var b bytes.Buffer
	if err := Write(&b, format, Source{Bank: bank, Spec: s, Sections: secs, Header: NewHeader(s, now, "Maria (finance)")}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func read(t *testing.T, name, data string, bank *checklist.Bank, s *spec.Spec) *Filled {
	t.Helper()
	f, err := Read(name, []byte(data), bank, s.Names(bank))
	if err != nil {
		t.Fatalf("read %s: %v\n%s", name, err, data)
	}
	return f
}

func changed(f *Filled) map[string]Entry {
	out := map[string]Entry{}
	for _, e := range f.Entries {
		if e.Changed {
			out[e.ID] = Entry{ID: e.ID, Value: e.Value, System: e.System, Note: e.Note}
		}
	}
	return out
}

// What was sent reads back as sent, and nothing counts as changed.
func TestUntouchedReadsBackUnchanged(t *testing.T) {
	bank, s := setup(t)
	for _, format := range []string{Markdown, CSV} {
		t.Run(format, func(t *testing.T) {
			f := read(t, "q", write(t, format, bank, s, "payments", "budget"), bank, s)
			if got := changed(f); len(got) != 0 {
				t.Errorf("untouched questionnaire has changes: %v", got)
			}
			// Each question, and the notes on each section.
			if n := len(bank.Section("payments").Questions) + len(bank.Section("budget").Questions) + 2; len(f.Entries) != n {
				t.Errorf("read %d questions, want %d", len(f.Entries), n)
			}
			for _, id := range []string{"payments.capture-timing", "payments.methods", "budget.hourly-rate", "budget.currency"} {
				if base := f.Base(id, s.Answers[id]); !base.Equal(s.Answers[id]) {
					t.Errorf("%s: base %+v, want what the spec held %+v", id, base, s.Answers[id])
				}
			}
			if _, ok := f.Sent["project.store"]; ok {
				t.Error("a section that was not sent is in Sent")
			}
		})
	}
}

func TestMarkdownPrefilledAndFilledIn(t *testing.T) {
	bank, s := setup(t)
	md := write(t, Markdown, bank, s, "payments", "budget")
	for _, want := range []string{
		"<!-- integ questionnaire: 'integ import' reads the answers back with this block; leave it as it is.\n" +
			`{"version":1,"spec":"integration-spec.yaml","made":"2026-11-27T09:30:00Z","for":"Maria (finance)","sections":["payments","budget"]}` + "\n",
		`sent {"id":"payments.methods","value":["wallets","cards"]}`,
		"# Online store and inventory system integration: questionnaire for Maria (finance)\n",
		"`payments.capture-timing` · tick one\n",
		"- [ ] When the order is placed\n- [x] When the order (or each part of it) ships\n",
		"Note:\n\n    Finance decides.\n\n      Indented second paragraph.\n",
		"`payments.methods` · tick all that apply",
		"Answer (per hour; if left empty: 100):\n\n    95.5\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("questionnaire lacks %q", want)
		}
	}
	if strings.Count(md, "-->") != 1 {
		t.Error("user text ended the header comment")
	}

	// A colleague ticks other boxes, writes an answer without indenting it,
	// an inline note, and leaves the rest.
	md = strings.Replace(md, "- [ ] When the order is placed\n- [x] When", "- [X] When the order is placed\n- [ ] When", 1)
	md = strings.Replace(md, "- [ ] Invoice or account terms", "- [x] Invoice or account terms", 1)
	md = strings.Replace(md, "Answer (per hour; if left empty: 100):\n\n    95.5\n", "Answer (per hour; if left empty: 100):\n\n110\n", 1)
	i := strings.Index(md, "`payments.offline-payments`")
	j := i + strings.Index(md[i:], "Note:\n")
	md = md[:j] + "Note: Payment links come from Stripe.\n  Second line.\n" + md[j+len("Note:\n"):]
	f := read(t, "payments.md", md, bank, s)
	want := map[string]Entry{
		"payments.capture-timing":   {ID: "payments.capture-timing", Value: "at-order", Note: "Finance decides.\n\n  Indented second paragraph."},
		"payments.methods":          {ID: "payments.methods", Value: "cards,wallets,terms"},
		"budget.hourly-rate":        {ID: "budget.hourly-rate", Value: "110"},
		"payments.offline-payments": {ID: "payments.offline-payments", Note: "Payment links come from Stripe.\nSecond line."},
	}
	if diff := cmp.Diff(want, changed(f)); diff != "" {
		t.Errorf("changes read (-want +got):\n%s", diff)
	}
	for _, e := range f.Entries {
		if e.ID == "payments.capture-timing" && !strings.HasPrefix(md[lineStart(md, e.Line):], "`payments.capture-timing`") {
			t.Errorf("line %d is not where payments.capture-timing is", e.Line)
		}
	}
}

func lineStart(s string, line int) int {
	pos := 0
	for i := 1; i < line; i++ {
		pos += strings.IndexByte(s[pos:], '\n') + 1
	}
	return pos
}

func TestMarkdownProblemsAllAtOnce(t *testing.T) {
	bank, s := setup(t)
	md := write(t, Markdown, bank, s, "payments")
	md = strings.Replace(md, "- [ ] When the order is placed", "- [x] When the order is placed", 1) // two ticks on one-of
	md = strings.Replace(md, "- [ ] Bank transfer or cash on delivery", "- [x] Cash in a sock", 1)
	md += "\n### 9.9 Extra\n\n`payments.no-such`\n"
	_, err := Read("p.md", []byte(md), bank, s.Names(bank))
	ps, ok := err.(checklist.Problems)
	if !ok || len(ps) != 3 {
		t.Fatalf("want 3 problems, got %v", err)
	}
	for i, want := range []string{
		": payments.capture-timing takes one answer, but 2 boxes are ticked; tick one",
		`: "Cash in a sock" is not one of the answers to payments.methods`,
		`: "payments.no-such" is not a question in this checklist`,
	} {
		if !strings.Contains(ps[i].Error(), want) || !strings.HasPrefix(ps[i].Error(), "p.md:") || ps[i].Line == 0 {
			t.Errorf("problem %d = %q, want p.md:LINE…%s", i, ps[i].Error(), want)
		}
	}
	if _, err := Read("x.md", []byte("# Notes\n\n- [x] something\n"), bank, s.Names(bank)); err == nil || !strings.Contains(err.Error(), "is neither a questionnaire in Markdown nor a CSV") {
		t.Errorf("a file that is no questionnaire: %v", err)
	}
}

// spreadsheet re-saves a CSV as Excel or LibreOffice would: another
// separator, with or without a byte-order mark, CRLF line ends, quotes only
// where needed; edit changes cells by question ID and column name.
func spreadsheet(t *testing.T, data string, sep rune, withBOM bool, edit map[string]map[string]string) string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(data, bom)))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cols := map[string]int{}
	for i, c := range rows[1] {
		cols[c] = i
	}
	for _, row := range rows[2:] {
		for col, v := range edit[row[cols["id"]]] {
			row[cols[col]] = v
		}
	}
	var b bytes.Buffer
	if withBOM {
		b.WriteString(bom)
	}
	w := csv.NewWriter(&b)
	w.Comma, w.UseCRLF = sep, true
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestCSVSpreadsheetDialects(t *testing.T) {
	bank, s := setup(t)
	data := write(t, CSV, bank, s, "payments", "budget")
	if !strings.HasPrefix(data, bom) {
		t.Fatal("the CSV does not start with a byte-order mark: Excel would not read it as UTF-8")
	}
	if !strings.Contains(data, `'=HYPERLINK(""http://evil"")`) {
		t.Errorf("a note that a spreadsheet would run as a formula is not made text:\n%s", data)
	}
	edit := map[string]map[string]string{
		"payments.methods":        {"answer": "cards, terms"},
		"budget.hourly-rate":      {"answer": "110"},
		"payments.capture-timing": {"note": "Geändert: „Finanzen“ entscheidet"},
	}
	want := map[string]Entry{
		"payments.methods":        {ID: "payments.methods", Value: "cards, terms"},
		"budget.hourly-rate":      {ID: "budget.hourly-rate", Value: "110"},
		"payments.capture-timing": {ID: "payments.capture-timing", Value: "at-shipment", Note: "Geändert: „Finanzen“ entscheidet"},
	}
	for _, tc := range []struct {
		name    string
		sep     rune
		withBOM bool
	}{{"comma with BOM", ',', true}, {"semicolon without BOM", ';', false}, {"semicolon with BOM", ';', true}, {"tab", '\t', false}} {
		t.Run(tc.name, func(t *testing.T) {
			f := read(t, "p.csv", spreadsheet(t, data, tc.sep, tc.withBOM, edit), bank, s)
			if diff := cmp.Diff(want, changed(f)); diff != "" {
				t.Errorf("changes read (-want +got):\n%s", diff)
			}
			if base := f.Base("budget.currency", s.Answers["budget.currency"]); !base.Equal(s.Answers["budget.currency"]) {
				t.Errorf("the formula-looking note did not read back: %+v", base)
			}
		})
	}

	// Excel's plain "CSV" is Windows-1252: read as such, with a warning.
	semi := spreadsheet(t, data, ';', false, map[string]map[string]string{"payments.capture-timing": {"note": "Geändert"}})
	var latin []byte
	for _, r := range semi {
		switch {
		case r < 0x100:
			latin = append(latin, byte(r))
		case r == '€':
			latin = append(latin, 0x80)
		default:
			latin = append(latin, '?') // what Excel writes for a letter the code page lacks
		}
	}
	f := read(t, "p.csv", string(latin), bank, s)
	if got := changed(f)["payments.capture-timing"].Note; got != "Geändert" {
		t.Errorf("Windows-1252 note read as %q", got)
	}
	if len(f.Warnings) != 1 || !strings.Contains(f.Warnings[0], "Windows-1252") {
		t.Errorf("warnings = %q", f.Warnings)
	}
}

func TestCSVColumnsFoundByName(t *testing.T) {
	bank, s := setup(t)
	data := write(t, CSV, bank, s, "budget")
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(data, bom)))
	r.FieldsPerRecord = -1
	rows, _ := r.ReadAll()
	// A spreadsheet user moves the answer column to the front and adds one of their own.
	for i, row := range rows[1:] {
		rows[i+1] = append([]string{row[4], "mine"}, append(row[:4:4], row[5:]...)...)
	}
	rows[1][1] = "My column"
	for _, row := range rows[2:] {
		if row[3] == "budget.hourly-rate" {
			row[0] = "120"
		}
	}
	var b bytes.Buffer
	csv.NewWriter(&b).WriteAll(rows)
	f := read(t, "b.csv", b.String(), bank, s)
	if diff := cmp.Diff(map[string]Entry{"budget.hourly-rate": {ID: "budget.hourly-rate", Value: "120"}}, changed(f)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	// Without the sent columns, what changed since cannot be told.
	_, err := Read("x.csv", []byte("id,answer\nbudget.hourly-rate,5\n"), bank, s.Names(bank))
	if err == nil || !strings.Contains(err.Error(), `x.csv: has no "note" column`) || !strings.Contains(err.Error(), `has no "sent answer" column`) {
		t.Errorf("err = %v", err)
	}
	_, err = Read("y.csv", []byte("id,answer,note,sent answer,sent note\nbudget.rate,5,,,\nbudget.currency,EUR,,,\nbudget.currency,USD,,,\n"), bank, s.Names(bank))
	ps, _ := err.(checklist.Problems)
	if len(ps) != 2 || ps[0].Line != 2 || ps[1].Line != 4 || !strings.Contains(ps[1].Msg, "twice (first at line 3)") {
		t.Errorf("problems = %v", err)
	}
}

// Every answer a spec can hold goes out and comes back as it was, in both formats.
func TestRoundTripEveryQuestion(t *testing.T) {
	bank, s := setup(t)
	for _, q := range bank.Questions() {
		switch {
		case q.Kind == checklist.KindMulti:
			s.Set(q.ID, spec.Answer{Values: []string{q.Options[1].Value, q.Options[0].Value}, Note: "two\nlines"})
		case q.HasOptions():
			a := spec.Answer{Values: []string{q.Options[len(q.Options)-1].Value}, Note: " padded "}
			for _, o := range q.Options {
				if o.System != "" {
					a = spec.Answer{Values: []string{o.Value}, System: "Avalara (AvaTax): tax", Note: "n"}
				}
			}
			s.Set(q.ID, a)
		case q.Kind == checklist.KindNumber:
			s.Set(q.ID, spec.Answer{Values: []string{"12"}})
		default:
			s.Set(q.ID, spec.Answer{Values: []string{"Text, with a comma\nand a line"}, Note: "- a list\n- in a note"})
		}
	}
	var all []string
	for _, sec := range bank.Sections {
		all = append(all, sec.ID)
	}
	for _, format := range []string{Markdown, CSV} {
		f := read(t, "all", write(t, format, bank, s, all...), bank, s)
		if got := changed(f); len(got) != 0 {
			t.Errorf("%s: untouched answers read as changed: %v", format, got)
		}
		for _, q := range bank.Questions() {
			if base := f.Base(q.ID, s.Answers[q.ID]); !cmp.Equal(base, s.Answers[q.ID], cmpopts.EquateEmpty()) {
				t.Errorf("%s: %s sent %+v, want %+v", format, q.ID, base, s.Answers[q.ID])
			}
		}
	}
}

func TestSystemNameGoesOutAndComesBack(t *testing.T) {
	bank, s := setup(t)
	q := bank.Question("master.sales-taxes")
	var third string
	for _, o := range q.Options {
		if o.System != "" {
			third = o.Value
		}
	}
	if third == "" {
		t.Skip("the bank names no system for master.sales-taxes")
	}
	s.Set(q.ID, spec.Answer{Values: []string{third}, System: "Avalara"})
	md := write(t, Markdown, bank, s, "master")
	i := strings.Index(md, "`master.sales-taxes`")
	j := i + strings.Index(md[i:], "\n    Avalara\n")
	if j < i || !strings.Contains(md[i:j], "\n> If “") || !strings.HasSuffix(md[i:j], "\nSystem:\n") {
		t.Fatalf("the system's name is not under a System line:\n%s", md[i:])
	}
	md = md[:j] + "\n    Vertex\n" + md[j+len("\n    Avalara\n"):]
	want := map[string]Entry{q.ID: {ID: q.ID, Value: third, System: "Vertex"}}
	if diff := cmp.Diff(want, changed(read(t, "m.md", md, bank, s))); diff != "" {
		t.Errorf("markdown (-want +got):\n%s", diff)
	}
	data := spreadsheet(t, write(t, CSV, bank, s, "master"), ',', true, map[string]map[string]string{q.ID: {"system": "Vertex"}})
	if diff := cmp.Diff(want, changed(read(t, "m.csv", data, bank, s))); diff != "" {
		t.Errorf("csv (-want +got):\n%s", diff)
	}
}

// The notes on a section go out pre-filled in either format and come back
// changed; an answer written for a section is a problem. Before, a
// questionnaire carried no section notes at all.
func TestSectionNotesGoOutAndComeBack(t *testing.T) {
	bank, s := setup(t)
	s.SectionNotes["payments"] = "Cards only via Stripe."
	for _, format := range []string{Markdown, CSV} {
		t.Run(format, func(t *testing.T) {
			out := write(t, format, bank, s, "payments", "budget")
			if !strings.Contains(out, "Cards only via Stripe.") || !strings.Contains(out, "Anything else the integrator should know about “Payments”?") {
				t.Fatalf("the section's notes are not in the questionnaire:\n%s", out)
			}
			filled := strings.Replace(out, "Cards only via Stripe.", "Cards and PayPal via Stripe.", -1)
			filled = strings.Replace(filled, "Cards and PayPal via Stripe.", "Cards only via Stripe.", 1) // the header's (Markdown) or the sent note (CSV) stays
			if format == CSV {
				filled = strings.Replace(out, ",Cards only via Stripe.,", ",Cards and PayPal via Stripe.,", 1)
			}
			f := read(t, "q", filled, bank, s)
			want := map[string]Entry{"payments": {ID: "payments", Note: "Cards and PayPal via Stripe."}}
			if diff := cmp.Diff(want, changed(f)); diff != "" {
				t.Errorf("changes (-want +got):\n%s", diff)
			}
			for _, e := range f.Entries {
				if e.ID == "payments" && !e.Section || e.ID == "budget" && (!e.Section || e.Changed) {
					t.Errorf("section entry %+v", e)
				}
			}
			if got := f.Base("payments", spec.Answer{Note: "Cards only via Stripe."}); got.Note != "Cards only via Stripe." {
				t.Errorf("sent: %+v", got)
			}
		})
	}
	// An answer where only a note goes.
	md := strings.Replace(write(t, Markdown, bank, s, "budget"), "(optional)\n\nNote:", "(optional)\n\nAnswer: 12\n\nNote:", 1)
	csv := strings.Replace(write(t, CSV, bank, s, "budget"), "a note only: write it in the note column,,", "a note only: write it in the note column,12,", 1)
	for name, data := range map[string]string{"q.md": md, "q.csv": csv} {
		if _, err := Read(name, []byte(data), bank, s.Names(bank)); err == nil || !strings.Contains(err.Error(), "budget is the notes on a section") {
			t.Errorf("%s: an answer on a section's notes: %v", name, err)
		}
	}
}

// --separator ';': a CSV for a spreadsheet in a locale whose decimal
// separator is the comma (Excel there opens ';'-separated files as columns)
// reads back like the comma one.
func TestCSVWithSemicolons(t *testing.T) {
	bank, s := setup(t)
	var b bytes.Buffer
	src := Source{Bank: bank, Spec: s, Sections: []*checklist.Section{bank.Section("budget")}, Header: NewHeader(s, now, ""), Separator: ';'}
	if err := Write(&b, CSV, src); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "\nsection;id;question;allowed values;answer;") || !strings.Contains(out, ";budget.hourly-rate;") {
		t.Fatalf("not separated by semicolons:\n%s", out)
	}
	filled := strings.Replace(out, ";95.5;", ";120;", 1)
	f := read(t, "q.csv", filled, bank, s)
	if diff := cmp.Diff(map[string]Entry{"budget.hourly-rate": {ID: "budget.hourly-rate", Value: "120"}}, changed(f)); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
}
