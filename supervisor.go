package parley

import (
	"cmp"
	"context"
	"math"
	"slices"
	"time"
)

// Limits of the supervisor's live view.
const (
	// DefaultAlertAfter is how long a conversation may wait in its queue
	// before the live view raises an alert, unless the caller says.
	DefaultAlertAfter = 2 * time.Minute
	MinAlertAfter     = 10 * time.Second
	MaxAlertAfter     = 24 * time.Hour
	// MaxOverviewAlerts bounds the alerts listed (AlertsTotal counts all).
	MaxOverviewAlerts = 100
)

// LiveAgent is an enabled human agent as the live view sees it.
type LiveAgent struct {
	ID       string
	Name     string
	Role     Role
	Presence Presence
	// Capacity is the agent's own (0: no limit).
	Capacity int
	// Open counts the conversations assigned to the agent now; Offers its
	// open offers, which count against its capacity too.
	Open   int
	Offers int
	// LastReplyAt is the agent's latest text or file message (notes and
	// events are no reply) in the conversations it holds now; zero if none.
	LastReplyAt time.Time
	// TeamIDs are the teams the agent belongs to.
	TeamIDs []string
}

// QueueCounts are a queue's conversations now.
type QueueCounts struct {
	Waiting  int
	Assigned int
	// OldestQueuedAt is when the longest-waiting pending conversation was
	// queued; zero when none waits.
	OldestQueuedAt time.Time
}

// WaitingConversation is a pending conversation the live view alerts on.
type WaitingConversation struct {
	ConversationID string
	QueueID        string
	ContactID      string
	ContactName    string
	Priority       int
	QueuedAt       time.Time
}

// LiveState is what the supervisor's live view is computed from: read from
// the database, so every node sees the same.
type LiveState struct {
	Queues []*Queue // ordered by name
	// Counts are per queue ID; a conversation without a queue counts in
	// the default queue.
	Counts map[string]QueueCounts
	Agents []LiveAgent // ordered by name
	// Waiting are pending conversations queued at or before the alert
	// time, oldest first, at most the limit asked; WaitingTotal counts
	// them all.
	Waiting      []WaitingConversation
	WaitingTotal int
}

// SupervisorStore reads the live state of a workspace.
type SupervisorStore interface {
	// LiveState returns the workspace's queues with their counts, its
	// enabled human agents with their load, and up to limit pending
	// conversations queued at or before waitingSince, oldest first.
	LiveState(ctx context.Context, workspaceID string, waitingSince time.Time, limit int) (*LiveState, error)
}

// QueueOverview is one queue's line in the supervisor's live view.
type QueueOverview struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Default bool   `json:"default"`
	// Waiting: pending conversations; LongestWait the seconds the oldest
	// of them has waited since it was queued (0 when none waits).
	Waiting        int        `json:"waiting"`
	LongestWait    int64      `json:"longest_wait_seconds"`
	OldestQueuedAt *time.Time `json:"oldest_queued_at"`
	Assigned       int        `json:"assigned"`
	// Alerts counts the queue's conversations waiting longer than the
	// threshold.
	Alerts int `json:"alerts"`
	// The agents who take the queue's conversations (the team's members,
	// or every agent): by presence, and the online ones at capacity (the
	// queue's capacity when it sets one).
	AgentsOnline     int `json:"agents_online"`
	AgentsAway       int `json:"agents_away"`
	AgentsOffline    int `json:"agents_offline"`
	AgentsAtCapacity int `json:"agents_at_capacity"`
}

// AgentOverview is one agent's line in the supervisor's live view.
type AgentOverview struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Role     Role     `json:"role"`
	Presence Presence `json:"presence"`
	Open     int      `json:"open_conversations"`
	Offers   int      `json:"open_offers"`
	// Capacity is the agent's own (0: no limit); AtCapacity whether its
	// conversations and offers reach it.
	Capacity   int  `json:"capacity"`
	AtCapacity bool `json:"at_capacity"`
	// LastReplyAt: its latest reply in the conversations it holds now
	// (null when none), and the seconds since.
	LastReplyAt    *time.Time `json:"last_reply_at"`
	SinceLastReply *int64     `json:"seconds_since_last_reply"`
}

// WaitAlert is a conversation waiting longer than the threshold.
type WaitAlert struct {
	ConversationID string    `json:"conversation_id"`
	QueueID        string    `json:"queue_id"`
	ContactID      string    `json:"contact_id"`
	ContactName    string    `json:"contact_name"`
	Priority       int       `json:"priority"`
	QueuedAt       time.Time `json:"queued_at"`
	Wait           int64     `json:"wait_seconds"`
}

// SupervisorOverview is the supervisor's live view of a workspace.
type SupervisorOverview struct {
	At          time.Time       `json:"at"`
	AlertAfter  int64           `json:"alert_after_seconds"`
	Queues      []QueueOverview `json:"queues" nullable:"false"`
	Agents      []AgentOverview `json:"agents" nullable:"false"`
	Alerts      []WaitAlert     `json:"alerts" nullable:"false"`
	AlertsTotal int             `json:"alerts_total"`
}

// seconds is the whole seconds from t to now, never negative.
func seconds(t, now time.Time) int64 { return max(0, int64(math.Floor(now.Sub(t).Seconds()))) }

// BuildSupervisorOverview computes the live view from st at now, alerting
// on conversations waiting alertAfter or longer.
func BuildSupervisorOverview(st *LiveState, now time.Time, alertAfter time.Duration) SupervisorOverview {
	out := SupervisorOverview{At: now, AlertAfter: int64(alertAfter / time.Second),
		Queues: []QueueOverview{}, Agents: []AgentOverview{}, Alerts: []WaitAlert{}, AlertsTotal: st.WaitingTotal}
	load := func(a LiveAgent) int { return a.Open + a.Offers }
	for _, a := range st.Agents {
		o := AgentOverview{ID: a.ID, Name: a.Name, Role: a.Role, Presence: a.Presence, Open: a.Open, Offers: a.Offers,
			Capacity: a.Capacity, AtCapacity: a.Capacity > 0 && load(a) >= a.Capacity}
		if !a.LastReplyAt.IsZero() {
			at, since := a.LastReplyAt, seconds(a.LastReplyAt, now)
			o.LastReplyAt, o.SinceLastReply = &at, &since
		}
		out.Agents = append(out.Agents, o)
	}
	alerts := map[string]int{}
	defaultQueue := ""
	for _, q := range st.Queues {
		if q.Default {
			defaultQueue = q.ID
		}
	}
	for _, w := range st.Waiting {
		queue := cmp.Or(w.QueueID, defaultQueue)
		alerts[queue]++
		out.Alerts = append(out.Alerts, WaitAlert{ConversationID: w.ConversationID, QueueID: queue, ContactID: w.ContactID,
			ContactName: w.ContactName, Priority: w.Priority, QueuedAt: w.QueuedAt, Wait: seconds(w.QueuedAt, now)})
	}
	for _, q := range st.Queues {
		c := st.Counts[q.ID]
		o := QueueOverview{ID: q.ID, Name: q.Name, Default: q.Default, Waiting: c.Waiting, Assigned: c.Assigned, Alerts: alerts[q.ID]}
		if !c.OldestQueuedAt.IsZero() {
			at := c.OldestQueuedAt
			o.OldestQueuedAt, o.LongestWait = &at, seconds(at, now)
		}
		for _, a := range st.Agents {
			if q.TeamID != "" && !slices.Contains(a.TeamIDs, q.TeamID) {
				continue
			}
			switch a.Presence {
			case PresenceOnline:
				o.AgentsOnline++
				capacity := a.Capacity
				if q.Capacity > 0 {
					capacity = q.Capacity
				}
				if capacity > 0 && load(a) >= capacity {
					o.AgentsAtCapacity++
				}
			case PresenceAway:
				o.AgentsAway++
			default:
				o.AgentsOffline++
			}
		}
		out.Queues = append(out.Queues, o)
	}
	return out
}
