package browser

import (
	"errors"
	"os/exec"
	"slices"
	"testing"
)

func fakeEnv(goos string, onPath map[string]string, files ...string) Env {
	return Env{
		GOOS: goos,
		LookPath: func(name string) (string, error) {
			if p, ok := onPath[name]; ok {
				return p, nil
			}
			return "", exec.ErrNotFound
		},
		Getenv: func(k string) string {
			return map[string]string{"ProgramFiles": `C:\Program Files`, "LocalAppData": `C:\Users\dana\AppData\Local`}[k]
		},
		Exists: func(p string) bool { return slices.Contains(files, p) },
	}
}

func TestFind(t *testing.T) {
	for _, c := range []struct {
		name string
		env  Env
		want string
	}{
		{"chromium first", fakeEnv("linux", map[string]string{"google-chrome": "/opt/chrome", "chromium": "/usr/bin/chromium"}), "/usr/bin/chromium"},
		{"chrome on PATH", fakeEnv("linux", map[string]string{"google-chrome": "/opt/chrome"}), "/opt/chrome"},
		{"edge on PATH", fakeEnv("linux", map[string]string{"microsoft-edge": "/usr/bin/microsoft-edge"}), "/usr/bin/microsoft-edge"},
		{"macOS app", fakeEnv("darwin", nil, "/Applications/Chromium.app/Contents/MacOS/Chromium"), "/Applications/Chromium.app/Contents/MacOS/Chromium"},
		{"PATH before apps", fakeEnv("darwin", map[string]string{"chromium": "/opt/homebrew/bin/chromium"}, "/Applications/Chromium.app/Contents/MacOS/Chromium"), "/opt/homebrew/bin/chromium"},
	} {
		got, err := Find(c.env)
		if err != nil || got != c.want {
			t.Errorf("%s: Find = %q, %v; want %q", c.name, got, err, c.want)
		}
	}
	// Windows installs Edge with the system: found under Program Files.
	win := fakeEnv("windows", nil)
	edge := installed(win)[2]
	win.Exists = func(p string) bool { return p == edge }
	if got, err := Find(win); err != nil || got != edge {
		t.Errorf("windows: Find = %q, %v; want %q", got, err, edge)
	}
	if _, err := Find(fakeEnv("linux", nil, "/Applications/Chromium.app/Contents/MacOS/Chromium")); !errors.Is(err, ErrNotFound) {
		t.Errorf("nothing installed: err = %v, want ErrNotFound", err)
	}
}

func TestArgs(t *testing.T) {
	user := Args("/tmp/x/brief.html", "/tmp/x/brief.pdf", "/tmp/x/profile", false)
	for _, want := range []string{"--headless=new", "--print-to-pdf=/tmp/x/brief.pdf", "--user-data-dir=/tmp/x/profile", "--no-pdf-header-footer", "--disable-background-networking"} {
		if !slices.Contains(user, want) {
			t.Errorf("args lack %s: %q", want, user)
		}
	}
	if slices.Contains(user, "--no-sandbox") || !slices.Contains(Args("p", "q", "r", true), "--no-sandbox") {
		t.Error("--no-sandbox must be given as root and only as root")
	}
	if last := user[len(user)-1]; last != "file:///tmp/x/brief.html" {
		t.Errorf("the page is %q", last)
	}
	if got := FileURL("/tmp/a folder/brief #1.html"); got != "file:///tmp/a%20folder/brief%20%231.html" {
		t.Errorf("FileURL = %q", got)
	}
}

// The reason given for a failed print is the last line that is not D-Bus
// noise, without Chromium's log prefix.
func TestTailLast(t *testing.T) {
	var tl tail
	tl.Write([]byte("[1:1:1127/140513.2:ERROR:zygote_host_impl_linux.cc:101] Running as root without --no-sandbox is not supported.\n"))
	for range 200 {
		tl.Write([]byte("[22692:22721:1127/140512.581142:ERROR:dbus/bus.cc:405] Failed to connect to the bus: no socket\n"))
	}
	if got := tl.last(); got != "" {
		t.Errorf("only noise left in the tail, got %q", got)
	}
	tl.Write([]byte("[1:1:1127/140513.2:ERROR:zygote_host_impl_linux.cc:101] Running as root without --no-sandbox is not supported.\n[1:1:1:ERROR:dbus/object_proxy.cc:572] Failed to call method: org.freedesktop.DBus.NameHasOwner\n"))
	if got := tl.last(); got != "Running as root without --no-sandbox is not supported." {
		t.Errorf("last = %q", got)
	}
	if len(tl.buf) > tailSize {
		t.Errorf("the tail keeps %d bytes", len(tl.buf))
	}
}
