package questionnaire

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// FuzzRead: no file crashes the reader; every problem names the file on one
// line; what it accepts are questions of the bank, each once, at a line.
func FuzzRead(f *testing.F) {
	bank, s := setup(f)
	for _, format := range []string{Markdown, CSV} {
		var b strings.Builder
		if err := Write(&b, format, Source{Bank: bank, Spec: s, Sections: bank.Sections[6:8], Header: NewHeader(s, now, "Maria")}); err != nil {
			f.Fatal(err)
		}
		f.Add([]byte(b.String()))
	}
	f.Add([]byte("id;answer;note;sent answer;sent note\nbudget.currency;\"EUR;x\";;;\n"))
	f.Add([]byte("<!-- integ questionnaire\n{\"version\":1}\nsent {\"id\":\"budget.currency\"}\n-->\n`budget.currency`\nAnswer: (x): y\n"))
	names := s.Names(bank)
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Read("q.txt", data, bank, names)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "q.txt") {
					t.Fatalf("a problem does not name the file: %q", line)
				}
			}
			return
		}
		seen := map[string]bool{}
		for _, e := range got.Entries {
			known := bank.Question(e.ID) != nil
			if e.Section {
				known = bank.Section(e.ID) != nil && e.Value == ""
			}
			if !known || seen[e.ID] || e.Line < 1 {
				t.Fatalf("bad entry %+v", e)
			}
			seen[e.ID] = true
			if utf8.Valid(data) && !utf8.ValidString(e.Value+e.Note+e.System) {
				t.Fatalf("valid UTF-8 in, invalid out: %+v", e)
			}
			_ = got.Base(e.ID, spec.Answer{})
		}
	})
}

// FuzzRoundTrip: any note, system name or text answer that integ set would
// accept goes out in either format and comes back unchanged.
func FuzzRoundTrip(f *testing.F) {
	for _, seed := range []string{"plain", "two\nlines", "=SUM(A1)", "-- list\n- item", "  padded  ", "`code` and **bold** <b>", "Note: inside", "- [x] When the order is placed", "tab\there", "„Zitat“ — 库存 🚚"} {
		f.Add(seed)
	}
	bank, base := setup(f)
	q := bank.Question("payments.capture-timing")
	text := bank.Question("project.name")
	f.Fuzz(func(t *testing.T, s string) {
		note, err := checklist.ParseNote(s)
		if err != nil {
			return
		}
		values, err := text.Parse(s)
		if err != nil || strings.ContainsAny(s, "\r\n") {
			values = []string{"Acme"}
		}
		sp := *base
		sp.Answers = map[string]spec.Answer{
			q.ID:    {Values: []string{"at-order"}, Note: note},
			text.ID: {Values: values, Note: note},
		}
		for _, format := range []string{Markdown, CSV} {
			var b strings.Builder
			if err := Write(&b, format, Source{Bank: bank, Spec: &sp, Sections: []*checklist.Section{q.Section, text.Section}, Header: NewHeader(&sp, now, "")}); err != nil {
				t.Fatal(err)
			}
			got, err := Read("q", []byte(b.String()), bank, sp.Names(bank))
			if err != nil {
				t.Fatalf("%s: %v\n%s", format, err, b.String())
			}
			for _, e := range got.Entries {
				if e.Changed {
					t.Fatalf("%s: %s came back changed: %+v\n%s", format, e.ID, e, b.String())
				}
				if want := sp.Answers[e.ID]; !got.Base(e.ID, want).Equal(want) {
					t.Fatalf("%s: %s sent %+v, want %+v", format, e.ID, got.Base(e.ID, want), want)
				}
			}
		}
	})
}
