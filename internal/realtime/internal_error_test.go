package realtime_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/bus"
	"github.com/parleychat/parley/internal/conversation"
	"github.com/parleychat/parley/internal/realtime"
)

// stallingStore is the env's store whose ListMessages, for one
// conversation, announces itself on entered and then fails: with fail, or
// once its context ends (as a database read does when the connection that
// asked for it is closed).
type stallingStore struct {
	parley.Store
	conversationID string
	entered        chan struct{}
	fail           error
}

func (s *stallingStore) ListMessages(ctx context.Context, ws, conv string, q parley.MessageQuery) ([]*parley.Message, error) {
	if conv != s.conversationID {
		return s.Store.ListMessages(ctx, ws, conv, q)
	}
	s.entered <- struct{}{}
	if s.fail != nil {
		return nil, s.fail
	}
	<-ctx.Done()
	return nil, ctx.Err()
}

// syncBuffer is a log destination safe for concurrent writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) records(t *testing.T) []map[string]any {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(b.buf.String()), "\n") {
		if line == "" {
			continue
		}
		var r map[string]any
		must(t, json.Unmarshal([]byte(line), &r))
		out = append(out, r)
	}
	return out
}

// TestSubscribeWhileServerCloses: a subscribe whose replay is under way
// when the server cuts the connection (here a revocation; under load a
// slow-consumer close) is not answered "internal": the close frame says
// why the connection ended. The replay failed only because the close
// cancelled it.
func TestSubscribeWhileServerCloses(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	contact, token := e.newVisitor(t, e.inbox)
	conv := e.start(t, contact)
	for _, body := range []string{"one", "two", "three"} {
		e.send(t, e.visitorOf(contact), conv.ID, parley.KindText, body)
	}
	st := &stallingStore{Store: e.store, conversationID: conv.ID, entered: make(chan struct{}, 1)}
	svc, err := conversation.New(conversation.Config{Store: st, Bus: e.bus, Subject: bus.Subject, Logger: discard})
	must(t, err)
	t.Cleanup(func() { svc.Close() })
	var logs syncBuffer
	n := e.newNodeWith(t, svc, e.bus, func(c *realtime.Config) {
		c.Logger = slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})

	c := n.connect(t, token)
	c.write(map[string]any{"type": "subscribe", "id": "resume-1", "conversation_id": conv.ID, "after_seq": 1})
	<-st.entered // the replay reads the database
	n.gw.Revoke(t.Context(), parley.Revocation{WorkspaceID: e.ws.ID, ContactID: contact.ID, Reason: parley.EndContactErased})
	c.expectClose(realtime.StatusCredentialRevoked, "contact erased")
	for {
		select {
		case f := <-c.frames:
			if f.Type == "error" {
				t.Errorf("answered %s while the server closed the connection", f.raw)
			}
			continue
		default:
		}
		break
	}
	for _, r := range logs.records(t) {
		if r["level"] == "ERROR" {
			t.Errorf("logged an error for a request the close cancelled: %v", r)
		}
	}
}

// TestInternalErrorLogged: every "internal" answer is logged with its
// cause and the id of the request it answers.
func TestInternalErrorLogged(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	contact, token := e.newVisitor(t, e.inbox)
	conv := e.start(t, contact)
	e.send(t, e.visitorOf(contact), conv.ID, parley.KindText, "hello")
	st := &stallingStore{Store: e.store, conversationID: conv.ID, entered: make(chan struct{}, 1),
		fail: errors.New("disk on fire")}
	svc, err := conversation.New(conversation.Config{Store: st, Bus: e.bus, Subject: bus.Subject, Logger: discard})
	must(t, err)
	t.Cleanup(func() { svc.Close() })
	var logs syncBuffer
	n := e.newNodeWith(t, svc, e.bus, func(c *realtime.Config) {
		c.Logger = slog.New(slog.NewJSONHandler(&logs, nil))
	})

	c := n.connect(t, token)
	f := c.request(map[string]any{"type": "subscribe", "conversation_id": conv.ID, "after_seq": 0})
	if f.Type != "error" || f.Code != parley.EINTERNAL || f.text(t) != "Internal error." {
		t.Fatalf("got %s, want an internal error saying no more than that", f.raw)
	}
	found := false
	for _, r := range logs.records(t) {
		if r["level"] == "ERROR" && r["request"] == f.ID && strings.Contains(r["err"].(string), "disk on fire") {
			found = true
		}
	}
	if !found {
		t.Errorf("no error logged with request %q and its cause; logs: %v", f.ID, logs.records(t))
	}
}
