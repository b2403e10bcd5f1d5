package account

import (
	"context"
	"maps"
	"reflect"

	"github.com/parleychat/parley"
)

// identity is who the company's identity system says signed in.
type identity struct {
	method      string // "oidc" or "external", for the audit log's actor
	idAttribute string // the agent attribute holding id
	id          string // the identity's stable id (OIDC sub, the endpoint's id)
	email, name string
	avatarURL   string
	role        parley.Role // "" = no role known
	defaultRole bool        // role is the default, not from a mapping: it does not change an existing agent
	tier        int         // 0 = no tier
	create      bool        // create the agent on its first sign-in
}

// provisionActor is the audit log's actor of agents created or updated by
// signing in.
func provisionActor(method string) parley.Actor {
	return parley.Actor{Type: parley.ActorSystem, Name: method + " sign-in"}
}

// provision returns the agent id signs in as: the agent linked to the
// identity (by the attribute), else the agent with its email, which gets
// linked; else a new agent when id.create allows and a role is known.
// Every sign-in brings the agent's name, tier and — from a mapping — role
// up to date; an admin keeps the admin role (demote admins in Parley).
func (s *Service) provision(ctx context.Context, workspaceID string, id *identity) (*parley.Agent, error) {
	id.email = parley.NormalizeEmail(id.email)
	if id.id == "" || len(id.id) > maxClaimValueLength || !cleanText(id.id) || !parley.ValidEmail(id.email) {
		return nil, &parley.Error{Code: parley.EUNAUTHORIZED, Reason: ReasonIdentityInvalid,
			Message: "Your identity has no verified email address that Parley can use."}
	}
	if len(id.name) > parley.MaxNameLength || !cleanText(id.name) {
		id.name = ""
	}
	agent, err := s.linkedAgent(ctx, workspaceID, id)
	if err != nil {
		return nil, err
	}
	if agent == nil {
		return s.createProvisioned(ctx, workspaceID, id)
	}
	if agent.Disabled {
		return nil, errDisabled()
	}
	if agent.Bot {
		return nil, &parley.Error{Code: parley.EUNAUTHORIZED, Reason: ReasonIdentityInvalid, Message: "A bot cannot sign in."}
	}
	return s.refreshProvisioned(ctx, agent, id)
}

// linkedAgent finds the agent of id: by the identity attribute, then by
// email. An agent found by email but linked to another identity is refused.
func (s *Service) linkedAgent(ctx context.Context, workspaceID string, id *identity) (*parley.Agent, error) {
	l, err := s.store.ListAgents(ctx, workspaceID, parley.AgentFilter{
		AttributeKey: id.idAttribute, AttributeValue: id.id, ListOptions: parley.ListOptions{Limit: 1},
	})
	if err != nil {
		return nil, err
	}
	if len(l.Items) > 0 {
		return l.Items[0], nil
	}
	agent, err := s.store.FindAgentByEmail(ctx, workspaceID, id.email)
	if parley.ErrorCode(err) == parley.ENOTFOUND {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	if linked, ok := agent.Attributes[id.idAttribute]; ok && linked != id.id {
		return nil, &parley.Error{Code: parley.EUNAUTHORIZED, Reason: ReasonIdentityInvalid,
			Message: "The agent with your email address is linked to another identity. Ask an administrator."}
	}
	return agent, nil
}

func (s *Service) createProvisioned(ctx context.Context, workspaceID string, id *identity) (*parley.Agent, error) {
	if !id.create {
		return nil, &parley.Error{Code: parley.EUNAUTHORIZED, Reason: ReasonNoAccount,
			Message: "You have no account in this workspace yet. Ask an administrator to create yours."}
	}
	if !id.role.Valid() {
		return nil, &parley.Error{Code: parley.EFORBIDDEN, Reason: ReasonNoRole,
			Message: "Your identity gives you no role in this workspace. Ask an administrator."}
	}
	name := id.name
	if name == "" {
		name = id.email
	}
	a := &parley.Agent{
		WorkspaceID: workspaceID, Email: id.email, Name: name, Role: id.role,
		Attributes: applyIdentityAttributes(nil, id),
	}
	err := s.store.CreateAgent(ctx, provisionActor(id.method), a, "")
	if parley.ErrorCode(err) == parley.ECONFLICT {
		// Another sign-in of the same person created it a moment ago.
		return s.linkedAgent(ctx, workspaceID, id)
	} else if err != nil {
		return nil, err
	}
	s.logger.InfoContext(ctx, "agent created on first sign-in", "workspace", workspaceID, "agent", a.ID, "method", id.method)
	return a, nil
}

// refreshProvisioned brings an existing agent up to date with id, writing
// only when something changed.
func (s *Service) refreshProvisioned(ctx context.Context, agent *parley.Agent, id *identity) (*parley.Agent, error) {
	var upd parley.AgentUpdate
	attrs := applyIdentityAttributes(agent.Attributes, id)
	if !reflect.DeepEqual(attrs, agent.Attributes) {
		upd.Attributes = &attrs
	}
	if id.name != "" && id.name != agent.Name {
		upd.Name = &id.name
	}
	if id.role.Valid() && !id.defaultRole && id.role != agent.Role && agent.Role != parley.RoleAdmin {
		upd.Role = &id.role
	}
	if upd == (parley.AgentUpdate{}) {
		return agent, nil
	}
	return s.store.UpdateAgent(ctx, provisionActor(id.method), agent.WorkspaceID, agent.ID, upd)
}

// applyIdentityAttributes returns attrs with the identity's link, tier and
// avatar set (the tier removed when id has none); attrs is not changed.
func applyIdentityAttributes(attrs map[string]any, id *identity) map[string]any {
	out := maps.Clone(attrs)
	if out == nil {
		out = map[string]any{}
	}
	out[id.idAttribute] = id.id
	if id.tier > 0 {
		out[parley.AttributeTier] = float64(id.tier) // as JSON numbers decode
	} else if !id.defaultRole {
		delete(out, parley.AttributeTier)
	}
	if id.avatarURL != "" {
		out[parley.AttributeAvatarURL] = id.avatarURL
	}
	return out
}
