package realtime

import (
	"encoding/binary"
	"errors"
	"io"
	"sync"

	"github.com/coder/websocket"
	"github.com/gobwas/ws"
)

// frameReader is what a connection keeps of its input between two reads:
// nothing, unless a frame or a fragmented message arrived in part.
type frameReader struct {
	partial []byte // the start of a frame not yet complete
	msg     []byte // the fragments so far of a message not yet complete
	msgText bool   // msg's type
	inMsg   bool   // msg is under way: only continuations and control frames may come
	skip    int64  // payload bytes still to discard (a frame over the read limit)
	// done is set once the input cannot or need not be parsed any more
	// (the client sent close, or broke the protocol): what comes is
	// discarded.
	done bool
}

// readBufferSize is the size of the buffers a read borrows.
const readBufferSize = 16 << 10

var readBuffers = sync.Pool{New: func() any {
	b := make([]byte, readBufferSize)
	return &b
}}

var errEOF = io.EOF

// onReadable reads what the socket holds and handles it, then asks the
// poller for the next readiness. It runs on a worker, never on two at once
// for one connection.
func (c *conn) onReadable() {
	c.rmu.Lock()
	defer c.rmu.Unlock()
	if c.closed {
		return
	}
	bp := readBuffers.Get().(*[]byte)
	n, err := readNow(c.rc, *bp)
	if n > 0 || len(c.frames.partial) > 0 {
		c.consume((*bp)[:n])
	}
	readBuffers.Put(bp)
	if err != nil {
		c.readFailed(err)
		return
	}
	c.g.poller.rearm(c)
}

// readLoop reads the connection until it is closed, on a goroutine of its
// own: where there is no poller, or the connection cannot be polled (TLS,
// whose records the poller cannot see into).
func (c *conn) readLoop() {
	defer c.g.wg.Done()
	buf := make([]byte, 4096)
	c.rmu.Lock()
	if len(c.frames.partial) > 0 && !c.closed {
		c.consume(nil) // sent with the upgrade request
	}
	c.rmu.Unlock()
	for {
		n, err := c.nc.Read(buf)
		c.rmu.Lock()
		if c.closed {
			c.rmu.Unlock()
			return
		}
		if n > 0 {
			c.consume(buf[:n])
		}
		if err != nil {
			c.readFailed(err)
			c.rmu.Unlock()
			return
		}
		c.rmu.Unlock()
	}
}

// readFailed ends a connection whose socket returned err on a read (io.EOF
// when the client closed it). c.rmu is held.
func (c *conn) readFailed(error) {
	c.frames.done = true
	c.peerGone(websocket.StatusInternalError, reasonInternal)
}

// consume parses data, the bytes just read, after those kept from the
// previous reads, and handles each complete frame. c.rmu is held.
func (c *conn) consume(data []byte) {
	fr := &c.frames
	if fr.done {
		return
	}
	if len(fr.partial) > 0 {
		fr.partial = append(fr.partial, data...)
		data = fr.partial
	}
	want := 0 // the size of the frame data starts with, once known
	for len(data) > 0 && !fr.done && !c.closed {
		if fr.skip > 0 {
			n := min(fr.skip, int64(len(data)))
			fr.skip -= n
			data = data[n:]
			continue
		}
		h, n, ok, err := parseHeader(data)
		if err == nil && ok {
			err = c.checkFrame(h)
		}
		if errors.Is(err, errTooBig) {
			// Not buffered: the payload is skipped, so that the client's
			// answer to the close frame can still be read.
			fr.skip = h.Length
			data = data[n:]
			c.end(websocket.StatusMessageTooBig, reasonTooBig)
			continue
		}
		if err != nil {
			// What follows cannot be parsed: it is discarded until the
			// client closes the socket (or the closing handshake times
			// out), so that no unread input turns the close into a reset.
			fr.done = true
			c.end(websocket.StatusProtocolError, reasonProtocol)
			break
		}
		if !ok {
			break
		}
		if int64(len(data)-n) < h.Length {
			want = n + int(h.Length)
			break
		}
		payload := data[n : n+int(h.Length)]
		data = data[n+int(h.Length):]
		if h.Masked {
			ws.Cipher(payload, h.Mask, 0)
		}
		c.frame(h, payload)
	}
	c.keep(data, want)
}

// keep stores rest, the start of a frame, for the next read; want is the
// frame's whole size if known.
func (c *conn) keep(rest []byte, want int) {
	fr := &c.frames
	switch {
	case len(rest) == 0 || fr.done || c.closed:
		fr.partial = nil
	case fr.partial != nil && &rest[0] == &fr.partial[0]:
		// Already there.
	default:
		p := make([]byte, len(rest), max(len(rest), want))
		copy(p, rest)
		fr.partial = p
	}
}

// errTooBig is a data frame, or a message, over the read limit.
var errTooBig = errors.New("realtime: frame too big")

// checkFrame checks a client frame's header against the protocol and the
// read limit.
func (c *conn) checkFrame(h ws.Header) error {
	state := ws.StateServerSide
	if c.frames.inMsg {
		state |= ws.StateFragmented
	}
	if err := ws.CheckHeader(h, state); err != nil {
		return err
	}
	if !h.OpCode.IsControl() && h.Length+int64(len(c.frames.msg)) > c.g.cfg.ReadLimit {
		return errTooBig
	}
	return nil
}

// frame handles one complete frame. c.rmu is held.
func (c *conn) frame(h ws.Header, p []byte) {
	fr := &c.frames
	switch h.OpCode {
	case ws.OpPing:
		if c.authed {
			if refused, _ := c.overLimit(); refused {
				return // counted as a frame; refused without a pong
			}
		}
		if !c.isEnding() {
			c.push(item{kind: itemPong, frame: outFrame{data: append([]byte(nil), p...)}})
		}
	case ws.OpPong:
		c.pongDue.Store(0)
	case ws.OpClose:
		fr.done = true
		code, reason := websocket.StatusNormalClosure, ""
		if len(p) > 0 {
			wc, wr := ws.ParseCloseFrameData(p)
			if len(p) < 2 || ws.CheckCloseFrameData(wc, wr) != nil {
				code, reason = websocket.StatusProtocolError, reasonProtocol
			} else {
				code = websocket.StatusCode(wc) // echoed
			}
		}
		c.peerGone(code, reason)
	default: // data
		if h.OpCode != ws.OpContinuation {
			fr.msgText = h.OpCode == ws.OpText
		}
		if h.Fin && !fr.inMsg {
			c.message(fr.msgText, p)
			return
		}
		fr.msg = append(fr.msg, p...)
		fr.inMsg = !h.Fin
		if h.Fin {
			msg := fr.msg
			fr.msg = nil
			c.message(fr.msgText, msg)
		}
	}
}

// parseHeader parses the frame header at the start of b; ok is false if b
// holds only part of it.
func parseHeader(b []byte) (h ws.Header, n int, ok bool, err error) {
	if len(b) < 2 {
		return h, 0, false, nil
	}
	h.Fin = b[0]&0x80 != 0
	h.Rsv = (b[0] & 0x70) >> 4
	h.OpCode = ws.OpCode(b[0] & 0x0f)
	h.Masked = b[1]&0x80 != 0
	n = 2
	switch l := b[1] & 0x7f; l {
	case 126:
		if len(b) < 4 {
			return h, 0, false, nil
		}
		h.Length = int64(binary.BigEndian.Uint16(b[2:4]))
		n = 4
	case 127:
		if len(b) < 10 {
			return h, 0, false, nil
		}
		v := binary.BigEndian.Uint64(b[2:10])
		if v>>63 != 0 {
			return h, 0, false, ws.ErrHeaderLengthMSB
		}
		h.Length = int64(v)
		n = 10
	default:
		h.Length = int64(l)
	}
	if h.Masked {
		if len(b) < n+4 {
			return h, 0, false, nil
		}
		copy(h.Mask[:], b[n:n+4])
		n += 4
	}
	return h, n, true, nil
}
