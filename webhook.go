package parley

import (
	"context"
	"time"
)

// WebhookEndpoint is a subscription: a URL that receives the workspace's
// events of the types it names, signed with its secret (Standard
// Webhooks).
type WebhookEndpoint struct {
	ID          string
	WorkspaceID string
	URL         string
	Description string
	// EventTypes are catalogue types or patterns ("conversation.*", "*");
	// see ValidEventPattern.
	EventTypes []string
	// InboxID, when set, keeps only the conversation, message and note
	// events of conversations in that inbox (contact, agent and ping
	// events are not tied to an inbox and are delivered as subscribed).
	InboxID string
	Enabled bool
	// DisabledReason says why Parley disabled the endpoint (410 Gone,
	// failing too long); "" when it is enabled or an admin disabled it.
	DisabledReason string
	// RateLimit is the most requests a second each node sends the
	// endpoint; 0 for no limit.
	RateLimit int
	// Notes is true when the credential that saved the endpoint may read
	// notes: only then does it receive note.* events.
	Notes bool
	// Secret is the current signing secret ("whsec_…"). It is returned by
	// the API once, when created or rotated.
	Secret string
	// PreviousSecret also signs every request until PreviousSecretUntil
	// (a rotation's overlap); "" when none.
	PreviousSecret      string
	PreviousSecretUntil *time.Time
	// FailingSince is the time of the first of the consecutive failed
	// attempts up to now; nil after a success.
	FailingSince *time.Time
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// SigningSecrets returns the secrets that sign a request sent at now: the
// current one, and the previous one during a rotation's overlap.
func (e *WebhookEndpoint) SigningSecrets(now time.Time) []string {
	out := []string{e.Secret}
	if e.PreviousSecret != "" && e.PreviousSecretUntil != nil && now.Before(*e.PreviousSecretUntil) {
		out = append(out, e.PreviousSecret)
	}
	return out
}

// Wants reports whether the endpoint receives an event of catalogue type t
// of a conversation in inbox inboxID ("" for events of no conversation).
func (e *WebhookEndpoint) Wants(t EventType, inboxID string) bool {
	if NoteEvent(t) && !e.Notes {
		return false
	}
	if e.InboxID != "" && inboxID != "" && inboxID != e.InboxID {
		return false
	}
	if e.InboxID != "" && inboxID == "" && conversationScoped(t) {
		return false
	}
	for _, p := range e.EventTypes {
		if MatchEventPattern(p, t) {
			return true
		}
	}
	return false
}

func conversationScoped(t EventType) bool {
	switch {
	case MatchEventPattern("conversation.*", t), MatchEventPattern("message.*", t), NoteEvent(t):
		return true
	}
	return false
}

// Limits on webhook endpoints.
const (
	MaxWebhookDescriptionLength = 500
	MaxWebhookRateLimit         = 10000
	// MaxWebhookEndpoints bounds the endpoints of one workspace.
	MaxWebhookEndpoints = 50
	// MaxWebhookRotationOverlap bounds how long a rotated-out secret still
	// signs.
	MaxWebhookRotationOverlap = 7 * 24 * time.Hour
	// MaxWebhookResponseLog is how much of a response body the delivery
	// log keeps.
	MaxWebhookResponseLog = 1024
)

// WebhookEndpointUpdate holds the fields to change; nil means "leave as is".
type WebhookEndpointUpdate struct {
	URL         *string
	Description *string
	EventTypes  *[]string
	InboxID     *string
	Enabled     *bool
	RateLimit   *int
	Notes       *bool
}

// DeliveryStatus is where a delivery stands.
type DeliveryStatus string

const (
	// DeliveryPending: not yet delivered; attempted at NextAttemptAt.
	DeliveryPending DeliveryStatus = "pending"
	// DeliveryDelivered: the endpoint answered 2xx.
	DeliveryDelivered DeliveryStatus = "delivered"
	// DeliveryFailed: every attempt of the schedule failed, or the
	// endpoint answered 410 Gone. Redeliver sends it again.
	DeliveryFailed DeliveryStatus = "failed"
)

// Valid reports whether s is a known status.
func (s DeliveryStatus) Valid() bool {
	return s == DeliveryPending || s == DeliveryDelivered || s == DeliveryFailed
}

// WebhookDelivery is one event to one endpoint. Its ID, the event's ID, is
// the webhook-id of every attempt.
type WebhookDelivery struct {
	ID             string
	WorkspaceID    string
	EndpointID     string
	EventID        string
	EventType      EventType // the catalogue type
	ConversationID string
	Status         DeliveryStatus
	// Attempts counts the attempts made; Tries those since the schedule
	// last started over (a redelivery starts it over).
	Attempts       int
	Tries          int
	NextAttemptAt  time.Time
	LastStatusCode int
	LastError      string
	CreatedAt      time.Time
	UpdatedAt      time.Time
	DeliveredAt    *time.Time
}

// WebhookAttempt is one request of a delivery, as the delivery log keeps it.
type WebhookAttempt struct {
	ID          string
	WorkspaceID string
	EndpointID  string
	DeliveryID  string
	EventID     string
	EventType   EventType
	AttemptedAt time.Time
	// StatusCode is the response's; 0 when none came (Error says why).
	StatusCode int
	Error      string
	Latency    time.Duration
	// Response is the first MaxWebhookResponseLog bytes of the body.
	Response string
}

// Succeeded reports whether the endpoint accepted the attempt (2xx).
func (a *WebhookAttempt) Succeeded() bool { return a.StatusCode >= 200 && a.StatusCode < 300 }

// FeedEvent is an event of the feed (GET /api/v1/events) with its number.
type FeedEvent struct {
	Seq   int64
	Event *Event
}

// WebhookTask is a delivery claimed by a dispatcher, with what it needs to
// send it.
type WebhookTask struct {
	Delivery *WebhookDelivery
	Endpoint *WebhookEndpoint
	Event    *Event
}

// WebhookOutcome is what an attempt leads to, decided by the dispatcher.
type WebhookOutcome struct {
	Status        DeliveryStatus
	NextAttemptAt time.Time // when Status is pending
	// Disable, when not "", disables the endpoint with this reason (an
	// audit entry by the system).
	Disable string
}

// WebhookResult is what became of one claimed delivery, recorded with
// others in one transaction by RecordWebhookResults: an attempt and its
// outcome, or, when Attempt is nil, the delivery given back unattempted
// (a rate limit held it back, or an earlier event of its conversation was
// not delivered), due at ReleaseAt or, if that is zero, when it was.
type WebhookResult struct {
	DeliveryID string
	Attempt    *WebhookAttempt
	Outcome    WebhookOutcome
	ReleaseAt  time.Time
	// Lost is set by RecordWebhookResults when owner no longer held the
	// delivery's lease: the attempt is logged, the delivery left alone.
	Lost bool
}

// WebhookDeliveryFilter narrows ListWebhookDeliveries. Empty fields match
// everything.
type WebhookDeliveryFilter struct {
	Status    DeliveryStatus
	EventType EventType
}

// WebhookStore persists endpoints, deliveries and the delivery log, scoped
// by workspace: an endpoint or delivery of another workspace is ENOTFOUND.
// Changes made by an actor write an audit entry (never a secret).
type WebhookStore interface {
	// CreateWebhookEndpoint inserts e, setting ID, CreatedAt, UpdatedAt.
	// Returns ENOTFOUND if the workspace (or the inbox of InboxID) does
	// not exist, EINVALID past MaxWebhookEndpoints.
	CreateWebhookEndpoint(ctx context.Context, actor Actor, e *WebhookEndpoint) error
	// FindWebhookEndpoint returns ENOTFOUND.
	FindWebhookEndpoint(ctx context.Context, workspaceID, id string) (*WebhookEndpoint, error)
	// ListWebhookEndpoints returns the workspace's endpoints, oldest first.
	ListWebhookEndpoints(ctx context.Context, workspaceID string) ([]*WebhookEndpoint, error)
	// UpdateWebhookEndpoint changes the fields of upd; enabling clears
	// DisabledReason and FailingSince. Returns ENOTFOUND.
	UpdateWebhookEndpoint(ctx context.Context, actor Actor, workspaceID, id string, upd WebhookEndpointUpdate) (*WebhookEndpoint, error)
	// DeleteWebhookEndpoint deletes the endpoint with its deliveries and
	// log. Returns ENOTFOUND.
	DeleteWebhookEndpoint(ctx context.Context, actor Actor, workspaceID, id string) error
	// RotateWebhookSecret makes secret the current one; the current one
	// becomes the previous, signing until until. Returns ENOTFOUND.
	RotateWebhookSecret(ctx context.Context, actor Actor, workspaceID, id, secret string, until time.Time) (*WebhookEndpoint, error)
	// SendWebhookPing writes a ping event and its delivery to the
	// endpoint. Returns ENOTFOUND.
	SendWebhookPing(ctx context.Context, actor Actor, workspaceID, endpointID string) (*WebhookDelivery, error)

	// FanOutEvents turns up to limit outbox events not yet dispatched into
	// deliveries, one per enabled endpoint that wants the event and
	// existed when it was written, and marks them dispatched. Safe to run
	// on many nodes at once (a delivery is unique per endpoint and event).
	// Returns how many events it dispatched.
	FanOutEvents(ctx context.Context, limit int) (int, error)
	// ListFeedEvents returns the workspace's events numbered after after in
	// the feed, in feed order, at most limit. Events are numbered when
	// FanOutEvents dispatches them, in commit order on every node: a reader
	// that follows the numbers never misses an event nor sees one twice.
	ListFeedEvents(ctx context.Context, workspaceID string, after int64, limit int) ([]*FeedEvent, error)
	// ClaimWebhookDeliveries leases up to limit pending deliveries due at
	// now to owner until leaseUntil, by compare-and-set, so that no two
	// owners hold one: of the deliveries of one conversation to one
	// endpoint, only the oldest pending is ever claimable, so that they
	// are delivered in order. Deliveries of disabled endpoints wait.
	ClaimWebhookDeliveries(ctx context.Context, owner string, now, leaseUntil time.Time, limit int) ([]*WebhookTask, error)
	// ClaimWebhookChains leases, like ClaimWebhookDeliveries and in one
	// transaction, due deliveries of up to chains conversations (or
	// conversation-less events) to endpoints, for each the oldest pending
	// and up to perChain-1 of those that follow it, all due and free,
	// oldest first: the dispatcher sends a chain in order and gives back
	// the rest of it when one is not delivered.
	ClaimWebhookChains(ctx context.Context, owner string, now, leaseUntil time.Time, chains, perChain int) ([][]*WebhookTask, error)
	// RecordWebhookAttempt logs attempt and applies outcome to its
	// delivery, if owner still holds the lease (else ECONFLICT; the
	// attempt is logged anyway), and releases it.
	RecordWebhookAttempt(ctx context.Context, owner string, attempt *WebhookAttempt, outcome WebhookOutcome) error
	// RecordWebhookResults records results, each as RecordWebhookAttempt
	// or ReleaseWebhookDelivery would, in one transaction, and sets Lost
	// on those whose lease owner no longer held.
	RecordWebhookResults(ctx context.Context, owner string, results []*WebhookResult) error
	// ReleaseWebhookDelivery gives a claimed delivery back, due at next,
	// without counting an attempt (a rate limit held it back).
	ReleaseWebhookDelivery(ctx context.Context, owner, deliveryID string, next time.Time) error

	// ListWebhookDeliveries returns an endpoint's deliveries newest first;
	// After is the ID of the last delivery of the previous page. Returns
	// ENOTFOUND if the endpoint is not in the workspace.
	ListWebhookDeliveries(ctx context.Context, workspaceID, endpointID string, f WebhookDeliveryFilter, opt ListOptions) (List[*WebhookDelivery], error)
	// FindWebhookDelivery returns a delivery with its attempts, oldest
	// first. Returns ENOTFOUND.
	FindWebhookDelivery(ctx context.Context, workspaceID, endpointID, deliveryID string) (*WebhookDelivery, []*WebhookAttempt, error)
	// RedeliverWebhook makes a delivery pending again, due now, with its
	// schedule started over; an attempt in flight no longer counts for it
	// (its lease is taken back). Returns ENOTFOUND.
	RedeliverWebhook(ctx context.Context, actor Actor, workspaceID, endpointID, deliveryID string) (*WebhookDelivery, error)
	// ReplayWebhookEvents queues again, due now, every event written since
	// that the endpoint wants (at most max), whether delivered before or
	// not, and returns how many. Returns ENOTFOUND.
	ReplayWebhookEvents(ctx context.Context, actor Actor, workspaceID, endpointID string, since time.Time, max int) (int, error)
	// WebhookBacklog returns how many deliveries are pending, in every
	// workspace, and when the oldest of them was created (zero if none).
	WebhookBacklog(ctx context.Context) (pending int, oldest time.Time, err error)
	// SweepWebhookDeliveries deletes delivered and failed deliveries, with
	// their attempts, last changed before before, and attempts older than
	// before of deliveries still pending. Returns how many deliveries.
	SweepWebhookDeliveries(ctx context.Context, before time.Time) (int, error)
}
