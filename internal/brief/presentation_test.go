package brief

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// bothBriefs renders a brief in Markdown and in HTML (its text, tags
// dropped), so that a sentence is checked in both.
func bothBriefs(t *testing.T, b *Brief) map[string]string {
	t.Helper()
	page := renderHTML(t, b, PaperAuto)
	page = regexp.MustCompile(`(?s)<style.*?</style>|<svg.*?</svg>`).ReplaceAllString(page, "")
	text := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(page, ""))
	return map[string]string{"markdown": render(t, b), "html": strings.Join(strings.Fields(text), " ")}
}

// Review 1, presentation: "1 decisions are still open", "Settle the errors"
// with none, and three ways of saying that nothing is open.
func TestBriefSaysCountsAsTheyAre(t *testing.T) {
	bank, s := loadExample(t)
	s.Set("project.approach", spec.Answer{Values: []string{"custom"}})
	s.Set("inventory.bundles", spec.Answer{Values: []string{"no"}})
	s.Set("returns.refund-sync", spec.Answer{Values: []string{checklist.Undecided}})
	one := Build(bank, s, now)
	if one.Summary.Errors != 0 || len(one.OpenDecisions) != 1 {
		t.Fatalf("the case needs no error and one open decision: %d errors, %d open", one.Summary.Errors, len(one.OpenDecisions))
	}
	for medium, text := range bothBriefs(t, one) {
		for _, bad := range []string{"1 decisions", "Settle the errors", "Settle the 0"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s brief with one open decision and no error says %q", medium, bad)
			}
		}
		for _, good := range []string{"1 decision is still open", "None is an error that blocks a quote"} {
			if !strings.Contains(text, good) {
				t.Errorf("%s brief lacks %q", medium, good)
			}
		}
	}

	s.Set("returns.refund-sync", spec.Answer{Values: []string{"automatic"}})
	none := Build(bank, s, now)
	if len(none.OpenDecisions) != 0 {
		t.Fatalf("still open: %+v", none.OpenDecisions)
	}
	for medium, text := range bothBriefs(t, none) {
		for _, bad := range []string{"0 decisions", "has an answer", "None of the open"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s brief with nothing open says %q", medium, bad)
			}
		}
		if n := strings.Count(text, "every question asked is decided"); n != 3 {
			t.Errorf("%s brief says %d times that every question is decided; want it once each in the summary, the open decisions and the budget", medium, n)
		}
	}

	s.Set("customers.guest-orders", spec.Answer{Values: []string{"always-new"}}) // an error
	errs := Build(bank, s, now)
	for medium, text := range bothBriefs(t, errs) {
		if !strings.Contains(text, "Settle the 1 error before asking for a quote") {
			t.Errorf("%s brief with one error does not ask to settle it", medium)
		}
	}
}

// The executive summary names the blockers first: errors, then the open
// decisions that move the price, then warnings.
func TestTopRisksAreBlockersFirst(t *testing.T) {
	bank, s := loadExample(t)
	s.Set("customers.guest-orders", spec.Answer{Values: []string{"always-new"}}) // an error
	b := Build(bank, s, now)
	if b.Summary.Errors == 0 || b.Summary.Warnings == 0 {
		t.Fatalf("the case needs an error and warnings: %+v", b.Summary)
	}
	risks := b.Summary.Risks
	if len(risks) != 3 || !strings.HasPrefix(risks[0].Title, "Customers are matched by e-mail") || !strings.HasPrefix(risks[1].Title, "Open decision:") {
		var titles []string
		for _, r := range risks {
			titles = append(titles, r.Title)
		}
		t.Errorf("risks in this order: %q; want the error, then the open decision that moves the price most", titles)
	}
}

// The brief names the requirements no scenario checks.
func TestBriefNamesUncheckedRequirements(t *testing.T) {
	bank, s := loadExample(t)
	b := Build(bank, s, now)
	if len(b.Coverage.Uncovered) != b.Coverage.Requirements-b.Coverage.Covered || len(b.Coverage.Uncovered) == 0 {
		t.Fatalf("coverage %+v", b.Coverage)
	}
	for medium, text := range bothBriefs(t, b) {
		want := "No scenario checks " + strings.Join(b.Coverage.Uncovered, ", ") + "."
		if !strings.Contains(text, want) {
			t.Errorf("%s brief lacks %q", medium, want)
		}
	}
}
