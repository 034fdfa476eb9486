// Package fsutil writes files so that a crash, a full disk or a kill -9 never
// leaves a half-written file behind (readers see the old bytes or the new
// ones), serialises saves with a lock, and reads files with a size limit.
// It respects what a person set up: a link is followed and its target
// saved, a read-only file is refused, a file keeps its mode and owner, and a
// new one gets the mode the umask allows.
package fsutil

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// WriteFileAtomic writes data to path through a temporary file in the same
// folder, synced and then renamed over path. When path is a link, the file
// it points to is written and the link stays. An existing file keeps its
// mode (and, where integ may, its owner) and is refused when it is
// read-only; a new one gets perm as the umask allows.
func WriteFileAtomic(path string, data []byte, perm fs.FileMode) error {
	return WriteAtomic(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteAtomic is WriteFileAtomic for a file that write writes in pieces, as
// a renderer does, so that it is never in memory whole. When write fails,
// path is left as it was and write's own error is returned (a failing disk
// is reported as WriteFileAtomic reports it).
func WriteAtomic(path string, perm fs.FileMode, write func(io.Writer) error) error {
	return writeAtomic(path, perm, write, nil)
}

// writeAtomic is WriteAtomic with a hook that wraps the temporary file's
// writer, so tests can make the disk fail half-way.
func writeAtomic(path string, perm fs.FileMode, write func(io.Writer) error, wrap func(io.Writer) io.Writer) (err error) {
	path, err = Resolve(path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	info, statErr := os.Stat(path)
	exists := statErr == nil
	if exists {
		if err := checkWritable(path, info); err != nil {
			return err
		}
	}
	removeStaleTemps(dir, filepath.Base(path))
	tmp, err := createTemp(dir, filepath.Base(path), perm)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	var w io.Writer = tmp
	if wrap != nil {
		w = wrap(tmp)
	}
	fail := func(err error) error { return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err)) }
	disk := &diskWriter{w: bufio.NewWriterSize(w, 64<<10)}
	if err = write(disk); err != nil {
		if disk.err != nil {
			return fail(disk.err)
		}
		return err
	}
	if err = disk.w.Flush(); err != nil {
		return fail(err)
	}
	if exists {
		// The temporary file was made with the umask; the file it replaces
		// keeps its own mode, and its owner where integ may set it.
		if err = tmp.Chmod(info.Mode().Perm()); err != nil {
			return fail(err)
		}
		keepOwner(tmp, info)
	}
	if err = tmp.Sync(); err != nil {
		return fail(err)
	}
	if err = tmp.Close(); err != nil {
		return fail(err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fail(err)
	}
	syncDir(dir)
	return nil
}

// diskWriter remembers the error of the file it writes to, to tell a failing
// disk from a failing renderer.
type diskWriter struct {
	w   *bufio.Writer
	err error
}

func (d *diskWriter) Write(p []byte) (int, error) {
	n, err := d.w.Write(p)
	if err != nil && d.err == nil {
		d.err = err
	}
	return n, err
}

// Resolve follows path's links to the file they name, so that saving a
// linked spec writes its target instead of replacing the link. A path that
// is not a link, or does not exist, is returned as it is; a link to nothing
// is an error.
func Resolve(path string) (string, error) {
	if info, err := os.Lstat(path); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return path, nil
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		dest, _ := os.Readlink(path)
		return "", fmt.Errorf("%s is a link to %s, which does not exist; fix or remove the link", path, dest)
	}
	return target, nil
}

// checkWritable refuses a file its owner made read-only (even root, who
// could write it, respects that) or that this user may not write.
func checkWritable(path string, info fs.FileInfo) error {
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file; integ writes only files", path)
	}
	if info.Mode().Perm()&0o222 == 0 || !canWrite(path) {
		return fmt.Errorf("%s is read-only; make it writable (chmod u+w %s) if it should change", path, path)
	}
	return nil
}

// WriteFileNew writes data to path, or, when path exists, to the first of
// path.1, path.2, … that does not: it never replaces a file. It returns the
// name it wrote. The file is complete when it appears (written aside, then
// linked into place).
func WriteFileNew(path string, data []byte, perm fs.FileMode) (string, error) {
	dir := filepath.Dir(path)
	tmp, err := createTemp(dir, filepath.Base(path), perm)
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return "", fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return "", fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	for i := 0; i < 1000; i++ {
		name := path
		if i > 0 {
			name = fmt.Sprintf("%s.%d", path, i)
		}
		// A hard link fails when the name is taken, where a rename would replace it.
		err := os.Link(tmp.Name(), name)
		if err == nil {
			syncDir(dir)
			return name, nil
		}
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		// No hard links here (some network and FAT file systems): claim the name, then fill it.
		f, cerr := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(cerr, fs.ErrExist) {
			continue
		}
		if cerr != nil {
			return "", fmt.Errorf("cannot write %s: %w", name, unwrapPath(cerr))
		}
		_, werr := f.Write(data)
		if serr := f.Sync(); werr == nil {
			werr = serr
		}
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return "", fmt.Errorf("cannot write %s: %w", name, unwrapPath(werr))
		}
		return name, nil
	}
	return "", fmt.Errorf("cannot write %s: %s.1 to %s.999 exist too; clean them up", path, path, path)
}

// Temporary files are named .<file>.<12 hex digits>.integ-tmp: the marker and
// the exact shape let integ clean up only files it made itself.
const (
	tempSuffix = ".integ-tmp"
	tempRandom = 12
)

// createTemp makes a new temporary file beside base in dir, with perm as the
// umask allows.
func createTemp(dir, base string, perm fs.FileMode) (*os.File, error) {
	for {
		name := filepath.Join(dir, "."+base+"."+randomHex()+tempSuffix)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("cannot write in %s: %w", dir, unwrapPath(err))
		}
		return f, nil
	}
}

// randomHex is tempRandom random hex digits.
func randomHex() string {
	var b [tempRandom / 2]byte
	rand.Read(b[:]) // never fails (crypto/rand panics rather than return an error)
	return hex.EncodeToString(b[:])
}

// isTempOf reports whether name is one of integ's temporary files for base.
func isTempOf(name, base string) bool {
	prefix := "." + base + "."
	if !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, tempSuffix) {
		return false
	}
	middle := name[len(prefix) : len(name)-len(tempSuffix)]
	if len(middle) != tempRandom {
		return false
	}
	for _, c := range middle {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// syncDir makes a rename or a new name in dir survive a power cut.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// staleAfter is how old a temporary file must be before it is taken for the
// leftover of a save that was killed: a live save takes milliseconds.
const staleAfter = time.Hour

// removeStaleTemps deletes temporary files that killed saves of the same file
// left behind (and the folders of killed exports): only those with integ's
// exact name pattern for base (a glob would let characters in the name
// widen the match), never a link.
// It is best effort: a failure changes nothing else.
func removeStaleTemps(dir, base string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !isTempOf(e.Name(), base) {
			continue
		}
		m := filepath.Join(dir, e.Name())
		info, err := os.Lstat(m)
		switch {
		case err != nil || time.Since(info.ModTime()) <= staleAfter:
		case info.Mode().IsRegular():
			os.Remove(m)
		case info.IsDir():
			os.RemoveAll(m) // a bundle's folder: it held only the bundle's files
		}
	}
}
