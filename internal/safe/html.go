// Package safe holds the one sanitiser per medium that user text goes through
// before it reaches a terminal, Markdown, Mermaid, HTML or YAML. Callers never
// escape by hand.
package safe

import (
	"strings"
	"unicode/utf8"
)

// HTML makes user text safe as HTML text or as a quoted attribute value, in a
// page or in inline SVG: the five characters that can open a tag, an entity or
// leave an attribute are written as character references (the same ones
// html/template writes), control characters other than tab and newline are
// dropped (a carriage return too, so Windows line ends read as one), and bytes
// that are not UTF-8 become U+FFFD. Newlines are kept: the caller decides
// whether they become line breaks.
func HTML(s string) string {
	if !needsHTML(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		default:
			if !droppedInHTML(r) {
				b.WriteRune(r) // utf8.RuneError for an invalid byte writes U+FFFD
			}
		}
	}
	return b.String()
}

// needsHTML reports whether HTML would change s, so that most text (names,
// plain notes) is returned without allocating.
func needsHTML(s string) bool {
	for _, r := range s {
		switch {
		case r == '&', r == '<', r == '>', r == '"', r == '\'', r == utf8.RuneError, droppedInHTML(r):
			return true
		}
	}
	return false
}

// droppedInHTML is a control character that has no place in a document: C0
// controls but tab and newline, DEL, and the C1 controls.
func droppedInHTML(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r <= 0x9f
}
