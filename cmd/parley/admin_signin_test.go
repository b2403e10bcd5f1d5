package main

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/store"
)

// TestAdminSignInBreakGlass: with password sign-in off and the identity
// provider gone, `parley admin sign-in --password local` lets the first
// admin back in, while the server runs.
func TestAdminSignInBreakGlass(t *testing.T) {
	dir := t.TempDir()
	vars := map[string]string{"PARLEY_DATA_DIR": dir, "PARLEY_ADMIN_PASSWORD": "admin-password-1"}
	url, _, _ := serveInProcess(t, vars)
	login := func() int {
		status, _ := call(t, "POST", url+"/api/v1/auth/login", "", map[string]any{"email": "admin@example.com", "password": "admin-password-1"})
		return status
	}
	if got := login(); got != http.StatusOK {
		t.Fatalf("first login: %d", got)
	}

	// Nobody could sign in: refused.
	code, _, stderr := runAdmin(t, vars, "", "sign-in", "--password", "off")
	if code != 1 || !strings.Contains(stderr, "--password") {
		t.Errorf("sign-in --password off without single sign-on: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := runAdmin(t, vars, "", "sign-in", "--password", "sometimes"); code != 1 || !strings.Contains(stderr, "--password") {
		t.Errorf("unknown mode: exit %d, stderr %q", code, stderr)
	}

	// Single sign-on on an issuer that is gone, passwords off.
	ctx := context.Background()
	st, err := store.Open(ctx, "sqlite:"+dir+"/parley.db", nil)
	if err != nil {
		t.Fatal(err)
	}
	ws, err := st.FindWorkspaceBySlug(ctx, parley.DefaultWorkspaceSlug)
	if err != nil {
		t.Fatal(err)
	}
	set := &parley.SignInSettings{WorkspaceID: ws.ID, Password: parley.PasswordOff,
		OIDC: parley.OIDCSettings{Enabled: true, Issuer: "https://idp.invalid", ClientID: "parley"}}
	if err := st.PutSignInSettings(ctx, parley.SystemActor, set); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if got := login(); got != http.StatusForbidden {
		t.Fatalf("login with passwords off: %d, want 403", got)
	}

	code, stdout, stderr := runAdmin(t, vars, "", "sign-in", "--password", "local")
	if code != 0 || !strings.Contains(stdout, "local") {
		t.Fatalf("sign-in --password local: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if got := login(); got != http.StatusOK {
		t.Errorf("login after the break-glass: %d, want 200", got)
	}
}
