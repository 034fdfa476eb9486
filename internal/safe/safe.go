// Package safe makes user text safe for the medium it goes to: a terminal,
// Markdown, a Mermaid label, a YAML comment, JSON read in a terminal (and
// HTML, in html.go). Names, notes and answers come from people and from files
// anyone can edit; a bank given with --checklist is user text too. Every
// piece of it that reaches one of these media goes through the one function
// for that medium, and callers never escape by hand.
//
// What no medium passes on raw: control characters (C0 but the line breaks a
// medium allows, DEL, C1), the bidirectional embeddings, overrides and
// isolates that make text read differently from how it is stored ("Trojan
// Source"), the Unicode line and paragraph separators, and bytes that are not
// UTF-8. They are shown as visible escapes (\x1b, \u202e, \xff), so nothing
// is lost silently and nothing acts on the reader's terminal or document.
package safe

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// hidden reports whether r must never reach a reader raw.
func hidden(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7f: // C0 controls and DEL
		return true
	case r >= 0x80 && r < 0xa0: // C1 controls: 0x9b is a terminal's CSI, 0x9d its OSC
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069: // bidi embeddings, overrides, isolates
		return true
	case r == 0x2028 || r == 0x2029: // line and paragraph separators
		return true
	}
	return false
}

// visible returns s with every hidden character shown as an escape, except
// those in keep (a medium's own line breaks). It allocates only when it must.
func visible(s, keep string) string {
	clean := true
	for i, r := range s {
		if r == utf8.RuneError && isBadByte(s, i) || hidden(r) && !strings.ContainsRune(keep, r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch {
		case r == utf8.RuneError && isBadByte(s, i):
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case hidden(r) && !strings.ContainsRune(keep, r):
			if r < 0xa0 {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isBadByte tells a byte that is not UTF-8 (decoded as RuneError, width 1)
// from a real U+FFFD written in the text.
func isBadByte(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 1
}

// unixLines turns Windows and old Mac line ends into newlines, which every
// medium here treats as a line break of its own.
func unixLines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(s, "\r\n", "\n")
}
