package client

import (
	"context"
	"net/http"
	"time"
)

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
