package realtime_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/realtime"
	"github.com/parleychat/parley/internal/testenv"
)

// limitedNode starts a node of e with the given frame limits, whose clock
// (returned) moves only when the test says so: which frames are refused
// does not depend on how fast the machine is.
func (e *env) limitedNode(t *testing.T, visitor, staff realtime.FrameLimit) (*node, *testenv.Clock) {
	t.Helper()
	clk := testenv.NewClock(time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC))
	return e.newNode(t, func(cfg *realtime.Config) {
		cfg.VisitorFrames, cfg.StaffFrames, cfg.Clock = visitor, staff, clk.Now
	}), clk
}

// stored returns how many messages conversation convID of contact c holds.
func (e *env) stored(t *testing.T, c *parley.Contact, convID string) int {
	t.Helper()
	msgs, err := e.svc.Messages(t.Context(), e.visitorOf(c), convID, parley.MessageQuery{})
	must(t, err)
	return len(msgs)
}

// expectRateLimited reads the answer to request id and checks that it is a
// rate_limited error whose retry_after is want seconds.
func expectRateLimited(t *testing.T, c *client, id string, want float64) {
	t.Helper()
	f := c.read()
	var body struct {
		RetryAfter *float64 `json:"retry_after"`
	}
	json.Unmarshal([]byte(f.raw), &body)
	if f.Type != "error" || f.ID != id || f.Code != parley.ERATELIMITED || body.RetryAfter == nil || *body.RetryAfter != want {
		t.Fatalf("got %s, want a rate_limited error for %s with retry_after %v", f.raw, id, want)
	}
}

// A visitor sending faster than its limit gets rate_limited with
// retry_after for each frame beyond it; the refused sends are not stored;
// once it has been refused as many frames again as its burst, it is
// closed with 4029.
func TestVisitorOverRateLimit(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n, clk := e.limitedNode(t, realtime.FrameLimit{Rate: 2, Burst: 3}, realtime.FrameLimit{Rate: 100, Burst: 100})
	contact, token := e.newVisitor(t, e.inbox)
	conv := e.start(t, contact)
	c := n.connect(t, token)

	send := func(i int) string {
		id := fmt.Sprintf("m%d", i)
		c.write(map[string]any{"type": "send", "id": id, "conversation_id": conv.ID, "client_id": id, "body": "flood " + id})
		return id
	}
	for i := range 3 { // the burst
		id := send(i)
		if f := c.expect("ack"); f.ID != id {
			t.Fatalf("send %s answered %s", id, f.raw)
		}
	}
	// Time stands still: the next frames are refused, each answered with
	// how long until a token is back (half a second at 2 a second).
	for i := 3; i < 5; i++ {
		expectRateLimited(t, c, send(i), 0.5)
	}
	// A quarter of a second later, a quarter of a second is left.
	clk.Advance(250 * time.Millisecond)
	c.write(map[string]any{"type": "ping", "id": "p1"})
	expectRateLimited(t, c, "p1", 0.25)
	// Three refused frames (less the half a token refilled meanwhile)
	// have emptied the second bucket: the next frame closes the
	// connection.
	send(5)
	c.expectClose(realtime.StatusRateLimited, "rate limit exceeded")

	if got := e.stored(t, contact, conv.ID); got != 3 {
		t.Errorf("%d messages stored, want the 3 sends within the limit", got)
	}
	if got := realtime.RateLimitCloses(n.gw); got != 1 {
		t.Errorf("%d connections closed for their rate, want 1", got)
	}
}

// A flood of frames sent without reading the answers is cut off after
// twice the burst, storing no more than the burst.
func TestVisitorFloodClosed(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n, _ := e.limitedNode(t, realtime.FrameLimit{Rate: 5, Burst: 10}, realtime.DefaultStaffFrames)
	contact, token := e.newVisitor(t, e.inbox)
	conv := e.start(t, contact)
	floodUntilClosed(t, n.connect(t, token), conv.ID)
	if got := realtime.FramesRefused(n.gw); got != 10 {
		t.Errorf("%d frames refused before the close, want 10 (the second bucket)", got)
	}
	if got := e.stored(t, contact, conv.ID); got != 10 {
		t.Errorf("%d flood messages stored, want the burst of 10", got)
	}
}

// A client that keeps within its rate is never limited, however long it
// goes on: 200 frames, each a little more than 1/rate after the last.
func TestNormalRateNeverLimited(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n, clk := e.limitedNode(t, realtime.FrameLimit{Rate: 2, Burst: 2}, realtime.FrameLimit{Rate: 2, Burst: 2})
	contact, token := e.newVisitor(t, e.inbox)
	conv := e.start(t, contact)
	c := n.connect(t, token)
	if _, f := c.subscribe(conv.ID, 0); f.Type != "subscribed" {
		t.Fatalf("subscribe: %s", f.raw)
	}
	for i := range 200 {
		clk.Advance(500 * time.Millisecond)
		var f frame
		switch i % 4 {
		case 0:
			f = c.request(map[string]any{"type": "send", "conversation_id": conv.ID, "client_id": fmt.Sprint(i), "body": "hello"})
		case 1:
			f = c.request(map[string]any{"type": "typing", "conversation_id": conv.ID})
		case 2:
			f = c.request(map[string]any{"type": "read", "conversation_id": conv.ID, "seq": 1})
		case 3:
			f = c.request(map[string]any{"type": "ping"})
		}
		if f.Type == "error" {
			t.Fatalf("frame %d answered %s", i, f.raw)
		}
	}
	if got := realtime.FramesRefused(n.gw); got != 0 {
		t.Errorf("%d frames refused", got)
	}
}

// Staff connections — an agent's and an API token's — have their own
// limit, here larger than visitors'.
func TestStaffLimitDiffers(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n, _ := e.limitedNode(t, realtime.FrameLimit{Rate: 1, Burst: 2}, realtime.FrameLimit{Rate: 1, Burst: 8})
	_, visitorToken := e.newVisitor(t, e.inbox)
	_, session := e.newAgent(t, parley.RoleAgent)
	_, apiToken, err := e.acct.CreateToken(t.Context(), nil, e.ws.ID, "bot", []parley.Scope{parley.ScopeConversationsRead})
	must(t, err)

	for _, tc := range []struct {
		name  string
		token string
		burst int
	}{
		{"Visitor", visitorToken, 2},
		{"Agent", session, 8},
		{"APIToken", apiToken, 8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := n.connect(t, tc.token)
			for i := range tc.burst {
				if f := c.request(map[string]any{"type": "ping"}); f.Type != "pong" {
					t.Fatalf("ping %d answered %s", i, f.raw)
				}
			}
			c.write(map[string]any{"type": "ping", "id": "over"})
			expectRateLimited(t, c, "over", 1)
		})
	}
}

// One client's flood changes nothing for the others: the flooder is cut
// off, while another visitor and an agent go on sending and receiving,
// never refused.
func TestFloodLeavesOthersAlone(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n, clk := e.limitedNode(t, realtime.FrameLimit{Rate: 5, Burst: 10}, realtime.FrameLimit{Rate: 5, Burst: 10})
	flooder, floodToken := e.newVisitor(t, e.inbox)
	floodConv := e.start(t, flooder)
	other, otherToken := e.newVisitor(t, e.inbox)
	otherConv := e.start(t, other)
	_, session := e.newAgent(t, parley.RoleAdmin)

	agent := n.connect(t, session)
	agent.subscribe(otherConv.ID, 0)
	visitor := n.connect(t, otherToken)
	visitor.subscribe(otherConv.ID, 0)

	floodUntilClosed(t, n.connect(t, floodToken), floodConv.ID)

	// Each of the others goes on sending, with time moving at their rate:
	// every frame is answered, every message delivered.
	for round := range 3 {
		clk.Advance(2 * time.Second) // 10 tokens back at 5 a second
		for i := range 4 {
			body := fmt.Sprintf("visitor %d.%d", round, i)
			if f := visitor.request(map[string]any{"type": "send", "conversation_id": otherConv.ID, "client_id": body, "body": body}); f.Type != "ack" {
				t.Fatalf("visitor send answered %s", f.raw)
			}
			reply := fmt.Sprintf("agent %d.%d", round, i)
			if f := agent.request(map[string]any{"type": "send", "conversation_id": otherConv.ID, "client_id": reply, "body": reply}); f.Type != "ack" {
				t.Fatalf("agent send answered %s", f.raw)
			}
			for _, c := range []*client{visitor, agent} {
				for _, want := range []string{body, reply} {
					if m := c.nextMessage(); m.Body != want {
						t.Fatalf("received %q, want %q", m.Body, want)
					}
				}
			}
		}
	}
	if got := realtime.RateLimitCloses(n.gw); got != 1 {
		t.Errorf("%d connections closed for their rate, want only the flooder's", got)
	}
}

// floodUntilClosed sends send frames on c without reading the answers
// until the server closes the connection with 4029.
func floodUntilClosed(t *testing.T, c *client, convID string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), wait)
	defer cancel()
	for i := 0; i < 1000; i++ {
		data := fmt.Appendf(nil, `{"type":"send","conversation_id":%q,"client_id":"%s","body":"flood"}`, convID, unique())
		if c.ws.Write(ctx, websocket.MessageText, data) != nil {
			break
		}
	}
	c.expectClose(realtime.StatusRateLimited, "rate limit exceeded")
}

// The limit is the visitor's, not the connection's: reconnecting after
// being closed, or opening a second connection, gives no fresh burst; it
// comes back at the limit's rate.
func TestReconnectGetsNoFreshBurst(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n, clk := e.limitedNode(t, realtime.FrameLimit{Rate: 5, Burst: 10}, realtime.DefaultStaffFrames)
	flooder, token := e.newVisitor(t, e.inbox)
	conv := e.start(t, flooder)

	floodUntilClosed(t, n.connect(t, token), conv.ID)
	// At once again, on a new connection, or on another session of the
	// same contact: its first frame closes it, and stores nothing.
	floodUntilClosed(t, n.connect(t, token), conv.ID)
	floodUntilClosed(t, n.connect(t, e.visitorToken(flooder, e.inbox, time.Time{})), conv.ID)
	if got := e.stored(t, flooder, conv.ID); got != 10 {
		t.Errorf("%d messages stored, want the one burst of 10", got)
	}

	// Two seconds later the buckets are full again: 10 frames, then
	// rate_limited.
	clk.Advance(2 * time.Second)
	c := n.connect(t, token)
	for i := range 10 {
		if f := c.request(map[string]any{"type": "ping"}); f.Type != "pong" {
			t.Fatalf("ping %d answered %s", i, f.raw)
		}
	}
	c.write(map[string]any{"type": "ping", "id": "over"})
	expectRateLimited(t, c, "over", 0.2)
	c.ws.Close(websocket.StatusNormalClosure, "")
	c.expectClose(websocket.StatusNormalClosure, "")

	// A holder without connections is forgotten once its buckets have
	// refilled (checked at most every 10 s).
	waitFor(t, "the connections to end", func() bool { return realtime.Connections(n.gw) == 0 })
	clk.Advance(11 * time.Second)
	_, other := e.newVisitor(t, e.inbox)
	n.connect(t, other)
	if got := realtime.LimitHolders(n.gw); got != 1 {
		t.Errorf("%d holders' limits kept, want only the connected visitor's", got)
	}
}

// WebSocket pings count as frames: one beyond the limit gets no pong.
func TestPingBeyondLimitGetsNoPong(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n, clk := e.limitedNode(t, realtime.FrameLimit{Rate: 1, Burst: 1}, realtime.DefaultStaffFrames)
	_, token := e.newVisitor(t, e.inbox)
	c := n.connect(t, token)
	if f := c.request(map[string]any{"type": "ping"}); f.Type != "pong" { // the burst
		t.Fatalf("ping answered %s", f.raw)
	}
	pingCtx, cancel := context.WithCancel(t.Context())
	pinged := make(chan error, 1)
	go func() { pinged <- c.ws.Ping(pingCtx) }()
	waitFor(t, "the ping to be refused", func() bool { return realtime.FramesRefused(n.gw) == 1 })
	// A frame sent after it, once the limit allows, is answered: had the
	// ping been answered, its pong would have come first.
	clk.Advance(time.Second)
	if f := c.request(map[string]any{"type": "ping"}); f.Type != "pong" {
		t.Fatalf("ping frame answered %s", f.raw)
	}
	cancel()
	if err := <-pinged; err == nil {
		t.Fatal("the WebSocket ping beyond the limit was answered")
	}
}
