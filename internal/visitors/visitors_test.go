package visitors_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/browsertest"
	"github.com/parleychat/parley/internal/config"
	"github.com/parleychat/parley/internal/testenv"
)

const wait = 30 * time.Second

// twoNodes starts two nodes sharing one database (PostgreSQL when
// configured, else one SQLite file) and one NATS server.
func twoNodes(t *testing.T) (a, b *browsertest.Server) {
	t.Helper()
	dbURL := "sqlite:" + filepath.Join(t.TempDir(), "shared.db")
	if os.Getenv(testenv.PostgresEnv) != "" {
		dbURL = testenv.PostgresURL(t)
	}
	natsURL := os.Getenv(testenv.NATSEnv)
	if natsURL == "" {
		natsURL = "nats://" + testenv.StartNATS(t).Addr()
	}
	shared := func(c *config.Config) { c.DatabaseURL, c.NATSURL = dbURL, natsURL }
	return browsertest.StartServer(t, shared), browsertest.StartServer(t, shared)
}

type response struct {
	status int
	body   map[string]any
}

func call(t *testing.T, method, url, token string, body any) response {
	t.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, url, r)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	out := response{status: res.StatusCode}
	raw, _ := io.ReadAll(res.Body)
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &out.body); err != nil {
			t.Fatalf("%s %s: %d %s", method, url, res.StatusCode, raw)
		}
	}
	return out
}

func token(t *testing.T, s *browsertest.Server, workspaceID string, scopes ...parley.Scope) string {
	t.Helper()
	_, sec, err := s.App.Accounts.CreateToken(t.Context(), nil, workspaceID, "test", scopes)
	if err != nil {
		t.Fatal(err)
	}
	return sec
}

// ws is a real-time connection.
type ws struct {
	t *testing.T
	c *websocket.Conn
}

func dial(t *testing.T, s *browsertest.Server, tok string) *ws {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), wait)
	defer cancel()
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(s.URL, "http")+"/api/v1/realtime", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.CloseNow() })
	w := &ws{t: t, c: c}
	w.send(map[string]any{"type": "auth", "token": tok})
	if f := w.read(); f["type"] != "ready" {
		t.Fatalf("got %v, want ready", f)
	}
	return w
}

func (w *ws) send(f map[string]any) {
	w.t.Helper()
	ctx, cancel := context.WithTimeout(w.t.Context(), wait)
	defer cancel()
	if err := wsjson.Write(ctx, w.c, f); err != nil {
		w.t.Fatal(err)
	}
}

func (w *ws) read() map[string]any {
	w.t.Helper()
	ctx, cancel := context.WithTimeout(w.t.Context(), wait)
	defer cancel()
	var f map[string]any
	if err := wsjson.Read(ctx, w.c, &f); err != nil {
		w.t.Fatal(err)
	}
	return f
}

// until reads frames until one satisfies ok, and returns it.
func (w *ws) until(what string, ok func(map[string]any) bool) map[string]any {
	w.t.Helper()
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		if f := w.read(); ok(f) {
			return f
		}
	}
	w.t.Fatalf("no frame: %s", what)
	return nil
}

// request sends f with an id and returns the answer to it.
func (w *ws) request(f map[string]any) map[string]any {
	w.t.Helper()
	f["id"] = fmt.Sprint(time.Now().UnixNano())
	w.send(f)
	return w.until("answer to "+fmt.Sprint(f["type"]), func(g map[string]any) bool { return g["id"] == f["id"] })
}

func visitorFrame(event, contactID string) func(map[string]any) bool {
	return func(f map[string]any) bool {
		v, _ := f["visitor"].(map[string]any)
		return f["type"] == "visitor" && f["event"] == event && v["contact_id"] == contactID
	}
}

// A visitor on one node shows on the other, live and in the list, with
// the page it reports; an agent there invites it and its widget's
// connection gets the invitation; other workspaces see and reach none of
// it; once it leaves it is recently seen, and it returns as returning.
func TestVisitorsAcrossNodes(t *testing.T) {
	a, b := twoNodes(t)
	inbox := a.DemoInboxID(t)
	ctx := t.Context()
	sess, err := a.Client(t).CreateVisitorSession(ctx, inbox)
	if err != nil {
		t.Fatal(err)
	}
	staffTok := token(t, b, b.WorkspaceID, parley.ScopeAll)

	staff := dial(t, b, staffTok)
	if f := staff.request(map[string]any{"type": "subscribe_visitors"}); f["type"] != "visitors_subscribed" {
		t.Fatalf("subscribe_visitors: %v", f)
	}
	// Another workspace's staff, following its own visitors.
	other, err := b.App.Accounts.CreateWorkspace(ctx, parley.SystemActor, "other-"+testenv.Unique(), "Other")
	if err != nil {
		t.Fatal(err)
	}
	otherTok := token(t, b, other.ID, parley.ScopeAll)
	otherStaff := dial(t, b, otherTok)
	otherStaff.request(map[string]any{"type": "subscribe_visitors"})

	visitor := dial(t, a, sess.Token)
	const page = "https://shop.example/boots?size=42#reviews"
	if f := visitor.request(map[string]any{"type": "page", "url": page, "title": "  Hiking boots  "}); f["type"] != "ack" {
		t.Fatalf("page: %v", f)
	}
	f := staff.until("the visitor on node b with its page", func(f map[string]any) bool {
		v, _ := f["visitor"].(map[string]any)
		p, _ := v["page"].(map[string]any)
		return f["type"] == "visitor" && v["contact_id"] == sess.ContactID && p["url"] == "https://shop.example/boots?size=42"
	})
	if p := f["visitor"].(map[string]any)["page"].(map[string]any); p["title"] != "Hiking boots" {
		t.Errorf("title %q, want it trimmed", p["title"])
	}
	if f := otherStaff.request(map[string]any{"type": "ping"}); f["type"] != "pong" {
		t.Errorf("another workspace's staff got %v", f)
	}

	list := call(t, "GET", b.URL+"/api/v1/visitors/online", staffTok, nil)
	items, _ := list.body["items"].([]any)
	if list.status != 200 || len(items) != 1 {
		t.Fatalf("online list on node b: %d %v", list.status, list.body)
	}
	got := items[0].(map[string]any)
	if got["contact_id"] != sess.ContactID || got["verified"] != false || got["returning"] != false ||
		got["inbox_id"] != inbox || got["connections"] != float64(1) {
		t.Errorf("online visitor %v", got)
	}
	if l := call(t, "GET", b.URL+"/api/v1/visitors/online", otherTok, nil); len(l.body["items"].([]any)) != 0 {
		t.Errorf("another workspace lists %v", l.body)
	}

	// An agent of node b invites; the visitor's connection on node a gets it.
	agent, agentClient := b.CreateAgent(t, "inviter@example.com", "Ines Inviter", parley.RoleAgent)
	_ = agentClient
	inv := call(t, "POST", b.URL+"/api/v1/visitors/"+sess.ContactID+"/invitations", staffTok,
		map[string]any{"message": "Can I help you find your size?", "agent_id": agent.ID})
	if inv.status != http.StatusAccepted {
		t.Fatalf("invite: %d %v", inv.status, inv.body)
	}
	f = visitor.until("the invitation", func(f map[string]any) bool { return f["type"] == "invitation" })
	i := f["invitation"].(map[string]any)
	if i["message"] != "Can I help you find your size?" || i["agent_name"] != "Ines Inviter" || i["id"] != inv.body["id"] {
		t.Errorf("invitation frame %v", f)
	}
	if r := call(t, "POST", b.URL+"/api/v1/visitors/"+sess.ContactID+"/invitations", otherTok,
		map[string]any{"message": "Hi", "agent_id": agent.ID}); r.status != http.StatusNotFound {
		t.Errorf("another workspace invites: %d %v", r.status, r.body)
	}

	// The visitor leaves: after the grace period it is offline everywhere,
	// and recently seen.
	visitor.c.Close(websocket.StatusNormalClosure, "")
	staff.until("the visitor offline", visitorFrame("offline", sess.ContactID))
	browsertest.WaitFor(t, func() string {
		l := call(t, "GET", a.URL+"/api/v1/visitors/recent", staffTok, nil)
		items, _ := l.body["items"].([]any)
		if len(items) != 1 || items[0].(map[string]any)["id"] != sess.ContactID || items[0].(map[string]any)["online"] != false {
			return fmt.Sprintf("recent visitors %d %v", l.status, l.body)
		}
		return ""
	})
	if l := call(t, "GET", a.URL+"/api/v1/visitors/online", staffTok, nil); len(l.body["items"].([]any)) != 0 {
		t.Errorf("still online: %v", l.body)
	}
	if l := call(t, "GET", a.URL+"/api/v1/visitors/recent", otherTok, nil); len(l.body["items"].([]any)) != 0 {
		t.Errorf("another workspace's recent visitors: %v", l.body)
	}

	// Back again: returning.
	dial(t, b, sess.Token)
	staff.until("the visitor back", visitorFrame("online", sess.ContactID))
	l := call(t, "GET", a.URL+"/api/v1/visitors/online", staffTok, nil)
	if items := l.body["items"].([]any); len(items) != 1 || items[0].(map[string]any)["returning"] != true {
		t.Errorf("back again: %v", l.body)
	}
}

// Bad input is refused with a 4xx or an error frame, never a 5xx.
func TestVisitorsBadInput(t *testing.T) {
	s := browsertest.StartServer(t)
	ctx := t.Context()
	sess, err := s.Client(t).CreateVisitorSession(ctx, s.DemoInboxID(t))
	if err != nil {
		t.Fatal(err)
	}
	all := token(t, s, s.WorkspaceID, parley.ScopeAll)
	visitor := dial(t, s, sess.Token)
	staff := dial(t, s, all)

	long := "https://shop.example/" + strings.Repeat("a", parley.MaxVisitorURLLength)
	for _, tc := range []struct {
		name  string
		conn  *ws
		frame map[string]any
		code  string
	}{
		{"javascript URL", visitor, map[string]any{"type": "page", "url": "javascript:alert(1)"}, "invalid"},
		{"relative URL", visitor, map[string]any{"type": "page", "url": "/boots"}, "invalid"},
		{"no URL", visitor, map[string]any{"type": "page"}, "invalid"},
		{"credentials in the URL", visitor, map[string]any{"type": "page", "url": "https://u:p@shop.example/"}, "invalid"},
		{"URL too long", visitor, map[string]any{"type": "page", "url": long}, "invalid"},
		{"title too long", visitor, map[string]any{"type": "page", "url": "https://shop.example/", "title": strings.Repeat("t", 301)}, "invalid"},
		{"control character in the title", visitor, map[string]any{"type": "page", "url": "https://shop.example/", "title": "a\u0007b"}, "invalid"},
		{"NUL in the title", visitor, map[string]any{"type": "page", "url": "https://shop.example/", "title": "a\u0000b"}, "invalid"},
		{"URL of the wrong type", visitor, map[string]any{"type": "page", "url": 42}, "invalid"},
		{"staff report a page", staff, map[string]any{"type": "page", "url": "https://shop.example/"}, "forbidden"},
		{"a visitor follows visitors", visitor, map[string]any{"type": "subscribe_visitors"}, "forbidden"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := tc.conn.request(tc.frame)
			if f["type"] != "error" || f["code"] != tc.code {
				t.Errorf("got %v, want error %s", f, tc.code)
			}
		})
	}
	readOnly := token(t, s, s.WorkspaceID, parley.ScopeConversationsRead)
	if f := dial(t, s, readOnly).request(map[string]any{"type": "subscribe_visitors"}); f["code"] != "forbidden" {
		t.Errorf("subscribe_visitors without contacts:read: %v", f)
	}

	agent, _ := s.CreateAgent(t, "a@example.com", "Agent", parley.RoleAgent)
	inviteURL := s.URL + "/api/v1/visitors/" + sess.ContactID + "/invitations"
	for _, tc := range []struct {
		name   string
		url    string
		token  string
		body   any
		status int
	}{
		{"empty message", inviteURL, all, map[string]any{"message": "", "agent_id": agent.ID}, 422},
		{"blank message", inviteURL, all, map[string]any{"message": "   ", "agent_id": agent.ID}, 422},
		{"message too long", inviteURL, all, map[string]any{"message": strings.Repeat("m", 1001), "agent_id": agent.ID}, 422},
		{"NUL in the message", inviteURL, all, map[string]any{"message": "a\u0000b", "agent_id": agent.ID}, 422},
		{"token without agent", inviteURL, all, map[string]any{"message": "Hi"}, 422},
		{"unknown agent", inviteURL, all, map[string]any{"message": "Hi", "agent_id": "nope"}, 404},
		{"unknown contact", s.URL + "/api/v1/visitors/nope/invitations", all, map[string]any{"message": "Hi", "agent_id": agent.ID}, 404},
		{"no scope", inviteURL, readOnly, map[string]any{"message": "Hi", "agent_id": agent.ID}, 403},
		{"visitor token", inviteURL, sess.Token, map[string]any{"message": "Hi", "agent_id": agent.ID}, 403},
		{"no credentials", inviteURL, "", map[string]any{"message": "Hi", "agent_id": agent.ID}, 401},
		{"not JSON", inviteURL, all, "x", 422},
		{"list: visitor token", s.URL + "/api/v1/visitors/online", sess.Token, nil, 403},
		{"list: no scope", s.URL + "/api/v1/visitors/online", readOnly, nil, 403},
		{"list: bad cursor", s.URL + "/api/v1/visitors/online?cursor=%00", all, nil, 422},
		{"recent: bad cursor", s.URL + "/api/v1/visitors/recent?cursor=bm9wZQ", all, nil, 422},
		{"recent: limit too big", s.URL + "/api/v1/visitors/recent?limit=201", all, nil, 422},
	} {
		t.Run(tc.name, func(t *testing.T) {
			method := "POST"
			if tc.body == nil {
				method = "GET"
			}
			r := call(t, method, tc.url, tc.token, tc.body)
			if r.status != tc.status {
				t.Errorf("got %d %v, want %d", r.status, r.body, tc.status)
			}
		})
	}
	// An offline visitor cannot be invited.
	off, err := s.Client(t).CreateVisitorSession(ctx, s.DemoInboxID(t))
	if err != nil {
		t.Fatal(err)
	}
	r := call(t, "POST", s.URL+"/api/v1/visitors/"+off.ContactID+"/invitations", all, map[string]any{"message": "Hi", "agent_id": agent.ID})
	if r.status != 404 || r.body["reason"] != "visitor_offline" {
		t.Errorf("offline visitor: %d %v", r.status, r.body)
	}
}
