package fsutil

import (
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"strconv"
	"strings"
)

// ReadFile reads path, which must be a regular file of at most max bytes.
// It never waits for a FIFO's writer and never reads more than max+1 bytes,
// whatever the file claims: /dev/zero, a pipe or a file growing while it is
// read cannot make it run out of memory. Errors read after the path
// ("… is a FIFO, not a file").
func ReadFile(path string, max int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openNoBlock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &NotFileError{Path: path, Mode: info.Mode()}
	}
	if info.Size() > max {
		return nil, &TooBigError{Path: path, Size: info.Size(), Max: max}
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, &TooBigError{Path: path, Size: int64(len(data)), Max: max}
	}
	return data, nil
}

// NotFileError: the path is a folder, a FIFO, a device or a socket.
type NotFileError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotFileError) Error() string {
	return fmt.Sprintf("%s is %s, not a file; give the path of a file", e.Path, e.What())
}

// What names the kind of thing the path is: "a folder", "a FIFO (named pipe)".
func (e *NotFileError) What() string {
	what := "not a regular file"
	switch {
	case e.Mode.IsDir():
		what = "a folder"
	case e.Mode&fs.ModeNamedPipe != 0:
		what = "a FIFO (named pipe)"
	case e.Mode&fs.ModeCharDevice != 0, e.Mode&fs.ModeDevice != 0:
		what = "a device"
	case e.Mode&fs.ModeSocket != 0:
		what = "a socket"
	}
	return what
}

// TooBigError: the file is larger than the reader allows.
type TooBigError struct {
	Path      string
	Size, Max int64
}

func (e *TooBigError) Error() string {
	return fmt.Sprintf("%s is %s, more than the %s allowed", e.Path, Size(e.Size), Size(e.Max))
}

// Size says how big a file is in the unit that reads best, precise enough
// that a size just over a limit never reads as the limit itself.
func Size(n int64) string {
	unit := func(v float64, name string) string {
		return strings.TrimSuffix(strconv.FormatFloat(math.Floor(v*10)/10, 'f', 1, 64), ".0") + " " + name
	}
	switch {
	case n >= 10<<20:
		return unit(float64(n)/(1<<20), "MB")
	case n >= 10<<10:
		return unit(float64(n)/(1<<10), "KB")
	}
	return fmt.Sprintf("%d bytes", n)
}
