package realtime

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/coder/websocket"

	"github.com/parleychat/parley"
)

// itemKind says what the writer is to do with an item.
type itemKind uint8

const (
	itemFrame  itemKind = iota // write frame
	itemNotice                 // deliver a conversation notification
	itemFeed                   // write a feed notification
	itemOpen                   // start delivering a conversation: replay, then "subscribed"
	itemClose                  // stop delivering a conversation: "unsubscribed"
)

type item struct {
	kind   itemKind
	frame  outFrame
	notice *notice
	req    *convRequest
}

// convRequest is a subscribe or unsubscribe handed to the writer.
type convRequest struct {
	id             string // the request's id
	conversationID string
	afterSeq       int64
}

// convState is how far a conversation has been delivered on a connection.
type convState struct {
	// last is the highest seq the client has received or need not receive
	// (a note, for a visitor): every message up to it has been delivered.
	last int64
	// snapshotAt is the UpdatedAt of the conversation sent in "subscribed":
	// a state change older than it, arriving late, is not sent. (Only the
	// snapshot is compared: nodes' clocks may differ by a little, so later
	// changes are all sent, in the order received.)
	snapshotAt time.Time
}

// outbox is a connection's bounded send queue. It holds no memory while
// empty, which is most of an idle connection's life.
type outbox struct {
	mu     sync.Mutex
	items  []item
	limit  int
	closed bool
	wake   chan struct{} // capacity 1: there is something to take
}

// push queues it and reports false if the queue is full. Once the outbox is
// closed, items are dropped.
func (o *outbox) push(it item) bool {
	o.mu.Lock()
	if o.closed {
		o.mu.Unlock()
		return true
	}
	if len(o.items) >= o.limit {
		o.mu.Unlock()
		return false
	}
	o.items = append(o.items, it)
	o.mu.Unlock()
	select {
	case o.wake <- struct{}{}:
	default:
	}
	return true
}

// take returns the queued items and keeps spare, emptied, for the next ones.
func (o *outbox) take(spare []item) []item {
	clear(spare)
	o.mu.Lock()
	defer o.mu.Unlock()
	items := o.items
	o.items = spare[:0]
	return items
}

func (o *outbox) close() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.closed = true
	o.items = nil
}

// errWrite marks a failed write to the socket: the connection is broken.
var errWrite = errors.New("realtime: write failed")

// write is the writing goroutine: it writes queued items in order and pings
// the client, until the connection ends.
func (c *conn) write() {
	defer close(c.writerDone)
	ticker := time.NewTicker(c.g.cfg.PingInterval)
	defer ticker.Stop()
	var batch []item
	for {
		select {
		case <-c.ending:
			return
		case <-ticker.C:
			c.ping()
		case <-c.out.wake:
			batch = c.out.take(batch)
			for i := range batch {
				if c.isEnding() {
					return
				}
				if err := c.process(&batch[i]); err != nil {
					if !errors.Is(err, errWrite) && !c.isEnding() {
						c.logger.Error("realtime: delivery failed; disconnecting so that the client resumes", "err", err)
					}
					c.end(websocket.StatusInternalError, reasonInternal)
					return
				}
			}
		}
	}
}

// process handles one item. An error ends the connection.
func (c *conn) process(it *item) error {
	switch it.kind {
	case itemFrame:
		return c.emit(it.frame)
	case itemFeed:
		n := it.notice
		return c.emit(outFrame{data: n.frame, msg: n.msg, staffOnly: n.staffOnly})
	case itemNotice:
		return c.deliver(it.notice)
	case itemOpen:
		return c.open(it.req)
	case itemClose:
		delete(c.convs, it.req.conversationID)
		return c.emit(outFrame{data: encode(unsubscribedFrame{
			Type: "unsubscribed", ID: it.req.id, ConversationID: it.req.conversationID,
		})})
	}
	return fmt.Errorf("realtime: unknown item kind %d", it.kind)
}

// open starts delivering a conversation. The connection already receives
// its live notifications (subscribe joined the hub first); those queued
// before this item were dropped by deliver, as the replay below, which
// reads the database later than they were committed, covers them. Every
// message after the client's afterSeq is replayed, then "subscribed"
// says where the stream stands; later notifications continue from there.
func (c *conn) open(req *convRequest) error {
	id := req.conversationID
	conv, err := c.g.svc.Conversation(c.ctx, c.identity().Caller, id)
	if err != nil {
		return c.emit(c.errorFrame(req.id, err))
	}
	// Every message up to conv.LastSeq was committed before the replay
	// reads: it is in the replay, so the stream may continue from there.
	st := &convState{last: min(req.afterSeq, conv.LastSeq), snapshotAt: conv.UpdatedAt}
	if c.convs == nil {
		c.convs = map[string]*convState{}
	}
	c.convs[id] = st
	if err := c.fill(id, st, conv.LastSeq); err != nil {
		if errors.Is(err, errWrite) {
			return err
		}
		delete(c.convs, id)
		return c.emit(c.errorFrame(req.id, err))
	}
	return c.emit(outFrame{data: encode(subscribedFrame{
		Type: "subscribed", ID: req.id, ConversationID: id, LastSeq: st.last, Conversation: conv,
	})})
}

// deliver writes a conversation notification, keeping the stream of
// messages gap-free and duplicate-free whatever the bus does: a message
// already delivered is skipped, and a gap before a message (a notification
// lost by the at-most-once bus, or two nodes publishing out of order) is
// filled from the database first.
func (c *conn) deliver(n *notice) error {
	id := n.event.ConversationID
	st := c.convs[id]
	if st == nil {
		return nil // not (yet) subscribed: open's replay covers it
	}
	out := outFrame{data: n.frame, msg: n.msg, staffOnly: n.staffOnly}
	switch {
	case n.msg != nil && n.event.Type == parley.EventMessageCreated:
		seq := n.msg.Seq
		if seq <= st.last {
			return nil
		}
		if seq > st.last+1 {
			if err := c.fill(id, st, seq-1); err != nil {
				return err
			}
		}
		st.last = seq
		return c.emit(out)
	case n.msg != nil: // updated or deleted
		if n.msg.Seq > st.last {
			// Not delivered yet: the database has it as it is now.
			return c.fill(id, st, n.msg.Seq)
		}
		return c.emit(out)
	case n.conv != nil:
		if n.conv.UpdatedAt.Before(st.snapshotAt) {
			return nil // older than the snapshot the client has
		}
		return c.emit(out)
	case n.typist != nil && *n.typist == c.participant:
		return nil // one's own typing
	}
	return c.emit(out)
}

// fill delivers, from the database, the messages of a conversation after
// st.last up to seq upTo, all of which are committed. For a visitor the
// conversation service leaves notes out.
func (c *conn) fill(id string, st *convState, upTo int64) error {
	for st.last < upTo {
		limit := int(min(upTo-st.last, parley.MaxListLimit))
		msgs, err := c.g.svc.Messages(c.ctx, c.identity().Caller, id, parley.MessageQuery{
			AfterSeq: st.last, Limit: limit, IncludeNotes: !c.identity().Visitor,
		})
		if err != nil {
			return fmt.Errorf("realtime: read messages of %s after %d: %w", id, st.last, err)
		}
		for _, m := range msgs {
			if m.Seq > upTo {
				st.last = upTo
				return nil
			}
			f := outFrame{data: encode(messageFrame{Type: "message", ConversationID: id, Message: m}), msg: m}
			if err := c.emit(f); err != nil {
				return err
			}
			st.last = m.Seq
		}
		if len(msgs) < limit {
			break // nothing more: the rest up to upTo are notes
		}
	}
	st.last = max(st.last, upTo)
	return nil
}

// emit writes one frame. It is the last step before the socket, and the
// last guard of visitors: a note, or anything for staff only, is dropped
// here whatever path brought it.
func (c *conn) emit(f outFrame) error {
	if c.identity().Visitor && (f.staffOnly || (f.msg != nil && !f.msg.VisibleToVisitor())) {
		c.g.stats.notesDropped.Add(1)
		c.logger.Error("realtime: dropped a staff-only frame on its way to a visitor")
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), c.g.cfg.WriteTimeout)
	defer cancel()
	if err := c.ws.Write(ctx, websocket.MessageText, f.data); err != nil {
		return fmt.Errorf("%w: %w", errWrite, err)
	}
	return nil
}

// ping checks, in the background, that the client answers; one that does
// not within PongTimeout is disconnected.
func (c *conn) ping() {
	if !c.pinging.CompareAndSwap(false, true) {
		return
	}
	c.background.Go(func() {
		defer c.pinging.Store(false)
		ctx, cancel := context.WithTimeout(context.Background(), c.g.cfg.PongTimeout)
		defer cancel()
		if err := c.ws.Ping(ctx); err != nil && !c.isEnding() {
			c.g.stats.heartbeatTimeouts.Add(1)
			c.logger.Info("realtime: no answer to a ping; disconnecting")
			c.end(StatusHeartbeatTimeout, reasonHeartbeat)
		}
	})
}
