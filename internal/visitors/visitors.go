// Package visitors keeps the list of visitors on the site now — contacts
// with a live widget connection — on any number of nodes, and carries
// agents' invitations to them.
//
// Each node keeps its own visitors in memory, as its gateway tells it of
// their connections and of the page each reports. It publishes their
// state on the bus (at once when it changes, and all of it every Refresh,
// as a lease), and keeps every other node's as it hears it: a node that
// stops says so, and one that crashes stops refreshing, so its visitors
// leave every other node's list once their lease (three Refresh periods)
// runs out. Nothing of it is in the database but when each contact's last
// visit ended (parley.ContactSeenStore), which tells returning visitors
// from new ones and lists the recently seen.
//
// A visitor goes offline Grace after its last connection closes, unless
// it connects again in between: moving to another page of the site closes
// the widget's connection and opens a new one, and the visit goes on.
package visitors

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/parleychat/parley"
)

// Defaults of Config.
const (
	DefaultGrace   = 10 * time.Second
	DefaultRefresh = 15 * time.Second
)

// Config configures a Service.
type Config struct {
	// Seen records when visits end; nil records nothing.
	Seen parley.ContactSeenStore
	// Bus shares the visitors between nodes; nil keeps them on this node.
	Bus parley.Bus
	// Subject names a workspace's subjects (internal/bus.Subject), and
	// AllSubject is the wildcard of the "visitors" subject of every
	// workspace (internal/bus.AllWorkspaces("visitors")); both required
	// with Bus.
	Subject    func(workspaceID string, parts ...string) (string, error)
	AllSubject string
	Logger     *slog.Logger
	// Grace is how long a visitor stays online after its last connection
	// closes (default DefaultGrace).
	Grace time.Duration
	// Refresh is how often this node publishes all its visitors (default
	// DefaultRefresh); other nodes forget them 3 Refresh after the last.
	Refresh time.Duration
	// Node names this node; default a random ID.
	Node string
	Now  func() time.Time
}

// Event says how a visitor changed.
type Event string

// The events of a Change.
const (
	EventOnline  Event = "online"
	EventUpdated Event = "updated"
	EventOffline Event = "offline"
)

// Change is a change of a visitor of the workspace, as watchers see it.
type Change struct {
	Event   Event
	Visitor parley.OnlineVisitor
}

type key struct{ ws, contact string }

// Conn is one live visitor connection on this node.
type Conn struct {
	key    key
	inbox  string
	page   parley.VisitorPage
	pageAt time.Time
	send   func(*parley.Invitation)
}

// local is a visitor with connections on this node.
type local struct {
	conns  map[*Conn]struct{}
	since  time.Time
	leftAt time.Time // when the last connection closed; zero while one is live
	last   *Conn     // the connection whose page is shown
}

// record is a visitor's state on one node, as the bus carries it.
type record struct {
	WorkspaceID string             `json:"workspace_id"`
	ContactID   string             `json:"contact_id"`
	InboxID     string             `json:"inbox_id,omitempty"`
	Page        parley.VisitorPage `json:"page"`
	PageAt      time.Time          `json:"page_at,omitzero"`
	Since       time.Time          `json:"since"`
	Connections int                `json:"connections"`
	// Gone: the visitor has left this node.
	Gone bool `json:"gone,omitempty"`
}

// message is what nodes publish on the bus.
type message struct {
	Kind        string             `json:"kind"` // "state", "hello", "bye", "invitation"
	Node        string             `json:"node"`
	WorkspaceID string             `json:"workspace_id"`
	Records     []record           `json:"records,omitempty"`
	Invite      *parley.Invitation `json:"invitation,omitempty"`
}

// remote is another node's visitors.
type remote struct {
	records map[key]record
	heard   map[key]time.Time
}

// Service tracks visitors. It is safe for concurrent use; nothing a
// gateway calls blocks on the database or the bus.
type Service struct {
	cfg    Config
	logger *slog.Logger

	mu            sync.Mutex
	locals        map[key]*local
	remotes       map[string]*remote // by node
	watchers      map[string]map[*watcher]struct{}
	dirty         map[key]bool      // to publish
	ended         map[key]time.Time // visits that ended here, to record
	hello         bool              // another node asked for everything
	sayHello      bool              // ask the other nodes for everything
	stopRecovered func()
	kick          chan struct{}
	unsub         func() error
}

type watcher struct{ fn func(Change) }

// New returns a Service; Run publishes its visitors and ends visits.
func New(cfg Config) (*Service, error) {
	if cfg.Bus != nil && (cfg.Subject == nil || cfg.AllSubject == "") {
		return nil, errors.New("visitors: subjects are required with a bus")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Grace <= 0 {
		cfg.Grace = DefaultGrace
	}
	if cfg.Refresh <= 0 {
		cfg.Refresh = DefaultRefresh
	}
	if cfg.Node == "" {
		cfg.Node = uuid.NewString()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &Service{
		cfg: cfg, logger: cfg.Logger,
		locals: map[key]*local{}, remotes: map[string]*remote{}, watchers: map[string]map[*watcher]struct{}{},
		dirty: map[key]bool{}, ended: map[key]time.Time{}, kick: make(chan struct{}, 1),
	}
	if cfg.Bus != nil {
		unsub, err := cfg.Bus.Subscribe(cfg.AllSubject, s.receive)
		if err != nil {
			return nil, err
		}
		s.unsub = unsub
		// Notifications may have been lost: publish everything, and ask
		// the other nodes to.
		s.stopRecovered = cfg.Bus.OnRecovered(func(time.Time) {
			s.mu.Lock()
			s.hello, s.sayHello = true, true
			s.mu.Unlock()
			s.wake()
		})
	}
	return s, nil
}

// Grace returns how long a visitor stays online after its last connection.
func (s *Service) Grace() time.Duration { return s.cfg.Grace }

func (s *Service) wake() {
	select {
	case s.kick <- struct{}{}:
	default:
	}
}

// Connected records a new connection of a visitor (a contact of the
// workspace, entering by inboxID) on this node; send delivers an
// invitation to it and must not block.
func (s *Service) Connected(workspaceID, contactID, inboxID string, send func(*parley.Invitation)) *Conn {
	k := key{workspaceID, contactID}
	c := &Conn{key: k, inbox: inboxID, send: send}
	s.mu.Lock()
	before, was := s.view(k)
	l := s.locals[k]
	if l == nil {
		l = &local{conns: map[*Conn]struct{}{}, since: s.cfg.Now().UTC()}
		s.locals[k] = l
	}
	l.conns[c] = struct{}{}
	l.leftAt = time.Time{}
	if l.last == nil {
		l.last = c
	}
	s.changed(k, before, was)
	s.mu.Unlock()
	s.wake()
	return c
}

// Page records the page a connection's visitor is on now; p must have
// passed parley.CheckVisitorPage.
func (s *Service) Page(c *Conn, p parley.VisitorPage) {
	s.mu.Lock()
	l := s.locals[c.key]
	if l == nil {
		s.mu.Unlock()
		return
	}
	if _, ok := l.conns[c]; !ok {
		s.mu.Unlock()
		return
	}
	before, was := s.view(c.key)
	c.page, c.pageAt = p, s.cfg.Now().UTC()
	l.last = c
	s.changed(c.key, before, was)
	s.mu.Unlock()
	s.wake()
}

// Disconnected records that a connection ended. After the last one the
// visitor stays online for Grace, unless it connects again.
func (s *Service) Disconnected(c *Conn) {
	s.mu.Lock()
	l := s.locals[c.key]
	if l == nil {
		s.mu.Unlock()
		return
	}
	if _, ok := l.conns[c]; !ok {
		s.mu.Unlock()
		return
	}
	before, was := s.view(c.key)
	delete(l.conns, c)
	if l.last == c {
		// The page of a tab still open, if one reported one; else the
		// page this one was on.
		for o := range l.conns {
			if !o.pageAt.IsZero() && (l.last == c || o.pageAt.After(l.last.pageAt)) {
				l.last = o
			}
		}
	}
	if len(l.conns) == 0 {
		l.leftAt = s.cfg.Now().UTC()
	}
	s.changed(c.key, before, was)
	s.mu.Unlock()
	s.wake()
}

// Watch calls fn with every change of the workspace's visitors until stop
// is called. fn must not block; it is called with no lock held by the
// caller but in the order of the changes.
func (s *Service) Watch(workspaceID string, fn func(Change)) (stop func()) {
	w := &watcher{fn: fn}
	s.mu.Lock()
	if s.watchers[workspaceID] == nil {
		s.watchers[workspaceID] = map[*watcher]struct{}{}
	}
	s.watchers[workspaceID][w] = struct{}{}
	s.mu.Unlock()
	return func() {
		s.mu.Lock()
		delete(s.watchers[workspaceID], w)
		if len(s.watchers[workspaceID]) == 0 {
			delete(s.watchers, workspaceID)
		}
		s.mu.Unlock()
	}
}

// Online returns a page of the workspace's online visitors, ordered by
// contact ID; opt.After is a contact ID.
func (s *Service) Online(workspaceID string, opt parley.ListOptions) parley.List[parley.OnlineVisitor] {
	limit := opt.EffectiveLimit()
	s.mu.Lock()
	seen := map[string]bool{}
	var ids []string
	add := func(k key) {
		if k.ws == workspaceID && k.contact > opt.After && !seen[k.contact] {
			seen[k.contact] = true
			ids = append(ids, k.contact)
		}
	}
	for k := range s.locals {
		add(k)
	}
	for _, r := range s.remotes {
		for k := range r.records {
			add(k)
		}
	}
	slices.Sort(ids)
	items := make([]parley.OnlineVisitor, 0, min(len(ids), limit+1))
	for _, id := range ids {
		if len(items) > limit {
			break
		}
		if v, ok := s.view(key{workspaceID, id}); ok {
			items = append(items, v)
		}
	}
	s.mu.Unlock()
	if len(items) <= limit {
		return parley.List[parley.OnlineVisitor]{Items: items}
	}
	items = items[:limit]
	return parley.List[parley.OnlineVisitor]{Items: items, Next: items[limit-1].ContactID}
}

// Visitor returns a visitor of the workspace if it is online.
func (s *Service) Visitor(workspaceID, contactID string) (parley.OnlineVisitor, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.view(key{workspaceID, contactID})
}

// Invite sends inv to the visitor's connections, on whichever nodes they
// are. Returns ENOTFOUND if the visitor is not online.
func (s *Service) Invite(ctx context.Context, workspaceID string, inv *parley.Invitation) error {
	if _, ok := s.Visitor(workspaceID, inv.ContactID); !ok {
		return &parley.Error{Code: parley.ENOTFOUND, Reason: "visitor_offline", Message: "The visitor is not online."}
	}
	if s.cfg.Bus == nil {
		s.deliver(workspaceID, inv)
		return nil
	}
	return s.publish(ctx, workspaceID, message{Kind: "invitation", Node: s.cfg.Node, Invite: inv})
}

// deliver passes an invitation to this node's connections of its visitor.
func (s *Service) deliver(workspaceID string, inv *parley.Invitation) {
	s.mu.Lock()
	var sends []func(*parley.Invitation)
	if l := s.locals[key{workspaceID, inv.ContactID}]; l != nil {
		for c := range l.conns {
			sends = append(sends, c.send)
		}
	}
	s.mu.Unlock()
	for _, send := range sends {
		send(inv)
	}
}

// view returns a visitor as the cluster has it: the union of its
// connections on this node and the others. s.mu is held.
func (s *Service) view(k key) (parley.OnlineVisitor, bool) {
	v := parley.OnlineVisitor{ContactID: k.contact}
	found := false
	merge := func(inbox string, page parley.VisitorPage, pageAt, since time.Time, conns int) {
		if !found || since.Before(v.Since) {
			v.Since = since
		}
		if !found || pageAt.After(v.PageAt) {
			v.Page, v.PageAt = page, pageAt
			if inbox != "" {
				v.InboxID = inbox
			}
		}
		if v.InboxID == "" {
			v.InboxID = inbox
		}
		v.Connections += conns
		found = true
	}
	if l := s.locals[k]; l != nil {
		inbox, page, pageAt := "", parley.VisitorPage{}, time.Time{}
		if l.last != nil {
			inbox, page, pageAt = l.last.inbox, l.last.page, l.last.pageAt
		}
		merge(inbox, page, pageAt, l.since, len(l.conns))
	}
	for _, r := range s.remotes {
		if rec, ok := r.records[k]; ok {
			merge(rec.InboxID, rec.Page, rec.PageAt, rec.Since, rec.Connections)
		}
	}
	return v, found
}

// changed marks k to publish and tells the watchers how its view changed
// from before (was: it was online). s.mu is held.
func (s *Service) changed(k key, before parley.OnlineVisitor, was bool) {
	s.dirty[k] = true
	s.notify(k, before, was)
}

// notify tells the workspace's watchers how k changed. s.mu is held.
func (s *Service) notify(k key, before parley.OnlineVisitor, was bool) {
	ws := s.watchers[k.ws]
	if len(ws) == 0 {
		return
	}
	after, is := s.view(k)
	var ch Change
	switch {
	case is && !was:
		ch = Change{Event: EventOnline, Visitor: after}
	case !is && was:
		ch = Change{Event: EventOffline, Visitor: before}
	case is && after != before:
		ch = Change{Event: EventUpdated, Visitor: after}
	default:
		return
	}
	for w := range ws {
		w.fn(ch)
	}
}

// Run publishes this node's visitors, ends the visits whose grace ran out
// and forgets other nodes' stale ones, until ctx ends; it then tells the
// other nodes that this one's visitors are gone.
func (s *Service) Run(ctx context.Context) {
	s.publishHello(ctx)
	tick := time.NewTicker(min(s.cfg.Grace/2, s.cfg.Refresh))
	defer tick.Stop()
	refresh := time.NewTicker(s.cfg.Refresh)
	defer refresh.Stop()
	for {
		select {
		case <-ctx.Done():
			s.close()
			return
		case <-s.kick:
			s.flush(ctx, false)
		case <-tick.C:
			s.expire()
			s.flush(ctx, false)
		case <-refresh.C:
			s.expire()
			s.flush(ctx, true)
		}
	}
}

// expire ends the local visits whose grace ran out and forgets the remote
// visitors not heard of for 3 Refresh.
func (s *Service) expire() {
	now := s.cfg.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, l := range s.locals {
		if len(l.conns) == 0 && now.Sub(l.leftAt) >= s.cfg.Grace {
			before, was := s.view(k)
			delete(s.locals, k)
			s.dirty[k] = true
			if _, still := s.view(k); !still {
				s.ended[k] = l.leftAt
			}
			s.notify(k, before, was)
		}
	}
	stale := now.Add(-3 * s.cfg.Refresh)
	for node, r := range s.remotes {
		for k, at := range r.heard {
			if at.Before(stale) {
				before, was := s.view(k)
				delete(r.records, k)
				delete(r.heard, k)
				s.notify(k, before, was)
			}
		}
		if len(r.records) == 0 {
			delete(s.remotes, node)
		}
	}
}

// flush publishes the changed visitors (all with full) and records the
// visits that ended.
func (s *Service) flush(ctx context.Context, full bool) {
	s.mu.Lock()
	if s.hello {
		full, s.hello = true, false
	}
	sayHello := s.sayHello
	s.sayHello = false
	byWS := map[string][]record{}
	add := func(k key) {
		rec := record{WorkspaceID: k.ws, ContactID: k.contact}
		if l := s.locals[k]; l != nil {
			rec.Since, rec.Connections = l.since, len(l.conns)
			if l.last != nil {
				rec.InboxID, rec.Page, rec.PageAt = l.last.inbox, l.last.page, l.last.pageAt
			}
		} else {
			rec.Gone = true
		}
		byWS[k.ws] = append(byWS[k.ws], rec)
	}
	for k := range s.dirty {
		add(k)
	}
	if full {
		for k := range s.locals {
			if !s.dirty[k] {
				add(k)
			}
		}
	}
	clear(s.dirty)
	ended := s.ended
	s.ended = map[key]time.Time{}
	s.mu.Unlock()

	if s.cfg.Bus != nil {
		for ws, recs := range byWS {
			for chunk := range slices.Chunk(recs, 200) {
				if err := s.publish(ctx, ws, message{Kind: "state", Node: s.cfg.Node, Records: chunk}); err != nil {
					s.warn(ctx, "publish visitors", err)
				}
			}
		}
	}
	if sayHello {
		s.publishHello(ctx)
	}
	if s.cfg.Seen != nil {
		for k, at := range ended {
			if err := s.cfg.Seen.MarkContactSeen(ctx, k.ws, k.contact, at); err != nil {
				s.warn(ctx, "record the end of a visit", err)
			}
		}
	}
}

func (s *Service) publishHello(ctx context.Context) {
	if s.cfg.Bus == nil {
		return
	}
	// Any workspace's subject reaches every node: they all listen to the
	// wildcard.
	if err := s.publish(ctx, "_", message{Kind: "hello", Node: s.cfg.Node}); err != nil {
		s.warn(ctx, "say hello", err)
	}
}

// close tells the other nodes that this node's visitors are gone.
func (s *Service) close() {
	if s.cfg.Bus == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := s.publish(ctx, "_", message{Kind: "bye", Node: s.cfg.Node}); err != nil {
		s.warn(ctx, "say goodbye", err)
	}
}

// Close stops listening to the other nodes.
func (s *Service) Close() error {
	if s.stopRecovered != nil {
		s.stopRecovered()
	}
	if s.unsub != nil {
		return s.unsub()
	}
	return nil
}

func (s *Service) publish(ctx context.Context, workspaceID string, m message) error {
	subject, err := s.cfg.Subject(workspaceID, "visitors")
	if err != nil {
		return err
	}
	m.WorkspaceID = workspaceID
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return s.cfg.Bus.Publish(ctx, subject, data)
}

// receive handles another node's message (and this node's invitations).
func (s *Service) receive(subject string, data []byte) {
	var m message
	if err := json.Unmarshal(data, &m); err != nil {
		s.logger.Warn("visitors: undecodable bus message", "subject", subject, "err", err)
		return
	}
	// A workspace's messages travel on its own subject only.
	if want, err := s.cfg.Subject(m.WorkspaceID, "visitors"); err != nil || want != subject {
		s.logger.Warn("visitors: a bus message on another workspace's subject", "subject", subject)
		return
	}
	if m.Kind == "invitation" {
		if m.Invite != nil {
			s.deliver(m.WorkspaceID, m.Invite)
		}
		return
	}
	if m.Node == s.cfg.Node || m.Node == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch m.Kind {
	case "hello":
		s.hello = true
		s.wake()
	case "bye":
		r := s.remotes[m.Node]
		if r == nil {
			return
		}
		delete(s.remotes, m.Node)
		for k, rec := range r.records {
			before := recordView(k, rec)
			s.notify(k, before, true)
		}
	case "state":
		ws := m.WorkspaceID
		now := s.cfg.Now()
		r := s.remotes[m.Node]
		if r == nil {
			r = &remote{records: map[key]record{}, heard: map[key]time.Time{}}
			s.remotes[m.Node] = r
		}
		for _, rec := range m.Records {
			if rec.WorkspaceID != ws || rec.ContactID == "" {
				continue
			}
			k := key{ws, rec.ContactID}
			before, was := s.view(k)
			if rec.Gone {
				delete(r.records, k)
				delete(r.heard, k)
			} else {
				r.records[k], r.heard[k] = rec, now
			}
			s.notify(k, before, was)
		}
		if len(r.records) == 0 {
			delete(s.remotes, m.Node)
		}
	}
}

// recordView is the view of a visitor known only from rec.
func recordView(k key, rec record) parley.OnlineVisitor {
	return parley.OnlineVisitor{ContactID: k.contact, InboxID: rec.InboxID, Page: rec.Page, PageAt: rec.PageAt,
		Since: rec.Since, Connections: rec.Connections}
}

func (s *Service) warn(ctx context.Context, what string, err error) {
	if ctx.Err() == nil {
		s.logger.Warn("visitors: "+what, "err", err)
	}
}
