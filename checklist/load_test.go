package checklist

import "testing"

func TestDefaultBankLoads(t *testing.T) {
	b, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	n := len(b.Questions())
	if n < 90 || n > 130 {
		t.Errorf("the bank has %d questions; it should have 90 to 130 (issue 10), of which a typical project sees 60 to 90", n)
	}
	for _, q := range b.Questions() {
		if q.HasOptions() && q.Option(Undecided) == nil {
			t.Errorf("%s has no undecided option", q.ID)
		}
	}
}

func BenchmarkLoadEmbeddedBank(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}
