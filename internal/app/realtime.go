package app

import (
	"context"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
	"github.com/parleychat/parley/internal/bus"
	"github.com/parleychat/parley/internal/conversation"
	"github.com/parleychat/parley/internal/identity"
	"github.com/parleychat/parley/internal/realtime"
)

// authenticator lets the WebSocket gateway authenticate visitors (visitor
// tokens), agents (the console's session cookie, or a session secret as a
// bearer credential) and apps (API tokens) with the same services as the
// REST API, refresh their credentials in place, and recheck them.
// Identities carry their credential's expiry (zero for an API token
// without one).
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

// bearer authenticates a staff bearer credential, as over REST: an API
// token, or an agent's session secret (a bearer session from the login
// API). Sent in a frame, it is no ambient credential: no Origin check.
func (a authenticator) bearer(ctx context.Context, token string) (realtime.Identity, error) {
	p, err := a.accounts.AuthenticateBearer(ctx, token)
	if err != nil {
		return realtime.Identity{}, err
	}
	if p.PanelConversationID != "" {
		// A panel token reads one conversation over REST, nothing more.
		return realtime.Identity{}, parley.Errorf(parley.EFORBIDDEN, "A panel token may not open a real-time connection.")
	}
	return a.staff(ctx, p, p.ExpiresAt)
}

// Recheck implements realtime.Authenticator: one CheckCredentials call per
// batch.
func (a authenticator) Recheck(ctx context.Context, ids []*realtime.Identity) ([]parley.EndReason, error) {
	ps := make([]*parley.Principal, len(ids))
	for i, id := range ids {
		ps[i] = id.Principal
	}
	return parley.RecheckPrincipals(ctx, a.store, ps, time.Now())
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
	id, err := a.staff(ctx, p, p.ExpiresAt)
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

// gatewayRevoker is the node's parley.Revoker: it forwards to the gateway
// once Handler has made it (the services that end credentials are made
// before it), and publishes the notice itself before (or without) one.
type gatewayRevoker struct {
	bus    parley.Bus
	logger *slog.Logger
	gw     atomic.Pointer[realtime.Gateway]
}

// Revoke implements parley.Revoker.
func (r *gatewayRevoker) Revoke(ctx context.Context, rev parley.Revocation) {
	if gw := r.gw.Load(); gw != nil {
		gw.Revoke(ctx, rev)
		return
	}
	if err := realtime.PublishRevocation(ctx, r.bus, bus.RevocationSubject, rev); err != nil {
		r.logger.Warn("publish revocation; the gateways' recheck will close its connections", "err", err)
	}
}

// panelOrigins returns the origins of the context panels of the enabled
// apps of the workspace of the console session r carries (none without
// one): the console page may frame those and nothing else.
func (a *App) panelOrigins(r *http.Request) []string {
	c, err := r.Cookie(account.SessionCookie)
	if err != nil || c.Value == "" {
		return nil
	}
	p, err := a.Accounts.AuthenticateSession(r.Context(), c.Value)
	if err != nil {
		return nil
	}
	apps, err := a.Store.ListApps(r.Context(), p.WorkspaceID)
	if err != nil {
		a.Logger.WarnContext(r.Context(), "list apps for the console's frame-src", "err", err)
		return nil
	}
	var origins []string
	for _, ap := range apps {
		if ap.Enabled && ap.Manifest.Panel != nil {
			origins = append(origins, ap.Manifest.Panel.Origin())
		}
	}
	return origins
}
