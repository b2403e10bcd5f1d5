package httpapi_test

import (
	"fmt"
	"testing"

	"github.com/parleychat/parley"
)

type inboxBody struct {
	ID             string   `json:"id"`
	WorkspaceID    string   `json:"workspace_id"`
	Name           string   `json:"name"`
	AllowedOrigins []string `json:"allowed_origins"`
	Widget         struct {
		Title, Greeting, Color, Locale, Position string
	} `json:"widget"`
	Identity struct {
		RequireVerified bool `json:"require_verified"`
	} `json:"identity"`
}

func TestInboxesCRUD(t *testing.T) {
	ts := newServer(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeInboxesRead, parley.ScopeInboxesWrite)

	var plain inboxBody
	ts.do(t, "POST", "/api/v1/inboxes", tok, map[string]any{"name": "Support"}).want(t, 201).decode(t, &plain)
	if plain.ID == "" || plain.WorkspaceID != ts.ws.ID || plain.AllowedOrigins == nil ||
		plain.Widget.Color != "#2563eb" || plain.Widget.Position != "right" || plain.Identity.RequireVerified {
		t.Errorf("inbox with defaults = %+v", plain)
	}

	var in inboxBody
	ts.do(t, "POST", "/api/v1/inboxes", tok, map[string]any{
		"name":            "Shop",
		"allowed_origins": []string{"https://shop.example", "http://localhost:8080"},
		"widget":          map[string]any{"title": "Hi", "greeting": "How can we help?", "color": "#AA00ff", "locale": "pt-BR", "position": "left"},
		"identity":        map[string]any{"require_verified": true},
	}).want(t, 201).decode(t, &in)
	if len(in.AllowedOrigins) != 2 || in.Widget.Title != "Hi" || in.Widget.Color != "#AA00ff" || in.Widget.Locale != "pt-BR" ||
		in.Widget.Position != "left" || !in.Identity.RequireVerified {
		t.Errorf("inbox = %+v", in)
	}

	// PATCH one widget field: the others stay.
	var patched inboxBody
	ts.do(t, "PATCH", "/api/v1/inboxes/"+in.ID, tok, map[string]any{"widget": map[string]any{"color": "#000000"}}).want(t, 200).decode(t, &patched)
	if patched.Widget.Color != "#000000" || patched.Widget.Title != "Hi" || patched.Widget.Position != "left" || patched.Name != "Shop" || len(patched.AllowedOrigins) != 2 {
		t.Errorf("after widget PATCH = %+v", patched)
	}
	var renamed inboxBody
	ts.do(t, "PATCH", "/api/v1/inboxes/"+in.ID, tok, map[string]any{"name": "Store", "allowed_origins": []string{"*"}}).want(t, 200).decode(t, &renamed)
	if renamed.Name != "Store" || len(renamed.AllowedOrigins) != 1 || renamed.AllowedOrigins[0] != "*" || renamed.Widget.Color != "#000000" {
		t.Errorf("after PATCH = %+v", renamed)
	}
	ts.do(t, "PATCH", "/api/v1/inboxes/"+in.ID, tok, map[string]any{"widget": map[string]any{"color": "red"}}).problem(t, 422, "invalid")

	var got inboxBody
	ts.do(t, "GET", "/api/v1/inboxes/"+in.ID, tok, nil).want(t, 200).decode(t, &got)
	if got.Name != "Store" || got.Widget.Color != "#000000" {
		t.Errorf("GET = %+v", got)
	}

	ts.do(t, "DELETE", "/api/v1/inboxes/"+in.ID, tok, nil).want(t, 204)
	ts.do(t, "GET", "/api/v1/inboxes/"+in.ID, tok, nil).problem(t, 404, "not_found")
	ts.do(t, "PATCH", "/api/v1/inboxes/"+in.ID, tok, map[string]any{"name": "X"}).problem(t, 404, "not_found")
}

func TestInboxesPagination(t *testing.T) {
	ts := newServer(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeInboxesRead, parley.ScopeInboxesWrite)
	for i := range 5 {
		ts.do(t, "POST", "/api/v1/inboxes", tok, map[string]any{"name": fmt.Sprintf("Inbox %d", i)}).want(t, 201)
	}
	seen := map[string]bool{}
	cursor := ""
	for page := 0; ; page++ {
		var l struct {
			Items      []inboxBody `json:"items"`
			NextCursor string      `json:"next_cursor"`
		}
		ts.do(t, "GET", "/api/v1/inboxes?limit=2&cursor="+cursor, tok, nil).want(t, 200).decode(t, &l)
		for _, in := range l.Items {
			if seen[in.ID] {
				t.Fatalf("inbox %s on two pages", in.ID)
			}
			seen[in.ID] = true
		}
		if cursor = l.NextCursor; cursor == "" {
			break
		}
		if page > 5 {
			t.Fatal("pagination does not end")
		}
	}
	if len(seen) != 5 {
		t.Errorf("saw %d inboxes, want 5", len(seen))
	}
}
