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
