//go:build unix

package fsutil

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A FIFO, a device and a folder are refused at once, without reading: a
// FIFO used to hang forever and /dev/zero to run out of memory.
func TestReadFileRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "spec.fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for path, what := range map[string]string{fifo: "a FIFO (named pipe)", "/dev/zero": "a device", dir: "a folder"} {
		done := make(chan error, 1)
		go func() { _, err := ReadFile(path, 1<<20); done <- err }()
		select {
		case err := <-done:
			var nf *NotFileError
			if !errors.As(err, &nf) || nf.What() != what || !strings.HasPrefix(err.Error(), path+" is "+what+", not a file") {
				t.Errorf("%s: %v, want it refused as %s", path, err, what)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("reading %s hangs", path)
		}
	}
}

func TestReadFileLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big")
	os.WriteFile(path, make([]byte, 2048), 0o644)
	if _, err := ReadFile(path, 2048); err != nil {
		t.Errorf("a file at the limit: %v", err)
	}
	var tb *TooBigError
	if _, err := ReadFile(path, 2047); !errors.As(err, &tb) || tb.Size != 2048 || err.Error() != path+" is 2048 bytes, more than the 2047 bytes allowed" {
		t.Errorf("a file over the limit: %v", err)
	}
}
