package client

import (
	"context"
	"strconv"
	"strings"
)

// maxCursor bounds a feed cursor's length: an int64 in decimal.
const maxCursor = 19

// feedState is how the Conn follows the feed. Guarded by Conn.mu.
type feedState struct {
	on bool // following the feed
	// resume: followed with a cursor, so each event frame carries its
	// cursor and a new connection resumes after pos.
	resume bool
	pos    int64 // the cursor of the last event Next returned (or the one subscribed with)
	cursor bool  // pos is set: the feed was followed with a cursor once
}

// parseCursor reads a feed cursor: the decimal number of an event in the
// event feed, "0" for the beginning. It refuses what the server refuses.
func parseCursor(s string) (int64, error) {
	bad := &Error{Code: CodeInvalid, Detail: "The cursor is not one the event feed returned."}
	if s == "" || len(s) > maxCursor || strings.Trim(s, "0123456789") != "" {
		return 0, bad
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, bad
	}
	return n, nil
}

// SubscribeFeedAfter follows the workspace's conversation events (staff
// with conversations:read) from the event feed, after cursor: every
// conversation.* event committed since — those of the time the bot was
// away first, then the live ones — each once, in feed order, as FrameEvent
// frames whose Cursor is the event's position. "0" starts from the oldest
// event; an event frame's Cursor, FeedCursor, or a Page.NextCursor of the
// event feed (GET /api/v1/events) resume after it. A Conn never returns an
// event twice: it resumes after the later of cursor and FeedCursor.
//
// After a reconnection (automatic or Reconnect) the Conn follows the feed
// again after the cursor of the last event Next returned, so the
// application sees each event once, in order, across reconnections. To
// resume in a later process, persist FeedCursor (or each event's Cursor
// once handled) and pass it here.
//
// A cursor that is not a decimal number of at most 19 digits is refused
// with CodeInvalid, without a request; so is any cursor on a visitor's
// connection (by the server). Either way the feed stays as it was.
func (conn *Conn) SubscribeFeedAfter(ctx context.Context, cursor string) error {
	after, err := parseCursor(cursor)
	if err != nil {
		return err
	}
	conn.mu.Lock()
	prev := conn.feed
	conn.feed.on, conn.feed.resume, conn.feed.cursor = true, true, true
	conn.feed.pos = max(conn.feed.pos, after)
	from := conn.feed.pos
	conn.mu.Unlock()
	_, err = conn.request(ctx, wireRequest{Type: "subscribe_feed", Cursor: strconv.FormatInt(from, 10)})
	if ErrorCode(err) != "" {
		// Refused: the server left the feed as it was, and so does the
		// Conn (its position too, unless events moved it meanwhile).
		conn.mu.Lock()
		conn.feed.on, conn.feed.resume, conn.feed.cursor = prev.on, prev.resume, prev.cursor
		if conn.feed.pos == from {
			conn.feed.pos = prev.pos
		}
		conn.mu.Unlock()
	}
	return err
}

// FeedCursor returns the cursor of the last feed event Next returned on a
// feed followed with SubscribeFeedAfter (or the cursor it was given, if no
// event came since): where the Conn resumes the feed after a
// reconnection. Persist it to resume in a later process. It is "" when
// the feed was never followed with a cursor.
func (conn *Conn) FeedCursor() string {
	conn.mu.Lock()
	defer conn.mu.Unlock()
	if !conn.feed.cursor {
		return ""
	}
	return strconv.FormatInt(conn.feed.pos, 10)
}

// feedRequest is the request that follows the feed again on a new
// connection. conn.mu is held.
func (conn *Conn) feedRequest(id string) wireRequest {
	req := wireRequest{Type: "subscribe_feed", ID: id}
	if conn.feed.resume {
		req.Cursor = strconv.FormatInt(conn.feed.pos, 10)
	}
	return req
}

// acceptEvent reports whether the application is to see the feed event f:
// one at or before the feed's position was seen already (it was waiting in
// the buffer when the Conn reconnected, and came again). conn.mu is held.
func (conn *Conn) acceptEvent(f *Frame) bool {
	if f.Cursor == "" {
		return true // a live feed: no position
	}
	n, err := parseCursor(f.Cursor)
	if err != nil {
		return true
	}
	if n <= conn.feed.pos {
		return false
	}
	conn.feed.pos = n
	return true
}
