package realtime_test

import (
	"testing"

	"github.com/coder/websocket"

	"github.com/parleychat/parley"
)

// TestFramesBreakingTheTextRule: a frame holding NUL, a lone surrogate or
// invalid UTF-8 anywhere is refused with invalid naming the field, stores
// nothing, and leaves the connection usable; credentials breaking the rule
// fail authentication.
func TestFramesBreakingTheTextRule(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	contact, token := e.newVisitor(t, e.inbox)
	conv := e.start(t, contact)
	c := n.connect(t, token)

	for _, tc := range []struct {
		name, data, id, field string
	}{
		{"BodyNUL", `{"type":"send","id":"a","conversation_id":"` + conv.ID + `","client_id":"k1","body":"hi\u0000"}`, "a", "body"},
		{"BodyRawInvalidUTF8", "{\"type\":\"send\",\"id\":\"b\",\"conversation_id\":\"" + conv.ID + "\",\"client_id\":\"k2\",\"body\":\"hi\xff\"}", "b", "body"},
		{"ClientIDSurrogate", `{"type":"send","id":"c","conversation_id":"` + conv.ID + `","client_id":"\udc00","body":"hi"}`, "c", "client_id"},
		{"ConversationIDNUL", `{"type":"subscribe","id":"d","conversation_id":"\u0000"}`, "d", "conversation_id"},
		{"RequestIDNUL", `{"type":"ping","id":"e\u0000"}`, "", "id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c.writeRaw(websocket.MessageText, []byte(tc.data))
			f := c.expect("error")
			if f.Code != parley.EINVALID || f.ID != tc.id || len(f.Fields) != 1 || f.Fields[0].Field != tc.field {
				t.Fatalf("answer %s, want invalid on %q with id %q", f.raw, tc.field, tc.id)
			}
			if f := c.request(map[string]any{"type": "ping"}); f.Type != "pong" {
				t.Fatalf("ping answered %s", f.raw)
			}
		})
	}
	msgs, err := e.svc.Messages(t.Context(), e.visitorOf(contact), conv.ID, parley.MessageQuery{})
	must(t, err)
	if len(msgs) != 0 {
		t.Errorf("%d messages stored from refused frames", len(msgs))
	}

	t.Run("AuthToken", func(t *testing.T) {
		bad := n.dial(t, dialOptions{})
		bad.writeRaw(websocket.MessageText, []byte(`{"type":"auth","token":"`+token+`\u0000"}`))
		bad.expectClose(websocket.StatusPolicyViolation, "authentication failed")
	})
}
