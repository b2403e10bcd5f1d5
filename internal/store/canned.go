package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/parleychat/parley"
)

const cannedColumns = `id, workspace_id, owner_id, shortcut, title, body, created_at, updated_at`

var errCannedShortcutTaken = parley.Errorf(parley.ECONFLICT, "A canned response with this shortcut already exists.")

// shortcutTaken reports whether shortcut is used, by another response
// than exceptID, among the shared responses and ownerID's (all of them
// when ownerID is "": a shared shortcut must not hide a personal one).
func shortcutTaken(ctx context.Context, r runner, workspaceID, ownerID, shortcut, exceptID string) (bool, error) {
	query := `SELECT count(*) FROM canned_responses WHERE workspace_id = ? AND shortcut = ? AND id <> ?`
	args := []any{workspaceID, shortcut, exceptID}
	if ownerID != "" {
		query += ` AND owner_id IN ('', ?)`
		args = append(args, ownerID)
	}
	var n int
	if err := r.queryRow(ctx, query, args...).Scan(&n); err != nil {
		return false, fmt.Errorf("check shortcut: %w", err)
	}
	return n > 0, nil
}

// CreateCannedResponse inserts c. Returns ECONFLICT or ENOTFOUND.
func (s *Store) CreateCannedResponse(ctx context.Context, actor parley.Actor, c *parley.CannedResponse) error {
	now, id := s.now(), newID()
	err := s.inTx(ctx, func(tx runner) error {
		if _, err := findWorkspace(ctx, tx, `id = ?`, c.WorkspaceID); err != nil {
			return err
		}
		if c.OwnerID != "" {
			if err := mustExist(ctx, tx, "agents", "Agent", c.WorkspaceID, c.OwnerID); err != nil {
				return err
			}
		}
		// The workspace row orders concurrent creations on PostgreSQL, so
		// that the shortcut check and the bound hold.
		if _, err := tx.exec(ctx, `UPDATE workspaces SET updated_at = updated_at WHERE id = ?`, c.WorkspaceID); err != nil {
			return fmt.Errorf("lock workspace: %w", err)
		}
		var n int
		if err := tx.queryRow(ctx, `SELECT count(*) FROM canned_responses WHERE workspace_id = ?`, c.WorkspaceID).Scan(&n); err != nil {
			return fmt.Errorf("count canned responses: %w", err)
		}
		if n >= parley.MaxCannedResponses {
			return parley.Errorf(parley.EINVALID, "A workspace holds at most %d canned responses.", parley.MaxCannedResponses)
		}
		if taken, err := shortcutTaken(ctx, tx, c.WorkspaceID, c.OwnerID, c.Shortcut, ""); err != nil {
			return err
		} else if taken {
			return errCannedShortcutTaken
		}
		_, err := tx.exec(ctx, `INSERT INTO canned_responses (`+cannedColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			id, c.WorkspaceID, c.OwnerID, c.Shortcut, c.Title, c.Body, now.UnixMicro(), now.UnixMicro())
		if isUniqueViolation(err) {
			return errCannedShortcutTaken
		} else if err != nil {
			return fmt.Errorf("create canned response: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: c.WorkspaceID, Actor: actor, Action: "canned_response.create", TargetType: "canned_response",
			TargetID: id, Details: map[string]any{"shortcut": c.Shortcut, "shared": c.OwnerID == ""}, CreatedAt: now,
		})
	})
	if err != nil {
		return err
	}
	c.ID, c.CreatedAt, c.UpdatedAt = id, now, now
	return nil
}

// FindCannedResponse returns a shared response or agentID's own; ENOTFOUND otherwise.
func (s *Store) FindCannedResponse(ctx context.Context, workspaceID, agentID, id string) (*parley.CannedResponse, error) {
	return findCanned(ctx, s.read(), workspaceID, agentID, id)
}

func findCanned(ctx context.Context, r runner, workspaceID, agentID, id string) (*parley.CannedResponse, error) {
	c, err := scanCanned(r.queryRow(ctx, `SELECT `+cannedColumns+` FROM canned_responses
		WHERE workspace_id = ? AND id = ? AND owner_id IN ('', ?)`, workspaceID, id, agentID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Canned response")
	} else if err != nil {
		return nil, fmt.Errorf("find canned response: %w", err)
	}
	return c, nil
}

// ListCannedResponses returns the shared responses and f.AgentID's own,
// ordered by shortcut, filtered by f.Query.
func (s *Store) ListCannedResponses(ctx context.Context, workspaceID string, f parley.CannedFilter) ([]*parley.CannedResponse, error) {
	query := `SELECT ` + cannedColumns + ` FROM canned_responses WHERE workspace_id = ? AND owner_id IN ('', ?)`
	args := []any{workspaceID, f.AgentID}
	if q := strings.ToLower(f.Query); q != "" {
		pattern := "%" + likeEscaper.Replace(q) + "%"
		query += ` AND (lower(shortcut) LIKE ? ESCAPE '\' OR lower(title) LIKE ? ESCAPE '\' OR lower(body) LIKE ? ESCAPE '\')`
		args = append(args, pattern, pattern, pattern)
	}
	items, err := queryAll(ctx, s.read(), scanCanned, query+` ORDER BY shortcut, owner_id, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list canned responses: %w", err)
	}
	return items, nil
}

// UpdateCannedResponse changes a shared response or agentID's own.
// Returns ENOTFOUND or ECONFLICT.
func (s *Store) UpdateCannedResponse(ctx context.Context, actor parley.Actor, workspaceID, agentID, id string, upd parley.CannedUpdate) (*parley.CannedResponse, error) {
	now := s.now()
	var c *parley.CannedResponse
	err := s.inTx(ctx, func(tx runner) error {
		var err error
		if c, err = findCanned(ctx, tx, workspaceID, agentID, id); err != nil {
			return err
		}
		details := applyChanges(stringChange{"shortcut", upd.Shortcut, &c.Shortcut},
			stringChange{"title", upd.Title, &c.Title}, stringChange{"body", upd.Body, &c.Body})
		if len(details) == 0 {
			return nil
		}
		if upd.Shortcut != nil {
			if _, err := tx.exec(ctx, `UPDATE workspaces SET updated_at = updated_at WHERE id = ?`, workspaceID); err != nil {
				return fmt.Errorf("lock workspace: %w", err)
			}
			if taken, err := shortcutTaken(ctx, tx, workspaceID, c.OwnerID, c.Shortcut, id); err != nil {
				return err
			} else if taken {
				return errCannedShortcutTaken
			}
		}
		c.UpdatedAt = now
		_, err = tx.exec(ctx, `UPDATE canned_responses SET shortcut = ?, title = ?, body = ?, updated_at = ?
			WHERE workspace_id = ? AND id = ?`, c.Shortcut, c.Title, c.Body, now.UnixMicro(), workspaceID, id)
		if isUniqueViolation(err) {
			return errCannedShortcutTaken
		} else if err != nil {
			return fmt.Errorf("update canned response: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "canned_response.update", TargetType: "canned_response",
			TargetID: id, Details: map[string]any{"shortcut": c.Shortcut, "changed": slices.Sorted(maps.Keys(details))}, CreatedAt: now,
		})
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// DeleteCannedResponse deletes a shared response or agentID's own. Returns ENOTFOUND.
func (s *Store) DeleteCannedResponse(ctx context.Context, actor parley.Actor, workspaceID, agentID, id string) error {
	return s.inTx(ctx, func(tx runner) error {
		c, err := findCanned(ctx, tx, workspaceID, agentID, id)
		if err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `DELETE FROM canned_responses WHERE workspace_id = ? AND id = ?`, workspaceID, id); err != nil {
			return fmt.Errorf("delete canned response: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "canned_response.delete", TargetType: "canned_response",
			TargetID: id, Details: map[string]any{"shortcut": c.Shortcut}, CreatedAt: s.now(),
		})
	})
}

func scanCanned(row scanner) (*parley.CannedResponse, error) {
	var (
		c                    parley.CannedResponse
		createdAt, updatedAt int64
	)
	if err := row.Scan(&c.ID, &c.WorkspaceID, &c.OwnerID, &c.Shortcut, &c.Title, &c.Body, &createdAt, &updatedAt); err != nil {
		return nil, err
	}
	c.CreatedAt, c.UpdatedAt = fromMicros(createdAt), fromMicros(updatedAt)
	return &c, nil
}
