package app

import (
	"context"
	"net/http"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
	"github.com/parleychat/parley/internal/conversation"
	"github.com/parleychat/parley/internal/identity"
	"github.com/parleychat/parley/internal/realtime"
)

// authenticator lets the WebSocket gateway authenticate visitors (visitor
// tokens), agents and apps (API tokens) and console sessions (the session
// cookie) with the same services as the REST API.
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
		inbox, err := a.store.FindInboxByID(ctx, p.WorkspaceID, p.InboxID)
		if err != nil {
			return realtime.Identity{}, err
		}
		return realtime.Identity{
			Caller:         conversation.Visitor(p.WorkspaceID, p.ContactID),
			Visitor:        true,
			InboxID:        inbox.ID,
			AllowedOrigins: inbox.AllowedOrigins,
		}, nil
	}
	p, err := a.accounts.AuthenticateToken(ctx, token)
	if err != nil {
		return realtime.Identity{}, err
	}
	return a.staff(ctx, p)
}

// AuthenticateCookie implements realtime.Authenticator for the console's
// session cookie sent with the upgrade request.
func (a authenticator) AuthenticateCookie(ctx context.Context, r *http.Request) (realtime.Identity, bool, error) {
	c, err := r.Cookie(account.SessionCookie)
	if err != nil || c.Value == "" {
		return realtime.Identity{}, false, nil
	}
	p, err := a.accounts.AuthenticateSession(ctx, c.Value)
	if err != nil {
		return realtime.Identity{}, true, err
	}
	id, err := a.staff(ctx, p)
	return id, true, err
}

// staff builds the identity of an agent (a person or a bot) or an API token.
func (a authenticator) staff(ctx context.Context, p *parley.Principal) (realtime.Identity, error) {
	bot := false
	if p.AgentID != "" {
		agent, err := a.store.FindAgentByID(ctx, p.WorkspaceID, p.AgentID)
		if err != nil {
			return realtime.Identity{}, err
		}
		bot = agent.Bot
	}
	return realtime.Identity{Caller: conversation.Staff(p, bot), Principal: p}, nil
}
