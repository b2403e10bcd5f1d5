package client

import (
	"encoding/json"
	"time"
)

// Frame types a Conn hands to the application through Next.
const (
	FrameMessage        = "message"         // a new message (replayed or live): Message
	FrameMessageUpdated = "message.updated" // an edited message: Message, By
	FrameMessageDeleted = "message.deleted" // a deleted message (emptied, keeps its seq): Message, By
	FrameConversation   = "conversation"    // a state change: Event, Conversation, By, PreviousAssigneeID
	FrameTyping         = "typing"          // someone types: By, Note
	FrameRead           = "read"            // someone read up to LastReadSeq: Participant
	FrameEvent          = "event"           // a workspace feed event (SubscribeFeed, SubscribeFeedAfter): FeedEvent, Cursor
	// FrameSubscribed is emitted after an automatic reconnection, once per
	// conversation followed again: Conversation is its current state and
	// LastSeq where its stream stands. (A Subscribe call gets its own
	// answer as its result instead.)
	FrameSubscribed = "subscribed"
	// FrameError is an error that answers no request of the caller: a
	// conversation that could not be followed again after a reconnection
	// (ConversationID set; the Conn stops following it), or the answer to a
	// frame the server could not read.
	FrameError = "error"
	// FrameTokenExpiring warns that the connection's credential expires at
	// ExpiresAt: refresh it (Conn.Refresh, or automatically with
	// WithTokenSource) or the connection is closed then with
	// StatusTokenExpired.
	FrameTokenExpiring = "token_expiring"
	// FrameAvailability tells a visitor's connection whether an agent of
	// the workspace is online (Online), each time an agent's presence
	// changes.
	FrameAvailability = "availability"
)

// Frame is a frame received on a real-time connection. Type says which
// fields are set.
type Frame struct {
	Type           string
	ConversationID string
	// Message: message, message.updated, message.deleted.
	Message *Message
	// Conversation: conversation (the state after the change), subscribed.
	Conversation *Conversation
	// Event: for conversation frames, what happened (conversation.assigned,
	// conversation.queued, …).
	Event              string
	PreviousAssigneeID string
	// By: who edited, deleted, changed the conversation, or types.
	By *Participant
	// Participant and LastReadSeq: read. LastReadSeq is in the
	// connection's own sequence (a visitor's: the visitor sequence);
	// LastReadVisitorSeq is the same position in the visitor sequence.
	Participant        *Participant
	LastReadSeq        int64
	LastReadVisitorSeq int64
	// LastSeq: subscribed.
	LastSeq int64
	// Note: typing in a note (staff only).
	Note bool
	// FeedEvent: event.
	FeedEvent *Event
	// Cursor: event, on a feed followed with SubscribeFeedAfter: the
	// event's position in the event feed, to resume after it.
	Cursor string
	// Err: error.
	Err *Error
	// ExpiresAt: token_expiring.
	ExpiresAt time.Time
	// Online: availability.
	Online bool
	// Raw is the frame as received.
	Raw json.RawMessage
}

// Ready describes an authenticated connection (the server's ready frame).
type Ready struct {
	ConnectionID string
	WorkspaceID  string
	// Visitor is true for a visitor's connection.
	Visitor bool
	// Participant is who the connection is in conversations: a contact, an
	// agent or bot, or the system (an API token).
	Participant Participant
	// InboxID is a visitor's inbox.
	InboxID string
	// HeartbeatInterval is how often the server pings.
	HeartbeatInterval time.Duration
	// MaxFrameSize is the largest frame the server accepts, in bytes.
	MaxFrameSize int64
	// ExpiresAt is when the credential expires (zero: it does not).
	ExpiresAt time.Time
}

// wireRequest is a frame the client sends.
type wireRequest struct {
	Type           string   `json:"type"`
	ID             string   `json:"id,omitempty"`
	Token          string   `json:"token,omitempty"`
	ConversationID string   `json:"conversation_id,omitempty"`
	AfterSeq       int64    `json:"after_seq,omitempty"`
	Seq            int64    `json:"seq,omitempty"`
	ClientID       string   `json:"client_id,omitempty"`
	Kind           string   `json:"kind,omitempty"`
	Body           string   `json:"body,omitempty"`
	AttachmentIDs  []string `json:"attachment_ids,omitempty"`
	DisplayName    string   `json:"display_name,omitempty"`
	AvatarURL      string   `json:"avatar_url,omitempty"`
	ExternalID     string   `json:"external_id,omitempty"`
	Note           bool     `json:"note,omitempty"`
	Cursor         string   `json:"cursor,omitempty"` // subscribe_feed
}

// wireFrame is any frame the server sends. The fields whose JSON type
// depends on the frame type are kept raw.
type wireFrame struct {
	Type               string          `json:"type"`
	ID                 string          `json:"id"`
	ConversationID     string          `json:"conversation_id"`
	Message            json.RawMessage `json:"message"` // a message, or an error's text
	Event              json.RawMessage `json:"event"`   // a conversation frame's event type, or a feed event
	Conversation       *Conversation   `json:"conversation"`
	By                 *Participant    `json:"by"`
	Participant        *Participant    `json:"participant"`
	PreviousAssigneeID string          `json:"previous_assignee_id"`
	LastSeq            int64           `json:"last_seq"`
	LastReadSeq        int64           `json:"last_read_seq"`
	LastReadVisitorSeq int64           `json:"last_read_visitor_seq"`
	Note               bool            `json:"note"`
	Duplicate          bool            `json:"duplicate"`
	Code               string          `json:"code"`
	Reason             string          `json:"reason"`
	Fields             []FieldError    `json:"fields"`
	RetryAfter         float64         `json:"retry_after"` // seconds, of a rate_limited error
	// ready
	ConnectionID      string `json:"connection_id"`
	WorkspaceID       string `json:"workspace_id"`
	Visitor           bool   `json:"visitor"`
	InboxID           string `json:"inbox_id"`
	HeartbeatInterval int64  `json:"heartbeat_interval_ms"`
	MaxFrameSize      int64  `json:"max_frame_size"`
	// ready, token_expiring, refreshed
	ExpiresAt *time.Time `json:"expires_at"`
	// availability
	Online bool `json:"online"`
	// event, on a feed followed with a cursor
	Cursor string `json:"cursor"`
}

// message decodes the message a frame carries, or returns nil.
func (w *wireFrame) message() *Message {
	if len(w.Message) == 0 || w.Message[0] != '{' {
		return nil
	}
	var m Message
	if json.Unmarshal(w.Message, &m) != nil {
		return nil
	}
	return &m
}

// err returns the *Error of an error frame.
func (w *wireFrame) err() *Error {
	e := &Error{Code: w.Code, Reason: w.Reason, Fields: w.Fields,
		RetryAfter: time.Duration(w.RetryAfter * float64(time.Second))}
	if len(w.Message) > 0 && w.Message[0] == '"' {
		json.Unmarshal(w.Message, &e.Detail)
	}
	if e.Code == "" {
		e.Code = CodeInternal
	}
	return e
}

func (w *wireFrame) ready() Ready {
	r := Ready{
		ConnectionID: w.ConnectionID, WorkspaceID: w.WorkspaceID, Visitor: w.Visitor, InboxID: w.InboxID,
		HeartbeatInterval: time.Duration(w.HeartbeatInterval) * time.Millisecond, MaxFrameSize: w.MaxFrameSize,
	}
	if w.Participant != nil {
		r.Participant = *w.Participant
	}
	if w.ExpiresAt != nil {
		r.ExpiresAt = *w.ExpiresAt
	}
	return r
}

// frame converts w, received as raw, into what the application sees.
func (w *wireFrame) frame(raw []byte) Frame {
	f := Frame{
		Type: w.Type, ConversationID: w.ConversationID, Conversation: w.Conversation,
		By: w.By, Participant: w.Participant, PreviousAssigneeID: w.PreviousAssigneeID,
		LastSeq: w.LastSeq, LastReadSeq: w.LastReadSeq, LastReadVisitorSeq: w.LastReadVisitorSeq, Note: w.Note, Online: w.Online, Raw: raw,
	}
	if w.ExpiresAt != nil {
		f.ExpiresAt = *w.ExpiresAt
	}
	switch w.Type {
	case FrameMessage, FrameMessageUpdated, FrameMessageDeleted:
		f.Message = w.message()
	case FrameConversation:
		json.Unmarshal(w.Event, &f.Event)
	case FrameEvent:
		var ev Event
		if json.Unmarshal(w.Event, &ev) == nil {
			f.FeedEvent = &ev
			f.ConversationID = ev.ConversationID
			f.Cursor = w.Cursor
		}
	case FrameError:
		f.Err = w.err()
	}
	return f
}
