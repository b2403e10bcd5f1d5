package httpapi_test

import (
	"context"
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

type contactNoteBody struct {
	ID         string `json:"id"`
	ContactID  string `json:"contact_id"`
	AuthorType string `json:"author_type"`
	AuthorName string `json:"author_name"`
	Body       string `json:"body"`
}

func TestContactNotes(t *testing.T) { onBothEngines(t, testContactNotes) }

func testContactNotes(t *testing.T, ts *testServer) {
	agent := ts.member(t, parley.RoleAgent)
	in := ts.inbox(t)
	v := ts.guest(t, in)
	conv := ts.start(t, v)
	path := "/api/v1/contacts/" + conv.ContactID + "/notes"

	var note contactNoteBody
	ts.do(t, "POST", path, agent, map[string]any{"body": "Prefers email"}).want(t, 201).decode(t, &note)
	if note.ID == "" || note.ContactID != conv.ContactID || note.AuthorType != "agent" || note.AuthorName == "" || note.Body != "Prefers email" {
		t.Fatalf("note = %+v", note)
	}
	tok := ts.token(t, ts.ws.ID, parley.ScopeContactsWrite, parley.ScopeContactsRead)
	ts.do(t, "POST", path, tok, map[string]any{"body": "VIP"}).want(t, 201)

	var list struct{ Items []contactNoteBody }
	ts.do(t, "GET", path, agent, nil).want(t, 200).decode(t, &list)
	if len(list.Items) != 2 || list.Items[0].Body != "VIP" || list.Items[0].AuthorType != "token" || list.Items[1].ID != note.ID {
		t.Errorf("notes = %+v", list.Items)
	}

	// Staff only: the visitor reaches none of it, and its export holds no note.
	ts.do(t, "GET", path, v, nil).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "POST", path, v, map[string]any{"body": "x"}).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "GET", path, ts.token(t, ts.ws.ID, parley.ScopeConversationsRead), nil).problem(t, 403, parley.EFORBIDDEN)
	export := ts.do(t, "GET", "/api/v1/contacts/"+conv.ContactID+"/export", agent, nil).want(t, 200)
	if strings.Contains(string(export.body), "Prefers email") {
		t.Error("the contact's export holds a staff note")
	}

	// Bad input.
	for name, body := range map[string]any{
		"Empty":       map[string]any{"body": "  "},
		"TooLong":     map[string]any{"body": strings.Repeat("a", parley.MaxContactNoteLength+1)},
		"NUL":         map[string]any{"body": "a\x00b"},
		"InvalidUTF8": "{\"body\":\"a\xffb\"}",
		"NotAString":  map[string]any{"body": 12},
	} {
		t.Run(name, func(t *testing.T) {
			ts.do(t, "POST", path, agent, body).problem(t, 422, parley.EINVALID)
		})
	}
	ts.do(t, "POST", "/api/v1/contacts/nope/notes", agent, map[string]any{"body": "x"}).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "GET", "/api/v1/contacts/nope/notes", agent, nil).problem(t, 404, parley.ENOTFOUND)

	// Another workspace's token sees none of it.
	ws2 := &parley.Workspace{Slug: "other", Name: "Other"}
	if err := ts.store.CreateWorkspace(context.Background(), parley.SystemActor, ws2); err != nil {
		t.Fatal(err)
	}
	tok2 := ts.token(t, ws2.ID, parley.ScopeAll)
	ts.do(t, "GET", path, tok2, nil).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "DELETE", path+"/"+note.ID, tok2, nil).problem(t, 404, parley.ENOTFOUND)

	ts.do(t, "DELETE", path+"/"+note.ID, agent, nil).want(t, 204)
	ts.do(t, "DELETE", path+"/"+note.ID, agent, nil).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "GET", path, agent, nil).want(t, 200).decode(t, &list)
	if len(list.Items) != 1 {
		t.Errorf("notes after delete = %+v", list.Items)
	}
}
