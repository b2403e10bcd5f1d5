package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/parleychat/parley"
)

// PutAttachment stores f, setting ID, Size and CreatedAt. Returns ENOTFOUND
// if the conversation is not in the workspace.
func (s *Store) PutAttachment(ctx context.Context, f *parley.AttachmentFile) error {
	id, now, size := newID(), s.now(), int64(len(f.Data))
	data := f.Data
	if data == nil {
		data = []byte{} // an empty file, not NULL
	}
	_, err := s.write().exec(ctx, `INSERT INTO attachments (id, workspace_id, conversation_id, name, content_type,
		size, created_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		id, f.WorkspaceID, f.ConversationID, f.Name, f.ContentType, size, now.UnixMicro(), data)
	if isForeignKeyViolation(err) {
		return notFound("Conversation")
	} else if err != nil {
		return fmt.Errorf("put attachment: %w", err)
	}
	f.ID, f.Size, f.MessageID, f.CreatedAt = id, size, "", now
	return nil
}

// GetAttachment returns the attachment with its bytes. Returns ENOTFOUND.
func (s *Store) GetAttachment(ctx context.Context, workspaceID, id string) (*parley.AttachmentFile, error) {
	var (
		f         parley.AttachmentFile
		messageID *string
		createdAt int64
	)
	err := s.read().queryRow(ctx, `SELECT id, workspace_id, conversation_id, message_id, name, content_type, size,
		created_at, data FROM attachments WHERE workspace_id = ? AND id = ?`, workspaceID, id).
		Scan(&f.ID, &f.WorkspaceID, &f.ConversationID, &messageID, &f.Name, &f.ContentType, &f.Size, &createdAt, &f.Data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Attachment")
	} else if err != nil {
		return nil, fmt.Errorf("get attachment: %w", err)
	}
	if f.Data == nil {
		f.Data = []byte{}
	}
	f.MessageID, f.CreatedAt = stringOrEmpty(messageID), fromMicros(createdAt)
	return &f, nil
}
