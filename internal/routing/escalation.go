package routing

import (
	"context"
	"slices"

	"github.com/parleychat/parley"
)

// escalate moves the conversations past their tier's time to the next
// tier, and alerts on those past their last tier's (see
// parley.EscalationStore).
func (r *Router) escalate(ctx context.Context) error {
	evs, err := r.cfg.Store.EscalateConversations(ctx, r.cfg.Now())
	if len(evs) > 0 {
		r.cfg.Publish(evs...)
	}
	return err
}

// tierPool keeps of pool the agents who may take conv in its tier: the
// members of the teams of tiers 1 to conv.Tier of q. Queues without tiers
// leave pool as it is.
func (r *Router) tierPool(ctx context.Context, q *parley.Queue, conv *parley.Conversation, pool []parley.RoutingCandidate) ([]parley.RoutingCandidate, error) {
	if len(q.Tiers) < 2 || conv.Tier >= len(q.Tiers) {
		return pool, nil
	}
	teams := q.TierTeams(max(conv.Tier, 1))
	if teams == nil {
		return pool, nil
	}
	var members []string
	for _, id := range teams {
		t, err := r.cfg.Store.FindTeam(ctx, q.WorkspaceID, id)
		if parley.ErrorCode(err) == parley.ENOTFOUND {
			continue
		} else if err != nil {
			return nil, err
		}
		members = append(members, t.AgentIDs...)
	}
	return slices.DeleteFunc(slices.Clone(pool), func(c parley.RoutingCandidate) bool {
		return !slices.Contains(members, c.AgentID)
	}), nil
}
