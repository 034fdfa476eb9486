// Package estimate is the budget arithmetic of the brief. Hours are whole
// numbers and money is counted in cents, so that the lines add up to the
// subtotal and the totals to the cent, in the Markdown and the JSON alike.
package estimate

import (
	"math"
	"strconv"
	"strings"
)

// Line is one budget line: a requirement's work, a fixed work package, or the
// risk buffer of an open decision.
type Line struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	LowHours  int    `json:"low_hours"`
	HighHours int    `json:"high_hours"`
	// QuestionID is the open question a risk buffer item stands for.
	QuestionID string `json:"-"`
}

// Amount is a range of hours and what it costs at the hourly rate.
type Amount struct {
	LowHours  int     `json:"low_hours"`
	HighHours int     `json:"high_hours"`
	LowCost   float64 `json:"low_cost"`
	HighCost  float64 `json:"high_cost"`
}

// RiskBuffer is the allowance for decisions still open, with one item each.
type RiskBuffer struct {
	Amount
	Items []Line `json:"items"`
}

// Budget is the whole estimate.
type Budget struct {
	Currency           string     `json:"currency"`
	HourlyRate         float64    `json:"hourly_rate"`
	ContingencyPercent float64    `json:"contingency_percent"`
	Lines              []Line     `json:"lines"`
	Subtotal           Amount     `json:"subtotal"`
	Contingency        Amount     `json:"contingency"`
	RiskBuffer         RiskBuffer `json:"risk_buffer"`
	Total              Amount     `json:"total"`
	// Assumptions are the brief's; the brief lists them under the budget.
	Assumptions []string `json:"-"`
}

// Compute adds up the lines, applies the contingency to the subtotal (rounded
// up to whole hours), adds the risk buffer, and prices every amount.
func Compute(lines, risks []Line, currency string, hourlyRate, contingencyPercent float64) Budget {
	rateCents := int64(math.Round(hourlyRate * 100))
	price := func(low, high int) Amount {
		return Amount{
			LowHours: low, HighHours: high,
			LowCost:  float64(int64(low)*rateCents) / 100,
			HighCost: float64(int64(high)*rateCents) / 100,
		}
	}
	sum := func(ls []Line) (low, high int) {
		for _, l := range ls {
			low += l.LowHours
			high += l.HighHours
		}
		return low, high
	}
	b := Budget{Currency: currency, HourlyRate: hourlyRate, ContingencyPercent: contingencyPercent, Lines: lines}
	if b.Lines == nil {
		b.Lines = []Line{}
	}
	subLow, subHigh := sum(lines)
	b.Subtotal = price(subLow, subHigh)
	// Percent in hundredths, so 12.5% is exact; contingency rounds up.
	bp := int64(math.Round(contingencyPercent * 100))
	ceilPart := func(h int) int { return int((int64(h)*bp + 9999) / 10000) }
	b.Contingency = price(ceilPart(subLow), ceilPart(subHigh))
	riskLow, riskHigh := sum(risks)
	b.RiskBuffer = RiskBuffer{Amount: price(riskLow, riskHigh), Items: risks}
	if b.RiskBuffer.Items == nil {
		b.RiskBuffer.Items = []Line{}
	}
	b.Total = price(subLow+b.Contingency.LowHours+riskLow, subHigh+b.Contingency.HighHours+riskHigh)
	return b
}

// FormatMoney prints 12345.5 as 12,345.50.
func FormatMoney(v float64) string {
	whole, cents, _ := strings.Cut(strconv.FormatFloat(v, 'f', 2, 64), ".")
	return groupThousands(whole) + "." + cents
}

// FormatHours prints 1194 as 1,194, like the money beside it.
func FormatHours(h int) string { return groupThousands(strconv.Itoa(h)) }

// groupThousands puts commas into a whole number written in digits.
func groupThousands(whole string) string {
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
