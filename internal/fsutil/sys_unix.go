//go:build unix

package fsutil

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives the new file the old one's owner and group, which only
// root may do: otherwise root editing someone's spec would take it over.
// Anyone else saves a file they may write anyway; an error changes nothing.
func keepOwner(f *os.File, old fs.FileInfo) {
	st, ok := old.Sys().(*syscall.Stat_t)
	if !ok || (int(st.Uid) == os.Geteuid() && int(st.Gid) == os.Getegid()) {
		return
	}
	_ = f.Chown(int(st.Uid), int(st.Gid))
}

// canWrite asks the system whether this user may write path, without
// opening it (which editors watching the file would take for a change).
func canWrite(path string) bool {
	return !errors.Is(syscall.Access(path, 2 /* W_OK */), syscall.EACCES)
}

// openNoBlock opens a file for reading without waiting for a writer when it
// is a FIFO (the caller then refuses it).
const openNoBlock = syscall.O_NONBLOCK

// lockFile takes an exclusive lock on f without waiting; locked is false
// when another process holds it.
func lockFile(f *os.File) (locked bool, err error) {
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return true, nil
		case errors.Is(err, syscall.EWOULDBLOCK):
			return false, nil
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.ENOLCK), errors.Is(err, syscall.ENOTSUP), errors.Is(err, syscall.EOPNOTSUPP):
			// A file system without locks (some network mounts): saves still
			// merge with what is on disk, which loses nothing but a race.
			return true, nil
		}
		return false, err
	}
}

// removeLockFiles: a lock file is removed when released (see Lock).
const removeLockFiles = true
