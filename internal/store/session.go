package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parleychat/parley"
)

const sessionColumns = `id, workspace_id, agent_id, csrf_token, user_agent, ip, created_at, expires_at`

// CreateSession inserts sess with the hash of its secret, setting ID and
// CreatedAt (ExpiresAt is kept in UTC to the microsecond). Returns
// ENOTFOUND if the agent is not in the workspace, ECONFLICT if the hash exists.
func (s *Store) CreateSession(ctx context.Context, sess *parley.Session, hash []byte) error {
	now, id := s.now(), newID()
	expires := sess.ExpiresAt.UTC().Truncate(time.Microsecond)
	_, err := s.write().exec(ctx, `INSERT INTO sessions (`+sessionColumns+`, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, sess.WorkspaceID, sess.AgentID, sess.CSRFToken, sess.UserAgent, sess.IP, now.UnixMicro(),
		expires.UnixMicro(), hash)
	switch {
	case isForeignKeyViolation(err):
		return notFound("Agent")
	case isUniqueViolation(err):
		return parley.Errorf(parley.ECONFLICT, "A session with this secret already exists.")
	case err != nil:
		return fmt.Errorf("create session: %w", err)
	}
	sess.ID, sess.CreatedAt, sess.ExpiresAt = id, now, expires
	return nil
}

// FindSessionByHash returns ENOTFOUND if there is no such session or it
// expired at or before now.
func (s *Store) FindSessionByHash(ctx context.Context, hash []byte, now time.Time) (*parley.Session, error) {
	var (
		sess                 parley.Session
		createdAt, expiresAt int64
	)
	err := s.read().queryRow(ctx, `SELECT `+sessionColumns+` FROM sessions WHERE hash = ? AND expires_at > ?`,
		hash, now.UnixMicro()).Scan(&sess.ID, &sess.WorkspaceID, &sess.AgentID, &sess.CSRFToken, &sess.UserAgent,
		&sess.IP, &createdAt, &expiresAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Session")
	} else if err != nil {
		return nil, fmt.Errorf("find session: %w", err)
	}
	sess.CreatedAt, sess.ExpiresAt = fromMicros(createdAt), fromMicros(expiresAt)
	return &sess, nil
}

// DeleteSession removes one session; deleting a missing one is a no-op.
func (s *Store) DeleteSession(ctx context.Context, id string) error {
	if _, err := s.write().exec(ctx, `DELETE FROM sessions WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// DeleteAgentSessions ends every session of an agent and returns how many
// there were (0 for an agent of another workspace).
func (s *Store) DeleteAgentSessions(ctx context.Context, workspaceID, agentID string) (int, error) {
	return deleteAgentSessions(ctx, s.write(), workspaceID, agentID)
}

// DeleteExpiredSessions removes sessions expired at or before now and
// returns how many.
func (s *Store) DeleteExpiredSessions(ctx context.Context, now time.Time) (int, error) {
	res, err := s.write().exec(ctx, `DELETE FROM sessions WHERE expires_at <= ?`, now.UnixMicro())
	if err != nil {
		return 0, fmt.Errorf("delete expired sessions: %w", err)
	}
	return rowsAffected(res)
}

func deleteAgentSessions(ctx context.Context, r runner, workspaceID, agentID string) (int, error) {
	res, err := r.exec(ctx, `DELETE FROM sessions WHERE workspace_id = ? AND agent_id = ?`, workspaceID, agentID)
	if err != nil {
		return 0, fmt.Errorf("delete agent sessions: %w", err)
	}
	return rowsAffected(res)
}

func rowsAffected(res sql.Result) (int, error) {
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("rows affected: %w", err)
	}
	return int(n), nil
}
