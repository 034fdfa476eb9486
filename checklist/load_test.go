package checklist

import "testing"

func TestDefaultBankLoads(t *testing.T) {
	b, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	n := len(b.Questions())
	if n < 50 || n > 80 {
		t.Errorf("the bank has %d questions; the product calls for 50 to 80", n)
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
