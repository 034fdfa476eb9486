package brief

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/check"
	"github.com/integ-dev/integ/internal/estimate"
	"github.com/integ-dev/integ/internal/spec"
	"github.com/integ-dev/integ/internal/testutil"
)

// The worked example whose answers differ by sales channel: a coffee roaster
// on WooCommerce and Cin7 Core, with web retail and wholesale orders taken
// by phone and e-mail.
const channelExamplePath = "../../checklist/examples/coffee-roaster.yaml"

func loadChannelExample(t testing.TB) (*checklist.Bank, *spec.Spec) {
	return loadExampleAt(t, channelExamplePath)
}

func TestChannelExampleGolden(t *testing.T) {
	bank, s := loadChannelExample(t)
	b := Build(bank, s, now)
	testutil.Golden(t, "coffee-roaster.md", []byte(render(t, b)))
	var js bytes.Buffer
	if err := WriteJSON(&js, b); err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, "coffee-roaster.json", js.Bytes())
}

// requirement returns the requirement with the given ID, or nil.
func requirement(b *Brief, id string) *Requirement {
	for _, g := range b.Requirements {
		for i := range g.Requirements {
			if g.Requirements[i].ID == id {
				return &g.Requirements[i]
			}
		}
	}
	return nil
}

// uploadedWholesale is the channel example with its wholesale orders
// uploaded to the store: the phone channel's orders then cross the
// integration, and its own answers count.
func uploadedWholesale(t testing.TB) (*checklist.Bank, *spec.Spec) {
	bank, s := loadChannelExample(t)
	s.Put("orders.offline-upload", spec.Answer{Values: []string{"yes"}})
	return bank, s
}

// What differs by channel is stated per channel, under IDs with the channel,
// and what is the same for both is stated once: read as the integrator reads it.
func TestChannelExampleStatesEachChannel(t *testing.T) {
	bank, s := uploadedWholesale(t)
	b := Build(bank, s, now)

	for id, want := range map[string]string{
		"REQ-CUS-03.web-retail":  "Web retail only: Customers shall be matched between WooCommerce and Cin7 Core by e-mail address",
		"REQ-CUS-03.phone-email": "Phone/e-mail only: Every WooCommerce customer account shall carry the Cin7 Core customer number",
		"REQ-RET-02.web-retail":  "Web retail only: Refunds shall be issued in WooCommerce",
		"REQ-RET-02.phone-email": "Phone/e-mail only: Returns from customers on account shall not be refunded in money",
		"REQ-ACC-01.phone-email": "Phone/e-mail only: Each order shall become a sales order in Cin7 Core",
		// A follow-up asked only because retail captures at shipment is
		// retail's: one wording, so the bank's ID, scoped to retail.
		"REQ-PAY-08": "Web retail only: An order whose authorisation has expired shall be held",
		// The same for both channels: stated once, under the bank's ID.
		"REQ-ORD-03b": "The integration shall never create a second order with the same WooCommerce order number",
	} {
		r := requirement(b, id)
		if r == nil || !strings.HasPrefix(r.Text, want) {
			t.Errorf("%s: %+v; want text starting %q", id, r, want)
		}
	}
	for _, id := range []string{"REQ-CUS-03", "REQ-ORD-03b.web-retail", "REQ-PAY-08.web-retail", "REQ-PAY-08.phone-email"} {
		if requirement(b, id) != nil {
			t.Errorf("%s is in the brief", id)
		}
	}
	if r := requirement(b, "REQ-CUS-03.phone-email"); r.Channel != "phone-email" || r.ChannelTitle != "Phone/e-mail" || !strings.Contains(r.Note, "café group") {
		t.Errorf("REQ-CUS-03.phone-email: %+v; want the channel and its own note", r)
	}

	// Findings hold per channel; none comes from a mix of the two.
	channels := map[string][]string{}
	for _, f := range b.Findings {
		channels[f.ID] = f.Channels
	}
	for id, want := range map[string][]string{
		"credited-twice": {"web-retail"}, // refunded in the store; wholesale is credited on account
	} {
		if got, ok := channels[id]; !ok || !slices.Equal(got, want) {
			t.Errorf("finding %s: channels %v (raised: %v); want %v", id, got, ok, want)
		}
	}
	// Retail's subscriptions and capture at shipment, but renewals are
	// charged when created (review 2, K1): not charged at shipment.
	if _, ok := channels["subscriptions-charged-at-shipment"]; ok {
		t.Error("subscriptions-charged-at-shipment is raised, though renewals are charged when they are created")
	}

	var perChannel []string
	for _, g := range b.Scenarios {
		for _, sc := range g.Scenarios {
			if len(sc.Channels) > 0 {
				perChannel = append(perChannel, sc.ID)
			}
			for _, c := range sc.Checks {
				if requirement(b, c) == nil {
					t.Errorf("%s checks %s, which is not in the brief", sc.ID, c)
				}
			}
		}
	}
	for _, id := range []string{"AT-CUS-03.web-retail", "AT-CUS-03.phone-email", "AT-RET-02", "AT-SUB-01"} {
		if !slices.Contains(perChannel, id) {
			t.Errorf("no scenario %s (per-channel scenarios: %v)", id, perChannel)
		}
	}
	if b.Summary.ChannelRequirements == 0 || b.Summary.ChannelScenarios != len(perChannel) {
		t.Errorf("summary counts %d requirements and %d scenarios per channel; the brief has %d scenarios", b.Summary.ChannelRequirements, b.Summary.ChannelScenarios, len(perChannel))
	}

	// Still open for one channel only: wholesale's capture timing.
	var open *OpenDecision
	for i := range b.OpenDecisions {
		if b.OpenDecisions[i].QuestionID == "payments.capture-timing" {
			open = &b.OpenDecisions[i]
		}
	}
	if open == nil || !slices.Equal(open.Channels, []string{"phone-email"}) || open.ForChannels != "Phone/e-mail" {
		t.Errorf("open decision on capture timing: %+v; want it for phone orders only", open)
	}

	// The diagram says which data moves for one channel only.
	var data []string
	for _, f := range b.Flows {
		data = append(data, f.Data...)
	}
	if !slices.Contains(data, "return requests (Web retail only)") || !slices.Contains(data, "web orders") {
		t.Errorf("flows %q; want retail's return requests marked, and web orders not", data)
	}

	// The budget prices the rules chosen by channel.
	if p := b.Budget.Package("WP-CUS"); p == nil || !slices.ContainsFunc(p.Items, func(it estimate.Item) bool { return it.Title == "The customer-matching rule chosen by sales channel" }) {
		t.Errorf("the customers package does not price matching customers by channel: %+v", p)
	}
}

// The reason for channel views: read as if every channel's answer held for
// everyone (the union of the two), the example raises "refunds not shared"
// (retail refunds in the store, wholesale sends nothing), which no channel
// has: retail sends its refunds on, and wholesale refunds nothing in money.
func TestMixedViewsWouldMislead(t *testing.T) {
	bank, s := loadChannelExample(t)
	union := spec.New("union.yaml", bank)
	for id, a := range s.Answers {
		values := slices.Clone(a.Values)
		for _, own := range a.Channels {
			for _, v := range own.Values {
				if !slices.Contains(values, v) {
					values = append(values, v)
				}
			}
		}
		retail := a.For("web-retail")
		union.Set(id, spec.Answer{Values: values, System: retail.System, Note: retail.Note})
	}
	raised := func(fs []check.Finding) []string {
		var ids []string
		for _, f := range fs {
			ids = append(ids, f.ID)
		}
		return ids
	}
	mixed, views := raised(check.Run(bank, union)), raised(check.Run(bank, s))
	if !slices.Contains(mixed, "refunds-not-shared") {
		t.Fatalf("the union of the answers raises %v; this test needs a finding only the mix raises", mixed)
	}
	if slices.Contains(views, "refunds-not-shared") {
		t.Errorf("per channel, the example raises %v, with a finding from the mix", views)
	}
}

// A system question answered differently per channel has a row per channel
// in the ownership matrix.
func TestMatrixRowPerChannel(t *testing.T) {
	bank, s := uploadedWholesale(t)
	s.Put("master.product-prices@phone-email", spec.Answer{Values: []string{"inventory-only"}})
	s.Put("master.product-prices@web-retail", spec.Answer{Values: []string{"store"}})
	var rows []MatrixRow
	for _, r := range Build(bank, s, now).Matrix {
		if r.QuestionID == "master.product-prices" {
			rows = append(rows, r)
		}
	}
	if len(rows) != 2 || rows[0].Entity != "Retail prices (Web retail)" || rows[0].Master != "WooCommerce" ||
		rows[1].Entity != "Retail prices (Phone/e-mail)" || rows[1].Channel != "phone-email" {
		t.Errorf("rows %+v; want one per channel, retail first", rows)
	}
}

// Building the brief of a spec whose answers differ by channel reads every
// question in each channel's view: compare with the worked example whose
// answers are the same for every channel.
func BenchmarkBuildWorkedExamples(b *testing.B) {
	for name, path := range map[string]string{"one-view": examplePath, "per-channel": channelExamplePath} {
		b.Run(name, func(b *testing.B) {
			bank, s := loadExampleAt(b, path)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				Build(bank, s, now)
			}
		})
	}
}

// Review 1, 3.2/3.3 and follow-up 13: questions about orders placed on the
// store (when a web order is transferred, guest checkout, paying at the
// store's checkout) say nothing for the channels that never order there.
// Northwind's trade answers differ by channel; its phone and EDI orders are
// entered in NetSuite, so no "web order", guest or checkout text may be
// stated for them.
func TestWebOnlyAnswersAreNotStatedForOtherChannels(t *testing.T) {
	_, _, b := loadWorked(t, "northwind-b2b.yaml")
	webOnly := map[string]bool{"orders.transfer-trigger": true, "customers.guest-orders": true}
	offWeb := func(channel string) bool { return channel == "phone-email" || channel == "edi" }
	for _, g := range b.Requirements {
		for _, r := range g.Requirements {
			// Uploading phone orders is about them: it keeps them apart from web orders.
			if !slices.ContainsFunc(r.Channels, offWeb) || r.QuestionID == "orders.offline-upload" {
				continue
			}
			if webOnly[r.QuestionID] || strings.Contains(r.Text, "web order") || strings.Contains(r.Text, "check out") {
				t.Errorf("%s states a web-only answer for a channel that does not order on the store: %s", r.ID, r.Text)
			}
		}
	}
	for _, g := range b.Scenarios {
		for _, sc := range g.Scenarios {
			if !slices.ContainsFunc(sc.Channels, offWeb) {
				continue
			}
			if text := sc.Given + " " + sc.When + " " + sc.Then; webOnly[sc.QuestionID] || strings.Contains(text, "web order") || strings.Contains(text, "guest") ||
				strings.Contains(text, "in Adobe Commerce, _then_") || strings.Contains(sc.When, "on account in Adobe Commerce") {
				t.Errorf("%s tests a web-only answer for a channel that does not order on the store: %s / %s / %s", sc.ID, sc.Given, sc.When, sc.Then)
			}
		}
	}
	// The web channels keep theirs.
	for id, want := range map[string]string{"REQ-ORD-01": "Web B2B only: ", "REQ-ORD-01a": "Web retail only: "} {
		if r := requirement(b, id); r == nil || !strings.HasPrefix(r.Text, want) {
			t.Errorf("%s: %+v; want text starting %q", id, r, want)
		}
	}
}

// stripScope is a requirement's or scenario's text after its channel
// prefix ("Web retail only: "), as the integrator compares two of them.
func stripScope(text, title string) string {
	if title == "" {
		return text
	}
	return strings.TrimPrefix(text, title+" only: ")
}

// What is worded alike in every channel where it holds is stated once:
// no two requirements and no two scenarios of a brief read the same after
// their channel prefix (an integrator reads twins as double scope), every
// requirement a scenario checks is in the brief, and coverage counts each
// requirement once.
func TestNoChannelTwins(t *testing.T) {
	for _, file := range []string{"northwind-b2b.yaml", "coffee-roaster.yaml"} {
		t.Run(file, func(t *testing.T) {
			_, _, b := loadWorked(t, file)
			seen := map[string]string{}
			ids := map[string]bool{}
			total := 0
			for _, g := range b.Requirements {
				for _, r := range g.Requirements {
					total++
					ids[r.ID] = true
					key := r.QuestionID + "\x00" + stripScope(r.Text, r.ChannelTitle)
					if other, ok := seen[key]; ok {
						t.Errorf("%s and %s state the same requirement: %s", other, r.ID, r.Text)
					}
					seen[key] = r.ID
				}
			}
			seen = map[string]string{}
			checked := map[string]bool{}
			for _, g := range b.Scenarios {
				for _, sc := range g.Scenarios {
					key := sc.QuestionID + "\x00" + sc.Given + "\x00" + sc.When + "\x00" + sc.Then
					if other, ok := seen[key]; ok {
						t.Errorf("%s and %s are the same scenario: given %s", other, sc.ID, sc.Given)
					}
					seen[key] = sc.ID
					for _, id := range sc.Checks {
						if !ids[id] {
							t.Errorf("%s checks %s, which is not a requirement of the brief", sc.ID, id)
						}
						checked[id] = true
					}
				}
			}
			covered := 0
			for id := range ids {
				if checked[id] {
					covered++
				}
			}
			if b.Coverage.Requirements != total || b.Coverage.Covered != covered || len(b.Coverage.Uncovered) != total-covered {
				t.Errorf("coverage %d of %d (%d uncovered), counted from the brief %d of %d",
					b.Coverage.Covered, b.Coverage.Requirements, len(b.Coverage.Uncovered), covered, total)
			}
			// A channel in an ID tells apart wordings that differ by
			// channel: one wording alone keeps the bank's ID.
			for _, g := range b.Requirements {
				for _, r := range g.Requirements {
					if r.Channel == "" {
						continue
					}
					base := strings.TrimSuffix(r.ID, "."+r.Channel)
					if ids[base] {
						continue
					}
					alone := true
					for id := range ids {
						if id != r.ID && strings.HasPrefix(id, base+".") {
							alone = false
						}
					}
					if alone {
						t.Errorf("%s carries its channel though no other channel words %s differently", r.ID, base)
					}
				}
			}
			if b.Summary.Requirements != total {
				t.Errorf("summary counts %d requirements, the brief states %d", b.Summary.Requirements, total)
			}
		})
	}
}

// How each wording of a requirement is named: one wording keeps the bank's
// ID (scoped when not every channel has it); several wordings are told
// apart by their channels, the first one shared by several keeping the
// bank's ID.
func TestStatementsNameEachWording(t *testing.T) {
	f := func(ch string) found[string] { return found[string]{id: "REQ-X-01", channel: ch} }
	for _, tc := range []struct {
		name  string
		ws    [][]found[string]
		views int
		want  []stated
	}{
		{"every channel alike", [][]found[string]{{f("a"), f("b")}}, 2, []stated{{id: "REQ-X-01"}}},
		{"one channel of two", [][]found[string]{{f("a")}}, 2, []stated{{id: "REQ-X-01", channels: []string{"a"}}}},
		{"two channels of three alike", [][]found[string]{{f("a"), f("c")}}, 3, []stated{{id: "REQ-X-01", channels: []string{"a", "c"}}}},
		{"worded per channel", [][]found[string]{{f("a")}, {f("b")}}, 2, []stated{
			{id: "REQ-X-01.a", channel: "a", channels: []string{"a"}}, {id: "REQ-X-01.b", channel: "b", channels: []string{"b"}}}},
		{"several shared wordings", [][]found[string]{{f("a"), f("b")}, {f("c")}, {f("d"), f("e")}}, 5, []stated{
			{id: "REQ-X-01", channels: []string{"a", "b"}}, {id: "REQ-X-01.c", channel: "c", channels: []string{"c"}}, {id: "REQ-X-01.d+e", channels: []string{"d", "e"}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := statements(tc.ws, tc.views)
			if len(got) != len(tc.want) {
				t.Fatalf("got %+v; want %+v", got, tc.want)
			}
			for i := range got {
				if got[i].id != tc.want[i].id || got[i].channel != tc.want[i].channel || !slices.Equal(got[i].channels, tc.want[i].channels) {
					t.Errorf("wording %d: got %+v; want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// Review 2, K2: the coffee roaster's wholesale orders are taken by phone and
// keyed into Cin7 Core, and never uploaded to WooCommerce, so they never
// cross the integration. None of the phone channel's own answers (customer
// numbers, terms, credit on account, invoices) may reach the brief as a
// requirement, scenario, finding, flow or priced item; what is left is the
// web channel's, stated plainly. Stock still counts every channel: the stock
// requirements are those of the brief where wholesale orders do cross.
func TestChannelThatDoesNotCrossStatesNothingOfItsOwn(t *testing.T) {
	bank, s := loadChannelExample(t)
	b := Build(bank, s, now)
	for _, g := range b.Requirements {
		for _, r := range g.Requirements {
			if len(r.Channels) > 0 || r.Channel != "" || strings.Contains(r.Text, "Phone/e-mail") {
				t.Errorf("%s is stated per channel, though only web retail's orders cross: %s", r.ID, r.Text)
			}
		}
	}
	for _, g := range b.Scenarios {
		for _, sc := range g.Scenarios {
			if len(sc.Channels) > 0 {
				t.Errorf("%s is a scenario of channels %v, though only web retail's orders cross", sc.ID, sc.Channels)
			}
		}
	}
	for _, f := range b.Findings {
		if len(f.Channels) > 0 || strings.Contains(f.Message, " only: ") {
			t.Errorf("finding %s is scoped to %v: %s", f.ID, f.Channels, f.Message)
		}
	}
	for id, want := range map[string]string{
		"REQ-CUS-03": "Customers shall be matched between WooCommerce and Cin7 Core by e-mail address",
		"REQ-ORD-04": "Orders entered in Cin7 Core shall stay in Cin7 Core",
	} {
		if r := requirement(b, id); r == nil || !strings.HasPrefix(r.Text, want) {
			t.Errorf("%s: %+v; want text starting %q", id, r, want)
		}
	}
	for _, f := range b.Flows {
		for _, d := range f.Data {
			if strings.Contains(d, "Phone/e-mail") {
				t.Errorf("the diagram carries %q for phone orders that never cross", d)
			}
		}
	}
	for _, p := range b.Budget.Packages {
		for _, it := range p.Items {
			if strings.Contains(it.Title, "by sales channel") || strings.Contains(it.Title, "customer number") || strings.Contains(it.Title, "Account terms") {
				t.Errorf("%s prices %q for the phone channel, whose orders never cross", p.ID, it.Title)
			}
		}
	}
	stock := func(b *Brief) []Requirement {
		for _, g := range b.Requirements {
			if g.SectionID == "inventory" {
				return g.Requirements
			}
		}
		return nil
	}
	_, up := uploadedWholesale(t)
	if kept, crossing := stock(b), stock(Build(bank, up, now)); len(kept) == 0 || !slices.EqualFunc(kept, crossing, func(x, y Requirement) bool { return x.ID == y.ID && x.Text == y.Text }) {
		t.Errorf("stock requirements with wholesale kept in Cin7 Core:\n%+v\nwith it uploaded:\n%+v", kept, crossing)
	}
}
