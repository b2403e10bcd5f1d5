// Package account is Parley's accounts service: the first-start bootstrap,
// workspaces, agents and their passwords, API tokens, console logins with
// throttling, and turning a session cookie or bearer token into a
// parley.Principal.
//
// It holds the rules (validation, hashing, no privilege escalation) and
// leaves persistence to a parley.Store and transport to its callers
// (internal/httpapi, cmd/parley). It depends only on the parley package and
// internal/secret.
package account

import (
	"log/slog"
	"sync"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/outbound"
	"github.com/parleychat/parley/internal/secret"
)

// Defaults and fixed rules.
const (
	DefaultSessionTTL = 12 * time.Hour

	// TokenPrefix starts every API token secret; SessionPrefix every
	// console session secret.
	TokenPrefix   = "prly_"
	SessionPrefix = "prlys_"

	// SessionCookie is the name of the cookie that carries a console
	// session's secret, for every transport that accepts it.
	SessionCookie = "parley_session"

	// Login throttling: after maxLoginFailures consecutive failures for one
	// email, logins for it are refused until loginWindow has passed since
	// the last failure.
	maxLoginFailures = 5
	loginWindow      = 15 * time.Minute

	tokenPrefixLength  = len(TokenPrefix) + 6 // shown in token lists
	maxUserAgentLength = 512
)

// Options configure a Service. Zero values select the defaults.
type Options struct {
	Now        func() time.Time // default time.Now
	SessionTTL time.Duration    // default 12h
	Logger     *slog.Logger     // default slog.Default()
	// Outbound makes the requests to identity providers and external
	// authentication endpoints; default a client with no allow-list.
	Outbound *outbound.Client
	// ExternalAuthTimeout bounds a call to an external authentication
	// endpoint; default DefaultExternalAuthTimeout.
	ExternalAuthTimeout time.Duration
}

// Service implements the accounts rules on top of a parley.Store.
// It is safe for concurrent use.
type Service struct {
	store  parley.Store
	now    func() time.Time
	ttl    time.Duration
	logger *slog.Logger

	outbound        *outbound.Client
	externalTimeout time.Duration
	providers       providerCache // OpenID providers by issuer

	// dummyHash is verified against when a login names an unknown email,
	// so that the answer takes as long as for a known one.
	dummyHash func() string
}

// New returns a Service over store.
func New(store parley.Store, opt Options) *Service {
	s := &Service{store: store, now: opt.Now, ttl: opt.SessionTTL, logger: opt.Logger}
	if s.now == nil {
		s.now = time.Now
	}
	if s.ttl <= 0 {
		s.ttl = DefaultSessionTTL
	}
	if s.logger == nil {
		s.logger = slog.Default()
	}
	s.outbound, s.externalTimeout = opt.Outbound, opt.ExternalAuthTimeout
	if s.outbound == nil {
		s.outbound, _ = outbound.New(outbound.Config{Logger: s.logger}) // no allow-list: cannot fail
	}
	if s.externalTimeout <= 0 {
		s.externalTimeout = DefaultExternalAuthTimeout
	}
	s.dummyHash = sync.OnceValue(func() string { return secret.HashPassword(secret.NewToken("")) })
	return s
}
