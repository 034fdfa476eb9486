package check

import (
	"slices"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
	"github.com/integ-dev/integ/internal/spectest"
)

// channelSpec answers retail web orders and phone orders: each key is a
// question ID, or ID@CHANNEL for one channel's own answer.
func channelSpec(t *testing.T, bank *checklist.Bank, a given) *spec.Spec {
	t.Helper()
	s := specWith(t, bank, given{"project.channels": "web-retail,phone-email"}, nil)
	spectest.Answer(t, bank, s, a)
	return s
}

func find(fs []Finding, id string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.ID == id {
			out = append(out, f)
		}
	}
	return out
}

func TestFindingsPerChannel(t *testing.T) {
	bank, _ := checklist.Default()

	// Capture at shipment for retail only: the finding is retail's.
	s := channelSpec(t, bank, given{"payments.capture-timing@web-retail": "at-shipment", "payments.capture-timing@phone-email": "at-order"})
	got := find(Run(bank, s), "authorisation-expiry")
	if len(got) != 1 || !slices.Equal(got[0].Channels, []string{"web-retail"}) {
		t.Fatalf("capture at shipment for retail only: %+v; want one finding for web-retail", got)
	}
	if want := "Web retail only: Cards are charged at shipment"; got[0].Message[:len(want)] != want {
		t.Errorf("message %q does not start with %q", got[0].Message, want)
	}

	// Holding in every channel's view, it is reported once, for everyone.
	s.Put("payments.capture-timing@phone-email", spec.Answer{Values: []string{"at-shipment"}})
	got = find(Run(bank, s), "authorisation-expiry")
	if len(got) != 1 || got[0].Channels != nil {
		t.Errorf("capture at shipment for every channel: %+v; want one finding without channels", got)
	}

	// Never from a mix: retail refunds in the store and sends them on; where
	// phone orders are refunded is not decided yet. Read together, "refunded
	// in the store" and "nothing sent" would raise "refunds not shared".
	s = channelSpec(t, bank, given{
		"returns.refunds-where@web-retail": "store", "returns.refund-sync@web-retail": "automatic",
		"returns.refunds-where@phone-email": "undecided", "returns.refund-sync@phone-email": "none",
	})
	if got := find(Run(bank, s), "refunds-not-shared"); len(got) != 0 {
		t.Errorf("a finding from two channels' answers mixed: %+v", got)
	}
	s.Put("returns.refunds-where@phone-email", spec.Answer{Values: []string{"inventory"}})
	if got := find(Run(bank, s), "refunds-not-shared"); len(got) != 1 || !slices.Equal(got[0].Channels, []string{"phone-email"}) {
		t.Errorf("phone orders refunded from the inventory system, nothing sent: %+v; want the finding for phone-email", got)
	}
}

func TestMissingNotePerChannel(t *testing.T) {
	bank, _ := checklist.Default()
	s := channelSpec(t, bank, given{"returns.refunds-where": "store", "returns.refunds-where@phone-email": "gateway"})
	got := find(Run(bank, s), "missing-note.returns.refunds-where")
	if len(got) != 1 || !slices.Equal(got[0].Channels, []string{"phone-email"}) {
		t.Fatalf("a note asked for by phone orders' answer: %+v; want one finding for phone-email", got)
	}
	if want := "Add the note: integ set --note returns.refunds-where@phone-email="; got[0].Advice[:len(want)] != want {
		t.Errorf("advice %q; want it to name the channel's answer", got[0].Advice)
	}
}

// A rule about web orders is not raised by another channel's answers: phone
// orders on account are entered in the inventory system, so the web's
// "transfer once paid" does not strand them; trade web orders on account,
// transferred once paid, are stranded, and that is raised for their channel.
func TestWebRulesStayWithWebChannels(t *testing.T) {
	bank, _ := checklist.Default()
	s := specWith(t, bank, given{"project.channels": "web-retail,web-b2b,phone-email", "b2b.accounts": "company-buyers", "orders.transfer-trigger": "on-paid"}, nil)
	spectest.Answer(t, bank, s, map[string]string{
		"payments.methods": "cards", "payments.methods@web-b2b": "cards,terms", "payments.methods@phone-email": "terms",
		"orders.transfer-trigger@web-b2b": "on-placed",
	})
	if got := find(Run(bank, s), "terms-orders-never-paid"); len(got) != 0 {
		t.Errorf("raised by the phone channel's answers: %+v", got)
	}
	s.Put("orders.transfer-trigger@web-b2b", spec.Answer{Values: []string{"on-paid"}})
	if got := find(Run(bank, s), "terms-orders-never-paid"); len(got) != 1 || !slices.Equal(got[0].Channels, []string{"web-b2b"}) {
		t.Errorf("trade web orders on account, transferred once paid: %+v; want the finding for web-b2b", got)
	}
}
