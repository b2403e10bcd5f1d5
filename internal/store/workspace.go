package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/parleychat/parley"
)

const workspaceColumns = `id, slug, name, created_at, updated_at`

// CreateWorkspace inserts w, setting ID, CreatedAt and UpdatedAt. Returns
// ECONFLICT if the slug is taken.
func (s *Store) CreateWorkspace(ctx context.Context, actor parley.Actor, w *parley.Workspace) error {
	now, id := s.now(), newID()
	err := s.inTx(ctx, func(tx runner) error {
		_, err := tx.exec(ctx, `INSERT INTO workspaces (`+workspaceColumns+`) VALUES (?, ?, ?, ?, ?)`,
			id, w.Slug, w.Name, now.UnixMicro(), now.UnixMicro())
		if isUniqueViolation(err) {
			return parley.Errorf(parley.ECONFLICT, "A workspace with this slug already exists.")
		} else if err != nil {
			return fmt.Errorf("create workspace: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: id, Actor: actor, Action: "workspace.create", TargetType: "workspace", TargetID: id,
			Details: map[string]any{"slug": w.Slug, "name": w.Name}, CreatedAt: now,
		})
	})
	if err != nil {
		return err
	}
	w.ID, w.CreatedAt, w.UpdatedAt = id, now, now
	return nil
}

// FindWorkspaceByID returns ENOTFOUND if there is no such workspace.
func (s *Store) FindWorkspaceByID(ctx context.Context, id string) (*parley.Workspace, error) {
	return findWorkspace(ctx, s.read(), `id = ?`, id)
}

// FindWorkspaceBySlug returns ENOTFOUND if there is no such workspace.
func (s *Store) FindWorkspaceBySlug(ctx context.Context, slug string) (*parley.Workspace, error) {
	return findWorkspace(ctx, s.read(), `slug = ?`, slug)
}

// ListWorkspaces returns workspaces ordered by ID.
func (s *Store) ListWorkspaces(ctx context.Context, opt parley.ListOptions) (parley.List[*parley.Workspace], error) {
	limit := opt.EffectiveLimit()
	items, err := queryAll(ctx, s.read(), scanWorkspace,
		`SELECT `+workspaceColumns+` FROM workspaces WHERE id > ? ORDER BY id LIMIT ?`, opt.After, limit+1)
	if err != nil {
		return parley.List[*parley.Workspace]{}, fmt.Errorf("list workspaces: %w", err)
	}
	return page(items, limit, func(w *parley.Workspace) string { return w.ID }), nil
}

// UpdateWorkspace returns ENOTFOUND if there is no such workspace. An
// update that sets no field changes nothing.
func (s *Store) UpdateWorkspace(ctx context.Context, actor parley.Actor, id string, upd parley.WorkspaceUpdate) (*parley.Workspace, error) {
	now := s.now()
	var w *parley.Workspace
	err := s.inTx(ctx, func(tx runner) error {
		var err error
		if w, err = findWorkspace(ctx, tx, `id = ?`, id); err != nil {
			return err
		}
		details := map[string]any{}
		if upd.Name != nil {
			w.Name = *upd.Name
			details["name"] = w.Name
		}
		if len(details) == 0 {
			return nil
		}
		w.UpdatedAt = now
		if _, err := tx.exec(ctx, `UPDATE workspaces SET name = ?, updated_at = ? WHERE id = ?`,
			w.Name, now.UnixMicro(), id); err != nil {
			return fmt.Errorf("update workspace: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: id, Actor: actor, Action: "workspace.update", TargetType: "workspace", TargetID: id,
			Details: details, CreatedAt: now,
		})
	})
	if err != nil {
		return nil, err
	}
	return w, nil
}

// DeleteWorkspace deletes the workspace; every row of it goes with it
// (each table's foreign keys cascade from workspaces), in one transaction,
// and a workspace.delete audit entry is written in actorWorkspaceID.
// Returns ENOTFOUND, or ECONFLICT if id is actorWorkspaceID.
func (s *Store) DeleteWorkspace(ctx context.Context, actor parley.Actor, actorWorkspaceID, id string) error {
	if id == actorWorkspaceID {
		return parley.Errorf(parley.ECONFLICT, "You cannot delete the workspace you act from.")
	}
	now := s.now()
	return s.inTx(ctx, func(tx runner) error {
		var slug, name string
		err := tx.queryRow(ctx, `DELETE FROM workspaces WHERE id = ? RETURNING slug, name`, id).Scan(&slug, &name)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("Workspace")
		} else if err != nil {
			return fmt.Errorf("delete workspace: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: actorWorkspaceID, Actor: actor, Action: "workspace.delete", TargetType: "workspace",
			TargetID: id, Details: map[string]any{"slug": slug, "name": name}, CreatedAt: now,
		})
	})
}

func findWorkspace(ctx context.Context, r runner, where string, args ...any) (*parley.Workspace, error) {
	w, err := scanWorkspace(r.queryRow(ctx, `SELECT `+workspaceColumns+` FROM workspaces WHERE `+where, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Workspace")
	} else if err != nil {
		return nil, fmt.Errorf("find workspace: %w", err)
	}
	return w, nil
}

func scanWorkspace(row scanner) (*parley.Workspace, error) {
	var (
		w                    parley.Workspace
		createdAt, updatedAt int64
	)
	if err := row.Scan(&w.ID, &w.Slug, &w.Name, &createdAt, &updatedAt); err != nil {
		return nil, err
	}
	w.CreatedAt, w.UpdatedAt = fromMicros(createdAt), fromMicros(updatedAt)
	return &w, nil
}
