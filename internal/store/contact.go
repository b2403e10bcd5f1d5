package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/parleychat/parley"
)

const contactColumns = `id, workspace_id, external_id, email, phone, verified, name, avatar_url, attributes, created_at, updated_at`

// CreateContact inserts c, setting ID, CreatedAt and UpdatedAt, storing
// Email lower-case and nil Attributes as an empty map, and writes
// contact.created. Returns ECONFLICT if ExternalID, Email or Phone is taken
// in the workspace, ENOTFOUND if the workspace does not exist.
func (s *Store) CreateContact(ctx context.Context, c *parley.Contact) error {
	id := newID()
	email := parley.NormalizeEmail(c.Email)
	externalID, phone := strings.TrimSpace(c.ExternalID), strings.TrimSpace(c.Phone)
	attrsJSON, attrs, err := encodeAttributes(c.Attributes)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx runner) error {
		now := s.now()
		_, err := tx.exec(ctx, `INSERT INTO contacts (`+contactColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, c.WorkspaceID, nullString(externalID), nullString(email), nullString(phone), c.Verified, c.Name,
			c.AvatarURL, attrsJSON, now.UnixMicro(), now.UnixMicro())
		switch {
		case isUniqueViolation(err):
			return parley.Errorf(parley.ECONFLICT, "A contact with this external ID, email or phone already exists.")
		case isForeignKeyViolation(err):
			return notFound("Workspace")
		case err != nil:
			return fmt.Errorf("create contact: %w", err)
		}
		created := *c
		created.ID, created.ExternalID, created.Email, created.Phone = id, externalID, email, phone
		created.Attributes, created.CreatedAt, created.UpdatedAt = attrs, now, now
		if _, err := insertEvent(ctx, tx, c.WorkspaceID, parley.EventContactCreated, "",
			parley.ContactEventData{Contact: &created}, now); err != nil {
			return err
		}
		*c = created
		return nil
	})
}

// FindContactByID returns ENOTFOUND if there is no such contact in the workspace.
func (s *Store) FindContactByID(ctx context.Context, workspaceID, id string) (*parley.Contact, error) {
	c, err := scanContact(s.read().queryRow(ctx, `SELECT `+contactColumns+` FROM contacts WHERE workspace_id = ? AND id = ?`,
		workspaceID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Contact")
	} else if err != nil {
		return nil, fmt.Errorf("find contact: %w", err)
	}
	return c, nil
}

func scanContact(row scanner) (*parley.Contact, error) {
	var (
		c                        parley.Contact
		externalID, email, phone *string
		attrs                    string
		createdAt, updatedAt     int64
	)
	err := row.Scan(&c.ID, &c.WorkspaceID, &externalID, &email, &phone, &c.Verified, &c.Name, &c.AvatarURL,
		&attrs, &createdAt, &updatedAt)
	if err != nil {
		return nil, err
	}
	if err := decodeJSON(attrs, &c.Attributes); err != nil {
		return nil, err
	}
	c.ExternalID, c.Email, c.Phone = stringOrEmpty(externalID), stringOrEmpty(email), stringOrEmpty(phone)
	c.CreatedAt, c.UpdatedAt = fromMicros(createdAt), fromMicros(updatedAt)
	return &c, nil
}
