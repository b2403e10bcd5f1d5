package httpapi_test

import (
	"context"
	"encoding/json"
	"slices"
	"sync"
	"testing"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/bus"
)

// TestAgentRemovalReleasesConversations checks that disabling or deleting
// an agent puts the conversations it holds back in the queue — pending, no
// assignee, with conversation.unassigned in the outbox and on the
// workspace's feed, which the consoles follow — and leaves resolved
// conversations and other agents' alone.
func TestAgentRemovalReleasesConversations(t *testing.T) {
	ts := newServer(t)
	in := ts.inbox(t)
	admin := ts.token(t, ts.ws.ID, parley.ScopeAll)
	feed := ts.listen(t, ts.ws.ID, "conversations")

	for _, tc := range []struct {
		name   string
		remove func(t *testing.T, agentID string)
	}{
		{"Disable", func(t *testing.T, agentID string) {
			ts.do(t, "PATCH", "/api/v1/agents/"+agentID, admin, map[string]any{"disabled": true}).want(t, 200)
		}},
		{"Delete", func(t *testing.T, agentID string) {
			ts.do(t, "DELETE", "/api/v1/agents/"+agentID, admin, nil).want(t, 204)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ann, bob := ts.member(t, parley.RoleAgent), ts.member(t, parley.RoleAgent)
			// held and held2 are Ann's; done is resolved by her; bobs is Bob's.
			held, held2, done, bobs := ts.assigned(t, in, ann), ts.assigned(t, in, ann), ts.assigned(t, in, ann), ts.assigned(t, in, bob)
			ts.do(t, "POST", "/api/v1/conversations/"+done.ID+"/resolve", ann, nil).want(t, 200)

			tc.remove(t, ann.agent.ID)

			for _, c := range []conversationBody{held, held2} {
				var got conversationBody
				ts.do(t, "GET", "/api/v1/conversations/"+c.ID, admin, nil).want(t, 200).decode(t, &got)
				if got.Status != "pending" || got.AssigneeID != "" {
					t.Errorf("conversation Ann held: %s %q, want pending with no assignee", got.Status, got.AssigneeID)
				}
			}
			var queue struct {
				Items []conversationBody `json:"items"`
			}
			ts.do(t, "GET", "/api/v1/conversations?status=pending", bob, nil).want(t, 200).decode(t, &queue)
			var queued []string
			for _, c := range queue.Items {
				queued = append(queued, c.ID)
			}
			if !slices.Contains(queued, held.ID) || !slices.Contains(queued, held2.ID) {
				t.Errorf("Bob's queue %v lacks Ann's conversations %s, %s", queued, held.ID, held2.ID)
			}
			var got conversationBody
			ts.do(t, "GET", "/api/v1/conversations/"+done.ID, admin, nil).want(t, 200).decode(t, &got)
			if got.Status != "resolved" {
				t.Errorf("resolved conversation became %s", got.Status)
			}
			ts.do(t, "GET", "/api/v1/conversations/"+bobs.ID, admin, nil).want(t, 200).decode(t, &got)
			if got.Status != "assigned" || got.AssigneeID != bob.agent.ID {
				t.Errorf("Bob's conversation became %s %q", got.Status, got.AssigneeID)
			}

			// The outbox holds one conversation.unassigned per released
			// conversation, by the system, naming Ann; the feed carries them.
			for _, c := range []conversationBody{held, held2} {
				evs := ts.conversationEvents(t, c.ID, parley.EventConversationUnassigned)
				if len(evs) != 1 {
					t.Fatalf("%d conversation.unassigned events of %s, want 1", len(evs), c.ID)
				}
				var d parley.ConversationEventData
				if err := json.Unmarshal(evs[0].Payload, &d); err != nil {
					t.Fatal(err)
				}
				if d.PreviousAssigneeID != ann.agent.ID || d.By.Type != parley.ParticipantSystem ||
					d.Conversation.Status != parley.StatusPending || d.Conversation.AssigneeID != "" {
					t.Errorf("event payload = %+v, conversation %+v", d, d.Conversation)
				}
				eventually(t, "conversation.unassigned of "+c.ID+" on the feed", func() bool {
					return feed.heard(evs[0].ID)
				})
			}
			if n := len(ts.conversationEvents(t, done.ID, parley.EventConversationUnassigned)); n != 0 {
				t.Errorf("%d conversation.unassigned events of the resolved conversation", n)
			}

			// Another agent takes a released conversation.
			ts.do(t, "POST", "/api/v1/conversations/"+held.ID+"/assign", bob, nil).want(t, 200)
		})
	}
}

// assigned starts a conversation of a new guest in inbox, which the guest
// writes in and staff takes.
func (ts *testServer) assigned(t *testing.T, in *parley.Inbox, staff staffMember) conversationBody {
	t.Helper()
	v := ts.guest(t, in)
	c := ts.start(t, v)
	ts.say(t, v, c.ID, "Hello")
	ts.do(t, "POST", "/api/v1/conversations/"+c.ID+"/assign", staff, nil).want(t, 200).decode(t, &c)
	return c
}

// conversationEvents returns the default workspace's events of type typ
// about a conversation, oldest first.
func (ts *testServer) conversationEvents(t *testing.T, conversationID string, typ parley.EventType) []*parley.Event {
	t.Helper()
	var out []*parley.Event
	for _, e := range ts.events(t) {
		if e.ConversationID == conversationID && e.Type == typ {
			out = append(out, e)
		}
	}
	return out
}

// busListener records the IDs of the events heard on a bus subject.
type busListener struct {
	mu  sync.Mutex
	ids map[string]bool
}

// listen subscribes to a workspace's subject made of parts.
func (ts *testServer) listen(t *testing.T, workspaceID string, parts ...string) *busListener {
	t.Helper()
	subj, err := bus.Subject(workspaceID, parts...)
	if err != nil {
		t.Fatal(err)
	}
	l := &busListener{ids: map[string]bool{}}
	unsub, err := ts.bus.Subscribe(subj, func(_ string, data []byte) {
		var ev parley.Event
		if json.Unmarshal(data, &ev) == nil {
			l.mu.Lock()
			l.ids[ev.ID] = true
			l.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { unsub() })
	if err := ts.bus.Ping(context.Background()); err != nil { // the subscription is in place
		t.Fatal(err)
	}
	return l
}

func (l *busListener) heard(id string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.ids[id]
}
