package httpapi_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

// TestTokenExpiry: a token created with expires_at shows it, works until
// then and is refused after it with the reason token_expired.
func TestTokenExpiry(t *testing.T) {
	ts := newServer(t)
	admin := ts.token(t, ts.ws.ID, parley.ScopeAll)

	t.Run("Refused", func(t *testing.T) {
		for _, tt := range []struct {
			name    string
			expires any
		}{
			{"Past", time.Now().Add(-time.Minute).Format(time.RFC3339)},
			{"Now", time.Now().Format(time.RFC3339Nano)},
			{"NotATime", "tomorrow"},
			{"NUL", "2030-01-01T00:00:00Z\x00"},
			{"Number", 1893456000},
		} {
			t.Run(tt.name, func(t *testing.T) {
				p := ts.do(t, "POST", "/api/v1/tokens", admin, map[string]any{
					"name": "x", "scopes": []string{"agents:read"}, "expires_at": tt.expires,
				}).problem(t, 422, "invalid")
				if locs := p.locations(); len(locs) != 1 || locs[0] != "body.expires_at" {
					t.Errorf("error locations = %v, want body.expires_at", locs)
				}
			})
		}
	})

	t.Run("ShownAndEnforced", func(t *testing.T) {
		expires := time.Now().Add(1500 * time.Millisecond).UTC().Truncate(time.Microsecond)
		var created struct {
			ID        string     `json:"id"`
			Token     string     `json:"token"`
			ExpiresAt *time.Time `json:"expires_at"`
		}
		ts.do(t, "POST", "/api/v1/tokens", admin, map[string]any{
			"name": "temp", "scopes": []string{"agents:read"}, "expires_at": expires.Format(time.RFC3339Nano),
		}).want(t, 201).decode(t, &created)
		if created.ExpiresAt == nil || !created.ExpiresAt.Equal(expires) {
			t.Fatalf("created expires_at = %v, want %v", created.ExpiresAt, expires)
		}
		var got struct {
			ExpiresAt *time.Time `json:"expires_at"`
		}
		ts.do(t, "GET", "/api/v1/tokens/"+created.ID, admin, nil).want(t, 200).decode(t, &got)
		if got.ExpiresAt == nil || !got.ExpiresAt.Equal(expires) {
			t.Errorf("GET expires_at = %v, want %v", got.ExpiresAt, expires)
		}
		var list struct {
			Items []struct {
				ID        string     `json:"id"`
				ExpiresAt *time.Time `json:"expires_at"`
			} `json:"items"`
		}
		ts.do(t, "GET", "/api/v1/tokens", admin, nil).want(t, 200).decode(t, &list)
		for _, it := range list.Items {
			if it.ID == created.ID && (it.ExpiresAt == nil || !it.ExpiresAt.Equal(expires)) {
				t.Errorf("listed expires_at = %v, want %v", it.ExpiresAt, expires)
			}
		}

		temp := bearer(created.Token)
		ts.do(t, "GET", "/api/v1/agents", temp, nil).want(t, 200)
		eventually(t, "the token to expire", func() bool {
			return ts.do(t, "GET", "/api/v1/agents", temp, nil).status == http.StatusUnauthorized
		})
		var p struct {
			Code, Reason string
		}
		ts.do(t, "GET", "/api/v1/agents", temp, nil).want(t, 401).decode(t, &p)
		if p.Code != "unauthorized" || p.Reason != "token_expired" {
			t.Errorf("expired token's problem = %+v, want unauthorized/token_expired", p)
		}
	})

	t.Run("NoExpiry", func(t *testing.T) {
		r := ts.do(t, "POST", "/api/v1/tokens", admin, map[string]any{"name": "forever", "scopes": []string{"agents:read"}}).want(t, 201)
		if !strings.Contains(string(r.body), `"expires_at":null`) {
			t.Errorf("token without expiry = %s, want expires_at null", r.body)
		}
	})
}

// TestTokenPurge: DELETE ?purge=true deletes a token (revoked or not) for
// good, in the caller's workspace only.
func TestTokenPurge(t *testing.T) {
	ts := newServer(t)
	admin := ts.token(t, ts.ws.ID, parley.ScopeAll)
	var tok struct{ ID, Token string }
	ts.do(t, "POST", "/api/v1/tokens", admin, map[string]any{"name": "app", "scopes": []string{"agents:read"}}).want(t, 201).decode(t, &tok)
	ts.do(t, "GET", "/api/v1/agents", bearer(tok.Token), nil).want(t, 200)

	// Another workspace's admin cannot reach it.
	other := &parley.Workspace{Slug: "other", Name: "Other"}
	if err := ts.store.CreateWorkspace(t.Context(), parley.SystemActor, other); err != nil {
		t.Fatal(err)
	}
	otherAdmin := ts.token(t, other.ID, parley.ScopeAll)
	ts.do(t, "DELETE", "/api/v1/tokens/"+tok.ID+"?purge=true", otherAdmin, nil).problem(t, 404, "not_found")

	ts.do(t, "DELETE", "/api/v1/tokens/"+tok.ID+"?purge=true", admin, nil).want(t, 204)
	ts.do(t, "GET", "/api/v1/agents", bearer(tok.Token), nil).problem(t, 401, "unauthorized")
	ts.do(t, "GET", "/api/v1/tokens/"+tok.ID, admin, nil).problem(t, 404, "not_found")
	if r := ts.do(t, "GET", "/api/v1/tokens", admin, nil).want(t, 200); strings.Contains(string(r.body), tok.ID) {
		t.Errorf("a purged token is listed: %s", r.body)
	}
	ts.do(t, "DELETE", "/api/v1/tokens/"+tok.ID+"?purge=true", admin, nil).problem(t, 404, "not_found")
	ts.do(t, "DELETE", "/api/v1/tokens/"+tok.ID+"?purge=maybe", admin, nil).problem(t, 422, "invalid")
}

// TestDeleteWorkspace: a system administrator deletes another workspace
// with everything in it; its credentials stop working at once.
func TestDeleteWorkspace(t *testing.T) {
	ts := newServer(t)
	sys := ts.login(t, "admin@example.com", adminPassword)
	wsAdmin := ts.login(t, ts.agent(t, "boss@example.com", parley.RoleAdmin).Email, "password-boss@example.com")
	var acme struct{ ID string }
	ts.do(t, "POST", "/api/v1/workspaces", sys, map[string]any{
		"slug": "acme", "name": "Acme", "admin": map[string]any{"email": "boss@acme.test", "name": "Boss", "password": "acme-boss-pw"},
	}).want(t, 201).decode(t, &acme)
	acmeToken := ts.token(t, acme.ID, parley.ScopeAll)
	ts.do(t, "GET", "/api/v1/agents", acmeToken, nil).want(t, 200)

	ts.do(t, "DELETE", "/api/v1/workspaces/"+acme.ID, wsAdmin, nil).problem(t, 403, "forbidden")
	ts.do(t, "DELETE", "/api/v1/workspaces/"+acme.ID, acmeToken, nil).problem(t, 403, "forbidden")
	ts.do(t, "DELETE", "/api/v1/workspaces/"+ts.ws.ID, sys, nil).problem(t, 409, "conflict")
	ts.do(t, "DELETE", "/api/v1/workspaces/"+acme.ID, sys, nil).want(t, 204)

	ts.do(t, "GET", "/api/v1/agents", acmeToken, nil).problem(t, 401, "unauthorized")
	ts.do(t, "GET", "/api/v1/workspaces/"+acme.ID, sys, nil).problem(t, 404, "not_found")
	ts.do(t, "POST", "/api/v1/auth/login", nil, map[string]any{"email": "boss@acme.test", "password": "acme-boss-pw", "workspace": "acme"}).
		problem(t, 401, "unauthorized")
	ts.do(t, "DELETE", "/api/v1/workspaces/"+acme.ID, sys, nil).problem(t, 404, "not_found")
	var audit struct {
		Items []struct {
			Action   string `json:"action"`
			TargetID string `json:"target_id"`
		} `json:"items"`
	}
	ts.do(t, "GET", "/api/v1/audit-log?limit=1", sys, nil).want(t, 200).decode(t, &audit)
	if len(audit.Items) != 1 || audit.Items[0].Action != "workspace.delete" || audit.Items[0].TargetID != acme.ID {
		t.Errorf("latest audit entry = %+v, want workspace.delete of %s", audit.Items, acme.ID)
	}
}

// TestBearerSession: a login with "bearer": true sets no cookie and
// returns a session secret that authenticates requests as the agent,
// without CSRF (it is no ambient credential), until logout.
func TestBearerSession(t *testing.T) {
	ts := newServer(t)
	ann := ts.agent(t, "ann@example.com", parley.RoleAgent)
	r := ts.do(t, "POST", "/api/v1/auth/login", nil, map[string]any{
		"email": ann.Email, "password": "password-ann@example.com", "bearer": true,
	}).want(t, 200)
	if cookies := r.header.Values("Set-Cookie"); len(cookies) != 0 {
		t.Errorf("a bearer login set cookies %v", cookies)
	}
	var login struct {
		Token     string    `json:"token"`
		ExpiresAt time.Time `json:"expires_at"`
	}
	r.decode(t, &login)
	if !strings.HasPrefix(login.Token, "prlys_") || login.ExpiresAt.Before(time.Now()) {
		t.Fatalf("bearer login = %s", r.body)
	}
	sess := bearer(login.Token)
	var me struct {
		Kind  string `json:"kind"`
		Agent struct {
			ID string `json:"id"`
		} `json:"agent"`
	}
	ts.do(t, "GET", "/api/v1/me", sess, nil).want(t, 200).decode(t, &me)
	if me.Kind != "agent" || me.Agent.ID != ann.ID {
		t.Errorf("me = %+v, want agent %s", me, ann.ID)
	}
	ts.do(t, "POST", "/api/v1/conversations", sess, map[string]any{}).problem(t, 422, "invalid") // past auth and CSRF
	ts.do(t, "POST", "/api/v1/inboxes", sess, map[string]any{"name": "X"}).problem(t, 403, "forbidden")

	// A login without bearer returns no token.
	r = ts.do(t, "POST", "/api/v1/auth/login", nil, map[string]any{"email": ann.Email, "password": "password-ann@example.com"}).want(t, 200)
	if strings.Contains(string(r.body), `"token"`) {
		t.Errorf("a cookie login returned a token: %s", r.body)
	}

	ts.do(t, "POST", "/api/v1/auth/logout", sess, nil).want(t, 204)
	ts.do(t, "GET", "/api/v1/me", sess, nil).problem(t, 401, "unauthorized")
}
