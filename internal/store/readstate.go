package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/parleychat/parley"
)

// MarkRead records that p has read the conversation up to seq — a visitor
// seq for a contact, a seq for agents and bots — clamped to its last, and
// returns p's position in both sequences, which never goes backwards.
// Returns ENOTFOUND, or EINVALID for a system participant or a negative seq.
func (s *Store) MarkRead(ctx context.Context, workspaceID, conversationID string, p parley.Participant, seq int64) (parley.ReadMark, error) {
	if err := checkReader(p); err != nil {
		return parley.ReadMark{}, err
	}
	if seq < 0 {
		return parley.ReadMark{}, parley.Errorf(parley.EINVALID, "The sequence number must not be negative.")
	}
	var mark parley.ReadMark
	err := s.inTx(ctx, func(tx runner) error {
		lastSeq, visitorLastSeq, err := readableConversation(ctx, tx, workspaceID, conversationID, p)
		if err != nil {
			return err
		}
		before, err := readPosition(ctx, tx, conversationID, p)
		if err != nil {
			return err
		}
		var full, visitor int64
		if p.Type == parley.ParticipantContact {
			visitor = min(seq, visitorLastSeq)
			full, err = seqOfVisitorSeq(ctx, tx, conversationID, visitor)
		} else {
			full = min(seq, lastSeq)
			visitor, err = visitorSeqAt(ctx, tx, conversationID, full)
		}
		if err != nil {
			return err
		}
		_, err = tx.exec(ctx, `INSERT INTO read_states (workspace_id, conversation_id, participant_type, participant_id,
			last_read_seq, last_read_visitor_seq, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (conversation_id, participant_type, participant_id) DO UPDATE
			SET last_read_seq = excluded.last_read_seq, last_read_visitor_seq = excluded.last_read_visitor_seq,
			updated_at = excluded.updated_at
			WHERE read_states.last_read_seq < excluded.last_read_seq`,
			workspaceID, conversationID, p.Type, p.ID, full, visitor, s.now().UnixMicro())
		if err != nil {
			return fmt.Errorf("mark read: %w", err)
		}
		after, err := readPosition(ctx, tx, conversationID, p)
		if err != nil {
			return err
		}
		mark = parley.ReadMark{ReadState: after, VisitorMoved: after.LastReadVisitorSeq > before.LastReadVisitorSeq}
		return nil
	})
	return mark, err
}

// readPosition returns p's read state in the conversation; a zero position
// (and time) if p has none.
func readPosition(ctx context.Context, r runner, conversationID string, p parley.Participant) (parley.ReadState, error) {
	st := parley.ReadState{Participant: p}
	var updatedAt int64
	err := r.queryRow(ctx, `SELECT last_read_seq, last_read_visitor_seq, updated_at FROM read_states
		WHERE conversation_id = ? AND participant_type = ? AND participant_id = ?`,
		conversationID, p.Type, p.ID).Scan(&st.LastReadSeq, &st.LastReadVisitorSeq, &updatedAt)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return st, nil
	case err != nil:
		return st, fmt.Errorf("read position: %w", err)
	}
	st.UpdatedAt = fromMicros(updatedAt)
	return st, nil
}

// seqOfVisitorSeq returns the seq of the message with visitor seq
// visitorSeq (0 for 0): where a contact who read up to it stands in the
// full sequence.
func seqOfVisitorSeq(ctx context.Context, r runner, conversationID string, visitorSeq int64) (int64, error) {
	if visitorSeq == 0 {
		return 0, nil
	}
	var seq int64
	err := r.queryRow(ctx, `SELECT seq FROM messages WHERE conversation_id = ? AND visitor_seq = ?`,
		conversationID, visitorSeq).Scan(&seq)
	if err != nil {
		return 0, fmt.Errorf("seq of visitor seq: %w", err)
	}
	return seq, nil
}

// visitorSeqAt returns the visitor seq of the last message a visitor may
// see at or before seq (0 if none): where a reader at seq stands in the
// visitor sequence. A note's position is thus the visible message's before
// it, and no visitor-facing number derives from a note.
func visitorSeqAt(ctx context.Context, r runner, conversationID string, seq int64) (int64, error) {
	if seq == 0 {
		return 0, nil
	}
	var visitorSeq int64
	err := r.queryRow(ctx, `SELECT visitor_seq FROM messages
		WHERE conversation_id = ? AND seq <= ? AND visitor_seq IS NOT NULL ORDER BY seq DESC LIMIT 1`,
		conversationID, seq).Scan(&visitorSeq)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return 0, nil
	case err != nil:
		return 0, fmt.Errorf("visitor seq at %d: %w", seq, err)
	}
	return visitorSeq, nil
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
		err := row.Scan(&st.Participant.Type, &st.Participant.ID, &st.LastReadSeq, &st.LastReadVisitorSeq, &updatedAt)
		st.UpdatedAt = fromMicros(updatedAt)
		return st, err
	}, `SELECT participant_type, participant_id, last_read_seq, last_read_visitor_seq, updated_at FROM read_states
		WHERE workspace_id = ? AND conversation_id = ? ORDER BY participant_type, participant_id`,
		workspaceID, conversationID)
	if err != nil {
		return nil, fmt.Errorf("read states: %w", err)
	}
	return states, nil
}

// UnreadCount counts the messages after p's position that p did not send
// and has not read: text and attachments, and for agents and bots notes
// too; never deleted messages, system lines, or (for a contact) notes. A
// contact's position is its visitor one. Returns ENOTFOUND, or EINVALID for
// a system participant.
func (s *Store) UnreadCount(ctx context.Context, workspaceID, conversationID string, p parley.Participant) (int, error) {
	if err := checkReader(p); err != nil {
		return 0, err
	}
	r := s.read()
	if _, _, err := readableConversation(ctx, r, workspaceID, conversationID, p); err != nil {
		return 0, err
	}
	seq, position, kinds := `seq`, `last_read_seq`, `?, ?, ?`
	args := []any{workspaceID, conversationID, p.Type, p.ID, conversationID, p.Type, p.ID,
		parley.KindText, parley.KindAttachment, parley.KindNote}
	if p.Type == parley.ParticipantContact {
		// A visitor counts in its own sequence, which has no notes.
		seq, position, kinds, args = `visitor_seq`, `last_read_visitor_seq`, `?, ?`, args[:len(args)-1]
	}
	var n int
	err := r.queryRow(ctx, `SELECT count(*) FROM messages
		WHERE workspace_id = ? AND conversation_id = ? AND deleted_at IS NULL
		AND NOT (sender_type = ? AND sender_id = ?)
		AND `+seq+` > COALESCE((SELECT `+position+` FROM read_states
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

// readableConversation returns the conversation's LastSeq and
// VisitorLastSeq, or ENOTFOUND if it is not in the workspace or p is a
// contact other than its own.
func readableConversation(ctx context.Context, r runner, workspaceID, conversationID string, p parley.Participant) (lastSeq, visitorLastSeq int64, err error) {
	var contactID string
	err = r.queryRow(ctx, `SELECT last_seq, visitor_last_seq, contact_id FROM conversations WHERE workspace_id = ? AND id = ?`,
		workspaceID, conversationID).Scan(&lastSeq, &visitorLastSeq, &contactID)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && p.Type == parley.ParticipantContact && p.ID != contactID) {
		return 0, 0, notFound("Conversation")
	} else if err != nil {
		return 0, 0, fmt.Errorf("find conversation: %w", err)
	}
	return lastSeq, visitorLastSeq, nil
}
