package realtime_test

import (
	"bytes"
	"context"
	"io"
	"strconv"
	"testing"

	"github.com/coder/websocket"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/realtime"
)

// maxAllocsPerMessage guards the allocations of one message on the hot
// path, everything in the process counted: a visitor's send frame read by
// the gateway, the conversation service, the SQLite store's commit, the
// bus notification, the frames written to the visitor (ack and its own
// message) and to an agent following the conversation, and the test's
// lean clients reading them. It is today's measured value (see
// docs/performance.md, "Allocations per message") with about 15% headroom:
// a change that allocates more on this path fails here; one that
// allocates less should lower it.
const maxAllocsPerMessage = 520

// TestAllocsPerMessage measures the allocations per message through the
// public WebSocket surface, with testing.AllocsPerRun. It is not parallel:
// AllocsPerRun counts the allocations of every goroutine.
func TestAllocsPerMessage(t *testing.T) {
	if testing.Short() {
		t.Skip("allocation counts need a quiet process")
	}
	e := newEnv(t)
	n := e.newNode(t, func(c *realtime.Config) {
		c.VisitorFrames = realtime.FrameLimit{Rate: 1e6, Burst: 1e6} // one visitor sends them all
	})
	contact, token := e.newVisitor(t, e.inbox)
	_, session := e.newAgent(t, parley.RoleAgent)
	conv := e.start(t, contact)

	visitor := n.lean(t, token)
	staff := n.lean(t, session)
	for _, c := range []*leanClient{visitor, staff} {
		c.write(`{"type":"subscribe","id":"s","conversation_id":"` + conv.ID + `","after_seq":0}`)
		c.readUntil(`"type":"subscribed"`)
	}
	i := 0
	frame := make([]byte, 0, 256)
	send := func() {
		i++
		frame = append(frame[:0], `{"type":"send","id":"r","conversation_id":"`...)
		frame = append(frame, conv.ID...)
		frame = append(frame, `","client_id":"m-`...)
		frame = strconv.AppendInt(frame, int64(i), 10)
		frame = append(frame, `","body":"Hello, I have a question about my order, can you help me?"}`...)
		visitor.writeBytes(frame)
		visitor.readBoth(`"type":"ack"`, `"type":"message"`) // in either order
		staff.readUntil(`"type":"message"`)
	}
	for range 20 { // the first message queues the conversation: past that, the steady state
		send()
	}
	allocs := testing.AllocsPerRun(200, send)
	t.Logf("%.0f allocations per message", allocs)
	if !raceEnabled && allocs > maxAllocsPerMessage {
		t.Errorf("%.0f allocations per message; the guard is %d", allocs, maxAllocsPerMessage)
	}
}

// leanClient is a WebSocket client that allocates little per frame, so
// that what AllocsPerRun counts is mostly the server's.
type leanClient struct {
	t   testing.TB
	ws  *websocket.Conn
	buf bytes.Buffer
	ctx context.Context
}

// lean dials n and authenticates with token.
func (n *node) lean(t testing.TB, token string) *leanClient {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*wait)
	t.Cleanup(cancel)
	ws, _, err := websocket.Dial(ctx, n.url, nil)
	must(t, err)
	ws.SetReadLimit(1 << 20)
	t.Cleanup(func() { ws.CloseNow() })
	c := &leanClient{t: t, ws: ws, ctx: ctx}
	c.write(`{"type":"auth","token":"` + token + `"}`)
	c.readUntil(`"type":"ready"`)
	return c
}

func (c *leanClient) write(s string) { c.writeBytes([]byte(s)) }

func (c *leanClient) writeBytes(p []byte) {
	if err := c.ws.Write(c.ctx, websocket.MessageText, p); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

// readUntil reads frames until one contains want, failing on an error
// frame.
func (c *leanClient) readUntil(want string) {
	for !bytes.Contains(c.next(want), []byte(want)) {
	}
}

// readBoth reads frames until it has seen one containing a and one
// containing b.
func (c *leanClient) readBoth(a, b string) {
	var sawA, sawB bool
	for !sawA || !sawB {
		data := c.next(a + " and " + b)
		sawA = sawA || bytes.Contains(data, []byte(a))
		sawB = sawB || bytes.Contains(data, []byte(b))
	}
}

// next reads the next frame, failing on an error frame.
func (c *leanClient) next(want string) []byte {
	_, r, err := c.ws.Reader(c.ctx)
	if err != nil {
		c.t.Fatalf("read: %v", err)
	}
	c.buf.Reset()
	if _, err := io.Copy(&c.buf, r); err != nil {
		c.t.Fatalf("read: %v", err)
	}
	data := c.buf.Bytes()
	if bytes.Contains(data, []byte(`"type":"error"`)) {
		c.t.Fatalf("got %s while waiting for %s", data, want)
	}
	return data
}
