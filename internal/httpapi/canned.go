package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

func (s *server) cannedRoutes() {
	tags := []string{"Canned responses"}
	register(s, huma.Operation{
		OperationID: "list-canned-responses", Method: http.MethodGet, Path: "/api/v1/canned-responses", Tags: tags,
		Summary: "List canned responses",
		Description: "Lists the shared canned responses and the calling agent's own (an API token sees the shared ones), " +
			"ordered by shortcut; `q` keeps those whose shortcut, title or body contains it, in any case.",
	}, staff(parley.ScopeConversationsRead), s.listCanned)
	register(s, huma.Operation{
		OperationID: "create-canned-response", Method: http.MethodPost, Path: "/api/v1/canned-responses", Tags: tags,
		Summary: "Create a canned response", DefaultStatus: http.StatusCreated,
		Description: "Creates a personal canned response of the calling agent, or with `\"shared\": true` one for the whole " +
			"workspace (scope `canned_responses:write`; an API token creates shared ones only). The shortcut is unique " +
			"among what one agent sees: the shared responses and its own (409).",
	}, staff(parley.ScopeConversationsWrite), s.createCanned)
	register(s, huma.Operation{
		OperationID: "get-canned-response", Method: http.MethodGet, Path: "/api/v1/canned-responses/{id}", Tags: tags,
		Summary: "Get a canned response", Description: "Another agent's personal response is 404.",
	}, staff(parley.ScopeConversationsRead), s.getCanned)
	register(s, huma.Operation{
		OperationID: "update-canned-response", Method: http.MethodPatch, Path: "/api/v1/canned-responses/{id}", Tags: tags,
		Summary: "Change a canned response",
		Description: "Changes the fields present in the body of the caller's own response, or of a shared one " +
			"(scope `canned_responses:write`).",
	}, staff(parley.ScopeConversationsWrite), s.updateCanned)
	register(s, huma.Operation{
		OperationID: "delete-canned-response", Method: http.MethodDelete, Path: "/api/v1/canned-responses/{id}", Tags: tags,
		Summary: "Delete a canned response", DefaultStatus: http.StatusNoContent,
		Description: "Deletes the caller's own response, or a shared one (scope `canned_responses:write`).",
	}, staff(parley.ScopeConversationsWrite), s.deleteCanned)
	register(s, huma.Operation{
		OperationID: "render-canned-response", Method: http.MethodPost, Path: "/api/v1/canned-responses/{id}/render", Tags: tags,
		Summary: "Fill in a canned response",
		Description: "Returns the body with its variables filled in for a conversation: `{{contact.name}}`, `{{contact.email}}`, " +
			"`{{contact.phone}}`, `{{contact.external_id}}`, `{{contact.attributes.<key>}}`, `{{agent.name}}`, " +
			"`{{agent.email}}` (the calling agent), `{{conversation.id}}`, `{{conversation.status}}`, " +
			"`{{conversation.priority}}` and `{{inbox.name}}`. Unknown values become empty; other text is kept. " +
			"Nothing is sent: the console puts the text in the composer.",
	}, staff(parley.ScopeConversationsRead), s.renderCanned)
}

type cannedView struct {
	ID        string    `json:"id"`
	Shortcut  string    `json:"shortcut" doc:"Typed after / in the composer."`
	Title     string    `json:"title"`
	Body      string    `json:"body"`
	Shared    bool      `json:"shared" doc:"true: the workspace's; false: the calling agent's own."`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

func newCannedView(c *parley.CannedResponse) cannedView {
	return cannedView{ID: c.ID, Shortcut: c.Shortcut, Title: c.Title, Body: c.Body, Shared: c.Shared(), CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
}

type cannedOutput struct {
	Body cannedView
}

type listCannedInput struct {
	Q string `query:"q" maxLength:"200" doc:"Only responses whose shortcut, title or body contains this."`
}

func (s *server) listCanned(ctx context.Context, in *listCannedInput) (*listOutput[cannedView], error) {
	p := principal(ctx)
	var v parley.Validation
	v.BoundedText("q", in.Q, 200)
	if err := v.Err(); err != nil {
		return nil, err
	}
	items, err := s.store.ListCannedResponses(ctx, p.WorkspaceID, parley.CannedFilter{AgentID: p.AgentID, Query: in.Q})
	if err != nil {
		return nil, err
	}
	return newList(parley.List[*parley.CannedResponse]{Items: items}, newCannedView), nil
}

type createCannedInput struct {
	Body struct {
		Shortcut string `json:"shortcut" doc:"1 to 32 of a-z, 0-9, - and _."`
		Title    string `json:"title" doc:"At most 200 bytes."`
		Body     string `json:"body" doc:"At most 8000 bytes; may hold variables (see render)."`
		Shared   bool   `json:"shared,omitempty" doc:"For the whole workspace (scope canned_responses:write)."`
	}
}

func (s *server) createCanned(ctx context.Context, in *createCannedInput) (*cannedOutput, error) {
	p := principal(ctx)
	b := in.Body
	c := &parley.CannedResponse{WorkspaceID: p.WorkspaceID, Shortcut: b.Shortcut, Title: b.Title, Body: b.Body}
	var v parley.Validation
	c.Validate(&v)
	if err := v.Err(); err != nil {
		return nil, err
	}
	switch {
	case b.Shared && !p.Can(parley.ScopeCannedWrite):
		return nil, parley.Errorf(parley.EFORBIDDEN, "Shared canned responses require the scope %q.", parley.ScopeCannedWrite)
	case !b.Shared && p.AgentID == "":
		return nil, parley.Errorf(parley.EINVALID, "Only an agent has personal canned responses; create a shared one.")
	case !b.Shared:
		c.OwnerID = p.AgentID
	}
	if err := s.store.CreateCannedResponse(ctx, p.Actor, c); err != nil {
		return nil, err
	}
	return &cannedOutput{Body: newCannedView(c)}, nil
}

type cannedIDInput struct {
	ID string `path:"id" doc:"The canned response's ID."`
}

func (s *server) getCanned(ctx context.Context, in *cannedIDInput) (*cannedOutput, error) {
	p := principal(ctx)
	c, err := s.store.FindCannedResponse(ctx, p.WorkspaceID, p.AgentID, in.ID)
	if err != nil {
		return nil, err
	}
	return &cannedOutput{Body: newCannedView(c)}, nil
}

// cannedWritable finds a response the caller may change: its own, or a
// shared one with ScopeCannedWrite.
func (s *server) cannedWritable(ctx context.Context, id string) (*parley.CannedResponse, error) {
	p := principal(ctx)
	c, err := s.store.FindCannedResponse(ctx, p.WorkspaceID, p.AgentID, id)
	if err != nil {
		return nil, err
	}
	if c.Shared() && !p.Can(parley.ScopeCannedWrite) {
		return nil, parley.Errorf(parley.EFORBIDDEN, "Shared canned responses require the scope %q.", parley.ScopeCannedWrite)
	}
	return c, nil
}

type updateCannedInput struct {
	ID   string `path:"id" doc:"The canned response's ID."`
	Body struct {
		Shortcut *string `json:"shortcut,omitempty"`
		Title    *string `json:"title,omitempty"`
		Body     *string `json:"body,omitempty"`
	}
}

func (s *server) updateCanned(ctx context.Context, in *updateCannedInput) (*cannedOutput, error) {
	c, err := s.cannedWritable(ctx, in.ID)
	if err != nil {
		return nil, err
	}
	b := in.Body
	next := *c
	for _, f := range []struct{ val, dst *string }{{b.Shortcut, &next.Shortcut}, {b.Title, &next.Title}, {b.Body, &next.Body}} {
		if f.val != nil {
			*f.dst = *f.val
		}
	}
	var v parley.Validation
	next.Validate(&v)
	if err := v.Err(); err != nil {
		return nil, err
	}
	p := principal(ctx)
	c, err = s.store.UpdateCannedResponse(ctx, p.Actor, p.WorkspaceID, p.AgentID, in.ID, parley.CannedUpdate{Shortcut: b.Shortcut, Title: b.Title, Body: b.Body})
	if err != nil {
		return nil, err
	}
	return &cannedOutput{Body: newCannedView(c)}, nil
}

func (s *server) deleteCanned(ctx context.Context, in *cannedIDInput) (*struct{}, error) {
	if _, err := s.cannedWritable(ctx, in.ID); err != nil {
		return nil, err
	}
	p := principal(ctx)
	return nil, s.store.DeleteCannedResponse(ctx, p.Actor, p.WorkspaceID, p.AgentID, in.ID)
}

type renderCannedInput struct {
	ID   string `path:"id" doc:"The canned response's ID."`
	Body struct {
		ConversationID string `json:"conversation_id" doc:"The conversation whose contact, inbox and fields fill the variables."`
	}
}

type renderCannedOutput struct {
	Body struct {
		Text string `json:"text" doc:"The body with its variables filled in."`
	}
}

func (s *server) renderCanned(ctx context.Context, in *renderCannedInput) (*renderCannedOutput, error) {
	p := principal(ctx)
	c, err := s.store.FindCannedResponse(ctx, p.WorkspaceID, p.AgentID, in.ID)
	if err != nil {
		return nil, err
	}
	var vars parley.CannedVars
	if vars.Conversation, err = s.store.FindConversation(ctx, p.WorkspaceID, in.Body.ConversationID); err != nil {
		return nil, err
	}
	if vars.Contact, err = s.store.FindContactByID(ctx, p.WorkspaceID, vars.Conversation.ContactID); err != nil {
		return nil, err
	}
	if vars.Inbox, err = s.store.FindInboxByID(ctx, p.WorkspaceID, vars.Conversation.InboxID); err != nil {
		return nil, err
	}
	if p.AgentID != "" {
		if vars.Agent, err = s.store.FindAgentByID(ctx, p.WorkspaceID, p.AgentID); err != nil {
			return nil, err
		}
	}
	out := &renderCannedOutput{}
	out.Body.Text = parley.RenderCanned(c.Body, vars)
	return out, nil
}
