package parley

import (
	"context"
	"time"
)

// AuditEntry records one administrative action: who did what, to what, when.
// Stores write it in the same transaction as the change it describes.
type AuditEntry struct {
	ID          string
	WorkspaceID string // "" for installation-wide actions (e.g. workspace.create)
	Actor       Actor
	Action      string // e.g. "agent.create", "token.revoke"
	TargetType  string // e.g. "agent"
	TargetID    string
	// Details holds what changed; never secrets.
	Details   map[string]any
	CreatedAt time.Time
}

// AuditStore reads the audit log.
type AuditStore interface {
	// ListAuditEntries returns the workspace's entries newest first; After
	// is the ID of the last entry of the previous page.
	ListAuditEntries(ctx context.Context, workspaceID string, opt ListOptions) (List[*AuditEntry], error)
}
