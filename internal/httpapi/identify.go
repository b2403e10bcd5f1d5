package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/identity"
)

func (s *server) identifyRoutes() {
	register(s, huma.Operation{
		OperationID: "identify-contact", Method: http.MethodPost, Path: "/api/v1/contacts/identify", Tags: []string{"Contacts"},
		Summary: "Identify a contact",
		Description: "For the customer's back-end: creates or updates the contact holding `external_id`, `email` or `phone` " +
			"(at least one), marks it verified, sets `name` if given and `attributes` key by key, and returns it with " +
			"its most recent conversations in the inbox (up to 20, newest first), each with its last message (never a " +
			"note) and a new resume token. When the identifiers belong to different contacts, they are merged into one — " +
			"the holder of `external_id`, else of `email` — and the merged IDs are listed in `merged_contact_ids`. " +
			"`identifier_hash`, when sent, must be the hex HMAC-SHA256 of the identifier (`external_id`, else `email`, " +
			"else `phone`, as sent) keyed with the inbox's first identity secret; a mismatch is 401 with reason " +
			"`identifier_hash`. Writes `contact.created`, `contact.updated` and `contact.merged` as they happen.",
	}, staff(parley.ScopeContactsWrite), s.identify)
}

type identifyInput struct {
	Body struct {
		InboxID        string         `json:"inbox_id" doc:"The inbox whose conversations to return."`
		ExternalID     string         `json:"external_id,omitempty" doc:"The customer's own user ID."`
		Email          string         `json:"email,omitempty"`
		Phone          string         `json:"phone,omitempty"`
		Name           string         `json:"name,omitempty" doc:"Replaces the contact's name when set."`
		Attributes     map[string]any `json:"attributes,omitempty" doc:"Set key by key; attributes not named keep their value."`
		IdentifierHash string         `json:"identifier_hash,omitempty" doc:"Hex HMAC-SHA256 (64 digits, either case) of the identifier with the inbox's first identity secret."`
	}
}

type identifiedConversationView struct {
	Conversation         conversationView `json:"conversation"`
	LastMessage          *messageView     `json:"last_message" doc:"The newest message the visitor may see; null when none."`
	ResumeToken          string           `json:"resume_token" doc:"prlyr_…: joins this conversation from a new visitor session. Shown only this once."`
	ResumeTokenID        string           `json:"resume_token_id" doc:"Revoke with DELETE /api/v1/resume-tokens/{id}."`
	ResumeTokenExpiresAt time.Time        `json:"resume_token_expires_at"`
}

type identifyOutput struct {
	Body struct {
		Contact          contactView                  `json:"contact"`
		Created          bool                         `json:"created" doc:"No contact held any of the identifiers."`
		MergedContactIDs []string                     `json:"merged_contact_ids" doc:"Contacts merged into this one by this call."`
		Conversations    []identifiedConversationView `json:"conversations"`
	}
}

func (s *server) identify(ctx context.Context, in *identifyInput) (*identifyOutput, error) {
	p := principal(ctx)
	b := in.Body
	res, err := s.ident.Identify(ctx, p.Actor, p.WorkspaceID, identity.IdentifyRequest{
		InboxID: b.InboxID, ExternalID: b.ExternalID, Email: b.Email, Phone: b.Phone, Name: b.Name,
		Attributes: b.Attributes, IdentifierHash: b.IdentifierHash,
	})
	if err != nil {
		return nil, err
	}
	out := &identifyOutput{}
	out.Body.Contact, out.Body.Created = newContactView(res.Contact), res.Created
	out.Body.MergedContactIDs = make([]string, 0, len(res.Merges))
	for _, m := range res.Merges {
		out.Body.MergedContactIDs = append(out.Body.MergedContactIDs, m.SourceID)
	}
	out.Body.Conversations = make([]identifiedConversationView, 0, len(res.Conversations))
	for _, c := range res.Conversations {
		v := identifiedConversationView{
			Conversation: newConversationView(c.Conversation), ResumeToken: c.ResumeToken,
			ResumeTokenID: c.Resume.ID, ResumeTokenExpiresAt: c.Resume.ExpiresAt,
		}
		if m := c.LastMessage; m != nil && m.VisibleToVisitor() {
			mv := newMessageView(m)
			v.LastMessage = &mv
		}
		out.Body.Conversations = append(out.Body.Conversations, v)
	}
	return out, nil
}
