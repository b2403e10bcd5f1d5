package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/parleychat/parley"
)

var errAlreadyRated = parley.Errorf(parley.ECONFLICT, "The conversation is already rated.")

// RateConversation records r by the conversation's contact and writes
// conversation.rated. Returns ENOTFOUND or ECONFLICT.
func (s *Store) RateConversation(ctx context.Context, r *parley.Rating, by parley.Participant) (*parley.Event, error) {
	if !by.Valid() {
		return nil, errInvalidParticipant("by")
	}
	now := s.now()
	var ev *parley.Event
	err := s.inTx(ctx, func(tx runner) error {
		c, err := findConversation(ctx, tx, r.WorkspaceID, r.ConversationID)
		if err != nil {
			return err
		}
		if by.Type == parley.ParticipantContact && by.ID != c.ContactID {
			return notFound("Conversation")
		}
		// Only a resolved conversation is rated; the row lock orders the
		// rating against a concurrent reopen on PostgreSQL.
		res, err := tx.exec(ctx, `UPDATE conversations SET updated_at = updated_at
			WHERE workspace_id = ? AND id = ? AND status = 'resolved'`, r.WorkspaceID, r.ConversationID)
		if err != nil {
			return fmt.Errorf("lock conversation: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("lock conversation: %w", err)
		} else if n == 0 {
			return parley.Errorf(parley.ECONFLICT, "Only a resolved conversation can be rated.")
		}
		r.ContactID, r.AgentID, r.CreatedAt = c.ContactID, c.AssigneeID, now
		_, err = tx.exec(ctx, `INSERT INTO conversation_ratings (workspace_id, conversation_id, contact_id, agent_id, score, comment, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, r.WorkspaceID, r.ConversationID, r.ContactID, r.AgentID, r.Score, r.Comment, now.UnixMicro())
		if isUniqueViolation(err) {
			return errAlreadyRated
		} else if err != nil {
			return fmt.Errorf("rate conversation: %w", err)
		}
		ev, err = insertEvent(ctx, tx, r.WorkspaceID, parley.EventConversationRated, r.ConversationID,
			parley.ConversationRatedEventData{Conversation: c, Rating: r, By: by}, now)
		return err
	})
	if err != nil {
		return nil, err
	}
	return ev, nil
}

// FindRating returns the conversation's rating; ENOTFOUND if none.
func (s *Store) FindRating(ctx context.Context, workspaceID, conversationID string) (*parley.Rating, error) {
	if !storable(workspaceID, conversationID) {
		return nil, notFound("Rating")
	}
	var (
		r         = parley.Rating{WorkspaceID: workspaceID}
		createdAt int64
	)
	err := s.read().queryRow(ctx, `SELECT conversation_id, contact_id, agent_id, score, comment, created_at
		FROM conversation_ratings WHERE workspace_id = ? AND conversation_id = ?`, workspaceID, conversationID).
		Scan(&r.ConversationID, &r.ContactID, &r.AgentID, &r.Score, &r.Comment, &createdAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Rating")
	} else if err != nil {
		return nil, fmt.Errorf("find rating: %w", err)
	}
	r.CreatedAt = fromMicros(createdAt)
	return &r, nil
}
