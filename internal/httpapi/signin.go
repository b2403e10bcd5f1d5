package httpapi

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
)

// Paths of the OpenID Connect sign-in, and the cookie that ties a sign-in
// to the browser that started it.
const (
	oidcStartPath    = "/api/v1/auth/oidc/start"
	oidcCallbackPath = "/api/v1/auth/oidc/callback"
	oidcStateCookie  = "parley_oidc_state"
	consolePath      = "/console/"
	maxSlugLength    = 63
)

func (s *server) signInRoutes() {
	tags := []string{"Auth"}
	register(s, huma.Operation{
		OperationID: "get-sign-in-options", Method: http.MethodGet, Path: "/api/v1/auth/options", Tags: tags,
		Summary: "What the sign-in page offers",
		Description: "Says how agents of a workspace sign in (email and password checked by Parley or by the " +
			"company's endpoint, or off; single sign-on with OpenID Connect) and the workspace's branding for the " +
			"sign-in page. An unknown workspace answers Parley's defaults, so that the page does not tell which " +
			"workspaces exist. See docs/sign-in.md.",
	}, public, s.signInOptions)
	register(s, huma.Operation{
		OperationID: "start-oidc-sign-in", Method: http.MethodGet, Path: oidcStartPath, Tags: tags,
		Summary: "Start signing in with single sign-on",
		Description: "Redirects the browser to the workspace's OpenID provider (authorization code flow with PKCE " +
			"and a nonce) and sets a short-lived cookie that ties the sign-in to this browser. Limited per client IP " +
			"like POST /api/v1/auth/login. When it cannot start, it redirects to the console's sign-in page with " +
			"`signin_error` set to the error's reason.",
		DefaultStatus: http.StatusFound,
	}, public, s.startOIDC)
	register(s, huma.Operation{
		OperationID: "finish-oidc-sign-in", Method: http.MethodGet, Path: oidcCallbackPath, Tags: tags,
		Summary: "Finish signing in with single sign-on",
		Description: "The redirect URI to register at the OpenID provider. Checks the state against the browser's " +
			"cookie, exchanges the code, verifies the ID token (signature, issuer, audience, expiry, nonce), finds or " +
			"creates the agent and starts a console session like POST /api/v1/auth/login, then redirects to the " +
			"console; on failure it redirects to the sign-in page with `signin_error` set to the error's reason.",
		DefaultStatus: http.StatusFound,
	}, public, s.finishOIDC)
	register(s, huma.Operation{
		OperationID: "get-sign-in-settings", Method: http.MethodGet, Path: "/api/v1/sign-in", Tags: []string{"Workspaces"},
		Summary:     "Get the sign-in settings",
		Description: "Returns how agents of the caller's workspace sign in. The OIDC client secret is never returned.",
	}, staff(parley.ScopeAgentsRead), s.getSignIn)
	register(s, huma.Operation{
		OperationID: "put-sign-in-settings", Method: http.MethodPut, Path: "/api/v1/sign-in", Tags: []string{"Workspaces"},
		Summary: "Set the sign-in settings",
		Description: "Replaces how agents of the caller's workspace sign in. Omit `oidc.client_secret` to keep the " +
			"stored one. The issuer and external URLs may not be private addresses (unless PARLEY_OUTBOUND_ALLOW lists " +
			"them). Passwords may be turned off only while OpenID Connect is on; `parley admin sign-in` turns them back " +
			"on from the server. See docs/sign-in.md.",
	}, staff(parley.ScopeAgentsWrite), s.putSignIn)
}

// publicURL is where browsers reach Parley: Config.PublicURL, else the
// request's own scheme and host (fine for a laptop; set PARLEY_PUBLIC_URL
// in production, where the redirect URI registered at the provider must
// not depend on a Host header).
func (s *server) publicURL(ctx context.Context) string {
	if s.cfg.PublicURL != "" {
		return strings.TrimSuffix(s.cfg.PublicURL, "/")
	}
	r := requestFrom(ctx)
	scheme := "http"
	if r.tls {
		scheme = "https"
	}
	return scheme + "://" + r.host
}

type signInOptionsInput struct {
	Workspace string `query:"workspace" maxLength:"63" doc:"Slug of the workspace; the default workspace when omitted."`
}

type signInOptionsView struct {
	Password parley.PasswordMode `json:"password" enum:"local,external,off" doc:"How the email-and-password form is checked: local (Parley's passwords), external (the company's endpoint), or off."`
	OIDC     struct {
		Enabled       bool   `json:"enabled"`
		ButtonLabel   string `json:"button_label" doc:"Text of the single sign-on button."`
		StartURL      string `json:"start_url" doc:"Where the button goes: GET it in the browser."`
		EndSessionURL string `json:"end_session_url" doc:"Signs the browser out at the provider too (RP-initiated logout), when the provider advertises an end_session_endpoint; empty if not."`
	} `json:"oidc"`
	Branding publicBrandingView `json:"branding"`
}

type signInOptionsOutput struct {
	Body signInOptionsView
}

func (s *server) signInOptions(ctx context.Context, in *signInOptionsInput) (*signInOptionsOutput, error) {
	base := s.publicURL(ctx)
	o, err := s.accts.Options(ctx, in.Workspace, base+consolePath)
	if err != nil {
		return nil, err
	}
	out := &signInOptionsOutput{}
	out.Body.Password = o.Password
	out.Body.OIDC.Enabled = o.OIDC
	out.Body.OIDC.ButtonLabel = o.ButtonLabel
	out.Body.OIDC.EndSessionURL = o.EndSessionURL
	if o.OIDC {
		q := url.Values{}
		if in.Workspace != "" {
			q.Set("workspace", in.Workspace)
		}
		out.Body.OIDC.StartURL = oidcStartPath
		if len(q) > 0 {
			out.Body.OIDC.StartURL += "?" + q.Encode()
		}
	}
	out.Body.Branding, err = s.publicBranding(ctx, in.Workspace)
	if err != nil {
		return nil, err
	}
	return out, nil
}

type redirectOutput struct {
	Location  string        `header:"Location"`
	SetCookie []http.Cookie `header:"Set-Cookie"`
}

// signInErrorRedirect sends the browser back to the console's sign-in page
// with the error's reason (or code) in signin_error.
func (s *server) signInErrorRedirect(ctx context.Context, err error, cookies ...http.Cookie) (*redirectOutput, error) {
	reason := parley.ErrorReason(err)
	if reason == "" {
		reason = parley.ErrorCode(err)
	}
	if parley.ErrorCode(err) == parley.EINTERNAL {
		s.logger.ErrorContext(ctx, "single sign-on failed", "err", err)
	}
	return &redirectOutput{Location: consolePath + "?signin_error=" + url.QueryEscape(reason), SetCookie: cookies}, nil
}

func (s *server) oidcStateCookie(value string, maxAge int) http.Cookie {
	return http.Cookie{
		Name: oidcStateCookie, Value: value, Path: oidcCallbackPath, MaxAge: maxAge, HttpOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: http.SameSiteLaxMode,
	}
}

func (s *server) startOIDC(ctx context.Context, in *signInOptionsInput) (*redirectOutput, error) {
	req := requestFrom(ctx)
	if ok, _ := s.logins.allow(req.ip, s.cfg.Now()); !ok {
		return s.signInErrorRedirect(ctx, parley.Errorf(parley.ERATELIMITED, "Too many sign-ins."))
	}
	authURL, state, err := s.accts.StartOIDC(ctx, in.Workspace, s.publicURL(ctx)+oidcCallbackPath)
	if err != nil {
		return s.signInErrorRedirect(ctx, err)
	}
	return &redirectOutput{
		Location:  authURL,
		SetCookie: []http.Cookie{s.oidcStateCookie(state, int(account.OIDCStateTTL/time.Second))},
	}, nil
}

type oidcCallbackInput struct {
	State            string `query:"state" maxLength:"128"`
	Code             string `query:"code" maxLength:"2048"`
	Error            string `query:"error" maxLength:"256"`
	ErrorDescription string `query:"error_description" maxLength:"1024"`
	BrowserState     string `cookie:"parley_oidc_state" hidden:"true"`
	UserAgent        string `header:"User-Agent" hidden:"true"`
}

func (s *server) finishOIDC(ctx context.Context, in *oidcCallbackInput) (*redirectOutput, error) {
	req := requestFrom(ctx)
	clear := s.oidcStateCookie("", -1)
	sess, sec, _, err := s.accts.FinishOIDC(ctx, account.OIDCCallback{
		State: in.State, BrowserState: in.BrowserState, Code: in.Code,
		Error: in.Error, ErrorDescription: in.ErrorDescription,
	}, s.publicURL(ctx)+oidcCallbackPath, req.ip, in.UserAgent)
	if err != nil {
		return s.signInErrorRedirect(ctx, err, clear)
	}
	return &redirectOutput{Location: consolePath, SetCookie: append(s.sessionCookies(sess, sec), clear)}, nil
}

// signInView shows a workspace's sign-in settings; the client secret is
// write-only.
type signInView struct {
	Password parley.PasswordMode `json:"password" enum:"local,external,off" doc:"How the email-and-password form is checked."`
	OIDC     oidcView            `json:"oidc"`
	External externalView        `json:"external"`
	// RedirectURI and PostLogoutRedirectURI are what to register at the provider.
	RedirectURI           string    `json:"redirect_uri" doc:"Register this redirect URI at the OpenID provider (read-only)."`
	PostLogoutRedirectURI string    `json:"post_logout_redirect_uri" doc:"Register this post-logout redirect URI at the provider (read-only)."`
	UpdatedAt             time.Time `json:"updated_at" doc:"Zero while the workspace has the defaults."`
}

type oidcView struct {
	Enabled         bool               `json:"enabled"`
	Issuer          string             `json:"issuer" maxLength:"2048" doc:"The provider's issuer URL (its discovery document is at issuer/.well-known/openid-configuration)."`
	ClientID        string             `json:"client_id" maxLength:"256"`
	ClientSecretSet bool               `json:"client_secret_set" doc:"Whether a client secret is stored (read-only; the secret itself is never returned)."`
	Scopes          []string           `json:"scopes" nullable:"false" maxItems:"20" doc:"Scopes besides openid; profile and email when empty."`
	ButtonLabel     string             `json:"button_label" maxLength:"64" doc:"Text of the sign-in page's button."`
	Claim           string             `json:"claim" maxLength:"64" doc:"The ID token claim the mappings match, e.g. groups."`
	Mappings        []claimMappingView `json:"mappings" nullable:"false" maxItems:"50" doc:"Role and tier for a claim value; the first match wins."`
	DefaultRole     parley.Role        `json:"default_role" enum:"admin,supervisor,agent," doc:"Role of a new agent no mapping matches; empty refuses its first sign-in."`
	CreateAgents    bool               `json:"create_agents" doc:"Create the agent on its first sign-in; else only agents an admin created (same email) may sign in."`
}

type claimMappingView struct {
	Value string      `json:"value" maxLength:"256"`
	Role  parley.Role `json:"role" enum:"admin,supervisor,agent"`
	Tier  int         `json:"tier" minimum:"0" maximum:"9" doc:"Routing tier, kept in the agent's tier attribute; 0 for none."`
}

type externalView struct {
	URL          string `json:"url" maxLength:"2048" doc:"The company's authentication endpoint (ChimpAssist's contract)."`
	CreateAgents bool   `json:"create_agents" doc:"Create the agent on its first sign-in."`
}

func (s *server) newSignInView(ctx context.Context, set *parley.SignInSettings) signInView {
	base := s.publicURL(ctx)
	v := signInView{
		Password: set.Password, RedirectURI: base + oidcCallbackPath, PostLogoutRedirectURI: base + consolePath,
		UpdatedAt: set.UpdatedAt,
		OIDC: oidcView{
			Enabled: set.OIDC.Enabled, Issuer: set.OIDC.Issuer, ClientID: set.OIDC.ClientID,
			ClientSecretSet: set.OIDC.ClientSecret != "", Scopes: set.OIDC.Scopes, ButtonLabel: set.OIDC.ButtonLabel,
			Claim: set.OIDC.Claim, DefaultRole: set.OIDC.DefaultRole, CreateAgents: set.OIDC.CreateAgents,
			Mappings: []claimMappingView{},
		},
		External: externalView{URL: set.External.URL, CreateAgents: set.External.CreateAgents},
	}
	if v.OIDC.Scopes == nil {
		v.OIDC.Scopes = []string{}
	}
	for _, m := range set.OIDC.Mappings {
		v.OIDC.Mappings = append(v.OIDC.Mappings, claimMappingView{Value: m.Value, Role: m.Role, Tier: m.Tier})
	}
	return v
}

type signInOutput struct {
	Body signInView
}

func (s *server) getSignIn(ctx context.Context, _ *struct{}) (*signInOutput, error) {
	set, err := s.accts.SignInSettings(ctx, principal(ctx).WorkspaceID)
	if err != nil {
		return nil, err
	}
	return &signInOutput{Body: s.newSignInView(ctx, set)}, nil
}

type putSignInInput struct {
	Body struct {
		Password parley.PasswordMode `json:"password" enum:"local,external,off"`
		OIDC     struct {
			Enabled      bool                `json:"enabled"`
			Issuer       string              `json:"issuer,omitempty" maxLength:"2048"`
			ClientID     string              `json:"client_id,omitempty" maxLength:"256"`
			ClientSecret *string             `json:"client_secret,omitempty" maxLength:"512" doc:"Write-only; omit to keep the stored secret."`
			Scopes       []string            `json:"scopes,omitempty" maxItems:"20"`
			ButtonLabel  string              `json:"button_label,omitempty" maxLength:"64"`
			Claim        string              `json:"claim,omitempty" maxLength:"64"`
			Mappings     []claimMappingInput `json:"mappings,omitempty" maxItems:"50"`
			DefaultRole  parley.Role         `json:"default_role,omitempty" enum:"admin,supervisor,agent,"`
			CreateAgents bool                `json:"create_agents,omitempty"`
		} `json:"oidc,omitempty" required:"false"`
		External struct {
			URL          string `json:"url,omitempty" maxLength:"2048"`
			CreateAgents bool   `json:"create_agents,omitempty"`
		} `json:"external,omitempty" required:"false"`
	}
}

type claimMappingInput struct {
	Value string      `json:"value" maxLength:"256"`
	Role  parley.Role `json:"role" enum:"admin,supervisor,agent"`
	Tier  int         `json:"tier,omitempty" minimum:"0" maximum:"9" doc:"Routing tier, kept in the agent's tier attribute; 0 for none."`
}

func (s *server) putSignIn(ctx context.Context, in *putSignInInput) (*signInOutput, error) {
	p := principal(ctx)
	b := in.Body
	si := account.SignInInput{
		Password: b.Password,
		OIDC: parley.OIDCSettings{
			Enabled: b.OIDC.Enabled, Issuer: b.OIDC.Issuer, ClientID: b.OIDC.ClientID, Scopes: b.OIDC.Scopes,
			ButtonLabel: b.OIDC.ButtonLabel, Claim: b.OIDC.Claim, DefaultRole: b.OIDC.DefaultRole,
			CreateAgents: b.OIDC.CreateAgents,
		},
		ClientSecret: b.OIDC.ClientSecret,
		External:     parley.ExternalAuthSettings{URL: b.External.URL, CreateAgents: b.External.CreateAgents},
	}
	for _, m := range b.OIDC.Mappings {
		si.OIDC.Mappings = append(si.OIDC.Mappings, parley.ClaimMapping{Value: m.Value, Role: m.Role, Tier: m.Tier})
	}
	set, err := s.accts.PutSignInSettings(ctx, p.Actor, p.WorkspaceID, si)
	if err != nil {
		return nil, err
	}
	return &signInOutput{Body: s.newSignInView(ctx, set)}, nil
}
