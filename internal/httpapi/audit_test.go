package httpapi_test

import (
	"testing"

	"github.com/parleychat/parley"
)

type auditBody struct {
	Action string `json:"action"`
	Actor  struct {
		Type string `json:"type"`
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"actor"`
	TargetType string         `json:"target_type"`
	TargetID   string         `json:"target_id"`
	Details    map[string]any `json:"details"`
}

func TestAuditLog(t *testing.T) {
	ts := newServer(t)
	admin := ts.login(t, "admin@example.com", adminPassword)
	var agent, inbox, token struct {
		ID string `json:"id"`
	}
	ts.do(t, "POST", "/api/v1/agents", admin, map[string]any{"email": "ann@example.com", "name": "Ann", "password": "ann-password"}).want(t, 201).decode(t, &agent)
	ts.do(t, "POST", "/api/v1/inboxes", admin, map[string]any{"name": "Support"}).want(t, 201).decode(t, &inbox)
	ts.do(t, "POST", "/api/v1/tokens", admin, map[string]any{"name": "app", "scopes": []string{"inboxes:write"}}).want(t, 201).decode(t, &token)
	var app struct {
		Token string `json:"token"`
	}
	ts.do(t, "POST", "/api/v1/tokens", admin, map[string]any{"name": "app2", "scopes": []string{"inboxes:write"}}).want(t, 201).decode(t, &app)
	ts.do(t, "PATCH", "/api/v1/inboxes/"+inbox.ID, bearer(app.Token), map[string]any{"name": "Help"}).want(t, 200)
	ts.do(t, "DELETE", "/api/v1/tokens/"+token.ID, admin, nil).want(t, 204)

	supervisor := ts.login(t, ts.agent(t, "sup@example.com", parley.RoleSupervisor).Email, "password-sup@example.com")
	var page struct {
		Items      []auditBody `json:"items"`
		NextCursor string      `json:"next_cursor"`
	}
	ts.do(t, "GET", "/api/v1/audit-log?limit=200", supervisor, nil).want(t, 200).decode(t, &page)

	// Newest first: the revoke, the token's inbox update, the token
	// creations, the inbox, the agent (and the bootstrap's admin before).
	want := []struct{ action, actorType, actorName, targetID string }{
		{"agent.create", "system", "system", ""}, // sup@example.com, created by the test through the service
		{"token.revoke", "agent", "admin@example.com", token.ID},
		{"inbox.update", "token", "app2", inbox.ID},
		{"token.create", "agent", "admin@example.com", ""},
		{"token.create", "agent", "admin@example.com", token.ID},
		{"inbox.create", "agent", "admin@example.com", inbox.ID},
		{"agent.create", "agent", "admin@example.com", agent.ID},
	}
	if len(page.Items) < len(want) {
		t.Fatalf("audit log has %d entries: %+v", len(page.Items), page.Items)
	}
	for i, w := range want {
		e := page.Items[i]
		if e.Action != w.action || e.Actor.Type != w.actorType || e.Actor.Name != w.actorName || (w.targetID != "" && e.TargetID != w.targetID) {
			t.Errorf("entry %d = %+v, want %+v", i, e, w)
		}
	}

	// Pages of one go newest to oldest without repeats.
	var first, second struct {
		Items      []auditBody `json:"items"`
		NextCursor string      `json:"next_cursor"`
	}
	ts.do(t, "GET", "/api/v1/audit-log?limit=1", supervisor, nil).want(t, 200).decode(t, &first)
	ts.do(t, "GET", "/api/v1/audit-log?limit=1&cursor="+first.NextCursor, supervisor, nil).want(t, 200).decode(t, &second)
	if len(first.Items) != 1 || len(second.Items) != 1 || first.Items[0].Action != want[0].action || second.Items[0].Action != want[1].action {
		t.Errorf("pages = %+v then %+v", first.Items, second.Items)
	}

	// An agent (no audit:read) may not read it.
	ann := ts.login(t, "ann@example.com", "ann-password")
	ts.do(t, "GET", "/api/v1/audit-log", ann, nil).problem(t, 403, "forbidden")
}
