package web_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/browsertest"
)

// tellWhoIAm has a visitor say who it is, as the widget's pre-chat form
// does (PATCH /api/v1/visitor/contact).
func (v *visitor) tellWhoIAm(t *testing.T, srv *browsertest.Server, fields map[string]string) {
	t.Helper()
	body, _ := json.Marshal(fields)
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPatch, srv.URL+"/api/v1/visitor/contact", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+v.api.Token())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("PATCH /api/v1/visitor/contact: %d", resp.StatusCode)
	}
}

// delayRealtimeAuth is a page script that holds back the console's
// real-time authentication for 1.5 s: the REST calls of a page load then
// finish before the connection is ready, every time.
const delayRealtimeAuth = `(() => {
	const send = WebSocket.prototype.send;
	WebSocket.prototype.send = function (data) {
		if (typeof data === 'string' && data.includes('"type":"auth"')) setTimeout(() => send.call(this, data), 1500);
		else send.call(this, data);
	};
})()`

// The console's details a new user tripped over: the composer's hint reads
// right; a conversation opened from its URL shows its last message in the
// list; a name a guest gives after its conversation is listed, and an
// inbox created after the console loaded, show without a reload; a long
// email address wraps at its dots and @; the Agents page shows the signed-in
// admin online.
func TestConsoleDetails(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	ctx := t.Context()
	inboxID := srv.DemoInboxID(t)
	c := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword)
	guest := newVisitor(t, srv, inboxID, "Hello, anyone?")
	c.js(`document.querySelector('` + item(guest.convID) + `')`)

	t.Run("ComposerHint", func(t *testing.T) {
		c := c.in(t)
		c.do(chromedp.Click(item(guest.convID)))
		c.js(`document.querySelector('.composer-hint')`)
		if got := browsertest.Eval[string](t, c.tab, `document.querySelector('.composer-hint').innerText`); !strings.Contains(got, "waiting in the queue. Take it to let") {
			t.Errorf("the composer's hint reads %q", got)
		}
	})

	t.Run("GuestNameWithoutReload", func(t *testing.T) {
		c := c.in(t)
		c.js(`document.querySelector('` + item(guest.convID) + ` .conv-name')?.textContent.startsWith('Visitor ')`)
		guest.tellWhoIAm(t, srv, map[string]string{"name": "Zoe Quinn", "email": "zoe.quinn.from.the.long.department.of.examples@subdomain.example-company.com"})
		guest.say(t, "I am Zoe, by the way.")
		c.js(`document.querySelector('` + item(guest.convID) + ` .conv-name')?.textContent === 'Zoe Quinn'`)
		c.js(`document.querySelector('.pane-contact #contact-title')?.textContent === 'Zoe Quinn'`)
	})

	t.Run("LongEmailWraps", func(t *testing.T) {
		c := c.in(t)
		dd := `[...document.querySelectorAll('.pane-contact dd')].find(d => d.textContent.includes('@'))`
		c.js(dd)
		// Where the lines break: each break must come after the @ or
		// before a dot, and nothing may stick out of the panel.
		got := browsertest.Eval[string](t, c.tab, `(() => {
			const dd = `+dd+`;
			if (dd.scrollWidth > dd.clientWidth + 1) return 'overflows: ' + dd.scrollWidth + ' > ' + dd.clientWidth;
			const chars = [];
			const walk = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT);
			for (let n; (n = walk.nextNode());) for (let i = 0; i < n.length; i++) {
				const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
				chars.push([n.data[i], r.getBoundingClientRect().top]);
			}
			const bad = [];
			let lines = 1;
			for (let i = 1; i < chars.length; i++) {
				if (chars[i][1] > chars[i - 1][1] + 2) {
					lines++;
					if (chars[i - 1][0] !== '@' && chars[i][0] !== '.') bad.push(chars[i - 1][0] + '|' + chars[i][0]);
				}
			}
			if (lines < 2) return 'on one line: the test needs a narrower panel';
			return bad.length ? 'breaks inside words: ' + bad.join(' ') : '';
		})()`)
		if got != "" {
			t.Errorf("the long email in the contact panel: %s", got)
		}
	})

	t.Run("InboxCreatedAfterLoad", func(t *testing.T) {
		c := c.in(t)
		kiosk, err := srv.Admin.CreateInbox(ctx, client.CreateInboxInput{Name: "Store kiosk", AllowedOrigins: []string{"https://kiosk.example"}})
		if err != nil {
			t.Fatal(err)
		}
		v := newVisitor(t, srv, kiosk.ID, "Is the kiosk working?")
		c.js(`document.querySelector('` + item(v.convID) + `')`)
		c.do(chromedp.Click(item(v.convID)))
		c.js(`document.querySelector('.conv-head')?.textContent.includes('Store kiosk')`)
	})

	t.Run("AgentsPageShowsPresence", func(t *testing.T) {
		c := c.in(t)
		c.nav("admin/agents")
		c.js(`document.querySelector('[data-agent=` + jsString(srv.AdminEmail) + `] .presence-label')?.textContent === 'online'`)
		c.nav("queue")
	})

	t.Run("PreviewWhenOpenedFromItsURL", func(t *testing.T) {
		me := c.myID()
		if _, err := srv.Admin.Assign(ctx, guest.convID, me); err != nil {
			t.Fatal(err)
		}
		tab := b.NewTab(t)
		beforePageScripts(t, tab, delayRealtimeAuth)
		d := &console{t: t, tab: tab, url: srv.URL}
		d.do(chromedp.Navigate(srv.URL + "/console"))
		d.login(srv.AdminEmail, browsertest.AdminPassword)
		d.js(`document.querySelector('nav.nav')`)
		d.do(chromedp.Navigate(srv.URL + "/console/mine/" + guest.convID))
		d.js(`document.querySelector('.messages')?.textContent.includes('I am Zoe, by the way.')`)
		d.js(`document.querySelector('[data-connection=online]')`)
		if got := browsertest.Eval[string](t, tab, `document.querySelector('`+item(guest.convID)+` .conv-preview')?.textContent || ''`); got != "I am Zoe, by the way." {
			t.Errorf("opened from its URL, the conversation's list preview reads %q", got)
		}
	})
	checkBrowserErrors(t, b)
}
