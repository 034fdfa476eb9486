package checklist

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// bank_gen.go must be generated from the embedded YAML as it is now; editing
// the YAML without `go generate ./checklist` still works (Default parses the
// YAML) but gives up the fast start, so it fails here.
func TestGeneratedBankIsCurrent(t *testing.T) {
	if got := defaultYAMLHash(); got != generatedHash {
		t.Fatalf("checklist/bank_gen.go is stale: run go generate ./checklist")
	}
	parsed, err := Parse("checklist/"+DefaultFile, defaultYAML)
	if err != nil {
		t.Fatal(err)
	}
	generated, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ignore := cmp.Options{
		cmpopts.IgnoreUnexported(Bank{}, Option{}),
		cmpopts.IgnoreFields(Section{}, "Line"), cmpopts.IgnoreFields(Question{}, "Line", "Section"),
		cmpopts.IgnoreFields(Option{}, "Line"), cmpopts.IgnoreFields(Condition{}, "Line"), cmpopts.IgnoreFields(Finding{}, "Line"),
		cmpopts.IgnoreFields(Sentence{}, "Line"), cmpopts.IgnoreFields(Scenario{}, "Line"),
		cmpopts.IgnoreFields(WorkPackage{}, "Line"), cmpopts.IgnoreFields(WorkItem{}, "Line"), cmpopts.IgnoreFields(EstimateModel{}, "Line"),
		cmpopts.IgnoreFields(Approach{}, "Line"), cmpopts.IgnoreFields(Driver{}, "Line"), cmpopts.IgnoreFields(Phase{}, "Line"),
		cmpopts.IgnoreFields(Size{}, "Line"), cmpopts.IgnoreFields(RunningCost{}, "Line"), cmpopts.IgnoreFields(Remark{}, "Line"), cmpopts.IgnoreFields(NoWork{}, "Line"), cmpopts.IgnoreFields(DriverGroup{}, "Line"), cmpopts.IgnoreFields(Schedule{}, "Line"), cmpopts.IgnoreFields(PhaseOne{}, "Line"),
		cmpopts.EquateEmpty(),
	}
	if diff := cmp.Diff(parsed, generated, ignore); diff != "" {
		t.Errorf("the generated bank differs from the parsed one (-parsed +generated):\n%s", diff)
	}
	for _, q := range generated.Questions() {
		if q.Section == nil || q.Number == 0 || generated.Question(q.ID) != q {
			t.Fatalf("%s is not linked", q.ID)
		}
	}
}
