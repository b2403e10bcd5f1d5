// Package browsertest runs Parley's browser tests: it boots a whole Parley
// node in-process (SQLite, embedded NATS, demo mode) on 127.0.0.1:0 and
// drives Debian's headless Chromium through chromedp. It also takes the
// screenshots in docs/screenshots and runs axe-core accessibility checks.
//
// Browser tests skip, saying why, unless PARLEY_TEST_BROWSER=1 (.ci/run
// sets it); when it is set, a missing Chromium or axe-core fails them.
//
//	srv := browsertest.StartServer(t)
//	b := browsertest.NewBrowser(t)
//	tab := b.NewTab(t) // its own cookies and storage
//	browsertest.Run(t, tab, chromedp.Navigate(srv.URL))
package browsertest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// Env enables the browser tests.
const Env = "PARLEY_TEST_BROWSER"

// ChromiumPath is the browser the tests drive.
const ChromiumPath = "/usr/bin/chromium"

// Wait bounds every wait for something asynchronous in a browser test.
const Wait = 20 * time.Second

// Require skips the test unless PARLEY_TEST_BROWSER is set, and fails it
// when it is set but Chromium is missing.
func Require(t testing.TB) {
	t.Helper()
	if os.Getenv(Env) == "" {
		t.Skipf("set %s=1 to run the browser tests (they need %s and web/node_modules for axe-core)", Env, ChromiumPath)
	}
	if _, err := os.Stat(ChromiumPath); err != nil {
		t.Fatalf("%s is set but Chromium is missing: %v (apt-get install chromium)", Env, err)
	}
}

// RepoRoot is the repository's root directory.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}
