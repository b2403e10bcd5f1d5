package httpapi_test

import (
	"context"
	"testing"

	"github.com/parleychat/parley"
)

type labelBody struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Color string `json:"color"`
}

type labelsBody struct {
	Items []labelBody `json:"items"`
}

func TestLabels(t *testing.T) {
	ts := newServer(t)
	sup, agent := ts.member(t, parley.RoleSupervisor), ts.member(t, parley.RoleAgent)
	in := ts.inbox(t)
	v := ts.guest(t, in)
	conv := ts.start(t, v)
	other := ts.start(t, v)

	var vip labelBody
	ts.do(t, "POST", "/api/v1/labels", sup, map[string]any{"name": "VIP", "color": "#aa0000"}).want(t, 201).decode(t, &vip)
	if vip.ID == "" || vip.Name != "VIP" || vip.Color != "#aa0000" {
		t.Fatalf("label = %+v", vip)
	}
	ts.do(t, "POST", "/api/v1/labels", sup, map[string]any{"name": "vip"}).problem(t, 409, parley.ECONFLICT)
	ts.do(t, "POST", "/api/v1/labels", agent, map[string]any{"name": "x"}).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "POST", "/api/v1/labels", v, map[string]any{"name": "x"}).problem(t, 403, parley.EFORBIDDEN)

	// An agent labels a conversation and its contact, and filters by label.
	ts.do(t, "PUT", "/api/v1/conversations/"+conv.ID+"/labels/"+vip.ID, agent, nil).want(t, 204)
	ts.do(t, "PUT", "/api/v1/conversations/"+conv.ID+"/labels/"+vip.ID, agent, nil).want(t, 204)
	ts.do(t, "PUT", "/api/v1/contacts/"+conv.ContactID+"/labels/"+vip.ID, agent, nil).want(t, 204)
	var got labelsBody
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/labels", agent, nil).want(t, 200).decode(t, &got)
	if len(got.Items) != 1 || got.Items[0].ID != vip.ID {
		t.Errorf("conversation labels = %+v", got)
	}
	ts.do(t, "GET", "/api/v1/contacts/"+conv.ContactID+"/labels", agent, nil).want(t, 200).decode(t, &got)
	if len(got.Items) != 1 {
		t.Errorf("contact labels = %+v", got)
	}
	var list struct{ Items []conversationBody }
	ts.do(t, "GET", "/api/v1/conversations?label_id="+vip.ID, agent, nil).want(t, 200).decode(t, &list)
	if len(list.Items) != 1 || list.Items[0].ID != conv.ID {
		t.Errorf("conversations labelled VIP = %+v (not %s)", list.Items, other.ID)
	}
	ts.do(t, "GET", "/api/v1/conversations?label_id="+vip.ID, v, nil).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/labels", v, nil).problem(t, 403, parley.EFORBIDDEN)

	// Bad input.
	ts.do(t, "PUT", "/api/v1/conversations/"+conv.ID+"/labels/nope", agent, nil).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "PUT", "/api/v1/conversations/nope/labels/"+vip.ID, agent, nil).problem(t, 404, parley.ENOTFOUND)
	for name, body := range map[string]any{
		"EmptyName":   map[string]any{"name": " "},
		"LongName":    map[string]any{"name": string(make([]byte, 65))},
		"ControlChar": map[string]any{"name": "a\x01b"},
		"BadColour":   map[string]any{"name": "ok", "color": "red"},
		"NULDesc":     map[string]any{"name": "ok", "description": "a\x00b"},
	} {
		t.Run(name, func(t *testing.T) {
			ts.do(t, "POST", "/api/v1/labels", sup, body).problem(t, 422, parley.EINVALID)
		})
	}

	// Another workspace's token sees none of it.
	ws2 := &parley.Workspace{Slug: "other", Name: "Other"}
	if err := ts.store.CreateWorkspace(context.Background(), parley.SystemActor, ws2); err != nil {
		t.Fatal(err)
	}
	tok2 := ts.token(t, ws2.ID, parley.ScopeAll)
	ts.do(t, "GET", "/api/v1/labels", tok2, nil).want(t, 200).decode(t, &got)
	if len(got.Items) != 0 {
		t.Errorf("other workspace's labels = %+v", got)
	}
	ts.do(t, "PATCH", "/api/v1/labels/"+vip.ID, tok2, map[string]any{"name": "mine"}).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "DELETE", "/api/v1/conversations/"+conv.ID+"/labels/"+vip.ID, tok2, nil).problem(t, 404, parley.ENOTFOUND)

	// Rename, take off, delete.
	ts.do(t, "PATCH", "/api/v1/labels/"+vip.ID, sup, map[string]any{"name": "Gold"}).want(t, 200).decode(t, &vip)
	if vip.Name != "Gold" || vip.Color != "#aa0000" {
		t.Errorf("renamed = %+v", vip)
	}
	ts.do(t, "DELETE", "/api/v1/conversations/"+conv.ID+"/labels/"+vip.ID, agent, nil).want(t, 204)
	ts.do(t, "DELETE", "/api/v1/labels/"+vip.ID, sup, nil).want(t, 204)
	ts.do(t, "GET", "/api/v1/contacts/"+conv.ContactID+"/labels", agent, nil).want(t, 200).decode(t, &got)
	if len(got.Items) != 0 {
		t.Errorf("contact labels after the label's deletion = %+v", got)
	}
}

type cannedBody struct {
	ID       string `json:"id"`
	Shortcut string `json:"shortcut"`
	Body     string `json:"body"`
	Shared   bool   `json:"shared"`
}

func TestCannedResponses(t *testing.T) {
	ts := newServer(t)
	sup := ts.member(t, parley.RoleSupervisor)
	ann := ts.member(t, parley.RoleAgent, func(a *parley.Agent) { a.Name = "Ann" })
	bob := ts.member(t, parley.RoleAgent)
	in := ts.inbox(t, func(in *parley.Inbox) { in.Name = "Shop" })
	v := ts.guest(t, in)
	conv := ts.start(t, v)
	name := "Chris"
	if _, err := ts.store.UpdateContact(context.Background(), nil, ts.ws.ID, v.contactID, parley.ContactUpdate{
		Name: &name, Attributes: &map[string]any{"plan": "pro", "seats": 3},
	}); err != nil {
		t.Fatal(err)
	}

	var shared, mine cannedBody
	ts.do(t, "POST", "/api/v1/canned-responses", sup, map[string]any{
		"shortcut": "hi", "title": "Greeting", "shared": true,
		"body": "Hello {{contact.name}}, {{agent.name}} from {{inbox.name}} here ({{contact.attributes.plan}}, {{contact.attributes.seats}} seats, {{contact.attributes.none}}). {{unknown.var}}",
	}).want(t, 201).decode(t, &shared)
	ts.do(t, "POST", "/api/v1/canned-responses", ann, map[string]any{"shortcut": "bye", "title": "Bye", "body": "Bye!"}).
		want(t, 201).decode(t, &mine)
	if !shared.Shared || mine.Shared {
		t.Errorf("shared = %+v, mine = %+v", shared, mine)
	}
	// Agents may not create or change shared ones; tokens have no personal ones.
	ts.do(t, "POST", "/api/v1/canned-responses", ann, map[string]any{"shortcut": "x", "title": "X", "body": "X", "shared": true}).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "PATCH", "/api/v1/canned-responses/"+shared.ID, ann, map[string]any{"body": "mine"}).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "DELETE", "/api/v1/canned-responses/"+shared.ID, ann, nil).problem(t, 403, parley.EFORBIDDEN)
	tok := ts.token(t, ts.ws.ID, parley.ScopeConversationsWrite)
	ts.do(t, "POST", "/api/v1/canned-responses", tok, map[string]any{"shortcut": "x", "title": "X", "body": "X"}).problem(t, 422, parley.EINVALID)
	ts.do(t, "POST", "/api/v1/canned-responses", ann, map[string]any{"shortcut": "hi", "title": "X", "body": "X"}).problem(t, 409, parley.ECONFLICT)
	ts.do(t, "POST", "/api/v1/canned-responses", v, map[string]any{"shortcut": "x", "title": "X", "body": "X"}).problem(t, 403, parley.EFORBIDDEN)

	var list struct{ Items []cannedBody }
	ts.do(t, "GET", "/api/v1/canned-responses", ann, nil).want(t, 200).decode(t, &list)
	if len(list.Items) != 2 || list.Items[0].Shortcut != "bye" || list.Items[1].Shortcut != "hi" {
		t.Errorf("Ann's list = %+v", list.Items)
	}
	ts.do(t, "GET", "/api/v1/canned-responses?q=greet", bob, nil).want(t, 200).decode(t, &list)
	if len(list.Items) != 1 || list.Items[0].ID != shared.ID {
		t.Errorf("Bob's search = %+v", list.Items)
	}
	ts.do(t, "GET", "/api/v1/canned-responses/"+mine.ID, bob, nil).problem(t, 404, parley.ENOTFOUND)

	var rendered struct{ Text string }
	ts.do(t, "POST", "/api/v1/canned-responses/"+shared.ID+"/render", ann, map[string]any{"conversation_id": conv.ID}).
		want(t, 200).decode(t, &rendered)
	if want := "Hello Chris, Ann from Shop here (pro, 3 seats, ). {{unknown.var}}"; rendered.Text != want {
		t.Errorf("rendered = %q, want %q", rendered.Text, want)
	}
	ts.do(t, "POST", "/api/v1/canned-responses/"+shared.ID+"/render", ann, map[string]any{"conversation_id": "nope"}).problem(t, 404, parley.ENOTFOUND)

	for name, body := range map[string]any{
		"BadShortcut": map[string]any{"shortcut": "Has Space", "title": "X", "body": "X"},
		"EmptyBody":   map[string]any{"shortcut": "x", "title": "X", "body": " "},
		"LongBody":    map[string]any{"shortcut": "x", "title": "X", "body": string(make([]byte, parley.MaxCannedBodyLength+1))},
		"NULTitle":    map[string]any{"shortcut": "x", "title": "a\x00", "body": "X"},
	} {
		t.Run(name, func(t *testing.T) {
			ts.do(t, "POST", "/api/v1/canned-responses", ann, body).problem(t, 422, parley.EINVALID)
		})
	}

	ts.do(t, "PATCH", "/api/v1/canned-responses/"+mine.ID, ann, map[string]any{"shortcut": "ciao"}).want(t, 200).decode(t, &mine)
	if mine.Shortcut != "ciao" || mine.Body != "Bye!" {
		t.Errorf("updated = %+v", mine)
	}
	ts.do(t, "DELETE", "/api/v1/canned-responses/"+mine.ID, bob, nil).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "DELETE", "/api/v1/canned-responses/"+mine.ID, ann, nil).want(t, 204)
	ts.do(t, "DELETE", "/api/v1/canned-responses/"+shared.ID, sup, nil).want(t, 204)
}
