package web_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/parleychat/parley/internal/browsertest"
	"github.com/parleychat/parley/internal/config"
)

// TestConsoleIdleAway: with PARLEY_AWAY_AFTER at 2s, a console that sees
// no activity sets its agent away (the status menu says "Away (idle)" and a
// polite notice says why), a key press sets it online again, and an agent
// who chose Away by hand stays away whatever it does; the console tabs of one
// browser go away and come back together (docs/console.md#presence).
func TestConsoleIdleAway(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t, func(cfg *config.Config) { cfg.AwayAfter = 2 * time.Second })
	inboxID := srv.DemoInboxID(t)
	c := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword)
	c.js(`document.querySelector('[data-connection=online]')`)

	waitPresence := func(c *console, want string) {
		c.t.Helper()
		browsertest.WaitFor(c.t, func() string {
			if got := c.presence(); got != want {
				return "GET /api/v1/me/presence = " + got + ", want " + want
			}
			return ""
		})
	}
	const menu = `document.querySelector('fieldset.presence')`
	const toasts = `document.querySelector('.toasts[aria-live=polite]').textContent`

	t.Run("IdleGoesAway", func(t *testing.T) {
		c := c.in(t)
		waitPresence(c, "away")
		c.js(menu + `.textContent.includes('Away (idle)') && document.querySelector('input[name=presence][value=away]').checked`)
		c.js(toasts + `.includes('You are away: no activity for 2 seconds.')`)
		if widgetOnline(t, srv, inboxID) {
			t.Error("the widget shows an agent online while the only one is away")
		}
	})
	t.Run("KeyComesBack", func(t *testing.T) {
		c := c.in(t)
		c.do(chromedp.KeyEvent(kb.Shift))
		waitPresence(c, "online")
		c.js(toasts + `.includes('Welcome back: you are online again.')`)
		// Still idle, it goes away again.
		waitPresence(c, "away")
	})
	t.Run("ChosenAwayStays", func(t *testing.T) {
		c := c.in(t)
		c.do(chromedp.Click(`input[name=presence][value=away]`))
		c.js(`localStorage.getItem('parley.console.presence') === 'away' && !` + menu + `.textContent.includes('(idle)')`)
		c.js(menu + `.getAttribute('aria-busy') === 'false'`)
		waitPresence(c, "away")
		// Let the console record activity again (it writes the time of the
		// last activity at most once a second), then press a key: the
		// console sees it, and sends nothing.
		c.js(`Date.now() - Number(localStorage.getItem('parley.console.activeAt')) > 1100`)
		before := browsertest.Eval[string](t, c.tab, `localStorage.getItem('parley.console.activeAt')`)
		c.do(chromedp.KeyEvent(kb.Shift))
		c.js(`Number(localStorage.getItem('parley.console.activeAt')) > ` + before)
		c.js(menu + `.getAttribute('aria-busy') === 'false'`)
		if got := c.presence(); got != "away" {
			t.Errorf("after a key press, an agent who chose Away is %s", got)
		}
	})
	t.Run("ChosenOnlineIdlesAgain", func(t *testing.T) {
		c := c.in(t)
		c.do(chromedp.Click(`input[name=presence][value=online]`))
		waitPresence(c, "online")
		waitPresence(c, "away")
		c.js(menu + `.textContent.includes('Away (idle)')`)
	})
	t.Run("TabsTogether", func(t *testing.T) {
		// A second console tab in the same browser: opening it is activity,
		// which brings the agent back in both; both then go away together,
		// and a key in either brings them back.
		tab2, cancel := chromedp.NewContext(c.tab)
		t.Cleanup(cancel)
		if err := chromedp.Do(tab2); err != nil { // opens the tab, for as long as tab2 lives
			t.Fatalf("open a second tab: %v", err)
		}
		c2 := &console{t: t, tab: tab2, url: srv.URL}
		c2.do(chromedp.Navigate(srv.URL + "/console"))
		c2.js(`document.querySelector('[data-connection=online]')`)
		waitPresence(c2, "online")
		c.in(t).js(`document.querySelector('input[name=presence][value=online]').checked`)
		waitPresence(c2, "away")
		for _, tab := range []*console{c.in(t), c2} {
			tab.js(menu + `.textContent.includes('Away (idle)') && document.querySelector('input[name=presence][value=away]').checked`)
		}
		c.in(t).do(chromedp.KeyEvent(kb.Shift))
		waitPresence(c2, "online")
		c2.js(`document.querySelector('input[name=presence][value=online]').checked`)
	})
	checkBrowserErrors(t, b)
}
