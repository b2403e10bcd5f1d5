package realtime_test

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/realtime"
)

// Many idle connections hold no goroutine of the gateway (on Linux, they
// wait on its poller), and all of them receive a broadcast.
func TestManyIdleConnections(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	contact, _ := e.newVisitor(t, e.inbox)
	agent, session := e.newAgent(t, parley.RoleAgent)
	conv := e.start(t, contact)
	subject := subjectOf(t, e, conv.ID)

	// Raw clients: the test's own memory stays small.
	const count = 200
	clients := make([]*rawConn, count)
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := w; i < count; i += 8 {
				c := dialRaw(t, n, clientFrame(0x1, true, []byte(`{"type":"auth","token":"`+session+`"}`)))
				c.expectText(`"type":"ready"`)
				c.write(clientFrame(0x1, true, []byte(`{"type":"subscribe","id":"s","conversation_id":"`+conv.ID+`"}`)))
				c.expectText(`"type":"subscribed"`)
				clients[i] = c
			}
		})
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	if got := realtime.LocalSubscribers(n.gw, subject); got != count {
		t.Fatalf("%d subscribers, want %d", got, count)
	}
	if runtime.GOOS == "linux" {
		if got := realtime.Polled(n.gw); got != count {
			t.Fatalf("%d connections polled, want %d", got, count)
		}
		// Once idle, no connection has a reader or a writer running.
		waitWithin(t, time.Minute, "no goroutine per connection", func() bool {
			return gatewayGoroutines("(*conn).readLoop", "(*conn).drain") == 0
		})
	}

	m := e.send(t, e.agentOf(agent), conv.ID, parley.KindText, "to everyone")
	for _, c := range clients {
		c.expectText(`"id":"` + m.ID + `"`)
	}
	// Still usable, each.
	for _, c := range clients {
		c.write(clientFrame(0x1, true, []byte(`{"type":"ping","id":"p"}`)))
		c.expectText(`"type":"pong"`)
	}
}

// gatewayGoroutines counts the goroutines running any of the gateway's
// functions fns.
func gatewayGoroutines(fns ...string) int {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	count := 0
	for g := range strings.SplitSeq(string(buf), "\n\n") {
		for _, fn := range fns {
			if strings.Contains(g, "internal/realtime."+fn) {
				count++
				break
			}
		}
	}
	return count
}

// With one reader, connections take turns: every request of every
// connection is still answered, in order, and never more than one
// connection is read at once.
func TestReadersBound(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t, func(c *realtime.Config) { c.Readers = 1 })
	contact, _ := e.newVisitor(t, e.inbox)
	_, session := e.newAgent(t, parley.RoleAgent)
	conv := e.start(t, contact)

	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			c := dialRaw(t, n, clientFrame(0x1, true, []byte(`{"type":"auth","token":"`+session+`"}`)))
			c.expectText(`"type":"ready"`)
			c.write(clientFrame(0x1, true, []byte(`{"type":"subscribe","id":"s","conversation_id":"`+conv.ID+`"}`)))
			c.expectText(`"type":"subscribed"`)
			for j := range 5 {
				c.write(clientFrame(0x1, true, fmt.Appendf(nil, `{"type":"ping","id":"p%d-%d"}`, i, j)))
			}
			for j := range 5 {
				c.expectText(fmt.Sprintf(`{"type":"pong","id":"p%d-%d"}`, i, j))
			}
		})
	}
	wg.Wait()
	if runtime.GOOS == "linux" {
		if got := realtime.ReadersPeak(n.gw); got != 1 {
			t.Fatalf("%d connections read at once, want 1", got)
		}
	}
}

// The gateway behind a TLS server (not polled: each connection is read by
// a goroutine of its own) keeps every guarantee.
func TestTLS(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	gw, err := realtime.New(realtime.Config{
		Conversations: e.svc, Bus: e.bus, Authenticator: e.auth, Logger: discard,
		PublicOrigin: consoleOrigin, SendQueue: 64, WriteTimeout: time.Minute,
		// The slow client answers no ping: it must be cut off as a slow
		// consumer, however slowly the sends go, not for its heartbeat.
		PingInterval: time.Hour,
	})
	must(t, err)
	mux := http.NewServeMux()
	mux.Handle("GET "+realtime.Path, gw)
	srv := httptest.NewTLSServer(mux)
	t.Cleanup(srv.Close)
	t.Cleanup(gw.Close)
	n := &node{gw: gw, url: "wss" + strings.TrimPrefix(srv.URL, "https") + realtime.Path}

	contact, token := e.newVisitor(t, e.inbox)
	agent, session := e.newAgent(t, parley.RoleAgent)
	conv := e.start(t, contact)

	dial := func() *client {
		c := &client{t: t, frames: make(chan frame, 100_000), done: make(chan struct{})}
		ctx, cancel := context.WithTimeout(context.Background(), wait)
		defer cancel()
		ws, _, err := websocket.Dial(ctx, n.url, &websocket.DialOptions{
			HTTPClient: srv.Client(),
			HTTPHeader: http.Header{"Origin": {shopOrigin}},
		})
		must(t, err)
		ws.SetReadLimit(1 << 20)
		c.ws = ws
		t.Cleanup(func() { ws.CloseNow() })
		return c
	}
	v := dial()
	v.startReading()
	v.write(map[string]any{"type": "auth", "token": token})
	v.expect("ready")
	v.subscribe(conv.ID, 0)
	if f := v.request(map[string]any{"type": "send", "conversation_id": conv.ID, "client_id": "c1", "body": "Hello over TLS"}); f.Type != "ack" {
		t.Fatalf("send answered %s", f.raw)
	}
	if got := v.nextMessage(); got.Body != "Hello over TLS" {
		t.Fatalf("got %+v", got)
	}

	// A slow consumer is cut off here too.
	slow := dial()
	slow.write(map[string]any{"type": "auth", "token": session})
	slow.write(map[string]any{"type": "subscribe", "conversation_id": conv.ID})
	waitFor(t, "the slow client subscribed", func() bool { // (v follows the visitors' subject)
		return realtime.LocalSubscribers(gw, subjectOf(t, e, conv.ID)) == 1
	})
	body := strings.Repeat("x", parley.MaxMessageBodySize-100)
	for i := 0; realtime.SlowConsumers(gw) == 0; i++ {
		if i == 2000 {
			t.Fatal("the slow consumer was never disconnected")
		}
		e.send(t, e.agentOf(agent), conv.ID, parley.KindText, body)
	}
	slow.expectClose(realtime.StatusSlowConsumer, "slow consumer")

	gw.Close()
	v.expectClose(websocket.StatusGoingAway, "server shutting down")
}

// Frames as a raw client sends them: with the upgrade request, split over
// several writes, fragmented with a control frame in between; a ping frame
// is answered with a pong of the same payload; a close is answered.
func TestRawFrames(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	_, session := e.newAgent(t, parley.RoleAgent)

	t.Run("OK", func(t *testing.T) {
		auth := clientFrame(0x1, true, []byte(`{"type":"auth","token":"`+session+`"}`))
		r := dialRaw(t, n, auth) // the auth frame in the same write as the request
		if op, p := r.readFrame(); op != 0x1 || !strings.Contains(string(p), `"type":"ready"`) {
			t.Fatalf("got %x %s, want ready", op, p)
		}

		// One request in three writes.
		f := clientFrame(0x1, true, []byte(`{"type":"ping","id":"split"}`))
		for _, part := range [][]byte{f[:1], f[1:9], f[9:]} {
			r.write(part)
			time.Sleep(10 * time.Millisecond) // separate segments
		}
		r.expectText(`"id":"split"`)

		// A fragmented message with a ping between its fragments.
		r.write(clientFrame(0x1, false, []byte(`{"type":"pi`)))
		r.write(clientFrame(0x9, true, []byte("hb")))
		r.write(clientFrame(0x0, false, []byte(`ng","id":`)))
		r.write(clientFrame(0x0, true, []byte(`"frag"}`)))
		if op, p := r.readFrame(); op != 0xA || string(p) != "hb" {
			t.Fatalf("got %x %q, want pong hb", op, p)
		}
		r.expectText(`"id":"frag"`)

		// A binary frame is an error, and the connection stays usable.
		r.write(clientFrame(0x2, true, []byte(`{"type":"ping"}`)))
		r.expectText(`"code":"invalid"`)

		r.write(clientFrame(0x8, true, binary.BigEndian.AppendUint16(nil, 1000)))
		code, _ := r.expectClose()
		if code != 1000 {
			t.Fatalf("close answered with %d, want 1000", code)
		}
	})

	t.Run("Unmasked", func(t *testing.T) {
		r := dialRaw(t, n, nil)
		f := clientFrame(0x1, true, []byte(`{"type":"auth","token":"`+session+`"}`))
		f[1] &^= 0x80 // clear the mask bit, keep the (masked) payload
		r.write(f[:2])
		r.write(f[6:])
		if code, reason := r.expectClose(); code != 1002 || reason != "protocol error" {
			t.Fatalf("closed with %d %q, want 1002", code, reason)
		}
	})
}

func TestHandshake(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	url := "http" + strings.TrimPrefix(n.url, "ws")
	for _, tc := range []struct {
		name   string
		header http.Header
		status int
	}{
		{"NoUpgrade", http.Header{}, http.StatusUpgradeRequired},
		{"BadVersion", http.Header{"Connection": {"Upgrade"}, "Upgrade": {"websocket"},
			"Sec-Websocket-Version": {"8"}, "Sec-Websocket-Key": {"dGhlIHNhbXBsZSBub25jZQ=="}}, http.StatusBadRequest},
		{"BadKey", http.Header{"Connection": {"Upgrade"}, "Upgrade": {"websocket"},
			"Sec-Websocket-Version": {"13"}, "Sec-Websocket-Key": {"short"}}, http.StatusBadRequest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url, nil)
			must(t, err)
			req.Header = tc.header
			resp, err := http.DefaultClient.Do(req)
			must(t, err)
			resp.Body.Close()
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tc.status)
			}
		})
	}
}

// rawConn is a WebSocket client that writes frames byte for byte.
type rawConn struct {
	t  *testing.T
	nc net.Conn
	br *bufio.Reader
}

// dialRaw opens a WebSocket connection to n, sending extra right after the
// upgrade request, in the same write.
func dialRaw(t *testing.T, n *node, extra []byte) *rawConn {
	t.Helper()
	rest := strings.TrimPrefix(n.url, "ws://")
	host, path, _ := strings.Cut(rest, "/")
	nc, err := net.Dial("tcp", host)
	must(t, err)
	t.Cleanup(func() { nc.Close() })
	key := base64.StdEncoding.EncodeToString([]byte(rand.Text())[:16])
	req := "GET /" + path + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
		"Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n"
	_, err = nc.Write(append([]byte(req), extra...))
	must(t, err)
	r := &rawConn{t: t, nc: nc, br: bufio.NewReader(nc)}
	nc.SetReadDeadline(time.Now().Add(wait))
	resp, err := http.ReadResponse(r.br, nil)
	must(t, err)
	sum := sha1.Sum([]byte(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"))
	if resp.StatusCode != http.StatusSwitchingProtocols || resp.Header.Get("Sec-WebSocket-Accept") != base64.StdEncoding.EncodeToString(sum[:]) {
		t.Fatalf("upgrade answered %s %v", resp.Status, resp.Header)
	}
	return r
}

func (r *rawConn) write(b []byte) {
	r.t.Helper()
	if _, err := r.nc.Write(b); err != nil {
		r.t.Fatal(err)
	}
}

// readFrame reads one frame from the server, which must be unfragmented
// and unmasked.
func (r *rawConn) readFrame() (op byte, payload []byte) {
	r.t.Helper()
	r.nc.SetReadDeadline(time.Now().Add(wait))
	var h [2]byte
	if _, err := io.ReadFull(r.br, h[:]); err != nil {
		r.t.Fatalf("read frame: %v", err)
	}
	if h[0]&0x80 == 0 || h[0]&0x70 != 0 || h[1]&0x80 != 0 {
		r.t.Fatalf("frame header %x: want FIN, no RSV, no mask", h)
	}
	n := uint64(h[1] & 0x7f)
	switch n {
	case 126:
		var l [2]byte
		io.ReadFull(r.br, l[:])
		n = uint64(binary.BigEndian.Uint16(l[:]))
	case 127:
		var l [8]byte
		io.ReadFull(r.br, l[:])
		n = binary.BigEndian.Uint64(l[:])
	}
	payload = make([]byte, n)
	if _, err := io.ReadFull(r.br, payload); err != nil {
		r.t.Fatalf("read payload: %v", err)
	}
	return h[0] & 0x0f, payload
}

// expectText reads text frames until one contains s, which must be the
// answer of a request (no error but one containing s).
func (r *rawConn) expectText(s string) {
	r.t.Helper()
	op, p := r.readFrame()
	if op != 0x1 || !strings.Contains(string(p), s) {
		r.t.Fatalf("got %x %s, want a text frame with %s", op, p, s)
	}
	var v map[string]any
	if err := json.Unmarshal(p, &v); err != nil {
		r.t.Fatalf("frame %s: %v", p, err)
	}
}

// expectClose reads the server's close frame, then the end of the stream.
func (r *rawConn) expectClose() (code int, reason string) {
	r.t.Helper()
	op, p := r.readFrame()
	if op != 0x8 || len(p) < 2 {
		r.t.Fatalf("got %x %q, want a close frame", op, p)
	}
	code, reason = int(binary.BigEndian.Uint16(p)), string(p[2:])
	if code != 1000 {
		// Answer, as a client does, and close the sending side; the server
		// then closes the socket.
		r.nc.Write(clientFrame(0x8, true, p[:2]))
		r.nc.(*net.TCPConn).CloseWrite()
	}
	if _, err := r.br.ReadByte(); err != io.EOF {
		r.t.Fatalf("after the close frame: %v, want EOF", err)
	}
	return code, reason
}

// clientFrame returns a masked frame.
func clientFrame(op byte, fin bool, payload []byte) []byte {
	b0 := op
	if fin {
		b0 |= 0x80
	}
	f := []byte{b0}
	switch n := len(payload); {
	case n < 126:
		f = append(f, 0x80|byte(n))
	case n <= 0xffff:
		f = append(f, 0x80|126)
		f = binary.BigEndian.AppendUint16(f, uint16(n))
	default:
		f = append(f, 0x80|127)
		f = binary.BigEndian.AppendUint64(f, uint64(n))
	}
	var mask [4]byte
	rand.Read(mask[:])
	f = append(f, mask[:]...)
	for i, b := range payload {
		f = append(f, b^mask[i%4])
	}
	return f
}
