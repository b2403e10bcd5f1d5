package app

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"slices"
	"sync/atomic"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/identity"
	"github.com/parleychat/parley/internal/web"
)

// Demo mode (config.DemoEnabled): the page at / is a pretend customer site
// that embeds the widget of a "Demo site" inbox of the default workspace,
// and POST /demo/visitor-token stands in for the site's back-end: it signs
// visitor JWTs for one fixed demo user with the demo inbox's identity
// secret, which the page hands to Parley.identify exactly as a customer's
// page would — so `go run ./cmd/parley` shows a working chat, with
// identity (and a guest's conversation kept on login), and needs no setup.
const (
	demoInboxName   = "Demo site"
	demoExternalID  = "demo-user-1"
	demoUserName    = "Demo User"
	demoUserEmail   = "demo.user@example.com"
	demoTokenTTL    = time.Hour
	demoWidgetTitle = "Acme Outdoor support"
)

// demoState holds the demo inbox once setupDemo has found or created it.
type demoState struct {
	workspaceID atomic.Pointer[string]
	inboxID     atomic.Pointer[string]
}

// webDemo returns the web package's demo configuration, nil when demo
// mode is off.
func (a *App) webDemo() *web.Demo {
	if !a.Config.DemoEnabled() {
		return nil
	}
	return &web.Demo{
		InboxID: func() string {
			if id := a.demo.inboxID.Load(); id != nil {
				return *id
			}
			return ""
		},
		VisitorToken: a.demoVisitorToken,
	}
}

// setupDemo, in demo mode, finds the default workspace's demo inbox or
// creates it, and makes sure its allowed origins include this server's
// own origin (and its localhost / 127.0.0.1 twin), so the demo page can
// chat. The default workspace must exist (Accounts.Bootstrap).
func (a *App) setupDemo(ctx context.Context, baseURL string) error {
	if !a.Config.DemoEnabled() {
		return nil
	}
	ws, err := a.Store.FindWorkspaceBySlug(ctx, parley.DefaultWorkspaceSlug)
	if err != nil {
		return fmt.Errorf("demo mode: find the default workspace: %w", err)
	}
	origins := demoOrigins(baseURL)
	inbox, err := a.findDemoInbox(ctx, ws.ID)
	if err != nil {
		return fmt.Errorf("demo mode: %w", err)
	}
	if inbox == nil {
		inbox = &parley.Inbox{
			WorkspaceID:    ws.ID,
			Name:           demoInboxName,
			AllowedOrigins: origins,
			Widget: parley.WidgetSettings{
				Title:    demoWidgetTitle,
				Greeting: "Hi! Questions about an order, sizes or returns? We are happy to help.",
				Color:    "#0f766e",
			},
		}
		if err := a.Store.CreateInbox(ctx, parley.SystemActor, inbox); err != nil {
			return fmt.Errorf("demo mode: create the demo inbox: %w", err)
		}
		a.Logger.InfoContext(ctx, "demo mode: created the demo inbox", "inbox", inbox.ID, "origins", origins)
	} else if missing := slices.DeleteFunc(slices.Clone(origins), func(o string) bool {
		return slices.Contains(inbox.AllowedOrigins, o) || slices.Contains(inbox.AllowedOrigins, "*")
	}); len(missing) > 0 {
		all := append(slices.Clone(inbox.AllowedOrigins), missing...)
		if _, err := a.Store.UpdateInbox(ctx, parley.SystemActor, ws.ID, inbox.ID, parley.InboxUpdate{AllowedOrigins: &all}); err != nil {
			return fmt.Errorf("demo mode: allow %v in the demo inbox: %w", missing, err)
		}
	}
	if len(inbox.Identity.Secrets) == 0 {
		// The demo's stand-in back-end signs visitor JWTs with it.
		_, err := a.Store.ModifyInbox(ctx, parley.SystemActor, ws.ID, inbox.ID, func(in *parley.Inbox) (parley.InboxUpdate, error) {
			if len(in.Identity.Secrets) > 0 {
				return parley.InboxUpdate{}, nil
			}
			in.Identity.Secrets = []string{identity.NewSecret()}
			return parley.InboxUpdate{Identity: &in.Identity}, nil
		})
		if err != nil {
			return fmt.Errorf("demo mode: give the demo inbox an identity secret: %w", err)
		}
	}
	a.demo.workspaceID.Store(&ws.ID)
	a.demo.inboxID.Store(&inbox.ID)
	return nil
}

// findDemoInbox returns the workspace's inbox named demoInboxName, or nil.
func (a *App) findDemoInbox(ctx context.Context, workspaceID string) (*parley.Inbox, error) {
	opt := parley.ListOptions{Limit: 100}
	for {
		list, err := a.Store.ListInboxes(ctx, workspaceID, opt)
		if err != nil {
			return nil, fmt.Errorf("list inboxes: %w", err)
		}
		for _, in := range list.Items {
			if in.Name == demoInboxName {
				return in, nil
			}
		}
		if list.Next == "" {
			return nil, nil
		}
		opt.After = list.Next
	}
}

// demoOrigins is the origin of baseURL, plus its twin when the host is
// localhost or 127.0.0.1 (browsers may be pointed at either).
func demoOrigins(baseURL string) []string {
	u, err := url.Parse(baseURL)
	if err != nil || u.Host == "" {
		return nil
	}
	origins := []string{u.Scheme + "://" + u.Host}
	port := u.Port()
	withPort := func(h string) string {
		if port == "" {
			return h
		}
		return net.JoinHostPort(h, port)
	}
	switch u.Hostname() {
	case "localhost":
		origins = append(origins, u.Scheme+"://"+withPort("127.0.0.1"))
	case "127.0.0.1":
		origins = append(origins, u.Scheme+"://"+withPort("localhost"))
	}
	return origins
}

// demoVisitorToken signs a visitor JWT for the demo user with the demo
// inbox's first identity secret, as a customer's back-end would.
func (a *App) demoVisitorToken(ctx context.Context) (web.DemoToken, error) {
	ws, inboxID := a.demo.workspaceID.Load(), a.demo.inboxID.Load()
	if ws == nil || inboxID == nil {
		return web.DemoToken{}, parley.Errorf(parley.EUNAVAILABLE, "The demo inbox is not set up yet.")
	}
	inbox, err := a.Store.FindInboxByID(ctx, *ws, *inboxID)
	if err != nil {
		return web.DemoToken{}, err
	}
	if len(inbox.Identity.Secrets) == 0 {
		return web.DemoToken{}, parley.Errorf(parley.EUNAVAILABLE, "The demo inbox has no identity secret; restart Parley to add one.")
	}
	now := time.Now()
	ttl := demoTokenTTL
	if limit := inbox.Identity.MaxTokenLifetime; limit > 0 && limit < ttl {
		ttl = limit
	}
	claims := jwt.MapClaims{
		"sub": demoExternalID, "aud": inbox.ID, "name": demoUserName, "email": demoUserEmail,
		"iat": now.Unix(), "exp": now.Add(ttl).Unix(),
	}
	if inbox.Identity.Issuer != "" {
		claims["iss"] = inbox.Identity.Issuer
	}
	token, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(inbox.Identity.Secrets[0]))
	if err != nil {
		return web.DemoToken{}, fmt.Errorf("demo mode: sign a visitor token: %w", err)
	}
	return web.DemoToken{Token: token, ExternalID: demoExternalID, Name: demoUserName,
		ExpiresAt: time.Unix(now.Add(ttl).Unix(), 0).UTC()}, nil
}
