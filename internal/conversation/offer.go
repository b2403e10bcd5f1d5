package conversation

import (
	"context"

	"github.com/parleychat/parley"
)

// AcceptOffer accepts the open offer of a conversation to the calling
// agent: the conversation is assigned to it (conversation.assigned and
// conversation.offer_accepted). Only the agent offered may answer:
// EFORBIDDEN for any other caller but an agent, ECONFLICT with Reason
// "no_offer" or "expired", ENOTFOUND.
func (s *Service) AcceptOffer(ctx context.Context, c Caller, conversationID string) (*parley.Conversation, error) {
	return s.answerOffer(ctx, c, conversationID, true, "")
}

// DeclineOffer declines the open offer of a conversation to the calling
// agent, with an optional reason (conversation.offer_declined); the router
// then offers it to the next agent. Errors as AcceptOffer, and EINVALID
// for a reason too long or not text.
func (s *Service) DeclineOffer(ctx context.Context, c Caller, conversationID, reason string) (*parley.Conversation, error) {
	var v parley.Validation
	v.BoundedText("reason", reason, parley.MaxDeclineReasonLength)
	if err := v.Err(); err != nil {
		return nil, err
	}
	return s.answerOffer(ctx, c, conversationID, false, reason)
}

func (s *Service) answerOffer(ctx context.Context, c Caller, conversationID string, accept bool, reason string) (*parley.Conversation, error) {
	if err := c.staffOnly(parley.ScopeConversationsWrite); err != nil {
		return nil, err
	}
	if !c.isAgent() || c.bot {
		return nil, errForbidden("Only the agent a conversation is offered to may answer the offer.")
	}
	conv, evs, err := s.store.AnswerOffer(ctx, c.workspaceID, conversationID, c.principal.AgentID, accept, reason, s.now())
	if err != nil {
		return nil, err
	}
	s.PublishEvents(evs...)
	return conv, nil
}

// OpenOffers returns the calling agent's open offers, oldest first (none
// for callers that are not agents).
func (s *Service) OpenOffers(ctx context.Context, c Caller) ([]*parley.Offer, error) {
	if err := c.staffOnly(parley.ScopeConversationsRead); err != nil {
		return nil, err
	}
	if !c.isAgent() {
		return []*parley.Offer{}, nil
	}
	return s.store.OpenOffers(ctx, c.workspaceID, c.principal.AgentID)
}
