package checklist

import "testing"

func TestExpressions(t *testing.T) {
	answers := map[string]float64{"inventory.buffer-units": 2, "tax.rate": 8.25, "s.zero": 0}
	get := func(id string) (float64, bool) { v, ok := answers[id]; return v, ok }
	tests := []struct{ src, want string }{
		{"5 + 8 - inventory.buffer-units", "11"},
		{"(2 * 49.90 + 5.95) * tax.rate / 100", "8.72"},
		{"round(7.5)", "8"},
		{"ceil(12 * 10 / 100)", "2"},
		{"max(0, 1 - inventory.buffer-units)", "0"},
		{"min(3, 4) - -1", "4"},
		{"10 / 4", "2.50"},
		{"1 / 3", "0.33"},
	}
	for _, tt := range tests {
		e, err := ParseExpr(tt.src)
		if err != nil {
			t.Errorf("%s: %v", tt.src, err)
			continue
		}
		v, ok := e.Eval(get)
		if got := FormatCalc(v); !ok || got != tt.want {
			t.Errorf("%s = %s (ok %v), want %s", tt.src, got, ok, tt.want)
		}
	}
	// Money is rounded half up, to the cent: 105.75 × 7.8% is 8.2485, 8.25.
	e, _ := ParseExpr("105.75 * 7.8 / 100")
	if v, _ := e.Eval(get); FormatMoney(v) != "8.25" {
		t.Errorf("money = %s", FormatMoney(v))
	}
	for _, bad := range []string{"5 +", "(1 + 2", "foo + 1", "round 1", "min(1)", "1 $ 2", "inventory.x y"} {
		if _, err := ParseExpr(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
	for _, missing := range []string{"1 + s.unknown", "1 / s.zero"} {
		e, _ := ParseExpr(missing)
		if _, ok := e.Eval(get); ok {
			t.Errorf("%q evaluated without its figures", missing)
		}
	}
}
