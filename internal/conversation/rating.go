package conversation

import (
	"context"

	"github.com/parleychat/parley"
)

// Rate records the visitor's satisfaction rating of a resolved
// conversation it takes part in, and tells the staff
// (conversation.rated). Only the visitor rates: staff get EFORBIDDEN.
// Returns EINVALID for a score out of 1–5 or a bad comment, ENOTFOUND,
// or ECONFLICT if the conversation is not resolved or already rated.
func (s *Service) Rate(ctx context.Context, c Caller, conversationID string, score int, comment string) (*parley.Rating, error) {
	if !c.isVisitor() {
		return nil, errForbidden("Only the visitor of a conversation rates it.")
	}
	r := &parley.Rating{WorkspaceID: c.workspaceID, ConversationID: conversationID, Score: score, Comment: comment}
	var v parley.Validation
	r.Validate(&v)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if _, err := s.readable(ctx, c, conversationID); err != nil {
		return nil, err
	}
	ev, err := s.store.RateConversation(ctx, r, c.Participant())
	if err != nil {
		return nil, err
	}
	s.notify(notification{event: ev, audience: AudienceStaff, feed: true})
	return r, nil
}

// Rating returns the conversation's rating to a caller who may read the
// conversation; nil if it is not rated.
func (s *Service) Rating(ctx context.Context, c Caller, conversationID string) (*parley.Rating, error) {
	conv, err := s.readable(ctx, c, conversationID)
	if err != nil {
		return nil, err
	}
	r, err := s.store.FindRating(ctx, conv.WorkspaceID, conv.ID)
	if parley.ErrorCode(err) == parley.ENOTFOUND {
		return nil, nil
	}
	return r, err
}
