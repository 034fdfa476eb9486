package checklist

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// A long system name is shortened by characters, never in the middle of one.
func TestThirdNameIsShortenedByCharacters(t *testing.T) {
	for _, note := range []string{strings.Repeat("Zürich Großhandel ", 6), strings.Repeat("ä", 61), strings.Repeat("x", 61)} {
		got := ThirdName(note)
		if !utf8.ValidString(got) || utf8.RuneCountInString(got) != MaxThirdName || !strings.HasSuffix(got, "…") {
			t.Errorf("ThirdName(%q) = %q (%d characters)", note, got, utf8.RuneCountInString(got))
		}
	}
	if got := ThirdName(strings.Repeat("ä", 60)); got != strings.Repeat("ä", 60) {
		t.Errorf("a 60-character name was shortened: %q", got)
	}
}
