package parley

import (
	"context"
	"time"
)

// Bus carries notifications between nodes. Delivery is at most once: a
// subscriber that may have missed a notification catches up from the Store,
// which is the source of truth. internal/bus implements it over NATS.
type Bus interface {
	// Publish sends data on subject. It does not wait for subscribers.
	Publish(ctx context.Context, subject string, data []byte) error
	// Subscribe calls fn for every message on subject (NATS wildcards
	// allowed) until the returned function is called.
	Subscribe(subject string, fn func(subject string, data []byte)) (unsubscribe func() error, err error)
	// Ping reports whether the bus is connected and answers.
	Ping(ctx context.Context) error
	// OnRecovered registers fn, called each time the bus has recovered
	// from a loss during which notifications may have been lost: this
	// node's connection to the server is back (its subscriptions in place
	// again), or another node reports that its own is. since is when the
	// loss began: subscribers catch up from the Store from then on. fn
	// must not block; calls may overlap. The returned function
	// unregisters fn.
	OnRecovered(fn func(since time.Time)) (remove func())
	// Close drains and releases the bus.
	Close() error
}
