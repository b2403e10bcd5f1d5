package realtime_test

import (
	"testing"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/realtime"
)

// TestRevokeApp: uninstalling (or disabling) an app closes the real-time
// connections of its access tokens on every node, and no one else's —
// not another app's, not an API token's.
func TestRevokeApp(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := &parley.Principal{
		Actor:       parley.Actor{Type: parley.ActorAgent, ID: "admin", Name: "admin@example.com"},
		WorkspaceID: e.ws.ID, AgentID: "admin", Role: parley.RoleAdmin, Scopes: parley.NewScopeSet(parley.ScopeAll),
	}
	install := func(name string) (*parley.App, string) {
		a, sec, err := e.acct.InstallApp(t.Context(), admin, parley.AppManifest{Name: name, Scopes: []parley.Scope{parley.ScopeConversationsRead}}, nil)
		must(t, err)
		tok, _, _, err := e.acct.IssueAppToken(t.Context(), a.ID, sec, nil)
		must(t, err)
		return a, tok
	}
	bot, botToken := install("bot")
	_, otherToken := install("other")
	nodes := []*node{e.newNode(t), e.newNode(t)}
	h := connectHolders(t, e, nodes...)
	botConn := nodes[1].connect(t, botToken) // on the node that does not revoke
	otherConn := nodes[0].connect(t, otherToken)

	must(t, e.acct.UninstallApp(t.Context(), admin, bot.ID))
	nodes[0].gw.Revoke(t.Context(), parley.Revocation{WorkspaceID: e.ws.ID, AppID: bot.ID, Reason: parley.EndRevoked})
	botConn.expectClose(realtime.StatusCredentialRevoked, "credential revoked")
	conns := h.all()
	conns["otherApp"] = otherConn
	for name, c := range conns {
		if f := c.request(map[string]any{"type": "ping"}); f.Type != "pong" {
			t.Errorf("%s: ping answered with %s", name, f.raw)
		}
	}
	// A new connection with the ended token is refused.
	if _, err := e.acct.AuthenticateBearer(t.Context(), botToken); parley.ErrorCode(err) != parley.EUNAUTHORIZED {
		t.Errorf("the uninstalled app's token authenticates: %v", err)
	}
}
