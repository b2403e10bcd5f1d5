package browsertest_test

import (
	"net/url"
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

// Axe judges colours as shown once animations end: text that fades in
// over a second, readable at its end, is not reported while it fades.
func TestAxeWaitsForAnimations(t *testing.T) {
	b := browsertest.NewBrowser(t)
	tab := b.NewTab(t)
	page := `<!doctype html><html lang="en"><head><title>Fade</title><style>
		@keyframes fade { from { opacity: 0.2 } }
		p { color: #000; background: #fff; animation: fade 1s linear; }
		</style></head><body><main><p>Readable once shown.</p></main></body></html>`
	browsertest.Do(t, tab, chromedp.Navigate("data:text/html,"+url.PathEscape(page)))
	browsertest.WaitJS(t, tab, `document.getAnimations().length === 1`)
	for _, v := range browsertest.Axe(t, tab) {
		if v.ID == "color-contrast" {
			t.Errorf("axe-core judged the text while it faded in: %s", v)
		}
	}
}
