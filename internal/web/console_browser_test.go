package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/browsertest"
)

// visitor is a guest chatting through the REST API, with a WebSocket
// connection that records every frame it receives.
type visitor struct {
	api    *client.Client
	convID string

	mu     sync.Mutex
	frames []client.Frame
}

func newVisitor(t *testing.T, srv *browsertest.Server, inboxID, first string) *visitor {
	t.Helper()
	ctx := t.Context()
	sess, err := srv.Client(t).CreateVisitorSession(ctx, inboxID)
	if err != nil {
		t.Fatalf("start a visitor session: %v", err)
	}
	v := &visitor{api: srv.Client(t).WithToken(sess.Token)}
	conv, err := v.api.CreateConversation(ctx, client.CreateConversationInput{})
	if err != nil {
		t.Fatalf("start a conversation: %v", err)
	}
	v.convID = conv.ID
	conn, err := v.api.Connect(ctx)
	if err != nil {
		t.Fatalf("visitor connect: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	if _, err := conn.Subscribe(ctx, conv.ID, 0); err != nil {
		t.Fatalf("visitor subscribe: %v", err)
	}
	go func() {
		for {
			f, err := conn.Next(context.Background())
			if err != nil {
				return
			}
			v.mu.Lock()
			v.frames = append(v.frames, f)
			v.mu.Unlock()
		}
	}()
	if first != "" {
		v.say(t, first)
	}
	return v
}

func (v *visitor) say(t *testing.T, body string) {
	t.Helper()
	if _, err := v.api.SendMessage(t.Context(), v.convID, client.SendInput{Body: body}); err != nil {
		t.Fatalf("visitor send: %v", err)
	}
}

// received reports whether a message frame with body reached the visitor's
// WebSocket.
func (v *visitor) received(body string) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	for _, f := range v.frames {
		if f.Message != nil && strings.Contains(f.Message.Body, body) {
			return true
		}
	}
	return false
}

// leaked returns the note frames, or frames holding text, that reached the visitor.
func (v *visitor) leaked(text string) []string {
	v.mu.Lock()
	defer v.mu.Unlock()
	var out []string
	for _, f := range v.frames {
		raw, _ := json.Marshal(f)
		if (f.Message != nil && f.Message.Kind == "note") || strings.Contains(string(raw), text) {
			out = append(out, string(raw))
		}
	}
	return out
}

// history returns the messages the visitor's REST API shows.
func (v *visitor) history(t *testing.T) []client.Message {
	t.Helper()
	ms, err := v.api.Messages(t.Context(), v.convID, client.MessageQuery{Limit: 200})
	if err != nil {
		t.Fatalf("visitor messages: %v", err)
	}
	return ms
}

// console is a browser tab on the console.
type console struct {
	t   *testing.T
	tab context.Context
	url string
}

func (c *console) js(expr string) { c.t.Helper(); browsertest.WaitJS(c.t, c.tab, expr) }

func (c *console) do(actions ...chromedp.Action[chromedp.Void]) {
	c.t.Helper()
	browsertest.Do(c.t, c.tab, actions...)
}

// key presses a shortcut key with the focus outside any text field. It
// dispatches the keydown from the page: a key typed through DevTools also
// sends its character separately, which a real browser suppresses once
// the shortcut handler has called preventDefault.
func (c *console) key(k string) {
	c.t.Helper()
	browsertest.Eval[bool](c.t, c.tab, `(() => {
		if (document.activeElement) document.activeElement.blur();
		document.body.dispatchEvent(new KeyboardEvent('keydown', {key: `+jsString(k)+`, bubbles: true, cancelable: true}));
		return true;
	})()`)
}

func (c *console) path() string {
	c.t.Helper()
	return browsertest.Eval[string](c.t, c.tab, "location.pathname")
}

func (c *console) login(email, password string) {
	c.t.Helper()
	c.do(chromedp.WaitVisible(`input[name=email]`))
	c.fill(`input[name=email]`, "")
	c.fill(`input[name=password]`, "")
	c.do(
		chromedp.SendKeys(`input[name=email]`, email),
		chromedp.SendKeys(`input[name=password]`, password),
		chromedp.Click(`button[type=submit]`),
	)
}

// fill sets a field's value as typing would, for the page's input handlers.
func (c *console) fill(selector, value string) {
	c.t.Helper()
	browsertest.Eval[bool](c.t, c.tab, `(() => {
		const el = document.querySelector(`+jsString(selector)+`);
		const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
		Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, `+jsString(value)+`);
		el.dispatchEvent(new Event('input', {bubbles: true}));
		return true;
	})()`)
}

// item is the selector of a conversation in the shown list.
func item(id string) string { return fmt.Sprintf(`[data-conversation="%s"]`, id) }

// TestConsole drives the agent console in Chromium: login, the live queue,
// taking, replying, private notes, resolving and reopening, keyboard
// shortcuts and the admin pages, checking accessibility and taking the
// screenshots of docs/console.md.
func TestConsole(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	ctx := t.Context()
	inbox, err := srv.Admin.CreateInbox(ctx, client.CreateInboxInput{Name: "Website", AllowedOrigins: []string{"https://shop.example"}})
	if err != nil {
		t.Fatal(err)
	}
	ann, _ := srv.CreateAgent(t, "ann@example.com", "Ann Lee", parley.RoleAgent)

	c := &console{t: t, tab: b.NewTab(t), url: srv.URL}
	c.do(chromedp.Navigate(srv.URL + "/console"))

	if !t.Run("Login", func(t *testing.T) {
		c.t = t
		c.login(srv.AdminEmail, "not the password")
		c.js(`document.querySelector('#login-error')?.textContent.includes('not right')`)
		if got := c.path(); !strings.HasPrefix(got, "/console") {
			t.Errorf("path after a failed login = %q", got)
		}
		c.login(srv.AdminEmail, browsertest.AdminPassword)
		c.js(`document.querySelector('nav.nav') && document.querySelector('[data-connection=online]')`)
	}) {
		return
	}
	c.t = t

	// Visitors write after the console is live: their conversations must
	// appear without a reload.
	first := newVisitor(t, srv, inbox.ID, "Hello, my order 1042 has not arrived.")
	second := newVisitor(t, srv, inbox.ID, "Do you ship to Canada?")
	newVisitor(t, srv, inbox.ID, "Can I change my delivery address?")

	if !t.Run("QueueUpdatesLive", func(t *testing.T) {
		c.t = t
		c.js(`document.querySelector('` + item(first.convID) + `') && document.querySelector('` + item(second.convID) + `')`)
		c.js(`document.querySelector('` + item(second.convID) + `').textContent.includes('Canada')`)
		browsertest.Screenshot(t, c.tab, "console-queue")
		browsertest.RequireAccessible(t, c.tab, "the console's queue")
	}) {
		return
	}

	if !t.Run("TakeReplyNote", func(t *testing.T) {
		c.t = t
		c.do(chromedp.Click(item(first.convID)))
		c.js(`document.querySelector('.messages')?.textContent.includes('order 1042')`)
		c.key("t") // take
		c.js(`document.querySelector('[data-status=assigned]')`)
		conv, err := srv.Admin.Conversation(ctx, first.convID)
		if err != nil {
			t.Fatal(err)
		}
		if conv.Status != "assigned" || conv.AssigneeID == "" || conv.AssigneeID == ann.ID {
			t.Fatalf("after t: status %s, assignee %q; want assigned to the admin", conv.Status, conv.AssigneeID)
		}

		c.key("r") // reply box
		c.js(`document.activeElement?.id === 'composer-text'`)
		c.do(chromedp.SendKeys(`#composer-text`, "Sorry about that! Let me check."), chromedp.KeyEvent("\r"))
		browsertest.WaitFor(t, func() string {
			if !first.received("Let me check") {
				return "the visitor's WebSocket has not received the reply"
			}
			return ""
		})

		const note = "Carrier lost the parcel, refund approved"
		c.key("n") // private note
		c.js(`document.querySelector('form.composer-note') && document.activeElement?.id === 'composer-text'`)
		c.do(chromedp.SendKeys(`#composer-text`, note), chromedp.KeyEvent("\r"))
		c.js(`[...document.querySelectorAll('.msg-note')].some(e => e.textContent.includes('` + note + `') && e.textContent.includes('Private note'))`)

		// A reply after the note: once the visitor has it, the note would
		// have arrived before it.
		c.key("r")
		c.do(chromedp.SendKeys(`#composer-text`, "Your refund is on its way."), chromedp.KeyEvent("\r"))
		browsertest.WaitFor(t, func() string {
			if !first.received("refund is on its way") {
				return "the visitor's WebSocket has not received the second reply"
			}
			return ""
		})
		if leaks := first.leaked(note); len(leaks) > 0 {
			t.Errorf("the note reached the visitor's WebSocket: %s", leaks)
		}
		var bodies []string
		for _, m := range first.history(t) {
			if m.Kind == "note" || strings.Contains(m.Body, note) {
				t.Errorf("the visitor's history holds the note: %+v", m)
			}
			bodies = append(bodies, m.Body)
		}
		if want := "Sorry about that! Let me check."; !strings.Contains(strings.Join(bodies, "\n"), want) {
			t.Errorf("visitor history %q lacks %q", bodies, want)
		}

		// Live in the other direction: the visitor writes, the console shows it.
		first.say(t, "Thank you so much!")
		c.js(`document.querySelector('.messages')?.textContent.includes('Thank you so much!')`)
		browsertest.Screenshot(t, c.tab, "console-conversation")
		browsertest.RequireAccessible(t, c.tab, "a conversation")
	}) {
		return
	}

	if !t.Run("ResolveReopen", func(t *testing.T) {
		c.t = t
		c.key("e") // resolve
		c.js(`document.querySelector('[data-status=resolved]') && document.querySelector('.composer-closed')`)
		if conv, err := srv.Admin.Conversation(ctx, first.convID); err != nil || conv.Status != "resolved" {
			t.Fatalf("after e: %+v, %v; want resolved", conv, err)
		}
		c.do(chromedp.Click(`//button[normalize-space()="Reopen"]`))
		c.js(`document.querySelector('[data-status=pending]')`)
		if conv, err := srv.Admin.Conversation(ctx, first.convID); err != nil || conv.Status != "pending" {
			t.Fatalf("after reopen: %+v, %v; want pending", conv, err)
		}
	}) {
		return
	}

	if !t.Run("NextPrevious", func(t *testing.T) {
		c.t = t
		c.do(chromedp.Click(`a.nav-link[href="/console/queue"]`))
		c.js(`location.pathname === '/console/queue'`)
		c.key("j")
		c.js(`document.querySelector('.conv-item.selected')`)
		firstPath := c.path()
		c.key("j")
		c.js(`location.pathname !== '` + firstPath + `'`)
		c.key("k")
		c.js(`location.pathname === '` + firstPath + `'`)
		c.key("?")
		c.js(`document.querySelector('dialog[open]')?.textContent.includes('Next conversation')`)
		c.do(chromedp.KeyEvent(kb.Escape)) // closes the dialog
		c.js(`!document.querySelector('dialog[open]')`)
	}) {
		return
	}

	if !t.Run("AdminAgents", func(t *testing.T) {
		c.t = t
		c.do(chromedp.Click(`a.nav-link[href="/console/admin/agents"]`))
		c.js(`document.querySelector('[data-agent="ann@example.com"]')`)
		// Bad input is shown next to the form.
		c.do(chromedp.Click(`//button[normalize-space()="Add agent"]`))
		c.do(
			chromedp.SendKeys(`form[aria-label="New agent"] input:not([type])`, "Bob"),
			chromedp.SendKeys(`form[aria-label="New agent"] input[type=email]`, "bob@example.com"),
			chromedp.SendKeys(`form[aria-label="New agent"] input[type=password]`, "short"),
		)
		browsertest.Eval[bool](t, c.tab, `(document.querySelector('form[aria-label="New agent"]').noValidate = true, true)`)
		c.do(chromedp.Click(`//button[normalize-space()="Create agent"]`))
		c.js(`document.querySelector('form[aria-label="New agent"] .form-error')?.textContent.includes('password')`)
		browsertest.RequireAccessible(t, c.tab, "the agents page")
	}) {
		return
	}

	if !t.Run("AdminInboxes", func(t *testing.T) {
		c.t = t
		c.do(chromedp.Click(`a.nav-link[href="/console/admin/inboxes"]`))
		want := fmt.Sprintf(`<script src="%s/widget.js" data-inbox="%s" async></script>`, srv.URL, inbox.ID)
		c.js(`[...document.querySelectorAll('.snippet-code')].some(e => e.textContent === ` + jsString(want) + `)`)
		browsertest.Screenshot(t, c.tab, "console-admin")
		browsertest.RequireAccessible(t, c.tab, "the inboxes page")
	}) {
		return
	}

	if !t.Run("AdminTokens", func(t *testing.T) {
		c.t = t
		c.do(chromedp.Click(`a.nav-link[href="/console/admin/tokens"]`))
		c.do(chromedp.Click(`//button[normalize-space()="Create token"]`))
		c.do(chromedp.SendKeys(`form[aria-label="New API token"] input:not([type])`, "CRM sync"))
		c.do(chromedp.Click(`form[aria-label="New API token"] button[type=submit]`))
		c.js(`document.querySelector('.token-secret')?.textContent.startsWith('prly_')`)
		secret := browsertest.Eval[string](t, c.tab, `document.querySelector('.token-secret').textContent`)
		me, err := srv.Client(t).WithToken(secret).Me(ctx)
		if err != nil || me.Kind != "token" {
			t.Fatalf("the shown token does not work: %+v, %v", me, err)
		}
		c.js(`document.querySelector('[data-token="CRM sync"]')`)
		browsertest.RequireAccessible(t, c.tab, "the tokens page")
		// Shown once: after a reload the list has only its prefix.
		c.do(chromedp.Reload())
		c.js(`document.querySelector('[data-token="CRM sync"]')`)
		if html := browsertest.Eval[string](t, c.tab, `document.documentElement.outerHTML`); strings.Contains(html, secret) {
			t.Error("the token's secret is shown again after a reload")
		}
	}) {
		return
	}

	if !t.Run("AdminAudit", func(t *testing.T) {
		c.t = t
		c.do(chromedp.Click(`a.nav-link[href="/console/admin/audit"]`))
		c.js(`[...document.querySelectorAll('code.action')].some(e => e.textContent === 'token.create')`)
		browsertest.RequireAccessible(t, c.tab, "the audit log")
	}) {
		return
	}

	if !t.Run("AgentRole", func(t *testing.T) {
		// An agent sees no admin pages, and takes only for itself.
		c.t = t
		agent := &console{t: t, tab: b.NewTab(t), url: srv.URL}
		agent.do(chromedp.Navigate(srv.URL + "/console/queue"))
		agent.login("ann@example.com", "agent-password-for-tests")
		agent.js(`document.querySelector('` + item(second.convID) + `')`)
		if n := browsertest.Eval[int](t, agent.tab, `document.querySelectorAll('a[href^="/console/admin"]').length`); n != 0 {
			t.Errorf("an agent sees %d admin links", n)
		}
		agent.do(chromedp.Click(item(second.convID)))
		agent.do(chromedp.Click(`//button[normalize-space()="Take"]`))
		agent.js(`document.querySelector('[data-status=assigned]')`)
		agent.do(chromedp.Click(`a.nav-link[href="/console/mine"]`))
		agent.js(`document.querySelector('` + item(second.convID) + `')`)
		// The admin's console sees the change live.
		c.do(chromedp.Click(`a.nav-link[href="/console/open"]`))
		c.js(`document.querySelector('` + item(second.convID) + `')?.textContent.includes('with Ann Lee')`)
	}) {
		return
	}

	if !t.Run("Logout", func(t *testing.T) {
		c.t = t
		c.do(chromedp.Click(`//button[normalize-space()="Sign out"]`))
		c.js(`document.querySelector('input[name=email]')`)
		c.do(chromedp.Reload())
		c.js(`document.querySelector('input[name=email]')`)
	}) {
		return
	}

	for _, e := range b.Errors() {
		// API answers the console handles: 401 from the /me probe before
		// login, 422 for bad input, 404 for what does not exist.
		if strings.Contains(e, "Failed to load resource") && strings.Contains(e, "status of 4") {
			continue
		}
		t.Errorf("browser error: %s", e)
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
