package realtime

import (
	"bufio"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/coder/websocket"
	"github.com/gobwas/ws"

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
	itemPing                   // write a ping (heartbeat)
	itemPong                   // answer a client's ping; frame.data is its payload
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
	// last is the highest seq the client has received, in the connection's
	// own sequence (a visitor's is the visitor sequence, without notes):
	// every message up to it has been delivered.
	last int64
	// snapshotAt is the UpdatedAt of the conversation sent in "subscribed":
	// a state change older than it, arriving late, is not sent. (Only the
	// snapshot is compared: nodes' clocks may differ by a little, so later
	// changes are all sent, in the order received.)
	snapshotAt time.Time
	// stateAt is the newest UpdatedAt of the states sent (snapshot and
	// changes): a state change replayed by catchUp that is older than it
	// came after a newer one, and is not sent.
	stateAt time.Time
}

// outbox is a connection's bounded send queue. It holds no memory while
// empty, which is most of an idle connection's life.
type outbox struct {
	mu    sync.Mutex
	items []item
	// bytes is the size of the queued items (itemSize).
	bytes   int
	closed  bool
	running bool // a writer (drain) is running: it takes what is queued
}

// queueOut queues it; ok is false if the queue is full, start true if a
// writer must be started for it. Once the connection ends, items are
// dropped.
func (c *conn) queueOut(it item) (ok, start bool) {
	o := &c.out
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed {
		return true, false
	}
	size := it.size()
	if len(o.items) >= c.g.cfg.SendQueue || o.bytes+size > c.g.cfg.SendQueueBytes {
		return false, false
	}
	o.items = append(o.items, it)
	o.bytes += size
	if !o.running {
		o.running = true
		c.writers.Add(1)
		return true, true
	}
	return true, false
}

// takeOut returns the queued items and keeps spare, emptied, for the next
// ones.
func (c *conn) takeOut(spare []item) []item {
	clear(spare)
	o := &c.out
	o.mu.Lock()
	defer o.mu.Unlock()
	items := o.items
	o.items = spare[:0]
	o.bytes = 0
	return items
}

// stopWriter reports whether the writer may end: nothing is queued. Then
// the next push starts a new one.
func (c *conn) stopWriter() bool {
	o := &c.out
	o.mu.Lock()
	defer o.mu.Unlock()
	if len(o.items) > 0 {
		return false
	}
	o.running = false
	o.items = nil // an idle connection holds no queue
	o.bytes = 0
	c.bw = nil
	return true
}

// dropOut empties the queue for good: the connection ends.
func (c *conn) dropOut() {
	o := &c.out
	o.mu.Lock()
	defer o.mu.Unlock()
	o.closed = true
	o.items = nil
	o.bytes = 0
}

// itemOverhead is what an item counts in the queue's bytes beyond its
// frame: its own slot, so that many tiny frames are bounded too.
const itemOverhead = 64

// size returns what it counts in the queue's bytes: the frame it will
// write (a replay's frames are read from the database when it runs, and
// do not wait in the queue).
func (it *item) size() int {
	switch it.kind {
	case itemFrame, itemPong:
		return itemOverhead + max(len(it.frame.data), len(it.frame.visitor))
	case itemNotice, itemFeed:
		return itemOverhead + max(len(it.notice.frame), len(it.notice.visitorFrame))
	}
	return itemOverhead
}

// errWrite marks a failed write to the socket: the connection is broken.
var errWrite = errors.New("realtime: write failed")

// writeBuffers are the writers' buffers, borrowed for one run of drain:
// the frames of one batch go out in one write.
var writeBuffers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 4096) }}

// drain is the writer: it writes queued items in order until none is left
// (then it ends; the next push starts another) or the connection ends.
func (c *conn) drain() {
	defer c.writers.Done()
	bw := writeBuffers.Get().(*bufio.Writer)
	bw.Reset(c.nc)
	c.bw = bw // c.bw is the running writer's; stopWriter clears it
	defer func() {
		bw.Reset(nil)
		writeBuffers.Put(bw)
	}()
	var batch []item
	for {
		batch = c.takeOut(batch)
		if len(batch) == 0 {
			if err := c.flush(); err != nil {
				c.writeFailed(err)
				return
			}
			if c.stopWriter() {
				return
			}
			continue
		}
		for i := range batch {
			if c.isEnding() {
				if !c.broken.Load() {
					c.flush() // what was written before the end still goes
				}
				return
			}
			if err := c.process(&batch[i]); err != nil {
				c.writeFailed(err)
				return
			}
		}
	}
}

// writeFailed ends the connection after err, from process or a write.
func (c *conn) writeFailed(err error) {
	if !errors.Is(err, errWrite) && !c.isEnding() {
		c.log().Error("realtime: delivery failed; disconnecting so that the client resumes", "err", err)
	}
	c.end(websocket.StatusInternalError, reasonInternal)
}

// process handles one item. An error ends the connection.
func (c *conn) process(it *item) error {
	switch it.kind {
	case itemFrame:
		return c.emit(it.frame)
	case itemPing:
		return c.writeFrame(ws.OpPing, nil)
	case itemPong:
		return c.writeFrame(ws.OpPong, it.frame.data)
	case itemFeed:
		return c.emit(it.notice.out())
	case itemNotice:
		return c.deliver(it.notice)
	case itemOpen:
		return c.open(it.req)
	case itemClose:
		c.convs.del(it.req.conversationID)
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
		return c.emitError(req.id, err)
	}
	// Every message up to conv.LastSeq was committed before the replay
	// reads: it is in the replay, so the stream may continue from there.
	st := &convState{last: min(req.afterSeq, conv.LastSeq), snapshotAt: conv.UpdatedAt, stateAt: conv.UpdatedAt}
	c.convs.put(id, st)
	if err := c.fill(id, st, conv.LastSeq); err != nil {
		if errors.Is(err, errWrite) {
			return err
		}
		c.convs.del(id)
		return c.emitError(req.id, err)
	}
	return c.emit(outFrame{data: encode(subscribedFrame{
		Type: "subscribed", ID: req.id, ConversationID: id, LastSeq: st.last, Conversation: conv,
	})})
}

// emitError writes the error frame answering request id, if any (see
// errorFrame).
func (c *conn) emitError(id string, err error) error {
	if f, ok := c.errorFrame(id, err); ok {
		return c.emit(f)
	}
	return nil
}

// deliver writes a conversation notification, keeping the stream of
// messages gap-free and duplicate-free whatever the bus does: a message
// already delivered is skipped, and a gap before a message (a notification
// lost by the at-most-once bus, or two nodes publishing out of order) is
// filled from the database first.
func (c *conn) deliver(n *notice) error {
	id := n.event.ConversationID
	st, _ := c.convs.get(id)
	if st == nil {
		return nil // not (yet) subscribed: open's replay covers it
	}
	out := n.out()
	switch {
	case n.resync:
		if upTo := c.lastSeqOf(n.conv); upTo > st.last {
			return c.fill(id, st, upTo)
		}
		return nil
	case n.staffOnly && c.identity().Visitor:
		return c.emit(out) // cannot happen; the last guard drops it and says so
	case n.msg != nil && n.event.Type == parley.EventMessageCreated:
		seq := c.seqOf(n.msg)
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
		if seq := c.seqOf(n.msg); seq > st.last {
			// Not delivered yet: the database has it as it is now.
			return c.fill(id, st, seq)
		}
		return c.emit(out)
	case n.conv != nil:
		if n.conv.UpdatedAt.Before(st.snapshotAt) || (n.replayed && n.conv.UpdatedAt.Before(st.stateAt)) {
			return nil // older than the snapshot, or a replay older than a state sent
		}
		st.stateAt = maxTime(st.stateAt, n.conv.UpdatedAt)
		return c.emit(out)
	case n.typist != nil && *n.typist == c.participant:
		return nil // one's own typing
	}
	return c.emit(out)
}

// seqOf returns m's number in the connection's own sequence: the visitor
// sequence for a visitor, the full one for staff. (Messages the
// conversation service returns to a visitor already carry it as Seq, and
// keep it as VisitorSeq.)
func (c *conn) seqOf(m *parley.Message) int64 {
	if c.identity().Visitor {
		return m.VisitorSeq
	}
	return m.Seq
}

// lastSeqOf returns the conversation's last seq in the connection's own
// sequence.
func (c *conn) lastSeqOf(conv *parley.Conversation) int64 {
	if c.identity().Visitor {
		return conv.VisitorLastSeq
	}
	return conv.LastSeq
}

// fill delivers, from the database, the messages of a conversation after
// st.last up to seq upTo, all of which are committed, in the connection's
// own sequence: for a visitor the conversation service reads the visitor
// sequence, which has no notes.
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
			break // nothing more up to upTo
		}
	}
	st.last = max(st.last, upTo)
	return nil
}

// emit writes one frame. It is the last step before the socket, and the
// last guard of visitors: a note, or anything for staff only, is dropped
// here whatever path brought it.
func (c *conn) emit(f outFrame) error {
	if c.identity().Visitor {
		if f.staffOnly || (f.msg != nil && !f.msg.VisibleToVisitor()) {
			c.g.stats.notesDropped.Add(1)
			c.log().Error("realtime: dropped a staff-only frame on its way to a visitor")
			return nil
		}
		if f.visitor != nil {
			return c.writeFrame(ws.OpText, f.visitor)
		}
	}
	return c.writeFrame(ws.OpText, f.data)
}

// writeFrame writes one unfragmented frame to the writer's buffer, which
// goes to the socket when full or flushed. Each write to the socket has
// WriteTimeout.
func (c *conn) writeFrame(op ws.OpCode, p []byte) error {
	c.setWriteDeadline()
	bw := c.bw
	bw.WriteByte(0x80 | byte(op)) // FIN, no extension, never masked
	switch n := len(p); {
	case n < 126:
		bw.WriteByte(byte(n))
	case n <= 0xffff:
		bw.WriteByte(126)
		bw.WriteByte(byte(n >> 8))
		bw.WriteByte(byte(n))
	default:
		bw.WriteByte(127)
		for shift := 56; shift >= 0; shift -= 8 {
			bw.WriteByte(byte(uint64(n) >> shift))
		}
	}
	if _, err := bw.Write(p); err != nil {
		c.broken.Store(true)
		return fmt.Errorf("%w: %w", errWrite, err)
	}
	return nil
}

// flush writes what the writer's buffer holds.
func (c *conn) flush() error {
	if c.bw.Buffered() == 0 {
		return nil
	}
	c.setWriteDeadline()
	if err := c.bw.Flush(); err != nil {
		c.broken.Store(true)
		return fmt.Errorf("%w: %w", errWrite, err)
	}
	return nil
}

func (c *conn) setWriteDeadline() {
	c.nc.SetWriteDeadline(time.Now().Add(c.g.cfg.WriteTimeout))
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
