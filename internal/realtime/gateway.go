// Package realtime is Parley's WebSocket gateway: one endpoint,
// GET /api/v1/realtime, for visitors, agents and apps. The protocol (JSON
// text frames) is documented in docs/protocol.md.
//
// Guarantees:
//   - Authentication travels in the first frame, never in the URL. A
//     console session cookie is accepted only from the console's own origin
//     (cross-site WebSocket hijacking); a visitor connection only from an
//     origin its inbox allows.
//   - Resume without gap or duplicate: a subscription registers for live
//     notifications first, then replays from the database every message
//     after the client's last seq, then streams live ones, skipping any seq
//     already delivered and filling any gap (a notification lost by the
//     at-most-once bus, or two nodes publishing out of order) from the
//     database. Each connection counts in its own sequence: a visitor's
//     is the visitor sequence, which has no notes.
//   - A notification is a hint, never the only path: once the bus
//     recovers from a loss (this node's connection, or another node's,
//     came back), every subscription of the node catches up from the
//     database — conversations by seq, feeds from the outbox (catchUp).
//   - A note never reaches a visitor: visitors listen only on the
//     visitor-audience subject, the conversation service filters their
//     history, and the last step before a frame is written drops any note
//     on a visitor's connection.
//   - Credentials expire: a connection whose credential has an expiry is
//     warned (token_expiring) Config.TokenExpiryWarning before it, may
//     present a new credential of the same holder in place (refresh), and
//     is closed with 4003 at the expiry otherwise.
//   - A connection never outlives its credential: one that ends earlier
//     (revoked, its agent disabled or its role changed, its contact erased
//     or merged, its workspace deleted) closes the connections holding it
//     on every node (4004, 4005, 4006), through Revoke, a bus notice, and
//     a periodic recheck for a lost notice (see revoke.go).
//   - Bounded everything: a read limit per frame (larger ones close the
//     connection with 1009), an inbound rate limit per visitor and per
//     staff credential (frames beyond it are refused before any work, with
//     rate_limited; sustained abuse closes the connection with 4029; a
//     reconnect does not reset it), a send queue per connection bounded
//     in bytes (a slow consumer is closed with 4008; nobody else waits
//     for it), write timeouts, heartbeats.
//
// Idle connections are cheap: no goroutine and no buffer waits on one. On
// Linux the gateway waits for all of them on one epoll instance and reads
// a connection, on a bounded pool of goroutines, only when it has data;
// writes go through a writer goroutine that runs only while frames are
// queued; one ticker sends every connection's heartbeats (see conn).
//
// Many nodes: each gateway subscribes to the bus once per workspace for all
// its conversations (and once per feed subject), shared by its local
// connections with reference counting (a hub sharded by subject), and
// removed when the last local connection leaves; a notification is decoded,
// and its frames encoded, once for all the local connections it reaches.
package realtime

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"syscall"
	"time"

	"github.com/coder/websocket"
	"github.com/google/uuid"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/conversation"
	"github.com/parleychat/parley/internal/presence"
	"github.com/parleychat/parley/internal/visitors"
)

// Path is where the gateway is served.
const Path = "/api/v1/realtime"

// Defaults of Config.
const (
	DefaultReadLimit        = 64 << 10
	DefaultSendQueue        = 16384
	DefaultSendQueueBytes   = 4 << 20
	DefaultWriteTimeout     = 10 * time.Second
	DefaultPingInterval     = 25 * time.Second
	DefaultPongTimeout      = 10 * time.Second
	DefaultAuthTimeout      = 10 * time.Second
	DefaultMaxSubscriptions = 1000
	DefaultReaders          = 1024
	// DefaultTokenExpiryWarning is how long before its credential expires
	// a connection receives token_expiring.
	DefaultTokenExpiryWarning = 3 * time.Minute
	// DefaultCredentialRecheck is how often the credentials of the live
	// connections are checked again.
	DefaultCredentialRecheck = 30 * time.Second
)

// Config configures a Gateway. Zero limits select the defaults.
type Config struct {
	Conversations *conversation.Service // required
	Bus           parley.Bus            // required
	Authenticator Authenticator         // required
	Logger        *slog.Logger          // default slog.Default()
	// Router, when set, is asked to look at a workspace's queues after a
	// hand-off puts a conversation back in line.
	Router interface{ Kick(workspaceID string) }

	// PublicOrigin is the console's origin, e.g. "https://chat.example.com":
	// a connection authenticated by the session cookie must come from it.
	// When empty, the Origin's host must equal the request's Host.
	PublicOrigin string

	// ReadLimit is the largest frame a client may send, in bytes; a larger
	// one closes the connection with 1009.
	ReadLimit int64
	// SendQueueBytes is how many bytes of frames may wait for a client
	// before it is disconnected with 4008 as a slow consumer, and
	// SendQueue how many frames (a bound for many tiny ones). The queue is
	// sized by bytes so that a client reading normally rides out a burst
	// of many small frames (an agent following every conversation when
	// hundreds change at once, or the replay after a bus outage), while
	// one that stops reading is cut off once its kernel buffers and this
	// many bytes are full. An idle connection's queue holds no memory.
	SendQueueBytes int
	SendQueue      int
	// WriteTimeout bounds the writing of one frame.
	WriteTimeout time.Duration
	// PingInterval is how often the server pings; a client that does not
	// answer within PongTimeout is disconnected with 4001.
	PingInterval time.Duration
	PongTimeout  time.Duration
	// AuthTimeout is how long a new connection has to send its auth frame.
	AuthTimeout time.Duration
	// MaxSubscriptions bounds the conversations one connection follows.
	MaxSubscriptions int
	// Readers bounds how many connections are read and their requests
	// handled at once (on Linux, where idle connections wait on the
	// gateway's poller instead of a goroutine each); more wait their turn.
	Readers int
	// TokenExpiryWarning is how long before its credential expires a
	// connection receives a token_expiring frame (at once if it connects
	// or refreshes closer to the expiry than that).
	TokenExpiryWarning time.Duration
	// RevocationSubject is the bus subject of revocation notices, which
	// every gateway subscribes to once (see Revoke). When empty, Revoke
	// closes this node's connections only.
	RevocationSubject string
	// CredentialRecheck is how often the credentials of every
	// authenticated connection are checked again (Authenticator.Recheck,
	// in batches), to close those whose end this node was not told of.
	CredentialRecheck time.Duration

	// VisitorFrames and StaffFrames limit the frames a holder's
	// connections on this node may send once authenticated, together (a
	// visitor's contact's; an agent's, a bot's or an API token's): beyond
	// it a frame is answered with rate_limited, and a connection that keeps
	// sending at more than twice it is closed with 4029 (see
	// frameLimiter). A zero limit selects the default.
	VisitorFrames FrameLimit
	StaffFrames   FrameLimit
	// Clock is the rate limits' clock; default time.Now.
	Clock func() time.Time
	// Feed, when set, is the event feed (the store): subscribe_feed with a
	// cursor reads the workspace's conversation.* events from it, in feed
	// order, each with its cursor. Without it, a cursor is refused.
	Feed FeedReader
	// Presence, when set, is told of every agent's connections, and its
	// workspace's availability reaches every visitor connection.
	Presence Presence
	// Visitors, when set, is told of every visitor connection and the
	// page it reports (page frames), passes agents' invitations to them,
	// and feeds staff's subscribe_visitors.
	Visitors Visitors
}

// Visitors tracks the visitors on the site (internal/visitors implements
// it). Its methods must not block.
type Visitors interface {
	// Connected records a visitor connection; send delivers an
	// invitation to it.
	Connected(workspaceID, contactID, inboxID string, send func(*parley.Invitation)) *visitors.Conn
	Page(c *visitors.Conn, p parley.VisitorPage)
	Disconnected(c *visitors.Conn)
	// Watch calls fn with every change of the workspace's visitors until
	// stop is called.
	Watch(workspaceID string, fn func(visitors.Change)) (stop func())
}

// Presence keeps agents' presence in step with their connections
// (internal/presence implements it). Connected and Disconnected must not
// block.
type Presence interface {
	// Connected and Disconnected are called once per authenticated
	// connection of an agent (a person or bot, not an API token).
	Connected(workspaceID, agentID string)
	Disconnected(workspaceID, agentID string)
	// AvailabilitySubject is the bus subject of a workspace's
	// availability notifications (presence.NotifyAvailability events),
	// which visitor connections receive as availability frames.
	AvailabilitySubject(workspaceID string) (string, error)
	// Availability reads whether an agent of the workspace is online now,
	// for the visitors of a node that may have missed notifications.
	Availability(ctx context.Context, workspaceID string) (presence.AvailabilityData, error)
}

// Authenticator turns credentials into an Identity. The gateway defines it;
// the account and visitor-session services implement it.
type Authenticator interface {
	// Authenticate returns the identity of the token sent in an auth frame:
	// a visitor session token, an agent's bearer credential or an app's API
	// token. Returns EUNAUTHORIZED if the token is unknown, expired or
	// revoked.
	Authenticate(ctx context.Context, token string) (Identity, error)
	// AuthenticateCookie returns the identity of the console session cookie
	// sent with the upgrade request r; ok is false when r carries no session
	// cookie. Only r's headers may be used. Returns EUNAUTHORIZED if the
	// session is unknown or expired. The gateway checks, before calling it,
	// that r comes from the console's origin.
	AuthenticateCookie(ctx context.Context, r *http.Request) (id Identity, ok bool, err error)
	// Refresh returns the identity of token, a new credential sent in a
	// refresh frame on a connection authenticated as current: for a
	// visitor a visitor token or an identity JWT of its inbox, for staff
	// a bearer credential. Returns EUNAUTHORIZED if the token is invalid
	// or expired, EFORBIDDEN (reason ReasonTokenContactMismatch or
	// ReasonTokenPrincipalMismatch) if it is someone else's. The gateway
	// checks the holder again and refuses any change of it.
	Refresh(ctx context.Context, current Identity, token string) (Identity, error)
	// Recheck returns, for each identity of a live connection, how its
	// credential ended since it was authenticated ("" if it still holds
	// as it did), in the same order: the identities carry their
	// Principal.Credential. It is called every Config.CredentialRecheck
	// with batches of up to 1,000 identities, and should make a few
	// queries per batch, not one per identity.
	Recheck(ctx context.Context, ids []*Identity) ([]parley.EndReason, error)
}

// Identity is who a connection belongs to.
type Identity struct {
	// Caller is who acts in the conversation service:
	// conversation.Visitor for visitors, conversation.Staff for agents,
	// bots and API tokens.
	Caller conversation.Caller
	// Visitor is true for a visitor session.
	Visitor bool
	// InboxID is the inbox of a visitor session, and AllowedOrigins that
	// inbox's allowed origins ("*" allows any): a visitor connection whose
	// Origin header is present and not allowed is refused.
	InboxID        string
	AllowedOrigins []string
	// Principal is the staff principal (its WorkspaceID, and AgentID for an
	// agent); for a visitor, its visitor principal or nil. Following the
	// workspace feed needs its conversations:read scope. Its Credential
	// says what revocations and rechecks close the connection; a visitor
	// without a principal is closed by neither.
	Principal *parley.Principal
	// ExpiresAt is when the credential expires (zero: it does not): the
	// connection is warned before and closed then unless refreshed.
	ExpiresAt time.Time
}

// valid reports whether the identity is consistent: a visitor acts as a
// contact, staff as themselves in their principal's workspace.
func (id Identity) valid() bool {
	ws := id.Caller.WorkspaceID()
	if ws == "" {
		return false
	}
	isContact := id.Caller.Participant().Type == parley.ParticipantContact
	if id.Visitor {
		p := id.Principal
		return isContact && (p == nil ||
			p.Visitor() && p.WorkspaceID == ws && p.ContactID == id.Caller.Participant().ID)
	}
	return !isContact && id.Principal != nil && id.Principal.WorkspaceID == ws
}

// sameHolder reports whether b is held by the same contact, agent or API
// token as a, in the same workspace, and for a visitor confined to the
// same conversation (or to none): what a refresh may not change.
func sameHolder(a, b Identity) bool {
	if a.Visitor != b.Visitor || a.Caller.WorkspaceID() != b.Caller.WorkspaceID() ||
		a.Caller.Participant() != b.Caller.Participant() {
		return false
	}
	if a.Visitor {
		return a.confinedTo() == b.confinedTo()
	}
	return a.Principal.Type == b.Principal.Type && a.Principal.ID == b.Principal.ID
}

// confinedTo returns the one conversation a visitor's session reaches, or
// "" if it reaches all its contact's.
func (id Identity) confinedTo() string {
	if id.Principal == nil {
		return ""
	}
	return id.Principal.ConversationID
}

// Gateway serves the real-time endpoint. It is safe for concurrent use.
type Gateway struct {
	cfg    Config
	svc    *conversation.Service
	auth   Authenticator
	logger *slog.Logger
	hub    *hub
	stats  stats
	// catchUps run after the bus may have lost notifications;
	// stopRecovered unregisters their trigger from the bus.
	catchUps      catchUps
	stopRecovered func()
	limits        frameLimits // inbound rate limits by holder

	mu      sync.Mutex
	closed  bool
	conns   map[*conn]struct{}
	wg      sync.WaitGroup // one per tracked connection, one per readLoop
	started bool           // the poller, the readers and the heartbeats

	// poller (nil where there is none) and readers serve the reading of
	// idle connections; one ticker sends every connection's heartbeats.
	// They start with the first connection and stop in Close.
	poller         *poller
	readers        *workers
	epoch          time.Time
	stopHeartbeats chan struct{}
	heartbeatsDone chan struct{}
	rechecksDone   chan struct{}
	stopOnce       sync.Once

	// revocations are the recent revocation notices; unsubscribe ends the
	// subscription to them (nil without a RevocationSubject). recheckNow
	// asks for a recheck before the next tick (after a bus outage, which
	// may have lost notices); stopRecheckOn unregisters that trigger.
	revocations   *revocationLog
	unsubscribe   func() error
	recheckNow    chan struct{}
	stopRecheckOn func()
}

// New returns a Gateway; Close ends its connections.
func New(cfg Config) (*Gateway, error) {
	switch {
	case cfg.Conversations == nil:
		return nil, errors.New("realtime: a conversation service is required")
	case cfg.Bus == nil:
		return nil, errors.New("realtime: a bus is required")
	case cfg.Authenticator == nil:
		return nil, errors.New("realtime: an authenticator is required")
	case cfg.PublicOrigin != "" && (cfg.PublicOrigin == "*" || !parley.ValidOrigin(cfg.PublicOrigin)):
		return nil, errors.New("realtime: the public origin must be scheme://host[:port]")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	setDefault(&cfg.ReadLimit, DefaultReadLimit)
	setDefault(&cfg.SendQueue, DefaultSendQueue)
	setDefault(&cfg.SendQueueBytes, DefaultSendQueueBytes)
	setDefault(&cfg.WriteTimeout, DefaultWriteTimeout)
	setDefault(&cfg.PingInterval, DefaultPingInterval)
	setDefault(&cfg.PongTimeout, DefaultPongTimeout)
	setDefault(&cfg.AuthTimeout, DefaultAuthTimeout)
	setDefault(&cfg.MaxSubscriptions, DefaultMaxSubscriptions)
	setDefault(&cfg.Readers, DefaultReaders)
	setDefault(&cfg.TokenExpiryWarning, DefaultTokenExpiryWarning)
	setDefault(&cfg.CredentialRecheck, DefaultCredentialRecheck)
	cfg.VisitorFrames.setDefault(DefaultVisitorFrames)
	cfg.StaffFrames.setDefault(DefaultStaffFrames)
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	g := &Gateway{
		cfg:         cfg,
		svc:         cfg.Conversations,
		auth:        cfg.Authenticator,
		logger:      cfg.Logger,
		conns:       map[*conn]struct{}{},
		epoch:       time.Now(),
		revocations: newRevocationLog(2 * cfg.AuthTimeout),
	}
	g.hub = newHub(cfg.Bus, cfg.Logger)
	if err := g.subscribeRevocations(); err != nil {
		return nil, err
	}
	g.recheckNow = make(chan struct{}, 1)
	g.stopRecheckOn = cfg.Bus.OnRecovered(g.recheckSoon)
	g.catchUps.ctx, g.catchUps.cancel = context.WithCancel(context.Background())
	g.stopRecovered = cfg.Bus.OnRecovered(g.recovered)
	return g, nil
}

// subscribeRevocations places the gateway's one subscription to the
// revocation notices and waits until the bus server has it.
func (g *Gateway) subscribeRevocations() error {
	if g.cfg.RevocationSubject == "" {
		return nil
	}
	unsubscribe, err := g.cfg.Bus.Subscribe(g.cfg.RevocationSubject, g.onRevocation)
	if err != nil {
		return fmt.Errorf("realtime: subscribe to revocations: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), subscribeTimeout)
	defer cancel()
	if err := g.cfg.Bus.Ping(ctx); err != nil {
		unsubscribe()
		return fmt.Errorf("realtime: subscribe to revocations: %w", err)
	}
	g.unsubscribe = unsubscribe
	return nil
}

func setDefault[T int | int64 | time.Duration](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}

// ServeHTTP upgrades a GET request to a WebSocket connection and returns:
// the connection lives on, served by the gateway, until it ends.
func (g *Gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", http.MethodGet)
		http.Error(w, "Use GET with a WebSocket upgrade.", http.StatusMethodNotAllowed)
		return
	}
	if g.isClosed() {
		http.Error(w, "The server is shutting down.", http.StatusServiceUnavailable)
		return
	}
	// Who the client is, and so which origins it may come from, is known
	// only from its first frame: the Origin is checked then (authenticate),
	// per kind of credential.
	nc, buffered := upgrade(w, r)
	if nc == nil {
		return // upgrade has answered
	}
	c := newConn(g, nc, uuid.NewString())
	if !g.track(c) {
		writeClose(nc, websocket.StatusGoingAway, reasonShutdown)
		nc.Close()
		return
	}
	c.rmu.Lock()
	// Only the headers are kept, until the auth frame: not the server's
	// state the request refers to.
	c.req = &http.Request{Method: r.Method, URL: r.URL, Proto: r.Proto, ProtoMajor: r.ProtoMajor,
		ProtoMinor: r.ProtoMinor, Header: r.Header, Host: r.Host, RemoteAddr: r.RemoteAddr,
		RequestURI: r.RequestURI, TLS: r.TLS}
	c.frames.partial = buffered
	c.authTimer = time.AfterFunc(g.cfg.AuthTimeout, func() {
		c.end(websocket.StatusPolicyViolation, reasonAuthTimeout)
	})
	c.rmu.Unlock()
	g.read(c, len(buffered) > 0)
}

// read arranges for c's input to be read: by the poller when there is one
// and c is a plain socket, else by a goroutine of its own. buffered says
// that input arrived with the upgrade request: it is read at once.
func (g *Gateway) read(c *conn, buffered bool) {
	if sc, ok := c.nc.(syscall.Conn); ok && g.poller != nil {
		if rc, err := sc.SyscallConn(); err == nil {
			c.rc = rc
			if err := g.poller.add(c); err == nil {
				if buffered {
					g.readers.run(c) // sent with the upgrade request
				}
				return
			}
			c.rc = nil
		}
	}
	g.wg.Add(1) // done by readLoop
	go c.readLoop()
}

// Close ends every connection with 1001 (going away), waits for them to
// finish and refuses new ones. Call it before closing the conversation
// service and the bus.
func (g *Gateway) Close() {
	g.stopRecovered()
	g.stopRecheckOn()
	g.stopCatchUps()
	g.mu.Lock()
	g.closed = true
	conns := make([]*conn, 0, len(g.conns))
	for c := range g.conns {
		conns = append(conns, c)
	}
	g.mu.Unlock()
	for _, c := range conns {
		c.end(websocket.StatusGoingAway, reasonShutdown)
	}
	g.wg.Wait()
	g.stopOnce.Do(func() {
		if g.unsubscribe != nil {
			if err := g.unsubscribe(); err != nil {
				g.logger.Warn("realtime: unsubscribe from revocations", "err", err)
			}
		}
		g.mu.Lock()
		started := g.started
		g.mu.Unlock()
		if !started {
			return
		}
		close(g.stopHeartbeats)
		<-g.heartbeatsDone
		<-g.rechecksDone
		if g.poller != nil {
			g.poller.close()
		}
		g.readers.stop()
	})
}

func (g *Gateway) isClosed() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.closed
}

func (g *Gateway) track(c *conn) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return false
	}
	if !g.started {
		g.start()
	}
	g.conns[c] = struct{}{}
	g.wg.Add(1)
	return true
}

// start starts the poller, the readers and the heartbeats. g.mu is held.
func (g *Gateway) start() {
	g.started = true
	g.readers = newWorkers(g.cfg.Readers)
	p, err := newPoller(g.readers.run, g.logger)
	if err == nil {
		g.poller = p
	} else if !errors.Is(err, errNoPoller) {
		g.logger.Warn("realtime: no poller; each connection is read by a goroutine of its own", "err", err)
	}
	g.stopHeartbeats, g.heartbeatsDone = make(chan struct{}), make(chan struct{})
	go g.heartbeats(g.stopHeartbeats)
	g.rechecksDone = make(chan struct{})
	go g.rechecks(g.stopHeartbeats)
}

func (g *Gateway) untrack(c *conn) {
	g.mu.Lock()
	delete(g.conns, c)
	g.mu.Unlock()
	g.wg.Done()
}
