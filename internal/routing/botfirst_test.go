package routing_test

import (
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/conversation"
	"github.com/parleychat/parley/internal/routing"
)

// botRouter returns a router on w's store with the clock, whose automatic
// hand-offs go through a real conversation service.
func (w *world) botRouter(t *testing.T, clk *clock) *routing.Router {
	t.Helper()
	conv, err := conversation.New(conversation.Config{Store: w.s, Now: clk.Now})
	must(t, err)
	t.Cleanup(func() { conv.Close() })
	r, err := routing.New(routing.Config{Store: w.s, Now: clk.Now, HandOffSilentBot: conv.HandOffSilentBot,
		Publish: func(evs ...*parley.Event) {
			w.mu.Lock()
			w.events = append(w.events, evs...)
			w.mu.Unlock()
		}})
	must(t, err)
	return r
}

// handOffs returns the conversation.handed_off events of a conversation.
func handOffs(t *testing.T, w *world, conversationID string) []parley.Handoff {
	t.Helper()
	var out []parley.Handoff
	after := ""
	for {
		l, err := w.s.ListEvents(t.Context(), w.ws.ID, parley.ListOptions{After: after, Limit: parley.MaxListLimit})
		must(t, err)
		for _, e := range l.Items {
			if e.ConversationID == conversationID && e.Type == parley.EventConversationHandedOff {
				var d parley.ConversationEventData
				must(t, json.Unmarshal(e.Payload, &d))
				out = append(out, *d.Handoff)
			}
		}
		if l.Next == "" {
			return out
		}
		after = l.Next
	}
}

// A queue of strategy bot gives every conversation to its bot at once —
// offline and holding many — and Parley hands off to people, with the
// note and the visitor's line, the conversations whose visitor the bot
// has left waiting longer than the queue's bot timeout; exactly at the
// timeout, not before, and once with two routers racing.
func TestBotFirstAndSilentBotHandOff(t *testing.T) {
	engines(t, func(t *testing.T, w *world) {
		clk := w.withClock(t)
		w.router = w.botRouter(t, clk)
		ctx := t.Context()
		bot := &parley.Agent{WorkspaceID: w.ws.ID, Email: "faq@bots.example", Name: "FAQ", Role: parley.RoleAgent, Bot: true}
		must(t, w.s.CreateAgent(ctx, system, bot, ""))
		people := w.agents(t, 1, 0)[0]
		w.presence(t, people.ID, parley.PresenceOnline)
		humans := &parley.Queue{WorkspaceID: w.ws.ID, Name: "Humans", Strategy: parley.StrategyRoundRobin}
		must(t, w.s.CreateQueue(ctx, system, humans))
		q := w.queue(t, parley.StrategyManual)

		// Bad settings are refused.
		for name, upd := range map[string]parley.QueueUpdate{
			"NotABot":          {BotID: &people.ID},
			"UnknownBot":       {BotID: ptr("01900000-0000-7000-8000-0000000000ff")},
			"HandOffToSelf":    {BotID: &bot.ID, HandoffQueueID: &q.ID},
			"TimeoutNoQueue":   {BotID: &bot.ID, BotTimeout: ptr(time.Minute)},
			"BotStrategyNoBot": {Strategy: ptr(parley.StrategyBot)},
		} {
			if _, err := w.s.UpdateQueue(ctx, system, w.ws.ID, q.ID, upd); parley.ErrorCode(err) != parley.EINVALID {
				t.Errorf("%s: %v, want EINVALID", name, err)
			}
		}
		q, err := w.s.UpdateQueue(ctx, system, w.ws.ID, q.ID, parley.QueueUpdate{Strategy: ptr(parley.StrategyBot),
			BotID: &bot.ID, BotTimeout: ptr(30 * time.Second), HandoffQueueID: &humans.ID})
		must(t, err)
		if q.BotID != bot.ID || q.BotTimeout != 30*time.Second || q.HandoffQueueID != humans.ID {
			t.Fatalf("queue %+v", q)
		}

		convs := w.pending(t, 3)
		w.sweep(t)
		if load := w.load(t); load[bot.ID] != 3 || load[people.ID] != 0 {
			t.Fatalf("load %v, want all 3 with the bot", load)
		}
		// The bot answers the first; the others' visitors keep waiting.
		res, err := w.s.AppendMessages(ctx, []parley.MessageInput{{WorkspaceID: w.ws.ID, ConversationID: convs[0],
			Kind: parley.KindText, Sender: parley.Sender{Type: parley.ParticipantBot, ID: bot.ID}, Body: "We open at nine."}})
		must(t, err)
		must(t, res[0].Err)

		clk.Add(30*time.Second - time.Microsecond)
		w.sweep(t)
		for _, id := range convs {
			if h := handOffs(t, w, id); len(h) != 0 {
				t.Fatalf("handed off before the timeout: %+v", h)
			}
		}
		// Two routers at the timeout: each waiting conversation once.
		other := w.botRouter(t, clk)
		clk.Add(time.Microsecond)
		var wg sync.WaitGroup
		for _, r := range []*routing.Router{w.router, other} {
			wg.Go(func() { must(t, r.Sweep(ctx)) })
		}
		wg.Wait()
		if h := handOffs(t, w, convs[0]); len(h) != 0 {
			t.Errorf("the answered conversation was handed off: %+v", h)
		}
		for _, id := range convs[1:] {
			h := handOffs(t, w, id)
			if len(h) != 1 || !h[0].Automatic || h[0].QueueID != humans.ID || h[0].Reason != parley.ReasonBotSilent {
				t.Fatalf("hand-offs of %s: %+v, want one, automatic, to the humans", id, h)
			}
			msgs, err := w.s.ListMessages(ctx, w.ws.ID, id, parley.MessageQuery{Limit: 50, IncludeNotes: true})
			must(t, err)
			var note, line bool
			for _, m := range msgs {
				note = note || (m.Kind == parley.KindNote && m.Body == "Handed off automatically: the bot did not answer in time")
				line = line || (m.Kind == parley.KindEvent && m.Body == parley.HandoffLine)
			}
			if !note || !line {
				t.Errorf("%s: note %v, visitor's line %v", id, note, line)
			}
		}
		// The people's queue routes them to the person online.
		w.sweep(t)
		if load := w.load(t); load[people.ID] != 2 || load[bot.ID] != 1 {
			t.Fatalf("load after the hand-off %v", load)
		}
	})
}

func ptr[T any](v T) *T { return &v }
