package account

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/secret"
)

// CreateToken creates an API token of the workspace and returns it with its
// secret, which is not stored and cannot be shown again.
//
// creator is the principal asking; nil means the operator's command line,
// which may grant any scope. Otherwise nobody may grant more than they hold:
// every scope granted ("all" counting as every workspace scope) must be held
// by creator, system scopes can only come from a system administrator, and
// only a system administrator may create tokens in another workspace.
// Returns EINVALID ("name", "scopes", "scopes[i]") or EFORBIDDEN.
func (s *Service) CreateToken(ctx context.Context, creator *parley.Principal, workspaceID, name string, scopes []parley.Scope) (*parley.APIToken, string, error) {
	return s.CreateExpiringToken(ctx, creator, workspaceID, name, scopes, nil)
}

// CreateExpiringToken is CreateToken for a token that stops working at
// expiresAt (nil: never), which must be in the future (EINVALID
// "expires_at" otherwise).
func (s *Service) CreateExpiringToken(ctx context.Context, creator *parley.Principal, workspaceID, name string, scopes []parley.Scope, expiresAt *time.Time) (*parley.APIToken, string, error) {
	var v parley.Validation
	v.Name("name", name)
	if expiresAt != nil && !expiresAt.After(s.now()) {
		v.Add("expires_at", "must be in the future")
	}
	if len(scopes) == 0 {
		v.Add("scopes", "must list at least one scope")
	}
	var granted []parley.Scope
	for i, sc := range scopes {
		switch {
		case !sc.Valid():
			v.Add(fmt.Sprintf("scopes[%d]", i), "unknown scope %q", sc)
		case !slices.Contains(granted, sc):
			granted = append(granted, sc)
		}
	}
	if err := v.Err(); err != nil {
		return nil, "", err
	}

	createdBy := parley.SystemActor
	if creator != nil {
		if err := mayGrant(creator, workspaceID, granted); err != nil {
			return nil, "", err
		}
		createdBy = creator.Actor
	}
	sec := secret.NewToken(TokenPrefix)
	t := &parley.APIToken{
		WorkspaceID: workspaceID,
		Name:        name,
		Scopes:      granted,
		Prefix:      sec[:tokenPrefixLength],
		CreatedBy:   createdBy,
		ExpiresAt:   expiresAt,
	}
	if err := s.store.CreateAPIToken(ctx, createdBy, t, secret.Hash(sec)); err != nil {
		return nil, "", err
	}
	return t, sec, nil
}

// mayGrant returns EFORBIDDEN unless p may give a token of workspaceID
// the scopes.
func mayGrant(p *parley.Principal, workspaceID string, scopes []parley.Scope) error {
	if p.WorkspaceID != workspaceID && !p.SystemAdmin {
		return parley.Errorf(parley.EFORBIDDEN, "You may create tokens only in your own workspace.")
	}
	for _, sc := range scopes {
		if sc.System() && !p.SystemAdmin {
			return parley.Errorf(parley.EFORBIDDEN, "Only a system administrator may grant the scope %q.", sc)
		}
	}
	if sc, ok := lacks(p, scopes); ok {
		return parley.Errorf(parley.EFORBIDDEN, "You may not grant the scope %q: you do not hold it yourself.", sc)
	}
	return nil
}
