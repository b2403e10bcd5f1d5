package parley

import (
	"context"
	"encoding/json"
	"time"
)

// EventType names a change recorded in the outbox.
type EventType string

// Event types. The Payload of conversation.* events is a
// ConversationEventData, of message.* events a MessageEventData, of
// contact.* events a ContactEventData.
const (
	EventConversationCreated     EventType = "conversation.created"
	EventConversationQueued      EventType = "conversation.queued" // open → pending on the first visitor message
	EventConversationAssigned    EventType = "conversation.assigned"
	EventConversationUnassigned  EventType = "conversation.unassigned"
	EventConversationTransferred EventType = "conversation.transferred"
	EventConversationResolved    EventType = "conversation.resolved"
	EventConversationReopened    EventType = "conversation.reopened"
	EventConversationSnoozed     EventType = "conversation.snoozed"
	EventConversationUnsnoozed   EventType = "conversation.unsnoozed" // by an agent, or by the visitor writing
	// EventConversationPriorityChanged: the payload's conversation has
	// the new priority.
	EventConversationPriorityChanged EventType = "conversation.priority_changed"
	EventMessageCreated              EventType = "message.created"
	EventMessageUpdated              EventType = "message.updated"
	EventMessageDeleted              EventType = "message.deleted"
	EventContactCreated              EventType = "contact.created"
	EventContactUpdated              EventType = "contact.updated"
	EventContactMerged               EventType = "contact.merged"  // the payload is a ContactMergedEventData
	EventContactDeleted              EventType = "contact.deleted" // erased; the payload names the ID only
)

// Event is one entry of the transactional outbox: a typed record of a
// change, written in the same transaction as the change itself, so that the
// database holds every change exactly when it holds its event. Webhook
// dispatch and catch-up read events from the store; notifications on the Bus
// carry them as hints.
//
// The JSON form is the one published on the Bus.
type Event struct {
	ID             string          `json:"id"`
	WorkspaceID    string          `json:"workspace_id"`
	Type           EventType       `json:"type"`
	ConversationID string          `json:"conversation_id,omitempty"`
	Payload        json.RawMessage `json:"payload"`
	CreatedAt      time.Time       `json:"created_at"`
}

// ContactEventData is the Payload of contact.* events.
type ContactEventData struct {
	Contact *Contact `json:"contact"`
}

// EventStore reads the outbox.
type EventStore interface {
	// ListEvents returns the workspace's events oldest first; After is the
	// ID of the last event of the previous page. IDs are time-ordered
	// (UUIDv7) and, on one node, in commit order; with many nodes, events
	// of concurrent transactions may commit slightly out of ID order, so a
	// reader that must see every event re-reads a short window behind its
	// cursor (the webhook dispatcher tracks delivery per event instead).
	ListEvents(ctx context.Context, workspaceID string, opt ListOptions) (List[*Event], error)
	// FindEvent returns one of the workspace's events, as ListEvents and
	// the webhook dispatcher read it. Returns ENOTFOUND, also for an event
	// erased since (a contact's erasure deletes its events).
	FindEvent(ctx context.Context, workspaceID, id string) (*Event, error)
}
