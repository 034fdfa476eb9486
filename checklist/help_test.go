package checklist

import (
	"regexp"
	"strings"
	"testing"
)

// Where a help text recommends an answer by its name ("Neither", "Only in
// {inventory}", "Updated by hand in both systems"), that answer exists: a
// manager must be able to give the answer the help suggests.
func TestRecommendedAnswersExist(t *testing.T) {
	bank, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	quoted := regexp.MustCompile(`"([A-Z{][^"]*)"`)
	recommended := map[string][]string{
		"master.product-images":     {"{store}", "Neither"},
		"master.product-categories": {"Neither"},
		"master.vendors-costs":      {"Only in {inventory}"},
		"master.customers":          {"Split"},
		"master.sales-orders":       {"Split"},
		"master.purchase-orders":    {"Only in {inventory}"},
		"master.payment-tokens":     {"Neither"},
		"master.setup-freshness":    {"Updated by hand in both systems"},
	}
	for id, answers := range recommended {
		q := bank.Question(id)
		if q == nil {
			t.Errorf("%s is not in the bank", id)
			continue
		}
		var inHelp []string
		for _, m := range quoted.FindAllStringSubmatch(q.Help, -1) {
			inHelp = append(inHelp, m[1])
		}
		for _, want := range answers {
			found := false
			for _, o := range q.Options {
				found = found || strings.HasPrefix(o.Label, want)
			}
			if !found {
				t.Errorf("%s: the help recommends %q, but no answer is labelled so", id, want)
			}
			if !strings.Contains(strings.Join(inHelp, "\n"), want) {
				t.Errorf("%s: the help no longer names %q; update this test", id, want)
			}
		}
	}
}
