package parley

import (
	"context"
	"time"
)

// Offer mode: a queue whose OfferMode is set does not assign a
// conversation at once; the router offers it to the agent its strategy
// picks, who accepts within the queue's offer timeout or declines. A
// declined or lapsed offer goes to the next agent.

// Limits of offers.
const (
	DefaultOfferTimeout = 30 * time.Second
	MaxOfferTimeout     = 10 * time.Minute
	// MaxDeclineReasonLength bounds the reason an agent gives.
	MaxDeclineReasonLength = 500
)

// OfferState is where an offer stands.
type OfferState string

const (
	OfferOpen     OfferState = "open"
	OfferAccepted OfferState = "accepted"
	OfferDeclined OfferState = "declined"
	OfferExpired  OfferState = "expired"
	// OfferWithdrawn: the conversation was taken, moved or resolved
	// another way while the offer was open.
	OfferWithdrawn OfferState = "withdrawn"
)

// Offer is a conversation offered to one agent.
type Offer struct {
	ID             string     `json:"id"`
	WorkspaceID    string     `json:"workspace_id"`
	ConversationID string     `json:"conversation_id"`
	QueueID        string     `json:"queue_id"`
	AgentID        string     `json:"agent_id"`
	State          OfferState `json:"state"`
	// Reason is the agent's reason for declining, if it gave one.
	Reason    string     `json:"reason,omitempty"`
	OfferedAt time.Time  `json:"offered_at"`
	ExpiresAt time.Time  `json:"expires_at"`
	EndedAt   *time.Time `json:"ended_at,omitempty"`
}

// EffectiveOfferTimeout returns how long an agent has to accept an offer
// of the queue: its OfferTimeout, DefaultOfferTimeout when unset.
func (q *Queue) EffectiveOfferTimeout() time.Duration {
	if q.OfferTimeout <= 0 {
		return DefaultOfferTimeout
	}
	return min(q.OfferTimeout, MaxOfferTimeout)
}

// Event types of offers. Their payload is a ConversationEventData whose
// Offer is the offer after the change. They are for staff only.
const (
	EventConversationOffered       EventType = "conversation.offered"
	EventConversationOfferAccepted EventType = "conversation.offer_accepted"
	EventConversationOfferDeclined EventType = "conversation.offer_declined"
	EventConversationOfferExpired  EventType = "conversation.offer_expired"
)

// StaffOnlyEvent reports whether events of type t must never reach a
// visitor.
func StaffOnlyEvent(t EventType) bool {
	switch t {
	case EventConversationOffered, EventConversationOfferAccepted, EventConversationOfferDeclined,
		EventConversationOfferExpired, EventConversationEscalated, EventConversationEscalationOverdue:
		return true
	}
	return false
}

// OfferStore keeps offers. Every method is scoped by workspace.
type OfferStore interface {
	// OfferConversation offers the pending conversation id of opt.QueueID
	// to agentID until now+timeout (conversation.offered). The agent must
	// be online and under capacity, open offers counting as held
	// conversations: ECONFLICT with Reason "capacity" or "offline" as
	// RouteConversation; ECONFLICT when the conversation is not pending in
	// that queue or already has an open offer.
	OfferConversation(ctx context.Context, workspaceID, id, agentID string, opt RouteOptions, timeout time.Duration) (*Offer, *Event, error)
	// AnswerOffer accepts (assigning the conversation to the agent:
	// conversation.offer_accepted, then conversation.assigned) or declines
	// (conversation.offer_declined, with reason) the open offer of the
	// conversation to agentID. ECONFLICT with Reason "no_offer" when there
	// is no open offer to that agent, "expired" when it is past its time
	// at now; ENOTFOUND for an unknown conversation.
	AnswerOffer(ctx context.Context, workspaceID, id, agentID string, accept bool, reason string, now time.Time) (*Conversation, []*Event, error)
	// ExpireOffers ends the open offers past their time at now
	// (conversation.offer_expired), in every workspace, and withdraws
	// those whose conversation is no longer pending in the offer's queue.
	ExpireOffers(ctx context.Context, now time.Time) ([]*Event, error)
	// RefusedBy returns the agents who declined or let lapse an offer of
	// the conversation since it last became pending.
	RefusedBy(ctx context.Context, workspaceID, id string) ([]string, error)
	// OpenOffers returns the agent's open offers, oldest first.
	OpenOffers(ctx context.Context, workspaceID, agentID string) ([]*Offer, error)
}
