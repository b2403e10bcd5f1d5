package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parleychat/parley"
)

const resumeTokenColumns = `id, workspace_id, conversation_id, contact_id, created_at, expires_at`

// CreateResumeToken inserts t for the conversation's contact with the hash
// of its secret. Returns ENOTFOUND if the conversation is not in the
// workspace, ECONFLICT if the hash exists.
func (s *Store) CreateResumeToken(ctx context.Context, t *parley.ResumeToken, hash []byte) error {
	created := *t
	created.ID, created.ExpiresAt = newID(), t.ExpiresAt.UTC().Truncate(time.Microsecond)
	err := s.inTx(ctx, func(tx runner) error {
		err := tx.queryRow(ctx, `SELECT contact_id FROM conversations WHERE workspace_id = ? AND id = ?`,
			t.WorkspaceID, t.ConversationID).Scan(&created.ContactID)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("Conversation")
		} else if err != nil {
			return fmt.Errorf("create resume token: %w", err)
		}
		created.CreatedAt = s.now()
		_, err = tx.exec(ctx, `INSERT INTO resume_tokens (`+resumeTokenColumns+`, hash) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			created.ID, created.WorkspaceID, created.ConversationID, created.ContactID, created.CreatedAt.UnixMicro(),
			created.ExpiresAt.UnixMicro(), hash)
		if isUniqueViolation(err) {
			return parley.Errorf(parley.ECONFLICT, "A resume token with this secret already exists.")
		} else if err != nil {
			return fmt.Errorf("create resume token: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	*t = created
	return nil
}

// FindResumeTokenByHash returns ENOTFOUND if there is no such token or it
// expired at or before now.
func (s *Store) FindResumeTokenByHash(ctx context.Context, hash []byte, now time.Time) (*parley.ResumeToken, error) {
	return findResumeToken(ctx, s.read(), `hash = ? AND expires_at > ?`, hash, now.UnixMicro())
}

// FindResumeToken returns ENOTFOUND.
func (s *Store) FindResumeToken(ctx context.Context, workspaceID, id string) (*parley.ResumeToken, error) {
	return findResumeToken(ctx, s.read(), `workspace_id = ? AND id = ?`, workspaceID, id)
}

// DeleteResumeToken revokes the token and, by cascade, ends the sessions
// opened with it. Returns ENOTFOUND.
func (s *Store) DeleteResumeToken(ctx context.Context, actor *parley.Actor, workspaceID, id string) error {
	return s.inTx(ctx, func(tx runner) error {
		var conversationID string
		err := tx.queryRow(ctx, `DELETE FROM resume_tokens WHERE workspace_id = ? AND id = ? RETURNING conversation_id`,
			workspaceID, id).Scan(&conversationID)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("Resume token")
		} else if err != nil {
			return fmt.Errorf("delete resume token: %w", err)
		}
		if actor == nil {
			return nil
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: *actor, Action: "resume_token.revoke", TargetType: "resume_token",
			TargetID: id, Details: map[string]any{"conversation_id": conversationID}, CreatedAt: s.now(),
		})
	})
}

// DeleteExpiredResumeTokens removes tokens expired at or before now, with
// the sessions opened with them, and returns how many tokens.
func (s *Store) DeleteExpiredResumeTokens(ctx context.Context, now time.Time) (int, error) {
	res, err := s.write().exec(ctx, `DELETE FROM resume_tokens WHERE expires_at <= ?`, now.UnixMicro())
	if err != nil {
		return 0, fmt.Errorf("delete expired resume tokens: %w", err)
	}
	return rowsAffected(res)
}

func findResumeToken(ctx context.Context, r runner, where string, args ...any) (*parley.ResumeToken, error) {
	var (
		t                    parley.ResumeToken
		createdAt, expiresAt int64
	)
	err := r.queryRow(ctx, `SELECT `+resumeTokenColumns+` FROM resume_tokens WHERE `+where, args...).Scan(
		&t.ID, &t.WorkspaceID, &t.ConversationID, &t.ContactID, &createdAt, &expiresAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Resume token")
	} else if err != nil {
		return nil, fmt.Errorf("find resume token: %w", err)
	}
	t.CreatedAt, t.ExpiresAt = fromMicros(createdAt), fromMicros(expiresAt)
	return &t, nil
}
