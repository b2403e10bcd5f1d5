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

// AttributeUnverifiedEmail is the contact attribute that holds the email
// address a guest gave about itself (the widget's pre-chat form, PATCH
// /api/v1/visitor/contact), stored lower-case. It is information for
// agents, not an identifier: nobody proved it, several contacts may hold
// the same one, and identify and merge never match on it (unlike Email).
const AttributeUnverifiedEmail = "unverified_email"

// ContactUpdate holds the fields to change; nil means "leave as is". An
// identifier set to "" removes it. Attributes, when set, replaces the whole
// map.
type ContactUpdate struct {
	ExternalID *string
	Email      *string
	Phone      *string
	Name       *string
	AvatarURL  *string
	Attributes *map[string]any
	// SetAttributes, when not empty, sets these attributes key by key
	// (after Attributes); the others keep their value, even when changed
	// concurrently.
	SetAttributes map[string]any
}

// ContactFilter narrows ListContacts. Empty fields match everything.
type ContactFilter struct {
	ExternalID string // exactly this external ID
	Email      string // exactly this email, compared lower-case
	Phone      string // exactly this phone
	// Query matches contacts whose name or email starts with it,
	// case-insensitively.
	Query string
	// AttributeKey/AttributeValue match contacts whose attribute
	// AttributeKey, rendered as text (strings as is, numbers in decimal),
	// equals AttributeValue.
	AttributeKey   string
	AttributeValue string
	ListOptions
}

// Limits on contact fields.
const (
	MaxIdentifierLength = 256 // bytes of ExternalID and Phone, and of a message's Sender.ExternalID
	MaxAvatarURLLength  = 2048
	MaxContactQuery     = 200 // bytes of ContactFilter.Query
)

// Identify is what a trusted caller — the customer's back-end through an
// API token, a JWT it signed, or Parley minting a token — says about a
// contact: at least one identifier, and what to record.
type Identify struct {
	WorkspaceID string
	ExternalID  string
	Email       string
	Phone       string
	// Name, when not "", replaces the contact's name.
	Name string
	// Attributes are set on the contact key by key; keys not named keep
	// their value.
	Attributes map[string]any
	// Verified marks the contact verified (it never unmarks one).
	Verified bool
	// MergeContactID, when set, names a contact (a guest who has just
	// logged in) to merge into the identified one, whatever its
	// identifiers.
	MergeContactID string
	// Session, when set, is a visitor session to open for the identified
	// contact in the same transaction, with the hash of its secret
	// (SessionHash); its ContactID is set to the contact's.
	Session     *VisitorSession
	SessionHash []byte
	// Reason is recorded on the merges the call makes (e.g. "identify").
	Reason string
	// Actor, when set, is recorded in the audit log.
	Actor *Actor
}

// IdentifyResult is the outcome of IdentifyContact.
type IdentifyResult struct {
	Contact *Contact
	// Created is true when no contact held any of the identifiers.
	Created bool
	// Merges lists the contacts merged into Contact, in order.
	Merges []*ContactMerge
	// Events are the contact.* events written, in order.
	Events []*Event
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
	// ListContacts returns the workspace's contacts matching f, ordered by
	// ID. Returns EINVALID for an invalid attribute key.
	ListContacts(ctx context.Context, workspaceID string, f ContactFilter) (List[*Contact], error)
	// UpdateContact changes the fields of upd and writes contact.updated
	// (and an audit entry when actor is not nil) in one transaction; an
	// update that sets nothing changes nothing. Returns ENOTFOUND, or
	// ECONFLICT if a new identifier is taken.
	UpdateContact(ctx context.Context, actor *Actor, workspaceID, id string, upd ContactUpdate) (*Contact, error)
	// DeleteContact erases the contact with everything it owns — its
	// conversations with their messages, attachments and read states, its
	// visitor sessions, resume tokens, merge records and the outbox events
	// of its conversations — writes contact.deleted (with the ID only) and
	// an audit entry without personal data, in one transaction. Returns
	// ENOTFOUND.
	DeleteContact(ctx context.Context, actor Actor, workspaceID, id string) error
	// IdentifyContact finds the contacts holding any of in's identifiers
	// and, in one transaction: creates one (contact.created) when none
	// does; otherwise keeps the one holding the external ID (else the
	// email, else the phone) and merges every other one, and
	// in.MergeContactID, into it (contact.merged each); then records in's
	// identifiers, name and attributes on it (contact.updated when
	// something changed) and opens in.Session. Returns EINVALID when in
	// has no identifier, ENOTFOUND if MergeContactID or the session's
	// inbox is not in the workspace, ECONFLICT when a concurrent call
	// took an identifier first (retrying succeeds).
	IdentifyContact(ctx context.Context, in Identify) (*IdentifyResult, error)
}
