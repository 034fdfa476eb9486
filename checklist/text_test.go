package checklist

import "testing"

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
