package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

func (s *server) tokenRoutes() {
	tags := []string{"API tokens"}
	register(s, huma.Operation{
		OperationID: "list-tokens", Method: http.MethodGet, Path: "/api/v1/tokens", Tags: tags,
		Summary:     "List API tokens",
		Description: "Lists the workspace's API tokens, revoked ones included. Secrets are never shown; `prefix` identifies a token.",
	}, staff(parley.ScopeTokensRead), s.listTokens)
	register(s, huma.Operation{
		OperationID: "create-token", Method: http.MethodPost, Path: "/api/v1/tokens", Tags: tags,
		Summary: "Create an API token", DefaultStatus: http.StatusCreated,
		Description: "Creates a token and returns its secret in `token`, only this once. The caller may grant only " +
			"scopes it holds itself; the workspaces:* scopes only a system administrator may grant. With `expires_at`, " +
			"the token stops working then: requests with it are answered 401 with reason `token_expired`, and its " +
			"real-time connections are closed with 4003.",
	}, staff(parley.ScopeTokensWrite), s.createToken)
	register(s, huma.Operation{
		OperationID: "get-token", Method: http.MethodGet, Path: "/api/v1/tokens/{id}", Tags: tags,
		Summary: "Get an API token",
	}, staff(parley.ScopeTokensRead), s.getToken)
	register(s, huma.Operation{
		OperationID: "revoke-token", Method: http.MethodDelete, Path: "/api/v1/tokens/{id}", Tags: tags,
		Summary: "Revoke or delete an API token", DefaultStatus: http.StatusNoContent,
		Description: "Revokes the token at once — requests with it are answered 401 and its real-time connections " +
			"are closed with 4004 on every node — and it stays listed with revoked_at set; revoking twice is harmless. " +
			"With `?purge=true` it is deleted instead, revoked or not, and no longer listed.",
	}, staff(parley.ScopeTokensWrite), s.revokeToken)
}

type actorView struct {
	Type parley.ActorType `json:"type" enum:"agent,token,system"`
	ID   string           `json:"id,omitempty"`
	Name string           `json:"name" doc:"Email of an agent, name of a token."`
}

type tokenView struct {
	ID          string         `json:"id"`
	WorkspaceID string         `json:"workspace_id"`
	Name        string         `json:"name"`
	Scopes      []parley.Scope `json:"scopes" nullable:"false"`
	Prefix      string         `json:"prefix" doc:"The first characters of the secret."`
	CreatedBy   actorView      `json:"created_by"`
	CreatedAt   time.Time      `json:"created_at"`
	LastUsedAt  *time.Time     `json:"last_used_at" doc:"Updated at most once a minute."`
	RevokedAt   *time.Time     `json:"revoked_at"`
	ExpiresAt   *time.Time     `json:"expires_at" doc:"When the token stops working; null: never."`
}

func newTokenView(t *parley.APIToken) tokenView {
	return tokenView{
		ID: t.ID, WorkspaceID: t.WorkspaceID, Name: t.Name, Scopes: t.Scopes, Prefix: t.Prefix,
		CreatedBy: actorView(t.CreatedBy), CreatedAt: t.CreatedAt, LastUsedAt: t.LastUsedAt, RevokedAt: t.RevokedAt,
		ExpiresAt: t.ExpiresAt,
	}
}

type tokenOutput struct {
	Body tokenView
}

type tokenIDInput struct {
	ID string `path:"id" doc:"The token's ID."`
}

func (s *server) listTokens(ctx context.Context, in *struct{ PageParams }) (*listOutput[tokenView], error) {
	l, err := s.store.ListAPITokens(ctx, principal(ctx).WorkspaceID, in.options())
	if err != nil {
		return nil, err
	}
	return newList(l, newTokenView), nil
}

type createTokenInput struct {
	Body struct {
		Name      string         `json:"name" doc:"What the token is for."`
		Scopes    []parley.Scope `json:"scopes" nullable:"false" doc:"Scopes to grant, e.g. agents:read; \"all\" is every workspace scope."`
		ExpiresAt *time.Time     `json:"expires_at,omitempty" doc:"When the token stops working (RFC 3339, in the future); absent: never."`
	}
}

type createdTokenView struct {
	tokenView
	Token string `json:"token" doc:"The secret. It is not stored and cannot be shown again."`
}

type createTokenOutput struct {
	Body createdTokenView
}

func (s *server) createToken(ctx context.Context, in *createTokenInput) (*createTokenOutput, error) {
	p := principal(ctx)
	t, sec, err := s.accts.CreateExpiringToken(ctx, p, p.WorkspaceID, in.Body.Name, in.Body.Scopes, in.Body.ExpiresAt)
	if err != nil {
		return nil, err
	}
	return &createTokenOutput{Body: createdTokenView{tokenView: newTokenView(t), Token: sec}}, nil
}

func (s *server) getToken(ctx context.Context, in *tokenIDInput) (*tokenOutput, error) {
	t, err := s.store.FindAPITokenByID(ctx, principal(ctx).WorkspaceID, in.ID)
	if err != nil {
		return nil, err
	}
	return &tokenOutput{Body: newTokenView(t)}, nil
}

type revokeTokenInput struct {
	ID    string `path:"id" doc:"The token's ID."`
	Purge bool   `query:"purge" doc:"Delete the token instead of keeping it, revoked, in the list."`
}

func (s *server) revokeToken(ctx context.Context, in *revokeTokenInput) (*struct{}, error) {
	p := principal(ctx)
	var err error
	if in.Purge {
		err = s.store.DeleteAPIToken(ctx, p.Actor, p.WorkspaceID, in.ID)
	} else {
		err = s.store.RevokeAPIToken(ctx, p.Actor, p.WorkspaceID, in.ID)
	}
	if err != nil {
		return nil, err
	}
	s.cfg.Revoker.Revoke(ctx, parley.Revocation{WorkspaceID: p.WorkspaceID, TokenID: in.ID, Reason: parley.EndRevoked})
	return nil, nil
}
