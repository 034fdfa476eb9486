package fsutil

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// LockWait is how long Lock waits for another integ to finish saving. A save
// takes milliseconds; this covers a busy machine. Lock waits that long for
// each holder in turn: twenty saves queued on a loaded machine may take
// longer than that together, and none of them is stuck.
const LockWait = 10 * time.Second

// ErrLocked is returned (wrapped) when another process held the lock for
// longer than Lock waited.
var ErrLocked = errors.New("locked by another integ")

// Lock takes an advisory lock that serialises saves of path: a lock file
// next to it, .<name>.integ-lock, locked with flock (LockFileEx on Windows).
// It waits up to wait for the process holding it, then gives up with an
// error wrapping ErrLocked; when the lock passes to another process in the
// meantime, the wait starts again (the lock file is a new one each time). The
// lock is the process's: the system releases it when the process ends, even
// by kill -9, so a stale lock file never blocks anyone. unlock removes the
// file and releases the lock.
func Lock(path string, wait time.Duration) (unlock func(), err error) {
	name := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".integ-lock")
	deadline := time.Now().Add(wait)
	delay := 2 * time.Millisecond
	var holder os.FileInfo // the lock file whose holder Lock is waiting for
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
		if locked {
			f.Close()
			continue
		}
		if info, err := f.Stat(); err == nil && (holder == nil || !sameLockFile(info, holder)) {
			if holder != nil {
				deadline = time.Now().Add(wait) // the last holder finished: a save went through
			}
			holder = info
		}
		f.Close()
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%s is being saved by another integ for more than %s (%s); try again in a moment: %w", path, wait, name, ErrLocked)
		}
		time.Sleep(delay)
		delay = min(delay*2, 50*time.Millisecond)
	}
}

// sameLockFile tells the lock file one holder made from the next one's: a
// removed file's inode may be reused at once, its creation time not.
func sameLockFile(a, b os.FileInfo) bool {
	return os.SameFile(a, b) && a.ModTime().Equal(b.ModTime())
}

func sameFile(f *os.File, name string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(name)
	return err == nil && os.SameFile(a, b)
}
