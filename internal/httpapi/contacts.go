package httpapi

import (
	"context"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/identity"
)

func (s *server) contactRoutes() {
	tags := []string{"Contacts"}
	register(s, huma.Operation{
		OperationID: "list-contacts", Method: http.MethodGet, Path: "/api/v1/contacts", Tags: tags,
		Summary: "List and search contacts",
		Description: "Lists the workspace's contacts ordered by ID, filtered by any of `external_id`, `email`, `phone` " +
			"(exact; email in any case), `q` (name or email starting with it, in any case) and one custom attribute: " +
			"`attribute.<key>=<value>` (e.g. `?attribute.plan=pro`) matches contacts whose attribute, as text " +
			"(strings as is, numbers in decimal), equals the value.",
	}, staff(parley.ScopeContactsRead), s.listContacts)
	register(s, huma.Operation{
		OperationID: "get-contact", Method: http.MethodGet, Path: "/api/v1/contacts/{id}", Tags: tags,
		Summary: "Get a contact",
	}, staff(parley.ScopeContactsRead), s.getContact)
	register(s, huma.Operation{
		OperationID: "update-contact", Method: http.MethodPatch, Path: "/api/v1/contacts/{id}", Tags: tags,
		Summary: "Update a contact",
		Description: "Changes the fields present in the body; absent (or null) fields are left as they are, `\"\"` removes " +
			"an identifier, and `attributes` replaces all attributes (null or {} removes them). 409 if a new identifier " +
			"is another contact's: merge the two instead. Writes `contact.updated`.",
	}, staff(parley.ScopeContactsWrite), s.updateContact)
	register(s, huma.Operation{
		OperationID: "erase-contact", Method: http.MethodDelete, Path: "/api/v1/contacts/{id}", Tags: tags,
		Summary: "Erase a contact", DefaultStatus: http.StatusNoContent,
		Description: "Erases the contact and everything it owns, for a GDPR erasure request: its conversations with " +
			"their messages, notes and attachments, its visitor sessions (ending them), resume tokens, merge history " +
			"and the outbox events that hold its data. The audit log records the erasure without personal data. " +
			"Writes `contact.deleted` (with the ID only). This cannot be undone.",
	}, staff(parley.ScopeContactsWrite), s.eraseContact)
	register(s, huma.Operation{
		OperationID: "export-contact", Method: http.MethodGet, Path: "/api/v1/contacts/{id}/export", Tags: tags,
		Summary: "Export a contact's data",
		Description: "Returns, as one JSON document, what Parley holds about the contact that the contact may see " +
			"(for a GDPR access request): the contact, the contacts merged into it, and its conversations with their " +
			"messages. Notes are left out: they are the agents' private data. Attachments are listed by name, type and size.",
	}, staff(parley.ScopeContactsRead), s.exportContact)
	register(s, huma.Operation{
		OperationID: "merge-contacts", Method: http.MethodPost, Path: "/api/v1/contacts/{id}/merge", Tags: tags,
		Summary: "Merge another contact into this one",
		Description: "Merges the contact `from` into the contact of the path, in one transaction: `from`'s conversations, " +
			"visitor sessions and resume tokens move to it; attributes are combined (this contact's values win); " +
			"identifiers, name and avatar this contact lacks are taken from `from`; `from` is deleted. A merge record " +
			"keeps `from` as it was, and `contact.merged` is written.",
	}, staff(parley.ScopeContactsWrite), s.mergeContacts)
	s.contactNoteRoutes()
}

// contactView is a contact as staff see it.
type contactView struct {
	ID          string         `json:"id"`
	WorkspaceID string         `json:"workspace_id"`
	ExternalID  string         `json:"external_id,omitempty" doc:"The customer's own user ID; unique in the workspace."`
	Email       string         `json:"email,omitempty" doc:"Lower-case; unique in the workspace."`
	Phone       string         `json:"phone,omitempty" doc:"Unique in the workspace."`
	Verified    bool           `json:"verified" doc:"The identity was proven by the customer's back-end (a JWT, identify, a minted token)."`
	Name        string         `json:"name"`
	AvatarURL   string         `json:"avatar_url,omitempty"`
	Attributes  map[string]any `json:"attributes"`
	CreatedAt   time.Time      `json:"created_at"`
	UpdatedAt   time.Time      `json:"updated_at"`
}

func newContactView(c *parley.Contact) contactView {
	attrs := c.Attributes
	if attrs == nil {
		attrs = map[string]any{}
	}
	return contactView{
		ID: c.ID, WorkspaceID: c.WorkspaceID, ExternalID: c.ExternalID, Email: c.Email, Phone: c.Phone,
		Verified: c.Verified, Name: c.Name, AvatarURL: c.AvatarURL, Attributes: attrs,
		CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt,
	}
}

type contactOutput struct {
	Body contactView
}

type contactIDInput struct {
	ID string `path:"id" doc:"The contact's ID."`
}

type listContactsInput struct {
	PageParams
	ExternalID string `query:"external_id" maxLength:"256" doc:"Only the contact with this external ID."`
	Email      string `query:"email" maxLength:"254" doc:"Only the contact with this email (any case)."`
	Phone      string `query:"phone" maxLength:"256" doc:"Only the contact with this phone."`
	Q          string `query:"q" maxLength:"200" doc:"Only contacts whose name or email starts with this (any case)."`

	attrKey, attrValue string
}

// Resolve reads the attribute filter, whose parameter name holds the key,
// and decodes the cursor.
func (in *listContactsInput) Resolve(ctx huma.Context) []error {
	errs := in.PageParams.Resolve(ctx)
	q, err := url.ParseQuery(ctx.URL().RawQuery)
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

func (s *server) listContacts(ctx context.Context, in *listContactsInput) (*listOutput[contactView], error) {
	l, err := s.store.ListContacts(ctx, principal(ctx).WorkspaceID, parley.ContactFilter{
		ExternalID: in.ExternalID, Email: in.Email, Phone: in.Phone, Query: in.Q,
		AttributeKey: in.attrKey, AttributeValue: in.attrValue, ListOptions: in.options(),
	})
	if err != nil {
		return nil, err
	}
	return newList(l, newContactView), nil
}

func (s *server) getContact(ctx context.Context, in *contactIDInput) (*contactOutput, error) {
	c, err := s.store.FindContactByID(ctx, principal(ctx).WorkspaceID, in.ID)
	if err != nil {
		return nil, err
	}
	return &contactOutput{Body: newContactView(c)}, nil
}

type updateContactInput struct {
	ID   string `path:"id" doc:"The contact's ID."`
	Body struct {
		ExternalID *string         `json:"external_id,omitempty"`
		Email      *string         `json:"email,omitempty"`
		Phone      *string         `json:"phone,omitempty"`
		Name       *string         `json:"name,omitempty"`
		AvatarURL  *string         `json:"avatar_url,omitempty" doc:"An https URL."`
		Attributes attributesPatch `json:"attributes,omitempty"`
	}
}

func (s *server) updateContact(ctx context.Context, in *updateContactInput) (*contactOutput, error) {
	p := principal(ctx)
	b := in.Body
	upd := parley.ContactUpdate{ExternalID: b.ExternalID, Email: b.Email, Phone: b.Phone, Name: b.Name, AvatarURL: b.AvatarURL}
	if b.Attributes.set {
		attrs := b.Attributes.value
		if attrs == nil {
			attrs = map[string]any{}
		}
		upd.Attributes = &attrs
	}
	c, err := s.ident.UpdateContact(ctx, p.Actor, p.WorkspaceID, in.ID, upd)
	if err != nil {
		return nil, err
	}
	return &contactOutput{Body: newContactView(c)}, nil
}

func (s *server) eraseContact(ctx context.Context, in *contactIDInput) (*struct{}, error) {
	p := principal(ctx)
	if err := s.store.DeleteContact(ctx, p.Actor, p.WorkspaceID, in.ID); err != nil {
		return nil, err
	}
	s.cfg.Revoker.Revoke(ctx, parley.Revocation{WorkspaceID: p.WorkspaceID, ContactID: in.ID, Reason: parley.EndContactErased})
	return nil, nil
}

type exportView struct {
	Contact       contactView              `json:"contact"`
	MergedFrom    []mergeView              `json:"merged_from" doc:"The contacts merged into this one, as they were."`
	Conversations []exportConversationView `json:"conversations"`
}

type exportConversationView struct {
	conversationView
	Messages []messageView `json:"messages" doc:"Every message but notes, oldest first."`
}

type exportOutput struct {
	Body exportView
}

func (s *server) exportContact(ctx context.Context, in *contactIDInput) (*exportOutput, error) {
	x, err := s.ident.Export(ctx, principal(ctx).WorkspaceID, in.ID)
	if err != nil {
		return nil, err
	}
	out := &exportOutput{Body: exportView{
		Contact: newContactView(x.Contact), MergedFrom: make([]mergeView, 0, len(x.Merges)),
		Conversations: make([]exportConversationView, 0, len(x.Conversations)),
	}}
	for _, m := range x.Merges {
		out.Body.MergedFrom = append(out.Body.MergedFrom, newMergeView(m))
	}
	for _, c := range x.Conversations {
		ec := exportConversationView{conversationView: newConversationView(c.Conversation), Messages: make([]messageView, 0, len(c.Messages))}
		for _, m := range c.Messages {
			if m.VisibleToVisitor() { // never a note, whatever the service returns
				ec.Messages = append(ec.Messages, newMessageView(m))
			}
		}
		out.Body.Conversations = append(out.Body.Conversations, ec)
	}
	return out, nil
}

// mergeView is one contact merged into another.
type mergeView struct {
	ID              string      `json:"id"`
	MergedContactID string      `json:"merged_contact_id" doc:"The contact merged (now deleted)."`
	MergedContact   contactView `json:"merged_contact" doc:"The merged contact as it was just before."`
	Reason          string      `json:"reason" enum:"api,identify,login" doc:"api: an explicit merge; identify: identifiers of several contacts arrived together; login: a guest logged in."`
	CreatedAt       time.Time   `json:"created_at"`
}

func newMergeView(m *parley.ContactMerge) mergeView {
	v := mergeView{ID: m.ID, MergedContactID: m.SourceID, Reason: m.Reason, CreatedAt: m.CreatedAt}
	if m.Source != nil {
		v.MergedContact = newContactView(m.Source)
	}
	return v
}

type mergeContactsInput struct {
	ID   string `path:"id" doc:"The contact that remains."`
	Body struct {
		From string `json:"from" doc:"The contact to merge into it (deleted by the merge)."`
	}
}

type mergeOutput struct {
	Body struct {
		Contact contactView `json:"contact" doc:"The contact after the merge."`
		Merge   mergeView   `json:"merge"`
	}
}

func (s *server) mergeContacts(ctx context.Context, in *mergeContactsInput) (*mergeOutput, error) {
	p := principal(ctx)
	if strings.TrimSpace(in.Body.From) == "" {
		var v parley.Validation
		v.Add("from", "must not be empty")
		return nil, v.Err()
	}
	c, m, err := s.store.MergeContacts(ctx, &p.Actor, p.WorkspaceID, in.ID, in.Body.From, parley.MergeReasonAPI)
	if err != nil {
		return nil, err
	}
	s.cfg.Revoker.Revoke(ctx, identity.MergeRevocation(m))
	out := &mergeOutput{}
	out.Body.Contact, out.Body.Merge = newContactView(c), newMergeView(m)
	return out, nil
}
