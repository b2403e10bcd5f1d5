package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/identity"
)

func (s *server) visitorTokenRoutes() {
	register(s, huma.Operation{
		OperationID: "mint-visitor-token", Method: http.MethodPost, Path: "/api/v1/visitor-tokens", Tags: []string{"Visitors"},
		Summary: "Mint a visitor token", DefaultStatus: http.StatusCreated,
		Description: "For the customer's back-end: opens a visitor session in the inbox for a contact and returns its " +
			"visitor token (prlyv_…), to hand to the widget or chat UI. With `external_id`, `email` or `phone`, the " +
			"contact holding it is found or created (as by identify) and is verified unless `verified` is false; " +
			"without any, a new guest contact. The token lives `ttl_seconds` (default 900, 60 to 86400).",
	}, staff(parley.ScopeVisitorsWrite), s.mintVisitorToken)
}

type mintVisitorTokenInput struct {
	Body struct {
		InboxID    string         `json:"inbox_id"`
		ExternalID string         `json:"external_id,omitempty"`
		Email      string         `json:"email,omitempty"`
		Phone      string         `json:"phone,omitempty"`
		Name       string         `json:"name,omitempty"`
		Attributes map[string]any `json:"attributes,omitempty"`
		Verified   *bool          `json:"verified,omitempty" doc:"Default: true when an identifier is given, else false (a guest)."`
		TTLSeconds int            `json:"ttl_seconds,omitempty" doc:"Lifetime of the token; default 900 (15 minutes), 60 to 86400."`
	}
}

type mintVisitorTokenOutput struct {
	Body struct {
		Token     string      `json:"token" doc:"The visitor token (prlyv_…). It is not stored and cannot be shown again."`
		ExpiresAt time.Time   `json:"expires_at"`
		Contact   contactView `json:"contact"`
	}
}

func (s *server) mintVisitorToken(ctx context.Context, in *mintVisitorTokenInput) (*mintVisitorTokenOutput, error) {
	b := in.Body
	req := identity.MintRequest{
		InboxID: b.InboxID, ExternalID: b.ExternalID, Email: b.Email, Phone: b.Phone, Name: b.Name,
		Attributes: b.Attributes, TTL: time.Duration(b.TTLSeconds) * time.Second,
	}
	if b.TTLSeconds < 0 {
		req.TTL = -1 // out of range, not the default
	}
	req.Verified = req.ExternalID != "" || req.Email != "" || req.Phone != ""
	if b.Verified != nil {
		req.Verified = *b.Verified
	}
	sec, sess, c, err := s.ident.Mint(ctx, principal(ctx).WorkspaceID, req)
	if err != nil {
		return nil, err
	}
	out := &mintVisitorTokenOutput{}
	out.Body.Token, out.Body.ExpiresAt, out.Body.Contact = sec, sess.ExpiresAt, newContactView(c)
	return out, nil
}
