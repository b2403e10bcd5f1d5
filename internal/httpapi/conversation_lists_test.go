package httpapi_test

import (
	"context"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

type conversationPage struct {
	Items []struct {
		conversationBody
		WaitingSince *string `json:"waiting_since"`
	} `json:"items"`
	NextCursor string `json:"next_cursor"`
}

// pages follows next_cursor from query and returns the conversation IDs
// in the order served.
func (ts *testServer) pages(t *testing.T, c creds, query string) []string {
	t.Helper()
	var ids []string
	cursor := ""
	for range 100 {
		q, err := url.ParseQuery(query)
		if err != nil {
			t.Fatal(err)
		}
		if cursor != "" {
			q.Set("cursor", cursor)
		}
		var p conversationPage
		ts.do(t, "GET", "/api/v1/conversations?"+q.Encode(), c, nil).want(t, 200).decode(t, &p)
		for _, it := range p.Items {
			ids = append(ids, it.ID)
		}
		if cursor = p.NextCursor; cursor == "" {
			return ids
		}
	}
	t.Fatal("the list does not end")
	return nil
}

func TestConversationLists(t *testing.T) {
	ts := newServer(t)
	ann, bob := ts.member(t, parley.RoleAgent), ts.member(t, parley.RoleAgent)
	in, other := ts.inbox(t), ts.inbox(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeConversationsRead)

	// Four visitors write in this order: w1 waits longest. ann answers w2,
	// bob takes w3; w4 is in the other inbox; idle never writes.
	var guests []visitor
	var convs []conversationBody
	for i := range 4 {
		inbox := in
		if i == 3 {
			inbox = other
		}
		g := ts.guest(t, inbox)
		guests = append(guests, g)
		convs = append(convs, ts.start(t, g))
	}
	idle := ts.start(t, ts.guest(t, in))
	for i := range 4 {
		ts.say(t, guests[i], convs[i].ID, "Hello, I need help")
	}
	ts.do(t, "POST", "/api/v1/conversations/"+convs[1].ID+"/assign", ann, nil).want(t, 200)
	ts.say(t, ann, convs[1].ID, "Happy to help")
	ts.do(t, "POST", "/api/v1/conversations/"+convs[1].ID+"/read", ann, map[string]any{"seq": 2}).want(t, 200)
	ts.do(t, "POST", "/api/v1/conversations/"+convs[2].ID+"/assign", bob, nil).want(t, 200)
	w1, w2, w3, w4 := convs[0].ID, convs[1].ID, convs[2].ID, convs[3].ID

	t.Run("Sorts", func(t *testing.T) {
		for _, c := range []struct {
			query string
			want  []string
		}{
			{"sort=waiting_longest&status=pending,assigned&limit=1", []string{w1, w3, w4, w2}},
			{"sort=oldest&limit=2", []string{w1, w2, w3, w4, idle.ID}},
			{"sort=newest&limit=2", []string{idle.ID, w4, w3, w2, w1}},
			// ann's reply came after every other change but bob's assignment.
			{"sort=last_activity&status=pending,assigned&limit=3", []string{w3, w2, w4, w1}},
		} {
			if got := ts.pages(t, ann, c.query); !slices.Equal(got, c.want) {
				t.Errorf("%s: %v, want %v", c.query, got, c.want)
			}
		}
	})

	t.Run("Filters", func(t *testing.T) {
		for _, c := range []struct {
			who   creds
			query string
			want  []string
		}{
			{ann, "unread=true&status=pending,assigned", []string{w1, w3, w4}},
			{ann, "unread=true&inbox_id=" + other.ID, []string{w4}},
			{bob, "unread=true&assignee_id=" + bob.agent.ID, []string{w3}},
			{ann, "waiting_longer_than=0&sort=waiting_longest", []string{w1, w3, w4}},
			{ann, "waiting_longer_than=1h", nil},
			{ann, "waiting_longer_than=0s&unassigned=true", []string{w1, w4}},
			{tok, "unassigned=true&status=pending", []string{w1, w4}},
			{guests[0], "unread=true", nil},
			{guests[1], "unread=true", []string{w2}}, // ann's reply
			{guests[1], "waiting_longer_than=0", nil},
		} {
			got := ts.pages(t, c.who, c.query)
			slices.Sort(got)
			want := slices.Clone(c.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%s: %v, want %v", c.query, got, want)
			}
		}
		// ann reads w1: no longer unread for her, still for bob.
		ts.do(t, "POST", "/api/v1/conversations/"+w1+"/read", ann, map[string]any{"seq": 1}).want(t, 200)
		if got := ts.pages(t, ann, "unread=true&status=pending"); !slices.Equal(got, []string{w4}) {
			t.Errorf("after reading w1, ann's unread pending: %v", got)
		}
		if got := ts.pages(t, bob, "unread=true&status=pending&sort=oldest"); !slices.Equal(got, []string{w1, w4}) {
			t.Errorf("bob's unread pending: %v", got)
		}
	})

	t.Run("BadInput", func(t *testing.T) {
		var p conversationPage
		ts.do(t, "GET", "/api/v1/conversations?sort=newest&limit=1", ann, nil).want(t, 200).decode(t, &p)
		if p.NextCursor == "" {
			t.Fatal("no next cursor")
		}
		// A cursor of one sort is refused by another, and by the ID order.
		ts.do(t, "GET", "/api/v1/conversations?sort=oldest&cursor="+p.NextCursor, ann, nil).problem(t, 422, parley.EINVALID)
		ts.do(t, "GET", "/api/v1/conversations?cursor="+p.NextCursor, ann, nil).want(t, 200)
		for _, q := range []string{
			"sort=sideways", "sort=newest&cursor=%00", "sort=newest&cursor=bm90IGEgY3Vyc29y",
			"waiting_longer_than=-1", "waiting_longer_than=soon", "waiting_longer_than=%00", "waiting_longer_than=-5m",
			"waiting_longer_than=99999999999999", "unread=maybe", "unassigned=true&assignee_id=" + ann.agent.ID,
			"sort=%FF",
		} {
			ts.do(t, "GET", "/api/v1/conversations?"+q, ann, nil).problem(t, 422, parley.EINVALID)
		}
		ts.do(t, "GET", "/api/v1/conversations?unread=true", tok, nil).problem(t, 403, parley.EFORBIDDEN)
	})

	t.Run("OtherWorkspace", func(t *testing.T) {
		w := &parley.Workspace{Slug: "other", Name: "Other"}
		if err := ts.store.CreateWorkspace(context.Background(), parley.SystemActor, w); err != nil {
			t.Fatal(err)
		}
		theirs := ts.token(t, w.ID, parley.ScopeConversationsRead)
		for _, q := range []string{"", "sort=waiting_longest", "sort=newest&inbox_id=" + in.ID, "waiting_longer_than=0",
			"assignee_id=" + bob.agent.ID} {
			if got := ts.pages(t, theirs, q); len(got) != 0 {
				t.Errorf("%q from another workspace lists %v", q, got)
			}
		}
	})
}

func TestSnoozeAndPriority(t *testing.T) {
	ts := newServer(t)
	agent := ts.member(t, parley.RoleAgent)
	in := ts.inbox(t)
	guest := ts.guest(t, in)
	conv := ts.start(t, guest)
	ts.say(t, guest, conv.ID, "Hello")
	other := ts.start(t, ts.guest(t, in))
	base := "/api/v1/conversations/" + conv.ID

	var got struct {
		conversationBody
		Priority          int     `json:"priority"`
		SnoozedUntil      *string `json:"snoozed_until"`
		SnoozedUntilReply bool    `json:"snoozed_until_reply"`
	}
	ts.do(t, "POST", base+"/snooze", agent, nil).want(t, 200).decode(t, &got)
	if !got.SnoozedUntilReply || got.SnoozedUntil != nil {
		t.Fatalf("snoozed until the visitor writes: %+v", got)
	}
	if ids := ts.pages(t, agent, "snoozed=true"); !slices.Equal(ids, []string{conv.ID}) {
		t.Errorf("snoozed: %v", ids)
	}
	if ids := ts.pages(t, agent, "snoozed=false"); !slices.Equal(ids, []string{other.ID}) {
		t.Errorf("not snoozed: %v", ids)
	}
	// The visitor does not see the snooze, and writing ends it.
	var seen map[string]any
	ts.do(t, "GET", base, guest, nil).want(t, 200).decode(t, &seen)
	if _, ok := seen["snoozed_until_reply"]; ok {
		t.Errorf("the visitor sees the snooze: %v", seen)
	}
	ts.say(t, guest, conv.ID, "Any news?")
	if ids := ts.pages(t, agent, "snoozed=true"); len(ids) != 0 {
		t.Errorf("still snoozed after the visitor wrote: %v", ids)
	}
	ts.do(t, "POST", base+"/unsnooze", agent, nil).problem(t, 409, parley.ECONFLICT)

	until := time.Now().Add(2 * time.Hour).UTC().Truncate(time.Second)
	got.SnoozedUntil, got.SnoozedUntilReply = nil, false
	ts.do(t, "POST", base+"/snooze", agent, map[string]any{"until": until}).want(t, 200).decode(t, &got)
	if got.SnoozedUntil == nil || got.SnoozedUntilReply {
		t.Fatalf("snoozed for two hours: %+v", got)
	}
	ts.do(t, "POST", base+"/unsnooze", agent, nil).want(t, 200)
	for _, body := range []map[string]any{
		{"until": time.Now().Add(-time.Minute)}, {"until": time.Now().Add(400 * 24 * time.Hour)}, {"until": "tomorrow"},
		{"until": "\x00"},
	} {
		ts.do(t, "POST", base+"/snooze", agent, body).problem(t, 422, parley.EINVALID)
	}
	ts.do(t, "POST", base+"/snooze", guest, nil).problem(t, 403, parley.EFORBIDDEN)

	// Priority, by name or number, and the filter.
	ts.do(t, "POST", base+"/priority", agent, map[string]any{"priority": "urgent"}).want(t, 200).decode(t, &got)
	if got.Priority != parley.PriorityUrgent {
		t.Fatalf("priority = %d", got.Priority)
	}
	ts.do(t, "POST", "/api/v1/conversations/"+other.ID+"/priority", agent, map[string]any{"priority": "2"}).want(t, 200)
	if ids := ts.pages(t, agent, "priority=urgent"); !slices.Equal(ids, []string{conv.ID}) {
		t.Errorf("urgent: %v", ids)
	}
	if ids := ts.pages(t, agent, "priority=high,urgent&sort=oldest"); !slices.Equal(ids, []string{conv.ID, other.ID}) {
		t.Errorf("high or urgent: %v", ids)
	}
	for _, p := range []any{"extreme", "-1", "101", "\x00", 3} {
		ts.do(t, "POST", base+"/priority", agent, map[string]any{"priority": p}).problem(t, 422, parley.EINVALID)
	}
	for _, q := range []string{"priority=extreme", "priority=%00", "snoozed=maybe"} {
		ts.do(t, "GET", "/api/v1/conversations?"+q, agent, nil).problem(t, 422, parley.EINVALID)
	}
	ts.do(t, "POST", base+"/priority", guest, map[string]any{"priority": "low"}).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "GET", "/api/v1/conversations?priority=low", guest, nil).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "POST", "/api/v1/conversations/nope/priority", agent, map[string]any{"priority": "low"}).problem(t, 404, parley.ENOTFOUND)
}
