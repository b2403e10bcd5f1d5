package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parleychat/parley"
)

// oidcRecord is the stored form of parley.OIDCSettings (JSON in
// signin_settings.oidc).
type oidcRecord struct {
	Enabled      bool            `json:"enabled"`
	Issuer       string          `json:"issuer"`
	ClientID     string          `json:"client_id"`
	ClientSecret string          `json:"client_secret"`
	Scopes       []string        `json:"scopes"`
	ButtonLabel  string          `json:"button_label"`
	Claim        string          `json:"claim"`
	Mappings     []mappingRecord `json:"mappings"`
	DefaultRole  string          `json:"default_role"`
	CreateAgents bool            `json:"create_agents"`
}

type mappingRecord struct {
	Value string `json:"value"`
	Role  string `json:"role"`
	Tier  int    `json:"tier"`
}

type externalRecord struct {
	URL          string `json:"url"`
	CreateAgents bool   `json:"create_agents"`
}

// SignInSettings returns the workspace's sign-in settings, the defaults if
// never saved. Returns ENOTFOUND if there is no such workspace.
func (s *Store) SignInSettings(ctx context.Context, workspaceID string) (*parley.SignInSettings, error) {
	var (
		mode, oidcJSON, extJSON string
		updated                 int64
	)
	err := s.read().queryRow(ctx, `SELECT password_mode, oidc, external, updated_at FROM signin_settings
		WHERE workspace_id = ?`, workspaceID).Scan(&mode, &oidcJSON, &extJSON, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		if _, err := findWorkspace(ctx, s.read(), `id = ?`, workspaceID); err != nil {
			return nil, err
		}
		return &parley.SignInSettings{WorkspaceID: workspaceID, Password: parley.PasswordLocal}, nil
	} else if err != nil {
		return nil, fmt.Errorf("sign-in settings: %w", err)
	}
	var o oidcRecord
	var e externalRecord
	if err := decodeJSON(oidcJSON, &o); err != nil {
		return nil, fmt.Errorf("sign-in settings: oidc: %w", err)
	}
	if err := decodeJSON(extJSON, &e); err != nil {
		return nil, fmt.Errorf("sign-in settings: external: %w", err)
	}
	set := &parley.SignInSettings{
		WorkspaceID: workspaceID,
		Password:    parley.PasswordMode(mode),
		OIDC: parley.OIDCSettings{
			Enabled: o.Enabled, Issuer: o.Issuer, ClientID: o.ClientID, ClientSecret: o.ClientSecret,
			Scopes: o.Scopes, ButtonLabel: o.ButtonLabel, Claim: o.Claim, DefaultRole: parley.Role(o.DefaultRole),
			CreateAgents: o.CreateAgents,
		},
		External:  parley.ExternalAuthSettings{URL: e.URL, CreateAgents: e.CreateAgents},
		UpdatedAt: fromMicros(updated),
	}
	for _, m := range o.Mappings {
		set.OIDC.Mappings = append(set.OIDC.Mappings, parley.ClaimMapping{Value: m.Value, Role: parley.Role(m.Role), Tier: m.Tier})
	}
	return set, nil
}

// PutSignInSettings replaces the workspace's settings, setting UpdatedAt,
// and writes an audit entry (without the client secret). Returns ENOTFOUND.
func (s *Store) PutSignInSettings(ctx context.Context, actor parley.Actor, set *parley.SignInSettings) error {
	now := s.now()
	o := oidcRecord{
		Enabled: set.OIDC.Enabled, Issuer: set.OIDC.Issuer, ClientID: set.OIDC.ClientID,
		ClientSecret: set.OIDC.ClientSecret, Scopes: set.OIDC.Scopes, ButtonLabel: set.OIDC.ButtonLabel,
		Claim: set.OIDC.Claim, DefaultRole: string(set.OIDC.DefaultRole), CreateAgents: set.OIDC.CreateAgents,
		Mappings: []mappingRecord{},
	}
	for _, m := range set.OIDC.Mappings {
		o.Mappings = append(o.Mappings, mappingRecord{Value: m.Value, Role: string(m.Role), Tier: m.Tier})
	}
	oidcJSON, err := encodeJSON(o)
	if err != nil {
		return err
	}
	extJSON, err := encodeJSON(externalRecord{URL: set.External.URL, CreateAgents: set.External.CreateAgents})
	if err != nil {
		return err
	}
	err = s.inTx(ctx, func(tx runner) error {
		if _, err := findWorkspace(ctx, tx, `id = ?`, set.WorkspaceID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `INSERT INTO signin_settings (workspace_id, password_mode, oidc, external, updated_at)
			VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (workspace_id) DO UPDATE SET password_mode = excluded.password_mode, oidc = excluded.oidc,
				external = excluded.external, updated_at = excluded.updated_at`,
			set.WorkspaceID, string(set.Password), oidcJSON, extJSON, now.UnixMicro()); err != nil {
			return fmt.Errorf("put sign-in settings: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: set.WorkspaceID, Actor: actor, Action: "workspace.sign_in_update",
			TargetType: "workspace", TargetID: set.WorkspaceID, CreatedAt: now,
			Details: map[string]any{
				"password": string(set.Password), "oidc_enabled": set.OIDC.Enabled, "oidc_issuer": set.OIDC.Issuer,
				"external_url": set.External.URL,
			},
		})
	})
	if err != nil {
		return err
	}
	set.UpdatedAt = now
	return nil
}

// CreateSignInState stores st under hash and removes expired states.
// Returns ENOTFOUND for an unknown workspace.
func (s *Store) CreateSignInState(ctx context.Context, hash []byte, st *parley.SignInState) error {
	now := s.now()
	expires := st.ExpiresAt.UTC().Truncate(time.Microsecond)
	return s.inTx(ctx, func(tx runner) error {
		if _, err := tx.exec(ctx, `DELETE FROM signin_states WHERE expires_at <= ?`, now.UnixMicro()); err != nil {
			return fmt.Errorf("purge sign-in states: %w", err)
		}
		_, err := tx.exec(ctx, `INSERT INTO signin_states (hash, workspace_id, nonce, verifier, created_at, expires_at)
			VALUES (?, ?, ?, ?, ?, ?)`, hash, st.WorkspaceID, st.Nonce, st.Verifier, now.UnixMicro(), expires.UnixMicro())
		switch {
		case isForeignKeyViolation(err):
			return notFound("Workspace")
		case isUniqueViolation(err):
			return parley.Errorf(parley.ECONFLICT, "A sign-in with this state already exists.")
		case err != nil:
			return fmt.Errorf("create sign-in state: %w", err)
		}
		st.CreatedAt, st.ExpiresAt = now, expires
		return nil
	})
}

// TakeSignInState removes the state stored under hash and returns it;
// ENOTFOUND if there is none or it has expired. One DELETE … RETURNING,
// so two takes of one state never both get it.
func (s *Store) TakeSignInState(ctx context.Context, hash []byte, now time.Time) (*parley.SignInState, error) {
	var (
		st               parley.SignInState
		created, expires int64
	)
	err := s.write().queryRow(ctx, `DELETE FROM signin_states WHERE hash = ?
		RETURNING workspace_id, nonce, verifier, created_at, expires_at`, hash).
		Scan(&st.WorkspaceID, &st.Nonce, &st.Verifier, &created, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Sign-in")
	} else if err != nil {
		return nil, fmt.Errorf("take sign-in state: %w", err)
	}
	st.CreatedAt, st.ExpiresAt = fromMicros(created), fromMicros(expires)
	if !st.ExpiresAt.After(now) {
		return nil, notFound("Sign-in")
	}
	return &st, nil
}
