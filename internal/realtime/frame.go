package realtime

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"time"

	"github.com/coder/websocket"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/conversation"
	"github.com/parleychat/parley/internal/presence"
	"github.com/parleychat/parley/internal/visitors"
)

// Close codes (docs/protocol.md lists them with what a client should do).
const (
	StatusSlowConsumer     websocket.StatusCode = 4008 // the send queue overflowed
	StatusHeartbeatTimeout websocket.StatusCode = 4001 // no pong in time
	StatusTokenExpired     websocket.StatusCode = 4003 // the credential expired without a refresh
	// StatusCredentialRevoked: the credential ended before its expiry
	// (revoked, deleted, its agent disabled, its contact erased, its
	// workspace deleted); do not reconnect with it.
	StatusCredentialRevoked websocket.StatusCode = 4004
	// StatusRoleChanged: the agent's role changed; reconnect with the
	// same credential to act with the new role's rights.
	StatusRoleChanged websocket.StatusCode = 4005
	// StatusContactMerged: the visitor's contact was merged into another;
	// reconnect with the same token to continue as that contact.
	StatusContactMerged websocket.StatusCode = 4006
	StatusRateLimited   websocket.StatusCode = 4029 // frames far beyond the inbound rate limit
)

// Reasons of the forbidden errors answering a refresh whose token belongs to
// someone other than the connection's holder.
const (
	ReasonTokenContactMismatch   = "token_contact_mismatch"   // a visitor's token of another contact
	ReasonTokenPrincipalMismatch = "token_principal_mismatch" // staff: another agent or API token
)

// Close reasons. They are fixed strings: a close frame's reason is at most
// 123 bytes and must not leak details.
const (
	reasonShutdown       = "server shutting down"
	reasonAuthTimeout    = "authentication timeout"
	reasonAuthExpected   = "first frame must be auth"
	reasonAuthFailed     = "authentication failed"
	reasonAuthNoCookie   = "no session cookie"
	reasonAuthError      = "authentication unavailable"
	reasonOrigin         = "origin not allowed"
	reasonSlowConsumer   = "slow consumer"
	reasonHeartbeat      = "heartbeat timeout"
	reasonInternal       = "internal error"
	reasonTooBig         = "frame too big"
	reasonProtocol       = "protocol error"
	reasonTokenExpired   = "token expired"
	reasonRateLimited    = "rate limit exceeded"
	maxRequestIDLength   = 64
	maxConversationIDLen = 128
)

// Close reasons of a connection whose credential ended (4004, 4005, 4006).
const (
	reasonCredentialRevoked = "credential revoked"
	reasonContactErased     = "contact erased"
	reasonWorkspaceDeleted  = "workspace deleted"
	reasonRoleChanged       = "role changed"
	reasonContactMerged     = "contact merged"
)

// Frame types a client sends.
const (
	reqAuth            = "auth"
	reqSubscribe       = "subscribe"
	reqUnsubscribe     = "unsubscribe"
	reqSend            = "send"
	reqRead            = "read"
	reqTyping          = "typing"
	reqPing            = "ping"
	reqSubscribeFeed   = "subscribe_feed"
	reqUnsubscribeFeed = "unsubscribe_feed"
	reqRefresh         = "refresh"
	reqAcceptOffer     = "accept_offer"
	reqDeclineOffer    = "decline_offer"
	// A visitor reports its page; staff follow the visitors on the site.
	reqPage                = "page"
	reqSubscribeVisitors   = "subscribe_visitors"
	reqUnsubscribeVisitors = "unsubscribe_visitors"
	reqHandoff             = "handoff"
)

// request is any frame a client sends; each type uses some of the fields.
type request struct {
	Type           string             `json:"type"`
	ID             string             `json:"id"`
	Token          string             `json:"token"`
	ConversationID string             `json:"conversation_id"`
	AfterSeq       int64              `json:"after_seq"`
	Seq            int64              `json:"seq"`
	ClientID       string             `json:"client_id"`
	Kind           parley.MessageKind `json:"kind"`
	Body           string             `json:"body"`
	DisplayName    string             `json:"display_name"`
	AvatarURL      string             `json:"avatar_url"`  // send, apps only
	ExternalID     string             `json:"external_id"` // send, apps only
	AttachmentIDs  []string           `json:"attachment_ids"`
	Note           bool               `json:"note"`
	// Cursor, on subscribe_feed, resumes the feed after this position of
	// the event feed (GET /api/v1/events' next_cursor, or an event frame's
	// cursor); "0" starts from the beginning.
	Cursor string `json:"cursor"`
	Reason string `json:"reason"` // decline_offer, handoff
	URL    string `json:"url"`    // page
	Title  string `json:"title"`  // page
	// handoff
	QueueID string `json:"queue_id"`
	TeamID  string `json:"team_id"`
	Summary string `json:"summary"`
}

// Frames the server sends. Every one has a type; answers to a request
// carry its id.

type readyFrame struct {
	Type         string             `json:"type"` // "ready"
	ConnectionID string             `json:"connection_id"`
	WorkspaceID  string             `json:"workspace_id"`
	Visitor      bool               `json:"visitor"`
	Participant  parley.Participant `json:"participant"`
	InboxID      string             `json:"inbox_id,omitempty"`
	// HeartbeatInterval is how often the server pings, in milliseconds.
	HeartbeatInterval int64 `json:"heartbeat_interval_ms"`
	MaxFrameSize      int64 `json:"max_frame_size"`
	// ExpiresAt is when the credential expires; absent when it does not.
	ExpiresAt *time.Time `json:"expires_at,omitempty"`
}

// tokenExpiringFrame warns that the credential expires at ExpiresAt: the
// client should send a refresh frame before then.
type tokenExpiringFrame struct {
	Type      string    `json:"type"` // "token_expiring"
	ExpiresAt time.Time `json:"expires_at"`
}

// refreshedFrame answers a refresh: the connection now holds the new
// credential, which expires at ExpiresAt (absent: it does not expire).
type refreshedFrame struct {
	Type      string     `json:"type"` // "refreshed"
	ID        string     `json:"id,omitempty"`
	ExpiresAt *time.Time `json:"expires_at,omitempty"`
}

type errorFrame struct {
	Type           string       `json:"type"` // "error"
	ID             string       `json:"id,omitempty"`
	Code           string       `json:"code"`
	Reason         string       `json:"reason,omitempty"`
	Message        string       `json:"message"`
	Fields         []fieldError `json:"fields,omitempty"`
	ConversationID string       `json:"conversation_id,omitempty"`
	// RetryAfter, of a rate_limited error, is the seconds (to the
	// millisecond, rounded up) to wait before trying again.
	RetryAfter float64 `json:"retry_after,omitempty"`
}

type fieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

type sendAckFrame struct {
	Type      string          `json:"type"` // "ack"
	ID        string          `json:"id,omitempty"`
	Message   *parley.Message `json:"message"`
	Duplicate bool            `json:"duplicate"`
}

type readAckFrame struct {
	Type           string `json:"type"` // "ack"
	ID             string `json:"id,omitempty"`
	ConversationID string `json:"conversation_id"`
	LastReadSeq    int64  `json:"last_read_seq"`
}

// offerAckFrame answers accept_offer and decline_offer: the conversation
// after the answer.
type offerAckFrame struct {
	Type           string               `json:"type"` // "ack"
	ID             string               `json:"id,omitempty"`
	ConversationID string               `json:"conversation_id"`
	Conversation   *parley.Conversation `json:"conversation"`
}

type ackFrame struct {
	Type string `json:"type"` // "ack", "pong", "feed_subscribed", "feed_unsubscribed"
	ID   string `json:"id,omitempty"`
}

type subscribedFrame struct {
	Type           string               `json:"type"` // "subscribed"
	ID             string               `json:"id,omitempty"`
	ConversationID string               `json:"conversation_id"`
	LastSeq        int64                `json:"last_seq"`
	Conversation   *parley.Conversation `json:"conversation"`
}

type unsubscribedFrame struct {
	Type           string `json:"type"` // "unsubscribed"
	ID             string `json:"id,omitempty"`
	ConversationID string `json:"conversation_id"`
}

type messageFrame struct {
	Type           string              `json:"type"` // "message", "message.updated", "message.deleted"
	ConversationID string              `json:"conversation_id"`
	Message        *parley.Message     `json:"message"`
	By             *parley.Participant `json:"by,omitempty"`
}

type conversationFrame struct {
	Type               string               `json:"type"`  // "conversation"
	Event              parley.EventType     `json:"event"` // conversation.assigned, …
	ConversationID     string               `json:"conversation_id"`
	Conversation       *parley.Conversation `json:"conversation"`
	By                 parley.Participant   `json:"by"`
	PreviousAssigneeID string               `json:"previous_assignee_id,omitempty"`
	// Offer is the offer of conversation.offer* events (staff only).
	Offer *parley.Offer `json:"offer,omitempty"`
}

type typingFrame struct {
	Type           string             `json:"type"` // "typing"
	ConversationID string             `json:"conversation_id"`
	By             parley.Participant `json:"by"`
	Note           bool               `json:"note,omitempty"`
}

type readFrame struct {
	Type               string             `json:"type"` // "read"
	ConversationID     string             `json:"conversation_id"`
	Participant        parley.Participant `json:"participant"`
	LastReadSeq        int64              `json:"last_read_seq"`
	LastReadVisitorSeq int64              `json:"last_read_visitor_seq"`
}

// availabilityFrame tells a visitor whether an agent is online.
type availabilityFrame struct {
	Type   string    `json:"type"` // "availability"
	Online bool      `json:"online"`
	At     time.Time `json:"at"`
}

// availabilityNotice is the notice of a workspace's availability.
func availabilityNotice(workspaceID string, d presence.AvailabilityData) *notice {
	return &notice{
		event: &parley.Event{WorkspaceID: workspaceID, Type: presence.NotifyAvailability, CreatedAt: d.At},
		frame: encode(availabilityFrame{Type: "availability", Online: d.Online, At: d.At}),
	}
}

// visitorFrame tells staff following the visitors of the site that one
// came online, changed page, or went offline.
type visitorFrame struct {
	Type    string                `json:"type"`  // "visitor"
	Event   visitors.Event        `json:"event"` // online, updated, offline
	Visitor *parley.OnlineVisitor `json:"visitor"`
}

// invitationFrame brings a visitor an agent's invitation to chat.
type invitationFrame struct {
	Type       string             `json:"type"` // "invitation"
	Invitation *parley.Invitation `json:"invitation"`
}

type eventFrame struct {
	Type  string        `json:"type"` // "event"
	Event *parley.Event `json:"event"`
	// Cursor is the event's position in the event feed, on a feed
	// subscribed with a cursor: subscribe_feed with it resumes after it.
	Cursor string `json:"cursor,omitempty"`
}

// outFrame is a frame ready to write, with what the last check before the
// write needs to know: the message it carries, if any, and whether it is
// for staff only. visitor, when set, is the frame as a visitor is shown it
// (numbered in the visitor sequence), written instead of data on a
// visitor's connection.
type outFrame struct {
	data      []byte
	visitor   []byte
	msg       *parley.Message
	staffOnly bool
}

func encode(v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		// Every frame is a plain struct of marshalable fields.
		panic("realtime: encode frame: " + err.Error())
	}
	return data
}

// errorCode returns the code of the error frame answering err. It is the one
// place where parley error codes become protocol codes; anything unknown is
// "internal", whose message never says more than "Internal error.".
func errorCode(err error) string {
	switch code := parley.ErrorCode(err); code {
	case parley.EINVALID, parley.ENOTFOUND, parley.ECONFLICT, parley.EUNAUTHORIZED,
		parley.EFORBIDDEN, parley.ERATELIMITED, parley.EUNAVAILABLE:
		return code
	}
	return parley.EINTERNAL
}

// newErrorFrame returns the error frame answering request id with err.
func newErrorFrame(id string, err error) outFrame {
	f := errorFrame{Type: "error", ID: id, Code: errorCode(err), Message: parley.ErrorMessage(err)}
	if f.Code != parley.EINTERNAL {
		f.Reason = parley.ErrorReason(err)
	}
	var pe *parley.Error
	if f.Code == parley.EINVALID && errors.As(err, &pe) {
		for _, fe := range pe.Fields {
			f.Fields = append(f.Fields, fieldError{Field: fe.Field, Message: fe.Message})
		}
	}
	if f.Code == parley.ERATELIMITED && errors.As(err, &pe) {
		f.RetryAfter = retryAfterSeconds(pe.RetryAfter)
	}
	return outFrame{data: encode(f)}
}

// retryAfterSeconds renders a wait as seconds to the millisecond, rounded
// up (a wait under a millisecond is one).
func retryAfterSeconds(d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return math.Ceil(float64(d)/float64(time.Millisecond)) / 1000
}

// authCloseStatus returns how to close a connection whose authentication
// failed with err: 1008 for credentials that are wrong, 1011 when the
// server could not tell.
func authCloseStatus(err error) (websocket.StatusCode, string) {
	switch parley.ErrorCode(err) {
	case parley.EUNAUTHORIZED, parley.EFORBIDDEN, parley.EINVALID, parley.ENOTFOUND:
		return websocket.StatusPolicyViolation, reasonAuthFailed
	}
	return websocket.StatusInternalError, reasonAuthError
}

func errInvalid(format string, args ...any) error {
	return parley.Errorf(parley.EINVALID, format, args...)
}

// notice is a bus notification decoded once per node and shared, read-only,
// by every local connection it is delivered to.
type notice struct {
	event *parley.Event
	msg   *parley.Message      // message.* events
	conv  *parley.Conversation // conversation.* events (not conversation.read)
	// typist is who types, for typing notifications.
	typist *parley.Participant
	// staffOnly marks what a visitor must never receive: a note, typing
	// in a note.
	staffOnly bool
	frame     []byte
	// visitorFrame is the frame as a visitor is shown it, when it differs:
	// messages, conversations and read positions in the visitor sequence.
	visitorFrame []byte
	// resync, made by catchUp rather than the bus, carries the
	// conversation as the database has it now (conv): each connection
	// following it fills what it misses up to its last message.
	resync bool
	// replayed marks an outbox event passed on again by catchUp.
	replayed bool
}

// out returns the frame to write for n.
func (n *notice) out() outFrame {
	return outFrame{data: n.frame, visitor: n.visitorFrame, msg: n.msg, staffOnly: n.staffOnly}
}

// decodeNotice decodes a notification published by the conversation
// service (a parley.Event as JSON) into the frame it becomes on a
// conversation subscription (feed false) or on the feed.
func decodeNotice(data []byte, feed bool) (*notice, error) {
	var ev parley.Event
	if err := json.Unmarshal(data, &ev); err != nil {
		return nil, err
	}
	if ev.Type == presence.NotifyAvailability && !feed {
		var d presence.AvailabilityData
		if err := json.Unmarshal(ev.Payload, &d); err != nil {
			return nil, err
		}
		return availabilityNotice(ev.WorkspaceID, d), nil
	}
	if ev.ConversationID == "" {
		return nil, errors.New("notification without a conversation")
	}
	n := &notice{event: &ev}
	isConversation := strings.HasPrefix(string(ev.Type), "conversation.") && ev.Type != conversation.NotifyRead
	switch {
	case ev.Type == parley.EventMessageCreated || ev.Type == parley.EventMessageUpdated || ev.Type == parley.EventMessageDeleted:
		var d parley.MessageEventData
		if err := json.Unmarshal(ev.Payload, &d); err != nil {
			return nil, err
		}
		if d.Message == nil {
			return nil, errors.New("message notification without a message")
		}
		n.msg = d.Message
		n.staffOnly = !d.Message.VisibleToVisitor()
		f := messageFrame{Type: string(ev.Type), ConversationID: ev.ConversationID, Message: d.Message}
		if ev.Type == parley.EventMessageCreated {
			f.Type = "message"
		} else {
			f.By = &d.By
		}
		n.frame = encode(f)
		if !n.staffOnly {
			f.Message = d.Message.ForVisitor()
			n.visitorFrame = encode(f)
		}
	case isConversation:
		var d parley.ConversationEventData
		if err := json.Unmarshal(ev.Payload, &d); err != nil {
			return nil, err
		}
		if d.Conversation == nil {
			return nil, errors.New("conversation notification without a conversation")
		}
		n.conv = d.Conversation
		f := conversationFrame{
			Type: "conversation", Event: ev.Type, ConversationID: ev.ConversationID,
			Conversation: d.Conversation, By: d.By, PreviousAssigneeID: d.PreviousAssigneeID,
		}
		n.frame = encode(f)
		if parley.StaffOnlyEvent(ev.Type) {
			n.staffOnly = true
			f.Offer = d.Offer
			n.frame = encode(f)
			break
		}
		f.Conversation = d.Conversation.ForVisitor()
		n.visitorFrame = encode(f)
	case ev.Type == conversation.NotifyTyping:
		var d conversation.TypingData
		if err := json.Unmarshal(ev.Payload, &d); err != nil {
			return nil, err
		}
		n.typist, n.staffOnly = &d.By, d.Note
		n.frame = encode(typingFrame{Type: "typing", ConversationID: ev.ConversationID, By: d.By, Note: d.Note})
	case ev.Type == conversation.NotifyRead:
		var d parley.ReadState
		if err := json.Unmarshal(ev.Payload, &d); err != nil {
			return nil, err
		}
		f := readFrame{Type: "read", ConversationID: ev.ConversationID, Participant: d.Participant,
			LastReadSeq: d.LastReadSeq, LastReadVisitorSeq: d.LastReadVisitorSeq}
		n.frame = encode(f)
		f.LastReadSeq = d.LastReadVisitorSeq
		n.visitorFrame = encode(f)
	default:
		return nil, errors.New("unknown notification type " + string(ev.Type))
	}
	if feed {
		// The feed is for staff; it carries conversation.* events whole.
		if !isConversation {
			return nil, errors.New("feed notification of type " + string(ev.Type))
		}
		n.frame, n.visitorFrame = encode(eventFrame{Type: "event", Event: &ev}), nil
	}
	return n, nil
}
