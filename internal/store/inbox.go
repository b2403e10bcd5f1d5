package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parleychat/parley"
)

const inboxColumns = `id, workspace_id, name, allowed_origins, widget, identity, conversation, created_at, updated_at,
	attachment_quotas`

// widgetJSON and identityJSON fix the stored form of the inbox settings,
// whatever becomes of the domain structs' field names.
type widgetJSON struct {
	Title    string             `json:"title"`
	Greeting string             `json:"greeting"`
	Color    string             `json:"color"`
	Locale   string             `json:"locale"`
	Position string             `json:"position"`
	Prechat  parley.PrechatForm `json:"prechat"`
}

type identityJSON struct {
	RequireVerified  bool              `json:"require_verified"`
	Secrets          []string          `json:"secrets,omitempty"`
	PublicKeys       []identityKeyJSON `json:"public_keys,omitempty"`
	JWKSURL          string            `json:"jwks_url,omitempty"`
	Issuer           string            `json:"issuer,omitempty"`
	MaxTokenLifetime time.Duration     `json:"max_token_lifetime,omitempty"`
}

type identityKeyJSON struct {
	KID string `json:"kid"`
	PEM string `json:"pem"`
}

func newIdentityJSON(id parley.IdentitySettings) identityJSON {
	j := identityJSON{RequireVerified: id.RequireVerified, Secrets: id.Secrets, JWKSURL: id.JWKSURL,
		Issuer: id.Issuer, MaxTokenLifetime: id.MaxTokenLifetime}
	for _, k := range id.PublicKeys {
		j.PublicKeys = append(j.PublicKeys, identityKeyJSON(k))
	}
	return j
}

func (j identityJSON) settings() parley.IdentitySettings {
	id := parley.IdentitySettings{RequireVerified: j.RequireVerified, Secrets: j.Secrets, JWKSURL: j.JWKSURL,
		Issuer: j.Issuer, MaxTokenLifetime: j.MaxTokenLifetime}
	for _, k := range j.PublicKeys {
		id.PublicKeys = append(id.PublicKeys, parley.IdentityKey(k))
	}
	return id
}

type conversationSettingsJSON struct {
	ResolvedPolicy         parley.ResolvedPolicy `json:"resolved_policy,omitempty"`
	MaxAttachmentSize      int64                 `json:"max_attachment_size,omitempty"`
	AllowedAttachmentTypes []string              `json:"allowed_attachment_types"`
	AutoResolveAfter       time.Duration         `json:"auto_resolve_after,omitempty"`
}

// attachmentQuotasJSON fixes the stored form of parley.AttachmentQuotas.
type attachmentQuotasJSON struct {
	FilesPerConversation int   `json:"files_per_conversation,omitempty"`
	BytesPerConversation int64 `json:"bytes_per_conversation,omitempty"`
	FilesPerContact      int   `json:"files_per_contact,omitempty"`
	BytesPerContact      int64 `json:"bytes_per_contact,omitempty"`
	UploadsPerMinute     int   `json:"uploads_per_minute,omitempty"`
}

// CreateInbox inserts in, setting ID, CreatedAt and UpdatedAt and replacing
// nil AllowedOrigins with an empty list. Returns ENOTFOUND if the workspace
// does not exist.
func (s *Store) CreateInbox(ctx context.Context, actor parley.Actor, in *parley.Inbox) error {
	now, id := s.now(), newID()
	origins := in.AllowedOrigins
	if origins == nil {
		origins = []string{}
	}
	in.Widget = in.Widget.WithDefaults()
	cols, err := encodeInboxSettings(origins, in.Widget, in.Identity, in.Conversation)
	if err != nil {
		return err
	}
	quotas, err := encodeJSON(attachmentQuotasJSON(in.AttachmentQuotas))
	if err != nil {
		return err
	}
	err = s.inTx(ctx, func(tx runner) error {
		_, err := tx.exec(ctx, `INSERT INTO inboxes (`+inboxColumns+`, auto_resolve_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, in.WorkspaceID, in.Name, cols[0], cols[1], cols[2], cols[3], now.UnixMicro(), now.UnixMicro(), quotas,
			autoResolveSeconds(in.Conversation))
		if isForeignKeyViolation(err) {
			return notFound("Workspace")
		} else if err != nil {
			return fmt.Errorf("create inbox: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: in.WorkspaceID, Actor: actor, Action: "inbox.create", TargetType: "inbox", TargetID: id,
			Details: map[string]any{"name": in.Name}, CreatedAt: now,
		})
	})
	if err != nil {
		return err
	}
	in.ID, in.AllowedOrigins, in.CreatedAt, in.UpdatedAt = id, origins, now, now
	return nil
}

// FindInboxByID returns ENOTFOUND.
func (s *Store) FindInboxByID(ctx context.Context, workspaceID, id string) (*parley.Inbox, error) {
	return findInbox(ctx, s.read(), workspaceID, id)
}

// ListInboxes returns the workspace's inboxes ordered by ID.
func (s *Store) ListInboxes(ctx context.Context, workspaceID string, opt parley.ListOptions) (parley.List[*parley.Inbox], error) {
	limit := opt.EffectiveLimit()
	items, err := queryAll(ctx, s.read(), scanInbox,
		`SELECT `+inboxColumns+` FROM inboxes WHERE workspace_id = ? AND id > ? ORDER BY id LIMIT ?`,
		workspaceID, opt.After, limit+1)
	if err != nil {
		return parley.List[*parley.Inbox]{}, fmt.Errorf("list inboxes: %w", err)
	}
	return page(items, limit, func(in *parley.Inbox) string { return in.ID }), nil
}

// UpdateInbox returns ENOTFOUND. An update that sets no field changes nothing.
func (s *Store) UpdateInbox(ctx context.Context, actor parley.Actor, workspaceID, id string, upd parley.InboxUpdate) (*parley.Inbox, error) {
	return s.ModifyInbox(ctx, actor, workspaceID, id, func(*parley.Inbox) (parley.InboxUpdate, error) { return upd, nil })
}

// ModifyInbox reads the inbox locked (FOR UPDATE on PostgreSQL; SQLite's
// write transactions exclude every other writer), calls fn with it and
// applies the update fn returns in the same transaction. Returns ENOTFOUND,
// or fn's error (nothing changes).
func (s *Store) ModifyInbox(ctx context.Context, actor parley.Actor, workspaceID, id string,
	fn func(in *parley.Inbox) (parley.InboxUpdate, error)) (*parley.Inbox, error) {
	now := s.now()
	var in *parley.Inbox
	err := s.inTx(ctx, func(tx runner) error {
		stored, err := findInboxForUpdate(ctx, tx, workspaceID, id)
		if err != nil {
			return err
		}
		// fn gets a copy of its own (read again rather than deep-copied,
		// so that no field is ever shared): what it does to it is not
		// stored unless it returns it in the update.
		scratch, err := findInbox(ctx, tx, workspaceID, id)
		if err != nil {
			return err
		}
		upd, err := fn(scratch)
		if err != nil {
			return err
		}
		in = stored
		return s.applyInboxUpdate(ctx, tx, actor, in, upd, now)
	})
	if err != nil {
		return nil, err
	}
	return in, nil
}

// applyInboxUpdate sets the fields of upd on in, the inbox as stored, and
// writes it with its audit entry, unless upd sets no field.
func (s *Store) applyInboxUpdate(ctx context.Context, tx runner, actor parley.Actor, in *parley.Inbox,
	upd parley.InboxUpdate, now time.Time) error {
	details := map[string]any{}
	if upd.Name != nil {
		in.Name = *upd.Name
		details["name"] = in.Name
	}
	if upd.AllowedOrigins != nil {
		in.AllowedOrigins = *upd.AllowedOrigins
		if in.AllowedOrigins == nil {
			in.AllowedOrigins = []string{}
		}
		details["allowed_origins"] = in.AllowedOrigins
	}
	if upd.Widget != nil {
		in.Widget = upd.Widget.WithDefaults()
		details["widget"] = widgetJSON(in.Widget)
	}
	if upd.Identity != nil {
		in.Identity = *upd.Identity
		// Named field by field: identity settings will hold secrets.
		details["identity.require_verified"] = in.Identity.RequireVerified
	}
	if upd.Conversation != nil {
		in.Conversation = *upd.Conversation
		details["conversation"] = conversationSettingsJSON(in.Conversation)
	}
	if upd.AttachmentQuotas != nil {
		in.AttachmentQuotas = *upd.AttachmentQuotas
		details["attachment_quotas"] = attachmentQuotasJSON(in.AttachmentQuotas)
	}
	if len(details) == 0 {
		return nil
	}
	cols, err := encodeInboxSettings(in.AllowedOrigins, in.Widget, in.Identity, in.Conversation)
	if err != nil {
		return err
	}
	quotas, err := encodeJSON(attachmentQuotasJSON(in.AttachmentQuotas))
	if err != nil {
		return err
	}
	in.UpdatedAt = now
	if _, err := tx.exec(ctx, `UPDATE inboxes SET name = ?, allowed_origins = ?, widget = ?, identity = ?,
		conversation = ?, updated_at = ?, attachment_quotas = ?, auto_resolve_s = ? WHERE workspace_id = ? AND id = ?`,
		in.Name, cols[0], cols[1], cols[2], cols[3], now.UnixMicro(), quotas, autoResolveSeconds(in.Conversation),
		in.WorkspaceID, in.ID); err != nil {
		return fmt.Errorf("update inbox: %w", err)
	}
	return insertAudit(ctx, tx, parley.AuditEntry{
		WorkspaceID: in.WorkspaceID, Actor: actor, Action: "inbox.update", TargetType: "inbox", TargetID: in.ID,
		Details: details, CreatedAt: now,
	})
}

// DeleteInbox returns ENOTFOUND.
func (s *Store) DeleteInbox(ctx context.Context, actor parley.Actor, workspaceID, id string) error {
	now := s.now()
	return s.inTx(ctx, func(tx runner) error {
		var name string
		err := tx.queryRow(ctx, `DELETE FROM inboxes WHERE workspace_id = ? AND id = ? RETURNING name`,
			workspaceID, id).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("Inbox")
		} else if err != nil {
			return fmt.Errorf("delete inbox: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "inbox.delete", TargetType: "inbox", TargetID: id,
			Details: map[string]any{"name": name}, CreatedAt: now,
		})
	})
}

func findInbox(ctx context.Context, r runner, workspaceID, id string) (*parley.Inbox, error) {
	return findInboxWhere(ctx, r, workspaceID, id, "")
}

// findInboxForUpdate is findInbox that locks the inbox's row until the
// transaction r ends.
func findInboxForUpdate(ctx context.Context, r runner, workspaceID, id string) (*parley.Inbox, error) {
	return findInboxWhere(ctx, r, workspaceID, id, r.dialect.forUpdate())
}

func findInboxWhere(ctx context.Context, r runner, workspaceID, id, lock string) (*parley.Inbox, error) {
	in, err := scanInbox(r.queryRow(ctx, `SELECT `+inboxColumns+` FROM inboxes WHERE workspace_id = ? AND id = ?`+lock,
		workspaceID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Inbox")
	} else if err != nil {
		return nil, fmt.Errorf("find inbox: %w", err)
	}
	return in, nil
}

func scanInbox(row scanner) (*parley.Inbox, error) {
	var (
		in                                      parley.Inbox
		origins, widget, identity, conversation string
		createdAt, updatedAt                    int64
		storedWidget                            widgetJSON
		storedIdentity                          identityJSON
		storedConversation                      conversationSettingsJSON
		quotas                                  string
		storedQuotas                            attachmentQuotasJSON
	)
	err := row.Scan(&in.ID, &in.WorkspaceID, &in.Name, &origins, &widget, &identity, &conversation, &createdAt, &updatedAt,
		&quotas)
	if err != nil {
		return nil, err
	}
	if err := decodeJSON(quotas, &storedQuotas); err != nil {
		return nil, err
	}
	in.AttachmentQuotas = parley.AttachmentQuotas(storedQuotas)
	if err := decodeJSON(origins, &in.AllowedOrigins); err != nil {
		return nil, err
	}
	if err := decodeJSON(widget, &storedWidget); err != nil {
		return nil, err
	}
	if err := decodeJSON(identity, &storedIdentity); err != nil {
		return nil, err
	}
	if err := decodeJSON(conversation, &storedConversation); err != nil {
		return nil, err
	}
	// Defaults fill in what an early version did not store (the migration
	// 00006 repaired the rows it found; this keeps it so for any other).
	in.Widget, in.Identity = parley.WidgetSettings(storedWidget).WithDefaults(), storedIdentity.settings()
	in.Conversation = parley.ConversationSettings(storedConversation)
	in.CreatedAt, in.UpdatedAt = fromMicros(createdAt), fromMicros(updatedAt)
	return &in, nil
}

// encodeInboxSettings renders the JSON columns allowed_origins, widget,
// identity and conversation.
func encodeInboxSettings(origins []string, w parley.WidgetSettings, id parley.IdentitySettings,
	conv parley.ConversationSettings) ([4]string, error) {
	var cols [4]string
	for i, v := range []any{origins, widgetJSON(w), newIdentityJSON(id), conversationSettingsJSON(conv)} {
		var err error
		if cols[i], err = encodeJSON(v); err != nil {
			return cols, fmt.Errorf("inbox settings: %w", err)
		}
	}
	return cols, nil
}
