package devtools

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/integ-dev/integ/internal/browser"
)

// The checker sees what is wrong with a page: a missing image, a style sheet
// from the network, a script's console error and exception; a clean page
// reports nothing.
func TestLoadReportsProblems(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	path := BrowserForTest(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.html")
	good := filepath.Join(dir, "good.html")
	os.WriteFile(bad, []byte(`<!DOCTYPE html><html><head><link rel="stylesheet" href="https://fonts.example.com/a.css"></head>
<body><p>bad</p><img src="missing.png"><script>console.error("boom"); undefinedFunction();</script></body></html>`), 0o644)
	os.WriteFile(good, []byte(`<!DOCTYPE html><html><head><title>ok</title><style>p{color:#333}</style></head><body><p id="x">good</p></body></html>`), 0o644)
	b, err := Start(path, os.Geteuid() == 0)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	page, err := b.Load(ctx, browser.FileURL(bad))
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(page.Problems, "\n")
	t.Logf("the bad page reported:\n%s", all)
	for _, want := range []string{"console.error: boom", "exception: ", "missing.png", "fonts.example.com"} {
		if !strings.Contains(all, want) {
			t.Errorf("the bad page's problems lack %q:\n%s", want, all)
		}
	}
	page, err = b.Load(ctx, browser.FileURL(good))
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Problems) > 0 {
		t.Errorf("a clean page reported: %q", page.Problems)
	}
	if !strings.Contains(page.DOM, `<p id="x">good</p>`) || len(page.Screenshot) < 100 || string(page.Screenshot[1:4]) != "PNG" {
		t.Errorf("DOM %q, screenshot of %d bytes", page.DOM, len(page.Screenshot))
	}
}
