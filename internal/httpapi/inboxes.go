package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

// localePattern is a loose BCP 47 language tag: a language and optional
// subtags (en, pt-BR, zh-Hant-TW).
var localePattern = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

func (s *server) inboxRoutes() {
	tags := []string{"Inboxes"}
	register(s, huma.Operation{
		OperationID: "list-inboxes", Method: http.MethodGet, Path: "/api/v1/inboxes", Tags: tags,
		Summary: "List inboxes",
	}, staff(parley.ScopeInboxesRead), s.listInboxes)
	register(s, huma.Operation{
		OperationID: "create-inbox", Method: http.MethodPost, Path: "/api/v1/inboxes", Tags: tags,
		Summary: "Create an inbox", DefaultStatus: http.StatusCreated,
	}, staff(parley.ScopeInboxesWrite), s.createInbox)
	register(s, huma.Operation{
		OperationID: "get-inbox", Method: http.MethodGet, Path: "/api/v1/inboxes/{id}", Tags: tags,
		Summary: "Get an inbox",
	}, staff(parley.ScopeInboxesRead), s.getInbox)
	register(s, huma.Operation{
		OperationID: "update-inbox", Method: http.MethodPatch, Path: "/api/v1/inboxes/{id}", Tags: tags,
		Summary:     "Update an inbox",
		Description: "Changes the fields present in the body, including single fields of `widget`, `identity`, `conversation` and `attachment_quotas`.",
	}, staff(parley.ScopeInboxesWrite), s.updateInbox)
	register(s, huma.Operation{
		OperationID: "delete-inbox", Method: http.MethodDelete, Path: "/api/v1/inboxes/{id}", Tags: tags,
		Summary: "Delete an inbox", DefaultStatus: http.StatusNoContent,
	}, staff(parley.ScopeInboxesWrite), s.deleteInbox)
	s.inboxIdentityRoutes()
}

type widgetView struct {
	Title    string             `json:"title" doc:"Header text of the chat window."`
	Greeting string             `json:"greeting" doc:"First line shown to a visitor."`
	Color    string             `json:"color" doc:"Accent colour, #rrggbb."`
	Locale   string             `json:"locale" doc:"BCP 47 language tag; empty follows the browser."`
	Position string             `json:"position" enum:"left,right"`
	Prechat  parley.PrechatForm `json:"prechat" doc:"The pre-chat form: when enabled, a visitor gives the fields (name, email) before the first message."`
}

// newWidgetView shows w with its defaults, and an empty list of pre-chat
// fields rather than null.
func newWidgetView(w parley.WidgetSettings) widgetView {
	w = w.WithDefaults()
	if w.Prechat.Fields == nil {
		w.Prechat.Fields = []string{}
	}
	return widgetView(w)
}

// conversationSettingsView shows the settings in effect: the defaults
// where none were set.
type conversationSettingsView struct {
	ResolvedPolicy         parley.ResolvedPolicy `json:"resolved_policy" enum:"reopen,new" doc:"What a visitor message on a resolved conversation does: reopen it (default), or start a new one."`
	MaxAttachmentSize      int64                 `json:"max_attachment_size" doc:"The largest attachment, in bytes (default 10 MiB)."`
	AllowedAttachmentTypes []string              `json:"allowed_attachment_types" nullable:"false" doc:"Accepted media types, exact (image/png) or a whole top-level type (image/*). The default is common images, PDF, plain text, CSV and office documents."`
	AutoResolveAfter       int64                 `json:"auto_resolve_after_seconds" doc:"A conversation neither resolved nor snoozed with no activity for this many seconds is resolved, with a system line the visitor sees; 0 (the default) is off."`
}

func newConversationSettingsView(c parley.ConversationSettings) conversationSettingsView {
	types := c.AllowedAttachmentTypes
	if len(types) == 0 {
		types = parley.DefaultAllowedAttachmentTypes
	}
	return conversationSettingsView{
		ResolvedPolicy:         c.EffectiveResolvedPolicy(),
		MaxAttachmentSize:      c.EffectiveMaxAttachmentSize(),
		AllowedAttachmentTypes: types,
		AutoResolveAfter:       int64(c.AutoResolveAfter / time.Second),
	}
}

type inboxView struct {
	ID             string                   `json:"id"`
	WorkspaceID    string                   `json:"workspace_id"`
	Name           string                   `json:"name"`
	AllowedOrigins []string                 `json:"allowed_origins" nullable:"false" doc:"Web origins (scheme://host[:port]) whose pages may open visitor connections; \"*\" allows any."`
	Widget         widgetView               `json:"widget"`
	Identity       identityView             `json:"identity"`
	Conversation   conversationSettingsView `json:"conversation"`
	CreatedAt      time.Time                `json:"created_at"`
	UpdatedAt      time.Time                `json:"updated_at"`

	AttachmentQuotas attachmentQuotasView `json:"attachment_quotas" doc:"What the inbox's visitors may upload; agents', bots' and API tokens' uploads count toward none of it."`
}

func newInboxView(in *parley.Inbox) inboxView {
	origins := in.AllowedOrigins
	if origins == nil {
		origins = []string{}
	}
	return inboxView{
		ID: in.ID, WorkspaceID: in.WorkspaceID, Name: in.Name, AllowedOrigins: origins,
		Widget:       newWidgetView(in.Widget),
		Identity:     newIdentityView(in.Identity),
		Conversation: newConversationSettingsView(in.Conversation),
		CreatedAt:    in.CreatedAt, UpdatedAt: in.UpdatedAt,

		AttachmentQuotas: newAttachmentQuotasView(in.AttachmentQuotas),
	}
}

type inboxOutput struct {
	Body inboxView
}

type inboxIDInput struct {
	ID string `path:"id" doc:"The inbox's ID."`
}

// widgetInput sets the widget fields it holds and leaves the others.
type widgetInput struct {
	Title    *string             `json:"title,omitempty"`
	Greeting *string             `json:"greeting,omitempty"`
	Color    *string             `json:"color,omitempty" doc:"#rrggbb"`
	Locale   *string             `json:"locale,omitempty"`
	Position *string             `json:"position,omitempty" doc:"left or right."`
	Prechat  *parley.PrechatForm `json:"prechat,omitempty" doc:"Replaces the pre-chat form settings."`
}

func (in *widgetInput) apply(w *parley.WidgetSettings) {
	if in == nil {
		return
	}
	set(&w.Title, in.Title)
	set(&w.Greeting, in.Greeting)
	set(&w.Color, in.Color)
	set(&w.Locale, in.Locale)
	set(&w.Position, in.Position)
	set(&w.Prechat, in.Prechat)
}

// conversationSettingsInput sets the conversation settings it holds and
// leaves the others. An empty or zero value selects the default.
type conversationSettingsInput struct {
	ResolvedPolicy         *parley.ResolvedPolicy `json:"resolved_policy,omitempty" doc:"reopen or new; empty selects the default (reopen)."`
	MaxAttachmentSize      *int64                 `json:"max_attachment_size,omitempty" doc:"Bytes, at most 100 MiB; 0 selects the default (10 MiB)."`
	AllowedAttachmentTypes []string               `json:"allowed_attachment_types,omitempty" nullable:"false" doc:"Replaces the list; an empty list selects the default types."`
	AutoResolveAfter       *int64                 `json:"auto_resolve_after_seconds,omitempty" doc:"Seconds without activity after which a conversation is resolved: 0 (off, the default) or 60 to 2592000 (30 days)."`
}

func (in *conversationSettingsInput) apply(c *parley.ConversationSettings) {
	if in == nil {
		return
	}
	set(&c.ResolvedPolicy, in.ResolvedPolicy)
	set(&c.MaxAttachmentSize, in.MaxAttachmentSize)
	if in.AllowedAttachmentTypes != nil {
		c.AllowedAttachmentTypes = in.AllowedAttachmentTypes
	}
	if in.AutoResolveAfter != nil {
		// Out of range stays out of range (validated), without overflow.
		secs := min(max(*in.AutoResolveAfter, -1), int64(parley.MaxAutoResolveAfter/time.Second)+1)
		c.AutoResolveAfter = time.Duration(secs) * time.Second
	}
}

// set copies *from into *to when from is not nil.
func set[T any](to *T, from *T) {
	if from != nil {
		*to = *from
	}
}

// inboxParts names the parts of an inbox that a change sets, which are the
// parts validated: a PATCH of the allowed origins, say, never fails on a
// widget setting it does not send.
type inboxParts struct {
	name, origins, widget, identity, conversation, attachmentQuotas bool
}

var allInboxParts = inboxParts{name: true, origins: true, widget: true, identity: true, conversation: true, attachmentQuotas: true}

// validateInbox checks the parts of an inbox, as it would be stored.
func validateInbox(in *parley.Inbox, parts inboxParts) error {
	var v parley.Validation
	if parts.name {
		v.Name("name", in.Name)
	}
	if parts.origins {
		validateOrigins(&v, in.AllowedOrigins)
	}
	if parts.widget {
		validateWidget(&v, in.Widget)
	}
	if parts.identity {
		validateIdentity(&v, in.Identity)
	}
	if parts.conversation {
		in.Conversation.Validate(&v, "conversation")
	}
	if parts.attachmentQuotas {
		in.AttachmentQuotas.Validate(&v, "attachment_quotas")
	}
	return v.Err()
}

func validateOrigins(v *parley.Validation, origins []string) {
	if len(origins) > parley.MaxAllowedOrigins {
		v.Add("allowed_origins", "must hold at most %d origins", parley.MaxAllowedOrigins)
	}
	for i, o := range origins {
		if !parley.ValidOrigin(o) {
			v.Add(fmt.Sprintf("allowed_origins[%d]", i), "must be \"*\" or an origin such as https://example.com (no path)")
		}
	}
}

func validateWidget(v *parley.Validation, w parley.WidgetSettings) {
	if len(w.Title) > parley.MaxWidgetTextLength {
		v.Add("widget.title", "must be at most %d bytes", parley.MaxWidgetTextLength)
	}
	if len(w.Greeting) > parley.MaxWidgetTextLength {
		v.Add("widget.greeting", "must be at most %d bytes", parley.MaxWidgetTextLength)
	}
	if !parley.ValidColor(w.Color) {
		v.Add("widget.color", "must be a colour like #1a2b3c")
	}
	if w.Locale != "" && (len(w.Locale) > 35 || !localePattern.MatchString(w.Locale)) {
		v.Add("widget.locale", "must be a language tag such as en or pt-BR")
	}
	if w.Position != "left" && w.Position != "right" {
		v.Add("widget.position", "must be left or right")
	}
	for i, f := range w.Prechat.Fields {
		if !slices.Contains(parley.PrechatFields, f) || slices.Index(w.Prechat.Fields, f) != i {
			v.Add(fmt.Sprintf("widget.prechat.fields[%d]", i), "must be name or email, each at most once")
		}
	}
}

func (s *server) listInboxes(ctx context.Context, in *struct{ PageParams }) (*listOutput[inboxView], error) {
	l, err := s.store.ListInboxes(ctx, principal(ctx).WorkspaceID, in.options())
	if err != nil {
		return nil, err
	}
	return newList(l, newInboxView), nil
}

type createInboxInput struct {
	Body struct {
		Name           string                     `json:"name"`
		AllowedOrigins []string                   `json:"allowed_origins,omitempty" nullable:"false"`
		Widget         *widgetInput               `json:"widget,omitempty"`
		Identity       *identityInput             `json:"identity,omitempty"`
		Conversation   *conversationSettingsInput `json:"conversation,omitempty"`

		AttachmentQuotas *attachmentQuotasInput `json:"attachment_quotas,omitempty"`
	}
}

func (s *server) createInbox(ctx context.Context, in *createInboxInput) (*inboxOutput, error) {
	p := principal(ctx)
	if err := s.checkJWKSURL(ctx, in.Body.Identity); err != nil {
		return nil, err
	}
	inbox := &parley.Inbox{
		WorkspaceID:    p.WorkspaceID,
		Name:           in.Body.Name,
		AllowedOrigins: in.Body.AllowedOrigins,
		Widget:         parley.WidgetSettings{}.WithDefaults(),
	}
	in.Body.Widget.apply(&inbox.Widget)
	in.Body.Identity.apply(&inbox.Identity)
	in.Body.Conversation.apply(&inbox.Conversation)
	in.Body.AttachmentQuotas.apply(&inbox.AttachmentQuotas)
	if err := validateInbox(inbox, allInboxParts); err != nil {
		return nil, err
	}
	if err := s.store.CreateInbox(ctx, p.Actor, inbox); err != nil {
		return nil, err
	}
	return &inboxOutput{Body: newInboxView(inbox)}, nil
}

func (s *server) getInbox(ctx context.Context, in *inboxIDInput) (*inboxOutput, error) {
	inbox, err := s.store.FindInboxByID(ctx, principal(ctx).WorkspaceID, in.ID)
	if err != nil {
		return nil, err
	}
	return &inboxOutput{Body: newInboxView(inbox)}, nil
}

type updateInboxInput struct {
	ID   string `path:"id" doc:"The inbox's ID."`
	Body struct {
		Name           *string                    `json:"name,omitempty"`
		AllowedOrigins []string                   `json:"allowed_origins,omitempty" nullable:"false" doc:"Replaces the list."`
		Widget         *widgetInput               `json:"widget,omitempty"`
		Identity       *identityInput             `json:"identity,omitempty"`
		Conversation   *conversationSettingsInput `json:"conversation,omitempty"`

		AttachmentQuotas *attachmentQuotasInput `json:"attachment_quotas,omitempty" doc:"Changes the quotas present."`
	}
}

// updateInbox applies the body to the inbox as stored, in one store
// transaction that reads and writes it locked: a PATCH of single identity
// (or widget, or conversation) fields keeps what a concurrent change did to
// the others, a new identity secret included.
func (s *server) updateInbox(ctx context.Context, in *updateInboxInput) (*inboxOutput, error) {
	p := principal(ctx)
	b := in.Body
	if err := s.checkJWKSURL(ctx, b.Identity); err != nil {
		return nil, err
	}
	inbox, err := s.store.ModifyInbox(ctx, p.Actor, p.WorkspaceID, in.ID, func(inbox *parley.Inbox) (parley.InboxUpdate, error) {
		var upd parley.InboxUpdate
		if b.Name != nil {
			inbox.Name, upd.Name = *b.Name, b.Name
		}
		if b.AllowedOrigins != nil {
			inbox.AllowedOrigins, upd.AllowedOrigins = b.AllowedOrigins, &b.AllowedOrigins
		}
		if b.Widget != nil {
			b.Widget.apply(&inbox.Widget)
			upd.Widget = &inbox.Widget
		}
		if b.Identity != nil {
			b.Identity.apply(&inbox.Identity)
			upd.Identity = &inbox.Identity
		}
		if b.Conversation != nil {
			b.Conversation.apply(&inbox.Conversation)
			upd.Conversation = &inbox.Conversation
		}
		if b.AttachmentQuotas != nil {
			b.AttachmentQuotas.apply(&inbox.AttachmentQuotas)
			upd.AttachmentQuotas = &inbox.AttachmentQuotas
		}
		parts := inboxParts{name: b.Name != nil, origins: b.AllowedOrigins != nil, widget: b.Widget != nil,
			identity: b.Identity != nil, conversation: b.Conversation != nil, attachmentQuotas: b.AttachmentQuotas != nil}
		if err := validateInbox(inbox, parts); err != nil {
			return parley.InboxUpdate{}, err
		}
		return upd, nil
	})
	if err != nil {
		return nil, err
	}
	return &inboxOutput{Body: newInboxView(inbox)}, nil
}

func (s *server) deleteInbox(ctx context.Context, in *inboxIDInput) (*struct{}, error) {
	p := principal(ctx)
	if err := s.store.DeleteInbox(ctx, p.Actor, p.WorkspaceID, in.ID); err != nil {
		return nil, err
	}
	s.cfg.Revoker.Revoke(ctx, parley.Revocation{WorkspaceID: p.WorkspaceID, InboxID: in.ID, Reason: parley.EndRevoked})
	return nil, nil
}
