package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"

	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/browsertest"
)

// serveImages answers the tab's requests for urlPattern (e.g.
// "https://cdn.example/*") with a PNG, as that host would: the browser
// of the tests reaches no other host.
func serveImages(t *testing.T, tab context.Context, urlPattern string) {
	t.Helper()
	png := pngFile(t)
	paused := make(chan fetch.RequestID, 16)
	if err := chromedp.Listen(tab, func(ev any) {
		if e, ok := ev.(*fetch.EventRequestPaused); ok {
			paused <- e.RequestID
		}
	}); err != nil {
		t.Fatal(err)
	}
	go func() {
		for id := range paused {
			ctx, cancel := context.WithTimeout(tab, browsertest.Wait)
			chromedp.Call(ctx, fetch.FulfillRequest, fetch.FulfillRequestParams{
				RequestID: id, ResponseCode: 200, Body: png,
				ResponseHeaders: []*fetch.HeaderEntry{{Name: "Content-Type", Value: "image/png"}},
			})
			cancel()
		}
	}()
	cdpCall(t, tab, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: urlPattern}}})
}

// Visitors see who answers: the agent's name and picture on its messages,
// and the name an app gives for messages it sends on someone's behalf, as
// messages (not event lines).
func TestWidgetNamesWhoAnswers(t *testing.T) {
	c := startChat(t, "Which pack fits a 2-day hike?")
	ctx := t.Context()
	ada, err := c.srv.Admin.CreateAgent(ctx, client.CreateAgentInput{
		Email: "ada@example.com", Name: "Ada Park", Password: "ada-password-1234", AvatarURL: "https://cdn.example/ada.png",
	})
	if err != nil {
		t.Fatal(err)
	}
	serveImages(t, c.tab, "https://cdn.example/*")
	c.reply(t, "The Summit 45 is a good fit.") // Ann Lee, who took it: no picture
	if _, err := c.srv.Admin.Transfer(ctx, c.conv.ID, c.agent.ID, ada.ID); err != nil {
		t.Fatal(err)
	}
	adaClient := c.srv.Client(t)
	res, err := adaClient.Login(ctx, client.LoginInput{Email: "ada@example.com", Password: "ada-password-1234"})
	if err != nil {
		t.Fatal(err)
	}
	adaClient, err = client.New(c.srv.URL, client.WithSession(res.Session, res.CSRFToken))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := adaClient.SendMessage(ctx, c.conv.ID, client.SendInput{Body: "Ada here: it also has a rain cover."}); err != nil {
		t.Fatal(err)
	}
	// An app (the admin's API token) relays a partner's agent.
	if _, err := c.srv.Admin.SendMessage(ctx, c.conv.ID, client.SendInput{Body: "Your order ships today.", DisplayName: "Sam from Logistics"}); err != nil {
		t.Fatal(err)
	}
	waitText(t, c.tab, "Your order ships today.")

	// who returns the name and picture shown on the message holding text.
	who := func(text string) string {
		return browsertest.Eval[string](t, c.tab, `(() => {
			const m = [...`+shadow+`.querySelectorAll('.msg.them')].find(e => e.querySelector('.bubble').textContent.includes(`+jsString(text)+`));
			if (!m) return 'no message';
			const img = m.querySelector('.meta img.avatar');
			return m.querySelector('.meta .who').textContent + (img ? ' ' + img.getAttribute('src') + (img.complete && img.naturalWidth > 0 ? ' loaded' : '') : '');
		})()`)
	}
	for _, tc := range []struct{ text, want string }{
		{"The Summit 45 is a good fit.", "Ann Lee"},
		{"Ada here: it also has a rain cover.", "Ada Park https://cdn.example/ada.png loaded"},
		{"Your order ships today.", "Sam from Logistics"},
	} {
		browsertest.WaitFor(t, func() string {
			if got := who(tc.text); got != tc.want {
				return "the message " + tc.text + " shows " + got + ", want " + tc.want
			}
			return ""
		})
	}
	if n := jsCount(t, c.tab, ".event"); n != 0 {
		t.Errorf("the widget shows %d event lines, want none: %q", n, logText(t, c.tab))
	}
	if got := logText(t, c.tab); strings.Contains(got, "Support ·") {
		t.Errorf("a message is still signed Support: %q", got)
	}
	browsertest.RequireAccessible(t, c.tab, "the widget with agents' names")
	noBrowserErrors(t, c.b)
}
