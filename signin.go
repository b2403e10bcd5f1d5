package parley

import (
	"context"
	"time"
)

// PasswordMode says how a workspace checks the console's email-and-password
// form.
type PasswordMode string

const (
	// PasswordLocal checks Parley's own passwords (the default).
	PasswordLocal PasswordMode = "local"
	// PasswordExternal sends the email and password to the company's
	// authentication endpoint (ExternalAuthSettings).
	PasswordExternal PasswordMode = "external"
	// PasswordOff refuses every email-and-password sign-in; agents sign in
	// with OpenID Connect. `parley admin sign-in` turns local passwords back on.
	PasswordOff PasswordMode = "off"
)

// Valid reports whether m is a known mode.
func (m PasswordMode) Valid() bool {
	return m == PasswordLocal || m == PasswordExternal || m == PasswordOff
}

// Tier attributes: the agent attribute that holds an agent's routing tier
// (1 for first level, 2 for second level), set by OpenID Connect claim
// mappings and the external authentication endpoint.
const AttributeTier = "tier"

// Attributes that tie an agent to its identity elsewhere.
const (
	// AttributeOIDCSubject holds the "sub" of the agent's OpenID Connect
	// identity, set on its first sign-in with the provider.
	AttributeOIDCSubject = "oidc_subject"
	// AttributeExternalID holds the id the external authentication
	// endpoint answered for the agent.
	AttributeExternalID = "external_id"
	// AttributeAvatarURL holds the avatar URL the external authentication
	// endpoint answered (shown as is; Parley does not fetch it).
	AttributeAvatarURL = "avatar_url"
)

// SignInSettings are a workspace's ways for agents to sign in.
type SignInSettings struct {
	WorkspaceID string
	// Password says how the email-and-password form is checked; default
	// PasswordLocal.
	Password PasswordMode
	OIDC     OIDCSettings
	External ExternalAuthSettings
	// UpdatedAt is zero while the workspace has the defaults.
	UpdatedAt time.Time
}

// OIDCSettings configure sign-in with an OpenID Connect provider
// (authorization code flow with PKCE; Parley is the relying party).
type OIDCSettings struct {
	Enabled bool
	// Issuer is the provider's issuer URL; its discovery document is at
	// Issuer + "/.well-known/openid-configuration".
	Issuer   string
	ClientID string
	// ClientSecret is write-only: the API never returns it.
	ClientSecret string
	// Scopes are requested besides "openid"; default profile and email.
	Scopes []string
	// ButtonLabel is the text of the sign-in page's button; default
	// "Sign in with single sign-on".
	ButtonLabel string
	// Claim names the ID token claim matched against Mappings (a string or
	// a list of strings, e.g. "groups").
	Claim string
	// Mappings give a role and tier to an agent whose Claim holds Value;
	// the first that matches wins.
	Mappings []ClaimMapping
	// DefaultRole is the role of an agent created when no mapping
	// matches; "" refuses such an agent its first sign-in.
	DefaultRole Role
	// CreateAgents creates the agent on its first sign-in; when false only
	// agents an admin created (same email) may sign in.
	CreateAgents bool
}

// ClaimMapping maps one value of the OIDC claim to a role and tier.
type ClaimMapping struct {
	Value string
	Role  Role
	Tier  int // 0: no tier
}

// ExternalAuthSettings configure the company's authentication endpoint
// (ChimpAssist's contract): Parley POSTs {"email","password"} to URL and
// reads 404 (unknown), 401 (wrong password) or 200 with the agent.
type ExternalAuthSettings struct {
	URL string
	// CreateAgents creates the agent on its first sign-in; when false only
	// agents an admin created (same email) may sign in.
	CreateAgents bool
}

// SignInState is one OpenID Connect sign-in under way: what the callback
// needs to finish it. It is used once.
type SignInState struct {
	WorkspaceID string
	// Nonce must come back in the ID token; Verifier is the PKCE code
	// verifier sent with the code.
	Nonce     string
	Verifier  string
	CreatedAt time.Time
	ExpiresAt time.Time
}

// SignInStore persists sign-in settings and OIDC sign-ins under way.
type SignInStore interface {
	// SignInSettings returns the workspace's settings: the defaults
	// (local passwords, no OIDC, no external endpoint) if never saved.
	// Returns ENOTFOUND if there is no such workspace.
	SignInSettings(ctx context.Context, workspaceID string) (*SignInSettings, error)
	// PutSignInSettings replaces the workspace's settings, setting
	// UpdatedAt. Returns ENOTFOUND if there is no such workspace.
	PutSignInSettings(ctx context.Context, actor Actor, s *SignInSettings) error
	// CreateSignInState stores st under the hash of its state parameter,
	// and forgets the expired ones. Returns ENOTFOUND for an unknown workspace.
	CreateSignInState(ctx context.Context, hash []byte, st *SignInState) error
	// TakeSignInState returns and removes the state stored under hash;
	// ENOTFOUND if there is none or it expired at or before now. Two takes
	// of one state never both succeed.
	TakeSignInState(ctx context.Context, hash []byte, now time.Time) (*SignInState, error)
}
