package brief

import (
	"bytes"
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/estimate"
	"github.com/integ-dev/integ/internal/spec"
	"github.com/integ-dev/integ/internal/testutil"
	"github.com/integ-dev/integ/templates"
)

const examplePath = "../../checklist/examples/acme-outdoor.yaml"

var now = time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)

func loadExample(t testing.TB) (*checklist.Bank, *spec.Spec) { return loadExampleAt(t, examplePath) }

// loadExampleAt loads a worked example's spec with the built-in bank.
func loadExampleAt(t testing.TB, path string) (*checklist.Bank, *spec.Spec) {
	t.Helper()
	bank, err := checklist.Default()
	if err != nil {
		t.Fatal(err)
	}
	s, err := spec.Load(path, bank)
	if err != nil {
		t.Fatal(err)
	}
	return bank, s
}

func render(t testing.TB, b *Brief) string {
	t.Helper()
	tmpl, err := ParseTemplate(templates.BriefName, templates.Brief())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, b, tmpl); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestExampleGolden(t *testing.T) {
	bank, s := loadExample(t)
	b := Build(bank, s, now)
	testutil.Golden(t, "example.md", []byte(render(t, b)))
	var js bytes.Buffer
	if err := WriteJSON(&js, b); err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, "example.json", js.Bytes())
}

// The JSON totals are what an integrator scripts against: they must add up,
// computed from the JSON itself, and the Markdown must show the same figures.
func TestJSONTotalsAddUp(t *testing.T) {
	bank, s := loadExample(t)
	var js bytes.Buffer
	if err := WriteJSON(&js, Build(bank, s, now)); err != nil {
		t.Fatal(err)
	}
	type money struct {
		Hours int     `json:"hours"`
		Cost  float64 `json:"cost"`
	}
	type points struct {
		O int     `json:"optimistic_hours"`
		M int     `json:"likely_hours"`
		P int     `json:"pessimistic_hours"`
		E int     `json:"expected_hours"`
		C float64 `json:"expected_cost"`
	}
	var doc struct {
		Budget struct {
			HourlyRate float64 `json:"hourly_rate"`
			Percent    float64 `json:"contingency_percent"`
			Growth     float64 `json:"growth_percent"`
			Packages   []struct {
				points
				Phase string `json:"phase"`
			} `json:"packages"`
			Phases []struct {
				points
				ID string `json:"id"`
			} `json:"phases"`
			Expected, Contingency, Planned money
			RiskBuffer                     struct {
				Expected int `json:"expected_hours"`
				Low      int `json:"low_hours"`
				High     int `json:"high_hours"`
				Spread   int `json:"spread_hours"`
				Items    []struct {
					Expected int `json:"expected_hours"`
				} `json:"items"`
			} `json:"risk_buffer"`
			Total struct {
				Low      int     `json:"low_hours"`
				High     int     `json:"high_hours"`
				LowCost  float64 `json:"low_cost"`
				HighCost float64 `json:"high_cost"`
			} `json:"total"`
		} `json:"budget"`
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	bud := doc.Budget
	cost := func(h int) float64 { return math.Round(float64(h)*bud.HourlyRate*100) / 100 }
	perPhase := map[string]int{}
	for _, p := range bud.Packages {
		if p.E != int(math.Round(float64(p.O+4*p.M+p.P)/6)) || p.C != cost(p.E) {
			t.Errorf("a package's expected %d h (%v) is not (O + 4M + P) / 6 of %d, %d, %d at the rate", p.E, p.C, p.O, p.M, p.P)
		}
		perPhase[p.Phase] += p.E
	}
	sum := 0
	for _, ph := range bud.Phases {
		if ph.ID == "build" && ph.E != perPhase["build"] {
			t.Errorf("build phase %d h, its packages %d h", ph.E, perPhase["build"])
		}
		sum += ph.E
	}
	buffer := 0
	for _, r := range bud.RiskBuffer.Items {
		buffer += r.Expected
	}
	contingency := int(math.Ceil(float64(bud.Expected.Hours+buffer) * bud.Percent / 100))
	switch {
	case sum != bud.Expected.Hours:
		t.Errorf("phases add up to %d h, expected %d h", sum, bud.Expected.Hours)
	case buffer != bud.RiskBuffer.Expected:
		t.Errorf("open decisions add up to %d h, the buffer says %d h", buffer, bud.RiskBuffer.Expected)
	case bud.Contingency.Hours != contingency:
		t.Errorf("contingency %d h, want %v %% of %d h = %d h", bud.Contingency.Hours, bud.Percent, bud.Expected.Hours+buffer, contingency)
	case bud.Planned.Hours != bud.Expected.Hours+buffer+bud.Contingency.Hours:
		t.Errorf("planned %d h is not expected + buffer + contingency", bud.Planned.Hours)
	case bud.Total.Low != bud.Expected.Hours+max(bud.RiskBuffer.Low, buffer-bud.RiskBuffer.Spread) ||
		bud.Total.High != max(int(math.Ceil(float64(bud.Expected.Hours)*(1+bud.Growth/100)-1e-9))+min(bud.RiskBuffer.High, buffer+bud.RiskBuffer.Spread), bud.Planned.Hours):
		t.Errorf("range %d–%d h is not expected + buffer ± spread, the decided work grown by %v %% at the top", bud.Total.Low, bud.Total.High, bud.Growth)
	case bud.Planned.Cost != cost(bud.Planned.Hours) || bud.Total.LowCost != cost(bud.Total.Low) || bud.Total.HighCost != cost(bud.Total.High):
		t.Errorf("money is not hours × rate %v", bud.HourlyRate)
	}
	// The Markdown shows the same figures.
	md := render(t, Build(bank, s, now))
	for _, want := range []string{
		"| **Expected, decided work** | | 100 % | **" + itoa(bud.Expected.Hours) + "** |",
		"| **Planned** | | | **" + itoa(bud.Planned.Hours) + "** | **" + estimate.FormatMoney(bud.Planned.Cost) + "** |",
		"planning range " + itoa(bud.Total.Low) + "–" + itoa(bud.Total.High) + " hours",
		estimate.FormatMoney(bud.Total.LowCost) + "–" + estimate.FormatMoney(bud.Total.HighCost),
		"**A planning range, not a quote.**",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
}

func itoa(n int) string { return estimate.FormatHours(n) }

func requirementIDs(b *Brief) map[string]string {
	ids := map[string]string{}
	for _, g := range b.Requirements {
		for _, r := range g.Requirements {
			ids[r.ID] = r.QuestionID
		}
	}
	return ids
}

// Changing one answer must not renumber any other requirement.
func TestRequirementIDsAreStable(t *testing.T) {
	bank, s := loadExample(t)
	before := requirementIDs(Build(bank, s, now))
	for _, change := range []struct{ id, value string }{
		{"orders.offline-upload", "no"},       // removes a flow
		{"master.product-names", "undecided"}, // removes a requirement early in the bank
		{"inventory.bundles", "virtual"},      // adds one
		{"payments.methods", "cards"},         // a multi-select loses options
		{"inventory.live-counts", "no"},       // hides two follow-ups
		{"master.sales-orders", "inventory"},  // changes an option
	} {
		_, s := loadExample(t)
		s.Set(change.id, spec.Answer{Values: []string{change.value}})
		after := requirementIDs(Build(bank, s, now))
		for id, q := range after {
			if prev, ok := before[id]; ok && prev != q {
				t.Errorf("%s=%s: %s now belongs to %s, was %s", change.id, change.value, id, q, prev)
			}
		}
		for id, q := range before {
			hidden := bank.Question(q).When != nil && !bank.Question(q).When.Holds(s)
			if _, ok := after[id]; !ok && q != change.id && !hidden && !conditional(bank.Question(q)) {
				t.Errorf("%s=%s removed %s, which belongs to %s", change.id, change.value, id, q)
			}
		}
	}
}

// conditional reports whether some requirement sentence of q applies only
// under a condition on other answers, and so may come and go with them.
func conditional(q *checklist.Question) bool {
	for _, o := range q.Options {
		for _, r := range o.Requires {
			if r.If != nil {
				return true
			}
		}
	}
	return false
}

func TestHostileTextIsEscaped(t *testing.T) {
	bank, s := loadExample(t)
	hostile := "a | b `code` <script>alert(1)</script>\nsecond line [x](javascript:alert(1)) & more"
	s.Set("project.name", spec.Answer{Values: []string{"Acme | <b>Outdoor</b>"}})
	a := s.Answers["master.product-names"]
	a.Note = hostile
	s.Set("master.product-names", a)
	s.Set("master.sales-taxes", spec.Answer{Values: []string{"third"}, System: `Tax "Engine" <x> | y`})
	s.SectionNotes["orders"] = "line one | pipe\n<img src=x onerror=alert(1)>"
	md := render(t, Build(bank, s, now))
	for _, bad := range []string{"<script>", "<b>", "<img", "`code`", "[x](javascript"} {
		if unescapedAt(md, bad) >= 0 {
			t.Errorf("the brief contains %q unescaped", bad)
		}
	}
	for _, line := range strings.Split(md, "\n") {
		if strings.Contains(line, "Buyers") || !strings.HasPrefix(line, "| Product names |") {
			continue
		}
		// A table row keeps its six cells: escaped pipes do not split it.
		cells := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|")
		if cells != 7 {
			t.Errorf("the matrix row has %d separators, want 7: %s", cells, line)
		}
		if !strings.Contains(line, `a \| b \`+"`code\\`"+` \<script>alert(1)\</script>`) || !strings.Contains(line, "<br>second line") {
			t.Errorf("the note is not escaped as expected: %s", line)
		}
	}
	if !strings.Contains(md, `third1["Tax #quot;Engine#quot; #lt;x#gt; | y"]`) {
		t.Error("the third system's name is not escaped inside the Mermaid label")
	}
	if !strings.Contains(md, "> line one \\| pipe\n> \\<img src=x onerror=alert(1)>") {
		t.Error("the section note is not kept inside its block quote")
	}
}

// unescapedAt is the index of the first s in md that no backslash escapes
// (an odd run of backslashes before it), or -1.
func unescapedAt(md, s string) int {
	for i := strings.Index(md, s); i >= 0; {
		if slashes := len(md[:i]) - len(strings.TrimRight(md[:i], `\`)); slashes%2 == 0 {
			return i
		}
		j := strings.Index(md[i+1:], s)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return -1
}

func TestTemplateErrorsNameFileAndLine(t *testing.T) {
	bank, s := loadExample(t)
	if _, err := ParseTemplate("my.tmpl", "line one\n{{ nosuchfunc }}\n"); err == nil || err.Error() != `my.tmpl:2: function "nosuchfunc" not defined` {
		t.Errorf("parse error: %v", err)
	}
	tmpl, err := ParseTemplate("my.tmpl", "ok\n\n{{ .Project.Nmae }}\n")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	err = WriteMarkdown(&buf, Build(bank, s, now), tmpl)
	if err == nil || !strings.HasPrefix(err.Error(), "my.tmpl:3: ") || !strings.Contains(err.Error(), "Nmae") {
		t.Errorf("execute error: %v", err)
	}
}

func TestEmptySpecRenders(t *testing.T) {
	bank, _ := loadExample(t)
	s := spec.New(filepath.Join(t.TempDir(), "s.yaml"), bank)
	md := render(t, Build(bank, s, now))
	for _, want := range []string{"# Untitled integration", "No requirements yet", "No data flows are decided yet", "the online store"} {
		if !strings.Contains(md, want) {
			t.Errorf("an empty spec's brief lacks %q", want)
		}
	}
}

func BenchmarkBriefExample(b *testing.B) {
	bank, s := loadExample(b)
	tmpl, _ := ParseTemplate(templates.BriefName, templates.Brief())
	b.Run("markdown", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			WriteMarkdown(&bytes.Buffer{}, Build(bank, s, now), tmpl)
		}
	})
	b.Run("json", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			WriteJSON(&bytes.Buffer{}, Build(bank, s, now))
		}
	})
}

// A note is never read as a system's name: the name is the answer's own
// short field (system:), and the note stays whole beside it.
func TestNoteIsNeverASystemName(t *testing.T) {
	bank, s := loadExample(t)
	s.Set("master.sales-taxes", spec.Answer{Values: []string{"third"}, Note: "Avalara AvaTax\nOur accountant keeps the nexus list."})
	b := Build(bank, s, now)
	md := render(t, b)
	for _, bad := range []string{"| Avalara AvaTax |", `third1["Avalara AvaTax"]`, "Avalara AvaTax shall"} {
		if strings.Contains(md, bad) {
			t.Errorf("the note's first line is used as a name: %q", bad)
		}
	}
	if !strings.Contains(md, checklist.Unnamed) || !strings.Contains(md, "Avalara AvaTax<br>Our accountant keeps the nexus list.") {
		t.Error("an unnamed third system is not called unnamed, or its note is not kept whole")
	}
	s.Set("master.sales-taxes", spec.Answer{Values: []string{"third"}, System: "Avalara AvaTax", Note: "Our accountant keeps the nexus list."})
	md = render(t, Build(bank, s, now))
	if !strings.Contains(md, "| Sales tax calculation | Avalara AvaTax |") || !strings.Contains(md, `third1["Avalara AvaTax"]`) {
		t.Error("the system's name is not used as its name")
	}
}

func TestFlowLabelReadsAsOneList(t *testing.T) {
	f := Flow{Data: []string{"Retail prices", "special price levels", "Product availability flags", "SKU mappings", "EDI orders", "Ölpreise"}, Freshness: "Within the hour"}
	want := "Retail prices, special price levels, product availability flags, SKU mappings, EDI orders, ölpreise (Within the hour)"
	if got := f.Label(); got != want {
		t.Errorf("label\n got %q\nwant %q", got, want)
	}
}

// Every heading has a blank line before it and after it, whatever is empty:
// some Markdown viewers run a heading that touches a list into the list.
func TestHeadingsStandApart(t *testing.T) {
	bank, example := loadExample(t)
	empty := spec.New(filepath.Join(t.TempDir(), "s.yaml"), bank)
	for name, s := range map[string]*spec.Spec{"example": example, "empty": empty} {
		lines := strings.Split(render(t, Build(bank, s, now)), "\n")
		inCode := false
		for i, line := range lines {
			if strings.HasPrefix(line, "```") {
				inCode = !inCode
			}
			if inCode || !strings.HasPrefix(line, "#") {
				continue
			}
			if i > 0 && lines[i-1] != "" || i+1 < len(lines) && lines[i+1] != "" {
				t.Errorf("%s brief, line %d: heading %q is not set apart by blank lines", name, i+1, line)
			}
		}
	}
}

// Only the project's facts (its name, the systems' names, who prepared it)
// stay out of the open decisions; an undecided build approach is the first
// decision an integrator asks about.
func TestProjectDecisionsAreOpenDecisions(t *testing.T) {
	bank, s := loadExample(t)
	s.Set("project.approach", spec.Answer{Values: []string{checklist.Undecided}})
	s.Set("project.prepared-by", spec.Answer{})
	s.Set("project.several", spec.Answer{Values: []string{"currencies"}})
	s.Set("project.currencies", spec.Answer{})
	open := map[string]string{}
	for _, d := range Build(bank, s, now).OpenDecisions {
		open[d.QuestionID] = d.Status
	}
	if open["project.approach"] != "undecided" || open["project.currencies"] != "open" {
		t.Errorf("project decisions missing from the open decisions: %v", open)
	}
	if _, listed := open["project.prepared-by"]; listed {
		t.Error("a project fact (prepared by) is listed as an open decision")
	}
}
