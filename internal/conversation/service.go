// Package conversation is Parley's conversation service: the lifecycle of
// conversations (open → pending → assigned → resolved, reopen, transfer),
// messages with gap-free sequence numbers and idempotent sends, read state,
// typing indicators and attachments, with the rules of who may do what.
//
// Persistence is a parley.Store, which decides every race (who takes a
// conversation, which seq a message gets) and writes each change's event in
// the same transaction. Sends from many goroutines are gathered by one
// writer and committed together (Store.AppendMessages), which is how one
// node persists tens of thousands of messages a second on SQLite; each
// caller still gets its own result once its message is durable.
//
// After each commit the service publishes the events on the parley.Bus as
// at-most-once hints (see Subjects); the database stays the truth.
//
// The package depends on the parley package only; the transports
// (internal/httpapi, the WebSocket gateway) call it.
package conversation

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/parleychat/parley"
)

// Defaults of Config.
const (
	DefaultBatchSize      = 256
	DefaultQueueSize      = 4096
	DefaultTypingInterval = time.Second

	// commitTimeout bounds one batch's transaction; it does not depend on
	// any caller's context, since the batch serves many callers.
	commitTimeout = 30 * time.Second
)

// Config configures a Service. Zero values select the defaults.
type Config struct {
	Store parley.Store // required
	// Bus receives notifications after each change; nil publishes none.
	Bus parley.Bus
	// Subject names a workspace's subjects from parts (internal/bus.Subject);
	// required with Bus.
	Subject func(workspaceID string, parts ...string) (string, error)
	Logger  *slog.Logger // default slog.Default()
	Now     func() time.Time

	// BatchSize is the most messages committed in one transaction.
	BatchSize int
	// BatchWindow is how long the writer waits, after the first message of
	// a batch, for more before committing. Zero, the default, waits for
	// none: a batch is what queued while the previous one committed (group
	// commit), which keeps latency low at low load and batches large under
	// high load.
	BatchWindow time.Duration
	// QueueSize bounds the sends waiting for the writer; Send blocks (up to
	// its context) when the queue is full.
	QueueSize int
	// TypingInterval is the least time between two typing notifications of
	// one participant in one conversation; more are dropped.
	TypingInterval time.Duration
	// Avatars copies the pictures of the external agents apps send as
	// (internal/avatar); without it such a picture is refused.
	Avatars AvatarCopier
}

// AvatarCopier returns the path on this server of the workspace's copy of
// a picture URL, making the copy the first time; EINVALID on avatar_url
// when it cannot.
type AvatarCopier interface {
	Copy(ctx context.Context, workspaceID, src string) (string, error)
}

// Service implements the conversation rules. It is safe for concurrent use.
type Service struct {
	store   parley.Store
	bus     parley.Bus
	subject func(workspaceID string, parts ...string) (string, error)
	logger  *slog.Logger
	now     func() time.Time
	avatars AvatarCopier

	batchSize   int
	batchWindow time.Duration

	// mu guards closed; Send and notify hold it for reading while they hand
	// work to the writer and the publisher, Close for writing while it
	// closes their queues.
	mu        sync.RWMutex
	closed    bool
	queue     chan *sendRequest
	written   chan struct{} // closed when the writer has drained the queue
	published chan []notification
	flushed   chan struct{} // closed when the publisher has drained its queue
	closeOnce sync.Once

	typing *throttle
	// appRates holds the apps' messages-per-second quotas.
	appRates appRates
}

// New starts a Service; Close stops it.
func New(cfg Config) (*Service, error) {
	if cfg.Store == nil {
		return nil, errors.New("conversation: a store is required")
	}
	if cfg.Bus != nil && cfg.Subject == nil {
		return nil, errors.New("conversation: a subject function is required with a bus")
	}
	s := &Service{
		store: cfg.Store, bus: cfg.Bus, subject: cfg.Subject,
		logger: cfg.Logger, now: cfg.Now, avatars: cfg.Avatars,
		batchSize: cfg.BatchSize, batchWindow: cfg.BatchWindow,
	}
	if s.logger == nil {
		s.logger = slog.Default()
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.batchSize <= 0 {
		s.batchSize = DefaultBatchSize
	}
	queueSize := cfg.QueueSize
	if queueSize <= 0 {
		queueSize = DefaultQueueSize
	}
	interval := cfg.TypingInterval
	if interval <= 0 {
		interval = DefaultTypingInterval
	}
	s.typing = newThrottle(interval)
	s.queue = make(chan *sendRequest, queueSize)
	s.written = make(chan struct{})
	s.published = make(chan []notification, 1024)
	s.flushed = make(chan struct{})
	go s.write()
	go s.publish()
	return s, nil
}

// Close stops accepting sends (they then fail with EUNAVAILABLE), commits
// those already queued, publishes what remains to publish and returns.
// Calling it again is a no-op.
func (s *Service) Close() error {
	s.closeOnce.Do(func() {
		s.mu.Lock()
		s.closed = true
		close(s.queue)
		s.mu.Unlock()
		<-s.written
		close(s.published)
		<-s.flushed
	})
	return nil
}

func errClosed() error {
	return parley.Errorf(parley.EUNAVAILABLE, "The conversation service is shutting down.")
}
