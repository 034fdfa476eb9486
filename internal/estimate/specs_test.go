package estimate

import (
	"maps"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
	"github.com/integ-dev/integ/internal/spectest"
)

// Synthetic businesses the calibration tests price. Each is a full set of
// answers, written as an integrator would hear them in a discovery call.

// smallShop: a WooCommerce shop, fewer than 50 orders a day, one location,
// fewer than 1,000 SKUs, web retail only, products created in the shop.
var smallShop = map[string]string{
	"project.name": "Small shop", "project.store": "WooCommerce", "project.inventory": "Cin7 Core",
	"project.approach": "connector", "project.channels": "web-retail",
	"project.several": "none", "project.connector": "Cin7 Core's WooCommerce integration", "project.current-integration": "by-hand",
	"project.store-edition": "WooCommerce 9 on a managed host", "project.inventory-edition": "Cin7 Core Standard plan",
	"budget.currency": "USD", "budget.hourly-rate": "125", "budget.contingency": "20",
	"master.product-names": "store", "master.product-attributes": "store", "master.product-descriptions": "store",
	"master.product-images": "not-needed", "master.product-categories": "not-needed", "master.product-dimensions": "store",
	"master.product-prices": "store", "master.price-levels": "none", "master.availability": "store",
	"master.vendors-costs": "inventory", "master.customers": "store", "master.sales-taxes": "store",
	"master.shipping-methods": "store", "master.sales-orders": "store", "master.purchase-orders": "inventory",
	"master.payment-tokens": "store", "master.catalog-freshness": "hourly", "master.price-freshness": "hourly",
	"master.customer-freshness": "hourly", "master.setup-freshness": "by-hand",
	"orders.transfer-trigger": "on-paid", "orders.transfer-freshness": "minutes",
	"orders.offline-upload": "no", "orders.changes-where": "no-changes", "orders.partial-shipments": "never-partial",
	"orders.shipment-emails": "store", "orders.quotes": "none", "orders.partial-cancel": "store",
	"inventory.live-counts": "yes", "inventory.count-freshness": "minutes",
	"inventory.available-meaning": "on-hand", "inventory.locations": "one", "inventory.bundles": "no",
	"customers.offline-account": "no", "customers.match-key": "email", "customers.guest-orders": "match-or-create",
	"customers.sales-reps":  "no",
	"returns.entered-where": "inventory", "returns.credit-memos": "inventory",
	"returns.refunds-where": "store", "returns.refund-sync": "status-only",
	"payments.capture-timing": "at-order", "payments.methods": "cards,wallets", "payments.offline-payments": "no-offline",
	"operations.product-key": "sku", "operations.orders-per-day": "under-50", "operations.peak-orders": "120",
	"operations.sku-count": "under-1000", "operations.failure-alerts": "daily-report", "operations.history": "products",
	"operations.sandbox": "store-only", "operations.go-live": "all-at-once", "operations.deadline": "2027-04-01",
	// The decisions issue 10 added to the bank.
	"master.default-shipping": "Standard post", "products.variants": "item-per-variant",
	"products.new-where": "store", "products.discontinued": "hide", "tax.accept-unchanged": "yes", "tax.prices-include": "gross",
	"tax.example-rate": "20", "orders.number": "reference", "orders.total-parts": "discounts,shipping",
	"orders.total-mismatch": "accept-store", "orders.unknown-sku": "hold", "inventory.out-of-stock": "stop",
	"subscriptions.model": "none", "returns.restock": "restock", "returns.exchanges": "none",
	"payments.gateway": "gateway", "accounting.booking": "cash-sale",
	"accounting.payouts": "outside", "emails.messages": "store",
	"operations.reconciliation": "none", "operations.freeze": "yes", "operations.rollback": "manual-process",
	"operations.sign-off": "The owner", "privacy.customer-fields": "name-address,email,phone", "privacy.deletion": "by-hand",
	"privacy.dpa": "yes", "support.who": "vendor",
}

// midMarket: the 400-orders-a-day shop, two warehouses, wholesale
// price levels and phone orders from trade customers, 1,000–10,000 SKUs.
var midMarket = merge(smallShop, map[string]string{
	"project.name": "Mid-market", "project.connector": "Celigo integration app", "project.approach": "custom", "project.channels": "web-retail,phone-email",
	"master.product-names": "inventory", "master.product-attributes": "inventory", "master.product-dimensions": "inventory",
	"master.product-images": "store", "master.product-prices": "inventory", "master.price-levels": "inventory",
	"master.availability": "inventory", "master.customers": "split", "master.sales-orders": "split",
	"master.price-freshness": "minutes", "inventory.location-count": "2",
	"orders.changes-where": "inventory", "orders.changes-sync": "status-notes", "orders.partial-shipments": "per-item",
	"orders.partial-cancel": "inventory", "inventory.available-meaning": "available",
	"inventory.locations": "several-total", "customers.match-key": "customer-number",
	"returns.refund-sync": "automatic",
	"payments.methods":    "cards,wallets,terms", "payments.offline-payments": "terms-or-transfer",
	"operations.orders-per-day": "50-500", "operations.peak-orders": "1500", "operations.sku-count": "1000-10000",
	"operations.failure-alerts": "immediate", "operations.history": "products,customers,open-orders",
	"b2b.accounts": "one-login", "b2b.credit": "inventory-hold", "b2b.invoices-online": "no", "inventory.shared-stock": "yes",
	"operations.log-retention": "90-days", "returns.location": "origin", "tax.exempt": "yes",
	"operations.go-live": "phased",
})

// midStandard: the mid-market shop with answers a connector app covers
// as standard: one master per kind of data, price levels with the retail
// prices, no account terms.
var midStandard = merge(midMarket, map[string]string{
	"project.name": "Mid-market standard", "master.customers": "store", "master.sales-orders": "store",
	"master.price-levels": "with-retail", "payments.methods": "cards,wallets", "customers.match-key": "email",
	"b2b.credit": "none", "tax.exempt": "no", "returns.location": "one",
})

// large: a B2B-heavy Magento and NetSuite business: more than 5,000 orders a
// day, more than 100,000 SKUs, six locations shipping per location, two
// stores, three currencies and three companies, orders changed in both
// systems, captures at shipment from NetSuite, a tax service.
var large = merge(midMarket, map[string]string{
	"project.name": "Large", "project.store": "Magento", "project.inventory": "NetSuite",
	"project.channels": "web-retail,web-b2b,phone-email,marketplaces,edi",
	"project.several":  "stores,currencies,companies", "project.stores": "2", "project.currencies": "3", "project.companies": "3",
	"master.customers": "split", "master.sales-taxes": "third", "master.payment-tokens": "third",
	"master.catalog-freshness": "minutes", "inventory.count-freshness": "minutes",
	"orders.offline-upload": "yes", "orders.changes-where": "both", "orders.changes-sync": "full",
	"orders.partial-cancel": "either", "orders.quotes": "inventory-accept-online",
	"inventory.locations": "several-per-location", "inventory.location-count": "6", "inventory.available-meaning": "atp-buffer",
	"inventory.bundles": "virtual", "customers.offline-account": "yes", "customers.offline-details": "all",
	"customers.sales-reps": "all-orders", "returns.entered-where": "both", "returns.refunds-where": "inventory",
	"payments.capture-timing": "at-shipment", "payments.auth-web-settle-inventory": "yes", "payments.auth-expiry": "reauthorise",
	"payments.methods": "cards,wallets,terms,bank-transfer", "payments.offline-payments": "saved-card",
	"operations.orders-per-day": "over-5000", "operations.peak-orders": "40000", "operations.sku-count": "over-100000",
	"operations.history": "products,customers,open-orders,order-history", "operations.sandbox": "both",
	"b2b.accounts": "company-buyers", "inventory.buffer-units": "2", "operations.history-months": "24",
	"payments.partial-capture": "yes", "payments.multi-capture": "no", "payments.split-capture": "last-shipment",
	"project.currency-prices": "price-lists",
	"project.store-scope":     "own-range", "tax.commit": "inventory",
})

func merge(base, over map[string]string) map[string]string {
	out := maps.Clone(base)
	maps.Copy(out, over)
	return out
}

func defaultBank(t testing.TB) *checklist.Bank {
	t.Helper()
	bank, err := checklist.Default()
	if err != nil {
		t.Fatal(err)
	}
	return bank
}

// specOf builds a spec from answers; multi-select values are comma-separated.
func specOf(t testing.TB, bank *checklist.Bank, answers map[string]string) *spec.Spec {
	t.Helper()
	return spectest.New(t, bank, answers)
}

// with is answers with some changed.
func with(answers map[string]string, kv ...string) map[string]string {
	out := maps.Clone(answers)
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}
