package routing_test

import (
	"context"
	"fmt"
	"log/slog"
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

// Agents and capacity of BenchmarkRouteWaiting: 2,000 places in all.
const (
	benchAgents   = 200
	benchCapacity = 10
)

// BenchmarkRouteWaiting measures how long routing takes to place each
// conversation while 100, 1,000 or 10,000 wait in one round-robin queue
// and 200 agents (capacity 10 each, so 2,000 places) are online: the gap
// between two assignments a router publishes, p50 and p99, while the
// queue is still long. Nodes=2 runs two routers, each with its own store
// (pool) on the same database, placing the same queue at once, as two
// nodes do; each router's gaps are counted. Run it with -benchtime=1x
// (see docs/performance.md).
func BenchmarkRouteWaiting(b *testing.B) {
	for _, e := range []struct {
		name  string
		url   func(b *testing.B) string
		nodes int
	}{
		{"SQLite", func(b *testing.B) string { return "sqlite:" + filepath.Join(b.TempDir(), "p.db") }, 1},
		{"Postgres", func(b *testing.B) string { return testenv.PostgresURL(b) }, 1},
		{"Postgres/nodes=2", func(b *testing.B) string { return testenv.PostgresURL(b) }, 2},
	} {
		for _, waiting := range []int{100, 1000, 10000} {
			b.Run(fmt.Sprintf("%s/waiting=%d", e.name, waiting), func(b *testing.B) {
				for range b.N {
					benchRoute(b, e.url(b), e.nodes, waiting)
				}
			})
		}
	}
}

// benchRoute fills a fresh database at url with waiting conversations and
// lets nodes routers place them; it reports the gaps between assignments.
func benchRoute(b *testing.B, url string, nodes, waiting int) {
	b.StopTimer()
	ctx := b.Context()
	w := &world{}
	var stores []*store.Store
	for range nodes {
		s, err := store.Open(ctx, url, slog.New(slog.DiscardHandler))
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		stores = append(stores, s)
	}
	w.s = stores[0]
	setup(b, w, waiting)
	q, err := w.s.DefaultQueue(ctx, w.ws.ID)
	if err != nil {
		b.Fatal(err)
	}
	var (
		mu    sync.Mutex
		gaps  []time.Duration
		total int
		wg    sync.WaitGroup
	)
	b.StartTimer()
	for _, s := range stores {
		wg.Go(func() {
			var stamps []time.Time
			r, err := routing.New(routing.Config{Store: s, Publish: func(...*parley.Event) { stamps = append(stamps, time.Now()) }})
			if err != nil {
				b.Error(err)
				return
			}
			start := time.Now()
			n, err := r.RouteQueue(context.Background(), w.ws.ID, q.ID)
			if err != nil {
				b.Error(err)
			}
			mu.Lock()
			defer mu.Unlock()
			total += n
			prev := start
			for _, st := range stamps {
				gaps = append(gaps, st.Sub(prev))
				prev = st
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	if want := min(waiting, benchAgents*benchCapacity); total != want {
		b.Fatalf("assigned %d, want %d", total, want)
	}
	slices.Sort(gaps)
	b.ReportMetric(float64(gaps[len(gaps)/2].Microseconds()), "p50-µs/assignment")
	b.ReportMetric(float64(gaps[len(gaps)*99/100].Microseconds()), "p99-µs/assignment")
	b.ReportMetric(float64(gaps[len(gaps)-1].Microseconds()), "max-µs/assignment")
}

// setup fills w with a workspace, 200 online agents of capacity 10, and
// waiting conversations in its round-robin default queue.
func setup(b *testing.B, w *world, waiting int) {
	ctx := b.Context()
	w.ws = &parley.Workspace{Slug: "ws-" + testenv.Unique(), Name: "W"}
	if err := w.s.CreateWorkspace(ctx, system, w.ws); err != nil {
		b.Fatal(err)
	}
	w.inbox = &parley.Inbox{WorkspaceID: w.ws.ID, Name: "Site"}
	if err := w.s.CreateInbox(ctx, system, w.inbox); err != nil {
		b.Fatal(err)
	}
	w.contact = &parley.Contact{WorkspaceID: w.ws.ID, Name: "V"}
	if err := w.s.CreateContact(ctx, w.contact); err != nil {
		b.Fatal(err)
	}
	for range benchAgents {
		a := &parley.Agent{WorkspaceID: w.ws.ID, Email: testenv.Unique() + "@example.com", Name: "A", Role: parley.RoleAgent,
			Capacity: benchCapacity}
		if err := w.s.CreateAgent(ctx, system, a, ""); err != nil {
			b.Fatal(err)
		}
		if _, err := w.s.SetAgentPresence(ctx, w.ws.ID, a.ID, parley.PresenceOnline, time.Time{}); err != nil {
			b.Fatal(err)
		}
	}
	q, err := w.s.DefaultQueue(ctx, w.ws.ID)
	if err != nil {
		b.Fatal(err)
	}
	st := parley.StrategyRoundRobin
	if _, err := w.s.UpdateQueue(ctx, system, w.ws.ID, q.ID, parley.QueueUpdate{Strategy: &st}); err != nil {
		b.Fatal(err)
	}
	var ins []parley.MessageInput
	for range waiting {
		c := &parley.Conversation{WorkspaceID: w.ws.ID, InboxID: w.inbox.ID, ContactID: w.contact.ID}
		if _, err := w.s.CreateConversation(ctx, c, parley.Participant{Type: parley.ParticipantContact, ID: w.contact.ID}); err != nil {
			b.Fatal(err)
		}
		ins = append(ins, parley.MessageInput{WorkspaceID: w.ws.ID, ConversationID: c.ID, Kind: parley.KindText,
			Sender: parley.Sender{Type: parley.ParticipantContact, ID: w.contact.ID}, Body: "hi"})
	}
	for len(ins) > 0 {
		chunk := ins[:min(len(ins), 200)]
		ins = ins[len(chunk):]
		if _, err := w.s.AppendMessages(ctx, chunk); err != nil {
			b.Fatal(err)
		}
	}
}
