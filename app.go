package parley

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
)

// An App is an integration installed in a workspace by an admin from a
// manifest: it holds the scopes the admin approved (never more than the
// admin holds, narrowed later at will, never widened), its quotas, and
// optionally a webhook endpoint created with it. It authenticates with
// its own credentials (client ID and secret, exchanged for short-lived
// access tokens); everything it does is recorded with the app as actor
// (ActorApp).
type App struct {
	ID          string
	WorkspaceID string
	// Manifest is what the admin installed, as submitted (its Scopes and
	// Quotas are what the app asked for).
	Manifest AppManifest
	// Scopes are the scopes granted now: those of the manifest, or fewer.
	Scopes []Scope
	// Quotas are the quotas in force (effective values).
	Quotas  AppQuotas
	Enabled bool
	// WebhookEndpointID is the endpoint installed with the app; "" when
	// its manifest names no webhook (or the endpoint was deleted).
	WebhookEndpointID string
	// SecretHash is the SHA-256 of the client secret; PreviousSecretHash,
	// until PreviousSecretUntil, that of the secret it replaced (a
	// rotation's overlap).
	SecretHash          []byte
	PreviousSecretHash  []byte
	PreviousSecretUntil *time.Time
	InstalledBy         Actor
	CreatedAt           time.Time
	UpdatedAt           time.Time
}

// Actor returns the actor of everything the app does.
func (a *App) Actor() Actor { return Actor{Type: ActorApp, ID: a.ID, Name: a.Manifest.Name} }

// AppManifest describes an app: who makes it, what it may do, what it
// hears and how much it may use.
type AppManifest struct {
	Name        string      `json:"name"`
	Description string      `json:"description,omitempty"`
	Publisher   string      `json:"publisher,omitempty"`
	Homepage    string      `json:"homepage,omitempty"`
	Scopes      []Scope     `json:"scopes"`
	Webhook     *AppWebhook `json:"webhook,omitempty"`
	Quotas      AppQuotas   `json:"quotas,omitempty"`
	Panel       *AppPanel   `json:"panel,omitempty"`
}

// AppPanel is a context panel of a manifest: a page of the app's that the
// console shows beside a conversation, in a sandboxed frame, handing it
// the conversation's and contact's IDs and a short-lived panel token.
type AppPanel struct {
	// URL is the page: https (plain http only where the server's outbound
	// allow-list admits the host, as for webhooks).
	URL string `json:"url"`
	// Title names the panel in the console (the app's name when empty).
	Title string `json:"title,omitempty"`
}

// Origin returns the panel page's origin (scheme://host[:port]), the one
// the console frames and posts to; "" if URL does not parse.
func (p *AppPanel) Origin() string {
	u, err := url.Parse(p.URL)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.ToLower(u.Scheme + "://" + u.Host)
}

// AppWebhook is the webhook subscription of a manifest.
type AppWebhook struct {
	URL        string   `json:"url"`
	EventTypes []string `json:"event_types"`
}

// AppQuotas bound what an app may do. Zero fields take the defaults
// (Effective).
type AppQuotas struct {
	// AgentsTotal: agents (people or bots) created by the app that exist
	// at once.
	AgentsTotal int `json:"agents_total,omitempty"`
	// AgentsPerDay: agents the app may create in 24 hours (a sliding
	// window).
	AgentsPerDay int `json:"agents_per_day,omitempty"`
	// RequestsPerMinute: API requests made with the app's access tokens.
	RequestsPerMinute int `json:"requests_per_minute,omitempty"`
	// MessagesPerSecond: messages the app sends (REST and WebSocket, as
	// itself or as its bots).
	MessagesPerSecond int `json:"messages_per_second,omitempty"`
}

// Defaults and bounds of app quotas and manifests.
const (
	DefaultAppAgentsTotal       = 10
	DefaultAppAgentsPerDay      = 10
	DefaultAppRequestsPerMinute = 600
	DefaultAppMessagesPerSecond = 20

	MaxAppAgents            = 100_000
	MaxAppRequestsPerMinute = 100_000
	MaxAppMessagesPerSecond = 10_000

	MaxAppNameLength        = 100
	MaxAppDescriptionLength = 1000
	MaxAppPublisherLength   = 200
	MaxAppURLLength         = 2048
	MaxAppPanelTitleLength  = 100
	// PanelTokenTTL is how long a panel token lasts: the console asks for
	// a new one before it expires.
	PanelTokenTTL = 5 * time.Minute
	MaxApps       = 100 // per workspace

	// AppDayWindow is the window of AppQuotas.AgentsPerDay.
	AppDayWindow = 24 * time.Hour
)

// Reasons of the ERATELIMITED errors refusing an app over a quota; each
// names the quota.
const (
	ReasonAppAgentsTotal = "app_agents_total_quota"
	ReasonAppAgentsDay   = "app_agents_per_day_quota"
	ReasonAppRequests    = "app_requests_per_minute_quota"
	ReasonAppMessages    = "app_messages_per_second_quota"
)

// Effective returns q with every unset (zero) field replaced by its default.
func (q AppQuotas) Effective() AppQuotas {
	def := func(v, d int) int {
		if v <= 0 {
			return d
		}
		return v
	}
	return AppQuotas{
		AgentsTotal:       def(q.AgentsTotal, DefaultAppAgentsTotal),
		AgentsPerDay:      def(q.AgentsPerDay, DefaultAppAgentsPerDay),
		RequestsPerMinute: def(q.RequestsPerMinute, DefaultAppRequestsPerMinute),
		MessagesPerSecond: def(q.MessagesPerSecond, DefaultAppMessagesPerSecond),
	}
}

// Validate records problems with q under field.
func (q AppQuotas) Validate(v *Validation, field string) {
	check := func(name string, n, most int) {
		if n < 0 || n > most {
			v.Add(field+"."+name, "must be between 0 (the default) and %d", most)
		}
	}
	check("agents_total", q.AgentsTotal, MaxAppAgents)
	check("agents_per_day", q.AgentsPerDay, MaxAppAgents)
	check("requests_per_minute", q.RequestsPerMinute, MaxAppRequestsPerMinute)
	check("messages_per_second", q.MessagesPerSecond, MaxAppMessagesPerSecond)
}

// Validate records the problems of m: bounded texts, an https homepage,
// known workspace scopes (never the installation-wide ones), known event
// types, quotas within bounds. The webhook URL's reachability is the
// outbound rules' to check.
func (m *AppManifest) Validate(v *Validation) {
	v.Name("name", m.Name)
	v.BoundedText("name", m.Name, MaxAppNameLength)
	v.BoundedText("description", m.Description, MaxAppDescriptionLength)
	v.BoundedText("publisher", m.Publisher, MaxAppPublisherLength)
	if m.Homepage != "" {
		v.BoundedText("homepage", m.Homepage, MaxAppURLLength)
		if u, err := url.Parse(m.Homepage); err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil {
			v.Add("homepage", "must be an https URL")
		}
	}
	ValidateAppScopes(v, "scopes", m.Scopes)
	if w := m.Webhook; w != nil {
		v.BoundedText("webhook.url", w.URL, MaxAppURLLength)
		if strings.TrimSpace(w.URL) == "" {
			v.Add("webhook.url", "must be set")
		}
		switch {
		case len(w.EventTypes) == 0:
			v.Add("webhook.event_types", "must name at least one event type")
		case len(w.EventTypes) > MaxWebhookEventPatterns:
			v.Add("webhook.event_types", "must have at most %d entries", MaxWebhookEventPatterns)
		default:
			for i, t := range w.EventTypes {
				if !ValidEventPattern(t) {
					v.Add(fmt.Sprintf("webhook.event_types[%d]", i), "is neither an event type nor a group such as conversation.*")
				}
			}
		}
	}
	m.Quotas.Validate(v, "quotas")
	if m.Panel != nil {
		m.Panel.Validate(v, "panel")
	}
}

// Validate records the problems of p under field: a bounded title, and a
// bounded http(s) URL with a host and no user name, password or fragment.
// Whether plain http or an internal host is allowed is the outbound
// rules' to check.
func (p *AppPanel) Validate(v *Validation, field string) {
	v.BoundedText(field+".url", p.URL, MaxAppURLLength)
	v.BoundedText(field+".title", p.Title, MaxAppPanelTitleLength)
	if u, err := url.Parse(p.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil || u.Fragment != "" {
		v.Add(field+".url", "must be an https URL without user name, password or fragment")
	}
}

// ValidateAppScopes checks the scopes of an app: at least one, each a
// known workspace scope ("all" included), none installation-wide, at most
// once each.
func ValidateAppScopes(v *Validation, field string, scopes []Scope) {
	if len(scopes) == 0 {
		v.Add(field, "must list at least one scope")
	}
	if len(scopes) > len(WorkspaceScopes)+1 {
		v.Add(field, "must list at most %d scopes", len(WorkspaceScopes)+1)
		return
	}
	for i, s := range scopes {
		switch {
		case s.System():
			v.Add(fmt.Sprintf("%s[%d]", field, i), "an app may not hold the installation-wide scope %s", s)
		case !s.Valid():
			v.Add(fmt.Sprintf("%s[%d]", field, i), "is not a known scope")
		case slices.Contains(scopes[:i], s):
			v.Add(fmt.Sprintf("%s[%d]", field, i), "is listed twice")
		}
	}
}

// ScopesWithin reports whether every scope of sub is held by the scopes
// of super ("all" expanded), and names the first that is not.
func ScopesWithin(sub, super []Scope) (Scope, bool) {
	set := NewScopeSet(super...)
	for _, s := range sub {
		if s == ScopeAll {
			for _, w := range WorkspaceScopes {
				if !set.Has(w) {
					return s, false
				}
			}
			continue
		}
		if !set.Has(s) {
			return s, false
		}
	}
	return "", true
}

// AppUpdate holds the fields to change; nil means "leave as is". Scopes
// may only narrow (the HTTP layer checks; the store applies).
type AppUpdate struct {
	Scopes  *[]Scope
	Enabled *bool
	Quotas  *AppQuotas
	// Panel replaces the manifest's panel; one with an empty URL removes
	// it.
	Panel *AppPanel
}

// AppUsage is what an app has used of its quotas.
type AppUsage struct {
	AgentsTotal  int `json:"agents_total"`
	AgentsPerDay int `json:"agents_per_day"`
}

// AppToken is a short-lived access token of an app (the OAuth 2.0 client
// credentials grant). Only a hash of its secret is stored.
type AppToken struct {
	ID          string
	WorkspaceID string
	AppID       string
	// AgentID, when set, is the bot agent the token acts as: a bot the
	// app created (or any bot, with ScopeAgentsManageAll). Its messages
	// are the bot's, its provenance the app.
	AgentID string
	// Scopes are those asked for with the token, within the app's; the
	// token acts with those of them the app still holds.
	Scopes []Scope
	// ConversationID and ContactID, when set, make the token a panel
	// token: it reads only that conversation (and its messages) and that
	// contact, nothing else.
	ConversationID string
	ContactID      string
	CreatedAt      time.Time
	ExpiresAt      time.Time
	RevokedAt      *time.Time
}

// AppStore persists apps and their access tokens, scoped by workspace (an
// app of another workspace is ENOTFOUND). Every change writes an audit
// entry naming the app.
type AppStore interface {
	// InstallApp inserts a (setting ID, times) with the hash of its client
	// secret and, when wh is not nil, wh as its webhook endpoint, in one
	// transaction: all or nothing. Returns ENOTFOUND for an unknown
	// workspace, ECONFLICT if the workspace has an app of that name,
	// EINVALID past MaxApps or MaxWebhookEndpoints.
	InstallApp(ctx context.Context, actor Actor, a *App, wh *WebhookEndpoint) error
	// FindApp returns ENOTFOUND.
	FindApp(ctx context.Context, workspaceID, id string) (*App, error)
	// FindAppByClientID returns the app whose ID is id, in any workspace
	// (the client ID is how an app's workspace is learnt). ENOTFOUND.
	FindAppByClientID(ctx context.Context, id string) (*App, error)
	// ListApps returns the workspace's apps oldest first.
	ListApps(ctx context.Context, workspaceID string) ([]*App, error)
	// UpdateApp changes the fields of upd. Disabling revokes the app's
	// access tokens in the same transaction. Returns ENOTFOUND.
	UpdateApp(ctx context.Context, actor Actor, workspaceID, id string, upd AppUpdate) (*App, error)
	// RotateAppSecret makes hash the current secret's; the current one
	// stays valid until until. Returns ENOTFOUND.
	RotateAppSecret(ctx context.Context, actor Actor, workspaceID, id string, hash []byte, until time.Time) (*App, error)
	// UninstallApp deletes the app with its access tokens and its webhook
	// endpoint. Agents it created remain. Returns ENOTFOUND.
	UninstallApp(ctx context.Context, actor Actor, workspaceID, id string) error
	// CreateAppToken inserts t (setting ID, CreatedAt) with the hash of
	// its secret, and deletes the app's tokens expired before now.
	// Returns ENOTFOUND if the app is unknown, EFORBIDDEN if it is disabled.
	CreateAppToken(ctx context.Context, t *AppToken, hash []byte) error
	// FindAppTokenByHash returns the token and its app, in any workspace,
	// revoked or expired or not. Returns ENOTFOUND.
	FindAppTokenByHash(ctx context.Context, hash []byte) (*AppToken, *App, error)
	// AppUsage counts what the app used at now. Returns ENOTFOUND.
	AppUsage(ctx context.Context, workspaceID, id string, now time.Time) (AppUsage, error)
}
