package safe

import (
	"strings"
	"testing"
)

// BenchmarkMarkdown: a typical note, and long runs of what Markdown looks
// around (underscores, ampersands), which must stay linear.
func BenchmarkMarkdown(b *testing.B) {
	for _, c := range []struct{ name, text string }{
		{"note", strings.Repeat("Hearth & Kiln: 17.50 % of order_id [1] <b>, ", 20)},
		{"underscores-64k", strings.Repeat("_", 1<<16)},
		{"ampersands-64k", strings.Repeat("&a", 1<<15)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			for range b.N {
				Markdown(c.text)
			}
		})
	}
}
