package fsutil

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

type failingWriter struct {
	w    io.Writer
	left int
}

func (f *failingWriter) Write(p []byte) (int, error) {
	if len(p) > f.left {
		n, _ := f.w.Write(p[:f.left])
		f.left = 0
		return n, errors.New("no space left on device")
	}
	f.left -= len(p)
	return f.w.Write(p)
}

func TestFailedWriteLeavesOldFileAndNoTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "spec.yaml")
	os.WriteFile(path, []byte("old contents\n"), 0o640)
	err := writeAtomic(path, []byte("new contents that will not fit\n"), 0o644, func(w io.Writer) io.Writer {
		return &failingWriter{w: w, left: 5}
	})
	if err == nil {
		t.Fatal("no error")
	}
	got, _ := os.ReadFile(path)
	if string(got) != "old contents\n" {
		t.Errorf("file is %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}
}

func TestWriteKeepsModeAndReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	os.WriteFile(path, []byte("a"), 0o600)
	if err := WriteFileAtomic(path, []byte("b"), 0o644); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	got, _ := os.ReadFile(path)
	if string(got) != "b" || info.Mode().Perm() != 0o600 {
		t.Errorf("got %q mode %v", got, info.Mode().Perm())
	}
}

func TestStaleTempFilesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "spec.yaml")
	stale := filepath.Join(dir, ".spec.yaml.123.tmp")
	fresh := filepath.Join(dir, ".spec.yaml.456.tmp")
	other := filepath.Join(dir, ".other.yaml.789.tmp")
	for _, f := range []string{stale, fresh, other} {
		os.WriteFile(f, []byte("x"), 0o644)
	}
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(stale, old, old)
	os.Chtimes(other, old, old)
	if err := WriteFileAtomic(path, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a stale temporary file of this spec was kept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a recent temporary file (maybe another save in progress) was removed")
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("another file's temporary file was removed")
	}
}
