package parley

import (
	"context"
	"time"
)

// Reasons recorded on a ContactMerge.
const (
	MergeReasonAPI      = "api"      // an explicit merge (POST /contacts/{id}/merge)
	MergeReasonIdentify = "identify" // identifiers of several contacts arrived together
	MergeReasonLogin    = "login"    // a guest logged in: the guest joins the verified contact
)

// ContactMerge records that one contact (the source) was merged into
// another: its conversations, visitor sessions and resume tokens moved to
// the target, its attributes and identifiers were combined into the
// target's (the target's win), and it was deleted. Source is the source
// contact as it was just before, so that history survives the merge.
//
// The JSON form is the one carried by contact.merged events.
type ContactMerge struct {
	ID          string    `json:"id"`
	WorkspaceID string    `json:"workspace_id"`
	ContactID   string    `json:"contact_id"`        // the target, which remains
	SourceID    string    `json:"merged_contact_id"` // the source, now deleted
	Source      *Contact  `json:"merged_contact"`
	Reason      string    `json:"reason"`
	Actor       Actor     `json:"-"`
	CreatedAt   time.Time `json:"created_at"`
}

// ContactMergedEventData is the Payload of contact.merged events: the
// target contact after the merge, and the merge.
type ContactMergedEventData struct {
	Contact *Contact      `json:"contact"`
	Merge   *ContactMerge `json:"merge"`
}

// MergeStore merges contacts, scoped by workspace.
type MergeStore interface {
	// MergeContacts merges the contact sourceID into targetID in one
	// transaction: conversations (with the source's messages and read
	// positions), visitor sessions and resume tokens move to the target;
	// attributes are combined (the target's win); an identifier, name or
	// avatar the target lacks is taken from the source; the target is
	// verified if either was; the source is deleted; a ContactMerge is
	// recorded; contact.merged is written; and, when actor is not nil, an
	// audit entry. Returns ENOTFOUND if either contact is not in the
	// workspace, EINVALID if they are the same.
	MergeContacts(ctx context.Context, actor *Actor, workspaceID, targetID, sourceID, reason string) (*Contact, *ContactMerge, error)
	// ListContactMerges returns the merges into contactID, oldest first
	// (merges into contacts merged since included), ordered by ID.
	ListContactMerges(ctx context.Context, workspaceID, contactID string, opt ListOptions) (List[*ContactMerge], error)
}
