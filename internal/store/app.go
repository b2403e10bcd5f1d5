package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parleychat/parley"
)

const appColumns = `id, workspace_id, manifest, scopes, quotas, enabled, webhook_endpoint_id, secret_hash,
	previous_secret_hash, previous_secret_until, installed_by_type, installed_by_id, installed_by_name, created_at, updated_at`

func appTarget(a *parley.App) map[string]any {
	return map[string]any{"name": a.Manifest.Name}
}

// InstallApp inserts a and, when wh is set, its webhook endpoint, in one
// transaction.
func (s *Store) InstallApp(ctx context.Context, actor parley.Actor, a *parley.App, wh *parley.WebhookEndpoint) error {
	now, id := s.now(), newID()
	manifest, err := encodeJSON(a.Manifest)
	if err != nil {
		return err
	}
	scopes, err := encodeJSON(a.Scopes)
	if err != nil {
		return err
	}
	quotas, err := encodeJSON(a.Quotas)
	if err != nil {
		return err
	}
	whID := ""
	err = s.inTx(ctx, func(tx runner) error {
		if err := mustExistWorkspace(ctx, tx, a.WorkspaceID); err != nil {
			return err
		}
		var n int
		if err := tx.queryRow(ctx, `SELECT count(*) FROM apps WHERE workspace_id = ?`, a.WorkspaceID).Scan(&n); err != nil {
			return fmt.Errorf("count apps: %w", err)
		}
		if n >= parley.MaxApps {
			return parley.Errorf(parley.EINVALID, "A workspace holds at most %d apps.", parley.MaxApps)
		}
		if wh != nil {
			whID = newID()
			wh.WorkspaceID = a.WorkspaceID
			if err := insertWebhookEndpoint(ctx, tx, actor, wh, whID, now); err != nil {
				return err
			}
		}
		_, err := tx.exec(ctx, `INSERT INTO apps (`+appColumns+`, name)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?)`,
			id, a.WorkspaceID, manifest, scopes, quotas, a.Enabled, nullString(whID), a.SecretHash,
			actor.Type, actor.ID, actor.Name, now.UnixMicro(), now.UnixMicro(), a.Manifest.Name)
		switch {
		case isUniqueViolation(err):
			return parley.Errorf(parley.ECONFLICT, "An app named %q is installed already.", a.Manifest.Name)
		case err != nil:
			return fmt.Errorf("install app: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: a.WorkspaceID, Actor: actor, Action: "app.install", TargetType: "app", TargetID: id, CreatedAt: now,
			Details: map[string]any{"name": a.Manifest.Name, "publisher": a.Manifest.Publisher, "scopes": a.Scopes,
				"quotas": a.Quotas, "webhook_id": whID},
		})
	})
	if err != nil {
		return err
	}
	a.ID, a.WebhookEndpointID, a.InstalledBy, a.CreatedAt, a.UpdatedAt = id, whID, actor, now, now
	if wh != nil {
		wh.ID, wh.CreatedAt, wh.UpdatedAt = whID, now, now
	}
	return nil
}

// FindApp returns ENOTFOUND.
func (s *Store) FindApp(ctx context.Context, workspaceID, id string) (*parley.App, error) {
	return findApp(ctx, s.read(), `workspace_id = ? AND id = ?`, workspaceID, id)
}

// FindAppByClientID returns ENOTFOUND.
func (s *Store) FindAppByClientID(ctx context.Context, id string) (*parley.App, error) {
	return findApp(ctx, s.read(), `id = ?`, id)
}

func findApp(ctx context.Context, r runner, where string, args ...any) (*parley.App, error) {
	a, err := scanApp(r.queryRow(ctx, `SELECT `+appColumns+` FROM apps WHERE `+where, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("App")
	} else if err != nil {
		return nil, fmt.Errorf("find app: %w", err)
	}
	return a, nil
}

// ListApps returns the workspace's apps oldest first (IDs are UUIDv7).
func (s *Store) ListApps(ctx context.Context, workspaceID string) ([]*parley.App, error) {
	items, err := queryAll(ctx, s.read(), scanApp, `SELECT `+appColumns+` FROM apps WHERE workspace_id = ? ORDER BY id`, workspaceID)
	if err != nil {
		return nil, fmt.Errorf("list apps: %w", err)
	}
	return items, nil
}

// UpdateApp changes the fields of upd; disabling revokes the app's tokens.
func (s *Store) UpdateApp(ctx context.Context, actor parley.Actor, workspaceID, id string, upd parley.AppUpdate) (*parley.App, error) {
	now := s.now()
	var a *parley.App
	err := s.inTx(ctx, func(tx runner) error {
		var err error
		if a, err = findApp(ctx, tx, `workspace_id = ? AND id = ?`, workspaceID, id); err != nil {
			return err
		}
		details := map[string]any{}
		if upd.Scopes != nil {
			details["scopes_before"], details["scopes"] = a.Scopes, *upd.Scopes
			a.Scopes = *upd.Scopes
		}
		if upd.Quotas != nil && *upd.Quotas != a.Quotas {
			details["quotas"] = *upd.Quotas
			a.Quotas = *upd.Quotas
		}
		if upd.Panel != nil {
			panel := upd.Panel
			if panel.URL == "" {
				panel = nil
			}
			details["panel"] = panel
			a.Manifest.Panel = panel
		}
		action := "app.update"
		if upd.Enabled != nil && *upd.Enabled != a.Enabled {
			a.Enabled = *upd.Enabled
			details["enabled"] = a.Enabled
			if !a.Enabled {
				action = "app.disable"
				if _, err := tx.exec(ctx, `UPDATE app_tokens SET revoked_at = ? WHERE app_id = ? AND revoked_at IS NULL`,
					now.UnixMicro(), id); err != nil {
					return fmt.Errorf("revoke app tokens: %w", err)
				}
			} else {
				action = "app.enable"
			}
		}
		if len(details) == 0 {
			return nil
		}
		scopes, err := encodeJSON(a.Scopes)
		if err != nil {
			return err
		}
		quotas, err := encodeJSON(a.Quotas)
		if err != nil {
			return err
		}
		manifest, err := encodeJSON(a.Manifest)
		if err != nil {
			return err
		}
		a.UpdatedAt = now
		if _, err := tx.exec(ctx, `UPDATE apps SET manifest = ?, scopes = ?, quotas = ?, enabled = ?, updated_at = ? WHERE id = ?`,
			manifest, scopes, quotas, a.Enabled, now.UnixMicro(), id); err != nil {
			return fmt.Errorf("update app: %w", err)
		}
		details["name"] = a.Manifest.Name
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: action, TargetType: "app", TargetID: id,
			Details: details, CreatedAt: now,
		})
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// RotateAppSecret makes hash the current secret's.
func (s *Store) RotateAppSecret(ctx context.Context, actor parley.Actor, workspaceID, id string, hash []byte, until time.Time) (*parley.App, error) {
	now := s.now()
	var a *parley.App
	err := s.inTx(ctx, func(tx runner) error {
		var err error
		if a, err = findApp(ctx, tx, `workspace_id = ? AND id = ?`, workspaceID, id); err != nil {
			return err
		}
		until = fromMicros(until.UnixMicro())
		a.PreviousSecretHash, a.PreviousSecretUntil, a.SecretHash, a.UpdatedAt = a.SecretHash, &until, hash, now
		if _, err := tx.exec(ctx, `UPDATE apps SET previous_secret_hash = ?, previous_secret_until = ?, secret_hash = ?,
			updated_at = ? WHERE id = ?`, a.PreviousSecretHash, until.UnixMicro(), hash, now.UnixMicro(), id); err != nil {
			return fmt.Errorf("rotate app secret: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "app.rotate_secret", TargetType: "app", TargetID: id,
			Details: map[string]any{"name": a.Manifest.Name, "previous_secret_until": until}, CreatedAt: now,
		})
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// UninstallApp deletes the app, its tokens and its webhook endpoint.
func (s *Store) UninstallApp(ctx context.Context, actor parley.Actor, workspaceID, id string) error {
	now := s.now()
	return s.inTx(ctx, func(tx runner) error {
		a, err := findApp(ctx, tx, `workspace_id = ? AND id = ?`, workspaceID, id)
		if err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `DELETE FROM app_tokens WHERE app_id = ?`, id); err != nil {
			return fmt.Errorf("delete app tokens: %w", err)
		}
		if _, err := tx.exec(ctx, `DELETE FROM apps WHERE id = ?`, id); err != nil {
			return fmt.Errorf("uninstall app: %w", err)
		}
		if a.WebhookEndpointID != "" {
			for _, q := range []string{
				`DELETE FROM webhook_attempts WHERE endpoint_id = ?`,
				`DELETE FROM webhook_deliveries WHERE endpoint_id = ?`,
				`DELETE FROM webhook_endpoints WHERE id = ?`,
			} {
				if _, err := tx.exec(ctx, q, a.WebhookEndpointID); err != nil {
					return fmt.Errorf("delete app webhook: %w", err)
				}
			}
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "app.uninstall", TargetType: "app", TargetID: id,
			Details: map[string]any{"name": a.Manifest.Name, "webhook_id": a.WebhookEndpointID}, CreatedAt: now,
		})
	})
}

// CreateAppToken inserts t and deletes the app's expired tokens.
func (s *Store) CreateAppToken(ctx context.Context, t *parley.AppToken, hash []byte) error {
	now, id := s.now(), newID()
	scopes, err := encodeJSON(t.Scopes)
	if err != nil {
		return err
	}
	err = s.inTx(ctx, func(tx runner) error {
		a, err := findApp(ctx, tx, `workspace_id = ? AND id = ?`, t.WorkspaceID, t.AppID)
		if err != nil {
			return err
		}
		if !a.Enabled {
			return parley.Errorf(parley.EFORBIDDEN, "The app is disabled.")
		}
		if _, err := tx.exec(ctx, `DELETE FROM app_tokens WHERE app_id = ? AND expires_at < ?`, t.AppID, now.UnixMicro()); err != nil {
			return fmt.Errorf("sweep app tokens: %w", err)
		}
		if _, err := tx.exec(ctx, `INSERT INTO app_tokens (id, workspace_id, app_id, hash, scopes, created_at, expires_at, revoked_at, agent_id,
			conversation_id, contact_id) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`, id, t.WorkspaceID, t.AppID, hash, scopes, now.UnixMicro(),
			t.ExpiresAt.UnixMicro(), nullString(t.AgentID), nullString(t.ConversationID), nullString(t.ContactID)); err != nil {
			if isUniqueViolation(err) {
				return parley.Errorf(parley.ECONFLICT, "An access token with this secret exists.")
			}
			return fmt.Errorf("create app token: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	t.ID, t.CreatedAt, t.ExpiresAt = id, now, fromMicros(t.ExpiresAt.UnixMicro())
	return nil
}

// FindAppTokenByHash returns the token and its app. ENOTFOUND.
func (s *Store) FindAppTokenByHash(ctx context.Context, hash []byte) (*parley.AppToken, *parley.App, error) {
	var (
		t                parley.AppToken
		scopes           string
		created, expires int64
		revoked          sql.NullInt64
		agentID, convID  *string
		contactID        *string
	)
	r := s.read()
	err := r.queryRow(ctx, `SELECT id, workspace_id, app_id, scopes, created_at, expires_at, revoked_at, agent_id,
		conversation_id, contact_id FROM app_tokens WHERE hash = ?`, hash).Scan(&t.ID, &t.WorkspaceID, &t.AppID, &scopes,
		&created, &expires, &revoked, &agentID, &convID, &contactID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, notFound("Access token")
	} else if err != nil {
		return nil, nil, fmt.Errorf("find app token: %w", err)
	}
	if err := decodeJSON(scopes, &t.Scopes); err != nil {
		return nil, nil, err
	}
	t.CreatedAt, t.ExpiresAt, t.AgentID = fromMicros(created), fromMicros(expires), stringOrEmpty(agentID)
	t.ConversationID, t.ContactID = stringOrEmpty(convID), stringOrEmpty(contactID)
	if revoked.Valid {
		at := fromMicros(revoked.Int64)
		t.RevokedAt = &at
	}
	a, err := findApp(ctx, r, `workspace_id = ? AND id = ?`, t.WorkspaceID, t.AppID)
	if err != nil {
		return nil, nil, err
	}
	return &t, a, nil
}

// AppUsage counts the agents the app created: existing, and created in
// the last parley.AppDayWindow.
func (s *Store) AppUsage(ctx context.Context, workspaceID, id string, now time.Time) (parley.AppUsage, error) {
	r := s.read()
	if _, err := findApp(ctx, r, `workspace_id = ? AND id = ?`, workspaceID, id); err != nil {
		return parley.AppUsage{}, err
	}
	return appUsage(ctx, r, workspaceID, id, now)
}

func appUsage(ctx context.Context, r runner, workspaceID, id string, now time.Time) (parley.AppUsage, error) {
	var u parley.AppUsage
	err := r.queryRow(ctx, `SELECT count(*), COALESCE(SUM(CASE WHEN created_at > ? THEN 1 ELSE 0 END), 0)
		FROM agents WHERE workspace_id = ? AND app_id = ?`, now.Add(-parley.AppDayWindow).UnixMicro(), workspaceID, id).
		Scan(&u.AgentsTotal, &u.AgentsPerDay)
	if err != nil {
		return u, fmt.Errorf("app usage: %w", err)
	}
	return u, nil
}

// checkAppAgentQuota locks the app and returns ERATELIMITED if it may
// create no agent now, ENOTFOUND if it is gone, EFORBIDDEN if disabled.
func checkAppAgentQuota(ctx context.Context, tx runner, workspaceID, appID string, now time.Time) error {
	if _, err := tx.exec(ctx, `UPDATE apps SET updated_at = updated_at WHERE workspace_id = ? AND id = ?`, workspaceID, appID); err != nil {
		return fmt.Errorf("lock app: %w", err)
	}
	a, err := findApp(ctx, tx, `workspace_id = ? AND id = ?`, workspaceID, appID)
	if err != nil {
		return err
	}
	if !a.Enabled {
		return parley.Errorf(parley.EFORBIDDEN, "The app is disabled.")
	}
	u, err := appUsage(ctx, tx, workspaceID, appID, now)
	if err != nil {
		return err
	}
	q := a.Quotas.Effective()
	if u.AgentsTotal >= q.AgentsTotal {
		return &parley.Error{Code: parley.ERATELIMITED, Reason: parley.ReasonAppAgentsTotal, RetryAfter: time.Hour,
			Message: fmt.Sprintf("The app's quota agents_total (%d agents) is used up: delete one of its agents first.", q.AgentsTotal)}
	}
	if u.AgentsPerDay >= q.AgentsPerDay {
		// The window frees a place when the oldest creation in it leaves.
		var oldest int64
		if err := tx.queryRow(ctx, `SELECT COALESCE(MIN(created_at), 0) FROM agents WHERE workspace_id = ? AND app_id = ? AND created_at > ?`,
			workspaceID, appID, now.Add(-parley.AppDayWindow).UnixMicro()).Scan(&oldest); err != nil {
			return fmt.Errorf("app quota window: %w", err)
		}
		wait := fromMicros(oldest).Add(parley.AppDayWindow).Sub(now)
		return &parley.Error{Code: parley.ERATELIMITED, Reason: parley.ReasonAppAgentsDay, RetryAfter: max(wait, time.Second),
			Message: fmt.Sprintf("The app's quota agents_per_day (%d agents in 24 hours) is used up.", q.AgentsPerDay)}
	}
	return nil
}

func scanApp(row scanner) (*parley.App, error) {
	var (
		a                        parley.App
		manifest, scopes, quotas string
		webhook                  sql.NullString
		prevUntil                sql.NullInt64
		createdAt, updatedAt     int64
	)
	if err := row.Scan(&a.ID, &a.WorkspaceID, &manifest, &scopes, &quotas, &a.Enabled, &webhook, &a.SecretHash,
		&a.PreviousSecretHash, &prevUntil, &a.InstalledBy.Type, &a.InstalledBy.ID, &a.InstalledBy.Name,
		&createdAt, &updatedAt); err != nil {
		return nil, err
	}
	if err := decodeJSON(manifest, &a.Manifest); err != nil {
		return nil, err
	}
	if err := decodeJSON(scopes, &a.Scopes); err != nil {
		return nil, err
	}
	if err := decodeJSON(quotas, &a.Quotas); err != nil {
		return nil, err
	}
	a.WebhookEndpointID = webhook.String
	if prevUntil.Valid {
		t := fromMicros(prevUntil.Int64)
		a.PreviousSecretUntil = &t
	}
	a.CreatedAt, a.UpdatedAt = fromMicros(createdAt), fromMicros(updatedAt)
	return &a, nil
}
