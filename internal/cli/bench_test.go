package cli

import (
	"io"
	"testing"
	"time"
)

// BenchmarkBriefCommand is `integ brief --spec <example>` in-process: what a
// whole-process run costs on top of starting the binary.
func BenchmarkBriefCommand(b *testing.B) {
	streams := &IOStreams{Out: io.Discard, Err: io.Discard, Getenv: func(string) string { return "" }, Now: time.Now}
	for i := 0; i < b.N; i++ {
		if code := Run([]string{"brief", "--spec", example}, streams); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
