package httpapi_test

import (
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

type tokenBody struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Scopes    []string `json:"scopes"`
	Prefix    string   `json:"prefix"`
	Token     string   `json:"token"`
	CreatedBy struct {
		Type, ID, Name string
	} `json:"created_by"`
	LastUsedAt *string `json:"last_used_at"`
	RevokedAt  *string `json:"revoked_at"`
}

func TestTokens(t *testing.T) {
	ts := newServer(t)
	admin := ts.login(t, "admin@example.com", adminPassword)

	var created tokenBody
	r := ts.do(t, "POST", "/api/v1/tokens", admin, map[string]any{"name": "CRM sync", "scopes": []string{"agents:read", "inboxes:read"}}).want(t, 201)
	r.decode(t, &created)
	if !strings.HasPrefix(created.Token, "prly_") || !strings.HasPrefix(created.Token, created.Prefix) || len(created.Prefix) >= len(created.Token) {
		t.Fatalf("created token = %+v", created)
	}
	if created.CreatedBy.Type != "agent" || created.CreatedBy.ID != ts.admin.ID || created.CreatedBy.Name != "admin@example.com" {
		t.Errorf("created_by = %+v", created.CreatedBy)
	}
	secret := bearer(created.Token)

	// The secret works, with exactly its scopes.
	ts.do(t, "GET", "/api/v1/agents", secret, nil).want(t, 200)
	ts.do(t, "POST", "/api/v1/inboxes", secret, map[string]any{"name": "X"}).problem(t, 403, "forbidden")

	// The secret is shown once: never in GET or lists; last use is recorded.
	var got tokenBody
	r = ts.do(t, "GET", "/api/v1/tokens/"+created.ID, admin, nil).want(t, 200)
	r.decode(t, &got)
	if got.Token != "" || strings.Contains(string(r.body), created.Token) || got.LastUsedAt == nil || got.Prefix != created.Prefix {
		t.Errorf("GET token = %s", r.body)
	}
	r = ts.do(t, "GET", "/api/v1/tokens", admin, nil).want(t, 200)
	if strings.Contains(string(r.body), created.Token) || !strings.Contains(string(r.body), created.ID) {
		t.Errorf("token list = %s", r.body)
	}

	// Revoked: 401 at once, still listed with revoked_at; revoking twice is fine.
	ts.do(t, "DELETE", "/api/v1/tokens/"+created.ID, admin, nil).want(t, 204)
	ts.do(t, "GET", "/api/v1/agents", secret, nil).problem(t, 401, "unauthorized")
	ts.do(t, "DELETE", "/api/v1/tokens/"+created.ID, admin, nil).want(t, 204)
	ts.do(t, "GET", "/api/v1/tokens/"+created.ID, admin, nil).want(t, 200).decode(t, &got)
	if got.RevokedAt == nil {
		t.Error("revoked token has no revoked_at")
	}
	ts.do(t, "DELETE", "/api/v1/tokens/00000000-0000-0000-0000-000000000000", admin, nil).problem(t, 404, "not_found")
}

// TestTokenEscalation checks that nobody grants a token more than they
// hold, and that only system administrators grant system scopes.
func TestTokenEscalation(t *testing.T) {
	ts := newServer(t)
	supervisor := ts.login(t, ts.agent(t, "sup@example.com", parley.RoleSupervisor).Email, "password-sup@example.com")
	agent := ts.login(t, ts.agent(t, "ann@example.com", parley.RoleAgent).Email, "password-ann@example.com")
	wsAdmin := ts.login(t, ts.agent(t, "boss@example.com", parley.RoleAdmin).Email, "password-boss@example.com")
	sysAdmin := ts.login(t, "admin@example.com", adminPassword)
	tokensOnly := ts.token(t, ts.ws.ID, parley.ScopeTokensWrite, parley.ScopeAgentsRead)

	tests := []struct {
		name   string
		creds  creds
		scopes []string
		status int
	}{
		{"AgentRole", agent, []string{"contacts:read"}, 403},        // no tokens:write
		{"SupervisorRole", supervisor, []string{"audit:read"}, 403}, // no tokens:write
		{"TokenGrantsHeldScope", tokensOnly, []string{"agents:read"}, 201},
		{"TokenGrantsMore", tokensOnly, []string{"agents:write"}, 403},
		{"TokenGrantsAll", tokensOnly, []string{"all"}, 403},
		{"WorkspaceAdminAll", wsAdmin, []string{"all"}, 201},
		{"WorkspaceAdminSystemScope", wsAdmin, []string{"workspaces:read"}, 403},
		{"SystemAdminSystemScope", sysAdmin, []string{"workspaces:read", "workspaces:write"}, 201},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ts.do(t, "POST", "/api/v1/tokens", tt.creds, map[string]any{"name": "t", "scopes": tt.scopes}).want(t, tt.status)
			if tt.status == 403 {
				r.problem(t, 403, "forbidden")
			}
		})
	}
}
