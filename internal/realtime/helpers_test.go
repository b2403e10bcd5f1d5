package realtime_test

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
	"github.com/parleychat/parley/internal/bus"
	"github.com/parleychat/parley/internal/conversation"
	"github.com/parleychat/parley/internal/realtime"
	"github.com/parleychat/parley/internal/store"
)

// wait bounds every wait for something asynchronous.
const wait = 10 * time.Second

// consoleOrigin is the PublicOrigin of every test gateway.
const consoleOrigin = "https://console.example"

// shopOrigin is the origin the env's inbox allows.
const shopOrigin = "https://shop.example"

const password = "correct horse battery staple"

var discard = slog.New(slog.DiscardHandler)

// env is a workspace in a real SQLite store, with the real embedded bus, the
// real conversation and account services, and gateways served by httptest.
type env struct {
	store *store.Store
	bus   parley.Bus
	svc   *conversation.Service
	acct  *account.Service
	auth  *authenticator
	ws    *parley.Workspace
	// inbox allows shopOrigin only.
	inbox *parley.Inbox
}

func newEnv(t *testing.T) *env {
	t.Helper()
	ctx := t.Context()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "parley.db"), discard)
	must(t, err)
	t.Cleanup(func() { st.Close() })
	b, err := bus.Open(ctx, bus.Config{StoreDir: t.TempDir(), Name: "parley-test"}, discard)
	must(t, err)
	t.Cleanup(func() { b.Close() })
	e := &env{store: st, bus: b, acct: account.New(st, account.Options{Logger: discard})}
	e.svc = e.newService(t, b)
	e.auth = &authenticator{acct: e.acct, store: st, visitors: map[string]realtime.Identity{}}
	e.ws = &parley.Workspace{Slug: "ws-" + unique(), Name: "Test"}
	must(t, st.CreateWorkspace(ctx, parley.SystemActor, e.ws))
	e.inbox = e.newInbox(t, shopOrigin)
	return e
}

// newService returns a conversation service over the env's store and b.
func (e *env) newService(t *testing.T, b parley.Bus) *conversation.Service {
	t.Helper()
	svc, err := conversation.New(conversation.Config{Store: e.store, Bus: b, Subject: bus.Subject, Logger: discard})
	must(t, err)
	t.Cleanup(func() { svc.Close() })
	return svc
}

func (e *env) newInbox(t *testing.T, origins ...string) *parley.Inbox {
	t.Helper()
	in := &parley.Inbox{WorkspaceID: e.ws.ID, Name: "Website", AllowedOrigins: origins}
	must(t, e.store.CreateInbox(t.Context(), parley.SystemActor, in))
	return in
}

// newAgent creates an agent and logs it in; it returns the agent and its
// console session secret (the cookie's value, also usable as a token).
func (e *env) newAgent(t *testing.T, role parley.Role) (*parley.Agent, string) {
	t.Helper()
	a := &parley.Agent{WorkspaceID: e.ws.ID, Email: unique() + "@example.com", Name: "Agent " + unique(), Role: role}
	must(t, e.acct.CreateAgent(t.Context(), parley.SystemActor, a, password))
	_, secret, _, err := e.acct.Login(t.Context(), e.ws.Slug, a.Email, password, "127.0.0.1", "test")
	must(t, err)
	return a, secret
}

// newVisitor creates a contact with a visitor session in inbox and returns
// the contact and the session's token.
func (e *env) newVisitor(t *testing.T, inbox *parley.Inbox) (*parley.Contact, string) {
	t.Helper()
	c := &parley.Contact{WorkspaceID: e.ws.ID, Name: "Visitor " + unique()}
	must(t, e.store.CreateContact(t.Context(), c))
	return c, e.visitorToken(c, inbox, time.Time{})
}

// visitorToken returns a new visitor token of contact c in inbox, expiring
// at expiresAt (zero: never).
func (e *env) visitorToken(c *parley.Contact, inbox *parley.Inbox, expiresAt time.Time) string {
	token := "visitor_" + rand.Text()
	e.auth.mu.Lock()
	e.auth.visitors[token] = realtime.Identity{
		Caller: conversation.Visitor(e.ws.ID, c.ID), Visitor: true,
		InboxID: inbox.ID, AllowedOrigins: inbox.AllowedOrigins, ExpiresAt: expiresAt,
		// A visitor session of the table's, not the store's: revocations of
		// its contact close it, the recheck leaves it alone.
		Principal: &parley.Principal{
			Actor:       parley.Actor{Type: parley.ActorContact, ID: c.ID},
			WorkspaceID: e.ws.ID, ContactID: c.ID, InboxID: inbox.ID, ExpiresAt: expiresAt,
			Credential: parley.Credential{Kind: parley.CredentialVisitorSession},
		},
	}
	e.auth.mu.Unlock()
	return token
}

// agentToken returns a new bearer token of the agent whose console session
// is session, expiring at expiresAt.
func (e *env) agentToken(t *testing.T, session string, expiresAt time.Time) string {
	t.Helper()
	p, err := e.acct.AuthenticateSession(t.Context(), session)
	must(t, err)
	token := "agent_" + rand.Text()
	e.auth.mu.Lock()
	e.auth.visitors[token] = realtime.Identity{Caller: conversation.Staff(p, false), Principal: p, ExpiresAt: expiresAt}
	e.auth.mu.Unlock()
	return token
}

// start creates an open conversation of contact c in the env's inbox.
func (e *env) start(t *testing.T, c *parley.Contact) *parley.Conversation {
	t.Helper()
	conv, err := e.svc.CreateConversation(t.Context(), e.visitorOf(c), conversation.NewConversation{InboxID: e.inbox.ID})
	must(t, err)
	return conv
}

func (e *env) visitorOf(c *parley.Contact) conversation.Caller {
	return conversation.Visitor(e.ws.ID, c.ID)
}

func (e *env) agentOf(a *parley.Agent) conversation.Caller {
	return conversation.Staff(&parley.Principal{
		Actor:       parley.Actor{Type: parley.ActorAgent, ID: a.ID, Name: a.Email},
		WorkspaceID: a.WorkspaceID, AgentID: a.ID, Role: a.Role,
		Scopes: parley.NewScopeSet(parley.RoleScopes(a.Role)...),
	}, a.Bot)
}

// send sends a message through the service and fails the test on error.
func (e *env) send(t testing.TB, c conversation.Caller, convID string, kind parley.MessageKind, body string) *parley.Message {
	t.Helper()
	r, err := e.svc.Send(context.Background(), c, conversation.SendInput{ConversationID: convID, Kind: kind, Body: body})
	if err != nil {
		t.Errorf("send %q: %v", body, err)
		return nil
	}
	return r.Message
}

// node is one gateway served over HTTP: one Parley node.
type node struct {
	gw  *realtime.Gateway
	url string // ws://…/api/v1/realtime
}

// newNode starts a gateway over the env's service and bus.
func (e *env) newNode(t *testing.T, mods ...func(*realtime.Config)) *node {
	return e.newNodeWith(t, e.svc, e.bus, mods...)
}

func (e *env) newNodeWith(t *testing.T, svc *conversation.Service, b parley.Bus, mods ...func(*realtime.Config)) *node {
	t.Helper()
	cfg := realtime.Config{
		Conversations: svc, Bus: b, Authenticator: e.auth, Logger: discard,
		PublicOrigin: consoleOrigin, RevocationSubject: bus.RevocationSubject,
	}
	for _, mod := range mods {
		mod(&cfg)
	}
	gw, err := realtime.New(cfg)
	must(t, err)
	mux := http.NewServeMux()
	mux.Handle("GET "+realtime.Path, gw)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	t.Cleanup(gw.Close) // runs first: ends the hijacked connections
	return &node{gw: gw, url: "ws" + strings.TrimPrefix(srv.URL, "http") + realtime.Path}
}

// authenticator is a table of visitor sessions over real contacts and
// inboxes (and of agent tokens with an expiry); staff credentials (session
// secrets and API tokens) are checked by the real account service.
type authenticator struct {
	acct     *account.Service
	store    parley.Store
	mu       sync.Mutex
	visitors map[string]realtime.Identity
}

func (a *authenticator) Authenticate(ctx context.Context, token string) (realtime.Identity, error) {
	a.mu.Lock()
	id, ok := a.visitors[token]
	a.mu.Unlock()
	if ok {
		return id, nil
	}
	var p *parley.Principal
	var err error
	if strings.HasPrefix(token, account.SessionPrefix) {
		p, err = a.acct.AuthenticateSession(ctx, token)
	} else {
		p, err = a.acct.AuthenticateBearer(ctx, token) // API tokens and apps' access tokens
	}
	if err != nil {
		return realtime.Identity{}, err
	}
	return a.staff(ctx, p)
}

// Refresh authenticates token as a new connection would; the gateway
// checks that it is the same holder's.
func (a *authenticator) Refresh(ctx context.Context, _ realtime.Identity, token string) (realtime.Identity, error) {
	return a.Authenticate(ctx, token)
}

// Recheck checks the credentials in the store, as the application does.
func (a *authenticator) Recheck(ctx context.Context, ids []*realtime.Identity) ([]parley.EndReason, error) {
	ps := make([]*parley.Principal, len(ids))
	for i, id := range ids {
		ps[i] = id.Principal
	}
	return parley.RecheckPrincipals(ctx, a.store, ps, time.Now())
}

func (a *authenticator) AuthenticateCookie(ctx context.Context, r *http.Request) (realtime.Identity, bool, error) {
	ck, err := r.Cookie("parley_session")
	if err != nil {
		return realtime.Identity{}, false, nil
	}
	p, err := a.acct.AuthenticateSession(ctx, ck.Value)
	if err != nil {
		return realtime.Identity{}, true, err
	}
	id, err := a.staff(ctx, p)
	return id, true, err
}

func (a *authenticator) staff(ctx context.Context, p *parley.Principal) (realtime.Identity, error) {
	bot := false
	if p.AgentID != "" {
		ag, err := a.store.FindAgentByID(ctx, p.WorkspaceID, p.AgentID)
		if err != nil {
			return realtime.Identity{}, err
		}
		bot = ag.Bot
	}
	return realtime.Identity{Caller: conversation.Staff(p, bot), Principal: p}, nil
}

// frame is any frame the server sends. Fields whose JSON type depends on
// the frame type are kept raw.
type frame struct {
	Type           string               `json:"type"`
	ID             string               `json:"id"`
	Code           string               `json:"code"`
	RawMessage     json.RawMessage      `json:"message"` // an error's text, or a message
	Fields         []fieldError         `json:"fields"`
	Duplicate      bool                 `json:"duplicate"`
	ConversationID string               `json:"conversation_id"`
	LastSeq        int64                `json:"last_seq"`
	LastReadSeq    int64                `json:"last_read_seq"`
	Conversation   *parley.Conversation `json:"conversation"`
	RawEvent       json.RawMessage      `json:"event"` // a conversation frame's type, or a feed event
	By             *parley.Participant  `json:"by"`
	Participant    *parley.Participant  `json:"participant"`
	Note           bool                 `json:"note"`
	Visitor        bool                 `json:"visitor"`
	WorkspaceID    string               `json:"workspace_id"`
	Heartbeat      int64                `json:"heartbeat_interval_ms"`
	ExpiresAt      *time.Time           `json:"expires_at"`
	Reason         string               `json:"reason"`
	Cursor         string               `json:"cursor"`
	raw            string
}

type fieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// message returns the message a frame carries.
func (f frame) message(t testing.TB) *parley.Message {
	t.Helper()
	var m parley.Message
	if err := json.Unmarshal(f.RawMessage, &m); err != nil {
		t.Fatalf("frame %s carries no message: %v", f.raw, err)
	}
	return &m
}

// text returns an error frame's message.
func (f frame) text(t testing.TB) string {
	t.Helper()
	var s string
	if err := json.Unmarshal(f.RawMessage, &s); err != nil {
		t.Fatalf("frame %s has no text message: %v", f.raw, err)
	}
	return s
}

func (f frame) event(t testing.TB) *parley.Event {
	t.Helper()
	var ev parley.Event
	if err := json.Unmarshal(f.RawEvent, &ev); err != nil {
		t.Fatalf("frame %s carries no event: %v", f.raw, err)
	}
	return &ev
}

// client is a WebSocket client. Unless told otherwise it reads all the
// time in the background (and so answers the server's pings); frames wait
// in a channel.
type client struct {
	t      testing.TB
	ws     *websocket.Conn
	frames chan frame
	done   chan struct{} // closed when reading stopped; err says why
	err    error
	once   sync.Once
	pings  atomic.Int64
	// pending holds frames put back by request, read again first.
	pending []frame
}

type dialOptions struct {
	header    http.Header
	query     string // appended to the URL
	noReading bool   // the test calls startReading itself
	deaf      bool   // never answer pings
}

func (n *node) dial(t testing.TB, opts dialOptions) *client {
	t.Helper()
	c := &client{t: t, frames: make(chan frame, 100_000), done: make(chan struct{})}
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	ws, _, err := websocket.Dial(ctx, n.url+opts.query, &websocket.DialOptions{
		HTTPHeader: opts.header,
		OnPingReceived: func(context.Context, []byte) bool {
			c.pings.Add(1)
			return !opts.deaf
		},
	})
	if err != nil {
		t.Fatalf("dial %s: %v", n.url, err)
	}
	ws.SetReadLimit(1 << 20)
	c.ws = ws
	t.Cleanup(func() { ws.CloseNow() })
	if !opts.noReading {
		c.startReading()
	}
	return c
}

func (c *client) startReading() {
	c.once.Do(func() {
		go func() {
			defer close(c.done)
			for {
				_, data, err := c.ws.Read(context.Background())
				if err != nil {
					c.err = err
					return
				}
				f := frame{raw: string(data)}
				if err := json.Unmarshal(data, &f); err != nil {
					c.err = err
					return
				}
				c.frames <- f
			}
		}()
	})
}

// connect dials n and authenticates with token, expecting ready.
func (n *node) connect(t testing.TB, token string) *client {
	t.Helper()
	c := n.dial(t, dialOptions{})
	c.write(map[string]any{"type": "auth", "token": token})
	c.expect("ready")
	return c
}

func (c *client) write(v any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	if err := wsjson.Write(ctx, c.ws, v); err != nil {
		c.t.Fatalf("write %v: %v", v, err)
	}
}

func (c *client) writeRaw(typ websocket.MessageType, data []byte) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	if err := c.ws.Write(ctx, typ, data); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

// read returns the next frame.
func (c *client) read() frame {
	c.t.Helper()
	return c.readUntil(time.Now().Add(wait))
}

// readUntil returns the next frame, failing the test if none comes before
// deadline.
func (c *client) readUntil(deadline time.Time) frame {
	c.t.Helper()
	if len(c.pending) > 0 {
		f := c.pending[0]
		c.pending = c.pending[1:]
		return f
	}
	select {
	case f := <-c.frames:
		return f
	default:
	}
	select {
	case f := <-c.frames:
		return f
	case <-c.done:
		select {
		case f := <-c.frames:
			return f
		default:
		}
		c.t.Fatalf("connection ended: %v", c.err)
	case <-time.After(time.Until(deadline)):
		c.t.Fatalf("no frame by %s", deadline.Format(time.StampMilli))
	}
	panic("unreachable")
}

// expect reads the next frame and checks its type.
func (c *client) expect(typ string) frame {
	c.t.Helper()
	f := c.read()
	if f.Type != typ {
		c.t.Fatalf("got frame %s, want type %q", f.raw, typ)
	}
	return f
}

// nextMessage skips frames until a message frame and returns its message.
// Skipped frames may only be state, typing and read frames.
func (c *client) nextMessage() *parley.Message {
	c.t.Helper()
	for {
		f := c.read()
		switch f.Type {
		case "message":
			return f.message(c.t)
		case "conversation", "typing", "read":
		default:
			c.t.Fatalf("got frame %s while waiting for a message", f.raw)
		}
	}
}

// request writes v with an id and returns the answer; notifications
// received meanwhile are read again afterwards.
func (c *client) request(v map[string]any) frame {
	c.t.Helper()
	id := "r-" + unique()
	v["id"] = id
	c.write(v)
	var skipped []frame
	defer func() { c.pending = append(skipped, c.pending...) }()
	for {
		f := c.read()
		if f.ID == id {
			return f
		}
		switch f.Type {
		case "message", "conversation", "typing", "read", "event", "message.updated", "message.deleted", "token_expiring":
			skipped = append(skipped, f)
		default:
			c.t.Fatalf("got frame %s while waiting for the answer to %v", f.raw, v)
		}
	}
}

// subscribe subscribes to a conversation and returns the messages replayed
// and the subscribed frame.
func (c *client) subscribe(convID string, afterSeq int64) ([]*parley.Message, frame) {
	c.t.Helper()
	id := "s-" + unique()
	c.write(map[string]any{"type": "subscribe", "id": id, "conversation_id": convID, "after_seq": afterSeq})
	var msgs []*parley.Message
	for {
		f := c.read()
		switch {
		case f.Type == "message" && f.ConversationID == convID:
			msgs = append(msgs, f.message(c.t))
		case f.Type == "subscribed" && f.ID == id:
			return msgs, f
		case f.Type == "error" && f.ID == id:
			c.t.Fatalf("subscribe %s: %s", convID, f.raw)
		}
	}
}

// expectClose reads until the connection ends and checks its close code.
func (c *client) expectClose(code websocket.StatusCode, reason string) {
	c.t.Helper()
	c.startReading()
	select {
	case <-c.done:
	case <-time.After(2 * wait):
		c.t.Fatalf("connection still open after %s", 2*wait)
	}
	var ce websocket.CloseError
	if !errors.As(c.err, &ce) {
		c.t.Fatalf("connection ended with %v, want close %d", c.err, code)
	}
	if ce.Code != code || (reason != "" && ce.Reason != reason) {
		c.t.Fatalf("closed with %d %q, want %d %q", ce.Code, ce.Reason, code, reason)
	}
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	waitWithin(t, wait, what, cond)
}

// waitWithin is waitFor with its own deadline, for conditions whose time
// grows with the load of the machine (hundreds of connections settling
// under -race while other packages' tests run).
func waitWithin(t testing.TB, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func unique() string { return strings.ToLower(rand.Text()[:12]) }

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func seqs(msgs []*parley.Message) []int64 {
	out := make([]int64, len(msgs))
	for i, m := range msgs {
		out[i] = m.Seq
	}
	return out
}

func seqRange(from, to int64) []int64 {
	var out []int64
	for s := from; s <= to; s++ {
		out = append(out, s)
	}
	return out
}
