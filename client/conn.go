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

// Defaults of a Conn.
const (
	DefaultBuffer       = 16384            // frames waiting for Next
	DefaultWriteTimeout = 10 * time.Second // writing one frame
	DefaultReadLimit    = 4 << 20          // the largest frame accepted from the server
)

// ErrClosed is returned by a Conn's methods once Close was called.
var ErrClosed = errors.New("client: connection closed")

// ErrDisconnected is matched (errors.Is) by the errors of requests made,
// or pending, while a Conn without automatic reconnection is disconnected.
// Call Reconnect, then retry: every request is safe to repeat (Send with the
// same client ID).
var ErrDisconnected = errors.New("client: disconnected")

// CloseError says why the server ended a connection, or that the network
// did (Code 1006, with Err set).
type CloseError struct {
	Code   int    // the WebSocket close code: 1008 authentication, 4008 slow consumer, … (docs/protocol.md)
	Reason string // the server's close reason
	Err    error  // the underlying error, for an abnormal closure
}

func (e *CloseError) Error() string {
	s := "client: connection closed with " + strconv.Itoa(e.Code)
	if e.Reason != "" {
		s += " (" + e.Reason + ")"
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *CloseError) Unwrap() error { return e.Err }

// closeError turns a read or dial error into a *CloseError.
func closeError(err error) *CloseError {
	var ce websocket.CloseError
	if errors.As(err, &ce) {
		return &CloseError{Code: int(ce.Code), Reason: ce.Reason}
	}
	var own *CloseError
	if errors.As(err, &own) {
		return own
	}
	return &CloseError{Code: int(websocket.StatusAbnormalClosure), Err: err}
}

// Close codes of a connection whose credential ended (docs/protocol.md).
const (
	// StatusTokenExpired: the credential expired without a refresh.
	StatusTokenExpired = 4003
	// StatusCredentialRevoked: the credential ended before its expiry
	// (revoked or deleted, its agent disabled, logout, its contact erased,
	// its workspace deleted). A Conn reconnects only with a new token from
	// its token source.
	StatusCredentialRevoked = 4004
	// StatusRoleChanged: the agent's role changed. A Conn with automatic
	// reconnection reconnects with the same credential and the new role.
	StatusRoleChanged = 4005
	// StatusContactMerged: the visitor's contact was merged into another,
	// which its session now belongs to. A Conn with automatic
	// reconnection reconnects with the same token, as that contact.
	StatusContactMerged = 4006
)

// expired reports whether err is the close of a connection whose
// credential expired or ended: only a new one can connect again.
func expired(err error) bool {
	var ce *CloseError
	return errors.As(err, &ce) && (ce.Code == StatusTokenExpired || ce.Code == StatusCredentialRevoked)
}

// terminal reports whether a connection that ended with err must not be
// re-established automatically: its credentials or origin were refused.
func terminal(err error) bool {
	var ce *CloseError
	if errors.As(err, &ce) {
		return ce.Code == int(websocket.StatusPolicyViolation) || ce.Code == int(websocket.StatusProtocolError)
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden
	}
	return errors.Is(err, ErrClosed)
}

// disconnected is the error of a request cut off by a lost connection.
type disconnected struct{ cause error }

func (d *disconnected) Error() string {
	if d.cause == nil {
		return ErrDisconnected.Error()
	}
	return ErrDisconnected.Error() + ": " + d.cause.Error()
}
func (d *disconnected) Is(target error) bool { return target == ErrDisconnected }
func (d *disconnected) Unwrap() error        { return d.cause }

// ConnectOption configures a Conn.
type ConnectOption func(*connectOptions)

type connectOptions struct {
	header       http.Header
	buffer       int
	reconnect    bool
	minBackoff   time.Duration
	maxBackoff   time.Duration
	writeTimeout time.Duration
	readLimit    int64
	onDisconnect func(error)
	onReconnect  func(Ready)
	tokenSource  TokenSource
	onRefresh    func(expiresAt time.Time, err error)
}

// TokenSource returns a new credential for a Conn: typically a visitor
// token (or an identity JWT) fetched from your back-end. It is called with
// a context bounding the call.
type TokenSource func(ctx context.Context) (string, error)

// WithTokenSource makes the Conn renew its credential by itself. When the
// server warns that the credential expires soon (a FrameTokenExpiring
// frame), the Conn calls source and sends the new token in a refresh
// request: the connection, its subscriptions and its position stay as they
// are. When a connection is closed because its credential expired (close
// code StatusTokenExpired) — the refresh failed, or the process slept —
// the Conn, with automatic reconnection, calls source and reconnects with
// the new token, resuming every conversation. The source is also called
// for the first connection when the Client has no credentials.
//
// Without a token source, FrameTokenExpiring frames still reach Next: call
// Refresh yourself, or the connection ends with StatusTokenExpired, which
// ends the Conn (reconnecting with an expired token would be refused).
func WithTokenSource(source TokenSource) ConnectOption {
	return func(o *connectOptions) { o.tokenSource = source }
}

// OnRefresh registers a function called after each refresh the Conn makes
// by itself (WithTokenSource): with the new credential's expiry (zero: it
// does not expire), or with the error of the token source or of the
// server. After a failure the connection lasts until the old credential
// expires, then ends with StatusTokenExpired (and, reconnecting, the Conn
// asks the token source again). It must not block.
func OnRefresh(f func(expiresAt time.Time, err error)) ConnectOption {
	return func(o *connectOptions) { o.onRefresh = f }
}

// WithOrigin sets the Origin header of the WebSocket handshake, as a
// browser would: a visitor connection is accepted only from an origin its
// inbox allows (or with no Origin at all, as from a back-end).
func WithOrigin(origin string) ConnectOption {
	return func(o *connectOptions) { o.header.Set("Origin", origin) }
}

// WithHeader adds headers to the WebSocket handshake.
func WithHeader(h http.Header) ConnectOption {
	return func(o *connectOptions) {
		for k, vs := range h {
			for _, v := range vs {
				o.header.Add(k, v)
			}
		}
	}
}

// WithBuffer sets how many received frames may wait for Next (default
// DefaultBuffer). When it is full the Conn stops reading: the server then
// disconnects it as a slow consumer (4008), and with automatic reconnection
// the Conn resumes without loss once Next is called again.
func WithBuffer(frames int) ConnectOption {
	return func(o *connectOptions) { o.buffer = frames }
}

// WithAutoReconnect makes the Conn re-establish a lost connection by
// itself, waiting between attempts from minBackoff doubling up to
// maxBackoff (with jitter), then follow again every conversation (from
// LastSeq) and the feed. Requests cut off by the loss are sent again once
// connected. It gives up only when the credentials or the origin are
// refused (close code 1008, HTTP 401 or 403), or the credential expired
// (StatusTokenExpired) and there is no token source (WithTokenSource);
// Next then returns the error.
//
// The protocol's recommendation is WithAutoReconnect(time.Second,
// 30*time.Second).
func WithAutoReconnect(minBackoff, maxBackoff time.Duration) ConnectOption {
	return func(o *connectOptions) {
		o.reconnect = true
		o.minBackoff, o.maxBackoff = max(minBackoff, time.Millisecond), max(maxBackoff, minBackoff, time.Millisecond)
	}
}

// WithWriteTimeout bounds the writing of one frame (default
// DefaultWriteTimeout). A write that times out breaks the connection.
func WithWriteTimeout(d time.Duration) ConnectOption {
	return func(o *connectOptions) { o.writeTimeout = d }
}

// OnDisconnect registers a function called, on the Conn's own goroutine,
// each time its connection is lost (not after Close). It must not block.
func OnDisconnect(f func(err error)) ConnectOption {
	return func(o *connectOptions) { o.onDisconnect = f }
}

// OnReconnect registers a function called each time the Conn has
// reconnected (automatically or by Reconnect). It must not block.
func OnReconnect(f func(Ready)) ConnectOption {
	return func(o *connectOptions) { o.onReconnect = f }
}

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
	feed    bool
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
	if conn.feed {
		rid := "a" + strconv.FormatUint(conn.ids.Add(1), 36)
		s.auto[rid] = ""
		data, _ := json.Marshal(wireRequest{Type: "subscribe_feed", ID: rid})
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
// if any) and follows again every conversation, from LastSeq, and the feed.
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
					conn.feed = false
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

// autoRefresh fetches a new credential from the token source and sends it
// in a refresh request, in the background; one at a time.
func (conn *Conn) autoRefresh() {
	if !conn.refreshing.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer conn.refreshing.Store(false)
		ctx, cancel := context.WithTimeout(context.Background(), refreshTimeout)
		defer cancel()
		go func() {
			select {
			case <-conn.done:
				cancel()
			case <-ctx.Done():
			}
		}()
		var exp time.Time
		token, err := conn.opts.tokenSource(ctx)
		if err != nil {
			err = fmt.Errorf("client: token source: %w", err)
		} else {
			exp, err = conn.Refresh(ctx, token)
		}
		if conn.opts.onRefresh != nil && !errors.Is(err, ErrClosed) {
			conn.opts.onRefresh(exp, err)
		}
	}()
}

// refreshTimeout bounds an automatic refresh: the token source and the
// server's answer.
const refreshTimeout = time.Minute

// Refresh replaces the connection's credential in place with token (for a
// visitor: a new visitor token, or an identity JWT of its inbox; it must be
// the same contact's) and returns its expiry (zero: it does not expire).
// The connection and its subscriptions stay as they are; later
// reconnections use token. Refused with CodeForbidden if the token is
// someone else's, CodeUnauthorized if it is invalid or expired; the
// connection then lasts until the old credential expires.
func (conn *Conn) Refresh(ctx context.Context, token string) (time.Time, error) {
	f, err := conn.request(ctx, wireRequest{Type: "refresh", Token: token})
	if err != nil {
		return time.Time{}, err
	}
	var exp time.Time
	if f.ExpiresAt != nil {
		exp = *f.ExpiresAt
	}
	conn.mu.Lock()
	conn.token, conn.expiresAt = token, exp
	conn.mu.Unlock()
	return exp, nil
}

// ExpiresAt returns when the Conn's current credential expires (zero: it
// does not, or the server did not say).
func (conn *Conn) ExpiresAt() time.Time {
	conn.mu.Lock()
	defer conn.mu.Unlock()
	return conn.expiresAt
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
// below the conversation's position was seen already.
func (conn *Conn) accept(f *Frame) bool {
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

// current returns the connection to send on; with automatic reconnection it
// waits for one.
func (conn *Conn) current(ctx context.Context) (*socket, error) {
	for {
		conn.mu.Lock()
		switch {
		case conn.isDone():
			err := conn.doneErr()
			conn.mu.Unlock()
			return nil, err
		case conn.sock != nil:
			s := conn.sock
			conn.mu.Unlock()
			return s, nil
		case !conn.opts.reconnect:
			err := &disconnected{cause: conn.downErr}
			conn.mu.Unlock()
			return nil, err
		}
		up := conn.up
		conn.mu.Unlock()
		select {
		case <-up:
		case <-conn.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// write writes one frame, bounded by the write timeout rather than a
// caller's context: an interrupted write would break the connection.
func (conn *Conn) write(s *socket, data []byte) error {
	ctx, cancel := context.WithTimeout(context.Background(), conn.opts.writeTimeout)
	defer cancel()
	return s.ws.Write(ctx, websocket.MessageText, data)
}

// call sends a request built by build (given its id) and returns the
// answer. With automatic reconnection a request cut off by a lost
// connection is sent again on the next one; every request of the protocol
// is safe to repeat.
func (conn *Conn) call(ctx context.Context, build func(id string) ([]byte, error)) (*wireFrame, []byte, error) {
	for {
		s, err := conn.current(ctx)
		if err != nil {
			return nil, nil, err
		}
		id := "r" + strconv.FormatUint(conn.ids.Add(1), 36)
		data, err := build(id)
		if err != nil {
			return nil, nil, err
		}
		if maxSize := s.ready.MaxFrameSize; maxSize > 0 && int64(len(data)) > maxSize {
			return nil, nil, &Error{Code: CodeInvalid, Detail: fmt.Sprintf(
				"The frame is %d bytes; the server accepts at most %d.", len(data), maxSize)}
		}
		ch := make(chan reply, 1)
		conn.mu.Lock()
		if conn.sock != s {
			conn.mu.Unlock()
			continue
		}
		s.pending[id] = ch
		conn.mu.Unlock()
		if err := conn.write(s, data); err != nil {
			// The connection is broken: the reader notices, and the
			// request fails (or, reconnecting, is sent again) below.
			s.ws.CloseNow()
		}
		select {
		case r := <-ch:
			switch {
			case r.err != nil && conn.opts.reconnect && !errors.Is(r.err, ErrClosed):
				continue
			case r.err != nil:
				return nil, nil, r.err
			case r.f.Type == FrameError:
				return r.f, r.raw, r.f.err()
			}
			return r.f, r.raw, nil
		case <-ctx.Done():
			conn.mu.Lock()
			delete(s.pending, id)
			conn.mu.Unlock()
			return nil, nil, ctx.Err()
		}
	}
}

func (conn *Conn) request(ctx context.Context, req wireRequest) (*wireFrame, error) {
	f, _, err := conn.call(ctx, func(id string) ([]byte, error) {
		req.ID = id
		return json.Marshal(req)
	})
	return f, err
}

// Subscribed is the answer to Subscribe.
type Subscribed struct {
	ConversationID string
	// LastSeq is where the conversation's stream stands: every message up
	// to it has been received (and waits for Next, if not yet returned).
	LastSeq int64
	// Conversation is the conversation's state at that moment.
	Conversation *Conversation
}

// Subscribe follows a conversation: the server replays every message after
// afterSeq (or after LastSeq, if greater: a Conn never returns a seq twice),
// then streams it live. The replayed messages come through Next; read them
// concurrently if more than the buffer holds may be replayed. After a
// reconnection the Conn follows it again by itself.
//
// Visitors may follow their own conversations only; others are refused with
// CodeNotFound.
func (conn *Conn) Subscribe(ctx context.Context, conversationID string, afterSeq int64) (*Subscribed, error) {
	conn.mu.Lock()
	conn.follow[conversationID] = true
	conn.pos[conversationID] = max(conn.pos[conversationID], afterSeq)
	from := conn.pos[conversationID]
	conn.mu.Unlock()
	f, err := conn.request(ctx, wireRequest{Type: "subscribe", ConversationID: conversationID, AfterSeq: from})
	if err != nil {
		if ErrorCode(err) != "" {
			conn.mu.Lock()
			delete(conn.follow, conversationID)
			conn.mu.Unlock()
		}
		return nil, err
	}
	return &Subscribed{ConversationID: f.ConversationID, LastSeq: f.LastSeq, Conversation: f.Conversation}, nil
}

// Unsubscribe stops following a conversation.
func (conn *Conn) Unsubscribe(ctx context.Context, conversationID string) error {
	conn.mu.Lock()
	delete(conn.follow, conversationID)
	conn.mu.Unlock()
	_, err := conn.request(ctx, wireRequest{Type: "unsubscribe", ConversationID: conversationID})
	return err
}

// Send sends a message and returns it once durable (the ack). in.ClientID
// is generated when empty; with automatic reconnection the send is retried
// with the same client ID until acknowledged or ctx ends, so it is stored
// once. Your own message also arrives through Next on the conversations you
// follow. A visitor writing in a resolved conversation whose inbox starts a
// new one gets a message of the new conversation (Message.ConversationID):
// subscribe to it.
func (conn *Conn) Send(ctx context.Context, conversationID string, in SendInput) (*SendResult, error) {
	if in.ClientID == "" {
		in.ClientID = NewClientID()
	}
	f, err := conn.request(ctx, wireRequest{
		Type: "send", ConversationID: conversationID, ClientID: in.ClientID, Kind: in.Kind,
		Body: in.Body, AttachmentIDs: in.AttachmentIDs, DisplayName: in.DisplayName,
	})
	if err != nil {
		return nil, err
	}
	m := f.message()
	if m == nil {
		return nil, fmt.Errorf("client: the send's answer carries no message")
	}
	return &SendResult{Message: *m, Duplicate: f.Duplicate}, nil
}

// MarkRead marks a conversation read up to seq (never backwards) and
// returns the caller's read position.
func (conn *Conn) MarkRead(ctx context.Context, conversationID string, seq int64) (int64, error) {
	f, err := conn.request(ctx, wireRequest{Type: "read", ConversationID: conversationID, Seq: seq})
	if err != nil {
		return 0, err
	}
	return f.LastReadSeq, nil
}

// Typing tells the others following the conversation that you type; note
// (staff only) means typing a note, which visitors never hear. The server
// passes on at most one signal a second.
func (conn *Conn) Typing(ctx context.Context, conversationID string, note bool) error {
	_, err := conn.request(ctx, wireRequest{Type: "typing", ConversationID: conversationID, Note: note})
	return err
}

// SubscribeFeed follows conversation events. Staff (with
// conversations:read) follow the workspace's: they arrive through Next as
// FrameEvent frames. A visitor follows its own contact's conversations,
// including those started on its other devices: they arrive as
// FrameConversation frames (Event "conversation.created" for a new one).
func (conn *Conn) SubscribeFeed(ctx context.Context) error {
	conn.mu.Lock()
	conn.feed = true
	conn.mu.Unlock()
	_, err := conn.request(ctx, wireRequest{Type: "subscribe_feed"})
	if ErrorCode(err) != "" {
		conn.mu.Lock()
		conn.feed = false
		conn.mu.Unlock()
	}
	return err
}

// UnsubscribeFeed stops following the feed.
func (conn *Conn) UnsubscribeFeed(ctx context.Context) error {
	conn.mu.Lock()
	conn.feed = false
	conn.mu.Unlock()
	_, err := conn.request(ctx, wireRequest{Type: "unsubscribe_feed"})
	return err
}

// Ping sends a ping frame and returns the round-trip time to the pong.
func (conn *Conn) Ping(ctx context.Context) (time.Duration, error) {
	start := time.Now()
	_, err := conn.request(ctx, wireRequest{Type: "ping"})
	return time.Since(start), err
}

// Request sends a frame of any type with the given fields (for frame types
// this package does not know yet) and returns the answer. The id is set by
// the Conn. An error frame is returned as an *Error.
func (conn *Conn) Request(ctx context.Context, typ string, fields map[string]any) (*Frame, error) {
	w, raw, err := conn.call(ctx, func(id string) ([]byte, error) {
		m := make(map[string]any, len(fields)+2)
		for k, v := range fields {
			m[k] = v
		}
		m["type"], m["id"] = typ, id
		return json.Marshal(m)
	})
	if err != nil {
		return nil, err
	}
	f := w.frame(raw)
	return &f, nil
}

// queue holds received frames for Next: a FIFO of bounded length, for one
// producer (the current reader) and one consumer.
type queue struct {
	mu       sync.Mutex
	items    []Frame
	head     int
	limit    int
	notEmpty chan struct{}
	notFull  chan struct{}
}

func newQueue(limit int) *queue {
	return &queue{limit: limit, notEmpty: make(chan struct{}, 1), notFull: make(chan struct{}, 1)}
}

// push appends f, waiting while the queue is full; it gives up, returning
// false, when stale is closed.
func (q *queue) push(f Frame, stale <-chan struct{}) bool {
	for {
		q.mu.Lock()
		if len(q.items)-q.head < q.limit {
			if q.head > 0 && len(q.items) == cap(q.items) {
				// Reuse the consumed front rather than grow.
				n := copy(q.items, q.items[q.head:])
				clear(q.items[n:])
				q.items, q.head = q.items[:n], 0
			}
			q.items = append(q.items, f)
			q.mu.Unlock()
			signal(q.notEmpty)
			return true
		}
		q.mu.Unlock()
		select {
		case <-q.notFull:
		case <-stale:
			return false
		}
	}
}

// pop returns the oldest frame. It waits while the queue is empty; ok is
// false when it is empty and down or done is closed.
func (q *queue) pop(ctx context.Context, down, done <-chan struct{}) (f Frame, ok bool, err error) {
	for {
		q.mu.Lock()
		if q.head < len(q.items) {
			f = q.items[q.head]
			q.items[q.head] = Frame{}
			q.head++
			if q.head == len(q.items) {
				q.items, q.head = q.items[:0], 0
			}
			q.mu.Unlock()
			signal(q.notFull)
			return f, true, nil
		}
		q.mu.Unlock()
		select {
		case <-q.notEmpty:
		case <-ctx.Done():
			return Frame{}, false, ctx.Err()
		case <-down:
			if !q.empty() {
				continue
			}
			return Frame{}, false, nil
		case <-done:
			if !q.empty() {
				continue
			}
			return Frame{}, false, nil
		}
	}
}

func (q *queue) empty() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.head == len(q.items)
}

func signal(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}
