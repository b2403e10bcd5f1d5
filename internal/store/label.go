package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/parleychat/parley"
)

const labelColumns = `id, workspace_id, name, color, description, created_at, updated_at`

// labelKey is the form in which label names are compared.
func labelKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// CreateLabel inserts l. Returns ECONFLICT if the name is taken, ENOTFOUND
// if the workspace does not exist.
func (s *Store) CreateLabel(ctx context.Context, actor parley.Actor, l *parley.Label) error {
	now, id := s.now(), newID()
	err := s.inTx(ctx, func(tx runner) error {
		_, err := tx.exec(ctx, `INSERT INTO labels (id, workspace_id, name, name_key, color, description, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, l.WorkspaceID, l.Name, labelKey(l.Name), l.Color, l.Description,
			now.UnixMicro(), now.UnixMicro())
		switch {
		case isUniqueViolation(err):
			return parley.Errorf(parley.ECONFLICT, "A label with this name already exists.")
		case isForeignKeyViolation(err):
			return notFound("Workspace")
		case err != nil:
			return fmt.Errorf("create label: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: l.WorkspaceID, Actor: actor, Action: "label.create", TargetType: "label", TargetID: id,
			Details: map[string]any{"name": l.Name, "color": l.Color}, CreatedAt: now,
		})
	})
	if err != nil {
		return err
	}
	l.ID, l.CreatedAt, l.UpdatedAt = id, now, now
	return nil
}

// FindLabel returns ENOTFOUND.
func (s *Store) FindLabel(ctx context.Context, workspaceID, id string) (*parley.Label, error) {
	return findLabel(ctx, s.read(), workspaceID, id)
}

func findLabel(ctx context.Context, r runner, workspaceID, id string) (*parley.Label, error) {
	l, err := scanLabel(r.queryRow(ctx, `SELECT `+labelColumns+` FROM labels WHERE workspace_id = ? AND id = ?`, workspaceID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Label")
	} else if err != nil {
		return nil, fmt.Errorf("find label: %w", err)
	}
	return l, nil
}

// ListLabels returns the workspace's labels ordered by name.
func (s *Store) ListLabels(ctx context.Context, workspaceID string) ([]*parley.Label, error) {
	items, err := queryAll(ctx, s.read(), scanLabel,
		`SELECT `+labelColumns+` FROM labels WHERE workspace_id = ? ORDER BY name_key, id`, workspaceID)
	if err != nil {
		return nil, fmt.Errorf("list labels: %w", err)
	}
	return items, nil
}

// UpdateLabel changes the fields of upd. Returns ENOTFOUND or ECONFLICT.
func (s *Store) UpdateLabel(ctx context.Context, actor parley.Actor, workspaceID, id string, upd parley.LabelUpdate) (*parley.Label, error) {
	now := s.now()
	var l *parley.Label
	err := s.inTx(ctx, func(tx runner) error {
		var err error
		if l, err = findLabel(ctx, tx, workspaceID, id); err != nil {
			return err
		}
		details := applyChanges(stringChange{"name", upd.Name, &l.Name},
			stringChange{"color", upd.Color, &l.Color}, stringChange{"description", upd.Description, &l.Description})
		if len(details) == 0 {
			return nil
		}
		l.UpdatedAt = now
		_, err = tx.exec(ctx, `UPDATE labels SET name = ?, name_key = ?, color = ?, description = ?, updated_at = ?
			WHERE workspace_id = ? AND id = ?`, l.Name, labelKey(l.Name), l.Color, l.Description, now.UnixMicro(), workspaceID, id)
		if isUniqueViolation(err) {
			return parley.Errorf(parley.ECONFLICT, "A label with this name already exists.")
		} else if err != nil {
			return fmt.Errorf("update label: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "label.update", TargetType: "label", TargetID: id,
			Details: details, CreatedAt: now,
		})
	})
	if err != nil {
		return nil, err
	}
	return l, nil
}

// DeleteLabel deletes the label (and, by cascade, its uses). Returns ENOTFOUND.
func (s *Store) DeleteLabel(ctx context.Context, actor parley.Actor, workspaceID, id string) error {
	return s.inTx(ctx, func(tx runner) error {
		l, err := findLabel(ctx, tx, workspaceID, id)
		if err != nil {
			return err
		}
		// Explicitly, so that no engine depends on cascading through the
		// composite key.
		for _, table := range []string{"conversation_labels", "contact_labels"} {
			if _, err := tx.exec(ctx, `DELETE FROM `+table+` WHERE workspace_id = ? AND label_id = ?`, workspaceID, id); err != nil {
				return fmt.Errorf("delete label uses: %w", err)
			}
		}
		if _, err := tx.exec(ctx, `DELETE FROM labels WHERE workspace_id = ? AND id = ?`, workspaceID, id); err != nil {
			return fmt.Errorf("delete label: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "label.delete", TargetType: "label", TargetID: id,
			Details: map[string]any{"name": l.Name}, CreatedAt: s.now(),
		})
	})
}

// labelTable returns the join table of a target and the table the target
// lives in, with its column in the join table.
func labelTable(target parley.LabelTarget) (join, table, column, what string, err error) {
	switch target {
	case parley.LabelConversation:
		return "conversation_labels", "conversations", "conversation_id", "Conversation", nil
	case parley.LabelContact:
		return "contact_labels", "contacts", "contact_id", "Contact", nil
	}
	return "", "", "", "", parley.Errorf(parley.EINVALID, "Unknown label target %q.", target)
}

// AddLabel puts a label on a conversation or contact. Returns ENOTFOUND or
// EINVALID (too many labels).
func (s *Store) AddLabel(ctx context.Context, actor parley.Actor, workspaceID string, target parley.LabelTarget, targetID, labelID string) error {
	return s.changeLabel(ctx, actor, workspaceID, target, targetID, labelID, true)
}

// RemoveLabel takes a label off a conversation or contact. Returns ENOTFOUND.
func (s *Store) RemoveLabel(ctx context.Context, actor parley.Actor, workspaceID string, target parley.LabelTarget, targetID, labelID string) error {
	return s.changeLabel(ctx, actor, workspaceID, target, targetID, labelID, false)
}

func (s *Store) changeLabel(ctx context.Context, actor parley.Actor, workspaceID string, target parley.LabelTarget, targetID, labelID string, add bool) error {
	join, table, column, what, err := labelTable(target)
	if err != nil {
		return err
	}
	now := s.now()
	return s.inTx(ctx, func(tx runner) error {
		// Lock the target, so that concurrent additions count right.
		var one int
		err := tx.queryRow(ctx, `SELECT 1 FROM `+table+` WHERE workspace_id = ? AND id = ?`+s.dialect.forUpdate(),
			workspaceID, targetID).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound(what)
		} else if err != nil {
			return fmt.Errorf("find %s: %w", table, err)
		}
		if err := mustExist(ctx, tx, "labels", "Label", workspaceID, labelID); err != nil {
			return err
		}
		var res sql.Result
		action := "label.remove"
		if add {
			action = "label.add"
			var n int
			if err := tx.queryRow(ctx, `SELECT count(*) FROM `+join+` WHERE `+column+` = ?`, targetID).Scan(&n); err != nil {
				return fmt.Errorf("count labels: %w", err)
			}
			if n >= parley.MaxLabelsPerTarget {
				return parley.Errorf(parley.EINVALID, "A %s carries at most %d labels.", target, parley.MaxLabelsPerTarget)
			}
			res, err = tx.exec(ctx, `INSERT INTO `+join+` (workspace_id, `+column+`, label_id, created_at) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING`, workspaceID, targetID, labelID, now.UnixMicro())
		} else {
			res, err = tx.exec(ctx, `DELETE FROM `+join+` WHERE workspace_id = ? AND `+column+` = ? AND label_id = ?`,
				workspaceID, targetID, labelID)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", action, err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err // nothing changed: no audit entry
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: action, TargetType: string(target), TargetID: targetID,
			Details: map[string]any{"label_id": labelID}, CreatedAt: now,
		})
	})
}

// TargetLabels returns the labels of a conversation or contact. Returns ENOTFOUND.
func (s *Store) TargetLabels(ctx context.Context, workspaceID string, target parley.LabelTarget, targetID string) ([]*parley.Label, error) {
	join, table, column, what, err := labelTable(target)
	if err != nil {
		return nil, err
	}
	r := s.read()
	if err := mustExist(ctx, r, table, what, workspaceID, targetID); err != nil {
		return nil, err
	}
	items, err := queryAll(ctx, r, scanLabel, `SELECT l.id, l.workspace_id, l.name, l.color, l.description, l.created_at, l.updated_at
		FROM `+join+` j JOIN labels l ON l.id = j.label_id
		WHERE j.workspace_id = ? AND j.`+column+` = ? ORDER BY l.name_key, l.id`, workspaceID, targetID)
	if err != nil {
		return nil, fmt.Errorf("list labels of %s: %w", target, err)
	}
	return items, nil
}

func scanLabel(row scanner) (*parley.Label, error) {
	var (
		l                    parley.Label
		createdAt, updatedAt int64
	)
	if err := row.Scan(&l.ID, &l.WorkspaceID, &l.Name, &l.Color, &l.Description, &createdAt, &updatedAt); err != nil {
		return nil, err
	}
	l.CreatedAt, l.UpdatedAt = fromMicros(createdAt), fromMicros(updatedAt)
	return &l, nil
}
