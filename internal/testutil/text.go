package testutil

import (
	"strings"
	"unicode"
)

// NoSpace drops every space from s, so that text drawn over several lines
// (an SVG name in two <tspan>s) compares with the text it came from.
func NoSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
