package fsutil

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// Lock lets one holder in at a time, gives up after the wait with ErrLocked,
// and leaves no lock file behind.
func TestLockSerialises(t *testing.T) {
	path := filepath.Join(t.TempDir(), "spec.yaml")
	unlock, err := Lock(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Lock(path, 50*time.Millisecond); !errors.Is(err, ErrLocked) {
		t.Fatalf("a second lock while the first is held: %v, want ErrLocked", err)
	}
	unlock()
	if _, err := os.Stat(filepath.Join(filepath.Dir(path), ".spec.yaml.integ-lock")); removeLockFiles && err == nil {
		t.Error("the lock file was left behind")
	}

	// Many holders in turn: a counter read and written under the lock is
	// never raced, as a spec read, merged and renamed under it is not.
	var inside, most, total int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			unlock, err := Lock(path, 10*time.Second)
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			inside++
			most = max(most, inside)
			mu.Unlock()
			time.Sleep(2 * time.Millisecond)
			mu.Lock()
			inside--
			total++
			mu.Unlock()
			unlock()
		}()
	}
	wg.Wait()
	if most != 1 || total != 20 {
		t.Errorf("%d holders at once at most, %d in all; want 1 and 20", most, total)
	}
}
