package checklist

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// A long system name is shortened by characters, never in the middle of one.
func TestSystemNameIsShortenedByCharacters(t *testing.T) {
	for _, name := range []string{strings.Repeat("Zürich Großhandel ", 6), strings.Repeat("ä", 61), strings.Repeat("x", 61)} {
		got := SystemName(name)
		if !utf8.ValidString(got) || utf8.RuneCountInString(got) != MaxSystemName || !strings.HasSuffix(got, "…") {
			t.Errorf("SystemName(%q) = %q (%d characters)", name, got, utf8.RuneCountInString(got))
		}
	}
	if got := SystemName(strings.Repeat("ä", 60)); got != strings.Repeat("ä", 60) {
		t.Errorf("a 60-character name was shortened: %q", got)
	}
}
