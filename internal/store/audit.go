package store

import (
	"context"
	"fmt"

	"github.com/parleychat/parley"
)

const auditColumns = `id, workspace_id, actor_type, actor_id, actor_name, action, target_type, target_id, details, created_at`

// ListAuditEntries returns the workspace's entries newest first; After is
// the ID of the last entry of the previous page.
func (s *Store) ListAuditEntries(ctx context.Context, workspaceID string, opt parley.ListOptions) (parley.List[*parley.AuditEntry], error) {
	query := `SELECT ` + auditColumns + ` FROM audit_log WHERE workspace_id = ?`
	args := []any{workspaceID}
	if opt.After != "" {
		query += ` AND id < ?`
		args = append(args, opt.After)
	}
	limit := opt.EffectiveLimit()
	query += ` ORDER BY id DESC LIMIT ?`
	items, err := queryAll(ctx, s.read(), scanAuditEntry, query, append(args, limit+1)...)
	if err != nil {
		return parley.List[*parley.AuditEntry]{}, fmt.Errorf("list audit entries: %w", err)
	}
	return page(items, limit, func(e *parley.AuditEntry) string { return e.ID }), nil
}

// insertAudit records e under a new ID. e.CreatedAt must be set, and
// e.Details must hold no secret.
func insertAudit(ctx context.Context, tx runner, e parley.AuditEntry) error {
	if e.Details == nil {
		e.Details = map[string]any{}
	}
	details, err := encodeJSON(e.Details)
	if err != nil {
		return fmt.Errorf("audit %s: %w", e.Action, err)
	}
	_, err = tx.exec(ctx, `INSERT INTO audit_log (`+auditColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		newID(), e.WorkspaceID, e.Actor.Type, e.Actor.ID, e.Actor.Name, e.Action, e.TargetType, e.TargetID,
		details, e.CreatedAt.UnixMicro())
	if err != nil {
		return fmt.Errorf("audit %s: %w", e.Action, err)
	}
	return nil
}

func scanAuditEntry(row scanner) (*parley.AuditEntry, error) {
	var (
		e         parley.AuditEntry
		details   string
		createdAt int64
	)
	err := row.Scan(&e.ID, &e.WorkspaceID, &e.Actor.Type, &e.Actor.ID, &e.Actor.Name, &e.Action,
		&e.TargetType, &e.TargetID, &details, &createdAt)
	if err != nil {
		return nil, err
	}
	if err := decodeJSON(details, &e.Details); err != nil {
		return nil, err
	}
	e.CreatedAt = fromMicros(createdAt)
	return &e, nil
}
