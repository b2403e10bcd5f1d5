package app

import (
	"context"
	"net/http"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
	"github.com/parleychat/parley/internal/conversation"
	"github.com/parleychat/parley/internal/identity"
	"github.com/parleychat/parley/internal/realtime"
)

// authenticator lets the WebSocket gateway authenticate visitors (visitor
// tokens), agents and apps (API tokens) and console sessions (the session
// cookie) with the same services as the REST API, and refresh their
// credentials in place. Identities carry their credential's expiry: a
// visitor session's, a console session's; API tokens do not expire.
type authenticator struct {
	store    parley.Store
	accounts *account.Service
	visitors *identity.Service
}

var _ realtime.Authenticator = authenticator{}

// Authenticate implements realtime.Authenticator for the token of an auth frame.
func (a authenticator) Authenticate(ctx context.Context, token string) (realtime.Identity, error) {
	if identity.IsVisitorToken(token) {
		p, err := a.visitors.AuthenticateVisitor(ctx, token)
		if err != nil {
			return realtime.Identity{}, err
		}
		return a.visitor(ctx, p)
	}
	return a.bearer(ctx, token)
}

// Refresh implements realtime.Authenticator for the token of a refresh
// frame: for a visitor a new visitor token or an identity JWT of its inbox
// (identity.Service.Refresh, which refuses another contact's), for staff a
// bearer credential. The gateway checks that the holder is the same.
func (a authenticator) Refresh(ctx context.Context, current realtime.Identity, token string) (realtime.Identity, error) {
	if !current.Visitor {
		return a.bearer(ctx, token)
	}
	if current.Principal == nil {
		return realtime.Identity{}, parley.Errorf(parley.EINTERNAL, "refresh: a visitor connection without its principal")
	}
	p, err := a.visitors.Refresh(ctx, current.Principal, token)
	if err != nil {
		return realtime.Identity{}, err
	}
	return a.visitor(ctx, p)
}

// visitor builds the identity of a visitor session's principal.
func (a authenticator) visitor(ctx context.Context, p *parley.Principal) (realtime.Identity, error) {
	inbox, err := a.store.FindInboxByID(ctx, p.WorkspaceID, p.InboxID)
	if err != nil {
		return realtime.Identity{}, err
	}
	return realtime.Identity{
		Caller:         conversation.VisitorOf(p),
		Visitor:        true,
		InboxID:        inbox.ID,
		AllowedOrigins: inbox.AllowedOrigins,
		Principal:      p,
		ExpiresAt:      p.ExpiresAt,
	}, nil
}

// bearer authenticates a staff bearer credential: an API token, as over
// REST (a console session authenticates with its cookie only).
func (a authenticator) bearer(ctx context.Context, token string) (realtime.Identity, error) {
	p, err := a.accounts.AuthenticateToken(ctx, token)
	if err != nil {
		return realtime.Identity{}, err
	}
	return a.staff(ctx, p, p.ExpiresAt)
}

// AuthenticateCookie implements realtime.Authenticator for the console's
// session cookie sent with the upgrade request.
func (a authenticator) AuthenticateCookie(ctx context.Context, r *http.Request) (realtime.Identity, bool, error) {
	c, err := r.Cookie(account.SessionCookie)
	if err != nil || c.Value == "" {
		return realtime.Identity{}, false, nil
	}
	p, sess, err := a.accounts.LookupSession(ctx, c.Value)
	if err != nil {
		return realtime.Identity{}, true, err
	}
	id, err := a.staff(ctx, p, sess.ExpiresAt)
	return id, true, err
}

// staff builds the identity of an agent (a person or a bot) or an API
// token whose credential expires at expiresAt (zero: never).
func (a authenticator) staff(ctx context.Context, p *parley.Principal, expiresAt time.Time) (realtime.Identity, error) {
	bot := false
	if p.AgentID != "" {
		agent, err := a.store.FindAgentByID(ctx, p.WorkspaceID, p.AgentID)
		if err != nil {
			return realtime.Identity{}, err
		}
		bot = agent.Bot
	}
	return realtime.Identity{Caller: conversation.Staff(p, bot), Principal: p, ExpiresAt: expiresAt}, nil
}
