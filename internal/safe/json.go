package safe

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"
)

// JSON makes encoded JSON safe to print to a terminal without changing what
// it means: encoding/json escapes C0 controls but writes C1 controls and
// bidi overrides raw, so those are rewritten as \u escapes, which every JSON
// reader decodes to the same text. data must be valid JSON as encoding/json
// writes it (such characters can only occur inside strings).
func JSON(data []byte) []byte { return escapeRaw(data) }

// JSONWriter is JSON for output written in pieces: what goes through it
// reaches w as JSON of the whole would, without the whole in memory. Close
// it after the last write.
func JSONWriter(w io.Writer) *RawWriter { return &RawWriter{w: w} }

// escapeRaw writes every hidden character in data but white space as a \u
// escape, which JSON strings and YAML double-quoted scalars both read back as
// the character itself.
func escapeRaw(data []byte) []byte {
	if !needsEscape(data) {
		return data
	}
	var b bytes.Buffer
	b.Grow(len(data) + 16)
	writeEscaped(&b, data)
	return b.Bytes()
}

// writeEscaped writes data to w as escapeRaw returns it, passing the runs
// between hidden characters on without copying them.
func writeEscaped(w io.Writer, data []byte) error {
	start := 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if rawHidden(r) {
			if _, err := w.Write(data[start:i]); err != nil {
				return err
			}
			if _, err := fmt.Fprintf(w, `\u%04x`, r); err != nil {
				return err
			}
			start = i + size
		}
		i += size
	}
	_, err := w.Write(data[start:])
	return err
}

// RawWriter escapes hidden characters in a document written in pieces (see
// JSONWriter and DocumentWriter). A character split between two writes is
// held back until it is whole.
type RawWriter struct {
	w       io.Writer
	pending []byte // the start of a character the last write ended in
	// restore maps characters that stood in for others while encoding
	// back to them (see standIns).
	restore map[rune]rune
}

func (e *RawWriter) Write(p []byte) (int, error) {
	n := len(p)
	if len(e.pending) > 0 {
		p = append(e.pending, p...)
		e.pending = nil
	}
	whole := len(p)
	for i := len(p) - 1; i >= 0 && i >= len(p)-utf8.UTFMax; i-- {
		if utf8.RuneStart(p[i]) {
			if !utf8.FullRune(p[i:]) {
				whole = i
			}
			break
		}
	}
	e.pending = append(e.pending, p[whole:]...)
	if len(e.restore) > 0 {
		p = restoreRunes(p[:whole], e.restore)
		whole = len(p)
	}
	if err := writeEscaped(e.w, p[:whole]); err != nil {
		return 0, err
	}
	return n, nil
}

// Close writes what is held back: bytes that never became a character,
// which are not hidden ones and pass as escapeRaw passes them.
func (e *RawWriter) Close() error {
	p := e.pending
	e.pending = nil
	return writeEscaped(e.w, p)
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

// restoreRunes is p with the characters restore maps replaced; anything
// else, bytes that are not UTF-8 too, is kept as it is.
func restoreRunes(p []byte, restore map[rune]rune) []byte {
	out := make([]byte, 0, len(p)+len(p)/8)
	for len(p) > 0 {
		r, size := utf8.DecodeRune(p)
		if orig, ok := restore[r]; ok && size > 1 {
			out = utf8.AppendRune(out, orig)
		} else {
			out = append(out, p[:size]...)
		}
		p = p[size:]
	}
	return out
}
