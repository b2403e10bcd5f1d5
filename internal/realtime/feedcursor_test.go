package realtime_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/realtime"
)

// A bot follows the feed with a cursor, disconnects, misses events
// committed meanwhile, and reconnects with the last cursor it received:
// it sees every conversation.* event of the outbox exactly once, in feed
// order, the missed ones first and then the live ones.
func TestFeedResumesFromCursor(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t, func(c *realtime.Config) { c.Feed = e.store })
	_, session := e.newAgent(t, parley.RoleAgent)
	contact, _ := e.newVisitor(t, e.inbox)

	seen := map[string]int{}               // event ID → times seen
	types := map[string]parley.EventType{} // event ID → type
	var last int64
	cursors := map[string]int64{} // event ID → the cursor of its frame
	count := func(typ parley.EventType) int {
		n := 0
		for _, ty := range types {
			if ty == typ {
				n++
			}
		}
		return n
	}
	// follow reads event frames until want conversations have been
	// created and queued, checking that cursors only grow.
	follow := func(bot *client, want int) {
		t.Helper()
		deadline := time.Now().Add(wait)
		for count(parley.EventConversationCreated) < want || count(parley.EventConversationQueued) < want {
			f := bot.readUntil(deadline)
			if f.Type != "event" {
				t.Fatalf("got %s while following the feed", f.raw)
			}
			cur, err := strconv.ParseInt(f.Cursor, 10, 64)
			if err != nil || cur <= last {
				t.Fatalf("event frame with cursor %q after %d: %s", f.Cursor, last, f.raw)
			}
			ev := f.event(t)
			if !strings.HasPrefix(string(ev.Type), "conversation.") {
				t.Fatalf("feed carried %s", f.raw)
			}
			last = cur
			cursors[ev.ID] = cur
			seen[ev.ID]++
			types[ev.ID] = ev.Type
		}
	}
	startSome := func(k int) {
		for range k {
			conv := e.start(t, contact)
			e.send(t, e.visitorOf(contact), conv.ID, parley.KindText, "hello") // conversation.queued
		}
	}

	bot := n.connect(t, session)
	if f := bot.request(map[string]any{"type": "subscribe_feed", "cursor": "0"}); f.Type != "feed_subscribed" {
		t.Fatalf("subscribe_feed: %s", f.raw)
	}
	startSome(3)
	follow(bot, 3)
	bot.ws.CloseNow()

	startSome(4) // while the bot is away

	bot = n.connect(t, session)
	if f := bot.request(map[string]any{"type": "subscribe_feed", "cursor": strconv.FormatInt(last, 10)}); f.Type != "feed_subscribed" {
		t.Fatalf("subscribe_feed: %s", f.raw)
	}
	follow(bot, 7)
	startSome(2) // live again
	follow(bot, 9)
	// Everything sent so far has arrived: nothing else is on its way.
	for _, f := range untilPong(t, bot) {
		t.Errorf("after every event: %s", f.raw)
	}

	var want []string
	opt := parley.ListOptions{Limit: parley.MaxListLimit}
	for {
		l, err := e.store.ListEvents(t.Context(), e.ws.ID, opt)
		must(t, err)
		for _, ev := range l.Items {
			if strings.HasPrefix(string(ev.Type), "conversation.") {
				want = append(want, ev.ID)
			}
		}
		if l.Next == "" {
			break
		}
		opt.After = l.Next
	}
	if len(want) != 18 {
		t.Fatalf("the outbox holds %d conversation events, want 18 (9 created, 9 queued)", len(want))
	}
	for _, id := range want {
		if seen[id] != 1 {
			t.Errorf("event %s seen %d times", id, seen[id])
		}
	}
	// The cursors are the event feed's (GET /api/v1/events' next_cursor).
	feed, err := e.store.ListFeedEvents(t.Context(), e.ws.ID, 0, 1000)
	must(t, err)
	for _, fe := range feed {
		if c, ok := cursors[fe.Event.ID]; ok && c != fe.Seq {
			t.Errorf("event %s came with cursor %d; the feed numbers it %d", fe.Event.ID, c, fe.Seq)
		}
	}
	if len(seen) != len(want) {
		t.Errorf("the bot saw %d events, the outbox holds %d", len(seen), len(want))
	}
}

// A cursor that the feed did not return, or one where there is no feed
// to resume, is refused; the feed stays as it was.
func TestFeedCursorRefused(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	withFeed := e.newNode(t, func(c *realtime.Config) { c.Feed = e.store })
	withoutFeed := e.newNode(t)
	_, session := e.newAgent(t, parley.RoleAgent)
	_, visitorToken := e.newVisitor(t, e.inbox)
	for _, tc := range []struct {
		name   string
		node   *node
		token  string
		cursor string
	}{
		{"letters", withFeed, session, "abc"},
		{"negative", withFeed, session, "-1"},
		{"plus sign", withFeed, session, "+5"},
		{"exponent", withFeed, session, "1e3"},
		{"too long", withFeed, session, strings.Repeat("9", 20)},
		{"beyond int64", withFeed, session, "9999999999999999999"},
		{"NUL", withFeed, session, "1\x00"},
		{"a visitor", withFeed, visitorToken, "0"},
		{"no feed on the server", withoutFeed, session, "0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.node.connect(t, tc.token)
			f := c.request(map[string]any{"type": "subscribe_feed", "cursor": tc.cursor})
			if f.Type != "error" || f.Code != "invalid" {
				t.Fatalf("cursor %q: %s", tc.cursor, f.raw)
			}
			for _, f := range untilPong(t, c) {
				t.Errorf("after the refusal: %s", f.raw)
			}
		})
	}
}
