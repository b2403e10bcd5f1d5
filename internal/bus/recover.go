package bus

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
)

// recoveredSubject carries the notices of nodes whose connection came
// back: {"bus": <the node's bus ID>, "since": <when it was lost>}. It is
// outside every workspace's subjects ("parley.ws.…").
const recoveredSubject = "parley.bus.recovered"

// recoveredNotice is what a node publishes once its connection is back.
type recoveredNotice struct {
	Bus   string    `json:"bus"`
	Since time.Time `json:"since"`
}

// recovery tracks losses of the connection and calls the OnRecovered
// hooks once the bus is whole again.
type recovery struct {
	id string // this bus's, to ignore its own notices

	mu        sync.Mutex
	downSince time.Time // zero while connected
	hooks     map[int]func(time.Time)
	next      int
}

func newRecovery() *recovery {
	return &recovery{id: rand.Text(), hooks: map[int]func(time.Time){}}
}

// OnRecovered registers fn; see parley.Bus. An embedded bus never loses
// its in-process connection, so it calls fn only for other nodes' notices,
// which it never receives either.
func (b *Bus) OnRecovered(fn func(since time.Time)) (remove func()) {
	r := b.recovery
	r.mu.Lock()
	defer r.mu.Unlock()
	id := r.next
	r.next++
	r.hooks[id] = fn
	return func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		delete(r.hooks, id)
	}
}

// lost records that notifications may have been lost from at on: the
// earliest loss since the bus was last whole counts.
func (r *recovery) lost(at time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.downSince.IsZero() || at.Before(r.downSince) {
		r.downSince = at
	}
}

// notify calls every hook with since.
func (r *recovery) notify(since time.Time) {
	r.mu.Lock()
	hooks := make([]func(time.Time), 0, len(r.hooks))
	for _, fn := range r.hooks {
		hooks = append(hooks, fn)
	}
	r.mu.Unlock()
	for _, fn := range hooks {
		fn(since)
	}
}

// reconnected runs after the NATS client re-established the connection and
// sent its subscriptions again: once a round trip shows the server has
// them, every hook is called with the time of the loss, and the other nodes
// are told (they may have published while this one could not hear).
func (b *Bus) reconnected() {
	r := b.recovery
	r.mu.Lock()
	since := r.downSince
	r.downSince = time.Time{} // a loss from now on is recorded anew
	r.mu.Unlock()
	if since.IsZero() {
		since = time.Now() // no loss was reported; be safe
	}
	ctx, cancel := context.WithTimeout(context.Background(), pingTimeout)
	defer cancel()
	if err := b.Ping(ctx); err != nil {
		// Lost again: the next reconnection reports the loss, from since.
		r.lost(since)
		b.logger.Warn("bus: reconnected, but the server does not answer", "err", err)
		return
	}
	b.logger.Info("bus: connection recovered; subscribers catch up from the database", "since", since)
	r.notify(since)
	data, err := json.Marshal(recoveredNotice{Bus: r.id, Since: since})
	if err == nil {
		err = b.conn.Publish(recoveredSubject, data)
	}
	if err != nil {
		b.logger.Warn("bus: tell the other nodes of the recovery", "err", err)
	}
}

// listenForPeers subscribes to the other nodes' recovery notices.
func (b *Bus) listenForPeers() error {
	_, err := b.conn.Subscribe(recoveredSubject, func(m *nats.Msg) {
		var n recoveredNotice
		if json.Unmarshal(m.Data, &n) != nil || n.Bus == "" || n.Bus == b.recovery.id || n.Since.IsZero() {
			return
		}
		b.logger.Info("bus: another node's connection recovered; subscribers catch up from the database", "since", n.Since)
		go b.recovery.notify(n.Since)
	})
	return err
}
