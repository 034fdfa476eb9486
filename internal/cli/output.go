package cli

import (
	"fmt"
	"os"
	"path/filepath"
)

// checkOutput says whether -o may write path: never over the spec (whatever
// the flags: a brief or a questionnaire written over it lost every answer),
// and over another existing file only with --force. what names the output
// in the message ("the brief a name of its own, such as brief.md").
func checkOutput(path, specPath string, force bool, what string) error {
	if sameFile(path, specPath) {
		return unusable(fmt.Errorf("-o %s is the spec itself; give %s", path, what))
	}
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return nil
	case info.IsDir():
		return unusable(fmt.Errorf("-o %s is a folder; give a file name", path))
	case !force:
		return unusable(fmt.Errorf("%s already exists; use --force to overwrite it, or choose another name", path))
	}
	return nil
}

// sameFile reports whether a and b name the same file, through links too.
func sameFile(a, b string) bool {
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(ia, ib)
	}
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	return errA == nil && errB == nil && absA == absB
}
