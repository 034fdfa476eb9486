package estimate

import "testing"

func TestFormatting(t *testing.T) {
	money := map[float64]string{0: "0.00", 5.5: "5.50", 999.99: "999.99", 1000: "1,000.00", 57250: "57,250.00", 1234567.891: "1,234,567.89", -1500: "-1,500.00"}
	for v, want := range money {
		if got := FormatMoney(v); got != want {
			t.Errorf("FormatMoney(%v) = %q, want %q", v, got, want)
		}
	}
	hours := map[int]string{0: "0", 64: "64", 458: "458", 1194: "1,194", 100000: "100,000", -2500: "-2,500"}
	for h, want := range hours {
		if got := FormatHours(h); got != want {
			t.Errorf("FormatHours(%d) = %q, want %q", h, got, want)
		}
	}
}
