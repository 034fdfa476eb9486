//go:build !unix && !windows

package fsutil

import (
	"io/fs"
	"os"
)

// keepOwner has nothing to do where files have no Unix owner.
func keepOwner(*os.File, fs.FileInfo) {}

// canWrite leaves the check to the mode bits and the write itself.
func canWrite(string) bool { return true }

const openNoBlock = 0

// lockFile: no advisory locks here; saves still merge with what is on disk.
func lockFile(*os.File) (bool, error) { return true, nil }

const removeLockFiles = false
