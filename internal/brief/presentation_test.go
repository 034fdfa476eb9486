package brief

import (
	"html"
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/estimate"
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

// Review 3, for a finance director: the executive summary's estimate has no
// cents; while the approach is open it names each approach's planned figure,
// not only the dearest; the approach is no buffer "carried" by the estimate;
// and the support line says who provides it, not that the integrator pays.
func TestExecutiveSummaryReadsForAFinanceDirector(t *testing.T) {
	bank, s := loadExample(t)
	open := Build(bank, s, now)
	if len(open.Budget.ByApproach) < 2 {
		t.Fatalf("the example needs its approach open: %d approaches priced", len(open.Budget.ByApproach))
	}
	s.Set("project.approach", spec.Answer{Values: []string{"custom"}})
	decided := Build(bank, s, now)
	cents := regexp.MustCompile(`\d\.\d\d\b`)
	for name, b := range map[string]*Brief{"approach open": open, "approach decided": decided} {
		for medium, text := range bothBriefs(t, b) {
			// From its heading to the table of sections ("| Section | Answered |").
			summary, _, _ := strings.Cut(text[strings.Index(text, "Executive summary"):], "Answered")
			if c := cents.FindString(summary); c != "" {
				t.Errorf("%s, %s: the executive summary shows cents (%q)", name, medium, c)
			}
			if strings.Contains(summary, "the estimate carries") {
				t.Errorf("%s, %s: an open decision reads as hours the estimate carries on top", name, medium)
			}
			if strings.Contains(text, "Paid by") {
				t.Errorf("%s, %s: running costs say \"Paid by\" beside the integrator's support", name, medium)
			}
			if name == "approach open" {
				for _, a := range b.Budget.ByApproach {
					if want := a.Label + " " + b.Budget.Currency + " " + estimate.FormatThousands(a.Planned.Cost); !strings.Contains(summary, want) {
						t.Errorf("%s: the executive summary lacks %q", medium, want)
					}
				}
			}
		}
	}
}

// Review 3, top 2: a brief whose findings hold an error (Hearth & Kiln's two
// return paths) says at the top of its budget that it is not yet a fixed
// price; and no open decision reads as "h at risk" beside the approach,
// which is no risk buffer but the build priced each way.
func TestBudgetSaysWhatBlocksAFixedPrice(t *testing.T) {
	_, _, hearth := loadWorked(t, "hearth-and-kiln.yaml")
	if hearth.Summary.Errors == 0 {
		t.Fatal("the case needs Hearth & Kiln's error finding")
	}
	bank, s := loadExample(t)
	acme := Build(bank, s, now)
	for medium, text := range bothBriefs(t, hearth) {
		budget := text[strings.Index(text, "In short"):]
		if !strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(budget, "In short")), "- Not yet a fixed price: 1 error among the findings must be settled first") &&
			!strings.Contains(budget[:200], "Not yet a fixed price: 1 error among the findings must be settled first") {
			t.Errorf("%s: Hearth & Kiln's budget does not open with the error that blocks a fixed price:\n%.300s", medium, budget)
		}
	}
	for medium, text := range bothBriefs(t, acme) {
		if strings.Contains(text, "h at risk") {
			t.Errorf("%s: an open decision reads as hours at risk", medium)
		}
		sw := acme.Budget.ApproachSwing
		if want := "undecided; the build is " + estimate.FormatHours(sw.LowHours) + " to " + estimate.FormatHours(sw.HighHours) + " hours depending on the answer)"; !strings.Contains(text, want) {
			t.Errorf("%s: the approach's line in Open decisions does not say the build's range", medium)
		}
	}
}

// Review 3, §1: the contingency is taken on the expected work and the open
// decisions' buffer together, and the Phases table says so.
func TestContingencySaysWhatItIsTakenOn(t *testing.T) {
	bank, s := loadExample(t)
	b := Build(bank, s, now)
	base := b.Budget.Expected.Hours + b.Budget.RiskBuffer.ExpectedHours
	if b.Budget.RiskBuffer.ExpectedHours == 0 || b.Budget.Contingency.Hours != int(math.Ceil(float64(base)*b.Budget.ContingencyPercent/100)) {
		t.Fatalf("the case needs a buffer and a contingency on expected + buffer: %+v", b.Budget.Contingency)
	}
	for medium, text := range bothBriefs(t, b) {
		if strings.Contains(text, "once, on the expected figure") || !strings.Contains(text, "once, on the two lines above") {
			t.Errorf("%s: the contingency row does not say it is taken on the expected work and the buffer", medium)
		}
	}
}
