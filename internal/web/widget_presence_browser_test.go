package web_test

import (
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"

	"github.com/parleychat/parley/internal/browsertest"
	"github.com/parleychat/parley/internal/config"
)

const (
	onlineText = "We usually reply in a few minutes"
	awayText   = "We are away right now."
)

// The widget's header follows the agents' availability live, without being
// reopened: the agent opens the console and the visitor's open widget says
// someone is there; the agent closes the console and, within the grace
// period plus 2 s, the widget says away; the agent opens the console again
// and the widget says online again.
func TestWidgetAvailabilityFollowsTheConsole(t *testing.T) {
	const grace = 3 * time.Second
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t, func(c *config.Config) { c.PresenceGrace = grace })
	visitor := b.NewTab(t)
	guestWrites(t, visitor, srv, "Anyone there?")
	header := func() string {
		return browsertest.Eval[string](t, visitor, `(`+shadow+`?.querySelector('.head .sub')?.textContent) || ''`)
	}
	// waitHeader waits for the header's text, at most within, and returns
	// how long it took.
	waitHeader := func(t *testing.T, want string, within time.Duration) time.Duration {
		t.Helper()
		start := time.Now()
		for header() != want {
			if time.Since(start) > within {
				t.Fatalf("after %s the widget still says %q, want %q", within, header(), want)
			}
			time.Sleep(50 * time.Millisecond)
		}
		return time.Since(start)
	}
	if got := header(); got != awayText {
		t.Fatalf("with no agent signed in, the widget says %q", got)
	}

	agent := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword)
	t.Run("OnlineWhenTheConsoleOpens", func(t *testing.T) {
		waitHeader(t, onlineText, browsertest.Wait)
		if !browsertest.Eval[bool](t, visitor, shadow+`.querySelector('.head .dot.on') !== null`) {
			t.Error("the presence dot is not on")
		}
	})
	t.Run("AwayWhenTheConsoleCloses", func(t *testing.T) {
		cdpCall(t, agent.tab, page.Close, cdp.Empty{})
		took := waitHeader(t, awayText, grace+2*time.Second)
		t.Logf("the widget said away %s after the console closed (grace %s)", took.Round(100*time.Millisecond), grace)
		if browsertest.Eval[bool](t, visitor, shadow+`.querySelector('.panel.open') === null`) {
			t.Error("the widget was closed meanwhile")
		}
	})
	t.Run("OnlineWhenTheConsoleOpensAgain", func(t *testing.T) {
		openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword)
		waitHeader(t, onlineText, browsertest.Wait)
	})
	noBrowserErrors(t, b)
}
