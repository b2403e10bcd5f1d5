package parley

import (
	"context"
	"time"
)

// ContextEndpoint is one of the company's URLs that Parley calls, server
// side, when an agent opens a conversation, to show the customer's own data
// in the contact panel (ChimpAssist's contactInfo, additionalInfo and
// statistics). Parley POSTs the contact's identifiers and the agent's id,
// signed with Secret (Standard Webhooks), and renders the answer: a JSON
// array of {"label", "value"} where value is a text (a row), a list of
// {"url", "label"} (links) or a list of {"x", "y"} (a time series).
type ContextEndpoint struct {
	ID          string
	WorkspaceID string
	// InboxID limits the endpoint to one inbox's conversations; "" for
	// every inbox of the workspace.
	InboxID string
	// Title heads the endpoint's section of the contact panel.
	Title string
	// URL receives the POST; checked by the outbound rules when saved and
	// again at every connection.
	URL string
	// Statistics endpoints receive a date range and the console shows a
	// date range picker above their section.
	Statistics bool
	// Secret ("whsec_…") signs the requests; the API shows it only when
	// the endpoint is created or its secret rotated.
	Secret    string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Limits on context endpoints.
const (
	MaxContextEndpoints        = 10 // per workspace
	MaxContextEndpointTitleLen = 64
)

// ContextEndpointUpdate holds the fields to change; nil means "leave as
// is". InboxID set to "" makes the endpoint apply to every inbox.
type ContextEndpointUpdate struct {
	InboxID    *string
	Title      *string
	URL        *string
	Statistics *bool
	Secret     *string
}

// ContextEndpointStore persists context endpoints, scoped by workspace (an
// endpoint or inbox of another workspace is ENOTFOUND). The authorization
// check and the validation of the fields happen before these calls.
type ContextEndpointStore interface {
	// CreateContextEndpoint inserts e, setting its ID and times. Returns
	// ENOTFOUND for an unknown workspace or inbox, EINVALID when the
	// workspace has MaxContextEndpoints already.
	CreateContextEndpoint(ctx context.Context, actor Actor, e *ContextEndpoint) error
	// ContextEndpoint returns ENOTFOUND.
	ContextEndpoint(ctx context.Context, workspaceID, id string) (*ContextEndpoint, error)
	// ListContextEndpoints returns the workspace's endpoints in the order
	// they were created.
	ListContextEndpoints(ctx context.Context, workspaceID string) ([]*ContextEndpoint, error)
	// UpdateContextEndpoint changes the fields upd sets. Returns ENOTFOUND
	// (the endpoint, or the inbox it names).
	UpdateContextEndpoint(ctx context.Context, actor Actor, workspaceID, id string, upd ContextEndpointUpdate) (*ContextEndpoint, error)
	// DeleteContextEndpoint returns ENOTFOUND.
	DeleteContextEndpoint(ctx context.Context, actor Actor, workspaceID, id string) error
}
