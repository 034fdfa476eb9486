package questionnaire

import (
	"strings"
	"testing"
)

// BenchmarkWriteRead writes and reads back a questionnaire of every section,
// in each format: what `integ questions` and `integ import` do besides loading.
func BenchmarkWriteRead(b *testing.B) {
	bank, s := setup(b)
	for _, format := range []string{Markdown, CSV} {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				var out strings.Builder
				if err := Write(&out, format, Source{Bank: bank, Spec: s, Sections: bank.Sections, Header: NewHeader(s, now, "")}); err != nil {
					b.Fatal(err)
				}
				if _, err := Read("q", []byte(out.String()), bank, s.Names(bank)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
