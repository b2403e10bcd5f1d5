// Package presence keeps agents' presence in step with their connections,
// on any number of nodes, and tells visitors whether an agent is online.
//
// An agent is present — online or away, as it chose — while it has a live
// connection (a console tab, or any WebSocket connection authenticated as
// the agent) on some node, and for the grace period after the last one
// closes; then it is offline. Setting a status over the REST API counts as
// a connection for the grace period. Each node records its agents in the
// database as leases it renews (parley.PresenceStore), so presence never
// depends on one node staying up: a node that stops, or crashes, stops
// renewing, and another node's sweep sets the agents it held offline once
// their leases run out.
//
// Every change of presence is an agent.presence_changed event in the
// outbox. After each, the service publishes the workspace's availability —
// whether any agent is online — on the bus (AvailabilitySubject), which the
// real-time gateway passes to visitors' connections as availability frames.
package presence

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/parleychat/parley"
)

// DefaultGrace is how long an agent stays present after its last
// connection closes, unless Config.Grace says otherwise.
const DefaultGrace = 30 * time.Second

// NotifyAvailability is the bus-only notification of a workspace's
// availability: a parley.Event whose payload is an AvailabilityData.
const NotifyAvailability parley.EventType = "availability"

// AvailabilityData says whether an agent of the workspace is online, as
// the publishing node found at At.
type AvailabilityData struct {
	Online bool      `json:"online"`
	At     time.Time `json:"at"`
}

// Config configures a Service.
type Config struct {
	Store parley.Store // required
	// Bus receives availability notifications; nil publishes none.
	Bus parley.Bus
	// Subject names a workspace's subjects (internal/bus.Subject);
	// required with Bus.
	Subject func(workspaceID string, parts ...string) (string, error)
	Logger  *slog.Logger // default slog.Default()
	// Grace is how long an agent stays present after its last connection
	// (default DefaultGrace). Leases are renewed every Grace/3; each node
	// looks for expired ones every Grace/4, at most every 5 s.
	Grace time.Duration
	// Node names this node's leases; default a random ID. Two nodes must
	// not share one.
	Node string
	Now  func() time.Time
}

// Service tracks this node's agent connections. It is safe for concurrent
// use; Connected and Disconnected never block on the database.
type Service struct {
	store   parley.Store
	bus     parley.Bus
	subject func(workspaceID string, parts ...string) (string, error)
	logger  *slog.Logger
	grace   time.Duration
	node    string
	now     func() time.Time

	mu    sync.Mutex
	conns map[parley.AgentRef]int  // live connections on this node
	fresh map[parley.AgentRef]bool // to renew at once
	kick  chan struct{}
}

// New returns a Service; Run keeps its leases.
func New(cfg Config) (*Service, error) {
	if cfg.Store == nil {
		return nil, errors.New("presence: a store is required")
	}
	if cfg.Bus != nil && cfg.Subject == nil {
		return nil, errors.New("presence: a subject function is required with a bus")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Grace <= 0 {
		cfg.Grace = DefaultGrace
	}
	if cfg.Node == "" {
		cfg.Node = uuid.NewString()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Service{
		store: cfg.Store, bus: cfg.Bus, subject: cfg.Subject, logger: cfg.Logger, grace: cfg.Grace,
		node: cfg.Node, now: cfg.Now,
		conns: map[parley.AgentRef]int{}, fresh: map[parley.AgentRef]bool{}, kick: make(chan struct{}, 1),
	}, nil
}

// Grace returns the grace period.
func (s *Service) Grace() time.Duration { return s.grace }

// AvailabilitySubject returns the subject of a workspace's availability
// notifications.
func (s *Service) AvailabilitySubject(workspaceID string) (string, error) {
	if s.subject == nil {
		return "", errors.New("presence: no subject function configured")
	}
	return s.subject(workspaceID, "availability")
}

// Connected records a new connection of an agent on this node. The first
// one makes the agent present again at once (through Run).
func (s *Service) Connected(workspaceID, agentID string) {
	a := parley.AgentRef{WorkspaceID: workspaceID, AgentID: agentID}
	s.mu.Lock()
	s.conns[a]++
	first := s.conns[a] == 1
	if first {
		s.fresh[a] = true
	}
	s.mu.Unlock()
	if first {
		s.wake()
	}
}

// Disconnected records that a connection of an agent on this node ended.
// After the last one, the lease is renewed once more, so that the grace
// period starts now; then it runs out unless the agent connects again.
func (s *Service) Disconnected(workspaceID, agentID string) {
	a := parley.AgentRef{WorkspaceID: workspaceID, AgentID: agentID}
	s.mu.Lock()
	s.conns[a]--
	last := s.conns[a] <= 0
	if last {
		delete(s.conns, a)
		s.fresh[a] = true
	}
	s.mu.Unlock()
	if last {
		s.wake()
	}
}

func (s *Service) wake() {
	select {
	case s.kick <- struct{}{}:
	default:
	}
}

// Set sets the status agentID chose, with a lease of the grace period
// standing for a connection, and publishes the change.
func (s *Service) Set(ctx context.Context, workspaceID, agentID string, p parley.Presence) error {
	ev, err := s.store.SetAgentPresence(ctx, workspaceID, agentID, p, s.now().Add(s.grace))
	if err != nil {
		return err
	}
	if ev != nil {
		s.announce(ctx, []*parley.Event{ev})
	}
	return nil
}

// Run renews this node's leases and sets offline the agents whose leases
// ran out, on every node's behalf, until ctx ends.
func (s *Service) Run(ctx context.Context) {
	renew := time.NewTicker(s.grace / 3)
	defer renew.Stop()
	sweep := time.NewTicker(min(s.grace/4, 5*time.Second))
	defer sweep.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.kick:
			s.renew(ctx, s.take(true))
		case <-renew.C:
			s.renew(ctx, s.take(false))
		case <-sweep.C:
			events, err := s.store.ExpirePresence(ctx, s.now())
			if err != nil {
				s.warn(ctx, "expire presence", err)
				continue
			}
			s.announce(ctx, events)
		}
	}
}

// take returns the agents whose leases to renew: those marked fresh, or
// (all) every agent connected here as well.
func (s *Service) take(onlyFresh bool) []parley.AgentRef {
	s.mu.Lock()
	defer s.mu.Unlock()
	agents := make([]parley.AgentRef, 0, len(s.fresh)+len(s.conns))
	for a := range s.fresh {
		agents = append(agents, a)
	}
	if !onlyFresh {
		for a := range s.conns {
			if !s.fresh[a] {
				agents = append(agents, a)
			}
		}
	}
	clear(s.fresh)
	return agents
}

func (s *Service) renew(ctx context.Context, agents []parley.AgentRef) {
	if len(agents) == 0 {
		return
	}
	events, err := s.store.RenewPresenceLeases(ctx, s.node, agents, s.now().Add(s.grace))
	if err != nil {
		s.warn(ctx, "renew presence leases", err)
		s.mu.Lock()
		for _, a := range agents {
			s.fresh[a] = true // again at the next tick
		}
		s.mu.Unlock()
		return
	}
	s.announce(ctx, events)
}

func (s *Service) warn(ctx context.Context, what string, err error) {
	if ctx.Err() == nil {
		s.logger.Warn("presence: "+what, "err", err)
	}
}

// announce publishes the availability of each workspace whose agents'
// presence changed. The bus is at most once and nodes may publish out of
// order: receivers keep the newest At, and ask again after a reconnect.
func (s *Service) announce(ctx context.Context, events []*parley.Event) {
	if s.bus == nil {
		return
	}
	seen := map[string]bool{}
	for _, ev := range events {
		if seen[ev.WorkspaceID] {
			continue
		}
		seen[ev.WorkspaceID] = true
		if err := s.publishAvailability(ctx, ev.WorkspaceID); err != nil {
			s.warn(ctx, "publish availability", err)
		}
	}
}

// Availability reads whether an agent of the workspace is online now.
func (s *Service) Availability(ctx context.Context, workspaceID string) (AvailabilityData, error) {
	at := s.now().UTC()
	online, err := s.store.AnyAgentOnline(ctx, workspaceID)
	if err != nil {
		return AvailabilityData{}, err
	}
	return AvailabilityData{Online: online, At: at}, nil
}

func (s *Service) publishAvailability(ctx context.Context, workspaceID string) error {
	d, err := s.Availability(ctx, workspaceID)
	if err != nil {
		return err
	}
	payload, err := json.Marshal(d)
	if err != nil {
		return err
	}
	data, err := json.Marshal(parley.Event{WorkspaceID: workspaceID, Type: NotifyAvailability, Payload: payload, CreatedAt: d.At})
	if err != nil {
		return err
	}
	subject, err := s.AvailabilitySubject(workspaceID)
	if err != nil {
		return err
	}
	return s.bus.Publish(ctx, subject, data)
}
