package httpapi_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/identity"
	"github.com/parleychat/parley/internal/testenv"
)

// visitorJWT returns a token for inbox (keyed with its first secret) for
// sub, valid for an hour, with extra claims.
func visitorJWT(t *testing.T, in *parley.Inbox, sub string, extra map[string]any) string {
	t.Helper()
	now := time.Now()
	claims := map[string]any{"sub": sub, "aud": in.ID, "iat": now.Unix(), "exp": now.Add(time.Hour).Unix()}
	for k, v := range extra {
		claims[k] = v
	}
	return testenv.SignHS256(t, in.Identity.Secrets[0], claims)
}

// identityInbox creates an inbox with an HS256 secret.
func (ts *testServer) identityInbox(t *testing.T, mods ...func(*parley.Inbox)) *parley.Inbox {
	t.Helper()
	return ts.inbox(t, append([]func(*parley.Inbox){func(in *parley.Inbox) {
		in.Identity.Secrets = []string{identity.NewSecret()}
	}}, mods...)...)
}

// hmacHex is the identifier_hash of id with key.
func hmacHex(key, id string) string {
	m := hmac.New(sha256.New, []byte(key))
	m.Write([]byte(id))
	return hex.EncodeToString(m.Sum(nil))
}

// sessionBody is the answer of POST /api/v1/visitor/sessions.
type sessionBody struct {
	Token          string    `json:"token"`
	ContactID      string    `json:"contact_id"`
	InboxID        string    `json:"inbox_id"`
	ConversationID string    `json:"conversation_id"`
	ExpiresAt      time.Time `json:"expires_at"`
	Contact        struct {
		ID       string `json:"id"`
		Verified bool   `json:"verified"`
		Name     string `json:"name"`
	} `json:"contact"`
}

// openSession posts body to /api/v1/visitor/sessions with c and returns the session.
func (ts *testServer) openSession(t *testing.T, c creds, body map[string]string) (visitor, sessionBody) {
	t.Helper()
	var s sessionBody
	ts.do(t, "POST", "/api/v1/visitor/sessions", c, body).want(t, 201).decode(t, &s)
	return visitor{bearer: bearer(s.Token), contactID: s.ContactID, inboxID: s.InboxID}, s
}

// otherWorkspace creates a second workspace and returns it with a token
// holding scopes in it.
func (ts *testServer) otherWorkspace(t *testing.T, scopes ...parley.Scope) (*parley.Workspace, bearer) {
	t.Helper()
	w := &parley.Workspace{Slug: "other", Name: "Other"}
	if err := ts.store.CreateWorkspace(context.Background(), parley.SystemActor, w); err != nil {
		t.Fatal(err)
	}
	return w, ts.token(t, w.ID, scopes...)
}

// reasonOf returns the reason of a problem response.
func reasonOf(t *testing.T, r *result) string {
	t.Helper()
	var p struct {
		Reason string `json:"reason"`
	}
	r.decode(t, &p)
	return p.Reason
}

type contactBody struct {
	ID         string         `json:"id"`
	ExternalID string         `json:"external_id"`
	Email      string         `json:"email"`
	Phone      string         `json:"phone"`
	Verified   bool           `json:"verified"`
	Name       string         `json:"name"`
	Attributes map[string]any `json:"attributes"`
}

type identifyBody struct {
	Contact          contactBody `json:"contact"`
	Created          bool        `json:"created"`
	MergedContactIDs []string    `json:"merged_contact_ids"`
	Conversations    []struct {
		Conversation  conversationBody `json:"conversation"`
		LastMessage   *messageBody     `json:"last_message"`
		ResumeToken   string           `json:"resume_token"`
		ResumeTokenID string           `json:"resume_token_id"`
	} `json:"conversations"`
}

// events returns the default workspace's events, oldest first.
func (ts *testServer) events(t *testing.T) []*parley.Event {
	t.Helper()
	var out []*parley.Event
	opt := parley.ListOptions{Limit: parley.MaxListLimit}
	for {
		l, err := ts.store.ListEvents(context.Background(), ts.ws.ID, opt)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, l.Items...)
		if l.Next == "" {
			return out
		}
		opt.After = l.Next
	}
}

// eventTypes returns the types of the default workspace's events, oldest first.
func (ts *testServer) eventTypes(t *testing.T) []parley.EventType {
	t.Helper()
	var out []parley.EventType
	for _, e := range ts.events(t) {
		out = append(out, e.Type)
	}
	return out
}
