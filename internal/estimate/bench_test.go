package estimate

import (
	"testing"

	"github.com/integ-dev/integ/internal/spec"
)

// The worked example, whose approach and three questions are open: every
// approach is priced, and each open decision with each of its answers.
func BenchmarkForExample(b *testing.B) {
	bank := defaultBank(b)
	s, err := spec.Load("../../checklist/examples/acme-outdoor.yaml", bank)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		For(bank, s)
	}
}
