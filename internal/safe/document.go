package safe

import "io"

// Document makes a whole rendered document safe to show and to print to a
// terminal when its own markup holds no hidden character, so that any it
// holds came from user text: an HTML page rendered by html/template (which
// escapes <, >, &, quotes but passes control characters and bidi overrides
// on raw), or an SVG. Each is written as the visible text \u001b, which reads
// the same in every context of such a page.
func Document(data []byte) []byte { return escapeRaw(data) }

// DocumentWriter is Document for a document written in pieces, as a
// template writes it: what goes through it reaches w as Document of the
// whole would. Close it after the last write.
func DocumentWriter(w io.Writer) *RawWriter { return &RawWriter{w: w} }
