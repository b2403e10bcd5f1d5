package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/browsertest"
)

// Searching the console for a word of an old message finds it, marks the
// word, and opens the conversation at that message — earlier pages of the
// conversation loaded as needed — with notes found for the agent.
func TestConsoleSearch(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	ctx := t.Context()
	inboxID := srv.DemoInboxID(t)
	v := newVisitor(t, srv, inboxID, "My parcel tracking number is ZX4411, it never arrived")
	conv := conversation(t, srv, v.convID)
	// Many later messages, so that the one found is not on the newest page.
	var later []parley.MessageInput
	for i := range 120 {
		later = append(later, parley.MessageInput{
			WorkspaceID: srv.WorkspaceID, ConversationID: v.convID, Kind: parley.KindText,
			Sender: parley.Sender{Type: parley.ParticipantContact, ID: conv.ContactID}, Body: fmt.Sprintf("filler message %d", i),
		})
	}
	if _, err := srv.App.Store.AppendMessages(ctx, later); err != nil {
		t.Fatal(err)
	}
	newVisitor(t, srv, inboxID, "Nothing to see here, no parcel")

	c := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword)
	c.do(chromedp.Click(`#search-input`), chromedp.SendKeys(`#search-input`, "parcel zx44"+kb.Enter))
	// Every word must match: the other visitor's parcel is not found.
	c.js(`location.pathname === '/console/search/parcel%20zx44'`)
	hit := `.search-hit[data-conversation="` + v.convID + `"][data-seq="1"]`
	c.js(`document.querySelectorAll('.search-hit').length === 1 && !!document.querySelector('` + hit + `')`)
	if got := browsertest.Eval[[]string](t, c.tab, `[...document.querySelectorAll('.search-hit mark')].map(m => m.textContent)`); fmt.Sprint(got) != "[parcel ZX4411]" {
		t.Errorf("marked words: %q", got)
	}
	browsertest.RequireAccessible(t, c.tab, "search results")
	c.do(chromedp.Click(hit))
	// The conversation opens at the message, which is on the screen.
	c.js(`(() => {
		const m = document.querySelector('.messages [data-seq="1"].msg-target');
		if (!m) return false;
		const box = document.querySelector('.messages').getBoundingClientRect(), r = m.getBoundingClientRect();
		return r.top >= box.top && r.bottom <= box.bottom;
	})()`)
	if !browsertest.Eval[bool](t, c.tab, `document.querySelector('.messages [data-seq="1"]').textContent.includes('tracking number is ZX4411')`) {
		t.Error("the message found is not the one shown")
	}
	browsertest.RequireAccessible(t, c.tab, "a conversation opened from search")

	// Notes are found for agents.
	_, err := srv.App.Store.AppendMessage(ctx, parley.MessageInput{
		WorkspaceID: srv.WorkspaceID, ConversationID: v.convID, Kind: parley.KindNote,
		Sender: parley.Sender{Type: parley.ParticipantAgent, ID: c.myID()}, Body: "the visitor's parcel went to the depot",
	})
	if err != nil {
		t.Fatal(err)
	}
	search := func(q string) {
		c.fill(`#search-input`, q)
		c.do(chromedp.SendKeys(`#search-input`, kb.Enter))
	}
	search("depot")
	c.js(`document.querySelectorAll('.search-hit').length === 1 && document.querySelector('.search-hit mark')?.textContent === 'depot'`)
	// Nothing found says so.
	search("xylophone")
	c.js(`document.querySelector('.pane-list')?.textContent.includes('Nothing found')`)
	checkBrowserErrors(t, b)
}
