package storetest

import (
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

// testPresenceLeases: presence follows the leases nodes renew for their
// agents' connections; the change to offline is made once, whoever checks,
// with one agent.presence_changed event each time presence changes.
func testPresenceLeases(t *testing.T, open func(t *testing.T) parley.Store) {
	t0 := time.Now().Truncate(time.Millisecond)
	at := func(d time.Duration) time.Time { return t0.Add(d) }

	// presence returns the agent's presence and chosen status.
	presence := func(t *testing.T, s parley.Store, a *parley.Agent) (parley.Presence, parley.Presence) {
		t.Helper()
		got, err := s.FindAgentByID(t.Context(), a.WorkspaceID, a.ID)
		must(t, err)
		return got.Presence, got.ChosenPresence
	}
	wantPresence := func(t *testing.T, s parley.Store, a *parley.Agent, want, chosen parley.Presence) {
		t.Helper()
		if p, c := presence(t, s, a); p != want || c != chosen {
			t.Errorf("presence %q (chose %q), want %q (chose %q)", p, c, want, chosen)
		}
	}
	// wantEvents checks the agent.presence_changed events returned.
	wantEvents := func(t *testing.T, events []*parley.Event, want ...parley.AgentPresenceEventData) {
		t.Helper()
		var got []parley.AgentPresenceEventData
		for _, ev := range events {
			if ev.Type != parley.EventAgentPresenceChanged || ev.ConversationID != "" || ev.ID == "" {
				t.Errorf("event %+v", ev)
			}
			var d parley.AgentPresenceEventData
			must(t, json.Unmarshal(ev.Payload, &d))
			got = append(got, d)
		}
		if len(got) != len(want) {
			t.Fatalf("events %+v, want %+v", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("event %d: %+v, want %+v", i, got[i], want[i])
			}
		}
	}
	ref := func(a *parley.Agent) parley.AgentRef {
		return parley.AgentRef{WorkspaceID: a.WorkspaceID, AgentID: a.ID}
	}
	data := func(a *parley.Agent, p, chosen parley.Presence) parley.AgentPresenceEventData {
		return parley.AgentPresenceEventData{AgentID: a.ID, Presence: p, Chosen: chosen}
	}

	t.Run("SetReturnsTheChange", func(t *testing.T) {
		s := open(t)
		w := mustWorkspace(t, s)
		a := mustAgent(t, s, w.ID)
		ev, err := s.SetAgentPresence(t.Context(), w.ID, a.ID, parley.PresenceOnline, at(time.Minute))
		must(t, err)
		wantEvents(t, []*parley.Event{ev}, data(a, parley.PresenceOnline, parley.PresenceOnline))
		ev, err = s.SetAgentPresence(t.Context(), w.ID, a.ID, parley.PresenceOnline, at(time.Minute))
		must(t, err)
		if ev != nil {
			t.Errorf("setting the same presence again returned %+v", ev)
		}
		list, err := s.ListEvents(t.Context(), w.ID, parley.ListOptions{})
		must(t, err)
		if n := countType(list.Items, parley.EventAgentPresenceChanged); n != 1 {
			t.Errorf("the outbox holds %d agent.presence_changed events, want 1", n)
		}
	})

	t.Run("ExpiresWithoutALiveLease", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w := mustWorkspace(t, s)
		a, b := mustAgent(t, s, w.ID), mustAgent(t, s, w.ID)
		// a sets itself online over the API (a lease until +10s); b too,
		// and is connected to two nodes.
		for _, x := range []*parley.Agent{a, b} {
			_, err := s.SetAgentPresence(ctx, w.ID, x.ID, parley.PresenceOnline, at(10*time.Second))
			must(t, err)
		}
		events, err := s.RenewPresenceLeases(ctx, "node-1", []parley.AgentRef{ref(b)}, at(20*time.Second))
		must(t, err)
		wantEvents(t, events) // b was online already
		_, err = s.RenewPresenceLeases(ctx, "node-2", []parley.AgentRef{ref(b)}, at(40*time.Second))
		must(t, err)

		events, err = s.ExpirePresence(ctx, at(5*time.Second))
		must(t, err)
		wantEvents(t, events)
		wantPresence(t, s, a, parley.PresenceOnline, parley.PresenceOnline)

		events, err = s.ExpirePresence(ctx, at(15*time.Second))
		must(t, err)
		wantEvents(t, events, data(a, parley.PresenceOffline, parley.PresenceOnline))
		wantPresence(t, s, a, parley.PresenceOffline, parley.PresenceOnline)
		wantPresence(t, s, b, parley.PresenceOnline, parley.PresenceOnline)

		// node-1 has stopped renewing (it crashed, say): node-2's lease
		// still holds b until +40s.
		events, err = s.ExpirePresence(ctx, at(30*time.Second))
		must(t, err)
		wantEvents(t, events)
		events, err = s.ExpirePresence(ctx, at(41*time.Second))
		must(t, err)
		wantEvents(t, events, data(b, parley.PresenceOffline, parley.PresenceOnline))
		online, err := s.AnyAgentOnline(ctx, w.ID)
		must(t, err)
		if online {
			t.Error("AnyAgentOnline after every lease expired")
		}
		events, err = s.ExpirePresence(ctx, at(50*time.Second))
		must(t, err)
		wantEvents(t, events) // once
	})

	t.Run("RenewBringsBackTheChosenStatus", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w := mustWorkspace(t, s)
		a, b, c := mustAgent(t, s, w.ID), mustAgent(t, s, w.ID), mustAgent(t, s, w.ID)
		_, err := s.SetAgentPresence(ctx, w.ID, a.ID, parley.PresenceAway, at(time.Second))
		must(t, err)
		_, err = s.SetAgentPresence(ctx, w.ID, b.ID, parley.PresenceOffline, at(time.Second))
		must(t, err)
		_, err = s.ExpirePresence(ctx, at(2*time.Second))
		must(t, err)
		wantPresence(t, s, a, parley.PresenceOffline, parley.PresenceAway)

		// a reconnects: away again; b chose offline and stays so; c never
		// chose anything (offline).
		events, err := s.RenewPresenceLeases(ctx, "node-1", []parley.AgentRef{ref(a), ref(b), ref(c)}, at(time.Minute))
		must(t, err)
		wantEvents(t, events, data(a, parley.PresenceAway, parley.PresenceAway))
		wantPresence(t, s, a, parley.PresenceAway, parley.PresenceAway)
		wantPresence(t, s, b, parley.PresenceOffline, parley.PresenceOffline)
		wantPresence(t, s, c, parley.PresenceOffline, parley.PresenceOffline)
	})

	t.Run("LeasesOfOthersAndOfTheGone", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w, other := mustWorkspace(t, s), mustWorkspace(t, s)
		a := mustAgent(t, s, w.ID)
		gone := mustAgent(t, s, w.ID)
		must(t, s.DeleteAgent(ctx, actor, w.ID, gone.ID))
		_, err := s.SetAgentPresence(ctx, w.ID, a.ID, parley.PresenceOnline, at(time.Second))
		must(t, err)
		// A lease naming a deleted agent, or an agent under another
		// workspace's ID, vouches for nobody and is no error.
		events, err := s.RenewPresenceLeases(ctx, "node-1", []parley.AgentRef{
			ref(gone), {WorkspaceID: other.ID, AgentID: a.ID}, {WorkspaceID: w.ID, AgentID: "no-such-agent"},
		}, at(time.Hour))
		must(t, err)
		wantEvents(t, events)
		events, err = s.ExpirePresence(ctx, at(2*time.Second))
		must(t, err)
		wantEvents(t, events, data(a, parley.PresenceOffline, parley.PresenceOnline))
		// Deleting an agent drops its leases.
		_, err = s.RenewPresenceLeases(ctx, "node-1", []parley.AgentRef{ref(a)}, at(time.Hour))
		must(t, err)
		must(t, s.DeleteAgent(ctx, actor, w.ID, a.ID))
		events, err = s.ExpirePresence(ctx, at(3*time.Second))
		must(t, err)
		wantEvents(t, events)
	})

	t.Run("NodesExpiringAtOnce", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w := mustWorkspace(t, s)
		const agents = 6
		for range agents {
			a := mustAgent(t, s, w.ID)
			_, err := s.SetAgentPresence(ctx, w.ID, a.ID, parley.PresenceOnline, at(time.Second))
			must(t, err)
		}
		var mu sync.Mutex
		var all []*parley.Event
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				events, err := s.ExpirePresence(ctx, at(2*time.Second))
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				all = append(all, events...)
				mu.Unlock()
			})
		}
		wg.Wait()
		if len(all) != agents {
			t.Errorf("%d nodes expiring at once returned %d events for %d agents, want one each", 8, len(all), agents)
		}
		list, err := s.ListEvents(ctx, w.ID, parley.ListOptions{Limit: 100})
		must(t, err)
		if n := countType(list.Items, parley.EventAgentPresenceChanged); n != 2*agents {
			t.Errorf("the outbox holds %d agent.presence_changed events, want %d (online, then offline, each)", n, 2*agents)
		}
	})
}

func countType(events []*parley.Event, typ parley.EventType) int {
	n := 0
	for _, ev := range events {
		if ev.Type == typ {
			n++
		}
	}
	return n
}
