package parley

import "context"

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
	// Close drains and releases the bus.
	Close() error
}
