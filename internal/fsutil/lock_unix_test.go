//go:build unix

package fsutil

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A save waits for each process before it in turn, not for all of them
// together: twenty integ set processes queued on a loaded machine took longer
// than LockWait together and the last ones gave up, though none was stuck.
// Here other processes hold the lock one after the other, each for less
// than the wait, with never a moment unlocked (each locks a new lock file and
// renames it over the last one's before letting go), for one and a half
// times the wait in all: Lock gets the lock when they are done. One holder that keeps
// the lock for longer than the wait still makes it give up.
func TestLockWaitsForEachHolderInTurn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "spec.yaml")
	name := filepath.Join(filepath.Dir(path), ".spec.yaml.integ-lock")
	const wait = time.Second
	hold := func() *os.File {
		tmp := name + ".next"
		f, err := os.OpenFile(tmp, os.O_RDONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		if locked, err := lockFile(f); !locked || err != nil {
			t.Fatalf("lock %v %v", locked, err)
		}
		if err := os.Rename(tmp, name); err != nil {
			t.Fatal(err)
		}
		return f
	}
	release := func(f *os.File) {
		os.Remove(name)
		f.Close()
	}

	current := hold()
	done := make(chan error, 1)
	go func() {
		unlock, err := Lock(path, wait)
		if err == nil {
			unlock()
		}
		done <- err
	}()
	for i := 0; i < 15; i++ { // 1.5 × wait in all; a holder changes every wait/10
		time.Sleep(wait / 10)
		next := hold()
		current.Close()
		current = next
	}
	release(current)
	if err := <-done; err != nil {
		t.Errorf("Lock gave up while the lock went from holder to holder: %v", err)
	}

	current = hold()
	defer release(current)
	if _, err := Lock(path, wait); !errors.Is(err, ErrLocked) {
		t.Errorf("one holder for longer than the wait: %v, want ErrLocked", err)
	}
}
