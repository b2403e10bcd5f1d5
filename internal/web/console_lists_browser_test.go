package web_test

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/browsertest"
)

// The console's lists come from the server a page at a time and load as
// the agent scrolls: a list of more than 1,000 conversations shows every
// one of them, in the server's order, each once.
func TestConsoleListPagesPast1000(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	ctx := t.Context()
	st := srv.App.Store
	inboxID := srv.DemoInboxID(t)
	contact := &parley.Contact{WorkspaceID: srv.WorkspaceID, Name: "Many Questions"}
	if err := st.CreateContact(ctx, contact); err != nil {
		t.Fatal(err)
	}
	const n = 1050
	system := parley.Participant{Type: parley.ParticipantSystem}
	ids := make([]string, 0, n) // oldest activity first
	for range n {
		c := &parley.Conversation{WorkspaceID: srv.WorkspaceID, InboxID: inboxID, ContactID: contact.ID}
		if _, err := st.CreateConversation(ctx, c, system); err != nil {
			t.Fatal(err)
		}
		if _, _, err := st.ResolveConversation(ctx, srv.WorkspaceID, c.ID, system); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}

	c := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword)
	c.nav("resolved")
	// The first page, with more to come.
	c.js(`document.querySelectorAll('.conv-list .conv-item').length > 0 && !!document.querySelector('.conv-more')`)
	if got := browsertest.Eval[int](t, c.tab, `document.querySelectorAll('.conv-list .conv-item').length`); got >= n {
		t.Fatalf("the first page shows %d conversations", got)
	}
	browsertest.RequireAccessible(t, c.tab, "a long resolved list")
	// Scrolling to the end loads page after page until the list ends.
	c.js(`(() => {
		const l = document.querySelector('.conv-list');
		l.scrollTop = l.scrollHeight;
		return l.querySelectorAll('.conv-item').length >= ` + strconv.Itoa(n) + ` && !document.querySelector('.conv-more');
	})()`)
	got := browsertest.Eval[[]string](t, c.tab, `[...document.querySelectorAll('.conv-list .conv-item')].map(a => a.dataset.conversation)`)
	if len(got) != n {
		t.Fatalf("the list shows %d conversations, want %d", len(got), n)
	}
	// Most recent activity first: the reverse of the order they were resolved in.
	for i, id := range got {
		if want := ids[n-1-i]; id != want {
			t.Fatalf("item %d is %s, want %s", i, id, want)
		}
	}
	if count := browsertest.Eval[string](t, c.tab, `document.querySelector('.pane-head .muted').textContent`); count != strconv.Itoa(n)+" conversations" {
		t.Errorf("the list's count reads %q", count)
	}
	// The oldest, loaded last, opens.
	c.do(chromedp.Click(item(ids[0])))
	c.js(`location.pathname.endsWith(` + jsString(ids[0]) + `) && !!document.querySelector('.conv-head')`)
	checkBrowserErrors(t, b)
}
