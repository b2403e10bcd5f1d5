package parley

import (
	"context"
	"time"
)

// APIToken is a credential for apps and back-ends. Only a hash of the secret
// is stored; the secret is shown once, when the token is created.
type APIToken struct {
	ID          string
	WorkspaceID string
	Name        string
	Scopes      []Scope
	// Prefix is the first characters of the secret, shown in lists so an
	// operator can recognise a token without it being usable.
	Prefix     string
	CreatedBy  Actor
	CreatedAt  time.Time
	LastUsedAt *time.Time
	RevokedAt  *time.Time
	// ExpiresAt, when set, is when the token stops working.
	ExpiresAt *time.Time
}

// Expired reports whether t has expired at now.
func (t *APIToken) Expired(now time.Time) bool {
	return t.ExpiresAt != nil && !t.ExpiresAt.After(now)
}

// TokenStore persists API tokens.
type TokenStore interface {
	// CreateAPIToken inserts t with the SHA-256 hash of its secret, setting ID
	// and CreatedAt (ExpiresAt, when set, is kept in UTC to the
	// microsecond). Returns ECONFLICT if the hash exists.
	CreateAPIToken(ctx context.Context, actor Actor, t *APIToken, hash []byte) error
	// FindAPITokenByHash returns the token whose secret hashes to hash,
	// revoked, expired or not. Returns ENOTFOUND. It is not workspace-scoped: it is
	// how a bearer token's workspace is learnt.
	FindAPITokenByHash(ctx context.Context, hash []byte) (*APIToken, error)
	// FindAPITokenByID returns ENOTFOUND.
	FindAPITokenByID(ctx context.Context, workspaceID, id string) (*APIToken, error)
	// ListAPITokens returns the workspace's tokens ordered by ID, revoked included.
	ListAPITokens(ctx context.Context, workspaceID string, opt ListOptions) (List[*APIToken], error)
	// RevokeAPIToken sets RevokedAt. Returns ENOTFOUND; revoking twice is a no-op.
	RevokeAPIToken(ctx context.Context, actor Actor, workspaceID, id string) error
	// DeleteAPIToken removes the token (revoked or not) with an audit
	// entry. Returns ENOTFOUND.
	DeleteAPIToken(ctx context.Context, actor Actor, workspaceID, id string) error
	// TouchAPIToken sets LastUsedAt to at if it is unset or older than at
	// minus one minute (so a busy token costs one write a minute).
	TouchAPIToken(ctx context.Context, id string, at time.Time) error
}
