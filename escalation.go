package parley

import (
	"context"
	"fmt"
	"time"
)

// Tier is one line of a queue's escalation: a team and how long a
// conversation may stay in the tier before it goes to the next one (or,
// in the last tier, before supervisors are alerted).
//
// Tiers are numbered from 1. Tier 1 is the queue's own team (Queue.TeamID,
// "" for every agent); each further tier adds its team: a conversation in
// tier n may be routed to the agents of tiers 1 to n, so the first line
// stays eligible when the second joins.
type Tier struct {
	// TeamID is the tier's team. For tier 1 it is always the queue's
	// TeamID; further tiers must name a team.
	TeamID string
	// Limit is the tier's time, whole seconds between MinTierLimit and
	// MaxTierLimit.
	Limit time.Duration
}

// Limits of tiers.
const (
	MaxTiers     = 5
	MinTierLimit = time.Second
	MaxTierLimit = 24 * time.Hour
	// MaxEscalationReasonLength bounds the reason an agent gives when
	// escalating by hand.
	MaxEscalationReasonLength = 500
)

// ValidateTiers checks a queue's tiers into v under field: at most
// MaxTiers, each with a whole number of seconds within bounds, every tier
// after the first naming a team, no team twice.
func ValidateTiers(v *Validation, field string, tiers []Tier) {
	if len(tiers) > MaxTiers {
		v.Add(field, "At most %d tiers.", MaxTiers)
		return
	}
	seen := map[string]bool{}
	for i, t := range tiers {
		f := fmt.Sprintf("%s[%d]", field, i)
		if t.Limit < MinTierLimit || t.Limit > MaxTierLimit || t.Limit%time.Second != 0 {
			v.Add(f+".seconds", "A whole number of seconds from %d to %d.",
				int(MinTierLimit.Seconds()), int(MaxTierLimit.Seconds()))
		}
		if i > 0 && t.TeamID == "" {
			v.Add(f+".team_id", "Every tier after the first names a team.")
		}
		if t.TeamID != "" && seen[t.TeamID] {
			v.Add(f+".team_id", "A team may be in one tier only.")
		}
		seen[t.TeamID] = true
	}
}

// TierTeams returns the teams whose agents may take a conversation in
// tier (1-based) of q: the teams of tiers 1 to tier. It returns nil when
// every agent of the workspace may (tier 1 routes to every agent).
func (q *Queue) TierTeams(tier int) []string {
	if q.TeamID == "" {
		return nil
	}
	teams := []string{q.TeamID}
	for i := 1; i < len(q.Tiers) && i < tier; i++ {
		teams = append(teams, q.Tiers[i].TeamID)
	}
	return teams
}

// RoutingTeams returns the teams of every tier of q (the agents who may
// take any of its conversations), nil for every agent.
func (q *Queue) RoutingTeams() []string { return q.TierTeams(len(q.Tiers)) }

// Why a conversation was escalated (ConversationEventData.Reason of
// conversation.escalated and conversation.escalation_overdue).
const (
	// EscalationTimeout: nobody accepted it (it stayed pending) within
	// its tier's time.
	EscalationTimeout = "timeout"
	// EscalationUnanswered: it was assigned but the visitor waited its
	// tier's time for an answer.
	EscalationUnanswered = "unanswered"
	// EscalationManual: an agent escalated it by hand.
	EscalationManual = "manual"
)

// Escalation is the step of a conversation.escalated event.
type Escalation struct {
	FromTier int `json:"from_tier"`
	ToTier   int `json:"to_tier"`
	// Note is the reason an agent gave when escalating by hand.
	Note string `json:"note,omitempty"`
}

// Event types of escalation. Their payload is a ConversationEventData
// whose Reason is one of the Escalation* reasons; they are for staff only.
const (
	// EventConversationEscalated: the conversation went to the next tier
	// of its queue (Escalation says from which to which). When it was
	// assigned it is pending again, after a conversation.unassigned.
	EventConversationEscalated EventType = "conversation.escalated"
	// EventConversationEscalationOverdue: the conversation's last tier's
	// time passed; supervisors are alerted. Written once per time the
	// conversation waits in a queue.
	EventConversationEscalationOverdue EventType = "conversation.escalation_overdue"
)

// EscalationStore moves conversations through their queue's tiers.
type EscalationStore interface {
	// EscalateConversations, in every workspace, moves to their next
	// tier the conversations of queues with tiers that have stayed in
	// their tier for its time at now, pending (Reason EscalationTimeout)
	// or assigned while the visitor waited that long for an answer
	// (EscalationUnanswered: it is unassigned, pending again); in the
	// last tier it writes conversation.escalation_overdue instead, once.
	// Each change is a compare-and-set, so racing sweepers make it once.
	EscalateConversations(ctx context.Context, now time.Time) ([]*Event, error)
	// EscalateConversation moves a pending or assigned conversation to
	// the next tier of its queue by hand (Reason EscalationManual, with
	// note), pending and unassigned. Returns ENOTFOUND, EINVALID for a
	// note too long, ECONFLICT with Reason "not_waiting" when it is not
	// pending or assigned and "last_tier" when there is no next tier.
	EscalateConversation(ctx context.Context, workspaceID, id string, by Participant, note string) (*Conversation, []*Event, error)
}
