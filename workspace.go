package parley

import (
	"context"
	"time"
)

// DefaultWorkspaceSlug names the workspace created on first start.
const DefaultWorkspaceSlug = "default"

// Workspace is a tenant. Every other object belongs to exactly one.
type Workspace struct {
	ID        string
	Slug      string // unique, URL-safe: [a-z0-9-], 2–63 characters
	Name      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// WorkspaceUpdate holds the fields to change; nil means "leave as is".
type WorkspaceUpdate struct {
	Name *string
}

// WorkspaceStore persists workspaces. Workspaces are managed by system
// administrators only; the authorization check happens before these calls.
type WorkspaceStore interface {
	// CreateWorkspace inserts w, setting ID, CreatedAt and UpdatedAt.
	// Returns ECONFLICT if the slug is taken.
	CreateWorkspace(ctx context.Context, actor Actor, w *Workspace) error
	// FindWorkspaceByID returns ENOTFOUND if there is no such workspace.
	FindWorkspaceByID(ctx context.Context, id string) (*Workspace, error)
	// FindWorkspaceBySlug returns ENOTFOUND if there is no such workspace.
	FindWorkspaceBySlug(ctx context.Context, slug string) (*Workspace, error)
	// ListWorkspaces returns workspaces ordered by ID.
	ListWorkspaces(ctx context.Context, opt ListOptions) (List[*Workspace], error)
	// UpdateWorkspace returns ENOTFOUND if there is no such workspace.
	UpdateWorkspace(ctx context.Context, actor Actor, id string, upd WorkspaceUpdate) (*Workspace, error)
	// DeleteWorkspace deletes the workspace with everything in it —
	// agents and their sessions, inboxes, API tokens, contacts and their
	// visitor sessions, conversations, events, its audit log — in one
	// transaction, and writes a workspace.delete audit entry in
	// actorWorkspaceID, the workspace of the system administrator asking.
	// Returns ENOTFOUND, or ECONFLICT if id is actorWorkspaceID (nobody
	// deletes the workspace they act from).
	DeleteWorkspace(ctx context.Context, actor Actor, actorWorkspaceID, id string) error
}
