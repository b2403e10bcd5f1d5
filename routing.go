package parley

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Team is a named group of agents of a workspace; an agent may be in
// several. Queues route to a team's members.
type Team struct {
	ID          string
	WorkspaceID string
	Name        string
	// AgentIDs are the members, ordered by ID.
	AgentIDs  []string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// TeamUpdate holds the fields to change; nil means "leave as is". AgentIDs,
// when set, replaces the members.
type TeamUpdate struct {
	Name     *string
	AgentIDs *[]string
}

// Limits on teams and queues.
const (
	MaxTeamNameLength = 64
	MaxTeamMembers    = 1000
	MaxRoutingRules   = 100
	// MaxRuleAttributes bounds the attribute conditions of one rule.
	MaxRuleAttributes = 20
	MaxPageURLLength  = 2048
	// MaxQueueCapacity bounds a queue's capacity override.
	MaxQueueCapacity = 1000
)

// Strategy says how a queue's pending conversations reach agents.
type Strategy string

const (
	// StrategyManual: conversations wait until an agent takes one (or a
	// supervisor assigns it).
	StrategyManual Strategy = "manual"
	// StrategyRoundRobin gives each conversation to the next eligible agent
	// after the one who got the previous one, in the order of agent IDs.
	StrategyRoundRobin Strategy = "round_robin"
	// StrategyLeastBusy gives it to the eligible agent holding the fewest
	// assigned conversations; ties go to the one idle longest.
	StrategyLeastBusy Strategy = "least_busy"
	// StrategyLongestIdle gives it to the eligible agent whose last
	// assignment is oldest (never assigned counts as oldest).
	StrategyLongestIdle Strategy = "longest_idle"
	// StrategyExternal asks the queue's ExternalRouter which eligible
	// agent takes it, and falls back to the router's Fallback strategy
	// when the service is slow, down or answers nonsense.
	StrategyExternal Strategy = "external"
	// StrategyBot gives every conversation at once to the queue's bot
	// (Queue.BotID), whatever its presence and load (bots have no
	// capacity, and answer at any hour): the bot hands it off to people
	// when it is done, or Parley does when it leaves the visitor waiting
	// longer than Queue.BotTimeout.
	StrategyBot Strategy = "bot"
)

// Strategies lists the known strategies.
var Strategies = []Strategy{StrategyManual, StrategyRoundRobin, StrategyLeastBusy, StrategyLongestIdle, StrategyExternal, StrategyBot}

// ExternalRouter is the customer's routing service of a queue with
// StrategyExternal: Parley POSTs it each conversation to place with the
// eligible agents, signed with Secret (Standard Webhooks), and assigns the
// agent it names (see docs/routing.md).
type ExternalRouter struct {
	URL string
	// Secret signs the requests ("whsec_…"); set by Parley.
	Secret string
	// Timeout bounds each request; 0 means DefaultExternalTimeout.
	Timeout time.Duration
	// Fallback is the strategy used when the service does not name an
	// eligible agent in time; "" means round robin.
	Fallback Strategy
}

// Limits of external routers.
const (
	DefaultExternalTimeout = 2 * time.Second
	MaxExternalTimeout     = 10 * time.Second
)

// EffectiveTimeout returns the timeout, the default when unset.
func (e ExternalRouter) EffectiveTimeout() time.Duration {
	if e.Timeout <= 0 {
		return DefaultExternalTimeout
	}
	return min(e.Timeout, MaxExternalTimeout)
}

// EffectiveFallback returns the fallback strategy, round robin when unset
// or not automatic.
func (e ExternalRouter) EffectiveFallback() Strategy {
	if !e.Fallback.Automatic() || e.Fallback == StrategyExternal {
		return StrategyRoundRobin
	}
	return e.Fallback
}

// Valid reports whether s is a known strategy.
func (s Strategy) Valid() bool { return slices.Contains(Strategies, s) }

// Automatic reports whether the router assigns the queue's conversations.
func (s Strategy) Automatic() bool { return s.Valid() && s != StrategyManual }

// Queue holds pending conversations until an agent takes them: every
// conversation belongs to exactly one queue. Each workspace has one
// default queue (Default), made when first needed, which inboxes without
// a queue of their own use and which cannot be deleted.
type Queue struct {
	ID          string
	WorkspaceID string
	Name        string
	// TeamID is the team whose members take the queue's conversations; ""
	// means every agent of the workspace.
	TeamID   string
	Strategy Strategy
	// Capacity, when above 0, replaces each agent's own capacity when
	// conversations of this queue are routed to it (and when an agent
	// takes one): the agent may then hold up to Capacity conversations.
	Capacity int
	Default  bool
	// LastAgentID is the agent the round robin last chose ("" if none).
	LastAgentID string
	// External is the routing service of StrategyExternal; nil if none.
	External *ExternalRouter
	// Hours are the queue's business hours; nil means always open.
	// Outside them conversations still queue (and are routed to whoever
	// is online); visitors are told when the team is back.
	Hours *BusinessHours
	// OfferMode: automatic assignments are offered to the agent, who
	// accepts within OfferTimeout (0: DefaultOfferTimeout) or the
	// conversation goes to the next agent.
	OfferMode    bool
	OfferTimeout time.Duration
	// OfflineReturn, when above 0, is how long an agent holding the
	// queue's conversations may be offline before they go back to the
	// queue (conversation.unassigned, reason "agent_offline").
	OfflineReturn time.Duration
	// Tiers are the queue's escalation tiers, tier 1 first (see Tier);
	// none means no escalation.
	Tiers []Tier
	// BotID is the bot of StrategyBot. BotTimeout, when above 0, is how
	// long the bot may leave the visitor waiting for a reply before Parley
	// hands the conversation off to HandoffQueueID (Handoff.Automatic).
	BotID          string
	BotTimeout     time.Duration
	HandoffQueueID string
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// QueueUpdate holds the fields to change; nil means "leave as is". A
// TeamID of "" routes to every agent.
type QueueUpdate struct {
	Name     *string
	TeamID   *string
	Strategy *Strategy
	Capacity *int
	// External replaces the external router, secret included;
	// ClearExternal removes it.
	External      *ExternalRouter
	ClearExternal bool
	// Hours replaces the business hours; ClearHours removes them.
	Hours      *BusinessHours
	ClearHours bool
	// OfferMode and OfferTimeout change offer mode.
	OfferMode     *bool
	OfferTimeout  *time.Duration
	OfflineReturn *time.Duration
	// Tiers replaces the tiers (an empty list removes them); tier 1's
	// team becomes the queue's TeamID.
	Tiers *[]Tier
	// BotID, BotTimeout and HandoffQueueID change the bot settings ("" and
	// 0 clear them).
	BotID          *string
	BotTimeout     *time.Duration
	HandoffQueueID *string
}

// MaxBotTimeout bounds a queue's BotTimeout.
const MaxBotTimeout = time.Hour

// ReasonBotSilent is the reason of an automatic hand-off: the bot left
// the visitor waiting longer than its queue's BotTimeout.
const ReasonBotSilent = "bot_timeout"

// SilentBot is a conversation a bot holds, in a queue of StrategyBot,
// whose visitor has waited longer than the queue's BotTimeout.
type SilentBot struct {
	WorkspaceID    string
	ConversationID string
	BotID          string
	HandoffQueueID string
}

// MaxOfflineReturn bounds a queue's OfflineReturn.
const MaxOfflineReturn = 24 * time.Hour

// Reasons of a conversation.unassigned event made by Parley itself.
const (
	// ReasonAgentOffline: the agent holding it was offline longer than
	// its queue's OfflineReturn.
	ReasonAgentOffline = "agent_offline"
)

// RoutingRule puts a conversation in QueueID when every condition it sets
// holds (an empty condition holds always). Rules are tried in order when a
// conversation becomes pending on a visitor's message; the first that
// matches chooses the queue, and when none does the inbox's queue is used.
type RoutingRule struct {
	QueueID string `json:"queue_id"`
	// InboxID: the conversation came through this inbox.
	InboxID string `json:"inbox_id,omitempty"`
	// Verified: the contact is verified (true) or a guest (false).
	Verified *bool `json:"verified,omitempty"`
	// Attributes: each of the contact's attributes, rendered as text
	// (strings as is, numbers in decimal, booleans true/false), equals the
	// value given.
	Attributes map[string]string `json:"attributes,omitempty"`
	// PageURLPrefix: the page the conversation was started from begins
	// with this.
	PageURLPrefix string `json:"page_url_prefix,omitempty"`
}

// RoutingFacts are what rules look at.
type RoutingFacts struct {
	InboxID    string
	Verified   bool
	Attributes map[string]any
	PageURL    string
}

// Matches reports whether every condition of r holds for f.
func (r RoutingRule) Matches(f RoutingFacts) bool {
	if r.InboxID != "" && r.InboxID != f.InboxID {
		return false
	}
	if r.Verified != nil && *r.Verified != f.Verified {
		return false
	}
	for k, want := range r.Attributes {
		v, ok := f.Attributes[k]
		if !ok || AttributeText(v) != want {
			return false
		}
	}
	return r.PageURLPrefix == "" || strings.HasPrefix(f.PageURL, r.PageURLPrefix)
}

// ChooseQueue returns the queue of the first rule that matches f, or
// fallback.
func ChooseQueue(rules []RoutingRule, f RoutingFacts, fallback string) string {
	for _, r := range rules {
		if r.Matches(f) {
			return r.QueueID
		}
	}
	return fallback
}

// AttributeText renders an attribute value as filters and rules compare
// it: strings as is, numbers in decimal, booleans as true/false, anything
// else as "".
func AttributeText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case bool:
		return strconv.FormatBool(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	}
	return ""
}

// RoutingCandidate is an agent an automatic strategy may choose: enabled,
// not a bot, online, in the queue's team and under capacity.
type RoutingCandidate struct {
	AgentID string
	// Open is how many conversations the agent holds (assigned), open
	// offers included (see Offer).
	Open int
	// Capacity is the effective limit (the queue's override or the
	// agent's own); 0 means no limit.
	Capacity int
	// LastAssignedAt is when the agent was last given a conversation;
	// nil if never.
	LastAssignedAt *time.Time
}

// PickAgent chooses among candidates by strategy; lastAgentID is the
// queue's round-robin cursor. It returns false when there is no candidate
// or the strategy is not automatic. Candidates over capacity are skipped.
func PickAgent(strategy Strategy, candidates []RoutingCandidate, lastAgentID string) (string, bool) {
	var free []RoutingCandidate
	for _, c := range candidates {
		if c.Capacity <= 0 || c.Open < c.Capacity {
			free = append(free, c)
		}
	}
	if len(free) == 0 {
		return "", false
	}
	idleBefore := func(a, b RoutingCandidate) int {
		switch {
		case a.LastAssignedAt == nil && b.LastAssignedAt == nil:
			return 0
		case a.LastAssignedAt == nil:
			return -1
		case b.LastAssignedAt == nil:
			return 1
		}
		return a.LastAssignedAt.Compare(*b.LastAssignedAt)
	}
	switch strategy {
	case StrategyRoundRobin:
		slices.SortFunc(free, func(a, b RoutingCandidate) int { return strings.Compare(a.AgentID, b.AgentID) })
		for _, c := range free {
			if c.AgentID > lastAgentID {
				return c.AgentID, true
			}
		}
		return free[0].AgentID, true
	case StrategyLeastBusy:
		best := slices.MinFunc(free, func(a, b RoutingCandidate) int {
			if a.Open != b.Open {
				return a.Open - b.Open
			}
			if c := idleBefore(a, b); c != 0 {
				return c
			}
			return strings.Compare(a.AgentID, b.AgentID)
		})
		return best.AgentID, true
	case StrategyLongestIdle:
		best := slices.MinFunc(free, func(a, b RoutingCandidate) int {
			if c := idleBefore(a, b); c != 0 {
				return c
			}
			return strings.Compare(a.AgentID, b.AgentID)
		})
		return best.AgentID, true
	}
	return "", false
}

// RouteOptions constrain RouteConversation.
type RouteOptions struct {
	// QueueID, when set, is the queue the conversation must be in; its
	// round-robin cursor moves to the agent.
	QueueID string
	// Capacity replaces the agent's own capacity when above 0.
	Capacity int
	// RequireOnline refuses an agent that is not online (or is a bot).
	RequireOnline bool
	// NoWait makes RouteConversation fail at once, rather than wait, when
	// another transaction is changing the agent (ECONFLICT, reason "busy")
	// or the conversation (ECONFLICT) at that moment, on PostgreSQL: for
	// routers, which have other agents and conversations to try, so that
	// two of them on one queue do not queue up behind each other's locks.
	// OfferConversation ignores it.
	NoWait bool
	// DeferCursor leaves the queue's round-robin cursor alone: the caller
	// moves it with SetQueueCursor once for many assignments (routers), so
	// that routers on several nodes do not take turns locking the queue's
	// row for every assignment.
	DeferCursor bool
}

// QueueRef names a queue of a workspace.
type QueueRef struct {
	WorkspaceID string
	QueueID     string
}

// QueueStatus is what a waiting visitor is told: where it stands in its
// queue and how long it may wait.
type QueueStatus struct {
	QueueID string
	// Position is 1 for the next conversation to be taken; 0 when the
	// conversation is not pending.
	Position int
	// Waiting is how many conversations wait in the queue.
	Waiting int
	// EstimatedWait is the mean time the queue's last (up to 20)
	// conversations assigned in the past day waited; nil without any.
	EstimatedWait *time.Duration
}

// Availability says whether a queue can take a conversation now.
type Availability struct {
	QueueID string
	// OnlineAgents are the queue's enabled, online agents (not bots).
	OnlineAgents int
	// AvailableAgents are those of them under capacity.
	AvailableAgents int
}

// Event types of routing.
const (
	// EventConversationQueueChanged: the conversation moved to another
	// queue (a transfer to a queue or team); its payload is a
	// ConversationEventData whose PreviousQueueID names the queue it left.
	EventConversationQueueChanged EventType = "conversation.queue_changed"
)

// RoutingStore persists teams, queues and routing rules, and makes the
// assignments the router decides. Every method is scoped by workspace: a
// team, queue, agent, inbox or conversation of another workspace is
// reported as ENOTFOUND. Changes of teams, queues and rules write an audit
// entry.
type RoutingStore interface {
	// CreateTeam inserts t, setting ID, CreatedAt and UpdatedAt. Returns
	// ECONFLICT if the name is taken (in any case), ENOTFOUND if an agent
	// is not in the workspace.
	CreateTeam(ctx context.Context, actor Actor, t *Team) error
	// FindTeam returns ENOTFOUND.
	FindTeam(ctx context.Context, workspaceID, id string) (*Team, error)
	// ListTeams returns the workspace's teams ordered by name.
	ListTeams(ctx context.Context, workspaceID string) ([]*Team, error)
	// UpdateTeam returns ENOTFOUND (also for an unknown agent) or ECONFLICT.
	UpdateTeam(ctx context.Context, actor Actor, workspaceID, id string, upd TeamUpdate) (*Team, error)
	// DeleteTeam returns ENOTFOUND, or ECONFLICT if a queue routes to it.
	DeleteTeam(ctx context.Context, actor Actor, workspaceID, id string) error

	// CreateQueue inserts q (Default and LastAgentID are ignored). Returns
	// ECONFLICT if the name is taken, ENOTFOUND if the team is not in the
	// workspace.
	CreateQueue(ctx context.Context, actor Actor, q *Queue) error
	// FindQueue returns ENOTFOUND.
	FindQueue(ctx context.Context, workspaceID, id string) (*Queue, error)
	// ListQueues returns the workspace's queues ordered by name, the
	// default queue made first if there is none yet.
	ListQueues(ctx context.Context, workspaceID string) ([]*Queue, error)
	// UpdateQueue returns ENOTFOUND or ECONFLICT.
	UpdateQueue(ctx context.Context, actor Actor, workspaceID, id string, upd QueueUpdate) (*Queue, error)
	// DeleteQueue returns ENOTFOUND, or ECONFLICT if it is the default
	// queue, an inbox's queue, named by a routing rule, or holds
	// conversations that are not resolved. Its resolved conversations move
	// to the default queue.
	DeleteQueue(ctx context.Context, actor Actor, workspaceID, id string) error
	// DefaultQueue returns the workspace's default queue, making it if
	// needed. Returns ENOTFOUND if the workspace does not exist.
	DefaultQueue(ctx context.Context, workspaceID string) (*Queue, error)
	// InboxQueue returns the queue of the inbox's conversations: the one
	// set with SetInboxQueue, else the default queue. Returns ENOTFOUND.
	InboxQueue(ctx context.Context, workspaceID, inboxID string) (*Queue, error)
	// SetInboxQueue sets the queue of the inbox; "" returns it to the
	// default queue. Returns ENOTFOUND.
	SetInboxQueue(ctx context.Context, actor Actor, workspaceID, inboxID, queueID string) error

	// RoutingRules returns the workspace's rules in order.
	RoutingRules(ctx context.Context, workspaceID string) ([]RoutingRule, error)
	// SetRoutingRules replaces the rules. Returns ENOTFOUND if a queue or
	// inbox is not in the workspace.
	SetRoutingRules(ctx context.Context, actor Actor, workspaceID string, rules []RoutingRule) error

	// RoutingCandidates returns the agents an automatic strategy may give
	// the queue's next conversation to (see RoutingCandidate), ordered by
	// ID; those at capacity are left out. Returns ENOTFOUND.
	RoutingCandidates(ctx context.Context, workspaceID, queueID string) ([]RoutingCandidate, error)
	// AgentLoads returns how many conversations each of the workspace's
	// agents agentIDs holds as capacity counts them (assigned, and open
	// offers), by agent ID; agents of other workspaces are left out.
	AgentLoads(ctx context.Context, workspaceID string, agentIDs []string) (map[string]int, error)
	// RoutableQueues returns the queues with an automatic strategy that
	// hold pending conversations, in every workspace.
	RoutableQueues(ctx context.Context) ([]QueueRef, error)
	// SilentBots returns the conversations whose bot has left the visitor
	// waiting longer than its queue's BotTimeout at now, in every
	// workspace.
	SilentBots(ctx context.Context, now time.Time) ([]SilentBot, error)
	// NextPending returns up to limit pending conversations of the queue,
	// in the order they are to be taken: higher priority first, then
	// longest waiting.
	NextPending(ctx context.Context, workspaceID, queueID string, limit int) ([]*Conversation, error)
	// RouteConversation is AssignConversation with the checks of opt,
	// decided in the same transaction as the assignment, so that no agent
	// goes over capacity however many callers race: ECONFLICT with Reason
	// "capacity" when the agent already holds its capacity, "offline" when
	// opt.RequireOnline and it is not online, "queue" when the conversation
	// is not in opt.QueueID, and ECONFLICT when it is not pending.
	RouteConversation(ctx context.Context, workspaceID, id, agentID string, by Participant, opt RouteOptions) (*Conversation, *Event, error)
	// SetQueueCursor moves the queue's round-robin cursor to agentID.
	SetQueueCursor(ctx context.Context, workspaceID, queueID, agentID string) error
	// MoveConversation puts an open, pending or assigned conversation in
	// queueID, pending again with no assignee if it was assigned
	// (conversation.queue_changed). Returns ENOTFOUND, or ECONFLICT if it
	// is resolved or already in that queue.
	MoveConversation(ctx context.Context, workspaceID, id, queueID string, by Participant) (*Conversation, *Event, error)
	// QueueStatus returns where a conversation stands in its queue.
	// Returns ENOTFOUND.
	QueueStatus(ctx context.Context, workspaceID, conversationID string) (*QueueStatus, error)
	// QueueAvailability returns the queue's online and available agents.
	// Returns ENOTFOUND.
	QueueAvailability(ctx context.Context, workspaceID, queueID string) (*Availability, error)
	// ReturnOfflineConversations puts back in their queue, pending and
	// unassigned (conversation.unassigned with Reason ReasonAgentOffline),
	// the assigned conversations of queues with an OfflineReturn whose
	// agent has been offline at least that long at now, in every
	// workspace.
	ReturnOfflineConversations(ctx context.Context, now time.Time) ([]*Event, error)
	// AutoResolveConversations resolves, in every workspace, the
	// conversations of inboxes with an AutoResolveAfter that are neither
	// resolved nor snoozed and have seen no activity for that long at
	// now: each in one transaction with its system line (AutoResolveLine,
	// message.created) and conversation.resolved with Reason
	// ReasonInactive, and only if still inactive when it commits, so that
	// racing sweepers resolve each once. It returns the events written.
	AutoResolveConversations(ctx context.Context, now time.Time) ([]*Event, error)
}
