package client

import (
	"encoding/json"
	"time"
)

// Message kinds.
const (
	KindText       = "text"       // a chat message
	KindAttachment = "attachment" // files uploaded first, with an optional caption
	KindNote       = "note"       // private to staff: never delivered to a visitor
	KindEvent      = "event"      // a system line (apps only)
)

// Conversation statuses.
const (
	StatusOpen     = "open"     // created, no visitor message yet
	StatusPending  = "pending"  // the visitor wrote; waiting for an agent
	StatusAssigned = "assigned" // an agent holds it
	StatusResolved = "resolved" // done
)

// Participant types.
const (
	ParticipantContact = "contact" // a visitor
	ParticipantAgent   = "agent"
	ParticipantBot     = "bot"
	ParticipantSystem  = "system" // Parley or an app's API token
)

// Participant is who takes part in a conversation.
type Participant struct {
	Type string `json:"type"`
	ID   string `json:"id,omitempty"`
}

// Sender is who wrote a message; DisplayName, when set, is the name to
// show instead of the sender's own (bots, apps proxying external agents).
type Sender struct {
	Type        string `json:"type"`
	ID          string `json:"id,omitempty"`
	DisplayName string `json:"display_name,omitempty"`
	// AvatarURL is the picture of the external agent an app sent as.
	AvatarURL string `json:"avatar_url,omitempty"`
	// ExternalID is that external agent's ID in the app's system; staff
	// only (empty for a visitor).
	ExternalID string `json:"external_id,omitempty"`
}

// Attachment describes a file of a message; download it with
// Client.Attachment.
type Attachment struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
}

// Message is one entry of a conversation. Seq numbers a conversation's
// messages 1, 2, 3, … without gaps, in the reader's own sequence: for staff
// every message, notes included; for a visitor, the visitor sequence,
// which counts only what a visitor may see (so a visitor sees no gap
// either). VisitorSeq is the message's number in the visitor sequence (0
// for a note); for a visitor it equals Seq.
type Message struct {
	ID             string       `json:"id"`
	WorkspaceID    string       `json:"workspace_id"`
	ConversationID string       `json:"conversation_id"`
	Seq            int64        `json:"seq"`
	VisitorSeq     int64        `json:"visitor_seq,omitempty"`
	Kind           string       `json:"kind"`
	Sender         Sender       `json:"sender"`
	ClientID       string       `json:"client_id,omitempty"`
	Body           string       `json:"body"`
	Attachments    []Attachment `json:"attachments"`
	CreatedAt      time.Time    `json:"created_at"`
	EditedAt       *time.Time   `json:"edited_at,omitempty"`
	// DeletedAt is set on a deleted message, whose body and attachments are
	// emptied; it keeps its seq.
	DeletedAt *time.Time `json:"deleted_at,omitempty"`
	// AppID is the app that sent the message (staff only).
	AppID string `json:"app_id,omitempty"`
}

// Conversation is one thread between a contact and the workspace's agents.
type Conversation struct {
	ID          string `json:"id"`
	WorkspaceID string `json:"workspace_id"`
	InboxID     string `json:"inbox_id"`
	ContactID   string `json:"contact_id"`
	Status      string `json:"status"`
	AssigneeID  string `json:"assignee_id,omitempty"`
	// QueueID is the queue the conversation belongs to.
	QueueID  string `json:"queue_id,omitempty"`
	Priority int    `json:"priority"`
	// LastSeq is the Seq of the latest message, in the reader's own
	// sequence; VisitorLastSeq the last VisitorSeq.
	LastSeq        int64      `json:"last_seq"`
	VisitorLastSeq int64      `json:"visitor_last_seq"`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
	AssignedAt     *time.Time `json:"assigned_at,omitempty"`
	ResolvedAt     *time.Time `json:"resolved_at,omitempty"`
	WaitingSince   *time.Time `json:"waiting_since,omitempty"` // when the visitor started waiting for a reply
	// OutsideHours: queued while its queue was outside its business hours.
	OutsideHours bool `json:"outside_hours,omitempty"`
}

// Event is an outbox event, as the workspace feed carries it. The payload of
// conversation.* events is the conversation after the change and who made
// it (see ConversationChange).
type Event struct {
	ID             string          `json:"id"`
	WorkspaceID    string          `json:"workspace_id"`
	Type           string          `json:"type"`
	ConversationID string          `json:"conversation_id,omitempty"`
	Payload        json.RawMessage `json:"payload"`
	CreatedAt      time.Time       `json:"created_at"`
}

// ConversationChange is the payload of a conversation.* event.
type ConversationChange struct {
	Conversation       *Conversation `json:"conversation"`
	By                 Participant   `json:"by"`
	PreviousAssigneeID string        `json:"previous_assignee_id,omitempty"`
}

// ConversationChange decodes the payload of a conversation.* event.
func (e *Event) ConversationChange() (*ConversationChange, error) {
	var c ConversationChange
	if err := json.Unmarshal(e.Payload, &c); err != nil {
		return nil, err
	}
	return &c, nil
}

// ReadState is how far one participant has read a conversation:
// LastReadSeq in the reader's own sequence (a visitor's: the visitor
// sequence), LastReadVisitorSeq in the visitor sequence.
type ReadState struct {
	Participant        Participant `json:"participant"`
	LastReadSeq        int64       `json:"last_read_seq"`
	LastReadVisitorSeq int64       `json:"last_read_visitor_seq"`
	UpdatedAt          time.Time   `json:"updated_at"`
}

// Agent is a user of a workspace: a person in the console, or a bot.
type Agent struct {
	ID          string         `json:"id"`
	WorkspaceID string         `json:"workspace_id"`
	Email       string         `json:"email"`
	Name        string         `json:"name"`
	Role        string         `json:"role"`
	SystemAdmin bool           `json:"system_admin"`
	Bot         bool           `json:"bot"`
	Disabled    bool           `json:"disabled"`
	Capacity    int            `json:"capacity"`
	Attributes  map[string]any `json:"attributes"`
	AvatarURL   string         `json:"avatar_url"`
	// Presence is online, away or offline: the status the agent chose
	// while it is connected, offline once it has not been for the grace
	// period.
	Presence  string    `json:"presence"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	// Load, in lists: the conversations the agent holds as its capacity
	// counts them (assigned, and open offers).
	Load *int `json:"load,omitempty"`
}

// Inbox is a chat entry point: a website's widget or a custom chat UI.
type Inbox struct {
	ID             string   `json:"id"`
	WorkspaceID    string   `json:"workspace_id"`
	Name           string   `json:"name"`
	AllowedOrigins []string `json:"allowed_origins"`
	Widget         struct {
		Title    string `json:"title"`
		Greeting string `json:"greeting"`
		Color    string `json:"color"`
		Locale   string `json:"locale"`
		Position string `json:"position"`
		// Prechat is the form a guest fills in before writing.
		Prechat struct {
			Enabled bool     `json:"enabled"`
			Fields  []string `json:"fields"`
		} `json:"prechat"`
	} `json:"widget"`
	Identity struct {
		RequireVerified bool `json:"require_verified"`
	} `json:"identity"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// APIToken describes an API token; its secret is shown only when created
// (CreatedToken.Token).
type APIToken struct {
	ID          string     `json:"id"`
	WorkspaceID string     `json:"workspace_id"`
	Name        string     `json:"name"`
	Scopes      []string   `json:"scopes"`
	Prefix      string     `json:"prefix"`
	CreatedAt   time.Time  `json:"created_at"`
	LastUsedAt  *time.Time `json:"last_used_at"`
	RevokedAt   *time.Time `json:"revoked_at"`
	ExpiresAt   *time.Time `json:"expires_at"` // nil: never
}

// CreatedToken is a new API token with its secret.
type CreatedToken struct {
	APIToken
	// Token is the secret: use it with WithToken. It cannot be shown again.
	Token string `json:"token"`
}

// VisitorSession is a visitor's session: one browser or device of a
// contact. Token authenticates the visitor (WithToken).
type VisitorSession struct {
	Token     string    `json:"token"`
	ContactID string    `json:"contact_id"`
	InboxID   string    `json:"inbox_id"`
	ExpiresAt time.Time `json:"expires_at"`
	// Contact is the session's contact, when the server says.
	Contact *Contact `json:"contact,omitempty"`
}

// Contact is an end customer: a guest, or a verified contact identified
// by your back-end (ExternalID, the JWT's sub).
type Contact struct {
	ID          string         `json:"id"`
	WorkspaceID string         `json:"workspace_id"`
	ExternalID  string         `json:"external_id,omitempty"`
	Email       string         `json:"email,omitempty"`
	Phone       string         `json:"phone,omitempty"`
	Name        string         `json:"name"`
	AvatarURL   string         `json:"avatar_url,omitempty"`
	Verified    bool           `json:"verified"`
	Attributes  map[string]any `json:"attributes"`
	CreatedAt   time.Time      `json:"created_at"`
	UpdatedAt   time.Time      `json:"updated_at"`
}

// VisitorTokenInput asks for a visitor token for a customer (your
// back-end, with an API token holding visitors:write).
type VisitorTokenInput struct {
	InboxID string `json:"inbox_id"`
	// ExternalID, Email, Phone identify the contact (found or created);
	// with none, the token is a new guest's.
	ExternalID string         `json:"external_id,omitempty"`
	Email      string         `json:"email,omitempty"`
	Phone      string         `json:"phone,omitempty"`
	Name       string         `json:"name,omitempty"`
	Attributes map[string]any `json:"attributes,omitempty"`
	// Verified defaults to true when an identifier is given.
	Verified *bool `json:"verified,omitempty"`
	// TTL is the token's lifetime, in whole seconds; 0: the server's
	// default (15 minutes).
	TTL time.Duration `json:"-"`
}

// VisitorToken is a minted visitor token: hand Token to the visitor's
// device (WithToken); it expires at ExpiresAt.
type VisitorToken struct {
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expires_at"`
	Contact   Contact   `json:"contact"`
}

// Me describes the caller.
type Me struct {
	Kind        string    `json:"kind"` // "agent" or "token"
	WorkspaceID string    `json:"workspace_id"`
	Agent       *Agent    `json:"agent,omitempty"`
	Token       *APIToken `json:"token,omitempty"`
	SystemAdmin bool      `json:"system_admin"`
	Scopes      []string  `json:"scopes"`
	Session     bool      `json:"session"`
	// AwayAfterSeconds is, for an agent, how long its console may see no
	// activity before it sets the agent away (PARLEY_AWAY_AFTER); 0: never.
	AwayAfterSeconds int `json:"away_after_seconds"`
}

// Page is one page of a list. Pass NextCursor as the next call's cursor;
// it is "" on the last page.
type Page[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
}
