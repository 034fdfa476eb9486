//go:build unix

package fsutil

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func setUmask(m int) int { return syscall.Umask(m) }

// A new file gets what the umask allows; an existing one keeps its mode,
// even one the umask would not give.
func TestNewFileHonoursUmask(t *testing.T) {
	old := setUmask(0o077)
	defer setUmask(old)
	dir := t.TempDir()
	fresh := filepath.Join(dir, "new.yaml")
	if err := WriteFileAtomic(fresh, []byte("x"), 0o666); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(fresh); info.Mode().Perm() != 0o600 {
		t.Errorf("a new file under umask 077 has mode %v, want 0600", info.Mode().Perm())
	}
	shared := filepath.Join(dir, "shared.yaml")
	os.WriteFile(shared, []byte("x"), 0o664)
	os.Chmod(shared, 0o664)
	if err := WriteFileAtomic(shared, []byte("y"), 0o666); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(shared); info.Mode().Perm() != 0o664 {
		t.Errorf("a saved file has mode %v, want its own 0664", info.Mode().Perm())
	}
}
