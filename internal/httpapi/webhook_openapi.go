package httpapi

import (
	"reflect"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

// The payloads of the event catalogue, for the OpenAPI document's webhooks
// section (docs/events.md describes them). Each mirrors what the outbox
// holds: the objects as the API returns them.

type conversationEventData struct {
	Conversation       conversationView `json:"conversation"`
	By                 participantView  `json:"by" doc:"Who made the change."`
	PreviousAssigneeID string           `json:"previous_assignee_id,omitempty" doc:"For unassigned and transferred: the agent who held it."`
}

type messageEventData struct {
	Message messageView     `json:"message"`
	By      participantView `json:"by" doc:"Who made the change (for created: the sender)."`
}

type contactEventData struct {
	Contact contactView `json:"contact" doc:"For contact.erased: only the id."`
}

type contactMergeEventView struct {
	ID              string      `json:"id"`
	WorkspaceID     string      `json:"workspace_id"`
	ContactID       string      `json:"contact_id" doc:"The contact that remains."`
	MergedContactID string      `json:"merged_contact_id" doc:"The contact merged (now deleted)."`
	MergedContact   contactView `json:"merged_contact"`
	Reason          string      `json:"reason" enum:"api,identify,login"`
	CreatedAt       time.Time   `json:"created_at"`
}

type contactMergedEventData struct {
	Contact contactView           `json:"contact" doc:"The contact that remains, after the merge."`
	Merge   contactMergeEventView `json:"merge"`
}

type agentEventData struct {
	Agent agentView `json:"agent"`
}

type agentPresenceEventData struct {
	AgentID  string          `json:"agent_id"`
	Presence parley.Presence `json:"presence" enum:"online,away,offline" doc:"As everyone sees it now."`
	Chosen   parley.Presence `json:"chosen" enum:"online,away,offline" doc:"The status the agent chose."`
}

type conversationRatedEventData struct {
	Conversation conversationView `json:"conversation"`
	Rating       ratingView       `json:"rating"`
	By           participantView  `json:"by" doc:"The visitor who rated."`
}

type pingEventData struct {
	EndpointID string `json:"endpoint_id"`
}

// webhookEnvelope is the body of every webhook request.
type webhookEnvelope[T any] struct {
	ID          string    `json:"id" doc:"The event's ID; also the webhook-id header, the same on every retry."`
	Type        string    `json:"type"`
	Timestamp   time.Time `json:"timestamp" doc:"When the change happened."`
	WorkspaceID string    `json:"workspace_id"`
	Data        T         `json:"data"`
}

// webhookDocs fills the OpenAPI document's webhooks section: one entry
// per event type of the catalogue, a POST whose body is the event.
func (s *server) webhookDocs() {
	oapi := s.api.OpenAPI()
	schemas := map[string]*huma.Schema{}
	schema := func(name string, t reflect.Type) *huma.Schema {
		if sc, ok := schemas[name]; ok {
			return sc
		}
		sc := oapi.Components.Schemas.Schema(t, true, name)
		schemas[name] = sc
		return sc
	}
	types := map[string]reflect.Type{
		"ConversationEventData":      reflect.TypeFor[webhookEnvelope[conversationEventData]](),
		"MessageEventData":           reflect.TypeFor[webhookEnvelope[messageEventData]](),
		"ContactEventData":           reflect.TypeFor[webhookEnvelope[contactEventData]](),
		"ContactMergedEventData":     reflect.TypeFor[webhookEnvelope[contactMergedEventData]](),
		"AgentEventData":             reflect.TypeFor[webhookEnvelope[agentEventData]](),
		"AgentPresenceEventData":     reflect.TypeFor[webhookEnvelope[agentPresenceEventData]](),
		"PingEventData":              reflect.TypeFor[webhookEnvelope[pingEventData]](),
		"ConversationRatedEventData": reflect.TypeFor[webhookEnvelope[conversationRatedEventData]](),
	}
	names := map[string]string{
		"ConversationEventData": "ConversationEvent", "MessageEventData": "MessageEvent", "ContactEventData": "ContactEvent",
		"ContactMergedEventData": "ContactMergedEvent", "AgentEventData": "AgentEvent",
		"AgentPresenceEventData": "AgentPresenceEvent", "PingEventData": "PingEvent",
		"ConversationRatedEventData": "ConversationRatedEvent",
	}
	if oapi.Webhooks == nil {
		oapi.Webhooks = map[string]*huma.PathItem{}
	}
	for _, e := range parley.EventCatalogue {
		t, ok := types[e.Data]
		if !ok {
			panic("httpapi: no OpenAPI schema for event data " + e.Data)
		}
		oapi.Webhooks[string(e.Type)] = &huma.PathItem{Post: &huma.Operation{
			OperationID: "webhook-" + string(e.Type),
			Summary:     string(e.Type),
			Description: e.Description + " Signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature); see docs/webhooks.md.",
			Tags:        []string{"Webhooks"},
			RequestBody: &huma.RequestBody{Required: true, Content: map[string]*huma.MediaType{
				"application/json": {Schema: schema(names[e.Data], t)},
			}},
			Responses: map[string]*huma.Response{
				"2XX": {Description: "Accepted. Any other answer, a timeout or a connection error is retried; 410 disables the endpoint."},
			},
		}}
	}
}
