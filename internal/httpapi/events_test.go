package httpapi_test

import (
	"testing"

	"github.com/parleychat/parley"
)

type feedBody struct {
	Items []struct {
		ID   string         `json:"id"`
		Type string         `json:"type"`
		Data map[string]any `json:"data"`
	} `json:"items"`
	NextCursor string `json:"next_cursor"`
}

func (f feedBody) types() []string {
	var out []string
	for _, e := range f.Items {
		out = append(out, e.Type)
	}
	return out
}

func TestEventFeed(t *testing.T) {
	ts := newServer(t)
	staffNotes := ts.token(t, ts.ws.ID, parley.ScopeWebhooksRead, parley.ScopeConversationsRead)
	noNotes := ts.token(t, ts.ws.ID, parley.ScopeWebhooksRead)
	sup := ts.member(t, parley.RoleSupervisor)
	in := ts.inbox(t)
	v := ts.guest(t, in)

	var start feedBody
	ts.do(t, "GET", "/api/v1/events?types=conversation.*,message.*,note.*", staffNotes, nil).want(t, 200).decode(t, &start)
	if len(start.Items) != 0 || start.NextCursor == "" {
		t.Fatalf("feed before = %+v", start)
	}
	conv := ts.start(t, v)
	ts.say(t, v.bearer, conv.ID, "Hello")
	ts.sendMessage(t, sup, conv.ID, map[string]any{"kind": "note", "body": "VIP"})

	var got feedBody
	ts.do(t, "GET", "/api/v1/events?types=conversation.*,message.*,note.*&cursor="+start.NextCursor, staffNotes, nil).want(t, 200).decode(t, &got)
	want := []string{"conversation.created", "message.created", "conversation.queued", "note.created"}
	if !equal(got.types(), want) {
		t.Fatalf("feed = %v, want %v", got.types(), want)
	}
	var without feedBody
	ts.do(t, "GET", "/api/v1/events?types=*&cursor="+start.NextCursor, noNotes, nil).want(t, 200).decode(t, &without)
	if len(without.Items) == 0 {
		t.Fatal("empty feed")
	}
	for _, e := range without.Items {
		m, _ := e.Data["message"].(map[string]any)
		if e.Type == "note.created" || m != nil && m["kind"] == "note" {
			t.Fatalf("a credential that may not read notes was shown %v", without.types())
		}
	}
	// Following the cursor: nothing twice, page by page.
	var paged []string
	cursor := start.NextCursor
	for range 10 {
		var p feedBody
		ts.do(t, "GET", "/api/v1/events?limit=1&types=conversation.*,message.*,note.*&cursor="+cursor, staffNotes, nil).want(t, 200).decode(t, &p)
		if len(p.Items) == 0 {
			break
		}
		paged = append(paged, p.types()...)
		cursor = p.NextCursor
	}
	if !equal(paged, want) {
		t.Fatalf("paged feed = %v", paged)
	}

	// Long polling: a waiting reader gets the next event when it happens.
	done := make(chan feedBody, 1)
	go func() {
		var p feedBody
		ts.do(t, "GET", "/api/v1/events?wait=20&types=message.created&cursor="+cursor, staffNotes, nil).want(t, 200).decode(t, &p)
		done <- p
	}()
	ts.say(t, v.bearer, conv.ID, "Anyone?")
	if p := <-done; len(p.Items) != 1 || p.Items[0].Data["message"].(map[string]any)["body"] != "Anyone?" {
		t.Fatalf("long poll = %+v", p)
	}

	// Bad input and access.
	for _, q := range []string{"types=nope", "types=a%00b", "cursor=-1", "cursor=abc", "cursor=99999999999999999999", "wait=31", "limit=0", "limit=201"} {
		ts.do(t, "GET", "/api/v1/events?"+q, staffNotes, nil).want(t, 422)
	}
	ts.do(t, "GET", "/api/v1/events", v.bearer, nil).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "GET", "/api/v1/events", ts.token(t, ts.ws.ID, parley.ScopeConversationsRead), nil).problem(t, 403, parley.EFORBIDDEN)
	_, other := ts.otherWorkspace(t, parley.ScopeAll)
	var theirs feedBody
	ts.do(t, "GET", "/api/v1/events", other, nil).want(t, 200).decode(t, &theirs)
	for _, e := range theirs.Items {
		if e.ID == got.Items[0].ID {
			t.Fatal("another workspace's feed shows this one's events")
		}
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
