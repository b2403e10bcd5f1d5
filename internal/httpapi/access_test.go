package httpapi_test

import (
	"context"
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

// openAPIOperation is what the access tests read from /openapi.json.
type openAPIOperation struct {
	OperationID string                `json:"operationId"`
	Description string                `json:"description"`
	Security    []map[string][]string `json:"security"`
}

func operations(t *testing.T, ts *testServer) map[string]openAPIOperation {
	t.Helper()
	var doc struct {
		OpenAPI string                                 `json:"openapi"`
		Paths   map[string]map[string]openAPIOperation `json:"paths"`
	}
	ts.do(t, "GET", "/openapi.json", nil, nil).want(t, 200).decode(t, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.1") {
		t.Errorf("openapi = %q, want 3.1", doc.OpenAPI)
	}
	ops := map[string]openAPIOperation{}
	for path, item := range doc.Paths {
		for method, op := range item {
			ops[strings.ToUpper(method)+" "+path] = op
		}
	}
	if len(ops) < 20 {
		t.Fatalf("only %d operations documented", len(ops))
	}
	return ops
}

// publicOperations are the operations that need no credentials.
var publicOperations = map[string]bool{
	"POST /api/v1/auth/login": true, "GET /healthz": true, "GET /readyz": true,
	"POST /api/v1/visitor/sessions": true, "GET /api/v1/visitor/inbox": true,
	"GET /api/v1/auth/options": true, "GET /api/v1/auth/oidc/start": true, "GET /api/v1/auth/oidc/callback": true,
	"GET /branding/{workspace_id}/{kind}": true,
	"GET /avatars/{workspace_id}/{hash}":  true,
}

// visitorAllowed reports whether op admits visitor tokens besides staff
// credentials, as its security requirements say.
func visitorAllowed(op openAPIOperation) bool {
	for _, req := range op.Security {
		if _, ok := req["visitor"]; ok {
			return true
		}
	}
	return false
}

// TestEveryOperationDeniesAnonymous walks the OpenAPI document: every
// operation that is not explicitly public answers 401 without credentials,
// and documents what it requires.
func TestEveryOperationDeniesAnonymous(t *testing.T) {
	ts := newServer(t)
	public := publicOperations
	for key, op := range operations(t, ts) {
		method, path, _ := strings.Cut(key, " ")
		if public[key] {
			if op.Security == nil || len(op.Security) != 0 || !strings.Contains(op.Description, "Public") {
				t.Errorf("%s: public operation documents security %v", key, op.Security)
			}
			continue
		}
		wantSchemes := 2 // bearer or session
		if visitorAllowed(op) {
			wantSchemes = 3 // or a visitor token
			if !strings.Contains(op.Description, "visitor token") {
				t.Errorf("%s: admits visitors but does not say so: %q", key, op.Description)
			}
		}
		if len(op.Security) != wantSchemes || !strings.Contains(op.Description, "Requires ") {
			t.Errorf("%s: security %v, description %q; want bearer or session (or visitor) and the requirement", key, op.Security, op.Description)
		}
		for _, req := range op.Security {
			for _, scopes := range req {
				for _, sc := range scopes {
					if !parley.Scope(sc).Valid() || !strings.Contains(op.Description, "`"+sc+"`") {
						t.Errorf("%s: documented scope %q is unknown or not described", key, sc)
					}
				}
			}
		}
		url := strings.NewReplacer("{id}", "00000000-0000-0000-0000-000000000000").Replace(path)
		var body any
		if method == "POST" || method == "PATCH" {
			body = "not even JSON" // authentication comes before parsing
		}
		ts.do(t, method, url, nil, body).problem(t, 401, "unauthorized")
	}
}

// TestScopes checks that each operation refuses a token without its scope
// and accepts one with it.
func TestScopes(t *testing.T) {
	ts := newServer(t)
	for key, op := range operations(t, ts) {
		if len(op.Security) == 0 || len(op.Security[0]["bearer"]) == 0 {
			continue // public or any credentials
		}
		need := parley.Scope(op.Security[0]["bearer"][0])
		method, path, _ := strings.Cut(key, " ")
		url := strings.NewReplacer("{id}", "00000000-0000-0000-0000-000000000000").Replace(path)

		var others []parley.Scope
		for _, sc := range append(parley.WorkspaceScopes, parley.SystemScopes...) {
			if sc != need {
				others = append(others, sc)
			}
		}
		p := ts.do(t, method, url, ts.token(t, ts.ws.ID, others...), nil).problem(t, 403, "forbidden")
		if !strings.Contains(p.Detail, string(need)) {
			t.Errorf("%s: 403 detail %q does not name %s", key, p.Detail, need)
		}
		// With the scope, the request gets past authorization (to a 2xx, a
		// 404 for the made-up id or a 422 for the missing body) — except
		// where the conversation service itself refuses API tokens.
		r := ts.do(t, method, url, ts.token(t, ts.ws.ID, need), nil)
		if reason, ok := refusedToTokens[key]; ok {
			if p := r.problem(t, 403, "forbidden"); !strings.Contains(p.Detail, reason) {
				t.Errorf("%s with scope %s: detail %q, want %q", key, need, p.Detail, reason)
			}
		} else if r.status == 401 || r.status == 403 {
			t.Errorf("%s with scope %s: status %d: %s", key, need, r.status, r.body)
		}
	}
}

// refusedToTokens are the operations the conversation service refuses to
// API tokens whatever their scopes, with the reason it gives.
var refusedToTokens = map[string]string{
	"GET /api/v1/conversations/{id}/unread":         "read position",
	"POST /api/v1/conversations/{id}/offer/accept":  "Only the agent a conversation is offered to",
	"POST /api/v1/conversations/{id}/offer/decline": "Only the agent a conversation is offered to",
}

// TestVisitorAccess walks the OpenAPI document with a visitor token:
// operations that admit visitors let it past authorization, and every
// other non-public operation refuses it with 403 — a visitor holds no
// scope and no staff rights.
func TestVisitorAccess(t *testing.T) {
	ts := newServer(t)
	v := ts.guest(t, ts.inbox(t))
	admitted := 0
	for key, op := range operations(t, ts) {
		if publicOperations[key] {
			continue
		}
		method, path, _ := strings.Cut(key, " ")
		url := strings.NewReplacer("{id}", "00000000-0000-0000-0000-000000000000").Replace(path)
		r := ts.do(t, method, url, v, nil)
		if !visitorAllowed(op) {
			if p := r.problem(t, 403, "forbidden"); p.Detail != "Visitors may not call this operation." {
				t.Errorf("%s: detail %q", key, p.Detail)
			}
			continue
		}
		admitted++
		if r.status == 401 || r.status == 403 {
			t.Errorf("%s as a visitor: status %d: %s", key, r.status, r.body)
		}
	}
	if admitted < 10 {
		t.Errorf("only %d operations admit visitors", admitted)
	}
}

// TestTenantIsolation checks that a token of workspace B can neither see
// nor change workspace A's agents, inboxes and tokens.
func TestTenantIsolation(t *testing.T) {
	ctx := context.Background()
	ts := newServer(t)
	a := ts.token(t, ts.ws.ID, parley.ScopeAll)
	wsB, err := ts.accts.CreateWorkspace(ctx, parley.SystemActor, "bee", "B")
	if err != nil {
		t.Fatal(err)
	}
	b := ts.token(t, wsB.ID, parley.ScopeAll)

	var agent, inbox, token struct {
		ID string `json:"id"`
	}
	ts.do(t, "POST", "/api/v1/agents", a, map[string]any{"email": "ann@a.test", "name": "Ann", "password": "password-ann"}).want(t, 201).decode(t, &agent)
	ts.do(t, "POST", "/api/v1/inboxes", a, map[string]any{"name": "A support"}).want(t, 201).decode(t, &inbox)
	ts.do(t, "POST", "/api/v1/tokens", a, map[string]any{"name": "A app", "scopes": []string{"agents:read"}}).want(t, 201).decode(t, &token)

	for _, tt := range []struct{ method, path string }{
		{"GET", "/api/v1/agents/" + agent.ID},
		{"PATCH", "/api/v1/agents/" + agent.ID},
		{"DELETE", "/api/v1/agents/" + agent.ID},
		{"GET", "/api/v1/inboxes/" + inbox.ID},
		{"PATCH", "/api/v1/inboxes/" + inbox.ID},
		{"DELETE", "/api/v1/inboxes/" + inbox.ID},
		{"GET", "/api/v1/tokens/" + token.ID},
		{"DELETE", "/api/v1/tokens/" + token.ID},
	} {
		t.Run(tt.method+strings.ReplaceAll(tt.path, "/", "_"), func(t *testing.T) {
			var body any
			if tt.method == "PATCH" {
				body = map[string]any{"name": "Taken over"}
			}
			ts.do(t, tt.method, tt.path, b, body).problem(t, 404, "not_found")
		})
	}
	for _, list := range []string{"/api/v1/agents", "/api/v1/inboxes", "/api/v1/tokens", "/api/v1/audit-log"} {
		r := ts.do(t, "GET", list, b, nil).want(t, 200)
		for _, id := range []string{agent.ID, inbox.ID, token.ID, ts.admin.ID} {
			if strings.Contains(string(r.body), id) {
				t.Errorf("GET %s as workspace B shows %s of workspace A", list, id)
			}
		}
	}
	// Workspace A's objects are untouched.
	ts.do(t, "GET", "/api/v1/agents/"+agent.ID, a, nil).want(t, 200)
	ts.do(t, "GET", "/api/v1/inboxes/"+inbox.ID, a, nil).want(t, 200)
	var tok struct {
		RevokedAt *string `json:"revoked_at"`
	}
	ts.do(t, "GET", "/api/v1/tokens/"+token.ID, a, nil).want(t, 200).decode(t, &tok)
	if tok.RevokedAt != nil {
		t.Error("workspace B revoked workspace A's token")
	}
}
