// Package bus implements parley.Bus over NATS.
//
// By default the bus runs an in-process NATS server that opens no network
// port: the server and its one client talk through an in-memory pipe
// (server.Options.DontListen + nats.InProcessServer). When a URL is
// configured, the bus connects to an external NATS server or cluster
// instead, so many Parley nodes share one bus. Both modes run the same code
// above the connection.
//
// Subjects are scoped per workspace; build them with Subject.
package bus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"

	"github.com/parleychat/parley"
)

// Timeouts used when no sooner context deadline applies.
const (
	dialTimeout   = 5 * time.Second  // first connect to an external server
	readyTimeout  = 10 * time.Second // embedded server start-up
	pingTimeout   = 2 * time.Second  // round trip in Ping
	drainTimeout  = 5 * time.Second  // Close: flush pending work
	reconnectWait = 2 * time.Second  // external: pause between reconnect attempts
	closeGrace    = drainTimeout + time.Second
)

// Config selects and names the NATS connection.
type Config struct {
	URL      string // "" = embedded in-process server with no listening port
	StoreDir string // JetStream store dir for the embedded server (e.g. <data-dir>/nats); required when URL == ""
	Name     string // connection name, e.g. "parley-<hostname>"
	// ReconnectWait is the pause between attempts to reconnect to an
	// external server (default 2 s).
	ReconnectWait time.Duration
}

// Bus is a parley.Bus over one NATS connection, to an embedded server or an
// external one.
//
// Delivery is at most once. A message published while no subscriber is
// connected, while the connection is re-establishing itself beyond the
// client's reconnect buffer, or to a subscriber that falls too far behind
// (the NATS client's pending limits) is dropped, not retried. Subscribers
// that may have missed a notification catch up from the store, which is the
// source of truth: once the connection to an external server is back (the
// client reconnects forever) and its subscriptions are in place again, the
// OnRecovered hooks run, here and — through a notice on the bus — on every
// other node. Messages on one subscription are handled one at a time, in
// the order the server delivered them.
type Bus struct {
	conn      *nats.Conn
	srv       *server.Server // nil when connected to an external server
	logger    *slog.Logger
	closed    chan struct{} // closed by the connection's ClosedHandler
	collector *collector
	recovery  *recovery

	closeOnce sync.Once
	closeErr  error
}

var _ parley.Bus = (*Bus)(nil)

// Open starts the embedded server (cfg.URL == "") or connects to cfg.URL.
// For an external server, Open fails if the first connection cannot be made
// within ctx's deadline or 5 seconds, whichever is sooner; after that the
// bus reconnects forever. A nil logger discards logs.
func Open(ctx context.Context, cfg Config, logger *slog.Logger) (*Bus, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("bus: open: %w", err)
	}
	b := &Bus{logger: logger, closed: make(chan struct{}), recovery: newRecovery()}
	opts := []nats.Option{
		nats.Name(cfg.Name),
		nats.DrainTimeout(drainTimeout),
		nats.ClosedHandler(func(*nats.Conn) { close(b.closed) }),
		nats.ErrorHandler(func(_ *nats.Conn, sub *nats.Subscription, err error) {
			subject := ""
			if sub != nil {
				subject = sub.Subject
			}
			logger.Warn("bus: asynchronous error", "subject", subject, "err", err)
		}),
	}
	var err error
	if cfg.URL == "" {
		err = b.openEmbedded(ctx, cfg, opts)
	} else {
		err = b.openExternal(ctx, cfg, opts)
	}
	if err != nil {
		return nil, err
	}
	b.collector = newCollector(b.conn)
	return b, nil
}

func (b *Bus) openExternal(ctx context.Context, cfg Config, opts []nats.Option) error {
	timeout := dialTimeout
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < timeout {
		timeout = time.Until(deadline)
	}
	where := redactURLs(cfg.URL)
	wait := cfg.ReconnectWait
	if wait <= 0 {
		wait = reconnectWait
	}
	opts = append(opts,
		nats.Timeout(timeout),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(wait),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			b.recovery.lost(time.Now())
			b.logger.Warn("bus: disconnected from NATS", "url", where, "err", err)
		}),
		nats.ReconnectHandler(func(nc *nats.Conn) {
			b.logger.Info("bus: reconnected to NATS", "url", redactURLs(nc.ConnectedUrl()))
			go b.reconnected()
		}),
	)
	conn, err := nats.Connect(cfg.URL, opts...)
	if err != nil {
		return fmt.Errorf("bus: connect to NATS at %s: %w", where, err)
	}
	b.conn = conn
	if err := b.listenForPeers(); err != nil {
		conn.Close()
		return fmt.Errorf("bus: subscribe to %s: %w", recoveredSubject, err)
	}
	b.logger.Info("bus: connected to NATS", "url", redactURLs(conn.ConnectedUrl()))
	return nil
}

// Embedded reports whether the bus runs its own in-process server.
func (b *Bus) Embedded() bool { return b.srv != nil }

// Publish sends data on subject without waiting for subscribers. It fails
// if ctx is already done, the subject is invalid or the bus is closed;
// a nil error does not mean that anyone received the message.
func (b *Bus) Publish(ctx context.Context, subject string, data []byte) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("bus: publish %s: %w", subject, err)
	}
	if err := b.conn.Publish(subject, data); err != nil {
		return fmt.Errorf("bus: publish %s: %w", subject, err)
	}
	return nil
}

// Subscribe calls fn with the subject and payload of every message on
// subject, which may contain the NATS wildcards '*' and '>'. Calls for one
// subscription never overlap. The returned function stops delivery; calling
// it again, or after Close, is a no-op.
func (b *Bus) Subscribe(subject string, fn func(subject string, data []byte)) (func() error, error) {
	sub, err := b.conn.Subscribe(subject, func(m *nats.Msg) { fn(m.Subject, m.Data) })
	if err != nil {
		return nil, fmt.Errorf("bus: subscribe %s: %w", subject, err)
	}
	var once sync.Once
	return func() error {
		var err error
		once.Do(func() {
			err = sub.Unsubscribe()
			if errors.Is(err, nats.ErrConnectionClosed) || errors.Is(err, nats.ErrConnectionDraining) {
				err = nil // Close already ended the subscription.
			}
		})
		if err != nil {
			return fmt.Errorf("bus: unsubscribe %s: %w", subject, err)
		}
		return nil
	}, nil
}

// Ping reports whether the bus is connected and the server answers a round
// trip within ctx's deadline or 2 seconds, whichever is sooner.
func (b *Bus) Ping(ctx context.Context) error {
	if status := b.conn.Status(); status != nats.CONNECTED {
		return fmt.Errorf("bus: ping: connection is %s", status)
	}
	ctx, cancel := context.WithTimeout(ctx, pingTimeout)
	defer cancel()
	if err := b.conn.FlushWithContext(ctx); err != nil {
		return fmt.Errorf("bus: ping: %w", err)
	}
	return nil
}

// Close drains the connection (pending messages are delivered to local
// subscribers and published ones flushed), then stops the embedded server
// if there is one. Calling Close again returns the first call's result.
func (b *Bus) Close() error {
	b.closeOnce.Do(func() { b.closeErr = b.close() })
	return b.closeErr
}

func (b *Bus) close() error {
	var errs []error
	switch err := b.conn.Drain(); {
	case err == nil, errors.Is(err, nats.ErrConnectionClosed):
	case errors.Is(err, nats.ErrConnectionReconnecting):
		// Drain closed the connection itself; anything still buffered
		// for the server is lost, which at-most-once delivery allows.
		b.logger.Warn("bus: closed while reconnecting; buffered messages dropped")
	default:
		errs = append(errs, fmt.Errorf("bus: drain: %w", err))
	}
	select {
	case <-b.closed:
	case <-time.After(closeGrace):
		b.conn.Close()
		errs = append(errs, errors.New("bus: drain did not finish in time"))
	}
	if b.srv != nil {
		b.srv.Shutdown()
		b.srv.WaitForShutdown()
	}
	return errors.Join(errs...)
}

// redactURLs hides passwords and tokens in a comma-separated list of NATS
// URLs so that it can be logged.
func redactURLs(list string) string {
	parts := strings.Split(list, ",")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if u, err := url.Parse(p); err == nil && u.User != nil {
			if _, hasPassword := u.User.Password(); hasPassword {
				p = u.Redacted()
			} else {
				u.User = url.User("xxxxx") // a bare token
				p = u.String()
			}
		}
		parts[i] = p
	}
	return strings.Join(parts, ",")
}
