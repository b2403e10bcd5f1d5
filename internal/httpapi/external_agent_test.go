package httpapi_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

// externalMessage is a message as the API returns it, with what tells of
// an external agent: the name and avatar shown, and the app.
type externalMessage struct {
	Body   string `json:"body"`
	Sender struct {
		Type        string `json:"type"`
		DisplayName string `json:"display_name"`
		AvatarURL   string `json:"avatar_url"`
	} `json:"sender"`
	AppID string `json:"app_id"`
}

// TestAppExternalAgent: an app sends as an external agent (display_name
// and avatar_url); staff are shown the person and the app, in the
// messages, the export and the events; the visitor the person only.
func TestAppExternalAgent(t *testing.T) {
	ts := newServer(t)
	in := ts.inbox(t)
	v := ts.guest(t, in)
	conv := ts.start(t, v)
	ts.say(t, v.bearer, conv.ID, "Hello?")
	a := ts.install(t, manifest("Salesforce bridge", parley.ScopeConversationsRead, parley.ScopeConversationsWrite))
	tok := ts.appToken(t, a)
	const avatar = "https://cdn.example.com/agents/maria.png?size=64"
	send := map[string]any{"body": "Hi, Maria here.", "display_name": "Maria (Salesforce)", "avatar_url": avatar}

	var sent externalMessage
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/messages", tok, send).want(t, 201).decode(t, &sent)
	if sent.Sender.DisplayName != "Maria (Salesforce)" || sent.Sender.AvatarURL != avatar || sent.AppID != a.ID {
		t.Fatalf("sent = %+v", sent)
	}

	admin := ts.token(t, ts.ws.ID, parley.ScopeAll)
	find := func(t *testing.T, items []externalMessage) externalMessage {
		t.Helper()
		for _, m := range items {
			if m.Body == "Hi, Maria here." {
				return m
			}
		}
		t.Fatalf("the app's message is missing from %+v", items)
		return externalMessage{}
	}
	t.Run("Staff", func(t *testing.T) {
		var list struct {
			Items []externalMessage `json:"items"`
		}
		ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/messages", admin, nil).want(t, 200).decode(t, &list)
		if m := find(t, list.Items); m != sent {
			t.Errorf("listed = %+v, want %+v", m, sent)
		}
	})
	t.Run("Export", func(t *testing.T) {
		var x struct {
			Conversations []struct {
				Messages []externalMessage `json:"messages"`
			} `json:"conversations"`
		}
		ts.do(t, "GET", "/api/v1/contacts/"+conv.ContactID+"/export", admin, nil).want(t, 200).decode(t, &x)
		if len(x.Conversations) != 1 {
			t.Fatalf("exported %d conversations", len(x.Conversations))
		}
		if m := find(t, x.Conversations[0].Messages); m != sent {
			t.Errorf("exported = %+v, want %+v", m, sent)
		}
	})
	t.Run("Event", func(t *testing.T) {
		for _, e := range ts.conversationEvents(t, conv.ID, parley.EventMessageCreated) {
			var d parley.MessageEventData
			if err := json.Unmarshal(e.Payload, &d); err != nil {
				t.Fatal(err)
			}
			if d.Message.Body == "Hi, Maria here." {
				if d.Message.Sender.AvatarURL != avatar || d.Message.Sender.DisplayName != "Maria (Salesforce)" || d.Message.AppID != a.ID {
					t.Errorf("message.created = %+v", d.Message)
				}
				return
			}
		}
		t.Error("no message.created for the app's message")
	})
	t.Run("Visitor", func(t *testing.T) {
		var list struct {
			Items []externalMessage `json:"items"`
		}
		r := ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/messages", v.bearer, nil).want(t, 200)
		r.decode(t, &list)
		m := find(t, list.Items)
		if m.Sender.DisplayName != "Maria (Salesforce)" || m.Sender.AvatarURL != avatar {
			t.Errorf("the visitor is shown %+v", m)
		}
		if strings.Contains(string(r.body), "app_id") {
			t.Errorf("the visitor was shown the provenance: %s", r.body)
		}
	})

	t.Run("OnlyApps", func(t *testing.T) {
		plain := ts.token(t, ts.ws.ID, parley.ScopeConversationsWrite)
		agent := ts.member(t, parley.RoleAdmin)
		for name, c := range map[string]creds{"visitor": v.bearer, "token": plain, "agent": agent} {
			t.Run(name, func(t *testing.T) {
				ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/messages", c,
					map[string]any{"body": "Me", "display_name": "Maria (Salesforce)", "avatar_url": avatar}).problem(t, 403, parley.EFORBIDDEN)
			})
		}
	})

	t.Run("BadInput", func(t *testing.T) {
		long := "https://cdn.example.com/" + strings.Repeat("a", parley.MaxAvatarURLLength)
		for _, tc := range []struct {
			name string
			body map[string]any
			loc  string
		}{
			{"HTTP", map[string]any{"display_name": "Maria", "avatar_url": "http://cdn.example.com/m.png"}, "body.avatar_url"},
			{"Script", map[string]any{"display_name": "Maria", "avatar_url": "javascript:alert(1)"}, "body.avatar_url"},
			{"Data", map[string]any{"display_name": "Maria", "avatar_url": "data:image/png;base64,AAAA"}, "body.avatar_url"},
			{"Relative", map[string]any{"display_name": "Maria", "avatar_url": "/m.png"}, "body.avatar_url"},
			{"UserInfo", map[string]any{"display_name": "Maria", "avatar_url": "https://u:p@cdn.example.com/m.png"}, "body.avatar_url"},
			{"Space", map[string]any{"display_name": "Maria", "avatar_url": "https://cdn.example.com/a b.png"}, "body.avatar_url"},
			{"TooLong", map[string]any{"display_name": "Maria", "avatar_url": long}, "body.avatar_url"},
			{"NoName", map[string]any{"avatar_url": avatar}, "body.display_name"},
			{"NameTooLong", map[string]any{"display_name": strings.Repeat("M", parley.MaxNameLength+1), "avatar_url": avatar}, "body.display_name"},
			{"NameControl", map[string]any{"display_name": "Maria\x00", "avatar_url": avatar}, "body.display_name"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				tc.body["body"] = "Hi"
				p := ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/messages", tok, tc.body).problem(t, 422, parley.EINVALID)
				if locs := p.locations(); len(locs) != 1 || locs[0] != tc.loc {
					t.Errorf("locations = %v, want [%s]", locs, tc.loc)
				}
			})
		}
	})
}
