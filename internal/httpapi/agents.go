package httpapi

import (
	"context"
	"encoding/json"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
)

func (s *server) agentRoutes() {
	tags := []string{"Agents"}
	register(s, huma.Operation{
		OperationID: "list-agents", Method: http.MethodGet, Path: "/api/v1/agents", Tags: tags,
		Summary: "List agents",
		Description: "Lists the workspace's agents, optionally filtered by role and by one custom attribute: " +
			"`attribute.<key>=<value>` (e.g. `?attribute.external_id=42`) matches agents whose attribute, " +
			"as text (strings as is, numbers in decimal), equals the value.",
	}, staff(parley.ScopeAgentsRead), s.listAgents)
	register(s, huma.Operation{
		OperationID: "create-agent", Method: http.MethodPost, Path: "/api/v1/agents", Tags: tags,
		Summary: "Create an agent", DefaultStatus: http.StatusCreated,
		Description: "Creates a console user or a bot. The caller must hold every scope of the new agent's role " +
			"(so that nobody creates an agent more powerful than themselves).",
	}, staff(parley.ScopeAgentsWrite), s.createAgent)
	register(s, huma.Operation{
		OperationID: "get-agent", Method: http.MethodGet, Path: "/api/v1/agents/{id}", Tags: tags,
		Summary: "Get an agent",
	}, staff(parley.ScopeAgentsRead), s.getAgent)
	register(s, huma.Operation{
		OperationID: "update-agent", Method: http.MethodPatch, Path: "/api/v1/agents/{id}", Tags: tags,
		Summary: "Update an agent",
		Description: "Changes the fields present in the body; absent (or null) fields are left as they are, " +
			"except `attributes`, which replaces all attributes (null or {} removes them). `password` sets a new password " +
			"and ends the agent's sessions. The caller must hold every scope of the agent's role (old and new), " +
			"and only a system administrator may change a system administrator. Demoting or disabling the last " +
			"enabled admin of the workspace is refused with 409.",
	}, staff(parley.ScopeAgentsWrite), s.updateAgent)
	register(s, huma.Operation{
		OperationID: "delete-agent", Method: http.MethodDelete, Path: "/api/v1/agents/{id}", Tags: tags,
		Summary: "Delete an agent", DefaultStatus: http.StatusNoContent,
		Description: "Deletes the agent and ends its sessions, under the same rule as updating. " +
			"The conversations assigned to the agent go back to the queue (pending, no assignee), " +
			"each with a `conversation.unassigned` event; resolved ones are left as they are. " +
			"409 if it would leave the workspace without an enabled admin.",
	}, staff(parley.ScopeAgentsWrite), s.deleteAgent)
}

// agentView is an agent as the API shows it (never its password hash).
type agentView struct {
	ID          string          `json:"id"`
	WorkspaceID string          `json:"workspace_id"`
	Email       string          `json:"email"`
	Name        string          `json:"name"`
	Role        parley.Role     `json:"role" enum:"admin,supervisor,agent"`
	SystemAdmin bool            `json:"system_admin" doc:"May manage every workspace of the installation."`
	Bot         bool            `json:"bot"`
	Disabled    bool            `json:"disabled" doc:"A disabled agent cannot log in or be assigned conversations."`
	Capacity    int             `json:"capacity" doc:"Concurrent conversations the agent may hold; 0 = no limit."`
	Attributes  map[string]any  `json:"attributes" doc:"Custom attributes, e.g. an external system's id."`
	AvatarURL   string          `json:"avatar_url" doc:"An https URL of the agent's picture, shown to visitors with its name; empty for none."`
	AppID       string          `json:"app_id,omitempty" doc:"The app that created the agent."`
	Presence    parley.Presence `json:"presence" enum:"online,away,offline" doc:"Whether the agent takes chats now: the status it chose while it is connected (a console tab open), offline once it has not been for the grace period."`
	CreatedAt   time.Time       `json:"created_at"`
	UpdatedAt   time.Time       `json:"updated_at"`
	// Load is set in lists only.
	Load *int `json:"load,omitempty" doc:"In lists: how many conversations the agent holds now as its capacity counts them (assigned to it, and offered to it awaiting an answer)."`
}

func newAgentView(a *parley.Agent) agentView {
	attrs := a.Attributes
	if attrs == nil {
		attrs = map[string]any{}
	}
	return agentView{
		ID: a.ID, WorkspaceID: a.WorkspaceID, Email: a.Email, Name: a.Name, Role: a.Role,
		SystemAdmin: a.SystemAdmin, Bot: a.Bot, Disabled: a.Disabled, Capacity: a.Capacity,
		Attributes: attrs, AvatarURL: a.AvatarURL, AppID: a.AppID, Presence: a.Presence, CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt,
	}
}

type agentOutput struct {
	Body agentView
}

type agentIDInput struct {
	ID string `path:"id" doc:"The agent's ID."`
}

type listAgentsInput struct {
	PageParams
	Role parley.Role `query:"role" enum:"admin,supervisor,agent" doc:"Only agents of this role."`

	attrKey, attrValue string
}

// Resolve reads the attribute filter, whose parameter name holds the key,
// from the raw query, and decodes the cursor.
func (in *listAgentsInput) Resolve(ctx huma.Context) []error {
	errs := in.PageParams.Resolve(ctx)
	u := ctx.URL()
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return append(errs, &huma.ErrorDetail{Location: "query", Message: "is not a valid query string"})
	}
	for _, name := range slices.Sorted(maps.Keys(q)) {
		values := q[name]
		key, ok := strings.CutPrefix(name, "attribute.")
		switch {
		case !ok:
		case !parley.AttributeKeyPattern.MatchString(key):
			errs = append(errs, &huma.ErrorDetail{Location: "query." + name,
				Message: "attribute key must start with a letter and hold only letters, digits and _ (at most 64)"})
		case in.attrKey != "" || len(values) != 1:
			errs = append(errs, &huma.ErrorDetail{Location: "query." + name, Message: "only one attribute filter with one value is supported"})
		default:
			in.attrKey, in.attrValue = key, values[0]
		}
	}
	return errs
}

func (s *server) listAgents(ctx context.Context, in *listAgentsInput) (*listOutput[agentView], error) {
	l, err := s.store.ListAgents(ctx, principal(ctx).WorkspaceID, parley.AgentFilter{
		Role: in.Role, AttributeKey: in.attrKey, AttributeValue: in.attrValue, ListOptions: in.options(),
	})
	if err != nil {
		return nil, err
	}
	out := newList(l, newAgentView)
	ids := make([]string, len(l.Items))
	for i, a := range l.Items {
		ids[i] = a.ID
	}
	loads, err := s.store.AgentLoads(ctx, principal(ctx).WorkspaceID, ids)
	if err != nil {
		return nil, err
	}
	for i := range out.Body.Items {
		n := loads[out.Body.Items[i].ID]
		out.Body.Items[i].Load = &n
	}
	return out, nil
}

// createAgentInput leaves the rules (including the allowed roles) to the
// accounts service rather than the schema, so that one 422 lists every bad
// field; the same goes for the other request bodies.
type createAgentInput struct {
	Body struct {
		Email      string         `json:"email"`
		Name       string         `json:"name"`
		Role       parley.Role    `json:"role,omitempty" default:"agent" doc:"admin, supervisor or agent."`
		Password   string         `json:"password,omitempty" doc:"At least 10 characters. May be omitted for a bot, which then cannot log in."`
		Bot        bool           `json:"bot,omitempty"`
		Capacity   int            `json:"capacity,omitempty" doc:"Concurrent conversations; 0 = no limit."`
		Attributes map[string]any `json:"attributes,omitempty" doc:"Custom attributes; keys are letters, digits and _, starting with a letter."`
		AvatarURL  string         `json:"avatar_url,omitempty" doc:"An https URL of the agent's picture."`
	}
}

func (s *server) createAgent(ctx context.Context, in *createAgentInput) (*agentOutput, error) {
	p := principal(ctx)
	b := in.Body
	if err := account.MayManageAgent(p, b.Role, false); err != nil {
		return nil, err
	}
	a := &parley.Agent{
		WorkspaceID: p.WorkspaceID, Email: b.Email, Name: b.Name, Role: b.Role,
		Bot: b.Bot, Capacity: b.Capacity, Attributes: b.Attributes, AvatarURL: b.AvatarURL,
	}
	if err := s.accts.CreateAgent(ctx, p.Actor, a, b.Password); err != nil {
		return nil, err
	}
	return &agentOutput{Body: newAgentView(a)}, nil
}

func (s *server) getAgent(ctx context.Context, in *agentIDInput) (*agentOutput, error) {
	a, err := s.store.FindAgentByID(ctx, principal(ctx).WorkspaceID, in.ID)
	if err != nil {
		return nil, err
	}
	return &agentOutput{Body: newAgentView(a)}, nil
}

// attributesPatch is the attributes field of a PATCH: absent leaves the
// attributes alone, null or an object replaces them all.
type attributesPatch struct {
	set   bool
	value map[string]any
}

func (a *attributesPatch) UnmarshalJSON(b []byte) error {
	a.set = true
	return json.Unmarshal(b, &a.value)
}

// Schema describes the field in the OpenAPI document.
func (attributesPatch) Schema(huma.Registry) *huma.Schema {
	return &huma.Schema{
		Type: huma.TypeObject, Nullable: true, AdditionalProperties: true,
		Description: "Replaces all custom attributes; null or {} removes them.",
	}
}

type updateAgentInput struct {
	ID   string `path:"id" doc:"The agent's ID."`
	Body struct {
		Email      *string         `json:"email,omitempty"`
		Name       *string         `json:"name,omitempty"`
		Role       *parley.Role    `json:"role,omitempty" doc:"admin, supervisor or agent."`
		Bot        *bool           `json:"bot,omitempty"`
		Disabled   *bool           `json:"disabled,omitempty" doc:"Disabling ends the agent's sessions and puts the conversations assigned to it back in the queue (pending, no assignee), each with a conversation.unassigned event."`
		Capacity   *int            `json:"capacity,omitempty"`
		Attributes attributesPatch `json:"attributes,omitempty"`
		Password   *string         `json:"password,omitempty" doc:"A new password; ends the agent's sessions."`
		AvatarURL  *string         `json:"avatar_url,omitempty" doc:"An https URL of the agent's picture; \"\" removes it."`
	}
}

func (s *server) updateAgent(ctx context.Context, in *updateAgentInput) (*agentOutput, error) {
	p := principal(ctx)
	a, err := s.store.FindAgentByID(ctx, p.WorkspaceID, in.ID)
	if err != nil {
		return nil, err
	}
	if err := account.MayManageAgent(p, a.Role, a.SystemAdmin); err != nil {
		return nil, err
	}
	if err := account.MayManageAppAgent(p, a); err != nil {
		return nil, err
	}
	b := in.Body
	if b.Role != nil {
		if err := account.MayManageAgent(p, *b.Role, a.SystemAdmin); err != nil {
			return nil, err
		}
	}
	if b.Password != nil {
		// Checked first so that a bad password changes nothing.
		var v parley.Validation
		v.Password("password", *b.Password)
		if err := v.Err(); err != nil {
			return nil, err
		}
	}
	upd := parley.AgentUpdate{Email: b.Email, Name: b.Name, Role: b.Role, Bot: b.Bot, Disabled: b.Disabled,
		Capacity: b.Capacity, AvatarURL: b.AvatarURL}
	if b.Attributes.set {
		attrs := b.Attributes.value
		if attrs == nil {
			attrs = map[string]any{}
		}
		upd.Attributes = &attrs
	}
	oldRole := a.Role
	if upd != (parley.AgentUpdate{}) {
		var released []*parley.Event
		if a, released, err = s.accts.UpdateAgentReleasing(ctx, p.Actor, p.WorkspaceID, a.ID, upd); err != nil {
			return nil, err
		}
		s.conv.PublishEvents(released...)
	}
	if b.Password != nil {
		if err := s.accts.ResetPassword(ctx, p.Actor, p.WorkspaceID, a.ID, *b.Password); err != nil {
			return nil, err
		}
	}
	// The agent's real-time connections close: its sessions ended, or
	// its rights changed (it reconnects with the new role's).
	switch {
	case a.Disabled || b.Password != nil:
		s.cfg.Revoker.Revoke(ctx, parley.Revocation{WorkspaceID: a.WorkspaceID, AgentID: a.ID, Reason: parley.EndRevoked})
	case a.Role != oldRole:
		s.cfg.Revoker.Revoke(ctx, parley.Revocation{WorkspaceID: a.WorkspaceID, AgentID: a.ID, Reason: parley.EndRoleChanged})
	}
	return &agentOutput{Body: newAgentView(a)}, nil
}

func (s *server) deleteAgent(ctx context.Context, in *agentIDInput) (*struct{}, error) {
	p := principal(ctx)
	a, err := s.store.FindAgentByID(ctx, p.WorkspaceID, in.ID)
	if err != nil {
		return nil, err
	}
	if err := account.MayManageAgent(p, a.Role, a.SystemAdmin); err != nil {
		return nil, err
	}
	if err := account.MayManageAppAgent(p, a); err != nil {
		return nil, err
	}
	released, err := s.store.DeleteAgentReleasing(ctx, p.Actor, p.WorkspaceID, a.ID)
	if err != nil {
		return nil, err
	}
	s.cfg.Revoker.Revoke(ctx, parley.Revocation{WorkspaceID: a.WorkspaceID, AgentID: a.ID, Reason: parley.EndRevoked})
	s.conv.PublishEvents(released...)
	return nil, nil
}
