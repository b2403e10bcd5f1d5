package web_test

// Browser tests of the console's features beyond TestConsole: assigning,
// transferring and unassigning, reopening, live lists and unread counts,
// presence, notifications and sound, keyboard shortcuts, attachments, the
// admin pages and signing out. Each drives real Chromium against a node
// started in-process (PARLEY_TEST_BROWSER=1) and checks both what the agent
// sees and what the server or the visitor received.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/browsertest"
)

// in returns the console for a subtest: the same tab, failing t.
func (c *console) in(t *testing.T) *console { return &console{t: t, tab: c.tab, url: c.url} }

// openConsole opens a tab (its own profile), runs setup on it before the
// console loads, and signs in.
func openConsole(t *testing.T, b *browsertest.Browser, srv *browsertest.Server, email, password string, setup ...func(tab context.Context)) *console {
	t.Helper()
	c := &console{t: t, tab: b.NewTab(t), url: srv.URL}
	t.Cleanup(func() {
		// On failure, say where the console was and what it told the agent.
		if !t.Failed() {
			return
		}
		ctx, cancel := context.WithTimeout(c.tab, 5*time.Second)
		defer cancel()
		state, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname + ' — toasts: ' +
			JSON.stringify([...document.querySelectorAll('.toast')].map(e => e.textContent))`))
		t.Logf("the console of %s at the end: %s %v", email, state, err)
	})
	for _, f := range setup {
		f(c.tab)
	}
	c.do(chromedp.Navigate(srv.URL + "/console"))
	c.login(email, password)
	c.js(`document.querySelector('nav.nav') && document.querySelector('[data-connection=online]')`)
	return c
}

// fetchJSON makes a same-origin API call from the console's page, with its
// session cookie and CSRF token, and returns the HTTP status and body.
func (c *console) fetchJSON(method, path string) (int, string) {
	c.t.Helper()
	var r struct {
		Status int    `json:"status"`
		Body   string `json:"body"`
	}
	raw := browsertest.Eval[string](c.t, c.tab, `(async () => {
		const csrf = (document.cookie.match(/(?:^|; )parley_csrf=([^;]*)/) || [])[1] || '';
		const r = await fetch(`+jsString(path)+`, {method: `+jsString(method)+`, headers: {'X-CSRF-Token': decodeURIComponent(csrf)}});
		return JSON.stringify({status: r.status, body: await r.text()});
	})()`)
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		c.t.Fatalf("fetch %s: %v", path, err)
	}
	return r.Status, r.Body
}

// presence is the signed-in agent's presence, as GET /api/v1/me/presence
// answers.
func (c *console) presence() string {
	c.t.Helper()
	status, body := c.fetchJSON("GET", "/api/v1/me/presence")
	if status != http.StatusOK {
		c.t.Fatalf("GET /api/v1/me/presence: %d %s", status, body)
	}
	var p struct{ Status string }
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		c.t.Fatal(err)
	}
	return p.Status
}

// myID is the signed-in agent's ID.
func (c *console) myID() string {
	c.t.Helper()
	status, body := c.fetchJSON("GET", "/api/v1/me")
	var me struct{ Agent struct{ ID string } }
	if err := json.Unmarshal([]byte(body), &me); status != http.StatusOK || err != nil || me.Agent.ID == "" {
		c.t.Fatalf("GET /api/v1/me: %d %s", status, body)
	}
	return me.Agent.ID
}

// choose picks the option whose text starts with label in the select
// named by its aria-label, as a user would.
func (c *console) choose(selectLabel, label string) {
	c.t.Helper()
	sel := `document.querySelector('select[aria-label=` + jsString(selectLabel) + `]')`
	c.js(sel + ` && [...` + sel + `.options].some(o => o.textContent.startsWith(` + jsString(label) + `))`)
	browsertest.Eval[bool](c.t, c.tab, `(() => {
		const s = `+sel+`;
		s.value = [...s.options].find(o => o.textContent.startsWith(`+jsString(label)+`)).value;
		s.dispatchEvent(new Event('change', {bubbles: true}));
		return true;
	})()`)
}

// click clicks the button whose text is label.
func (c *console) click(label string) {
	c.t.Helper()
	c.do(chromedp.Click(`//button[normalize-space()=` + xpathString(label) + `]`))
}

// nav follows a navigation link to /console/PAGE.
func (c *console) nav(page string) {
	c.t.Helper()
	c.do(chromedp.Click(`a.nav-link[href="/console/` + page + `"]`))
	c.js(`location.pathname === '/console/` + page + `'`)
}

// toast waits for a toast holding text.
func (c *console) toast(text string) {
	c.t.Helper()
	c.js(`[...document.querySelectorAll('.toast')].some(e => e.textContent.includes(` + jsString(text) + `))`)
}

// unreadBadge is the JavaScript text of a conversation item's unread badge
// (empty when it has none).
func unreadBadge(id string) string {
	return `(document.querySelector('` + item(id) + ` .unread-badge')?.textContent || '')`
}

// waitBadge waits until a conversation's unread badge in c's list reads
// want (empty for none), saying what it reads meanwhile.
func waitBadge(c *console, id, want string) {
	c.t.Helper()
	browsertest.WaitFor(c.t, func() string {
		got := browsertest.Eval[string](c.t, c.tab, `(document.querySelector('`+item(id)+`') ? 'listed ' : 'not listed ') + `+unreadBadge(id))
		if got != "listed "+want {
			return fmt.Sprintf("the unread badge of %s: %s; want %q", id, got, want)
		}
		return ""
	})
}

func xpathString(s string) string {
	if !strings.Contains(s, `"`) {
		return `"` + s + `"`
	}
	return `'` + s + `'`
}

// conversation returns a conversation as the server has it.
func conversation(t *testing.T, srv *browsertest.Server, id string) *client.Conversation {
	t.Helper()
	conv, err := srv.Admin.Conversation(t.Context(), id)
	if err != nil {
		t.Fatalf("get conversation %s: %v", id, err)
	}
	return conv
}

// waitConversation polls the server until the conversation has status and
// assignee (any assignee when assignee is "*").
func waitConversation(t *testing.T, srv *browsertest.Server, id, status, assignee string) {
	t.Helper()
	browsertest.WaitFor(t, func() string {
		conv := conversation(t, srv, id)
		if conv.Status != status || (assignee != "*" && conv.AssigneeID != assignee) {
			return "conversation " + id + " is " + conv.Status + " with " + conv.AssigneeID + "; want " + status + " with " + assignee
		}
		return ""
	})
}

// widgetOnline asks the visitor API whether the widget of the inbox shows
// an agent online.
func widgetOnline(t *testing.T, srv *browsertest.Server, inboxID string) bool {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL+"/api/v1/visitor/inbox?inbox_id="+url.QueryEscape(inboxID), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var v struct{ Online bool }
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /api/v1/visitor/inbox: %d, %v", resp.StatusCode, err)
	}
	return v.Online
}

func checkBrowserErrors(t *testing.T, b *browsertest.Browser) {
	t.Helper()
	for _, e := range b.Errors() {
		// API answers the console handles: 401 from the /me probe before
		// login and after logout, 422 for refused input.
		if strings.Contains(e, "Failed to load resource") && strings.Contains(e, "status of 4") {
			continue
		}
		t.Errorf("browser error: %s", e)
	}
}

// TestConsoleAssignment: assigning from the console, transferring,
// putting back in the queue, a colleague taking a conversation, reopening
// from the resolved list, and unread counts, across two agents' consoles
// that must stay live without reloads.
func TestConsoleAssignment(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	ctx := t.Context()
	inboxID := srv.DemoInboxID(t)
	ann, annAPI := srv.CreateAgent(t, "ann@example.com", "Ann Lee", parley.RoleAgent)
	bob, _ := srv.CreateAgent(t, "bob@example.com", "Bob Ray", parley.RoleAgent)

	admin := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword)
	annC := openConsole(t, b, srv, "ann@example.com", "agent-password-for-tests")
	adminID := admin.myID()

	v1 := newVisitor(t, srv, inboxID, "My parcel is damaged.")

	if !t.Run("AssignFromConsole", func(t *testing.T) {
		c := admin.in(t)
		c.nav("queue")
		c.do(chromedp.Click(item(v1.convID)))
		c.js(`document.querySelector('[data-status=pending]')`)
		c.choose("Assign to", "Ann Lee")
		waitConversation(t, srv, v1.convID, "assigned", ann.ID)
		c.js(`document.querySelector('[data-status=assigned]') && document.querySelector('.conv-head').textContent.includes('With Ann Lee')`)
		c.js(`!document.querySelector('` + item(v1.convID) + `')`) // left the queue
		// Ann's console shows it in Mine without a reload.
		a := annC.in(t)
		a.nav("mine")
		a.js(`document.querySelector('` + item(v1.convID) + `')`)
	}) {
		return
	}

	if !t.Run("TransferToColleague", func(t *testing.T) {
		a := annC.in(t)
		a.do(chromedp.Click(item(v1.convID)))
		a.js(`document.querySelector('.conv-head [data-status=assigned]')`)
		a.choose("Transfer to", "Bob Ray")
		waitConversation(t, srv, v1.convID, "assigned", bob.ID)
		a.toast("Transferred to Bob Ray")
		a.js(`!document.querySelector('` + item(v1.convID) + `')`) // left Ann's Mine
		a.js(`document.querySelector('.conv-head').textContent.includes('With Bob Ray')`)
		// An agent cannot act on a colleague's conversation.
		if n := browsertest.Eval[int](t, a.tab, `document.querySelectorAll('.conv-actions select, .conv-actions button:not(.success)').length`); n != 0 {
			t.Errorf("Ann sees %d transfer/unassign controls on Bob's conversation", n)
		}
		c := admin.in(t)
		c.nav("open")
		c.js(`document.querySelector('` + item(v1.convID) + `')?.textContent.includes('with Bob Ray')`)
	}) {
		return
	}

	if !t.Run("BackToQueue", func(t *testing.T) {
		c := admin.in(t)
		c.do(chromedp.Click(item(v1.convID)))
		c.js(`document.querySelector('.conv-head').textContent.includes('With Bob Ray')`)
		c.click("Back to queue")
		waitConversation(t, srv, v1.convID, "pending", "")
		c.js(`document.querySelector('.conv-head [data-status=pending]')`)
		a := annC.in(t)
		a.nav("queue")
		a.js(`document.querySelector('` + item(v1.convID) + `')`)
	}) {
		return
	}

	if !t.Run("ColleagueTakesLive", func(t *testing.T) {
		// The admin looks at a waiting conversation; Ann takes it in her
		// console: the admin's queue and header change without a reload.
		c := admin.in(t)
		c.nav("queue")
		c.do(chromedp.Click(item(v1.convID)))
		c.js(`document.querySelector('.conv-actions') && [...document.querySelectorAll('.conv-actions button')].some(b => b.textContent.trim() === 'Take')`)
		a := annC.in(t)
		a.do(chromedp.Click(item(v1.convID)))
		a.click("Take")
		waitConversation(t, srv, v1.convID, "assigned", ann.ID)
		c.js(`!document.querySelector('.conv-list ` + item(v1.convID) + `')`)
		c.js(`document.querySelector('.conv-head [data-status=assigned]') && document.querySelector('.conv-head').textContent.includes('With Ann Lee')`)
		c.js(`![...document.querySelectorAll('.conv-actions button')].some(b => b.textContent.trim() === 'Take')`)
		// The server refuses to give the taken conversation to someone else by assign.
		if _, err := srv.Admin.Assign(ctx, v1.convID, adminID); err == nil {
			t.Errorf("assigning a taken conversation succeeded")
		}
		waitConversation(t, srv, v1.convID, "assigned", ann.ID)
	}) {
		return
	}

	if !t.Run("ReopenResolved", func(t *testing.T) {
		// Resolved elsewhere, it appears in the admin's Resolved list live;
		// Reopen puts it back in the queue.
		c := admin.in(t)
		c.nav("resolved")
		c.js(`document.querySelector('.pane-list .empty, .pane-list .conv-list')`)
		if _, err := annAPI.Resolve(ctx, v1.convID); err != nil {
			t.Fatal(err)
		}
		c.js(`document.querySelector('` + item(v1.convID) + `')`)
		c.do(chromedp.Click(item(v1.convID)))
		c.js(`document.querySelector('.conv-head [data-status=resolved]') && document.querySelector('.composer-closed')`)
		c.click("Reopen")
		waitConversation(t, srv, v1.convID, "pending", "")
		c.toast("Conversation reopened")
		c.js(`!document.querySelector('.conv-list ` + item(v1.convID) + `')`) // left Resolved
		c.js(`document.querySelector('.conv-head [data-status=pending]') && document.querySelector('#composer-text')`)
		c.nav("queue")
		c.js(`document.querySelector('` + item(v1.convID) + `')`)
	}) {
		return
	}

	if !t.Run("UnreadCounts", func(t *testing.T) {
		// A new conversation with three messages; neither agent has it open.
		c, a := admin.in(t), annC.in(t)
		c.nav("open")
		a.nav("open")
		v2 := newVisitor(t, srv, inboxID, "First question")
		v2.say(t, "Second question")
		v2.say(t, "Third question")
		waitBadge(c, v2.convID, "3")
		waitBadge(a, v2.convID, "3")
		// Opening it marks it read for the admin only.
		c.do(chromedp.Click(item(v2.convID)))
		c.js(`document.querySelector('.messages')?.textContent.includes('Third question')`)
		waitBadge(c, v2.convID, "")
		browsertest.WaitFor(t, func() string {
			if status, body := c.fetchJSON("GET", "/api/v1/conversations/"+v2.convID+"/unread"); !strings.Contains(body, `"count":0`) {
				return fmt.Sprintf("the admin's unread count on the server: %d %s; want 0", status, body)
			}
			return ""
		})
		v2.say(t, "Fourth question")
		waitBadge(a, v2.convID, "4")
		c.js(`document.querySelector('.messages')?.textContent.includes('Fourth question')`)
		if got := browsertest.Eval[string](t, c.tab, unreadBadge(v2.convID)); got != "" {
			t.Errorf("the admin's badge while viewing the conversation = %q, want none", got)
		}
		if n, err := annAPI.UnreadCount(ctx, v2.convID); err != nil || n != 4 {
			t.Errorf("Ann's unread count on the server = %d, %v; want 4", n, err)
		}
		// The admin reloads: the server's count for the admin is 0.
		c.do(chromedp.Navigate(srv.URL + "/console/open"))
		c.js(`document.querySelector('` + item(v2.convID) + `')`)
		if got := browsertest.Eval[string](t, c.tab, unreadBadge(v2.convID)); got != "" {
			t.Errorf("after a reload the admin's badge = %q, want none", got)
		}

		// Mine: a conversation the admin holds gets a message while the
		// admin reads another one; the navigation's Mine badge counts it.
		c.do(chromedp.Click(item(v2.convID)))
		c.click("Take")
		waitConversation(t, srv, v2.convID, "assigned", adminID)
		v3 := newVisitor(t, srv, inboxID, "Another customer")
		c.js(`document.querySelector('` + item(v3.convID) + `')`)
		c.do(chromedp.Click(item(v3.convID)))
		c.js(`document.querySelector('.messages')?.textContent.includes('Another customer')`)
		v2.say(t, "Are you there?")
		c.js(`document.querySelector('a.nav-link[href="/console/mine"] .badge')?.textContent === '1'`)
		c.nav("mine")
		waitBadge(c, v2.convID, "1")
		c.do(chromedp.Click(item(v2.convID)))
		c.js(`!document.querySelector('a.nav-link[href="/console/mine"] .badge')`)
	}) {
		return
	}
	checkBrowserErrors(t, b)
}

// alertRecorder is run in the page before the console loads: it records
// every Notification constructed and every chime tone started, and lets
// the test say whether the tab is hidden (headless tabs are always
// visible).
const alertRecorder = `(() => {
	const rec = window.__parley = {notes: [], tones: 0, hidden: false};
	Object.defineProperty(Document.prototype, 'hidden', {configurable: true, get() { return rec.hidden; }});
	Object.defineProperty(Document.prototype, 'visibilityState', {configurable: true, get() { return rec.hidden ? 'hidden' : 'visible'; }});
	rec.setHidden = (h) => { rec.hidden = h; document.dispatchEvent(new Event('visibilitychange')); return true; };
	const N = window.Notification;
	if (N) {
		window.Notification = class extends N {
			constructor(title, opts) {
				const entry = {title, body: (opts && opts.body) || '', tag: (opts && opts.tag) || ''};
				rec.notes.push(entry);
				super(title, opts);
				entry.n = this;
			}
		};
	}
	const start = OscillatorNode.prototype.start;
	OscillatorNode.prototype.start = function (...args) { rec.tones++; return start.apply(this, args); };
})()`

// recordAlerts installs alertRecorder in tab.
func recordAlerts(t *testing.T) func(tab context.Context) {
	return func(tab context.Context) {
		t.Helper()
		if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: alertRecorder}); err != nil {
			t.Fatalf("add the alert recorder: %v", err)
		}
	}
}

type grantPermissionsParams struct {
	Origin           string               `json:"origin,omitempty"`
	Permissions      []string             `json:"permissions"`
	BrowserContextID cdp.BrowserContextID `json:"browserContextId,omitempty"`
}

// grantPermissions is the protocol's Browser.grantPermissions, which the
// generated cdproto no longer lists.
var grantPermissions = cdp.Command[grantPermissionsParams, cdp.Empty]{Method: "Browser.grantPermissions"}

// grantNotifications lets the server's pages in tab show notifications,
// as if the agent had allowed them.
func grantNotifications(t *testing.T, origin string) func(tab context.Context) {
	return func(tab context.Context) {
		t.Helper()
		if _, err := chromedp.CallBrowser(tab, grantPermissions, grantPermissionsParams{
			Origin: origin, Permissions: []string{"notifications"},
			BrowserContextID: chromedp.FromContext(tab).BrowserContextID,
		}); err != nil {
			t.Fatalf("grant notifications: %v", err)
		}
	}
}

// notes returns the titles and bodies of the notifications shown so far.
func (c *console) notes() []string {
	c.t.Helper()
	return browsertest.Eval[[]string](c.t, c.tab, `window.__parley.notes.map(n => n.title + ' | ' + n.body)`)
}

func (c *console) tones() int {
	c.t.Helper()
	return browsertest.Eval[int](c.t, c.tab, `window.__parley.tones`)
}

func (c *console) setHidden(hidden bool) {
	c.t.Helper()
	h := "false"
	if hidden {
		h = "true"
	}
	browsertest.Eval[bool](c.t, c.tab, `window.__parley.setHidden(`+h+`)`)
}

// TestConsoleNotifications: with notifications allowed, a hidden console
// shows a notification and plays the chime for a new conversation in the
// queue and for a visitor's message in the agent's own conversation; a
// visible one does neither; the sound switch silences the chime; clicking a
// notification opens the conversation.
func TestConsoleNotifications(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	inboxID := srv.DemoInboxID(t)
	c := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword,
		recordAlerts(t), grantNotifications(t, srv.URL))
	c.js(`Notification.permission === 'granted'`)
	if n := browsertest.Eval[int](t, c.tab, `[...document.querySelectorAll('button')].filter(b => b.textContent.includes('Enable notifications')).length`); n != 0 {
		t.Errorf("the console offers to enable notifications that are already allowed")
	}
	// Browsers play sound only after a click on the page: any click.
	c.nav("queue")

	var v *visitor
	if !t.Run("NewInQueue", func(t *testing.T) {
		c := c.in(t)
		c.setHidden(true)
		v = newVisitor(t, srv, inboxID, "Is anyone there?")
		c.js(`window.__parley.notes.some(n => n.title === 'New conversation waiting' && n.tag.endsWith('` + v.convID + `'))`)
		c.js(`window.__parley.tones > 0`)
	}) {
		return
	}

	if !t.Run("NothingWhileVisible", func(t *testing.T) {
		c := c.in(t)
		c.setHidden(false)
		notes, tones := len(c.notes()), c.tones()
		c.do(chromedp.Click(item(v.convID)))
		c.click("Take")
		c.js(`document.querySelector('.conv-head [data-status=assigned]')`)
		c.nav("queue")
		other := newVisitor(t, srv, inboxID, "A second visitor")
		c.js(`document.querySelector('` + item(other.convID) + `')`)
		v.say(t, "Hello while you look")
		c.js(`document.querySelector('a.nav-link[href="/console/mine"] .badge')?.textContent === '1'`)
		if got := c.notes(); len(got) != notes {
			t.Errorf("notifications while the console is visible: %q", got[notes:])
		}
		if got := c.tones(); got != tones {
			t.Errorf("%d chime tones while the console is visible", got-tones)
		}
	}) {
		return
	}

	if !t.Run("MessageInMine", func(t *testing.T) {
		c := c.in(t)
		c.setHidden(true)
		notes, tones := len(c.notes()), c.tones()
		v.say(t, "Where is my refund?")
		c.js(`window.__parley.notes.some(n => n.title.startsWith('New message from') && n.body === 'Where is my refund?')`)
		c.js(`window.__parley.tones > ` + jsInt(tones))
		if got := c.notes(); len(got) != notes+1 {
			t.Errorf("notifications = %q, want one more than %d", got, notes)
		}
		// Clicking it opens the conversation.
		browsertest.Eval[bool](t, c.tab, `(window.__parley.notes.at(-1).n.onclick(), true)`)
		c.js(`location.pathname === '/console/mine/` + v.convID + `'`)
		c.js(`document.querySelector('.messages')?.textContent.includes('Where is my refund?')`)
	}) {
		return
	}

	if !t.Run("SoundOff", func(t *testing.T) {
		c := c.in(t)
		c.setHidden(false)
		c.do(chromedp.Click(`//label[contains(., "Sound for new chats")]/input`))
		c.js(`localStorage.getItem('parley.console.sound') === 'off'`)
		c.setHidden(true)
		notes, tones := len(c.notes()), c.tones()
		third := newVisitor(t, srv, inboxID, "Quiet please")
		c.js(`window.__parley.notes.some(n => n.tag.endsWith('` + third.convID + `'))`)
		if got := c.tones(); got != tones {
			t.Errorf("%d chime tones with the sound off", got-tones)
		}
		if got := c.notes(); len(got) != notes+1 {
			t.Errorf("notifications = %q, want one more than %d", got, notes)
		}
	}) {
		return
	}
	checkBrowserErrors(t, b)
}

func jsInt(n int) string { b, _ := json.Marshal(n); return string(b) }

// TestConsolePresence: the status switch sets the agent's presence on the
// server, the widget's visitors see whether anyone is online, a reload
// keeps the chosen status, and signing out sets the agent offline.
func TestConsolePresence(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	inboxID := srv.DemoInboxID(t)
	if widgetOnline(t, srv, inboxID) {
		t.Fatal("the widget shows an agent online before anyone signed in")
	}
	c := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword)

	option := func(status string) string { return `input[name=presence][value=` + status + `]` }
	wantPresence := func(t *testing.T, c *console, status string, online bool) {
		t.Helper()
		c.js(`document.querySelector('` + option(status) + `').checked`)
		browsertest.WaitFor(t, func() string {
			if got := c.presence(); got != status {
				return "GET /api/v1/me/presence = " + got + ", want " + status
			}
			return ""
		})
		if got := widgetOnline(t, srv, inboxID); got != online {
			t.Errorf("the widget's online = %v, want %v", got, online)
		}
	}

	t.Run("OnlineWhenOpened", func(t *testing.T) {
		wantPresence(t, c.in(t), "online", true)
	})
	for _, s := range []struct {
		status string
		online bool
	}{{"away", false}, {"offline", false}, {"online", true}} {
		t.Run(s.status, func(t *testing.T) {
			c := c.in(t)
			c.do(chromedp.Click(option(s.status)))
			wantPresence(t, c, s.status, s.online)
		})
	}
	t.Run("KeptAcrossReload", func(t *testing.T) {
		c := c.in(t)
		c.do(chromedp.Click(option("away")))
		wantPresence(t, c, "away", false)
		c.do(chromedp.Reload())
		c.js(`document.querySelector('[data-connection=online]')`)
		wantPresence(t, c, "away", false)
		c.do(chromedp.Click(option("online")))
		wantPresence(t, c, "online", true)
	})
	t.Run("SignOutGoesOffline", func(t *testing.T) {
		c := c.in(t)
		c.click("Sign out")
		c.js(`document.querySelector('input[name=email]')`)
		browsertest.WaitFor(t, func() string {
			if widgetOnline(t, srv, inboxID) {
				return "the widget still shows an agent online after the only one signed out"
			}
			return ""
		})
		// Signing in again restores the status chosen last.
		c.login(srv.AdminEmail, browsertest.AdminPassword)
		c.js(`document.querySelector('[data-connection=online]')`)
		wantPresence(t, c, "online", true)
	})
	checkBrowserErrors(t, b)
}

// TestConsoleShortcuts: j opens the next conversation, r focuses the reply
// box, keys typed into the reply box are text and not shortcuts, Esc leaves
// the box, e resolves, and 1–4 switch lists.
func TestConsoleShortcuts(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	inboxID := srv.DemoInboxID(t)
	c := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword)
	first := newVisitor(t, srv, inboxID, "I was first")
	second := newVisitor(t, srv, inboxID, "I was second")
	c.js(`document.querySelector('` + item(second.convID) + `')`)

	if !t.Run("NextConversation", func(t *testing.T) {
		c := c.in(t)
		c.key("1")
		c.js(`location.pathname === '/console/queue'`)
		c.key("j") // the queue is oldest first
		c.js(`location.pathname === '/console/queue/` + first.convID + `'`)
		c.js(`document.querySelector('.messages')?.textContent.includes('I was first')`)
		c.key("j")
		c.js(`location.pathname === '/console/queue/` + second.convID + `'`)
		c.key("j") // stays on the last
		c.js(`location.pathname === '/console/queue/` + second.convID + `'`)
		c.key("k")
		c.js(`location.pathname === '/console/queue/` + first.convID + `'`)
	}) {
		return
	}

	if !t.Run("ReplyIgnoresShortcutKeys", func(t *testing.T) {
		c := c.in(t)
		c.key("t")
		waitConversation(t, srv, first.convID, "assigned", "*")
		c.key("r")
		c.js(`document.activeElement?.id === 'composer-text'`)
		// Letters that are shortcuts elsewhere are text here.
		c.do(chromedp.SendKeys(`#composer-text`, "ejk1 fine"))
		c.js(`document.querySelector('#composer-text').value === 'ejk1 fine'`)
		if got := c.path(); got != "/console/queue/"+first.convID {
			t.Errorf("typing moved the console to %s", got)
		}
		c.do(chromedp.KeyEvent("\r"))
		browsertest.WaitFor(t, func() string {
			if !first.received("ejk1 fine") {
				return "the visitor has not received the reply"
			}
			return ""
		})
		if conv := conversation(t, srv, first.convID); conv.Status != "assigned" {
			t.Errorf("typing e in the reply box changed the status to %s", conv.Status)
		}
	}) {
		return
	}

	if !t.Run("EscThenResolve", func(t *testing.T) {
		c := c.in(t)
		c.do(chromedp.KeyEvent(kb.Escape))
		c.js(`document.activeElement?.id !== 'composer-text'`)
		c.key("e")
		waitConversation(t, srv, first.convID, "resolved", "*")
		c.js(`document.querySelector('.conv-head [data-status=resolved]')`)
	}) {
		return
	}

	t.Run("Lists", func(t *testing.T) {
		c := c.in(t)
		for key, list := range map[string]string{"2": "mine", "3": "open", "4": "resolved", "1": "queue"} {
			c.key(key)
			c.js(`location.pathname === '/console/` + list + `' && document.querySelector('a.nav-link.active[href="/console/` + list + `"]')`)
		}
		c.key("4")
		c.js(`document.querySelector('` + item(first.convID) + `')`)
	})
	checkBrowserErrors(t, b)
}

// TestConsoleAttachments: the agent attaches a file; the visitor receives
// an attachment message over its WebSocket and downloads the same bytes; a
// file type the inbox refuses is reported and not sent.
func TestConsoleAttachments(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	ctx := t.Context()
	inboxID := srv.DemoInboxID(t)
	c := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword)
	v := newVisitor(t, srv, inboxID, "Can you send me the invoice?")
	c.js(`document.querySelector('` + item(v.convID) + `')`)
	c.do(chromedp.Click(item(v.convID)))
	c.click("Take")
	c.js(`document.querySelector('.conv-head [data-status=assigned]')`)

	dir := t.TempDir()
	content := []byte("Invoice 1042\nTotal: 99.00 EUR\n")
	invoice := filepath.Join(dir, "invoice-1042.txt")
	if err := os.WriteFile(invoice, content, 0o644); err != nil {
		t.Fatal(err)
	}
	const fileInput = `form.composer input[type=file]`

	t.Run("RefusedType", func(t *testing.T) {
		c := c.in(t)
		page := filepath.Join(dir, "page.html")
		if err := os.WriteFile(page, []byte("<script>alert(1)</script>"), 0o644); err != nil {
			t.Fatal(err)
		}
		c.do(chromedp.SetUploadFiles(fileInput, []string{page}))
		c.toast("Could not upload page.html: text/html files are not accepted")
		if n := browsertest.Eval[int](t, c.tab, `document.querySelectorAll('.staged .chip').length`); n != 0 {
			t.Errorf("%d files staged after a refused upload", n)
		}
	})

	if !t.Run("VisitorDownloads", func(t *testing.T) {
		c := c.in(t)
		c.do(chromedp.SetUploadFiles(fileInput, []string{invoice}))
		c.js(`[...document.querySelectorAll('.staged .chip')].some(e => e.textContent.includes('invoice-1042.txt'))`)
		c.do(chromedp.Click(`form.composer button[type=submit]:not([disabled])`))
		c.js(`!document.querySelector('.staged')`)

		var got *client.Message
		browsertest.WaitFor(t, func() string {
			v.mu.Lock()
			defer v.mu.Unlock()
			for _, f := range v.frames {
				if f.Message != nil && f.Message.Kind == "attachment" {
					got = f.Message
					return ""
				}
			}
			return "the visitor's WebSocket has no attachment message"
		})
		if len(got.Attachments) != 1 || got.Attachments[0].Name != "invoice-1042.txt" || got.Attachments[0].Size != int64(len(content)) {
			t.Fatalf("the visitor received attachments %+v; want invoice-1042.txt of %d bytes", got.Attachments, len(content))
		}
		if got.Sender.Type != "agent" {
			t.Errorf("the attachment's sender = %+v, want the agent", got.Sender)
		}
		f, err := v.api.Attachment(ctx, got.Attachments[0].ID, 0)
		if err != nil {
			t.Fatalf("the visitor downloads the attachment: %v", err)
		}
		if !bytes.Equal(f.Data, content) || f.Name != "invoice-1042.txt" || !strings.HasPrefix(f.ContentType, "text/plain") {
			t.Errorf("the visitor downloaded %q (%s, %q); want %q (text/plain, invoice-1042.txt)", f.Data, f.ContentType, f.Name, content)
		}
		// The console shows the file as a link that downloads it.
		c.js(`[...document.querySelectorAll('.messages a.attachment')].some(a => a.textContent.includes('invoice-1042.txt'))`)
		text := browsertest.Eval[string](t, c.tab, `fetch([...document.querySelectorAll('.messages a.attachment')].find(a => a.textContent.includes('invoice-1042.txt')).href).then(r => r.text())`)
		if text != string(content) {
			t.Errorf("the console's link downloads %q, want %q", text, content)
		}
		c.nav("mine")
		c.js(`document.querySelector('` + item(v.convID) + ` .conv-preview')?.textContent.includes('invoice-1042.txt')`)
	}) {
		return
	}
	checkBrowserErrors(t, b)
}

// dialogs accepts every JavaScript dialog (confirm) of a tab and records
// their messages.
type dialogs struct {
	mu       sync.Mutex
	messages []string
}

func acceptDialogs(t *testing.T, d *dialogs) func(tab context.Context) {
	return func(tab context.Context) {
		t.Helper()
		opened := make(chan string, 16)
		if err := chromedp.Listen(tab, func(ev any) {
			if e, ok := ev.(*page.EventJavascriptDialogOpening); ok {
				select {
				case opened <- e.Message:
				default:
				}
			}
		}); err != nil {
			t.Fatal(err)
		}
		go func() {
			for {
				select {
				case <-tab.Done():
					return
				case msg := <-opened:
					d.mu.Lock()
					d.messages = append(d.messages, msg)
					d.mu.Unlock()
					// The tab is busy with the dialog until it is answered.
					_, _ = chromedp.Call(tab, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
				}
			}
		}()
	}
}

func (d *dialogs) shown(text string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, m := range d.messages {
		if strings.Contains(m, text) {
			return true
		}
	}
	return false
}

// TestConsoleAdminPages: creating and disabling an agent, the widget
// snippet and identity settings of an inbox, creating and revoking an API
// token, the audit log of all that, and signing out.
func TestConsoleAdminPages(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	ctx := t.Context()
	inbox, err := srv.Admin.CreateInbox(ctx, client.CreateInboxInput{Name: "Shop", AllowedOrigins: []string{"https://shop.example"}})
	if err != nil {
		t.Fatal(err)
	}
	var d dialogs
	c := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword, acceptDialogs(t, &d))
	const carolPassword = "carol-password-1234"

	if !t.Run("CreateAgent", func(t *testing.T) {
		c := c.in(t)
		c.nav("admin/agents")
		c.click("Add agent")
		form := `form[aria-label="New agent"] `
		c.do(
			chromedp.SendKeys(form+`input:not([type])`, "Carol Diaz"),
			chromedp.SendKeys(form+`input[type=email]`, "carol@example.com"),
			chromedp.SendKeys(form+`input[type=password]`, carolPassword),
		)
		c.do(chromedp.SetValue(form+`select`, "supervisor"))
		browsertest.Eval[bool](t, c.tab, `(document.querySelector('form[aria-label="New agent"] select').dispatchEvent(new Event('change', {bubbles: true})), true)`)
		c.click("Create agent")
		c.js(`document.querySelector('[data-agent="carol@example.com"]')?.textContent.includes('supervisor')`)
		c.js(`!document.querySelector('form[aria-label="New agent"]')`)
		res, err := srv.Client(t).Login(ctx, client.LoginInput{Email: "carol@example.com", Password: carolPassword})
		if err != nil || res.Agent.Role != "supervisor" || res.Agent.Name != "Carol Diaz" {
			t.Fatalf("the new agent signs in: %+v, %v; want Carol Diaz, supervisor", res, err)
		}
	}) {
		return
	}

	if !t.Run("DisableAgent", func(t *testing.T) {
		c := c.in(t)
		row := `[data-agent="carol@example.com"]`
		c.do(chromedp.Click(`//tr[@data-agent="carol@example.com"]//button[normalize-space()="Disable"]`))
		c.js(`document.querySelector('` + row + `')?.textContent.includes('disabled')`)
		if !d.shown("Disable Carol Diaz?") {
			t.Error("no confirmation was asked before disabling")
		}
		if _, err := srv.Client(t).Login(ctx, client.LoginInput{Email: "carol@example.com", Password: carolPassword}); err == nil {
			t.Error("a disabled agent signed in")
		}
		c.js(`[...document.querySelectorAll('` + row + ` button')].some(b => b.textContent.trim() === 'Enable')`)
	}) {
		return
	}

	if !t.Run("InboxSnippetAndIdentity", func(t *testing.T) {
		c := c.in(t)
		c.nav("admin/inboxes")
		card := `section[data-inbox="` + inbox.ID + `"]`
		want := `<script src="` + srv.URL + `/widget.js" data-inbox="` + inbox.ID + `" async></script>`
		c.js(`document.querySelector('` + card + ` .snippet-code')?.textContent === ` + jsString(want))
		guest := func() error {
			_, err := srv.Client(t).CreateVisitorSession(ctx, inbox.ID)
			return err
		}
		if err := guest(); err != nil {
			t.Fatalf("a guest before requiring verification: %v", err)
		}
		c.do(chromedp.Click(`//section[@data-inbox="` + inbox.ID + `"]//label[contains(., "Require verified visitors")]/input`))
		c.toast("Identity settings saved")
		got, err := srv.Admin.Inbox(ctx, inbox.ID)
		if err != nil || !got.Identity.RequireVerified {
			t.Fatalf("the inbox after saving: %+v, %v; want require_verified", got, err)
		}
		if err := guest(); err == nil {
			t.Error("a guest visitor session was accepted by an inbox that requires verified visitors")
		}
		// Saved, not just shown: a reload still has it on, and origins too.
		c.fill(card+` .inbox-origins textarea`, "https://shop.example\nhttps://www.shop.example")
		c.do(chromedp.Click(card + ` .inbox-origins button[type=submit]`))
		c.toast("Allowed origins saved")
		c.do(chromedp.Reload())
		c.js(`document.querySelector('` + card + `')`)
		if !browsertest.Eval[bool](t, c.tab, `[...document.querySelectorAll('`+card+` input[type=checkbox]')].some(i => i.checked && i.closest('label').textContent.includes('Require verified'))`) {
			t.Error("after a reload, Require verified visitors is off")
		}
		got, err = srv.Admin.Inbox(ctx, inbox.ID)
		if err != nil || strings.Join(got.AllowedOrigins, " ") != "https://shop.example https://www.shop.example" || !got.Identity.RequireVerified {
			t.Errorf("the inbox after saving origins: %+v, %v", got, err)
		}
	}) {
		return
	}

	var secret string
	if !t.Run("CreateAndRevokeToken", func(t *testing.T) {
		c := c.in(t)
		c.nav("admin/tokens")
		c.click("Create token")
		c.do(chromedp.SendKeys(`form[aria-label="New API token"] input:not([type])`, "Billing export"))
		c.do(chromedp.Click(`form[aria-label="New API token"] button[type=submit]`))
		c.js(`document.querySelector('.token-secret')?.textContent.startsWith('prly_')`)
		secret = browsertest.Eval[string](t, c.tab, `document.querySelector('.token-secret').textContent`)
		api := srv.Client(t).WithToken(secret)
		if me, err := api.Me(ctx); err != nil || me.Kind != "token" {
			t.Fatalf("the shown token does not work: %+v, %v", me, err)
		}
		c.click("I have stored it")
		c.js(`!document.querySelector('.token-secret')`)
		if html := browsertest.Eval[string](t, c.tab, `document.documentElement.outerHTML`); strings.Contains(html, secret) {
			t.Error("the secret is still on the page after it was stored")
		}
		row := `tr[data-token="Billing export"]`
		c.do(chromedp.Click(`//tr[@data-token="Billing export"]//button[normalize-space()="Revoke"]`))
		c.js(`document.querySelector('` + row + `')?.textContent.includes('revoked')`)
		if !d.shown("Revoke “Billing export”?") {
			t.Error("no confirmation was asked before revoking")
		}
		_, err := api.Me(ctx)
		var apiErr *client.Error
		if !errors.As(err, &apiErr) || apiErr.Status != http.StatusUnauthorized {
			t.Errorf("a revoked token: %v; want 401", err)
		}
	}) {
		return
	}

	if !t.Run("TokenExpiry", func(t *testing.T) {
		c := c.in(t)
		c.nav("admin/tokens")
		// A token without an expiry says so.
		c.js(`document.querySelector('tr[data-token="Billing export"] .token-expires')?.textContent === 'never'`)
		c.click("Create token")
		form := `form[aria-label="New API token"]`
		c.do(chromedp.SendKeys(form+` input:not([type])`, "Nightly job"))
		// Ten days from now, in the browser's time zone; the token stops
		// working at the start of that day.
		day := browsertest.Eval[string](t, c.tab, `(() => { const d = new Date(); d.setDate(d.getDate() + 10);
			return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'); })()`)
		want := browsertest.Eval[string](t, c.tab, `new Date(`+jsString(day+"T00:00:00")+`).toISOString()`)
		c.fill(form+` input[type=date]`, day)
		c.do(chromedp.Click(form + ` button[type=submit]`))
		c.js(`document.querySelector('.token-secret')?.textContent.startsWith('prly_')`)
		c.click("I have stored it")
		row := `tr[data-token="Nightly job"] .token-expires`
		// In about ten days ("next wk."), the full time on hover.
		c.js(`(e => e && !['never', 'expired', ''].includes(e.textContent) && e.title !== '')(document.querySelector('` + row + `'))`)

		status, body := c.fetchJSON("GET", "/api/v1/tokens")
		var list struct {
			Items []struct {
				Name      string     `json:"name"`
				ExpiresAt *time.Time `json:"expires_at"`
			} `json:"items"`
		}
		if err := json.Unmarshal([]byte(body), &list); status != http.StatusOK || err != nil {
			t.Fatalf("GET /api/v1/tokens: %d %s", status, body)
		}
		wantAt, err := time.Parse(time.RFC3339Nano, want)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, it := range list.Items {
			if it.Name == "Nightly job" {
				found = true
				if it.ExpiresAt == nil || !it.ExpiresAt.Equal(wantAt) {
					t.Errorf("the token's expires_at = %v, want %v (the start of %s in the browser's time)", it.ExpiresAt, wantAt, day)
				}
			}
		}
		if !found {
			t.Errorf("no token Nightly job in %s", body)
		}
		browsertest.RequireAccessible(t, c.tab, "the tokens page with expiry dates")
	}) {
		return
	}

	if !t.Run("AuditLog", func(t *testing.T) {
		c := c.in(t)
		c.nav("admin/audit")
		for _, action := range []string{"agent.create", "agent.update", "inbox.update", "token.create", "token.revoke"} {
			c.js(`[...document.querySelectorAll('table[aria-label="Audit log"] tbody tr')].some(r =>
				r.querySelector('code.action')?.textContent === '` + action + `' && r.textContent.includes(` + jsString(srv.AdminEmail) + `))`)
		}
		if html := browsertest.Eval[string](t, c.tab, `document.documentElement.outerHTML`); strings.Contains(html, secret) || strings.Contains(html, carolPassword) {
			t.Error("the audit log shows a secret")
		}
	}) {
		return
	}

	if !t.Run("SignOut", func(t *testing.T) {
		c := c.in(t)
		c.click("Sign out")
		c.js(`document.querySelector('input[name=email]')`)
		if status, body := c.fetchJSON("GET", "/api/v1/me"); status != http.StatusUnauthorized {
			t.Errorf("GET /api/v1/me after signing out: %d %s; want 401", status, body)
		}
		c.do(chromedp.Navigate(srv.URL + "/console/admin/agents"))
		c.js(`document.querySelector('input[name=email]')`)
		if n := browsertest.Eval[int](t, c.tab, `document.querySelectorAll('nav.nav, [data-agent]').length`); n != 0 {
			t.Errorf("after signing out the console still shows %d private elements", n)
		}
	}) {
		return
	}
	checkBrowserErrors(t, b)
}
