package brief

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// answer is one answer of a statement case: a value, and the name of the
// system it names where it names one.
type answer struct{ value, system string }

// briefOf renders the Markdown brief for Shopify ↔ Odoo with the given
// answers. An ID the bank does not know is skipped, so that the same cases
// run against an older bank and show what it used to say.
func briefOf(t *testing.T, answers map[string]answer) string {
	t.Helper()
	bank, err := checklist.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := spec.New(filepath.Join(t.TempDir(), "s.yaml"), bank)
	s.Set("project.store", spec.Answer{Values: []string{"Shopify"}})
	s.Set("project.inventory", spec.Answer{Values: []string{"Odoo"}})
	for id, a := range answers {
		q := bank.Question(id)
		if q == nil {
			continue
		}
		values, err := q.Parse(a.value)
		if err != nil {
			continue
		}
		s.Set(id, spec.Answer{Values: values, System: a.system})
	}
	return render(t, Build(bank, s, now))
}

// Statements an integrator would reject (issue 10, section 2, and their
// siblings found reading the bank): each case fails on the bank as it was
// before that issue, and must never come back.
func TestNoWrongStatements(t *testing.T) {
	tests := []struct {
		name          string
		answers       map[string]answer
		mustNot, must []string
	}{
		{
			name:    "a tax service is asked by each system; it does not send rates to both",
			answers: map[string]answer{"master.sales-taxes": {"third", "Avalara AvaTax"}, "tax.commit": {value: "inventory"}},
			mustNot: []string{"shall each receive changes from Avalara AvaTax"},
			must:    []string{"shall each ask Avalara AvaTax for the tax", "Only Odoo shall commit sales to Avalara AvaTax"},
		},
		{
			name:    "saved cards are not promised to both systems",
			answers: map[string]answer{"master.payment-tokens": {"third", "Stripe"}},
			mustNot: []string{"both shall be able to charge"},
			must:    []string{"shall store only Stripe's customer and payment-method references"},
		},
		{
			name: "'the rest stays authorised' only where several captures are possible",
			answers: map[string]answer{"payments.capture-timing": {value: "at-shipment"}, "payments.partial-capture": {value: "yes"},
				"payments.multi-capture": {value: "no"}, "payments.split-capture": {value: "reauthorise"}, "orders.partial-shipments": {value: "per-item"}},
			mustNot: []string{"the rest stays authorised", "stays authorised until"},
			must:    []string{"a new authorisation of 40.00 is taken on the saved card"},
		},
		{
			name: "the live stock test computes its figure from the buffer",
			answers: map[string]answer{"inventory.live-counts": {value: "yes"}, "inventory.available-meaning": {value: "atp-buffer"},
				"inventory.buffer-units": {value: "2"}},
			mustNot: []string{"then_ Shopify shows 8 within the agreed freshness", "then_ Shopify shows 13 within"},
			must:    []string{"then_ Shopify shows 11 within the agreed freshness"},
		},
		{
			name:    "Shopify cannot block edits to one order: a process rule instead",
			answers: map[string]answer{"orders.changes-where": {value: "inventory"}, "orders.changes-sync": {value: "status-notes"}},
			mustNot: []string{"shall block edits", "nobody can edit it in Shopify"},
			must:    []string{"a written process rule"},
		},
		{
			name:    "an edit test follows what is synchronised",
			answers: map[string]answer{"orders.changes-where": {value: "inventory"}, "orders.changes-sync": {value: "status-notes"}},
			mustNot: []string{"shows the new address and item after the next sync", "shows the new address and the added item"},
			must:    []string{"its lines and amounts stay as they were placed"},
		},
		{
			name:    "split orders that stay in the inventory system are not sent to the store",
			answers: map[string]answer{"master.sales-orders": {value: "split"}, "orders.offline-upload": {value: "no"}},
			mustNot: []string{"Sales orders (web, phone, e-mail and outside sales) shall be split between Shopify and Odoo as described in the note; each system shall send its part to the other"},
			must:    []string{"Orders entered in Odoo (phone, e-mail, outside sales) shall stay in Odoo"},
		},
		{
			name:    "web orders reach the inventory system when the transfer answer says, not 'as soon as taken'",
			answers: map[string]answer{"master.sales-orders": {value: "inventory"}, "orders.transfer-trigger": {value: "on-paid"}},
			mustNot: []string{"as soon as they are taken"},
			must:    []string{"at the point the transfer answer sets (Once the payment is authorised or paid)"},
		},
		{
			name:    "refunds of the store's own payments go through the store",
			answers: map[string]answer{"returns.refunds-where": {value: "inventory"}, "payments.gateway": {value: "platform"}},
			mustNot: []string{"which shall reach the original payment through the gateway"},
			must:    []string{"shall be made through Shopify's refund function"},
		},
		{
			name:    "changes made in the store cannot be 'refused with a clear message'",
			answers: map[string]answer{"orders.changes-where": {value: "store"}},
			mustNot: []string{"changes shall be refused with a clear message"},
			must:    []string{"shall not apply a change but alert staff"},
		},
		{
			name:    "a cancellation in the store is not promised to arrive before picking",
			answers: map[string]answer{"orders.partial-cancel": {value: "store"}},
			mustNot: []string{"sent to Odoo before the order is picked."},
			must:    []string{"staff shall be alerted to handle it as a return"},
		},
		{
			name:    "the inventory system is not promised to charge cards saved in the store",
			answers: map[string]answer{"master.payment-tokens": {value: "store"}},
			mustNot: []string{"shall ask Shopify (or the gateway through Shopify) for any charge"},
			must:    []string{"Saved payment methods shall stay with Shopify's payment service"},
		},
		{
			name:    "capturing from the inventory system needs the payment, not a saved card",
			answers: map[string]answer{"payments.capture-timing": {value: "at-shipment"}, "payments.auth-web-settle-inventory": {value: "yes"}, "master.payment-tokens": {value: "store"}, "payments.gateway": {"gateway", "Stripe"}},
			mustNot: []string{"has nothing to capture with"},
			must:    []string{"Odoo shall capture through Stripe"},
		},
		{
			name:    "refunds made in the inventory system travel to the store, not the other way",
			answers: map[string]answer{"returns.refunds-where": {value: "inventory"}, "returns.refund-sync": {value: "automatic"}},
			mustNot: []string{`store -- "refunds`},
			must:    []string{`inventory -- "refunds (`},
		},
		{
			name:    "a missing SKU is not promised to be 'retried and alerted' when orders create products",
			answers: map[string]answer{"operations.failure-alerts": {value: "immediate"}, "orders.unknown-sku": {value: "create"}},
			mustNot: []string{"alerted within 15 minutes with the order number and the missing SKU"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md := briefOf(t, tt.answers)
			for _, bad := range tt.mustNot {
				if strings.Contains(md, bad) {
					t.Errorf("the brief says %q", bad)
				}
			}
			for _, good := range tt.must {
				if !strings.Contains(md, good) {
					t.Errorf("the brief lacks %q", good)
				}
			}
		})
	}
}

// Scenario figures are computed from the answers a tester will check them
// against: tax to the cent on a worked order (rounded on the total and per
// line), a location total, an expired authorisation, the default carrier.
func TestScenarioFiguresFollowTheAnswers(t *testing.T) {
	tests := []struct {
		name    string
		answers map[string]answer
		must    []string
	}{
		{"tax included at 20%", map[string]answer{"tax.prices-include": {value: "gross"}, "tax.example-rate": {value: "20"}},
			[]string{"of which 17.63 is tax if tax is rounded on the order total, or 17.62 if rounded per line"}},
		{"tax added at 7.25%", map[string]answer{"tax.prices-include": {value: "net"}, "tax.example-rate": {value: "7.25"}},
			[]string{"tax 7.67 and a total of 113.42 if tax is rounded on the order total (tax 7.67 if rounded per line)"}},
		{"stock of three locations", map[string]answer{"inventory.live-counts": {value: "yes"}, "inventory.available-meaning": {value: "available"},
			"inventory.locations": {value: "several-total"}, "inventory.location-count": {value: "3"}},
			[]string{"3 units available in each of the 3 locations", "then_ Shopify shows 9 for the product"}},
		{"an authorisation of 5 days", map[string]answer{"payments.capture-timing": {value: "at-shipment"}, "payments.auth-days": {value: "5"}, "payments.auth-expiry": {value: "hold-and-ask"}},
			[]string{"has not shipped after 6 days", "within 5 days of checkout"}},
		{"the default carrier for an unmapped method", map[string]answer{"master.shipping-methods": {value: "mapped"}, "master.default-shipping": {value: "DPD Classic"}},
			[]string{"arrives in Odoo with the carrier service DPD Classic"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md := briefOf(t, tt.answers)
			for _, good := range tt.must {
				if !strings.Contains(md, good) {
					t.Errorf("the brief lacks %q", good)
				}
			}
		})
	}
}
