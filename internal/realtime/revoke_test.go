package realtime_test

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/realtime"
)

// holders are connections of every kind of credential, on one node or
// two, to revoke one at a time.
type holders struct {
	e                  *env
	visitorA, visitorB *client
	contactA, contactB *parley.Contact
	agentX, agentY     *client
	x, y               *parley.Agent
	sessionX           string
	app                *client
	appTokenID         string
}

// connectHolders connects the holders, alternating between the nodes.
func connectHolders(t *testing.T, e *env, nodes ...*node) *holders {
	t.Helper()
	on := func(i int) *node { return nodes[i%len(nodes)] }
	h := &holders{e: e}
	var tokA, tokB string
	h.contactA, tokA = e.newVisitor(t, e.inbox)
	h.contactB, tokB = e.newVisitor(t, e.inbox)
	h.visitorA, h.visitorB = on(0).connect(t, tokA), on(1).connect(t, tokB)
	h.x, h.sessionX = e.newAgent(t, parley.RoleAgent)
	var sessionY string
	h.y, sessionY = e.newAgent(t, parley.RoleSupervisor)
	h.agentX, h.agentY = on(1).connect(t, h.sessionX), on(0).connect(t, sessionY)
	tok, secret, err := e.acct.CreateToken(t.Context(), nil, e.ws.ID, "bot", []parley.Scope{parley.ScopeConversationsRead})
	must(t, err)
	h.app, h.appTokenID = on(1).connect(t, secret), tok.ID
	return h
}

// all returns the holders' connections by name.
func (h *holders) all() map[string]*client {
	return map[string]*client{
		"visitorA": h.visitorA, "visitorB": h.visitorB, "agentX": h.agentX, "agentY": h.agentY, "app": h.app,
	}
}

// TestRevoke: a revocation closes, on every node, exactly the connections
// holding a credential it names, with the documented code and reason.
func TestRevoke(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	tests := []struct {
		name   string
		rev    func(h *holders) parley.Revocation
		closed string // the connection closed, "" for none
		code   websocket.StatusCode
		reason string
	}{
		{"ContactErased", func(h *holders) parley.Revocation {
			return parley.Revocation{WorkspaceID: e.ws.ID, ContactID: h.contactA.ID, Reason: parley.EndContactErased}
		}, "visitorA", realtime.StatusCredentialRevoked, "contact erased"},
		{"ContactMerged", func(h *holders) parley.Revocation {
			return parley.Revocation{WorkspaceID: e.ws.ID, ContactID: h.contactB.ID, MergedInto: h.contactA.ID, Reason: parley.EndContactMerged}
		}, "visitorB", realtime.StatusContactMerged, "contact merged"},
		{"Session", func(h *holders) parley.Revocation {
			p, err := e.acct.AuthenticateSession(t.Context(), h.sessionX)
			must(t, err)
			return parley.Revocation{WorkspaceID: e.ws.ID, SessionID: p.SessionID, Reason: parley.EndRevoked}
		}, "agentX", realtime.StatusCredentialRevoked, "credential revoked"},
		{"AgentDisabled", func(h *holders) parley.Revocation {
			return parley.Revocation{WorkspaceID: e.ws.ID, AgentID: h.x.ID, Reason: parley.EndRevoked}
		}, "agentX", realtime.StatusCredentialRevoked, "credential revoked"},
		{"RoleChanged", func(h *holders) parley.Revocation {
			return parley.Revocation{WorkspaceID: e.ws.ID, AgentID: h.y.ID, Reason: parley.EndRoleChanged}
		}, "agentY", realtime.StatusRoleChanged, "role changed"},
		{"APIToken", func(h *holders) parley.Revocation {
			return parley.Revocation{WorkspaceID: e.ws.ID, TokenID: h.appTokenID, Reason: parley.EndRevoked}
		}, "app", realtime.StatusCredentialRevoked, "credential revoked"},
		{"Inbox", func(h *holders) parley.Revocation {
			return parley.Revocation{WorkspaceID: e.ws.ID, InboxID: e.newInbox(t).ID, Reason: parley.EndRevoked}
		}, "", 0, ""},
		{"OtherWorkspace", func(h *holders) parley.Revocation {
			return parley.Revocation{WorkspaceID: "another", Reason: parley.EndWorkspaceDeleted}
		}, "", 0, ""},
		{"AnotherAgentsID", func(h *holders) parley.Revocation {
			return parley.Revocation{WorkspaceID: e.ws.ID, TokenID: h.x.ID, Reason: parley.EndRevoked}
		}, "", 0, ""},
	}
	for _, topology := range []struct {
		name  string
		nodes func(t *testing.T, e *env) []*node
	}{
		{"OneNode", func(t *testing.T, e *env) []*node { return []*node{e.newNode(t)} }},
		{"TwoNodes", func(t *testing.T, e *env) []*node { return []*node{e.newNode(t), e.newNode(t)} }},
	} {
		t.Run(topology.name, func(t *testing.T) {
			t.Parallel()
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					t.Parallel()
					nodes := topology.nodes(t, e)
					h := connectHolders(t, e, nodes...)
					nodes[0].gw.Revoke(t.Context(), tt.rev(h))
					for name, c := range h.all() {
						if name == tt.closed {
							c.expectClose(tt.code, tt.reason)
						} else if f := c.request(map[string]any{"type": "ping"}); f.Type != "pong" {
							t.Errorf("%s: ping answered with %s", name, f.raw)
						}
					}
				})
			}
			t.Run("Workspace", func(t *testing.T) {
				t.Parallel()
				e := newEnv(t) // a workspace of its own
				nodes := topology.nodes(t, e)
				h := connectHolders(t, e, nodes...)
				nodes[len(nodes)-1].gw.Revoke(t.Context(), parley.Revocation{WorkspaceID: e.ws.ID, Reason: parley.EndWorkspaceDeleted})
				for _, c := range h.all() {
					c.expectClose(realtime.StatusCredentialRevoked, "workspace deleted")
				}
			})
		})
	}
}

// TestOneRevocationSubscription: a gateway holds one bus subscription to
// revocation notices, however many connections it serves, and drops it
// when it closes.
func TestOneRevocationSubscription(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	counting := &countingBus{Bus: e.bus}
	n := e.newNodeWith(t, e.svc, counting)
	if got := counting.subscribes.Load(); got != 1 {
		t.Fatalf("a new gateway placed %d bus subscriptions, want 1", got)
	}
	_, session := e.newAgent(t, parley.RoleAgent)
	for range 10 {
		n.connect(t, session)
	}
	if got := counting.subscribes.Load(); got != 1 {
		t.Errorf("%d bus subscriptions for 10 connections, want 1", got)
	}
	n.gw.Close()
	if got := counting.active.Load(); got != 0 {
		t.Errorf("%d bus subscriptions left after Close", got)
	}
}

// TestRevokedConnectionDoesNothingMore: once Revoke has returned, a frame
// the connection sends is not handled (no send is acknowledged, nothing is
// stored) and nothing more reaches it.
func TestRevokedConnectionDoesNothingMore(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	contact, token := e.newVisitor(t, e.inbox)
	conv := e.start(t, contact)
	c := n.connect(t, token)
	c.subscribe(conv.ID, 0)

	n.gw.Revoke(t.Context(), parley.Revocation{WorkspaceID: e.ws.ID, ContactID: contact.ID, Reason: parley.EndContactErased})
	// The socket is open until the closing handshake; what it sends now is
	// ignored, and a message sent to it is not delivered.
	_ = c.ws.Write(t.Context(), websocket.MessageText, []byte(`{"type":"send","id":"late","conversation_id":"`+conv.ID+`","client_id":"late","body":"too late"}`))
	e.send(t, e.visitorOf(contact), conv.ID, parley.KindText, "from elsewhere")
	c.expectClose(realtime.StatusCredentialRevoked, "contact erased")
	for {
		select {
		case f := <-c.frames:
			t.Errorf("a revoked connection received %s", f.raw)
			continue
		default:
		}
		break
	}
	msgs, err := e.svc.Messages(t.Context(), e.visitorOf(contact), conv.ID, parley.MessageQuery{})
	must(t, err)
	for _, m := range msgs {
		if m.Body == "too late" {
			t.Errorf("a revoked connection's send was stored: %+v", m)
		}
	}
}

// TestRecheckAlone: with no notice at all (the credential ended in the
// store directly, as `parley admin` does), the periodic recheck closes the
// connection; one whose credential holds stays.
func TestRecheckAlone(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t, func(c *realtime.Config) {
		c.CredentialRecheck = 50 * time.Millisecond
		c.RevocationSubject = "" // no bus notices
	})
	a, session := e.newAgent(t, parley.RoleAgent)
	b, other := e.newAgent(t, parley.RoleSupervisor)
	_, kept := e.newAgent(t, parley.RoleAgent)
	_, appToken, err := e.acct.CreateToken(t.Context(), nil, e.ws.ID, "bot", []parley.Scope{parley.ScopeConversationsRead})
	must(t, err)
	ended, demoted, stays, app := n.connect(t, session), n.connect(t, other), n.connect(t, kept), n.connect(t, appToken)

	_, err = e.store.DeleteAgentSessions(t.Context(), e.ws.ID, a.ID)
	must(t, err)
	_, err = e.store.UpdateAgent(t.Context(), parley.SystemActor, e.ws.ID, b.ID, parley.AgentUpdate{Role: ptr(parley.RoleAgent)})
	must(t, err)
	tokens, err := e.store.ListAPITokens(t.Context(), e.ws.ID, parley.ListOptions{})
	must(t, err)
	must(t, e.store.RevokeAPIToken(t.Context(), parley.SystemActor, e.ws.ID, tokens.Items[0].ID))

	ended.expectClose(realtime.StatusCredentialRevoked, "credential revoked")
	demoted.expectClose(realtime.StatusRoleChanged, "role changed")
	app.expectClose(realtime.StatusCredentialRevoked, "credential revoked")
	if all, rechecked := realtime.Revoked(n.gw); all != 3 || rechecked != 3 {
		t.Errorf("revoked %d connections, %d by the recheck; want 3 by the recheck", all, rechecked)
	}
	if f := stays.request(map[string]any{"type": "ping"}); f.Type != "pong" {
		t.Errorf("ping answered with %s", f.raw)
	}
}

// slowAuth holds every Authenticate until release is closed, once it has
// told started.
type slowAuth struct {
	*authenticator
	started chan struct{}
	release chan struct{}
	once    sync.Once
}

func (a *slowAuth) Authenticate(ctx context.Context, token string) (realtime.Identity, error) {
	id, err := a.authenticator.Authenticate(ctx, token)
	a.once.Do(func() { close(a.started) })
	<-a.release
	return id, err
}

// TestRevokedWhileAuthenticating: a connection whose credential was read
// just before it ended, and the notice came before the connection was
// registered, is closed as soon as it is.
func TestRevokedWhileAuthenticating(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	auth := &slowAuth{authenticator: e.auth, started: make(chan struct{}), release: make(chan struct{})}
	n := e.newNode(t, func(c *realtime.Config) { c.Authenticator = auth })
	contact, token := e.newVisitor(t, e.inbox)
	c := n.dial(t, dialOptions{header: http.Header{"Origin": {shopOrigin}}})
	c.write(map[string]any{"type": "auth", "token": token})
	<-auth.started
	n.gw.Revoke(t.Context(), parley.Revocation{WorkspaceID: e.ws.ID, ContactID: contact.ID, Reason: parley.EndContactErased})
	close(auth.release)
	c.expectClose(realtime.StatusCredentialRevoked, "contact erased")
}

// TestRevocationRacesAuthentication: revocations of a visitor arrive on
// another goroutine while its connection authenticates, a hundred times
// over. Run with -race: a revocation that sees the new identity reads what
// authenticate set with it. Each connection ends with the revocation's code.
func TestRevocationRacesAuthentication(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	for range 100 {
		contact, token := e.newVisitor(t, e.inbox)
		rev := parley.Revocation{WorkspaceID: e.ws.ID, ContactID: contact.ID, Reason: parley.EndContactErased}
		c := n.dial(t, dialOptions{header: http.Header{"Origin": {shopOrigin}}})
		done := make(chan struct{})
		go func() {
			defer close(done)
			for range 30 {
				n.gw.Revoke(t.Context(), rev)
			}
		}()
		c.write(map[string]any{"type": "auth", "token": token})
		<-done
		c.startReading()
		select {
		case f := <-c.frames: // authenticated after every revocation: one more
			if f.Type != "ready" {
				t.Fatalf("got %s, want ready or the close", f.raw)
			}
			n.gw.Revoke(t.Context(), rev)
		case <-c.done:
		}
		c.expectClose(realtime.StatusCredentialRevoked, "contact erased")
	}
}

func ptr[T any](v T) *T { return &v }

// recoveringBus is the real bus whose recovery the test announces.
type recoveringBus struct {
	parley.Bus
	mu  sync.Mutex
	fns []func(time.Time)
}

func (b *recoveringBus) OnRecovered(fn func(time.Time)) func() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.fns = append(b.fns, fn)
	return b.Bus.OnRecovered(fn)
}

func (b *recoveringBus) recovered(since time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, fn := range b.fns {
		fn(since)
	}
}

// TestRecheckAfterBusRecovery: once the bus recovers from an outage, which
// may have lost revocation notices, the credentials are checked again at
// once, not at the next tick.
func TestRecheckAfterBusRecovery(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	b := &recoveringBus{Bus: e.bus}
	n := e.newNodeWith(t, e.svc, b, func(c *realtime.Config) { c.CredentialRecheck = time.Hour })
	a, session := e.newAgent(t, parley.RoleAgent)
	c := n.connect(t, session)
	_, err := e.store.DeleteAgentSessions(t.Context(), e.ws.ID, a.ID) // as if the notice were lost
	must(t, err)
	b.recovered(time.Now().Add(-time.Second))
	c.expectClose(realtime.StatusCredentialRevoked, "credential revoked")
}
