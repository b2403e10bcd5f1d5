package parley

import (
	"encoding/json"
	"strings"
	"time"
)

// The event catalogue: every event type a customer's system can receive,
// by webhook. Most are outbox events delivered as they are; a few are
// renamed on the way out (WebhookEventType):
//
//   - message.* events of notes are note.created / note.updated /
//     note.deleted, delivered only to endpoints whose credential may read
//     notes (WebhookEndpoint.Notes), so that a subscription to message.*
//     never carries a note;
//   - contact.deleted is contact.erased.
//
// The JSON of each event's data is the object as the API returns it; see
// docs/events.md.
const (
	EventNoteCreated   EventType = "note.created"
	EventNoteUpdated   EventType = "note.updated"
	EventNoteDeleted   EventType = "note.deleted"
	EventContactErased EventType = "contact.erased"
	// EventAgentCreated and EventAgentUpdated carry an AgentEventData.
	EventAgentCreated EventType = "agent.created"
	EventAgentUpdated EventType = "agent.updated"
	// EventPing is the test event an admin sends to one endpoint; its data
	// is a PingEventData.
	EventPing EventType = "ping"
)

// EventCatalogueEntry describes one event type of the catalogue.
type EventCatalogueEntry struct {
	Type EventType `json:"type"`
	// Data names the Go type of the event's data.
	Data        string `json:"data"`
	Description string `json:"description"`
	// Notes marks the note.* events, sent only to endpoints that may read
	// notes.
	Notes bool `json:"notes,omitempty"`
}

// EventCatalogue lists every event type an endpoint may subscribe to, in
// the order of docs/events.md.
var EventCatalogue = []EventCatalogueEntry{
	{EventConversationCreated, "ConversationEventData", "A conversation was started (status open: no visitor message yet).", false},
	{EventConversationQueued, "ConversationEventData", "The first visitor message put the conversation in the queue (pending).", false},
	{EventConversationAssigned, "ConversationEventData", "An agent took the conversation or was given it.", false},
	{EventConversationUnassigned, "ConversationEventData", "The conversation went back to the queue; previous_assignee_id names who held it.", false},
	{EventConversationTransferred, "ConversationEventData", "The conversation moved from one agent to another (previous_assignee_id).", false},
	{EventConversationResolved, "ConversationEventData", "The conversation was resolved.", false},
	{EventConversationReopened, "ConversationEventData", "A resolved conversation was reopened.", false},
	{EventConversationEscalated, "ConversationEventData", "It went to the next tier of its queue: escalation.from_tier and to_tier; reason timeout, unanswered or manual (with escalation.note).", false},
	{EventConversationEscalationOverdue, "ConversationEventData", "Its queue's last tier's time passed: supervisors are alerted; reason timeout or unanswered.", false},
	{EventConversationHandedOff, "ConversationEventData", "A bot handed the conversation off to people: pending again in handoff.queue_id, with handoff.reason and handoff.summary.", false},
	{EventConversationRated, "ConversationRatedEventData", "The visitor rated a resolved conversation (score 1 to 5, optional comment).", false},
	{EventMessageCreated, "MessageEventData", "A message a visitor may see was written (text, attachment or system line).", false},
	{EventMessageUpdated, "MessageEventData", "A message was edited.", false},
	{EventMessageDeleted, "MessageEventData", "A message was deleted (it stays as a tombstone with its seq).", false},
	{EventNoteCreated, "MessageEventData", "A private note was written (only to endpoints that may read notes).", true},
	{EventNoteUpdated, "MessageEventData", "A private note was edited.", true},
	{EventNoteDeleted, "MessageEventData", "A private note was deleted.", true},
	{EventContactCreated, "ContactEventData", "A contact was created (a new visitor, identify, the API).", false},
	{EventContactUpdated, "ContactEventData", "A contact's identifiers, name or attributes changed.", false},
	{EventContactMerged, "ContactMergedEventData", "One contact was merged into another.", false},
	{EventContactErased, "ContactEventData", "A contact was erased with everything it owned; data names the ID only.", false},
	{EventAgentCreated, "AgentEventData", "An agent or bot was created.", false},
	{EventAgentUpdated, "AgentEventData", "An agent's name, role, capacity, attributes or state changed.", false},
	{EventAgentPresenceChanged, "AgentPresenceEventData", "An agent's presence changed (online, away, offline).", false},
	{EventPing, "PingEventData", "A test event sent on request to one endpoint.", false},
}

// KnownWebhookEvent reports whether t is in the catalogue.
func KnownWebhookEvent(t EventType) bool {
	for _, e := range EventCatalogue {
		if e.Type == t {
			return true
		}
	}
	return false
}

// NoteEvent reports whether t is one of the note.* types.
func NoteEvent(t EventType) bool { return strings.HasPrefix(string(t), "note.") }

// WebhookEventType returns the catalogue type under which an outbox event
// is delivered, and false for an event that is not delivered (an internal
// one). message.* events of notes become note.*, contact.deleted becomes
// contact.erased.
func WebhookEventType(ev *Event) (EventType, bool) {
	switch ev.Type {
	case EventMessageCreated, EventMessageUpdated, EventMessageDeleted:
		var d struct {
			Message struct {
				Kind MessageKind `json:"kind"`
			} `json:"message"`
		}
		if json.Unmarshal(ev.Payload, &d) == nil && d.Message.Kind == KindNote {
			return EventType("note." + strings.TrimPrefix(string(ev.Type), "message.")), true
		}
		return ev.Type, true
	case EventContactDeleted:
		return EventContactErased, true
	}
	return ev.Type, KnownWebhookEvent(ev.Type)
}

// Limits on event patterns.
const (
	MaxWebhookEventPatterns = 50
)

// ValidEventPattern reports whether p names catalogue events: a type of
// the catalogue, "<group>.*" for a group of it (conversation.*,
// message.*, note.*, contact.*, agent.*), or "*" for every type.
func ValidEventPattern(p string) bool {
	if p == "*" {
		return true
	}
	if group, ok := strings.CutSuffix(p, ".*"); ok {
		for _, e := range EventCatalogue {
			if strings.HasPrefix(string(e.Type), group+".") {
				return true
			}
		}
		return false
	}
	return KnownWebhookEvent(EventType(p))
}

// MatchEventPattern reports whether t is one of the types p names.
func MatchEventPattern(p string, t EventType) bool {
	if p == "*" {
		return true
	}
	if group, ok := strings.CutSuffix(p, ".*"); ok {
		return strings.HasPrefix(string(t), group+".")
	}
	return string(t) == p
}

// WebhookEventTypes returns the catalogue types the patterns name.
func WebhookEventTypes(patterns []string) []EventType {
	var out []EventType
	for _, e := range EventCatalogue {
		for _, p := range patterns {
			if MatchEventPattern(p, e.Type) {
				out = append(out, e.Type)
				break
			}
		}
	}
	return out
}

// AgentView is an agent as the API returns it (no password, no session).
type AgentView struct {
	ID          string         `json:"id"`
	WorkspaceID string         `json:"workspace_id"`
	Email       string         `json:"email"`
	Name        string         `json:"name"`
	Role        Role           `json:"role"`
	SystemAdmin bool           `json:"system_admin"`
	Bot         bool           `json:"bot"`
	Disabled    bool           `json:"disabled"`
	Capacity    int            `json:"capacity"`
	Presence    Presence       `json:"presence"`
	AvatarURL   string         `json:"avatar_url"`
	Attributes  map[string]any `json:"attributes"`
	CreatedAt   time.Time      `json:"created_at"`
	UpdatedAt   time.Time      `json:"updated_at"`
}

// AgentEventData is the data of agent.created and agent.updated.
type AgentEventData struct {
	Agent AgentView `json:"agent"`
}

// NewAgentView returns a as the API returns it.
func NewAgentView(a *Agent) AgentView {
	attrs := a.Attributes
	if attrs == nil {
		attrs = map[string]any{}
	}
	return AgentView{
		ID: a.ID, WorkspaceID: a.WorkspaceID, Email: a.Email, Name: a.Name, Role: a.Role, SystemAdmin: a.SystemAdmin, Bot: a.Bot,
		Disabled: a.Disabled, Capacity: a.Capacity, Presence: a.Presence, AvatarURL: a.AvatarURL,
		Attributes: attrs, CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt,
	}
}

// PingEventData is the data of a ping.
type PingEventData struct {
	EndpointID string `json:"endpoint_id"`
}

// WebhookPayload is the body of every webhook request, in the form the
// Standard Webhooks specification recommends (type, timestamp, data) plus
// the event's ID (also its webhook-id header) and workspace.
type WebhookPayload struct {
	ID          string          `json:"id"`
	Type        EventType       `json:"type"`
	Timestamp   time.Time       `json:"timestamp"`
	WorkspaceID string          `json:"workspace_id"`
	Data        json.RawMessage `json:"data"`
}

// NewWebhookPayload returns the body of ev delivered as type t.
func NewWebhookPayload(ev *Event, t EventType) WebhookPayload {
	return WebhookPayload{ID: ev.ID, Type: t, Timestamp: ev.CreatedAt.UTC(), WorkspaceID: ev.WorkspaceID, Data: ev.Payload}
}
