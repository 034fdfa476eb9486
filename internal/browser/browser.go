// Package browser finds a Chromium-family browser already installed on the
// machine (Chromium, Google Chrome, Microsoft Edge) and prints a web page to
// PDF with it, headless. It never downloads a browser. It reads no flags and
// prints nothing: the CLI decides what to say.
package browser

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"time"
)

// ErrNotFound is returned by Find when no browser is installed where one is
// looked for.
var ErrNotFound = errors.New("no Chromium-family browser found")

// Env is what Find looks at: PATH lookups, environment variables, files. Tests
// fake it; System is the real one.
type Env struct {
	GOOS     string
	LookPath func(string) (string, error)
	Getenv   func(string) string
	Exists   func(string) bool
}

// System is the machine integ runs on.
func System() Env {
	return Env{
		GOOS:     runtime.GOOS,
		LookPath: exec.LookPath,
		Getenv:   os.Getenv,
		Exists: func(p string) bool {
			fi, err := os.Stat(p)
			return err == nil && !fi.IsDir()
		},
	}
}

// Names are the commands looked for on PATH, in order.
func Names() []string {
	return []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge", "msedge"}
}

// Find returns the first browser on PATH (see Names), else the first in the
// places macOS and Windows install them.
func Find(env Env) (string, error) {
	for _, name := range Names() {
		if p, err := env.LookPath(name); err == nil {
			return p, nil
		}
	}
	for _, p := range installed(env) {
		if env.Exists(p) {
			return p, nil
		}
	}
	return "", ErrNotFound
}

// installed are the usual install locations outside PATH.
func installed(env Env) []string {
	switch env.GOOS {
	case "darwin":
		return []string{
			"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
			"/Applications/Chromium.app/Contents/MacOS/Chromium",
			"/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
		}
	case "windows":
		var out []string
		for _, root := range []string{env.Getenv("ProgramFiles"), env.Getenv("ProgramFiles(x86)"), env.Getenv("LocalAppData")} {
			if root == "" {
				continue
			}
			out = append(out,
				filepath.Join(root, `Google\Chrome\Application\chrome.exe`),
				filepath.Join(root, `Chromium\Application\chrome.exe`),
				filepath.Join(root, `Microsoft\Edge\Application\msedge.exe`))
		}
		return out
	}
	return nil
}

// Args are the command-line flags that print page to pdf headless, with a
// profile of its own in profile. The browser starts no background services
// and adds no header or footer of its own (the page's print style sheet has
// one); the PDF gets bookmarks from the page's headings. Scripts stay enabled although the page has none: headless Chromium
// prints nothing without them. As root, Chromium refuses to start without
// --no-sandbox.
func Args(page, pdf, profile string, root bool) []string {
	args := []string{
		"--headless=new", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-default-apps", "--disable-extensions", "--disable-quic",
		"--user-data-dir=" + profile,
		"--no-pdf-header-footer", "--print-to-pdf-no-header",
		"--generate-pdf-document-outline", // bookmarks from the headings
		"--print-to-pdf=" + pdf,
	}
	if root {
		args = append(args, "--no-sandbox")
	}
	return append(args, FileURL(page))
}

// FileURL is the file:// URL of a local path, on Windows too.
func FileURL(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/Users/… becomes /C:/Users/…
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// PrintTimeout bounds one print: a browser that hangs must not hang integ.
const PrintTimeout = 2 * time.Minute

// PrintPDF prints the page through the browser at path and returns the PDF.
// The page and the browser's profile live in a temporary folder that is
// removed afterwards.
func PrintPDF(ctx context.Context, path string, page []byte) ([]byte, error) {
	dir, err := os.MkdirTemp("", "integ-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	htmlFile, pdfFile := filepath.Join(dir, "brief.html"), filepath.Join(dir, "brief.pdf")
	if err := os.WriteFile(htmlFile, page, 0o600); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, PrintTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, Args(htmlFile, pdfFile, filepath.Join(dir, "profile"), os.Geteuid() == 0)...)
	var stderr tail
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	cmd.WaitDelay = 5 * time.Second // helpers that keep stderr open do not keep integ waiting
	runErr := cmd.Run()
	if ctx.Err() != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("%s did not finish printing within %s", path, PrintTimeout)
		}
		return nil, ctx.Err()
	}
	pdf, err := os.ReadFile(pdfFile)
	if runErr != nil || err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		why := "it wrote no PDF"
		if runErr != nil {
			why = runErr.Error()
		}
		if last := stderr.last(); last != "" {
			why += ": " + last
		}
		return nil, fmt.Errorf("%s could not print the brief (%s)", path, why)
	}
	return pdf, nil
}

// tail keeps the end of what the browser wrote to standard error, which is
// long and mostly noise; its last line is the likeliest explanation.
type tail struct {
	buf []byte
	cut bool // the first line kept may be the end of a longer one
}

const tailSize = 4 << 10

func (t *tail) Write(p []byte) (int, error) {
	t.buf = append(t.buf, p...)
	if len(t.buf) > tailSize {
		t.buf = t.buf[len(t.buf)-tailSize:]
		t.cut = true
	}
	return len(p), nil
}

func (t *tail) last() string {
	lines := strings.Split(strings.TrimSpace(string(t.buf)), "\n")
	if t.cut {
		lines = lines[1:]
	}
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.Contains(strings.ToLower(lines[i]), "dbus") {
			continue // no session bus on a server: logged at every start, never the cause
		}
		if line := strings.TrimSpace(logPrefix.ReplaceAllString(lines[i], "")); line != "" {
			return line
		}
	}
	return ""
}

// logPrefix starts Chromium's log lines: [pid:tid:time:LEVEL:file.cc:line].
var logPrefix = regexp.MustCompile(`^\[[0-9:/.]+:[A-Z]+:[^\]]*\] `)
