package web_test

// Browser tests of the widget on the demo page, in real headless Chromium
// (PARLEY_TEST_BROWSER=1): a visitor chats with an agent driven through the
// REST API, reloads, logs in as the demo user on two browsers; axe-core
// checks the widget; the screenshots in docs/screenshots are taken here.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/browsertest"
	"github.com/parleychat/parley/internal/config"
)

// shadow is a JS expression for the widget's shadow root.
const shadow = `document.querySelector('#parley-widget')?.shadowRoot`

// openDemo loads the demo page in tab and waits for the widget's launcher.
func openDemo(t *testing.T, tab context.Context, srv *browsertest.Server) {
	t.Helper()
	browsertest.Do(t, tab, chromedp.Navigate(srv.URL+"/"))
	browsertest.WaitJS(t, tab, shadow+`?.querySelector('.launcher')`)
}

// screenshot saves docs/screenshots/NAME.png once the widget's animations
// have finished.
func screenshot(t *testing.T, tab context.Context, name string) {
	t.Helper()
	browsertest.WaitJS(t, tab, `(`+shadow+`?.getAnimations() || []).every(a => a.playState !== 'running')`)
	browsertest.Screenshot(t, tab, name)
}

// openChat opens the widget and waits until its composer has the focus.
func openChat(t *testing.T, tab context.Context) {
	t.Helper()
	browsertest.Eval[bool](t, tab, shadow+`.querySelector('.launcher').click(), true`)
	browsertest.WaitJS(t, tab, shadow+`.querySelector('.panel.open') && `+shadow+`.activeElement?.tagName === 'TEXTAREA'`)
}

// write types a message into the focused composer and presses Enter.
func write(t *testing.T, tab context.Context, text string) {
	t.Helper()
	browsertest.Do(t, tab, chromedp.KeyEvent(text), chromedp.KeyEvent("\r"))
}

// logText is the text of the widget's message log.
func logText(t *testing.T, tab context.Context) string {
	t.Helper()
	return browsertest.Eval[string](t, tab, `(`+shadow+`?.querySelector('.log')?.innerText) || ''`)
}

// waitText waits until the message log shows text.
func waitText(t *testing.T, tab context.Context, text string) {
	t.Helper()
	browsertest.WaitFor(t, func() string {
		if got := logText(t, tab); !strings.Contains(got, text) {
			return fmt.Sprintf("the widget does not show %q; it shows %q", text, got)
		}
		return ""
	})
}

// visitorConversation waits for the one conversation the agent side sees
// pending in the demo inbox.
func pendingConversation(t *testing.T, c *client.Client, inboxID string) client.Conversation {
	t.Helper()
	var conv client.Conversation
	browsertest.WaitFor(t, func() string {
		page, err := c.ListConversations(t.Context(), client.ConversationFilter{InboxID: inboxID, Status: []string{"pending"}})
		if err != nil {
			return err.Error()
		}
		if len(page.Items) != 1 {
			return fmt.Sprintf("%d pending conversations", len(page.Items))
		}
		conv = page.Items[0]
		return ""
	})
	return conv
}

func TestWidgetOnDemoPage(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	inboxID := srv.DemoInboxID(t)
	agent, agentClient := srv.CreateAgent(t, "ann@example.com", "Ann Lee", parley.RoleAgent)
	ctx := t.Context()

	tab := b.NewTab(t)
	openDemo(t, tab, srv)
	screenshot(t, tab, "widget-closed")
	browsertest.RequireAccessible(t, tab, "the demo page with the widget closed")

	// The visitor opens the widget and writes.
	openChat(t, tab)
	write(t, tab, "Hello, where is my order?")
	browsertest.WaitJS(t, tab, shadow+`.querySelector('.msg.me[data-seq="1"]')`)

	// An agent finds it in the pending queue, takes it and replies; a note follows.
	conv := pendingConversation(t, srv.Admin, inboxID)
	if err := agentClient.SetPresence(ctx, "online"); err != nil {
		t.Fatal(err)
	}
	if _, err := agentClient.Assign(ctx, conv.ID, agent.ID); err != nil {
		t.Fatalf("take the conversation: %v", err)
	}
	if _, err := agentClient.SendMessage(ctx, conv.ID, client.SendInput{Body: "Hi! It ships tomorrow."}); err != nil {
		t.Fatal(err)
	}
	const note = "internal: customer asked twice"
	if _, err := agentClient.SendMessage(ctx, conv.ID, client.SendInput{Kind: "note", Body: note}); err != nil {
		t.Fatal(err)
	}
	if _, err := agentClient.SendMessage(ctx, conv.ID, client.SendInput{Body: "Anything else?"}); err != nil {
		t.Fatal(err)
	}
	// The visitor sees the replies live, and never the note.
	waitText(t, tab, "Anything else?")
	if got := logText(t, tab); !strings.Contains(got, "It ships tomorrow") || strings.Contains(got, note) {
		t.Errorf("the widget shows %q", got)
	}
	// The replies carry the agent's name (the screenshot shows it).
	browsertest.WaitJS(t, tab, `[...`+shadow+`.querySelectorAll('.msg.them .who')].map(e => e.textContent).join() === 'Ann Lee,Ann Lee'`)
	browsertest.WaitJS(t, tab, shadow+`.querySelector('.head .dot.on')`) // Ann is online, live
	screenshot(t, tab, "widget-open")
	browsertest.RequireAccessible(t, tab, "the open widget")

	// The reply was read: the agent sees the visitor's read receipt.
	browsertest.WaitFor(t, func() string {
		states, err := agentClient.ReadStates(ctx, conv.ID)
		if err != nil {
			return err.Error()
		}
		for _, s := range states {
			if s.Participant.Type == "contact" && s.LastReadSeq >= 4 {
				return ""
			}
		}
		return fmt.Sprintf("no visitor read receipt up to 4: %+v", states)
	})

	// After a reload the history is there, still without the note.
	browsertest.Do(t, tab, chromedp.Reload())
	browsertest.WaitJS(t, tab, shadow+`?.querySelector('.launcher')`)
	openChat(t, tab)
	waitText(t, tab, "Anything else?")
	if got := logText(t, tab); !strings.Contains(got, "Hello, where is my order?") || strings.Contains(got, note) {
		t.Errorf("after a reload the widget shows %q", got)
	}

	if errs := b.Errors(); len(errs) > 0 {
		t.Errorf("page errors: %q", errs)
	}
}

func TestWidgetMobile(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	tab := b.NewTab(t)
	browsertest.Viewport(t, tab, 390, 844, true)
	openDemo(t, tab, srv)
	openChat(t, tab)
	write(t, tab, "Do you ship to Norway?")
	browsertest.WaitJS(t, tab, shadow+`.querySelector('.msg.me[data-seq="1"]')`)
	// The panel fills the screen.
	if w := browsertest.Eval[float64](t, tab, shadow+`.querySelector('.panel').getBoundingClientRect().width`); w != 390 {
		t.Errorf("panel width on a phone = %v, want 390", w)
	}
	// Touch targets a finger can hit, and type iOS does not zoom into.
	closeButton := shadow + `.querySelector('.head .icon[aria-label="Close chat"]').getBoundingClientRect()`
	if size := browsertest.Eval[[]float64](t, tab, `(() => { const r = `+closeButton+`; return [r.width, r.height] })()`); size[0] < 44 || size[1] < 44 {
		t.Errorf("the close button is %vx%v px on a phone, want at least 44x44", size[0], size[1])
	}
	if px := browsertest.Eval[string](t, tab, `getComputedStyle(`+shadow+`.querySelector('textarea')).fontSize`); px != "16px" {
		t.Errorf("the text box's type is %s on a phone, want 16px (iOS zooms in below)", px)
	}
	screenshot(t, tab, "widget-mobile")
}

// A demo user logged in on two browsers (separate browser contexts) sees
// the same conversation on both: identity makes history follow the person.
func TestWidgetDemoLoginOnTwoBrowsers(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	login := func(tab context.Context) {
		t.Helper()
		openDemo(t, tab, srv)
		browsertest.Eval[bool](t, tab, `document.getElementById('demo-login').click(), true`)
		browsertest.WaitJS(t, tab, `document.getElementById('demo-status').textContent.includes('Demo User')`)
	}

	first := b.NewTab(t)
	login(first)
	openChat(t, first)
	write(t, first, "Logged in on my laptop")
	browsertest.WaitJS(t, first, shadow+`.querySelector('.msg.me[data-seq="1"]')`)

	second := b.NewTab(t)
	login(second)
	openChat(t, second)
	waitText(t, second, "Logged in on my laptop")

	// Logging out leaves a fresh guest who sees nothing of it.
	browsertest.Eval[bool](t, second, `document.getElementById('demo-logout').click(), true`)
	browsertest.WaitJS(t, second, `!document.getElementById('demo-login').hidden`)
	if got := logText(t, second); strings.Contains(got, "Logged in on my laptop") {
		t.Errorf("after logout the widget still shows %q", got)
	}
	if errs := b.Errors(); len(errs) > 0 {
		t.Errorf("page errors: %q", errs)
	}
}

// POST /demo/visitor-token answers only in demo mode, with a visitor JWT
// for the demo user.
func TestDemoTokenOnlyInDemoMode(t *testing.T) {
	for _, tc := range []struct {
		demo string
		want int
	}{{"true", http.StatusOK}, {"false", http.StatusNotFound}} {
		t.Run("Demo="+tc.demo, func(t *testing.T) {
			srv := browsertest.StartServer(t, func(c *config.Config) { c.Demo = tc.demo })
			resp, err := http.Post(srv.URL+"/demo/visitor-token", "", nil)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != tc.want {
				t.Fatalf("status = %d, want %d", resp.StatusCode, tc.want)
			}
			if tc.want != http.StatusOK {
				return
			}
			var tok struct {
				Token string `json:"token"`
			}
			if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || strings.Count(tok.Token, ".") != 2 {
				t.Fatalf("token = %q, %v; want a JWT", tok.Token, err)
			}
			// The JWT opens a verified visitor session of the demo inbox,
			// as one signed by a customer's back-end does.
			sess, err := srv.Client(t).StartVisitorSession(t.Context(), client.VisitorSessionInput{InboxID: srv.DemoInboxID(t), Token: tok.Token})
			if err != nil {
				t.Fatal(err)
			}
			if sess.Contact == nil || !sess.Contact.Verified || sess.Contact.Name != "Demo User" {
				t.Errorf("the demo token's session is for %+v", sess.Contact)
			}
			c := srv.Client(t).WithToken(sess.Token)
			conv, err := c.CreateConversation(t.Context(), client.CreateConversationInput{})
			if err != nil {
				t.Fatal(err)
			}
			if conv.InboxID != srv.DemoInboxID(t) {
				t.Errorf("conversation in inbox %s, want the demo inbox", conv.InboxID)
			}
			// Another site cannot collect demo tokens through a visitor's browser.
			req, _ := http.NewRequest(http.MethodPost, srv.URL+"/demo/visitor-token", nil)
			req.Header.Set("Sec-Fetch-Site", "cross-site")
			resp2, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp2.Body.Close()
			if resp2.StatusCode != http.StatusForbidden {
				t.Errorf("cross-site request: status %d, want 403", resp2.StatusCode)
			}
		})
	}
}

// With the inbox's pre-chat form on, a guest gives a name and email first;
// they become the contact's.
func TestWidgetPrechatForm(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	inboxID := srv.DemoInboxID(t)
	in, err := srv.App.Store.FindInboxByID(t.Context(), srv.WorkspaceID, inboxID)
	if err != nil {
		t.Fatal(err)
	}
	w := in.Widget
	w.Prechat = parley.PrechatForm{Enabled: true, Fields: []string{"name", "email"}}
	if _, err := srv.App.Store.UpdateInbox(t.Context(), parley.SystemActor, srv.WorkspaceID, inboxID, parley.InboxUpdate{Widget: &w}); err != nil {
		t.Fatal(err)
	}
	tab := b.NewTab(t)
	openDemo(t, tab, srv)
	browsertest.Eval[bool](t, tab, shadow+`.querySelector('.launcher').click(), true`)
	browsertest.WaitJS(t, tab, shadow+`.activeElement?.name === 'name'`)
	browsertest.Do(t, tab, chromedp.KeyEvent("Grace Hopper\tgrace@example.com\r"))
	browsertest.WaitJS(t, tab, shadow+`.activeElement?.tagName === 'TEXTAREA'`)
	write(t, tab, "Hi, it's Grace")
	conv := pendingConversation(t, srv.Admin, inboxID)
	contact, err := srv.App.Store.FindContactByID(t.Context(), srv.WorkspaceID, conv.ContactID)
	if err != nil {
		t.Fatal(err)
	}
	// A guest's email is kept as unverified information, never as an identifier.
	if contact.Name != "Grace Hopper" || contact.Email != "" || contact.Attributes[parley.AttributeUnverifiedEmail] != "grace@example.com" {
		t.Errorf("contact = %q <%s> %v, want the name and the unverified email of the pre-chat form", contact.Name, contact.Email, contact.Attributes)
	}
}
