package client

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// ---- Accounts and administration -------------------------------------------

// LoginInput is an agent's console login.
type LoginInput struct {
	Email    string `json:"email"`
	Password string `json:"password"`
	// Workspace is the workspace's slug; "" for the default workspace.
	Workspace string `json:"workspace,omitempty"`
}

// LoginResult is a console session.
type LoginResult struct {
	Agent     Agent     `json:"agent"`
	CSRFToken string    `json:"csrf_token"`
	ExpiresAt time.Time `json:"expires_at"`
	// Session is the session cookie's secret. Use it with WithSession (and
	// CSRFToken) for REST calls.
	Session string `json:"-"`
}

// Login starts a console session for an agent (POST /api/v1/auth/login).
// The session is returned, not kept: derive a client for it with
// New(…, WithSession(r.Session, r.CSRFToken)).
func (c *Client) Login(ctx context.Context, in LoginInput) (*LoginResult, error) {
	resp, err := c.send(ctx, request{method: http.MethodPost, path: "/api/v1/auth/login", body: in})
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out LoginResult
	if err := decodeJSON(resp, &out); err != nil {
		return nil, err
	}
	for _, ck := range resp.Cookies() {
		if ck.Name == sessionCookie {
			out.Session = ck.Value
		}
	}
	if out.Session == "" {
		return nil, fmt.Errorf("client: login: the response set no %s cookie", sessionCookie)
	}
	return &out, nil
}

// BearerLogin is an agent's session for a program: Token authenticates as
// the agent (WithToken), over REST and real-time connections, until
// ExpiresAt or Logout.
type BearerLogin struct {
	Agent     Agent     `json:"agent"`
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expires_at"`
}

// LoginBearer starts a session for an agent — typically a bot — in a
// program rather than a browser (POST /api/v1/auth/login with "bearer":
// true): no cookie, the session's secret is returned instead. Derive a
// client for it with WithToken(r.Token).
func (c *Client) LoginBearer(ctx context.Context, in LoginInput) (*BearerLogin, error) {
	body := struct {
		LoginInput
		Bearer bool `json:"bearer"`
	}{in, true}
	var out BearerLogin
	_, err := c.do(ctx, request{method: http.MethodPost, path: "/api/v1/auth/login", body: body}, &out)
	return ret(&out, err)
}

// Logout ends the client's agent session, console or bearer (POST
// /api/v1/auth/logout): its credential stops working and its real-time
// connections are closed (4004).
func (c *Client) Logout(ctx context.Context) error {
	_, err := c.do(ctx, request{method: http.MethodPost, path: "/api/v1/auth/logout"}, nil)
	return err
}

// Me returns who the credentials belong to (GET /api/v1/me).
func (c *Client) Me(ctx context.Context) (*Me, error) {
	var out Me
	_, err := c.do(ctx, request{method: http.MethodGet, path: "/api/v1/me"}, &out)
	return ret(&out, err)
}

// CreateAgentInput is a new agent.
type CreateAgentInput struct {
	Email      string         `json:"email"`
	Name       string         `json:"name"`
	Role       string         `json:"role,omitempty"` // admin, supervisor, agent (default)
	Password   string         `json:"password,omitempty"`
	Bot        bool           `json:"bot,omitempty"`
	Capacity   int            `json:"capacity,omitempty"`
	Attributes map[string]any `json:"attributes,omitempty"`
	AvatarURL  string         `json:"avatar_url,omitempty"`
}

// CreateAgent creates an agent (POST /api/v1/agents; scope agents:write).
func (c *Client) CreateAgent(ctx context.Context, in CreateAgentInput) (*Agent, error) {
	var out Agent
	_, err := c.do(ctx, request{method: http.MethodPost, path: "/api/v1/agents", body: in}, &out)
	return ret(&out, err)
}

// SetPresence sets the calling agent's status: online, away or offline
// (PUT /api/v1/me/presence). It holds while the agent has a real-time
// connection open, and for the server's grace period without one.
func (c *Client) SetPresence(ctx context.Context, status string) error {
	_, err := c.do(ctx, request{method: http.MethodPut, path: "/api/v1/me/presence", body: map[string]string{"status": status}}, nil)
	return err
}

// Agent returns an agent (GET /api/v1/agents/{id}).
func (c *Client) Agent(ctx context.Context, id string) (*Agent, error) {
	var out Agent
	_, err := c.do(ctx, request{method: http.MethodGet, path: pathf("/api/v1/agents/%s", id)}, &out)
	return ret(&out, err)
}

// CreateInboxInput is a new inbox.
type CreateInboxInput struct {
	Name string `json:"name"`
	// AllowedOrigins lists the web origins whose pages may open visitor
	// connections; "*" allows any.
	AllowedOrigins []string `json:"allowed_origins,omitempty"`
}

// CreateInbox creates an inbox (POST /api/v1/inboxes; scope inboxes:write).
func (c *Client) CreateInbox(ctx context.Context, in CreateInboxInput) (*Inbox, error) {
	var out Inbox
	_, err := c.do(ctx, request{method: http.MethodPost, path: "/api/v1/inboxes", body: in}, &out)
	return ret(&out, err)
}

// Inbox returns an inbox (GET /api/v1/inboxes/{id}).
func (c *Client) Inbox(ctx context.Context, id string) (*Inbox, error) {
	var out Inbox
	_, err := c.do(ctx, request{method: http.MethodGet, path: pathf("/api/v1/inboxes/%s", id)}, &out)
	return ret(&out, err)
}

// CreateToken creates an API token with the given scopes (POST
// /api/v1/tokens; scope tokens:write). The secret is in the result's Token.
func (c *Client) CreateToken(ctx context.Context, name string, scopes ...string) (*CreatedToken, error) {
	var out CreatedToken
	body := struct {
		Name   string   `json:"name"`
		Scopes []string `json:"scopes"`
	}{name, scopes}
	_, err := c.do(ctx, request{method: http.MethodPost, path: "/api/v1/tokens", body: body}, &out)
	return ret(&out, err)
}

// ---- Visitors -----------------------------------------------------------------

// CreateVisitorSession opens a guest visitor session in an inbox (POST
// /api/v1/visitor/sessions; public): a new anonymous contact and a token
// for it. Use the token with WithToken.
func (c *Client) CreateVisitorSession(ctx context.Context, inboxID string) (*VisitorSession, error) {
	return c.StartVisitorSession(ctx, VisitorSessionInput{InboxID: inboxID})
}

// VisitorSessionInput opens a visitor session. With neither Token nor
// ResumeToken it is a guest's.
type VisitorSessionInput struct {
	InboxID string `json:"inbox_id"`
	// Token is an identity JWT signed by your back-end (docs/identity.md):
	// the session is the verified contact's whose external ID is its sub,
	// expiring with it. Called by a guest (a client WithToken of its
	// visitor token), the guest's conversations move to that contact.
	Token string `json:"token,omitempty"`
	// ResumeToken opens a session confined to the one conversation the
	// resume token is for.
	ResumeToken string `json:"resume_token,omitempty"`
}

// StartVisitorSession opens a visitor session (POST
// /api/v1/visitor/sessions; public, or as the current visitor): a guest's,
// a verified contact's from an identity JWT, or one joining a conversation
// with a resume token. Use the returned token with WithToken.
func (c *Client) StartVisitorSession(ctx context.Context, in VisitorSessionInput) (*VisitorSession, error) {
	var out VisitorSession
	_, err := c.do(ctx, request{method: http.MethodPost, path: "/api/v1/visitor/sessions", body: in}, &out)
	return ret(&out, err)
}

// CreateVisitorToken mints a visitor token for a customer (POST
// /api/v1/visitor-tokens; scope visitors:write): the way for a back-end to
// hand a logged-in user's device a token, as an alternative to signing a
// JWT. Renew it before it expires (see WithTokenSource).
func (c *Client) CreateVisitorToken(ctx context.Context, in VisitorTokenInput) (*VisitorToken, error) {
	body := struct {
		VisitorTokenInput
		TTLSeconds int64 `json:"ttl_seconds,omitempty"`
	}{in, int64(in.TTL / time.Second)}
	var out VisitorToken
	_, err := c.do(ctx, request{method: http.MethodPost, path: "/api/v1/visitor-tokens", body: body}, &out)
	return ret(&out, err)
}

// ---- Conversations --------------------------------------------------------------

// CreateConversationInput starts a conversation. A visitor leaves both
// fields empty (its own contact, in its session's inbox); staff name them.
type CreateConversationInput struct {
	InboxID   string `json:"inbox_id,omitempty"`
	ContactID string `json:"contact_id,omitempty"`
	Priority  int    `json:"priority,omitempty"` // 0 to 100; staff only
}

// CreateConversation starts a conversation, status open (POST
// /api/v1/conversations).
func (c *Client) CreateConversation(ctx context.Context, in CreateConversationInput) (*Conversation, error) {
	var out Conversation
	_, err := c.do(ctx, request{method: http.MethodPost, path: "/api/v1/conversations", body: in}, &out)
	return ret(&out, err)
}

// ConversationFilter narrows ListConversations; empty fields match all.
// Visitors always get their own conversations only.
type ConversationFilter struct {
	Status     []string // any of these statuses
	AssigneeID string
	Unassigned bool // only conversations nobody holds
	InboxID    string
	ContactID  string
	LabelID    string
	Unread     bool // only those with messages the caller has not read
	// WaitingLongerThan keeps the conversations whose visitor has waited
	// for a reply at least this long (whole seconds); nil: no condition.
	WaitingLongerThan *time.Duration
	// Sort is "" (by ID), "newest", "oldest", "waiting_longest" or
	// "last_activity".
	Sort   string
	Cursor string // Page.NextCursor of the previous page, same sort and filter
	Limit  int    // 0: the server's default (50); at most 200
}

// ListConversations returns one page of conversations in the filter's
// order (GET /api/v1/conversations).
func (c *Client) ListConversations(ctx context.Context, f ConversationFilter) (*Page[Conversation], error) {
	q := url.Values{}
	for _, st := range f.Status {
		q.Add("status", st)
	}
	setQuery(q, "assignee_id", f.AssigneeID)
	setQuery(q, "inbox_id", f.InboxID)
	setQuery(q, "contact_id", f.ContactID)
	setQuery(q, "label_id", f.LabelID)
	setQuery(q, "sort", f.Sort)
	setQuery(q, "cursor", f.Cursor)
	if f.Unassigned {
		q.Set("unassigned", "true")
	}
	if f.Unread {
		q.Set("unread", "true")
	}
	if f.WaitingLongerThan != nil {
		q.Set("waiting_longer_than", strconv.FormatInt(int64(*f.WaitingLongerThan/time.Second), 10))
	}
	if f.Limit > 0 {
		q.Set("limit", strconv.Itoa(f.Limit))
	}
	var out Page[Conversation]
	_, err := c.do(ctx, request{method: http.MethodGet, path: "/api/v1/conversations", query: q}, &out)
	return ret(&out, err)
}

// Conversation returns a conversation (GET /api/v1/conversations/{id}).
func (c *Client) Conversation(ctx context.Context, id string) (*Conversation, error) {
	var out Conversation
	_, err := c.do(ctx, request{method: http.MethodGet, path: pathf("/api/v1/conversations/%s", id)}, &out)
	return ret(&out, err)
}

// Assign gives a pending conversation to an agent (POST
// /api/v1/conversations/{id}/assign). An agent passes "" to take it
// itself. When several race for one conversation exactly one wins; the
// others get CodeConflict.
func (c *Client) Assign(ctx context.Context, conversationID, agentID string) (*Conversation, error) {
	body := struct {
		AgentID string `json:"agent_id,omitempty"`
	}{agentID}
	return c.conversationAction(ctx, conversationID, "assign", body)
}

// Transfer moves a conversation held by fromAgentID ("" for the calling
// agent) to toAgentID (POST …/transfer). Returns CodeConflict unless
// fromAgentID holds it.
func (c *Client) Transfer(ctx context.Context, conversationID, fromAgentID, toAgentID string) (*Conversation, error) {
	body := struct {
		FromAgentID string `json:"from_agent_id,omitempty"`
		ToAgentID   string `json:"to_agent_id"`
	}{fromAgentID, toAgentID}
	return c.conversationAction(ctx, conversationID, "transfer", body)
}

// Unassign puts a conversation held by fromAgentID ("" for the calling
// agent) back to pending (POST …/unassign).
func (c *Client) Unassign(ctx context.Context, conversationID, fromAgentID string) (*Conversation, error) {
	body := struct {
		FromAgentID string `json:"from_agent_id,omitempty"`
	}{fromAgentID}
	return c.conversationAction(ctx, conversationID, "unassign", body)
}

// Resolve resolves a conversation (POST …/resolve).
func (c *Client) Resolve(ctx context.Context, conversationID string) (*Conversation, error) {
	return c.conversationAction(ctx, conversationID, "resolve", struct{}{})
}

// Reopen puts a resolved conversation back to pending (POST …/reopen).
func (c *Client) Reopen(ctx context.Context, conversationID string) (*Conversation, error) {
	return c.conversationAction(ctx, conversationID, "reopen", struct{}{})
}

func (c *Client) conversationAction(ctx context.Context, id, action string, body any) (*Conversation, error) {
	var out Conversation
	_, err := c.do(ctx, request{method: http.MethodPost, path: pathf("/api/v1/conversations/%s/", id) + action, body: body}, &out)
	return ret(&out, err)
}

// ---- Messages -------------------------------------------------------------------

// SendInput is a message to send, over REST (SendMessage) or a real-time
// connection (Conn.Send).
type SendInput struct {
	// ClientID is the idempotency key (at most 64 bytes): sending again
	// with it returns the first message instead of storing a new one. When
	// empty, a random one is generated.
	ClientID string `json:"client_id"`
	// Kind is KindText (the default when empty), KindAttachment (with
	// AttachmentIDs), KindNote (agents) or KindEvent (apps).
	Kind          string   `json:"kind,omitempty"`
	Body          string   `json:"body"`
	AttachmentIDs []string `json:"attachment_ids,omitempty"`
	// DisplayName overrides the sender's name (bots and apps only).
	DisplayName string `json:"display_name,omitempty"`
	// AvatarURL, with DisplayName, is the picture of the external agent an
	// app sends as: an https URL (apps only; the server copies the picture
	// and the message carries the copy's path).
	AvatarURL string `json:"avatar_url,omitempty"`
	// ExternalID, with DisplayName, is that external agent's ID in the
	// app's system (apps only; at most 256 bytes, no control characters).
	// Staff are shown it, visitors never.
	ExternalID string `json:"external_id,omitempty"`
}

// SendResult is a message once durable.
type SendResult struct {
	Message Message
	// Duplicate is true when the client ID was used before: Message is the
	// message first stored with it, and nothing new was stored.
	Duplicate bool
}

// SendMessage sends a message over REST (POST
// /api/v1/conversations/{id}/messages) and returns it once durable.
// in.ClientID is generated when empty; to retry safely after an error, set
// it yourself and send again with the same one.
//
// A visitor writing in a resolved conversation whose inbox starts a new
// one gets a message of the new conversation (Message.ConversationID).
func (c *Client) SendMessage(ctx context.Context, conversationID string, in SendInput) (*SendResult, error) {
	if in.ClientID == "" {
		in.ClientID = NewClientID()
	}
	var out struct {
		Message
		Duplicate bool `json:"duplicate"`
	}
	_, err := c.do(ctx, request{method: http.MethodPost, path: pathf("/api/v1/conversations/%s/messages", conversationID), body: in}, &out)
	if err != nil {
		return nil, err
	}
	return &SendResult{Message: out.Message, Duplicate: out.Duplicate}, nil
}

// MessageQuery selects a page of a conversation's messages, always in seq
// order.
type MessageQuery struct {
	// AfterSeq: only messages with a greater seq (0: from the beginning).
	AfterSeq int64
	// BeforeSeq: when > 0, only messages with a smaller seq, and the page is
	// the newest of them (scrolling back through history).
	BeforeSeq int64
	// Limit: 0 for the server's default (50); at most 200. A page shorter
	// than its limit is the last in its direction.
	Limit int
}

// Messages returns a page of a conversation's messages (GET
// /api/v1/conversations/{id}/messages). Visitors never get notes.
func (c *Client) Messages(ctx context.Context, conversationID string, q MessageQuery) ([]Message, error) {
	v := url.Values{}
	if q.AfterSeq > 0 {
		v.Set("after_seq", strconv.FormatInt(q.AfterSeq, 10))
	}
	if q.BeforeSeq > 0 {
		v.Set("before_seq", strconv.FormatInt(q.BeforeSeq, 10))
	}
	if q.Limit > 0 {
		v.Set("limit", strconv.Itoa(q.Limit))
	}
	var out Page[Message]
	_, err := c.do(ctx, request{method: http.MethodGet, path: pathf("/api/v1/conversations/%s/messages", conversationID), query: v}, &out)
	if err != nil {
		return nil, err
	}
	return out.Items, nil
}

// Message returns one message (GET /api/v1/messages/{id}).
func (c *Client) Message(ctx context.Context, id string) (*Message, error) {
	var out Message
	_, err := c.do(ctx, request{method: http.MethodGet, path: pathf("/api/v1/messages/%s", id)}, &out)
	return ret(&out, err)
}

// EditMessage replaces a message's body (PATCH /api/v1/messages/{id}).
func (c *Client) EditMessage(ctx context.Context, id, body string) (*Message, error) {
	var out Message
	in := struct {
		Body string `json:"body"`
	}{body}
	_, err := c.do(ctx, request{method: http.MethodPatch, path: pathf("/api/v1/messages/%s", id), body: in}, &out)
	return ret(&out, err)
}

// DeleteMessage deletes a message, leaving an emptied tombstone that keeps
// its seq (DELETE /api/v1/messages/{id}).
func (c *Client) DeleteMessage(ctx context.Context, id string) error {
	_, err := c.do(ctx, request{method: http.MethodDelete, path: pathf("/api/v1/messages/%s", id)}, nil)
	return err
}

// ---- Read state and typing --------------------------------------------------------

// MarkRead marks a conversation read up to seq, never backwards, and returns
// the caller's position (POST /api/v1/conversations/{id}/read).
func (c *Client) MarkRead(ctx context.Context, conversationID string, seq int64) (int64, error) {
	in := struct {
		Seq int64 `json:"seq"`
	}{seq}
	var out struct {
		LastReadSeq int64 `json:"last_read_seq"`
	}
	_, err := c.do(ctx, request{method: http.MethodPost, path: pathf("/api/v1/conversations/%s/read", conversationID), body: in}, &out)
	return out.LastReadSeq, err
}

// ReadStates returns every participant's read position (GET
// /api/v1/conversations/{id}/read-states).
func (c *Client) ReadStates(ctx context.Context, conversationID string) ([]ReadState, error) {
	var out struct {
		Items []ReadState `json:"items"`
	}
	_, err := c.do(ctx, request{method: http.MethodGet, path: pathf("/api/v1/conversations/%s/read-states", conversationID)}, &out)
	return out.Items, err
}

// UnreadCount returns how many messages the caller has not read (GET
// /api/v1/conversations/{id}/unread). A visitor's count never includes notes.
func (c *Client) UnreadCount(ctx context.Context, conversationID string) (int, error) {
	var out struct {
		Count int `json:"count"`
	}
	_, err := c.do(ctx, request{method: http.MethodGet, path: pathf("/api/v1/conversations/%s/unread", conversationID)}, &out)
	return out.Count, err
}

// Typing tells the others following a conversation that the caller is
// typing (POST /api/v1/conversations/{id}/typing); note (agents only) means
// typing a note, which only staff hear.
func (c *Client) Typing(ctx context.Context, conversationID string, note bool) error {
	in := struct {
		Note bool `json:"note,omitempty"`
	}{note}
	_, err := c.do(ctx, request{method: http.MethodPost, path: pathf("/api/v1/conversations/%s/typing", conversationID), body: in}, nil)
	return err
}

// ---- Attachments ------------------------------------------------------------------

// UploadAttachment stores a file in a conversation (POST
// /api/v1/conversations/{id}/attachments), to be sent with a message of kind
// KindAttachment (SendInput.AttachmentIDs). The inbox limits its size and
// content type.
func (c *Client) UploadAttachment(ctx context.Context, conversationID, filename, contentType string, data io.Reader) (*Attachment, error) {
	q := url.Values{}
	setQuery(q, "filename", filename)
	var out Attachment
	_, err := c.do(ctx, request{
		method: http.MethodPost, path: pathf("/api/v1/conversations/%s/attachments", conversationID),
		query: q, raw: data, ctype: contentType,
	}, &out)
	return ret(&out, err)
}

// AttachmentFile is a downloaded attachment.
type AttachmentFile struct {
	Name        string // from Content-Disposition
	ContentType string
	Data        []byte
}

// Attachment downloads an attachment's bytes (GET /api/v1/attachments/{id}),
// reading at most maxSize bytes (0 for 64 MiB).
func (c *Client) Attachment(ctx context.Context, id string, maxSize int64) (*AttachmentFile, error) {
	if maxSize <= 0 {
		maxSize = 64 << 20
	}
	resp, err := c.send(ctx, request{method: http.MethodGet, path: pathf("/api/v1/attachments/%s", id)})
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxSize+1))
	if err != nil {
		return nil, fmt.Errorf("client: download attachment: %w", err)
	}
	if int64(len(data)) > maxSize {
		return nil, fmt.Errorf("client: attachment %s is larger than %d bytes", id, maxSize)
	}
	f := &AttachmentFile{ContentType: resp.Header.Get("Content-Type"), Data: data}
	if _, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition")); err == nil {
		f.Name = params["filename"]
	}
	return f, nil
}

// ---- helpers ------------------------------------------------------------------------

func setQuery(q url.Values, key, value string) {
	if value != "" {
		q.Set(key, value)
	}
}

// ret returns v, or nil with err.
func ret[T any](v *T, err error) (*T, error) {
	if err != nil {
		return nil, err
	}
	return v, nil
}

func decodeJSON(resp *http.Response, out any) error {
	if err := jsonDecode(io.LimitReader(resp.Body, maxResponseSize), out); err != nil {
		return fmt.Errorf("client: %s %s: decode response: %w", resp.Request.Method, resp.Request.URL.Path, err)
	}
	return nil
}
