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
			"scopes it holds itself; the workspaces:* scopes only a system administrator may grant.",
	}, staff(parley.ScopeTokensWrite), s.createToken)
	register(s, huma.Operation{
		OperationID: "get-token", Method: http.MethodGet, Path: "/api/v1/tokens/{id}", Tags: tags,
		Summary: "Get an API token",
	}, staff(parley.ScopeTokensRead), s.getToken)
	register(s, huma.Operation{
		OperationID: "revoke-token", Method: http.MethodDelete, Path: "/api/v1/tokens/{id}", Tags: tags,
		Summary: "Revoke an API token", DefaultStatus: http.StatusNoContent,
		Description: "Revokes the token at once; it stays listed with revoked_at set. Revoking twice is harmless.",
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
}

func newTokenView(t *parley.APIToken) tokenView {
	return tokenView{
		ID: t.ID, WorkspaceID: t.WorkspaceID, Name: t.Name, Scopes: t.Scopes, Prefix: t.Prefix,
		CreatedBy: actorView(t.CreatedBy), CreatedAt: t.CreatedAt, LastUsedAt: t.LastUsedAt, RevokedAt: t.RevokedAt,
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
		Name   string         `json:"name" doc:"What the token is for."`
		Scopes []parley.Scope `json:"scopes" nullable:"false" doc:"Scopes to grant, e.g. agents:read; \"all\" is every workspace scope."`
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
	t, sec, err := s.accts.CreateToken(ctx, p, p.WorkspaceID, in.Body.Name, in.Body.Scopes)
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

func (s *server) revokeToken(ctx context.Context, in *tokenIDInput) (*struct{}, error) {
	p := principal(ctx)
	return nil, s.store.RevokeAPIToken(ctx, p.Actor, p.WorkspaceID, in.ID)
}
