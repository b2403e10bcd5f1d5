package parley

import (
	"context"
	"mime"
	"strconv"
	"strings"
	"time"
)

// ConversationStatus is where a conversation is in its lifecycle:
//
//	open ──first visitor message──▶ pending ──assign──▶ assigned ──resolve──▶ resolved
//	                                   ▲ ◀──unassign───────┘                      │
//	                                   └──────────── reopen / visitor message ────┘
//
// Any status but resolved may be resolved. Every transition writes its
// event (conversation.queued, .assigned, …) in the same transaction.
type ConversationStatus string

const (
	// StatusOpen: created, no visitor message yet; not shown to agents.
	StatusOpen ConversationStatus = "open"
	// StatusPending: the visitor wrote; queued for an agent.
	StatusPending ConversationStatus = "pending"
	// StatusAssigned: an agent holds it (Conversation.AssigneeID).
	StatusAssigned ConversationStatus = "assigned"
	// StatusResolved: done; a visitor message reopens it or starts a new
	// one, as the inbox's ConversationSettings.ResolvedPolicy says.
	StatusResolved ConversationStatus = "resolved"
)

// Valid reports whether s is a known status.
func (s ConversationStatus) Valid() bool {
	switch s {
	case StatusOpen, StatusPending, StatusAssigned, StatusResolved:
		return true
	}
	return false
}

// Conversation is one thread between a contact and the workspace's agents,
// entered through an inbox. Its messages are numbered 1, 2, 3, … without
// gaps in two sequences (see Message): LastSeq is the Seq of the latest,
// VisitorLastSeq the VisitorSeq of the latest a visitor may see.
//
// The JSON form is the one carried by events and notifications.
type Conversation struct {
	ID          string             `json:"id"`
	WorkspaceID string             `json:"workspace_id"`
	InboxID     string             `json:"inbox_id"`
	ContactID   string             `json:"contact_id"`
	Status      ConversationStatus `json:"status"`
	// AssigneeID is the agent holding the conversation; "" when none. A
	// resolved conversation keeps the agent who held it last.
	AssigneeID string `json:"assignee_id,omitempty"`
	Priority   int    `json:"priority"`
	LastSeq    int64  `json:"last_seq"`
	// VisitorLastSeq is the last VisitorSeq: how many messages a visitor
	// may see.
	VisitorLastSeq int64      `json:"visitor_last_seq"`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"` // last change, a new message included
	AssignedAt     *time.Time `json:"assigned_at,omitempty"`
	ResolvedAt     *time.Time `json:"resolved_at,omitempty"`
}

// ForVisitor returns the conversation as a visitor is shown it: a copy
// whose LastSeq is its VisitorLastSeq. It is idempotent.
func (c *Conversation) ForVisitor() *Conversation {
	v := *c
	v.LastSeq = c.VisitorLastSeq
	return &v
}

// ConversationFilter narrows ListConversations. Empty fields match everything.
type ConversationFilter struct {
	Status     []ConversationStatus // any of these
	AssigneeID string
	InboxID    string
	ContactID  string
	ListOptions
}

// ConversationStore persists conversations, scoped by workspace: a
// conversation (or inbox, contact, agent) of another workspace is reported
// as ENOTFOUND.
//
// The state-changing methods are compare-and-set updates decided by the
// database: when many callers race for the same change (twenty agents
// taking one pending conversation), exactly one succeeds and the others get
// ECONFLICT, on one node or many. Each returns the conversation as changed
// and the event it wrote in the same transaction; by is who made the change
// and is recorded in the event.
type ConversationStore interface {
	// CreateConversation inserts c with status open and LastSeq 0, setting
	// ID, Status, LastSeq, CreatedAt and UpdatedAt (AssigneeID and the
	// assigned/resolved times are ignored), and writes conversation.created.
	// Returns ENOTFOUND if the inbox or the contact is not in the workspace,
	// EINVALID if by is not a valid participant.
	CreateConversation(ctx context.Context, c *Conversation, by Participant) (*Event, error)
	// FindConversation returns ENOTFOUND.
	FindConversation(ctx context.Context, workspaceID, id string) (*Conversation, error)
	// ListConversations returns the workspace's conversations matching f,
	// ordered by ID. Returns EINVALID for an unknown status.
	ListConversations(ctx context.Context, workspaceID string, f ConversationFilter) (List[*Conversation], error)

	// AssignConversation gives a pending conversation to agentID
	// (conversation.assigned). Returns ENOTFOUND if the conversation or the
	// agent is not in the workspace, EINVALID if the agent is disabled,
	// ECONFLICT if the conversation is not pending (someone else took it,
	// or it is open or resolved).
	AssignConversation(ctx context.Context, workspaceID, id, agentID string, by Participant) (*Conversation, *Event, error)
	// TransferConversation moves a conversation assigned to fromAgentID to
	// toAgentID (conversation.transferred; the payload names the previous
	// assignee). Returns ENOTFOUND if the conversation or toAgentID is not in
	// the workspace, ECONFLICT unless the conversation is assigned to
	// fromAgentID, EINVALID if the two agents are the same or toAgentID is
	// disabled.
	TransferConversation(ctx context.Context, workspaceID, id, fromAgentID, toAgentID string, by Participant) (*Conversation, *Event, error)
	// UnassignConversation puts a conversation assigned to fromAgentID back
	// to pending (conversation.unassigned). Returns ENOTFOUND, or ECONFLICT
	// unless the conversation is assigned to fromAgentID.
	UnassignConversation(ctx context.Context, workspaceID, id, fromAgentID string, by Participant) (*Conversation, *Event, error)
	// ResolveConversation resolves an open, pending or assigned conversation
	// (conversation.resolved), keeping its assignee. Returns ENOTFOUND, or
	// ECONFLICT if it is already resolved.
	ResolveConversation(ctx context.Context, workspaceID, id string, by Participant) (*Conversation, *Event, error)
	// ReopenConversation puts a resolved conversation back to pending with
	// no assignee (conversation.reopened). Returns ENOTFOUND, or ECONFLICT
	// if it is not resolved.
	ReopenConversation(ctx context.Context, workspaceID, id string, by Participant) (*Conversation, *Event, error)
}

// ConversationEventData is the Payload of conversation.* events: the
// conversation after the change, who made it, and for transferred and
// unassigned events the agent who held it before.
type ConversationEventData struct {
	Conversation       *Conversation `json:"conversation"`
	By                 Participant   `json:"by"`
	PreviousAssigneeID string        `json:"previous_assignee_id,omitempty"`
}

// ResolvedPolicy says what a visitor message on a resolved conversation does.
type ResolvedPolicy string

const (
	// ResolvedReopen puts the conversation back to pending (the default).
	ResolvedReopen ResolvedPolicy = "reopen"
	// ResolvedNew leaves it resolved and starts a new conversation.
	ResolvedNew ResolvedPolicy = "new"
)

// Attachment limits of an inbox when its settings leave them unset.
const (
	DefaultMaxAttachmentSize = 10 << 20 // 10 MiB
	// MaxAttachmentSizeLimit bounds what an inbox may allow.
	MaxAttachmentSizeLimit    = 100 << 20
	MaxAllowedAttachmentTypes = 100
)

// DefaultAllowedAttachmentTypes are the media types accepted when an inbox
// names none: common images, PDF, plain text, CSV and office documents.
// Types a browser would run (HTML, SVG, JavaScript) are deliberately absent.
var DefaultAllowedAttachmentTypes = []string{
	"image/png", "image/jpeg", "image/gif", "image/webp",
	"application/pdf", "text/plain", "text/csv",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"application/vnd.openxmlformats-officedocument.presentationml.presentation",
}

// ConversationSettings are an inbox's conversation rules. Zero values
// select the defaults (see the Effective methods).
type ConversationSettings struct {
	// ResolvedPolicy: "" or ResolvedReopen, or ResolvedNew.
	ResolvedPolicy ResolvedPolicy
	// MaxAttachmentSize is the largest attachment in bytes; 0 means
	// DefaultMaxAttachmentSize.
	MaxAttachmentSize int64
	// AllowedAttachmentTypes lists accepted media types, each exact
	// ("image/png") or a whole top-level type ("image/*"); empty means
	// DefaultAllowedAttachmentTypes.
	AllowedAttachmentTypes []string
}

// EffectiveResolvedPolicy returns the policy, ResolvedReopen when unset.
func (s ConversationSettings) EffectiveResolvedPolicy() ResolvedPolicy {
	if s.ResolvedPolicy == "" {
		return ResolvedReopen
	}
	return s.ResolvedPolicy
}

// EffectiveMaxAttachmentSize returns the size limit, the default when unset.
func (s ConversationSettings) EffectiveMaxAttachmentSize() int64 {
	if s.MaxAttachmentSize <= 0 {
		return DefaultMaxAttachmentSize
	}
	return s.MaxAttachmentSize
}

// AllowsAttachmentType reports whether contentType (parameters ignored,
// case-insensitive) is accepted.
func (s ConversationSettings) AllowsAttachmentType(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	allowed := s.AllowedAttachmentTypes
	if len(allowed) == 0 {
		allowed = DefaultAllowedAttachmentTypes
	}
	for _, a := range allowed {
		a = strings.ToLower(a)
		if a == mt || (strings.HasSuffix(a, "/*") && strings.HasPrefix(mt, strings.TrimSuffix(a, "*"))) {
			return true
		}
	}
	return false
}

// Validate records problems with s under field (e.g. "conversation").
func (s ConversationSettings) Validate(v *Validation, field string) {
	switch s.ResolvedPolicy {
	case "", ResolvedReopen, ResolvedNew:
	default:
		v.Add(field+".resolved_policy", "must be %q or %q", ResolvedReopen, ResolvedNew)
	}
	if s.MaxAttachmentSize < 0 || s.MaxAttachmentSize > MaxAttachmentSizeLimit {
		v.Add(field+".max_attachment_size", "must be between 0 (default) and %d bytes", MaxAttachmentSizeLimit)
	}
	if len(s.AllowedAttachmentTypes) > MaxAllowedAttachmentTypes {
		v.Add(field+".allowed_attachment_types", "must hold at most %d types", MaxAllowedAttachmentTypes)
	}
	for i, t := range s.AllowedAttachmentTypes {
		if !validMediaTypePattern(t) {
			v.Add(field+".allowed_attachment_types["+strconv.Itoa(i)+"]", "must be a lower-case media type such as image/png or image/*")
		}
	}
}

// validMediaTypePattern reports whether t is a lower-case type/subtype
// without parameters, or type/*.
func validMediaTypePattern(t string) bool {
	mt, params, err := mime.ParseMediaType(t)
	typ, sub, ok := strings.Cut(mt, "/")
	return err == nil && len(params) == 0 && t == mt && ok && typ != "" && typ != "*" && sub != "" && !strings.Contains(sub, "/")
}
