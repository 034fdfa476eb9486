package safe

import "strings"

// HTML makes user text safe as HTML text or as a quoted attribute value, in a
// page or in inline SVG: the five characters that can open a tag, an entity or
// leave an attribute are written as the character references html/template
// writes, and what no medium passes on raw (controls, bidi overrides, bytes
// that are not UTF-8) is shown as a visible escape. Newlines and tabs are
// kept; the caller decides whether a newline becomes a line break.
//
// Templates rendered with html/template get the same escaping from the
// template engine; HTML is for the markup integ builds in Go (the SVG
// diagram, text with its line breaks).
func HTML(s string) string {
	return htmlEscaper.Replace(visible(unixLines(s), "\n\t"))
}

// htmlEscaper is built once: a Replacer's lookup table is large.
var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")
