package brief

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
	"github.com/integ-dev/integ/internal/spectest"
	"github.com/integ-dev/integ/internal/testutil"
)

// The worked examples (checklist/examples): the mid-size retailer of the
// README, a small WooCommerce shop on a ready-made connector, and a B2B-heavy
// Adobe Commerce ↔ NetSuite business with several warehouses and currencies.
var workedExamples = []struct{ file, golden string }{
	{"acme-outdoor.yaml", "example"},
	{"hearth-and-kiln.yaml", "hearth-and-kiln"},
	{"northwind-b2b.yaml", "northwind-b2b"},
}

func loadWorked(t *testing.T, file string) (*checklist.Bank, *spec.Spec, *Brief) {
	t.Helper()
	bank, err := checklist.Default()
	if err != nil {
		t.Fatal(err)
	}
	s, err := spec.Load("../../checklist/examples/"+file, bank)
	if err != nil {
		t.Fatal(err)
	}
	return bank, s, Build(bank, s, now)
}

// Each worked example's brief is a golden file, read as an integrator would
// before it is accepted.
func TestWorkedExampleGoldens(t *testing.T) {
	for _, ex := range workedExamples[1:] { // the first is TestExampleGolden's
		t.Run(ex.golden, func(t *testing.T) {
			_, _, b := loadWorked(t, ex.file)
			testutil.Golden(t, ex.golden+".md", []byte(render(t, b)))
		})
	}
}

// Scenarios cover requirements: a requirement is covered when at least one
// scenario names it among the requirements it checks (its own answer's, and
// those of the questions it lists in `checks`). In every worked example at
// least half of the requirements are covered, and every requirement group an
// integrator tests by flow has scenarios.
func TestScenariosCoverHalfTheRequirements(t *testing.T) {
	groups := []string{"master", "orders", "inventory", "customers", "returns", "payments", "operations"}
	for _, ex := range workedExamples {
		t.Run(ex.golden, func(t *testing.T) {
			_, _, b := loadWorked(t, ex.file)
			covered, total := map[string]bool{}, 0
			for _, g := range b.Scenarios {
				for _, sc := range g.Scenarios {
					for _, id := range sc.Checks {
						covered[id] = true
					}
				}
			}
			withScenarios := map[string]bool{}
			for _, g := range b.Scenarios {
				withScenarios[g.SectionID] = len(g.Scenarios) > 0
			}
			n := 0
			for _, g := range b.Requirements {
				for _, r := range g.Requirements {
					total++
					if covered[r.ID] {
						n++
					}
				}
				for _, want := range groups {
					if g.SectionID == want && len(g.Requirements) > 0 && !withScenarios[want] {
						t.Errorf("requirement group %q has no scenario", want)
					}
				}
			}
			if total == 0 || n*2 < total {
				t.Errorf("scenarios cover %d of %d requirements; at least half are needed", n, total)
			}
			if b.Coverage.Covered != n || b.Coverage.Requirements != total {
				t.Errorf("the brief states %+v, counted %d of %d", b.Coverage, n, total)
			}
			t.Logf("%s: %d of %d requirements covered (%d%%)", ex.golden, n, total, n*100/total)
		})
	}
}

// A requirement ID, with the channel it holds for where answers differ by
// channel (REQ-CUS-03.web-b2b).
var requirementIDRE = regexp.MustCompile(`REQ-[A-Z]+-\d+(?:\.\d+)?[a-z]?(?:\.[a-z][a-z0-9-]*[a-z0-9])?`)

// Every requirement ID cited anywhere in a brief (scenarios, findings, the
// budget, open decisions) is one of its requirements, or the base of
// lettered ones (REQ-PAY-02 for REQ-PAY-02a and -02b).
func TestCitedRequirementIDsExist(t *testing.T) {
	for _, ex := range workedExamples {
		t.Run(ex.golden, func(t *testing.T) {
			_, _, b := loadWorked(t, ex.file)
			exists := map[string]bool{}
			for _, g := range b.Requirements {
				for _, r := range g.Requirements {
					exists[r.ID] = true
					exists[strings.TrimRight(r.ID, "abcdefghijklmnopqrstuvwxyz")] = true
				}
			}
			citing := *b
			citing.Requirements = nil
			var js bytes.Buffer
			if err := json.NewEncoder(&js).Encode(citing); err != nil {
				t.Fatal(err)
			}
			cited := requirementIDRE.FindAllString(js.String(), -1)
			for _, id := range cited {
				if !exists[id] {
					t.Errorf("%s is cited but is not a requirement of this brief", id)
				}
			}
			if len(cited) == 0 {
				t.Error("nothing cites a requirement: the scenarios name none")
			}
		})
	}
}

// platformOf names the platform a source's page documents, by its address;
// "" for a source about no one platform (a card network, a cost survey).
func platformOf(source string) string {
	for _, p := range []struct{ host, platform string }{
		{"shopify.dev", "shopify"}, {"shopify.com", "shopify"},
		{"docs.oracle.com/en/cloud/saas/netsuite", "netsuite"}, {"farapp.com", "netsuite"},
		{"odoo.com", "odoo"}, {"cin7.com", "cin7"},
		{"adobe.com", "adobe"}, {"magento", "adobe"},
		{"woocommerce.com", "woocommerce"}, {"celigo.com", "celigo"},
		{"avalara.com", "avalara"}, {"stripe.com", "stripe"}, {"braintree", "braintree"},
	} {
		if strings.Contains(source, p.host) {
			return p.platform
		}
	}
	return ""
}

// A platform's facts appear only in briefs about that platform: a Shopify
// source is cited only where the store is Shopify, NetSuite's only where the
// inventory system is NetSuite, and so on (review 1: Shopify's versioning in
// a WooCommerce brief, NetSuite's concurrency in an Odoo one). Checked on
// every worked example, and on a WooCommerce ↔ NetSuite business paying
// through WooPayments and Braintree whose answers touch every payment rule
// that states a platform's fact.
func TestPlatformFactsStayWithTheirPlatform(t *testing.T) {
	for _, ex := range append(workedExamples, struct{ file, golden string }{"coffee-roaster.yaml", "coffee-roaster"}) {
		t.Run(ex.golden, func(t *testing.T) {
			_, s, b := loadWorked(t, ex.file)
			platformScope(t, s, b)
		})
	}
	t.Run("woocommerce and netsuite", func(t *testing.T) {
		bank, err := checklist.Default()
		if err != nil {
			t.Fatal(err)
		}
		s := spectest.New(t, bank, map[string]string{
			"project.store": "WooCommerce", "project.inventory": "NetSuite", "payments.gateway": "platform",
			"payments.capture-timing": "at-shipment", "payments.partial-capture": "yes", "payments.multi-capture": "yes",
			"orders.partial-shipments": "per-item", "payments.auth-expiry": "undecided", "subscriptions.model": "store-app",
			"payments.auth-web-settle-inventory": "yes", "operations.history": "order-history", "operations.history-months": "24",
			"support.who": "integrator", "orders.changes-where": "store", "orders.offline-upload": "yes",
			"master.sales-taxes": "third", "tax.commit": "inventory", "inventory.live-counts": "yes",
		})
		platformScope(t, s, Build(bank, s, now))
	})
}

// platformScope fails when a requirement or finding of b cites a source
// about a platform the brief is not about.
func platformScope(t *testing.T, s *spec.Spec, b *Brief) {
	t.Helper()
	// The systems this brief is about: the two, the connector or platform
	// named, and every other system an answer names.
	about := strings.ToLower(b.Project.Store + " " + b.Project.Inventory + " " + strings.Join(s.Values("project.connector"), " "))
	for _, a := range s.Answers {
		about += " " + strings.ToLower(a.System)
		for _, ch := range a.Channels {
			about += " " + strings.ToLower(ch.System)
		}
	}
	if strings.Contains(about, "magento") {
		about += " adobe"
	}
	var cited []string
	for _, g := range b.Requirements {
		for _, r := range g.Requirements {
			if r.Source != "" {
				cited = append(cited, r.ID+": "+r.Source)
			}
		}
	}
	for _, f := range b.Findings {
		if f.Source != "" {
			cited = append(cited, f.ID+": "+f.Source)
		}
	}
	for _, c := range cited {
		for _, part := range strings.Split(c, "; ") {
			if p := platformOf(part); p != "" && !strings.Contains(about, p) {
				t.Errorf("a %s source in a brief about %s: %s", p, about, c)
			}
		}
	}
	if len(cited) == 0 {
		t.Error("nothing cites a source: the check would pass on anything")
	}
}

// Review 1, 1.3 and 4: requirements that cost work and had no test. Acme's
// full resynchronisation, its till sales, the card payment reference, the
// costs kept out of the store and the deletion checklist each get a
// scenario that names them.
func TestPricedRequirementsHaveScenarios(t *testing.T) {
	_, _, b := loadWorked(t, "acme-outdoor.yaml")
	for _, id := range []string{"REQ-OPS-03", "REQ-PRJ-12.5", "REQ-PAY-09.1", "REQ-DATA-10a", "REQ-DATA-10b", "REQ-PRV-02"} {
		if requirement(b, id) == nil {
			t.Errorf("%s is not in Acme's brief", id)
			continue
		}
		if slices.Contains(b.Coverage.Uncovered, id) {
			t.Errorf("no scenario checks %s", id)
		}
	}
}
