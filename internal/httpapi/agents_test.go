package httpapi_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

type agentBody struct {
	ID         string         `json:"id"`
	Email      string         `json:"email"`
	Name       string         `json:"name"`
	Role       string         `json:"role"`
	Bot        bool           `json:"bot"`
	Disabled   bool           `json:"disabled"`
	Capacity   int            `json:"capacity"`
	Attributes map[string]any `json:"attributes"`
}

type agentList struct {
	Items      []agentBody `json:"items"`
	NextCursor string      `json:"next_cursor"`
}

func TestAgentsCRUD(t *testing.T) {
	ts := newServer(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeAll)

	var created agentBody
	r := ts.do(t, "POST", "/api/v1/agents", tok, map[string]any{
		"email": "Ann@Example.com", "name": "Ann", "role": "supervisor", "password": "ann-password",
		"capacity": 4, "attributes": map[string]any{"external_id": "crm-42", "level": 3},
	}).want(t, 201)
	r.decode(t, &created)
	if created.ID == "" || created.Email != "ann@example.com" || created.Role != "supervisor" || created.Capacity != 4 ||
		created.Attributes["external_id"] != "crm-42" || created.Attributes["level"] != 3.0 {
		t.Errorf("created = %+v", created)
	}
	if strings.Contains(string(r.body), "argon2") || strings.Contains(string(r.body), "password") {
		t.Errorf("agent JSON shows the password or its hash: %s", r.body)
	}
	ts.do(t, "POST", "/api/v1/agents", tok, map[string]any{"email": "ann@example.com", "name": "Again", "password": "ann-password"}).
		problem(t, 409, "conflict")

	// A bot needs no password and defaults to role agent.
	var bot agentBody
	ts.do(t, "POST", "/api/v1/agents", tok, map[string]any{"email": "bot@example.com", "name": "Bot", "bot": true}).want(t, 201).decode(t, &bot)
	if !bot.Bot || bot.Role != "agent" || bot.Attributes == nil {
		t.Errorf("bot = %+v", bot)
	}

	var got agentBody
	ts.do(t, "GET", "/api/v1/agents/"+created.ID, tok, nil).want(t, 200).decode(t, &got)
	if got.ID != created.ID || got.Email != created.Email {
		t.Errorf("GET = %+v", got)
	}

	// PATCH: absent fields stay; attributes replaced, then removed by null.
	var patched agentBody
	ts.do(t, "PATCH", "/api/v1/agents/"+created.ID, tok, map[string]any{"name": "Ann B", "attributes": map[string]any{"team": "blue"}}).
		want(t, 200).decode(t, &patched)
	if patched.Name != "Ann B" || patched.Role != "supervisor" || patched.Capacity != 4 || len(patched.Attributes) != 1 || patched.Attributes["team"] != "blue" {
		t.Errorf("after PATCH = %+v", patched)
	}
	var cleared agentBody
	ts.do(t, "PATCH", "/api/v1/agents/"+created.ID, tok, `{"attributes": null}`).want(t, 200).decode(t, &cleared)
	if len(cleared.Attributes) != 0 || cleared.Name != "Ann B" {
		t.Errorf("after attributes null = %+v", cleared)
	}
	// null is "absent" for every other field; {} changes nothing.
	for _, body := range []string{`{"name": null, "role": null}`, `{}`} {
		var same agentBody
		ts.do(t, "PATCH", "/api/v1/agents/"+created.ID, tok, body).want(t, 200).decode(t, &same)
		if same.Name != "Ann B" || same.Role != "supervisor" {
			t.Errorf("PATCH %s changed the agent: %+v", body, same)
		}
	}

	// Password change through PATCH ends the sessions and sets the new one.
	s := ts.login(t, "ann@example.com", "ann-password")
	ts.do(t, "PATCH", "/api/v1/agents/"+created.ID, tok, map[string]any{"password": "short"}).problem(t, 422, "invalid")
	ts.do(t, "GET", "/api/v1/me", s, nil).want(t, 200) // a bad password changed nothing
	ts.do(t, "PATCH", "/api/v1/agents/"+created.ID, tok, map[string]any{"password": "a-new-password"}).want(t, 200)
	ts.do(t, "GET", "/api/v1/me", s, nil).problem(t, 401, "unauthorized")
	ts.login(t, "ann@example.com", "a-new-password")

	// Disabling ends sessions too.
	s = ts.login(t, "ann@example.com", "a-new-password")
	ts.do(t, "PATCH", "/api/v1/agents/"+created.ID, tok, map[string]any{"disabled": true}).want(t, 200)
	ts.do(t, "GET", "/api/v1/me", s, nil).problem(t, 401, "unauthorized")

	ts.do(t, "DELETE", "/api/v1/agents/"+created.ID, tok, nil).want(t, 204)
	ts.do(t, "GET", "/api/v1/agents/"+created.ID, tok, nil).problem(t, 404, "not_found")
	ts.do(t, "DELETE", "/api/v1/agents/"+created.ID, tok, nil).problem(t, 404, "not_found")
}

func TestAgentsFilter(t *testing.T) {
	ts := newServer(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeAll)
	for _, a := range []map[string]any{
		{"email": "s@example.com", "name": "S", "role": "supervisor", "bot": true, "attributes": map[string]any{"external_id": "abc"}},
		{"email": "n@example.com", "name": "N", "bot": true, "attributes": map[string]any{"external_id": 42}},
		{"email": "o@example.com", "name": "O", "bot": true, "attributes": map[string]any{"other": 42}},
	} {
		ts.do(t, "POST", "/api/v1/agents", tok, a).want(t, 201)
	}
	emails := func(query string) string {
		var l agentList
		ts.do(t, "GET", "/api/v1/agents"+query, tok, nil).want(t, 200).decode(t, &l)
		var out []string
		for _, a := range l.Items {
			out = append(out, a.Email)
		}
		slices.Sort(out)
		return strings.Join(out, ",")
	}
	for query, want := range map[string]string{
		"?attribute.external_id=abc":                "s@example.com",
		"?attribute.external_id=42":                 "n@example.com",
		"?attribute.external_id=43":                 "",
		"?role=supervisor":                          "s@example.com",
		"?role=admin":                               "admin@example.com",
		"?role=agent&attribute.other=42":            "o@example.com",
		"?role=supervisor&attribute.external_id=42": "",
	} {
		if got := emails(query); got != want {
			t.Errorf("GET /api/v1/agents%s = %q, want %q", query, got, want)
		}
	}
}

func TestAgentsPagination(t *testing.T) {
	ts := newServer(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeAll)
	want := []string{ts.admin.ID}
	for i := range 6 {
		var a agentBody
		ts.do(t, "POST", "/api/v1/agents", tok, map[string]any{"email": fmt.Sprintf("bot%d@example.com", i), "name": "Bot", "bot": true}).
			want(t, 201).decode(t, &a)
		want = append(want, a.ID)
	}
	slices.Sort(want)

	var got []string
	cursor, pages := "", 0
	for {
		var l agentList
		ts.do(t, "GET", "/api/v1/agents?limit=3&cursor="+cursor, tok, nil).want(t, 200).decode(t, &l)
		pages++
		if len(l.Items) > 3 {
			t.Fatalf("page of %d items with limit 3", len(l.Items))
		}
		for _, a := range l.Items {
			got = append(got, a.ID)
		}
		if l.NextCursor == "" {
			break
		}
		cursor = l.NextCursor
		if pages > 10 {
			t.Fatal("pagination does not end")
		}
	}
	if !slices.Equal(got, want) || pages != 3 {
		t.Errorf("paged through %d pages: %v, want %v", pages, got, want)
	}
}

// TestAgentEscalation checks that nobody creates or changes an agent more
// powerful than themselves.
func TestAgentEscalation(t *testing.T) {
	ts := newServer(t)
	wsAdmin := ts.agent(t, "boss@example.com", parley.RoleAdmin) // not a system admin
	boss := ts.login(t, wsAdmin.Email, "password-boss@example.com")
	supervisor := ts.login(t, ts.agent(t, "sup@example.com", parley.RoleSupervisor).Email, "password-sup@example.com")
	agentsWrite := ts.token(t, ts.ws.ID, parley.ScopeAgentsWrite, parley.ScopeAgentsRead)
	// A token holding agents:write and every scope of role agent, no more.
	agentManager := ts.token(t, ts.ws.ID, append(parley.RoleScopes(parley.RoleAgent), parley.ScopeAgentsWrite)...)
	target := ts.agent(t, "ann@example.com", parley.RoleAgent)
	newAdmin := map[string]any{"email": "new@example.com", "name": "New", "role": "admin", "password": "new-password"}

	tests := []struct {
		name   string
		creds  creds
		method string
		path   string
		body   any
		status int
	}{
		{"SupervisorCreatesAdmin", supervisor, "POST", "/api/v1/agents", newAdmin, 403},
		{"SupervisorEditsAgent", supervisor, "PATCH", "/api/v1/agents/" + target.ID, map[string]any{"name": "X"}, 403},
		{"NarrowTokenCreatesAdmin", agentsWrite, "POST", "/api/v1/agents", newAdmin, 403},
		{"NarrowTokenPromotes", agentsWrite, "PATCH", "/api/v1/agents/" + target.ID, map[string]any{"role": "admin"}, 403},
		{"NarrowTokenResetsAdminPassword", agentsWrite, "PATCH", "/api/v1/agents/" + wsAdmin.ID, map[string]any{"password": "taken-over-1"}, 403},
		{"NarrowTokenDeletesAdmin", agentsWrite, "DELETE", "/api/v1/agents/" + wsAdmin.ID, nil, 403},
		{"WorkspaceAdminResetsSystemAdmin", boss, "PATCH", "/api/v1/agents/" + ts.admin.ID, map[string]any{"password": "taken-over-1"}, 403},
		{"WorkspaceAdminDeletesSystemAdmin", boss, "DELETE", "/api/v1/agents/" + ts.admin.ID, nil, 403},
		{"NarrowTokenEditsAgent", agentsWrite, "PATCH", "/api/v1/agents/" + target.ID, map[string]any{"capacity": 2}, 403},
		{"ManagerEditsAgent", agentManager, "PATCH", "/api/v1/agents/" + target.ID, map[string]any{"capacity": 2}, 200},
		{"ManagerPromotesToSupervisor", agentManager, "PATCH", "/api/v1/agents/" + target.ID, map[string]any{"role": "supervisor"}, 403},
		{"ManagerCreatesAgent", agentManager, "POST", "/api/v1/agents", map[string]any{"email": "x@example.com", "name": "X", "password": "x-password-1"}, 201},
		{"WorkspaceAdminCreatesAdmin", boss, "POST", "/api/v1/agents", newAdmin, 201},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts.do(t, tt.method, tt.path, tt.creds, tt.body).want(t, tt.status)
		})
	}
	if _, err := ts.store.FindAgentByID(t.Context(), ts.ws.ID, ts.admin.ID); err != nil {
		t.Errorf("system admin: %v", err)
	}
}
