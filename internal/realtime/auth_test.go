package realtime_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/realtime"
)

func TestAuth(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	contact, visitorToken := e.newVisitor(t, e.inbox)
	agent, session := e.newAgent(t, parley.RoleAgent)

	t.Run("Visitor", func(t *testing.T) {
		c := n.dial(t, dialOptions{header: http.Header{"Origin": {shopOrigin}}})
		c.write(map[string]any{"type": "auth", "token": visitorToken})
		f := c.expect("ready")
		if !f.Visitor || f.WorkspaceID != e.ws.ID || *f.Participant != (parley.Participant{Type: parley.ParticipantContact, ID: contact.ID}) {
			t.Fatalf("ready = %s", f.raw)
		}
		if f.Heartbeat != realtime.DefaultPingInterval.Milliseconds() {
			t.Errorf("heartbeat_interval_ms = %d", f.Heartbeat)
		}
	})

	t.Run("AgentReady", func(t *testing.T) {
		c := n.dial(t, dialOptions{})
		c.write(map[string]any{"type": "auth", "token": session})
		f := c.expect("ready")
		if f.Visitor || *f.Participant != (parley.Participant{Type: parley.ParticipantAgent, ID: agent.ID}) {
			t.Fatalf("ready = %s", f.raw)
		}
	})

	t.Run("APIToken", func(t *testing.T) {
		_, token, err := e.acct.CreateToken(t.Context(), nil, e.ws.ID, "CRM", []parley.Scope{parley.ScopeConversationsRead})
		must(t, err)
		c := n.dial(t, dialOptions{})
		c.write(map[string]any{"type": "auth", "token": token})
		f := c.expect("ready")
		if f.Visitor || f.Participant.Type != parley.ParticipantSystem {
			t.Fatalf("ready = %s", f.raw)
		}
	})

	t.Run("BadToken", func(t *testing.T) {
		for _, token := range []string{"prly_unknown", "prlys_unknown", "visitor_unknown"} {
			c := n.dial(t, dialOptions{})
			c.write(map[string]any{"type": "auth", "token": token})
			c.expectClose(websocket.StatusPolicyViolation, "authentication failed")
		}
	})

	t.Run("NotAuthFirst", func(t *testing.T) {
		for _, first := range []map[string]any{{"type": "ping"}, {"type": "subscribe", "conversation_id": "x"}} {
			c := n.dial(t, dialOptions{})
			c.write(first)
			c.expectClose(websocket.StatusPolicyViolation, "first frame must be auth")
		}
		c := n.dial(t, dialOptions{})
		c.writeRaw(websocket.MessageText, []byte(`{"type":"auth","token":`))
		c.expectClose(websocket.StatusPolicyViolation, "first frame must be auth")
	})

	t.Run("TokenInURLIgnored", func(t *testing.T) {
		// Credentials are read from the first frame only.
		c := n.dial(t, dialOptions{query: "?token=" + session + "&access_token=" + session})
		c.write(map[string]any{"type": "auth"})
		c.expectClose(websocket.StatusPolicyViolation, "origin not allowed")
	})

	t.Run("Timeout", func(t *testing.T) {
		quick := e.newNode(t, func(c *realtime.Config) { c.AuthTimeout = 100 * time.Millisecond })
		c := quick.dial(t, dialOptions{})
		c.expectClose(websocket.StatusPolicyViolation, "authentication timeout")
	})

	t.Run("Cookie", func(t *testing.T) {
		c := n.dial(t, dialOptions{header: http.Header{
			"Origin": {consoleOrigin},
			"Cookie": {"parley_session=" + session},
		}})
		c.write(map[string]any{"type": "auth"})
		f := c.expect("ready")
		if f.Participant.ID != agent.ID {
			t.Fatalf("ready = %s", f.raw)
		}
	})

	t.Run("CookieWrongOrigin", func(t *testing.T) {
		for _, origin := range []string{"https://evil.example", "http://console.example", "null", ""} {
			h := http.Header{"Cookie": {"parley_session=" + session}}
			if origin != "" {
				h.Set("Origin", origin)
			}
			c := n.dial(t, dialOptions{header: h})
			c.write(map[string]any{"type": "auth"})
			c.expectClose(websocket.StatusPolicyViolation, "origin not allowed")
		}
	})

	t.Run("CookieMissing", func(t *testing.T) {
		c := n.dial(t, dialOptions{header: http.Header{"Origin": {consoleOrigin}}})
		c.write(map[string]any{"type": "auth"})
		c.expectClose(websocket.StatusPolicyViolation, "no session cookie")
	})

	t.Run("CookieExpired", func(t *testing.T) {
		c := n.dial(t, dialOptions{header: http.Header{
			"Origin": {consoleOrigin},
			"Cookie": {"parley_session=prlys_notasession"},
		}})
		c.write(map[string]any{"type": "auth"})
		c.expectClose(websocket.StatusPolicyViolation, "authentication failed")
	})

	t.Run("AuthTwice", func(t *testing.T) {
		c := n.connect(t, session)
		f := c.request(map[string]any{"type": "auth", "token": session})
		if f.Type != "error" || f.Code != parley.EINVALID {
			t.Fatalf("second auth answered %s", f.raw)
		}
	})
}

func TestVisitorOrigin(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	_, shopToken := e.newVisitor(t, e.inbox)
	_, anyToken := e.newVisitor(t, e.newInbox(t, "*"))
	_, noneToken := e.newVisitor(t, e.newInbox(t))

	for _, tc := range []struct {
		name, token, origin string
		ok                  bool
	}{
		{"Allowed", shopToken, shopOrigin, true},
		{"AllowedDefaultPort", shopToken, "https://SHOP.example:443", true},
		{"NoOrigin", shopToken, "", true},
		{"OtherOrigin", shopToken, "https://evil.example", false},
		{"OtherScheme", shopToken, "http://shop.example", false},
		{"OtherPort", shopToken, "https://shop.example:8443", false},
		{"NullOrigin", shopToken, "null", false},
		{"Wildcard", anyToken, "https://evil.example", true},
		{"NoneAllowed", noneToken, shopOrigin, false},
		{"NoneAllowedNoOrigin", noneToken, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := http.Header{}
			if tc.origin != "" {
				h.Set("Origin", tc.origin)
			}
			c := n.dial(t, dialOptions{header: h})
			c.write(map[string]any{"type": "auth", "token": tc.token})
			if tc.ok {
				c.expect("ready")
			} else {
				c.expectClose(websocket.StatusPolicyViolation, "origin not allowed")
			}
		})
	}
}
