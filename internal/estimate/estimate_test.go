package estimate

import "testing"

func TestCompute(t *testing.T) {
	tests := []struct {
		name             string
		lines, risks     []Line
		rate, pct        float64
		wantSub, wantCon [2]int
		wantTotal        Amount
	}{
		{
			name:  "round figures",
			lines: []Line{{LowHours: 10, HighHours: 20}, {LowHours: 30, HighHours: 60}},
			rate:  100, pct: 15,
			wantSub:   [2]int{40, 80},
			wantCon:   [2]int{6, 12},
			wantTotal: Amount{LowHours: 46, HighHours: 92, LowCost: 4600, HighCost: 9200},
		},
		{
			name:  "contingency rounds up, rate with cents, risk buffer",
			lines: []Line{{LowHours: 7, HighHours: 13}},
			risks: []Line{{LowHours: 2, HighHours: 9}},
			rate:  95.55, pct: 12.5,
			wantSub:   [2]int{7, 13},
			wantCon:   [2]int{1, 2}, // 0.875 -> 1, 1.625 -> 2
			wantTotal: Amount{LowHours: 10, HighHours: 24, LowCost: 955.5, HighCost: 2293.2},
		},
		{
			name: "nothing",
			rate: 100, pct: 20,
			wantTotal: Amount{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Compute(tt.lines, tt.risks, "EUR", tt.rate, tt.pct)
			if got := [2]int{b.Subtotal.LowHours, b.Subtotal.HighHours}; got != tt.wantSub {
				t.Errorf("subtotal %v, want %v", got, tt.wantSub)
			}
			if got := [2]int{b.Contingency.LowHours, b.Contingency.HighHours}; got != tt.wantCon {
				t.Errorf("contingency %v, want %v", got, tt.wantCon)
			}
			if b.Total != tt.wantTotal {
				t.Errorf("total %+v, want %+v", b.Total, tt.wantTotal)
			}
			if b.Total.LowHours != b.Subtotal.LowHours+b.Contingency.LowHours+b.RiskBuffer.LowHours {
				t.Error("total low hours do not add up")
			}
		})
	}
}

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
