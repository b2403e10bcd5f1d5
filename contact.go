package parley

import (
	"context"
	"time"
)

// Contact is an end customer of a workspace: the person behind one or more
// visitor sessions and conversations. ExternalID, Email and Phone identify
// the contact; each is optional and, when set, unique in the workspace.
//
// The JSON form is the one carried by events (contact.created).
type Contact struct {
	ID          string `json:"id"`
	WorkspaceID string `json:"workspace_id"`
	// ExternalID is the customer's own user ID, as their back-end knows it.
	ExternalID string `json:"external_id,omitempty"`
	Email      string `json:"email,omitempty"` // stored lower-case
	Phone      string `json:"phone,omitempty"`
	// Verified is true when the identity was proven (a JWT signed by the
	// customer's back-end), false for a guest.
	Verified  bool   `json:"verified"`
	Name      string `json:"name"`
	AvatarURL string `json:"avatar_url,omitempty"`
	// Attributes are custom attributes; keys match AttributeKeyPattern.
	Attributes map[string]any `json:"attributes"`
	CreatedAt  time.Time      `json:"created_at"`
	UpdatedAt  time.Time      `json:"updated_at"`
}

// ContactStore persists contacts, scoped by workspace: a contact of another
// workspace is reported as ENOTFOUND.
type ContactStore interface {
	// CreateContact inserts c, setting ID, CreatedAt and UpdatedAt, storing
	// Email lower-case and nil Attributes as an empty map, and writes a
	// contact.created event in the same transaction. Returns ECONFLICT if
	// ExternalID, Email or Phone is already taken in the workspace, ENOTFOUND
	// if the workspace does not exist.
	CreateContact(ctx context.Context, c *Contact) error
	// FindContactByID returns ENOTFOUND if there is no such contact in the workspace.
	FindContactByID(ctx context.Context, workspaceID, id string) (*Contact, error)
}
