package estimate

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// The summary gives each approach its build, a year of running costs and the
// total over the support period; the total is the planned build plus the
// running costs a year times the months ÷ 12, computed, in the brief's
// currency.
func TestSummaryAndOwnership(t *testing.T) {
	bank := defaultBank(t)
	for _, tt := range []struct {
		example string
		months  int
		lines   int // one for the approach (a table when it is open, and a line saying so)
	}{
		{"acme-outdoor.yaml", 12, 1},
		{"northwind-b2b.yaml", 24, 1},
		{"hearth-and-kiln.yaml", 12, 1},
	} {
		b := For(bank, loadExample(t, bank, tt.example))
		figs := b.ByApproach
		if len(figs) == 0 {
			figs = []ApproachFigures{figuresOf(b)}
		}
		approachLines := 0
		for _, f := range figs {
			o := f.Ownership
			low, high := f.Planned.Cost, f.Planned.Cost
			for _, r := range f.RunningTotals {
				if r.Currency == o.Currency {
					low += float64(int64(r.Low*float64(o.Months)/12 + 0.5))
					high += float64(int64(r.High*float64(o.Months)/12 + 0.5))
				}
			}
			if o.Months != tt.months || o.Currency != b.Currency || o.Low != low || o.High != high {
				t.Errorf("%s %s: ownership %+v; want %d months, %s %v–%v", tt.example, f.Label, o, tt.months, b.Currency, low, high)
			}
			want := f.Label + ": build " + b.Currency + " " + FormatThousands(f.Planned.Cost) + " planned"
			row := b.Currency + " " + FormatThousands(f.Planned.Cost) + " ("
			if slices.ContainsFunc(b.Summary, func(s string) bool { return strings.HasPrefix(s, want) }) ||
				slices.ContainsFunc(b.SummaryTable, func(r SummaryRow) bool { return r.Approach == f.Label && strings.HasPrefix(r.Build, row) }) {
				approachLines++
			}
		}
		if approachLines != len(figs) || len(b.Summary) < tt.lines {
			t.Errorf("%s: summary %q, table %v; want a line or a row per approach (%d)", tt.example, b.Summary, b.SummaryTable, len(figs))
		}
		for _, s := range b.Summary {
			if strings.Contains(s, ".00") {
				t.Errorf("%s: the summary shows cents: %q", tt.example, s)
			}
		}
	}
}

// Sources about one platform are listed only in briefs on that platform:
// NetSuite's concurrency limits do not belong in a Shopify–Odoo brief, nor
// Shopify's API versions in an Adobe Commerce–NetSuite one.
func TestSourcesOnlyForTheirPlatforms(t *testing.T) {
	bank := defaultBank(t)
	for example, absent := range map[string][]string{
		"acme-outdoor.yaml":    {"58", "33", "5"},
		"northwind-b2b.yaml":   {"31", "54", "56", "23"},
		"hearth-and-kiln.yaml": {"31", "54", "56", "58", "33", "5"},
	} {
		b := For(bank, loadExample(t, bank, example))
		for _, src := range b.Sources {
			if slices.Contains(absent, src.ID) {
				t.Errorf("%s lists source [%s] %s", example, src.ID, src.Title)
			}
		}
	}
}

func TestFormatThousands(t *testing.T) {
	for v, want := range map[float64]string{134750: "135K", 1_250_000: "1,250K", 8925: "8.9K", 3000: "3K", 850: "850", 0: "0"} {
		if got := FormatThousands(v); got != want {
			t.Errorf("FormatThousands(%v) = %q, want %q", v, got, want)
		}
	}
}

// While the approach is open, "In short" sets the approaches side by side in
// a table, and the approach is the first open decision that moves the price,
// with its swing from the cheapest to the dearest (review 2, A7, 1.6a, 1.6c);
// once decided, one line says it.
func TestSummaryApproachTableAndSwing(t *testing.T) {
	bank := defaultBank(t)
	b := For(bank, loadExample(t, bank, "acme-outdoor.yaml"))
	if len(b.SummaryTable) != len(b.ByApproach) || len(b.ByApproach) != 3 {
		t.Fatalf("table %v for %d approaches", b.SummaryTable, len(b.ByApproach))
	}
	lo, hi := b.ByApproach[0], b.ByApproach[0]
	for i, f := range b.ByApproach {
		row := b.SummaryTable[i]
		if row.Approach != f.Label || !strings.HasPrefix(row.Build, "USD "+FormatThousands(f.Planned.Cost)+" (") ||
			row.Weeks != FormatWeeks(f.Schedule.ToGoLive)+" to go-live, "+FormatWeeks(f.Schedule.AfterGoLive)+" of hypercare" {
			t.Errorf("row %+v for %s (%d h, %v weeks)", row, f.Label, f.Planned.Hours, f.Schedule.ToGoLive)
		}
		if f.Planned.Hours < lo.Planned.Hours {
			lo = f
		}
		if f.Planned.Hours > hi.Planned.Hours {
			hi = f
		}
	}
	want := fmt.Sprintf("Open decisions that move the price most: How it will be built (%s %s h to %s %s h: a swing of %s h, USD %s);",
		lo.Label, FormatHours(lo.Planned.Hours), hi.Label, FormatHours(hi.Planned.Hours), FormatHours(hi.Planned.Hours-lo.Planned.Hours), FormatThousands(hi.Planned.Cost-lo.Planned.Cost))
	if !slices.ContainsFunc(b.Summary, func(l string) bool { return strings.HasPrefix(l, want) }) {
		t.Errorf("summary %q; want a line starting %q", b.Summary, want)
	}
	if slices.ContainsFunc(b.Summary, func(l string) bool { return strings.HasPrefix(l, lo.Label+": build") }) {
		t.Errorf("summary %q repeats the table line by line", b.Summary)
	}
	decided := For(bank, loadExample(t, bank, "hearth-and-kiln.yaml"))
	if decided.SummaryTable != nil || decided.ApproachSwing != nil || !strings.HasPrefix(decided.Summary[0], "Connector app: build GBP") {
		t.Errorf("decided: table %v, swing %v, summary %q", decided.SummaryTable, decided.ApproachSwing, decided.Summary)
	}
}
