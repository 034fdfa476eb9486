package spec

import (
	"math/rand"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/integ-dev/integ/checklist"
)

func answer(v string, note ...string) Answer {
	a := Answer{Values: checklist.SplitList(v)}
	if len(note) > 0 {
		a.Note = note[0]
	}
	return a
}

func specWith(answers map[string]Answer) *Spec {
	s := &Spec{Answers: map[string]Answer{}, SectionNotes: map[string]string{}, Conflicts: map[string]Answer{}, Asked: map[string][]Asked{}}
	for id, a := range answers {
		s.Set(id, a)
	}
	return s
}

func TestMergeAnswerByAnswer(t *testing.T) {
	base := specWith(map[string]Answer{
		"payments.capture-timing": answer("at-order"),
		"returns.entered-where":   answer("inventory"),
		"orders.shipment-emails":  answer("store"),
		"inventory.live-counts":   answer("yes", "hourly"),
		"master.product-names":    answer("inventory"),
		"master.product-prices":   answer("inventory"),
	})
	ours := specWith(map[string]Answer{
		"payments.capture-timing": answer("at-shipment"),         // only ours changed
		"returns.entered-where":   answer("inventory"),           // theirs changed
		"orders.shipment-emails":  answer("both"),                // both, the same way
		"inventory.live-counts":   answer("no", "hourly"),        // both, differently
		"master.product-prices":   answer("inventory"),           // theirs removed it
		"customers.accounts":      answer("undecided", "ask IT"), // only ours added
	})
	theirs := specWith(map[string]Answer{
		"payments.capture-timing": answer("at-order"),
		"returns.entered-where":   answer("store", "the shop counter"),
		"orders.shipment-emails":  answer("both"),
		"inventory.live-counts":   answer("yes", "every minute"),
		// master.product-names removed on both sides; master.product-prices removed here.
	})
	base.SectionNotes["orders"] = "EDI"
	ours.SectionNotes["orders"] = "EDI, out of scope"
	theirs.SectionNotes["orders"] = "EDI"
	theirs.SectionNotes["returns"] = "Ask Joe"
	ours.Updated = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	theirs.Updated = time.Date(2026, 11, 28, 8, 0, 0, 0, time.UTC)

	merged, conflicts := Merge(base, ours, theirs)
	want := map[string]Answer{
		"payments.capture-timing": answer("at-shipment"),
		"returns.entered-where":   answer("store", "the shop counter"),
		"orders.shipment-emails":  answer("both"),
		"inventory.live-counts":   answer("no", "hourly"),
		"customers.accounts":      answer("undecided", "ask IT"),
	}
	if diff := cmp.Diff(want, merged.Answers, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("answers (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]string{"orders": "EDI, out of scope", "returns": "Ask Joe"}, merged.SectionNotes); diff != "" {
		t.Errorf("section notes (-want +got):\n%s", diff)
	}
	wantConflicts := []Conflict{{ID: "inventory.live-counts", Base: answer("yes", "hourly"), Ours: answer("no", "hourly"), Theirs: answer("yes", "every minute")}}
	if diff := cmp.Diff(wantConflicts, conflicts, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("conflicts (-want +got):\n%s", diff)
	}
	if !merged.Updated.Equal(theirs.Updated) {
		t.Errorf("updated = %v, want the later %v", merged.Updated, theirs.Updated)
	}
	if ours.Answers["returns.entered-where"].Value() != "inventory" {
		t.Error("Merge changed ours")
	}
}

func TestMergeConflictOnRemovalAndNotes(t *testing.T) {
	base := specWith(map[string]Answer{"payments.capture-timing": answer("at-order")})
	ours := specWith(nil)
	theirs := specWith(map[string]Answer{"payments.capture-timing": answer("at-shipment")})
	base.SectionNotes["payments"] = "a"
	ours.SectionNotes["payments"] = "b"
	theirs.SectionNotes["payments"] = "c"
	merged, conflicts := Merge(base, ours, theirs)
	if _, ok := merged.Answers["payments.capture-timing"]; ok {
		t.Error("a conflict keeps ours, which removed the answer")
	}
	if len(conflicts) != 2 || conflicts[0].ID != "payments" || conflicts[0].Theirs.Note != "c" || conflicts[1].ID != "payments.capture-timing" {
		t.Errorf("conflicts = %+v", conflicts)
	}
	// No common ancestor: both added the same answer differently.
	_, conflicts = Merge(nil, specWith(map[string]Answer{"project.store": answer("Shopify")}), specWith(map[string]Answer{"project.store": answer("Shopify Plus")}))
	if len(conflicts) != 1 || conflicts[0].Base.Value() != "" {
		t.Errorf("without a base: conflicts = %+v", conflicts)
	}
}

func TestMergeAskedAndConflicts(t *testing.T) {
	base, ours, theirs := specWith(nil), specWith(nil), specWith(nil)
	base.Asked["payments"] = []Asked{{"Maria", "2026-11-01"}}
	ours.Asked["payments"] = []Asked{{"Maria", "2026-11-20"}, {"Ole", "2026-11-20"}}
	theirs.Asked["payments"] = []Asked{{"Maria", "2026-11-25"}}
	theirs.Asked["returns"] = []Asked{{"Joe", "2026-11-25"}}
	// A conflict resolved on our side stays resolved; one theirs recorded arrives.
	base.Conflicts["project.store"] = answer("Shopify Plus")
	theirs.Conflicts["project.store"] = answer("Shopify Plus")
	theirs.Conflicts["project.inventory"] = answer("Odoo 17")
	merged, conflicts := Merge(base, ours, theirs)
	want := map[string][]Asked{"payments": {{"Maria", "2026-11-25"}, {"Ole", "2026-11-20"}}, "returns": {{"Joe", "2026-11-25"}}}
	if diff := cmp.Diff(want, merged.Asked); diff != "" {
		t.Errorf("asked (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]Answer{"project.inventory": answer("Odoo 17")}, merged.Conflicts); diff != "" {
		t.Errorf("conflicts kept (-want +got):\n%s", diff)
	}
	if len(conflicts) != 0 {
		t.Errorf("nothing here is a new conflict: %+v", conflicts)
	}
}

// Properties over random versions: merging a side with itself, or with an
// unchanged base, gives that side; conflicts are symmetric.
func TestMergeProperties(t *testing.T) {
	ids := []string{"a.1", "a.2", "a.3", "b.1"}
	vals := []Answer{{}, answer("x"), answer("y"), answer("x", "n")}
	rnd := rand.New(rand.NewSource(1))
	random := func() *Spec {
		s := specWith(nil)
		for _, id := range ids {
			s.Set(id, vals[rnd.Intn(len(vals))])
		}
		return s
	}
	opt := cmpopts.EquateEmpty()
	for i := 0; i < 500; i++ {
		b, o, th := random(), random(), random()
		if m, c := Merge(b, o, o); len(c) != 0 || !cmp.Equal(m.Answers, o.Answers, opt) {
			t.Fatalf("Merge(b, o, o) != o: %v %v", m.Answers, c)
		}
		if m, c := Merge(b, b, th); len(c) != 0 || !cmp.Equal(m.Answers, th.Answers, opt) {
			t.Fatalf("Merge(b, b, t) != t")
		}
		if m, c := Merge(b, o, b); len(c) != 0 || !cmp.Equal(m.Answers, o.Answers, opt) {
			t.Fatalf("Merge(b, o, b) != o")
		}
		m1, c1 := Merge(b, o, th)
		m2, c2 := Merge(b, th, o)
		ids := func(cs []Conflict) (out []string) {
			for _, c := range cs {
				out = append(out, c.ID)
			}
			return out
		}
		if !cmp.Equal(ids(c1), ids(c2)) {
			t.Fatalf("conflicts are not symmetric: %v vs %v", ids(c1), ids(c2))
		}
		for id, a := range m1.Answers {
			if !cmp.Equal(a, m2.Answers[id], opt) && !contains(ids(c1), id) {
				t.Fatalf("%s merged differently from each side without a conflict", id)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestConflictsAndAskedRoundTrip(t *testing.T) {
	b := bank(t)
	s := sample(t, b)
	s.Conflicts["payments.methods"] = answer("cards,invoice", "B2B pays by invoice")
	s.Conflicts["master.product-names"] = Answer{}
	s.Conflicts["orders"] = Answer{Note: "their note"}
	s.Asked["payments"] = []Asked{{"Maria (finance)", "2026-11-27"}}
	if _, err := s.Save(b, now); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(s.Path)
	for _, want := range []string{
		"conflicts:\n  # Which system is the master for product names?\n  # (the other side removed this answer)\n  master.product-names: {}\n",
		"  orders:\n    note: their note\n",
		"  payments.methods:\n    value: [cards, invoice]\n    note: B2B pays by invoice\n",
		"asked:\n  payments:\n    - {who: Maria (finance), date: \"2026-11-27\"}\n",
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("saved spec lacks %q:\n%s", want, data)
		}
	}
	again, err := Load(s.Path, b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s.Conflicts, again.Conflicts, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("conflicts after load (-saved +loaded):\n%s", diff)
	}
	if diff := cmp.Diff(s.Asked, again.Asked); diff != "" {
		t.Errorf("asked after load (-saved +loaded):\n%s", diff)
	}
	// Resolving a conflict is a change that is saved.
	delete(again.Conflicts, "orders")
	if wrote, err := again.Save(b, now); !wrote || err != nil {
		t.Errorf("resolving a conflict: wrote=%v err=%v", wrote, err)
	}
}

func TestConflictsAndAskedLoadErrors(t *testing.T) {
	b := bank(t)
	for _, tc := range []struct{ body, want string }{
		{"conflicts: [a]\n", ":2: conflicts must map question IDs"},
		{"conflicts:\n  project.store: {colour: red}\n", `:3: the conflict on project.store has unknown key "colour"`},
		{"conflicts:\n  project.store: {value: [a, b]}\n", ":3: the conflict's value on project.store must be text, not a list"},
		{"asked:\n  payments: Maria\n", ":3: asked: payments must be a list of {who, date}"},
		{"asked:\n  payments:\n    - {who: Maria, date: next week}\n", `:4: asked: payments: date must be a day such as 2026-01-31, not "next week"`},
		{"asked:\n  payments:\n    - {date: 2026-11-27}\n", ":4: asked: payments: who was asked is missing"},
	} {
		path := write(t, "s.yaml", "version: 1\n"+tc.body)
		_, err := Load(path, b)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want %q", tc.body, err, tc.want)
		}
	}
}
