package client_test

// A bot resumes the workspace feed from a cursor (docs/client.md, "Resuming
// the feed"): every conversation.* event of the event feed reaches it once,
// in feed order, across disconnections — whether it subscribes again itself
// or the Conn reconnects by itself.

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/testenv"
)

// feedLog is what a bot saw of the feed: event IDs in arrival order, with
// their cursors.
type feedLog struct {
	ids     []string
	cursors []string
	types   map[string]string
}

// read reads event frames from conn until want conversations have been
// created and queued in all, checking that each frame carries a cursor
// later than the one before.
func (l *feedLog) read(t *testing.T, conn *client.Conn, want int) {
	t.Helper()
	if l.types == nil {
		l.types = map[string]string{}
	}
	count := func(typ string) int {
		n := 0
		for _, id := range l.ids {
			if l.types[id] == typ {
				n++
			}
		}
		return n
	}
	for count("conversation.created") < want || count("conversation.queued") < want {
		f := next(t, conn, client.FrameEvent)
		cur, err := strconv.ParseInt(f.Cursor, 10, 64)
		if err != nil {
			t.Fatalf("event frame without a cursor: %s", f.Raw)
		}
		if n := len(l.cursors); n > 0 {
			prev, _ := strconv.ParseInt(l.cursors[n-1], 10, 64)
			if cur <= prev {
				t.Fatalf("cursor %d after %d: %s", cur, prev, f.Raw)
			}
		}
		if !strings.HasPrefix(f.FeedEvent.Type, "conversation.") {
			t.Fatalf("the feed carried %s", f.Raw)
		}
		if got := conn.FeedCursor(); got != f.Cursor {
			t.Fatalf("FeedCursor() = %q after the event with cursor %q", got, f.Cursor)
		}
		l.ids = append(l.ids, f.FeedEvent.ID)
		l.cursors = append(l.cursors, f.Cursor)
		l.types[f.FeedEvent.ID] = f.FeedEvent.Type
	}
}

// last returns the cursor of the last event seen.
func (l *feedLog) last() string { return l.cursors[len(l.cursors)-1] }

// check compares the log with the event feed read over REST: the same
// conversation.* events, each once, in the same order, with the feed's
// cursors.
func (l *feedLog) check(t *testing.T, e *env) {
	t.Helper()
	var want, wantCursors []string
	cursor := ""
	for {
		page := e.rest(t, 0, "GET", "/api/v1/events?types=conversation.*&limit=1&cursor="+cursor, e.token, nil, 200)
		items, _ := page["items"].([]any)
		if len(items) == 0 {
			break
		}
		cursor, _ = page["next_cursor"].(string)
		want = append(want, items[0].(map[string]any)["id"].(string))
		wantCursors = append(wantCursors, cursor)
	}
	if !slices.Equal(l.ids, want) {
		t.Errorf("the bot saw events\n%v\nthe event feed holds\n%v", l.ids, want)
	}
	if !slices.Equal(l.cursors, wantCursors) {
		t.Errorf("the bot saw cursors %v, the event feed's are %v", l.cursors, wantCursors)
	}
}

// startSome has a visitor start k conversations and write in each:
// conversation.created, then conversation.queued.
func startSome(t *testing.T, visitor *client.Client, k int) {
	t.Helper()
	for range k {
		startConversation(t, visitor)
	}
}

// A bot follows the feed from "0", closes its connection, misses events,
// and follows it again on a new connection after the last cursor it saw:
// it gets exactly the missed events, once, in order, then the live ones.
func TestSubscribeFeedAfter(t *testing.T) {
	topologies(t, func(t *testing.T, e *env) {
		ctx := t.Context()
		visitor, _ := e.visitor(t, 0)
		bot := e.admin(t, e.last())
		var log feedLog

		conn := connect(t, bot)
		if got := conn.FeedCursor(); got != "" {
			t.Fatalf("FeedCursor() before any subscription = %q", got)
		}
		must(t, conn.SubscribeFeedAfter(ctx, "0"))
		if got := conn.FeedCursor(); got != "0" {
			t.Fatalf("FeedCursor() after SubscribeFeedAfter(0) = %q", got)
		}
		startSome(t, visitor, 2)
		log.read(t, conn, 2)
		saved := conn.FeedCursor()
		must(t, conn.Close())

		startSome(t, visitor, 3) // while the bot is away

		conn = connect(t, bot)
		must(t, conn.SubscribeFeedAfter(ctx, saved))
		log.read(t, conn, 5)
		startSome(t, visitor, 1) // live again
		log.read(t, conn, 6)
		log.check(t, e)
	})
}

// With automatic reconnection, a Conn following the feed with a cursor
// follows it again after the last event Next returned: the events
// committed while it was cut off arrive once, in order, with nothing
// repeated from before.
func TestFeedCursorSurvivesReconnect(t *testing.T) {
	topologies(t, func(t *testing.T, e *env) {
		ctx := t.Context()
		visitor, _ := e.visitor(t, 0)
		// A network path to node 0, cut below and then pointed at the last node.
		p := testenv.NewGate(t, hostPort(e.nodes[0].url))
		bot := e.client(t, "http://"+p.Addr(), client.WithToken(e.token))
		conn := connect(t, bot, client.WithAutoReconnect(10*time.Millisecond, 100*time.Millisecond))
		var log feedLog

		must(t, conn.SubscribeFeedAfter(ctx, "0"))
		startSome(t, visitor, 2)
		log.read(t, conn, 2)

		p.SetOpen(false)
		p.Cut()
		waitFor(t, func() bool { return !conn.Connected() })
		startSome(t, visitor, 3) // while the bot is cut off
		p.Point(hostPort(e.nodes[e.last()].url))
		p.SetOpen(true)

		log.read(t, conn, 5)
		startSome(t, visitor, 1) // live again
		log.read(t, conn, 6)
		log.check(t, e)
	})
}

// A cursor the event feed did not return is refused with the documented
// error (CodeInvalid), by the Conn before any request; a cursor on a
// visitor's connection, by the server. The feed stays as it was.
func TestSubscribeFeedAfterRefused(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	conn := connect(t, e.admin(t, 0))
	for _, cursor := range []string{"", "abc", "-1", "+5", "1e3", " 1", strings.Repeat("9", 20), "9999999999999999999", "1\x00"} {
		if err := conn.SubscribeFeedAfter(ctx, cursor); client.ErrorCode(err) != client.CodeInvalid {
			t.Errorf("cursor %q: %v, want %s", cursor, err, client.CodeInvalid)
		}
		if got := conn.FeedCursor(); got != "" {
			t.Errorf("FeedCursor() after cursor %q was refused = %q", cursor, got)
		}
	}
	// The Conn's check is the server's: a raw subscribe_feed says the same.
	if _, err := conn.Request(ctx, "subscribe_feed", map[string]any{"cursor": "abc"}); client.ErrorCode(err) != client.CodeInvalid {
		t.Errorf("raw subscribe_feed with cursor abc: %v", err)
	}

	// A feed followed with a cursor goes on as it was after a refusal.
	visitor, _ := e.visitor(t, 0)
	var log feedLog
	must(t, conn.SubscribeFeedAfter(ctx, "0"))
	startSome(t, visitor, 1)
	log.read(t, conn, 1)
	if err := conn.SubscribeFeedAfter(ctx, "abc"); client.ErrorCode(err) != client.CodeInvalid {
		t.Errorf("cursor abc on a followed feed: %v", err)
	}
	if got := conn.FeedCursor(); got != log.last() {
		t.Errorf("FeedCursor() after a refusal = %q, want %q", got, log.last())
	}
	startSome(t, visitor, 1)
	log.read(t, conn, 2)
	log.check(t, e)

	vconn := connect(t, visitor)
	if err := vconn.SubscribeFeedAfter(ctx, "0"); client.ErrorCode(err) != client.CodeInvalid {
		t.Errorf("a visitor's SubscribeFeedAfter: %v, want %s", err, client.CodeInvalid)
	}
	if got := vconn.FeedCursor(); got != "" {
		t.Errorf("FeedCursor() after the server refused the cursor = %q", got)
	}
	// Its live feed still works.
	must(t, vconn.SubscribeFeed(ctx))
}

// Reconnect with events received but not yet returned by Next: the Conn
// follows the feed again after the last event Next returned, so those come
// again on the new connection, and Next drops the copies — each event is
// returned once, in order.
func TestFeedCursorReconnectWithUnreadEvents(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	visitor, _ := e.visitor(t, 0)
	conn := connect(t, e.admin(t, 0))
	var log feedLog

	must(t, conn.SubscribeFeedAfter(ctx, "0"))
	startSome(t, visitor, 3)
	log.read(t, conn, 1) // the rest is on its way, or waiting in the buffer
	must(t, conn.Reconnect(ctx))
	log.read(t, conn, 3)
	startSome(t, visitor, 1) // live: anything repeated would come before it
	log.read(t, conn, 4)
	log.check(t, e)
}

// A Conn never returns a feed event twice: UnsubscribeFeed keeps
// FeedCursor, and SubscribeFeedAfter with an earlier cursor resumes after
// FeedCursor. SubscribeFeed turns the feed live: its frames carry no
// cursor.
func TestFeedCursorPosition(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	visitor, _ := e.visitor(t, 0)
	conn := connect(t, e.admin(t, 0))
	var log feedLog

	must(t, conn.SubscribeFeedAfter(ctx, "0"))
	startSome(t, visitor, 1)
	log.read(t, conn, 1)
	must(t, conn.UnsubscribeFeed(ctx))
	if got := conn.FeedCursor(); got != log.last() {
		t.Fatalf("FeedCursor() after UnsubscribeFeed = %q, want %q", got, log.last())
	}
	must(t, conn.SubscribeFeedAfter(ctx, "0")) // earlier than FeedCursor
	startSome(t, visitor, 1)
	log.read(t, conn, 2) // fails on a repeated event: its cursor would not grow
	log.check(t, e)

	must(t, conn.SubscribeFeed(ctx))
	startSome(t, visitor, 1)
	for _, typ := range []string{"conversation.created", "conversation.queued"} {
		f := next(t, conn, client.FrameEvent)
		if f.FeedEvent.Type != typ || f.Cursor != "" {
			t.Fatalf("live feed: got %s, want %s without a cursor", f.Raw, typ)
		}
	}
}
