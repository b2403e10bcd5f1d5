package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

// escalationRoutes registers escalating a conversation by hand.
func (s *server) escalationRoutes() {
	register(s, huma.Operation{
		OperationID: "escalate-conversation", Method: http.MethodPost, Path: "/api/v1/conversations/{id}/escalate",
		Tags: []string{"Routing"}, Summary: "Escalate a conversation to the next tier",
		Description: "Moves a pending or assigned conversation to the next tier of its queue, pending again and unassigned " +
			"(events conversation.unassigned if it was assigned, then conversation.escalated with reason `manual` and the " +
			"given reason as `escalation.note`). Agents may escalate the conversations they hold or that are waiting. " +
			"409 with reason `last_tier` when it is in its queue's last tier (or the queue has no tiers), `not_waiting` " +
			"when it is neither pending nor assigned.",
	}, staff(parley.ScopeConversationsWrite), s.escalateConversation)
}

type escalateInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body *struct {
		Reason string `json:"reason,omitempty" maxLength:"500" doc:"Why (at most 500 characters); shown to staff in the event."`
	}
}

func (s *server) escalateConversation(ctx context.Context, in *escalateInput) (*conversationOutput, error) {
	var reason string
	if in.Body != nil {
		reason = in.Body.Reason
	}
	if len([]rune(reason)) > parley.MaxEscalationReasonLength {
		var v parley.Validation
		v.Add("reason", "must be at most %d characters", parley.MaxEscalationReasonLength)
		return nil, v.Err()
	}
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	conv, err := s.conv.Escalate(ctx, c, in.ID, reason)
	if err != nil {
		return nil, err
	}
	s.kickRouter(principal(ctx).WorkspaceID)
	return &conversationOutput{Body: newConversationView(conv)}, nil
}

// tierView is one tier of a queue.
type tierView struct {
	TeamID  string `json:"team_id,omitempty" maxLength:"64" doc:"The tier's team. Tier 1's is the queue's team_id (may be left out); every further tier names one."`
	Seconds int    `json:"seconds" doc:"How long a conversation may stay in the tier, not accepted or not answered, before it goes to the next tier (in the last: before supervisors are alerted). 1 to 86400."`
}

func newTierViews(tiers []parley.Tier) []tierView {
	out := make([]tierView, len(tiers))
	for i, t := range tiers {
		out[i] = tierView{TeamID: t.TeamID, Seconds: int(t.Limit / time.Second)}
	}
	return out
}

// tiers checks the tiers of f into v and returns them to store, nil if
// not given; tier 1's team_id, when given, sets the queue's.
func (f *queueFields) tiers(v *parley.Validation) *[]parley.Tier {
	if f.Tiers == nil {
		return nil
	}
	tiers := make([]parley.Tier, len(*f.Tiers))
	for i, t := range *f.Tiers {
		if t.TeamID != "" && !validID(t.TeamID) {
			v.Add("tiers", "team_id must be a team ID")
		}
		tiers[i] = parley.Tier{TeamID: t.TeamID}
		if t.Seconds > 0 && time.Duration(t.Seconds)*time.Second <= parley.MaxTierLimit {
			tiers[i].Limit = time.Duration(t.Seconds) * time.Second
		} // else 0, which ValidateTiers refuses
	}
	if len(tiers) > 0 && tiers[0].TeamID != "" {
		if f.TeamID != nil && *f.TeamID != tiers[0].TeamID {
			v.Add("tiers[0].team_id", "must be the queue's team_id")
		}
		f.TeamID = &tiers[0].TeamID
	}
	parley.ValidateTiers(v, "tiers", tiers)
	return &tiers
}
