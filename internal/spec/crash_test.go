package spec

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/integ-dev/integ/checklist"
)

// The child-process half of the crash tests: when INTEG_TEST_SAVE_LOOP names a
// spec, this test binary saves two versions of it alternately until killed.
func TestMain(m *testing.M) {
	if path := os.Getenv("INTEG_TEST_SAVE_LOOP"); path != "" {
		saveLoop(path)
		return
	}
	if path := os.Getenv("INTEG_TEST_SAVE_AFTER_SIGNAL"); path != "" {
		saveAfterSignal(path)
		return
	}
	os.Exit(m.Run())
}

// setVersion gives s the answers of version i (0 or 1): notes near the
// length limit on a dozen questions, about 100 KB, so that writing one takes
// long enough for a kill to land in the middle of it often.
func setVersion(s *Spec, b *checklist.Bank, i int) {
	note := strings.Repeat(fmt.Sprintf("version %d of a long note. ", i), checklist.MaxNote/28)
	for _, q := range b.Questions()[:12] {
		s.Set(q.ID, Answer{Note: note})
	}
	s.Set("project.name", Answer{Values: []string{fmt.Sprintf("Version %d", i)}, Note: note})
}

func saveLoop(path string) {
	b, err := bankOrErr()
	if err != nil {
		os.Exit(3)
	}
	for i := 0; ; i++ {
		s, err := Load(path, b)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(4)
		}
		setVersion(s, b, i%2)
		if _, err := s.Save(b, now); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(5)
		}
	}
}

// saveAfterSignal loads the spec, says so on stdout, waits for a line on
// stdin, then changes an answer and saves.
func saveAfterSignal(path string) {
	b, _ := bankOrErr()
	s, err := Load(path, b)
	if err != nil {
		os.Exit(3)
	}
	fmt.Println("loaded")
	var line string
	fmt.Scanln(&line)
	s.Set("project.inventory", Answer{Values: []string{"From the second process"}})
	_, err = s.Save(b, now)
	var conflict *ConflictError
	if errors.As(err, &conflict) {
		fmt.Println("conflict:", conflict.Mine)
		os.Exit(1)
	}
	if err != nil {
		os.Exit(4)
	}
}

func TestKillDuringSaveLeavesOldOrNew(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes in a loop")
	}
	b := bank(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "integration-spec.yaml")
	// The two versions the child alternates between, rendered the same way.
	var want [2][]byte
	for i := range want {
		s := New(filepath.Join(t.TempDir(), "x.yaml"), b)
		setVersion(s, b, i)
		data, err := s.render(b, now)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = data
	}
	if err := os.WriteFile(path, want[0], 0o644); err != nil {
		t.Fatal(err)
	}
	// The delays are random; the seed is logged so that a failure can be
	// replayed with INTEG_CRASH_SEED.
	seed := time.Now().UnixNano()
	if env := os.Getenv("INTEG_CRASH_SEED"); env != "" {
		seed, _ = strconv.ParseInt(env, 10, 64)
	}
	t.Logf("seed %d (replay with INTEG_CRASH_SEED=%d)", seed, seed)
	rng := rand.New(rand.NewSource(seed))
	seen := [2]int{}
	midWrite := 0
	temps := func() int {
		m, _ := filepath.Glob(filepath.Join(dir, ".*.integ-tmp"))
		return len(m)
	}
	// At least 40 kills, and more (up to 200) until three landed mid-write:
	// on a loaded machine a save's parts take different shares of the time.
	rounds := 0
	for round := 0; round < 40 || midWrite < 3 && round < 200; round++ {
		rounds++
		before := temps()
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "INTEG_TEST_SAVE_LOOP="+path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(50+rng.Intn(250)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		// A temporary file left behind means the kill landed while a new
		// version was being written, between creating it and the rename.
		if temps() > before {
			midWrite++
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		switch {
		case bytes.Equal(got, want[0]):
			seen[0]++
		case bytes.Equal(got, want[1]):
			seen[1]++
		default:
			t.Fatalf("round %d: after kill -9 the file is neither version (%d bytes)", round, len(got))
		}
	}
	t.Logf("%d kills: old/new %v; %d landed while a version was being written", rounds, seen, midWrite)
	// Without kills in the middle of a write this test would prove nothing.
	if midWrite == 0 {
		t.Errorf("no kill landed while a version was being written (seed %d): the test proved nothing", seed)
	}
}

// Two processes that loaded the same spec and changed different answers:
// the second to save merges with the first's save, and both answers stay.
func TestSecondProcessMergesAndLosesNothing(t *testing.T) {
	b := bank(t)
	s := sample(t, b)
	if _, err := s.Save(b, now); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "INTEG_TEST_SAVE_AFTER_SIGNAL="+s.Path)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	child := bufio.NewReader(stdout)
	if line, err := child.ReadString('\n'); err != nil || line != "loaded\n" {
		t.Fatalf("the child said %q (%v)", line, err)
	}
	// This process saves first.
	s.Set("project.name", Answer{Values: []string{"From the first process"}})
	if _, err := s.Save(b, now); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(stdin, "go")
	rest, _ := io.ReadAll(child)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("second process: %v; it said %q", err, rest)
	}
	after, err := Load(s.Path, b)
	if err != nil {
		t.Fatal(err)
	}
	if after.Answers["project.name"].Value() != "From the first process" || after.Answers["project.inventory"].Value() != "From the second process" {
		t.Errorf("an answer was lost: name %q, inventory %q", after.Answers["project.name"].Value(), after.Answers["project.inventory"].Value())
	}
	if _, err := os.Stat(s.Path + ".mine"); err == nil {
		t.Error("a .mine file was written although the answers merged")
	}
}
