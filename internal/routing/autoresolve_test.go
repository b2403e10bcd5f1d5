package routing_test

import (
	"encoding/json"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/routing"
	"github.com/parleychat/parley/internal/store"
)

// autoResolve sets the inbox's auto-resolve time.
func (w *world) autoResolve(t *testing.T, after time.Duration) {
	t.Helper()
	settings := w.inbox.Conversation
	settings.AutoResolveAfter = after
	in, err := w.s.UpdateInbox(t.Context(), system, w.ws.ID, w.inbox.ID, parley.InboxUpdate{Conversation: &settings})
	must(t, err)
	w.inbox = in
}

// resolvedInactive returns the IDs of the conversations of the events
// resolved for inactivity, checking each event and system line.
func resolvedInactive(t *testing.T, evs []*parley.Event, line string) []string {
	t.Helper()
	var ids []string
	lines := map[string]int{}
	for _, ev := range evs {
		switch ev.Type {
		case parley.EventMessageCreated:
			var d parley.MessageEventData
			must(t, json.Unmarshal(ev.Payload, &d))
			if d.Message.Kind != parley.KindEvent || d.Message.Body != line || d.Message.Sender.Type != parley.ParticipantSystem ||
				!d.Message.VisibleToVisitor() {
				t.Errorf("line %+v, want the visitor-visible system line %q", d.Message, line)
			}
			lines[ev.ConversationID]++
		case parley.EventConversationResolved:
			var d parley.ConversationEventData
			must(t, json.Unmarshal(ev.Payload, &d))
			if d.Reason != parley.ReasonInactive || d.By.Type != parley.ParticipantSystem || d.Conversation.Status != parley.StatusResolved {
				t.Errorf("resolved event %s", ev.Payload)
			}
			if lines[ev.ConversationID] != 1 {
				t.Errorf("%s resolved after %d system lines, want 1", ev.ConversationID, lines[ev.ConversationID])
			}
			ids = append(ids, ev.ConversationID)
		default:
			t.Errorf("unexpected event %s", ev.Type)
		}
	}
	return ids
}

// Conversations with no activity for the inbox's time are resolved with a
// system line; one with a message meanwhile, one snoozed until the
// visitor writes, and those of another inbox are not; and the report
// counts the unanswered ones as abandoned.
func TestAutoResolve(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		clk := w.withClock(t)
		ctx := t.Context()
		a := w.agents(t, 1, 0)[0]
		w.queue(t, parley.StrategyManual)
		w.autoResolve(t, 30*time.Minute)
		const line = "This conversation was closed after 30 minutes without activity."
		if got := parley.AutoResolveLine(30 * time.Minute); got != line {
			t.Fatalf("line %q", got)
		}
		// left: the visitor wrote, nobody answered. answered: an agent
		// holds it and answered. busy: written to later. snoozed: snoozed
		// until the visitor writes. open: created, never written in.
		ids := w.pending(t, 4)
		left, answered, busy, snoozed := ids[0], ids[1], ids[2], ids[3]
		open := &parley.Conversation{WorkspaceID: w.ws.ID, InboxID: w.inbox.ID, ContactID: w.contact.ID}
		_, err := w.s.CreateConversation(ctx, open, parley.Participant{Type: parley.ParticipantContact, ID: w.contact.ID})
		must(t, err)
		agentP := parley.Participant{Type: parley.ParticipantAgent, ID: a.ID}
		w.assign(t, answered, a.ID)
		_, err = w.s.AppendMessage(ctx, parley.MessageInput{WorkspaceID: w.ws.ID, ConversationID: answered, Kind: parley.KindText,
			Sender: parley.Sender{Type: parley.ParticipantAgent, ID: a.ID}, Body: "Hello!"})
		must(t, err)
		_, _, err = w.s.SnoozeConversation(ctx, w.ws.ID, snoozed, nil, agentP)
		must(t, err)
		// Another inbox without auto-resolve.
		other := &parley.Inbox{WorkspaceID: w.ws.ID, Name: "Other"}
		must(t, w.s.CreateInbox(ctx, system, other))
		elsewhere := &parley.Conversation{WorkspaceID: w.ws.ID, InboxID: other.ID, ContactID: w.contact.ID}
		_, err = w.s.CreateConversation(ctx, elsewhere, parley.Participant{Type: parley.ParticipantContact, ID: w.contact.ID})
		must(t, err)
		w.takeEvents()

		clk.Add(10 * time.Minute)
		_, err = w.s.AppendMessage(ctx, parley.MessageInput{WorkspaceID: w.ws.ID, ConversationID: busy, Kind: parley.KindText,
			Sender: parley.Sender{Type: parley.ParticipantContact, ID: w.contact.ID}, Body: "still there?"})
		must(t, err)
		clk.Add(20*time.Minute - time.Microsecond)
		if evs := w.sweep(t); len(evs) != 0 {
			t.Fatalf("before the time: %v", evs)
		}
		clk.Add(time.Microsecond)
		got := resolvedInactive(t, w.sweep(t), line)
		want := map[string]bool{left: true, answered: true, open.ID: true}
		if len(got) != len(want) {
			t.Fatalf("resolved %v, want %d", got, len(want))
		}
		for _, id := range got {
			if !want[id] {
				t.Errorf("resolved %s", id)
			}
			c, err := w.s.FindConversation(ctx, w.ws.ID, id)
			must(t, err)
			if c.Status != parley.StatusResolved {
				t.Errorf("%s is %s", id, c.Status)
			}
			ms, err := w.s.ListMessages(ctx, w.ws.ID, id, parley.MessageQuery{Limit: 10})
			must(t, err)
			if last := ms[len(ms)-1]; last.Kind != parley.KindEvent || last.Body != line {
				t.Errorf("%s last message %+v", id, last)
			}
		}
		if evs := w.sweep(t); len(evs) != 0 {
			t.Fatalf("a second sweep: %v", evs)
		}
		clk.Add(10 * time.Minute)
		if got := resolvedInactive(t, w.sweep(t), line); len(got) != 1 || got[0] != busy {
			t.Fatalf("resolved %v, want %s, 30 minutes after its last message", got, busy)
		}
		clk.Add(24 * time.Hour)
		if evs := w.sweep(t); len(evs) != 0 {
			t.Fatalf("snoozed until a reply, or in an inbox without auto-resolve: %v", evs)
		}

		// left and busy are abandoned (the visitor wrote, nobody replied);
		// answered was answered; open was never written in.
		facts, err := w.s.ReportFacts(ctx, w.ws.ID, time.Time{}.Add(time.Hour), clk.Now().Add(time.Hour))
		must(t, err)
		abandoned := map[string]bool{}
		for _, f := range facts {
			if f.Abandoned() {
				abandoned[f.ConversationID] = true
			}
		}
		if len(abandoned) != 2 || !abandoned[left] || !abandoned[busy] {
			t.Fatalf("abandoned %v, want %s and %s", abandoned, left, busy)
		}
		if rows := parley.BuildReport(facts, parley.ReportOptions{}); rows[0].Abandoned != 2 {
			t.Fatalf("report %+v", rows[0])
		}

		// Turned off, nothing more is resolved.
		w.autoResolve(t, 0)
		ids = w.pending(t, 1)
		clk.Add(parley.MaxAutoResolveAfter)
		if evs := w.sweep(t); len(evs) != 0 {
			t.Fatalf("with auto-resolve off: %v", evs)
		}
	})
}

// Two nodes sweeping at once resolve each inactive conversation once,
// with one system line.
func TestAutoResolveTwoNodes(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		clk := w.withClock(t)
		other, err := store.Open(t.Context(), w.url, slog.New(slog.DiscardHandler))
		must(t, err)
		t.Cleanup(func() { other.Close() })
		other.Now = clk.Now
		var (
			mu     sync.Mutex
			second []*parley.Event
		)
		r2, err := routing.New(routing.Config{Store: other, Now: clk.Now, Publish: func(evs ...*parley.Event) {
			mu.Lock()
			second = append(second, evs...)
			mu.Unlock()
		}})
		must(t, err)
		w.queue(t, parley.StrategyManual)
		w.autoResolve(t, time.Minute)
		ids := w.pending(t, 40)
		w.takeEvents()
		clk.Add(time.Minute)

		var wg sync.WaitGroup
		for _, r := range []*routing.Router{w.router, r2, w.router, r2} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := r.Sweep(t.Context()); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		evs := append(w.takeEvents(), second...)
		got := resolvedInactive(t, evs, "This conversation was closed after 1 minute without activity.")
		seen := map[string]int{}
		for _, id := range got {
			seen[id]++
		}
		for _, id := range ids {
			if seen[id] != 1 {
				t.Errorf("%s resolved %d times", id, seen[id])
			}
			ms, err := w.s.ListMessages(t.Context(), w.ws.ID, id, parley.MessageQuery{Limit: 10})
			must(t, err)
			lines := 0
			for _, m := range ms {
				if m.Kind == parley.KindEvent {
					lines++
				}
			}
			if lines != 1 {
				t.Errorf("%s has %d system lines", id, lines)
			}
		}
	})
}

// A conversation of another workspace's inbox with auto-resolve is
// resolved on its own time, not the first workspace's.
func TestAutoResolveWorkspaces(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		clk := w.withClock(t)
		w.autoResolve(t, time.Hour)
		mine := w.pending(t, 1)[0]
		ws2 := &parley.Workspace{Slug: w.ws.Slug + "-2", Name: "W2"}
		must(t, w.s.CreateWorkspace(t.Context(), system, ws2))
		in2 := &parley.Inbox{WorkspaceID: ws2.ID, Name: "Site", Conversation: parley.ConversationSettings{AutoResolveAfter: 2 * time.Hour}}
		must(t, w.s.CreateInbox(t.Context(), system, in2))
		c2 := &parley.Contact{WorkspaceID: ws2.ID, Name: "V2"}
		must(t, w.s.CreateContact(t.Context(), c2))
		theirs := &parley.Conversation{WorkspaceID: ws2.ID, InboxID: in2.ID, ContactID: c2.ID}
		_, err := w.s.CreateConversation(t.Context(), theirs, parley.Participant{Type: parley.ParticipantContact, ID: c2.ID})
		must(t, err)
		w.takeEvents()
		clk.Add(time.Hour)
		if got := resolvedInactive(t, w.sweep(t), parley.AutoResolveLine(time.Hour)); len(got) != 1 || got[0] != mine {
			t.Fatalf("after an hour: %v", got)
		}
		clk.Add(time.Hour)
		evs := w.sweep(t)
		if got := resolvedInactive(t, evs, parley.AutoResolveLine(2*time.Hour)); len(got) != 1 || got[0] != theirs.ID || evs[1].WorkspaceID != ws2.ID {
			t.Fatalf("after two hours: %v", got)
		}
	})
}

// A conversation snoozed until a time is inactive from the end of its
// snooze; a change such as a new priority is activity too.
func TestAutoResolveSnoozeAndChanges(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		clk := w.withClock(t)
		ctx := t.Context()
		w.autoResolve(t, 10*time.Minute)
		ids := w.pending(t, 2)
		snoozed, changed := ids[0], ids[1]
		until := clk.Now().Add(time.Hour)
		sys := parley.Participant{Type: parley.ParticipantSystem}
		_, _, err := w.s.SnoozeConversation(ctx, w.ws.ID, snoozed, &until, sys)
		must(t, err)
		clk.Add(5 * time.Minute)
		_, _, err = w.s.SetConversationPriority(ctx, w.ws.ID, changed, 2, sys)
		must(t, err)
		w.takeEvents()
		clk.Add(10*time.Minute - time.Microsecond)
		if evs := w.sweep(t); len(evs) != 0 {
			t.Fatalf("10 minutes after the start, 5 after the change: %v", evs)
		}
		clk.Add(time.Microsecond)
		line := parley.AutoResolveLine(10 * time.Minute)
		if got := resolvedInactive(t, w.sweep(t), line); len(got) != 1 || got[0] != changed {
			t.Fatalf("resolved %v, want %s 10 minutes after its change", got, changed)
		}
		clk.Add(until.Add(10*time.Minute - time.Microsecond).Sub(clk.Now()))
		if evs := w.sweep(t); len(evs) != 0 {
			t.Fatalf("before 10 minutes after the snooze: %v", evs)
		}
		clk.Add(time.Microsecond)
		if got := resolvedInactive(t, w.sweep(t), line); len(got) != 1 || got[0] != snoozed {
			t.Fatalf("resolved %v, want %s 10 minutes after its snooze ended", got, snoozed)
		}
	})
}

// Messages arriving while two nodes sweep: a conversation is never
// resolved for inactivity after a message, so its system line, if any,
// comes before the message, and a conversation is left pending (reopened
// or never resolved) by the message.
func TestAutoResolveRacesMessages(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		clk := w.withClock(t)
		other, err := store.Open(t.Context(), w.url, slog.New(slog.DiscardHandler))
		must(t, err)
		t.Cleanup(func() { other.Close() })
		other.Now = clk.Now
		r2, err := routing.New(routing.Config{Store: other, Now: clk.Now})
		must(t, err)
		w.queue(t, parley.StrategyManual)
		w.autoResolve(t, time.Minute)
		ids := w.pending(t, 30)
		clk.Add(time.Minute)

		var wg sync.WaitGroup
		for _, r := range []*routing.Router{w.router, r2} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := r.Sweep(t.Context()); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, id := range ids {
				if _, err := w.s.AppendMessage(t.Context(), parley.MessageInput{WorkspaceID: w.ws.ID, ConversationID: id,
					Kind: parley.KindText, Sender: parley.Sender{Type: parley.ParticipantContact, ID: w.contact.ID}, Body: "back"}); err != nil {
					t.Error(err)
				}
			}
		}()
		wg.Wait()
		for _, id := range ids {
			ms, err := w.s.ListMessages(t.Context(), w.ws.ID, id, parley.MessageQuery{Limit: 10})
			must(t, err)
			if last := ms[len(ms)-1]; last.Body != "back" {
				t.Errorf("%s: the last message is %q, want the visitor's: resolved after it", id, last.Body)
			}
			c, err := w.s.FindConversation(t.Context(), w.ws.ID, id)
			must(t, err)
			if c.Status != parley.StatusPending {
				t.Errorf("%s is %s after the visitor wrote", id, c.Status)
			}
		}
	})
}
