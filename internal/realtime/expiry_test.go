package realtime_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/realtime"
)

// warned is the TokenExpiryWarning of the nodes of these tests: short, so
// that a credential expiring in twice as long is warned about and expires
// while the test runs; a few seconds, so that a test on a loaded machine
// still refreshes before the first expiry. The assertions are on the order
// of frames, never on elapsed time.
const warned = 3 * time.Second

func warnedNode(e *env, t *testing.T) *node {
	t.Helper()
	return e.newNode(t, func(c *realtime.Config) { c.TokenExpiryWarning = warned })
}

// A connection is warned before its credential expires; a refresh with a
// later expiry keeps it open past the first expiry, with its subscriptions;
// without a second refresh it is closed with 4003 at the second expiry.
func TestTokenExpiringAndRefresh(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := warnedNode(e, t)
	contact, _ := e.newVisitor(t, e.inbox)
	agent, _ := e.newAgent(t, parley.RoleAgent)
	conv := e.start(t, contact)

	first := time.Now().Add(2 * warned).Truncate(time.Millisecond)
	c := n.dial(t, dialOptions{header: http.Header{"Origin": {shopOrigin}}})
	c.write(map[string]any{"type": "auth", "token": e.visitorToken(contact, e.inbox, first)})
	ready := c.expect("ready")
	if ready.ExpiresAt == nil || !ready.ExpiresAt.Equal(first) {
		t.Fatalf("ready = %s, want expires_at %s", ready.raw, first)
	}
	c.subscribe(conv.ID, 0)

	f := c.expect("token_expiring")
	if f.ExpiresAt == nil || !f.ExpiresAt.Equal(first) {
		t.Fatalf("token_expiring = %s, want expires_at %s", f.raw, first)
	}

	// The new credential's warning comes after the first expiry: receiving
	// it proves the connection outlived the old credential.
	second := first.Add(2 * warned)
	r := c.request(map[string]any{"type": "refresh", "token": e.visitorToken(contact, e.inbox, second)})
	if r.Type != "refreshed" || r.ExpiresAt == nil || !r.ExpiresAt.Equal(second) {
		t.Fatalf("refresh answered %s, want refreshed with expires_at %s", r.raw, second)
	}
	for {
		f := c.read()
		if f.Type != "token_expiring" {
			continue
		}
		if f.ExpiresAt == nil || !f.ExpiresAt.Equal(second) {
			t.Fatalf("token_expiring = %s after the refresh, want expires_at %s", f.raw, second)
		}
		break
	}
	if !time.Now().After(first) {
		t.Fatalf("the second warning came before the first expiry")
	}

	// Still subscribed: a message sent now arrives on the same connection.
	m := e.send(t, e.agentOf(agent), conv.ID, parley.KindText, "still there?")
	if got := c.nextMessage(); got.ID != m.ID {
		t.Fatalf("got message %+v, want %s", got, m.ID)
	}
	c.expectClose(realtime.StatusTokenExpired, "token expired")
}

// A connection that does not refresh is warned, then closed with 4003.
func TestTokenExpiredWithoutRefresh(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := warnedNode(e, t)
	contact, _ := e.newVisitor(t, e.inbox)
	_, session := e.newAgent(t, parley.RoleAgent)

	for _, tc := range []struct {
		name  string
		token func(expiresAt time.Time) string
	}{
		{"Visitor", func(at time.Time) string { return e.visitorToken(contact, e.inbox, at) }},
		{"Agent", func(at time.Time) string { return e.agentToken(t, session, at) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			at := time.Now().Add(2 * warned)
			c := n.connect(t, tc.token(at))
			if f := c.expect("token_expiring"); f.ExpiresAt == nil || !f.ExpiresAt.Equal(at) {
				t.Fatalf("token_expiring = %s, want expires_at %s", f.raw, at)
			}
			c.expectClose(realtime.StatusTokenExpired, "token expired")
		})
	}
}

// A credential that is already within the warning window when the client
// connects is warned about at once, right after ready; one without an
// expiry is never closed for it.
func TestTokenExpiringAtOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t, func(c *realtime.Config) { c.TokenExpiryWarning = time.Hour })
	contact, forever := e.newVisitor(t, e.inbox)

	c := n.connect(t, e.visitorToken(contact, e.inbox, time.Now().Add(30*time.Minute)))
	c.expect("token_expiring")

	d := n.dial(t, dialOptions{})
	d.write(map[string]any{"type": "auth", "token": forever})
	if f := d.expect("ready"); f.ExpiresAt != nil {
		t.Fatalf("ready = %s, want no expires_at", f.raw)
	}
	// A refresh to a credential without expiry cancels the close.
	r := c.request(map[string]any{"type": "refresh", "token": forever})
	if r.Type != "refreshed" || r.ExpiresAt != nil {
		t.Fatalf("refresh answered %s, want refreshed without expires_at", r.raw)
	}
	if f := c.request(map[string]any{"type": "ping"}); f.Type != "pong" {
		t.Fatalf("ping answered %s", f.raw)
	}
}

// A refresh that fails changes nothing: the connection stays usable and
// still ends at the old credential's expiry.
func TestRefreshRefused(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := warnedNode(e, t)
	contact, _ := e.newVisitor(t, e.inbox)
	_, otherToken := e.newVisitor(t, e.inbox)
	_, session := e.newAgent(t, parley.RoleAgent)
	_, otherSession := e.newAgent(t, parley.RoleAgent)
	elsewhere := e.newInbox(t, "https://elsewhere.example")

	for _, tc := range []struct {
		name         string
		visitor      bool
		token        string
		code, reason string
	}{
		{"Empty", true, "", parley.EINVALID, ""},
		{"Unknown", true, "prlyv_unknown", parley.EUNAUTHORIZED, ""},
		{"OtherContact", true, otherToken, parley.EFORBIDDEN, realtime.ReasonTokenContactMismatch},
		{"AgentOnVisitor", true, session, parley.EFORBIDDEN, realtime.ReasonTokenContactMismatch},
		{"OriginNotAllowed", true, e.visitorToken(contact, elsewhere, time.Now().Add(time.Hour)), parley.EFORBIDDEN, ""},
		{"AlreadyExpired", true, e.visitorToken(contact, e.inbox, time.Now().Add(-time.Second)), parley.EUNAUTHORIZED, ""},
		{"OtherAgent", false, otherSession, parley.EFORBIDDEN, realtime.ReasonTokenPrincipalMismatch},
		{"VisitorOnAgent", false, otherToken, parley.EFORBIDDEN, realtime.ReasonTokenPrincipalMismatch},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			at := time.Now().Add(2 * warned)
			var c *client
			if tc.visitor {
				c = n.dial(t, dialOptions{header: http.Header{"Origin": {shopOrigin}}})
				c.write(map[string]any{"type": "auth", "token": e.visitorToken(contact, e.inbox, at)})
				c.expect("ready")
			} else {
				c = n.connect(t, e.agentToken(t, session, at))
			}
			f := c.request(map[string]any{"type": "refresh", "token": tc.token})
			if f.Type != "error" || f.Code != tc.code || f.Reason != tc.reason {
				t.Fatalf("refresh answered %s, want error %s (reason %q)", f.raw, tc.code, tc.reason)
			}
			if f := c.request(map[string]any{"type": "ping"}); f.Type != "pong" {
				t.Fatalf("ping answered %s", f.raw)
			}
			c.expectClose(realtime.StatusTokenExpired, "token expired")
		})
	}
}
