package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parleychat/parley"
)

const tokenColumns = `id, workspace_id, name, scopes, prefix, created_by_type, created_by_id, created_by_name,
	created_at, last_used_at, revoked_at, expires_at`

// CreateAPIToken inserts t with the SHA-256 hash of its secret, setting ID,
// CreatedAt and CreatedBy (the actor); LastUsedAt and RevokedAt start unset,
// nil Scopes become an empty list and ExpiresAt, when set, is kept in UTC
// to the microsecond. Returns ECONFLICT if the hash exists, ENOTFOUND if
// the workspace does not.
func (s *Store) CreateAPIToken(ctx context.Context, actor parley.Actor, t *parley.APIToken, hash []byte) error {
	now, id := s.now(), newID()
	var expires *time.Time
	if t.ExpiresAt != nil {
		e := fromMicros(t.ExpiresAt.UnixMicro())
		expires = &e
	}
	scopes := t.Scopes
	if scopes == nil {
		scopes = []parley.Scope{}
	}
	scopesJSON, err := encodeJSON(scopes)
	if err != nil {
		return err
	}
	err = s.inTx(ctx, func(tx runner) error {
		_, err := tx.exec(ctx, `INSERT INTO api_tokens (`+tokenColumns+`, hash)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)`,
			id, t.WorkspaceID, t.Name, scopesJSON, t.Prefix, actor.Type, actor.ID, actor.Name, now.UnixMicro(),
			nullMicros(expires), hash)
		switch {
		case isUniqueViolation(err):
			return parley.Errorf(parley.ECONFLICT, "An API token with this secret already exists.")
		case isForeignKeyViolation(err):
			return notFound("Workspace")
		case err != nil:
			return fmt.Errorf("create api token: %w", err)
		}
		details := map[string]any{"name": t.Name, "scopes": scopes}
		if expires != nil {
			details["expires_at"] = *expires
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: t.WorkspaceID, Actor: actor, Action: "token.create", TargetType: "token", TargetID: id,
			Details: details, CreatedAt: now,
		})
	})
	if err != nil {
		return err
	}
	t.ID, t.Scopes, t.CreatedBy, t.CreatedAt, t.LastUsedAt, t.RevokedAt = id, scopes, actor, now, nil, nil
	t.ExpiresAt = expires
	return nil
}

// FindAPITokenByHash returns the token whose secret hashes to hash, revoked,
// expired or not, in any workspace. Returns ENOTFOUND.
func (s *Store) FindAPITokenByHash(ctx context.Context, hash []byte) (*parley.APIToken, error) {
	return findAPIToken(ctx, s.read(), `hash = ?`, hash)
}

// FindAPITokenByID returns ENOTFOUND.
func (s *Store) FindAPITokenByID(ctx context.Context, workspaceID, id string) (*parley.APIToken, error) {
	return findAPIToken(ctx, s.read(), `workspace_id = ? AND id = ?`, workspaceID, id)
}

// ListAPITokens returns the workspace's tokens ordered by ID, revoked included.
func (s *Store) ListAPITokens(ctx context.Context, workspaceID string, opt parley.ListOptions) (parley.List[*parley.APIToken], error) {
	limit := opt.EffectiveLimit()
	items, err := queryAll(ctx, s.read(), scanAPIToken,
		`SELECT `+tokenColumns+` FROM api_tokens WHERE workspace_id = ? AND id > ? ORDER BY id LIMIT ?`,
		workspaceID, opt.After, limit+1)
	if err != nil {
		return parley.List[*parley.APIToken]{}, fmt.Errorf("list api tokens: %w", err)
	}
	return page(items, limit, func(t *parley.APIToken) string { return t.ID }), nil
}

// RevokeAPIToken sets RevokedAt. Returns ENOTFOUND; revoking a revoked
// token changes nothing and writes no audit entry.
func (s *Store) RevokeAPIToken(ctx context.Context, actor parley.Actor, workspaceID, id string) error {
	now := s.now()
	return s.inTx(ctx, func(tx runner) error {
		var name string
		err := tx.queryRow(ctx, `UPDATE api_tokens SET revoked_at = ?
			WHERE workspace_id = ? AND id = ? AND revoked_at IS NULL RETURNING name`,
			now.UnixMicro(), workspaceID, id).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			// Already revoked, or not there at all.
			_, err := findAPIToken(ctx, tx, `workspace_id = ? AND id = ?`, workspaceID, id)
			return err
		} else if err != nil {
			return fmt.Errorf("revoke api token: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "token.revoke", TargetType: "token", TargetID: id,
			Details: map[string]any{"name": name}, CreatedAt: now,
		})
	})
}

// DeleteAPIToken removes the token, revoked or not, with a token.delete
// audit entry. Returns ENOTFOUND.
func (s *Store) DeleteAPIToken(ctx context.Context, actor parley.Actor, workspaceID, id string) error {
	now := s.now()
	return s.inTx(ctx, func(tx runner) error {
		var name string
		err := tx.queryRow(ctx, `DELETE FROM api_tokens WHERE workspace_id = ? AND id = ? RETURNING name`,
			workspaceID, id).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("API token")
		} else if err != nil {
			return fmt.Errorf("delete api token: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "token.delete", TargetType: "token", TargetID: id,
			Details: map[string]any{"name": name}, CreatedAt: now,
		})
	})
}

// TouchAPIToken sets LastUsedAt to at if it is unset or older than at minus
// one minute. A missing token is not an error.
func (s *Store) TouchAPIToken(ctx context.Context, id string, at time.Time) error {
	_, err := s.write().exec(ctx, `UPDATE api_tokens SET last_used_at = ?
		WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)`,
		at.UnixMicro(), id, at.Add(-time.Minute).UnixMicro())
	if err != nil {
		return fmt.Errorf("touch api token: %w", err)
	}
	return nil
}

func findAPIToken(ctx context.Context, r runner, where string, args ...any) (*parley.APIToken, error) {
	t, err := scanAPIToken(r.queryRow(ctx, `SELECT `+tokenColumns+` FROM api_tokens WHERE `+where, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("API token")
	} else if err != nil {
		return nil, fmt.Errorf("find api token: %w", err)
	}
	return t, nil
}

func scanAPIToken(row scanner) (*parley.APIToken, error) {
	var (
		t                   parley.APIToken
		scopes              string
		createdAt           int64
		lastUsed, revokedAt sql.NullInt64
		expiresAt           sql.NullInt64
	)
	err := row.Scan(&t.ID, &t.WorkspaceID, &t.Name, &scopes, &t.Prefix, &t.CreatedBy.Type, &t.CreatedBy.ID,
		&t.CreatedBy.Name, &createdAt, &lastUsed, &revokedAt, &expiresAt)
	if err != nil {
		return nil, err
	}
	if err := decodeJSON(scopes, &t.Scopes); err != nil {
		return nil, err
	}
	t.CreatedAt, t.LastUsedAt, t.RevokedAt = fromMicros(createdAt), fromNullMicros(lastUsed), fromNullMicros(revokedAt)
	t.ExpiresAt = fromNullMicros(expiresAt)
	return &t, nil
}
