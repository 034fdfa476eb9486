//go:build windows

package fsutil

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/windows"
)

// keepOwner has nothing to do where files have no Unix owner.
func keepOwner(*os.File, fs.FileInfo) {}

// canWrite leaves the check to the read-only attribute (the mode bits) and
// the write itself.
func canWrite(string) bool { return true }

const openNoBlock = 0

// lockFile takes an exclusive lock on the lock file's first byte without waiting.
func lockFile(f *os.File) (bool, error) {
	var ol windows.Overlapped
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return false, nil
	}
	return err == nil, err
}

// removeLockFiles: Windows cannot remove a file that is open, so the lock
// file stays (it is empty and hidden by its dot only on Unix).
const removeLockFiles = false
