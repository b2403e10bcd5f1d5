package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

func (s *server) ratingRoutes() {
	tags := []string{"Conversations"}
	register(s, huma.Operation{
		OperationID: "rate-conversation", Method: http.MethodPost, Path: "/api/v1/conversations/{id}/rating", Tags: tags,
		Summary: "Rate a resolved conversation (visitor)", DefaultStatus: http.StatusCreated,
		Description: "The visitor's satisfaction rating (CSAT) of a resolved conversation: `score` from 1 (very unhappy) " +
			"to 5 (very happy) and an optional `comment` (at most 1,000 bytes). Only the conversation's visitor may " +
			"rate it, once: 409 if it is not resolved or already rated. Writes `conversation.rated`.",
	}, participant(parley.ScopeConversationsWrite), s.rateConversation)
	register(s, huma.Operation{
		OperationID: "get-conversation-rating", Method: http.MethodGet, Path: "/api/v1/conversations/{id}/rating", Tags: tags,
		Summary:     "A conversation's rating",
		Description: "The conversation's satisfaction rating: `rated` is false (and the other fields empty) while it has none.",
	}, participant(parley.ScopeConversationsRead), s.getConversationRating)
}

type ratingView struct {
	Rated          bool      `json:"rated" doc:"Whether the visitor has rated the conversation."`
	ConversationID string    `json:"conversation_id"`
	ContactID      string    `json:"contact_id"`
	AgentID        string    `json:"agent_id,omitempty" doc:"The agent who held the conversation when it was rated."`
	Score          int       `json:"score" minimum:"1" maximum:"5"`
	Comment        string    `json:"comment"`
	CreatedAt      time.Time `json:"created_at"`
}

func newRatingView(r *parley.Rating) ratingView {
	return ratingView{Rated: true, ConversationID: r.ConversationID, ContactID: r.ContactID, AgentID: r.AgentID, Score: r.Score,
		Comment: r.Comment, CreatedAt: r.CreatedAt}
}

type ratingOutput struct {
	Body ratingView
}

type rateInput struct {
	ID   string `path:"id" doc:"The conversation's ID."`
	Body struct {
		Score   int    `json:"score" doc:"1 (very unhappy) to 5 (very happy)."`
		Comment string `json:"comment,omitempty" doc:"Optional, at most 1,000 bytes."`
	}
}

func (s *server) rateConversation(ctx context.Context, in *rateInput) (*ratingOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	r, err := s.conv.Rate(ctx, c, in.ID, in.Body.Score, in.Body.Comment)
	if err != nil {
		return nil, err
	}
	return &ratingOutput{Body: newRatingView(r)}, nil
}

func (s *server) getConversationRating(ctx context.Context, in *conversationIDInput) (*ratingOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	r, err := s.conv.Rating(ctx, c, in.ID)
	if err != nil {
		return nil, err
	} else if r == nil {
		// Not rated yet: 200, so that a widget asking logs no error.
		return &ratingOutput{Body: ratingView{ConversationID: in.ID}}, nil
	}
	return &ratingOutput{Body: newRatingView(r)}, nil
}
