package account_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
)

func TestCreateToken(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	agentP := principalOf(t, e, e.agent(t, "ann@example.com", parley.RoleAgent))
	adminP := principalOf(t, e, e.admin) // a system admin
	wsAdmin := e.agent(t, "boss@example.com", parley.RoleAdmin)
	wsAdminP := principalOf(t, e, wsAdmin)
	other, err := e.svc.CreateWorkspace(ctx, parley.SystemActor, "other", "Other")
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name    string
		creator *parley.Principal
		ws      string
		scopes  []parley.Scope
		code    string
	}{
		{"CLIAnything", nil, e.ws.ID, []parley.Scope{parley.ScopeAll, parley.ScopeWorkspacesWrite}, ""},
		{"AgentOwnScope", agentP, e.ws.ID, []parley.Scope{parley.ScopeContactsRead}, ""},
		{"AgentEscalates", agentP, e.ws.ID, []parley.Scope{parley.ScopeAgentsWrite}, parley.EFORBIDDEN},
		{"AgentAll", agentP, e.ws.ID, []parley.Scope{parley.ScopeAll}, parley.EFORBIDDEN},
		{"WorkspaceAdminAll", wsAdminP, e.ws.ID, []parley.Scope{parley.ScopeAll}, ""},
		{"WorkspaceAdminSystemScope", wsAdminP, e.ws.ID, []parley.Scope{parley.ScopeWorkspacesRead}, parley.EFORBIDDEN},
		{"WorkspaceAdminOtherWorkspace", wsAdminP, other.ID, []parley.Scope{parley.ScopeAgentsRead}, parley.EFORBIDDEN},
		{"SystemAdminSystemScope", adminP, e.ws.ID, []parley.Scope{parley.ScopeWorkspacesRead}, ""},
		{"SystemAdminOtherWorkspace", adminP, other.ID, []parley.Scope{parley.ScopeAgentsRead}, ""},
		{"UnknownScope", nil, e.ws.ID, []parley.Scope{parley.ScopeAgentsRead, "agents:delete"}, parley.EINVALID},
		{"NoScopes", nil, e.ws.ID, nil, parley.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok, sec, err := e.svc.CreateToken(ctx, tt.creator, tt.ws, "test token", tt.scopes)
			if tt.code != "" {
				wantCode(t, err, tt.code)
				return
			}
			if err != nil {
				t.Fatalf("CreateToken: %v", err)
			}
			if !strings.HasPrefix(sec, account.TokenPrefix) || !strings.HasPrefix(sec, tok.Prefix) || len(tok.Prefix) >= len(sec) {
				t.Errorf("secret %q, prefix %q", sec, tok.Prefix)
			}
			wantBy := parley.SystemActor
			if tt.creator != nil {
				wantBy = tt.creator.Actor
			}
			if tok.CreatedBy != wantBy || tok.WorkspaceID != tt.ws {
				t.Errorf("token = %+v", tok)
			}
		})
	}

	_, _, err = e.svc.CreateToken(ctx, nil, e.ws.ID, "", []parley.Scope{parley.ScopeAgentsRead, "nope"})
	wantFields(t, err, "name", "scopes[1]")
}

func TestAuthenticateToken(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	tok, sec, err := e.svc.CreateToken(ctx, nil, e.ws.ID, "crm", []parley.Scope{parley.ScopeAgentsRead, parley.ScopeAgentsRead, parley.ScopeInboxesWrite})
	if err != nil {
		t.Fatal(err)
	}
	if len(tok.Scopes) != 2 {
		t.Errorf("scopes = %v, want duplicates removed", tok.Scopes)
	}

	p, err := e.svc.AuthenticateToken(ctx, sec)
	if err != nil {
		t.Fatalf("AuthenticateToken: %v", err)
	}
	want := parley.Actor{Type: parley.ActorToken, ID: tok.ID, Name: "crm"}
	if p.Actor != want || p.WorkspaceID != e.ws.ID || p.SystemAdmin || p.SessionID != "" {
		t.Errorf("principal = %+v", p)
	}
	if !p.Can(parley.ScopeAgentsRead) || !p.Can(parley.ScopeInboxesWrite) || p.Can(parley.ScopeAgentsWrite) {
		t.Errorf("scopes = %v", p.Scopes)
	}
	got, err := e.store.FindAPITokenByID(ctx, e.ws.ID, tok.ID)
	if err != nil || got.LastUsedAt == nil || !got.LastUsedAt.Equal(e.clock.Now()) {
		t.Errorf("LastUsedAt = %v (%v), want %v", got.LastUsedAt, err, e.clock.Now())
	}

	// Use is recorded to the minute.
	firstUse := e.clock.Now()
	for _, step := range []struct {
		advance time.Duration
		want    time.Time
	}{{30 * time.Second, firstUse}, {31 * time.Second, firstUse.Add(61 * time.Second)}} {
		e.clock.Advance(step.advance)
		if _, err := e.svc.AuthenticateToken(ctx, sec); err != nil {
			t.Fatal(err)
		}
		got, err := e.store.FindAPITokenByID(ctx, e.ws.ID, tok.ID)
		if err != nil || !got.LastUsedAt.Equal(step.want) {
			t.Errorf("LastUsedAt = %v (%v), want %v", got.LastUsedAt, err, step.want)
		}
	}

	for name, bad := range map[string]string{"Empty": "", "Unknown": account.TokenPrefix + "nope", "Tampered": sec + "A"} {
		_, err := e.svc.AuthenticateToken(ctx, bad)
		if parley.ErrorCode(err) != parley.EUNAUTHORIZED {
			t.Errorf("%s: error = %v, want EUNAUTHORIZED", name, err)
		}
	}

	if err := e.store.RevokeAPIToken(ctx, parley.SystemActor, e.ws.ID, tok.ID); err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(time.Minute)
	_, err = e.svc.AuthenticateToken(ctx, sec)
	wantCode(t, err, parley.EUNAUTHORIZED)

	_, sysSec, err := e.svc.CreateToken(ctx, nil, e.ws.ID, "ops", []parley.Scope{parley.ScopeWorkspacesRead})
	if err != nil {
		t.Fatal(err)
	}
	if p, err := e.svc.AuthenticateToken(ctx, sysSec); err != nil || !p.SystemAdmin {
		t.Errorf("token with a system scope: principal %+v, %v; want SystemAdmin", p, err)
	}
}

// principalOf logs a in (its password is "password-"+email, or adminPassword
// for the bootstrap admin) and returns its session principal.
func principalOf(t *testing.T, e *env, a *parley.Agent) *parley.Principal {
	t.Helper()
	password := "password-" + a.Email
	if a.ID == e.admin.ID {
		password = adminPassword
	}
	_, sec, _, err := e.svc.Login(context.Background(), "", a.Email, password, "", "")
	if err != nil {
		t.Fatalf("Login %s: %v", a.Email, err)
	}
	p, err := e.svc.AuthenticateSession(context.Background(), sec)
	if err != nil {
		t.Fatalf("AuthenticateSession: %v", err)
	}
	return p
}

// TestTokenExpiry: a token with an expiry works until then, carries it and
// its credential in its principal, and is refused from then on with the
// reason token_expired; an expiry must be in the future.
func TestTokenExpiry(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	scopes := []parley.Scope{parley.ScopeAgentsRead}
	for _, at := range []time.Time{e.clock.Now(), e.clock.Now().Add(-time.Hour)} {
		_, _, err := e.svc.CreateExpiringToken(ctx, nil, e.ws.ID, "late", scopes, &at)
		wantFields(t, err, "expires_at")
	}

	expires := e.clock.Now().Add(time.Hour)
	tok, sec, err := e.svc.CreateExpiringToken(ctx, nil, e.ws.ID, "temporary", scopes, &expires)
	if err != nil {
		t.Fatal(err)
	}
	p, err := e.svc.AuthenticateBearer(ctx, sec)
	if err != nil {
		t.Fatal(err)
	}
	if !p.ExpiresAt.Equal(expires) || p.Credential != (parley.Credential{Kind: parley.CredentialAPIToken, ID: tok.ID}) {
		t.Errorf("principal expires %v with credential %+v, want %v and the token", p.ExpiresAt, p.Credential, expires)
	}
	e.clock.Advance(time.Hour - time.Microsecond)
	if _, err := e.svc.AuthenticateToken(ctx, sec); err != nil {
		t.Fatalf("just before its expiry: %v", err)
	}
	e.clock.Advance(time.Microsecond)
	_, err = e.svc.AuthenticateToken(ctx, sec)
	wantCode(t, err, parley.EUNAUTHORIZED)
	if r := parley.ErrorReason(err); r != account.ReasonTokenExpired {
		t.Errorf("reason = %q, want %q", r, account.ReasonTokenExpired)
	}
}

// TestAuthenticateBearer: a bearer credential is an API token or an
// agent's session secret, each with its credential in the principal.
func TestAuthenticateBearer(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	sess, sessSecret, _, err := e.svc.Login(ctx, "", "admin@example.com", adminPassword, "127.0.0.1", "test")
	if err != nil {
		t.Fatal(err)
	}
	p, err := e.svc.AuthenticateBearer(ctx, sessSecret)
	if err != nil {
		t.Fatal(err)
	}
	if p.AgentID != e.admin.ID || p.SessionID != sess.ID || !p.ExpiresAt.Equal(sess.ExpiresAt) ||
		p.Credential != (parley.Credential{Kind: parley.CredentialSession, ID: sess.ID}) {
		t.Errorf("session principal = %+v", p)
	}
	for _, bad := range []string{"", "prlys_", "prlys_unknown", "prly_unknown", "prlyv_visitor", "prlys_\x00", strings.Repeat("prlys_", 100)} {
		_, err := e.svc.AuthenticateBearer(ctx, bad)
		wantCode(t, err, parley.EUNAUTHORIZED)
	}
	if err := e.svc.Logout(ctx, sess.ID); err != nil {
		t.Fatal(err)
	}
	_, err = e.svc.AuthenticateBearer(ctx, sessSecret)
	wantCode(t, err, parley.EUNAUTHORIZED)
}
