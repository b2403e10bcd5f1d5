package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/stdwebhook"
)

// Bounds of the webhook operations.
const (
	// defaultRotationOverlap is how long a rotated-out secret keeps signing
	// when the request names no overlap.
	defaultRotationOverlap = 24 * time.Hour
	// maxReplay bounds the events one replay queues.
	maxReplay = 10000
)

func (s *server) webhookRoutes() {
	tags := []string{"Webhooks"}
	register(s, huma.Operation{
		OperationID: "list-webhook-event-types", Method: http.MethodGet, Path: "/api/v1/webhooks/event-types", Tags: tags,
		Summary: "List the event types", Description: "The event catalogue: every type an endpoint may subscribe to (see docs/events.md).",
	}, staff(parley.ScopeWebhooksRead), s.listWebhookEventTypes)
	register(s, huma.Operation{
		OperationID: "list-webhooks", Method: http.MethodGet, Path: "/api/v1/webhooks", Tags: tags,
		Summary: "List webhook endpoints", Description: "Lists the workspace's endpoints, oldest first (never their secrets).",
	}, staff(parley.ScopeWebhooksRead), s.listWebhooks)
	register(s, huma.Operation{
		OperationID: "create-webhook", Method: http.MethodPost, Path: "/api/v1/webhooks", Tags: tags,
		Summary: "Create a webhook endpoint", DefaultStatus: http.StatusCreated,
		Description: "Subscribes a URL to event types. The URL must be https and public (an address in the server's " +
			"outbound allow-list, PARLEY_OUTBOUND_ALLOW, excepted). The answer holds the signing secret (`whsec_…`), " +
			"shown this once. note.* events need a credential that may read notes (conversations:read).",
	}, staff(parley.ScopeWebhooksWrite), s.createWebhook)
	register(s, huma.Operation{
		OperationID: "get-webhook", Method: http.MethodGet, Path: "/api/v1/webhooks/{id}", Tags: tags,
		Summary: "Get a webhook endpoint",
	}, staff(parley.ScopeWebhooksRead), s.getWebhook)
	register(s, huma.Operation{
		OperationID: "update-webhook", Method: http.MethodPatch, Path: "/api/v1/webhooks/{id}", Tags: tags,
		Summary: "Change a webhook endpoint", Description: "Changes the fields present in the body. Enabling an endpoint " +
			"Parley disabled clears the reason; deliveries that waited are then sent.",
	}, staff(parley.ScopeWebhooksWrite), s.updateWebhook)
	register(s, huma.Operation{
		OperationID: "delete-webhook", Method: http.MethodDelete, Path: "/api/v1/webhooks/{id}", Tags: tags,
		Summary: "Delete a webhook endpoint", DefaultStatus: http.StatusNoContent,
		Description: "Deletes the endpoint with its pending deliveries and delivery log.",
	}, staff(parley.ScopeWebhooksWrite), s.deleteWebhook)
	register(s, huma.Operation{
		OperationID: "rotate-webhook-secret", Method: http.MethodPost, Path: "/api/v1/webhooks/{id}/rotate-secret", Tags: tags,
		Summary: "Rotate the signing secret",
		Description: "Makes a new secret, shown this once. During the overlap (default 24 hours, at most 7 days) every " +
			"request carries two signatures, the new secret's and the old one's, so the receiver can switch at leisure.",
	}, staff(parley.ScopeWebhooksWrite), s.rotateWebhookSecret)
	register(s, huma.Operation{
		OperationID: "ping-webhook", Method: http.MethodPost, Path: "/api/v1/webhooks/{id}/ping", Tags: tags,
		Summary: "Send a test event", DefaultStatus: http.StatusAccepted,
		Description: "Queues a `ping` event to this endpoint only; follow it in the delivery log.",
	}, staff(parley.ScopeWebhooksWrite), s.pingWebhook)
	register(s, huma.Operation{
		OperationID: "list-webhook-deliveries", Method: http.MethodGet, Path: "/api/v1/webhooks/{id}/deliveries", Tags: tags,
		Summary: "List deliveries", Description: "The endpoint's deliveries, newest first, each with its last result.",
	}, staff(parley.ScopeWebhooksRead), s.listWebhookDeliveries)
	register(s, huma.Operation{
		OperationID: "get-webhook-delivery", Method: http.MethodGet, Path: "/api/v1/webhooks/{id}/deliveries/{delivery_id}", Tags: tags,
		Summary: "Get a delivery with its attempts",
		Description: "The request body, and every attempt: when, the status code or error, the latency and the first KiB " +
			"of the response.",
	}, staff(parley.ScopeWebhooksRead), s.getWebhookDelivery)
	register(s, huma.Operation{
		OperationID: "redeliver-webhook", Method: http.MethodPost, Path: "/api/v1/webhooks/{id}/deliveries/{delivery_id}/redeliver",
		Tags: tags, Summary: "Redeliver", DefaultStatus: http.StatusAccepted,
		Description: "Sends the event again now, with the same webhook-id, on a fresh retry schedule.",
	}, staff(parley.ScopeWebhooksWrite), s.redeliverWebhook)
	register(s, huma.Operation{
		OperationID: "replay-webhook", Method: http.MethodPost, Path: "/api/v1/webhooks/{id}/replay", Tags: tags,
		Summary: "Replay events since a time", DefaultStatus: http.StatusAccepted,
		Description: "Queues again every event since `since` that the endpoint subscribes to (at most 10,000), " +
			"delivered before or not, oldest first.",
	}, staff(parley.ScopeWebhooksWrite), s.replayWebhook)
}

type eventTypeView struct {
	Type        parley.EventType `json:"type"`
	Data        string           `json:"data"`
	Description string           `json:"description"`
	Notes       bool             `json:"notes" doc:"Sent only to endpoints that may read notes."`
}

func (s *server) listWebhookEventTypes(context.Context, *struct{}) (*listOutput[eventTypeView], error) {
	out := &listOutput[eventTypeView]{}
	for _, e := range parley.EventCatalogue {
		out.Body.Items = append(out.Body.Items, eventTypeView(e))
	}
	return out, nil
}

type webhookView struct {
	ID                  string     `json:"id"`
	WorkspaceID         string     `json:"workspace_id"`
	URL                 string     `json:"url"`
	Description         string     `json:"description"`
	EventTypes          []string   `json:"event_types" nullable:"false"`
	InboxID             string     `json:"inbox_id,omitempty" doc:"Only the conversation, message and note events of this inbox."`
	Enabled             bool       `json:"enabled"`
	DisabledReason      string     `json:"disabled_reason,omitempty" doc:"Why Parley disabled the endpoint (410 Gone, failing too long)."`
	RateLimit           int        `json:"rate_limit" doc:"Requests a second each node sends at most; 0 for no limit."`
	Notes               bool       `json:"notes" doc:"Receives note.* events (saved by a credential that may read notes)."`
	Secret              string     `json:"secret,omitempty" doc:"The signing secret: only in the answer to create and rotate-secret."`
	PreviousSecretUntil *time.Time `json:"previous_secret_until,omitempty" doc:"Until then the previous secret also signs."`
	FailingSince        *time.Time `json:"failing_since,omitempty" doc:"Start of the current run of failed attempts."`
	CreatedAt           time.Time  `json:"created_at"`
	UpdatedAt           time.Time  `json:"updated_at"`
}

func newWebhookView(e *parley.WebhookEndpoint) webhookView {
	v := webhookView{
		ID: e.ID, WorkspaceID: e.WorkspaceID, URL: e.URL, Description: e.Description, EventTypes: e.EventTypes,
		InboxID: e.InboxID, Enabled: e.Enabled, DisabledReason: e.DisabledReason, RateLimit: e.RateLimit, Notes: e.Notes,
		FailingSince: e.FailingSince, CreatedAt: e.CreatedAt, UpdatedAt: e.UpdatedAt,
	}
	if e.PreviousSecret != "" && e.PreviousSecretUntil != nil && time.Now().Before(*e.PreviousSecretUntil) {
		v.PreviousSecretUntil = e.PreviousSecretUntil
	}
	return v
}

type webhookOutput struct {
	Body webhookView
}

func (s *server) listWebhooks(ctx context.Context, _ *struct{}) (*listOutput[webhookView], error) {
	eps, err := s.store.ListWebhookEndpoints(ctx, principal(ctx).WorkspaceID)
	if err != nil {
		return nil, err
	}
	return newList(parley.List[*parley.WebhookEndpoint]{Items: eps}, newWebhookView), nil
}

// webhookFields are the fields of an endpoint in a request; nil means absent.
type webhookFields struct {
	URL         *string   `json:"url,omitempty" doc:"https URL, at most 2048 bytes."`
	EventTypes  *[]string `json:"event_types,omitempty" doc:"Event types or groups: conversation.created, conversation.*, * …"`
	InboxID     *string   `json:"inbox_id,omitempty" doc:"Only events of this inbox's conversations; empty for every inbox."`
	Description *string   `json:"description,omitempty" doc:"At most 500 bytes."`
	Enabled     *bool     `json:"enabled,omitempty" doc:"Default true."`
	RateLimit   *int      `json:"rate_limit,omitempty" doc:"Requests a second each node sends at most, up to 10000; 0 (default) for no limit."`
}

func (s *server) validateWebhook(ctx context.Context, f webhookFields, create bool) error {
	var v parley.Validation
	if f.URL == nil && create {
		v.Add("url", "is required")
	}
	if f.URL != nil {
		v.Text("url", *f.URL)
	}
	if f.EventTypes == nil && create {
		v.Add("event_types", "is required")
	}
	if f.EventTypes != nil {
		switch types := *f.EventTypes; {
		case len(types) == 0:
			v.Add("event_types", "must name at least one event type")
		case len(types) > parley.MaxWebhookEventPatterns:
			v.Add("event_types", "must have at most %d entries", parley.MaxWebhookEventPatterns)
		default:
			for _, t := range types {
				if !parley.ValidEventPattern(t) {
					v.Add("event_types", "%q is neither an event type nor a group such as conversation.* (see GET /api/v1/webhooks/event-types)", safeText(t))
					break
				}
			}
		}
	}
	if f.InboxID != nil {
		v.BoundedText("inbox_id", *f.InboxID, 64)
	}
	if f.Description != nil {
		v.BoundedText("description", *f.Description, parley.MaxWebhookDescriptionLength)
	}
	if f.RateLimit != nil && (*f.RateLimit < 0 || *f.RateLimit > parley.MaxWebhookRateLimit) {
		v.Add("rate_limit", "must be between 0 and %d", parley.MaxWebhookRateLimit)
	}
	if err := v.Err(); err != nil {
		return err
	}
	if f.URL != nil {
		if err := s.outbound.CheckURL(ctx, *f.URL); err != nil {
			return err
		}
	}
	if f.EventTypes != nil && !principal(ctx).Can(parley.ScopeConversationsRead) {
		for _, t := range *f.EventTypes {
			if parley.NoteEvent(parley.EventType(t)) {
				return parley.Errorf(parley.EFORBIDDEN, "Subscribing to note events needs a credential that may read notes (conversations:read).")
			}
		}
	}
	return nil
}

// safeText returns s if it is valid text, else a placeholder, for error messages.
func safeText(s string) string {
	var v parley.Validation
	v.BoundedText("x", s, 100)
	if v.Err() != nil {
		return "(invalid text)"
	}
	return s
}

type createWebhookInput struct {
	Body webhookFields
}

func (s *server) createWebhook(ctx context.Context, in *createWebhookInput) (*webhookOutput, error) {
	if err := s.validateWebhook(ctx, in.Body, true); err != nil {
		return nil, err
	}
	p := principal(ctx)
	e := &parley.WebhookEndpoint{
		WorkspaceID: p.WorkspaceID, URL: *in.Body.URL, EventTypes: slices.Compact(slices.Clone(*in.Body.EventTypes)),
		InboxID: deref(in.Body.InboxID), Description: deref(in.Body.Description), Enabled: true,
		Notes: p.Can(parley.ScopeConversationsRead), Secret: stdwebhook.NewSecret(),
	}
	if in.Body.Enabled != nil {
		e.Enabled = *in.Body.Enabled
	}
	if in.Body.RateLimit != nil {
		e.RateLimit = *in.Body.RateLimit
	}
	if err := s.store.CreateWebhookEndpoint(ctx, p.Actor, e); err != nil {
		return nil, err
	}
	v := newWebhookView(e)
	v.Secret = e.Secret
	return &webhookOutput{Body: v}, nil
}

type webhookIDInput struct {
	ID string `path:"id" pattern:"^[A-Za-z0-9_-]{1,64}$" doc:"The endpoint's ID."`
}

func (s *server) getWebhook(ctx context.Context, in *webhookIDInput) (*webhookOutput, error) {
	e, err := s.store.FindWebhookEndpoint(ctx, principal(ctx).WorkspaceID, in.ID)
	if err != nil {
		return nil, err
	}
	return &webhookOutput{Body: newWebhookView(e)}, nil
}

type updateWebhookInput struct {
	ID   string `path:"id" pattern:"^[A-Za-z0-9_-]{1,64}$" doc:"The endpoint's ID."`
	Body webhookFields
}

func (s *server) updateWebhook(ctx context.Context, in *updateWebhookInput) (*webhookOutput, error) {
	if err := s.validateWebhook(ctx, in.Body, false); err != nil {
		return nil, err
	}
	p := principal(ctx)
	upd := parley.WebhookEndpointUpdate{
		URL: in.Body.URL, Description: in.Body.Description, InboxID: in.Body.InboxID, Enabled: in.Body.Enabled,
		RateLimit: in.Body.RateLimit,
	}
	if in.Body.EventTypes != nil {
		types := slices.Compact(slices.Clone(*in.Body.EventTypes))
		upd.EventTypes = &types
		notes := p.Can(parley.ScopeConversationsRead)
		upd.Notes = &notes
	}
	e, err := s.store.UpdateWebhookEndpoint(ctx, p.Actor, p.WorkspaceID, in.ID, upd)
	if err != nil {
		return nil, err
	}
	return &webhookOutput{Body: newWebhookView(e)}, nil
}

func (s *server) deleteWebhook(ctx context.Context, in *webhookIDInput) (*struct{}, error) {
	p := principal(ctx)
	return nil, s.store.DeleteWebhookEndpoint(ctx, p.Actor, p.WorkspaceID, in.ID)
}

type rotateWebhookInput struct {
	ID   string `path:"id" pattern:"^[A-Za-z0-9_-]{1,64}$" doc:"The endpoint's ID."`
	Body *struct {
		OverlapSeconds *int `json:"overlap_seconds,omitempty" minimum:"0" maximum:"604800" doc:"How long the old secret still signs; default 86400 (24 hours)."`
	}
}

func (s *server) rotateWebhookSecret(ctx context.Context, in *rotateWebhookInput) (*webhookOutput, error) {
	overlap := defaultRotationOverlap
	if in.Body != nil && in.Body.OverlapSeconds != nil {
		overlap = time.Duration(*in.Body.OverlapSeconds) * time.Second
	}
	p := principal(ctx)
	e, err := s.store.RotateWebhookSecret(ctx, p.Actor, p.WorkspaceID, in.ID, stdwebhook.NewSecret(), time.Now().Add(overlap))
	if err != nil {
		return nil, err
	}
	v := newWebhookView(e)
	v.Secret = e.Secret
	return &webhookOutput{Body: v}, nil
}

type deliveryView struct {
	ID             string                `json:"id"`
	EndpointID     string                `json:"endpoint_id"`
	EventID        string                `json:"event_id" doc:"Also the webhook-id header of every attempt."`
	EventType      parley.EventType      `json:"event_type"`
	ConversationID string                `json:"conversation_id,omitempty"`
	Status         parley.DeliveryStatus `json:"status" enum:"pending,delivered,failed"`
	Attempts       int                   `json:"attempts"`
	NextAttemptAt  *time.Time            `json:"next_attempt_at,omitempty" doc:"When pending: the next attempt."`
	LastStatusCode int                   `json:"last_status_code,omitempty"`
	LastError      string                `json:"last_error,omitempty"`
	CreatedAt      time.Time             `json:"created_at"`
	UpdatedAt      time.Time             `json:"updated_at"`
	DeliveredAt    *time.Time            `json:"delivered_at,omitempty"`
	AttemptLog     []attemptView         `json:"attempt_log,omitempty" doc:"Every attempt, oldest first (GET of one delivery only)."`
	RequestBody    string                `json:"request_body,omitempty" doc:"The JSON body of every attempt's request, byte for byte as sent: the event as docs/events.md describes it (GET of one delivery only). Absent when the event is no longer kept, and, for note.* events, to a credential that may not read notes (conversations:read)."`
}

type attemptView struct {
	ID          string    `json:"id"`
	AttemptedAt time.Time `json:"attempted_at"`
	StatusCode  int       `json:"status_code" doc:"0 when no response came (see error)."`
	Error       string    `json:"error,omitempty"`
	LatencyMS   float64   `json:"latency_ms"`
	Response    string    `json:"response" doc:"The first KiB of the response body."`
}

func newDeliveryView(d *parley.WebhookDelivery) deliveryView {
	v := deliveryView{
		ID: d.ID, EndpointID: d.EndpointID, EventID: d.EventID, EventType: d.EventType, ConversationID: d.ConversationID,
		Status: d.Status, Attempts: d.Attempts, LastStatusCode: d.LastStatusCode, LastError: d.LastError,
		CreatedAt: d.CreatedAt, UpdatedAt: d.UpdatedAt, DeliveredAt: d.DeliveredAt,
	}
	if d.Status == parley.DeliveryPending {
		v.NextAttemptAt = &d.NextAttemptAt
	}
	return v
}

type deliveryOutput struct {
	Body deliveryView
}

func (s *server) pingWebhook(ctx context.Context, in *webhookIDInput) (*deliveryOutput, error) {
	p := principal(ctx)
	d, err := s.store.SendWebhookPing(ctx, p.Actor, p.WorkspaceID, in.ID)
	if err != nil {
		return nil, err
	}
	return &deliveryOutput{Body: newDeliveryView(d)}, nil
}

type listDeliveriesInput struct {
	PageParams
	ID     string `path:"id" pattern:"^[A-Za-z0-9_-]{1,64}$" doc:"The endpoint's ID."`
	Status string `query:"status" enum:"pending,delivered,failed" doc:"Only deliveries in this status."`
	Type   string `query:"type" maxLength:"64" doc:"Only deliveries of this event type."`
}

func (s *server) listWebhookDeliveries(ctx context.Context, in *listDeliveriesInput) (*listOutput[deliveryView], error) {
	if in.Type != "" && !parley.KnownWebhookEvent(parley.EventType(in.Type)) {
		var v parley.Validation
		v.Add("type", "is not an event type (see GET /api/v1/webhooks/event-types)")
		return nil, v.Err()
	}
	l, err := s.store.ListWebhookDeliveries(ctx, principal(ctx).WorkspaceID, in.ID,
		parley.WebhookDeliveryFilter{Status: parley.DeliveryStatus(in.Status), EventType: parley.EventType(in.Type)}, in.options())
	if err != nil {
		return nil, err
	}
	return newList(l, newDeliveryView), nil
}

type deliveryIDInput struct {
	ID         string `path:"id" pattern:"^[A-Za-z0-9_-]{1,64}$" doc:"The endpoint's ID."`
	DeliveryID string `path:"delivery_id" pattern:"^[A-Za-z0-9_-]{1,64}$" doc:"The delivery's ID."`
}

func (s *server) getWebhookDelivery(ctx context.Context, in *deliveryIDInput) (*deliveryOutput, error) {
	p := principal(ctx)
	d, attempts, err := s.store.FindWebhookDelivery(ctx, p.WorkspaceID, in.ID, in.DeliveryID)
	if err != nil {
		return nil, err
	}
	v := newDeliveryView(d)
	if v.RequestBody, err = s.deliveryBody(ctx, p, d); err != nil {
		return nil, err
	}
	v.AttemptLog = make([]attemptView, 0, len(attempts))
	for _, a := range attempts {
		v.AttemptLog = append(v.AttemptLog, attemptView{
			ID: a.ID, AttemptedAt: a.AttemptedAt, StatusCode: a.StatusCode, Error: a.Error,
			LatencyMS: float64(a.Latency.Microseconds()) / 1000, Response: a.Response,
		})
	}
	return &deliveryOutput{Body: v}, nil
}

// deliveryBody returns the body the dispatcher sends for d, or "" when its
// event is no longer kept or, for a note event, p may not read notes (as
// the event feed).
func (s *server) deliveryBody(ctx context.Context, p *parley.Principal, d *parley.WebhookDelivery) (string, error) {
	if parley.NoteEvent(d.EventType) && !p.Can(parley.ScopeConversationsRead) {
		return "", nil
	}
	ev, err := s.store.FindEvent(ctx, p.WorkspaceID, d.EventID)
	if parley.ErrorCode(err) == parley.ENOTFOUND {
		return "", nil
	} else if err != nil {
		return "", err
	}
	body, err := json.Marshal(parley.NewWebhookPayload(ev, d.EventType))
	if err != nil {
		return "", fmt.Errorf("encode the event: %w", err)
	}
	return string(body), nil
}

func (s *server) redeliverWebhook(ctx context.Context, in *deliveryIDInput) (*deliveryOutput, error) {
	p := principal(ctx)
	d, err := s.store.RedeliverWebhook(ctx, p.Actor, p.WorkspaceID, in.ID, in.DeliveryID)
	if err != nil {
		return nil, err
	}
	return &deliveryOutput{Body: newDeliveryView(d)}, nil
}

type replayInput struct {
	ID   string `path:"id" pattern:"^[A-Za-z0-9_-]{1,64}$" doc:"The endpoint's ID."`
	Body struct {
		Since time.Time `json:"since" doc:"RFC 3339 time: events written from then on."`
	}
}

type replayOutput struct {
	Body struct {
		Queued int `json:"queued" doc:"How many events were queued."`
	}
}

func (s *server) replayWebhook(ctx context.Context, in *replayInput) (*replayOutput, error) {
	p := principal(ctx)
	n, err := s.store.ReplayWebhookEvents(ctx, p.Actor, p.WorkspaceID, in.ID, in.Body.Since, maxReplay)
	if err != nil {
		return nil, err
	}
	out := &replayOutput{}
	out.Body.Queued = n
	return out, nil
}
