package httpapi_test

import (
	"math"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

// conversation.auto_resolve_after_seconds: off by default, set and read
// back, bounded, and out of reach of another workspace.
func TestInboxAutoResolveSetting(t *testing.T) {
	ts := newServer(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeInboxesRead, parley.ScopeInboxesWrite)
	var in struct {
		ID           string `json:"id"`
		Conversation struct {
			AutoResolveAfter int64  `json:"auto_resolve_after_seconds"`
			ResolvedPolicy   string `json:"resolved_policy"`
		} `json:"conversation"`
	}
	ts.do(t, "POST", "/api/v1/inboxes", tok, map[string]any{"name": "Support"}).want(t, 201).decode(t, &in)
	if in.Conversation.AutoResolveAfter != 0 {
		t.Fatalf("default %d, want 0 (off)", in.Conversation.AutoResolveAfter)
	}
	ts.do(t, "PATCH", "/api/v1/inboxes/"+in.ID, tok, map[string]any{
		"conversation": map[string]any{"auto_resolve_after_seconds": 1800},
	}).want(t, 200)
	// Another conversation setting leaves it as it is.
	ts.do(t, "PATCH", "/api/v1/inboxes/"+in.ID, tok, map[string]any{
		"conversation": map[string]any{"resolved_policy": "new"},
	}).want(t, 200)
	ts.do(t, "GET", "/api/v1/inboxes/"+in.ID, tok, nil).want(t, 200).decode(t, &in)
	if in.Conversation.AutoResolveAfter != 1800 || in.Conversation.ResolvedPolicy != "new" {
		t.Fatalf("after PATCH %+v", in.Conversation)
	}
	stored, err := ts.store.FindInboxByID(t.Context(), ts.ws.ID, in.ID)
	if err != nil || stored.Conversation.AutoResolveAfter != 30*time.Minute {
		t.Fatalf("stored %+v, %v", stored, err)
	}

	for _, bad := range []any{-1, 59, 2592001, math.MaxInt64, math.MinInt64, 1.5, "60"} {
		p := ts.do(t, "PATCH", "/api/v1/inboxes/"+in.ID, tok, map[string]any{
			"conversation": map[string]any{"auto_resolve_after_seconds": bad},
		}).problem(t, 422, "invalid")
		if locs := p.locations(); len(locs) != 1 || locs[0] != "body.conversation.auto_resolve_after_seconds" {
			t.Errorf("%v: locations %v", bad, locs)
		}
	}
	for _, ok := range []int64{60, 2592000, 0} {
		ts.do(t, "PATCH", "/api/v1/inboxes/"+in.ID, tok, map[string]any{
			"conversation": map[string]any{"auto_resolve_after_seconds": ok},
		}).want(t, 200).decode(t, &in)
		if in.Conversation.AutoResolveAfter != ok {
			t.Errorf("set %d, read %d", ok, in.Conversation.AutoResolveAfter)
		}
	}

	// Another workspace's token neither reads nor sets it.
	ws2 := &parley.Workspace{Slug: "other-ws", Name: "Other"}
	if err := ts.store.CreateWorkspace(t.Context(), parley.Actor{Type: parley.ActorSystem}, ws2); err != nil {
		t.Fatal(err)
	}
	tok2 := ts.token(t, ws2.ID, parley.ScopeInboxesRead, parley.ScopeInboxesWrite)
	ts.do(t, "PATCH", "/api/v1/inboxes/"+in.ID, tok2, map[string]any{
		"conversation": map[string]any{"auto_resolve_after_seconds": 600},
	}).problem(t, 404, "not_found")
	ts.do(t, "GET", "/api/v1/inboxes/"+in.ID, tok, nil).want(t, 200).decode(t, &in)
	if in.Conversation.AutoResolveAfter != 0 {
		t.Fatalf("another workspace changed it: %d", in.Conversation.AutoResolveAfter)
	}
}
