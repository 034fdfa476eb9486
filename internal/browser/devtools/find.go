package devtools

import (
	"os"
	"testing"

	"github.com/integ-dev/integ/internal/browser"
)

// BrowserForTest returns the browser an end-to-end test uses, or skips the
// test where none is installed, saying how to get one. With
// INTEG_REQUIRE_BROWSER set (.ci/run sets it, after installing Chromium)
// a missing browser fails the test instead.
func BrowserForTest(t testing.TB) string {
	t.Helper()
	path, err := browser.Find(browser.System())
	if err != nil {
		if os.Getenv("INTEG_REQUIRE_BROWSER") != "" {
			t.Fatalf("INTEG_REQUIRE_BROWSER is set, but: %v", err)
		}
		t.Skipf("%v: install one (Debian: apt-get install chromium) to run this test", err)
	}
	return path
}
