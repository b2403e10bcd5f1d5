package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parleychat/parley"
)

const visitorSessionColumns = `id, workspace_id, inbox_id, contact_id, conversation_id, resume_token_id, created_at, expires_at`

// FindVisitorInbox returns the inbox with this ID, whatever its workspace.
// Returns ENOTFOUND.
func (s *Store) FindVisitorInbox(ctx context.Context, inboxID string) (*parley.Inbox, error) {
	in, err := scanInbox(s.read().queryRow(ctx, `SELECT `+inboxColumns+` FROM inboxes WHERE id = ?`, inboxID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Inbox")
	} else if err != nil {
		return nil, fmt.Errorf("find inbox: %w", err)
	}
	return in, nil
}

// CreateGuest creates an anonymous contact and sess for it in one
// transaction, writing contact.created. Returns ENOTFOUND if the inbox is
// not in the workspace, ECONFLICT if the hash exists.
func (s *Store) CreateGuest(ctx context.Context, sess *parley.VisitorSession, hash []byte) (*parley.Contact, error) {
	contactID, sessionID := newID(), newID()
	expires := sess.ExpiresAt.UTC().Truncate(time.Microsecond)
	var (
		contact *parley.Contact
		now     time.Time
	)
	err := s.inTx(ctx, func(tx runner) error {
		// The inbox is checked first, so that a bad one leaves no event behind
		// in a transaction that would be rolled back anyway.
		if err := mustExist(ctx, tx, "inboxes", "Inbox", sess.WorkspaceID, sess.InboxID); err != nil {
			return err
		}
		now = s.now()
		c, err := insertGuestContact(ctx, tx, contactID, sess.WorkspaceID, now)
		if err != nil {
			return err
		}
		_, err = tx.exec(ctx, `INSERT INTO visitor_sessions (`+visitorSessionColumns+`, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			sessionID, sess.WorkspaceID, sess.InboxID, contactID, nil, nil, now.UnixMicro(), expires.UnixMicro(), hash)
		switch {
		case isUniqueViolation(err):
			return errVisitorHashTaken()
		case err != nil:
			return fmt.Errorf("create visitor session: %w", err)
		}
		contact = c
		return nil
	})
	if err != nil {
		return nil, err
	}
	sess.ID, sess.ContactID, sess.CreatedAt, sess.ExpiresAt = sessionID, contactID, now, expires
	return contact, nil
}

// insertGuestContact inserts an anonymous contact — no identifiers, not
// verified, no name — and writes contact.created.
func insertGuestContact(ctx context.Context, tx runner, id, workspaceID string, now time.Time) (*parley.Contact, error) {
	_, err := tx.exec(ctx, `INSERT INTO contacts (`+contactColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, workspaceID, nil, nil, nil, false, "", "", "{}", now.UnixMicro(), now.UnixMicro())
	switch {
	case isForeignKeyViolation(err):
		return nil, notFound("Workspace")
	case err != nil:
		return nil, fmt.Errorf("create guest contact: %w", err)
	}
	c := &parley.Contact{
		ID: id, WorkspaceID: workspaceID, Attributes: map[string]any{}, CreatedAt: now, UpdatedAt: now,
	}
	if _, err := insertEvent(ctx, tx, workspaceID, parley.EventContactCreated, "",
		parley.ContactEventData{Contact: c}, now); err != nil {
		return nil, err
	}
	return c, nil
}

// CreateVisitorSession inserts sess for an existing contact, or for the
// contact and conversation of sess.ResumeTokenID. Returns ENOTFOUND if the
// inbox, contact or resume token is not in the workspace, EINVALID if the
// token's conversation is not in the inbox, ECONFLICT if the hash exists.
func (s *Store) CreateVisitorSession(ctx context.Context, sess *parley.VisitorSession, hash []byte) error {
	created := *sess
	err := s.inTx(ctx, func(tx runner) error {
		if err := mustExist(ctx, tx, "inboxes", "Inbox", sess.WorkspaceID, sess.InboxID); err != nil {
			return err
		}
		if sess.ResumeTokenID != "" {
			var inboxID string
			err := tx.queryRow(ctx, `SELECT t.contact_id, t.conversation_id, c.inbox_id FROM resume_tokens t
				JOIN conversations c ON c.workspace_id = t.workspace_id AND c.id = t.conversation_id
				WHERE t.workspace_id = ? AND t.id = ?`, sess.WorkspaceID, sess.ResumeTokenID).Scan(
				&created.ContactID, &created.ConversationID, &inboxID)
			switch {
			case errors.Is(err, sql.ErrNoRows):
				return notFound("Resume token")
			case err != nil:
				return fmt.Errorf("create visitor session: %w", err)
			case (sess.ContactID != "" && sess.ContactID != created.ContactID) ||
				(sess.ConversationID != "" && sess.ConversationID != created.ConversationID):
				return parley.Errorf(parley.EINVALID, "The session's contact or conversation is not the resume token's.")
			case inboxID != sess.InboxID:
				return parley.Errorf(parley.EINVALID, "The resume token's conversation is not in this inbox.")
			}
		} else if sess.ConversationID != "" {
			return parley.Errorf(parley.EINVALID, "Only a session opened with a resume token is confined to a conversation.")
		}
		if err := mustExist(ctx, tx, "contacts", "Contact", sess.WorkspaceID, created.ContactID); err != nil {
			return err
		}
		return insertVisitorSession(ctx, tx, &created, hash, s.now())
	})
	if err != nil {
		return err
	}
	*sess = created
	return nil
}

// insertVisitorSession inserts sess (whose workspace, inbox and contact
// exist) under a new ID, created at now.
func insertVisitorSession(ctx context.Context, tx runner, sess *parley.VisitorSession, hash []byte, now time.Time) error {
	id := newID()
	expires := sess.ExpiresAt.UTC().Truncate(time.Microsecond)
	_, err := tx.exec(ctx, `INSERT INTO visitor_sessions (`+visitorSessionColumns+`, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, sess.WorkspaceID, sess.InboxID, sess.ContactID, nullString(sess.ConversationID), nullString(sess.ResumeTokenID),
		now.UnixMicro(), expires.UnixMicro(), hash)
	switch {
	case isUniqueViolation(err):
		return errVisitorHashTaken()
	case isForeignKeyViolation(err):
		return notFound("Inbox or contact")
	case err != nil:
		return fmt.Errorf("create visitor session: %w", err)
	}
	sess.ID, sess.CreatedAt, sess.ExpiresAt = id, now, expires
	return nil
}

func errVisitorHashTaken() error {
	return parley.Errorf(parley.ECONFLICT, "A visitor session with this secret already exists.")
}

// FindVisitorSessionByHash returns ENOTFOUND if there is no such session
// or it expired at or before now.
func (s *Store) FindVisitorSessionByHash(ctx context.Context, hash []byte, now time.Time) (*parley.VisitorSession, error) {
	var (
		sess                 parley.VisitorSession
		createdAt, expiresAt int64
	)
	var conversationID, resumeTokenID *string
	err := s.read().queryRow(ctx, `SELECT `+visitorSessionColumns+` FROM visitor_sessions WHERE hash = ? AND expires_at > ?`,
		hash, now.UnixMicro()).Scan(&sess.ID, &sess.WorkspaceID, &sess.InboxID, &sess.ContactID, &conversationID,
		&resumeTokenID, &createdAt, &expiresAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Visitor session")
	} else if err != nil {
		return nil, fmt.Errorf("find visitor session: %w", err)
	}
	sess.ConversationID, sess.ResumeTokenID = stringOrEmpty(conversationID), stringOrEmpty(resumeTokenID)
	sess.CreatedAt, sess.ExpiresAt = fromMicros(createdAt), fromMicros(expiresAt)
	return &sess, nil
}

// DeleteVisitorSession ends one session of the workspace; deleting a
// missing one is a no-op.
func (s *Store) DeleteVisitorSession(ctx context.Context, workspaceID, id string) error {
	if _, err := s.write().exec(ctx, `DELETE FROM visitor_sessions WHERE workspace_id = ? AND id = ?`, workspaceID, id); err != nil {
		return fmt.Errorf("delete visitor session: %w", err)
	}
	return nil
}

// DeleteExpiredVisitorSessions removes sessions expired at or before now
// and returns how many.
func (s *Store) DeleteExpiredVisitorSessions(ctx context.Context, now time.Time) (int, error) {
	res, err := s.write().exec(ctx, `DELETE FROM visitor_sessions WHERE expires_at <= ?`, now.UnixMicro())
	if err != nil {
		return 0, fmt.Errorf("delete expired visitor sessions: %w", err)
	}
	return rowsAffected(res)
}
