package web_test

import (
	"context"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/browsertest"
	"github.com/parleychat/parley/internal/testenv"
)

// guestWrites opens the demo page in tab as a guest, who writes first; it
// returns the conversation the agents see, pending.
func guestWrites(t *testing.T, tab context.Context, srv *browsertest.Server, first string) client.Conversation {
	t.Helper()
	openDemo(t, tab, srv)
	openChat(t, tab)
	write(t, tab, first)
	browsertest.WaitJS(t, tab, shadow+`.querySelector('.msg.me[data-seq="1"]')`)
	return pendingConversation(t, srv.Admin, srv.DemoInboxID(t))
}

// wantOnePerson checks that the inbox's pending conversations are the one
// conversation, now the contact's with externalID (verified), and that the
// guest it started as is gone, merged into it.
func wantOnePerson(t *testing.T, srv *browsertest.Server, conv client.Conversation, externalID string) {
	t.Helper()
	ctx := t.Context()
	page, err := srv.Admin.ListConversations(ctx, client.ConversationFilter{InboxID: srv.DemoInboxID(t), Status: []string{"pending"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 1 || page.Items[0].ID != conv.ID {
		t.Fatalf("the demo inbox holds %d pending conversations, want only %s", len(page.Items), conv.ID)
	}
	contact, err := srv.App.Store.FindContactByID(ctx, srv.WorkspaceID, page.Items[0].ContactID)
	if err != nil {
		t.Fatal(err)
	}
	if !contact.Verified || contact.ExternalID != externalID {
		t.Errorf("the conversation's contact is %+v, want the verified %s", contact, externalID)
	}
	if _, err := srv.App.Store.FindContactByID(ctx, srv.WorkspaceID, conv.ContactID); parley.ErrorCode(err) != parley.ENOTFOUND {
		t.Errorf("the guest %s is still a contact of its own (%v): the agent sees two people", conv.ContactID, err)
	}
}

// A guest writes, then logs in — with Parley.identify and a JWT signed by
// the site's back-end, or with the demo page's "Log in as a demo user" —
// and keeps the conversation: the widget still shows it, and the agent
// sees one person.
func TestWidgetIdentifyKeepsGuestConversation(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	inboxID := srv.DemoInboxID(t)

	t.Run("ParleyIdentify", func(t *testing.T) {
		tab := b.NewTab(t)
		conv := guestWrites(t, tab, srv, "Do you ship to Norway?")
		inbox, err := srv.App.Store.FindInboxByID(t.Context(), srv.WorkspaceID, inboxID)
		if err != nil || len(inbox.Identity.Secrets) == 0 {
			t.Fatalf("the demo inbox has no identity secret (%v)", err)
		}
		jwt := testenv.SignHS256(t, inbox.Identity.Secrets[0], map[string]any{
			"sub": "customer-42", "aud": inboxID, "name": "Kari Nordmann",
			"iat": time.Now().Unix(), "exp": time.Now().Add(time.Hour).Unix(),
		})
		browsertest.Eval[bool](t, tab, `Parley.identify(`+jsString(jwt)+`).then(() => true)`)
		browsertest.WaitJS(t, tab, `Parley.conversations().then((l) => l.length === 1 && l[0].id === `+jsString(conv.ID)+`)`)
		waitText(t, tab, "Do you ship to Norway?")
		wantOnePerson(t, srv, conv, "customer-42")
	})

	t.Run("DemoLogin", func(t *testing.T) {
		tab := b.NewTab(t)
		// The first subtest's conversation is Kari's; this guest's is new.
		if _, err := srv.Admin.Resolve(t.Context(), pendingConversation(t, srv.Admin, inboxID).ID); err != nil {
			t.Fatal(err)
		}
		conv := guestWrites(t, tab, srv, "Is the Ridge 2 in stock?")
		browsertest.Eval[bool](t, tab, `document.getElementById('demo-login').click(), true`)
		browsertest.WaitJS(t, tab, `document.getElementById('demo-status').textContent.includes('Demo User')`)
		browsertest.WaitJS(t, tab, `Parley.conversations().then((l) => l.length === 1 && l[0].id === `+jsString(conv.ID)+`)`)
		waitText(t, tab, "Is the Ridge 2 in stock?")
		wantOnePerson(t, srv, conv, "demo-user-1")
	})
	noBrowserErrors(t, b)
}
