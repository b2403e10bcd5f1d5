package routing_test

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/routing"
)

// tiered makes the default queue round robin with two tiers: first (tier
// 1, 60 s) then second (tier 2, 120 s), one team each.
func (w *world) tiered(t *testing.T, first, second string) *parley.Queue {
	t.Helper()
	ctx := t.Context()
	t1 := &parley.Team{WorkspaceID: w.ws.ID, Name: "First line", AgentIDs: []string{first}}
	must(t, w.s.CreateTeam(ctx, system, t1))
	t2 := &parley.Team{WorkspaceID: w.ws.ID, Name: "Second line", AgentIDs: []string{second}}
	must(t, w.s.CreateTeam(ctx, system, t2))
	q := w.queue(t, parley.StrategyRoundRobin)
	tiers := []parley.Tier{{Limit: time.Minute}, {TeamID: t2.ID, Limit: 2 * time.Minute}}
	q, err := w.s.UpdateQueue(ctx, system, w.ws.ID, q.ID, parley.QueueUpdate{TeamID: &t1.ID, Tiers: &tiers})
	must(t, err)
	if len(q.Tiers) != 2 || q.Tiers[0].TeamID != t1.ID || q.Tiers[1].TeamID != t2.ID || q.Tiers[1].Limit != 2*time.Minute {
		t.Fatalf("tiers %+v", q.Tiers)
	}
	return q
}

// ofType returns the events of type typ, decoded.
func ofType(t *testing.T, evs []*parley.Event, typ parley.EventType) []parley.ConversationEventData {
	t.Helper()
	var out []parley.ConversationEventData
	for _, ev := range evs {
		if ev.Type == typ {
			var d parley.ConversationEventData
			must(t, json.Unmarshal(ev.Payload, &d))
			out = append(out, d)
		}
	}
	return out
}

func (w *world) conv(t *testing.T, id string) *parley.Conversation {
	t.Helper()
	c, err := w.s.FindConversation(t.Context(), w.ws.ID, id)
	must(t, err)
	return c
}

// A conversation nobody accepts goes to the next tier exactly when its
// tier's time has passed, not before; the next tier's agents then take
// it; when the last tier's time passes too, supervisors are alerted once.
func TestEscalationNotAccepted(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		clk := w.withClock(t)
		agents := w.agents(t, 2, 0)
		first, second := agents[0].ID, agents[1].ID
		w.tiered(t, first, second)
		w.presence(t, first, parley.PresenceOffline)
		id := w.pending(t, 1)[0]
		if c := w.conv(t, id); c.Tier != 1 || c.TierAt == nil || !c.TierAt.Equal(clk.Now()) {
			t.Fatalf("queued: tier %d since %v", c.Tier, c.TierAt)
		}
		// Tier 1 only: the second line's agent may not take it yet.
		if evs := w.sweep(t); len(evs) != 0 {
			t.Fatalf("before the time: %v", evs)
		}
		clk.Add(time.Minute - time.Microsecond)
		if evs := w.sweep(t); len(evs) != 0 {
			t.Fatalf("before the time: %v", evs)
		}
		clk.Add(time.Microsecond)
		evs := w.sweep(t)
		esc := ofType(t, evs, parley.EventConversationEscalated)
		if len(esc) != 1 || esc[0].Reason != parley.EscalationTimeout || esc[0].Escalation == nil ||
			*esc[0].Escalation != (parley.Escalation{FromTier: 1, ToTier: 2}) || esc[0].By.Type != parley.ParticipantSystem ||
			esc[0].Conversation.Tier != 2 {
			t.Fatalf("escalated %+v (events %d)", esc, len(evs))
		}
		if as := ofType(t, evs, parley.EventConversationAssigned); len(as) != 1 || as[0].Conversation.AssigneeID != second {
			t.Fatalf("assigned %+v", as)
		}
		// Tier 2 (the last) for 120 s, assigned and not answered: the
		// visitor has waited since it was queued.
		clk.Add(2*time.Minute - time.Microsecond)
		if evs := w.sweep(t); len(evs) != 0 {
			t.Fatalf("before the last tier's time: %v", evs)
		}
		clk.Add(time.Microsecond)
		evs = w.sweep(t)
		od := ofType(t, evs, parley.EventConversationEscalationOverdue)
		if len(evs) != 1 || len(od) != 1 || od[0].Reason != parley.EscalationUnanswered || od[0].Conversation.EscalationOverdueAt == nil ||
			od[0].Conversation.AssigneeID != second {
			t.Fatalf("overdue %+v (events %d)", od, len(evs))
		}
		clk.Add(time.Hour)
		if evs := w.sweep(t); len(evs) != 0 {
			t.Fatalf("alerted twice: %v", evs)
		}
	})
}

// An assigned conversation whose visitor waits its tier's time for an
// answer goes to the next tier, unassigned; one answered stays.
func TestEscalationNotAnswered(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		clk := w.withClock(t)
		agents := w.agents(t, 2, 0)
		first, second := agents[0].ID, agents[1].ID
		w.tiered(t, first, second)
		ids := w.pending(t, 2)
		unanswered, answered := ids[0], ids[1]
		w.sweep(t)
		for _, id := range ids {
			if c := w.conv(t, id); c.AssigneeID != first {
				t.Fatalf("tier 1 conversation given to %q", c.AssigneeID)
			}
		}
		clk.Add(30 * time.Second)
		res, err := w.s.AppendMessages(t.Context(), []parley.MessageInput{{WorkspaceID: w.ws.ID, ConversationID: answered,
			Kind: parley.KindText, Sender: parley.Sender{Type: parley.ParticipantAgent, ID: first}, Body: "hello"}})
		must(t, err)
		must(t, res[0].Err)
		clk.Add(30*time.Second - time.Microsecond)
		if evs := w.sweep(t); len(evs) != 0 {
			t.Fatalf("before the time: %v", evs)
		}
		clk.Add(time.Microsecond)
		evs := w.sweep(t)
		esc := ofType(t, evs, parley.EventConversationEscalated)
		if len(esc) != 1 || esc[0].Conversation.ID != unanswered || esc[0].Reason != parley.EscalationUnanswered ||
			esc[0].PreviousAssigneeID != first || esc[0].Conversation.Status != parley.StatusPending || esc[0].Conversation.Tier != 2 {
			t.Fatalf("escalated %+v", esc)
		}
		if un := ofType(t, evs, parley.EventConversationUnassigned); len(un) != 1 || un[0].PreviousAssigneeID != first {
			t.Fatalf("unassigned %+v", un)
		}
		// Round robin: the next agent of tiers 1 and 2 after first.
		if c := w.conv(t, unanswered); c.AssigneeID != second || c.Tier != 2 {
			t.Fatalf("after escalation: assignee %q tier %d", c.AssigneeID, c.Tier)
		}
		if c := w.conv(t, answered); c.AssigneeID != first || c.Tier != 1 {
			t.Fatalf("answered: assignee %q tier %d", c.AssigneeID, c.Tier)
		}
	})
}

// An agent escalates by hand with a reason; in the last tier it cannot.
func TestEscalateByHand(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		w.withClock(t)
		agents := w.agents(t, 2, 0)
		first, second := agents[0].ID, agents[1].ID
		w.tiered(t, first, second)
		id := w.pending(t, 1)[0]
		w.assign(t, id, first)
		by := parley.Participant{Type: parley.ParticipantAgent, ID: first}
		_, _, err := w.s.EscalateConversation(t.Context(), w.ws.ID, id, by, strings.Repeat("x", parley.MaxEscalationReasonLength+1))
		if parley.ErrorCode(err) != parley.EINVALID {
			t.Fatalf("reason too long: %v", err)
		}
		c, evs, err := w.s.EscalateConversation(t.Context(), w.ws.ID, id, by, "Needs a refund")
		must(t, err)
		if c.Tier != 2 || c.Status != parley.StatusPending || c.AssigneeID != "" {
			t.Fatalf("escalated: %+v", c)
		}
		esc := ofType(t, evs, parley.EventConversationEscalated)
		if len(esc) != 1 || esc[0].Reason != parley.EscalationManual || esc[0].By != by ||
			*esc[0].Escalation != (parley.Escalation{FromTier: 1, ToTier: 2, Note: "Needs a refund"}) {
			t.Fatalf("event %+v", esc)
		}
		_, _, err = w.s.EscalateConversation(t.Context(), w.ws.ID, id, by, "again")
		if parley.ErrorCode(err) != parley.ECONFLICT || parley.ErrorReason(err) != "last_tier" {
			t.Fatalf("at the last tier: %v", err)
		}
		_, _, err = w.s.EscalateConversation(t.Context(), w.ws.ID, "nope", by, "")
		if parley.ErrorCode(err) != parley.ENOTFOUND {
			t.Fatalf("unknown conversation: %v", err)
		}
	})
}

// Routers sweeping at once escalate a conversation once.
func TestEscalationRacingRouters(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		clk := w.withClock(t)
		agents := w.agents(t, 2, 0)
		w.tiered(t, agents[0].ID, agents[1].ID)
		for _, a := range agents {
			w.presence(t, a.ID, parley.PresenceOffline)
		}
		const n = 8
		w.pending(t, n)
		clk.Add(time.Minute)
		var (
			mu  sync.Mutex
			all []*parley.Event
			wg  sync.WaitGroup
		)
		for range 4 {
			r, err := routing.New(routing.Config{Store: w.s, Now: clk.Now, Publish: func(evs ...*parley.Event) {
				mu.Lock()
				all = append(all, evs...)
				mu.Unlock()
			}})
			must(t, err)
			wg.Go(func() {
				if err := r.Sweep(t.Context()); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		seen := map[string]int{}
		for _, d := range ofType(t, all, parley.EventConversationEscalated) {
			seen[d.Conversation.ID]++
		}
		if len(seen) != n {
			t.Fatalf("%d conversations escalated, want %d", len(seen), n)
		}
		for id, k := range seen {
			if k != 1 {
				t.Errorf("%s escalated %d times", id, k)
			}
		}
	})
}
