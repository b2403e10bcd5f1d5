package parley

import (
	"context"
	"time"
)

// Inbox is a chat entry point: the widget on one website, or a custom chat UI.
type Inbox struct {
	ID          string
	WorkspaceID string
	Name        string
	// AllowedOrigins lists the web origins (scheme://host[:port]) whose pages
	// may open visitor connections to this inbox. "*" allows any origin.
	AllowedOrigins []string
	Widget         WidgetSettings
	Identity       IdentitySettings
	Conversation   ConversationSettings // resolved-conversation policy, attachment limits
	CreatedAt      time.Time
	UpdatedAt      time.Time

	// AttachmentQuotas bound what the inbox's visitors upload.
	AttachmentQuotas AttachmentQuotas
}

// WidgetSettings shape the website widget of an inbox.
type WidgetSettings struct {
	Title    string // header text of the chat window
	Greeting string // first line shown to a visitor
	Color    string // accent colour, #rrggbb
	Locale   string // BCP 47 language tag; "" follows the browser
	Position string // "right" (default) or "left"
	Prechat  PrechatForm
}

// Widget defaults: what an inbox's widget shows until they are set.
const (
	DefaultWidgetColor    = "#2563eb"
	DefaultWidgetPosition = "right"
)

// WithDefaults returns w with the defaults in place of a colour or position
// that is unset or not valid — as inboxes stored by early versions have an
// empty position — so that every inbox has valid widget settings.
func (w WidgetSettings) WithDefaults() WidgetSettings {
	if !ValidColor(w.Color) {
		w.Color = DefaultWidgetColor
	}
	if w.Position != "left" && w.Position != "right" {
		w.Position = DefaultWidgetPosition
	}
	return w
}

// PrechatForm is the optional form a visitor fills in before the first
// message of a conversation.
type PrechatForm struct {
	Enabled bool     `json:"enabled"`
	Fields  []string `json:"fields"` // of PrechatFields, in the order shown
}

// PrechatFields are the fields a pre-chat form may ask for; the answers
// become the contact's name and email.
var PrechatFields = []string{"name", "email"}

// IdentitySettings say how visitors of an inbox prove who they are: a JWT
// signed by the customer's back-end, verified with one of the keys below
// (see docs/identity.md), or a guest session when RequireVerified is false.
type IdentitySettings struct {
	// RequireVerified refuses guest (anonymous) visitors when true.
	RequireVerified bool
	// Secrets are HS256 keys shared with the customer's back-end. Any of
	// them verifies a token (several allow rotation); the first also keys
	// identifier_hash (HMAC-SHA256 of an identifier). Never returned by
	// the API in full.
	Secrets []string
	// PublicKeys verify RS256, ES256 and EdDSA tokens.
	PublicKeys []IdentityKey
	// JWKSURL, when set, is fetched (and cached, and refreshed when a token
	// names an unknown kid) for further public keys.
	JWKSURL string
	// Issuer, when set, must equal a token's iss.
	Issuer string
	// MaxTokenLifetime bounds exp - iat (or exp - now without iat); 0
	// selects DefaultMaxTokenLifetime.
	MaxTokenLifetime time.Duration
}

// DefaultMaxTokenLifetime is the longest lifetime of a visitor JWT when an
// inbox does not set its own.
const DefaultMaxTokenLifetime = 24 * time.Hour

// IdentityKey is one public key of an inbox: PEM-encoded (PKIX "PUBLIC
// KEY" of an RSA, ECDSA P-256 or Ed25519 key), named by KID ("" matches a
// token without kid).
type IdentityKey struct {
	KID string
	PEM string
}

// InboxUpdate holds the fields to change; nil means "leave as is".
type InboxUpdate struct {
	Name           *string
	AllowedOrigins *[]string
	Widget         *WidgetSettings
	Identity       *IdentitySettings
	Conversation   *ConversationSettings

	// AttachmentQuotas replaces the quotas as a whole.
	AttachmentQuotas *AttachmentQuotas
}

// InboxStore persists inboxes, scoped by workspace: an inbox of another
// workspace is reported as ENOTFOUND.
type InboxStore interface {
	// CreateInbox inserts in, setting ID, CreatedAt and UpdatedAt.
	CreateInbox(ctx context.Context, actor Actor, in *Inbox) error
	// FindInboxByID returns ENOTFOUND.
	FindInboxByID(ctx context.Context, workspaceID, id string) (*Inbox, error)
	// ListInboxes returns the workspace's inboxes ordered by ID.
	ListInboxes(ctx context.Context, workspaceID string, opt ListOptions) (List[*Inbox], error)
	// UpdateInbox returns ENOTFOUND. The fields upd leaves nil keep their
	// stored values, whatever a concurrent change makes of them.
	UpdateInbox(ctx context.Context, actor Actor, workspaceID, id string, upd InboxUpdate) (*Inbox, error)
	// ModifyInbox is UpdateInbox for an update computed from the inbox as
	// stored: it calls fn with the inbox, locked against every other change
	// until this one commits, and applies the update fn returns, all in one
	// transaction. So two read-modify-write changes of one inbox (two new
	// identity secrets, or one and a PATCH of other identity fields) never
	// lose one another. fn may change the inbox it is given; it must be
	// quick and must not call the store. Returns ENOTFOUND, or the error of
	// fn, in which case nothing changes.
	ModifyInbox(ctx context.Context, actor Actor, workspaceID, id string, fn func(in *Inbox) (InboxUpdate, error)) (*Inbox, error)
	// DeleteInbox returns ENOTFOUND.
	DeleteInbox(ctx context.Context, actor Actor, workspaceID, id string) error
}
