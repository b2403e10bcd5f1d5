package client

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/coder/websocket"
)

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
