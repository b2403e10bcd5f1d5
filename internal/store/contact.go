package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/parleychat/parley"
)

const contactColumns = `id, workspace_id, external_id, email, phone, verified, name, avatar_url, attributes, created_at, updated_at`

// CreateContact inserts c, setting ID, CreatedAt and UpdatedAt, storing
// Email lower-case and nil Attributes as an empty map, and writes
// contact.created. Returns ECONFLICT if ExternalID, Email or Phone is taken
// in the workspace, ENOTFOUND if the workspace does not exist.
func (s *Store) CreateContact(ctx context.Context, c *parley.Contact) error {
	return s.inTx(ctx, func(tx runner) error {
		_, err := insertContact(ctx, tx, c, s.now())
		return err
	})
}

// insertContact inserts c under a new ID (normalising its identifiers and
// attributes, stamping it with now) and writes contact.created. On success
// c holds the contact as stored.
func insertContact(ctx context.Context, tx runner, c *parley.Contact, now time.Time) (*parley.Event, error) {
	created := *c
	created.ID, created.CreatedAt, created.UpdatedAt = newID(), now, now
	created.Email = parley.NormalizeEmail(c.Email)
	created.ExternalID, created.Phone = strings.TrimSpace(c.ExternalID), strings.TrimSpace(c.Phone)
	attrsJSON, attrs, err := encodeAttributes(c.Attributes)
	if err != nil {
		return nil, err
	}
	created.Attributes = attrs
	_, err = tx.exec(ctx, `INSERT INTO contacts (`+contactColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		created.ID, created.WorkspaceID, nullString(created.ExternalID), nullString(created.Email),
		nullString(created.Phone), created.Verified, created.Name, created.AvatarURL, attrsJSON,
		now.UnixMicro(), now.UnixMicro())
	switch {
	case isUniqueViolation(err):
		return nil, errIdentifierTaken()
	case isForeignKeyViolation(err):
		return nil, notFound("Workspace")
	case err != nil:
		return nil, fmt.Errorf("create contact: %w", err)
	}
	ev, err := insertEvent(ctx, tx, c.WorkspaceID, parley.EventContactCreated, "",
		parley.ContactEventData{Contact: &created}, now)
	if err != nil {
		return nil, err
	}
	*c = created
	return ev, nil
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

// ListContacts returns the workspace's contacts matching f, ordered by ID.
// Returns EINVALID for an invalid attribute key.
func (s *Store) ListContacts(ctx context.Context, workspaceID string, f parley.ContactFilter) (parley.List[*parley.Contact], error) {
	limit := f.EffectiveLimit()
	query := `SELECT ` + contactColumns + ` FROM contacts WHERE workspace_id = ? AND id > ?`
	args := []any{workspaceID, f.After}
	for _, cond := range []struct{ column, value string }{
		{"external_id", strings.TrimSpace(f.ExternalID)}, {"email", parley.NormalizeEmail(f.Email)},
		{"phone", strings.TrimSpace(f.Phone)},
	} {
		if cond.value != "" {
			query += ` AND ` + cond.column + ` = ?`
			args = append(args, cond.value)
		}
	}
	if q := strings.ToLower(strings.TrimSpace(f.Query)); q != "" {
		pattern := likeEscaper.Replace(q) + "%"
		query += ` AND (lower(name) LIKE ? ESCAPE '\' OR email LIKE ? ESCAPE '\')`
		args = append(args, pattern, pattern)
	}
	if f.AttributeKey != "" {
		if !parley.AttributeKeyPattern.MatchString(f.AttributeKey) {
			return parley.List[*parley.Contact]{}, parley.Errorf(parley.EINVALID, "Invalid attribute key %q.", f.AttributeKey)
		}
		cond, condArgs := s.dialect.attributeEquals(f.AttributeKey, f.AttributeValue)
		query += ` AND ` + cond
		args = append(args, condArgs...)
	}
	query += ` ORDER BY id LIMIT ?`
	items, err := queryAll(ctx, s.read(), scanContact, query, append(args, limit+1)...)
	if err != nil {
		return parley.List[*parley.Contact]{}, fmt.Errorf("list contacts: %w", err)
	}
	return page(items, limit, func(c *parley.Contact) string { return c.ID }), nil
}

// likeEscaper escapes the wildcards of a LIKE pattern (with ESCAPE '\').
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// UpdateContact changes the fields of upd and writes contact.updated (and
// an audit entry when actor is not nil). Returns ENOTFOUND, or ECONFLICT
// if a new identifier is taken.
func (s *Store) UpdateContact(ctx context.Context, actor *parley.Actor, workspaceID, id string, upd parley.ContactUpdate) (*parley.Contact, error) {
	var c *parley.Contact
	err := s.inTx(ctx, func(tx runner) error {
		var err error
		if c, err = findContact(ctx, tx, s.dialect, workspaceID, id); err != nil {
			return err
		}
		changed := applyContactUpdate(c, upd)
		if len(changed) == 0 {
			return nil
		}
		now := s.now()
		if _, err := saveContact(ctx, tx, c, now); err != nil {
			return err
		}
		if actor != nil {
			return insertAudit(ctx, tx, parley.AuditEntry{
				WorkspaceID: workspaceID, Actor: *actor, Action: "contact.update", TargetType: "contact", TargetID: id,
				Details: map[string]any{"fields": changed}, CreatedAt: now,
			})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// applyContactUpdate sets the fields of upd on c and returns the names of
// those that changed. (The audit log records names only: the values are
// personal data.)
func applyContactUpdate(c *parley.Contact, upd parley.ContactUpdate) []string {
	var changed []string
	set := func(name string, dst *string, v *string) {
		if v != nil && *dst != *v {
			*dst = *v
			changed = append(changed, name)
		}
	}
	if upd.ExternalID != nil {
		set("external_id", &c.ExternalID, ptr(strings.TrimSpace(*upd.ExternalID)))
	}
	if upd.Email != nil {
		set("email", &c.Email, ptr(parley.NormalizeEmail(*upd.Email)))
	}
	if upd.Phone != nil {
		set("phone", &c.Phone, ptr(strings.TrimSpace(*upd.Phone)))
	}
	set("name", &c.Name, upd.Name)
	set("avatar_url", &c.AvatarURL, upd.AvatarURL)
	if upd.Attributes != nil {
		attrs := *upd.Attributes
		if attrs == nil {
			attrs = map[string]any{}
		}
		c.Attributes = attrs
		changed = append(changed, "attributes")
	}
	if len(upd.SetAttributes) > 0 {
		set, _, _ := encodeAttributesLoose(upd.SetAttributes)
		attrs := maps.Clone(c.Attributes)
		if attrs == nil {
			attrs = map[string]any{}
		}
		maps.Copy(attrs, set)
		if !reflect.DeepEqual(attrs, c.Attributes) {
			c.Attributes = attrs
			if !slices.Contains(changed, "attributes") {
				changed = append(changed, "attributes")
			}
		}
	}
	return changed
}

func ptr[T any](v T) *T { return &v }

// saveContact writes every field of c (see writeContact) and writes
// contact.updated.
func saveContact(ctx context.Context, tx runner, c *parley.Contact, now time.Time) (*parley.Event, error) {
	if err := writeContact(ctx, tx, c, now); err != nil {
		return nil, err
	}
	return insertEvent(ctx, tx, c.WorkspaceID, parley.EventContactUpdated, "", parley.ContactEventData{Contact: c}, now)
}

// writeContact writes every field of c, stamping UpdatedAt with now and
// normalising its attributes. Returns ECONFLICT if an identifier is taken.
func writeContact(ctx context.Context, tx runner, c *parley.Contact, now time.Time) error {
	attrsJSON, attrs, err := encodeAttributes(c.Attributes)
	if err != nil {
		return err
	}
	c.Attributes, c.UpdatedAt = attrs, now
	_, err = tx.exec(ctx, `UPDATE contacts SET external_id = ?, email = ?, phone = ?, verified = ?, name = ?,
		avatar_url = ?, attributes = ?, updated_at = ? WHERE workspace_id = ? AND id = ?`,
		nullString(c.ExternalID), nullString(c.Email), nullString(c.Phone), c.Verified, c.Name, c.AvatarURL,
		attrsJSON, now.UnixMicro(), c.WorkspaceID, c.ID)
	if isUniqueViolation(err) {
		return errIdentifierTaken()
	} else if err != nil {
		return fmt.Errorf("update contact: %w", err)
	}
	return nil
}

func errIdentifierTaken() error {
	return parley.Errorf(parley.ECONFLICT, "A contact with this external ID, email or phone already exists.")
}

// DeleteContact erases the contact with everything it owns and writes
// contact.deleted and an audit entry without personal data. Returns ENOTFOUND.
func (s *Store) DeleteContact(ctx context.Context, actor parley.Actor, workspaceID, id string) error {
	return s.inTx(ctx, func(tx runner) error {
		if err := mustExist(ctx, tx, "contacts", "Contact", workspaceID, id); err != nil {
			return err
		}
		// The outbox keeps copies of messages and of the contact: erase those
		// first. Conversations, their messages, attachments and read states,
		// sessions, resume tokens and merge records go with the contact by
		// cascade.
		res, err := tx.exec(ctx, `DELETE FROM events WHERE workspace_id = ? AND conversation_id IN
			(SELECT id FROM conversations WHERE workspace_id = ? AND contact_id = ?)`, workspaceID, workspaceID, id)
		if err != nil {
			return fmt.Errorf("erase contact events: %w", err)
		}
		events, err := rowsAffected(res)
		if err != nil {
			return err
		}
		// contact.* events name the contact, or a contact merged into it.
		ids, err := queryAll(ctx, tx, scanString, `SELECT source_id FROM contact_merges WHERE workspace_id = ? AND contact_id = ?`,
			workspaceID, id)
		if err != nil {
			return fmt.Errorf("erase contact: %w", err)
		}
		ids = append(ids, id)
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ")
		args := []any{workspaceID}
		for _, v := range ids {
			args = append(args, v)
		}
		res, err = tx.exec(ctx, `DELETE FROM events WHERE workspace_id = ? AND conversation_id IS NULL
			AND type LIKE 'contact.%' AND `+s.dialect.eventContactID()+` IN (`+marks+`)`, args...)
		if err != nil {
			return fmt.Errorf("erase contact events: %w", err)
		}
		n, err := rowsAffected(res)
		if err != nil {
			return err
		}
		var conversations int
		if err := tx.queryRow(ctx, `SELECT count(*) FROM conversations WHERE workspace_id = ? AND contact_id = ?`,
			workspaceID, id).Scan(&conversations); err != nil {
			return fmt.Errorf("erase contact: %w", err)
		}
		if _, err := tx.exec(ctx, `DELETE FROM contacts WHERE workspace_id = ? AND id = ?`, workspaceID, id); err != nil {
			return fmt.Errorf("erase contact: %w", err)
		}
		now := s.now()
		if _, err := insertEvent(ctx, tx, workspaceID, parley.EventContactDeleted, "",
			parley.ContactEventData{Contact: &parley.Contact{ID: id, WorkspaceID: workspaceID, Attributes: map[string]any{}}}, now); err != nil {
			return err
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "contact.erase", TargetType: "contact", TargetID: id,
			Details: map[string]any{"conversations": conversations, "events": events + n}, CreatedAt: now,
		})
	})
}

// eventContactID is the expression of an event's payload.contact.id.
func (d dialect) eventContactID() string {
	if d == dialectPostgres {
		return `(payload -> 'contact' ->> 'id')`
	}
	return `json_extract(payload, '$.contact.id')`
}

func scanString(row scanner) (string, error) {
	var v string
	err := row.Scan(&v)
	return v, err
}

// findContact reads one contact inside a transaction, locking its row on
// PostgreSQL until the transaction ends.
func findContact(ctx context.Context, r runner, d dialect, workspaceID, id string) (*parley.Contact, error) {
	c, err := scanContact(r.queryRow(ctx, `SELECT `+contactColumns+` FROM contacts WHERE workspace_id = ? AND id = ?`+d.forUpdate(),
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
