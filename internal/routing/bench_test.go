package routing_test

import (
	"log/slog"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/routing"
	"github.com/parleychat/parley/internal/store"
	"github.com/parleychat/parley/internal/testenv"
)

// BenchmarkRouteWaiting measures how long the router takes to place each
// conversation when 1,000 wait and 200 agents (capacity 10 each) are
// online: the gap between two assignments it publishes, p50 and p99, with
// the queue still long. Run it with -benchtime=1x (see docs/performance.md).
func BenchmarkRouteWaiting(b *testing.B) {
	for _, e := range []struct {
		name string
		url  func(b *testing.B) string
	}{
		{"SQLite", func(b *testing.B) string { return "sqlite:" + filepath.Join(b.TempDir(), "p.db") }},
		{"Postgres", func(b *testing.B) string { return testenv.PostgresURL(b) }},
	} {
		b.Run(e.name, func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				s, err := store.Open(b.Context(), e.url(b), slog.New(slog.DiscardHandler))
				if err != nil {
					b.Fatal(err)
				}
				w := &world{s: s}
				setup(b, w)
				var stamps []time.Time
				r, err := routing.New(routing.Config{Store: s, Publish: func(...*parley.Event) { stamps = append(stamps, time.Now()) }})
				if err != nil {
					b.Fatal(err)
				}
				q, err := s.DefaultQueue(b.Context(), w.ws.ID)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				start := time.Now()
				n, err := r.RouteQueue(b.Context(), w.ws.ID, q.ID)
				if err != nil || n != 1000 {
					b.Fatalf("assigned %d: %v", n, err)
				}
				b.StopTimer()
				gaps := make([]time.Duration, 0, len(stamps))
				prev := start
				for _, st := range stamps {
					gaps = append(gaps, st.Sub(prev))
					prev = st
				}
				slices.Sort(gaps)
				b.ReportMetric(float64(gaps[len(gaps)/2].Microseconds()), "p50-µs/assignment")
				b.ReportMetric(float64(gaps[len(gaps)*99/100].Microseconds()), "p99-µs/assignment")
				s.Close()
			}
		})
	}
}

// setup fills w with a workspace, 200 online agents of capacity 10, and
// 1,000 conversations waiting in its round-robin default queue.
func setup(b *testing.B, w *world) {
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
	for range 200 {
		a := &parley.Agent{WorkspaceID: w.ws.ID, Email: testenv.Unique() + "@example.com", Name: "A", Role: parley.RoleAgent, Capacity: 10}
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
	for range 1000 {
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
