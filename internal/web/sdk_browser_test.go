package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/browsertest"
	"github.com/parleychat/parley/internal/config"
)

// examples/custom-chat, a chat page built only on the browser SDK
// (/sdk/parley-client.js), chats with an agent as the demo's signed-in
// user: typing and read receipts both ways, an attachment; its token is
// refreshed when Parley warns it is expiring (here at once: the warning is
// longer than the token's life), and a network cut loses no message either
// way, and doubles none.
func TestSDKCustomChatPage(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t, func(c *config.Config) { c.TokenExpiryWarning = 365 * 24 * time.Hour })
	ctx := t.Context()
	inboxID := srv.DemoInboxID(t)
	agent, ac := srv.CreateAgent(t, "ann@example.com", "Ann Lee", parley.RoleAgent)
	tab := b.NewTab(t)
	browsertest.Do(t, tab, chromedp.Navigate(srv.URL+"/examples/custom-chat/?login=demo&inbox="+inboxID))
	browsertest.WaitJS(t, tab, `window.chat && window.chat.state === 'online'`)
	// The warning comes at once: on a loaded machine the refresh may be
	// done already. The page counts refreshes in the same step as the SDK
	// changes its token, so this pair is consistent.
	type session struct {
		Token     string `json:"token"`
		Refreshes int    `json:"refreshes"`
	}
	first := browsertest.Eval[session](t, tab, `({token: window.chat.token, refreshes: Number(document.body.dataset.refreshes || 0)})`)

	say := func(text string) {
		t.Helper()
		browsertest.Eval[bool](t, tab, `(() => { document.getElementById('text').value = `+jsString(text)+`; document.getElementById('composer').requestSubmit(); return true })()`)
	}
	log := func() []string {
		return browsertest.Eval[[]string](t, tab, `[...document.querySelectorAll('#log li')].map(e => e.firstChild.textContent)`)
	}
	waitLog := func(want []string) {
		t.Helper()
		browsertest.WaitFor(t, func() string {
			if got := log(); strings.Join(got, "|") != strings.Join(want, "|") {
				return fmt.Sprintf("the page shows %q, want %q", got, want)
			}
			return ""
		})
	}

	say("Hello from a custom page.")
	browsertest.WaitJS(t, tab, `document.querySelector('#log li.me[data-seq="1"]')`)
	conv := pendingConversation(t, srv.Admin, inboxID)
	if _, err := ac.Assign(ctx, conv.ID, agent.ID); err != nil {
		t.Fatalf("take the conversation: %v", err)
	}
	reply := func(body string) {
		t.Helper()
		if _, err := ac.SendMessage(ctx, conv.ID, client.SendInput{Body: body}); err != nil {
			t.Fatalf("agent sends %q: %v", body, err)
		}
	}
	// Typing, both ways.
	if err := ac.Typing(ctx, conv.ID, false); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitJS(t, tab, `!document.getElementById('typing').hidden`)
	reply("Hi, how can I help?")
	waitLog([]string{"Hello from a custom page.", "Hi, how can I help?"})

	// Read receipts, both ways: the page, showing the conversation, reads
	// the reply at once; the agent's read shows "Seen" on the page.
	browsertest.WaitFor(t, func() string {
		states, err := ac.ReadStates(ctx, conv.ID)
		if err != nil {
			return err.Error()
		}
		for _, s := range states {
			if s.Participant.Type == "contact" && s.LastReadSeq >= 2 {
				return ""
			}
		}
		return fmt.Sprintf("the visitor's read states are %+v, want seq 2 read", states)
	})
	if _, err := ac.MarkRead(ctx, conv.ID, 2); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitJS(t, tab, `document.querySelector('#log li.me[data-seq="1"] .seen')`)

	// Token refresh: Parley sent token_expiring; the SDK asked getToken
	// for a new JWT and exchanged it for a new session of the same visitor.
	// (A refresh is counted only when the token changed.)
	browsertest.WaitJS(t, tab, `Number(document.body.dataset.refreshes || 0) >= 1`)
	if now := browsertest.Eval[string](t, tab, `window.chat.token`); !strings.HasPrefix(now, "prlyv_") ||
		(first.Refreshes == 0 && now == first.Token) {
		t.Errorf("after the refresh the token is %q (was %q, after %d refreshes)", now, first.Token, first.Refreshes)
	}

	// Network cut.
	cdpCall(t, tab, network.Enable, network.EnableParams{})
	setOffline(t, tab, true)
	browsertest.WaitJS(t, tab, `document.getElementById('status').textContent === 'Connection lost. Reconnecting…'`)
	missed := []string{"It left the depot today.", "It arrives tomorrow."}
	for _, m := range missed {
		reply(m)
	}
	say("Thanks, I'll wait.")
	browsertest.WaitJS(t, tab, `document.querySelector('#log li.me.pending')`)
	setOffline(t, tab, false)
	want := []string{"Hello from a custom page.", "Hi, how can I help?", missed[0], missed[1], "Thanks, I'll wait."}
	waitLog(want)
	browsertest.WaitJS(t, tab, `!document.querySelector('#log li.pending') && window.chat.state === 'online'`)
	msgs, err := ac.Messages(ctx, conv.ID, client.MessageQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var bodies []string
	for _, m := range msgs {
		bodies = append(bodies, m.Body)
	}
	if strings.Join(bodies, "|") != strings.Join(want, "|") {
		t.Errorf("the conversation holds %q, want %q", bodies, want)
	}

	// The reply after the cut still arrives live, and the agent sees the
	// page's read receipt of it.
	reply("Anything else?")
	waitLog(append(want, "Anything else?"))
	// An attachment, through the page's file input.
	receipt := "Receipt 1042: 1 Ridge 2 tent, EUR 329\n"
	browsertest.Eval[bool](t, tab, `(() => {
		const input = document.getElementById('file');
		const dt = new DataTransfer();
		dt.items.add(new File([`+jsString(receipt)+`], 'receipt.txt', {type: 'text/plain'}));
		input.files = dt.files;
		input.dispatchEvent(new Event('change', {bubbles: true}));
		return true;
	})()`)
	browsertest.WaitJS(t, tab, `[...document.querySelectorAll('#log li.me:not(.pending)')].some(e => e.textContent.includes('receipt.txt'))`)
	msgs, err = ac.Messages(ctx, conv.ID, client.MessageQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if last := msgs[len(msgs)-1]; last.Kind != "attachment" || len(last.Attachments) != 1 || last.Attachments[0].Name != "receipt.txt" {
		t.Errorf("the last message is %+v, want the receipt", last)
	}

	for _, e := range b.UnexpectedErrors() {
		if !strings.Contains(e, "ERR_INTERNET_DISCONNECTED") && !strings.Contains(e, "WebSocket") {
			t.Errorf("browser error: %s", e)
		}
	}
}
