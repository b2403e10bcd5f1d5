package realtime

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/parleychat/parley"
)

// FeedReader reads the event feed of GET /api/v1/events; the store
// (parley.WebhookStore) implements it.
type FeedReader interface {
	// FanOutEvents numbers the outbox's events committed so far in the
	// feed (and fans them out to webhooks); see parley.WebhookStore.
	FanOutEvents(ctx context.Context, limit int) (int, error)
	// ListFeedEvents returns the workspace's events numbered after after.
	ListFeedEvents(ctx context.Context, workspaceID string, after int64, limit int) ([]*parley.FeedEvent, error)
}

const (
	// feedPage is how many feed events one read takes.
	feedPage = 200
	// feedPoll is how often a feed followed with a cursor is read even
	// when no notice came: a notice may arrive before its event is
	// numbered (by another node's fan-out, still committing).
	feedPoll = time.Second
	// maxCursor bounds a cursor's length (an int64 in decimal).
	maxCursor = 19
)

// parseCursor reads a feed cursor: the decimal number of an event in the
// feed, 0 for the beginning.
func parseCursor(s string) (int64, error) {
	bad := parley.Errorf(parley.EINVALID, "The cursor is not one the event feed returned.")
	if s == "" || len(s) > maxCursor || strings.Trim(s, "0123456789") != "" {
		return 0, bad
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, bad
	}
	return n, nil
}

// feedPump follows the event feed for a connection that subscribed to its
// feed with a cursor: rather than pass on the bus's notices (which a
// disconnected client misses), it reads the workspace's conversation.*
// events from the feed after the cursor, in feed order, each with its own
// cursor, whenever a notice says there is something new (and every
// feedPoll). A client that reconnects with the last cursor it received
// sees every event committed meanwhile, once.
type feedPump struct {
	c           *conn
	workspaceID string
	after       int64
	wake        chan struct{}
	stop        context.CancelFunc
}

func newFeedPump(c *conn, workspaceID string, after int64) *feedPump {
	return &feedPump{c: c, workspaceID: workspaceID, after: after, wake: make(chan struct{}, 1)}
}

// start runs the pump until the connection ends or stop is called.
func (p *feedPump) start() {
	ctx, cancel := context.WithCancel(p.c.ctx)
	p.stop = cancel
	go p.run(ctx)
}

// poke makes the pump read the feed now.
func (p *feedPump) poke() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

func (p *feedPump) run(ctx context.Context) {
	t := time.NewTicker(feedPoll)
	defer t.Stop()
	for {
		if err := p.catchUp(ctx); err != nil && ctx.Err() == nil {
			p.c.log().Warn("realtime: read the event feed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-p.wake:
		case <-t.C:
		}
	}
}

// catchUp sends every conversation.* event of the feed after p.after.
func (p *feedPump) catchUp(ctx context.Context) error {
	feed := p.c.g.cfg.Feed
	// Events enter the feed when dispatched: number those committed by
	// now rather than wait for a dispatcher's next poll.
	if _, err := feed.FanOutEvents(ctx, feedPage); err != nil {
		return err
	}
	for {
		page, err := feed.ListFeedEvents(ctx, p.workspaceID, p.after, feedPage)
		if err != nil {
			return err
		}
		for _, fe := range page {
			p.after = fe.Seq
			if !strings.HasPrefix(string(fe.Event.Type), "conversation.") {
				continue
			}
			p.c.reply(outFrame{
				data:      encode(eventFrame{Type: "event", Event: fe.Event, Cursor: strconv.FormatInt(fe.Seq, 10)}),
				staffOnly: true,
			})
		}
		if len(page) < feedPage {
			return nil
		}
		// A long backlog: let the client read before the next page, so
		// that catching up never makes it a slow consumer.
		if err := p.c.waitForQueue(ctx); err != nil {
			return err
		}
	}
}

// waitForQueue waits until at most half of the connection's send queue is
// in use.
func (c *conn) waitForQueue(ctx context.Context) error {
	for {
		o := &c.out
		o.mu.Lock()
		ok := o.closed || (o.bytes <= c.g.cfg.SendQueueBytes/2 && len(o.items) <= c.g.cfg.SendQueue/2)
		o.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
}
