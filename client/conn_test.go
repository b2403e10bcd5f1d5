package client_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/parleychat/parley/client"
)

// fakeServer speaks the real-time protocol over an in-memory conversation
// store, so that the Conn's own logic — resume, dedupe, retries, close
// codes — can be tested in isolation, including failures a real server
// produces only by accident. The end-to-end tests run the real server.
type fakeServer struct {
	t   *testing.T
	srv *httptest.Server

	mu       sync.Mutex
	msgs     map[string][]client.Message // by conversation
	clientID map[string]client.Message   // conversation/client_id → message
	subs     map[*fakeConn]map[string]bool
	refuse   bool                 // close new connections with 1008 after auth
	onSend   func(*fakeConn) bool // false: drop the connection instead of answering
	requests []map[string]any     // every request, in arrival order
	dials    int
	tokens   map[string]bool // accepted besides "secret"
	auths    []string        // the token of every auth frame
}

type fakeConn struct {
	ws *websocket.Conn
	mu sync.Mutex // writes
}

func (c *fakeConn) write(v any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	wsjson.Write(ctx, c.ws, v)
}

func newFakeServer(t *testing.T) *fakeServer {
	f := &fakeServer{t: t, msgs: map[string][]client.Message{}, clientID: map[string]client.Message{}, subs: map[*fakeConn]map[string]bool{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeServer) client(t *testing.T) *client.Client {
	c, err := client.New(f.srv.URL, client.WithToken("secret"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (f *fakeServer) serve(w http.ResponseWriter, r *http.Request) {
	ws, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	c := &fakeConn{ws: ws}
	ctx := context.Background()
	var auth map[string]any
	if err := wsjson.Read(ctx, ws, &auth); err != nil || auth["type"] != "auth" {
		ws.Close(websocket.StatusPolicyViolation, "first frame must be auth")
		return
	}
	token, _ := auth["token"].(string)
	if !f.accepts(token) {
		ws.Close(websocket.StatusPolicyViolation, "authentication failed")
		return
	}
	f.mu.Lock()
	f.auths = append(f.auths, token)
	f.dials++
	refuse := f.refuse
	f.mu.Unlock()
	if refuse {
		ws.Close(websocket.StatusPolicyViolation, "authentication failed")
		return
	}
	f.mu.Lock()
	f.subs[c] = map[string]bool{} // before ready: dropAll must see every ready connection
	f.mu.Unlock()
	c.write(map[string]any{"type": "ready", "connection_id": "c1", "workspace_id": "w1",
		"participant": map[string]any{"type": "agent", "id": "a1"}, "heartbeat_interval_ms": 25000, "max_frame_size": 65536})
	defer func() {
		f.mu.Lock()
		delete(f.subs, c)
		f.mu.Unlock()
	}()
	for {
		var req map[string]any
		if err := wsjson.Read(ctx, ws, &req); err != nil {
			return
		}
		f.mu.Lock()
		f.requests = append(f.requests, req)
		f.mu.Unlock()
		id, _ := req["id"].(string)
		conv, _ := req["conversation_id"].(string)
		switch req["type"] {
		case "subscribe":
			after, _ := req["after_seq"].(float64)
			f.mu.Lock()
			f.subs[c][conv] = true
			replay := append([]client.Message(nil), f.msgs[conv]...)
			f.mu.Unlock()
			for _, m := range replay {
				if m.Seq > int64(after) {
					c.write(map[string]any{"type": "message", "conversation_id": conv, "message": m})
				}
			}
			c.write(map[string]any{"type": "subscribed", "id": id, "conversation_id": conv, "last_seq": len(replay)})
		case "send":
			f.mu.Lock()
			hook := f.onSend
			f.mu.Unlock()
			if hook != nil && !hook(c) {
				ws.CloseNow()
				return
			}
			body, _ := req["body"].(string)
			cid, _ := req["client_id"].(string)
			m, dup := f.append(conv, cid, body)
			c.write(map[string]any{"type": "ack", "id": id, "duplicate": dup, "message": m})
		case "ping":
			c.write(map[string]any{"type": "pong", "id": id})
		case "refresh":
			if token, _ := req["token"].(string); f.accepts(token) {
				c.write(map[string]any{"type": "refreshed", "id": id, "expires_at": fakeExpiry})
			} else {
				c.write(map[string]any{"type": "error", "id": id, "code": "unauthorized", "message": "The token is invalid."})
			}
		default:
			c.write(map[string]any{"type": "error", "id": id, "code": "invalid", "message": "Unknown frame type."})
		}
	}
}

// append stores a message (once per client ID) and sends it to the
// conversation's subscribers.
func (f *fakeServer) append(conv, cid, body string) (client.Message, bool) {
	f.mu.Lock()
	key := conv + "/" + cid
	if m, ok := f.clientID[key]; ok && cid != "" {
		f.mu.Unlock()
		return m, true
	}
	m := client.Message{ID: fmt.Sprint("m", len(f.msgs[conv])+1), ConversationID: conv, Seq: int64(len(f.msgs[conv]) + 1),
		Kind: client.KindText, Sender: client.Sender{Type: "contact", ID: "v1"}, ClientID: cid, Body: body}
	f.msgs[conv] = append(f.msgs[conv], m)
	f.clientID[key] = m
	var to []*fakeConn
	for c, convs := range f.subs {
		if convs[conv] {
			to = append(to, c)
		}
	}
	f.mu.Unlock()
	for _, c := range to {
		c.write(map[string]any{"type": "message", "conversation_id": conv, "message": m})
	}
	return m, false
}

// fakeExpiry is the expiry of every credential the fake server refreshes.
var fakeExpiry = time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)

// accepts reports whether token authenticates.
func (f *fakeServer) accepts(token string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return token == "secret" || f.tokens[token]
}

// allow makes the fake server accept token too.
func (f *fakeServer) allow(token string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.tokens == nil {
		f.tokens = map[string]bool{}
	}
	f.tokens[token] = true
}

// all returns every connection that is ready.
func (f *fakeServer) all() []*fakeConn {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []*fakeConn
	for c := range f.subs {
		out = append(out, c)
	}
	return out
}

// dropAll cuts every connection without a closing handshake.
func (f *fakeServer) dropAll() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for c := range f.subs {
		c.ws.CloseNow()
	}
}

func (f *fakeServer) subscribeRequests() []float64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []float64
	for _, r := range f.requests {
		if r["type"] == "subscribe" {
			after, _ := r["after_seq"].(float64)
			out = append(out, after)
		}
	}
	return out
}

// nextMessages reads n frames, which must be messages, and returns their
// bodies.
func nextMessages(t *testing.T, conn *client.Conn, n int) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var out []string
	for len(out) < n {
		f, err := conn.Next(ctx)
		if err != nil {
			t.Fatalf("after %d messages: %v", len(out), err)
		}
		if f.Type == client.FrameMessage {
			out = append(out, f.Message.Body)
		}
	}
	return out
}

func bodies(from, to int) []string {
	var out []string
	for i := from; i <= to; i++ {
		out = append(out, fmt.Sprint("m", i))
	}
	return out
}

// A Conn that reconnects by itself resumes from what Next returned: the
// messages stored while it was away arrive once, in order, and the ones
// still waiting in its buffer when the connection dropped are not repeated.
func TestConnResumesFromLastSeqAfterADrop(t *testing.T) {
	f := newFakeServer(t)
	ctx := t.Context()
	conn, err := f.client(t).Connect(ctx, client.WithAutoReconnect(5*time.Millisecond, 20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for i := 1; i <= 3; i++ {
		f.append("c1", fmt.Sprint("x", i), fmt.Sprint("m", i))
	}
	if _, err := conn.Subscribe(ctx, "c1", 0); err != nil {
		t.Fatal(err)
	}
	if got := nextMessages(t, conn, 2); strings.Join(got, ",") != "m1,m2" {
		t.Fatalf("got %v", got)
	}
	// m3 waits in the buffer; the connection drops; m4…m6 are stored meanwhile.
	f.dropAll()
	for i := 4; i <= 6; i++ {
		f.append("c1", fmt.Sprint("x", i), fmt.Sprint("m", i))
	}
	got := nextMessages(t, conn, 4)
	if strings.Join(got, ",") != strings.Join(bodies(3, 6), ",") {
		t.Fatalf("after the drop got %v, want m3…m6 once each", got)
	}
	f.append("c1", "x7", "m7")
	if got := nextMessages(t, conn, 1); got[0] != "m7" {
		t.Fatalf("got %v, want m7 (no duplicate before it)", got)
	}
	if conn.LastSeq("c1") != 7 {
		t.Errorf("LastSeq = %d, want 7", conn.LastSeq("c1"))
	}
	// The resubscription asked from what the application had seen: m2,
	// or m3 if Next took it from the buffer before the reconnection.
	subs := f.subscribeRequests()
	if len(subs) != 2 || subs[0] != 0 || subs[1] < 2 || subs[1] > 3 {
		t.Errorf("subscribe requests had after_seq %v, want [0 2] or [0 3]", subs)
	}
}

// A send cut off by a lost connection is sent again on the next one with
// the same client ID, so the message is stored once.
func TestConnRetriesSendWithTheSameClientID(t *testing.T) {
	f := newFakeServer(t)
	ctx := t.Context()
	conn, err := f.client(t).Connect(ctx, client.WithAutoReconnect(5*time.Millisecond, 20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var mu sync.Mutex
	sends := 0
	f.mu.Lock()
	f.onSend = func(*fakeConn) bool {
		mu.Lock()
		defer mu.Unlock()
		sends++
		if sends == 1 {
			// Store the message, then lose the connection before the ack.
			return false
		}
		return true
	}
	f.mu.Unlock()
	res, err := conn.Send(ctx, "c1", client.SendInput{Body: "hello"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Message.ClientID == "" || res.Message.Seq != 1 {
		t.Errorf("ack = %+v", res.Message)
	}
	var ids []string
	f.mu.Lock()
	for _, r := range f.requests {
		if r["type"] == "send" {
			ids = append(ids, r["client_id"].(string))
		}
	}
	f.mu.Unlock()
	if len(ids) != 2 || ids[0] != ids[1] {
		t.Errorf("sends carried client IDs %v, want the same one twice", ids)
	}
}

// Without automatic reconnection a lost connection is reported by Next
// (after the frames already received) and by requests; Reconnect resumes.
func TestConnReconnectByHand(t *testing.T) {
	f := newFakeServer(t)
	ctx := t.Context()
	conn, err := f.client(t).Connect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Subscribe(ctx, "c1", 0); err != nil {
		t.Fatal(err)
	}
	f.append("c1", "x1", "m1")
	nextMessages(t, conn, 1)
	f.append("c1", "x2", "m2") // written to the socket before it is cut
	f.dropAll()
	// m2 was received before the drop: it comes first, then the error.
	if got := nextMessages(t, conn, 1); got[0] != "m2" {
		t.Fatalf("got %v", got)
	}
	if _, err := conn.Next(ctx); !errors.Is(err, client.ErrDisconnected) {
		t.Fatalf("Next after the drop: %v, want ErrDisconnected", err)
	}
	if _, err := conn.Send(ctx, "c1", client.SendInput{Body: "lost"}); !errors.Is(err, client.ErrDisconnected) {
		t.Fatalf("Send while disconnected: %v, want ErrDisconnected", err)
	}
	f.append("c1", "x3", "m3")
	if err := conn.Reconnect(ctx); err != nil {
		t.Fatal(err)
	}
	if got := nextMessages(t, conn, 1); got[0] != "m3" {
		t.Fatalf("after Reconnect got %v, want m3", got)
	}
}

// Refused credentials end the Conn for good instead of reconnecting forever.
func TestConnStopsOnPolicyViolation(t *testing.T) {
	f := newFakeServer(t)
	ctx := t.Context()
	conn, err := f.client(t).Connect(ctx, client.WithAutoReconnect(5*time.Millisecond, 20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	f.mu.Lock()
	f.refuse = true
	f.mu.Unlock()
	f.dropAll()
	select {
	case <-conn.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("the Conn kept reconnecting after 1008")
	}
	var ce *client.CloseError
	if _, err := conn.Next(ctx); !errors.As(err, &ce) || ce.Code != 1008 {
		t.Fatalf("Next: %v, want a 1008 CloseError", err)
	}
	if _, err := f.client(t).Connect(ctx); !errors.As(err, &ce) || ce.Reason != "authentication failed" {
		t.Fatalf("Connect with refused credentials: %v", err)
	}
}

// Close ends the Conn: Next reports ErrClosed, requests fail at once.
func TestConnClose(t *testing.T) {
	f := newFakeServer(t)
	ctx := t.Context()
	conn, err := f.client(t).Connect(ctx, client.WithAutoReconnect(5*time.Millisecond, 20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	conn.Close()
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Close took %v", d)
	}
	if _, err := conn.Next(ctx); !errors.Is(err, client.ErrClosed) {
		t.Errorf("Next after Close: %v", err)
	}
	if _, err := conn.Ping(ctx); !errors.Is(err, client.ErrClosed) {
		t.Errorf("Ping after Close: %v", err)
	}
	if _, err := conn.Request(ctx, "nonsense", nil); !errors.Is(err, client.ErrClosed) {
		t.Errorf("Request after Close: %v", err)
	}
}

// An error frame answering a request is returned as an *Error.
func TestConnRequestError(t *testing.T) {
	f := newFakeServer(t)
	conn, err := f.client(t).Connect(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, err = conn.Request(t.Context(), "nonsense", map[string]any{"x": 1})
	var e *client.Error
	if !errors.As(err, &e) || e.Code != client.CodeInvalid || e.Status != 0 {
		t.Fatalf("got %v, want an invalid *Error", err)
	}
	// A frame too large for the server is refused before it is sent.
	_, err = conn.Send(t.Context(), "c1", client.SendInput{Body: strings.Repeat("x", 70_000)})
	if client.ErrorCode(err) != client.CodeInvalid {
		t.Fatalf("oversized send: %v", err)
	}
	if _, err := conn.Ping(t.Context()); err != nil {
		t.Fatalf("the connection broke: %v", err)
	}
}

// With a token source, token_expiring makes the Conn refresh in place; a
// close for an expired credential makes it reconnect with a new token.
func TestConnTokenSource(t *testing.T) {
	f := newFakeServer(t)
	f.allow("second")
	f.allow("third")
	tokens := make(chan string, 2)
	tokens <- "second"
	tokens <- "third"
	source := func(ctx context.Context) (string, error) {
		select {
		case tok := <-tokens:
			return tok, nil
		default:
			return "", errors.New("no more tokens")
		}
	}
	type outcome struct {
		exp time.Time
		err error
	}
	refreshed := make(chan outcome, 10)
	reconnected := make(chan client.Ready, 10)
	conn, err := f.client(t).Connect(t.Context(), client.WithAutoReconnect(5*time.Millisecond, 20*time.Millisecond),
		client.WithTokenSource(source),
		client.OnRefresh(func(exp time.Time, err error) { refreshed <- outcome{exp, err} }),
		client.OnReconnect(func(r client.Ready) { reconnected <- r }))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()

	for _, c := range f.all() {
		c.write(map[string]any{"type": "token_expiring", "expires_at": "2029-01-01T00:00:00Z"})
	}
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	fr, err := conn.Next(ctx)
	if err != nil || fr.Type != client.FrameTokenExpiring || !fr.ExpiresAt.Equal(time.Date(2029, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("Next: %+v, %v; want token_expiring", fr, err)
	}
	select {
	case o := <-refreshed:
		if o.err != nil || !o.exp.Equal(fakeExpiry) {
			t.Fatalf("refresh: %v, %v", o.exp, o.err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no refresh")
	}
	if got := conn.ExpiresAt(); !got.Equal(fakeExpiry) {
		t.Fatalf("ExpiresAt() = %v", got)
	}

	// Closed for an expired credential: a new token, a new connection.
	for _, c := range f.all() {
		c.ws.Close(client.StatusTokenExpired, "token expired")
	}
	select {
	case <-reconnected:
	case <-time.After(10 * time.Second):
		t.Fatal("no reconnection after 4003")
	}
	f.mu.Lock()
	auths := append([]string(nil), f.auths...)
	f.mu.Unlock()
	if want := []string{"secret", "third"}; !slices.Equal(auths, want) {
		t.Fatalf("authenticated with %v, want %v (no reconnection for the refresh)", auths, want)
	}
}

// Without a token source, a close for an expired credential ends the Conn:
// reconnecting with the same token would be refused.
func TestConnTokenExpiredWithoutSource(t *testing.T) {
	f := newFakeServer(t)
	conn, err := f.client(t).Connect(t.Context(), client.WithAutoReconnect(5*time.Millisecond, 20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, c := range f.all() {
		c.ws.Close(client.StatusTokenExpired, "token expired")
	}
	select {
	case <-conn.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("the Conn went on after 4003 without a token source")
	}
	var ce *client.CloseError
	if !errors.As(conn.Err(), &ce) || ce.Code != client.StatusTokenExpired {
		t.Fatalf("Err() = %v, want a 4003 CloseError", conn.Err())
	}
	if _, err := conn.Refresh(t.Context(), "secret"); err == nil {
		t.Fatal("Refresh after the end succeeded")
	}
}

// An error frame answering a frame beyond the server's rate limit carries
// how long to wait: Error.RetryAfter.
func TestConnRateLimited(t *testing.T) {
	cfg := nodeConfig(t)
	cfg.WSVisitorRate, cfg.WSVisitorBurst = 0.01, 2 // a frame every 100 s, 2 at once
	e := setupEnv(t, startNode(t, cfg))
	v, _ := e.visitor(t, 0)
	conn := connect(t, v)
	for range 2 {
		if _, err := conn.Ping(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	_, err := conn.Ping(t.Context())
	var ce *client.Error
	if !errors.As(err, &ce) || ce.Code != client.CodeRateLimited || ce.RetryAfter <= 0 || ce.RetryAfter > 100*time.Second {
		t.Fatalf("third ping: %v (%#v); want rate_limited with a retry-after of at most 100 s", err, ce)
	}
}
