package web_test

// The end-to-end scenario across both UIs, each in its own browser
// context of real headless Chromium (PARLEY_TEST_BROWSER=1): a visitor on
// the demo page and an agent in the console talk to each other, with
// nothing driven through the REST API.

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/browsertest"
)

// demoLogin opens the demo page in tab and logs in as the demo user.
func demoLogin(t *testing.T, tab context.Context, srv *browsertest.Server) {
	t.Helper()
	openDemo(t, tab, srv)
	browsertest.Eval[bool](t, tab, `document.getElementById('demo-login').click(), true`)
	browsertest.WaitJS(t, tab, `document.getElementById('demo-status').textContent.includes('Demo User')`)
}

// noNote fails the test if the widget's shadow DOM holds the note's text.
func noNote(t *testing.T, tab context.Context, note, when string) {
	t.Helper()
	if all := browsertest.Eval[string](t, tab, `(`+shadow+`?.innerHTML) || ''`); strings.Contains(all, note) {
		t.Errorf("%s the widget holds the private note %q", when, note)
	}
}

// TestVisitorAndAgentInBrowsers: a visitor on the demo page opens the
// widget and writes; an agent logs into the console, sees the conversation
// in the pending queue, takes it and replies; the visitor sees the reply
// live; the agent writes a note that the visitor never sees; the visitor
// reloads and sees the history; a demo user logged in on a second browser
// context sees the same conversation as on the first.
func TestVisitorAndAgentInBrowsers(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	inboxID := srv.DemoInboxID(t)

	const (
		question = "Where is my order?"
		reply    = "It ships tomorrow."
		note     = "refund approved"
		reply2   = "Anything else?"
		again    = "Writing from my phone now"
	)

	// The visitor logs in as the demo user on the demo page.
	visitor := b.NewTab(t)
	demoLogin(t, visitor, srv)

	// The agent (the admin) logs into the console before the visitor
	// writes, so the conversation must reach the queue live.
	agent := &console{t: t, tab: b.NewTab(t), url: srv.URL}
	agent.do(chromedp.Navigate(srv.URL + "/console/queue"))
	agent.login(srv.AdminEmail, browsertest.AdminPassword)
	agent.js(`document.querySelector('nav.nav') && document.querySelector('[data-connection=online]')`)

	// (1) The visitor opens the widget and writes.
	openChat(t, visitor)
	write(t, visitor, question)
	browsertest.WaitJS(t, visitor, shadow+`.querySelector('.msg.me[data-seq="1"]')`)

	// (2) The conversation appears in the console's queue without a reload;
	// the agent opens it, takes it with t and replies.
	conv := pendingConversation(t, srv.Admin, inboxID) // only to know its ID for the selectors
	agent.js(`location.pathname.startsWith('/console/queue') && document.querySelector('` + item(conv.ID) + `')?.textContent.includes(` + jsString(question) + `)`)
	agent.do(chromedp.Click(item(conv.ID)))
	agent.js(`document.querySelector('.messages')?.textContent.includes(` + jsString(question) + `)`)
	agent.key("t")
	agent.js(`document.querySelector('[data-status=assigned]')`)
	agent.key("r")
	agent.js(`document.activeElement?.id === 'composer-text'`)
	agent.do(chromedp.SendKeys(`#composer-text`, reply), chromedp.KeyEvent("\r"))
	agent.js(`document.querySelector('.messages')?.textContent.includes(` + jsString(reply) + `)`)

	// (3) The visitor sees the reply live.
	waitText(t, visitor, reply)

	// (4) A private note, then another reply: once the visitor has the
	// reply, the note would have arrived before it.
	agent.key("n")
	agent.js(`document.querySelector('form.composer-note') && document.activeElement?.id === 'composer-text'`)
	agent.do(chromedp.SendKeys(`#composer-text`, note), chromedp.KeyEvent("\r"))
	agent.js(`[...document.querySelectorAll('.msg-note')].some(e => e.textContent.includes(` + jsString(note) + `))`)
	agent.key("r")
	agent.js(`!document.querySelector('form.composer-note') && document.activeElement?.id === 'composer-text'`)
	agent.do(chromedp.SendKeys(`#composer-text`, reply2), chromedp.KeyEvent("\r"))
	waitText(t, visitor, reply2)
	noNote(t, visitor, note, "live,")

	// (5) After a reload the history is there, still without the note.
	browsertest.Do(t, visitor, chromedp.Reload())
	browsertest.WaitJS(t, visitor, shadow+`?.querySelector('.launcher')`)
	browsertest.WaitJS(t, visitor, `document.getElementById('demo-status').textContent.includes('Demo User')`)
	openChat(t, visitor)
	waitText(t, visitor, reply2)
	wantHistory := func(tab context.Context, when string) {
		t.Helper()
		got := logText(t, tab)
		for _, want := range []string{question, reply, reply2} {
			if !strings.Contains(got, want) {
				t.Errorf("%s the widget lacks %q; it shows %q", when, want, got)
			}
		}
		noNote(t, tab, note, when)
	}
	wantHistory(visitor, "after a reload")

	// (6) The demo user on a second browser context sees the same
	// conversation, and what it writes reaches the agent.
	phone := b.NewTab(t)
	demoLogin(t, phone, srv)
	openChat(t, phone)
	waitText(t, phone, reply2)
	wantHistory(phone, "on a second browser")
	write(t, phone, again)
	agent.js(`document.querySelector('.messages')?.textContent.includes(` + jsString(again) + `)`)
	waitText(t, visitor, again) // the first browser sees it too
	if page, err := srv.Admin.ListConversations(t.Context(), client.ConversationFilter{InboxID: inboxID}); err != nil || len(page.Items) != 1 {
		t.Errorf("the demo inbox holds %d conversations (%v), want the one", len(page.Items), err)
	}

	// (7) The console's contact panel names the demo user, verified.
	agent.js(`document.querySelector('.pane-contact #contact-title')?.textContent === 'Demo User'`)
	agent.js(`document.querySelector('.pane-contact .verified')?.textContent.includes('Verified')`)
	if got := browsertest.Eval[string](t, agent.tab, `document.querySelector('.pane-contact').innerText`); strings.Contains(got, "not verified") {
		t.Errorf("the contact panel says %q", got)
	}
	if got := browsertest.Eval[string](t, agent.tab, `document.body.innerText`); strings.Contains(got, "Visitor "+suffix(conv.ContactID)) {
		t.Errorf("the console still calls the demo user %q", "Visitor "+suffix(conv.ContactID))
	}

	for _, e := range b.UnexpectedErrors() {
		t.Errorf("browser error: %s", e)
	}
}

// suffix is the end of an ID the console shows for a contact it cannot name.
func suffix(id string) string { return id[max(0, len(id)-6):] }
