package brief

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
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

var requirementIDRE = regexp.MustCompile(`REQ-[A-Z]+-\d+(?:\.\d+)?[a-z]?`)

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
