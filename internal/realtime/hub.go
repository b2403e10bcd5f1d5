package realtime

import (
	"context"
	"hash/fnv"
	"log/slog"
	"strings"
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

// hub fans the bus's notifications out to the local connections.
//
// The conversations of a workspace share one bus subscription, a route
// ("parley.ws.<id>.conversation.>"), and so do its contacts' feeds (which
// every widget follows: "parley.ws.<id>.contact.>"), placed when the node's first
// connection follows one of them and removed when the last stops: a node
// subscribes once per workspace, not once per conversation or connection,
// so an idle follower costs no bus subscription (nor the goroutine the
// NATS client runs for each). A notification arriving on a route is
// decoded once, and its frames encoded once, for every local topic it
// reaches: the conversation's subject and the staff wildcard over it.
// Other subjects (the workspace feed, availability) have a bus
// subscription each, shared by their local members.
//
// A node whose connections of a workspace are all visitors' thus receives
// the staff-only notifications (notes) of its conversations too: they
// reach no visitor, since a visitor's topic is its conversation's visitor
// subject, matched exactly, and emit drops anything staff-only.
//
// Lock order: routesMu, then shard.mu, then topic.mu.
type hub struct {
	bus    parley.Bus
	logger *slog.Logger
	shards [numShards]shard
	// subscriptions counts the bus subscriptions in place.
	subscriptions atomic.Int64

	routesMu sync.Mutex
	routes   map[string]*route
}

// route is one bus subscription shared by many topics: every conversation
// subject of a workspace.
type route struct {
	subject string
	// ready is closed once the subscription is in place (err nil) or has
	// failed (err set, and the route removed from the hub).
	ready       chan struct{}
	err         error
	unsubscribe func() error
	refs        int // topics using it; guarded by hub.routesMu
}

type shard struct {
	mu     sync.Mutex
	topics map[string]*topic
}

// topicKey names a subject and what it carries.
type topicKey struct {
	subject     string
	workspaceID string
	// conversationID is set on a conversation's subject, contactID on a
	// contact's feed (a visitor's).
	conversationID string
	contactID      string
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
	// route is the shared subscription the topic uses, nil when it has
	// its own (unsubscribe).
	route *route
	// passed remembers the conversation events passed on lately, so that
	// one replayed after a bus outage (catchUp) and the same one arriving
	// live are passed on once.
	passed recentEvents

	mu      sync.RWMutex
	members sinkSet
}

func newHub(b parley.Bus, logger *slog.Logger) *hub {
	h := &hub{bus: b, logger: logger, routes: map[string]*route{}}
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
		t = &topic{topicKey: k, ready: make(chan struct{})}
		sh.topics[subject] = t
	}
	t.mu.Lock()
	t.members.add(s)
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

// routeOf returns the subject of the route that carries k's subject, a
// conversation's ("….conversation.<id>.<audience or *>" becomes
// "….conversation.>") or a contact's feed ("….contact.<id>.conversations"
// becomes "….contact.>"), or "" if it has its own subscription.
func routeOf(k topicKey) string {
	token := k.conversationID
	if token == "" {
		token = k.contactID
	}
	if token == "" || k.feed {
		return ""
	}
	i := strings.Index(k.subject, "."+token+".")
	if i <= 0 {
		return ""
	}
	return k.subject[:i] + ".>"
}

// start places t's bus subscription, or joins the route that carries it,
// and waits until the bus server has it.
func (h *hub) start(sh *shard, t *topic) {
	defer close(t.ready)
	var err error
	if subject := routeOf(t.topicKey); subject != "" {
		t.route, err = h.acquire(subject)
	} else {
		t.unsubscribe, err = h.subscribe(t.subject, t.dispatch(h.logger))
	}
	if err != nil {
		t.route = nil
		t.err = err
		sh.mu.Lock()
		if sh.topics[t.subject] == t {
			delete(sh.topics, t.subject)
		}
		sh.mu.Unlock()
	}
}

// acquire returns the route of subject, placing its subscription if it is
// the first topic to use it, once the bus server has it.
func (h *hub) acquire(subject string) (*route, error) {
	h.routesMu.Lock()
	r, ok := h.routes[subject]
	if !ok {
		r = &route{subject: subject, ready: make(chan struct{})}
		h.routes[subject] = r
	}
	r.refs++
	h.routesMu.Unlock()
	if !ok {
		r.unsubscribe, r.err = h.subscribe(subject, h.dispatchRoute)
		if r.err != nil {
			h.routesMu.Lock()
			if h.routes[subject] == r {
				delete(h.routes, subject)
			}
			h.routesMu.Unlock()
		}
		close(r.ready)
	}
	<-r.ready
	if r.err != nil {
		return nil, r.err
	}
	return r, nil
}

// release gives back a topic's use of r; the last removes its
// subscription.
func (h *hub) release(r *route) {
	h.routesMu.Lock()
	r.refs--
	last := r.refs == 0
	if last && h.routes[r.subject] == r {
		delete(h.routes, r.subject)
	}
	h.routesMu.Unlock()
	if !last {
		return
	}
	h.subscriptions.Add(-1)
	if err := r.unsubscribe(); err != nil {
		h.logger.Warn("realtime: unsubscribe", "subject", r.subject, "err", err)
	}
}

// dispatchRoute is the bus callback of a route: it decodes a conversation
// notification once and passes it on to the topics its subject reaches.
func (h *hub) dispatchRoute(subject string, data []byte) {
	var targets [2]*topic
	n := 0
	for _, s := range [2]string{subject, wildcardOf(subject)} {
		if s == "" {
			continue
		}
		sh := h.shard(s)
		sh.mu.Lock()
		if t := sh.topics[s]; t != nil {
			targets[n] = t
			n++
		}
		sh.mu.Unlock()
	}
	if n == 0 {
		return // no local follower
	}
	nt, err := decodeNotice(data, false)
	if err != nil {
		h.logger.Warn("realtime: undecodable notification", "subject", subject, "err", err)
		return
	}
	for _, t := range targets[:n] {
		t.passNotice(nt) // decoded live: not replayed
	}
}

// wildcardOf returns subject with its last token replaced by "*": the
// staff subject of a conversation's audience subject.
func wildcardOf(subject string) string {
	i := strings.LastIndexByte(subject, '.')
	if i < 0 || subject[i+1:] == "*" {
		return ""
	}
	return subject[:i] + ".*"
}

// subscribe places a bus subscription and waits until the bus server has
// it.
func (h *hub) subscribe(subject string, fn func(string, []byte)) (func() error, error) {
	unsubscribe, err := h.bus.Subscribe(subject, fn)
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), subscribeTimeout)
		err = h.bus.Ping(ctx) // a round trip: the server has processed the subscription
		cancel()
		if err != nil {
			unsubscribe()
		}
	}
	if err != nil {
		h.logger.Warn("realtime: subscribe", "subject", subject, "err", err)
		return nil, parley.Errorf(parley.EUNAVAILABLE, "Real-time delivery is unavailable; try again.")
	}
	h.subscriptions.Add(1)
	return unsubscribe, nil
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
	t.members.remove(s)
	empty := t.members.len() == 0
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
	if t.route != nil {
		h.release(t.route)
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
	n.replayed = replayed
	t.passNotice(n)
}

// passNotice hands a decoded notification to every member without
// blocking, unless it is a conversation event already passed on. n may be
// shared with other topics, and is not modified: the writers of their
// members read it.
func (t *topic) passNotice(n *notice) {
	if n.conv != nil && n.event.ID != "" && !t.passed.add(n.event.ID, n.event.CreatedAt) {
		return
	}
	t.deliver(n)
}

// deliver hands n to every member without blocking.
func (t *topic) deliver(n *notice) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	if t.members.one == nil {
		return
	}
	t.members.one.deliver(n)
	for s := range t.members.more {
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
	return t.members.len()
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
