package safe

import "strings"

// MarkdownBlock writes user text (a note, a free-text answer) as an indented
// code block: every line indented by four spaces, so nothing in it is read as
// Markdown and the text reads back exactly as written, with hidden characters
// shown as visible escapes. Blank lines stay empty; "" gives "".
func MarkdownBlock(s string) string {
	s = visible(strings.TrimSpace(unixLines(s)), "\n\t")
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l = strings.TrimRight(l, " \t"); l != "" {
			l = "    " + l
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// SpreadsheetCell makes user text safe in a CSV cell that a spreadsheet will
// open: hidden characters are shown as visible escapes (line breaks and tabs
// stay), and text that a spreadsheet would run as a formula (it starts with
// =, +, -, @ or a tab) is prefixed with an apostrophe, which spreadsheets show
// as text. The CSV writer does the quoting.
func SpreadsheetCell(s string) string {
	s = visible(unixLines(s), "\n\t")
	if s != "" && strings.ContainsRune("=+-@\t", rune(s[0])) {
		return "'" + s
	}
	return s
}
