package realtime

import (
	"context"
	"hash/fnv"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parleychat/parley"
)

const (
	// numShards spreads subjects over locks, so that subscribing and
	// unsubscribing on many subjects at once do not contend on one.
	numShards = 64
	// subscribeTimeout bounds placing one bus subscription.
	subscribeTimeout = 10 * time.Second
)

// sink receives the notifications of a subject for one local connection.
// deliver must not block: it runs on the bus's callback.
type sink interface {
	deliver(n *notice)
}

// hub holds one bus subscription per subject for all the local connections
// that follow it, and fans each notification out to them.
//
// Lock order: shard.mu, then topic.mu.
type hub struct {
	bus    parley.Bus
	logger *slog.Logger
	shards [numShards]shard
	// subscriptions counts the bus subscriptions in place.
	subscriptions atomic.Int64
}

type shard struct {
	mu     sync.Mutex
	topics map[string]*topic
}

// topicKey names a subject and what it carries.
type topicKey struct {
	subject     string
	workspaceID string
	// conversationID is set on a conversation's subject.
	conversationID string
	// feed: the workspace feed, whose notifications become feed frames.
	feed bool
	// availability: the workspace's availability, for visitors.
	availability bool
}

// topic is one subject's bus subscription and its local members.
type topic struct {
	topicKey
	// ready is closed once the bus subscription is in place (err nil) or
	// has failed (err set, and the topic removed from its shard).
	ready       chan struct{}
	err         error
	unsubscribe func() error
	// passed remembers the conversation events passed on lately, so that
	// one replayed after a bus outage (catchUp) and the same one arriving
	// live are passed on once.
	passed recentEvents

	mu      sync.RWMutex
	members map[sink]struct{}
}

func newHub(b parley.Bus, logger *slog.Logger) *hub {
	h := &hub{bus: b, logger: logger}
	for i := range h.shards {
		h.shards[i].topics = map[string]*topic{}
	}
	return h
}

func (h *hub) shard(subject string) *shard {
	f := fnv.New32a()
	f.Write([]byte(subject))
	return &h.shards[f.Sum32()%numShards]
}

// join adds s to the members of k's subject, subscribing on the bus if s
// is its first local member. When join returns nil, the bus server has the
// subscription: anything published from then on reaches s.
func (h *hub) join(ctx context.Context, k topicKey, s sink) error {
	subject := k.subject
	sh := h.shard(subject)
	sh.mu.Lock()
	t, ok := sh.topics[subject]
	if !ok {
		t = &topic{topicKey: k, ready: make(chan struct{}), members: map[sink]struct{}{}}
		sh.topics[subject] = t
	}
	t.mu.Lock()
	t.members[s] = struct{}{}
	t.mu.Unlock()
	sh.mu.Unlock()
	if !ok {
		h.start(sh, t)
	}
	select {
	case <-t.ready:
	case <-ctx.Done():
		h.leave(subject, s)
		return ctx.Err()
	}
	return t.err
}

// start places t's bus subscription and waits until the bus server has it.
func (h *hub) start(sh *shard, t *topic) {
	defer close(t.ready)
	unsubscribe, err := h.bus.Subscribe(t.subject, t.dispatch(h.logger))
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), subscribeTimeout)
		err = h.bus.Ping(ctx) // a round trip: the server has processed the subscription
		cancel()
		if err != nil {
			unsubscribe()
		}
	}
	if err != nil {
		h.logger.Warn("realtime: subscribe", "subject", t.subject, "err", err)
		t.err = parley.Errorf(parley.EUNAVAILABLE, "Real-time delivery is unavailable; try again.")
		sh.mu.Lock()
		if sh.topics[t.subject] == t {
			delete(sh.topics, t.subject)
		}
		sh.mu.Unlock()
		return
	}
	t.unsubscribe = unsubscribe
	h.subscriptions.Add(1)
}

// leave removes s from the members of subject; the last member to leave
// removes the bus subscription.
func (h *hub) leave(subject string, s sink) {
	sh := h.shard(subject)
	sh.mu.Lock()
	t, ok := sh.topics[subject]
	if !ok {
		sh.mu.Unlock()
		return
	}
	t.mu.Lock()
	delete(t.members, s)
	empty := len(t.members) == 0
	t.mu.Unlock()
	if !empty {
		sh.mu.Unlock()
		return
	}
	delete(sh.topics, subject)
	sh.mu.Unlock()
	<-t.ready
	if t.err != nil {
		return
	}
	h.subscriptions.Add(-1)
	if err := t.unsubscribe(); err != nil {
		h.logger.Warn("realtime: unsubscribe", "subject", subject, "err", err)
	}
}

// dispatch returns the bus callback of t: it passes each notification on.
func (t *topic) dispatch(logger *slog.Logger) func(subject string, data []byte) {
	return func(subject string, data []byte) { t.pass(logger, subject, data, false) }
}

// pass decodes a notification once and hands it to every member without
// blocking. A conversation event already passed on (live, or replayed by
// catchUp) is not passed on again.
func (t *topic) pass(logger *slog.Logger, subject string, data []byte, replayed bool) {
	n, err := decodeNotice(data, t.feed)
	if err != nil {
		logger.Warn("realtime: undecodable notification", "subject", subject, "err", err)
		return
	}
	if n.conv != nil && n.event.ID != "" && !t.passed.add(n.event.ID, n.event.CreatedAt) {
		return
	}
	n.replayed = replayed
	t.deliver(n)
}

// deliver hands n to every member without blocking.
func (t *topic) deliver(n *notice) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	for s := range t.members {
		s.deliver(n)
	}
}

// topics returns the topics whose bus subscription is in place.
func (h *hub) topics() []*topic {
	var out []*topic
	for i := range h.shards {
		sh := &h.shards[i]
		sh.mu.Lock()
		for _, t := range sh.topics {
			select {
			case <-t.ready:
				if t.err == nil {
					out = append(out, t)
				}
			default: // its subscription is being placed, after the bus came back
			}
		}
		sh.mu.Unlock()
	}
	return out
}

// replay passes data on to the members of subject, if this node follows
// it, as if the bus had delivered it.
func (h *hub) replay(subject string, data []byte) {
	sh := h.shard(subject)
	sh.mu.Lock()
	t := sh.topics[subject]
	sh.mu.Unlock()
	if t == nil {
		return
	}
	select {
	case <-t.ready:
		if t.err == nil {
			t.pass(h.logger, subject, data, true)
		}
	default:
	}
}

// members returns how many local members subject has (for tests).
func (h *hub) members(subject string) int {
	sh := h.shard(subject)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	t, ok := sh.topics[subject]
	if !ok {
		return 0
	}
	t.mu.RLock()
	defer t.mu.RUnlock()
	return len(t.members)
}

// Bounds of recentEvents.
const (
	// recentWindow is how long, in event time, a topic remembers the
	// events it passed on: much longer than catchUpMargin, so that what a
	// replay reads again is remembered, and so are the replayed events
	// when another node's held-back notifications of them arrive after.
	recentWindow = 5 * time.Minute
	// maxRecent bounds the events a topic remembers; past it the oldest
	// are forgotten, and may then (rarely) be passed on twice.
	maxRecent = 1024
)

// recentEvents remembers the IDs of the events a topic passed on within
// recentWindow of the newest. It holds no memory until the first.
type recentEvents struct {
	mu    sync.Mutex
	ids   map[string]struct{}
	order []recentEvent // oldest first, roughly (nodes' clocks differ a little)
}

type recentEvent struct {
	id string
	at time.Time
}

// add records the event id created at at, and reports whether it is new.
func (r *recentEvents) add(id string, at time.Time) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.ids[id]; ok {
		return false
	}
	if r.ids == nil {
		r.ids = map[string]struct{}{}
	}
	r.ids[id] = struct{}{}
	r.order = append(r.order, recentEvent{id, at})
	drop := 0
	for drop < len(r.order)-1 && (len(r.order)-drop > maxRecent || r.order[drop].at.Before(at.Add(-recentWindow))) {
		delete(r.ids, r.order[drop].id)
		drop++
	}
	if drop > 0 {
		r.order = append(r.order[:0], r.order[drop:]...)
	}
	return true
}
