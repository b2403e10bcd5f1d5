package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"
)

// realtimePath is the WebSocket endpoint.
const realtimePath = "/api/v1/realtime"

// Conn is a real-time connection: it authenticates in its first frame,
// follows conversations and the workspace feed, sends, and receives frames
// through Next. Its methods are safe for concurrent use, except Next, which
// one goroutine at a time calls.
//
// A Conn outlives the WebSocket connection under it: Reconnect (or
// WithAutoReconnect) opens a new one and resumes every conversation from
// LastSeq, so the application sees each message once, in order.
type Conn struct {
	c      *Client
	opts   connectOptions
	frames *queue
	ids    atomic.Uint64
	dialMu sync.Mutex // one connection attempt at a time

	mu      sync.Mutex
	sock    *socket       // nil while disconnected
	ready   Ready         // of the last connection
	up      chan struct{} // closed while connected
	down    chan struct{} // closed while disconnected without automatic reconnection
	downErr error         // why the last connection ended
	done    chan struct{} // closed once the Conn has ended for good
	err     error         // why it ended
	follow  map[string]bool
	pos     map[string]int64 // highest seq handed to the application, per conversation
	feed    feedState
	// token is the credential connections authenticate with: the Client's,
	// then the last one refreshed; expiresAt is when it expires (zero:
	// never, or not known).
	token      string
	expiresAt  time.Time
	refreshing atomic.Bool // an automatic refresh is under way
}

// socket is one WebSocket connection of a Conn.
type socket struct {
	ws    *websocket.Conn
	ready Ready
	// stale is closed when the Conn has moved on from this socket: its
	// reader stops handing frames over.
	stale      chan struct{}
	readerDone chan struct{}
	lastSeen   atomic.Int64 // unix nanoseconds of the last frame or ping
	// Guarded by Conn.mu.
	pending map[string]chan reply
	auto    map[string]string // id of an automatic request → its conversation ("" for the feed)
}

type reply struct {
	f   *wireFrame
	raw []byte
	err error
}

// Connect opens a real-time connection, authenticates in the first frame
// (the token never travels in the URL) and returns once the server is
// ready. Without a token, the console's session cookie (WithSession) is
// sent instead, with an empty auth frame; the server accepts it only from
// the console's origin, which the Conn sends as the base URL's origin
// unless WithOrigin says otherwise (a server whose public URL differs from
// the base URL).
func (c *Client) Connect(ctx context.Context, opts ...ConnectOption) (*Conn, error) {
	o := connectOptions{header: http.Header{}, buffer: DefaultBuffer, writeTimeout: DefaultWriteTimeout, readLimit: DefaultReadLimit}
	for _, opt := range opts {
		opt(&o)
	}
	if o.buffer <= 0 {
		o.buffer = DefaultBuffer
	}
	if o.writeTimeout <= 0 {
		o.writeTimeout = DefaultWriteTimeout
	}
	conn := &Conn{
		c: c, opts: o, frames: newQueue(o.buffer),
		up: make(chan struct{}), down: make(chan struct{}), done: make(chan struct{}),
		follow: map[string]bool{}, pos: map[string]int64{}, token: c.token,
	}
	if err := conn.connect(ctx, true); err != nil {
		return nil, err
	}
	return conn, nil
}

// wsURL returns the WebSocket URL of the endpoint.
func (c *Client) wsURL() string {
	u := *c.base
	if u.Scheme == "https" {
		u.Scheme = "wss"
	} else {
		u.Scheme = "ws"
	}
	u.Path += realtimePath
	return u.String()
}

// dial opens a WebSocket connection, authenticates with token and reads
// ready.
func (conn *Conn) dial(ctx context.Context, token string) (*socket, error) {
	c := conn.c
	s := &socket{stale: make(chan struct{}), readerDone: make(chan struct{}), pending: map[string]chan reply{}, auto: map[string]string{}}
	hdr := conn.opts.header.Clone()
	if c.userAgent != "" {
		hdr.Set("User-Agent", c.userAgent)
	}
	if token == "" && c.session != "" {
		// The server accepts the session cookie only from the console's
		// own pages: by default, say so, as the console in a browser would.
		hdr.Set("Cookie", (&http.Cookie{Name: sessionCookie, Value: c.session}).String())
		if hdr.Get("Origin") == "" {
			hdr.Set("Origin", c.base.Scheme+"://"+c.base.Host)
		}
	}
	ws, resp, err := websocket.Dial(ctx, c.wsURL(), &websocket.DialOptions{
		HTTPClient: c.hc,
		HTTPHeader: hdr,
		OnPingReceived: func(context.Context, []byte) bool {
			s.lastSeen.Store(time.Now().UnixNano())
			return true
		},
	})
	if err != nil {
		if resp != nil && resp.StatusCode != http.StatusSwitchingProtocols {
			return nil, &Error{Status: resp.StatusCode, Code: codeOfStatus(resp.StatusCode),
				Detail: "The WebSocket handshake was refused: " + http.StatusText(resp.StatusCode)}
		}
		return nil, fmt.Errorf("client: connect: %w", err)
	}
	ws.SetReadLimit(conn.opts.readLimit)
	s.ws = ws
	auth, _ := json.Marshal(wireRequest{Type: "auth", Token: token})
	if err := conn.write(s, auth); err != nil {
		ws.CloseNow()
		return nil, fmt.Errorf("client: authenticate: %w", closeError(err))
	}
	_, data, err := ws.Read(ctx)
	if err != nil {
		ws.CloseNow()
		if ctx.Err() != nil {
			return nil, fmt.Errorf("client: authenticate: %w", ctx.Err())
		}
		return nil, closeError(err)
	}
	var w wireFrame
	if err := json.Unmarshal(data, &w); err != nil || w.Type != "ready" {
		ws.CloseNow()
		return nil, fmt.Errorf("client: expected a ready frame, got %.200s", data)
	}
	s.ready = w.ready()
	s.lastSeen.Store(time.Now().UnixNano())
	return s, nil
}

// connect opens a connection, unless one is open and force is false, and
// follows again what the Conn follows.
func (conn *Conn) connect(ctx context.Context, force bool) error {
	conn.dialMu.Lock()
	defer conn.dialMu.Unlock()
	conn.mu.Lock()
	if conn.isDone() {
		conn.mu.Unlock()
		return conn.doneErr()
	}
	old := conn.sock
	if old != nil && !force {
		conn.mu.Unlock()
		return nil
	}
	if old != nil {
		conn.detach(old, errors.New("reconnecting"), false)
	}
	conn.mu.Unlock()
	if old != nil {
		old.ws.CloseNow()
		<-old.readerDone
	}

	token, err := conn.credential(ctx)
	if err != nil {
		return err
	}
	s, err := conn.dial(ctx, token)
	if err != nil {
		if old != nil && !conn.opts.reconnect {
			// Reconnect dropped a working connection and failed: Next must
			// report the loss rather than wait for frames.
			conn.mu.Lock()
			if conn.sock == nil {
				conn.signalDown()
			}
			conn.mu.Unlock()
		}
		return err
	}
	conn.mu.Lock()
	if conn.isDone() {
		conn.mu.Unlock()
		s.ws.CloseNow()
		return conn.doneErr()
	}
	conn.sock, conn.ready = s, s.ready
	conn.token, conn.expiresAt = token, s.ready.ExpiresAt
	close(conn.up)
	conn.down = make(chan struct{})
	// Follow again, each conversation from what the application has seen:
	// anything after it still waiting in the buffer comes again and is
	// dropped by Next as a duplicate.
	var resub [][]byte
	for id := range conn.follow {
		rid := "a" + strconv.FormatUint(conn.ids.Add(1), 36)
		s.auto[rid] = id
		data, _ := json.Marshal(wireRequest{Type: "subscribe", ID: rid, ConversationID: id, AfterSeq: conn.pos[id]})
		resub = append(resub, data)
	}
	if conn.feed.on {
		// From the last event the application has seen, on a feed with a
		// cursor: anything after it still waiting in the buffer comes again
		// and is dropped by Next as a duplicate.
		rid := "a" + strconv.FormatUint(conn.ids.Add(1), 36)
		s.auto[rid] = ""
		data, _ := json.Marshal(conn.feedRequest(rid))
		resub = append(resub, data)
	}
	reconnected := conn.downErr != nil
	conn.mu.Unlock()

	go conn.read(s)
	conn.watch(s)
	for _, data := range resub {
		if err := conn.write(s, data); err != nil {
			break // the reader sees the connection end
		}
	}
	if reconnected && conn.opts.onReconnect != nil {
		conn.opts.onReconnect(s.ready)
	}
	return nil
}

// credential returns the token to connect with: the current one, or a new
// one from the token source when there is none or it has expired.
func (conn *Conn) credential(ctx context.Context) (string, error) {
	conn.mu.Lock()
	token, exp, cause := conn.token, conn.expiresAt, conn.downErr
	conn.mu.Unlock()
	source := conn.opts.tokenSource
	stale := expired(cause) || (!exp.IsZero() && !time.Now().Before(exp)) || (token == "" && conn.c.session == "")
	if source == nil || !stale {
		return token, nil
	}
	token, err := source(ctx)
	if err != nil {
		return "", fmt.Errorf("client: token source: %w", err)
	}
	return token, nil
}

// Reconnect replaces the connection with a new one (closing the current one,
// if any) and follows again every conversation, from LastSeq, and the feed
// (after FeedCursor, when followed with SubscribeFeedAfter).
// Use it after Next reported a lost connection, when the Conn does not
// reconnect by itself.
func (conn *Conn) Reconnect(ctx context.Context) error {
	return conn.connect(ctx, true)
}

// watch closes a connection that has shown no sign of life — no frame, no
// ping — for two heartbeat intervals and ten seconds: the network is gone
// without telling.
func (conn *Conn) watch(s *socket) {
	if s.ready.HeartbeatInterval <= 0 {
		return
	}
	limit := 2*s.ready.HeartbeatInterval + 10*time.Second
	var check func()
	check = func() {
		select {
		case <-s.stale:
			return
		default:
		}
		idle := time.Since(time.Unix(0, s.lastSeen.Load()))
		if idle >= limit {
			s.ws.CloseNow()
			return
		}
		time.AfterFunc(limit-idle, check)
	}
	time.AfterFunc(limit, check)
}

// read is a socket's reading goroutine: it routes answers to the requests
// waiting for them and queues the other frames for Next.
func (conn *Conn) read(s *socket) {
	defer close(s.readerDone)
	for {
		typ, data, err := s.ws.Read(context.Background())
		if err != nil {
			conn.lost(s, closeError(err))
			return
		}
		s.lastSeen.Store(time.Now().UnixNano())
		if typ != websocket.MessageText {
			continue
		}
		w := new(wireFrame)
		if json.Unmarshal(data, w) != nil {
			continue
		}
		if !conn.dispatch(s, w, data) {
			return // stale: the Conn has moved on
		}
	}
}

// dispatch hands one frame to its waiting request or to the queue, and
// reports false if the socket went stale meanwhile.
func (conn *Conn) dispatch(s *socket, w *wireFrame, raw []byte) bool {
	if w.ID != "" {
		conn.mu.Lock()
		if ch, ok := s.pending[w.ID]; ok {
			delete(s.pending, w.ID)
			conn.mu.Unlock()
			ch <- reply{f: w, raw: raw}
			return true
		}
		conv, auto := s.auto[w.ID]
		if auto {
			delete(s.auto, w.ID)
			if w.Type == FrameError {
				// The conversation (or the feed) cannot be followed any more.
				if conv == "" {
					conn.feed.on, conn.feed.resume = false, false
				} else {
					w.ConversationID = conv
					delete(conn.follow, conv)
				}
			}
		}
		conn.mu.Unlock()
		if !auto || w.Type == "feed_subscribed" {
			return true // an answer nobody waits for any more
		}
	}
	if w.Type == FrameTokenExpiring && conn.opts.tokenSource != nil {
		conn.autoRefresh()
	}
	return conn.frames.push(w.frame(raw), s.stale)
}

// lost handles the end of a socket's connection.
func (conn *Conn) lost(s *socket, err error) {
	conn.mu.Lock()
	if conn.sock != s {
		conn.mu.Unlock()
		return // replaced or closed already
	}
	final := !conn.opts.reconnect || terminal(err) || (expired(err) && conn.opts.tokenSource == nil)
	conn.detach(s, err, !conn.opts.reconnect)
	if conn.opts.reconnect && final {
		conn.finish(err)
	}
	conn.mu.Unlock()
	if conn.opts.onDisconnect != nil {
		conn.opts.onDisconnect(err)
	}
	if conn.opts.reconnect && !final {
		go conn.reconnectLoop()
	}
}

// detach forgets the current socket: its reader stops, its pending
// requests fail. signal wakes Next to report the loss. conn.mu is held.
func (conn *Conn) detach(s *socket, cause error, signal bool) {
	conn.sock = nil
	close(s.stale)
	for id, ch := range s.pending {
		ch <- reply{err: &disconnected{cause: cause}}
		delete(s.pending, id)
	}
	conn.up = make(chan struct{})
	conn.downErr = cause
	if signal {
		conn.signalDown()
	}
}

// signalDown wakes Next to report that the Conn is disconnected.
// conn.mu is held.
func (conn *Conn) signalDown() {
	select {
	case <-conn.down:
	default:
		close(conn.down)
	}
}

// finish ends the Conn for good with err. conn.mu is held.
func (conn *Conn) finish(err error) {
	if conn.isDone() {
		return
	}
	conn.err = err
	close(conn.done)
}

func (conn *Conn) isDone() bool {
	select {
	case <-conn.done:
		return true
	default:
		return false
	}
}

// doneErr is the error of a Conn that has ended. conn.mu is held.
func (conn *Conn) doneErr() error {
	if conn.err == nil {
		return ErrClosed
	}
	return conn.err
}

// reconnectLoop re-establishes the connection with backoff until it
// succeeds, the Conn is closed, or the server refuses the credentials.
func (conn *Conn) reconnectLoop() {
	backoff := conn.opts.minBackoff
	for attempt := 0; ; attempt++ {
		wait := backoff/2 + rand.N(backoff/2+1)
		if attempt == 0 {
			wait = rand.N(backoff + 1) // spread the herd after a node stops
		}
		select {
		case <-conn.done:
			return
		case <-time.After(wait):
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		err := conn.connect(ctx, false)
		cancel()
		switch {
		case err == nil:
			return
		case terminal(err):
			conn.mu.Lock()
			conn.finish(err)
			conn.mu.Unlock()
			return
		}
		backoff = min(2*backoff, conn.opts.maxBackoff)
	}
}

// Close closes the connection (1000) and ends the Conn: Next returns
// ErrClosed once the frames already received are consumed.
func (conn *Conn) Close() error {
	conn.mu.Lock()
	if conn.isDone() {
		conn.mu.Unlock()
		return nil
	}
	s := conn.sock
	if s != nil {
		conn.detach(s, ErrClosed, false)
	}
	conn.finish(ErrClosed)
	conn.mu.Unlock()
	if s != nil {
		s.ws.Close(websocket.StatusNormalClosure, "")
		<-s.readerDone
	}
	return nil
}

// Done is closed once the Conn has ended: Close was called, or automatic
// reconnection gave up (Err says why).
func (conn *Conn) Done() <-chan struct{} { return conn.done }

// Err returns why the Conn ended (ErrClosed after Close), or nil.
func (conn *Conn) Err() error {
	conn.mu.Lock()
	defer conn.mu.Unlock()
	if !conn.isDone() {
		return nil
	}
	return conn.doneErr()
}

// Ready returns what the server said of the current (or last) connection.
func (conn *Conn) Ready() Ready {
	conn.mu.Lock()
	defer conn.mu.Unlock()
	return conn.ready
}

// Connected reports whether the Conn has a connection now.
func (conn *Conn) Connected() bool {
	conn.mu.Lock()
	defer conn.mu.Unlock()
	return conn.sock != nil
}

// LastSeq returns the highest seq of the conversation that Next has
// returned (or that Subscribe was told the application has): where the Conn
// resumes after a reconnection. Persist it to resume in a later process.
func (conn *Conn) LastSeq(conversationID string) int64 {
	conn.mu.Lock()
	defer conn.mu.Unlock()
	return conn.pos[conversationID]
}

// Next returns the next frame: messages of the conversations followed
// (each once, in seq order), their edits, state changes, typing and read
// frames, feed events. It returns the context's error when ctx ends; after a
// lost connection, when the Conn does not reconnect by itself, an error
// matching ErrDisconnected (call Reconnect, then Next again); after Close,
// ErrClosed.
func (conn *Conn) Next(ctx context.Context) (Frame, error) {
	for {
		conn.mu.Lock()
		down := conn.down
		conn.mu.Unlock()
		f, ok, err := conn.frames.pop(ctx, down, conn.done)
		if err != nil {
			return Frame{}, err
		}
		if !ok { // nothing more will come on this connection
			conn.mu.Lock()
			defer conn.mu.Unlock()
			if conn.isDone() {
				return Frame{}, conn.doneErr()
			}
			return Frame{}, &disconnected{cause: conn.downErr}
		}
		if conn.accept(&f) {
			return f, nil
		}
	}
}

// accept reports whether the application is to see f: a message at or
// below the conversation's position, or a feed event at or before the
// feed's, was seen already.
func (conn *Conn) accept(f *Frame) bool {
	if f.Type == FrameEvent {
		conn.mu.Lock()
		defer conn.mu.Unlock()
		return conn.acceptEvent(f)
	}
	if f.Type != FrameMessage || f.Message == nil {
		return true
	}
	conn.mu.Lock()
	defer conn.mu.Unlock()
	id := f.Message.ConversationID
	if f.Message.Seq <= conn.pos[id] {
		return false
	}
	conn.pos[id] = f.Message.Seq
	return true
}
