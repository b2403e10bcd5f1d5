package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/coder/websocket"
)

// current returns the connection to send on; with automatic reconnection it
// waits for one.
func (conn *Conn) current(ctx context.Context) (*socket, error) {
	for {
		conn.mu.Lock()
		switch {
		case conn.isDone():
			err := conn.doneErr()
			conn.mu.Unlock()
			return nil, err
		case conn.sock != nil:
			s := conn.sock
			conn.mu.Unlock()
			return s, nil
		case !conn.opts.reconnect:
			err := &disconnected{cause: conn.downErr}
			conn.mu.Unlock()
			return nil, err
		}
		up := conn.up
		conn.mu.Unlock()
		select {
		case <-up:
		case <-conn.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// write writes one frame, bounded by the write timeout rather than a
// caller's context: an interrupted write would break the connection.
func (conn *Conn) write(s *socket, data []byte) error {
	ctx, cancel := context.WithTimeout(context.Background(), conn.opts.writeTimeout)
	defer cancel()
	return s.ws.Write(ctx, websocket.MessageText, data)
}

// call sends a request built by build (given its id) and returns the
// answer. With automatic reconnection a request cut off by a lost
// connection is sent again on the next one; every request of the protocol
// is safe to repeat.
func (conn *Conn) call(ctx context.Context, build func(id string) ([]byte, error)) (*wireFrame, []byte, error) {
	for {
		s, err := conn.current(ctx)
		if err != nil {
			return nil, nil, err
		}
		id := "r" + strconv.FormatUint(conn.ids.Add(1), 36)
		data, err := build(id)
		if err != nil {
			return nil, nil, err
		}
		if maxSize := s.ready.MaxFrameSize; maxSize > 0 && int64(len(data)) > maxSize {
			return nil, nil, &Error{Code: CodeInvalid, Detail: fmt.Sprintf(
				"The frame is %d bytes; the server accepts at most %d.", len(data), maxSize)}
		}
		ch := make(chan reply, 1)
		conn.mu.Lock()
		if conn.sock != s {
			conn.mu.Unlock()
			continue
		}
		s.pending[id] = ch
		conn.mu.Unlock()
		if err := conn.write(s, data); err != nil {
			// The connection is broken: the reader notices, and the
			// request fails (or, reconnecting, is sent again) below.
			s.ws.CloseNow()
		}
		select {
		case r := <-ch:
			switch {
			case r.err != nil && conn.opts.reconnect && !errors.Is(r.err, ErrClosed):
				continue
			case r.err != nil:
				return nil, nil, r.err
			case r.f.Type == FrameError:
				return r.f, r.raw, r.f.err()
			}
			return r.f, r.raw, nil
		case <-ctx.Done():
			conn.mu.Lock()
			delete(s.pending, id)
			conn.mu.Unlock()
			return nil, nil, ctx.Err()
		}
	}
}

func (conn *Conn) request(ctx context.Context, req wireRequest) (*wireFrame, error) {
	f, _, err := conn.call(ctx, func(id string) ([]byte, error) {
		req.ID = id
		return json.Marshal(req)
	})
	return f, err
}

// Subscribed is the answer to Subscribe.
type Subscribed struct {
	ConversationID string
	// LastSeq is where the conversation's stream stands: every message up
	// to it has been received (and waits for Next, if not yet returned).
	LastSeq int64
	// Conversation is the conversation's state at that moment.
	Conversation *Conversation
}

// Subscribe follows a conversation: the server replays every message after
// afterSeq (or after LastSeq, if greater: a Conn never returns a seq twice),
// then streams it live. The replayed messages come through Next; read them
// concurrently if more than the buffer holds may be replayed. After a
// reconnection the Conn follows it again by itself.
//
// Visitors may follow their own conversations only; others are refused with
// CodeNotFound.
func (conn *Conn) Subscribe(ctx context.Context, conversationID string, afterSeq int64) (*Subscribed, error) {
	conn.mu.Lock()
	conn.follow[conversationID] = true
	conn.pos[conversationID] = max(conn.pos[conversationID], afterSeq)
	from := conn.pos[conversationID]
	conn.mu.Unlock()
	f, err := conn.request(ctx, wireRequest{Type: "subscribe", ConversationID: conversationID, AfterSeq: from})
	if err != nil {
		if ErrorCode(err) != "" {
			conn.mu.Lock()
			delete(conn.follow, conversationID)
			conn.mu.Unlock()
		}
		return nil, err
	}
	return &Subscribed{ConversationID: f.ConversationID, LastSeq: f.LastSeq, Conversation: f.Conversation}, nil
}

// Unsubscribe stops following a conversation.
func (conn *Conn) Unsubscribe(ctx context.Context, conversationID string) error {
	conn.mu.Lock()
	delete(conn.follow, conversationID)
	conn.mu.Unlock()
	_, err := conn.request(ctx, wireRequest{Type: "unsubscribe", ConversationID: conversationID})
	return err
}

// Send sends a message and returns it once durable (the ack). in.ClientID
// is generated when empty; with automatic reconnection the send is retried
// with the same client ID until acknowledged or ctx ends, so it is stored
// once. Your own message also arrives through Next on the conversations you
// follow. A visitor writing in a resolved conversation whose inbox starts a
// new one gets a message of the new conversation (Message.ConversationID):
// subscribe to it.
func (conn *Conn) Send(ctx context.Context, conversationID string, in SendInput) (*SendResult, error) {
	if in.ClientID == "" {
		in.ClientID = NewClientID()
	}
	f, err := conn.request(ctx, wireRequest{
		Type: "send", ConversationID: conversationID, ClientID: in.ClientID, Kind: in.Kind,
		Body: in.Body, AttachmentIDs: in.AttachmentIDs, DisplayName: in.DisplayName, AvatarURL: in.AvatarURL,
		ExternalID: in.ExternalID,
	})
	if err != nil {
		return nil, err
	}
	m := f.message()
	if m == nil {
		return nil, fmt.Errorf("client: the send's answer carries no message")
	}
	return &SendResult{Message: *m, Duplicate: f.Duplicate}, nil
}

// MarkRead marks a conversation read up to seq (never backwards) and
// returns the caller's read position.
func (conn *Conn) MarkRead(ctx context.Context, conversationID string, seq int64) (int64, error) {
	f, err := conn.request(ctx, wireRequest{Type: "read", ConversationID: conversationID, Seq: seq})
	if err != nil {
		return 0, err
	}
	return f.LastReadSeq, nil
}

// Typing tells the others following the conversation that you type; note
// (staff only) means typing a note, which visitors never hear. The server
// passes on at most one signal a second.
func (conn *Conn) Typing(ctx context.Context, conversationID string, note bool) error {
	_, err := conn.request(ctx, wireRequest{Type: "typing", ConversationID: conversationID, Note: note})
	return err
}

// SubscribeFeed follows conversation events. Staff (with
// conversations:read) follow the workspace's: they arrive through Next as
// FrameEvent frames. A visitor follows its own contact's conversations,
// including those started on its other devices: they arrive as
// FrameConversation frames (Event "conversation.created" for a new one).
//
// The feed is live only: what happens while the Conn is disconnected never
// reaches it. To resume without a gap, staff use SubscribeFeedAfter.
// SubscribeFeed on a feed followed with a cursor turns it live.
func (conn *Conn) SubscribeFeed(ctx context.Context) error {
	conn.mu.Lock()
	conn.feed.on, conn.feed.resume = true, false
	conn.mu.Unlock()
	_, err := conn.request(ctx, wireRequest{Type: "subscribe_feed"})
	if ErrorCode(err) != "" {
		conn.mu.Lock()
		conn.feed.on = false
		conn.mu.Unlock()
	}
	return err
}

// UnsubscribeFeed stops following the feed. FeedCursor stays where it
// was: SubscribeFeedAfter(ctx, conn.FeedCursor()) resumes after it.
func (conn *Conn) UnsubscribeFeed(ctx context.Context) error {
	conn.mu.Lock()
	conn.feed.on, conn.feed.resume = false, false
	conn.mu.Unlock()
	_, err := conn.request(ctx, wireRequest{Type: "unsubscribe_feed"})
	return err
}

// Ping sends a ping frame and returns the round-trip time to the pong.
func (conn *Conn) Ping(ctx context.Context) (time.Duration, error) {
	start := time.Now()
	_, err := conn.request(ctx, wireRequest{Type: "ping"})
	return time.Since(start), err
}

// Request sends a frame of any type with the given fields (for frame types
// this package does not know yet) and returns the answer. The id is set by
// the Conn. An error frame is returned as an *Error.
func (conn *Conn) Request(ctx context.Context, typ string, fields map[string]any) (*Frame, error) {
	w, raw, err := conn.call(ctx, func(id string) ([]byte, error) {
		m := make(map[string]any, len(fields)+2)
		for k, v := range fields {
			m[k] = v
		}
		m["type"], m["id"] = typ, id
		return json.Marshal(m)
	})
	if err != nil {
		return nil, err
	}
	f := w.frame(raw)
	return &f, nil
}
