package parley

import (
	"context"
	"time"
)

// ResumeToken lets a visitor session on another device join one
// conversation as its contact: a session opened with it reaches that
// conversation only (Principal.ConversationID). The device keeps a random
// secret (prlyr_…); only its SHA-256 hash is stored. Revoking the token
// ends the sessions opened with it.
type ResumeToken struct {
	ID             string    `json:"id"`
	WorkspaceID    string    `json:"workspace_id"`
	ConversationID string    `json:"conversation_id"`
	ContactID      string    `json:"contact_id"`
	CreatedAt      time.Time `json:"created_at"`
	ExpiresAt      time.Time `json:"expires_at"`
}

// ResumeTokenStore persists resume tokens. Merging contacts moves the
// source's tokens to the target.
type ResumeTokenStore interface {
	// CreateResumeToken inserts t with the hash of its secret, setting ID
	// and CreatedAt (ExpiresAt is kept in UTC to the microsecond), for the
	// conversation's contact: t.ContactID is set from it. Returns
	// ENOTFOUND if the conversation is not in the workspace, ECONFLICT if
	// the hash exists.
	CreateResumeToken(ctx context.Context, t *ResumeToken, hash []byte) error
	// FindResumeTokenByHash returns the token whose secret hashes to hash.
	// It is not workspace-scoped: it is how the token's workspace is
	// learnt. Returns ENOTFOUND if there is none or it expired at or before now.
	FindResumeTokenByHash(ctx context.Context, hash []byte, now time.Time) (*ResumeToken, error)
	// FindResumeToken returns ENOTFOUND.
	FindResumeToken(ctx context.Context, workspaceID, id string) (*ResumeToken, error)
	// DeleteResumeToken revokes the token and ends every visitor session
	// opened with it, with an audit entry when actor is not nil. Returns ENOTFOUND.
	DeleteResumeToken(ctx context.Context, actor *Actor, workspaceID, id string) error
	// DeleteExpiredResumeTokens removes tokens expired at or before now
	// (and the sessions opened with them) and returns how many.
	DeleteExpiredResumeTokens(ctx context.Context, now time.Time) (int, error)
}
