package routing_test

import (
	"context"
	"log/slog"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/routing"
	"github.com/parleychat/parley/internal/store"
	"github.com/parleychat/parley/internal/testenv"
)

var system = parley.Actor{Type: parley.ActorSystem}

// world is a workspace with an inbox, a contact, and a router on a store.
type world struct {
	url     string // of the database, for a second node
	s       *store.Store
	ws      *parley.Workspace
	inbox   *parley.Inbox
	contact *parley.Contact
	router  *routing.Router

	mu     sync.Mutex
	events []*parley.Event // published by the router
}

// engines runs fn on SQLite, and on PostgreSQL when it is configured.
func engines(t *testing.T, fn func(t *testing.T, w *world)) {
	for _, e := range []struct {
		name string
		url  func(t *testing.T) string
	}{
		{"SQLite", func(t *testing.T) string { return "sqlite:" + filepath.Join(t.TempDir(), "p.db") }},
		{"Postgres", func(t *testing.T) string { return testenv.PostgresURL(t) }},
	} {
		t.Run(e.name, func(t *testing.T) {
			url := e.url(t)
			s, err := store.Open(t.Context(), url, slog.New(slog.DiscardHandler))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			ctx := t.Context()
			w := &world{url: url, s: s, ws: &parley.Workspace{Slug: "ws-" + testenv.Unique(), Name: "W"}}
			must(t, s.CreateWorkspace(ctx, system, w.ws))
			w.inbox = &parley.Inbox{WorkspaceID: w.ws.ID, Name: "Site"}
			must(t, s.CreateInbox(ctx, system, w.inbox))
			w.contact = &parley.Contact{WorkspaceID: w.ws.ID, Name: "V"}
			must(t, s.CreateContact(ctx, w.contact))
			w.router, err = routing.New(routing.Config{Store: s, Publish: func(evs ...*parley.Event) {
				w.mu.Lock()
				w.events = append(w.events, evs...)
				w.mu.Unlock()
			}})
			must(t, err)
			fn(t, w)
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// agents creates n online agents of capacity c, ordered by ID.
func (w *world) agents(t *testing.T, n, c int) []*parley.Agent {
	t.Helper()
	var out []*parley.Agent
	for range n {
		a := &parley.Agent{WorkspaceID: w.ws.ID, Email: testenv.Unique() + "@example.com", Name: "A", Role: parley.RoleAgent, Capacity: c}
		must(t, w.s.CreateAgent(t.Context(), system, a, ""))
		w.presence(t, a.ID, parley.PresenceOnline)
		out = append(out, a)
	}
	return out
}

func (w *world) presence(t *testing.T, agentID string, p parley.Presence) {
	t.Helper()
	_, err := w.s.SetAgentPresence(t.Context(), w.ws.ID, agentID, p, time.Time{})
	must(t, err)
}

// queue sets the default queue's strategy and returns it.
func (w *world) queue(t *testing.T, st parley.Strategy) *parley.Queue {
	t.Helper()
	q, err := w.s.DefaultQueue(t.Context(), w.ws.ID)
	must(t, err)
	q, err = w.s.UpdateQueue(t.Context(), system, w.ws.ID, q.ID, parley.QueueUpdate{Strategy: &st})
	must(t, err)
	return q
}

// pending creates n conversations and makes them pending with one batch
// of visitor messages; they wait in creation order.
func (w *world) pending(t *testing.T, n int) []string {
	t.Helper()
	ids := make([]string, 0, n)
	ins := make([]parley.MessageInput, 0, n)
	for range n {
		c := &parley.Conversation{WorkspaceID: w.ws.ID, InboxID: w.inbox.ID, ContactID: w.contact.ID}
		_, err := w.s.CreateConversation(t.Context(), c, parley.Participant{Type: parley.ParticipantContact, ID: w.contact.ID})
		must(t, err)
		ids = append(ids, c.ID)
		ins = append(ins, parley.MessageInput{WorkspaceID: w.ws.ID, ConversationID: c.ID, Kind: parley.KindText,
			Sender: parley.Sender{Type: parley.ParticipantContact, ID: w.contact.ID}, Body: "hi"})
	}
	for len(ins) > 0 {
		chunk := ins[:min(len(ins), 200)]
		ins = ins[len(chunk):]
		res, err := w.s.AppendMessages(t.Context(), chunk)
		must(t, err)
		for _, r := range res {
			must(t, r.Err)
		}
	}
	return ids
}

// load returns how many conversations each agent holds.
func (w *world) load(t *testing.T) map[string]int {
	t.Helper()
	out := map[string]int{}
	after := ""
	for {
		l, err := w.s.ListConversations(t.Context(), w.ws.ID, parley.ConversationFilter{
			Status: []parley.ConversationStatus{parley.StatusAssigned}, ListOptions: parley.ListOptions{After: after, Limit: parley.MaxListLimit}})
		must(t, err)
		for _, c := range l.Items {
			out[c.AssigneeID]++
		}
		if l.Next == "" {
			return out
		}
		after = l.Next
	}
}

func (w *world) route(t *testing.T, q *parley.Queue) int {
	t.Helper()
	n, err := w.router.RouteQueue(t.Context(), w.ws.ID, q.ID)
	must(t, err)
	return n
}

func (w *world) assign(t *testing.T, convID, agentID string) {
	t.Helper()
	_, _, err := w.s.AssignConversation(t.Context(), w.ws.ID, convID, agentID, parley.Participant{Type: parley.ParticipantSystem})
	must(t, err)
}

func TestRoundRobinIsFair(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		agents := w.agents(t, 10, 0)
		q := w.queue(t, parley.StrategyRoundRobin)
		w.pending(t, 1000)
		if n := w.route(t, q); n != 1000 {
			t.Fatalf("assigned %d, want 1000", n)
		}
		load := w.load(t)
		for _, a := range agents {
			if got := load[a.ID]; got < 99 || got > 101 {
				t.Errorf("agent holds %d, want 100 ± 1", got)
			}
		}
		if len(w.events) != 1000 || w.events[0].Type != parley.EventConversationAssigned {
			t.Errorf("published %d events", len(w.events))
		}
	})
}

func TestLeastBusy(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		a := w.agents(t, 3, 0)
		q := w.queue(t, parley.StrategyManual)
		ids := w.pending(t, 6)
		// a0 holds 2, a1 and a2 one each; a2 was given its own first, so
		// it has been idle longer than a1.
		w.assign(t, ids[0], a[2].ID)
		w.assign(t, ids[1], a[1].ID)
		w.assign(t, ids[2], a[0].ID)
		w.assign(t, ids[3], a[0].ID)
		q = w.queue(t, parley.StrategyLeastBusy)
		if n := w.route(t, q); n != 2 {
			t.Fatalf("assigned %d", n)
		}
		c4, err := w.s.FindConversation(t.Context(), w.ws.ID, ids[4])
		must(t, err)
		c5, err := w.s.FindConversation(t.Context(), w.ws.ID, ids[5])
		must(t, err)
		if c4.AssigneeID != a[2].ID || c5.AssigneeID != a[1].ID {
			t.Errorf("got %s then %s; want the idler of the least busy (a2) then a1", c4.AssigneeID, c5.AssigneeID)
		}
	})
}

func TestLongestIdle(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		a := w.agents(t, 3, 0)
		q := w.queue(t, parley.StrategyManual)
		ids := w.pending(t, 6)
		w.assign(t, ids[0], a[1].ID)
		w.assign(t, ids[1], a[0].ID)
		w.assign(t, ids[2], a[0].ID)
		q = w.queue(t, parley.StrategyLongestIdle)
		if n := w.route(t, q); n != 3 {
			t.Fatalf("assigned %d", n)
		}
		var got []string
		for _, id := range ids[3:] {
			c, err := w.s.FindConversation(t.Context(), w.ws.ID, id)
			must(t, err)
			got = append(got, c.AssigneeID)
		}
		// a2 never had one; a1's last is older than a0's.
		if !slices.Equal(got, []string{a[2].ID, a[1].ID, a[0].ID}) {
			t.Errorf("order = %v, want a2, a1, a0", got)
		}
	})
}

// Automatic strategies give conversations only to online agents under
// capacity; the queue's capacity replaces the agents' own; a manual queue
// is left alone.
func TestOnlineUnderCapacity(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		a := w.agents(t, 2, 2)
		bot := &parley.Agent{WorkspaceID: w.ws.ID, Email: "bot@example.com", Name: "Bot", Role: parley.RoleAgent, Bot: true}
		must(t, w.s.CreateAgent(t.Context(), system, bot, ""))
		w.presence(t, bot.ID, parley.PresenceOnline)
		w.presence(t, a[1].ID, parley.PresenceAway)
		q := w.queue(t, parley.StrategyManual)
		w.pending(t, 5)
		if n := w.route(t, q); n != 0 {
			t.Fatalf("manual queue: assigned %d", n)
		}
		q = w.queue(t, parley.StrategyRoundRobin)
		if n := w.route(t, q); n != 2 {
			t.Fatalf("assigned %d, want 2 (a0's capacity)", n)
		}
		w.presence(t, a[1].ID, parley.PresenceOnline)
		if n := w.route(t, q); n != 2 {
			t.Fatalf("assigned %d, want 2 (a1 came online)", n)
		}
		three := 3
		q, err := w.s.UpdateQueue(t.Context(), system, w.ws.ID, q.ID, parley.QueueUpdate{Capacity: &three})
		must(t, err)
		if n := w.route(t, q); n != 1 {
			t.Fatalf("assigned %d, want 1 (capacity 3 by the queue)", n)
		}
		load := w.load(t)
		if load[bot.ID] != 0 || load[a[0].ID]+load[a[1].ID] != 5 || load[a[0].ID] > 3 || load[a[1].ID] > 3 {
			t.Errorf("load = %v", load)
		}
	})
}

// Many routers (as on many nodes) racing over one queue never assign a
// conversation twice nor put an agent over capacity.
func TestConcurrentRouters(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		const agents, capacity, convs, routers = 5, 4, 40, 6
		as := w.agents(t, agents, capacity)
		q := w.queue(t, parley.StrategyLeastBusy)
		ids := w.pending(t, convs)
		var wg sync.WaitGroup
		counts := make([]int, routers)
		for i := range routers {
			r, err := routing.New(routing.Config{Store: w.s})
			must(t, err)
			wg.Go(func() {
				n, err := r.RouteQueue(context.Background(), w.ws.ID, q.ID)
				if err != nil {
					t.Error(err)
				}
				counts[i] = n
			})
		}
		wg.Wait()
		total := 0
		for _, n := range counts {
			total += n
		}
		if total != agents*capacity {
			t.Errorf("routers assigned %d in all, want %d", total, agents*capacity)
		}
		load := w.load(t)
		for _, a := range as {
			if load[a.ID] != capacity {
				t.Errorf("agent holds %d, want %d", load[a.ID], capacity)
			}
		}
		for _, id := range ids {
			if n := assignedEvents(t, w, id); n > 1 {
				t.Errorf("conversation assigned %d times", n)
			}
		}
	})
}

func assignedEvents(t *testing.T, w *world, conversationID string) int {
	t.Helper()
	n, after := 0, ""
	for {
		l, err := w.s.ListEvents(t.Context(), w.ws.ID, parley.ListOptions{After: after, Limit: parley.MaxListLimit})
		must(t, err)
		for _, e := range l.Items {
			if e.ConversationID == conversationID && e.Type == parley.EventConversationAssigned {
				n++
			}
		}
		if l.Next == "" {
			return n
		}
		after = l.Next
	}
}

// A randomized run: conversations arrive, agents come and go, conversations
// are resolved, one or two routers route; after every step no agent holds
// more than its capacity, every assigned conversation has one assignee,
// and when a single router has run, nothing waits while an online agent
// has room.
func TestRandomizedInvariants(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		seed := uint64(time.Now().UnixNano())
		t.Logf("seed %d", seed)
		rng := rand.New(rand.NewPCG(seed, 1))
		const capacity = 3
		as := w.agents(t, 6, capacity)
		online := map[string]bool{}
		for _, a := range as {
			online[a.ID] = true
		}
		strategies := []parley.Strategy{parley.StrategyRoundRobin, parley.StrategyLeastBusy, parley.StrategyLongestIdle}
		q := w.queue(t, strategies[rng.IntN(len(strategies))])
		second, err := routing.New(routing.Config{Store: w.s})
		must(t, err)
		ctx := t.Context()
		for step := range 60 {
			switch op := rng.IntN(5); op {
			case 0, 1:
				w.pending(t, 1+rng.IntN(4))
			case 2:
				a := as[rng.IntN(len(as))]
				online[a.ID] = !online[a.ID]
				p := parley.PresenceOffline
				if online[a.ID] {
					p = parley.PresenceOnline
				}
				w.presence(t, a.ID, p)
			case 3:
				l, err := w.s.ListConversations(ctx, w.ws.ID, parley.ConversationFilter{Status: []parley.ConversationStatus{parley.StatusAssigned}})
				must(t, err)
				if len(l.Items) > 0 {
					c := l.Items[rng.IntN(len(l.Items))]
					_, _, err := w.s.ResolveConversation(ctx, w.ws.ID, c.ID, parley.Participant{Type: parley.ParticipantSystem})
					must(t, err)
				}
			case 4:
				st := strategies[rng.IntN(len(strategies))]
				q = w.queue(t, st)
			}
			concurrent := rng.IntN(2) == 0
			if concurrent {
				var wg sync.WaitGroup
				for _, r := range []*routing.Router{w.router, second} {
					wg.Go(func() {
						if _, err := r.RouteQueue(context.Background(), w.ws.ID, q.ID); err != nil {
							t.Error(err)
						}
					})
				}
				wg.Wait()
			}
			w.route(t, q) // a last pass alone: whatever can be placed is
			load := w.load(t)
			room := false
			for _, a := range as {
				if load[a.ID] > capacity {
					t.Fatalf("step %d: agent over capacity: %d", step, load[a.ID])
				}
				room = room || (online[a.ID] && load[a.ID] < capacity)
			}
			waiting, err := w.s.NextPending(ctx, w.ws.ID, q.ID, 1)
			must(t, err)
			if room && len(waiting) > 0 {
				t.Fatalf("step %d: a conversation waits while an online agent has room (load %v)", step, load)
			}
		}
	})
}

// Run routes what arrives once kicked, and sweeps what it was not told of.
func TestRunKickAndSweep(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		a := w.agents(t, 1, 0)
		q := w.queue(t, parley.StrategyRoundRobin)
		r, err := routing.New(routing.Config{Store: w.s, Interval: 50 * time.Millisecond})
		must(t, err)
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan struct{})
		go func() { r.Run(ctx); close(done) }()
		t.Cleanup(func() { cancel(); <-done })
		ids := w.pending(t, 3)
		r.Kick(w.ws.ID)
		deadline := time.Now().Add(10 * time.Second)
		for w.load(t)[a[0].ID] != len(ids) {
			if time.Now().After(deadline) {
				t.Fatalf("load = %v, want %d", w.load(t), len(ids))
			}
			time.Sleep(10 * time.Millisecond)
		}
		_ = q
	})
}

// Two nodes — two stores with their own connection pools on one database,
// each with its own router — place conversations that keep arriving while
// agents come and go: every conversation is assigned once at most, no
// agent goes over capacity, and in the end nothing waits while an online
// agent has room.
func TestTwoNodes(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		other, err := store.Open(t.Context(), w.url, slog.New(slog.DiscardHandler))
		must(t, err)
		t.Cleanup(func() { other.Close() })
		const capacity = 5
		as := w.agents(t, 8, capacity)
		q := w.queue(t, parley.StrategyLeastBusy)
		second, err := routing.New(routing.Config{Store: other})
		must(t, err)
		ctx := t.Context()
		var ids []string
		for round := range 10 {
			ids = append(ids, w.pending(t, 6)...)
			a := as[round%len(as)]
			p := parley.PresenceOffline
			if round%2 == 1 {
				p = parley.PresenceOnline
			}
			_, err := other.SetAgentPresence(ctx, w.ws.ID, a.ID, p, time.Time{})
			must(t, err)
			var wg sync.WaitGroup
			for _, r := range []*routing.Router{w.router, second} {
				wg.Go(func() {
					if _, err := r.RouteQueue(context.Background(), w.ws.ID, q.ID); err != nil {
						t.Error(err)
					}
				})
			}
			wg.Wait()
			for id, n := range w.load(t) {
				if n > capacity {
					t.Fatalf("round %d: agent %s holds %d", round, id, n)
				}
			}
		}
		w.route(t, q)
		for _, id := range ids {
			if n := assignedEvents(t, w, id); n > 1 {
				t.Errorf("conversation assigned %d times", n)
			}
		}
		cands, err := w.s.RoutingCandidates(ctx, w.ws.ID, q.ID)
		must(t, err)
		waiting, err := w.s.NextPending(ctx, w.ws.ID, q.ID, 1)
		must(t, err)
		if len(cands) > 0 && len(waiting) > 0 {
			t.Errorf("a conversation waits while %d agents have room", len(cands))
		}
	})
}

// A conversation queued outside its queue's business hours is marked and
// waits: automatic strategies leave a closed queue alone until it opens,
// 09:00 Berlin time, whichever side of a daylight-saving change.
func TestBusinessHoursHoldRouting(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		var (
			mu  sync.Mutex
			now time.Time
		)
		clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
		set := func(t time.Time) { mu.Lock(); now = t; mu.Unlock() }
		w.s.Now = clock
		router, err := routing.New(routing.Config{Store: w.s, Now: clock})
		must(t, err)
		w.agents(t, 1, 0)
		q := w.queue(t, parley.StrategyRoundRobin)
		hours := parley.BusinessHours{TimeZone: "Europe/Berlin"}
		for d := time.Monday; d <= time.Friday; d++ {
			hours.Weekly[d] = []parley.HoursInterval{{Start: "09:00", End: "17:00"}}
		}
		q, err = w.s.UpdateQueue(t.Context(), system, w.ws.ID, q.ID, parley.QueueUpdate{Hours: &hours})
		must(t, err)
		outside := func(id string) bool {
			t.Helper()
			c, err := w.s.FindConversation(t.Context(), w.ws.ID, id)
			must(t, err)
			return c.OutsideHours
		}
		for _, tc := range []struct {
			name     string
			queuedAt time.Time // a Saturday
			before   time.Time // Monday 08:59 in Berlin
			opens    time.Time // Monday 09:00 in Berlin
		}{
			// Clocks go forward on Sunday 29 March 2026: 09:00 is 07:00 UTC.
			{"spring", time.Date(2026, 3, 28, 20, 0, 0, 0, time.UTC),
				time.Date(2026, 3, 30, 6, 59, 0, 0, time.UTC), time.Date(2026, 3, 30, 7, 0, 0, 0, time.UTC)},
			// Clocks go back on Sunday 25 October 2026: 09:00 is 08:00 UTC.
			{"autumn", time.Date(2026, 10, 24, 20, 0, 0, 0, time.UTC),
				time.Date(2026, 10, 26, 7, 59, 0, 0, time.UTC), time.Date(2026, 10, 26, 8, 0, 0, 0, time.UTC)},
		} {
			set(tc.queuedAt)
			id := w.pending(t, 1)[0]
			if !outside(id) {
				t.Errorf("%s: queued on a Saturday, not marked outside hours", tc.name)
			}
			set(tc.before)
			if n, err := router.RouteQueue(t.Context(), w.ws.ID, q.ID); err != nil || n != 0 {
				t.Fatalf("%s: before opening: assigned %d, %v", tc.name, n, err)
			}
			set(tc.opens)
			if n, err := router.RouteQueue(t.Context(), w.ws.ID, q.ID); err != nil || n != 1 {
				t.Fatalf("%s: at opening: assigned %d, %v", tc.name, n, err)
			}
			if !outside(id) {
				t.Errorf("%s: the mark went when it was assigned", tc.name)
			}
			// Queued while open: not marked, assigned at once.
			id = w.pending(t, 1)[0]
			if outside(id) {
				t.Errorf("%s: queued while open, marked outside hours", tc.name)
			}
			if n, err := router.RouteQueue(t.Context(), w.ws.ID, q.ID); err != nil || n != 1 {
				t.Fatalf("%s: while open: assigned %d, %v", tc.name, n, err)
			}
		}
	})
}
