package parley

import (
	"context"
	"strings"
	"time"
)

// ContactNote is a staff-only note on a contact ("prefers email", "VIP
// since 2021"): agents and API tokens read and write it; no visitor-facing
// path serialises it, and a contact's export leaves it out. It is erased
// with the contact and follows it through a merge.
type ContactNote struct {
	ID          string
	WorkspaceID string
	ContactID   string
	// AuthorType and AuthorID are who wrote it (an agent or an API token);
	// AuthorName is their name then, kept if they are deleted.
	AuthorType ActorType
	AuthorID   string
	AuthorName string
	Body       string
	CreatedAt  time.Time
}

// Limits on contact notes.
const (
	MaxContactNoteLength = 4000 // bytes of Body
	MaxContactNotes      = 500  // notes on one contact
)

// Validate checks a note's body.
func (n *ContactNote) Validate(v *Validation) {
	if strings.TrimSpace(n.Body) == "" {
		v.Add("body", "must not be empty")
	}
	v.BoundedText("body", n.Body, MaxContactNoteLength)
}

// ContactNoteStore persists notes on contacts, scoped by workspace: a
// contact or note of another workspace is reported as ENOTFOUND.
type ContactNoteStore interface {
	// CreateContactNote inserts n, setting ID and CreatedAt, with an audit
	// entry (without the body). Returns ENOTFOUND if the contact is not in
	// the workspace, EINVALID if it already carries MaxContactNotes notes.
	CreateContactNote(ctx context.Context, actor Actor, n *ContactNote) error
	// ListContactNotes returns the contact's notes, newest first. Returns
	// ENOTFOUND if the contact is not in the workspace.
	ListContactNotes(ctx context.Context, workspaceID, contactID string) ([]*ContactNote, error)
	// DeleteContactNote deletes one note of the contact, with an audit
	// entry. Returns ENOTFOUND.
	DeleteContactNote(ctx context.Context, actor Actor, workspaceID, contactID, id string) error
}
