package conversation

import (
	"context"

	"github.com/parleychat/parley"
)

// Agents returns the agents and bots taking part in a conversation the
// caller may read: those who wrote in it — for a visitor, not counting
// notes, so that an agent who only wrote notes stays unknown to it — and
// its assignee. Returns ENOTFOUND as Conversation does.
func (s *Service) Agents(ctx context.Context, c Caller, conversationID string) ([]*parley.Agent, error) {
	if _, err := s.readable(ctx, c, conversationID); err != nil {
		return nil, err
	}
	return s.store.ConversationAgents(ctx, c.workspaceID, conversationID, !c.isVisitor())
}
