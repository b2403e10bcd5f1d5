package httpapi

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

func (s *server) presenceRoutes() {
	tags := []string{"Agents"}
	register(s, huma.Operation{
		OperationID: "get-my-presence", Method: http.MethodGet, Path: "/api/v1/me/presence", Tags: tags,
		Summary: "Get my presence",
		Description: "The logged-in agent's presence: `online` (taking chats), `away` or `offline`. " +
			"The widget shows visitors an offline state (\"leave a message\") while no agent of the workspace is online. " +
			"Presence follows connections: the status the agent chose holds while it has a real-time connection open " +
			"(a console tab), and for the grace period after the last one closes (PARLEY_PRESENCE_GRACE, 30 s by default); " +
			"then the agent is offline until it connects again, when the status it chose returns.",
	}, authenticated, s.getMyPresence)
	register(s, huma.Operation{
		OperationID: "set-my-presence", Method: http.MethodPut, Path: "/api/v1/me/presence", Tags: tags,
		Summary: "Set my presence",
		Description: "Sets the logged-in agent's presence. Only agents have a presence: API tokens get 403. " +
			"Setting it counts as a connection for the grace period: an agent that sets itself online without " +
			"connecting is offline again once the grace period has passed.",
	}, authenticated, s.setMyPresence)
}

type presenceView struct {
	Status parley.Presence `json:"status" enum:"online,away,offline"`
}

type presenceOutput struct {
	Body presenceView
}

type setPresenceInput struct {
	Body presenceView
}

// presenceAgent is the calling agent's ID, or EFORBIDDEN for an API token.
func presenceAgent(ctx context.Context) (*parley.Principal, error) {
	p := principal(ctx)
	if p.Type != parley.ActorAgent || p.AgentID == "" {
		return nil, parley.Errorf(parley.EFORBIDDEN, "Only agents have a presence.")
	}
	return p, nil
}

func (s *server) getMyPresence(ctx context.Context, _ *struct{}) (*presenceOutput, error) {
	p, err := presenceAgent(ctx)
	if err != nil {
		return nil, err
	}
	a, err := s.store.FindAgentByID(ctx, p.WorkspaceID, p.AgentID)
	if err != nil {
		return nil, err
	}
	return &presenceOutput{Body: presenceView{Status: a.Presence}}, nil
}

func (s *server) setMyPresence(ctx context.Context, in *setPresenceInput) (*presenceOutput, error) {
	p, err := presenceAgent(ctx)
	if err != nil {
		return nil, err
	}
	if !in.Body.Status.Valid() {
		var v parley.Validation
		v.Add("status", "must be online, away or offline")
		return nil, v.Err()
	}
	if err := s.cfg.Presence.Set(ctx, p.WorkspaceID, p.AgentID, in.Body.Status); err != nil {
		return nil, err
	}
	return &presenceOutput{Body: in.Body}, nil
}
