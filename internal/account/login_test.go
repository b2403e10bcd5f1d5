package account_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
)

func TestLogin(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	ann := e.agent(t, "ann@example.com", parley.RoleAgent)
	if _, err := e.svc.CreateWorkspace(ctx, parley.SystemActor, "other", "Other"); err != nil {
		t.Fatal(err)
	}

	sess, sec, agent, err := e.svc.Login(ctx, "", " ANN@example.com", "password-ann@example.com", "192.0.2.1", "test/1.0")
	if err != nil {
		t.Fatalf("Login: %v", err)
	}
	if agent.ID != ann.ID || sess.AgentID != ann.ID || sess.WorkspaceID != e.ws.ID {
		t.Errorf("Login returned agent %s session %+v, want agent %s", agent.ID, sess, ann.ID)
	}
	if sess.CSRFToken == "" || sess.IP != "192.0.2.1" || sess.UserAgent != "test/1.0" || sec == "" {
		t.Errorf("session = %+v, secret %q", sess, sec)
	}
	if want := e.clock.Now().Add(account.DefaultSessionTTL); !sess.ExpiresAt.Equal(want) {
		t.Errorf("ExpiresAt = %v, want %v", sess.ExpiresAt, want)
	}

	for _, tt := range []struct{ name, workspace, email, password string }{
		{"WrongPassword", "", "ann@example.com", "wrong-password"},
		{"UnknownEmail", "", "nobody@example.com", "password-ann@example.com"},
		{"OtherWorkspace", "other", "ann@example.com", "password-ann@example.com"},
		{"UnknownWorkspace", "nope", "ann@example.com", "password-ann@example.com"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, err := e.svc.Login(ctx, tt.workspace, tt.email, tt.password, "", "")
			wantCode(t, err, parley.EUNAUTHORIZED)
			if msg := parley.ErrorMessage(err); msg != "Invalid email or password." {
				t.Errorf("message = %q", msg)
			}
		})
	}

	disabled := true
	if _, err := e.svc.UpdateAgent(ctx, parley.SystemActor, e.ws.ID, ann.ID, parley.AgentUpdate{Disabled: &disabled}); err != nil {
		t.Fatal(err)
	}
	_, _, _, err = e.svc.Login(ctx, "", "ann@example.com", "password-ann@example.com", "", "")
	wantCode(t, err, parley.EUNAUTHORIZED)
}

func TestLoginThrottle(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	e.agent(t, "ann@example.com", parley.RoleAgent)
	login := func(password string) error {
		_, _, _, err := e.svc.Login(ctx, "", "ann@example.com", password, "", "")
		return err
	}

	// A success clears the count: 4 failures, a success, 4 more failures
	// still leave the right password working.
	for range 2 {
		for range 4 {
			wantCode(t, login("wrong-password"), parley.EUNAUTHORIZED)
		}
		if err := login("password-ann@example.com"); err != nil {
			t.Fatalf("Login after 4 failures: %v", err)
		}
	}

	for range 5 {
		wantCode(t, login("wrong-password"), parley.EUNAUTHORIZED)
	}
	err := login("password-ann@example.com")
	wantCode(t, err, parley.ERATELIMITED)
	var rl *account.RateLimitedError
	if !errors.As(err, &rl) || rl.RetryAfter() != 15*time.Minute {
		t.Fatalf("error = %#v, want a RateLimitedError with RetryAfter 15m", err)
	}
	// The email's case does not matter, and the lockout does not depend on
	// the workspace.
	_, _, _, err = e.svc.Login(ctx, "default", "ANN@example.com", "password-ann@example.com", "", "")
	wantCode(t, err, parley.ERATELIMITED)

	e.clock.Advance(10 * time.Minute)
	err = login("password-ann@example.com")
	if !errors.As(err, &rl) || rl.RetryAfter() != 5*time.Minute {
		t.Fatalf("after 10 minutes: error = %v, want ERATELIMITED with 5m left", err)
	}
	e.clock.Advance(5 * time.Minute)
	if err := login("password-ann@example.com"); err != nil {
		t.Fatalf("Login after the window: %v", err)
	}
}

func TestLoginThrottleUnknownEmail(t *testing.T) {
	e := newEnv(t)
	for range 5 {
		_, _, _, err := e.svc.Login(context.Background(), "", "ghost@example.com", "whatever-pass", "", "")
		wantCode(t, err, parley.EUNAUTHORIZED)
	}
	_, _, _, err := e.svc.Login(context.Background(), "", "ghost@example.com", "whatever-pass", "", "")
	wantCode(t, err, parley.ERATELIMITED)
}

func TestAuthenticateSession(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	ann := e.agent(t, "ann@example.com", parley.RoleSupervisor)
	login := func() (*parley.Session, string) {
		t.Helper()
		sess, sec, _, err := e.svc.Login(ctx, "", ann.Email, "password-ann@example.com", "", "")
		if err != nil {
			t.Fatalf("Login: %v", err)
		}
		return sess, sec
	}

	sess, sec := login()
	p, err := e.svc.AuthenticateSession(ctx, sec)
	if err != nil {
		t.Fatalf("AuthenticateSession: %v", err)
	}
	want := parley.Actor{Type: parley.ActorAgent, ID: ann.ID, Name: ann.Email}
	if p.Actor != want || p.WorkspaceID != e.ws.ID || p.AgentID != ann.ID || p.Role != parley.RoleSupervisor || p.SessionID != sess.ID {
		t.Errorf("principal = %+v", p)
	}
	if !p.Can(parley.ScopeAuditRead) || p.Can(parley.ScopeAgentsWrite) || p.Can(parley.ScopeWorkspacesRead) || p.SystemAdmin {
		t.Errorf("supervisor scopes = %v", p.Scopes)
	}
	_, got, err := e.svc.LookupSession(ctx, sec)
	if err != nil || got.CSRFToken != sess.CSRFToken {
		t.Errorf("LookupSession = %+v, %v; want the session with its CSRF token", got, err)
	}

	for name, bad := range map[string]string{
		"Empty":       "",
		"NoPrefix":    sec[len(account.SessionPrefix):],
		"Tampered":    sec + "x",
		"TokenSecret": "prly_" + sec[len(account.SessionPrefix):],
	} {
		_, err := e.svc.AuthenticateSession(ctx, bad)
		if parley.ErrorCode(err) != parley.EUNAUTHORIZED {
			t.Errorf("%s: error = %v, want EUNAUTHORIZED", name, err)
		}
	}

	if err := e.svc.Logout(ctx, sess.ID); err != nil {
		t.Fatalf("Logout: %v", err)
	}
	_, err = e.svc.AuthenticateSession(ctx, sec)
	wantCode(t, err, parley.EUNAUTHORIZED)

	_, sec = login()
	e.clock.Advance(account.DefaultSessionTTL)
	_, err = e.svc.AuthenticateSession(ctx, sec)
	wantCode(t, err, parley.EUNAUTHORIZED) // expired

	_, sec = login()
	disabled := true
	if _, err := e.store.UpdateAgent(ctx, parley.SystemActor, e.ws.ID, ann.ID, parley.AgentUpdate{Disabled: &disabled}); err != nil {
		t.Fatal(err)
	}
	_, err = e.svc.AuthenticateSession(ctx, sec)
	wantCode(t, err, parley.EUNAUTHORIZED)

	_, adminSec, _, err := e.svc.Login(ctx, "", "admin@example.com", adminPassword, "", "")
	if err != nil {
		t.Fatal(err)
	}
	p, err = e.svc.AuthenticateSession(ctx, adminSec)
	if err != nil || !p.SystemAdmin || !p.Can(parley.ScopeWorkspacesWrite) || !p.Can(parley.ScopeTokensWrite) {
		t.Errorf("system admin principal = %+v, %v", p, err)
	}
	// A deleted agent's session stops working. (Another admin first: the
	// workspace's last enabled admin cannot be deleted.)
	other := &parley.Agent{WorkspaceID: e.ws.ID, Email: "admin2@example.com", Name: "Admin 2", Role: parley.RoleAdmin}
	if err := e.store.CreateAgent(ctx, parley.SystemActor, other, ""); err != nil {
		t.Fatal(err)
	}
	if err := e.store.DeleteAgent(ctx, parley.SystemActor, e.ws.ID, e.admin.ID); err != nil {
		t.Fatal(err)
	}
	_, err = e.svc.AuthenticateSession(ctx, adminSec)
	wantCode(t, err, parley.EUNAUTHORIZED)
}
