// Package devtools drives a headless Chromium-family browser through the
// DevTools protocol over a pipe (--remote-debugging-pipe), for integ's
// end-to-end tests: load a page, collect every error the browser reports
// while loading it, read the DOM as the browser built it, and take a
// screenshot. No port is opened and nothing is fetched. Only tests import it.
package devtools

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// Browser is one running headless browser.
type Browser struct {
	cmd     *exec.Cmd
	toB     *os.File
	fromB   *os.File
	profile string

	mu      sync.Mutex
	nextID  int
	waiting map[int]chan message
	events  chan message
	readErr error
	done    chan struct{}
}

type message struct {
	ID        int                       `json:"id,omitempty"`
	Method    string                    `json:"method,omitempty"`
	Params    json.RawMessage           `json:"params,omitempty"`
	Result    json.RawMessage           `json:"result,omitempty"`
	Error     *struct{ Message string } `json:"error,omitempty"`
	SessionID string                    `json:"sessionId,omitempty"`
}

// Start launches the browser at path headless with a throw-away profile.
// As root, Chromium needs noSandbox.
func Start(path string, noSandbox bool) (*Browser, error) {
	profile, err := os.MkdirTemp("", "integ-devtools-")
	if err != nil {
		return nil, err
	}
	args := []string{
		"--headless=new", "--remote-debugging-pipe", "--disable-gpu", "--no-first-run",
		"--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
		"--disable-sync", "--disable-default-apps", "--disable-extensions", "--disable-quic",
		"--hide-scrollbars", "--user-data-dir=" + profile,
	}
	if noSandbox {
		args = append(args, "--no-sandbox")
	}
	// The browser reads commands on fd 3 and writes answers on fd 4.
	cmdR, cmdW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(path, append(args, "about:blank")...)
	cmd.ExtraFiles = []*os.File{cmdR, outW}
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		os.RemoveAll(profile)
		return nil, err
	}
	cmdR.Close()
	outW.Close()
	b := &Browser{cmd: cmd, toB: cmdW, fromB: outR, profile: profile,
		waiting: map[int]chan message{}, events: make(chan message, 4096), done: make(chan struct{})}
	go b.read()
	return b, nil
}

func (b *Browser) read() {
	defer close(b.done)
	r := bufio.NewReaderSize(b.fromB, 1<<20)
	for {
		raw, err := r.ReadBytes(0)
		if err != nil {
			b.mu.Lock()
			b.readErr = err
			for _, ch := range b.waiting {
				close(ch)
			}
			b.waiting = map[int]chan message{}
			b.mu.Unlock()
			return
		}
		var m message
		if json.Unmarshal(raw[:len(raw)-1], &m) != nil {
			continue
		}
		if m.ID != 0 {
			b.mu.Lock()
			ch := b.waiting[m.ID]
			delete(b.waiting, m.ID)
			b.mu.Unlock()
			if ch != nil {
				ch <- m
			}
			continue
		}
		select {
		case b.events <- m:
		default: // a test that floods events loses the oldest concerns; never block the reader
		}
	}
}

// call sends one command and waits for its answer.
func (b *Browser) call(ctx context.Context, session, method string, params any, result any) error {
	b.mu.Lock()
	if b.readErr != nil {
		b.mu.Unlock()
		return fmt.Errorf("%s: the browser has gone: %v", method, b.readErr)
	}
	b.nextID++
	id := b.nextID
	ch := make(chan message, 1)
	b.waiting[id] = ch
	b.mu.Unlock()
	msg := map[string]any{"id": id, "method": method, "params": params}
	if session != "" {
		msg["sessionId"] = session
	}
	raw, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	if _, err := b.toB.Write(append(raw, 0)); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case m, ok := <-ch:
		if !ok {
			return fmt.Errorf("%s: the browser closed the pipe", method)
		}
		if m.Error != nil {
			return fmt.Errorf("%s: %s", method, m.Error.Message)
		}
		if result != nil {
			return json.Unmarshal(m.Result, result)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

// Page is what loading one page gave.
type Page struct {
	// Problems are the errors and warnings the browser reported while
	// loading: console messages, uncaught exceptions, failed loads, log
	// entries (blocked requests, parse problems). A clean page has none.
	Problems []string
	// DOM is the document as the browser built it, serialised.
	DOM string
	// Screenshot is a PNG of the page's top, Width wide, at most MaxHeight high.
	Screenshot []byte
}

// Width and MaxHeight bound the screenshot, in CSS pixels.
const (
	Width     = 1280
	MaxHeight = 6000
)

// Load opens url in a new tab, waits for it to load, and returns what the
// browser reported, built and drew.
func (b *Browser) Load(ctx context.Context, url string) (*Page, error) {
	var target struct{ TargetID string }
	if err := b.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &target); err != nil {
		return nil, err
	}
	var attached struct{ SessionID string }
	if err := b.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached); err != nil {
		return nil, err
	}
	s := attached.SessionID
	for _, domain := range []string{"Page", "Runtime", "Log", "Network"} {
		if err := b.call(ctx, s, domain+".enable", map[string]any{}, nil); err != nil {
			return nil, err
		}
	}
	if err := b.call(ctx, s, "Emulation.setDeviceMetricsOverride", map[string]any{"width": Width, "height": 900, "deviceScaleFactor": 1, "mobile": false}, nil); err != nil {
		return nil, err
	}
	b.drain(s, nil)
	var nav struct{ ErrorText string }
	if err := b.call(ctx, s, "Page.navigate", map[string]any{"url": url}, &nav); err != nil {
		return nil, err
	}
	page := &Page{}
	if nav.ErrorText != "" {
		page.Problems = append(page.Problems, "navigation: "+nav.ErrorText)
	}
	if err := b.waitFor(ctx, s, "Page.loadEventFired", page); err != nil {
		return nil, err
	}
	var dom struct {
		Result struct{ Value string }
	}
	if err := b.call(ctx, s, "Runtime.evaluate", map[string]any{"expression": "document.documentElement.outerHTML", "returnByValue": true}, &dom); err != nil {
		return nil, err
	}
	page.DOM = dom.Result.Value
	shot, err := b.screenshot(ctx, s)
	if err != nil {
		return nil, err
	}
	page.Screenshot = shot
	// Whatever the browser reported up to the screenshot counts.
	b.drain(s, page)
	return page, nil
}

func (b *Browser) screenshot(ctx context.Context, session string) ([]byte, error) {
	var metrics struct {
		CSSContentSize struct{ Height float64 } `json:"cssContentSize"`
	}
	if err := b.call(ctx, session, "Page.getLayoutMetrics", map[string]any{}, &metrics); err != nil {
		return nil, err
	}
	height := min(max(metrics.CSSContentSize.Height, 1), MaxHeight)
	var shot struct{ Data string }
	err := b.call(ctx, session, "Page.captureScreenshot", map[string]any{
		"format": "png", "captureBeyondViewport": true,
		"clip": map[string]any{"x": 0, "y": 0, "width": Width, "height": height, "scale": 1},
	}, &shot)
	if err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(shot.Data)
}

// waitFor collects problems until the event arrives for the session.
func (b *Browser) waitFor(ctx context.Context, session, event string, page *Page) error {
	for {
		select {
		case m := <-b.events:
			if m.SessionID == session && m.Method == event {
				return nil
			}
			if m.SessionID == session {
				page.Problems = append(page.Problems, problem(m)...)
			}
		case <-b.done:
			return errors.New("the browser closed the pipe while loading")
		case <-ctx.Done():
			return fmt.Errorf("waiting for %s: %w", event, ctx.Err())
		}
	}
}

// drain takes the events already received; page nil drops them.
func (b *Browser) drain(session string, page *Page) {
	for {
		select {
		case m := <-b.events:
			if page != nil && m.SessionID == session {
				page.Problems = append(page.Problems, problem(m)...)
			}
		default:
			return
		}
	}
}

// problem describes an event that reports something wrong with the page.
func problem(m message) []string {
	switch m.Method {
	case "Runtime.consoleAPICalled":
		var p struct {
			Type string
			Args []struct {
				Value       any
				Description string
			}
		}
		json.Unmarshal(m.Params, &p)
		var parts []string
		for _, a := range p.Args {
			parts = append(parts, fmt.Sprint(a.Value)+a.Description)
		}
		return []string{"console." + p.Type + ": " + strings.Join(parts, " ")}
	case "Runtime.exceptionThrown":
		var p struct {
			ExceptionDetails struct{ Text string } `json:"exceptionDetails"`
		}
		json.Unmarshal(m.Params, &p)
		return []string{"exception: " + p.ExceptionDetails.Text}
	case "Log.entryAdded":
		var p struct {
			Entry struct{ Level, Source, Text, URL string }
		}
		json.Unmarshal(m.Params, &p)
		if p.Entry.Level == "error" || p.Entry.Level == "warning" {
			return []string{fmt.Sprintf("log %s (%s): %s %s", p.Entry.Level, p.Entry.Source, p.Entry.Text, p.Entry.URL)}
		}
	case "Network.loadingFailed":
		var p struct{ ErrorText string }
		json.Unmarshal(m.Params, &p)
		return []string{"load failed: " + p.ErrorText}
	case "Network.requestWillBeSent":
		var p struct {
			Request struct{ URL string }
		}
		json.Unmarshal(m.Params, &p)
		if u := p.Request.URL; !strings.HasPrefix(u, "file:") && !strings.HasPrefix(u, "about:") && !strings.HasPrefix(u, "data:") {
			return []string{"request: " + u}
		}
	}
	return nil
}

// Close ends the browser and removes its profile.
func (b *Browser) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = b.call(ctx, "", "Browser.close", map[string]any{}, nil)
	b.toB.Close()
	waited := make(chan error, 1)
	go func() { waited <- b.cmd.Wait() }()
	select {
	case <-waited:
	case <-time.After(10 * time.Second):
		b.cmd.Process.Kill()
		<-waited
	}
	b.fromB.Close()
	return os.RemoveAll(b.profile)
}
