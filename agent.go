package parley

import (
	"context"
	"time"
)

// Role is an agent's role in its workspace. Each role grants a fixed set of
// scopes (see RoleScopes).
type Role string

const (
	RoleAdmin      Role = "admin"      // manages the workspace: agents, inboxes, tokens, audit log
	RoleSupervisor Role = "supervisor" // oversees conversations and agents; reads configuration
	RoleAgent      Role = "agent"      // answers conversations
)

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	switch r {
	case RoleAdmin, RoleSupervisor, RoleAgent:
		return true
	}
	return false
}

// Presence is an agent's availability.
type Presence string

const (
	PresenceOnline  Presence = "online"  // available for chats
	PresenceAway    Presence = "away"    // signed in, not taking chats now
	PresenceOffline Presence = "offline" // not available
)

// Valid reports whether p is a known presence.
func (p Presence) Valid() bool {
	return p == PresenceOnline || p == PresenceAway || p == PresenceOffline
}

// Agent is a user of a workspace: a person in the console or a bot.
type Agent struct {
	ID          string
	WorkspaceID string
	Email       string // unique per workspace, stored lower-case
	Name        string
	Role        Role
	// SystemAdmin agents may manage workspaces across the installation.
	SystemAdmin bool
	Bot         bool
	// Disabled agents cannot log in or be assigned conversations; disabling
	// ends their sessions and puts their conversations back in the queue.
	Disabled bool
	Capacity int // concurrent conversations the agent may hold; 0 = no limit
	// Presence is the agent's availability as everyone sees it: the status
	// it chose (ChosenPresence) while it is connected, offline once it has
	// not been for the grace period (see PresenceStore). New agents are
	// offline.
	Presence Presence
	// ChosenPresence is the status the agent last chose (PUT
	// /api/v1/me/presence), which Presence returns to when it connects.
	ChosenPresence Presence
	// AvatarURL is an https URL of the agent's picture, shown to visitors
	// with its name; "" for none.
	AvatarURL string
	// Attributes are custom attributes, e.g. an external system's id.
	// Keys match AttributeKeyPattern; values are JSON values.
	Attributes map[string]any
	// AppID is the app that created the agent; "" for one created
	// otherwise. An app manages only its own agents unless it holds
	// ScopeAgentsManageAll.
	AppID     string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// AgentUpdate holds the fields to change; nil means "leave as is".
// Attributes, when set, replaces the whole map.
type AgentUpdate struct {
	Email      *string
	Name       *string
	Role       *Role
	Bot        *bool
	Disabled   *bool
	Capacity   *int
	Attributes *map[string]any
	AvatarURL  *string
}

// AgentFilter narrows ListAgents. An empty field matches everything.
type AgentFilter struct {
	Role Role
	// AttributeKey/AttributeValue match agents whose attribute AttributeKey,
	// rendered as text (strings as is, numbers in decimal), equals AttributeValue.
	AttributeKey   string
	AttributeValue string
	ListOptions
}

// AgentStore persists agents. Every method is scoped by workspace ID: an
// agent of another workspace is reported as ENOTFOUND.
type AgentStore interface {
	// CreateAgent inserts a, setting ID, CreatedAt and UpdatedAt; passwordHash
	// may be "" for an agent that cannot log in yet (e.g. a bot).
	// Returns ECONFLICT if the email is taken in the workspace. When actor
	// is an app (ActorApp), the agent is the app's (AppID) and the app's
	// agent quotas are checked in the same transaction: ERATELIMITED with
	// Reason ReasonAppAgentsTotal or ReasonAppAgentsDay (and RetryAfter)
	// when over one, ENOTFOUND if the app is gone.
	CreateAgent(ctx context.Context, actor Actor, a *Agent, passwordHash string) error
	// FindAgentByID returns ENOTFOUND if there is no such agent in the workspace.
	FindAgentByID(ctx context.Context, workspaceID, id string) (*Agent, error)
	// FindAgentByEmail matches the email case-insensitively. Returns ENOTFOUND.
	FindAgentByEmail(ctx context.Context, workspaceID, email string) (*Agent, error)
	// ListAgents returns the workspace's agents ordered by ID.
	ListAgents(ctx context.Context, workspaceID string, f AgentFilter) (List[*Agent], error)
	// UpdateAgent returns ENOTFOUND, or ECONFLICT if the new email is taken
	// or if the agent is the workspace's last enabled admin and upd demotes
	// or disables it (a workspace always keeps one enabled admin; the check
	// and the change are one transaction, so two admins demoting each other
	// at once cannot both succeed). Disabling an agent ends its sessions and
	// releases its conversations (see DeleteAgent) in the same transaction.
	UpdateAgent(ctx context.Context, actor Actor, workspaceID, id string, upd AgentUpdate) (*Agent, error)
	// UpdateAgentReleasing is UpdateAgent that also returns the events of
	// the conversations it released, oldest first, for the caller to
	// publish; none unless upd disables the agent.
	UpdateAgentReleasing(ctx context.Context, actor Actor, workspaceID, id string, upd AgentUpdate) (*Agent, []*Event, error)
	// SetAgentPassword replaces the password hash. Returns ENOTFOUND.
	SetAgentPassword(ctx context.Context, actor Actor, workspaceID, id, passwordHash string) error
	// AgentPasswordHash returns the stored hash ("" if none). Returns ENOTFOUND.
	AgentPasswordHash(ctx context.Context, workspaceID, id string) (string, error)
	// ConversationAgents returns the agents (people and bots) who wrote a
	// message in the conversation — not counting notes unless includeNotes
	// — or are assigned to it, ordered by ID; none for an unknown
	// conversation.
	ConversationAgents(ctx context.Context, workspaceID, conversationID string, includeNotes bool) ([]*Agent, error)
	// DeleteAgent removes the agent and its sessions, and releases its
	// conversations: each conversation assigned to it goes back to pending
	// with no assignee, writing the conversation.unassigned event
	// UnassignConversation writes (by the system, naming the agent as the
	// previous assignee), in the same transaction. Resolved conversations
	// are left as they are. Returns ENOTFOUND, or ECONFLICT if the agent is
	// the workspace's last enabled admin (see UpdateAgent).
	DeleteAgent(ctx context.Context, actor Actor, workspaceID, id string) error
	// DeleteAgentReleasing is DeleteAgent that also returns the events of
	// the conversations it released, oldest first, for the caller to publish.
	DeleteAgentReleasing(ctx context.Context, actor Actor, workspaceID, id string) ([]*Event, error)
}
