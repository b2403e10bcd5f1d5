package httpapi

import (
	"context"
	"net/http"
	"reflect"
	"slices"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/conversation"
)

// maxSendBodyBytes bounds the request body of a send: room for a message
// body of parley.MaxMessageBodySize bytes even when JSON escapes every
// character, and the other fields.
const maxSendBodyBytes = 8 * parley.MaxMessageBodySize

func (s *server) messageRoutes() {
	tags := []string{"Messages"}
	register(s, huma.Operation{
		OperationID: "send-message", Method: http.MethodPost, Path: "/api/v1/conversations/{id}/messages", Tags: tags,
		Summary: "Send a message", DefaultStatus: http.StatusCreated, MaxBodyBytes: maxSendBodyBytes,
		Description: "Stores a message and answers once it is durable: 201 with the new message, or 200 with " +
			"`duplicate: true` and the message first stored under the same `client_id` (nothing new is stored). " +
			"Always set a `client_id`, so that retrying after a lost answer is harmless.\n\n" +
			"Who may send what: a visitor sends text and attachments in its own conversations; an agent also notes " +
			"(private to agents); an API token text, attachments and system lines (`event`), but no notes. " +
			"`display_name` is for bots and API tokens (apps proxying an external agent). " +
			"A visitor's first message queues an open conversation for the agents. When a visitor writes in a resolved " +
			"conversation whose inbox starts a new one, the message goes to that new conversation: see its `conversation_id`.",
		Responses: map[string]*huma.Response{
			"200": {
				Description: "A duplicate: the message first stored under this client_id; nothing new was stored.",
				Content: map[string]*huma.MediaType{"application/json": {
					Schema: s.api.OpenAPI().Components.Schemas.Schema(reflect.TypeFor[sentMessageView](), true, ""),
				}},
			},
		},
	}, participant(parley.ScopeConversationsWrite), s.sendMessage)
	register(s, huma.Operation{
		OperationID: "list-messages", Method: http.MethodGet, Path: "/api/v1/conversations/{id}/messages", Tags: tags,
		Summary: "List messages",
		Description: "Returns a page of the conversation's messages ordered by `seq`. With `after_seq`, the oldest messages " +
			"after it (poll with the last seq you hold to get what is new); with `before_seq`, the newest before it " +
			"(scroll back through history). A page shorter than `limit` is the last in its direction. " +
			"Deleted messages are included as emptied tombstones. Each caller reads its own sequence: staff the full " +
			"one (notes included), visitors the visitor sequence, which counts only what they may see — their `seq`, " +
			"`after_seq` and `before_seq` are visitor seqs, without gaps.",
	}, participant(parley.ScopeConversationsRead), s.listMessages)
	register(s, huma.Operation{
		OperationID: "get-message", Method: http.MethodGet, Path: "/api/v1/messages/{id}", Tags: tags,
		Summary: "Get a message",
	}, participant(parley.ScopeConversationsRead), s.getMessage)
	register(s, huma.Operation{
		OperationID: "edit-message", Method: http.MethodPatch, Path: "/api/v1/messages/{id}", Tags: tags,
		Summary:     "Edit a message",
		Description: "Replaces the body of a message. Only its sender may edit it (API tokens edit nothing); system lines cannot be edited. 409 if it is deleted.",
	}, participant(parley.ScopeConversationsWrite), s.editMessage)
	register(s, huma.Operation{
		OperationID: "delete-message", Method: http.MethodDelete, Path: "/api/v1/messages/{id}", Tags: tags,
		Summary: "Delete a message", DefaultStatus: http.StatusNoContent,
		Description: "Empties a message and deletes its files; it stays in the conversation as a tombstone with its seq. " +
			"Its sender may delete it, and so may supervisors and admins. 409 if it is already deleted.",
	}, participant(parley.ScopeConversationsWrite), s.deleteMessage)
}

type senderView struct {
	Type        parley.ParticipantType `json:"type" enum:"contact,agent,bot,system"`
	ID          string                 `json:"id,omitempty" doc:"The contact's or agent's ID; absent for the system."`
	DisplayName string                 `json:"display_name,omitempty" doc:"A name to show instead of the sender's own (bots, proxied external agents)."`
	AvatarURL   string                 `json:"avatar_url,omitempty" doc:"The picture of the external agent an app sent the message as: the path on this server of Parley's copy (/avatars/{workspace_id}/{sha256})."`
	ExternalID  string                 `json:"external_id,omitempty" doc:"The ID, in the app's system, of the external agent an app sent the message as (staff only)."`
}

type attachmentView struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size" doc:"In bytes."`
}

type messageView struct {
	ID             string             `json:"id"`
	WorkspaceID    string             `json:"workspace_id"`
	ConversationID string             `json:"conversation_id"`
	Seq            int64              `json:"seq" doc:"Numbers the conversation's messages 1, 2, 3, … in the order they were stored, in the caller's own sequence: for staff every message (notes included), for a visitor what a visitor may see."`
	VisitorSeq     int64              `json:"visitor_seq,omitempty" doc:"The message's number in the visitor sequence, which counts only what a visitor may see (1, 2, 3, … without gaps); absent for a note. For a visitor it equals seq."`
	Kind           parley.MessageKind `json:"kind" enum:"text,attachment,note,event"`
	Sender         senderView         `json:"sender"`
	ClientID       string             `json:"client_id,omitempty" doc:"The sender's idempotency key."`
	Body           string             `json:"body"`
	Attachments    []attachmentView   `json:"attachments" nullable:"false"`
	CreatedAt      time.Time          `json:"created_at"`
	EditedAt       *time.Time         `json:"edited_at,omitempty"`
	DeletedAt      *time.Time         `json:"deleted_at,omitempty" doc:"Set on a deleted message, whose body and attachments are emptied."`
	AppID          string             `json:"app_id,omitempty" doc:"The app that sent the message, as the system or as one of its bots (staff only)."`
}

func newMessageView(m *parley.Message) messageView {
	atts := make([]attachmentView, 0, len(m.Attachments))
	for _, a := range m.Attachments {
		atts = append(atts, attachmentView(a))
	}
	return messageView{
		ID: m.ID, WorkspaceID: m.WorkspaceID, ConversationID: m.ConversationID, Seq: m.Seq, VisitorSeq: m.VisitorSeq, Kind: m.Kind,
		Sender: senderView(m.Sender), ClientID: m.ClientID, Body: m.Body, Attachments: atts,
		CreatedAt: m.CreatedAt, EditedAt: m.EditedAt, DeletedAt: m.DeletedAt, AppID: m.AppID,
	}
}

// forCaller returns the messages the caller may be shown: all of them for
// staff, none of the notes for a visitor. The conversation service already
// leaves notes out of what it gives a visitor; this keeps it true on the
// way out, whatever becomes of the service.
func forCaller(ctx context.Context, msgs []*parley.Message) []*parley.Message {
	if !principal(ctx).Visitor() {
		return msgs
	}
	return slices.DeleteFunc(msgs, func(m *parley.Message) bool { return !m.VisibleToVisitor() })
}

// oneForCaller is forCaller for one message: a note is ENOTFOUND for a visitor.
func oneForCaller(ctx context.Context, m *parley.Message) (*parley.Message, error) {
	if len(forCaller(ctx, []*parley.Message{m})) == 0 {
		return nil, parley.Errorf(parley.ENOTFOUND, "Message not found.")
	}
	return m, nil
}

type messageOutput struct {
	Body messageView
}

type messageIDInput struct {
	ID string `path:"id" doc:"The message's ID."`
}

type sendMessageInput struct {
	ID   string `path:"id" doc:"The conversation's ID."`
	Body struct {
		ClientID      string             `json:"client_id,omitempty" doc:"Your idempotency key, at most 64 bytes (e.g. a UUID): a repeated send with the same key returns the first message."`
		Kind          parley.MessageKind `json:"kind,omitempty" doc:"text (default), attachment, note or event."`
		Body          string             `json:"body,omitempty" doc:"The text, at most 16 KiB; required except for attachment messages (a caption)."`
		AttachmentIDs []string           `json:"attachment_ids,omitempty" nullable:"false" doc:"Files uploaded to the conversation (POST …/attachments); required for kind attachment, and only then."`
		DisplayName   string             `json:"display_name,omitempty" doc:"A name to show instead of the sender's (bots, API tokens and apps only), at most 200 bytes."`
		AvatarURL     string             `json:"avatar_url,omitempty" doc:"Apps only, with display_name: the picture of the external agent the app sends as, an https URL of at most 2048 bytes. The server copies the picture; the message carries the copy's path."`
		ExternalID    string             `json:"external_id,omitempty" doc:"Apps only, with display_name: the external agent's ID in the app's system, opaque text of at most 256 bytes without control characters. Staff are shown it, visitors never."`
	}
}

type sentMessageView struct {
	messageView
	Duplicate bool `json:"duplicate" doc:"True when client_id was used before: this is the first message sent with it."`
}

type sendMessageOutput struct {
	Status int
	Body   sentMessageView
}

func (s *server) sendMessage(ctx context.Context, in *sendMessageInput) (*sendMessageOutput, error) {
	b := in.Body
	if b.Kind != "" && !b.Kind.Valid() {
		var v parley.Validation
		v.Add("kind", "must be text, attachment, note or event")
		return nil, v.Err()
	}
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	r, err := s.conv.Send(ctx, c, conversation.SendInput{
		ConversationID: in.ID, Kind: b.Kind, ClientID: b.ClientID, Body: b.Body,
		AttachmentIDs: b.AttachmentIDs, DisplayName: b.DisplayName, AvatarURL: b.AvatarURL,
		ExternalID: b.ExternalID,
	})
	if err != nil {
		return nil, err
	}
	m, err := oneForCaller(ctx, r.Message)
	if err != nil {
		return nil, err
	}
	out := &sendMessageOutput{Status: http.StatusCreated, Body: sentMessageView{messageView: newMessageView(m), Duplicate: r.Duplicate}}
	if r.Duplicate {
		out.Status = http.StatusOK
	}
	return out, nil
}

type listMessagesInput struct {
	ID        string `path:"id" doc:"The conversation's ID."`
	AfterSeq  int64  `query:"after_seq" minimum:"0" doc:"Only messages with a greater seq (a visitor's: a visitor seq); 0 (default) for the beginning."`
	BeforeSeq int64  `query:"before_seq" minimum:"0" doc:"When set, only messages with a smaller seq (a visitor's: a visitor seq): the newest of them, still ordered by seq."`
	Limit     int    `query:"limit" minimum:"1" maximum:"200" default:"50" doc:"Messages per page."`
}

type messagesOutput struct {
	Body struct {
		Items []messageView `json:"items"`
	}
}

func (s *server) listMessages(ctx context.Context, in *listMessagesInput) (*messagesOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	msgs, err := s.conv.Messages(ctx, c, in.ID, parley.MessageQuery{
		AfterSeq: in.AfterSeq, BeforeSeq: in.BeforeSeq, Limit: in.Limit,
		IncludeNotes: !principal(ctx).Visitor(),
	})
	if err != nil {
		return nil, err
	}
	msgs = forCaller(ctx, msgs)
	out := &messagesOutput{}
	out.Body.Items = make([]messageView, 0, len(msgs))
	for _, m := range msgs {
		out.Body.Items = append(out.Body.Items, newMessageView(m))
	}
	return out, nil
}

func (s *server) getMessage(ctx context.Context, in *messageIDInput) (*messageOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	m, err := s.conv.Message(ctx, c, in.ID)
	if err == nil {
		m, err = oneForCaller(ctx, m)
	}
	if err != nil {
		return nil, err
	}
	return &messageOutput{Body: newMessageView(m)}, nil
}

type editMessageInput struct {
	ID   string `path:"id" doc:"The message's ID."`
	Body struct {
		Body string `json:"body,omitempty" doc:"The new text."`
	}
}

func (s *server) editMessage(ctx context.Context, in *editMessageInput) (*messageOutput, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	m, err := s.conv.Edit(ctx, c, in.ID, in.Body.Body)
	if err == nil {
		m, err = oneForCaller(ctx, m)
	}
	if err != nil {
		return nil, err
	}
	return &messageOutput{Body: newMessageView(m)}, nil
}

func (s *server) deleteMessage(ctx context.Context, in *messageIDInput) (*struct{}, error) {
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	_, err = s.conv.Delete(ctx, c, in.ID)
	return nil, err
}
