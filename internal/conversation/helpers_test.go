package conversation_test

import (
	"crypto/rand"
	"encoding/json"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/bus"
	"github.com/parleychat/parley/internal/conversation"
	"github.com/parleychat/parley/internal/store"
)

// wait bounds every wait for an asynchronous notification.
const wait = 5 * time.Second

var discard = slog.New(slog.DiscardHandler)

// env is a service over a real SQLite store and the real embedded bus,
// with a workspace, an inbox, agents and a visitor.
type env struct {
	store  *store.Store
	bus    *bus.Bus
	heard  *listener // every notification of ws
	svc    *conversation.Service
	ws     *parley.Workspace
	inbox  *parley.Inbox
	admin  *parley.Agent
	agent  *parley.Agent
	agent2 *parley.Agent
	bot    *parley.Agent
	// visitor is the contact of the env's visitor.
	visitor *parley.Contact
}

func newEnv(t testing.TB, mods ...func(*conversation.Config)) *env {
	t.Helper()
	return newEnvOn(t, filepath.Join(t.TempDir(), "parley.db"), mods...)
}

// newEnvOn is newEnv on the database dsn names (a SQLite path or a
// postgres:// URL).
func newEnvOn(t testing.TB, dsn string, mods ...func(*conversation.Config)) *env {
	t.Helper()
	ctx := t.Context()
	st, err := store.Open(ctx, dsn, discard)
	must(t, err)
	t.Cleanup(func() { st.Close() })
	b, err := bus.Open(ctx, bus.Config{StoreDir: t.TempDir(), Name: "parley-test"}, discard)
	must(t, err)
	t.Cleanup(func() { b.Close() })
	cfg := conversation.Config{Store: st, Bus: b, Subject: bus.Subject, Logger: discard}
	for _, mod := range mods {
		mod(&cfg)
	}
	svc, err := conversation.New(cfg)
	must(t, err)
	t.Cleanup(func() { svc.Close() })

	e := &env{store: st, bus: b, svc: svc}
	e.ws = &parley.Workspace{Slug: "ws-" + unique(), Name: "Test"}
	must(t, st.CreateWorkspace(ctx, parley.SystemActor, e.ws))
	e.heard = listen(t, b, subject(t, e.ws.ID)+".>")
	e.inbox = e.newInbox(t, parley.ConversationSettings{})
	e.admin = e.newAgent(t, parley.RoleAdmin, false)
	e.agent = e.newAgent(t, parley.RoleAgent, false)
	e.agent2 = e.newAgent(t, parley.RoleAgent, false)
	e.bot = e.newAgent(t, parley.RoleAgent, true)
	e.visitor = e.newContact(t)
	return e
}

func (e *env) newInbox(t testing.TB, settings parley.ConversationSettings) *parley.Inbox {
	t.Helper()
	in := &parley.Inbox{WorkspaceID: e.ws.ID, Name: "Website", Conversation: settings}
	must(t, e.store.CreateInbox(t.Context(), parley.SystemActor, in))
	return in
}

func (e *env) newAgent(t testing.TB, role parley.Role, bot bool) *parley.Agent {
	t.Helper()
	a := &parley.Agent{WorkspaceID: e.ws.ID, Email: unique() + "@example.com", Name: "Agent", Role: role, Bot: bot}
	must(t, e.store.CreateAgent(t.Context(), parley.SystemActor, a, ""))
	return a
}

func (e *env) newContact(t testing.TB) *parley.Contact {
	t.Helper()
	c := &parley.Contact{WorkspaceID: e.ws.ID, Name: "Visitor"}
	must(t, e.store.CreateContact(t.Context(), c))
	return c
}

// as returns the caller of an agent, with its role's scopes.
func (e *env) as(a *parley.Agent) conversation.Caller {
	return conversation.Staff(&parley.Principal{
		Actor:       parley.Actor{Type: parley.ActorAgent, ID: a.ID, Name: a.Email},
		WorkspaceID: a.WorkspaceID, AgentID: a.ID, Role: a.Role,
		Scopes: parley.NewScopeSet(parley.RoleScopes(a.Role)...),
	}, a.Bot)
}

// token returns the caller of an API token holding scopes.
func (e *env) token(scopes ...parley.Scope) conversation.Caller {
	return conversation.Staff(&parley.Principal{
		Actor:       parley.Actor{Type: parley.ActorToken, ID: "token-" + unique(), Name: "CRM"},
		WorkspaceID: e.ws.ID, Scopes: parley.NewScopeSet(scopes...),
	}, false)
}

func (e *env) visitorOf(c *parley.Contact) conversation.Caller {
	return conversation.Visitor(e.ws.ID, c.ID)
}

// start creates an open conversation of contact c in the env's inbox.
func (e *env) start(t testing.TB, c *parley.Contact) *parley.Conversation {
	t.Helper()
	conv, err := e.svc.CreateConversation(t.Context(), e.visitorOf(c), conversation.NewConversation{InboxID: e.inbox.ID})
	must(t, err)
	return conv
}

// send sends a text message and fails the test on error.
func (e *env) send(t testing.TB, c conversation.Caller, convID, body string) *conversation.SendResult {
	t.Helper()
	r, err := e.svc.Send(t.Context(), c, conversation.SendInput{ConversationID: convID, Body: body})
	must(t, err)
	return r
}

// pending starts a conversation of the env's visitor and writes in it.
func (e *env) pending(t testing.TB) *parley.Conversation {
	t.Helper()
	conv := e.start(t, e.visitor)
	return e.send(t, e.visitorOf(e.visitor), conv.ID, "Hello?").Conversation
}

// listener records the notifications heard on a subject (with wildcards).
type listener struct {
	mu    sync.Mutex
	heard []heard
	stop  func() error
}

type heard struct {
	subject string
	event   *parley.Event
}

func listen(t testing.TB, b *bus.Bus, subject string) *listener {
	t.Helper()
	l := &listener{}
	unsub, err := b.Subscribe(subject, func(subj string, data []byte) {
		var ev parley.Event
		if err := json.Unmarshal(data, &ev); err != nil {
			t.Errorf("notification %s: %v", data, err)
			return
		}
		l.mu.Lock()
		l.heard = append(l.heard, heard{subj, &ev})
		l.mu.Unlock()
	})
	must(t, err)
	l.stop = unsub
	t.Cleanup(func() { unsub() })
	must(t, b.Ping(t.Context())) // the subscription is in place
	return l
}

// on returns the notifications heard on subject, in order.
func (l *listener) on(subject string) []*parley.Event {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []*parley.Event
	for _, h := range l.heard {
		if h.subject == subject {
			out = append(out, h.event)
		}
	}
	return out
}

// typesOn returns the types of the notifications heard on subject.
func (l *listener) typesOn(subject string) []parley.EventType {
	var out []parley.EventType
	for _, ev := range l.on(subject) {
		out = append(out, ev.Type)
	}
	return out
}

// waitForMessage waits until the message with id was heard on subject;
// what was published on it before has arrived by then.
func (l *listener) waitForMessage(t testing.TB, subject, id string) {
	t.Helper()
	waitFor(t, "message "+id+" on "+subject, func() bool {
		for _, ev := range l.on(subject) {
			if ev.Type == parley.EventMessageCreated && messageOf(t, ev).ID == id {
				return true
			}
		}
		return false
	})
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// messageOf decodes the message of a message.* notification.
func messageOf(t testing.TB, ev *parley.Event) *parley.Message {
	t.Helper()
	var d parley.MessageEventData
	must(t, json.Unmarshal(ev.Payload, &d))
	return d.Message
}

func unique() string { return strings.ToLower(rand.Text()[:12]) }

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func wantCode(t testing.TB, err error, code string) {
	t.Helper()
	if got := parley.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

func diff(t testing.TB, want, got any) {
	t.Helper()
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("mismatch (-want +got):\n%s", d)
	}
}

func subject(t testing.TB, ws string, parts ...string) string {
	t.Helper()
	s, err := bus.Subject(ws, parts...)
	must(t, err)
	return s
}

// race runs fn(i) for i in [0, n) on as many goroutines, released at once,
// and returns their errors by i.
func race(n int, fn func(i int) error) []error {
	errs := make([]error, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			errs[i] = fn(i)
		})
	}
	close(start)
	wg.Wait()
	return errs
}
