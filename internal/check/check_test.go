package check

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

type given map[string]string

func specWith(t *testing.T, bank *checklist.Bank, a given, notes given) *spec.Spec {
	t.Helper()
	s := spec.New(filepath.Join(t.TempDir(), "s.yaml"), bank)
	s.Set("project.store", spec.Answer{Values: []string{"Shopify"}})
	s.Set("project.inventory", spec.Answer{Values: []string{"Odoo"}})
	for id, v := range a {
		q := bank.Question(id)
		if q == nil {
			t.Fatalf("unknown question %s in a test case", id)
		}
		values, err := q.Parse(v)
		if err != nil {
			t.Fatalf("bad test case: %v", err)
		}
		s.Set(id, spec.Answer{Values: values, Note: notes[id]})
	}
	return s
}

// Each finding in the bank has a minimal spec that triggers it and a close
// one that must not. A finding added to the bank without a case fails here.
var cases = map[string]struct{ trigger, not given }{
	"oversell-allocated-stock": {
		given{"inventory.live-counts": "yes", "inventory.allocation": "no"},
		given{"inventory.live-counts": "yes", "inventory.allocation": "yes"}},
	"allocation-without-counts": {
		given{"inventory.allocation": "yes", "inventory.live-counts": "no"},
		given{"inventory.allocation": "yes", "inventory.live-counts": "yes"}},
	"offline-orders-without-accounts": {
		given{"orders.offline-upload": "yes", "customers.offline-account": "no"},
		given{"orders.offline-upload": "no", "customers.offline-account": "no"}},
	"authorisation-expiry": {
		given{"payments.capture-timing": "at-shipment"},
		given{"payments.capture-timing": "at-shipment", "payments.auth-expiry": "reauthorise"}},
	"settle-on-store-payments": {
		given{"payments.capture-timing": "at-shipment", "payments.auth-web-settle-inventory": "yes", "payments.gateway": "platform"},
		given{"payments.capture-timing": "at-shipment", "payments.auth-web-settle-inventory": "yes", "payments.gateway": "gateway"}},
	"phone-orders-on-saved-cards": {
		given{"payments.offline-payments": "saved-card", "master.payment-tokens": "store", "payments.token-charger": "nobody"},
		given{"payments.offline-payments": "saved-card", "master.payment-tokens": "store", "payments.token-charger": "store"}},
	"returns-not-shown-on-web": {
		given{"returns.entered-where": "inventory", "returns.update-web": "no"},
		given{"returns.entered-where": "inventory", "returns.update-web": "yes"}},
	"refunds-not-shared": {
		given{"returns.refunds-where": "store", "returns.refund-sync": "none"},
		given{"returns.refunds-where": "store", "returns.refund-sync": "automatic"}},
	"refunds-in-gateway-unrecorded": {
		given{"returns.refunds-where": "gateway", "returns.refund-sync": "manual"},
		given{"returns.refunds-where": "gateway", "returns.refund-sync": "automatic"}},
	"price-levels-apart-from-prices": {
		given{"master.product-prices": "store", "master.price-levels": "inventory"},
		given{"master.product-prices": "store", "master.price-levels": "with-retail"}},
	"product-data-two-masters": {
		given{"master.product-names": "inventory", "master.product-attributes": "store"},
		given{"master.product-names": "inventory", "master.product-attributes": "inventory"}},
	"cancellation-after-transfer": {
		given{"orders.partial-cancel": "store", "orders.transfer-trigger": "on-paid"},
		given{"orders.partial-cancel": "inventory", "orders.transfer-trigger": "on-paid"}},
	"shipment-emails-twice": {
		given{"orders.shipment-emails": "both"},
		given{"orders.shipment-emails": "store"}},
	"shipment-emails-none": {
		given{"orders.shipment-emails": "neither"},
		given{"orders.shipment-emails": "inventory"}},
	"two-way-without-conflict-rule": {
		given{"orders.changes-where": "both"},
		given{"orders.changes-where": "inventory"}},
	"event-driven-at-scale": {
		given{"operations.sku-count": "over-100000", "inventory.live-counts": "yes", "inventory.count-freshness": "on-change"},
		given{"operations.sku-count": "over-100000", "inventory.live-counts": "yes", "inventory.count-freshness": "minutes"}},
	"orders-event-driven-at-volume": {
		given{"operations.orders-per-day": "over-5000", "orders.transfer-freshness": "on-change"},
		given{"operations.orders-per-day": "50-500", "orders.transfer-freshness": "on-change"}},
	"stale-live-counts": {
		given{"inventory.live-counts": "yes", "inventory.count-freshness": "nightly"},
		given{"inventory.live-counts": "yes", "inventory.count-freshness": "hourly"}},
	"guests-duplicate-customers": {
		given{"customers.guest-orders": "always-new", "customers.match-key": "email"},
		given{"customers.guest-orders": "match-or-create", "customers.match-key": "email"}},
	"duplicates-by-hand-at-volume": {
		given{"orders.duplicates": "manual-check", "operations.orders-per-day": "500-5000"},
		given{"orders.duplicates": "order-number", "operations.orders-per-day": "500-5000"}},
	"big-bang-without-test-systems": {
		given{"operations.sandbox": "none", "operations.go-live": "all-at-once"},
		given{"operations.sandbox": "none", "operations.go-live": "phased"}},
	"refunded-in-both": {
		given{"returns.refunds-where": "both", "returns.refund-sync": "manual"},
		given{"returns.refunds-where": "both", "returns.refund-sync": "automatic"}},
	"split-shipments-one-capture": {
		given{"payments.capture-timing": "at-shipment", "orders.partial-shipments": "per-item", "payments.partial-capture": "yes", "payments.multi-capture": "no"},
		given{"payments.capture-timing": "at-shipment", "orders.partial-shipments": "per-item", "payments.partial-capture": "yes", "payments.multi-capture": "no", "payments.split-capture": "last-shipment"}},
	"reauthorise-without-saved-card": {
		given{"payments.capture-timing": "at-shipment", "payments.auth-expiry": "reauthorise", "master.payment-tokens": "not-needed"},
		given{"payments.capture-timing": "at-shipment", "payments.auth-expiry": "hold-and-ask", "master.payment-tokens": "not-needed"}},
	"offline-orders-counted-twice": {
		given{"orders.offline-upload": "yes", "inventory.live-counts": "yes"},
		given{"orders.offline-upload": "no", "inventory.live-counts": "yes"}},
	"tax-reported-twice": {
		given{"master.sales-taxes": "third", "tax.commit": "both"},
		given{"master.sales-taxes": "third", "tax.commit": "inventory"}},
	"tax-reported-by-nobody": {
		given{"master.sales-taxes": "third", "tax.commit": "undecided"},
		given{"master.sales-taxes": "third", "tax.commit": "store"}},
	"credited-twice": {
		given{"returns.refunds-where": "store", "returns.credit-memos": "inventory", "returns.entered-where": "inventory"},
		given{"returns.refunds-where": "inventory", "returns.credit-memos": "inventory", "returns.entered-where": "inventory"}},
	"allocation-but-on-hand": {
		given{"inventory.live-counts": "yes", "inventory.allocation": "yes", "inventory.available-meaning": "on-hand"},
		given{"inventory.live-counts": "yes", "inventory.allocation": "yes", "inventory.available-meaning": "available"}},
	"edits-with-nothing-synced": {
		given{"orders.changes-where": "store", "orders.changes-sync": "none"},
		given{"orders.changes-where": "store", "orders.changes-sync": "status-notes"}},
	"busiest-day-far-above-normal": {
		given{"operations.orders-per-day": "under-50", "operations.peak-orders": "1200"},
		given{"operations.orders-per-day": "under-50", "operations.peak-orders": "400"}},
	"busiest-day-below-normal": {
		given{"operations.orders-per-day": "500-5000", "operations.peak-orders": "300"},
		given{"operations.orders-per-day": "500-5000", "operations.peak-orders": "800"}},
	"subscriptions-charged-at-shipment": {
		given{"subscriptions.model": "store-app", "subscriptions.charge": "at-shipment"},
		given{"subscriptions.model": "store-app", "subscriptions.charge": "at-renewal"}},
	"currencies-without-price-rule": {
		given{"project.currencies": "3"},
		given{"project.currencies": "3", "project.currency-prices": "price-lists"}},
	"companies-without-rule": {
		given{"project.companies": "2"},
		given{"project.companies": "2", "project.company-rule": "US customers in Acme Inc., all others in Acme BV"}},
	"connector-with-custom-needs": {
		given{"project.approach": "connector", "orders.changes-where": "both"},
		given{"project.approach": "custom", "orders.changes-where": "both"}},
	"shopify-several-captures-need-plus": {
		given{"payments.gateway": "platform", "payments.capture-timing": "at-shipment", "payments.partial-capture": "yes", "payments.multi-capture": "yes"},
		given{"payments.gateway": "platform", "payments.capture-timing": "at-shipment", "payments.partial-capture": "yes", "payments.multi-capture": "yes", "project.store": "WooCommerce"}},
	"tax-recalculated-without-rule": {
		given{"master.sales-taxes": "store", "tax.accept-unchanged": "no"},
		given{"master.sales-taxes": "store", "tax.accept-unchanged": "no", "orders.total-mismatch": "hold"}},
	"shared-stock-slow-counts": {
		given{"project.channels": "web-retail,pos", "inventory.shared-stock": "yes", "inventory.live-counts": "yes", "inventory.count-freshness": "hourly"},
		given{"project.channels": "web-retail,pos", "inventory.shared-stock": "yes", "inventory.live-counts": "yes", "inventory.count-freshness": "minutes"}},
	"api-versions-unowned": {
		given{"project.approach": "custom"},
		given{"project.approach": "custom", "support.api-versions": "integrator"}},
	"shopify-older-orders-need-access": {
		given{"operations.history": "order-history", "operations.history-months": "24"},
		given{"operations.history": "order-history", "operations.history-months": "2"}},
	"live-customer-data-without-dpa": {
		given{"operations.history": "customers", "privacy.dpa": "no"},
		given{"operations.history": "customers", "privacy.dpa": "yes"}},
	"refund-emails-without-refunds": {
		given{"emails.messages": "store", "returns.refunds-where": "inventory", "returns.refund-sync": "manual"},
		given{"emails.messages": "store", "returns.refunds-where": "inventory", "returns.refund-sync": "automatic"}},
	"inventory-charges-store-cards": {
		given{"master.payment-tokens": "store", "payments.token-charger": "both", "payments.gateway": "platform"},
		given{"master.payment-tokens": "store", "payments.token-charger": "both", "payments.gateway": "gateway"}},
	"payments-undecided": {
		given{"payments.capture-timing": "undecided", "payments.methods": "undecided", "payments.offline-payments": "saved-card"},
		given{"payments.capture-timing": "at-order", "payments.methods": "cards", "payments.offline-payments": "saved-card"}},
}

func ids(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.ID)
	}
	return out
}

func TestEveryFinding(t *testing.T) {
	bank, err := checklist.Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(bank.Findings) < 15 {
		t.Errorf("the bank has %d findings; it needs at least 15", len(bank.Findings))
	}
	for _, f := range bank.Findings {
		c, ok := cases[f.ID]
		if !ok {
			t.Errorf("finding %s has no test case", f.ID)
			continue
		}
		t.Run(f.ID, func(t *testing.T) {
			got := Run(bank, specWith(t, bank, c.trigger, nil))
			if !slices.Contains(ids(got), f.ID) {
				t.Errorf("not raised by %v (got %v)", c.trigger, ids(got))
			}
			for _, g := range got {
				if p := unfilled(f.Message+f.Advice, g.Message+g.Advice); g.ID == f.ID && len(p) > 0 {
					t.Errorf("%v: %s / %s", p, g.Message, g.Advice)
				}
			}
			if got := Run(bank, specWith(t, bank, c.not, nil)); slices.Contains(ids(got), f.ID) {
				t.Errorf("raised by %v, which must not", c.not)
			}
		})
	}
}

func TestMissingFollowUpNote(t *testing.T) {
	bank, _ := checklist.Default()
	got := Run(bank, specWith(t, bank, given{"master.customers": "split"}, nil))
	if !slices.Contains(ids(got), "missing-note.master.customers") {
		t.Errorf("a split answer without a note is not reported: %v", ids(got))
	}
	got = Run(bank, specWith(t, bank, given{"master.customers": "split"}, given{"master.customers": "Web accounts in Shopify."}))
	if slices.Contains(ids(got), "missing-note.master.customers") {
		t.Error("reported although the note is there")
	}
}

func TestSeverityOrder(t *testing.T) {
	bank, _ := checklist.Default()
	got := Run(bank, specWith(t, bank, given{
		"customers.guest-orders": "always-new", "customers.match-key": "email", // info
		"orders.shipment-emails":  "both",                                                                                       // warning
		"payments.capture-timing": "at-shipment", "payments.auth-web-settle-inventory": "yes", "master.payment-tokens": "store", // error
	}, nil))
	var sev []string
	for _, f := range got {
		sev = append(sev, f.Severity)
	}
	if !slices.IsSortedFunc(sev, func(a, b string) int {
		return slices.Index(checklist.Severities, a) - slices.Index(checklist.Severities, b)
	}) || sev[0] != "error" {
		t.Errorf("not most serious first: %v", sev)
	}
}

// An answer that names another system needs that system's name, in its own
// field; a note alone does not name it.
func TestMissingSystemName(t *testing.T) {
	bank, _ := checklist.Default()
	s := specWith(t, bank, given{"master.sales-taxes": "third"}, given{"master.sales-taxes": "Avalara AvaTax"})
	if got := Run(bank, s); !slices.Contains(ids(got), "missing-system.master.sales-taxes") {
		t.Errorf("an unnamed third system is not reported: %v", ids(got))
	}
	a := s.Answers["master.sales-taxes"]
	a.System = "Avalara AvaTax"
	s.Set("master.sales-taxes", a)
	if got := Run(bank, s); slices.Contains(ids(got), "missing-system.master.sales-taxes") {
		t.Error("reported although the system is named")
	}
}

// Guest orders that create customers while customers are matched by e-mail
// contradict a requirement (a web order never creates a second customer with
// the same e-mail): an error, not a note.
func TestGuestDuplicatesAreAnError(t *testing.T) {
	bank, _ := checklist.Default()
	for _, f := range Run(bank, specWith(t, bank, given{"customers.guest-orders": "always-new", "customers.match-key": "email"}, nil)) {
		if f.ID == "guests-duplicate-customers" && f.Severity != "error" {
			t.Errorf("guest duplicates are a %s", f.Severity)
		}
	}
}

// A finding that states a platform fact names its source, and the rendered
// finding carries it.
func TestPlatformFindingsCarrySources(t *testing.T) {
	bank, _ := checklist.Default()
	got := Run(bank, specWith(t, bank, cases["shopify-several-captures-need-plus"].trigger, nil))
	for _, f := range got {
		if f.ID == "shopify-several-captures-need-plus" && !strings.HasPrefix(f.Source, "https://shopify.dev/") {
			t.Errorf("source = %q", f.Source)
		}
	}
	for _, f := range bank.Findings {
		if strings.Contains(f.Message+f.Advice, "Shopify") && f.Source == "" {
			t.Errorf("finding %s states a Shopify fact without a source", f.ID)
		}
	}
}

// unfilled lists what is wrong with a finding's text as shown: a placeholder
// left in it, or a system's name its bank text asks for and it lacks:
// {store} must read "Shopify" and {inventory} "Odoo" (the names specWith gives).
func unfilled(bankText, shown string) []string {
	var problems []string
	if strings.Contains(shown, "{") {
		problems = append(problems, "a placeholder is not filled")
	}
	for _, p := range [][2]string{{"{store}", "Shopify"}, {"{inventory}", "Odoo"}} {
		if strings.Contains(bankText, p[0]) && !strings.Contains(shown, p[1]) {
			problems = append(problems, p[0]+" is not filled with "+p[1])
		}
	}
	return problems
}

// The check above can fail (it used to compare against text with the names
// appended, which always held).
func TestUnfilledCanFail(t *testing.T) {
	for _, tt := range []struct{ bank, shown string }{
		{"{store} sends to {inventory}", "{store} sends to Odoo"},
		{"{store} sends to {inventory}", "the store sends to Odoo"},
		{"{inventory} is the master", "Shopify is the master"},
	} {
		if len(unfilled(tt.bank, tt.shown)) == 0 {
			t.Errorf("unfilled(%q, %q) found nothing", tt.bank, tt.shown)
		}
	}
	if p := unfilled("{store} sends to {inventory}", "Shopify sends to Odoo"); len(p) != 0 {
		t.Errorf("a filled text: %v", p)
	}
}
