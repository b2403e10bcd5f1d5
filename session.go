package parley

import (
	"context"
	"time"
)

// Session is a logged-in agent's console session. The cookie holds a random
// secret; only its SHA-256 hash is stored.
type Session struct {
	ID          string
	WorkspaceID string
	AgentID     string
	// CSRFToken must accompany every unsafe request made with the cookie.
	CSRFToken string
	UserAgent string
	IP        string
	CreatedAt time.Time
	ExpiresAt time.Time
}

// SessionStore persists agent sessions.
type SessionStore interface {
	// CreateSession inserts s with the hash of its secret, setting ID and CreatedAt.
	CreateSession(ctx context.Context, s *Session, hash []byte) error
	// FindSessionByHash returns ENOTFOUND if there is no such session or it
	// expired at or before now.
	FindSessionByHash(ctx context.Context, hash []byte, now time.Time) (*Session, error)
	// DeleteSession removes one session; deleting a missing one is a no-op.
	DeleteSession(ctx context.Context, id string) error
	// DeleteAgentSessions ends every session of an agent (password change,
	// disable, delete) and returns how many there were.
	DeleteAgentSessions(ctx context.Context, workspaceID, agentID string) (int, error)
	// DeleteExpiredSessions removes sessions expired at or before now and
	// returns how many.
	DeleteExpiredSessions(ctx context.Context, now time.Time) (int, error)
}

// LoginThrottleStore counts consecutive failed logins per key (an email
// address), shared by every node through the database.
type LoginThrottleStore interface {
	// RecordLoginFailure adds one failure for key at time at and returns the
	// count of consecutive failures; a previous count whose last failure is
	// older than window is restarted at 1.
	RecordLoginFailure(ctx context.Context, key string, at time.Time, window time.Duration) (int, error)
	// LoginFailures returns the count and the time of the last failure
	// (0 and the zero time if none).
	LoginFailures(ctx context.Context, key string) (int, time.Time, error)
	// ClearLoginFailures forgets the failures of key.
	ClearLoginFailures(ctx context.Context, key string) error
}
