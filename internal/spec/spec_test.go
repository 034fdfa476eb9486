package spec

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/integ-dev/integ/checklist"
)

var now = time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)

func bank(t testing.TB) *checklist.Bank {
	t.Helper()
	b, err := bankOrErr()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func bankOrErr() (*checklist.Bank, error) { return checklist.Default() }

func write(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func sample(t *testing.T, b *checklist.Bank) *Spec {
	s := New(filepath.Join(t.TempDir(), "integration-spec.yaml"), b)
	s.Set("project.name", Answer{Values: []string{"Acme Outdoor"}})
	s.Set("project.store", Answer{Values: []string{"Shopify"}})
	s.Set("project.inventory", Answer{Values: []string{"Odoo"}})
	s.Set("master.product-names", Answer{Values: []string{"inventory"}, Note: "Buyers create products in Odoo."})
	s.Set("master.sales-taxes", Answer{Values: []string{"third"}, System: "Avalara AvaTax", Note: "Both systems ask it for tax."})
	s.Set("payments.methods", Answer{Values: []string{"cards", "wallets"}})
	s.Set("budget.hourly-rate", Answer{Values: []string{"95.5"}})
	// Hidden: inventory.live-counts is unanswered, so this follow-up is not asked.
	s.Set("inventory.count-freshness", Answer{Values: []string{"minutes"}})
	s.SectionNotes["orders"] = "Wholesale orders come by EDI.\nThey are out of scope."
	return s
}

func TestRoundTrip(t *testing.T) {
	b := bank(t)
	s := sample(t, b)
	wrote, err := s.Save(b, now)
	if err != nil || !wrote {
		t.Fatalf("save: wrote=%v err=%v", wrote, err)
	}
	first, _ := os.ReadFile(s.Path)
	again, err := Load(s.Path, b)
	if err != nil {
		t.Fatal(err)
	}
	opts := cmpopts.IgnoreUnexported(Spec{})
	if diff := cmp.Diff(s, again, opts, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("load(save(s)) differs (-saved +loaded):\n%s", diff)
	}
	for _, want := range []string{
		"# Which system is the master for product names?\n  master.product-names:\n    value: inventory # Odoo\n    note: Buyers create products in Odoo.",
		"# What is your online store built on?\n  project.store:\n    value: Shopify",
		"payments.methods:\n    value: [cards, wallets]",
		"master.sales-taxes:\n    value: third # A tax service (Avalara, TaxJar, Vertex…) that each system asks\n    system: Avalara AvaTax\n    note: Both systems ask it for tax.",
		"(not asked with the current answers; kept in case they change back)\n  inventory.count-freshness:",
		"hourly-rate:\n    value: 95.5\n",
		"orders: |-\n    Wholesale orders come by EDI.",
		"updated: \"2026-11-27T09:30:00Z\"",
	} {
		if !strings.Contains(string(first), want) {
			t.Errorf("saved spec lacks %q:\n%s", want, first)
		}
	}
	// Project facts and budget come first.
	if strings.Index(string(first), "budget.hourly-rate") > strings.Index(string(first), "master.product-names") {
		t.Error("budget settings should come before the other answers")
	}
	// Saving again without a change writes nothing, not even a new timestamp.
	wrote, err = again.Save(b, now.Add(time.Hour))
	if err != nil || wrote {
		t.Fatalf("unchanged save: wrote=%v err=%v", wrote, err)
	}
	second, _ := os.ReadFile(s.Path)
	if string(first) != string(second) {
		t.Error("an unchanged spec was rewritten")
	}
}

func TestHandFormattedSpecWithoutChangesIsLeftAlone(t *testing.T) {
	b := bank(t)
	src := "version: 1\nanswers:\n  project.store: Shopify   # shorthand\n  master.product-names: {value: inventory}\n"
	path := write(t, "spec.yaml", src)
	s, err := Load(path, b)
	if err != nil {
		t.Fatal(err)
	}
	if wrote, err := s.Save(b, now); wrote || err != nil {
		t.Fatalf("wrote=%v err=%v", wrote, err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != src {
		t.Errorf("file changed:\n%s", got)
	}
}

func TestUnknownIDsAreKeptWithAWarning(t *testing.T) {
	b := bank(t)
	path := write(t, "spec.yaml", "version: 1\nanswers:\n  legacy.edi:\n    value: x12\n    note: keep me\n  project.store:\n    value: Shopify\n")
	s, err := Load(path, b)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings) != 1 || !strings.Contains(s.Warnings[0], `spec.yaml:3: "legacy.edi" is not a question in this checklist`) {
		t.Errorf("warnings: %q", s.Warnings)
	}
	s.Set("project.inventory", Answer{Values: []string{"Odoo"}})
	if _, err := s.Save(b, now); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if !strings.Contains(string(got), "legacy.edi:\n    value: x12\n    note: keep me") {
		t.Errorf("unknown answer not kept:\n%s", got)
	}
}

func TestLoadErrors(t *testing.T) {
	b := bank(t)
	tests := []struct{ name, content, want string }{
		{"empty", "", "spec.yaml: is empty"},
		{"broken yaml", "version: 1\nanswers:\n  a: b\n c: d\n", "spec.yaml:3: did not find expected key"},
		{"tabs", "version: 1\nanswers:\n\tproject.name: x\n", "spec.yaml:3: found character that cannot start any token (YAML does not allow tabs"},
		{"list for a map", "- version: 1\n", "spec.yaml:1: must be a mapping with version, checklist, updated and answers, not a list"},
		{"answers is a list", "version: 1\nanswers:\n  - a\n", "spec.yaml:3: answers must map question IDs to answers, not a list"},
		{"wrong type", "version: 1\nanswers:\n  master.product-names:\n    value: [store, inventory]\n", "spec.yaml:4: answer to master.product-names must be one value, not a list"},
		{"number expected", "version: 1\nanswers:\n  budget.hourly-rate:\n    value: cheap\n", `spec.yaml:4: budget.hourly-rate takes a number (or undecided), not "cheap"`},
		{"outside the options", "version: 1\nanswers:\n  master.product-names:\n    value: excel\n", `spec.yaml:4: "excel" is not an answer to master.product-names (allowed: store, inventory, third, split, store-only, inventory-only, not-needed, undecided)`},
		{"newer version", "version: 99\nanswers: {}\n", "spec.yaml:1: was written by a newer integ (spec version 99); this build understands version 1"},
		{"missing version", "answers: {}\n", `spec.yaml:1: has no version; add "version: 1"`},
		{"duplicate keys", "version: 1\nversion: 1\n", `spec.yaml:2: mapping key "version" already defined at line 1`},
		{"binary", "\x00\x01\x02version", "spec.yaml: is not a text file"},
		{"unknown top-level key", "version: 1\nclient: Acme\n", `spec.yaml:2: unknown key "client"`},
		{"unknown answer key", "version: 1\nanswers:\n  master.sales-taxes:\n    value: third\n    vendor: Avalara\n", `spec.yaml:5: answer to master.sales-taxes has unknown key "vendor" (use value, system and note)`},
		{"system on two lines", "version: 1\nanswers:\n  master.sales-taxes:\n    value: third\n    system: |\n      Avalara\n      AvaTax\n", `spec.yaml:5: master.sales-taxes: the system's name is a short name on one line; put the rest in the note`},
		{"system not text", "version: 1\nanswers:\n  master.sales-taxes:\n    value: third\n    system: [Avalara]\n", `spec.yaml:5: the system on master.sales-taxes must be text, not a list`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := write(t, "spec.yaml", tt.content)
			_, err := Load(path, b)
			if err == nil {
				t.Fatal("no error")
			}
			got := strings.TrimPrefix(err.Error(), filepath.Dir(path)+"/")
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("got  %s\nwant %s…", got, tt.want)
			}
			if strings.Contains(got, "\n") {
				t.Errorf("a load error is one line: %q", got)
			}
		})
	}
	t.Run("directory", func(t *testing.T) {
		_, err := Load(t.TempDir(), b)
		if err == nil || !strings.Contains(err.Error(), "is a folder") {
			t.Errorf("got %v", err)
		}
	})
	t.Run("dangling symlink", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "spec.yaml")
		os.Symlink("/nonexistent/target.yaml", path)
		_, err := Load(path, b)
		if err == nil || !strings.Contains(err.Error(), "is a link to /nonexistent/target.yaml, which does not exist") {
			t.Errorf("got %v", err)
		}
	})
}

func TestFailedSaveLeavesOldFile(t *testing.T) {
	b := bank(t)
	s := sample(t, b)
	if _, err := s.Save(b, now); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(s.Path)
	// fsutil's own tests cover a write failing half-way; here, Save must go
	// through it and pass its failure on.
	s.writeFile = func(path string, data []byte, perm fs.FileMode) error {
		return errors.New("no space left on device")
	}
	s.Set("project.name", Answer{Values: []string{"Changed"}})
	if _, err := s.Save(b, now); err == nil {
		t.Fatal("a failing write reported success")
	}
	after, _ := os.ReadFile(s.Path)
	if string(before) != string(after) {
		t.Error("a failed save changed the file")
	}
}

func TestSaveIntoReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write into a read-only folder")
	}
	b := bank(t)
	s := sample(t, b)
	if _, err := s.Save(b, now); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(s.Path)
	dir := filepath.Dir(s.Path)
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	s.Set("project.name", Answer{Values: []string{"Changed"}})
	if _, err := s.Save(b, now); err == nil {
		t.Fatal("save into a read-only folder succeeded")
	}
	after, _ := os.ReadFile(s.Path)
	if string(before) != string(after) {
		t.Error("a failed save changed the file")
	}
}

func TestSaveKeepsMode(t *testing.T) {
	b := bank(t)
	s := sample(t, b)
	s.Save(b, now)
	os.Chmod(s.Path, 0o600)
	s.Set("project.name", Answer{Values: []string{"Changed"}})
	if _, err := s.Save(b, now); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(s.Path)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
}

// Two runs that loaded the same file and changed the same answer differently:
// the later save keeps its own answer and records the other under
// conflicts:, which a load reads back and Merged reports. Nothing is lost.
func TestSameAnswerChangedTwiceKeepsBoth(t *testing.T) {
	b := bank(t)
	s := sample(t, b)
	s.Save(b, now)
	mine, _ := Load(s.Path, b)
	theirs, _ := Load(s.Path, b)
	theirs.Set("project.name", Answer{Values: []string{"Their name"}})
	theirs.Set("project.store", Answer{Values: []string{"Shopify Plus"}})
	if _, err := theirs.Save(b, now); err != nil {
		t.Fatal(err)
	}
	mine.Set("project.name", Answer{Values: []string{"My name"}, Note: "mine"})
	if wrote, err := mine.Save(b, now); err != nil || !wrote {
		t.Fatalf("wrote %v, %v", wrote, err)
	}
	if len(mine.Merged) != 1 || mine.Merged[0].ID != "project.name" || mine.Merged[0].Theirs.Value() != "Their name" {
		t.Errorf("Merged = %+v", mine.Merged)
	}
	back, err := Load(s.Path, b)
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Answers["project.name"]; got.Value() != "My name" || got.Note != "mine" {
		t.Errorf("project.name = %+v, want this run's answer", got)
	}
	if got := back.Conflicts["project.name"]; got.Value() != "Their name" {
		t.Errorf("the other answer is not recorded: conflicts = %+v", back.Conflicts)
	}
	if got := back.Answers["project.store"].Value(); got != "Shopify Plus" {
		t.Errorf("their other change was lost: project.store = %q", got)
	}
	if _, err := os.Stat(s.Path + ".mine"); err == nil {
		t.Error("a .mine file was written although the file merged")
	}
}

// A file that someone turned into one integ cannot load is never overwritten:
// this run's answers go beside it, and an existing .mine is never replaced.
func TestUnreadableFileOnDiskIsLeftAlone(t *testing.T) {
	b := bank(t)
	s := sample(t, b)
	s.Save(b, now)
	os.Chmod(s.Path, 0o640)
	broken := []byte("version: 1\nanswers: [this is not\n")
	for i, wantMine := range []string{s.Path + ".mine", s.Path + ".mine.1"} {
		mine, err := Load(s.Path, b)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(s.Path, broken, 0o640)
		mine.Set("project.name", Answer{Values: []string{fmt.Sprintf("Mine %d", i)}})
		_, err = mine.Save(b, now)
		var conflict *ConflictError
		if !errors.As(err, &conflict) || conflict.Mine != wantMine {
			t.Fatalf("save %d: %v, want a ConflictError naming %s", i, err, wantMine)
		}
		if onDisk, _ := os.ReadFile(s.Path); string(onDisk) != string(broken) {
			t.Errorf("save %d overwrote a file it could not read", i)
		}
		data, err := os.ReadFile(wantMine)
		if err != nil || !strings.Contains(string(data), fmt.Sprintf("Mine %d", i)) {
			t.Errorf("save %d: this run's answers are not in %s: %v", i, wantMine, err)
		}
		if info, _ := os.Stat(wantMine); info.Mode().Perm() != 0o640 {
			t.Errorf("%s has mode %v, want the spec's 0640", wantMine, info.Mode().Perm())
		}
		os.WriteFile(s.Path, []byte("version: 1\n"), 0o640)
		s.Save(b, now)
	}
	first, _ := os.ReadFile(s.Path + ".mine")
	if !strings.Contains(string(first), "Mine 0") {
		t.Error("the first .mine was replaced by the second")
	}
}

// A spec deleted while integ ran is not silently recreated.
func TestDeletedFileOnDiskGoesToMine(t *testing.T) {
	b := bank(t)
	s := sample(t, b)
	s.Save(b, now)
	os.Remove(s.Path)
	s.Set("project.name", Answer{Values: []string{"After the delete"}})
	_, err := s.Save(b, now)
	var conflict *ConflictError
	if !errors.As(err, &conflict) || !strings.Contains(err.Error(), "was deleted while integ was running") {
		t.Fatalf("got %v", err)
	}
	if _, err := os.Stat(s.Path); err == nil {
		t.Error("the deleted spec was recreated")
	}
}

// Save never writes what a load would refuse, whoever put it into the spec.
func TestSaveRefusesWhatLoadWouldRefuse(t *testing.T) {
	b := bank(t)
	s := sample(t, b)
	s.Save(b, now)
	before, _ := os.ReadFile(s.Path)
	for _, a := range []struct {
		id string
		a  Answer
	}{
		{"project.store", Answer{Values: []string{"Shop\x1b]0;pwned\x07"}}},
		{"project.name", Answer{Values: []string{strings.Repeat("n", 300)}}},
		{"budget.hourly-rate", Answer{Values: []string{"5e16"}}},
		{"project.name", Answer{Values: []string{"ok"}, Note: "bell\a"}},
	} {
		t.Run(a.id, func(t *testing.T) {
			s, _ := Load(s.Path, b)
			s.Set(a.id, a.a)
			if _, err := s.Save(b, now); err == nil || !strings.HasPrefix(err.Error(), "cannot save ") {
				t.Errorf("saved %+v: %v", a.a, err)
			}
			if after, _ := os.ReadFile(s.Path); string(after) != string(before) {
				t.Error("the file changed")
			}
		})
	}
}

func TestStatus(t *testing.T) {
	b := bank(t)
	s := sample(t, b)
	s.Set("inventory.live-counts", Answer{Values: []string{"undecided"}})
	inv := b.Section("inventory")
	c := s.Progress(inv)
	// live-counts undecided; count-freshness, available-meaning, buffer-units,
	// location-count, pos-system and shared-stock hidden; locations, bundles
	// and out-of-stock open.
	want := Counts{Answered: 0, Undecided: 1, Open: 3, Hidden: 6}
	if c != want {
		t.Errorf("got %+v, want %+v", c, want)
	}
	s.Set("inventory.live-counts", Answer{Values: []string{"yes"}})
	if got := s.StatusOf(b.Question("inventory.count-freshness")); got != Answered {
		t.Errorf("the kept answer counts once its question is asked again: %v", got)
	}
}

func BenchmarkLoadExampleSpec(b *testing.B) {
	bk := bank(b)
	for i := 0; i < b.N; i++ {
		if _, err := Load("../../checklist/examples/acme-outdoor.yaml", bk); err != nil {
			b.Fatal(err)
		}
	}
}

// Names and notes in any script are saved as typed, emoji too, and load
// back unchanged. Before, the spec held "\U0001F6D2" for 🛒 and a note with
// an emoji became one double-quoted line of escapes.
func TestScriptsAreSavedAsTyped(t *testing.T) {
	b := bank(t)
	s := New(filepath.Join(t.TempDir(), "integration-spec.yaml"), b)
	typed := map[string]string{
		"project.name":        "Épicerie Ökolager 🛒",
		"project.store":       "Магазин",
		"project.inventory":   "库存系统",
		"project.prepared-by": "مريم من المالية 👩‍💼",
	}
	for id, v := range typed {
		s.Set(id, Answer{Values: []string{v}})
	}
	s.Set("master.product-names", Answer{Values: []string{"inventory"}, Note: "Товары 📦 создаются в 库存系统.\nالمنتجات الجديدة 🚚"})
	s.SectionNotes["orders"] = "طلبات الجملة 📦 по EDI"
	if _, err := s.Save(b, now); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(s.Path)
	text := string(data)
	for _, want := range []string{"value: Épicerie Ökolager 🛒", "value: Магазин", "value: 库存系统", "value: مريم من المالية 👩‍💼",
		"note: |-\n      Товары 📦 создаются в 库存系统.\n      المنتجات الجديدة 🚚", "orders: طلبات الجملة 📦 по EDI"} {
		if !strings.Contains(text, want) {
			t.Errorf("the spec lacks %q as typed:\n%s", want, text)
		}
	}
	if strings.Contains(text, `\U`) {
		t.Errorf("the spec escapes text:\n%s", text)
	}
	again, err := Load(s.Path, b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s, again, cmpopts.IgnoreUnexported(Spec{}), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("load(save(s)) differs (-saved +loaded):\n%s", diff)
	}
}
