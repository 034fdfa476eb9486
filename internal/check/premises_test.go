package check

import (
	"maps"
	"path/filepath"
	"slices"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// premise is what a finding's message takes for granted, beyond what its
// condition reads, and the answer that says otherwise: "Subscription renewals
// are charged when they ship" is not so once renewals are charged when they
// are created. via raises the finding another way than its test case, where
// the premise is not in the condition.
type premise struct {
	finding  string
	via      given  // answers that raise it (its test case's trigger when nil)
	question string // the question an answer to which negates the premise
	negated  []string
	says     string // the premise, as the message states it
}

// premises lists, per finding, what its message states about the answers.
// Review 2, K1 and top-fix 4: a finding must never contradict an explicit
// answer, so no answer that negates its premise may be given where it is
// raised.
var premises = []premise{
	{"subscriptions-charged-at-shipment", given{"subscriptions.model": "store-app", "payments.capture-timing": "at-shipment"},
		"subscriptions.charge", []string{"at-renewal", "invoice"}, "renewals are charged when they ship"},
	{"last-shipment-capture-across-locations", nil,
		"orders.partial-shipments", []string{"never-partial"}, "an order ships in parts"},
	{"split-shipments-one-capture", nil,
		"payments.methods", []string{"terms", "bank-transfer"}, "cards are captured at shipment"},
	{"authorisation-expiry", nil,
		"payments.methods", []string{"terms", "bank-transfer"}, "cards are charged at shipment"},
	{"cin7-refunds-restock-returns", nil,
		"returns.refund-sync", []string{"none", "manual"}, "each refund made in the store is brought into Cin7 Core"},
	{"credited-twice", nil,
		"returns.credit-memos", []string{"store", "accounting"}, "the inventory system creates the credit memo"},
	{"phone-orders-paid-by-link-uploaded", nil,
		"orders.offline-upload", []string{"no"}, "orders entered in the inventory system are uploaded"},
	{"offline-orders-counted-twice", nil,
		"orders.offline-upload", []string{"no"}, "orders entered in the inventory system are uploaded"},
	{"terms-orders-never-paid", nil,
		"b2b.accounts", []string{"no-web"}, "trade customers order on the store"},
}

// No answer negates the premise of a finding it raises: with the premise's
// answer added to answers that raise it, the finding is not raised.
func TestFindingsDoNotContradictTheAnswers(t *testing.T) {
	bank, err := checklist.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range premises {
		if findingOf(bank, p.finding) == nil {
			t.Errorf("premise of unknown finding %s", p.finding)
			continue
		}
		q := bank.Question(p.question)
		if q == nil {
			t.Errorf("%s: unknown question %s", p.finding, p.question)
			continue
		}
		via := p.via
		if via == nil {
			via = cases[p.finding].trigger
		}
		if got := ids(Run(bank, specWith(t, bank, via, nil))); !slices.Contains(got, p.finding) {
			t.Errorf("%s is not raised by %v, so its premise cannot be tested (got %v)", p.finding, via, got)
			continue
		}
		for _, v := range p.negated {
			if q.Option(v) == nil {
				t.Errorf("%s: %s has no answer %q", p.finding, p.question, v)
				continue
			}
			answers := maps.Clone(via)
			answers[p.question] = v
			if got := ids(Run(bank, specWith(t, bank, answers, nil))); slices.Contains(got, p.finding) {
				t.Errorf("%s says %s, but is raised with %s = %s", p.finding, p.says, p.question, v)
			}
		}
	}
}

// The worked examples raise no finding whose premise one of their answers
// negates, in the sales channel's view where it is raised.
func TestExampleFindingsDoNotContradictTheAnswers(t *testing.T) {
	bank, err := checklist.Default()
	if err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join("..", "..", "checklist", "examples", "*.yaml"))
	if err != nil || len(paths) < 4 {
		t.Fatalf("worked examples: %v %v", paths, err)
	}
	for _, path := range paths {
		s, err := spec.Load(path, bank)
		if err != nil {
			t.Fatal(err)
		}
		raised := map[string]bool{}
		for _, f := range Run(bank, s) {
			raised[f.ID] = true
		}
		for _, p := range premises {
			if !raised[p.finding] {
				continue
			}
			for _, v := range s.ViewsOf(bank) {
				if f := findingOf(bank, p.finding); f.When.Holds(answers{View: v, bank: bank}) && slices.ContainsFunc(v.Values(p.question), func(x string) bool { return slices.Contains(p.negated, x) }) {
					t.Errorf("%s: %s says %s, but %s is %v (%s)", filepath.Base(path), p.finding, p.says, p.question, v.Values(p.question), v.Channel)
				}
			}
		}
	}
}

func findingOf(bank *checklist.Bank, id string) *checklist.Finding {
	for _, f := range bank.Findings {
		if f.ID == id {
			return f
		}
	}
	return nil
}
