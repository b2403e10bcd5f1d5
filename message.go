package parley

import (
	"context"
	"time"
)

// MessageKind says what a message is.
type MessageKind string

const (
	// KindText is a chat message.
	KindText MessageKind = "text"
	// KindAttachment carries one or more files and an optional caption.
	KindAttachment MessageKind = "attachment"
	// KindNote is private to agents. No visitor-facing path — REST,
	// WebSocket, history, unread counts, previews, notifications on a
	// visitor's subject — may ever carry one: see Message.VisibleToVisitor.
	KindNote MessageKind = "note"
	// KindEvent is a line written by the system ("Ada joined").
	KindEvent MessageKind = "event"
)

// Valid reports whether k is a known kind.
func (k MessageKind) Valid() bool {
	switch k {
	case KindText, KindAttachment, KindNote, KindEvent:
		return true
	}
	return false
}

// Limits on messages.
const (
	MaxMessageBodySize       = 16 << 10 // bytes of Body
	MaxClientIDLength        = 64       // bytes of ClientID
	MaxAttachmentsPerMessage = 10
	MaxAttachmentNameLength  = 255
)

// ParticipantType says who takes part in a conversation.
type ParticipantType string

const (
	ParticipantContact ParticipantType = "contact" // the visitor; ID is the contact's
	ParticipantAgent   ParticipantType = "agent"   // a person; ID is the agent's
	ParticipantBot     ParticipantType = "bot"     // an agent with Bot set; ID is the agent's
	ParticipantSystem  ParticipantType = "system"  // Parley itself or an app; ID is ""
)

// Valid reports whether t is a known participant type.
func (t ParticipantType) Valid() bool {
	switch t {
	case ParticipantContact, ParticipantAgent, ParticipantBot, ParticipantSystem:
		return true
	}
	return false
}

// Participant names who acted or reads: a contact, an agent or bot, or the system.
type Participant struct {
	Type ParticipantType `json:"type"`
	ID   string          `json:"id,omitempty"`
}

// Valid reports whether p has a known type, and an ID exactly when the
// type needs one (every type but system).
func (p Participant) Valid() bool {
	return p.Type.Valid() && (p.ID == "") == (p.Type == ParticipantSystem)
}

// Sender is who wrote a message. DisplayName, when set, overrides the name
// clients show (for bots and agents of an external system proxied by an app).
// AvatarURL, set only by apps (an external agent's picture), is the path
// on this server of the copy Parley made of the URL the app named
// (/avatars/{workspace}/{hash}); clients join it to the server's URL.
// ExternalID, set only by apps (with DisplayName), is the external agent's
// ID in the app's system: opaque text for staff, never shown to visitors
// (ForVisitor clears it).
type Sender struct {
	Type        ParticipantType `json:"type"`
	ID          string          `json:"id,omitempty"`
	DisplayName string          `json:"display_name,omitempty"`
	AvatarURL   string          `json:"avatar_url,omitempty"`
	ExternalID  string          `json:"external_id,omitempty"`
}

// Participant returns the sender without its display name.
func (s Sender) Participant() Participant { return Participant{Type: s.Type, ID: s.ID} }

// Attachment describes a file of a message. The bytes are stored apart
// (AttachmentStore) and served to callers allowed to read the conversation.
type Attachment struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
}

// Message is one entry of a conversation. A conversation numbers its
// messages twice, each time 1, 2, 3, … with no gap and no repeat, in the
// order they were stored:
//
//   - Seq, the full sequence, counts every message, notes included. Staff
//     read and resume by it.
//   - VisitorSeq, the visitor sequence, counts only what a visitor may see
//     (every kind but notes); a note has none (0). Visitors read and resume
//     by it, so that nothing a visitor is shown — a number, a gap, a read
//     position — tells of a note.
//
// Both are taken in the transaction that stores the message. Every path
// that serves a visitor shows it the visitor sequence as seq (ForVisitor).
//
// The JSON form is the one carried by events and notifications.
type Message struct {
	ID             string `json:"id"`
	WorkspaceID    string `json:"workspace_id"`
	ConversationID string `json:"conversation_id"`
	Seq            int64  `json:"seq"`
	// VisitorSeq is the message's number in the visitor sequence; 0 for a
	// note.
	VisitorSeq int64       `json:"visitor_seq,omitempty"`
	Kind       MessageKind `json:"kind"`
	Sender     Sender      `json:"sender"`
	// ClientID is the sender's idempotency key ("" if none): a second
	// message with the same key from the same sender in the same
	// conversation is not stored; the first is returned instead.
	ClientID    string       `json:"client_id,omitempty"`
	Body        string       `json:"body"`
	Attachments []Attachment `json:"attachments"`
	// AppID is the app that sent the message (its provenance): set when
	// an app's access token sent it, as the system or as one of its bots.
	// Staff see it; visitors are never shown it (ForVisitor clears it).
	AppID     string     `json:"app_id,omitempty"`
	CreatedAt time.Time  `json:"created_at"`
	EditedAt  *time.Time `json:"edited_at,omitempty"`
	// DeletedAt is set on a deleted message, whose Body and Attachments are
	// emptied; it keeps its Seq and VisitorSeq.
	DeletedAt *time.Time `json:"deleted_at,omitempty"`
}

// VisibleToVisitor reports whether the message may be shown to the
// conversation's visitor: every kind but notes. Every visitor-facing path
// (REST, WebSocket, history, unread counts, previews, notifications) must
// filter with it — or ask the store with includeNotes false — so that a
// note can never reach a visitor.
func (m *Message) VisibleToVisitor() bool { return m.Kind != KindNote }

// ForVisitor returns the message as a visitor is shown it: a copy whose Seq
// is its VisitorSeq, without what is staff's only (the app that sent it,
// the external agent's ID in the app's system). It is idempotent. m must
// be visible to visitors.
func (m *Message) ForVisitor() *Message {
	v := *m
	v.Seq = m.VisitorSeq
	v.AppID = ""
	v.Sender.ExternalID = ""
	return &v
}

// MessageInput is a message to append.
type MessageInput struct {
	WorkspaceID    string
	ConversationID string
	Kind           MessageKind
	// Sender must be a valid Participant; a contact may write only in its
	// own conversations.
	Sender   Sender
	ClientID string // idempotency key; "" for none
	Body     string
	// AppID is the app sending the message ("" for none): its provenance.
	AppID string
	// AttachmentIDs name attachments stored in the same conversation
	// (PutAttachment) and not yet part of a message. Required for
	// KindAttachment, forbidden for the other kinds.
	AttachmentIDs []string
}

// AppendResult is the outcome of appending one MessageInput.
type AppendResult struct {
	// Message is the stored message: the new one, or for a duplicate the
	// one first stored under the same client ID.
	Message *Message
	// Duplicate is true when the ClientID was already used: nothing was
	// stored and no sequence number taken (in either sequence).
	Duplicate bool
	// Conversation is the conversation after the append.
	Conversation *Conversation
	// Events are the events written with the message, in order:
	// message.created, then conversation.queued or conversation.reopened
	// when the message moved the conversation. None for a duplicate.
	Events []*Event
	// Err is set, by AppendMessages only, when this input failed on its
	// own; the other fields are then nil.
	Err error
}

// MessageQuery selects a page of a conversation's messages, always ordered
// by sequence ascending.
type MessageQuery struct {
	// AfterSeq: only messages with a greater seq (0 for the beginning).
	AfterSeq int64
	// BeforeSeq: when > 0, only messages with a smaller seq, and the page is
	// the newest of them (for scrolling back through history).
	BeforeSeq int64
	// Limit: 0 means DefaultListLimit; clamped to MaxListLimit. A page
	// shorter than its limit is the last in its direction.
	Limit int
	// IncludeNotes must be false on every visitor-facing path.
	IncludeNotes bool
	// Visitor selects a visitor's view: AfterSeq and BeforeSeq are
	// VisitorSeqs, the page is ordered by VisitorSeq, and notes are left
	// out whatever IncludeNotes says. Every visitor-facing path sets it.
	Visitor bool
}

// MessageStore persists messages, scoped by workspace: a message or
// conversation of another workspace is reported as ENOTFOUND.
type MessageStore interface {
	// AppendMessage stores one message in one transaction:
	//   - a repeated ClientID (same conversation, sender type and ID)
	//     returns the original message with Duplicate set, taking no seq;
	//   - otherwise the conversation's next seq is taken, and unless the
	//     message is a note its next visitor seq (both gap-free under any
	//     concurrency, on one node or many), the message stored, and
	//     message.created written;
	//   - a contact's text or attachment message moves an open conversation
	//     to pending (conversation.queued), and a resolved one whose inbox's
	//     ResolvedPolicy is reopen to pending with no assignee
	//     (conversation.reopened).
	// Returns ENOTFOUND if the conversation is not in the workspace or a
	// contact sender is not its contact; ECONFLICT if a contact writes text
	// or an attachment in a resolved conversation whose inbox's policy is
	// ResolvedNew (the caller starts a new conversation); EINVALID if the
	// kind or sender is invalid, or an attachment is missing from the
	// conversation or already part of a message.
	AppendMessage(ctx context.Context, in MessageInput) (*AppendResult, error)
	// AppendMessages appends every input in order in ONE transaction, with
	// the rules of AppendMessage, and returns one result per input, by
	// index. An input that fails on its own gets its error in
	// AppendResult.Err and does not stop the others; the returned error
	// reports a failed transaction, in which case nothing was stored.
	AppendMessages(ctx context.Context, ins []MessageInput) ([]AppendResult, error)
	// FindMessage returns ENOTFOUND.
	FindMessage(ctx context.Context, workspaceID, id string) (*Message, error)
	// ListMessages returns a page of the conversation's messages (see
	// MessageQuery), deleted ones included as emptied tombstones. Returns
	// ENOTFOUND if the conversation is not in the workspace.
	ListMessages(ctx context.Context, workspaceID, conversationID string, q MessageQuery) ([]*Message, error)
	// EditMessage replaces the body of a text, attachment or note message,
	// sets EditedAt and writes message.updated. It does not check who may
	// edit: callers do. Returns ENOTFOUND, ECONFLICT if the message is
	// deleted, EINVALID for an event message.
	EditMessage(ctx context.Context, workspaceID, id, body string, by Participant) (*Message, *Event, error)
	// DeleteMessage empties the message's body and attachments (deleting
	// the attachments' bytes), sets DeletedAt and writes message.deleted.
	// Returns ENOTFOUND, or ECONFLICT if it is already deleted.
	DeleteMessage(ctx context.Context, workspaceID, id string, by Participant) (*Message, *Event, error)
}

// MessageEventData is the Payload of message.* events: the message after
// the change, and who made it (for message.created, its sender).
type MessageEventData struct {
	Message *Message    `json:"message"`
	By      Participant `json:"by"`
}

// ReadState is how far one participant has read a conversation, in both
// sequences: LastReadSeq in the full one, LastReadVisitorSeq in the visitor
// one (the VisitorSeq of the last message a visitor may see at or before
// LastReadSeq). An agent who read up to a note has the visitor position of
// the visible message before it.
type ReadState struct {
	Participant        Participant `json:"participant"`
	LastReadSeq        int64       `json:"last_read_seq"`
	LastReadVisitorSeq int64       `json:"last_read_visitor_seq"`
	UpdatedAt          time.Time   `json:"updated_at"`
}

// ForVisitor returns the read state as a visitor is shown it: a copy whose
// LastReadSeq is its LastReadVisitorSeq. It is idempotent.
func (r ReadState) ForVisitor() ReadState {
	r.LastReadSeq = r.LastReadVisitorSeq
	return r
}

// ReadMark is the outcome of MarkRead.
type ReadMark struct {
	// ReadState is the participant's position after the call.
	ReadState
	// VisitorMoved reports whether the call moved the position in the
	// visitor sequence: only then has a visitor anything new to learn.
	VisitorMoved bool
}

// ReadStateStore persists read positions, scoped by workspace. The
// participant is a contact (only the conversation's own, else ENOTFOUND),
// an agent or a bot. Each reads by its own sequence: a contact by the
// visitor sequence, agents and bots by the full one.
type ReadStateStore interface {
	// MarkRead records that p has read the conversation up to seq — a
	// VisitorSeq for a contact, a Seq for agents and bots — clamped to the
	// conversation's last, and returns the participant's position, which
	// never goes backwards: marking an older seq changes nothing. The
	// other sequence's position is derived in the same transaction.
	// Returns ENOTFOUND, EINVALID for a system participant or a negative
	// seq.
	MarkRead(ctx context.Context, workspaceID, conversationID string, p Participant, seq int64) (ReadMark, error)
	// ReadStates returns every participant's position in the conversation,
	// ordered by participant type and ID. Returns ENOTFOUND.
	ReadStates(ctx context.Context, workspaceID, conversationID string) ([]ReadState, error)
	// UnreadCount returns how many messages after p's position p has not
	// read: text and attachment messages (and, for agents and bots, notes)
	// that are not deleted and that p did not send. A contact's count never
	// includes notes: it counts in the visitor sequence, after its
	// LastReadVisitorSeq. Returns ENOTFOUND, EINVALID for a system
	// participant.
	UnreadCount(ctx context.Context, workspaceID, conversationID string, p Participant) (int, error)
}

// AttachmentFile is a stored attachment: its metadata, where it belongs,
// and its bytes.
type AttachmentFile struct {
	Attachment
	WorkspaceID    string
	ConversationID string
	// MessageID is the message the attachment is part of; "" until sent.
	MessageID string
	Data      []byte
	CreatedAt time.Time
	// Uploader is who uploaded the file (zero for files stored before it
	// was recorded). The quotas count contacts' uploads.
	Uploader Participant
}

// AttachmentStore keeps attachment bytes in the database, scoped by workspace.
type AttachmentStore interface {
	// PutAttachment stores f, setting ID, Size (len(Data)) and CreatedAt;
	// MessageID is ignored. It checks no limit but quota: callers do. With
	// a quota (nil for staff uploads), it checks, in the transaction that
	// stores the file and one upload of a contact at a time, that the
	// files contacts uploaded to the conversation's contact's
	// conversations stay within quota.Quotas, f included, and that fewer
	// than UploadsPerMinute were stored after quota.Since. Returns
	// ENOTFOUND if the conversation is not in the workspace; EFORBIDDEN
	// with the reason of the quota (ReasonConversationFiles, …) that f
	// would exceed; ERATELIMITED (ReasonUploadRate, with RetryAfter).
	PutAttachment(ctx context.Context, f *AttachmentFile, quota *UploadQuota) error
	// GetAttachment returns the attachment with its bytes. Returns
	// ENOTFOUND (also once the message it was part of is deleted).
	GetAttachment(ctx context.Context, workspaceID, id string) (*AttachmentFile, error)
	// DeleteUnsentAttachments deletes up to limit attachments that are
	// part of no message and were stored before before, oldest first, in
	// every workspace, and returns how many. Call it again until it
	// returns less than limit.
	DeleteUnsentAttachments(ctx context.Context, before time.Time, limit int) (int, error)
}
