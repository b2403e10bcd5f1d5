package realtime_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/realtime"
)

// What the bus lost — here, changes written to the store directly, which
// publishes nothing — a catch-up passes on from the database: the missed
// messages to each connection in its own sequence, the missed events to
// the feed. An event already passed on is not passed on again, and a
// conversation's state older than one already sent is not sent.
func TestCatchUpPassesOnWhatTheBusLost(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	contact, token := e.newVisitor(t, e.inbox)
	agent, session := e.newAgent(t, parley.RoleAgent)
	staff := n.connect(t, session)
	staff.request(map[string]any{"type": "subscribe_feed"})
	conv := e.start(t, contact)
	if ev := staff.expect("event").event(t); ev.Type != parley.EventConversationCreated {
		t.Fatalf("feed: %+v", ev)
	}
	staff.subscribe(conv.ID, 0)
	visitor := n.connect(t, token)
	visitor.subscribe(conv.ID, 0)

	since := time.Now()
	for _, in := range []parley.MessageInput{
		{Kind: parley.KindNote, Sender: parley.Sender{Type: parley.ParticipantAgent, ID: agent.ID}, Body: "lost note"},
		{Kind: parley.KindText, Sender: parley.Sender{Type: parley.ParticipantContact, ID: contact.ID}, Body: "lost"},
	} {
		in.WorkspaceID, in.ConversationID = e.ws.ID, conv.ID
		_, err := e.store.AppendMessage(t.Context(), in) // queues it: conversation.queued, unpublished
		must(t, err)
	}
	// Then, live, the agent takes it.
	_, err := e.svc.Assign(t.Context(), e.agentOf(agent), conv.ID, agent.ID)
	must(t, err)
	for got := 0; got < 2; {
		switch f := staff.read(); f.Type {
		case "event", "conversation":
			got++
		default:
			t.Fatalf("before the catch-up the agent received %s", f.raw)
		}
	}

	if !realtime.CatchUp(n.gw, since) {
		t.Fatal("the catch-up did not read everything")
	}
	var staffGot []string
	for _, f := range untilPong(t, staff) {
		switch f.Type {
		case "message":
			m := f.message(t)
			staffGot = append(staffGot, "message "+m.Body)
		case "event":
			staffGot = append(staffGot, "event "+string(f.event(t).Type))
		default:
			staffGot = append(staffGot, f.raw)
		}
	}
	want := []string{"event conversation.queued", "message lost note", "message lost"}
	if d := cmp.Diff(want, staffGot); d != "" {
		t.Errorf("the agent after the catch-up (-want +got):\n%s", d)
	}
	var visitorSeqs []int64
	for _, f := range untilPong(t, visitor) {
		if f.Type == "message" {
			visitorSeqs = append(visitorSeqs, f.message(t).Seq)
		}
	}
	if d := cmp.Diff([]int64{1}, visitorSeqs); d != "" {
		t.Errorf("the visitor's messages after the catch-up (-want +got):\n%s", d)
	}
}

// untilPong pings and returns the frames received before the pong.
func untilPong(t *testing.T, c *client) []frame {
	t.Helper()
	c.write(map[string]any{"type": "ping", "id": "until"})
	var out []frame
	for {
		f := c.read()
		if f.Type == "pong" && f.ID == "until" {
			return out
		}
		out = append(out, f)
	}
}
