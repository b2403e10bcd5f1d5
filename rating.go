package parley

import (
	"context"
	"time"
)

// Rating is a visitor's satisfaction rating (CSAT) of a resolved
// conversation: a score from 1 (very unhappy) to 5 (very happy) and an
// optional comment. A conversation is rated at most once.
type Rating struct {
	WorkspaceID    string `json:"-"`
	ConversationID string `json:"conversation_id"`
	ContactID      string `json:"contact_id"`
	// AgentID is the agent who held the conversation when it was rated
	// ("" if nobody did): reports count the rating for them.
	AgentID   string    `json:"agent_id,omitempty"`
	Score     int       `json:"score"`
	Comment   string    `json:"comment"`
	CreatedAt time.Time `json:"created_at"`
}

// Limits on ratings.
const (
	MinRatingScore         = 1
	MaxRatingScore         = 5
	MaxRatingCommentLength = 1000 // bytes
)

// Validate checks a rating's score and comment.
func (r *Rating) Validate(v *Validation) {
	if r.Score < MinRatingScore || r.Score > MaxRatingScore {
		v.Add("score", "must be from %d to %d", MinRatingScore, MaxRatingScore)
	}
	v.BoundedText("comment", r.Comment, MaxRatingCommentLength)
}

// EventConversationRated: the visitor rated a resolved conversation; the
// payload is a ConversationRatedEventData.
const EventConversationRated EventType = "conversation.rated"

// ConversationRatedEventData is the Payload of conversation.rated.
type ConversationRatedEventData struct {
	Conversation *Conversation `json:"conversation"`
	Rating       *Rating       `json:"rating"`
	By           Participant   `json:"by"`
}

// RatingStore persists ratings, scoped by workspace.
type RatingStore interface {
	// RateConversation records r (WorkspaceID, ConversationID, Score,
	// Comment) by the conversation's contact, setting ContactID, AgentID
	// and CreatedAt, and writes conversation.rated in the same
	// transaction. Returns ENOTFOUND if the conversation is not in the
	// workspace (or, when by is a contact, not that contact's), ECONFLICT
	// if it is not resolved or already rated.
	RateConversation(ctx context.Context, r *Rating, by Participant) (*Event, error)
	// FindRating returns the conversation's rating, ENOTFOUND if it has
	// none (or is not in the workspace).
	FindRating(ctx context.Context, workspaceID, conversationID string) (*Rating, error)
}
