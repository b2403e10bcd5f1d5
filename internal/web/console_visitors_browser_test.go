package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/browsertest"
)

// An agent sees a visitor browsing the demo page live on the console's
// Visitors page — the page's title, a guest, new — and invites them; the
// widget shows the invitation as a prompt, and replying opens the chat with
// the agent's message first. The visitor has not opened the chat before:
// the demo page embeds the widget with data-presence="on".
func TestConsoleInvitesVisitorOnDemoPage(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	agent := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword)
	agent.nav("visitors")
	agent.js(`document.querySelector('.visitors-page')?.textContent.includes('Nobody is on the site right now.')`)

	visitor := b.NewTab(t)
	openDemo(t, visitor, srv)
	title := browsertest.Eval[string](t, visitor, `document.title`)
	browsertest.Eval[bool](t, visitor, `Parley.on('invitation', (i) => { window.invited = i.message }), true`)

	// The visitor appears live, without a reload, with the page they are on.
	agent.js(`[...document.querySelectorAll('tr[data-visitor]')].some(r =>
		r.querySelector('.visitor-page')?.textContent === ` + jsString(title) + ` &&
		r.textContent.includes('Guest') && r.textContent.includes('New'))`)
	browsertest.RequireAccessible(t, agent.tab, "the Visitors page")

	// A single-page site moves on (popstate): the console follows, live.
	browsertest.Eval[bool](t, visitor, `history.pushState({}, '', '/boots?size=42#reviews'), document.title = 'Hiking boots',
		dispatchEvent(new PopStateEvent('popstate')), true`)
	agent.js(`[...document.querySelectorAll('tr[data-visitor]')].some(r =>
		r.querySelector('.visitor-page')?.textContent === 'Hiking boots' && r.textContent.includes('/boots?size=42') &&
		!r.textContent.includes('#reviews'))`)

	agent.click("Invite")
	agent.fill(`.invite-form textarea`, "Hello from Acme! Need help choosing boots?")
	agent.click("Send invitation")
	agent.toast("Invitation sent")

	// The widget shows the prompt, accessible, while the chat is closed.
	browsertest.WaitJS(t, visitor, shadow+`?.querySelector('.invite .msg')?.textContent === 'Hello from Acme! Need help choosing boots?'`)
	if who := browsertest.Eval[string](t, visitor, shadow+`.querySelector('.invite .who').textContent`); who == "" {
		t.Error("the invitation does not say who invites")
	}
	if browsertest.Eval[bool](t, visitor, shadow+`.querySelector('.panel.open') !== null`) {
		t.Error("the invitation opened the chat by itself")
	}
	if got := browsertest.Eval[string](t, visitor, `window.invited || ''`); got != "Hello from Acme! Need help choosing boots?" {
		t.Errorf("Parley.on('invitation') got %q", got)
	}
	browsertest.RequireAccessible(t, visitor, "the widget with an invitation")

	// Replying opens the chat with the agent's message first.
	browsertest.Eval[bool](t, visitor, shadow+`.querySelector('.invite .reply').click(), true`)
	browsertest.WaitJS(t, visitor, shadow+`.querySelector('.panel.open') && !`+shadow+`.querySelector('.invite')`)
	browsertest.WaitJS(t, visitor, `(`+shadow+`.querySelector('.log')?.innerText || '').includes('Hello from Acme! Need help choosing boots?')`)
	noBrowserErrors(t, b)
}

// A visitor may close an invitation, with its × or Escape: it goes away and
// the chat stays shut.
func TestWidgetInvitationDismissed(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	agent := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword)
	agent.nav("visitors")
	visitor := b.NewTab(t)
	openDemo(t, visitor, srv)
	agent.js(`document.querySelector('tr[data-visitor] .visitor-page')`)
	agent.click("Invite")
	agent.click("Send invitation")
	browsertest.WaitJS(t, visitor, shadow+`?.querySelector('.invite .msg')`)
	browsertest.Eval[bool](t, visitor, shadow+`.querySelector('.invite .x').click(), true`)
	browsertest.WaitJS(t, visitor, `!`+shadow+`.querySelector('.invite')`)

	agent.click("Invite")
	agent.click("Send invitation")
	browsertest.WaitJS(t, visitor, shadow+`?.querySelector('.invite .msg')`)
	browsertest.Eval[bool](t, visitor, shadow+`.querySelector('.invite .reply').focus(), true`)
	browsertest.Do(t, visitor, chromedp.KeyEvent(kb.Escape))
	browsertest.WaitJS(t, visitor, `!`+shadow+`.querySelector('.invite')`)
	if browsertest.Eval[bool](t, visitor, shadow+`.querySelector('.panel.open') !== null`) {
		t.Error("dismissing the invitation opened the chat")
	}
	noBrowserErrors(t, b)
}

// With reportPage: false the widget tells Parley nothing of the page: the
// visitor is listed, and invitable, with no page.
func TestWidgetReportsNoPageWhenToldNot(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	_, tok, err := srv.App.Accounts.CreateToken(t.Context(), nil, srv.WorkspaceID, "test", []parley.Scope{parley.ScopeAll})
	if err != nil {
		t.Fatal(err)
	}
	online := func() []map[string]any {
		req, _ := http.NewRequest("GET", srv.URL+"/api/v1/visitors/online", nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var out struct{ Items []map[string]any }
		if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
			t.Fatal(err)
		}
		return out.Items
	}
	visitor := b.NewTab(t)
	cdpCall(t, visitor, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: `window.parleySettings = { reportPage: false }`})
	openDemo(t, visitor, srv)
	browsertest.WaitFor(t, func() string {
		if n := len(online()); n != 1 {
			return fmt.Sprintf("%d visitors online", n)
		}
		return ""
	})
	// A round trip on the widget's connection, after the moment it would
	// have reported its page.
	agent, _ := srv.CreateAgent(t, "inviter@example.com", "Ines", parley.RoleAgent)
	body := `{"message":"Hello","agent_id":"` + agent.ID + `"}`
	req, _ := http.NewRequest("POST", srv.URL+"/api/v1/visitors/"+online()[0]["contact_id"].(string)+"/invitations", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil || res.StatusCode != http.StatusAccepted {
		t.Fatalf("invite: %v %v", res, err)
	}
	res.Body.Close()
	browsertest.WaitJS(t, visitor, shadow+`?.querySelector('.invite .msg')`)
	if p := online()[0]["page"].(map[string]any); p["url"] != "" || p["title"] != "" {
		t.Errorf("the widget reported %v", p)
	}
	noBrowserErrors(t, b)
}
