package store

import (
	"context"
	"fmt"

	"github.com/parleychat/parley"
)

const contactNoteColumns = `id, workspace_id, contact_id, author_type, author_id, author_name, body, created_at`

// CreateContactNote inserts n. Returns ENOTFOUND or EINVALID (too many notes).
func (s *Store) CreateContactNote(ctx context.Context, actor parley.Actor, n *parley.ContactNote) error {
	now, id := s.now(), newID()
	err := s.inTx(ctx, func(tx runner) error {
		if err := mustExist(ctx, tx, "contacts", "Contact", n.WorkspaceID, n.ContactID); err != nil {
			return err
		}
		// The contact row orders concurrent notes on PostgreSQL, so that
		// the bound holds.
		if _, err := tx.exec(ctx, `UPDATE contacts SET updated_at = updated_at WHERE workspace_id = ? AND id = ?`,
			n.WorkspaceID, n.ContactID); err != nil {
			return fmt.Errorf("lock contact: %w", err)
		}
		var count int
		if err := tx.queryRow(ctx, `SELECT count(*) FROM contact_notes WHERE workspace_id = ? AND contact_id = ?`,
			n.WorkspaceID, n.ContactID).Scan(&count); err != nil {
			return fmt.Errorf("count contact notes: %w", err)
		}
		if count >= parley.MaxContactNotes {
			return parley.Errorf(parley.EINVALID, "A contact carries at most %d notes.", parley.MaxContactNotes)
		}
		if _, err := tx.exec(ctx, `INSERT INTO contact_notes (`+contactNoteColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			id, n.WorkspaceID, n.ContactID, string(n.AuthorType), n.AuthorID, n.AuthorName, n.Body, now.UnixMicro()); err != nil {
			return fmt.Errorf("create contact note: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: n.WorkspaceID, Actor: actor, Action: "contact_note.create", TargetType: "contact",
			TargetID: n.ContactID, Details: map[string]any{"note_id": id}, CreatedAt: now,
		})
	})
	if err != nil {
		return err
	}
	n.ID, n.CreatedAt = id, now
	return nil
}

// ListContactNotes returns the contact's notes, newest first. Returns ENOTFOUND.
func (s *Store) ListContactNotes(ctx context.Context, workspaceID, contactID string) ([]*parley.ContactNote, error) {
	r := s.read()
	if err := mustExist(ctx, r, "contacts", "Contact", workspaceID, contactID); err != nil {
		return nil, err
	}
	notes, err := queryAll(ctx, r, scanContactNote, `SELECT `+contactNoteColumns+` FROM contact_notes
		WHERE workspace_id = ? AND contact_id = ? ORDER BY created_at DESC, id DESC`, workspaceID, contactID)
	if err != nil {
		return nil, fmt.Errorf("list contact notes: %w", err)
	}
	return notes, nil
}

// DeleteContactNote deletes one note of the contact. Returns ENOTFOUND.
func (s *Store) DeleteContactNote(ctx context.Context, actor parley.Actor, workspaceID, contactID, id string) error {
	if !storable(workspaceID, contactID, id) {
		return notFound("Note")
	}
	return s.inTx(ctx, func(tx runner) error {
		res, err := tx.exec(ctx, `DELETE FROM contact_notes WHERE workspace_id = ? AND contact_id = ? AND id = ?`,
			workspaceID, contactID, id)
		if err != nil {
			return fmt.Errorf("delete contact note: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("delete contact note: %w", err)
		} else if n == 0 {
			return notFound("Note")
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "contact_note.delete", TargetType: "contact",
			TargetID: contactID, Details: map[string]any{"note_id": id}, CreatedAt: s.now(),
		})
	})
}

func scanContactNote(row scanner) (*parley.ContactNote, error) {
	var (
		n          parley.ContactNote
		authorType string
		createdAt  int64
	)
	if err := row.Scan(&n.ID, &n.WorkspaceID, &n.ContactID, &authorType, &n.AuthorID, &n.AuthorName, &n.Body, &createdAt); err != nil {
		return nil, err
	}
	n.AuthorType, n.CreatedAt = parley.ActorType(authorType), fromMicros(createdAt)
	return &n, nil
}
