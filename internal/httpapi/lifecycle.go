package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

// lifecycleRoutes registers the staff-only changes of a conversation's
// assignment. Each is a compare-and-set decided by the database: when
// several callers race, exactly one succeeds and the others get 409.
func (s *server) lifecycleRoutes() {
	tags := []string{"Conversations"}
	register(s, huma.Operation{
		OperationID: "assign-conversation", Method: http.MethodPost, Path: "/api/v1/conversations/{id}/assign", Tags: tags,
		Summary: "Assign (take) a pending conversation",
		Description: "Gives a pending conversation to `agent_id`, by default the calling agent (taking it). " +
			"Agents may take conversations for themselves only; supervisors, admins and API tokens may assign anyone. " +
			"409 if the conversation is not pending (someone else took it first, or it is open or resolved).",
	}, staff(parley.ScopeConversationsWrite), s.assignConversation)
	register(s, huma.Operation{
		OperationID: "transfer-conversation", Method: http.MethodPost, Path: "/api/v1/conversations/{id}/transfer", Tags: tags,
		Summary: "Transfer a conversation to another agent",
		Description: "Moves a conversation assigned to `from_agent_id` (by default the calling agent) to `to_agent_id`. " +
			"Agents may transfer only what they hold. 409 unless the conversation is assigned to `from_agent_id`.",
	}, staff(parley.ScopeConversationsWrite), s.transferConversation)
	register(s, huma.Operation{
		OperationID: "unassign-conversation", Method: http.MethodPost, Path: "/api/v1/conversations/{id}/unassign", Tags: tags,
		Summary: "Put a conversation back in the queue",
		Description: "Puts a conversation assigned to `from_agent_id` (by default the calling agent) back to pending. " +
			"Agents may unassign only what they hold. 409 unless the conversation is assigned to `from_agent_id`.",
	}, staff(parley.ScopeConversationsWrite), s.unassignConversation)
	register(s, huma.Operation{
		OperationID: "reopen-conversation", Method: http.MethodPost, Path: "/api/v1/conversations/{id}/reopen", Tags: tags,
		Summary:     "Reopen a resolved conversation",
		Description: "Puts a resolved conversation back to pending, with no assignee. 409 if it is not resolved.",
	}, staff(parley.ScopeConversationsWrite), s.reopenConversation)
	register(s, huma.Operation{
		OperationID: "snooze-conversation", Method: http.MethodPost, Path: "/api/v1/conversations/{id}/snooze", Tags: tags,
		Summary: "Snooze a conversation",
		Description: "Snoozes a conversation that is not resolved: until `until` (a time in the future, at most a year ahead), " +
			"or, without it, until the visitor writes. A message from the visitor ends any snooze at once " +
			"(`conversation.unsnoozed`); so does resolving. Snoozing again replaces the snooze. Lists filter on it with " +
			"`snoozed=true|false`. 409 if the conversation is resolved.",
	}, staff(parley.ScopeConversationsWrite), s.snoozeConversation)
	register(s, huma.Operation{
		OperationID: "unsnooze-conversation", Method: http.MethodPost, Path: "/api/v1/conversations/{id}/unsnooze", Tags: tags,
		Summary:     "End a snooze",
		Description: "Ends the conversation's snooze now. 409 if it is not snoozed.",
	}, staff(parley.ScopeConversationsWrite), s.unsnoozeConversation)
	register(s, huma.Operation{
		OperationID: "set-conversation-priority", Method: http.MethodPost, Path: "/api/v1/conversations/{id}/priority", Tags: tags,
		Summary: "Set a conversation's priority",
		Description: "Sets the priority: `none`, `low`, `high`, `urgent` (0, 1, 2, 3) or any number from 0 to 100 as a string. " +
			"Routing serves higher priorities first; lists filter on it with `priority`. Writes `conversation.priority_changed`.",
	}, staff(parley.ScopeConversationsWrite), s.setConversationPriority)
}

type snoozeInput struct {
	ID   string `path:"id" doc:"The conversation's ID."`
	Body *struct {
		Until *time.Time `json:"until,omitempty" doc:"Snooze until then (RFC 3339); absent: until the visitor writes."`
	}
}

func (s *server) snoozeConversation(ctx context.Context, in *snoozeInput) (*conversationOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	var until *time.Time
	if in.Body != nil {
		until = in.Body.Until
	}
	conv, err := s.conv.Snooze(ctx, c, in.ID, until)
	if err != nil {
		return nil, err
	}
	return &conversationOutput{Body: newConversationView(conv)}, nil
}

func (s *server) unsnoozeConversation(ctx context.Context, in *conversationIDInput) (*conversationOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	conv, err := s.conv.Unsnooze(ctx, c, in.ID)
	if err != nil {
		return nil, err
	}
	return &conversationOutput{Body: newConversationView(conv)}, nil
}

type priorityInput struct {
	ID   string `path:"id" doc:"The conversation's ID."`
	Body struct {
		Priority string `json:"priority" maxLength:"16" doc:"none, low, high, urgent, or a number from 0 to 100."`
	}
}

func (s *server) setConversationPriority(ctx context.Context, in *priorityInput) (*conversationOutput, error) {
	p, ok := parley.ParsePriority(in.Body.Priority)
	if !ok {
		v := parley.Validation{}
		v.Add("body.priority", "must be none, low, high, urgent or a number from 0 to %d", parley.MaxPriority)
		return nil, v.Err()
	}
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	conv, err := s.conv.SetPriority(ctx, c, in.ID, p)
	if err != nil {
		return nil, err
	}
	return &conversationOutput{Body: newConversationView(conv)}, nil
}

type assignInput struct {
	ID   string `path:"id" doc:"The conversation's ID."`
	Body *struct {
		AgentID string `json:"agent_id,omitempty" doc:"The agent to assign; by default the calling agent. Required for API tokens."`
	}
}

type transferInput struct {
	ID   string `path:"id" doc:"The conversation's ID."`
	Body struct {
		FromAgentID string `json:"from_agent_id,omitempty" doc:"The agent holding the conversation; by default the calling agent. Required for API tokens."`
		ToAgentID   string `json:"to_agent_id,omitempty"`
	}
}

type unassignInput struct {
	ID   string `path:"id" doc:"The conversation's ID."`
	Body *struct {
		FromAgentID string `json:"from_agent_id,omitempty" doc:"The agent holding the conversation; by default the calling agent. Required for API tokens."`
	}
}

// agentOrSelf returns id, or the calling agent's ID when id is empty. An
// API token has no self: for it the field is required.
func agentOrSelf(ctx context.Context, v *parley.Validation, field, id string) string {
	if id != "" {
		return id
	}
	if p := principal(ctx); p.Type == parley.ActorAgent {
		return p.AgentID
	}
	v.Add(field, "must not be empty when the caller is not an agent")
	return ""
}

func (s *server) assignConversation(ctx context.Context, in *assignInput) (*conversationOutput, error) {
	var v parley.Validation
	var agentID string
	if in.Body != nil {
		agentID = in.Body.AgentID
	}
	agentID = agentOrSelf(ctx, &v, "agent_id", agentID)
	if err := v.Err(); err != nil {
		return nil, err
	}
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	conv, err := s.conv.Assign(ctx, c, in.ID, agentID)
	if err != nil {
		return nil, err
	}
	return &conversationOutput{Body: newConversationView(conv)}, nil
}

func (s *server) transferConversation(ctx context.Context, in *transferInput) (*conversationOutput, error) {
	var v parley.Validation
	from := agentOrSelf(ctx, &v, "from_agent_id", in.Body.FromAgentID)
	if in.Body.ToAgentID == "" {
		v.Add("to_agent_id", "must not be empty")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	conv, err := s.conv.Transfer(ctx, c, in.ID, from, in.Body.ToAgentID)
	if err != nil {
		return nil, err
	}
	return &conversationOutput{Body: newConversationView(conv)}, nil
}

func (s *server) unassignConversation(ctx context.Context, in *unassignInput) (*conversationOutput, error) {
	var v parley.Validation
	var from string
	if in.Body != nil {
		from = in.Body.FromAgentID
	}
	from = agentOrSelf(ctx, &v, "from_agent_id", from)
	if err := v.Err(); err != nil {
		return nil, err
	}
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	conv, err := s.conv.Unassign(ctx, c, in.ID, from)
	if err != nil {
		return nil, err
	}
	return &conversationOutput{Body: newConversationView(conv)}, nil
}

func (s *server) reopenConversation(ctx context.Context, in *conversationIDInput) (*conversationOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	conv, err := s.conv.Reopen(ctx, c, in.ID)
	if err != nil {
		return nil, err
	}
	return &conversationOutput{Body: newConversationView(conv)}, nil
}
