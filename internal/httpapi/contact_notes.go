package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

func (s *server) contactNoteRoutes() {
	tags := []string{"Contacts"}
	register(s, huma.Operation{
		OperationID: "list-contact-notes", Method: http.MethodGet, Path: "/api/v1/contacts/{id}/notes", Tags: tags,
		Summary: "Notes on a contact",
		Description: "Lists the staff-only notes on the contact, newest first. Visitors never see them, and the " +
			"contact's export leaves them out.",
	}, staff(parley.ScopeContactsRead), s.listContactNotes)
	register(s, huma.Operation{
		OperationID: "create-contact-note", Method: http.MethodPost, Path: "/api/v1/contacts/{id}/notes", Tags: tags,
		Summary: "Write a note on a contact", DefaultStatus: http.StatusCreated,
		Description: "Adds a staff-only note (at most 4,000 bytes; a contact carries at most 500 notes). The note " +
			"follows the contact through a merge and is erased with it.",
	}, staff(parley.ScopeContactsWrite), s.createContactNote)
	register(s, huma.Operation{
		OperationID: "delete-contact-note", Method: http.MethodDelete, Path: "/api/v1/contacts/{id}/notes/{note_id}", Tags: tags,
		Summary: "Delete a note on a contact", DefaultStatus: http.StatusNoContent,
	}, staff(parley.ScopeContactsWrite), s.deleteContactNote)
}

type contactNoteView struct {
	ID         string    `json:"id"`
	ContactID  string    `json:"contact_id"`
	AuthorType string    `json:"author_type" enum:"agent,token,app,system" doc:"Who wrote it: an agent, an API token or an app."`
	AuthorID   string    `json:"author_id,omitempty"`
	AuthorName string    `json:"author_name" doc:"The author's name (an agent's email, a token's name) when the note was written."`
	Body       string    `json:"body"`
	CreatedAt  time.Time `json:"created_at"`
}

func newContactNoteView(n *parley.ContactNote) contactNoteView {
	return contactNoteView{ID: n.ID, ContactID: n.ContactID, AuthorType: string(n.AuthorType), AuthorID: n.AuthorID,
		AuthorName: n.AuthorName, Body: n.Body, CreatedAt: n.CreatedAt}
}

type contactNotesOutput struct {
	Body struct {
		Items []contactNoteView `json:"items" nullable:"false"`
	}
}

func (s *server) listContactNotes(ctx context.Context, in *contactIDInput) (*contactNotesOutput, error) {
	notes, err := s.store.ListContactNotes(ctx, principal(ctx).WorkspaceID, in.ID)
	if err != nil {
		return nil, err
	}
	out := &contactNotesOutput{}
	out.Body.Items = make([]contactNoteView, 0, len(notes))
	for _, n := range notes {
		out.Body.Items = append(out.Body.Items, newContactNoteView(n))
	}
	return out, nil
}

type createContactNoteInput struct {
	ID   string `path:"id" doc:"The contact's ID."`
	Body struct {
		Body string `json:"body" doc:"The note: text, at most 4,000 bytes."`
	}
}

type contactNoteOutput struct {
	Body contactNoteView
}

func (s *server) createContactNote(ctx context.Context, in *createContactNoteInput) (*contactNoteOutput, error) {
	p := principal(ctx)
	n := &parley.ContactNote{WorkspaceID: p.WorkspaceID, ContactID: in.ID, AuthorType: p.Type, AuthorID: p.ID,
		AuthorName: p.Name, Body: in.Body.Body}
	var v parley.Validation
	n.Validate(&v)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := s.store.CreateContactNote(ctx, p.Actor, n); err != nil {
		return nil, err
	}
	return &contactNoteOutput{Body: newContactNoteView(n)}, nil
}

type contactNoteIDInput struct {
	ID     string `path:"id" doc:"The contact's ID."`
	NoteID string `path:"note_id" doc:"The note's ID."`
}

func (s *server) deleteContactNote(ctx context.Context, in *contactNoteIDInput) (*struct{}, error) {
	p := principal(ctx)
	return nil, s.store.DeleteContactNote(ctx, p.Actor, p.WorkspaceID, in.ID, in.NoteID)
}
