package httpapi_test

import (
	"testing"

	"github.com/parleychat/parley"
)

type workspaceBody struct {
	ID    string `json:"id"`
	Slug  string `json:"slug"`
	Name  string `json:"name"`
	Admin *struct {
		ID          string `json:"id"`
		Email       string `json:"email"`
		Role        string `json:"role"`
		SystemAdmin bool   `json:"system_admin"`
	} `json:"admin"`
}

func TestWorkspaces(t *testing.T) {
	ts := newServer(t)
	sys := ts.login(t, "admin@example.com", adminPassword)
	wsAdmin := ts.login(t, ts.agent(t, "boss@example.com", parley.RoleAdmin).Email, "password-boss@example.com")

	// A workspace admin who is not a system admin may not touch workspaces.
	ts.do(t, "GET", "/api/v1/workspaces", wsAdmin, nil).problem(t, 403, "forbidden")
	ts.do(t, "POST", "/api/v1/workspaces", wsAdmin, map[string]any{"slug": "acme", "name": "Acme"}).problem(t, 403, "forbidden")
	ts.do(t, "GET", "/api/v1/workspaces/"+ts.ws.ID, wsAdmin, nil).problem(t, 403, "forbidden")
	ts.do(t, "PATCH", "/api/v1/workspaces/"+ts.ws.ID, wsAdmin, map[string]any{"name": "Mine"}).problem(t, 403, "forbidden")

	var plain workspaceBody
	ts.do(t, "POST", "/api/v1/workspaces", sys, map[string]any{"slug": "plain", "name": "Plain"}).want(t, 201).decode(t, &plain)
	if plain.ID == "" || plain.Slug != "plain" || plain.Admin != nil {
		t.Errorf("workspace = %+v", plain)
	}
	ts.do(t, "POST", "/api/v1/workspaces", sys, map[string]any{"slug": "plain", "name": "Again"}).problem(t, 409, "conflict")

	var acme workspaceBody
	ts.do(t, "POST", "/api/v1/workspaces", sys, map[string]any{
		"slug": "acme", "name": "Acme", "admin": map[string]any{"email": "Boss@Acme.test", "name": "Boss", "password": "acme-boss-pw"},
	}).want(t, 201).decode(t, &acme)
	if acme.Admin == nil || acme.Admin.Email != "boss@acme.test" || acme.Admin.Role != "admin" || acme.Admin.SystemAdmin {
		t.Fatalf("workspace with admin = %+v", acme)
	}

	// The new admin logs in to the new workspace and sees only it.
	r := ts.do(t, "POST", "/api/v1/auth/login", nil, map[string]any{"email": "boss@acme.test", "password": "acme-boss-pw", "workspace": "acme"}).want(t, 200)
	var login struct {
		Agent struct {
			WorkspaceID string `json:"workspace_id"`
		} `json:"agent"`
	}
	r.decode(t, &login)
	if login.Agent.WorkspaceID != acme.ID {
		t.Errorf("acme admin belongs to %s, want %s", login.Agent.WorkspaceID, acme.ID)
	}

	var got workspaceBody
	ts.do(t, "GET", "/api/v1/workspaces/"+acme.ID, sys, nil).want(t, 200).decode(t, &got)
	if got.Slug != "acme" {
		t.Errorf("GET = %+v", got)
	}
	ts.do(t, "PATCH", "/api/v1/workspaces/"+acme.ID, sys, map[string]any{"name": "Acme Inc."}).want(t, 200).decode(t, &got)
	if got.Name != "Acme Inc." || got.Slug != "acme" {
		t.Errorf("after PATCH = %+v", got)
	}
	ts.do(t, "PATCH", "/api/v1/workspaces/"+acme.ID, sys, map[string]any{"name": ""}).problem(t, 422, "invalid")
	ts.do(t, "GET", "/api/v1/workspaces/00000000-0000-0000-0000-000000000000", sys, nil).problem(t, 404, "not_found")

	var l struct {
		Items []workspaceBody `json:"items"`
	}
	ts.do(t, "GET", "/api/v1/workspaces", sys, nil).want(t, 200).decode(t, &l)
	if len(l.Items) != 3 {
		t.Errorf("listed %d workspaces, want 3 (default, plain, acme)", len(l.Items))
	}
}
