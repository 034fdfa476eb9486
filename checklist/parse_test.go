package checklist

import (
	"strconv"
	"strings"
	"testing"
)

// Dates reach the schedule: a day written YYYY-MM-DD, or undecided; the
// error says how to write it and where the reason goes.
func TestDateAnswers(t *testing.T) {
	q := &Question{ID: "operations.deadline", Kind: KindDate}
	for in, want := range map[string]string{"2027-03-01": "2027-03-01", " 2027-11-01 ": "2027-11-01", "undecided": "undecided"} {
		got, err := q.Parse(in)
		if err != nil || len(got) != 1 || got[0] != want {
			t.Errorf("Parse(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	for _, in := range []string{"1 March", "2027-02-30", "03/01/2027", "2027-3-1", "Live in the EU by 1 March"} {
		_, err := q.Parse(in)
		if err == nil || !strings.Contains(err.Error(), "operations.deadline takes a date written YYYY-MM-DD, such as 2027-03-01 (or undecided), not "+strconv.Quote(in)) {
			t.Errorf("Parse(%q): error %v", in, err)
		}
	}
}

// Numbers reach the budget, so anything that is not plainly a number is
// refused, with the plain way to write it when a person's meaning is clear.
func TestNumberAnswers(t *testing.T) {
	b, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	rate, contingency := b.Question("budget.hourly-rate"), b.Question("budget.contingency")
	tests := []struct {
		in, want, err string
	}{
		{in: "95", want: "95"},
		{in: "95.50", want: "95.5"},
		{in: " 120 ", want: "120"},
		{in: "+80", want: "80"},
		{in: "1e3", want: "1000"},
		{in: "0.0", want: "0"},
		{in: "undecided", want: "undecided"},
		{in: "NaN", err: `budget.hourly-rate takes a number (or undecided), not "NaN"`},
		{in: "inf", err: `budget.hourly-rate takes a number (or undecided), not "inf"`},
		{in: "-Infinity", err: `budget.hourly-rate takes a number (or undecided), not "-Infinity"`},
		{in: "0x1p4", err: `budget.hourly-rate takes a number (or undecided), not "0x1p4"`},
		{in: "1.2.3", err: `budget.hourly-rate takes a number (or undecided), not "1.2.3"`},
		{in: "1e999", err: `budget.hourly-rate takes a number (or undecided), not "1e999"; it is too large`},
		{in: "cheap", err: `budget.hourly-rate takes a number (or undecided), not "cheap"`},
		{in: "95,50", err: `budget.hourly-rate takes a number (or undecided), not "95,50"; write it as 95.50`},
		{in: "1,500", err: `budget.hourly-rate takes a number (or undecided), not "1,500"; write it as 1500`},
		{in: "12,345.75", err: `budget.hourly-rate takes a number (or undecided), not "12,345.75"; write it as 12345.75`},
		{in: "€95", err: `budget.hourly-rate takes a number (or undecided), not "€95"; write it as 95`},
		{in: "95 EUR/h", err: `budget.hourly-rate takes a number (or undecided), not "95 EUR/h"; write it as 95`},
		{in: "$1,250.00", err: `budget.hourly-rate takes a number (or undecided), not "$1,250.00"; write it as 1250.00`},
	}
	for _, tt := range tests {
		got, err := rate.Parse(tt.in)
		switch {
		case tt.err != "" && (err == nil || err.Error() != tt.err):
			t.Errorf("%q: error %v, want %q", tt.in, err, tt.err)
		case tt.err == "" && err != nil:
			t.Errorf("%q: %v", tt.in, err)
		case tt.err == "" && (len(got) != 1 || got[0] != tt.want):
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
	if _, err := contingency.Parse("20%"); err == nil || err.Error() != `budget.contingency takes a number (or undecided), not "20%"; write it as 20` {
		t.Errorf("20%%: %v", err)
	}
	if _, err := contingency.Parse("150"); err == nil || err.Error() != "budget.contingency takes a number from 0 to 100, not 150" {
		t.Errorf("150: %v", err)
	}
}

// Numbers are bounded at input: a rate of 5e16 made the budget's totals
// negative and 1e300 made them 0.00.
func TestNumberBounds(t *testing.T) {
	b, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	rate := b.Question("budget.hourly-rate")
	for in, want := range map[string]string{
		"5e16":      "budget.hourly-rate takes a number from 0 to 1000000000, not 5e16",
		"1e300":     "budget.hourly-rate takes a number from 0 to 1000000000, not 1e300",
		"-1":        "budget.hourly-rate takes a number from 0 to 1000000000, not -1",
		"0.0000001": "budget.hourly-rate takes a number with at most 6 decimals, not 0.0000001",
		"1e-300":    "budget.hourly-rate takes a number with at most 6 decimals, not 1e-300",
	} {
		if _, err := rate.Parse(in); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %q", in, err, want)
		}
	}
	for in, want := range map[string]string{"1e9": "1000000000", "95.123456": "95.123456", "0": "0"} {
		if got, err := rate.Parse(in); err != nil || len(got) != 1 || got[0] != want {
			t.Errorf("%s: %v %v, want %s", in, got, err, want)
		}
	}
	// A question with no bounds of its own is still bounded.
	free := &Question{ID: "x.n", Kind: KindNumber}
	if _, err := free.Parse("-2e9"); err == nil || err.Error() != "x.n takes a number from -1000000000 to 1000000000, not -2e9" {
		t.Errorf("-2e9: %v", err)
	}
	if _, err := free.Parse("2e9"); err == nil || err.Error() != "x.n takes a number of at most 1000000000, not 2e9" {
		t.Errorf("2e9: %v", err)
	}
}

// Text answers are one line of visible text of at most MaxText characters, in
// any language; notes may have lines and tabs, and at most MaxNote characters.
func TestTextAndNoteInput(t *testing.T) {
	name := &Question{ID: "project.name", Kind: KindText}
	for _, ok := range []string{"Ökolager", "Épicerie Dupont", "Магазин", "库存系统", "مخزن المتجر", "🛒 Shop", "עברית\u200f", strings.Repeat("é", MaxText)} {
		if got, err := name.Parse(ok); err != nil || len(got) != 1 || got[0] != ok {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
	for in, want := range map[string]string{
		"Shop\x1b]0;pwned\x07":   "project.name contains an escape character (U+001B) at character 5; remove it (it can hide text or act on a terminal)",
		"Shop\u009b31m":          "project.name contains a control character (U+009B) at character 5; remove it (it can hide text or act on a terminal)",
		"evil\u202etxt.exe":      "project.name contains a text-direction control (U+202E) at character 5; remove it (it can hide text or act on a terminal)",
		"two\nlines":             "project.name must be one line (found a line break at character 4)",
		"tab\there":              "project.name must be one line (found a tab at character 4)",
		"bad \xff byte":          "project.name is not valid UTF-8 text",
		strings.Repeat("x", 201): "project.name is 201 characters long; the most is 200",
	} {
		if _, err := name.Parse(in); err == nil || err.Error() != want {
			t.Errorf("%q: %v, want %q", in, err, want)
		}
	}
	if got, err := ParseNote("line one\r\nline two\tindented"); err != nil || got != "line one\nline two\tindented" {
		t.Errorf("a note with CRLF: %q %v", got, err)
	}
	for in, want := range map[string]string{
		"bell\a":                       "the note contains a control character (U+0007) at character 5; remove it (it can hide text or act on a terminal)",
		"lone\rreturn":                 "the note contains a control character (U+000D) at character 5; remove it (it can hide text or act on a terminal)",
		strings.Repeat("ß", MaxNote+1): "the note is 10001 characters long; the most is 10000",
	} {
		if _, err := ParseNote(in); err == nil || err.Error() != want {
			t.Errorf("note %q: %v, want %q", in[:min(len(in), 20)], err, want)
		}
	}
}
