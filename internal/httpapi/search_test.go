package httpapi_test

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

type searchPage struct {
	Items []struct {
		Type           string `json:"type"`
		ConversationID string `json:"conversation_id"`
		Message        *struct {
			messageBody
			VisitorSeq int64 `json:"visitor_seq"`
		} `json:"message"`
		Contact *struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"contact"`
		Snippet []struct {
			Text  string `json:"text"`
			Match bool   `json:"match"`
		} `json:"snippet"`
	} `json:"items"`
	NextCursor string `json:"next_cursor"`
}

func (ts *testServer) search(t *testing.T, c creds, query string) searchPage {
	t.Helper()
	var p searchPage
	ts.do(t, "GET", "/api/v1/search?"+query, c, nil).want(t, 200).decode(t, &p)
	return p
}

func (p searchPage) bodies() []string {
	var out []string
	for _, it := range p.Items {
		if it.Message != nil {
			out = append(out, it.Message.Body)
		}
	}
	slices.Sort(out)
	return out
}

func TestSearch(t *testing.T) { onBothEngines(t, testSearch) }

func testSearch(t *testing.T, ts *testServer) {
	agent := ts.member(t, parley.RoleAgent)
	in := ts.inbox(t)
	guest, stranger := ts.guest(t, in), ts.guest(t, in)
	conv := ts.start(t, guest)
	ts.say(t, guest, conv.ID, "My invoice is wrong")
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/assign", agent, nil).want(t, 200)
	ts.sendMessage(t, agent, conv.ID, map[string]any{"kind": "note", "body": "invoice fraud suspected"})
	reply := ts.say(t, agent, conv.ID, "Let me check the invoice")
	strangers := ts.start(t, stranger)
	ts.say(t, stranger, strangers.ID, "Another invoice question")
	tok := ts.token(t, ts.ws.ID, parley.ScopeConversationsRead)

	t.Run("Staff", func(t *testing.T) {
		want := []string{"Another invoice question", "Let me check the invoice", "My invoice is wrong", "invoice fraud suspected"}
		for _, who := range []creds{agent, tok} {
			if got := ts.search(t, who, "q=INVOICE").bodies(); !slices.Equal(got, want) {
				t.Errorf("staff found %q, want %q", got, want)
			}
		}
		p := ts.search(t, agent, "q=fraud")
		if len(p.Items) != 1 || p.Items[0].Type != "message" || p.Items[0].ConversationID != conv.ID || p.Items[0].Message.Kind != "note" {
			t.Fatalf("fraud: %+v", p.Items)
		}
		var marked []string
		for _, part := range p.Items[0].Snippet {
			if part.Match {
				marked = append(marked, part.Text)
			}
		}
		if !slices.Equal(marked, []string{"fraud"}) {
			t.Errorf("snippet %+v marks %q", p.Items[0].Snippet, marked)
		}
	})

	t.Run("Visitor", func(t *testing.T) {
		p := ts.search(t, guest, "q=invoice")
		if got := p.bodies(); !slices.Equal(got, []string{"Let me check the invoice", "My invoice is wrong"}) {
			t.Errorf("the visitor found %q", got)
		}
		for _, it := range p.Items {
			if it.Message.Kind == "note" || strings.Contains(mustJSON(t, it), "fraud") {
				t.Errorf("a visitor's search shows a note: %+v", it)
			}
			if it.Message.ID == reply.ID && it.Message.Seq != 2 {
				t.Errorf("the reply is seq %d for the visitor, want 2 (its visitor seq)", it.Message.Seq)
			}
		}
		if got := ts.search(t, guest, "q=fraud").bodies(); len(got) != 0 {
			t.Errorf("the visitor found notes: %q", got)
		}
		if got := ts.search(t, stranger, "q=wrong").bodies(); len(got) != 0 {
			t.Errorf("another visitor found %q", got)
		}
		ts.do(t, "GET", "/api/v1/search?type=contacts&q=a", guest, nil).problem(t, 403, parley.EFORBIDDEN)
	})

	t.Run("Contacts", func(t *testing.T) {
		c := &parley.Contact{WorkspaceID: ts.ws.ID, Name: "Grace Hopper", Email: "grace@navy.example"}
		if err := ts.store.CreateContact(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		p := ts.search(t, agent, "type=contacts&q="+url.QueryEscape("navy gra"))
		if len(p.Items) != 1 || p.Items[0].Type != "contact" || p.Items[0].Contact.ID != c.ID {
			t.Errorf("contacts: %+v", p.Items)
		}
		ts.do(t, "GET", "/api/v1/search?type=contacts&q=grace", tok, nil).problem(t, 403, parley.EFORBIDDEN)
	})

	t.Run("Pages", func(t *testing.T) {
		var got []string
		q := "q=invoice&limit=1"
		for range 10 {
			p := ts.search(t, agent, q)
			got = append(got, p.bodies()...)
			if p.NextCursor == "" {
				break
			}
			q = "q=invoice&limit=1&cursor=" + p.NextCursor
		}
		slices.Sort(got)
		if len(got) != 4 || slices.Compact(slices.Clone(got)) == nil || len(slices.Compact(slices.Clone(got))) != 4 {
			t.Errorf("paged: %q", got)
		}
	})

	t.Run("BadInput", func(t *testing.T) {
		for _, q := range []string{
			"", "q=", "q=%00", "q=%FF%FE", "q=" + url.QueryEscape("!!! ???"), "q=" + strings.Repeat("a+", 11),
			"q=" + strings.Repeat("x", 501), "q=" + strings.Repeat("x", 65), "q=a&type=agents", "q=a&cursor=%00",
			"q=a&cursor=bjEyX3g", "q=a&limit=0", "q=a&limit=1000",
		} {
			ts.do(t, "GET", "/api/v1/search?"+q, agent, nil).problem(t, 422, parley.EINVALID)
		}
	})

	t.Run("OtherWorkspace", func(t *testing.T) {
		w := &parley.Workspace{Slug: "elsewhere", Name: "Elsewhere"}
		if err := ts.store.CreateWorkspace(context.Background(), parley.SystemActor, w); err != nil {
			t.Fatal(err)
		}
		theirs := ts.token(t, w.ID, parley.ScopeConversationsRead, parley.ScopeContactsRead)
		if got := ts.search(t, theirs, "q=invoice"); len(got.Items) != 0 {
			t.Errorf("another workspace found %+v", got.Items)
		}
		if got := ts.search(t, theirs, "type=contacts&q=grace"); len(got.Items) != 0 {
			t.Errorf("another workspace found %+v", got.Items)
		}
	})
}
