package conversation

import (
	"context"
	"slices"

	"github.com/parleychat/parley"
)

// SearchMessages finds the messages the caller may read that hold the
// words of q, best first. Staff (agents, bots, API tokens with
// conversations:read) find notes too; a visitor finds only what it may
// see in its own conversations (its confined conversation, when it has
// one), numbered in the visitor sequence. Returns EFORBIDDEN or EINVALID.
func (s *Service) SearchMessages(ctx context.Context, c Caller, q parley.MessageSearch) (parley.List[*parley.MessageHit], error) {
	var none parley.List[*parley.MessageHit]
	if err := c.need(parley.ScopeConversationsRead); err != nil {
		return none, err
	}
	q.IncludeNotes = !c.isVisitor()
	if c.isVisitor() {
		q.ContactID = c.contactID
		if c.conversationID != "" {
			q.ConversationID = c.conversationID
		}
	}
	l, err := s.store.SearchMessages(ctx, c.workspaceID, q)
	if err != nil {
		return none, err
	}
	if c.isVisitor() {
		// The store already left them out; this keeps it true whatever
		// becomes of the query.
		l.Items = slices.DeleteFunc(l.Items, func(h *parley.MessageHit) bool { return !h.Message.VisibleToVisitor() })
		for _, h := range l.Items {
			h.Message = c.showMessage(h.Message)
		}
	}
	return l, nil
}
