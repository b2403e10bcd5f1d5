package httpapi_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

func TestContactsAPI(t *testing.T) {
	ts := newServer(t)
	in := ts.inbox(t)
	write := ts.token(t, ts.ws.ID, parley.ScopeContactsWrite, parley.ScopeContactsRead)
	ada := ts.identifyAs(t, write, map[string]any{"inbox_id": in.ID, "external_id": "u-1", "email": "ada@example.com",
		"name": "Ada Lovelace", "attributes": map[string]any{"plan": "pro"}})
	bob := ts.identifyAs(t, write, map[string]any{"inbox_id": in.ID, "phone": "+441234", "name": "Bob", "attributes": map[string]any{"plan": "free"}})

	t.Run("List", func(t *testing.T) {
		tests := []struct{ query, want string }{
			{"", ada.ID + "," + bob.ID},
			{"?external_id=u-1", ada.ID},
			{"?email=ADA@example.com", ada.ID},
			{"?phone=%2B441234", bob.ID},
			{"?q=bo", bob.ID},
			{"?attribute.plan=pro", ada.ID},
			{"?attribute.plan=none", ""},
		}
		for _, tt := range tests {
			t.Run(tt.query, func(t *testing.T) {
				var l struct{ Items []contactBody }
				ts.do(t, "GET", "/api/v1/contacts"+tt.query, write, nil).want(t, 200).decode(t, &l)
				var ids []string
				for _, c := range l.Items {
					ids = append(ids, c.ID)
				}
				if got := strings.Join(ids, ","); got != tt.want {
					t.Errorf("ids = %s, want %s", got, tt.want)
				}
			})
		}
		var page struct {
			Items      []contactBody
			NextCursor string `json:"next_cursor"`
		}
		ts.do(t, "GET", "/api/v1/contacts?limit=1", write, nil).want(t, 200).decode(t, &page)
		if len(page.Items) != 1 || page.NextCursor == "" {
			t.Fatalf("first page = %+v", page)
		}
		cursor := page.NextCursor
		page.Items, page.NextCursor = nil, ""
		ts.do(t, "GET", "/api/v1/contacts?limit=1&cursor="+cursor, write, nil).want(t, 200).decode(t, &page)
		if len(page.Items) != 1 || page.Items[0].ID != bob.ID || page.NextCursor != "" {
			t.Fatalf("second page = %+v", page)
		}
		p := ts.do(t, "GET", "/api/v1/contacts?attribute.bad-key=1", write, nil).problem(t, 422, parley.EINVALID)
		if !slices.Equal(p.locations(), []string{"query.attribute.bad-key"}) {
			t.Errorf("locations = %v", p.locations())
		}
	})

	t.Run("GetAndUpdate", func(t *testing.T) {
		var c contactBody
		ts.do(t, "GET", "/api/v1/contacts/"+ada.ID, write, nil).want(t, 200).decode(t, &c)
		if c.Email != "ada@example.com" || !c.Verified {
			t.Fatalf("contact = %+v", c)
		}
		c = contactBody{}
		ts.do(t, "PATCH", "/api/v1/contacts/"+ada.ID, write, map[string]any{"name": "Ada L.", "attributes": map[string]any{"tier": "gold"}}).
			want(t, 200).decode(t, &c)
		if c.Name != "Ada L." || len(c.Attributes) != 1 || c.Attributes["tier"] != "gold" || c.ExternalID != "u-1" {
			t.Fatalf("updated = %+v", c)
		}
		ts.do(t, "PATCH", "/api/v1/contacts/"+ada.ID, write, map[string]any{"phone": "+441234"}).problem(t, 409, parley.ECONFLICT)
		tests := []struct {
			name string
			body map[string]any
			want []string
		}{
			{"Email", map[string]any{"email": "nope"}, []string{"body.email"}},
			{"Name", map[string]any{"name": strings.Repeat("n", 201)}, []string{"body.name"}},
			{"Avatar", map[string]any{"avatar_url": "http://insecure.example/a.png"}, []string{"body.avatar_url"}},
			{"Attributes", map[string]any{"attributes": map[string]any{"1x": true}}, []string{"body.attributes.1x"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				p := ts.do(t, "PATCH", "/api/v1/contacts/"+ada.ID, write, tt.body).problem(t, 422, parley.EINVALID)
				if !slices.Equal(p.locations(), tt.want) {
					t.Errorf("locations = %v, want %v", p.locations(), tt.want)
				}
			})
		}
	})

	t.Run("MergeAndExport", func(t *testing.T) {
		// Bob chats; an agent writes a note; Bob is merged into Ada.
		v := ts.mint(t, map[string]any{"inbox_id": in.ID, "phone": "+441234"})
		conv := ts.start(t, v)
		ts.say(t, v.bearer, conv.ID, "hello from Bob")
		agent := ts.member(t, parley.RoleAgent)
		ts.sendMessage(t, agent, conv.ID, map[string]any{"kind": "note", "body": "secret note"})
		ts.do(t, "POST", "/api/v1/contacts/"+ada.ID+"/merge", write, map[string]any{"from": ada.ID}).problem(t, 422, parley.EINVALID)
		ts.do(t, "POST", "/api/v1/contacts/"+ada.ID+"/merge", write, map[string]any{"from": ""}).problem(t, 422, parley.EINVALID)
		ts.do(t, "POST", "/api/v1/contacts/"+ada.ID+"/merge", write, map[string]any{"from": "missing"}).problem(t, 404, parley.ENOTFOUND)
		var merged struct {
			Contact contactBody `json:"contact"`
			Merge   struct {
				MergedContactID string `json:"merged_contact_id"`
				Reason          string `json:"reason"`
			} `json:"merge"`
		}
		ts.do(t, "POST", "/api/v1/contacts/"+ada.ID+"/merge", write, map[string]any{"from": bob.ID}).want(t, 200).decode(t, &merged)
		if merged.Contact.Phone != "+441234" || merged.Merge.MergedContactID != bob.ID || merged.Merge.Reason != "api" {
			t.Fatalf("merge = %+v", merged)
		}
		var got conversationBody
		ts.do(t, "GET", "/api/v1/conversations/"+conv.ID, agent, nil).want(t, 200).decode(t, &got)
		if got.ContactID != ada.ID {
			t.Errorf("conversation contact %s, want %s", got.ContactID, ada.ID)
		}
		// Bob's device now acts as Ada and still reaches the conversation.
		ts.say(t, v.bearer, conv.ID, "still here")

		r := ts.do(t, "GET", "/api/v1/contacts/"+ada.ID+"/export", write, nil).want(t, 200)
		if strings.Contains(string(r.body), "secret note") {
			t.Fatal("the export holds a note")
		}
		var x struct {
			Contact    contactBody `json:"contact"`
			MergedFrom []struct {
				MergedContactID string `json:"merged_contact_id"`
			} `json:"merged_from"`
			Conversations []struct {
				ID       string        `json:"id"`
				Messages []messageBody `json:"messages"`
			} `json:"conversations"`
		}
		r.decode(t, &x)
		if x.Contact.ID != ada.ID || len(x.MergedFrom) != 1 || len(x.Conversations) != 1 || len(x.Conversations[0].Messages) != 2 {
			t.Fatalf("export = %+v", x)
		}
	})

	t.Run("Erase", func(t *testing.T) {
		v := ts.mint(t, map[string]any{"inbox_id": in.ID, "external_id": "to-erase"})
		all := ts.token(t, ts.ws.ID, parley.ScopeAll)
		conv := ts.start(t, v)
		ts.say(t, v.bearer, conv.ID, "forget me")
		ts.do(t, "DELETE", "/api/v1/contacts/"+v.contactID, write, nil).want(t, 204)
		ts.do(t, "GET", "/api/v1/contacts/"+v.contactID, write, nil).problem(t, 404, parley.ENOTFOUND)
		ts.do(t, "GET", "/api/v1/conversations/"+conv.ID, all, nil).problem(t, 404, parley.ENOTFOUND)
		// Its visitor session ended.
		ts.do(t, "GET", "/api/v1/conversations", v, nil).problem(t, 401, parley.EUNAUTHORIZED)
		ts.do(t, "DELETE", "/api/v1/contacts/"+v.contactID, write, nil).problem(t, 404, parley.ENOTFOUND)
		entries, err := ts.store.ListAuditEntries(t.Context(), ts.ws.ID, parley.ListOptions{Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if e := entries.Items[0]; e.Action != "contact.erase" || strings.Contains(mustJSON(t, e.Details), "to-erase") {
			t.Errorf("audit entry = %+v", e)
		}
	})

	t.Run("Access", func(t *testing.T) {
		read := ts.token(t, ts.ws.ID, parley.ScopeContactsRead)
		ts.do(t, "GET", "/api/v1/contacts", ts.token(t, ts.ws.ID, parley.ScopeAgentsRead), nil).problem(t, 403, parley.EFORBIDDEN)
		ts.do(t, "PATCH", "/api/v1/contacts/"+ada.ID, read, map[string]any{"name": "x"}).problem(t, 403, parley.EFORBIDDEN)
		ts.do(t, "DELETE", "/api/v1/contacts/"+ada.ID, read, nil).problem(t, 403, parley.EFORBIDDEN)
		ts.do(t, "POST", "/api/v1/contacts/"+ada.ID+"/merge", read, map[string]any{"from": bob.ID}).problem(t, 403, parley.EFORBIDDEN)
		// An agent of the workspace reads contacts with its console session.
		agent := ts.member(t, parley.RoleAgent)
		ts.do(t, "GET", "/api/v1/contacts/"+ada.ID, agent, nil).want(t, http.StatusOK)
		// A visitor may not.
		ts.do(t, "GET", "/api/v1/contacts/"+ada.ID, ts.guest(t, in), nil).problem(t, 403, parley.EFORBIDDEN)
		// Another workspace sees none of it.
		_, other := ts.otherWorkspace(t, parley.ScopeAll)
		for _, r := range []struct{ method, path string }{
			{"GET", "/api/v1/contacts/" + ada.ID}, {"GET", "/api/v1/contacts/" + ada.ID + "/export"},
			{"PATCH", "/api/v1/contacts/" + ada.ID}, {"DELETE", "/api/v1/contacts/" + ada.ID},
		} {
			var body any
			if r.method == "PATCH" {
				body = map[string]any{"name": "x"}
			}
			ts.do(t, r.method, r.path, other, body).problem(t, 404, parley.ENOTFOUND)
		}
		var l struct{ Items []contactBody }
		ts.do(t, "GET", "/api/v1/contacts", other, nil).want(t, 200).decode(t, &l)
		if len(l.Items) != 0 {
			t.Errorf("another workspace lists %d contacts", len(l.Items))
		}
	})
}

// identifyAs identifies a contact over HTTP and returns it.
func (ts *testServer) identifyAs(t *testing.T, c creds, body map[string]any) contactBody {
	t.Helper()
	var out identifyBody
	ts.do(t, "POST", "/api/v1/contacts/identify", c, body).want(t, 200).decode(t, &out)
	return out.Contact
}
