package spec

import "testing"

// Numbers reach the budget, so anything that is not plainly a number is
// refused, with the plain way to write it when a person's meaning is clear.
func TestNumberAnswers(t *testing.T) {
	b := bank(t)
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
		got, err := CheckValues(rate, []string{tt.in})
		switch {
		case tt.err != "" && (err == nil || err.Error() != tt.err):
			t.Errorf("%q: error %v, want %q", tt.in, err, tt.err)
		case tt.err == "" && err != nil:
			t.Errorf("%q: %v", tt.in, err)
		case tt.err == "" && (len(got) != 1 || got[0] != tt.want):
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
	if _, err := CheckValues(contingency, []string{"20%"}); err == nil || err.Error() != `budget.contingency takes a number (or undecided), not "20%"; write it as 20` {
		t.Errorf("20%%: %v", err)
	}
	if _, err := CheckValues(contingency, []string{"150"}); err == nil || err.Error() != "budget.contingency takes a number from 0 to 100, not 150" {
		t.Errorf("150: %v", err)
	}
}
