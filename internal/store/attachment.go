package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parleychat/parley"
)

// PutAttachment stores f, setting ID, Size and CreatedAt. With a quota (a
// visitor's upload), it first locks the conversation's contact against
// every other upload of it and checks the quota against what that
// contact's visitors uploaded, in the same transaction, so that concurrent
// uploads cannot overshoot it. Returns ENOTFOUND if the conversation is
// not in the workspace, EFORBIDDEN or ERATELIMITED (see parley.UploadQuota).
func (s *Store) PutAttachment(ctx context.Context, f *parley.AttachmentFile, quota *parley.UploadQuota) error {
	id, now, size := newID(), s.now(), int64(len(f.Data))
	data := f.Data
	if data == nil {
		data = []byte{} // an empty file, not NULL
	}
	err := s.inTx(ctx, func(tx runner) error {
		if quota != nil {
			if err := checkUploadQuota(ctx, tx, f.WorkspaceID, f.ConversationID, size, quota, now); err != nil {
				return err
			}
		}
		_, err := tx.exec(ctx, `INSERT INTO attachments (id, workspace_id, conversation_id, name, content_type,
			size, created_at, data, uploader_type, uploader_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, f.WorkspaceID, f.ConversationID, f.Name, f.ContentType, size, now.UnixMicro(), data,
			string(f.Uploader.Type), f.Uploader.ID)
		if isForeignKeyViolation(err) {
			return notFound("Conversation")
		} else if err != nil {
			return fmt.Errorf("put attachment: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	f.ID, f.Size, f.MessageID, f.CreatedAt = id, size, "", now
	return nil
}

// checkUploadQuota checks that one more file of size bytes, uploaded by a
// visitor into the conversation at now, keeps within quota. It locks the
// conversation's contact (FOR NO KEY UPDATE on PostgreSQL, which does not
// block the conversations and sessions referring to it; SQLite's writer
// excludes every other), so that the uploads of one contact are checked
// one after the other.
func checkUploadQuota(ctx context.Context, tx runner, workspaceID, conversationID string, size int64,
	quota *parley.UploadQuota, now time.Time) error {
	var contactID string
	err := tx.queryRow(ctx, `SELECT contact_id FROM conversations WHERE workspace_id = ? AND id = ?`,
		workspaceID, conversationID).Scan(&contactID)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound("Conversation")
	} else if err != nil {
		return fmt.Errorf("upload quota: %w", err)
	}
	lock := ""
	if tx.dialect == dialectPostgres {
		lock = " FOR NO KEY UPDATE"
	}
	if err := tx.queryRow(ctx, `SELECT id FROM contacts WHERE workspace_id = ? AND id = ?`+lock,
		workspaceID, contactID).Scan(&contactID); err != nil {
		return fmt.Errorf("upload quota: lock contact: %w", err)
	}
	var (
		files, convFiles, recent int
		bytes, convBytes         int64
		oldest                   sql.NullInt64
	)
	since := quota.Since.UnixMicro()
	err = tx.queryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(a.size), 0),
			COUNT(CASE WHEN a.conversation_id = ? THEN 1 END),
			COALESCE(SUM(CASE WHEN a.conversation_id = ? THEN a.size END), 0),
			COUNT(CASE WHEN a.created_at > ? THEN 1 END),
			MIN(CASE WHEN a.created_at > ? THEN a.created_at END)
		FROM attachments a JOIN conversations c ON c.workspace_id = a.workspace_id AND c.id = a.conversation_id
		WHERE c.workspace_id = ? AND c.contact_id = ? AND a.uploader_type = ?`,
		conversationID, conversationID, since, since, workspaceID, contactID, string(parley.ParticipantContact)).
		Scan(&files, &bytes, &convFiles, &convBytes, &recent, &oldest)
	if err != nil {
		return fmt.Errorf("upload quota: %w", err)
	}
	q := quota.Quotas
	switch {
	case recent >= q.UploadsPerMinute:
		wait := time.Duration(0)
		if oldest.Valid {
			wait = fromMicros(oldest.Int64).Sub(quota.Since)
		}
		return &parley.Error{Code: parley.ERATELIMITED, Reason: parley.ReasonUploadRate, RetryAfter: max(wait, time.Second),
			Message: fmt.Sprintf("Too many uploads: at most %d a minute. Try again later.", q.UploadsPerMinute)}
	case convFiles+1 > q.FilesPerConversation:
		return quotaError(parley.ReasonConversationFiles, "This conversation holds the most files allowed (%d).", q.FilesPerConversation)
	case convBytes+size > q.BytesPerConversation:
		return quotaError(parley.ReasonConversationBytes, "The files of this conversation would exceed the %d bytes allowed.", q.BytesPerConversation)
	case files+1 > q.FilesPerContact:
		return quotaError(parley.ReasonContactFiles, "You have uploaded the most files allowed (%d).", q.FilesPerContact)
	case bytes+size > q.BytesPerContact:
		return quotaError(parley.ReasonContactBytes, "Your files would exceed the %d bytes allowed.", q.BytesPerContact)
	}
	return nil
}

func quotaError[N int | int64](reason, format string, n N) error {
	return &parley.Error{Code: parley.EFORBIDDEN, Reason: reason, Message: fmt.Sprintf(format, n)}
}

// GetAttachment returns the attachment with its bytes. Returns ENOTFOUND.
func (s *Store) GetAttachment(ctx context.Context, workspaceID, id string) (*parley.AttachmentFile, error) {
	var (
		f            parley.AttachmentFile
		messageID    *string
		createdAt    int64
		uploaderType string
	)
	err := s.read().queryRow(ctx, `SELECT id, workspace_id, conversation_id, message_id, name, content_type, size,
		created_at, data, uploader_type, uploader_id FROM attachments WHERE workspace_id = ? AND id = ?`, workspaceID, id).
		Scan(&f.ID, &f.WorkspaceID, &f.ConversationID, &messageID, &f.Name, &f.ContentType, &f.Size, &createdAt, &f.Data,
			&uploaderType, &f.Uploader.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Attachment")
	} else if err != nil {
		return nil, fmt.Errorf("get attachment: %w", err)
	}
	if f.Data == nil {
		f.Data = []byte{}
	}
	f.Uploader.Type = parley.ParticipantType(uploaderType)
	f.MessageID, f.CreatedAt = stringOrEmpty(messageID), fromMicros(createdAt)
	return &f, nil
}

// DeleteUnsentAttachments deletes up to limit attachments that no message
// carries and that were stored before before, oldest first, and returns
// how many. Each call is one short transaction: call it again until it
// returns less than limit.
func (s *Store) DeleteUnsentAttachments(ctx context.Context, before time.Time, limit int) (int, error) {
	res, err := s.write().exec(ctx, `DELETE FROM attachments WHERE id IN (
		SELECT id FROM attachments WHERE message_id IS NULL AND created_at < ? ORDER BY created_at LIMIT ?)
		AND message_id IS NULL`, before.UnixMicro(), limit)
	if err != nil {
		return 0, fmt.Errorf("delete unsent attachments: %w", err)
	}
	return rowsAffected(res)
}
