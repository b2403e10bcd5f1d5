package client_test

import (
	"errors"
	"testing"

	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/testenv"
)

// TestAppOverWebSocket: an app connects over the WebSocket with its
// access token (no Origin), sends messages that carry its ID, and is held
// to its messages-per-second quota there too.
func TestAppOverWebSocket(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	visitor, _ := e.visitor(t, 0)
	conv := startConversation(t, visitor)
	appID, tok := e.installManifest(t, map[string]any{"name": "App " + testenv.Unique(),
		"scopes": []string{"conversations:read", "conversations:write"}, "quotas": map[string]any{"messages_per_second": 1}})
	conn := connect(t, e.client(t, e.nodes[0].url, client.WithToken(tok)))
	var refused *client.Error
	for range 5 {
		r, err := conn.Send(ctx, conv.ID, client.SendInput{Body: "From the app"})
		if errors.As(err, &refused) {
			break
		}
		must(t, err)
		if r.Message.AppID != appID {
			t.Errorf("app_id = %q, want %q", r.Message.AppID, appID)
		}
	}
	if refused == nil {
		t.Fatal("five messages in a row over a quota of one a second: none refused")
	}
	if refused.Code != client.CodeRateLimited || refused.Reason != "app_messages_per_second_quota" || refused.RetryAfter <= 0 {
		t.Errorf("refused with %+v", refused)
	}
}

// TestHandoffFrameStaffOnly: a visitor's handoff frame is refused.
func TestHandoffFrameStaffOnly(t *testing.T) {
	e := newEnv(t)
	visitor, _ := e.visitor(t, 0)
	conv := startConversation(t, visitor)
	conn := connect(t, visitor)
	var refused *client.Error
	_, err := conn.Request(t.Context(), "handoff", map[string]any{"conversation_id": conv.ID, "queue_id": "x"})
	if !errors.As(err, &refused) || refused.Code != client.CodeForbidden {
		t.Errorf("a visitor's handoff: %v, want forbidden", err)
	}
}
