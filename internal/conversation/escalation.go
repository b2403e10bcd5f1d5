package conversation

import (
	"context"

	"github.com/parleychat/parley"
)

// Escalate moves a pending or assigned conversation to the next tier of
// its queue by hand, with the caller's reason (conversation.escalated,
// after conversation.unassigned when it was assigned). An agent may
// escalate only the conversations it holds or that are waiting;
// supervisors, admins and API tokens any. Returns EFORBIDDEN, ENOTFOUND,
// EINVALID (reason too long) or ECONFLICT (Reason "last_tier" or
// "not_waiting").
func (s *Service) Escalate(ctx context.Context, c Caller, conversationID, reason string) (*parley.Conversation, error) {
	if err := c.staffOnly(parley.ScopeConversationsWrite); err != nil {
		return nil, err
	}
	if err := s.heldOrWaiting(ctx, c, conversationID, "Agents may escalate only their own conversations or those waiting."); err != nil {
		return nil, err
	}
	conv, evs, err := s.store.EscalateConversation(ctx, c.workspaceID, conversationID, c.Participant(), reason)
	if err != nil {
		return nil, err
	}
	s.PublishEvents(evs...)
	return conv, nil
}
