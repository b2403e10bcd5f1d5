package client

import (
	"context"
	"errors"
	"fmt"
	"time"
)

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
