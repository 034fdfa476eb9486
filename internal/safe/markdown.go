package safe

import "strings"

// Markdown makes user text safe inline in Markdown, in running text and in
// table cells alike: it reads as the text itself, never as structure. HTML is
// shown, not run; code spans, links, emphasis and pipes stay literal; a
// leading #, >, -, +, = or "1." never makes a heading, a quote, a list or a
// rule; newlines become <br>, so a note stays in its list item or table row.
func Markdown(s string) string {
	s = visible(strings.TrimSpace(unixLines(s)), "\n\t")
	if s == "" {
		return ""
	}
	return blockSafe(markdownEscaper.Replace(s))
}

// markdownEscaper is built once: a Replacer's lookup table is large.
var markdownEscaper = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	`\`, `\\`, "`", "\\`", "[", `\[`, "]", `\]`,
	"*", `\*`, "_", `\_`, "~", `\~`, "|", `\|`,
	"\n", "<br>",
)

// blockSafe escapes what would make text at the start of a line begin a
// block: an ATX heading (#), a list item (-, +, 1. or 1)) or a setext
// underline (=). The other block markers (>, *, _, `, ~, |) are escaped
// everywhere by markdownEscaper.
func blockSafe(s string) string {
	switch s[0] {
	case '#', '-', '+', '=':
		return `\` + s
	}
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits > 0 && digits <= 9 && digits < len(s) && (s[digits] == '.' || s[digits] == ')') {
		return s[:digits] + `\` + s[digits:]
	}
	return s
}

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
