package httpapi

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

func (s *server) searchRoutes() {
	tags := []string{"Search"}
	register(s, huma.Operation{
		OperationID: "search", Method: http.MethodGet, Path: "/api/v1/search", Tags: tags,
		Summary: "Search messages or contacts",
		Description: "Full-text search with the database's own index, kept in step with every message and contact " +
			"in the same transaction. `q` is split into words (letters and digits); a result holds every word, the " +
			"last, from three letters on, also as the start of a longer word (`ref` finds `refund`). Message " +
			"results are the 1,000 most recent matching messages the caller may see, ranked best first among " +
			"themselves; contacts are ranked among all matches. Each message result has a `snippet` whose " +
			"`match` parts are the words found; results are paged with `next_cursor`.\n\n" +
			"`type=messages` (the default) finds text and attachment messages, and for staff notes too; a visitor " +
			"finds only what it may see in its own conversations, in its session's inbox. `type=contacts` " +
			"(staff, `contacts:read`) finds contacts by name, email, phone or external ID.",
	}, participant(parley.ScopeConversationsRead), s.search)
}

type searchInput struct {
	PageParams
	Q    string `query:"q" required:"true" maxLength:"500" doc:"The words to find."`
	Type string `query:"type" enum:"messages,contacts" default:"messages" doc:"What to search."`

	words []string
}

// Resolve splits q into words and decodes the cursor.
func (in *searchInput) Resolve(ctx huma.Context) []error {
	errs := in.PageParams.Resolve(ctx)
	words, err := parley.SearchWords(in.Q)
	if err != nil {
		errs = append(errs, &huma.ErrorDetail{Location: "query.q", Message: "must hold 1 to 10 words of letters or digits, in valid text", Value: in.Q})
	}
	in.words = words
	return errs
}

type searchHitView struct {
	Type           string               `json:"type" enum:"message,contact"`
	ConversationID string               `json:"conversation_id,omitempty" doc:"The message's conversation."`
	Message        *messageView         `json:"message,omitempty"`
	Contact        *contactView         `json:"contact,omitempty"`
	Snippet        []parley.SnippetPart `json:"snippet,omitempty" doc:"An excerpt of the message around the first word found; parts with match true are words found."`
}

func (s *server) search(ctx context.Context, in *searchInput) (*listOutput[searchHitView], error) {
	p := principal(ctx)
	if in.Type == "contacts" {
		if p.Visitor() || !p.Can(parley.ScopeContactsRead) {
			return nil, parley.Errorf(parley.EFORBIDDEN, "Searching contacts needs the contacts:read scope.")
		}
		l, err := s.store.SearchContacts(ctx, p.WorkspaceID, in.words, in.options())
		if err != nil {
			return nil, err
		}
		return newList(l, func(h *parley.ContactHit) searchHitView {
			v := newContactView(h.Contact)
			return searchHitView{Type: "contact", Contact: &v}
		}), nil
	}
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	q := parley.MessageSearch{Words: in.words, ListOptions: in.options()}
	if p.Visitor() {
		q.InboxID = p.InboxID
	}
	l, err := s.conv.SearchMessages(ctx, c, q)
	if err != nil {
		return nil, err
	}
	return newList(l, func(h *parley.MessageHit) searchHitView {
		v := newMessageView(h.Message)
		return searchHitView{Type: "message", ConversationID: h.Message.ConversationID, Message: &v, Snippet: h.Snippet}
	}), nil
}
