// Package app assembles one Parley node from its parts — store, bus,
// accounts, visitor identity, conversations, HTTP API — and runs it until
// its context ends. cmd/parley parses the command line and calls it;
// end-to-end tests boot it on 127.0.0.1:0.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
	"github.com/parleychat/parley/internal/avatar"
	"github.com/parleychat/parley/internal/bus"
	"github.com/parleychat/parley/internal/config"
	"github.com/parleychat/parley/internal/conversation"
	"github.com/parleychat/parley/internal/enrich"
	"github.com/parleychat/parley/internal/httpapi"
	"github.com/parleychat/parley/internal/identity"
	"github.com/parleychat/parley/internal/outbound"
	"github.com/parleychat/parley/internal/presence"
	"github.com/parleychat/parley/internal/realtime"
	"github.com/parleychat/parley/internal/routing"
	"github.com/parleychat/parley/internal/store"
	"github.com/parleychat/parley/internal/visitors"
	"github.com/parleychat/parley/internal/web"
	"github.com/parleychat/parley/internal/webhook"
)

// App is one running Parley node.
type App struct {
	Config   config.Config
	Logger   *slog.Logger
	Version  string
	Store    *store.Store
	Bus      *bus.Bus
	Accounts *account.Service
	// Outbound makes every request on a customer's behalf (JWKS
	// fetches), refusing internal addresses unless PARLEY_OUTBOUND_ALLOW
	// lists them.
	Outbound *outbound.Client
	Identity *identity.Service
	// Conversations batches message writes in the background: Serve, once
	// the HTTP server has stopped, or else Close stops it, committing what
	// is queued, before the bus and the store close.
	Conversations *conversation.Service
	// Presence keeps agents' presence in step with their connections;
	// Serve runs it.
	Presence *presence.Service
	// Visitors lists the visitors on the site, on every node, and carries
	// agents' invitations to them; Serve runs it.
	Visitors *visitors.Service
	// Router assigns the conversations of queues with an automatic
	// strategy; Serve runs it.
	Router *routing.Router
	// Context calls the workspaces' context endpoints (through Outbound).
	Context  *enrich.Service
	Registry *prometheus.Registry
	// Webhooks delivers the outbox's events to webhook endpoints; Serve
	// runs it on every node (they share the work through the database).
	Webhooks *webhook.Dispatcher
	// Revoker closes the real-time connections of credentials that
	// ended, on every node: the gateway's once Handler has made it.
	Revoker parley.Revoker

	revoker *gatewayRevoker
	demo    demoState // demo mode's inbox, set by Serve
}

// Open connects to the database (applying migrations) and the bus. The
// caller must Close the App.
func Open(ctx context.Context, cfg config.Config, logger *slog.Logger, version string) (*App, error) {
	a := &App{Config: cfg, Logger: logger, Version: version}
	var err error
	if a.Outbound, err = outbound.New(outbound.Config{Allow: cfg.OutboundAllowList(), Logger: logger}); err != nil {
		return nil, fmt.Errorf("PARLEY_OUTBOUND_ALLOW: %w", err)
	}
	if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
		return nil, fmt.Errorf("create data dir: %w", err)
	}
	if a.Store, err = store.Open(ctx, cfg.ResolvedDatabaseURL(), logger); err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	host, _ := os.Hostname()
	a.Bus, err = bus.Open(ctx, bus.Config{URL: cfg.NATSURL, StoreDir: cfg.NATSStoreDir(), Name: "parley-" + host}, logger)
	if err != nil {
		a.Store.Close()
		return nil, fmt.Errorf("open bus: %w", err)
	}
	a.revoker = &gatewayRevoker{bus: a.Bus, logger: logger}
	a.Revoker = a.revoker
	a.Accounts = account.New(a.Store, account.Options{SessionTTL: cfg.SessionTTL, Logger: logger, Outbound: a.Outbound})
	a.Identity = identity.New(a.Store, identity.Options{Logger: logger, Outbound: a.Outbound, Revoker: a.Revoker})
	a.Conversations, err = conversation.New(conversation.Config{
		Store: a.Store, Bus: a.Bus, Subject: bus.Subject, Logger: logger, Avatars: avatar.New(a.Store, a.Outbound),
	})
	if err != nil {
		a.Bus.Close()
		a.Store.Close()
		return nil, fmt.Errorf("start conversations: %w", err)
	}
	a.Presence, err = presence.New(presence.Config{
		Store: a.Store, Bus: a.Bus, Subject: bus.Subject, Logger: logger, Grace: cfg.PresenceGrace,
	})
	if err != nil {
		a.Conversations.Close()
		a.Bus.Close()
		a.Store.Close()
		return nil, fmt.Errorf("start presence: %w", err)
	}
	a.Visitors, err = visitors.New(visitors.Config{
		Seen: a.Store, Bus: a.Bus, Subject: bus.Subject, AllSubject: bus.AllWorkspaces("visitors"), Logger: logger,
	})
	if err != nil {
		a.Conversations.Close()
		a.Bus.Close()
		a.Store.Close()
		return nil, fmt.Errorf("start visitors: %w", err)
	}
	a.Router, err = routing.New(routing.Config{
		Store: a.Store, Publish: a.Conversations.PublishEvents, Bus: a.Bus, Logger: logger, Outbound: a.Outbound,
		HandOffSilentBot: a.Conversations.HandOffSilentBot,
		Watch:            []string{bus.AllWorkspaces("conversations"), bus.AllWorkspaces("availability")},
	})
	if err != nil {
		a.Conversations.Close()
		a.Bus.Close()
		a.Store.Close()
		return nil, fmt.Errorf("start routing: %w", err)
	}
	if a.Context, err = enrich.New(enrich.Config{Store: a.Store, Outbound: a.Outbound, Timeout: cfg.ContextTimeout, Logger: logger}); err != nil {
		a.Conversations.Close()
		a.Bus.Close()
		a.Store.Close()
		return nil, err
	}
	a.Registry = prometheus.NewRegistry()
	a.Registry.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		a.Bus.Collector(),
	)
	for name, db := range a.Store.DBs() {
		a.Registry.MustRegister(collectors.NewDBStatsCollector(db, name))
	}
	if a.Webhooks, err = newWebhooks(cfg, logger, a.Store, a.Registry); err != nil {
		a.Conversations.Close()
		a.Bus.Close()
		a.Store.Close()
		return nil, err
	}
	// An event committed on this node wakes its dispatcher at once; other
	// nodes' dispatchers find it at their next poll.
	a.Store.OnEventsCommitted(a.Webhooks.Wake)
	return a, nil
}

// Handler returns the node's HTTP handler: the API, the WebSocket gateway,
// operations endpoints and the web pages. The gateway's connections outlive
// http.Server.Shutdown (they are hijacked), so the caller must Close it.
func (a *App) Handler() (http.Handler, *realtime.Gateway, error) {
	gw, err := realtime.New(realtime.Config{
		Conversations:      a.Conversations,
		Bus:                a.Bus,
		Authenticator:      authenticator{store: a.Store, accounts: a.Accounts, visitors: a.Identity},
		Logger:             a.Logger,
		PublicOrigin:       publicOrigin(a.Config.PublicURL),
		TokenExpiryWarning: a.Config.TokenExpiryWarning,
		Presence:           a.Presence,
		Feed:               a.Store,
		Visitors:           a.Visitors,
		Router:             a.Router,
		RevocationSubject:  bus.RevocationSubject,
		CredentialRecheck:  a.Config.CredentialRecheck,
		VisitorFrames:      realtime.FrameLimit{Rate: a.Config.WSVisitorRate, Burst: a.Config.WSVisitorBurst},
		StaffFrames:        realtime.FrameLimit{Rate: a.Config.WSStaffRate, Burst: a.Config.WSStaffBurst},
	})
	if err != nil {
		return nil, nil, err
	}
	a.revoker.gw.Store(gw)
	site, err := web.New(web.Config{Logger: a.Logger, Demo: a.webDemo(), FrameOrigins: a.panelOrigins})
	if err != nil {
		gw.Close()
		return nil, nil, err
	}
	routes := site.Routes()
	routes["GET "+realtime.Path] = gw
	h, err := httpapi.New(httpapi.Config{
		Store:         a.Store,
		Accounts:      a.Accounts,
		Conversations: a.Conversations,
		Identity:      a.Identity,
		Presence:      a.Presence,
		Visitors:      a.Visitors,
		Router:        a.Router,
		CheckURL:      a.Outbound.CheckURL,
		Revoker:       a.Revoker,
		Outbound:      a.Outbound,
		Logger:        a.Logger,
		Registry:      a.Registry,
		ReadyChecks: []httpapi.Check{
			{Name: "database", Func: a.Store.Ping},
			{Name: "bus", Func: a.Bus.Ping},
		},
		SecureCookies: a.Config.SecureCookies(),
		TrustProxy:    a.Config.TrustProxy,
		PublicURL:     a.Config.PublicURL,
		AwayAfter:     a.Config.AwayAfter,
		Version:       a.Version,
		Home:          site.Home(),
		Routes:        routes,
		Context:       a.Context,
	})
	if err != nil {
		gw.Close()
		return nil, nil, err
	}
	return h, gw, nil
}

// Serve listens on the configured address, calls ready with the base URL
// once it accepts connections, and serves until ctx ends. It then stops
// accepting, waits up to Config.ShutdownTimeout for in-flight requests and
// background work, stops the conversation service (committing the sends
// still queued, now that no request can add one) and returns.
func (a *App) Serve(ctx context.Context, ready func(baseURL string)) error {
	h, gw, err := a.Handler()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", a.Config.Addr)
	if err != nil {
		gw.Close()
		return fmt.Errorf("listen on %s (PARLEY_ADDR): %w", a.Config.Addr, err)
	}
	if err := a.setupDemo(ctx, a.baseURL(ln.Addr())); err != nil {
		ln.Close()
		gw.Close()
		return err
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(a.Logger.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	bg, stopBackground := context.WithCancel(context.WithoutCancel(ctx))
	var background sync.WaitGroup
	background.Go(func() { a.sweepSessions(bg) })
	background.Go(func() { a.Presence.Run(bg) })
	background.Go(func() { a.Visitors.Run(bg) })
	background.Go(func() { a.Webhooks.Run(bg) })
	background.Go(func() { a.Router.Run(bg) })

	if ready != nil {
		ready(a.baseURL(ln.Addr()))
	}
	select {
	case err := <-served:
		gw.Close()
		stopBackground()
		background.Wait()
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	a.Logger.Info("shutting down", "timeout", a.Config.ShutdownTimeout)
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), a.Config.ShutdownTimeout)
	defer cancel()
	gw.Close() // WebSocket clients get 1001 and reconnect to another node
	err = srv.Shutdown(shutdownCtx)
	if err != nil {
		srv.Close() // the deadline passed: cut the connections still open
	}
	stopBackground()
	background.Wait()
	a.Conversations.Close()
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	if err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

// publicOrigin is the origin of PARLEY_PUBLIC_URL, or "" when it is unset:
// the gateway then accepts a cookie-authenticated connection whose Origin
// matches the Host it was addressed to (which also covers port 0 in tests).
func publicOrigin(publicURL string) string {
	u, err := url.Parse(publicURL)
	if publicURL == "" || err != nil {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

// baseURL is PARLEY_PUBLIC_URL when set, else the address actually bound
// (which differs from Config.Addr when the port is 0).
func (a *App) baseURL(addr net.Addr) string {
	if a.Config.PublicURL != "" {
		return a.Config.PublicURL
	}
	return "http://" + addr.String()
}

// Close stops the conversation service, if Serve has not (it commits the
// sends still queued, so it must come after every caller has stopped),
// then releases the bus and the database.
func (a *App) Close() error {
	return errors.Join(a.Conversations.Close(), a.Visitors.Close(), a.Bus.Close(), a.Store.Close())
}
