package account

import (
	"context"
	"errors"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/secret"
)

// OpenID Connect sign-in.
const (
	// OIDCStateTTL is how long a sign-in started at the provider may take.
	OIDCStateTTL = 10 * time.Minute
	// providerTTL is how long a provider's discovery document (and its
	// cached signing keys) is kept before it is fetched again.
	providerTTL    = 10 * time.Minute
	maxStateLength = 128
	maxCodeLength  = 2048
)

// Reasons of OpenID Connect sign-in errors (parley.Error.Reason).
const (
	ReasonOIDCOff         = "oidc_off"            // the workspace has no single sign-on
	ReasonOIDCState       = "oidc_state"          // unknown, expired or used state, or not this browser's
	ReasonOIDCUnavailable = "oidc_unavailable"    // discovery or the token request failed
	ReasonOIDCIDToken     = "oidc_id_token"       // the ID token is invalid (signature, issuer, audience, expiry, nonce)
	ReasonNoAccount       = "no_account"          // no agent with this identity, and agents are not created on sign-in
	ReasonNoRole          = "no_role"             // no mapping gives a role, and there is no default role
	ReasonIdentityInvalid = "identity_invalid"    // the identity lacks a usable email, or is linked to another agent
	ReasonProviderError   = "oidc_provider_error" // the provider answered the sign-in with an error
)

// providerCache keeps discovered providers by issuer.
type providerCache struct {
	mu sync.Mutex
	m  map[string]cachedProvider
}

type cachedProvider struct {
	p       *oidc.Provider
	fetched time.Time
}

func (c *providerCache) forget(issuer string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.m, issuer)
}

// clientContext carries the outbound client that go-oidc and oauth2 use
// for every request to the provider.
func (s *Service) clientContext(ctx context.Context) context.Context {
	return oidc.ClientContext(ctx, s.outbound.HTTPClient(false))
}

// provider returns the provider of issuer, discovered through the outbound
// client and kept for providerTTL.
func (s *Service) provider(ctx context.Context, issuer string) (*oidc.Provider, error) {
	s.providers.mu.Lock()
	c, ok := s.providers.m[issuer]
	s.providers.mu.Unlock()
	if ok && s.now().Sub(c.fetched) < providerTTL {
		return c.p, nil
	}
	// The provider keeps this context for fetching its signing keys later:
	// it must outlive the request.
	p, err := oidc.NewProvider(s.clientContext(context.WithoutCancel(ctx)), issuer)
	if err != nil {
		s.logger.WarnContext(ctx, "OpenID Connect discovery failed", "issuer", issuer, "err", err)
		return nil, &parley.Error{Code: parley.EUNAVAILABLE, Reason: ReasonOIDCUnavailable,
			Message: "The identity provider cannot be reached. Try again later, or ask an administrator to check the issuer."}
	}
	s.providers.mu.Lock()
	if s.providers.m == nil {
		s.providers.m = map[string]cachedProvider{}
	}
	s.providers.m[issuer] = cachedProvider{p: p, fetched: s.now()}
	s.providers.mu.Unlock()
	return p, nil
}

func oauthConfig(p *oidc.Provider, o *parley.OIDCSettings, redirectURL string) *oauth2.Config {
	scopes := []string{oidc.ScopeOpenID}
	if len(o.Scopes) == 0 {
		scopes = append(scopes, "profile", "email")
	}
	for _, sc := range o.Scopes {
		if !slices.Contains(scopes, sc) {
			scopes = append(scopes, sc)
		}
	}
	return &oauth2.Config{
		ClientID: o.ClientID, ClientSecret: o.ClientSecret, Endpoint: p.Endpoint(),
		RedirectURL: redirectURL, Scopes: scopes,
	}
}

// StartOIDC starts signing in to the workspace named by slug ("" for the
// default) at its OpenID provider. It returns the provider's authorization
// URL (code flow, PKCE S256, a nonce) and the state, which the caller
// keeps in the browser (a cookie) and FinishOIDC checks. redirectURL is
// Parley's callback, as registered at the provider. Returns ENOTFOUND for
// an unknown workspace, EFORBIDDEN (oidc_off) when single sign-on is off,
// EUNAVAILABLE (oidc_unavailable) when discovery fails.
func (s *Service) StartOIDC(ctx context.Context, slug, redirectURL string) (authURL, state string, err error) {
	ws, set, err := s.signInSettingsBySlug(ctx, slug)
	if err != nil {
		return "", "", err
	}
	if set == nil {
		return "", "", parley.Errorf(parley.ENOTFOUND, "Workspace not found.")
	}
	if !set.OIDC.Enabled {
		return "", "", errOIDCOff()
	}
	p, err := s.provider(ctx, set.OIDC.Issuer)
	if err != nil {
		return "", "", err
	}
	state = secret.NewToken("")
	st := &parley.SignInState{
		WorkspaceID: ws.ID, Nonce: secret.NewToken(""), Verifier: oauth2.GenerateVerifier(),
		ExpiresAt: s.now().Add(OIDCStateTTL),
	}
	if err := s.store.CreateSignInState(ctx, secret.Hash(state), st); err != nil {
		return "", "", err
	}
	authURL = oauthConfig(p, &set.OIDC, redirectURL).AuthCodeURL(state,
		oidc.Nonce(st.Nonce), oauth2.S256ChallengeOption(st.Verifier))
	return authURL, state, nil
}

func errOIDCOff() error {
	return &parley.Error{Code: parley.EFORBIDDEN, Reason: ReasonOIDCOff,
		Message: "Single sign-on is not set up for this workspace."}
}

func errOIDCState() error {
	return &parley.Error{Code: parley.EUNAUTHORIZED, Reason: ReasonOIDCState,
		Message: "This sign-in has expired or was started in another browser. Please start again."}
}

// OIDCCallback is what the provider sent back to Parley's callback.
type OIDCCallback struct {
	State        string // the state query parameter
	BrowserState string // the state the browser kept since StartOIDC
	Code         string
	// Error and ErrorDescription are the provider's error, if it refused.
	Error            string
	ErrorDescription string
}

// FinishOIDC completes a sign-in StartOIDC began: it checks that the
// state is the browser's and unused, exchanges the code (with the PKCE
// verifier) for tokens, verifies the ID token (signature by the
// provider's keys, issuer, audience = client id, expiry, nonce), maps its
// claims to an agent — creating it on first sign-in when the workspace
// allows — and starts a console session like Login's. Errors carry the
// Reason* constants of this file.
func (s *Service) FinishOIDC(ctx context.Context, cb OIDCCallback, redirectURL, ip, userAgent string) (*parley.Session, string, *parley.Agent, error) {
	if cb.State == "" || len(cb.State) > maxStateLength || !secret.Equal([]byte(cb.State), []byte(cb.BrowserState)) {
		return nil, "", nil, errOIDCState()
	}
	st, err := s.store.TakeSignInState(ctx, secret.Hash(cb.State), s.now())
	if parley.ErrorCode(err) == parley.ENOTFOUND {
		return nil, "", nil, errOIDCState()
	} else if err != nil {
		return nil, "", nil, err
	}
	if cb.Error != "" {
		s.logger.InfoContext(ctx, "the OpenID provider refused a sign-in", "workspace", st.WorkspaceID,
			"error", truncate(cb.Error, 100), "description", truncate(cb.ErrorDescription, 300))
		return nil, "", nil, &parley.Error{Code: parley.EUNAUTHORIZED, Reason: ReasonProviderError,
			Message: "The identity provider did not sign you in."}
	}
	if cb.Code == "" || len(cb.Code) > maxCodeLength {
		return nil, "", nil, errOIDCState()
	}
	set, err := s.store.SignInSettings(ctx, st.WorkspaceID)
	if err != nil {
		return nil, "", nil, err
	}
	if !set.OIDC.Enabled {
		return nil, "", nil, errOIDCOff()
	}
	p, err := s.provider(ctx, set.OIDC.Issuer)
	if err != nil {
		return nil, "", nil, err
	}
	cctx := s.clientContext(ctx)
	tok, err := oauthConfig(p, &set.OIDC, redirectURL).Exchange(cctx, cb.Code, oauth2.VerifierOption(st.Verifier))
	if err != nil {
		s.logger.WarnContext(ctx, "OpenID Connect token request failed", "issuer", set.OIDC.Issuer, "err", err)
		return nil, "", nil, &parley.Error{Code: parley.EUNAVAILABLE, Reason: ReasonOIDCUnavailable,
			Message: "The identity provider did not complete the sign-in. Please try again."}
	}
	raw, _ := tok.Extra("id_token").(string)
	idt, err := p.Verifier(&oidc.Config{ClientID: set.OIDC.ClientID, Now: s.now}).Verify(ctx, raw)
	if err == nil && !secret.Equal([]byte(idt.Nonce), []byte(st.Nonce)) {
		err = errors.New("the nonce does not match")
	}
	if err != nil {
		s.logger.WarnContext(ctx, "OpenID Connect ID token refused", "issuer", set.OIDC.Issuer, "err", err)
		return nil, "", nil, &parley.Error{Code: parley.EUNAUTHORIZED, Reason: ReasonOIDCIDToken,
			Message: "The identity provider's answer could not be verified."}
	}
	var claims map[string]any
	if err := idt.Claims(&claims); err != nil {
		return nil, "", nil, &parley.Error{Code: parley.EUNAUTHORIZED, Reason: ReasonOIDCIDToken,
			Message: "The identity provider's answer could not be verified."}
	}
	id, err := oidcIdentity(idt.Subject, claims, &set.OIDC)
	if err != nil {
		return nil, "", nil, err
	}
	agent, err := s.provision(ctx, st.WorkspaceID, id)
	if err != nil {
		return nil, "", nil, err
	}
	return s.startSession(ctx, agent, ip, userAgent)
}

// oidcIdentity reads who signed in from the ID token's claims: email
// (refused if email_verified is false), name, and the role and tier of the
// first mapping whose value the configured claim holds.
func oidcIdentity(subject string, claims map[string]any, o *parley.OIDCSettings) (*identity, error) {
	email, _ := claims["email"].(string)
	if v, ok := claims["email_verified"].(bool); ok && !v {
		email = ""
	}
	name, _ := claims["name"].(string)
	if name == "" {
		name, _ = claims["preferred_username"].(string)
	}
	id := &identity{
		method: "oidc", idAttribute: parley.AttributeOIDCSubject, id: subject, email: email, name: name,
		create: o.CreateAgents,
	}
	values := claimValues(claims[o.Claim])
	for _, m := range o.Mappings {
		if slices.Contains(values, m.Value) {
			id.role, id.tier = m.Role, m.Tier
			break
		}
	}
	if id.role == "" {
		id.role, id.defaultRole = o.DefaultRole, true
	}
	return id, nil
}

// claimValues returns a claim as a list of strings: a string, or the
// strings of a list.
func claimValues(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// endSessionURL is the provider's end_session_endpoint with client_id and
// post_logout_redirect_uri, "" if the provider advertises none (or cannot
// be reached now).
func (s *Service) endSessionURL(ctx context.Context, o *parley.OIDCSettings, postLogoutURL string) string {
	p, err := s.provider(ctx, o.Issuer)
	if err != nil {
		return ""
	}
	var meta struct {
		EndSession string `json:"end_session_endpoint"`
	}
	if err := p.Claims(&meta); err != nil || meta.EndSession == "" {
		return ""
	}
	u, err := url.Parse(meta.EndSession)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") {
		return ""
	}
	q := u.Query()
	q.Set("client_id", o.ClientID)
	if postLogoutURL != "" {
		q.Set("post_logout_redirect_uri", postLogoutURL)
	}
	u.RawQuery = q.Encode()
	return u.String()
}

func truncate(s string, n int) string {
	if len(s) > n {
		s = s[:n]
	}
	return strings.ToValidUTF8(s, "")
}
