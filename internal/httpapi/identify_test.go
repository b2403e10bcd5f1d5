package httpapi_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

func TestIdentify(t *testing.T) {
	ts := newServer(t)
	in := ts.identityInbox(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeContactsWrite)
	identify := func(t *testing.T, body map[string]any) identifyBody {
		t.Helper()
		var out identifyBody
		ts.do(t, "POST", "/api/v1/contacts/identify", tok, body).want(t, 200).decode(t, &out)
		return out
	}

	var first identifyBody
	t.Run("SameExternalIDSameContact", func(t *testing.T) {
		first = identify(t, map[string]any{"inbox_id": in.ID, "external_id": "u-1", "name": "Ada", "attributes": map[string]any{"plan": "pro"}})
		if !first.Created || !first.Contact.Verified || first.Contact.ExternalID != "u-1" || len(first.Conversations) != 0 {
			t.Fatalf("first identify = %+v", first)
		}
		again := identify(t, map[string]any{"inbox_id": in.ID, "external_id": "u-1", "attributes": map[string]any{"seats": 3}})
		if again.Created || again.Contact.ID != first.Contact.ID || again.Contact.Name != "Ada" {
			t.Fatalf("second identify = %+v, want the same contact", again)
		}
		if again.Contact.Attributes["plan"] != "pro" || again.Contact.Attributes["seats"] != float64(3) {
			t.Errorf("attributes = %v, want both", again.Contact.Attributes)
		}
	})

	t.Run("ConversationsWithResumeTokens", func(t *testing.T) {
		// The contact chats through a minted session; identify returns the
		// conversation with its last message (never a note) and a resume token.
		v := ts.mint(t, map[string]any{"inbox_id": in.ID, "external_id": "u-1"})
		conv := ts.start(t, v)
		ts.say(t, v.bearer, conv.ID, "Where is my order?")
		agent := ts.member(t, parley.RoleAgent)
		ts.sendMessage(t, agent, conv.ID, map[string]any{"kind": "note", "body": "VIP customer"})
		out := identify(t, map[string]any{"inbox_id": in.ID, "external_id": "u-1"})
		if len(out.Conversations) != 1 {
			t.Fatalf("conversations = %+v, want one", out.Conversations)
		}
		c := out.Conversations[0]
		if c.Conversation.ID != conv.ID || c.LastMessage == nil || c.LastMessage.Body != "Where is my order?" ||
			!strings.HasPrefix(c.ResumeToken, "prlyr_") || c.ResumeTokenID == "" {
			t.Fatalf("conversation = %+v", c)
		}
	})

	t.Run("EmailOfAnotherContactMerges", func(t *testing.T) {
		other := identify(t, map[string]any{"inbox_id": in.ID, "email": "Grace@Example.com", "name": "Grace"})
		out := identify(t, map[string]any{"inbox_id": in.ID, "external_id": "u-1", "email": "grace@example.com"})
		if out.Contact.ID != first.Contact.ID || !slices.Equal(out.MergedContactIDs, []string{other.Contact.ID}) ||
			out.Contact.Email != "grace@example.com" {
			t.Fatalf("identify = %+v, want %s merged into %s", out, other.Contact.ID, first.Contact.ID)
		}
		ts.do(t, "GET", "/api/v1/contacts/"+other.Contact.ID, ts.token(t, ts.ws.ID, parley.ScopeContactsRead), nil).problem(t, 404, parley.ENOTFOUND)
		if !slices.Contains(ts.eventTypes(t), parley.EventContactMerged) {
			t.Error("no contact.merged event")
		}
	})

	t.Run("IdentifierHash", func(t *testing.T) {
		key := in.Identity.Secrets[0]
		out := identify(t, map[string]any{"inbox_id": in.ID, "external_id": "u-2", "email": "x@example.com",
			"identifier_hash": hmacHex(key, "u-2")})
		if !out.Created {
			t.Fatalf("identify = %+v", out)
		}
		// Hex digits of either case (docs/contacts.md).
		identify(t, map[string]any{"inbox_id": in.ID, "external_id": "u-2", "identifier_hash": strings.ToUpper(hmacHex(key, "u-2"))})
		// Without external_id, the email is the identifier.
		identify(t, map[string]any{"inbox_id": in.ID, "email": "y@example.com", "identifier_hash": hmacHex(key, "y@example.com")})
		tests := []struct {
			name string
			body map[string]any
		}{
			{"WrongIdentifier", map[string]any{"inbox_id": in.ID, "external_id": "u-2", "identifier_hash": hmacHex(key, "u-3")}},
			{"WrongKey", map[string]any{"inbox_id": in.ID, "external_id": "u-2", "identifier_hash": hmacHex("other", "u-2")}},
			{"EmailWhenExternalIDSent", map[string]any{"inbox_id": in.ID, "external_id": "u-2", "email": "x@example.com",
				"identifier_hash": hmacHex(key, "x@example.com")}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := ts.do(t, "POST", "/api/v1/contacts/identify", tok, tt.body)
				r.problem(t, 401, parley.EUNAUTHORIZED)
				if got := reasonOf(t, r); got != "identifier_hash" {
					t.Errorf("reason = %q, want identifier_hash", got)
				}
			})
		}
		noSecret := ts.inbox(t)
		p := ts.do(t, "POST", "/api/v1/contacts/identify", tok, map[string]any{"inbox_id": noSecret.ID, "external_id": "u-2",
			"identifier_hash": hmacHex(key, "u-2")}).problem(t, 422, parley.EINVALID)
		if !slices.Equal(p.locations(), []string{"body.identifier_hash"}) {
			t.Errorf("locations = %v", p.locations())
		}
	})

	t.Run("BadInput", func(t *testing.T) {
		long := strings.Repeat("x", 300)
		tests := []struct {
			name string
			body map[string]any
			want []string
		}{
			{"NoIdentifier", map[string]any{"inbox_id": in.ID, "name": "Ada"}, []string{"body.external_id"}},
			{"NoInbox", map[string]any{"external_id": "u"}, []string{"body"}}, // a required property
			{"BadEmail", map[string]any{"inbox_id": in.ID, "email": "not an email"}, []string{"body.email"}},
			{"LongExternalID", map[string]any{"inbox_id": in.ID, "external_id": long}, []string{"body.external_id"}},
			{"LongName", map[string]any{"inbox_id": in.ID, "external_id": "u", "name": strings.Repeat("n", 201)}, []string{"body.name"}},
			{"BadAttributeKey", map[string]any{"inbox_id": in.ID, "external_id": "u", "attributes": map[string]any{"bad key": 1}}, []string{"body.attributes.bad key"}},
			{"BadHash", map[string]any{"inbox_id": in.ID, "external_id": "u", "identifier_hash": "zz"}, []string{"body.identifier_hash"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				p := ts.do(t, "POST", "/api/v1/contacts/identify", tok, tt.body).problem(t, 422, parley.EINVALID)
				if !slices.Equal(p.locations(), tt.want) {
					t.Errorf("locations = %v, want %v", p.locations(), tt.want)
				}
			})
		}
	})

	t.Run("Access", func(t *testing.T) {
		body := map[string]any{"inbox_id": in.ID, "external_id": "u-1"}
		ts.do(t, "POST", "/api/v1/contacts/identify", nil, body).problem(t, 401, parley.EUNAUTHORIZED)
		ts.do(t, "POST", "/api/v1/contacts/identify", ts.token(t, ts.ws.ID, parley.ScopeContactsRead), body).problem(t, http.StatusForbidden, parley.EFORBIDDEN)
		_, otherTok := ts.otherWorkspace(t, parley.ScopeContactsWrite)
		ts.do(t, "POST", "/api/v1/contacts/identify", otherTok, body).problem(t, 404, parley.ENOTFOUND)
		v := ts.guest(t, in)
		ts.do(t, "POST", "/api/v1/contacts/identify", v, body).problem(t, 403, parley.EFORBIDDEN)
	})
}
