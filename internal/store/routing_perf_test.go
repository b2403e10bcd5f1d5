package store_test

import (
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/store"
	"github.com/parleychat/parley/internal/testenv"
)

// TestNextPendingPlan checks that the router's read of a queue's next
// conversations is served in order by an index, on both engines: no
// per-read sort of the queue's pending conversations, whose cost would
// grow with the queue's length (docs/performance.md, routing).
func TestNextPendingPlan(t *testing.T) {
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			s := mustOpen(t, e.url(t))
			ctx := t.Context()
			ws := &parley.Workspace{Slug: "ws-" + testenv.Unique(), Name: "W"}
			if err := s.CreateWorkspace(ctx, parley.SystemActor, ws); err != nil {
				t.Fatal(err)
			}
			q, err := s.DefaultQueue(ctx, ws.ID)
			if err != nil {
				t.Fatal(err)
			}
			plan, err := store.NextPendingPlan(ctx, s, ws.ID, q.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(plan, "conversations_pending_order_idx") {
				t.Errorf("plan does not use conversations_pending_order_idx:\n%s", plan)
			}
			for _, sort := range []string{"TEMP B-TREE", "Sort"} {
				if strings.Contains(plan, sort) {
					t.Errorf("plan sorts (%s):\n%s", sort, plan)
				}
			}
		})
	}
}

// TestRouteNoWait checks RouteOptions.NoWait on PostgreSQL: while another
// transaction holds the agent's row, RouteConversation fails at once with
// reason "busy"; while another holds the conversation's, with ECONFLICT;
// once they end, it assigns.
func TestRouteNoWait(t *testing.T) {
	url := testenv.PostgresURL(t)
	s := mustOpen(t, url)
	ctx := t.Context()
	ws := &parley.Workspace{Slug: "ws-" + testenv.Unique(), Name: "W"}
	must(t, s.CreateWorkspace(ctx, parley.SystemActor, ws))
	inbox := &parley.Inbox{WorkspaceID: ws.ID, Name: "Site"}
	must(t, s.CreateInbox(ctx, parley.SystemActor, inbox))
	contact := &parley.Contact{WorkspaceID: ws.ID, Name: "V"}
	must(t, s.CreateContact(ctx, contact))
	conv := &parley.Conversation{WorkspaceID: ws.ID, InboxID: inbox.ID, ContactID: contact.ID}
	_, err := s.CreateConversation(ctx, conv, parley.Participant{Type: parley.ParticipantContact, ID: contact.ID})
	must(t, err)
	_, err = s.AppendMessages(ctx, []parley.MessageInput{{WorkspaceID: ws.ID, ConversationID: conv.ID, Kind: parley.KindText,
		Sender: parley.Sender{Type: parley.ParticipantContact, ID: contact.ID}, Body: "hi"}})
	must(t, err)
	agent := &parley.Agent{WorkspaceID: ws.ID, Email: testenv.Unique() + "@example.com", Name: "A", Role: parley.RoleAgent, Capacity: 2}
	must(t, s.CreateAgent(ctx, parley.SystemActor, agent, ""))
	_, err = s.SetAgentPresence(ctx, ws.ID, agent.ID, parley.PresenceOnline, time.Time{})
	must(t, err)
	q, err := s.DefaultQueue(ctx, ws.ID)
	must(t, err)
	opt := parley.RouteOptions{QueueID: q.ID, RequireOnline: true, NoWait: true}
	sys := parley.Participant{Type: parley.ParticipantSystem}

	for _, c := range []struct {
		name, lock, id, reason string
	}{
		{"agent held", `SELECT id FROM agents WHERE id = $1 FOR UPDATE`, agent.ID, "busy"},
		{"conversation held", `SELECT id FROM conversations WHERE id = $1 FOR UPDATE`, conv.ID, ""},
	} {
		other, err := s.DBs()["main"].BeginTx(ctx, nil)
		must(t, err)
		var id string
		must(t, other.QueryRowContext(ctx, c.lock, c.id).Scan(&id))
		_, _, err = s.RouteConversation(ctx, ws.ID, conv.ID, agent.ID, sys, opt)
		if parley.ErrorCode(err) != parley.ECONFLICT || parley.ErrorReason(err) != c.reason {
			t.Errorf("%s: err = %v (reason %q), want ECONFLICT reason %q", c.name, err, parley.ErrorReason(err), c.reason)
		}
		must(t, other.Rollback())
	}
	c, _, err := s.RouteConversation(ctx, ws.ID, conv.ID, agent.ID, sys, opt)
	must(t, err)
	if c.AssigneeID != agent.ID || c.Status != parley.StatusAssigned {
		t.Errorf("routed = %+v", c)
	}
}
