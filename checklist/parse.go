package checklist

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits on what one answer may hold. They keep a spec readable and every
// output small: a name is pasted into most lines of a brief, so a name of
// megabytes made integ brief use gigabytes.
const (
	// MaxText is the most characters a text answer (a name, a date) may have.
	MaxText = 200
	// MaxNote is the most characters a note may have (about two pages).
	MaxNote = 10000
	// MaxNumber bounds every number answer, whatever the bank allows: an
	// hourly rate of 5e16 made the budget's totals negative, 1e300 made them
	// 0.00. A billion covers an hourly rate in any currency, and volumes.
	MaxNumber = 1e9
	// maxDecimals is how many digits a number may have after the point.
	maxDecimals = 6
	// MaxHours bounds the hours a bank gives one piece of work (a work
	// item): a bank of one's own with 9e18 hours made the budget's
	// sums overflow into negative totals.
	MaxHours = 100_000
)

// Parse checks a value as a person writes it (integ set, the wizard, a spec)
// against the question, and returns it normalised: multi-select values split
// at commas, numbers written plainly (95.50 as 95.5). An empty value is no
// answer. Errors name the question and what it takes.
func (q *Question) Parse(value string) ([]string, error) {
	if q.Kind == KindMulti {
		return q.ParseValues(SplitList(value))
	}
	if strings.TrimSpace(value) == "" {
		return nil, nil
	}
	return q.ParseValues([]string{value})
}

// ParseValues is Parse for values already split (a YAML list).
func (q *Question) ParseValues(raw []string) ([]string, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	if len(raw) > 1 && q.Kind != KindMulti {
		return nil, fmt.Errorf("%s takes one value, not %d", q.ID, len(raw))
	}
	switch q.Kind {
	case KindNumber:
		return q.parseNumber(strings.TrimSpace(raw[0]))
	case KindText:
		if err := checkText(raw[0], MaxText, false); err != nil {
			return nil, fmt.Errorf("%s %w", q.ID, err)
		}
		return []string{raw[0]}, nil
	case KindDate:
		return q.parseDate(strings.TrimSpace(raw[0]))
	}
	seen := map[string]bool{}
	var out []string
	for _, v := range raw {
		v = strings.TrimSpace(v)
		if q.Option(v) == nil {
			return nil, fmt.Errorf("%q is not an answer to %s (allowed: %s)", v, q.ID, strings.Join(q.Values(), ", "))
		}
		if !seen[v] {
			out = append(out, v)
		}
		seen[v] = true
	}
	if len(out) > 1 && seen[Undecided] {
		return nil, fmt.Errorf("%s cannot be undecided and decided at once (%s)", q.ID, strings.Join(out, ", "))
	}
	return out, nil
}

// ParseNote checks a note (on an answer, or a section's) and returns it with
// Windows line ends made plain. A note may have several lines and tabs, but
// no other control character and no more than MaxNote characters.
func ParseNote(note string) (string, error) {
	note = strings.ReplaceAll(note, "\r\n", "\n")
	if err := checkText(note, MaxNote, true); err != nil {
		return "", fmt.Errorf("the note %w", err)
	}
	return note, nil
}

// ParseSystemName checks the short name of a system an answer names
// ("another system": its `system:`): one line, as a text answer.
func ParseSystemName(name string) (string, error) {
	if strings.ContainsAny(name, "\r\n") {
		return "", errors.New("the system's name is a short name on one line; put the rest in the note")
	}
	if err := checkText(name, MaxText, false); err != nil {
		return "", fmt.Errorf("the system's name %w", err)
	}
	return strings.TrimSpace(name), nil
}

// ParseLine checks a short text on one line (the name of a person asked):
// at most MaxText characters, no control characters. Its error follows the
// subject.
func ParseLine(s string) (string, error) {
	if err := checkText(s, MaxText, false); err != nil {
		return "", err
	}
	return s, nil
}

// SplitList splits a comma-separated multi-select answer.
func SplitList(v string) []string {
	var out []string
	for _, part := range strings.Split(v, ",") {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// checkText refuses text that is not UTF-8, too long, or holds a character
// that would act on a terminal or hide itself: control characters (a note
// may have newlines and tabs) and bidi embeddings, overrides and isolates,
// which make text read differently from how it is stored. Its error follows
// the subject ("project.name …", "the note …").
func checkText(s string, limit int, multiline bool) error {
	if !utf8.ValidString(s) {
		return errors.New("is not valid UTF-8 text")
	}
	n := 0
	for _, r := range s {
		n++
		if r == '\n' || r == '\t' {
			if multiline {
				continue
			}
			return fmt.Errorf("must be one line (found %s at character %d)", describeRune(r), n)
		}
		if unicode.IsControl(r) || isBidiControl(r) || r == 0x2028 || r == 0x2029 {
			return fmt.Errorf("contains %s at character %d; remove it (it can hide text or act on a terminal)", describeRune(r), n)
		}
	}
	if n > limit {
		return fmt.Errorf("is %d characters long; the most is %d", n, limit)
	}
	return nil
}

func isBidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// describeRune names an invisible character for an error message.
func describeRune(r rune) string {
	switch {
	case r == '\n':
		return "a line break"
	case r == '\t':
		return "a tab"
	case r == 0x1b:
		return "an escape character (U+001B)"
	case isBidiControl(r):
		return fmt.Sprintf("a text-direction control (U+%04X)", r)
	}
	return fmt.Sprintf("a control character (U+%04X)", r)
}

// parseNumber reads a number written the plain way (95, 95.50, -2, 1e3) and
// nothing else: strconv alone would also take NaN, Inf and hex, which would
// reach the budget as "NaN" or "0.00". It is bounded by the question's min
// and max and by MaxNumber.
func (q *Question) parseNumber(v string) ([]string, error) {
	if v == Undecided {
		return []string{v}, nil
	}
	f, hint := readNumber(v)
	if hint != nil {
		return nil, fmt.Errorf("%s takes a number (or undecided), not %q%s", q.ID, v, hint.Error())
	}
	lo, hi := -MaxNumber, MaxNumber
	if q.Min != nil {
		lo = math.Max(lo, *q.Min)
	}
	if q.Max != nil {
		hi = math.Min(hi, *q.Max)
	}
	if f < lo || f > hi {
		return nil, fmt.Errorf("%s takes a number %s, not %s", q.ID, rangeText(lo, hi, q.Min != nil || f < lo), v)
	}
	plain := strconv.FormatFloat(f, 'f', -1, 64)
	if _, frac, ok := strings.Cut(plain, "."); ok && len(frac) > maxDecimals {
		return nil, fmt.Errorf("%s takes a number with at most %d decimals, not %s", q.ID, maxDecimals, v)
	}
	return []string{plain}, nil
}

// DateLayout is how a date answer is written: 2027-03-01.
const DateLayout = "2006-01-02"

// parseDate reads a day written YYYY-MM-DD (or undecided): a deadline
// written "1 March" has no year, and "03/01" reads two ways.
func (q *Question) parseDate(v string) ([]string, error) {
	if v == Undecided {
		return []string{v}, nil
	}
	d, err := time.Parse(DateLayout, v)
	if err != nil {
		return nil, fmt.Errorf("%s takes a date written YYYY-MM-DD, such as 2027-03-01 (or undecided), not %q; put the reason in the note", q.ID, v)
	}
	return []string{d.Format(DateLayout)}, nil
}

// ParseDate reads a date answer's value, as Parse left it.
func ParseDate(v string) (time.Time, bool) {
	d, err := time.Parse(DateLayout, v)
	return d, err == nil
}

// readNumber parses v, or returns a hint to append to the message (it starts
// with a separator, or is empty when there is no better one).
func readNumber(v string) (float64, error) {
	if isPlainNumber(v) {
		f, err := strconv.ParseFloat(v, 64)
		if err == nil {
			return f, nil
		}
		if errors.Is(err, strconv.ErrRange) {
			return 0, errors.New("; it is too large")
		}
		return 0, errors.New("")
	}
	// Say how to write what a person meant by "€95", "95,50" or "1,500".
	core := strings.TrimFunc(v, func(r rune) bool { return r < '0' || r > '9' })
	plain := core
	if whole, frac, ok := strings.Cut(core, ","); ok && allDigits(whole) && allDigits(frac) && len(frac) != 3 {
		plain = whole + "." + frac
	} else if isThousands(core) {
		plain = strings.ReplaceAll(core, ",", "")
	}
	if _, err := strconv.ParseFloat(plain, 64); err == nil && isPlainNumber(plain) {
		return 0, fmt.Errorf("; write it as %s", plain)
	}
	return 0, errors.New("")
}

func isPlainNumber(v string) bool { return v != "" && strings.Trim(v, "0123456789.+-eE") == "" }

func allDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// isThousands is 1,500 or 12,345,678.90: groups of three after the first.
func isThousands(v string) bool {
	whole, frac, hasFrac := strings.Cut(v, ".")
	groups := strings.Split(whole, ",")
	if len(groups) < 2 || len(groups[0]) > 3 || !allDigits(groups[0]) || hasFrac && !allDigits(frac) {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !allDigits(g) {
			return false
		}
	}
	return true
}

// rangeText says which numbers a question takes: "from 0 to 100", "of at
// most 1000000000"; hasLow says whether the low bound is worth naming.
func rangeText(lo, hi float64, hasLow bool) string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	if hasLow {
		return "from " + f(lo) + " to " + f(hi)
	}
	return "of at most " + f(hi)
}
