package client_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/identity"
	"github.com/parleychat/parley/internal/secret"
)

// warning is the token expiry warning of the nodes of these tests: short,
// so that credentials expiring in twice as long are warned about and
// expire while a test runs. The tests check what happens and in which
// order, never how long it took.
const warning = time.Second

// newExpiryEnv starts one node that warns of expiring credentials one
// warning before.
func newExpiryEnv(t *testing.T) *env {
	t.Helper()
	cfg := nodeConfig(t)
	cfg.TokenExpiryWarning = warning
	return setupEnv(t, startNode(t, cfg))
}

// visitorToken opens a visitor session of contactID in the env's inbox,
// expiring at expiresAt, and returns its token. (Sessions are made in the
// store: the API's own tokens do not expire within a test.)
func (e *env) visitorToken(t *testing.T, contactID string, expiresAt time.Time) string {
	t.Helper()
	sec := secret.NewToken(identity.TokenPrefix)
	sess := &parley.VisitorSession{WorkspaceID: e.workspace.ID, InboxID: e.inbox.ID, ContactID: contactID, ExpiresAt: expiresAt}
	must(t, e.nodes[0].app.Store.CreateVisitorSession(t.Context(), sess, secret.Hash(sec)))
	return sec
}

// refreshes records what OnRefresh reports.
type refreshes struct {
	mu   sync.Mutex
	exps []time.Time
	errs []error
	ch   chan struct{}
}

func newRefreshes() *refreshes { return &refreshes{ch: make(chan struct{}, 100)} }

func (r *refreshes) record(exp time.Time, err error) {
	r.mu.Lock()
	r.exps, r.errs = append(r.exps, exp), append(r.errs, err)
	r.mu.Unlock()
	r.ch <- struct{}{}
}

// next waits for the next refresh and returns its outcome.
func (r *refreshes) next(t *testing.T) (time.Time, error) {
	t.Helper()
	select {
	case <-r.ch:
	case <-time.After(wait):
		t.Fatal("no refresh reported")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.exps[len(r.exps)-1], r.errs[len(r.errs)-1]
}

// With a token source, a Conn refreshes its credential in place on
// token_expiring: the connection outlives the first credential, keeps its
// subscriptions, and never reconnects.
func TestTokenRefreshKeepsTheConnection(t *testing.T) {
	t.Parallel()
	e := newExpiryEnv(t)
	ctx := t.Context()
	visitor, sess := e.visitor(t, 0)
	conv := startConversation(t, visitor)
	agent, _ := e.agent(t, 0, parley.RoleAgent)
	_, err := agent.Assign(ctx, conv.ID, "")
	must(t, err)

	first := time.Now().Add(2 * warning).Truncate(time.Microsecond)
	second := first.Add(2 * warning) // warned about after the first expiry
	third := time.Now().Add(time.Hour).Truncate(time.Microsecond)
	var calls atomic.Int32
	source := func(ctx context.Context) (string, error) {
		if calls.Add(1) == 1 {
			return e.visitorToken(t, sess.ContactID, second), nil
		}
		return e.visitorToken(t, sess.ContactID, third), nil
	}
	r := newRefreshes()
	var disconnects atomic.Int32
	conn := connect(t, visitor.WithToken(e.visitorToken(t, sess.ContactID, first)),
		client.WithAutoReconnect(10*time.Millisecond, 100*time.Millisecond),
		client.WithTokenSource(source), client.OnRefresh(r.record),
		client.OnDisconnect(func(error) { disconnects.Add(1) }))
	if got := conn.Ready().ExpiresAt; !got.Equal(first) {
		t.Fatalf("ready expires_at %v, want %v", got, first)
	}
	_, err = conn.Subscribe(ctx, conv.ID, 0)
	must(t, err)
	id := conn.Ready().ConnectionID

	for i, want := range []time.Time{first, second} {
		f := next(t, conn, client.FrameTokenExpiring)
		if !f.ExpiresAt.Equal(want) {
			t.Fatalf("token_expiring %d: expires_at %v, want %v", i+1, f.ExpiresAt, want)
		}
		if i == 1 && !time.Now().After(first) {
			t.Fatal("the second warning came before the first expiry")
		}
	}
	for _, want := range []time.Time{second, third} {
		exp, err := r.next(t)
		if err != nil || !exp.Equal(want) {
			t.Fatalf("refresh: %v, %v; want expiry %v", exp, err, want)
		}
	}
	if got := conn.ExpiresAt(); !got.Equal(third) {
		t.Fatalf("ExpiresAt() = %v, want %v", got, third)
	}

	sent, err := agent.SendMessage(ctx, conv.ID, client.SendInput{Body: "still with you"})
	must(t, err)
	for {
		m := nextMessage(t, conn)
		if m.ID == sent.Message.ID {
			break
		}
	}
	if disconnects.Load() != 0 || conn.Ready().ConnectionID != id {
		t.Fatalf("the connection was replaced (%d disconnections)", disconnects.Load())
	}
}

// Without a refresh, the connection is closed with 4003; without a token
// source that ends the Conn, with or without automatic reconnection.
func TestTokenExpiredEndsTheConn(t *testing.T) {
	t.Parallel()
	e := newExpiryEnv(t)
	visitor, sess := e.visitor(t, 0)
	for _, tc := range []struct {
		name string
		opts []client.ConnectOption
	}{
		{"Plain", nil},
		{"AutoReconnect", []client.ConnectOption{client.WithAutoReconnect(10*time.Millisecond, 100*time.Millisecond)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			conn := connect(t, visitor.WithToken(e.visitorToken(t, sess.ContactID, time.Now().Add(2*warning))), tc.opts...)
			next(t, conn, client.FrameTokenExpiring)
			ctx, cancel := context.WithTimeout(t.Context(), wait)
			defer cancel()
			var err error
			for err == nil {
				_, err = conn.Next(ctx)
			}
			var ce *client.CloseError
			if !errors.As(err, &ce) || ce.Code != client.StatusTokenExpired || ce.Reason != "token expired" {
				t.Fatalf("Next: %v, want close %d", err, client.StatusTokenExpired)
			}
		})
	}
}

// A Conn whose refresh fails is closed with 4003 at the expiry; it then
// asks the token source again, reconnects with the new token and resumes:
// a message sent while it was away arrives once.
func TestTokenExpiredReconnectsWithANewToken(t *testing.T) {
	t.Parallel()
	e := newExpiryEnv(t)
	ctx := t.Context()
	visitor, sess := e.visitor(t, 0)
	conv := startConversation(t, visitor)

	var calls atomic.Int32
	source := func(ctx context.Context) (string, error) {
		if calls.Add(1) == 1 {
			return "", errors.New("the back-end is down")
		}
		return e.visitorToken(t, sess.ContactID, time.Now().Add(time.Hour)), nil
	}
	r := newRefreshes()
	reconnected := make(chan client.Ready, 1)
	conn := connect(t, visitor.WithToken(e.visitorToken(t, sess.ContactID, time.Now().Add(2*warning))),
		client.WithAutoReconnect(10*time.Millisecond, 100*time.Millisecond),
		client.WithTokenSource(source), client.OnRefresh(r.record),
		client.OnReconnect(func(rd client.Ready) { reconnected <- rd }))
	_, err := conn.Subscribe(ctx, conv.ID, 0)
	must(t, err)
	nextMessage(t, conn) // the first message

	if _, err := r.next(t); err == nil {
		t.Fatal("the failed refresh was reported as a success")
	}
	select {
	case rd := <-reconnected:
		if rd.ExpiresAt.Before(time.Now().Add(time.Minute)) {
			t.Fatalf("reconnected with a credential expiring at %v", rd.ExpiresAt)
		}
	case <-time.After(wait):
		t.Fatal("the Conn did not reconnect after 4003")
	}
	sent, err := visitor.SendMessage(ctx, conv.ID, client.SendInput{Body: "after the reconnection"})
	must(t, err)
	if m := nextMessage(t, conn); m.ID != sent.Message.ID {
		t.Fatalf("got message %s %q, want %s", m.ID, m.Body, sent.Message.ID)
	}
}

// A refresh with another contact's token is refused with a reason; the
// connection stays.
func TestTokenRefreshRefused(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := t.Context()
	visitor, _ := e.visitor(t, 0)
	_, other := e.visitor(t, 0)
	conn := connect(t, visitor)
	for _, tc := range []struct {
		name, token, code, reason string
	}{
		{"OtherContact", other.Token, client.CodeForbidden, "token_contact_mismatch"},
		{"APIToken", e.token, client.CodeUnauthorized, ""},
		{"Unknown", "prlyv_unknown", client.CodeUnauthorized, ""},
		{"Empty", "", client.CodeInvalid, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := conn.Refresh(ctx, tc.token)
			var ce *client.Error
			if !errors.As(err, &ce) || ce.Code != tc.code || (tc.reason != "" && ce.Reason != tc.reason) {
				t.Fatalf("Refresh: %v, want %s (reason %q)", err, tc.code, tc.reason)
			}
		})
	}
	if _, err := conn.Ping(ctx); err != nil {
		t.Fatalf("the connection broke: %v", err)
	}
}
