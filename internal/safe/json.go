package safe

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// JSON makes encoded JSON safe to print to a terminal without changing what
// it means: encoding/json escapes C0 controls but writes C1 controls and
// bidi overrides raw, so those are rewritten as \u escapes, which every JSON
// reader decodes to the same text. data must be valid JSON as encoding/json
// writes it (such characters can only occur inside strings).
func JSON(data []byte) []byte { return escapeRaw(data) }

// escapeRaw writes every hidden character in data but white space as a \u
// escape, which JSON strings and YAML double-quoted scalars both read back as
// the character itself.
func escapeRaw(data []byte) []byte {
	if !needsEscape(data) {
		return data
	}
	var b bytes.Buffer
	b.Grow(len(data) + 16)
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if rawHidden(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
		} else {
			b.Write(data[:size])
		}
		data = data[size:]
	}
	return b.Bytes()
}

func needsEscape(data []byte) bool {
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if rawHidden(r) {
			return true
		}
		data = data[size:]
	}
	return false
}

// rawHidden is hidden but for the white space between tokens; inside strings
// and quoted scalars the encoders have already escaped those.
func rawHidden(r rune) bool {
	return hidden(r) && r != '\n' && r != '\t' && r != '\r'
}
