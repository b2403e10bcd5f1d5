package routing_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

// An agent offline longer than the queue's offline return loses its
// conversations of the queue: they go back to the queue, and on to an
// agent who is online; an agent back in time keeps them.
func TestOfflineAgentsConversationsReturn(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		clk := w.withClock(t)
		agents := w.agents(t, 2, 0)
		gone, stays := agents[0].ID, agents[1].ID
		q := w.queue(t, parley.StrategyRoundRobin)
		after := time.Minute
		q, err := w.s.UpdateQueue(t.Context(), system, w.ws.ID, q.ID, parley.QueueUpdate{OfflineReturn: &after})
		must(t, err)
		if q.OfflineReturn != time.Minute {
			t.Fatalf("offline return %v", q.OfflineReturn)
		}
		convs := w.pending(t, 2)
		for _, c := range convs {
			w.assign(t, c, gone)
		}
		w.presence(t, stays, parley.PresenceOffline)
		w.presence(t, gone, parley.PresenceOffline)
		w.takeEvents()

		clk.Add(time.Minute - time.Microsecond)
		if evs := w.sweep(t); len(evs) != 0 {
			t.Fatalf("before the time: %v", evs)
		}
		// Back online and gone again: the time starts over.
		w.presence(t, gone, parley.PresenceOnline)
		w.presence(t, gone, parley.PresenceOffline)
		clk.Add(time.Microsecond)
		if evs := w.sweep(t); len(evs) != 0 {
			t.Fatalf("an agent back meanwhile lost its conversations: %v", evs)
		}
		w.presence(t, stays, parley.PresenceOnline)
		clk.Add(time.Minute)
		evs := w.sweep(t)
		var returned, assigned int
		for _, ev := range evs {
			var d parley.ConversationEventData
			must(t, json.Unmarshal(ev.Payload, &d))
			switch ev.Type {
			case parley.EventConversationUnassigned:
				if d.Reason != parley.ReasonAgentOffline || d.PreviousAssigneeID != gone || d.By.Type != parley.ParticipantSystem {
					t.Errorf("unassigned event %s", ev.Payload)
				}
				returned++
			case parley.EventConversationAssigned:
				if d.Conversation.AssigneeID != stays {
					t.Errorf("reassigned to %s", d.Conversation.AssigneeID)
				}
				assigned++
			}
		}
		if returned != 2 || assigned != 2 {
			t.Fatalf("returned %d, reassigned %d; want 2 and 2 (events %d)", returned, assigned, len(evs))
		}
		if load := w.load(t); load[stays] != 2 || load[gone] != 0 {
			t.Fatalf("load %v", load)
		}
		if evs := w.sweep(t); len(evs) != 0 {
			t.Fatalf("a second sweep: %v", evs)
		}
	})
}

// Without an offline return, an offline agent keeps its conversations.
func TestOfflineReturnOff(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		clk := w.withClock(t)
		a := w.agents(t, 1, 0)[0].ID
		w.queue(t, parley.StrategyRoundRobin)
		conv := w.pending(t, 1)[0]
		w.assign(t, conv, a)
		w.presence(t, a, parley.PresenceOffline)
		w.takeEvents()
		clk.Add(24 * time.Hour)
		if evs := w.sweep(t); len(evs) != 0 {
			t.Fatalf("%v", evs)
		}
	})
}
