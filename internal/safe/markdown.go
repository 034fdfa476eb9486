package safe

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Markdown makes user text safe inline in Markdown, in running text and in
// table cells alike: it reads as the text itself, never as structure, and
// escapes only what CommonMark (with GitHub's tables and strikethrough) would
// read as markup, so "Hearth & Kiln", "17.50 %" and "order_id" read as typed.
// HTML is shown, not run (<); code spans, links, emphasis and pipes stay
// literal; & is escaped only where it would start an entity (&amp;, &#38;);
// a leading #, >, -, +, = or "1." never makes a heading, a quote, a list or a
// rule; newlines become <br>, so a note stays in its list item or table row.
func Markdown(s string) string {
	s = visible(strings.TrimSpace(unixLines(s)), "\n\t")
	if s == "" {
		return ""
	}
	block, marker := startsBlock(s), listMarker(s)
	if !block && marker < 0 && !strings.ContainsAny(s, "\n`*[]<|~\\&_") {
		return s // nothing to escape: most names and figures
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8 + 8)
	if block {
		b.WriteByte('\\')
	}
	// Every character escaped is ASCII, so the scan goes byte by byte and
	// copies what lies between in one piece; a byte of a longer UTF-8
	// sequence never matches.
	last, runEnd, plainRun := 0, 0, false // the run of underscores at i, and whether it stays as typed
	for i := 0; i < len(s); i++ {
		var escape bool
		switch s[i] {
		case '\n':
			b.WriteString(s[last:i])
			b.WriteString("<br>")
			last = i + 1
			continue
		case '[':
			if n := citation(s[i:]); n > 0 {
				i += n - 1 // "[20]" stays as typed: a link needs a definition no text can write
				continue
			}
			escape = true
		case '`', '*', ']', '<', '|', '~':
			escape = true
		case '\\':
			escape = escapesNext(s[i+1:])
		case '&':
			escape = startsEntity(s[i+1:])
		case '_':
			if i >= runEnd {
				runEnd = i + len(s[i:]) - len(strings.TrimLeft(s[i:], "_"))
				plainRun = inWord(s[:i], s[runEnd:])
			}
			escape = !plainRun
		}
		if escape || i == marker {
			b.WriteString(s[last:i])
			b.WriteByte('\\')
			last = i
		}
	}
	b.WriteString(s[last:])
	return b.String()
}

// citation returns the length of the citation "[20]" that starts s, or 0.
// Alone it is a shortcut reference, a link only where a definition
// "[20]: url" exists, and no text can write one: a "]" before ":", "(" or
// "[" is escaped, as are [, ] and the rest everywhere else. Before those
// three it could become a link, so it is not a citation there.
func citation(s string) int {
	digits := len(s[1:]) - len(strings.TrimLeft(s[1:], "0123456789"))
	end := 1 + digits
	if digits == 0 || digits > 4 || end >= len(s) || s[end] != ']' {
		return 0
	}
	if end+1 < len(s) && strings.IndexByte(":([", s[end+1]) >= 0 {
		return 0
	}
	return end + 1
}

// startsBlock reports whether s, at the start of a line, would begin a block
// with its first character: an ATX heading ("# " to "###### "), a block
// quote (>), a list item ("- ", "+ "), a thematic break or a setext underline
// (a line of - or =). "#12", "-5 %" and "+44" start nothing. The text may be
// followed by more on its line, so its end counts as a space. *, _, `, ~, <
// and | are escaped wherever they are, which covers the other blocks.
func startsBlock(s string) bool {
	switch s[0] {
	case '>':
		return true
	case '#':
		hashes := len(s) - len(strings.TrimLeft(s, "#"))
		return hashes <= 6 && spaceOrEnd(s[hashes:])
	case '+':
		return spaceOrEnd(s[1:])
	case '-', '=':
		return s[0] == '-' && spaceOrEnd(s[1:]) || strings.Trim(s, s[:1]+" \t") == ""
	}
	return false
}

// listMarker returns the index of the "." or ")" that makes the start of s
// an ordered-list item ("1. first", "2024) year"), or -1: "99.80" and
// "17.50 %" start no list.
func listMarker(s string) int {
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	if digits > 0 && digits <= 9 && digits < len(s) && (s[digits] == '.' || s[digits] == ')') && spaceOrEnd(s[digits+1:]) {
		return digits
	}
	return -1
}

// spaceOrEnd reports whether rest is empty or starts with a space, a tab or
// a line break.
func spaceOrEnd(rest string) bool {
	return rest == "" || strings.ContainsRune(" \t\n", rune(rest[0]))
}

// asciiPunct is what a backslash escapes in CommonMark.
const asciiPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// escapesNext reports whether a backslash before rest would escape what
// follows it (ASCII punctuation, the "<" of a <br>, or at the end of the
// text whatever the template writes next), and so must itself be escaped.
// Before a letter, a digit or a space it is literal: C:\Users stays.
func escapesNext(rest string) bool {
	return rest == "" || rest[0] == '\n' || strings.IndexByte(asciiPunct, rest[0]) >= 0
}

// startsEntity reports whether an & before rest would start a character
// reference (&amp;, &#38;, &#x26;), or could with what the template writes
// next (AT&T at the end); a bare & ("Hearth & Kiln", "R&D team") is literal.
func startsEntity(rest string) bool {
	if num, ok := strings.CutPrefix(rest, "#"); ok {
		rest = strings.TrimPrefix(strings.TrimPrefix(num, "x"), "X")
	}
	n := 0
	for n < len(rest) && isASCIIAlnum(rest[n]) {
		n++
	}
	return n > 0 && (n == len(rest) || rest[n] == ';') // the template may go on with ";"
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// inWord reports whether a run of underscores between before and after has
// a letter or digit on both sides ("order_id"), where CommonMark reads no
// emphasis. At either end of the text the neighbour is unknown, so the run
// is escaped.
func inWord(before, after string) bool {
	r1, _ := utf8.DecodeLastRuneInString(before)
	r2, _ := utf8.DecodeRuneInString(after)
	return isWordRune(r1) && isWordRune(r2)
}

// isWordRune: RuneError, which an empty string decodes to, is neither.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// MarkdownQuote makes multi-line user text safe inside a block quote: each
// line is inline-safe, and the lines after the first continue the quote (the
// template writes the first "> ").
func MarkdownQuote(s string) string {
	lines := strings.Split(strings.TrimSpace(unixLines(s)), "\n")
	for i, l := range lines {
		lines[i] = Markdown(l)
	}
	return strings.Join(lines, "\n> ")
}

// MarkdownCode writes an identifier (a question ID from the bank, which a
// bank of one's own can spell any way) as a code span when it is made only
// of letters, digits, dots, dashes and underscores, and as escaped text
// otherwise, so a backtick or a pipe in it can never open a span or end a
// table cell.
func MarkdownCode(id string) string {
	if id == "" || strings.IndexFunc(id, func(r rune) bool { return !isIDRune(r) }) >= 0 {
		return Markdown(id)
	}
	return "`" + id + "`"
}

func isIDRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_' || r == '@'
}
