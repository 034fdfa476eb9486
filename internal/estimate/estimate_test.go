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
