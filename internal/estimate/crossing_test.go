package estimate

import (
	"slices"
	"strings"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// itemTitles are the titles of a package's items in the budget of s.
func itemTitles(bank *checklist.Bank, s *spec.Spec, pkg string) []string {
	var titles []string
	if p := For(bank, s).Package(pkg); p != nil {
		for _, it := range p.Items {
			titles = append(titles, it.Title)
		}
	}
	return titles
}

// A channel whose orders never cross the integration (phone orders kept in
// the inventory system) prices none of its own rules: its customer numbers,
// account terms and returns are the inventory system's business. With the
// web channel the only one left, nothing is chosen "by sales channel", and
// the sales-channel driver counts one channel.
func TestChannelsThatDoNotCrossCostNothing(t *testing.T) {
	bank := defaultBank(t)
	web := with(midMarket, "customers.match-key", "email", "payments.methods", "cards,wallets", "orders.offline-upload", "no")
	s := specOf(t, bank, web)
	shared := For(bank, s)
	s.Put(spec.Key("customers.match-key", "phone-email"), spec.Answer{Values: []string{"customer-number"}})
	s.Put(spec.Key("payments.methods", "phone-email"), spec.Answer{Values: []string{"terms"}})
	kept := For(bank, s)
	if kept.Planned.Hours != shared.Planned.Hours {
		t.Errorf("phone orders kept in the inventory system, with rules of their own, cost %d h; without them %d h", kept.Planned.Hours, shared.Planned.Hours)
	}
	for _, pkg := range []string{"WP-CUS", "WP-PAY"} {
		for _, title := range itemTitles(bank, s, pkg) {
			if strings.Contains(title, "by sales channel") || strings.Contains(title, "customer number") || strings.Contains(title, "terms") {
				t.Errorf("%s prices %q for a channel whose orders never cross the integration", pkg, title)
			}
		}
	}
	// Uploaded, the same phone orders cross, and their rules are priced.
	s.Put("orders.offline-upload", spec.Answer{Values: []string{"yes"}})
	if up := For(bank, s); up.Planned.Hours <= kept.Planned.Hours {
		t.Errorf("phone orders uploaded to the store, with rules of their own, cost %d h; kept in the inventory system %d h", up.Planned.Hours, kept.Planned.Hours)
	}
}

// The sales-channel driver counts the channels whose orders cross the
// integration: the inventory system's own tills and EDI orders that reach it
// by their own route are not order sources of this integration.
func TestSalesChannelDriverCountsChannelsThatCross(t *testing.T) {
	bank := defaultBank(t)
	driver := func(s *spec.Spec) string {
		for _, f := range For(bank, s).Package("WP-ORD").Factors {
			if f.Driver == "Sales channels" {
				return f.Answer
			}
		}
		return ""
	}
	all := with(midMarket, "project.channels", "web-retail,phone-email,pos,edi", "orders.offline-upload", "yes", "inventory.pos-system", "store")
	if got := driver(specOf(t, bank, all)); got != "4 of 4 whose orders cross the integration" {
		t.Errorf("every channel crossing: the driver reads %q", got)
	}
	s := specOf(t, bank, with(all, "inventory.pos-system", "inventory"))
	s.Put(spec.Key("orders.offline-upload", "edi"), spec.Answer{Values: []string{"no"}})
	if got := driver(s); got != "2 of 4 whose orders cross the integration" {
		t.Errorf("tills in the inventory system and EDI orders kept out: the driver reads %q", got)
	}
}

// Review 2, A5: with a tax service, exemption certificates stay in its own
// certificate store; only the customer code and the store's exempt flag are
// kept in step, which is less work than keeping certificates in both systems.
func TestExemptionsWithATaxServiceKeepNoCertificatesInStep(t *testing.T) {
	bank := defaultBank(t)
	base := with(midMarket, "project.channels", "web-retail,web-b2b", "tax.exempt", "yes")
	own := itemTitles(bank, specOf(t, bank, with(base, "master.sales-taxes", "inventory")), "WP-TAX")
	third := itemTitles(bank, specOf(t, bank, with(base, "master.sales-taxes", "third")), "WP-TAX")
	const inStep = "Tax-exempt customers and their certificates (exemption status and certificate numbers kept in step)"
	if !slices.Contains(own, inStep) {
		t.Errorf("tax calculated in the inventory system: %q lacks %q", own, inStep)
	}
	if slices.Contains(third, inStep) || !slices.ContainsFunc(third, func(s string) bool { return strings.HasPrefix(s, "Tax-exempt customers: one customer code") }) {
		t.Errorf("with a tax service: %q; want the customer code and exempt flag only", third)
	}
}
