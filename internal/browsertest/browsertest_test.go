package browsertest_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/parleychat/parley/internal/browsertest"
)

// The harness boots a server in demo mode and a browser that loads its
// pages, under the pages' Content-Security-Policy, without errors.
func TestHarness(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	tab := b.NewTab(t)
	browsertest.Do(t, tab, chromedp.Navigate(srv.URL+"/console"))
	// The console has rendered once its sign-in form is there.
	browsertest.WaitJS(t, tab, `document.querySelector('#login-title') !== null`)
	if got := browsertest.Eval[string](t, tab, "document.title"); !strings.Contains(got, "Parley") {
		t.Errorf("console title = %q", got)
	}
	if id := srv.DemoInboxID(t); id == "" {
		t.Error("no demo inbox")
	}
	if errs := b.UnexpectedErrors(); len(errs) > 0 {
		t.Errorf("page errors: %q", errs)
	}
}
