package httpapi_test

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/testenv"
)

// listConversations lists the caller's conversations.
func (ts *testServer) listConversations(t *testing.T, c creds) []conversationBody {
	t.Helper()
	var l struct{ Items []conversationBody }
	ts.do(t, "GET", "/api/v1/conversations", c, nil).want(t, 200).decode(t, &l)
	return l.Items
}

func TestVerifiedSessions(t *testing.T) {
	ts := newServer(t)
	in := ts.identityInbox(t)

	t.Run("MultiDevice", func(t *testing.T) {
		a, sa := ts.openSession(t, nil, map[string]string{"inbox_id": in.ID, "token": visitorJWT(t, in, "user-7", map[string]any{"name": "Ada", "email": "ada7@example.com"})})
		if !sa.Contact.Verified || sa.Contact.Name != "Ada" || sa.ExpiresAt.After(time.Now().Add(time.Hour+time.Minute)) {
			t.Fatalf("session A = %+v, want verified, expiring with the token", sa)
		}
		conv := ts.start(t, a)
		ts.say(t, a.bearer, conv.ID, "from device A")
		// Device B opens with a fresh token for the same sub.
		b, sb := ts.openSession(t, nil, map[string]string{"inbox_id": in.ID, "token": visitorJWT(t, in, "user-7", nil)})
		if sb.ContactID != sa.ContactID || sb.Token == sa.Token {
			t.Fatalf("session B = %+v, want the same contact, another token", sb)
		}
		convs := ts.listConversations(t, b)
		if len(convs) != 1 || convs[0].ID != conv.ID {
			t.Fatalf("device B lists %+v, want %s", convs, conv.ID)
		}
		msgs := ts.messages(t, b.bearer, conv.ID, "")
		if len(msgs) != 1 || msgs[0].Body != "from device A" {
			t.Fatalf("device B history = %+v", msgs)
		}
		ts.say(t, b.bearer, conv.ID, "from device B")
		// A conversation started on B is listed on A.
		second := ts.start(t, b)
		if convs := ts.listConversations(t, a); len(convs) != 2 || convs[1].ID != second.ID {
			t.Errorf("device A lists %+v, want both conversations", convs)
		}
	})

	t.Run("GuestLogsIn", func(t *testing.T) {
		guest := ts.guest(t, in)
		conv := ts.start(t, guest)
		ts.say(t, guest.bearer, conv.ID, "hi, as a guest")
		v, s := ts.openSession(t, guest.bearer, map[string]string{"inbox_id": in.ID, "token": visitorJWT(t, in, "user-8", nil)})
		if s.ContactID == guest.contactID || !s.Contact.Verified {
			t.Fatalf("session = %+v", s)
		}
		admin := ts.token(t, ts.ws.ID, parley.ScopeAll)
		var got conversationBody
		ts.do(t, "GET", "/api/v1/conversations/"+conv.ID, admin, nil).want(t, 200).decode(t, &got)
		if got.ContactID != s.ContactID {
			t.Errorf("the agent sees contact %s, want the verified %s", got.ContactID, s.ContactID)
		}
		ts.do(t, "GET", "/api/v1/contacts/"+guest.contactID, admin, nil).problem(t, 404, parley.ENOTFOUND)
		// The verified contact keeps the guest's conversation and history.
		if msgs := ts.messages(t, v.bearer, conv.ID, ""); len(msgs) != 1 || msgs[0].Sender.ID != s.ContactID {
			t.Errorf("history = %+v", msgs)
		}
		// The guest's old token now acts as the verified contact too.
		ts.say(t, guest.bearer, conv.ID, "same device")
	})

	t.Run("VerifiedContactIsNotMerged", func(t *testing.T) {
		a, sa := ts.openSession(t, nil, map[string]string{"inbox_id": in.ID, "token": visitorJWT(t, in, "user-9", nil)})
		ts.start(t, a)
		_, sb := ts.openSession(t, a.bearer, map[string]string{"inbox_id": in.ID, "token": visitorJWT(t, in, "user-10", nil)})
		if sb.ContactID == sa.ContactID {
			t.Fatal("logging in as another user reused the verified contact")
		}
		if convs := ts.listConversations(t, a); len(convs) != 1 {
			t.Errorf("user-9 lost its conversation: %+v", convs)
		}
	})

	t.Run("BadToken", func(t *testing.T) {
		tests := []struct {
			name, token, reason string
		}{
			{"Expired", testenv.SignHS256(t, in.Identity.Secrets[0], map[string]any{"sub": "u", "aud": in.ID, "exp": time.Now().Add(-time.Hour).Unix()}), "token_expired"},
			{"WrongKey", testenv.SignHS256(t, "not-the-secret", map[string]any{"sub": "u", "aud": in.ID, "exp": time.Now().Add(time.Hour).Unix()}), "token_signature"},
			{"Garbage", "not.a.jwt", ""},
			// docs/identity.md, Errors: exp gets no leeway, registered
			// claims must be numbers in range, crit is refused.
			{"ExpiredWithinLeeway", testenv.SignHS256(t, in.Identity.Secrets[0], map[string]any{"sub": "u", "aud": in.ID, "exp": time.Now().Add(-10 * time.Second).Unix()}), "token_expired"},
			{"ExpQuoted", testenv.SignHS256(t, in.Identity.Secrets[0], map[string]any{"sub": "u", "aud": in.ID, "exp": strconv.FormatInt(time.Now().Add(time.Hour).Unix(), 10)}), "token_malformed"},
			{"IatQuoted", testenv.SignHS256(t, in.Identity.Secrets[0], map[string]any{"sub": "u", "aud": in.ID, "iat": strconv.FormatInt(time.Now().Unix(), 10), "exp": time.Now().Add(time.Hour).Unix()}), "token_malformed"},
			{"ExpOverflow", testenv.SignHS256(t, in.Identity.Secrets[0], map[string]any{"sub": "u", "aud": in.ID, "exp": json.RawMessage("1e20")}), "token_malformed"},
			{"Crit", testenv.SignHS256Header(t, in.Identity.Secrets[0], map[string]any{"alg": "HS256", "crit": []string{"b64"}, "b64": false},
				map[string]any{"sub": "u", "aud": in.ID, "exp": time.Now().Add(time.Hour).Unix()}), "token_crit"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := ts.do(t, "POST", "/api/v1/visitor/sessions", nil, map[string]string{"inbox_id": in.ID, "token": tt.token})
				r.problem(t, 401, parley.EUNAUTHORIZED)
				if tt.reason != "" && reasonOf(t, r) != tt.reason {
					t.Errorf("reason = %q, want %q", reasonOf(t, r), tt.reason)
				}
			})
		}
		p := ts.do(t, "POST", "/api/v1/visitor/sessions", nil, map[string]string{"inbox_id": in.ID, "token": "x", "resume_token": "prlyr_x"}).
			problem(t, 422, parley.EINVALID)
		if strings.Join(p.locations(), ",") != "body.resume_token" {
			t.Errorf("locations = %v", p.locations())
		}
	})
}

func TestResumeTokens(t *testing.T) {
	ts := newServer(t)
	in := ts.inbox(t)
	write := ts.token(t, ts.ws.ID, parley.ScopeContactsWrite)
	owner := ts.mint(t, map[string]any{"inbox_id": in.ID, "external_id": "r-1"})
	conv := ts.start(t, owner)
	ts.say(t, owner.bearer, conv.ID, "first")
	other := ts.start(t, owner)

	var id identifyBody
	ts.do(t, "POST", "/api/v1/contacts/identify", write, map[string]any{"inbox_id": in.ID, "external_id": "r-1"}).want(t, 200).decode(t, &id)
	var resume, resumeID string
	for _, c := range id.Conversations {
		if c.Conversation.ID == conv.ID {
			resume, resumeID = c.ResumeToken, c.ResumeTokenID
		}
	}
	if resume == "" {
		t.Fatalf("identify returned no resume token for %s: %+v", conv.ID, id)
	}

	// A new device joins exactly that conversation.
	v, s := ts.openSession(t, nil, map[string]string{"inbox_id": in.ID, "resume_token": resume})
	if s.ContactID != owner.contactID || s.ConversationID != conv.ID {
		t.Fatalf("resumed session = %+v", s)
	}
	if convs := ts.listConversations(t, v); len(convs) != 1 || convs[0].ID != conv.ID {
		t.Fatalf("resumed session lists %+v, want only %s", convs, conv.ID)
	}
	if msgs := ts.messages(t, v.bearer, conv.ID, ""); len(msgs) != 1 {
		t.Fatalf("history = %+v", msgs)
	}
	ts.say(t, v.bearer, conv.ID, "from the new device")
	ts.do(t, "GET", "/api/v1/conversations/"+other.ID, v, nil).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "GET", "/api/v1/conversations/"+other.ID+"/messages", v, nil).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "POST", "/api/v1/conversations", v, map[string]any{}).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "POST", "/api/v1/resume-tokens", v, map[string]any{"conversation_id": other.ID}).problem(t, 404, parley.ENOTFOUND)

	t.Run("BadResumeToken", func(t *testing.T) {
		for _, tok := range []string{"prlyr_unknown", "prlyv_wrongkind", resume + "x"} {
			r := ts.do(t, "POST", "/api/v1/visitor/sessions", nil, map[string]string{"inbox_id": in.ID, "resume_token": tok})
			r.problem(t, 401, parley.EUNAUTHORIZED)
			if reasonOf(t, r) != "resume_token_invalid" {
				t.Errorf("reason = %q", reasonOf(t, r))
			}
		}
		// The token works in its conversation's inbox only.
		r := ts.do(t, "POST", "/api/v1/visitor/sessions", nil, map[string]string{"inbox_id": ts.inbox(t).ID, "resume_token": resume})
		r.problem(t, 401, parley.EUNAUTHORIZED)
	})

	t.Run("VisitorCreates", func(t *testing.T) {
		var out struct {
			ID             string `json:"id"`
			Token          string `json:"token"`
			ConversationID string `json:"conversation_id"`
		}
		ts.do(t, "POST", "/api/v1/resume-tokens", owner, map[string]any{"conversation_id": other.ID}).want(t, 201).decode(t, &out)
		if !strings.HasPrefix(out.Token, "prlyr_") || out.ConversationID != other.ID {
			t.Fatalf("resume token = %+v", out)
		}
		stranger := ts.guest(t, in)
		ts.do(t, "POST", "/api/v1/resume-tokens", stranger, map[string]any{"conversation_id": conv.ID}).problem(t, 404, parley.ENOTFOUND)
		ts.do(t, "POST", "/api/v1/resume-tokens", owner, map[string]any{}).problem(t, 422, parley.EINVALID)
		ts.do(t, "POST", "/api/v1/resume-tokens", ts.token(t, ts.ws.ID, parley.ScopeConversationsRead), map[string]any{"conversation_id": conv.ID}).
			problem(t, 403, parley.EFORBIDDEN)
	})

	t.Run("Revoke", func(t *testing.T) {
		ts.do(t, "DELETE", "/api/v1/resume-tokens/"+resumeID, v, nil).problem(t, 403, parley.EFORBIDDEN)
		ts.do(t, "DELETE", "/api/v1/resume-tokens/"+resumeID, ts.token(t, ts.ws.ID, parley.ScopeContactsRead), nil).problem(t, 403, parley.EFORBIDDEN)
		_, otherTok := ts.otherWorkspace(t, parley.ScopeContactsWrite)
		ts.do(t, "DELETE", "/api/v1/resume-tokens/"+resumeID, otherTok, nil).problem(t, 404, parley.ENOTFOUND)
		ts.do(t, "DELETE", "/api/v1/resume-tokens/"+resumeID, write, nil).want(t, http.StatusNoContent)
		// The session opened with it ended; the token opens no more.
		ts.do(t, "GET", "/api/v1/conversations", v, nil).problem(t, 401, parley.EUNAUTHORIZED)
		ts.do(t, "POST", "/api/v1/visitor/sessions", nil, map[string]string{"inbox_id": in.ID, "resume_token": resume}).problem(t, 401, parley.EUNAUTHORIZED)
		// The contact's own sessions go on.
		ts.listConversations(t, owner)
		ts.do(t, "DELETE", "/api/v1/resume-tokens/"+resumeID, write, nil).problem(t, 404, parley.ENOTFOUND)
	})
}
