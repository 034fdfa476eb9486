package cli

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

func TestWrap(t *testing.T) {
	plain := newStyles(&strings.Builder{}, true, false)
	text := "Returns are entered in Odoo but Shopify is not told, so customers see their order as delivered in full."
	tests := []struct {
		width       int
		first, rest string
		want        string
	}{
		{0, "• ", "  ", "• " + text},
		{40, "• ", "  ", "• Returns are entered in Odoo but\n  Shopify is not told, so customers see\n  their order as delivered in full."},
		{30, "  → ", "    ", "  → Returns are entered in\n    Odoo but Shopify is not\n    told, so customers see\n    their order as delivered\n    in full."},
		// However narrow, lines hold whole words.
		{10, "", "", "Returns\nare\nentered in\nOdoo but\nShopify is\nnot told,\nso\ncustomers\nsee their\norder as\ndelivered\nin full."},
	}
	for _, tt := range tests {
		plain.width = tt.width
		got := plain.wrap(text, tt.first, tt.rest)
		if got != tt.want {
			t.Errorf("width %d:\n got %q\nwant %q", tt.width, got, tt.want)
		}
		for _, line := range strings.Split(got, "\n") {
			if tt.width > 0 && lipgloss.Width(line) > tt.width {
				t.Errorf("width %d: line %q is %d wide", tt.width, line, lipgloss.Width(line))
			}
		}
	}
}

// At a terminal, integ check's findings wrap between words at its width;
// piped, each stays on one line for grep.
func TestCheckWrapsAtTheTerminalWidth(t *testing.T) {
	s, out, _ := fakeStreams("", map[string]string{"NO_COLOR": "1"})
	s.OutTTY, s.OutWidth = true, 60
	if code := Run([]string{"check", "--spec", example}, s); code != 0 {
		t.Fatalf("exit %d", code)
	}
	piped, _, _ := run(t, nil, "check", "--spec", example)
	if strings.Join(strings.Fields(out.String()), " ") != strings.Join(strings.Fields(piped), " ") {
		t.Errorf("wrapping changed the words:\n%s", out.String())
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if lipgloss.Width(line) > 60 {
			t.Errorf("line wider than the terminal: %q", line)
		}
	}
	for _, want := range []string{
		"• Returns are entered in Odoo, which creates the credit\n  memo, while",
		"  (credited-twice: returns.refunds-where,\n  returns.credit-memos, returns.entered-where)",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("continuation lines are not indented under their first line: no %q in\n%s", want, out.String())
		}
	}
}

// integ diff wraps the same way: long prompts, values and requirement texts.
func TestDiffWrapsAtTheTerminalWidth(t *testing.T) {
	s, out, _ := fakeStreams("", map[string]string{"NO_COLOR": "1"})
	s.OutTTY, s.OutWidth = true, 70
	Run([]string{"diff", example, exampleV2}, s)
	piped, _, _ := run(t, nil, "diff", example, exampleV2)
	if strings.Join(strings.Fields(out.String()), " ") != strings.Join(strings.Fields(piped), " ") {
		t.Errorf("wrapping changed the words:\n%s", out.String())
	}
	lines := strings.Split(out.String(), "\n")
	for _, line := range lines[2:] { // the first line names the two files, however long their paths
		if lipgloss.Width(line) > 70 {
			t.Errorf("line wider than the terminal: %q", line)
		}
	}
	if !strings.Contains(out.String(), "\n    was: Shopify shall be the master of product images: changes are\n         made in Shopify only") {
		t.Errorf("a changed requirement is not wrapped under was:\n%s", out.String())
	}
}
