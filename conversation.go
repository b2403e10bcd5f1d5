package parley

import (
	"context"
	"mime"
	"slices"
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
	// QueueID is the queue the conversation belongs to (see Queue).
	QueueID  string `json:"queue_id,omitempty"`
	Priority int    `json:"priority"`
	// PageURL is the page the visitor started the conversation from, as
	// its widget said; "" when unknown. Routing rules may look at it.
	PageURL string `json:"page_url,omitempty"`
	LastSeq int64  `json:"last_seq"`
	// VisitorLastSeq is the last VisitorSeq: how many messages a visitor
	// may see.
	VisitorLastSeq int64      `json:"visitor_last_seq"`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"` // last change, a new message included
	AssignedAt     *time.Time `json:"assigned_at,omitempty"`
	ResolvedAt     *time.Time `json:"resolved_at,omitempty"`
	// WaitingSince is when the visitor wrote the oldest message that no
	// agent or bot has answered yet (text or attachment); nil when nobody
	// waits for a reply. A resolved conversation waits for nobody.
	WaitingSince *time.Time `json:"waiting_since,omitempty"`
	// Tier is the escalation tier (1-based, see Tier) of a pending or
	// assigned conversation of a queue, and TierAt when it entered it;
	// 0 and nil otherwise. EscalationOverdueAt is when its last tier's
	// time passed (conversation.escalation_overdue), since it last
	// entered its queue.
	Tier                int        `json:"tier,omitempty"`
	TierAt              *time.Time `json:"tier_at,omitempty"`
	EscalationOverdueAt *time.Time `json:"escalation_overdue_at,omitempty"`
	// SnoozedUntil: the conversation is snoozed until then, or until the
	// visitor writes, whichever comes first. SnoozedUntilReply: snoozed
	// until the visitor writes, with no time. Both unset: not snoozed. A
	// visitor's message, and resolving, end any snooze.
	SnoozedUntil      *time.Time `json:"snoozed_until,omitempty"`
	SnoozedUntilReply bool       `json:"snoozed_until_reply,omitempty"`
	// OutsideHours: the visitor's message that queued the conversation
	// came while its queue was outside its business hours (see
	// BusinessHours); it waits for the queue to open. Set each time the
	// conversation is queued.
	OutsideHours bool `json:"outside_hours,omitempty"`
}

// Snoozed reports whether the conversation is snoozed at now.
func (c *Conversation) Snoozed(now time.Time) bool {
	return c.SnoozedUntilReply || (c.SnoozedUntil != nil && c.SnoozedUntil.After(now))
}

// ForVisitor returns the conversation as a visitor is shown it: a copy
// whose LastSeq is its VisitorLastSeq. It is idempotent.
func (c *Conversation) ForVisitor() *Conversation {
	v := *c
	v.LastSeq = c.VisitorLastSeq
	v.SnoozedUntil, v.SnoozedUntilReply = nil, false // the agents' business
	v.Tier, v.TierAt, v.EscalationOverdueAt = 0, nil, nil
	return &v
}

// ConversationSort orders a list of conversations. Ties are broken by ID,
// so every order is total and pages never skip or repeat a conversation.
type ConversationSort string

const (
	// SortByID orders by ID, oldest first (the default).
	SortByID ConversationSort = ""
	// SortNewest: most recently created first.
	SortNewest ConversationSort = "newest"
	// SortOldest: created longest ago first.
	SortOldest ConversationSort = "oldest"
	// SortWaitingLongest: the visitor waiting longest for a reply first
	// (by WaitingSince); conversations nobody waits on come last.
	SortWaitingLongest ConversationSort = "waiting_longest"
	// SortLastActivity: most recently changed (UpdatedAt) first.
	SortLastActivity ConversationSort = "last_activity"
)

// ConversationSorts lists the sorts a caller may ask for by name.
var ConversationSorts = []ConversationSort{SortNewest, SortOldest, SortWaitingLongest, SortLastActivity}

// Valid reports whether s is a known sort ("" included).
func (s ConversationSort) Valid() bool {
	return s == SortByID || slices.Contains(ConversationSorts, s)
}

// ConversationFilter narrows ListConversations. Empty fields match everything.
type ConversationFilter struct {
	Status     []ConversationStatus // any of these
	AssigneeID string
	// Unassigned: only conversations nobody holds (AssigneeID must be "").
	Unassigned bool
	InboxID    string
	ContactID  string
	LabelID    string // carrying this label
	QueueID    string // in this queue
	// UnreadBy, when set (a contact, agent or bot), keeps only the
	// conversations with messages this participant has not read, counted
	// as UnreadCount counts them.
	UnreadBy *Participant
	// WaitingSince, when not zero, keeps only the conversations whose
	// visitor has waited for a reply since this time or earlier
	// (Conversation.WaitingSince ≤ WaitingSince): "waiting longer than d"
	// is WaitingSince = now − d.
	WaitingSince time.Time
	// Snoozed, when set, keeps only the conversations snoozed now (true)
	// or only those that are not (false).
	Snoozed *bool
	// Priority keeps the conversations of any of these priorities.
	Priority []int
	// Sort orders the list; with any sort but SortByID, ListOptions.After
	// is the Next of a previous page of the same sort and filter (the store
	// answers EINVALID to anything else).
	Sort ConversationSort
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
	// in f.Sort's order (by ID when unset), a page at a time. Returns
	// EINVALID for an unknown status or sort, a cursor of another sort, or
	// an UnreadBy that is not a contact, agent or bot.
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
	// SnoozeConversation snoozes a conversation that is not resolved until
	// until or, when until is nil, until the visitor writes
	// (conversation.snoozed); a visitor's message ends any snooze
	// (conversation.unsnoozed, by the contact, written with the message).
	// Returns ENOTFOUND, or ECONFLICT if it is resolved.
	SnoozeConversation(ctx context.Context, workspaceID, id string, until *time.Time, by Participant) (*Conversation, *Event, error)
	// UnsnoozeConversation ends a snooze (conversation.unsnoozed). Returns
	// ENOTFOUND, or ECONFLICT if the conversation is not snoozed.
	UnsnoozeConversation(ctx context.Context, workspaceID, id string, by Participant) (*Conversation, *Event, error)
	// SetConversationPriority sets the priority, 0 to MaxPriority
	// (conversation.priority_changed). Returns ENOTFOUND, or EINVALID for
	// a priority out of range.
	SetConversationPriority(ctx context.Context, workspaceID, id string, priority int, by Participant) (*Conversation, *Event, error)
}

// ConversationEventData is the Payload of conversation.* events: the
// conversation after the change, who made it, and for transferred and
// unassigned events the agent who held it before.
type ConversationEventData struct {
	Conversation       *Conversation `json:"conversation"`
	By                 Participant   `json:"by"`
	PreviousAssigneeID string        `json:"previous_assignee_id,omitempty"`
	// PreviousQueueID names the queue a conversation.queue_changed left.
	PreviousQueueID string `json:"previous_queue_id,omitempty"`
	// Offer is the offer of conversation.offer* events.
	Offer *Offer `json:"offer,omitempty"`
	// Reason says why Parley itself made the change, e.g.
	// "agent_offline" for a conversation.unassigned.
	Reason string `json:"reason,omitempty"`
	// Handoff is set on conversation.handed_off.
	Handoff *Handoff `json:"handoff,omitempty"`
	// Escalation is set on conversation.escalated.
	Escalation *Escalation `json:"escalation,omitempty"`
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
	// AutoResolveAfter: a conversation of the inbox that is not resolved
	// or snoozed and has seen no activity (no message, no change) for this
	// long is resolved by the router's sweep, with a system line the
	// visitor sees (conversation.resolved with Reason ReasonInactive).
	// 0, the default, turns it off; else whole seconds between
	// MinAutoResolveAfter and MaxAutoResolveAfter.
	AutoResolveAfter time.Duration
}

// Bounds of ConversationSettings.AutoResolveAfter (0 turns it off).
const (
	MinAutoResolveAfter = time.Minute
	MaxAutoResolveAfter = 30 * 24 * time.Hour
)

// ReasonInactive is the Reason of the conversation.resolved events of
// auto-resolve.
const ReasonInactive = "inactive"

// AutoResolveLine is the system line auto-resolve writes after that long
// without activity, e.g. "This conversation was closed after 30 minutes
// without activity."
func AutoResolveLine(after time.Duration) string {
	n, unit := int64(after/time.Second), "second"
	for _, u := range []struct {
		d    time.Duration
		name string
	}{{24 * time.Hour, "day"}, {time.Hour, "hour"}, {time.Minute, "minute"}} {
		if after >= u.d && after%u.d == 0 {
			n, unit = int64(after/u.d), u.name
			break
		}
	}
	if n != 1 {
		unit += "s"
	}
	return "This conversation was closed after " + strconv.FormatInt(n, 10) + " " + unit + " without activity."
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
	if s.AutoResolveAfter != 0 && (s.AutoResolveAfter < MinAutoResolveAfter || s.AutoResolveAfter > MaxAutoResolveAfter ||
		s.AutoResolveAfter%time.Second != 0) {
		v.Add(field+".auto_resolve_after_seconds", "must be 0 (off) or between %d and %d seconds",
			int64(MinAutoResolveAfter/time.Second), int64(MaxAutoResolveAfter/time.Second))
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
