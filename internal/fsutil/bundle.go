package fsutil

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// File is one file of a bundle: its name (no folders) and what writes it,
// called once, when the file is written (so that only one file of a large
// bundle is in memory at a time).
type File struct {
	Name  string
	Write func(io.Writer) error
}

// ExistsError: a file of the bundle exists and overwriting was not asked for.
type ExistsError struct{ Path string }

func (e *ExistsError) Error() string {
	return e.Path + " already exists; use --force to overwrite the bundle, or choose another --dir"
}

// WriteBundle writes files into dir all at once or not at all: they are
// written and synced in a temporary folder first (inside dir, or beside it
// when dir does not exist yet), then moved into place, so a full disk or a
// kill half-way never leaves half a bundle. Existing files are replaced
// only when overwrite is set (keeping their mode), and never when one is a
// folder. It returns the paths written, in order.
func WriteBundle(dir string, files []File, overwrite bool) ([]string, error) {
	targets := make([]string, len(files))
	for i, f := range files {
		targets[i] = filepath.Join(dir, f.Name)
		info, err := os.Lstat(targets[i])
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, fmt.Errorf("cannot write %s: %w", targets[i], unwrapPath(err))
		case info.IsDir():
			return nil, fmt.Errorf("%s is a folder; move it away or choose another --dir", targets[i])
		case !overwrite:
			return nil, &ExistsError{Path: targets[i]}
		}
	}
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return nil, fmt.Errorf("%s is a file, not a folder", dir)
	} else if errors.Is(err, fs.ErrNotExist) {
		return targets, newBundleDir(dir, files)
	}
	return targets, fillBundleDir(dir, files)
}

// newBundleDir makes dir complete in one rename.
func newBundleDir(dir string, files []File) error {
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o777); err != nil {
		return fmt.Errorf("cannot create %s: %w", parent, unwrapPath(err))
	}
	// The folder becomes dir, so it is made with what the umask allows.
	tmp, err := mkdirTemp(parent, filepath.Base(dir))
	if err != nil {
		return err
	}
	if err := writeAll(tmp, files, nil); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("cannot create %s: %w", dir, unwrapPath(err))
	}
	syncDir(parent)
	return nil
}

// fillBundleDir writes every file into a temporary folder inside dir, then
// renames each into place: nothing in dir changes until all are written.
func fillBundleDir(dir string, files []File) error {
	removeStaleTemps(dir, "integ-export")
	tmp, err := mkdirTemp(dir, "integ-export")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	modes := map[string]fs.FileMode{}
	for _, f := range files {
		if info, err := os.Stat(filepath.Join(dir, f.Name)); err == nil {
			modes[f.Name] = info.Mode().Perm()
		}
	}
	if err := writeAll(tmp, files, modes); err != nil {
		return err
	}
	for _, f := range files {
		if err := os.Rename(filepath.Join(tmp, f.Name), filepath.Join(dir, f.Name)); err != nil {
			return fmt.Errorf("cannot write %s: %w", filepath.Join(dir, f.Name), unwrapPath(err))
		}
	}
	syncDir(dir)
	return nil
}

// writeAll writes and syncs files into dir, each with the mode in modes
// when it has one (the file it will replace), else what the umask allows.
func writeAll(dir string, files []File, modes map[string]fs.FileMode) error {
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if err != nil {
			return fmt.Errorf("cannot write %s: %w", f.Name, unwrapPath(err))
		}
		bw := bufio.NewWriter(out)
		if err = f.Write(bw); err != nil {
			out.Close()
			return err
		}
		err = bw.Flush()
		if mode, ok := modes[f.Name]; ok && err == nil {
			err = out.Chmod(mode)
		}
		if err == nil {
			err = out.Sync()
		}
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("cannot write %s: %w", f.Name, unwrapPath(err))
		}
	}
	syncDir(dir)
	return nil
}

// mkdirTemp makes a new folder .<base>.<12 hex>.integ-tmp in parent, with
// the mode the umask allows.
func mkdirTemp(parent, base string) (string, error) {
	for {
		name := filepath.Join(parent, "."+base+"."+randomHex()+tempSuffix)
		err := os.Mkdir(name, 0o777)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("cannot write in %s: %w", parent, unwrapPath(err))
		}
		return name, nil
	}
}
