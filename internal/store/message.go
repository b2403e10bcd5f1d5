package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/parleychat/parley"
)

const messageColumns = `id, workspace_id, conversation_id, seq, visitor_seq, kind, sender_type, sender_id, sender_name, client_id,
	body, attachments, created_at, edited_at, deleted_at, app_id, sender_avatar_url, sender_external_id`

// attachmentJSON fixes the stored form of a message's attachment list.
type attachmentJSON struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
}

// FindMessage returns ENOTFOUND.
func (s *Store) FindMessage(ctx context.Context, workspaceID, id string) (*parley.Message, error) {
	return findMessage(ctx, s.read(), workspaceID, id)
}

// ListMessages returns a page of the conversation's messages ordered by
// seq, or for a visitor's query by visitor seq; see parley.MessageQuery.
// Returns ENOTFOUND.
func (s *Store) ListMessages(ctx context.Context, workspaceID, conversationID string, q parley.MessageQuery) ([]*parley.Message, error) {
	r := s.read()
	if err := mustExist(ctx, r, "conversations", "Conversation", workspaceID, conversationID); err != nil {
		return nil, err
	}
	limit := parley.ListOptions{Limit: q.Limit}.EffectiveLimit()
	// A note has no visitor seq (NULL), so "visitor_seq > ?" leaves notes out.
	seq := "seq"
	if q.Visitor {
		seq = "visitor_seq"
	}
	query := `SELECT ` + messageColumns + ` FROM messages WHERE conversation_id = ? AND workspace_id = ? AND ` + seq + ` > ?`
	args := []any{conversationID, workspaceID, max(q.AfterSeq, 0)}
	if !q.IncludeNotes || q.Visitor {
		query += ` AND kind <> ?`
		args = append(args, parley.KindNote)
	}
	backwards := q.BeforeSeq > 0
	if backwards {
		query += ` AND ` + seq + ` < ? ORDER BY ` + seq + ` DESC LIMIT ?`
		args = append(args, q.BeforeSeq, limit)
	} else {
		query += ` ORDER BY ` + seq + ` LIMIT ?`
		args = append(args, limit)
	}
	items, err := queryAll(ctx, r, scanMessage, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list messages: %w", err)
	}
	if backwards {
		slices.Reverse(items)
	}
	return items, nil
}

// EditMessage replaces the body of a text, attachment or note message and
// writes message.updated. Returns ENOTFOUND, ECONFLICT if the message is
// deleted, EINVALID for an event message or an invalid by.
func (s *Store) EditMessage(ctx context.Context, workspaceID, id, body string, by parley.Participant) (*parley.Message, *parley.Event, error) {
	return s.changeMessage(ctx, workspaceID, id, by, parley.EventMessageUpdated, func(tx runner, m *parley.Message) error {
		if m.Kind == parley.KindEvent {
			return parley.Errorf(parley.EINVALID, "System messages cannot be edited.")
		}
		now := s.now()
		res, err := tx.exec(ctx, `UPDATE messages SET body = ?, edited_at = ? WHERE id = ? AND deleted_at IS NULL`,
			body, now.UnixMicro(), m.ID)
		if err := wantOneRow(res, err, errMessageDeleted); err != nil {
			return err
		}
		m.Body, m.EditedAt = body, &now
		return nil
	})
}

// DeleteMessage empties the message, deletes its attachments' bytes and
// writes message.deleted. Returns ENOTFOUND, or ECONFLICT if it is already
// deleted.
func (s *Store) DeleteMessage(ctx context.Context, workspaceID, id string, by parley.Participant) (*parley.Message, *parley.Event, error) {
	return s.changeMessage(ctx, workspaceID, id, by, parley.EventMessageDeleted, func(tx runner, m *parley.Message) error {
		now := s.now()
		res, err := tx.exec(ctx, `UPDATE messages SET body = '', attachments = '[]', deleted_at = ?
			WHERE id = ? AND deleted_at IS NULL`, now.UnixMicro(), m.ID)
		if err := wantOneRow(res, err, errMessageDeleted); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `DELETE FROM attachments WHERE workspace_id = ? AND message_id = ?`, workspaceID, m.ID); err != nil {
			return fmt.Errorf("delete attachments: %w", err)
		}
		m.Body, m.Attachments, m.DeletedAt = "", []parley.Attachment{}, &now
		return nil
	})
}

func errMessageDeleted() error { return parley.Errorf(parley.ECONFLICT, "The message is deleted.") }

// changeMessage finds the message, refuses a deleted one, applies change
// and writes the event, in one transaction.
func (s *Store) changeMessage(ctx context.Context, workspaceID, id string, by parley.Participant, typ parley.EventType,
	change func(tx runner, m *parley.Message) error) (*parley.Message, *parley.Event, error) {
	if !by.Valid() {
		return nil, nil, errInvalidParticipant("by")
	}
	var (
		m  *parley.Message
		ev *parley.Event
	)
	err := s.inTx(ctx, func(tx runner) error {
		var err error
		if m, err = findMessage(ctx, tx, workspaceID, id); err != nil {
			return err
		}
		if m.DeletedAt != nil {
			return errMessageDeleted()
		}
		if err := freezeCreatedEvent(ctx, tx, m); err != nil {
			return err
		}
		if err := change(tx, m); err != nil {
			return err
		}
		ev, err = insertEvent(ctx, tx, workspaceID, typ, m.ConversationID, parley.MessageEventData{Message: m, By: by}, s.now())
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return m, ev, nil
}

// wantOneRow turns an UPDATE that matched no row into the error of orElse.
func wantOneRow(res sql.Result, err error, orElse func() error) error {
	if err != nil {
		return fmt.Errorf("update: %w", err)
	}
	n, err := rowsAffected(res)
	if err != nil {
		return err
	}
	if n == 0 {
		return orElse()
	}
	return nil
}

func findMessage(ctx context.Context, r runner, workspaceID, id string) (*parley.Message, error) {
	m, err := scanMessage(r.queryRow(ctx, `SELECT `+messageColumns+` FROM messages WHERE workspace_id = ? AND id = ?`,
		workspaceID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Message")
	} else if err != nil {
		return nil, fmt.Errorf("find message: %w", err)
	}
	return m, nil
}

func scanMessage(row scanner) (*parley.Message, error) {
	var (
		m                   parley.Message
		clientID            *string
		atts                string
		createdAt           int64
		editedAt, deletedAt sql.NullInt64
		visitorSeq          sql.NullInt64
		appID, avatarURL    *string
		senderExternalID    *string
	)
	err := row.Scan(&m.ID, &m.WorkspaceID, &m.ConversationID, &m.Seq, &visitorSeq, &m.Kind, &m.Sender.Type, &m.Sender.ID,
		&m.Sender.DisplayName, &clientID, &m.Body, &atts, &createdAt, &editedAt, &deletedAt, &appID, &avatarURL, &senderExternalID)
	if err != nil {
		return nil, err
	}
	var stored []attachmentJSON
	if err := decodeJSON(atts, &stored); err != nil {
		return nil, err
	}
	m.Attachments = make([]parley.Attachment, len(stored))
	for i, a := range stored {
		m.Attachments[i] = parley.Attachment(a)
	}
	m.ClientID, m.VisitorSeq, m.AppID = stringOrEmpty(clientID), visitorSeq.Int64, stringOrEmpty(appID)
	m.Sender.AvatarURL, m.Sender.ExternalID = stringOrEmpty(avatarURL), stringOrEmpty(senderExternalID)
	m.CreatedAt, m.EditedAt, m.DeletedAt = fromMicros(createdAt), fromNullMicros(editedAt), fromNullMicros(deletedAt)
	return &m, nil
}

func encodeAttachments(atts []parley.Attachment) (string, error) {
	stored := make([]attachmentJSON, len(atts))
	for i, a := range atts {
		stored[i] = attachmentJSON(a)
	}
	return encodeJSON(stored)
}
