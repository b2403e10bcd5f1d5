package realtime

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/conversation"
)

// conn is one client connection. Two goroutines serve it: the reading one
// (ServeHTTP's) authenticates, then reads and answers requests in order;
// the writing one (write) owns the socket's writes and the per-conversation
// delivery state. Everything else — bus callbacks, replies — reaches the
// writer through the bounded outbox, without blocking.
type conn struct {
	g      *Gateway
	ws     *websocket.Conn
	id     string
	logger *slog.Logger
	// ctx ends once the connection is closed; it bounds database work.
	ctx    context.Context
	cancel context.CancelFunc

	// who is the identity the connection acts as: set by authenticate
	// before the writer starts, replaced by a refresh (of the same holder,
	// so participant, set with it, never changes). origin is the upgrade
	// request's Origin header, against which a visitor's refreshed
	// identity is checked again.
	who         atomic.Pointer[Identity]
	participant parley.Participant
	origin      string
	// expiry warns before the credential expires and closes at the
	// expiry; set with who.
	expiry *expiry

	out        outbox
	ending     chan struct{} // closed by end
	endOnce    sync.Once
	background sync.WaitGroup // the closing handshake and pings
	writerDone chan struct{}
	pinging    atomic.Bool

	// Owned by the reading goroutine: the hub subjects joined.
	subs map[string]*convSink // by conversation ID
	feed *feedSink

	// Owned by the writing goroutine: delivery state by conversation ID.
	convs map[string]*convState
}

func newConn(g *Gateway, ws *websocket.Conn, id string) *conn {
	ctx, cancel := context.WithCancel(context.Background())
	return &conn{
		g: g, ws: ws, id: id,
		logger: g.logger.With("conn", id),
		ctx:    ctx, cancel: cancel,
		out:        outbox{limit: g.cfg.SendQueue, wake: make(chan struct{}, 1)},
		ending:     make(chan struct{}),
		writerDone: make(chan struct{}),
	}
}

// serve runs the connection until it ends.
func (c *conn) serve(r *http.Request) {
	defer c.cancel()
	if !c.authenticate(r) {
		c.background.Wait()
		return
	}
	go c.write()
	who := c.identity()
	c.reply(outFrame{data: encode(readyFrame{
		Type: "ready", ConnectionID: c.id, WorkspaceID: who.Caller.WorkspaceID(),
		Visitor: who.Visitor, Participant: c.participant, InboxID: who.InboxID,
		HeartbeatInterval: c.g.cfg.PingInterval.Milliseconds(), MaxFrameSize: c.g.cfg.ReadLimit,
		ExpiresAt: timeOrNil(who.ExpiresAt),
	})})
	// After ready: a warning due at once follows it.
	c.expiry = newExpiry(c.g.cfg.TokenExpiryWarning, c.warnExpiry, c.expire)
	c.expiry.schedule(who.ExpiresAt)

	err := c.readLoop()
	c.expiry.stop()
	switch {
	case websocket.CloseStatus(err) != -1: // the client closed
		c.end(websocket.StatusNormalClosure, "")
	case errors.Is(err, websocket.ErrMessageTooBig): // 1009 is already sent
		c.end(websocket.StatusMessageTooBig, reasonTooBig)
	default: // the connection broke, or end was called
		c.end(websocket.StatusInternalError, reasonInternal)
	}
	for _, s := range c.subs {
		c.g.hub.leave(s.subject, s)
	}
	if c.feed != nil {
		c.g.hub.leave(c.feed.subject, c.feed)
	}
	<-c.writerDone
	c.background.Wait()
}

// end closes the connection with code and reason, once, without blocking:
// queued frames are dropped, the writer stops, and the closing handshake
// runs in the background.
func (c *conn) end(code websocket.StatusCode, reason string) {
	c.endOnce.Do(func() {
		c.out.close()
		close(c.ending)
		c.background.Go(func() {
			c.ws.Close(code, reason)
			c.cancel()
		})
	})
}

func (c *conn) isEnding() bool {
	select {
	case <-c.ending:
		return true
	default:
		return false
	}
}

// push queues an item for the writer; a full queue disconnects the
// connection as a slow consumer.
func (c *conn) push(it item) {
	if !c.out.push(it) {
		c.g.stats.slowConsumers.Add(1)
		c.logger.Warn("realtime: slow consumer disconnected", "queue", c.g.cfg.SendQueue)
		c.end(StatusSlowConsumer, reasonSlowConsumer)
	}
}

func (c *conn) reply(f outFrame) { c.push(item{kind: itemFrame, frame: f}) }

func (c *conn) replyError(id string, err error) { c.reply(c.errorFrame(id, err)) }

// errorFrame returns the error frame answering request id, logging errors
// whose details the client does not see.
func (c *conn) errorFrame(id string, err error) outFrame {
	if errorCode(err) == parley.EINTERNAL && !c.isEnding() {
		c.logger.Error("realtime: request failed", "err", err)
	}
	return newErrorFrame(id, err)
}

// authenticate reads the auth frame and checks the credentials and the
// Origin. On failure it has closed the connection and returns false.
func (c *conn) authenticate(r *http.Request) bool {
	cfg := &c.g.cfg
	timer := time.AfterFunc(cfg.AuthTimeout, func() {
		c.end(websocket.StatusPolicyViolation, reasonAuthTimeout)
	})
	typ, data, err := c.ws.Read(c.ctx)
	if !timer.Stop() {
		return false // timed out; end has closed the connection
	}
	if errors.Is(err, websocket.ErrMessageTooBig) {
		c.end(websocket.StatusMessageTooBig, reasonTooBig)
		return false
	}
	var req request
	if err != nil || typ != websocket.MessageText || json.Unmarshal(data, &req) != nil || req.Type != reqAuth {
		c.end(websocket.StatusPolicyViolation, reasonAuthExpected)
		return false
	}

	ctx, cancel := context.WithTimeout(c.ctx, cfg.AuthTimeout)
	defer cancel()
	var who Identity
	if req.Token != "" {
		who, err = c.g.auth.Authenticate(ctx, req.Token)
	} else {
		// The browser sends the cookie with any page's upgrade request:
		// only the console's own pages may use it.
		if !c.g.consoleOrigin(r) {
			c.end(websocket.StatusPolicyViolation, reasonOrigin)
			return false
		}
		var ok bool
		who, ok, err = c.g.auth.AuthenticateCookie(ctx, r.WithContext(ctx))
		if err == nil && !ok {
			c.end(websocket.StatusPolicyViolation, reasonAuthNoCookie)
			return false
		}
	}
	if err != nil {
		code, reason := authCloseStatus(err)
		if code != websocket.StatusPolicyViolation {
			c.logger.Error("realtime: authenticate", "err", err)
		}
		c.end(code, reason)
		return false
	}
	if !who.valid() {
		c.logger.Error("realtime: the authenticator returned an inconsistent identity")
		c.end(websocket.StatusInternalError, reasonAuthError)
		return false
	}
	if who.Visitor && !parley.OriginAllowed(r.Header.Get("Origin"), who.AllowedOrigins) {
		c.end(websocket.StatusPolicyViolation, reasonOrigin)
		return false
	}
	c.who.Store(&who)
	c.participant, c.origin = who.Caller.Participant(), r.Header.Get("Origin")
	c.logger = c.logger.With("participant", c.participant.Type, "id", c.participant.ID)
	return true
}

// identity returns the identity the connection acts as now.
func (c *conn) identity() *Identity { return c.who.Load() }

// refresh replaces the connection's credential with the token of req,
// which must be held by the same contact, agent or API token, and
// reschedules the expiry. Subscriptions are kept. A failed refresh changes
// nothing: the connection still ends at the old credential's expiry.
func (c *conn) refresh(req *request) error {
	if req.Token == "" {
		return &parley.Error{Code: parley.EINVALID, Message: "The input is invalid.", Fields: []parley.FieldError{
			{Field: "token", Message: "must not be empty"},
		}}
	}
	ctx, cancel := context.WithTimeout(c.ctx, c.g.cfg.AuthTimeout)
	defer cancel()
	current := c.identity()
	who, err := c.g.auth.Refresh(ctx, *current, req.Token)
	if err != nil {
		return err
	}
	if !who.valid() {
		c.logger.Error("realtime: the authenticator returned an inconsistent identity on refresh")
		return parley.Errorf(parley.EINTERNAL, "refresh: inconsistent identity")
	}
	if !sameHolder(*current, who) {
		reason := ReasonTokenPrincipalMismatch
		if current.Visitor {
			reason = ReasonTokenContactMismatch
		}
		return &parley.Error{Code: parley.EFORBIDDEN, Reason: reason,
			Message: "The token belongs to someone else: connect again to change who you are."}
	}
	if who.Visitor && !parley.OriginAllowed(c.origin, who.AllowedOrigins) {
		return parley.Errorf(parley.EFORBIDDEN, "This site may not use this token: its inbox does not allow the origin.")
	}
	if !who.ExpiresAt.IsZero() && !who.ExpiresAt.After(time.Now()) {
		return parley.Errorf(parley.EUNAUTHORIZED, "The token has expired.")
	}
	c.who.Store(&who)
	c.expiry.schedule(who.ExpiresAt)
	c.reply(outFrame{data: encode(refreshedFrame{Type: "refreshed", ID: req.ID, ExpiresAt: timeOrNil(who.ExpiresAt)})})
	return nil
}

// warnExpiry tells the client that its credential expires at expiresAt.
func (c *conn) warnExpiry(expiresAt time.Time) {
	c.reply(outFrame{data: encode(tokenExpiringFrame{Type: "token_expiring", ExpiresAt: expiresAt.UTC()})})
}

// expire closes the connection whose credential has expired.
func (c *conn) expire() {
	c.logger.Info("realtime: credential expired; disconnecting")
	c.end(StatusTokenExpired, reasonTokenExpired)
}

func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = t.UTC()
	return &t
}

// readLoop reads and answers requests in order until the connection ends.
func (c *conn) readLoop() error {
	for {
		typ, data, err := c.ws.Read(c.ctx)
		if err != nil {
			return err
		}
		c.handle(typ, data)
	}
}

// handle answers one request frame. Every request is answered exactly once
// (ping with pong, the others with their own frame or an error frame); a
// bad frame is answered with an error and the connection stays usable.
func (c *conn) handle(typ websocket.MessageType, data []byte) {
	if typ != websocket.MessageText {
		c.replyError("", errInvalid("Frames must be JSON text."))
		return
	}
	var req request
	if err := json.Unmarshal(data, &req); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) && typeErr.Field != "" && len(req.ID) <= maxRequestIDLength {
			c.replyError(req.ID, errInvalid("The field %q has the wrong type.", typeErr.Field))
		} else {
			c.replyError("", errInvalid("The frame is not a JSON object."))
		}
		return
	}
	if len(req.ID) > maxRequestIDLength {
		c.replyError("", errInvalid("The id must be at most %d bytes.", maxRequestIDLength))
		return
	}
	var err error
	switch req.Type {
	case reqSubscribe:
		err = c.subscribe(&req)
	case reqUnsubscribe:
		err = c.unsubscribe(&req)
	case reqSend:
		err = c.send(&req)
	case reqRead:
		err = c.markRead(&req)
	case reqTyping:
		err = c.typing(&req)
	case reqPing:
		c.reply(outFrame{data: encode(ackFrame{Type: "pong", ID: req.ID})})
	case reqSubscribeFeed:
		err = c.subscribeFeed(&req)
	case reqUnsubscribeFeed:
		c.unsubscribeFeed()
		c.reply(outFrame{data: encode(ackFrame{Type: "feed_unsubscribed", ID: req.ID})})
	case reqRefresh:
		err = c.refresh(&req)
	case reqAuth:
		err = errInvalid("The connection is already authenticated; send refresh to replace its credential.")
	case "":
		err = errInvalid("The frame has no type.")
	default:
		if len(req.Type) > 32 {
			err = errInvalid("Unknown frame type.")
		} else {
			err = errInvalid("Unknown frame type %q.", req.Type)
		}
	}
	if err != nil {
		c.replyError(req.ID, err)
	}
}

func checkConversationID(id string) error {
	if id == "" || len(id) > maxConversationIDLen {
		return &parley.Error{Code: parley.EINVALID, Message: "The input is invalid.", Fields: []parley.FieldError{
			{Field: "conversation_id", Message: "must be a conversation ID"},
		}}
	}
	return nil
}

// subscribe follows a conversation: once the caller may read it and the
// connection is registered for its live notifications, the writer replays
// what the client missed (see open).
func (c *conn) subscribe(req *request) error {
	id := req.ConversationID
	if err := checkConversationID(id); err != nil {
		return err
	}
	if req.AfterSeq < 0 {
		return &parley.Error{Code: parley.EINVALID, Message: "The input is invalid.", Fields: []parley.FieldError{
			{Field: "after_seq", Message: "must not be negative"},
		}}
	}
	// ENOTFOUND for a conversation the caller may not read, exactly as for
	// one that does not exist: nothing is revealed.
	if _, err := c.g.svc.Conversation(c.ctx, c.identity().Caller, id); err != nil {
		return err
	}
	if _, ok := c.subs[id]; !ok {
		if len(c.subs) >= c.g.cfg.MaxSubscriptions {
			return errInvalid("A connection may follow at most %d conversations.", c.g.cfg.MaxSubscriptions)
		}
		subject, err := c.conversationSubject(id)
		if err != nil {
			return err
		}
		s := &convSink{c: c, subject: subject}
		if err := c.g.hub.join(c.ctx, subject, false, s); err != nil {
			return err
		}
		if c.subs == nil {
			c.subs = map[string]*convSink{}
		}
		c.subs[id] = s
	}
	c.push(item{kind: itemOpen, req: &convRequest{id: req.ID, conversationID: id, afterSeq: req.AfterSeq}})
	return nil
}

// conversationSubject returns the subject the connection follows for a
// conversation: for a visitor the visitor audience only, so that no note
// travels to a visitor's node on its behalf; for staff both audiences.
func (c *conn) conversationSubject(id string) (string, error) {
	ws := c.identity().Caller.WorkspaceID()
	if c.identity().Visitor {
		return c.g.svc.ConversationSubject(ws, id, conversation.AudienceVisitor)
	}
	return c.g.svc.ConversationWildcard(ws, id)
}

func (c *conn) unsubscribe(req *request) error {
	id := req.ConversationID
	if err := checkConversationID(id); err != nil {
		return err
	}
	if s, ok := c.subs[id]; ok {
		c.g.hub.leave(s.subject, s)
		delete(c.subs, id)
	}
	c.push(item{kind: itemClose, req: &convRequest{id: req.ID, conversationID: id}})
	return nil
}

func (c *conn) send(req *request) error {
	res, err := c.g.svc.Send(c.ctx, c.identity().Caller, conversation.SendInput{
		ConversationID: req.ConversationID,
		Kind:           req.Kind,
		ClientID:       req.ClientID,
		Body:           req.Body,
		AttachmentIDs:  req.AttachmentIDs,
		DisplayName:    req.DisplayName,
	})
	if err != nil {
		return err
	}
	c.reply(outFrame{
		data: encode(sendAckFrame{Type: "ack", ID: req.ID, Message: res.Message, Duplicate: res.Duplicate}),
		msg:  res.Message,
	})
	return nil
}

func (c *conn) markRead(req *request) error {
	pos, err := c.g.svc.MarkRead(c.ctx, c.identity().Caller, req.ConversationID, req.Seq)
	if err != nil {
		return err
	}
	c.reply(outFrame{data: encode(readAckFrame{Type: "ack", ID: req.ID, ConversationID: req.ConversationID, LastReadSeq: pos})})
	return nil
}

func (c *conn) typing(req *request) error {
	if err := c.g.svc.Typing(c.ctx, c.identity().Caller, req.ConversationID, req.Note); err != nil {
		return err
	}
	c.reply(outFrame{data: encode(ackFrame{Type: "ack", ID: req.ID})})
	return nil
}

// subscribeFeed follows the workspace's conversation.* events (staff with
// conversations:read), or, for a visitor, its own contact's: the
// conversations started or changed on its other devices, as conversation
// frames.
func (c *conn) subscribeFeed(req *request) error {
	who := c.identity()
	switch {
	case who.Visitor && who.confinedTo() != "":
		return parley.Errorf(parley.EFORBIDDEN, "This visitor session reaches one conversation only: it has no feed.")
	case !who.Visitor && !who.Principal.Can(parley.ScopeConversationsRead):
		return parley.Errorf(parley.EFORBIDDEN, "This needs the %s scope.", parley.ScopeConversationsRead)
	}
	if c.feed == nil {
		ws := who.Caller.WorkspaceID()
		var subject string
		var err error
		if who.Visitor {
			subject, err = c.g.svc.ContactSubject(ws, c.participant.ID)
		} else {
			subject, err = c.g.svc.FeedSubject(ws)
		}
		if err != nil {
			return err
		}
		s := &feedSink{c: c, subject: subject}
		if err := c.g.hub.join(c.ctx, subject, !who.Visitor, s); err != nil {
			return err
		}
		c.feed = s
	}
	c.reply(outFrame{data: encode(ackFrame{Type: "feed_subscribed", ID: req.ID})})
	return nil
}

func (c *conn) unsubscribeFeed() {
	if c.feed != nil {
		c.g.hub.leave(c.feed.subject, c.feed)
		c.feed = nil
	}
}

// convSink delivers a conversation's notifications to a connection.
type convSink struct {
	c       *conn
	subject string
}

func (s *convSink) deliver(n *notice) { s.c.push(item{kind: itemNotice, notice: n}) }

// feedSink delivers the workspace feed to a connection.
type feedSink struct {
	c       *conn
	subject string
}

func (s *feedSink) deliver(n *notice) { s.c.push(item{kind: itemFeed, notice: n}) }

// stats counts what tests and operators want to know.
type stats struct {
	slowConsumers     atomic.Int64
	heartbeatTimeouts atomic.Int64
	notesDropped      atomic.Int64 // notes stopped on their way to a visitor
}
