package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/parleychat/parley"
)

// MarkRead records that p has read the conversation up to seq (clamped to
// its LastSeq) and returns p's position, which never goes backwards.
// Returns ENOTFOUND, or EINVALID for a system participant or a negative seq.
func (s *Store) MarkRead(ctx context.Context, workspaceID, conversationID string, p parley.Participant, seq int64) (int64, error) {
	if err := checkReader(p); err != nil {
		return 0, err
	}
	if seq < 0 {
		return 0, parley.Errorf(parley.EINVALID, "The sequence number must not be negative.")
	}
	var pos int64
	err := s.inTx(ctx, func(tx runner) error {
		lastSeq, err := readableConversation(ctx, tx, workspaceID, conversationID, p)
		if err != nil {
			return err
		}
		now := s.now()
		_, err = tx.exec(ctx, `INSERT INTO read_states (workspace_id, conversation_id, participant_type, participant_id,
			last_read_seq, updated_at) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (conversation_id, participant_type, participant_id) DO UPDATE
			SET last_read_seq = excluded.last_read_seq, updated_at = excluded.updated_at
			WHERE read_states.last_read_seq < excluded.last_read_seq`,
			workspaceID, conversationID, p.Type, p.ID, min(seq, lastSeq), now.UnixMicro())
		if err != nil {
			return fmt.Errorf("mark read: %w", err)
		}
		err = tx.queryRow(ctx, `SELECT last_read_seq FROM read_states
			WHERE conversation_id = ? AND participant_type = ? AND participant_id = ?`,
			conversationID, p.Type, p.ID).Scan(&pos)
		if err != nil {
			return fmt.Errorf("mark read: %w", err)
		}
		return nil
	})
	return pos, err
}

// ReadStates returns every participant's position in the conversation,
// ordered by participant type and ID. Returns ENOTFOUND.
func (s *Store) ReadStates(ctx context.Context, workspaceID, conversationID string) ([]parley.ReadState, error) {
	r := s.read()
	if err := mustExist(ctx, r, "conversations", "Conversation", workspaceID, conversationID); err != nil {
		return nil, err
	}
	states, err := queryAll(ctx, r, func(row scanner) (parley.ReadState, error) {
		var (
			st        parley.ReadState
			updatedAt int64
		)
		err := row.Scan(&st.Participant.Type, &st.Participant.ID, &st.LastReadSeq, &updatedAt)
		st.UpdatedAt = fromMicros(updatedAt)
		return st, err
	}, `SELECT participant_type, participant_id, last_read_seq, updated_at FROM read_states
		WHERE workspace_id = ? AND conversation_id = ? ORDER BY participant_type, participant_id`,
		workspaceID, conversationID)
	if err != nil {
		return nil, fmt.Errorf("read states: %w", err)
	}
	return states, nil
}

// UnreadCount counts the messages after p's position that p did not send
// and has not read: text and attachments, and for agents and bots notes
// too; never deleted messages, system lines, or (for a contact) notes.
// Returns ENOTFOUND, or EINVALID for a system participant.
func (s *Store) UnreadCount(ctx context.Context, workspaceID, conversationID string, p parley.Participant) (int, error) {
	if err := checkReader(p); err != nil {
		return 0, err
	}
	r := s.read()
	if _, err := readableConversation(ctx, r, workspaceID, conversationID, p); err != nil {
		return 0, err
	}
	kinds := `?, ?, ?`
	args := []any{workspaceID, conversationID, p.Type, p.ID, conversationID, p.Type, p.ID,
		parley.KindText, parley.KindAttachment, parley.KindNote}
	if p.Type == parley.ParticipantContact {
		// Notes are never counted for a visitor.
		kinds, args = `?, ?`, args[:len(args)-1]
	}
	var n int
	err := r.queryRow(ctx, `SELECT count(*) FROM messages
		WHERE workspace_id = ? AND conversation_id = ? AND deleted_at IS NULL
		AND NOT (sender_type = ? AND sender_id = ?)
		AND seq > COALESCE((SELECT last_read_seq FROM read_states
			WHERE conversation_id = ? AND participant_type = ? AND participant_id = ?), 0)
		AND kind IN (`+kinds+`)`, args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("unread count: %w", err)
	}
	return n, nil
}

func checkReader(p parley.Participant) error {
	if !p.Valid() || p.Type == parley.ParticipantSystem {
		v := parley.Validation{}
		v.Add("participant", "must be a contact, agent or bot with an ID")
		return v.Err()
	}
	return nil
}

// readableConversation returns the conversation's LastSeq, or ENOTFOUND if
// it is not in the workspace or p is a contact other than its own.
func readableConversation(ctx context.Context, r runner, workspaceID, conversationID string, p parley.Participant) (int64, error) {
	var (
		lastSeq   int64
		contactID string
	)
	err := r.queryRow(ctx, `SELECT last_seq, contact_id FROM conversations WHERE workspace_id = ? AND id = ?`,
		workspaceID, conversationID).Scan(&lastSeq, &contactID)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && p.Type == parley.ParticipantContact && p.ID != contactID) {
		return 0, notFound("Conversation")
	} else if err != nil {
		return 0, fmt.Errorf("find conversation: %w", err)
	}
	return lastSeq, nil
}
