package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
	"github.com/parleychat/parley/internal/secret"
)

// visitor is a guest's visitor token with what it belongs to.
type visitor struct {
	bearer
	contactID, inboxID string
}

// staffMember is an agent's console session with the agent.
type staffMember struct {
	session
	agent *parley.Agent
}

// inbox creates an inbox of the default workspace that allows any origin.
func (ts *testServer) inbox(t testing.TB, mods ...func(*parley.Inbox)) *parley.Inbox {
	t.Helper()
	in := &parley.Inbox{WorkspaceID: ts.ws.ID, Name: "Website", AllowedOrigins: []string{"*"}}
	for _, mod := range mods {
		mod(in)
	}
	if err := ts.store.CreateInbox(context.Background(), parley.SystemActor, in); err != nil {
		t.Fatalf("CreateInbox: %v", err)
	}
	return in
}

// guest starts a guest session in inbox over HTTP.
func (ts *testServer) guest(t testing.TB, in *parley.Inbox) visitor {
	t.Helper()
	var body struct {
		Token     string    `json:"token"`
		ContactID string    `json:"contact_id"`
		InboxID   string    `json:"inbox_id"`
		ExpiresAt time.Time `json:"expires_at"`
	}
	ts.do(t, "POST", "/api/v1/visitor/sessions", nil, map[string]string{"inbox_id": in.ID}).want(t, 201).decode(t, &body)
	if !strings.HasPrefix(body.Token, "prlyv_") || body.ContactID == "" || body.InboxID != in.ID {
		t.Fatalf("guest session = %+v", body)
	}
	return visitor{bearer: bearer(body.Token), contactID: body.ContactID, inboxID: in.ID}
}

// member creates an agent of the default workspace with a console session,
// straight through the store (no password hashing: tests make many).
func (ts *testServer) member(t testing.TB, role parley.Role, mods ...func(*parley.Agent)) staffMember {
	t.Helper()
	ctx := context.Background()
	a := &parley.Agent{WorkspaceID: ts.ws.ID, Email: strings.ToLower(secret.NewToken("")[:10]) + "@example.com", Name: "Agent", Role: role}
	for _, mod := range mods {
		mod(a)
	}
	if err := ts.store.CreateAgent(ctx, parley.SystemActor, a, ""); err != nil {
		t.Fatalf("CreateAgent: %v", err)
	}
	sec := secret.NewToken(account.SessionPrefix)
	sess := &parley.Session{
		WorkspaceID: ts.ws.ID, AgentID: a.ID, CSRFToken: secret.NewToken(""), UserAgent: "test", IP: "127.0.0.1",
		ExpiresAt: time.Now().Add(time.Hour),
	}
	if err := ts.store.CreateSession(ctx, sess, secret.Hash(sec)); err != nil {
		t.Fatalf("CreateSession: %v", err)
	}
	return staffMember{session: session{secret: sec, csrf: sess.CSRFToken}, agent: a}
}

type conversationBody struct {
	ID         string `json:"id"`
	InboxID    string `json:"inbox_id"`
	ContactID  string `json:"contact_id"`
	Status     string `json:"status"`
	AssigneeID string `json:"assignee_id"`
	LastSeq    int64  `json:"last_seq"`
}

type messageBody struct {
	ID             string `json:"id"`
	ConversationID string `json:"conversation_id"`
	Seq            int64  `json:"seq"`
	Kind           string `json:"kind"`
	Sender         struct {
		Type        string `json:"type"`
		ID          string `json:"id"`
		DisplayName string `json:"display_name"`
	} `json:"sender"`
	ClientID    string `json:"client_id"`
	Body        string `json:"body"`
	Attachments []struct {
		ID          string `json:"id"`
		Name        string `json:"name"`
		ContentType string `json:"content_type"`
		Size        int64  `json:"size"`
	} `json:"attachments"`
	Duplicate bool `json:"duplicate"`
}

// start starts a conversation as a visitor.
func (ts *testServer) start(t testing.TB, v visitor) conversationBody {
	t.Helper()
	var c conversationBody
	ts.do(t, "POST", "/api/v1/conversations", v, map[string]any{}).want(t, 201).decode(t, &c)
	if c.ID == "" || c.ContactID != v.contactID || c.InboxID != v.inboxID || c.Status != "open" {
		t.Fatalf("new conversation = %+v", c)
	}
	return c
}

// say sends a text message and returns it.
func (ts *testServer) say(t testing.TB, c creds, conversationID, text string) messageBody {
	t.Helper()
	return ts.sendMessage(t, c, conversationID, map[string]any{"body": text, "client_id": secret.NewToken("")[:20]})
}

func (ts *testServer) sendMessage(t testing.TB, c creds, conversationID string, msg map[string]any) messageBody {
	t.Helper()
	var m messageBody
	ts.do(t, "POST", "/api/v1/conversations/"+conversationID+"/messages", c, msg).want(t, 201).decode(t, &m)
	return m
}

// messages lists a conversation's messages with the query q.
func (ts *testServer) messages(t testing.TB, c creds, conversationID, q string) []messageBody {
	t.Helper()
	var l struct {
		Items []messageBody `json:"items"`
	}
	ts.do(t, "GET", "/api/v1/conversations/"+conversationID+"/messages?"+q, c, nil).want(t, 200).decode(t, &l)
	return l.Items
}

// upload posts a file to a conversation; name goes in the filename query
// parameter unless empty.
func (ts *testServer) upload(t testing.TB, c creds, conversationID, contentType, name string, data []byte) *result {
	t.Helper()
	u := ts.URL + "/api/v1/conversations/" + conversationID + "/attachments"
	if name != "" {
		u += "?filename=" + url.QueryEscape(name)
	}
	req, err := http.NewRequest("POST", u, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	c.apply(req)
	return ts.send(t, req)
}

// mustJSON renders v as JSON.
func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

type attachmentBody struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
}
