package account

import (
	"context"
	"crypto/subtle"
	"slices"
	"strings"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/secret"
)

// Prefixes of an app's client secret and of its access tokens.
const (
	AppSecretPrefix = "prlyc_"
	AppTokenPrefix  = "prlyat_"
	// AppTokenTTL is how long an app's access token lasts.
	AppTokenTTL = time.Hour
	// MaxAppSecretOverlap bounds how long a rotated-out client secret
	// still works.
	MaxAppSecretOverlap = 7 * 24 * time.Hour
)

// Reasons of the refusals of app installs and updates.
const (
	ReasonScopeEscalation = "scope_escalation" // asking for a scope the installer does not hold, or widening
)

// MayManageApps returns EFORBIDDEN unless p may install and change apps:
// a workspace admin (or an API token holding tokens:write), never an app.
func MayManageApps(p *parley.Principal) error {
	switch {
	case p.Type == parley.ActorApp:
		return parley.Errorf(parley.EFORBIDDEN, "An app may not install or change apps.")
	case p.Type == parley.ActorAgent && p.Role != parley.RoleAdmin:
		return parley.Errorf(parley.EFORBIDDEN, "Only an admin may install or change apps.")
	case !p.Can(parley.ScopeTokensWrite):
		return parley.Errorf(parley.EFORBIDDEN, "Installing apps requires the scope %q.", parley.ScopeTokensWrite)
	}
	return nil
}

// InstallApp validates the manifest and installs it in p's workspace with
// every scope it asks for — all or nothing — with wh (the manifest's
// webhook, its URL already checked by the outbound rules) as its
// endpoint. Returns the app and its client secret, shown only this once.
// Returns EINVALID for a bad manifest, EFORBIDDEN (Reason
// ReasonScopeEscalation) when it asks for a scope p does not hold.
func (s *Service) InstallApp(ctx context.Context, p *parley.Principal, m parley.AppManifest, wh *parley.WebhookEndpoint) (*parley.App, string, error) {
	if err := MayManageApps(p); err != nil {
		return nil, "", err
	}
	var v parley.Validation
	m.Validate(&v)
	if err := v.Err(); err != nil {
		return nil, "", err
	}
	if sc, ok := lacks(p, m.Scopes); ok {
		return nil, "", &parley.Error{Code: parley.EFORBIDDEN, Reason: ReasonScopeEscalation,
			Message: "The app asks for the scope \"" + string(sc) + "\", which you do not hold: you may not grant it."}
	}
	sec := secret.NewToken(AppSecretPrefix)
	a := &parley.App{
		WorkspaceID: p.WorkspaceID, Manifest: m, Scopes: slices.Clone(m.Scopes), Quotas: m.Quotas.Effective(),
		Enabled: true, SecretHash: secret.Hash(sec),
	}
	if err := s.store.InstallApp(ctx, p.Actor, a, wh); err != nil {
		return nil, "", err
	}
	return a, sec, nil
}

// UpdateApp applies upd to an app of p's workspace. Scopes may only
// narrow: a scope the app does not hold now is refused (EFORBIDDEN,
// Reason ReasonScopeEscalation) — reinstall to widen. Disabling ends the
// app's tokens (the caller closes their sockets).
func (s *Service) UpdateApp(ctx context.Context, p *parley.Principal, id string, upd parley.AppUpdate) (*parley.App, error) {
	if err := MayManageApps(p); err != nil {
		return nil, err
	}
	var v parley.Validation
	if upd.Scopes != nil {
		parley.ValidateAppScopes(&v, "scopes", *upd.Scopes)
	}
	if upd.Quotas != nil {
		upd.Quotas.Validate(&v, "quotas")
	}
	if upd.Panel != nil && upd.Panel.URL != "" {
		upd.Panel.Validate(&v, "panel")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if upd.Quotas != nil {
		q := upd.Quotas.Effective()
		upd.Quotas = &q
	}
	a, err := s.store.FindApp(ctx, p.WorkspaceID, id)
	if err != nil {
		return nil, err
	}
	if upd.Scopes != nil {
		if sc, ok := parley.ScopesWithin(*upd.Scopes, a.Scopes); !ok {
			return nil, &parley.Error{Code: parley.EFORBIDDEN, Reason: ReasonScopeEscalation,
				Message: "Scopes may only be narrowed: the app does not hold \"" + string(sc) + "\". Reinstall it to grant more."}
		}
	}
	return s.store.UpdateApp(ctx, p.Actor, p.WorkspaceID, id, upd)
}

// RotateAppSecret makes a new client secret, returned only this once; the
// old one keeps working for overlap (at most MaxAppSecretOverlap).
func (s *Service) RotateAppSecret(ctx context.Context, p *parley.Principal, id string, overlap time.Duration) (*parley.App, string, error) {
	if err := MayManageApps(p); err != nil {
		return nil, "", err
	}
	if overlap < 0 || overlap > MaxAppSecretOverlap {
		return nil, "", &parley.Error{Code: parley.EINVALID, Message: "The input is invalid.",
			Fields: []parley.FieldError{{Field: "overlap_seconds", Message: "must be between 0 and 604800"}}}
	}
	sec := secret.NewToken(AppSecretPrefix)
	a, err := s.store.RotateAppSecret(ctx, p.Actor, p.WorkspaceID, id, secret.Hash(sec), s.now().Add(overlap))
	if err != nil {
		return nil, "", err
	}
	return a, sec, nil
}

// UninstallApp removes an app of p's workspace, its tokens and webhook.
func (s *Service) UninstallApp(ctx context.Context, p *parley.Principal, id string) error {
	if err := MayManageApps(p); err != nil {
		return err
	}
	return s.store.UninstallApp(ctx, p.Actor, p.WorkspaceID, id)
}

// ReasonInvalidClient is the Reason of the EUNAUTHORIZED answering unknown
// client credentials (OAuth's invalid_client).
const ReasonInvalidClient = "invalid_client"

// IssueAppToken is the client credentials grant (RFC 6749 §4.4): it
// checks the app's client ID and secret (the current one, or the previous
// one during a rotation's overlap) and returns a new access token with
// the scopes asked for (all of the app's when none), valid AppTokenTTL.
// Returns EUNAUTHORIZED (Reason ReasonInvalidClient) for unknown
// credentials or a disabled app, EINVALID (Reason "invalid_scope") for a
// scope the app does not hold.
func (s *Service) IssueAppToken(ctx context.Context, clientID, clientSecret string, scopes []parley.Scope) (string, *parley.AppToken, *parley.App, error) {
	return s.IssueAppBotToken(ctx, clientID, clientSecret, scopes, "")
}

// ReasonNotAppBot is the Reason of the EINVALID refusing a token for an
// agent the app may not act as.
const ReasonNotAppBot = "invalid_agent"

// IssueAppBotToken is IssueAppToken for a token acting as the bot agent
// agentID ("" for the app itself): an enabled bot of the app's workspace
// that the app created, or any bot if it holds parley.ScopeAgentsManageAll.
// Returns EINVALID (Reason ReasonNotAppBot) for any other agent.
func (s *Service) IssueAppBotToken(ctx context.Context, clientID, clientSecret string, scopes []parley.Scope, agentID string) (string, *parley.AppToken, *parley.App, error) {
	bad := &parley.Error{Code: parley.EUNAUTHORIZED, Reason: ReasonInvalidClient, Message: "The client credentials are invalid."}
	if clientID == "" || len(clientID) > 64 || !strings.HasPrefix(clientSecret, AppSecretPrefix) || len(clientSecret) > maxSecretLength {
		return "", nil, nil, bad
	}
	a, err := s.store.FindAppByClientID(ctx, clientID)
	if parley.ErrorCode(err) == parley.ENOTFOUND {
		return "", nil, nil, bad
	} else if err != nil {
		return "", nil, nil, err
	}
	h, now := secret.Hash(clientSecret), s.now()
	ok := subtle.ConstantTimeCompare(h, a.SecretHash) == 1 ||
		(a.PreviousSecretUntil != nil && now.Before(*a.PreviousSecretUntil) && subtle.ConstantTimeCompare(h, a.PreviousSecretHash) == 1)
	if !ok || !a.Enabled {
		return "", nil, nil, bad
	}
	if len(scopes) == 0 {
		scopes = a.Scopes
	}
	if sc, ok := parley.ScopesWithin(scopes, a.Scopes); !ok {
		return "", nil, nil, &parley.Error{Code: parley.EINVALID, Reason: "invalid_scope",
			Message: "The app does not hold the scope \"" + string(sc) + "\"."}
	}
	if agentID != "" {
		if err := s.mayActAsBot(ctx, a, agentID); err != nil {
			return "", nil, nil, err
		}
	}
	sec := secret.NewToken(AppTokenPrefix)
	t := &parley.AppToken{WorkspaceID: a.WorkspaceID, AppID: a.ID, Scopes: slices.Clone(scopes), ExpiresAt: now.Add(AppTokenTTL), AgentID: agentID}
	if err := s.store.CreateAppToken(ctx, t, secret.Hash(sec)); err != nil {
		if c := parley.ErrorCode(err); c == parley.EFORBIDDEN || c == parley.ENOTFOUND {
			return "", nil, nil, bad
		}
		return "", nil, nil, err
	}
	return sec, t, a, nil
}

// panelScopes are the most a panel token holds: reading the conversation
// and the contact (of those, the ones the app holds).
var panelScopes = []parley.Scope{parley.ScopeConversationsRead, parley.ScopeContactsRead}

// IssuePanelToken mints, for the console of staff p, a panel token of app
// appID confined to the conversation conversationID and its contact
// contactID (p's access to the conversation is the caller's to check):
// the app's read scopes of the conversation and contact that p holds too,
// valid parley.PanelTokenTTL. Returns ENOTFOUND if the app is not one of p's
// workspace or has no panel, EFORBIDDEN if it is disabled or p is an app.
func (s *Service) IssuePanelToken(ctx context.Context, p *parley.Principal, appID, conversationID, contactID string) (string, *parley.AppToken, error) {
	if p.Type == parley.ActorApp || p.Visitor() {
		return "", nil, parley.Errorf(parley.EFORBIDDEN, "Panel tokens are for the console's staff.")
	}
	a, err := s.store.FindApp(ctx, p.WorkspaceID, appID)
	if err != nil {
		return "", nil, err
	}
	if a.Manifest.Panel == nil {
		return "", nil, parley.Errorf(parley.ENOTFOUND, "The app has no panel.")
	}
	if !a.Enabled {
		return "", nil, parley.Errorf(parley.EFORBIDDEN, "The app is disabled.")
	}
	scopes := []parley.Scope{}
	for _, sc := range panelScopes {
		// Never more than the app holds, nor more than p: a panel token
		// reads nothing its agent could not.
		if _, ok := parley.ScopesWithin([]parley.Scope{sc}, a.Scopes); ok && p.Can(sc) {
			scopes = append(scopes, sc)
		}
	}
	sec := secret.NewToken(AppTokenPrefix)
	t := &parley.AppToken{WorkspaceID: a.WorkspaceID, AppID: a.ID, Scopes: scopes, ExpiresAt: s.now().Add(parley.PanelTokenTTL),
		ConversationID: conversationID, ContactID: contactID}
	if err := s.store.CreateAppToken(ctx, t, secret.Hash(sec)); err != nil {
		return "", nil, err
	}
	return sec, t, nil
}

// mayActAsBot returns EINVALID unless app a may act as the agent agentID:
// an enabled bot of its workspace that it created, or any such bot with
// parley.ScopeAgentsManageAll.
func (s *Service) mayActAsBot(ctx context.Context, a *parley.App, agentID string) error {
	bad := &parley.Error{Code: parley.EINVALID, Reason: ReasonNotAppBot,
		Message: "The app may act only as an enabled bot agent it created (any bot with the scope \"" + string(parley.ScopeAgentsManageAll) + "\")."}
	if len(agentID) > 64 || !parley.ValidText(agentID) {
		return bad
	}
	ag, err := s.store.FindAgentByID(ctx, a.WorkspaceID, agentID)
	if parley.ErrorCode(err) == parley.ENOTFOUND {
		return bad
	} else if err != nil {
		return err
	}
	if !ag.Bot || ag.Disabled || (ag.AppID != a.ID && !slices.Contains(a.Scopes, parley.ScopeAgentsManageAll) && !slices.Contains(a.Scopes, parley.ScopeAll)) {
		return bad
	}
	return nil
}

// AuthenticateAppToken returns the principal of an app's access token:
// the app as actor, with the token's scopes that the app still holds.
// Returns EUNAUTHORIZED if the token is unknown, revoked or expired
// (Reason ReasonTokenExpired), or its app disabled.
func (s *Service) AuthenticateAppToken(ctx context.Context, sec string) (*parley.Principal, error) {
	if !strings.HasPrefix(sec, AppTokenPrefix) || len(sec) > maxSecretLength {
		return nil, errUnauthenticated()
	}
	t, a, err := s.store.FindAppTokenByHash(ctx, secret.Hash(sec))
	if parley.ErrorCode(err) == parley.ENOTFOUND || (err == nil && (t.RevokedAt != nil || !a.Enabled)) {
		return nil, errUnauthenticated()
	} else if err != nil {
		return nil, err
	}
	if !t.ExpiresAt.After(s.now()) {
		return nil, &parley.Error{Code: parley.EUNAUTHORIZED, Reason: ReasonTokenExpired,
			Message: "The access token has expired: ask POST /api/v1/oauth/token for a new one."}
	}
	if t.AgentID != "" {
		// The bot may have been deleted or disabled since.
		if err := s.mayActAsBot(ctx, a, t.AgentID); parley.ErrorCode(err) == parley.EINVALID {
			return nil, errUnauthenticated()
		} else if err != nil {
			return nil, err
		}
	}
	held := parley.NewScopeSet(a.Scopes...)
	scopes := parley.ScopeSet{}
	for sc := range parley.NewScopeSet(t.Scopes...) {
		if held.Has(sc) {
			scopes[sc] = true
		}
	}
	return &parley.Principal{
		Actor:       a.Actor(),
		WorkspaceID: a.WorkspaceID,
		AppID:       a.ID,
		AgentID:     t.AgentID,
		Scopes:      scopes,
		// A panel token reads only its conversation and contact.
		PanelConversationID: t.ConversationID,
		PanelContactID:      t.ContactID,
		// The quota in force now: narrowing it takes effect at once.
		RequestsPerMinute: a.Quotas.Effective().RequestsPerMinute,
		MessagesPerSecond: a.Quotas.Effective().MessagesPerSecond,
		ExpiresAt:         t.ExpiresAt,
		Credential:        parley.Credential{Kind: parley.CredentialAppToken, ID: t.ID},
	}, nil
}

// ReasonNotAppAgent is the Reason of the EFORBIDDEN refusing an app that
// changes an agent it did not create.
const ReasonNotAppAgent = "not_app_agent"

// MayManageAppAgent returns EFORBIDDEN if p is an app that did not create
// agent a and does not hold parley.ScopeAgentsManageAll; nil for anyone
// else (whose rights are checked by MayManageAgent).
func MayManageAppAgent(p *parley.Principal, a *parley.Agent) error {
	if p.AppID == "" || a.AppID == p.AppID || p.Can(parley.ScopeAgentsManageAll) {
		return nil
	}
	return &parley.Error{Code: parley.EFORBIDDEN, Reason: ReasonNotAppAgent,
		Message: "An app manages only the agents it created, unless it holds the scope \"" + string(parley.ScopeAgentsManageAll) + "\"."}
}
