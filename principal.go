package parley

import (
	"context"
	"time"
)

// ActorType says who performed an action.
type ActorType string

const (
	ActorAgent   ActorType = "agent"   // a person or bot logged in as an agent
	ActorToken   ActorType = "token"   // an API token
	ActorSystem  ActorType = "system"  // Parley itself or the operator's command line
	ActorContact ActorType = "contact" // a visitor, acting as its contact through a visitor session
	ActorApp     ActorType = "app"     // an installed app, with one of its access tokens
)

// Actor identifies who performs a change; stores record it in the audit log
// in the same transaction as the change.
type Actor struct {
	Type ActorType
	ID   string // agent, token or contact ID; "" for ActorSystem
	// Name is a human label kept in the audit log (email or token name), so
	// that the log stays readable after the actor is deleted.
	Name string
}

// SystemActor is the actor of changes made by Parley itself or `parley admin`.
var SystemActor = Actor{Type: ActorSystem, Name: "system"}

// Principal is an authenticated caller of the API.
type Principal struct {
	Actor
	WorkspaceID string
	// AgentID is set when Type is ActorAgent, and for an app (ActorApp)
	// whose token acts as one of its bots: that bot.
	AgentID     string
	Role        Role // set when Type is ActorAgent
	SystemAdmin bool
	Scopes      ScopeSet
	// SessionID is the agent session's ID when the caller used the console
	// cookie (and so must pass CSRF checks); "" for bearer credentials.
	SessionID string
	// ContactID and InboxID are set when Type is ActorContact: the visitor
	// acts as that contact, through a session opened in that inbox. A
	// visitor holds no scopes, so every scope-checked operation denies it;
	// operations open to visitors check what it may reach themselves.
	ContactID string
	InboxID   string
	// ConversationID, when set, confines a visitor to that one
	// conversation: its session was opened with a resume token.
	ConversationID string
	// ResumeTokenID is set with ConversationID: the resume token the
	// visitor session was opened with.
	ResumeTokenID string
	// AppID is set when Type is ActorApp: the app whose access token the
	// caller presented.
	AppID string
	// PanelConversationID and PanelContactID are set for an app's panel
	// token: the caller may only read that conversation, its messages and
	// that contact.
	PanelConversationID string
	PanelContactID      string
	// RequestsPerMinute, when not 0, bounds the API requests of the
	// credential (an app's quota).
	RequestsPerMinute int
	// MessagesPerSecond, when not 0, bounds the messages the credential
	// sends (an app's quota).
	MessagesPerSecond int
	// ExpiresAt is when the credential stops being valid (zero: it does
	// not expire while in use). A real-time connection warns the client
	// before and closes at that time unless the client refreshes it.
	ExpiresAt time.Time
	// Credential is the stored credential the principal authenticated
	// with (zero for one made up by Parley itself).
	Credential Credential
}

// Visitor reports whether the principal is a visitor (ActorContact).
func (p *Principal) Visitor() bool {
	return p != nil && p.Type == ActorContact && p.ContactID != ""
}

// Can reports whether the principal holds scope s. System scopes are held
// only by system administrators (or tokens a system administrator granted).
func (p *Principal) Can(s Scope) bool {
	return p != nil && p.Scopes.Has(s)
}

type principalKey struct{}

// WithPrincipal returns a context carrying p.
func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// PrincipalFrom returns the principal in ctx, or nil.
func PrincipalFrom(ctx context.Context) *Principal {
	p, _ := ctx.Value(principalKey{}).(*Principal)
	return p
}
