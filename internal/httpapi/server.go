// Package httpapi is Parley's REST API under /api/v1 and its operations
// endpoints (/healthz, /readyz, /metrics, /openapi.json), served by the
// standard library's ServeMux through huma v2.
//
// Every API operation is registered through one helper (register) that
// names who may call it (public, any staff credentials, staff holding a
// scope, or a conversation participant: a visitor or staff holding a
// scope); callers authenticate with an API token or a visitor token
// (Authorization: Bearer) or the console's session cookie (plus an
// X-CSRF-Token header on unsafe methods). Handlers always scope store
// calls by the caller's workspace, and leave who may reach which
// conversation to the conversation service. Errors are RFC 9457 problem
// details; parley error codes become HTTP statuses in errors.go only.
package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"reflect"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
	"github.com/parleychat/parley/internal/conversation"
	"github.com/parleychat/parley/internal/enrich"
	"github.com/parleychat/parley/internal/identity"
	"github.com/parleychat/parley/internal/outbound"
	"github.com/parleychat/parley/internal/presence"
	"github.com/parleychat/parley/internal/visitors"
)

// Check is one readiness check run by /readyz.
type Check struct {
	Name string
	Func func(context.Context) error
}

// Config holds what the API needs. Store, Accounts, Conversations and
// Identity are required.
type Config struct {
	Store         parley.Store
	Accounts      *account.Service
	Conversations *conversation.Service
	Identity      *identity.Service
	// Presence sets agents' chosen status; when nil, one without a bus
	// (which publishes no availability) is made on Store.
	Presence *presence.Service
	// Visitors lists the visitors on the site and carries invitations to
	// them; when nil, one of this node only.
	Visitors *visitors.Service
	// Revoker closes the real-time connections of the credentials a
	// request ends (logout, a token revoked, an agent disabled, …), on
	// every node; default none.
	Revoker parley.Revoker
	Logger  *slog.Logger // default slog.Default()
	// Registry receives the HTTP metrics, and /metrics serves it. A new
	// registry is used when nil.
	Registry *prometheus.Registry
	// ReadyChecks are run by /readyz, each with a 2 s timeout.
	ReadyChecks []Check
	// SecureCookies marks the session cookies Secure (HTTPS only).
	SecureCookies bool
	// TrustProxy takes the client IP from the last hop of X-Forwarded-For
	// (set it only behind a reverse proxy that appends to that header).
	TrustProxy bool
	Version    string
	// Home, if set, is served at GET / exactly.
	Home http.Handler
	// Routes are further handlers by ServeMux pattern (e.g. the WebSocket
	// gateway at "GET /api/v1/realtime"), served behind the same request
	// id, logging, metrics and recovery middleware as the API.
	Routes map[string]http.Handler
	// PublicURL is where browsers reach Parley (PARLEY_PUBLIC_URL); the
	// OpenID Connect redirect URI is built on it. When empty, each request's
	// own scheme and Host are used.
	PublicURL string
	// AwayAfter is how long an agent's console may see no activity before
	// it sets the agent away (PARLEY_AWAY_AFTER); 0, the default, never.
	// GET /api/v1/me tells the console.
	AwayAfter time.Duration
	// Outbound checks the URLs of webhook endpoints when they are saved;
	// default one with no allow-list.
	Outbound *outbound.Client
	// Now is the clock of the per-IP rate limits; default time.Now.
	Now func() time.Time
	// Router, when set, is told when a workspace's queues may have work
	// (a queue's strategy changed, a conversation moved).
	Router interface{ Kick(workspaceID string) }
	// Context calls the workspaces' context endpoints; when nil, one over
	// Store with an outbound client that has no allow-list is made.
	Context *enrich.Service
	// CheckURL refuses a customer-supplied URL that the outbound client
	// would refuse (an external router's); default a check with no
	// allow-list.
	CheckURL func(ctx context.Context, raw string) error
}

// server holds the dependencies of the handlers.
type server struct {
	cfg    Config
	store  parley.Store
	accts  *account.Service
	conv   *conversation.Service
	ident  *identity.Service
	enrich *enrich.Service
	// outbound checks webhook URLs when they are saved.
	outbound *outbound.Client
	logger   *slog.Logger
	api      huma.API
	metrics  *httpMetrics
	logins   *ipLimiter // per-client-IP limit on POST /auth/login
	guests   *ipLimiter // per-client-IP limit on POST /visitor/sessions for guests
	// verified limits POST /visitor/sessions with a JWT or resume token.
	verified *ipLimiter
	// apps enforces the apps' requests-per-minute quotas.
	apps *appLimiter
	// readiness is the state of the /readyz checks at their last run.
	readiness readiness
}

// New returns the HTTP handler of the API and the operations endpoints.
//
// /metrics is served without authentication, like most Prometheus
// endpoints: do not expose it to the public internet (filter /metrics at
// the reverse proxy, or keep the listener private).
func New(cfg Config) (http.Handler, error) {
	if cfg.Store == nil || cfg.Accounts == nil || cfg.Conversations == nil || cfg.Identity == nil {
		return nil, fmt.Errorf("httpapi: Store, Accounts, Conversations and Identity are required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Presence == nil {
		var err error
		if cfg.Presence, err = presence.New(presence.Config{Store: cfg.Store, Logger: cfg.Logger}); err != nil {
			return nil, err
		}
	}
	if cfg.Outbound == nil {
		var err error
		if cfg.Outbound, err = outbound.New(outbound.Config{Logger: cfg.Logger}); err != nil {
			return nil, err
		}
	}
	if cfg.Context == nil {
		var err error
		if cfg.Context, err = enrich.New(enrich.Config{Store: cfg.Store, Outbound: cfg.Outbound, Logger: cfg.Logger}); err != nil {
			return nil, err
		}
	}
	if cfg.Visitors == nil {
		var err error
		if cfg.Visitors, err = visitors.New(visitors.Config{Seen: cfg.Store, Logger: cfg.Logger}); err != nil {
			return nil, err
		}
	}
	if cfg.Revoker == nil {
		cfg.Revoker = parley.NoRevoker{}
	}
	if cfg.Registry == nil {
		cfg.Registry = prometheus.NewRegistry()
	}
	metrics, err := newHTTPMetrics(cfg.Registry)
	if err != nil {
		return nil, err
	}
	s := &server{
		cfg:      cfg,
		store:    cfg.Store,
		accts:    cfg.Accounts,
		conv:     cfg.Conversations,
		ident:    cfg.Identity,
		outbound: cfg.Outbound,
		enrich:   cfg.Context,
		logger:   cfg.Logger,
		metrics:  metrics,
		logins:   newIPLimiter(loginRate, loginBurst),
		guests:   newIPLimiter(guestRate, guestBurst),

		verified: newIPLimiter(verifiedRate, verifiedBurst),
		apps:     newAppLimiter(),
	}

	mux := http.NewServeMux()
	s.api = humago.New(mux, s.humaConfig())
	s.routes()
	// Huma registers its own error schema, which register replaces with
	// problem's; drop it so the document shows one error shape.
	delete(s.api.OpenAPI().Components.Schemas.Map(), "ErrorModel")
	spec, err := json.Marshal(s.api.OpenAPI())
	if err != nil {
		return nil, fmt.Errorf("httpapi: render OpenAPI document: %w", err)
	}
	mux.HandleFunc("GET /openapi.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/openapi+json")
		w.Write(spec)
	})
	mux.HandleFunc("POST /api/v1/oauth/token", s.oauthToken)
	mux.Handle("GET /metrics", promhttp.HandlerFor(cfg.Registry, promhttp.HandlerOpts{}))
	for pattern, h := range cfg.Routes {
		mux.Handle(pattern, h)
	}
	if cfg.Home != nil {
		mux.Handle("GET /{$}", cfg.Home)
	}
	return s.observe(s.recoverPanics(s.textRule(allowCrossOrigin(mux)))), nil
}

// routes registers every API operation. Each handler file holds the
// operations of one resource.
func (s *server) routes() {
	s.healthRoutes()
	s.authRoutes()
	s.signInRoutes()
	s.brandingRoutes()
	s.senderAvatarRoutes()
	s.agentRoutes()
	s.inboxRoutes()
	s.tokenRoutes()
	s.workspaceRoutes()
	s.auditRoutes()
	s.visitorRoutes()
	s.visitorTokenRoutes()
	s.resumeTokenRoutes()
	s.identifyRoutes()
	s.contactRoutes()
	s.visitorInboxRoutes()
	s.presenceRoutes()
	s.onlineVisitorRoutes()
	s.conversationRoutes()
	s.searchRoutes()
	s.lifecycleRoutes()
	s.messageRoutes()
	s.attachmentRoutes()
	s.labelRoutes()
	s.ratingRoutes()
	s.reportRoutes()
	s.supervisorRoutes()
	s.cannedRoutes()
	s.webhookRoutes()
	s.appRoutes()
	s.panelRoutes()
	s.routingRoutes()
	s.escalationRoutes()
	s.handoffRoutes()
	s.contextRoutes()
	s.webhookDocs()
	s.eventRoutes()
}

// humaConfig starts from huma's defaults and removes what Parley does not
// want: the docs page (it loads scripts from a CDN), the /schemas routes
// and "$schema" links in bodies, and huma's lazily built /openapi.*
// routes (New serves /openapi.json from a document rendered once).
func (s *server) humaConfig() huma.Config {
	cfg := huma.DefaultConfig("Parley API", s.cfg.Version)
	cfg.DocsPath = ""
	cfg.OpenAPIPath = ""
	cfg.SchemasPath = ""
	cfg.CreateHooks = nil
	cfg.Info.Description = "The REST API of Parley, a self-hosted live-chat server. " +
		"Authenticate with an API token (`Authorization: Bearer prly_…`), the console's session cookie, " +
		"or — for the operations of a conversation's visitor — a visitor token (`Authorization: Bearer prlyv_…`). " +
		"Errors are RFC 9457 problem details with a `code` field."
	cfg.Components.Schemas = huma.NewMapRegistry("#/components/schemas/", schemaName)
	cfg.Components.SecuritySchemes = map[string]*huma.SecurityScheme{
		schemeBearer: {
			Type: "http", Scheme: "bearer",
			Description: "An API token created with POST /api/v1/tokens or `parley admin create-token`.",
		},
		schemeSession: {
			Type: "apiKey", In: "cookie", Name: account.SessionCookie,
			Description: "The console session set by POST /api/v1/auth/login. " +
				"POST, PUT, PATCH and DELETE also need the header X-CSRF-Token with the login's csrf_token.",
		},
		schemeVisitor: {
			Type: "http", Scheme: "bearer",
			Description: "A visitor token (prlyv_…) from POST /api/v1/visitor/sessions. It acts as one contact: " +
				"it reaches that contact's conversations in the session's inbox only, and holds no scopes.",
		},
	}
	cfg.Transformers = []huma.Transformer{s.transformError}
	return cfg
}

// schemaName names a Go type's schema, dropping the "View" suffix of
// response types (agentView → Agent).
func schemaName(t reflect.Type, hint string) string {
	return strings.ReplaceAll(huma.DefaultSchemaNamer(t, hint), "View", "")
}
