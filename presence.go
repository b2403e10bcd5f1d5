package parley

import (
	"context"
	"time"
)

// EventAgentPresenceChanged records a change of an agent's Presence; its
// payload is an AgentPresenceEventData. It has no conversation.
const EventAgentPresenceChanged EventType = "agent.presence_changed"

// AgentPresenceEventData is the payload of agent.presence_changed.
type AgentPresenceEventData struct {
	AgentID  string   `json:"agent_id"`
	Presence Presence `json:"presence"` // as everyone sees it now
	Chosen   Presence `json:"chosen"`   // the status the agent chose
}

// PresenceLeaseAPI is the holder of the lease a status set over the REST
// API takes (SetAgentPresence): nodes hold leases under their own IDs.
const PresenceLeaseAPI = "api"

// AgentRef names an agent of a workspace.
type AgentRef struct {
	WorkspaceID string
	AgentID     string
}

// PresenceStore keeps agents' presence in step with their connections, on
// any number of nodes. A node holding live connections of an agent renews
// a lease for it (RenewPresenceLeases); an agent none of whose leases is
// live is offline (ExpirePresence, which any node may run: the change is a
// compare-and-set, so it happens, with its event, once). Leases are
// compared with the clock of the node that checks them.
//
// Every change of Presence writes an agent.presence_changed event in the
// same transaction, and the methods return those events, oldest first, for
// the caller to publish.
type PresenceStore interface {
	// SetAgentPresence sets the status agent id chose, and its Presence,
	// to p. For a p other than offline, a lease of holder PresenceLeaseAPI
	// until leaseUntil (unless zero) keeps the agent present without a
	// connection until then. It returns the agent.presence_changed event,
	// or nil when Presence was p already. Returns ENOTFOUND, or EINVALID
	// for an unknown presence.
	SetAgentPresence(ctx context.Context, workspaceID, id string, p Presence, leaseUntil time.Time) (*Event, error)
	// RenewPresenceLeases records that holder vouches for each agent until
	// until. An agent that is offline while its chosen status is not
	// returns to that status. Agents that no longer exist are skipped.
	RenewPresenceLeases(ctx context.Context, holder string, agents []AgentRef, until time.Time) ([]*Event, error)
	// ExpirePresence sets offline every agent that is not offline and has
	// no lease expiring after now, and deletes the leases that have
	// expired.
	ExpirePresence(ctx context.Context, now time.Time) ([]*Event, error)
	// AnyAgentOnline reports whether an enabled agent of the workspace
	// (not a bot) is online.
	AnyAgentOnline(ctx context.Context, workspaceID string) (bool, error)
}
