package fsutil

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
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
	data := []byte("new contents that will not fit\n")
	err := writeAtomic(path, 0o644, func(w io.Writer) error { _, err := w.Write(data); return err }, func(w io.Writer) io.Writer {
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

// Only integ's own temporary files, by their exact name, are cleaned up; a
// glob built from the file's name ("s*.yaml") matched other people's files.
func TestStaleTempFilesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s*.yaml")
	stale := filepath.Join(dir, ".s*.yaml.0123456789ab.integ-tmp")
	fresh := filepath.Join(dir, ".s*.yaml.ba9876543210.integ-tmp")
	keep := []string{
		filepath.Join(dir, ".other.yaml.0123456789ab.integ-tmp"), // another file's
		filepath.Join(dir, ".spec.yaml.123.tmp"),                 // not integ's: matched the glob .s*.yaml.*.tmp
		filepath.Join(dir, ".s*.yaml.backup.tmp"),                // a person's own backup
		filepath.Join(dir, ".s*.yaml.0123456789AB.integ-tmp"),    // not the exact shape
		filepath.Join(dir, ".s*.yaml.0123456789abc.integ-tmp"),   // not the exact shape
	}
	for _, f := range append([]string{stale, fresh}, keep...) {
		os.WriteFile(f, []byte("x"), 0o644)
	}
	old := time.Now().Add(-2 * time.Hour)
	for _, f := range append([]string{stale}, keep...) {
		os.Chtimes(f, old, old)
	}
	if err := WriteFileAtomic(path, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a stale temporary file of this spec was kept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a recent temporary file (maybe another save in progress) was removed")
	}
	for _, f := range keep {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s was removed; it is not integ's", filepath.Base(f))
		}
	}
}

// A linked file is saved through the link: the target changes, the link stays.
func TestWriteFollowsLinks(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "shared", "spec.yaml")
	os.Mkdir(filepath.Dir(target), 0o755)
	os.WriteFile(target, []byte("old"), 0o640)
	link := filepath.Join(dir, "spec.yaml")
	if err := os.Symlink("shared/spec.yaml", link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := WriteFileAtomic(link, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Errorf("the target holds %q", got)
	}
	if info, _ := os.Stat(target); info.Mode().Perm() != 0o640 {
		t.Errorf("the target's mode is %v, want 0640", info.Mode().Perm())
	}
	os.Remove(target)
	if err := WriteFileAtomic(link, []byte("x"), 0o644); err == nil || !strings.Contains(err.Error(), "is a link to shared/spec.yaml, which does not exist") {
		t.Errorf("writing through a dangling link: %v", err)
	}
}

// A file made read-only is refused, by root too, and left as it was.
func TestReadOnlyFileIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "spec.yaml")
	os.WriteFile(path, []byte("old"), 0o444)
	err := WriteFileAtomic(path, []byte("new"), 0o644)
	if err == nil || !strings.Contains(err.Error(), "is read-only") {
		t.Errorf("got %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("the read-only file now holds %q", got)
	}
}

// WriteFileNew never replaces a file: it picks the next free name.
func TestWriteFileNewNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "spec.yaml.mine")
	os.WriteFile(path, []byte("first"), 0o644)
	os.WriteFile(path+".1", []byte("second"), 0o644)
	name, err := WriteFileNew(path, []byte("third"), 0o644)
	if err != nil || name != path+".2" {
		t.Fatalf("wrote %q (%v), want %s", name, err, path+".2")
	}
	for f, want := range map[string]string{path: "first", path + ".1": "second", path + ".2": "third"} {
		if got, _ := os.ReadFile(f); string(got) != want {
			t.Errorf("%s holds %q, want %q", filepath.Base(f), got, want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// A renderer that fails half-way through WriteAtomic leaves the old file and
// no temporary one, and its own error is returned as it is.
func TestWriteAtomicRendererFailsHalfway(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "brief.md")
	os.WriteFile(path, []byte("old brief\n"), 0o644)
	broken := errors.New("template: line 3: no such field")
	err := WriteAtomic(path, 0o644, func(w io.Writer) error {
		w.Write(bytes.Repeat([]byte("half a brief\n"), 10000))
		return broken
	})
	if err != broken {
		t.Fatalf("err = %v, want the renderer's own", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old brief\n" {
		t.Errorf("file is %.40q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}
	if err := WriteAtomic(path, 0o644, func(w io.Writer) error {
		_, err := io.WriteString(w, "new brief\n")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new brief\n" {
		t.Errorf("file is %q", got)
	}
}
