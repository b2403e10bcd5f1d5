package conversation_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/conversation"
)

// TestBatchedSends has 100 senders write at once into a few conversations:
// each gets its own message back, with the seq it is stored under, and
// every conversation's seqs run 1…n without a gap — with the default group
// commit (a batch is what queued during the previous commit) and with a
// batch window.
func TestBatchedSends(t *testing.T) {
	for _, tc := range []struct {
		name   string
		window time.Duration
	}{
		{"GroupCommit", 0},
		{"Window", 5 * time.Millisecond}, // lets batches form even under -race
	} {
		t.Run(tc.name, func(t *testing.T) { testBatchedSends(t, tc.window) })
	}
}

func testBatchedSends(t *testing.T, window time.Duration) {
	e := newEnv(t, func(cfg *conversation.Config) { cfg.BatchWindow = window })
	const senders, convs = 100, 5
	conversations := make([]*parley.Conversation, convs)
	callers := make([]conversation.Caller, convs)
	for i := range conversations {
		c := e.newContact(t)
		conversations[i] = e.start(t, c)
		callers[i] = e.visitorOf(c)
	}
	results := make([]*conversation.SendResult, senders)
	for _, err := range race(senders, func(i int) error {
		caller := callers[i%convs]
		if i%3 == 0 {
			caller = e.as(e.agent)
		}
		var err error
		results[i], err = e.svc.Send(t.Context(), caller, conversation.SendInput{
			ConversationID: conversations[i%convs].ID, Body: fmt.Sprint("message ", i), ClientID: fmt.Sprint("c", i),
		})
		return err
	}) {
		must(t, err)
	}
	for i, r := range results {
		if r.Message.Body != fmt.Sprint("message ", i) || r.Message.ConversationID != conversations[i%convs].ID || r.Duplicate {
			t.Errorf("sender %d got %+v", i, r.Message)
		}
	}
	for _, conv := range conversations {
		msgs, err := e.svc.Messages(t.Context(), e.as(e.agent), conv.ID, parley.MessageQuery{Limit: parley.MaxListLimit})
		must(t, err)
		var seqs, want []int64
		for i, m := range msgs {
			seqs = append(seqs, m.Seq)
			want = append(want, int64(i+1))
			var n int
			fmt.Sscanf(m.Body, "message %d", &n)
			if results[n].Message.Seq != m.Seq || results[n].Message.ID != m.ID {
				t.Errorf("message %d stored as seq %d, its sender was told seq %d", n, m.Seq, results[n].Message.Seq)
			}
		}
		diff(t, want, seqs)
		if len(msgs) != senders/convs {
			t.Errorf("%d messages in a conversation, want %d", len(msgs), senders/convs)
		}
	}
}

func TestIdempotentSend(t *testing.T) {
	e := newEnv(t)
	conv := e.pending(t)
	visitor := e.visitorOf(e.visitor)
	in := conversation.SendInput{ConversationID: conv.ID, Body: "Once", ClientID: "retry"}
	results := make([]*conversation.SendResult, 20)
	for _, err := range race(len(results), func(i int) error {
		var err error
		results[i], err = e.svc.Send(t.Context(), visitor, in)
		return err
	}) {
		must(t, err)
	}
	originals := 0
	for _, r := range results {
		if !r.Duplicate {
			originals++
		}
		if r.Message.ID != results[0].Message.ID || r.Message.Seq != 2 {
			t.Errorf("got message %s seq %d", r.Message.ID, r.Message.Seq)
		}
	}
	diff(t, 1, originals)
	msgs, err := e.svc.Messages(t.Context(), visitor, conv.ID, parley.MessageQuery{})
	must(t, err)
	if len(msgs) != 2 {
		t.Errorf("%d messages, want 2", len(msgs))
	}
}

// TestNotesNeverReachVisitors sends notes beside visitor-visible messages
// and looks for them on every path a visitor has: history, single message,
// unread count, and the visitor's bus subject.
func TestNotesNeverReachVisitors(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	conv := e.pending(t)
	visitor, agent := e.visitorOf(e.visitor), e.as(e.agent)
	visitorSubj, err := e.svc.ConversationSubject(e.ws.ID, conv.ID, conversation.AudienceVisitor)
	must(t, err)
	staffSubj, err := e.svc.ConversationSubject(e.ws.ID, conv.ID, conversation.AudienceStaff)
	must(t, err)
	everything, err := e.svc.ConversationWildcard(e.ws.ID, conv.ID)
	must(t, err)
	agentHeard := listen(t, e.bus, everything)

	note, err := e.svc.Send(ctx, agent, conversation.SendInput{ConversationID: conv.ID, Kind: parley.KindNote, Body: "Owes us money"})
	must(t, err)
	_, err = e.svc.Edit(ctx, agent, note.Message.ID, "Owes us a lot of money")
	must(t, err)
	reply := e.send(t, agent, conv.ID, "Happy to help!")
	must(t, e.svc.Typing(ctx, agent, conv.ID, true))
	_, err = e.svc.Delete(ctx, agent, note.Message.ID)
	must(t, err)
	last := e.send(t, agent, conv.ID, "Anything else?")

	e.heard.waitForMessage(t, visitorSubj, last.Message.ID)
	for _, ev := range e.heard.on(visitorSubj) {
		if ev.Type == conversation.NotifyTyping {
			var d conversation.TypingData
			must(t, json.Unmarshal(ev.Payload, &d))
			if d.Note {
				t.Errorf("typing in a note reached the visitor: %s", ev.Payload)
			}
			continue
		}
		if m := messageOf(t, ev); m != nil && !m.VisibleToVisitor() {
			t.Errorf("note reached the visitor: %s", ev.Payload)
		}
	}
	diff(t, []parley.EventType{
		parley.EventConversationCreated, parley.EventMessageCreated, parley.EventConversationQueued, // e.pending
		parley.EventMessageCreated, parley.EventMessageCreated,
	}, e.heard.typesOn(visitorSubj))
	waitFor(t, "the note's events on the staff subject", func() bool { return len(e.heard.on(staffSubj)) == 4 })
	diff(t, []parley.EventType{parley.EventMessageCreated, parley.EventMessageUpdated, conversation.NotifyTyping, parley.EventMessageDeleted},
		e.heard.typesOn(staffSubj))
	// An agent's one wildcard subscription hears both.
	agentHeard.waitForMessage(t, staffSubj, note.Message.ID)
	agentHeard.waitForMessage(t, visitorSubj, last.Message.ID)

	// History, even when the visitor asks for notes.
	msgs, err := e.svc.Messages(ctx, visitor, conv.ID, parley.MessageQuery{IncludeNotes: true, Limit: parley.MaxListLimit})
	must(t, err)
	for _, m := range msgs {
		if m.Kind == parley.KindNote {
			t.Errorf("note in the visitor's history: %+v", m)
		}
	}
	if len(msgs) != 3 {
		t.Errorf("visitor history holds %d messages, want 3", len(msgs))
	}
	backwards, err := e.svc.Messages(ctx, visitor, conv.ID, parley.MessageQuery{BeforeSeq: last.Message.Seq + 1, Limit: 2, IncludeNotes: true})
	must(t, err)
	diff(t, []string{reply.Message.ID, last.Message.ID}, []string{backwards[0].ID, backwards[1].ID})
	// The agent's view has it.
	all, err := e.svc.Messages(ctx, agent, conv.ID, parley.MessageQuery{IncludeNotes: true})
	must(t, err)
	if !slices.ContainsFunc(all, func(m *parley.Message) bool { return m.ID == note.Message.ID }) {
		t.Error("note missing from the agent's history")
	}
	// Unread: the two replies, never the notes.
	note2, err := e.svc.Send(ctx, agent, conversation.SendInput{ConversationID: conv.ID, Kind: parley.KindNote, Body: "Second note"})
	must(t, err)
	n, err := e.svc.UnreadCount(ctx, visitor, conv.ID)
	must(t, err)
	diff(t, 2, n)
	_, err = e.svc.Message(ctx, visitor, note2.Message.ID)
	wantCode(t, err, parley.ENOTFOUND)
}

func TestNotifications(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	feed, err := e.svc.FeedSubject(e.ws.ID)
	must(t, err)
	conv := e.start(t, e.visitor)
	subj, err := e.svc.ConversationSubject(e.ws.ID, conv.ID, conversation.AudienceVisitor)
	must(t, err)

	r := e.send(t, e.visitorOf(e.visitor), conv.ID, "Hello?")
	_, err = e.svc.Assign(ctx, e.as(e.agent), conv.ID, e.agent.ID)
	must(t, err)
	pos, err := e.svc.MarkRead(ctx, e.as(e.agent), conv.ID, 1)
	must(t, err)
	diff(t, int64(1), pos)
	must(t, e.svc.Typing(ctx, e.as(e.agent), conv.ID, false))

	want := []parley.EventType{
		parley.EventConversationCreated, parley.EventMessageCreated, parley.EventConversationQueued,
		parley.EventConversationAssigned, conversation.NotifyRead, conversation.NotifyTyping,
	}
	waitFor(t, "the notifications of the conversation", func() bool { return len(e.heard.on(subj)) == len(want) })
	diff(t, want, e.heard.typesOn(subj))
	evs := e.heard.on(subj)
	diff(t, r.Message, messageOf(t, evs[1]))
	if evs[1].ID == "" || evs[1].ConversationID != conv.ID || evs[1].WorkspaceID != e.ws.ID {
		t.Errorf("notification %+v", evs[1])
	}
	var read parley.ReadState
	must(t, json.Unmarshal(evs[4].Payload, &read))
	diff(t, parley.Participant{Type: parley.ParticipantAgent, ID: e.agent.ID}, read.Participant)
	diff(t, int64(1), read.LastReadSeq)
	// The notification is the outbox's event, byte for byte.
	stored, err := e.store.ListEvents(ctx, e.ws.ID, parley.ListOptions{Limit: parley.MaxListLimit})
	must(t, err)
	if !slices.ContainsFunc(stored.Items, func(s *parley.Event) bool {
		return s.ID == evs[1].ID && string(s.Payload) == string(evs[1].Payload)
	}) {
		t.Error("the notification is not the stored event")
	}

	waitFor(t, "the feed", func() bool { return len(e.heard.on(feed)) == 3 })
	diff(t, []parley.EventType{parley.EventConversationCreated, parley.EventConversationQueued, parley.EventConversationAssigned},
		e.heard.typesOn(feed))
}

func TestTypingThrottled(t *testing.T) {
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	var clock atomic.Int64
	clock.Store(now.UnixNano())
	e := newEnv(t, func(cfg *conversation.Config) {
		cfg.TypingInterval = time.Second
		cfg.Now = func() time.Time { return time.Unix(0, clock.Load()) }
	})
	ctx := t.Context()
	conv := e.start(t, e.visitor)
	subj, err := e.svc.ConversationSubject(e.ws.ID, conv.ID, conversation.AudienceVisitor)
	must(t, err)
	visitor := e.visitorOf(e.visitor)
	for range 5 {
		must(t, e.svc.Typing(ctx, visitor, conv.ID, false))
	}
	clock.Add(int64(time.Second))
	must(t, e.svc.Typing(ctx, visitor, conv.ID, false))
	must(t, e.svc.Typing(ctx, e.as(e.agent), conv.ID, false))
	// A marker after the typing notifications: when it arrives, they have.
	last := e.send(t, e.as(e.agent), conv.ID, "marker")
	e.heard.waitForMessage(t, subj, last.Message.ID)
	diff(t, []parley.EventType{parley.EventConversationCreated,
		conversation.NotifyTyping, conversation.NotifyTyping, conversation.NotifyTyping, parley.EventMessageCreated},
		e.heard.typesOn(subj))
	wantCode(t, e.svc.Typing(ctx, e.visitorOf(e.newContact(t)), conv.ID, false), parley.ENOTFOUND)
}

func TestClose(t *testing.T) {
	e := newEnv(t)
	conv := e.pending(t)
	agent := e.as(e.agent)
	// Sends in flight when Close begins are committed, not dropped.
	const n = 50
	results := make([]*conversation.SendResult, n)
	errs := make(chan error, n)
	for i := range n {
		go func() {
			var err error
			results[i], err = e.svc.Send(context.Background(), agent, conversation.SendInput{ConversationID: conv.ID, Body: fmt.Sprint(i)})
			errs <- err
		}()
	}
	must(t, e.svc.Close())
	stored := 0
	for range n {
		switch err := <-errs; parley.ErrorCode(err) {
		case "":
			stored++
		case parley.EUNAVAILABLE:
		default:
			t.Errorf("send during close: %v", err)
		}
	}
	msgs, err := e.store.ListMessages(t.Context(), e.ws.ID, conv.ID, parley.MessageQuery{AfterSeq: 1, Limit: parley.MaxListLimit})
	must(t, err)
	diff(t, stored, len(msgs))
	_, err = e.svc.Send(t.Context(), agent, conversation.SendInput{ConversationID: conv.ID, Body: "late"})
	wantCode(t, err, parley.EUNAVAILABLE)
	must(t, e.svc.Close())
}

func TestNewConfig(t *testing.T) {
	_, err := conversation.New(conversation.Config{})
	if err == nil {
		t.Error("New without a store succeeded")
	}
	e := newEnv(t)
	_, err = conversation.New(conversation.Config{Store: e.store, Bus: e.bus})
	if err == nil {
		t.Error("New with a bus but no subject function succeeded")
	}
	// Without a bus the service works and publishes nothing.
	svc, err := conversation.New(conversation.Config{Store: e.store})
	must(t, err)
	defer svc.Close()
	conv := e.start(t, e.visitor)
	r, err := svc.Send(t.Context(), e.visitorOf(e.visitor), conversation.SendInput{ConversationID: conv.ID, Body: "x"})
	must(t, err)
	diff(t, int64(1), r.Message.Seq)
	_, err = svc.FeedSubject(e.ws.ID)
	if err == nil {
		t.Error("FeedSubject without a subject function succeeded")
	}
}
