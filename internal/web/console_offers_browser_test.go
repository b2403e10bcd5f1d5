package web_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/browsertest"
)

// TestConsoleOffers: in a queue in offer mode, a conversation offered to
// an agent shows in the agent's console as a prompt naming the visitor and
// their message, with the seconds left; Accept assigns the conversation to
// the agent and opens it; the next one, declined with the d key, leaves
// the prompt and goes to the team's other agent.
func TestConsoleOffers(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	ctx := t.Context()
	admin := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword)
	inboxID := srv.DemoInboxID(t)
	olga, _ := srv.CreateAgent(t, "olga@example.com", "Olga", parley.RoleAgent)
	ben, _ := srv.CreateAgent(t, "ben@example.com", "Ben", parley.RoleAgent)
	benSession, err := srv.Client(t).Login(ctx, client.LoginInput{Email: "ben@example.com", Password: "agent-password-for-tests"})
	if err != nil {
		t.Fatal(err)
	}
	benAPI, err := client.New(srv.URL, client.WithSession(benSession.Session, benSession.CSRFToken))
	if err != nil {
		t.Fatal(err)
	}

	post := func(method, path, body string, out any) {
		t.Helper()
		status, raw := admin.fetchBody(method, path, body)
		if status/100 != 2 {
			t.Fatalf("%s %s: %d %s", method, path, status, raw)
		}
		if out != nil {
			if err := json.Unmarshal([]byte(raw), out); err != nil {
				t.Fatalf("%s %s: %v", method, path, err)
			}
		}
	}
	var team, queue struct{ ID string }
	post("POST", "/api/v1/teams", `{"name": "Desk", "agent_ids": ["`+olga.ID+`", "`+ben.ID+`"]}`, &team)
	post("POST", "/api/v1/queues", `{"name": "Offered", "team_id": "`+team.ID+`", "strategy": "round_robin",
		"offer_mode": true, "offer_timeout_seconds": 600}`, &queue)
	post("PUT", "/api/v1/inboxes/"+inboxID+"/queue", `{"queue_id": "`+queue.ID+`"}`, nil)

	// Olga's console is open, so she is online; Ben is not, yet.
	c := openConsole(t, b, srv, "olga@example.com", "agent-password-for-tests")
	browsertest.WaitFor(t, func() string {
		if p := c.presence(); p != "online" {
			return "Olga's presence: " + p
		}
		return ""
	})

	assignee := func(id string) string {
		t.Helper()
		conv, err := srv.Admin.Conversation(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return conv.AssigneeID
	}
	prompt := `document.querySelector('.offer-prompt[role=alertdialog]')`

	t.Run("Accept", func(t *testing.T) {
		c := c.in(t)
		first := newVisitor(t, srv, inboxID, "Do you ship to Norway?")
		c.js(prompt + `?.dataset.offer === '` + first.convID + `'`)
		c.js(prompt + `.textContent.includes('Do you ship to Norway?') && !!` + prompt + `.querySelector('.offer-visitor').textContent`)
		left, err := strconv.Atoi(browsertest.Eval[string](t, c.tab, prompt+`.querySelector('.offer-seconds').textContent`))
		if err != nil || left < 1 || left > 600 {
			t.Fatalf("seconds left: %d %v; want 1 to 600", left, err)
		}
		if got := assignee(first.convID); got != "" {
			t.Fatalf("assignee before the answer: %q; want none", got)
		}
		// The prompt has the focus, on Accept, and is announced.
		c.js(`document.activeElement === document.querySelector('.offer-prompt button[aria-keyshortcuts=a]')`)
		c.js(`[...document.querySelectorAll('[aria-live=assertive]')].some(e => e.textContent.startsWith('Conversation offered to you'))`)
		browsertest.RequireAccessible(t, c.tab, "the console with an offer")
		browsertest.Screenshot(t, c.tab, "console-offer")
		// After a reload, the offer still open is shown again; a accepts it.
		c.do(chromedp.Reload())
		c.js(`!!document.querySelector('[data-connection=online]') && ` + prompt + `?.dataset.offer === '` + first.convID + `'`)
		c.key("a")
		c.js(`!` + prompt + ` && location.pathname === '/console/mine/` + first.convID + `'`)
		browsertest.WaitFor(t, func() string {
			if got := assignee(first.convID); got != olga.ID {
				return "the first conversation's assignee: " + got
			}
			return ""
		})
		// The conversation is open, its message shown.
		c.js(`[...document.querySelectorAll('.msg-body')].some(m => m.textContent.includes('Do you ship to Norway?'))`)
	})

	t.Run("Decline", func(t *testing.T) {
		c := c.in(t)
		// The help lists the offer's keys.
		// The table is in the page while the dialog is closed too: wait for
		// the dialog to open before reading it and closing it.
		c.key("?")
		c.js(`!!document.querySelector('dialog[open] .shortcut-table')`)
		c.js(`[...document.querySelectorAll('dialog[open] .shortcut-table tr')].some(r => r.textContent.startsWith('aAccept'))`)
		c.js(`[...document.querySelectorAll('dialog[open] .shortcut-table tr')].some(r => r.textContent.startsWith('dDecline'))`)
		browsertest.Eval[bool](t, c.tab, `(() => { document.querySelector('dialog[open] form[method=dialog] button').click(); return true; })()`)
		c.js(`!document.querySelector('dialog[open]')`)

		second := newVisitor(t, srv, inboxID, "Is anyone there?")
		c.js(prompt + `?.dataset.offer === '` + second.convID + `'`)
		// Ben comes online, and Olga declines with the d key.
		conn, err := benAPI.Connect(ctx)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		if err := benAPI.SetPresence(ctx, "online"); err != nil {
			t.Fatal(err)
		}
		// benOffers reads Ben's open offers (GET /api/v1/me/offers as Ben).
		benOffers := func() ([]byte, error) {
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/api/v1/me/offers", nil)
			if err != nil {
				return nil, err
			}
			req.AddCookie(&http.Cookie{Name: "parley_session", Value: benSession.Session})
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return nil, err
			}
			defer resp.Body.Close()
			raw, err := io.ReadAll(resp.Body)
			if err == nil && resp.StatusCode != http.StatusOK {
				err = fmt.Errorf("GET /api/v1/me/offers: %d %s", resp.StatusCode, raw)
			}
			return raw, err
		}
		c.key("d")
		c.js(`!` + prompt)
		browsertest.WaitFor(t, func() string {
			var offers struct {
				Items []struct {
					ConversationID string `json:"conversation_id"`
				} `json:"items"`
			}
			raw, err := benOffers()
			if err != nil {
				return err.Error()
			}
			if err := json.Unmarshal(raw, &offers); err != nil {
				return err.Error()
			}
			if len(offers.Items) != 1 || offers.Items[0].ConversationID != second.convID {
				return "Ben's offers: " + string(raw)
			}
			return ""
		})
		if got := assignee(second.convID); got == olga.ID {
			t.Fatalf("the declined conversation is assigned to Olga")
		}
		c.js(`!` + prompt)
	})

	t.Run("Expire", func(t *testing.T) {
		c := c.in(t)
		// Ben goes offline; offers now last a second. The prompt records
		// each offer it shows, so that a short one is not missed.
		if err := benAPI.SetPresence(ctx, "offline"); err != nil {
			t.Fatal(err)
		}
		post("PATCH", "/api/v1/queues/"+queue.ID, `{"offer_timeout_seconds": 1}`, nil)
		browsertest.Eval[bool](t, c.tab, `(() => {
			window.shown = [];
			const note = () => {
				const p = document.querySelector('.offer-prompt');
				const now = p ? p.dataset.offer + ' ' + p.dataset.offerId : '';
				if (window.shown[window.shown.length - 1] !== now) window.shown.push(now);
			};
			new MutationObserver(note).observe(document.body, {childList: true, subtree: true, attributes: true});
			return true;
		})()`)
		third := newVisitor(t, srv, inboxID, "Hello?")
		// Offered to Olga, then gone once its second has passed (and maybe
		// offered to her again: a new offer).
		c.js(`(() => {
			const i = window.shown.findIndex(s => s.startsWith('` + third.convID + ` '));
			return i >= 0 && window.shown.length > i + 1;
		})()`)
		if got := assignee(third.convID); got != "" {
			t.Fatalf("the unanswered conversation's assignee: %q; want none", got)
		}
	})

	for _, e := range b.UnexpectedErrors() {
		if !strings.Contains(e, "Failed to load resource") {
			t.Errorf("browser error: %s", e)
		}
	}
}

// TestConsoleAutoResolve: an administrator sets an inbox's auto-resolve
// time in minutes on the Inboxes page; the API holds it in seconds; a time
// out of range is refused, saying why; cleared, it is off.
func TestConsoleAutoResolve(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	c := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword)
	inboxID := srv.DemoInboxID(t)
	card := `[data-inbox="` + inboxID + `"]`
	form := card + ` form[aria-label=Auto-resolve]`
	input := form + ` input[name=auto_resolve_minutes]`
	seconds := func() int64 {
		t.Helper()
		var in struct {
			Conversation struct {
				AutoResolveAfter int64 `json:"auto_resolve_after_seconds"`
			} `json:"conversation"`
		}
		c.getJSON("/api/v1/inboxes/"+inboxID, &in)
		return in.Conversation.AutoResolveAfter
	}

	c.nav("admin/inboxes")
	c.js(`document.querySelector('` + input + `')?.value === '' && document.querySelector('` + form + `').textContent.includes('Now: off')`)
	browsertest.RequireAccessible(t, c.tab, "the inboxes page with auto-resolve")

	c.fill(input, "30")
	c.do(chromedp.Click(form + ` button[type=submit]`))
	c.toast("Conversations inactive for 30 minutes will be resolved.")
	c.js(`document.querySelector('` + form + `').textContent.includes('Now: after 30 minutes')`)
	if got := seconds(); got != 1800 {
		t.Fatalf("auto_resolve_after_seconds: %d; want 1800", got)
	}
	c.dismissToasts()

	// More than 30 days is refused by the server, which says why.
	c.fill(input, "50000")
	c.do(chromedp.Click(form + ` button[type=submit]`))
	c.js(`document.querySelector('` + card + ` .form-error')?.textContent.includes('auto_resolve_after_seconds: must be 0 (off) or between 60 and 2592000 seconds')`)
	if got := seconds(); got != 1800 {
		t.Fatalf("auto_resolve_after_seconds after a refusal: %d; want 1800 kept", got)
	}
	browsertest.RequireAccessible(t, c.tab, "the inboxes page with a refused auto-resolve")

	// Cleared: off.
	c.fill(input, "")
	c.do(chromedp.Click(form + ` button[type=submit]`))
	c.toast("Auto-resolve is off.")
	c.js(`!document.querySelector('` + card + ` .form-error') && document.querySelector('` + form + `').textContent.includes('Now: off')`)
	if got := seconds(); got != 0 {
		t.Fatalf("auto_resolve_after_seconds: %d; want 0 (off)", got)
	}

	for _, e := range b.UnexpectedErrors() {
		if !strings.Contains(e, "Failed to load resource") {
			t.Errorf("browser error: %s", e)
		}
	}
}
