package client_test

// A connection never outlives its credential: every way a credential ends
// closes the connections holding it on every node, at once, with the close
// code of docs/protocol.md.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/account"
	"github.com/parleychat/parley/internal/config"
	"github.com/parleychat/parley/internal/secret"
	"github.com/parleychat/parley/internal/testenv"
)

// revokeDeadline is "at once": how soon after the call that ended a
// credential returns its connections must be closed, on every node.
const revokeDeadline = time.Second

// rest calls the API of node i with an API token and checks the status;
// it returns the JSON body (nil for none).
func (e *env) rest(t *testing.T, i int, method, path, token string, body any, want int) map[string]any {
	t.Helper()
	var rd *bytes.Reader
	if body != nil {
		b, err := json.Marshal(body)
		must(t, err)
		rd = bytes.NewReader(b)
	} else {
		rd = bytes.NewReader(nil)
	}
	req, err := http.NewRequestWithContext(t.Context(), method, e.nodes[i].url+path, rd)
	must(t, err)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := e.hc.Do(req)
	must(t, err)
	defer resp.Body.Close()
	var out map[string]any
	json.NewDecoder(resp.Body).Decode(&out)
	if resp.StatusCode != want {
		t.Fatalf("%s %s: %d %v, want %d", method, path, resp.StatusCode, out, want)
	}
	return out
}

// connectEverywhere connects with opts to every node of e.
func (e *env) connectEverywhere(t *testing.T, opts ...client.Option) []*client.Conn {
	t.Helper()
	var conns []*client.Conn
	for _, n := range e.nodes {
		conns = append(conns, connect(t, e.client(t, n.url, opts...)))
	}
	return conns
}

// expectEnded checks that every conn is closed with code and reason
// before deadline.
func expectEnded(t *testing.T, conns []*client.Conn, deadline time.Time, code int, reason string) {
	t.Helper()
	for i, conn := range conns {
		ctx, cancel := context.WithDeadline(t.Context(), deadline)
		var err error
		for err == nil {
			_, err = conn.Next(ctx) // frames sent before the close come first
		}
		cancel()
		var ce *client.CloseError
		if !errors.As(err, &ce) {
			t.Fatalf("connection on node %d: %v, want closed with %d within %s", i, err, code, revokeDeadline)
		}
		if ce.Code != code || ce.Reason != reason {
			t.Errorf("connection on node %d closed with %d %q, want %d %q", i, ce.Code, ce.Reason, code, reason)
		}
	}
}

// agentSession makes an agent with a console session in the store and
// returns it with the session's secret and CSRF token.
func (e *env) agentSession(t *testing.T, role parley.Role) (*parley.Agent, client.Option) {
	t.Helper()
	ctx := t.Context()
	st := e.nodes[0].app.Store
	ag := &parley.Agent{WorkspaceID: e.workspace.ID, Email: testenv.Unique() + "@example.com",
		Name: "Agent", Role: role}
	must(t, st.CreateAgent(ctx, parley.SystemActor, ag, ""))
	sec := secret.NewToken(account.SessionPrefix)
	sess := &parley.Session{WorkspaceID: ag.WorkspaceID, AgentID: ag.ID, CSRFToken: secret.NewToken(""), ExpiresAt: time.Now().Add(time.Hour)}
	must(t, st.CreateSession(ctx, sess, secret.Hash(sec)))
	return ag, client.WithSession(sec, sess.CSRFToken)
}

// revocation is one way a credential ends: setup returns the credentials
// of the connections to end, the call that ends it (made on node 0) and,
// optionally, a check of what the client may do next.
type revocation struct {
	name   string
	setup  func(t *testing.T, e *env) (holder client.Option, end, after func())
	code   int
	reason string
}

var revocations = []revocation{
	{name: "AgentDisabled", code: client.StatusCredentialRevoked, reason: "credential revoked",
		setup: func(t *testing.T, e *env) (client.Option, func(), func()) {
			ag, holder := e.agentSession(t, parley.RoleAgent)
			return holder, func() { e.rest(t, 0, "PATCH", "/api/v1/agents/"+ag.ID, e.token, map[string]any{"disabled": true}, 200) }, nil
		}},
	{name: "AgentDeleted", code: client.StatusCredentialRevoked, reason: "credential revoked",
		setup: func(t *testing.T, e *env) (client.Option, func(), func()) {
			ag, holder := e.agentSession(t, parley.RoleAgent)
			return holder, func() { e.rest(t, 0, "DELETE", "/api/v1/agents/"+ag.ID, e.token, nil, 204) }, nil
		}},
	{name: "PasswordReset", code: client.StatusCredentialRevoked, reason: "credential revoked",
		setup: func(t *testing.T, e *env) (client.Option, func(), func()) {
			ag, holder := e.agentSession(t, parley.RoleAgent)
			return holder, func() {
				e.rest(t, 0, "PATCH", "/api/v1/agents/"+ag.ID, e.token, map[string]any{"password": "a brand new password"}, 200)
			}, nil
		}},
	{name: "Logout", code: client.StatusCredentialRevoked, reason: "credential revoked",
		setup: func(t *testing.T, e *env) (client.Option, func(), func()) {
			_, holder := e.agentSession(t, parley.RoleAgent)
			return holder, func() { must(t, e.client(t, e.nodes[0].url, holder).Logout(t.Context())) }, nil
		}},
	{name: "RoleDowngrade", code: client.StatusRoleChanged, reason: "role changed",
		setup: func(t *testing.T, e *env) (client.Option, func(), func()) {
			ag, holder := e.agentSession(t, parley.RoleSupervisor)
			return holder, func() {
					e.rest(t, 0, "PATCH", "/api/v1/agents/"+ag.ID, e.token, map[string]any{"role": "agent"}, 200)
				}, func() {
					// The same credential connects again, with the new role.
					c := e.client(t, e.nodes[e.last()].url, holder)
					me, err := c.Me(t.Context())
					must(t, err)
					if me.Agent == nil || me.Agent.Role != "agent" {
						t.Errorf("after the downgrade: %+v", me)
					}
					connect(t, c)
				}
		}},
	{name: "APITokenRevoked", code: client.StatusCredentialRevoked, reason: "credential revoked",
		setup: func(t *testing.T, e *env) (client.Option, func(), func()) {
			tok, err := e.admin(t, 0).CreateToken(t.Context(), "bot", "conversations:read")
			must(t, err)
			return client.WithToken(tok.Token), func() { e.rest(t, 0, "DELETE", "/api/v1/tokens/"+tok.ID, e.token, nil, 204) }, nil
		}},
	{name: "APITokenDeleted", code: client.StatusCredentialRevoked, reason: "credential revoked",
		setup: func(t *testing.T, e *env) (client.Option, func(), func()) {
			tok, err := e.admin(t, 0).CreateToken(t.Context(), "bot", "conversations:read")
			must(t, err)
			return client.WithToken(tok.Token), func() {
				e.rest(t, 0, "DELETE", "/api/v1/tokens/"+tok.ID+"?purge=true", e.token, nil, 204)
			}, nil
		}},
	{name: "AppUninstalled", code: client.StatusCredentialRevoked, reason: "credential revoked",
		setup: func(t *testing.T, e *env) (client.Option, func(), func()) {
			id, tok := e.installApp(t, "conversations:read")
			return client.WithToken(tok), func() { e.rest(t, 0, "DELETE", "/api/v1/apps/"+id, e.token, nil, 204) }, nil
		}},
	{name: "AppDisabled", code: client.StatusCredentialRevoked, reason: "credential revoked",
		setup: func(t *testing.T, e *env) (client.Option, func(), func()) {
			id, tok := e.installApp(t, "conversations:read")
			return client.WithToken(tok), func() { e.rest(t, 0, "POST", "/api/v1/apps/"+id+"/disable", e.token, nil, 200) }, nil
		}},
	{name: "ResumeTokenRevoked", code: client.StatusCredentialRevoked, reason: "credential revoked",
		setup: func(t *testing.T, e *env) (client.Option, func(), func()) {
			visitor, _ := e.visitor(t, 0)
			conv := startConversation(t, visitor)
			rt := e.rest(t, 0, "POST", "/api/v1/resume-tokens", e.token, map[string]any{"conversation_id": conv.ID}, 201)
			sess, err := e.client(t, e.nodes[0].url).StartVisitorSession(t.Context(),
				client.VisitorSessionInput{InboxID: e.inbox.ID, ResumeToken: rt["token"].(string)})
			must(t, err)
			return client.WithToken(sess.Token), func() {
				e.rest(t, 0, "DELETE", "/api/v1/resume-tokens/"+rt["id"].(string), e.token, nil, 204)
			}, nil
		}},
	{name: "ContactErased", code: client.StatusCredentialRevoked, reason: "contact erased",
		setup: func(t *testing.T, e *env) (client.Option, func(), func()) {
			_, sess := e.visitor(t, 0)
			return client.WithToken(sess.Token), func() { e.rest(t, 0, "DELETE", "/api/v1/contacts/"+sess.ContactID, e.token, nil, 204) }, nil
		}},
	{name: "ContactMerged", code: client.StatusContactMerged, reason: "contact merged",
		setup: func(t *testing.T, e *env) (client.Option, func(), func()) {
			_, source := e.visitor(t, 0)
			_, target := e.visitor(t, 0)
			holder := client.WithToken(source.Token)
			return holder, func() {
					e.rest(t, 0, "POST", "/api/v1/contacts/"+target.ContactID+"/merge", e.token, map[string]any{"from": source.ContactID}, 200)
				}, func() {
					// The way to continue: connect again with the same
					// token, as the contact that remains.
					conn := connect(t, e.client(t, e.nodes[e.last()].url, holder))
					if p := conn.Ready().Participant; p != (client.Participant{Type: client.ParticipantContact, ID: target.ContactID}) {
						t.Errorf("after the merge the token connects as %+v, want contact %s", p, target.ContactID)
					}
				}
		}},
	{name: "InboxDeleted", code: client.StatusCredentialRevoked, reason: "credential revoked",
		setup: func(t *testing.T, e *env) (client.Option, func(), func()) {
			in, err := e.admin(t, 0).CreateInbox(t.Context(), client.CreateInboxInput{Name: "Temporary"})
			must(t, err)
			sess, err := e.client(t, e.nodes[0].url).CreateVisitorSession(t.Context(), in.ID)
			must(t, err)
			return client.WithToken(sess.Token), func() { e.rest(t, 0, "DELETE", "/api/v1/inboxes/"+in.ID, e.token, nil, 204) }, nil
		}},
	{name: "WorkspaceDeleted", code: client.StatusCredentialRevoked, reason: "workspace deleted",
		setup: func(t *testing.T, e *env) (client.Option, func(), func()) {
			ctx := t.Context()
			a := e.nodes[0].app
			_, sys, err := a.Accounts.CreateToken(ctx, nil, e.workspace.ID, "operator", []parley.Scope{parley.ScopeWorkspacesWrite})
			must(t, err)
			ws, err := a.Accounts.CreateWorkspace(ctx, parley.SystemActor, "gone-"+testenv.Unique(), "Gone")
			must(t, err)
			_, tok, err := a.Accounts.CreateToken(ctx, nil, ws.ID, "app", []parley.Scope{parley.ScopeConversationsRead})
			must(t, err)
			return client.WithToken(tok), func() { e.rest(t, 0, "DELETE", "/api/v1/workspaces/"+ws.ID, sys, nil, 204) }, nil
		}},
}

// TestCredentialEndClosesConnections: each way a credential ends closes its
// connections on every node within revokeDeadline of the call, with the
// documented close code, and leaves the other connections alone.
func TestCredentialEndClosesConnections(t *testing.T) {
	topologies(t, func(t *testing.T, e *env) {
		_, bystanderCreds := e.agentSession(t, parley.RoleAgent)
		others := e.connectEverywhere(t, bystanderCreds)
		for _, r := range revocations {
			t.Run(r.name, func(t *testing.T) {
				holder, end, after := r.setup(t, e)
				conns := e.connectEverywhere(t, holder)
				end()
				expectEnded(t, conns, time.Now().Add(revokeDeadline), r.code, r.reason)
				if after != nil {
					after()
				}
			})
		}
		for i, conn := range others {
			if _, err := conn.Ping(t.Context()); err != nil {
				t.Errorf("a bystander's connection on node %d: %v", i, err)
			}
		}
	})
}

// TestTokenExpiryClosesConnections: an API token's connections close with
// 4003 when its expires_at passes, on every node.
func TestTokenExpiryClosesConnections(t *testing.T) {
	topologies(t, func(t *testing.T, e *env) {
		expires := time.Now().Add(2 * time.Second).UTC().Truncate(time.Millisecond)
		tok := e.rest(t, 0, "POST", "/api/v1/tokens", e.token, map[string]any{
			"name": "short-lived", "scopes": []string{"conversations:read"}, "expires_at": expires.Format(time.RFC3339Nano),
		}, 201)
		conns := e.connectEverywhere(t, client.WithToken(tok["token"].(string)))
		for _, conn := range conns {
			if got := conn.Ready().ExpiresAt; !got.Equal(expires) {
				t.Errorf("ready expires_at = %v, want %v", got, expires)
			}
		}
		expectEnded(t, conns, expires.Add(revokeDeadline), client.StatusTokenExpired, "token expired")
	})
}

// TestRecheckClosesWithoutNotice: a credential ended in the database
// directly (no notice on the bus, as `parley admin` does) closes its
// connections on every node by the periodic recheck.
func TestRecheckClosesWithoutNotice(t *testing.T) {
	const interval = 200 * time.Millisecond
	quick := func(c *config.Config) { c.CredentialRecheck = interval }
	for _, topology := range []struct {
		name string
		env  func(t *testing.T) *env
	}{
		{"OneNode", func(t *testing.T) *env { return newEnv(t, quick) }},
		{"TwoNodes", func(t *testing.T) *env { return newCluster(t, quick) }},
	} {
		t.Run(topology.name, func(t *testing.T) {
			e := topology.env(t)
			ctx := t.Context()
			st := e.nodes[0].app.Store
			tok, err := e.admin(t, 0).CreateToken(ctx, "bot", "conversations:read")
			must(t, err)
			ag, agent := e.agentSession(t, parley.RoleSupervisor)
			tokenConns := e.connectEverywhere(t, client.WithToken(tok.Token))
			agentConns := e.connectEverywhere(t, agent)

			must(t, st.RevokeAPIToken(ctx, parley.SystemActor, e.workspace.ID, tok.ID))
			_, err = st.UpdateAgent(ctx, parley.SystemActor, e.workspace.ID, ag.ID, parley.AgentUpdate{Role: ptr(parley.RoleAgent)})
			must(t, err)
			deadline := time.Now().Add(interval + revokeDeadline)
			expectEnded(t, tokenConns, deadline, client.StatusCredentialRevoked, "credential revoked")
			expectEnded(t, agentConns, deadline, client.StatusRoleChanged, "role changed")
		})
	}
}

func ptr[T any](v T) *T { return &v }
