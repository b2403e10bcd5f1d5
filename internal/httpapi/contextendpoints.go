package httpapi

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/enrich"
)

// defaultContextRange is the statistics range when a request names none.
const defaultContextRange = 7 * 24 * time.Hour

func (s *server) contextRoutes() {
	tags := []string{"Context endpoints"}
	register(s, huma.Operation{
		OperationID: "list-context-endpoints", Method: http.MethodGet, Path: "/api/v1/context-endpoints", Tags: tags,
		Summary: "List context endpoints", Description: "Lists the workspace's context endpoints in the order they were created. Secrets are never shown; " +
			"callers without inboxes:write see URLs without their query (which may hold a key).",
	}, staff(parley.ScopeInboxesRead), s.listContextEndpoints)
	register(s, huma.Operation{
		OperationID: "create-context-endpoint", Method: http.MethodPost, Path: "/api/v1/context-endpoints", Tags: tags,
		Summary: "Create a context endpoint", DefaultStatus: http.StatusCreated,
		Description: "Creates an endpoint Parley calls when an agent opens a conversation, to show the customer's own data " +
			"in the contact panel (see docs/context.md). The URL is checked by the outbound rules (https; internal addresses " +
			"refused unless the server's PARLEY_OUTBOUND_ALLOW lists them). The answer holds the signing secret, shown only this once.",
	}, staff(parley.ScopeInboxesWrite), s.createContextEndpoint)
	register(s, huma.Operation{
		OperationID: "get-context-endpoint", Method: http.MethodGet, Path: "/api/v1/context-endpoints/{id}", Tags: tags,
		Summary: "Get a context endpoint",
	}, staff(parley.ScopeInboxesRead), s.getContextEndpoint)
	register(s, huma.Operation{
		OperationID: "update-context-endpoint", Method: http.MethodPatch, Path: "/api/v1/context-endpoints/{id}", Tags: tags,
		Summary: "Change a context endpoint", Description: "Changes the fields present in the body; a new URL is checked like on creation.",
	}, staff(parley.ScopeInboxesWrite), s.updateContextEndpoint)
	register(s, huma.Operation{
		OperationID: "delete-context-endpoint", Method: http.MethodDelete, Path: "/api/v1/context-endpoints/{id}", Tags: tags,
		Summary: "Delete a context endpoint", DefaultStatus: http.StatusNoContent,
	}, staff(parley.ScopeInboxesWrite), s.deleteContextEndpoint)
	register(s, huma.Operation{
		OperationID: "rotate-context-endpoint-secret", Method: http.MethodPost, Path: "/api/v1/context-endpoints/{id}/secret", Tags: tags,
		Summary: "Rotate a context endpoint's secret", Description: "Replaces the signing secret and returns the new one, shown only this once.",
	}, staff(parley.ScopeInboxesWrite), s.rotateContextEndpointSecret)
	register(s, huma.Operation{
		OperationID: "get-conversation-context", Method: http.MethodGet, Path: "/api/v1/conversations/{id}/context", Tags: []string{"Conversations"},
		Summary: "The customer's data from the context endpoints",
		Description: "Calls the context endpoints that apply to the conversation's inbox, concurrently, with the contact's " +
			"identifiers and the calling agent's id, signed, each bounded by a timeout; answers are cached briefly. " +
			"Each endpoint gets its own item: its entries, or an error (reason context_timeout, context_refused, " +
			"context_failed, context_answer or context_busy) that concerns that endpoint only; the request itself succeeds. " +
			"Statistics endpoints receive the range start–end (default the last 7 days, at most 366 days). " +
			"With endpoint_id, only that endpoint is called, so that a client can show each answer as it comes.",
	}, staff(parley.ScopeConversationsRead), s.conversationContext)
}

type contextEndpointView struct {
	ID         string    `json:"id"`
	InboxID    string    `json:"inbox_id" doc:"The inbox whose conversations the endpoint serves; empty for every inbox."`
	Title      string    `json:"title" doc:"The heading of the endpoint's section in the contact panel."`
	URL        string    `json:"url"`
	Statistics bool      `json:"statistics" doc:"The endpoint receives a date range, which agents pick in the console."`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

func newContextEndpointView(e *parley.ContextEndpoint) contextEndpointView {
	return contextEndpointView{ID: e.ID, InboxID: e.InboxID, Title: e.Title, URL: e.URL, Statistics: e.Statistics,
		CreatedAt: e.CreatedAt, UpdatedAt: e.UpdatedAt}
}

// viewFor is the endpoint as the caller may see it: a URL's query may hold
// a key for the company's endpoint, so only callers who may change the
// endpoint (inboxes:write) see it; the others get the URL without it.
func viewFor(p *parley.Principal, e *parley.ContextEndpoint) contextEndpointView {
	v := newContextEndpointView(e)
	if !p.Can(parley.ScopeInboxesWrite) {
		if u, err := url.Parse(v.URL); err == nil && (u.RawQuery != "" || u.Fragment != "") {
			u.RawQuery, u.Fragment = "", ""
			v.URL = u.String() + "?…"
		}
	}
	return v
}

type contextEndpointOutput struct {
	Body contextEndpointView
}

type contextEndpointSecretOutput struct {
	Body struct {
		contextEndpointView
		Secret string `json:"secret" doc:"The Standard Webhooks signing secret (whsec_…). Shown only this once."`
	}
}

type contextEndpointsOutput struct {
	Body struct {
		Items []contextEndpointView `json:"items" nullable:"false"`
	}
}

// contextEndpointFields are the fields of an endpoint in a request; nil
// means absent.
type contextEndpointFields struct {
	Title      *string `json:"title,omitempty" doc:"At most 64 bytes."`
	URL        *string `json:"url,omitempty" doc:"https (http only to hosts in PARLEY_OUTBOUND_ALLOW); at most 2048 bytes."`
	InboxID    *string `json:"inbox_id,omitempty" doc:"Limit the endpoint to one inbox; empty for every inbox."`
	Statistics *bool   `json:"statistics,omitempty" doc:"Send a date range and show a date range picker."`
}

func (s *server) validateContextEndpoint(ctx context.Context, f *contextEndpointFields, create bool) error {
	var v parley.Validation
	if f.Title != nil || create {
		v.LabelName("title", deref(f.Title))
		if f.Title != nil && len(*f.Title) > parley.MaxContextEndpointTitleLen {
			v.Add("title", "must be at most %d bytes", parley.MaxContextEndpointTitleLen)
		}
	}
	if f.InboxID != nil {
		v.BoundedText("inbox_id", *f.InboxID, 64)
	}
	if f.URL == nil && create {
		v.Add("url", "must be set")
	}
	if f.URL != nil {
		*f.URL = strings.TrimSpace(*f.URL)
		v.Text("url", *f.URL)
	}
	if err := v.Err(); err != nil || f.URL == nil {
		return err
	}
	err := s.enrich.CheckURL(ctx, *f.URL)
	var pe *parley.Error
	if !errors.As(err, &pe) || pe.Code != parley.EINVALID {
		return err
	}
	return &parley.Error{Code: parley.EINVALID, Reason: pe.Reason, Message: "url: " + pe.Message,
		Fields: []parley.FieldError{{Field: "url", Message: pe.Message}}}
}

func (s *server) listContextEndpoints(ctx context.Context, _ *struct{}) (*contextEndpointsOutput, error) {
	p := principal(ctx)
	eps, err := s.store.ListContextEndpoints(ctx, p.WorkspaceID)
	if err != nil {
		return nil, err
	}
	out := &contextEndpointsOutput{}
	out.Body.Items = make([]contextEndpointView, 0, len(eps))
	for _, e := range eps {
		out.Body.Items = append(out.Body.Items, viewFor(p, e))
	}
	return out, nil
}

type createContextEndpointInput struct {
	Body contextEndpointFields
}

func (s *server) createContextEndpoint(ctx context.Context, in *createContextEndpointInput) (*contextEndpointSecretOutput, error) {
	if err := s.validateContextEndpoint(ctx, &in.Body, true); err != nil {
		return nil, err
	}
	p := principal(ctx)
	e := &parley.ContextEndpoint{WorkspaceID: p.WorkspaceID, Title: *in.Body.Title, URL: *in.Body.URL,
		InboxID: deref(in.Body.InboxID), Statistics: in.Body.Statistics != nil && *in.Body.Statistics, Secret: enrich.NewSecret()}
	if err := s.store.CreateContextEndpoint(ctx, p.Actor, e); err != nil {
		return nil, err
	}
	out := &contextEndpointSecretOutput{}
	out.Body.contextEndpointView, out.Body.Secret = newContextEndpointView(e), e.Secret
	return out, nil
}

type contextEndpointIDInput struct {
	ID string `path:"id" doc:"The context endpoint's ID."`
}

func (s *server) getContextEndpoint(ctx context.Context, in *contextEndpointIDInput) (*contextEndpointOutput, error) {
	p := principal(ctx)
	e, err := s.store.ContextEndpoint(ctx, p.WorkspaceID, in.ID)
	if err != nil {
		return nil, err
	}
	return &contextEndpointOutput{Body: viewFor(p, e)}, nil
}

type updateContextEndpointInput struct {
	ID   string `path:"id" doc:"The context endpoint's ID."`
	Body contextEndpointFields
}

func (s *server) updateContextEndpoint(ctx context.Context, in *updateContextEndpointInput) (*contextEndpointOutput, error) {
	if err := s.validateContextEndpoint(ctx, &in.Body, false); err != nil {
		return nil, err
	}
	p := principal(ctx)
	e, err := s.store.UpdateContextEndpoint(ctx, p.Actor, p.WorkspaceID, in.ID, parley.ContextEndpointUpdate{
		Title: in.Body.Title, URL: in.Body.URL, InboxID: in.Body.InboxID, Statistics: in.Body.Statistics,
	})
	if err != nil {
		return nil, err
	}
	return &contextEndpointOutput{Body: newContextEndpointView(e)}, nil
}

func (s *server) deleteContextEndpoint(ctx context.Context, in *contextEndpointIDInput) (*struct{}, error) {
	p := principal(ctx)
	return nil, s.store.DeleteContextEndpoint(ctx, p.Actor, p.WorkspaceID, in.ID)
}

func (s *server) rotateContextEndpointSecret(ctx context.Context, in *contextEndpointIDInput) (*contextEndpointSecretOutput, error) {
	p := principal(ctx)
	sec := enrich.NewSecret()
	e, err := s.store.UpdateContextEndpoint(ctx, p.Actor, p.WorkspaceID, in.ID, parley.ContextEndpointUpdate{Secret: &sec})
	if err != nil {
		return nil, err
	}
	out := &contextEndpointSecretOutput{}
	out.Body.contextEndpointView, out.Body.Secret = newContextEndpointView(e), sec
	return out, nil
}

type conversationContextInput struct {
	ID    string `path:"id" doc:"The conversation's ID."`
	Start string `query:"start" doc:"Start of the statistics range (RFC 3339); default 7 days before end."`
	End   string `query:"end" doc:"End of the statistics range (RFC 3339); default now."`
	// EndpointID lets a client ask each endpoint on its own and show each
	// answer as it comes.
	EndpointID string `query:"endpoint_id" maxLength:"64" doc:"Call only this endpoint (an empty list if it does not serve the conversation's inbox)."`
}

type contextItemView struct {
	EndpointID string             `json:"endpoint_id"`
	Title      string             `json:"title"`
	Statistics bool               `json:"statistics"`
	OK         bool               `json:"ok"`
	Error      *contextErrorView  `json:"error,omitempty" doc:"Why this endpoint has no data; the other endpoints are unaffected."`
	Entries    []contextEntryView `json:"entries" nullable:"false"`
	FetchedAt  time.Time          `json:"fetched_at"`
}

type contextErrorView struct {
	Reason  string `json:"reason" enum:"context_timeout,context_refused,context_failed,context_answer,context_busy"`
	Message string `json:"message"`
}

type contextEntryView struct {
	Label  string             `json:"label"`
	Type   string             `json:"type" enum:"text,links,series"`
	Text   string             `json:"text,omitempty"`
	Links  []contextLinkView  `json:"links,omitempty"`
	Points []contextPointView `json:"points,omitempty"`
}

type contextLinkView struct {
	Label string `json:"label"`
	URL   string `json:"url" doc:"http or https only."`
}

type contextPointView struct {
	X string  `json:"x"`
	Y float64 `json:"y"`
}

type conversationContextOutput struct {
	Body struct {
		Start time.Time         `json:"start"`
		End   time.Time         `json:"end"`
		Items []contextItemView `json:"items" nullable:"false"`
	}
}

// contextRange reads start and end.
func (s *server) contextRange(in *conversationContextInput) (time.Time, time.Time, error) {
	var v parley.Validation
	end := s.cfg.Now().UTC().Truncate(time.Minute)
	if in.End != "" {
		t, err := time.Parse(time.RFC3339, in.End)
		if err != nil {
			v.Add("end", "must be an RFC 3339 time such as 2026-12-01T00:00:00Z")
		}
		end = t
	}
	start := end.Add(-defaultContextRange)
	if in.Start != "" {
		t, err := time.Parse(time.RFC3339, in.Start)
		if err != nil {
			v.Add("start", "must be an RFC 3339 time such as 2026-11-24T00:00:00Z")
		}
		start = t
	}
	v.Text("endpoint_id", in.EndpointID)
	if err := v.Err(); err != nil {
		return start, end, err
	}
	if !start.Before(end) {
		v.Add("start", "must be before end")
	} else if end.Sub(start) > enrich.MaxRange {
		v.Add("start", "must be at most 366 days before end")
	}
	return start, end, v.Err()
}

func (s *server) conversationContext(ctx context.Context, in *conversationContextInput) (*conversationContextOutput, error) {
	start, end, err := s.contextRange(in)
	if err != nil {
		return nil, err
	}
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	conv, err := s.conv.Conversation(ctx, c, in.ID)
	if err != nil {
		return nil, err
	}
	p := principal(ctx)
	contact, err := s.store.FindContactByID(ctx, p.WorkspaceID, conv.ContactID)
	if err != nil {
		return nil, err
	}
	req := enrich.Request{Conversation: conv, Contact: contact, Start: start, End: end, EndpointID: in.EndpointID}
	if p.Type == parley.ActorAgent {
		if req.Agent, err = s.store.FindAgentByID(ctx, p.WorkspaceID, p.AgentID); err != nil {
			return nil, err
		}
	}
	results, err := s.enrich.Fetch(ctx, req)
	if err != nil {
		return nil, err
	}
	out := &conversationContextOutput{}
	out.Body.Start, out.Body.End = start.UTC(), end.UTC()
	out.Body.Items = make([]contextItemView, 0, len(results))
	for _, r := range results {
		item := contextItemView{EndpointID: r.Endpoint.ID, Title: r.Endpoint.Title, Statistics: r.Endpoint.Statistics,
			OK: r.Err == nil, Entries: make([]contextEntryView, 0, len(r.Entries)), FetchedAt: r.FetchedAt.UTC()}
		if r.Err != nil {
			item.Error = &contextErrorView{Reason: r.Err.Reason, Message: r.Err.Message}
		}
		for _, e := range r.Entries {
			ev := contextEntryView{Label: e.Label, Type: e.Kind, Text: e.Text}
			for _, l := range e.Links {
				ev.Links = append(ev.Links, contextLinkView{Label: l.Label, URL: l.URL})
			}
			for _, pt := range e.Points {
				ev.Points = append(ev.Points, contextPointView{X: pt.X, Y: pt.Y})
			}
			item.Entries = append(item.Entries, ev)
		}
		out.Body.Items = append(out.Body.Items, item)
	}
	return out, nil
}
