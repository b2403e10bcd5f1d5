package client_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/testenv"
)

// identitySecret is the HS256 secret the customer's back-end shares with
// the test inbox.
const identitySecret = "test-identity-secret-0123456789abcdef"

// enableJWT gives the env's inbox an HS256 identity secret. (Set in the
// store: the inbox identity API has tests of its own.)
func (e *env) enableJWT(t *testing.T) {
	t.Helper()
	_, err := e.nodes[0].app.Store.UpdateInbox(t.Context(), parley.SystemActor, e.workspace.ID, e.inbox.ID,
		parley.InboxUpdate{Identity: &parley.IdentitySettings{Secrets: []string{identitySecret}}})
	must(t, err)
}

// signJWT signs an identity token for sub as the customer's back-end
// would, with nothing but the standard library (not the library that
// verifies it).
func (e *env) signJWT(t *testing.T, sub string) string {
	t.Helper()
	now := time.Now()
	return testenv.SignHS256(t, identitySecret, map[string]any{
		"sub": sub, "aud": e.inbox.ID, "iat": now.Unix(), "exp": now.Add(time.Hour).Unix(), "name": "Ada " + sub,
	})
}

// verifiedVisitor opens a verified visitor session for sub on node i, as
// a device of that user would, and returns a client with its token.
func (e *env) verifiedVisitor(t *testing.T, i int, sub string) (*client.Client, *client.VisitorSession) {
	t.Helper()
	anon := e.client(t, e.nodes[i].url)
	sess, err := anon.StartVisitorSession(t.Context(), client.VisitorSessionInput{InboxID: e.inbox.ID, Token: e.signJWT(t, sub)})
	must(t, err)
	return anon.WithToken(sess.Token), sess
}

// bodies returns the bodies of msgs in order.
func bodiesOf(msgs []client.Message) []string {
	out := make([]string, len(msgs))
	for i, m := range msgs {
		out[i] = m.Body
	}
	return out
}

// untilMessage returns the first message frame of conversation convID
// with body, skipping other frames.
func untilMessage(t *testing.T, conn *client.Conn, convID, body string) *client.Message {
	t.Helper()
	for {
		m := nextMessage(t, conn)
		if m.ConversationID == convID && m.Body == body {
			return m
		}
	}
}

// A verified user chats on device A; device B opens with a fresh token for
// the same sub and shows the same history; new messages — A's, B's, an
// agent's — arrive live on both; a conversation started on B appears on A.
func TestSameUserOnTwoDevices(t *testing.T) {
	topologies(t, func(t *testing.T, e *env) {
		ctx := t.Context()
		e.enableJWT(t)
		sub := "user-42-" + testenv.Unique()

		// Device A.
		a, sessA := e.verifiedVisitor(t, 0, sub)
		if sessA.Contact != nil && !sessA.Contact.Verified {
			t.Fatalf("device A's contact is not verified: %+v", sessA.Contact)
		}
		conv, err := a.CreateConversation(ctx, client.CreateConversationInput{})
		must(t, err)
		connA := connect(t, a, client.WithAutoReconnect(10*time.Millisecond, time.Second))
		must(t, connA.SubscribeFeed(ctx))
		_, err = connA.Subscribe(ctx, conv.ID, 0)
		must(t, err)
		for _, body := range []string{"Hello from my laptop", "Where is order 1234?"} {
			_, err := connA.Send(ctx, conv.ID, client.SendInput{Body: body})
			must(t, err)
		}

		// Device B, on the other node of a cluster, with a token the
		// customer's back-end minted for the same user: the same contact,
		// the same conversations, the same history.
		minted, err := e.admin(t, e.last()).CreateVisitorToken(ctx, client.VisitorTokenInput{InboxID: e.inbox.ID, ExternalID: sub})
		must(t, err)
		if minted.Contact.ID != sessA.ContactID || !minted.Contact.Verified {
			t.Fatalf("device B is contact %+v, device A %s", minted.Contact, sessA.ContactID)
		}
		b := e.client(t, e.nodes[e.last()].url, client.WithToken(minted.Token))
		page, err := b.ListConversations(ctx, client.ConversationFilter{})
		must(t, err)
		if len(page.Items) != 1 || page.Items[0].ID != conv.ID {
			t.Fatalf("device B lists %+v, want conversation %s", page.Items, conv.ID)
		}
		histA, err := a.Messages(ctx, conv.ID, client.MessageQuery{})
		must(t, err)
		histB, err := b.Messages(ctx, conv.ID, client.MessageQuery{})
		must(t, err)
		if d := cmp.Diff(histA, histB); d != "" || len(histB) != 2 {
			t.Fatalf("history on B differs from A (-A +B):\n%s", d)
		}
		connB := connect(t, b, client.WithAutoReconnect(10*time.Millisecond, time.Second))
		must(t, connB.SubscribeFeed(ctx))
		_, err = connB.Subscribe(ctx, conv.ID, histB[len(histB)-1].Seq)
		must(t, err)

		// Live both ways, and an agent's reply on both.
		_, err = connA.Send(ctx, conv.ID, client.SendInput{Body: "typed on A"})
		must(t, err)
		untilMessage(t, connB, conv.ID, "typed on A")
		_, err = connB.Send(ctx, conv.ID, client.SendInput{Body: "typed on B"})
		must(t, err)
		untilMessage(t, connA, conv.ID, "typed on A")
		untilMessage(t, connA, conv.ID, "typed on B")
		agent, _ := e.agent(t, 0, parley.RoleAgent)
		_, err = agent.Assign(ctx, conv.ID, "")
		must(t, err)
		_, err = agent.SendMessage(ctx, conv.ID, client.SendInput{Body: "An agent answers"})
		must(t, err)
		for _, conn := range []*client.Conn{connA, connB} {
			if m := untilMessage(t, conn, conv.ID, "An agent answers"); m.Sender.Type != "agent" {
				t.Fatalf("the agent's reply came from %+v", m.Sender)
			}
		}

		// A conversation started on B appears on A.
		conv2, err := b.CreateConversation(ctx, client.CreateConversationInput{})
		must(t, err)
		for {
			f := next(t, connA, client.FrameConversation)
			if f.ConversationID == conv2.ID {
				if f.Event != "conversation.created" || f.Conversation == nil || f.Conversation.ContactID != sessA.ContactID {
					t.Fatalf("device A learnt of the new conversation as %s", f.Raw)
				}
				break
			}
		}
		_, err = connA.Subscribe(ctx, conv2.ID, 0)
		must(t, err)
		_, err = connB.Send(ctx, conv2.ID, client.SendInput{Body: "a second topic"})
		must(t, err)
		untilMessage(t, connA, conv2.ID, "a second topic")
		page, err = a.ListConversations(ctx, client.ConversationFilter{})
		must(t, err)
		var ids []string
		for _, c := range page.Items {
			ids = append(ids, c.ID)
		}
		if slices.Sort(ids); !slices.Equal(ids, sorted(conv.ID, conv2.ID)) {
			t.Fatalf("device A lists %v, want both conversations", ids)
		}
	})
}

func sorted(s ...string) []string {
	slices.Sort(s)
	return s
}

// A guest starts a conversation, then logs in: the JWT is exchanged with
// the guest's session as the current principal, the conversation now
// belongs to the verified contact, and the agent sees one contact, not two.
func TestGuestLogsIn(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	e.enableJWT(t)
	guest, guestSess := e.visitor(t, 0)
	conv := startConversation(t, guest)

	sub := "user-77-" + testenv.Unique()
	verified, err := guest.StartVisitorSession(ctx, client.VisitorSessionInput{InboxID: e.inbox.ID, Token: e.signJWT(t, sub)})
	must(t, err)
	if verified.ContactID == "" || verified.ContactID == guestSess.ContactID {
		t.Fatalf("after login the session is contact %q (the guest was %s)", verified.ContactID, guestSess.ContactID)
	}

	admin := e.admin(t, 0)
	got, err := admin.Conversation(ctx, conv.ID)
	must(t, err)
	if got.ContactID != verified.ContactID {
		t.Fatalf("the agent sees the conversation with contact %s, want the verified %s", got.ContactID, verified.ContactID)
	}
	page, err := admin.ListConversations(ctx, client.ConversationFilter{ContactID: guestSess.ContactID})
	must(t, err)
	if len(page.Items) != 0 {
		t.Fatalf("the guest contact still has conversations: %+v", page.Items)
	}
	page, err = admin.ListConversations(ctx, client.ConversationFilter{InboxID: e.inbox.ID})
	must(t, err)
	contacts := map[string]bool{}
	for _, c := range page.Items {
		contacts[c.ContactID] = true
	}
	if len(contacts) != 1 || !contacts[verified.ContactID] {
		t.Fatalf("the inbox's conversations belong to %v, want one contact %s", contacts, verified.ContactID)
	}

	// The logged-in visitor, on this device or another, has the history.
	for _, c := range []*client.Client{guest.WithToken(verified.Token), func() *client.Client { c, _ := e.verifiedVisitor(t, 0, sub); return c }()} {
		msgs, err := c.Messages(ctx, conv.ID, client.MessageQuery{})
		must(t, err)
		if len(msgs) != 1 || msgs[0].Body != "Hello, I need help." {
			t.Fatalf("history after login: %v", bodiesOf(msgs))
		}
	}
}

// A verified visitor's connection refreshes in place with a new identity
// JWT from the customer's back-end; another user's JWT is refused.
func TestRefreshWithJWT(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	e.enableJWT(t)
	sub := "user-9-" + testenv.Unique()
	visitor, _ := e.verifiedVisitor(t, 0, sub)
	conn := connect(t, visitor)
	if conn.Ready().ExpiresAt.IsZero() {
		t.Fatal("a verified visitor's connection has no expiry")
	}
	exp, err := conn.Refresh(ctx, e.signJWT(t, sub))
	must(t, err)
	if exp.IsZero() || !conn.ExpiresAt().Equal(exp) {
		t.Fatalf("refreshed expiry %v, ExpiresAt() %v", exp, conn.ExpiresAt())
	}
	e.verifiedVisitor(t, 0, sub+"-other") // the other user exists
	_, err = conn.Refresh(ctx, e.signJWT(t, sub+"-other"))
	var ce *client.Error
	if !errors.As(err, &ce) || ce.Code != client.CodeForbidden || ce.Reason != "token_contact_mismatch" {
		t.Fatalf("refresh with another user's JWT: %v", err)
	}
	if _, err := conn.Ping(ctx); err != nil {
		t.Fatalf("the connection broke: %v", err)
	}
}
