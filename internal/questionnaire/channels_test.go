package questionnaire

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/integ-dev/integ/internal/spec"
)

// With several sales channels chosen, a question that may differ by channel
// is asked for all channels and for each chosen channel on its own; what a
// colleague ticks for one channel comes back under ID@CHANNEL.
func TestChannelAnswersOutAndBack(t *testing.T) {
	bank, s := setup(t)
	s.Set("project.channels", spec.Answer{Values: []string{"phone-email", "web-retail"}})
	s.Put("payments.capture-timing@phone-email", spec.Answer{Values: []string{"at-order"}, Note: "Reps take the card on the phone."})

	md := write(t, Markdown, bank, s, "payments")
	for _, want := range []string{
		`sent {"id":"payments.capture-timing@phone-email","value":["at-order"],"note":"Reps take the card on the phone."}`,
		" (Web retail) When cards are charged\n\n`payments.capture-timing@web-retail` · Web retail only; leave it empty where the answer for all channels applies · tick one\n",
		"`payments.capture-timing@phone-email` · Phone/e-mail only; leave it empty where the answer for all channels applies · tick one\n\n- [x] When the order is placed\n- [ ] When the order (or each part of it) ships\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("questionnaire lacks %q", want)
		}
	}
	if strings.Contains(md, "`payments.offline-payments@") {
		t.Error("a question that does not differ by channel is asked per channel")
	}
	if f := read(t, "q.md", md, bank, s); len(changed(f)) != 0 {
		t.Errorf("untouched: changes %v", changed(f))
	}
	i := strings.Index(md, "`payments.capture-timing@web-retail`")
	md = md[:i] + strings.Replace(md[i:], "- [ ] When the order is placed", "- [x] When the order is placed", 1)
	want := map[string]Entry{"payments.capture-timing@web-retail": {ID: "payments.capture-timing@web-retail", Value: "at-order"}}
	if diff := cmp.Diff(want, changed(read(t, "q.md", md, bank, s))); diff != "" {
		t.Errorf("Markdown changes (-want +got):\n%s", diff)
	}

	csvText := write(t, CSV, bank, s, "payments")
	if !strings.Contains(csvText, `payments.capture-timing@phone-email,"Are credit cards charged and settled when the order is placed, or when it ships? (Phone/e-mail only; leave it empty where the answer for all channels applies)"`) {
		t.Errorf("CSV lacks the phone orders' row:\n%s", csvText)
	}
	edited := spreadsheet(t, csvText, ';', true, map[string]map[string]string{"payments.capture-timing@web-retail": {"answer": "at-order"}})
	if diff := cmp.Diff(want, changed(read(t, "q.csv", edited, bank, s))); diff != "" {
		t.Errorf("CSV changes (-want +got):\n%s", diff)
	}

	// A channel the bank does not know, or on a question that cannot differ, is refused.
	bad := strings.Replace(md, "`payments.capture-timing@web-retail`", "`payments.capture-timing@wholesale`", 1)
	bad = strings.Replace(bad, "`payments.offline-payments`", "`payments.offline-payments@web-retail`", 1)
	_, err := Read("bad.md", []byte(bad), bank, s.Names(bank))
	if err == nil || !strings.Contains(err.Error(), `"payments.capture-timing@wholesale": payments.capture-timing has no answer of its own for a channel "wholesale"`) ||
		!strings.Contains(err.Error(), `"payments.offline-payments@web-retail": payments.offline-payments has no answer of its own`) {
		t.Errorf("unknown channels: %v", err)
	}
}
