package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/parleychat/parley"
)

const contextEndpointColumns = `id, workspace_id, inbox_id, title, url, statistics, secret, created_at, updated_at`

// CreateContextEndpoint inserts e. Returns ENOTFOUND for an unknown
// workspace or inbox, EINVALID when the workspace has
// parley.MaxContextEndpoints already.
func (s *Store) CreateContextEndpoint(ctx context.Context, actor parley.Actor, e *parley.ContextEndpoint) error {
	now, id := s.now(), newID()
	err := s.inTx(ctx, func(tx runner) error {
		// Lock the workspace so that concurrent creations count right.
		res, err := tx.exec(ctx, `UPDATE workspaces SET updated_at = updated_at WHERE id = ?`, e.WorkspaceID)
		if err != nil {
			return fmt.Errorf("lock workspace: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return notFound("Workspace")
		}
		if e.InboxID != "" {
			if err := mustExist(ctx, tx, "inboxes", "Inbox", e.WorkspaceID, e.InboxID); err != nil {
				return err
			}
		}
		var n int
		if err := tx.queryRow(ctx, `SELECT count(*) FROM context_endpoints WHERE workspace_id = ?`, e.WorkspaceID).Scan(&n); err != nil {
			return fmt.Errorf("count context endpoints: %w", err)
		}
		if n >= parley.MaxContextEndpoints {
			return parley.Errorf(parley.EINVALID, "A workspace has at most %d context endpoints.", parley.MaxContextEndpoints)
		}
		if _, err := tx.exec(ctx, `INSERT INTO context_endpoints (`+contextEndpointColumns+`)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, e.WorkspaceID, nullString(e.InboxID), e.Title, e.URL, e.Statistics,
			e.Secret, now.UnixMicro(), now.UnixMicro()); err != nil {
			return fmt.Errorf("create context endpoint: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: e.WorkspaceID, Actor: actor, Action: "context_endpoint.create", TargetType: "context_endpoint",
			TargetID: id, CreatedAt: now,
			Details: map[string]any{"title": e.Title, "url": e.URL, "inbox_id": e.InboxID, "statistics": e.Statistics},
		})
	})
	if err != nil {
		return err
	}
	e.ID, e.CreatedAt, e.UpdatedAt = id, now, now
	return nil
}

// ContextEndpoint returns ENOTFOUND.
func (s *Store) ContextEndpoint(ctx context.Context, workspaceID, id string) (*parley.ContextEndpoint, error) {
	return findContextEndpoint(ctx, s.read(), workspaceID, id)
}

func findContextEndpoint(ctx context.Context, r runner, workspaceID, id string) (*parley.ContextEndpoint, error) {
	e, err := scanContextEndpoint(r.queryRow(ctx, `SELECT `+contextEndpointColumns+` FROM context_endpoints
		WHERE workspace_id = ? AND id = ?`, workspaceID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Context endpoint")
	} else if err != nil {
		return nil, fmt.Errorf("find context endpoint: %w", err)
	}
	return e, nil
}

// ListContextEndpoints returns the workspace's endpoints in the order they
// were created (IDs are UUIDv7).
func (s *Store) ListContextEndpoints(ctx context.Context, workspaceID string) ([]*parley.ContextEndpoint, error) {
	items, err := queryAll(ctx, s.read(), scanContextEndpoint, `SELECT `+contextEndpointColumns+`
		FROM context_endpoints WHERE workspace_id = ? ORDER BY id`, workspaceID)
	if err != nil {
		return nil, fmt.Errorf("list context endpoints: %w", err)
	}
	return items, nil
}

// UpdateContextEndpoint changes the fields of upd. Returns ENOTFOUND.
func (s *Store) UpdateContextEndpoint(ctx context.Context, actor parley.Actor, workspaceID, id string, upd parley.ContextEndpointUpdate) (*parley.ContextEndpoint, error) {
	now := s.now()
	var e *parley.ContextEndpoint
	err := s.inTx(ctx, func(tx runner) error {
		var err error
		if e, err = findContextEndpoint(ctx, tx, workspaceID, id); err != nil {
			return err
		}
		if upd.InboxID != nil && *upd.InboxID != "" && *upd.InboxID != e.InboxID {
			if err := mustExist(ctx, tx, "inboxes", "Inbox", workspaceID, *upd.InboxID); err != nil {
				return err
			}
		}
		details := applyChanges(stringChange{"inbox_id", upd.InboxID, &e.InboxID},
			stringChange{"title", upd.Title, &e.Title}, stringChange{"url", upd.URL, &e.URL})
		if upd.Statistics != nil && *upd.Statistics != e.Statistics {
			e.Statistics = *upd.Statistics
			details["statistics"] = e.Statistics
		}
		if upd.Secret != nil && *upd.Secret != e.Secret {
			e.Secret = *upd.Secret
			details["secret"] = "rotated" // never the secret itself
		}
		if len(details) == 0 {
			return nil
		}
		e.UpdatedAt = now
		if _, err := tx.exec(ctx, `UPDATE context_endpoints SET inbox_id = ?, title = ?, url = ?, statistics = ?, secret = ?,
			updated_at = ? WHERE workspace_id = ? AND id = ?`, nullString(e.InboxID), e.Title, e.URL, e.Statistics, e.Secret,
			now.UnixMicro(), workspaceID, id); err != nil {
			return fmt.Errorf("update context endpoint: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "context_endpoint.update", TargetType: "context_endpoint",
			TargetID: id, Details: details, CreatedAt: now,
		})
	})
	if err != nil {
		return nil, err
	}
	return e, nil
}

// DeleteContextEndpoint returns ENOTFOUND.
func (s *Store) DeleteContextEndpoint(ctx context.Context, actor parley.Actor, workspaceID, id string) error {
	return s.inTx(ctx, func(tx runner) error {
		e, err := findContextEndpoint(ctx, tx, workspaceID, id)
		if err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `DELETE FROM context_endpoints WHERE workspace_id = ? AND id = ?`, workspaceID, id); err != nil {
			return fmt.Errorf("delete context endpoint: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "context_endpoint.delete", TargetType: "context_endpoint",
			TargetID: id, Details: map[string]any{"title": e.Title, "url": e.URL}, CreatedAt: s.now(),
		})
	})
}

func scanContextEndpoint(row scanner) (*parley.ContextEndpoint, error) {
	var (
		e                    parley.ContextEndpoint
		inbox                sql.NullString
		createdAt, updatedAt int64
	)
	if err := row.Scan(&e.ID, &e.WorkspaceID, &inbox, &e.Title, &e.URL, &e.Statistics, &e.Secret, &createdAt, &updatedAt); err != nil {
		return nil, err
	}
	e.InboxID = inbox.String
	e.CreatedAt, e.UpdatedAt = fromMicros(createdAt), fromMicros(updatedAt)
	return &e, nil
}
