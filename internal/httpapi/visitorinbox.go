package httpapi

import (
	"context"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

func (s *server) visitorInboxRoutes() {
	register(s, huma.Operation{
		OperationID: "get-visitor-inbox", Method: http.MethodGet, Path: "/api/v1/visitor/inbox",
		Tags: []string{"Visitors"}, Summary: "Get an inbox's widget settings",
		Description: "What a widget or chat UI needs before a visitor chats: the inbox's widget settings " +
			"(title, greeting, colour, locale, position, pre-chat form), whether an agent of its workspace is online, and " +
			"the workspace's default agent picture. The colour is the inbox's, unless it is empty or Parley's default (#2563eb, what a new inbox gets): then the " +
			"workspace's branding colour, when set. " +
			"Public: an inbox ID is not a secret (it is in the widget's script tag). " +
			"When the request carries an Origin header, the inbox's `allowed_origins` must allow it (else 404).",
	}, public, s.getVisitorInbox)
	register(s, huma.Operation{
		OperationID: "update-visitor-contact", Method: http.MethodPatch, Path: "/api/v1/visitor/contact",
		Tags: []string{"Visitors"}, Summary: "Tell who the visitor is",
		Description: "Records what a guest says about itself, as given in the widget's pre-chat form: `name` becomes the " +
			"contact's display name, and `email` is kept as the contact's `unverified_email` attribute — shown to agents, " +
			"but never the contact's `email` identifier: nobody proved it, it need not be unique, and identify and merge never " +
			"match on it. The answer does not depend on whether another contact uses the email. " +
			"Visitor tokens only; a verified visitor's identity comes from the site's back-end and cannot be changed here (403).",
	}, participant(parley.ScopeContactsWrite), s.updateVisitorContact)
}

type visitorInboxInput struct {
	InboxID string `query:"inbox_id" required:"true" maxLength:"64" doc:"The inbox of the widget."`
	Origin  string `header:"Origin" hidden:"true"`
}

type visitorInboxView struct {
	ID     string     `json:"id"`
	Name   string     `json:"name"`
	Widget widgetView `json:"widget"`
	Online bool       `json:"online" doc:"Whether an agent of the workspace is online; when not, the widget invites the visitor to leave a message."`
	// Branding is the workspace's, for the widget.
	Branding widgetBrandingView `json:"branding"`
	// Queue is the availability of the inbox's queue (the one its
	// conversations go to when no routing rule matches).
	Queue availabilityView `json:"queue" doc:"The inbox's queue: how many of its agents are online, how many of them under capacity (available_agents 0: nobody could take a chat now), whether it is within its business hours and, if not, when it opens."`
}

type widgetBrandingView struct {
	AgentAvatarURL string `json:"agent_avatar_url" doc:"Absolute URL of the workspace's default agent picture on this server (the widget shows it for agents who have none); empty when none."`
}

type visitorInboxOutput struct {
	CacheControl string `header:"Cache-Control"`
	Body         visitorInboxView
}

func (s *server) getVisitorInbox(ctx context.Context, in *visitorInboxInput) (*visitorInboxOutput, error) {
	inbox, err := s.store.FindVisitorInbox(ctx, strings.TrimSpace(in.InboxID))
	if err != nil {
		return nil, err
	}
	if !parley.OriginAllowed(in.Origin, inbox.AllowedOrigins) {
		return nil, parley.Errorf(parley.ENOTFOUND, "Inbox not found.")
	}
	online, err := s.store.AnyAgentOnline(ctx, inbox.WorkspaceID)
	if err != nil {
		return nil, err
	}
	out := &visitorInboxOutput{CacheControl: "no-cache", Body: visitorInboxView{
		ID: inbox.ID, Name: inbox.Name, Widget: newWidgetView(inbox.Widget), Online: online,
	}}
	q, err := s.store.InboxQueue(ctx, inbox.WorkspaceID, inbox.ID)
	if err != nil {
		return nil, err
	}
	if out.Body.Queue, err = s.availability(ctx, inbox.WorkspaceID, q.ID); err != nil {
		return nil, err
	}
	// An inbox's own colour wins; one left at Parley's default (what a new
	// inbox gets) or empty takes the workspace's branding colour, if set.
	b, err := s.store.Branding(ctx, inbox.WorkspaceID)
	if err != nil {
		return nil, err
	}
	if c := out.Body.Widget.Color; (c == "" || strings.EqualFold(c, parley.DefaultWidgetColor)) && b.Color != "" {
		out.Body.Widget.Color = b.Color
	}
	if u := brandImageURL(b.WorkspaceID, parley.BrandAvatar, b.Avatar); u != "" {
		out.Body.Branding.AgentAvatarURL = s.publicURL(ctx) + u
	}
	return out, nil
}

type visitorContactInput struct {
	Body struct {
		Name  *string `json:"name,omitempty" maxLength:"200" doc:"The visitor's name, shown to agents; \"\" removes it."`
		Email *string `json:"email,omitempty" maxLength:"254" doc:"An email address the visitor gives (unverified). Stored lower-case as the contact's unverified_email attribute, never as its email identifier; \"\" or absent leaves it as is."`
	}
}

type visitorContactView struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email" doc:"The unverified email the visitor gave (the contact's unverified_email attribute), or \"\"."`
}

type visitorContactOutput struct {
	Body visitorContactView
}

func (s *server) updateVisitorContact(ctx context.Context, in *visitorContactInput) (*visitorContactOutput, error) {
	p := principal(ctx)
	if !p.Visitor() {
		return nil, parley.Errorf(parley.EFORBIDDEN, "Only a visitor can tell who it is.")
	}
	c, err := s.store.FindContactByID(ctx, p.WorkspaceID, p.ContactID)
	if err != nil {
		return nil, err
	}
	if c.Verified {
		return nil, parley.Errorf(parley.EFORBIDDEN, "A verified visitor's identity comes from the site's back-end.")
	}
	var v parley.Validation
	upd := parley.ContactUpdate{}
	if n := in.Body.Name; n != nil {
		name := strings.TrimSpace(*n)
		upd.Name = &name
	}
	if e := in.Body.Email; e != nil && strings.TrimSpace(*e) != "" {
		// What a guest says about itself is not an identity: the email
		// is an attribute, never the contact's unique, matched Email, so
		// that a guest can neither claim a customer's email before its
		// owner identifies (and be merged into them) nor learn from a
		// conflict which emails belong to customers.
		email := parley.NormalizeEmail(*e)
		if !parley.ValidEmail(email) {
			v.Add("email", "must be an email address")
		}
		upd.SetAttributes = map[string]any{parley.AttributeUnverifiedEmail: email}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	actor := p.Actor
	c, err = s.store.UpdateContact(ctx, &actor, p.WorkspaceID, p.ContactID, upd)
	if err != nil {
		return nil, err
	}
	email, _ := c.Attributes[parley.AttributeUnverifiedEmail].(string)
	return &visitorContactOutput{Body: visitorContactView{ID: c.ID, Name: c.Name, Email: email}}, nil
}
