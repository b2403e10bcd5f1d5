package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/parleychat/parley"
)

// HandOffConversation puts a pending or assigned conversation in
// h.QueueID, pending with no assignee, and writes its
// conversation.handed_off event, in one transaction.
func (s *Store) HandOffConversation(ctx context.Context, workspaceID, id string, h parley.Handoff, by parley.Participant) (*parley.Conversation, *parley.Event, error) {
	if !by.Valid() {
		return nil, nil, errInvalidParticipant("by")
	}
	var v parley.Validation
	h.Validate(&v)
	if err := v.Err(); err != nil {
		return nil, nil, err
	}
	var (
		c  *parley.Conversation
		ev *parley.Event
	)
	err := s.inTx(ctx, func(tx runner) error {
		if err := mustExist(ctx, tx, "queues", "Queue", workspaceID, h.QueueID); err != nil {
			return err
		}
		if !storable(id) {
			return notFound("Conversation")
		}
		cur, err := scanConversation(tx.queryRow(ctx, `SELECT `+conversationColumns+` FROM conversations
			WHERE workspace_id = ? AND id = ?`+tx.dialect.forUpdate(), workspaceID, id))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("Conversation")
		} else if err != nil {
			return fmt.Errorf("hand off conversation: %w", err)
		}
		switch cur.Status {
		case parley.StatusResolved:
			return parley.Errorf(parley.ECONFLICT, "The conversation is resolved.")
		case parley.StatusOpen:
			return parley.Errorf(parley.ECONFLICT, "The visitor has not written yet: there is nothing to hand off.")
		}
		if h.From != "" && (cur.Status != parley.StatusAssigned || cur.AssigneeID != h.From) {
			return parley.Errorf(parley.ECONFLICT, "The conversation is no longer held by that agent.")
		}
		now := s.now()
		c, err = scanConversation(tx.queryRow(ctx, `UPDATE conversations SET queue_id = ?, status = ?, assignee_id = NULL,
			assigned_at = NULL, queued_at = ?, updated_at = ? WHERE workspace_id = ? AND id = ? RETURNING `+conversationColumns,
			h.QueueID, parley.StatusPending, now.UnixMicro(), now.UnixMicro(), workspaceID, id))
		if err != nil {
			return fmt.Errorf("hand off conversation: %w", err)
		}
		data := parley.ConversationEventData{Conversation: c, By: by, PreviousAssigneeID: cur.AssigneeID, Handoff: &h}
		if cur.QueueID != h.QueueID {
			data.PreviousQueueID = cur.QueueID
		}
		ev, err = insertEvent(ctx, tx, workspaceID, parley.EventConversationHandedOff, id, data, now)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return c, ev, nil
}
