package checklist

import "testing"

// Every item of the source article (shared/seed) must be asked. This maps each
// of its 31 items to the question that asks it; removing or renaming one of
// those questions fails here.
var seedItems = []struct{ item, question string }{
	// Master system for…
	{"product names", "master.product-names"},
	{"product attributes (color, size, etc)", "master.product-attributes"},
	{"product descriptions and specifications", "master.product-descriptions"},
	{"product images", "master.product-images"},
	{"product categories", "master.product-categories"},
	{"product dimensions (for shipping estimates)", "master.product-dimensions"},
	{"product prices: retail and special pricing levels", "master.product-prices"},
	{"product availability flags", "master.availability"},
	{"product vendors and costs", "master.vendors-costs"},
	{"customer details list", "master.customers"},
	{"relevant sales taxes", "master.sales-taxes"},
	{"shipping methods/options", "master.shipping-methods"},
	{"sales orders from website and phone/email/outside sales", "master.sales-orders"},
	{"purchase orders", "master.purchase-orders"},
	{"customer payment methods or payment tokens", "master.payment-tokens"},
	// Logic for transferring information…
	{"order entered in the inventory system uploaded to the website", "orders.offline-upload"},
	{"order modified after placing: which system, how updates sync", "orders.changes-where"},
	{"phone customer gets a store account; addresses and contacts transferred", "customers.offline-account"},
	{"partial shipment: store knows which items shipped and when", "orders.partial-shipments"},
	{"which system sends shipment status e-mails", "orders.shipment-emails"},
	{"which system quotes are sent from", "orders.quotes"},
	{"live inventory counts in the store", "inventory.live-counts"},
	// Asked as which number the store shows: on hand, or available (on hand
	// less what is allocated to unshipped orders); a yes/no beside it was a
	// near-duplicate that could contradict it.
	{"store knows stock allocated to unshipped orders", "inventory.available-meaning"},
	{"where partial cancellations are entered", "orders.partial-cancel"},
	{"where returns are entered", "returns.entered-where"},
	{"return entered in inventory system: update the website too", "returns.update-web"},
	{"where credit memos are managed", "returns.credit-memos"},
	{"cards charged and settled at order placement or at shipment", "payments.capture-timing"},
	{"authorise on the website, settle from the inventory system", "payments.auth-web-settle-inventory"},
	{"how refunds are processed and refund info shared", "returns.refund-sync"},
	{"sales persons assigned to online and offline orders by rules", "customers.sales-reps"},
}

func TestEverySeedItemIsAsked(t *testing.T) {
	if len(seedItems) != 31 {
		t.Fatalf("the seed has 31 items, the map has %d", len(seedItems))
	}
	b, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, it := range seedItems {
		if b.Question(it.question) == nil {
			t.Errorf("seed item %q: question %s is not in the bank", it.item, it.question)
		}
		if other, dup := seen[it.question]; dup {
			t.Errorf("seed items %q and %q map to the same question %s", other, it.item, it.question)
		}
		seen[it.question] = it.item
	}
	// The two-part seed items have their second part asked too.
	for _, id := range []string{"customers.offline-details", "orders.changes-sync", "returns.refunds-where", "master.price-levels"} {
		if b.Question(id) == nil {
			t.Errorf("question %s (second half of a seed item) is missing", id)
		}
	}
}
