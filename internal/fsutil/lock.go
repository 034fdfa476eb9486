package fsutil

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// LockWait is how long Lock waits for another integ to finish saving. A save
// takes milliseconds; this covers a busy machine.
const LockWait = 10 * time.Second

// ErrLocked is returned (wrapped) when another process held the lock for
// longer than Lock waited.
var ErrLocked = errors.New("locked by another integ")

// Lock takes an advisory lock that serialises saves of path: a lock file
// next to it, .<name>.integ-lock, locked with flock (LockFileEx on Windows).
// It waits up to wait, then gives up with an error wrapping ErrLocked. The
// lock is the process's: the system releases it when the process ends, even
// by kill -9, so a stale lock file never blocks anyone. unlock removes the
// file and releases the lock.
func Lock(path string, wait time.Duration) (unlock func(), err error) {
	name := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".integ-lock")
	deadline := time.Now().Add(wait)
	delay := 2 * time.Millisecond
	for {
		f, err := os.OpenFile(name, os.O_RDONLY|os.O_CREATE, 0o644)
		if err != nil {
			return nil, fmt.Errorf("cannot write in %s: %w", filepath.Dir(path), unwrapPath(err))
		}
		locked, err := lockFile(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("cannot lock %s: %w", name, err)
		}
		// The holder before us removes the file as it lets go: a lock on a
		// file no longer at name locks nothing, so try again.
		if locked && (!removeLockFiles || sameFile(f, name)) {
			return func() {
				if removeLockFiles {
					os.Remove(name)
				}
				f.Close()
			}, nil
		}
		f.Close()
		if locked {
			continue
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%s is being saved by another integ for more than %s (%s); try again in a moment: %w", path, wait, name, ErrLocked)
		}
		time.Sleep(delay)
		delay = min(delay*2, 50*time.Millisecond)
	}
}

func sameFile(f *os.File, name string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(name)
	return err == nil && os.SameFile(a, b)
}
