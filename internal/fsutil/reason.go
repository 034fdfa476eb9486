package fsutil

import (
	"errors"
	"io/fs"
)

// Reason says in a few words why a file operation failed, without repeating
// the path the caller already names ("no such file", "permission denied").
func Reason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
