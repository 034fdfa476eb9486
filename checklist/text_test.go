package checklist

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestFill(t *testing.T) {
	n := Names{Store: "Shopify", Inventory: "Odoo"}
	tests := []struct{ in, want string }{
		{"{store} shall send to {inventory}.", "Shopify shall send to Odoo."},
		{"no placeholders", "no placeholders"},
		{"{third} is the master", "Avalara is the master"},
		{"keep {unknown} and { braces", "keep {unknown} and { braces"},
		{"unclosed {store", "unclosed {store"},
		{"{}", "{}"},
	}
	for _, tt := range tests {
		if got := n.Fill(tt.in, map[string]string{"third": "Avalara"}); got != tt.want {
			t.Errorf("Fill(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := (Names{Store: "the online store"}).Fill("{store} shall", nil); got != "The online store shall" {
		t.Errorf("a sentence starting with a default name is not capitalised: %q", got)
	}
}

// A sentence that starts with a name capitalises it by runes, in any
// language: slicing the first byte of "Ökolager" made invalid UTF-8, and
// integ set, export and the wizard panicked on it.
func TestFillNamesInAnyLanguage(t *testing.T) {
	tests := []struct{ store, want string }{
		{"Ökolager", "Ökolager shall"},
		{"ökolager", "Ökolager shall"},
		{"Épicerie Dupont", "Épicerie Dupont shall"},
		{"épicerie", "Épicerie shall"},
		{"Магазин", "Магазин shall"},
		{"магазин", "Магазин shall"},
		{"库存系统", "库存系统 shall"},
		{"متجر الإنترنت", "متجر الإنترنت shall"},
		{"🛒 Shop", "🛒 Shop shall"},
		{"eBay", "eBay shall"},             // a brand's own spelling stays
		{"iPad store", "iPad store shall"}, // so does a first word with a capital inside
		{"ǆungla", "ǅungla shall"},         // title case, not upper case, for digraphs
		{"", " shall"},
	}
	for _, tt := range tests {
		got := (Names{Store: tt.store}).Fill("{store} shall", nil)
		if got != tt.want || !utf8.ValidString(got) {
			t.Errorf("store %q: %q, want %q", tt.store, got, tt.want)
		}
	}
	for in, want := range map[string]string{"Product images": "product images", "SKU count": "SKU count", "A": "a", "Ökologie": "ökologie", "库存": "库存", "": ""} {
		if got := LowerFirst(in); got != want {
			t.Errorf("LowerFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzFill: whatever the names and the text, filling them in gives valid
// UTF-8, and a name whose first word has a capital appears as it was given.
func FuzzFill(f *testing.F) {
	for _, s := range []string{"Ökolager", "épicerie", "库存系统", "🛒", "eBay", "\xff", ""} {
		f.Add(s, "{store} shall send {inventory} to {third}.")
	}
	f.Fuzz(func(t *testing.T, name, text string) {
		if !utf8.ValidString(name) || !utf8.ValidString(text) {
			return
		}
		out := (Names{Store: name, Inventory: name}).Fill(text, map[string]string{"third": name})
		if !utf8.ValidString(out) {
			t.Fatalf("Fill(%q) with %q is not UTF-8: %q", text, name, out)
		}
		if word, _, _ := strings.Cut(name, " "); strings.IndexFunc(word, unicode.IsUpper) >= 0 && strings.Contains(text, "{store}") && !strings.Contains(out, name) {
			t.Fatalf("the name %q was changed: %q", name, out)
		}
	})
}

type recordedMap map[string]string

func (r recordedMap) Values(id string) []string {
	if v, ok := r[id]; ok {
		return []string{v}
	}
	return nil
}
func (recordedMap) Note(string) string   { return "" }
func (recordedMap) System(string) string { return "" }

// A filled-in text that already ends a sentence, in any script, takes the
// place of the template's own full stop: REQ-PRJ-05 read "… in front of the
// site.." (review 2, H6). Text that does not end a sentence keeps it, and so
// does a template that goes on with something else.
func TestFillDropsDoubledFullStop(t *testing.T) {
	bank, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ value, tmpl, want string }{
		{"Cloudflare in front of the site.", "{x}. The integrator", "Cloudflare in front of the site. The integrator"},
		{"Ask first!", "{x}.", "Ask first!"},
		{"Which plan?", "{x}.", "Which plan?"},
		{"and so on…", "{x}.", "and so on…"},
		{"库存系统。", "{x}.", "库存系统。"},
		{"在线商店吗？", "{x}.", "在线商店吗？"},
		{"ما هو المتجر؟", "{x}.", "ما هو المتجر؟"},
		{"दुकान।", "{x}.", "दुकान।"},
		{"it is called “the shop.”", "{x}.", "it is called “the shop.”"},
		{"Cloudflare in front of the site", "{x}. The integrator", "Cloudflare in front of the site. The integrator"},
		{"version 2.5", "{x}.", "version 2.5."},
		{"Acme Inc.", "{x}, which", "Acme Inc., which"},
		{"the site.", "{x}...", "the site...."},
		{"(see the site.)", "{x}.", "(see the site.)."},
	}
	for _, tt := range tests {
		byName := (Names{}).Fill(strings.ReplaceAll(tt.tmpl, "{x}", "{value}"), map[string]string{"value": tt.value})
		if byName != UpperFirst(tt.want) && byName != tt.want {
			t.Errorf("{value} = %q in %q: %q, want %q", tt.value, tt.tmpl, byName, tt.want)
		}
		ctx := Context{Bank: bank, Answers: recordedMap{"project.store": tt.value}}
		if got := ctx.Fill("Note: " + strings.ReplaceAll(tt.tmpl, "{x}", "{answer:project.store}")); got != "Note: "+tt.want {
			t.Errorf("{answer:} = %q in %q: %q, want %q", tt.value, tt.tmpl, got, "Note: "+tt.want)
		}
		ctx.Value = tt.value
		if got := ctx.Fill("Note: " + strings.ReplaceAll(tt.tmpl, "{x}", "{value}")); got != "Note: "+tt.want {
			t.Errorf("context {value} = %q in %q: %q, want %q", tt.value, tt.tmpl, got, "Note: "+tt.want)
		}
	}
}
