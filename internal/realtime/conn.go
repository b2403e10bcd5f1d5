package realtime

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/coder/websocket"
	"github.com/gobwas/ws"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/conversation"
	"github.com/parleychat/parley/internal/visitors"
)

// conn is one client connection. No goroutine waits on an idle one:
//
//   - Reading: when the socket has data, a worker reads it (onReadable, on
//     Linux through the gateway's poller), or, where there is no poller, the
//     connection's own goroutine does (readLoop). Either holds rmu while it
//     parses frames and answers requests, in order: the first frame
//     authenticates, the others are requests. Buffers are borrowed for the
//     time of one read; only a frame received in part is kept.
//   - Writing: bus callbacks, replies and heartbeats queue items in the
//     bounded outbox, without blocking; a writer goroutine started on demand
//     (drain) writes them and owns the per-conversation delivery state, and
//     ends once the outbox is empty.
//   - Heartbeats: the gateway's one ticker pings every authenticated
//     connection and ends those that do not answer.
//   - Ending: end (once, from anywhere, without blocking) drops the queue and
//     starts the closing handshake on a goroutine of its own, which tears the
//     connection down once the client has answered or a timeout passed.
type conn struct {
	g  *Gateway
	nc net.Conn
	// rc reads the socket without waiting; nil when the connection is not
	// polled (no poller, or TLS) but read by readLoop.
	rc  syscall.RawConn
	fd  int32  // the descriptor, while polled
	gen uint32 // tells this connection's poll events from a reused descriptor's
	id  string
	// ctx ends once the connection ends; it bounds database work.
	ctx    context.Context
	cancel context.CancelFunc

	// who is the identity the connection acts as: set by authenticate
	// before any request is handled, replaced by a refresh (of the same
	// holder, so participant, set with it, never changes). origin is the
	// upgrade request's Origin header, against which a visitor's refreshed
	// identity is checked again.
	who         atomic.Pointer[Identity]
	participant parley.Participant
	origin      string
	// expiry warns before the credential expires and closes at the
	// expiry; set with who.
	expiry *expiry

	out outbox
	// writers counts the writer goroutine (one at most at a time).
	writers sync.WaitGroup
	bw      *bufio.Writer // the writer's, borrowed for its run

	ending  atomic.Bool // set by end
	endOnce sync.Once
	// gone is closed once the client will send nothing more: it sent its
	// close frame, or closed or broke the socket.
	gone     chan struct{} // made by end
	goneOnce sync.Once
	broken   atomic.Bool // a write failed: nothing more can be written

	// Heartbeats, in the gateway's clock (Gateway.now): when to ping next
	// (0 until authenticated) and when the pong is due (0: none awaited).
	nextPing atomic.Int64
	pongDue  atomic.Int64

	// rmu is held while the connection's input is read and handled; the
	// fields below it are guarded by it.
	rmu sync.Mutex
	// closed is set by teardown: the socket is closed.
	closed bool
	// req is the upgrade request (its headers), and authTimer ends the
	// connection if no auth frame comes in time; both only until the first
	// frame.
	req       *http.Request
	authTimer *time.Timer
	authed    bool
	frames    frameReader
	// limiter is the inbound rate limit of the connection's holder, set
	// by authenticate, given back by teardown.
	limiter *frameLimiter
	// The hub subjects joined.
	subs smallMap[*convSink] // by conversation ID
	feed *feedSink
	// availability delivers the workspace's availability to a visitor.
	availability *feedSink
	// agent is the agent whose connection this is, told to Presence.
	agent *parley.AgentRef
	// visit is a visitor's connection, told to Visitors; stopVisitors
	// ends a staff connection's subscribe_visitors.
	visit        *visitors.Conn
	stopVisitors func()

	// Owned by the writer: delivery state by conversation ID.
	convs smallMap[*convState]
}

// closeTimeout bounds the closing handshake: writing the close frame, then
// waiting for the client's.
const closeTimeout = 5 * time.Second

func newConn(g *Gateway, nc net.Conn, id string) *conn {
	ctx, cancel := context.WithCancel(context.Background())
	return &conn{g: g, nc: nc, id: id, ctx: ctx, cancel: cancel}
}

// log returns the connection's logger.
func (c *conn) log() *slog.Logger {
	l := c.g.logger.With("conn", c.id)
	if c.participant.ID != "" {
		l = l.With("participant", c.participant.Type, "id", c.participant.ID)
	}
	return l
}

// end closes the connection with code and reason, once, without blocking:
// queued frames are dropped, work in progress is cancelled, the writer
// stops, and the closing handshake runs in the background.
func (c *conn) end(code websocket.StatusCode, reason string) {
	c.endOnce.Do(func() {
		c.gone = make(chan struct{})
		c.ending.Store(true)
		c.dropOut()
		c.cancel()
		go c.closeHandshake(code, reason)
	})
}

// peerGone records that the client will send nothing more (it sent its
// close frame, or the socket is closed or broken), ending the connection
// with code and reason unless it is already ending.
func (c *conn) peerGone(code websocket.StatusCode, reason string) {
	c.end(code, reason)
	c.goneOnce.Do(func() { close(c.gone) })
}

// closeHandshake sends the close frame once the writer has stopped (at
// once, or when the frame it is writing is written or WriteTimeout has
// passed), waits for the client's (or for closeTimeout) and tears the
// connection down.
func (c *conn) closeHandshake(code websocket.StatusCode, reason string) {
	c.writers.Wait() // end closed the outbox: no writer starts again
	if !c.broken.Load() {
		if err := writeClose(c.nc, code, reason); err == nil {
			t := time.NewTimer(closeTimeout)
			select {
			case <-c.gone:
			case <-t.C:
			}
			t.Stop()
		}
	}
	c.teardown()
}

// writeClose writes a close frame to nc, within closeTimeout. reason is
// one of the fixed reasons, at most 123 bytes.
func writeClose(nc net.Conn, code websocket.StatusCode, reason string) error {
	var frame [2 + 2 + 123]byte
	frame[0] = 0x80 | byte(ws.OpClose)
	n := copy(frame[4:], reason)
	frame[1] = byte(2 + n)
	binary.BigEndian.PutUint16(frame[2:], uint16(code))
	nc.SetWriteDeadline(time.Now().Add(closeTimeout))
	_, err := nc.Write(frame[:4+n])
	return err
}

// teardown closes the socket and leaves the hub, once the closing
// handshake is over; then the gateway forgets the connection.
func (c *conn) teardown() {
	c.rmu.Lock()
	c.closed = true
	if c.rc != nil {
		c.g.poller.remove(c)
	}
	c.nc.Close()
	c.subs.each(func(_ string, s *convSink) { c.g.hub.leave(s.subject, s) })
	if c.feed != nil {
		c.g.hub.leave(c.feed.subject, c.feed)
		c.feed.stopPump()
	}
	if c.availability != nil {
		c.g.hub.leave(c.availability.subject, c.availability)
	}
	c.subs, c.feed, c.availability = smallMap[*convSink]{}, nil, nil
	if c.agent != nil {
		c.g.cfg.Presence.Disconnected(c.agent.WorkspaceID, c.agent.AgentID)
		c.agent = nil
	}
	if c.visit != nil {
		c.g.cfg.Visitors.Disconnected(c.visit)
		c.visit = nil
	}
	if c.stopVisitors != nil {
		c.stopVisitors()
		c.stopVisitors = nil
	}
	if c.expiry != nil {
		c.expiry.stop()
	}
	if c.authTimer != nil {
		c.authTimer.Stop()
	}
	if c.limiter != nil {
		c.g.limits.release(c.limiter, c.g.clock())
		c.limiter = nil
	}
	c.req = nil
	c.frames = frameReader{}
	c.bw = nil // the writer has ended
	c.rmu.Unlock()
	c.g.untrack(c)
}

func (c *conn) isEnding() bool { return c.ending.Load() }

// push queues an item for the writer, starting one if none runs; a full
// queue disconnects the connection as a slow consumer.
func (c *conn) push(it item) {
	ok, start := c.queueOut(it)
	if !ok {
		c.g.stats.slowConsumers.Add(1)
		c.log().Warn("realtime: slow consumer disconnected",
			"queue_frames", c.g.cfg.SendQueue, "queue_bytes", c.g.cfg.SendQueueBytes)
		c.end(StatusSlowConsumer, reasonSlowConsumer)
		return
	}
	if start {
		go c.drain()
	}
}

func (c *conn) reply(f outFrame) { c.push(item{kind: itemFrame, frame: f}) }

func (c *conn) replyError(id string, err error) {
	if f, ok := c.errorFrame(id, err); ok {
		c.reply(f)
	}
}

// errorFrame returns the error frame answering request id with err, and
// whether to send it. It is where every "internal" answer is decided: its
// cause, which the client does not see, is logged with the request id. A
// request that fails while the connection is ending is not answered: the
// end cancelled its work (a database read returns context.Canceled), and
// the close frame, not "internal", tells the client why.
func (c *conn) errorFrame(id string, err error) (outFrame, bool) {
	if errorCode(err) != parley.EINTERNAL {
		return newErrorFrame(id, err), true
	}
	if c.isEnding() {
		level := slog.LevelError
		if errors.Is(err, context.Canceled) {
			level = slog.LevelDebug
		}
		c.log().Log(context.Background(), level, "realtime: request not answered: the connection is ending",
			"request", id, "err", err)
		return outFrame{}, false
	}
	c.log().Error("realtime: request failed; answered internal", "request", id, "err", err)
	return newErrorFrame(id, err), true
}

// message handles one complete data message from the client: the auth
// frame first, then requests. c.rmu is held.
func (c *conn) message(text bool, data []byte) {
	if c.isEnding() {
		return // nobody will read the answer
	}
	if !c.authed {
		c.authenticate(text, data)
		return
	}
	if refused, wait := c.overLimit(); refused {
		c.refuse(text, data, wait)
		return
	}
	c.handle(text, data)
}

// authenticate checks the first frame's credentials and the Origin, then
// sends ready and starts the heartbeats and the credential's expiry. On
// failure it ends the connection. c.rmu is held.
func (c *conn) authenticate(text bool, data []byte) {
	if c.authTimer == nil || !c.authTimer.Stop() {
		return // timed out, or a first frame failed: end has closed the connection
	}
	c.authTimer = nil // an idle connection keeps no timer of its own
	cfg := &c.g.cfg
	r := c.req
	c.req = nil
	var req request
	if !text || json.Unmarshal(data, &req) != nil || req.Type != reqAuth {
		c.end(websocket.StatusPolicyViolation, reasonAuthExpected)
		return
	}
	if parley.CheckJSONText(data) != nil {
		// Credentials breaking the text rule match none.
		c.end(websocket.StatusPolicyViolation, reasonAuthFailed)
		return
	}

	ctx, cancel := context.WithTimeout(c.ctx, cfg.AuthTimeout)
	defer cancel()
	mark := c.g.revocations.mark()
	var who Identity
	var err error
	if req.Token != "" {
		who, err = c.g.auth.Authenticate(ctx, req.Token)
	} else {
		// The browser sends the cookie with any page's upgrade request:
		// only the console's own pages may use it.
		if !c.g.consoleOrigin(r) {
			c.end(websocket.StatusPolicyViolation, reasonOrigin)
			return
		}
		var ok bool
		who, ok, err = c.g.auth.AuthenticateCookie(ctx, r.WithContext(ctx))
		if err == nil && !ok {
			c.end(websocket.StatusPolicyViolation, reasonAuthNoCookie)
			return
		}
	}
	if err != nil {
		code, reason := authCloseStatus(err)
		if code != websocket.StatusPolicyViolation && !c.isEnding() {
			c.log().Error("realtime: authenticate", "err", err)
		}
		c.end(code, reason)
		return
	}
	if !who.valid() {
		c.log().Error("realtime: the authenticator returned an inconsistent identity")
		c.end(websocket.StatusInternalError, reasonAuthError)
		return
	}
	if who.Visitor && !parley.OriginAllowed(r.Header.Get("Origin"), who.AllowedOrigins) {
		c.end(websocket.StatusPolicyViolation, reasonOrigin)
		return
	}
	// participant and origin are set before who is published: a goroutine
	// that sees who (a revocation, the recheck) may log, which reads them.
	c.participant, c.origin = who.Caller.Participant(), r.Header.Get("Origin")
	c.who.Store(&who)
	if c.revokedSince(mark) {
		return // the credential ended while it was being checked
	}
	c.authed = true
	limit := cfg.StaffFrames
	if who.Visitor {
		limit = cfg.VisitorFrames
	}
	c.limiter = c.g.limits.acquire(limitHolder(&who), limit, c.g.clock())
	c.trackPresence(ctx, &who)
	c.reply(outFrame{data: encode(readyFrame{
		Type: "ready", ConnectionID: c.id, WorkspaceID: who.Caller.WorkspaceID(),
		Visitor: who.Visitor, Participant: c.participant, InboxID: who.InboxID,
		HeartbeatInterval: cfg.PingInterval.Milliseconds(), MaxFrameSize: cfg.ReadLimit,
		ExpiresAt: timeOrNil(who.ExpiresAt),
	})})
	// After ready: a warning due at once follows it.
	c.expiry = newExpiry(cfg.TokenExpiryWarning, c.warnExpiry, c.expire)
	c.expiry.schedule(who.ExpiresAt)
	c.nextPing.Store(c.g.now() + int64(cfg.PingInterval))
}

// trackPresence tells Presence of an agent's connection, and has a visitor
// connection follow its workspace's availability (a hint: when that fails,
// the client still learns it from the API).
func (c *conn) trackPresence(ctx context.Context, who *Identity) {
	if v := c.g.cfg.Visitors; v != nil && who.Visitor {
		c.visit = v.Connected(who.Caller.WorkspaceID(), c.participant.ID, who.InboxID, c.invite)
	}
	pr := c.g.cfg.Presence
	if pr == nil {
		return
	}
	ws := who.Caller.WorkspaceID()
	if p := who.Principal; !who.Visitor && p.Type == parley.ActorAgent && p.AgentID != "" {
		c.agent = &parley.AgentRef{WorkspaceID: ws, AgentID: p.AgentID}
		pr.Connected(ws, p.AgentID)
		return
	}
	if !who.Visitor {
		return
	}
	subject, err := pr.AvailabilitySubject(ws)
	if err == nil {
		s := &feedSink{c: c, subject: subject}
		if err = c.g.hub.join(ctx, topicKey{subject: subject, workspaceID: ws, availability: true}, s); err == nil {
			c.availability = s
		}
	}
	if err != nil && !c.isEnding() {
		c.log().Warn("realtime: follow availability", "err", err)
	}
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
	mark := c.g.revocations.mark()
	who, err := c.g.auth.Refresh(ctx, *current, req.Token)
	if err != nil {
		return err
	}
	if !who.valid() {
		c.log().Error("realtime: the authenticator returned an inconsistent identity on refresh")
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
	if c.revokedSince(mark) {
		return nil // the new credential ended while it was being checked
	}
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
	c.log().Info("realtime: credential expired; disconnecting")
	c.end(StatusTokenExpired, reasonTokenExpired)
}

func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = t.UTC()
	return &t
}

// handle answers one request frame. Every request is answered exactly once
// (ping with pong, the others with their own frame or an error frame); a
// bad frame is answered with an error and the connection stays usable.
func (c *conn) handle(text bool, data []byte) {
	if !text {
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
	if err := parley.CheckJSONText(data); err != nil {
		id := req.ID
		if !parley.ValidText(id) {
			id = ""
		}
		c.replyError(id, err)
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
	case reqHandoff:
		err = c.handoff(&req)
	case reqPing:
		c.reply(outFrame{data: encode(ackFrame{Type: "pong", ID: req.ID})})
	case reqSubscribeFeed:
		err = c.subscribeFeed(&req)
	case reqUnsubscribeFeed:
		c.unsubscribeFeed()
		c.reply(outFrame{data: encode(ackFrame{Type: "feed_unsubscribed", ID: req.ID})})
	case reqRefresh:
		err = c.refresh(&req)
	case reqAcceptOffer, reqDeclineOffer:
		err = c.answerOffer(&req)
	case reqPage:
		err = c.page(&req)
	case reqSubscribeVisitors:
		err = c.subscribeVisitors(&req)
	case reqUnsubscribeVisitors:
		if c.stopVisitors != nil {
			c.stopVisitors()
			c.stopVisitors = nil
		}
		c.reply(outFrame{data: encode(ackFrame{Type: "visitors_unsubscribed", ID: req.ID})})
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
	if _, ok := c.subs.get(id); !ok {
		if c.subs.len() >= c.g.cfg.MaxSubscriptions {
			return errInvalid("A connection may follow at most %d conversations.", c.g.cfg.MaxSubscriptions)
		}
		subject, err := c.conversationSubject(id)
		if err != nil {
			return err
		}
		s := &convSink{c: c, subject: subject}
		k := topicKey{subject: subject, workspaceID: c.identity().Caller.WorkspaceID(), conversationID: id}
		if err := c.g.hub.join(c.ctx, k, s); err != nil {
			return err
		}
		c.subs.put(id, s)
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
	if s, ok := c.subs.get(id); ok {
		c.g.hub.leave(s.subject, s)
		c.subs.del(id)
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
		AvatarURL:      req.AvatarURL,
		ExternalID:     req.ExternalID,
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

// answerOffer accepts or declines the offer of a conversation to the
// connection's agent.
func (c *conn) answerOffer(req *request) error {
	if err := checkConversationID(req.ConversationID); err != nil {
		return err
	}
	var (
		conv *parley.Conversation
		err  error
	)
	if req.Type == reqAcceptOffer {
		conv, err = c.g.svc.AcceptOffer(c.ctx, c.identity().Caller, req.ConversationID)
	} else {
		conv, err = c.g.svc.DeclineOffer(c.ctx, c.identity().Caller, req.ConversationID, req.Reason)
	}
	if err != nil {
		return err
	}
	c.reply(outFrame{data: encode(offerAckFrame{Type: "ack", ID: req.ID, ConversationID: conv.ID, Conversation: conv})})
	return nil
}

func (c *conn) typing(req *request) error {
	if err := c.g.svc.Typing(c.ctx, c.identity().Caller, req.ConversationID, req.Note); err != nil {
		return err
	}
	c.reply(outFrame{data: encode(ackFrame{Type: "ack", ID: req.ID})})
	return nil
}

// handoff hands a conversation off to people (conversation.Service.HandOff)
// and answers with an ack; the conversation's change reaches the feed.
func (c *conn) handoff(req *request) error {
	if err := checkConversationID(req.ConversationID); err != nil {
		return err
	}
	if _, err := c.g.svc.HandOff(c.ctx, c.identity().Caller, conversation.HandoffInput{ConversationID: req.ConversationID,
		QueueID: req.QueueID, TeamID: req.TeamID, Reason: req.Reason, Summary: req.Summary}); err != nil {
		return err
	}
	if c.g.cfg.Router != nil {
		c.g.cfg.Router.Kick(c.identity().Caller.WorkspaceID())
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
	var after int64
	if req.Cursor != "" {
		switch {
		case who.Visitor:
			return parley.Errorf(parley.EINVALID, "A visitor's feed has no cursor.")
		case c.g.cfg.Feed == nil:
			return parley.Errorf(parley.EINVALID, "This server keeps no event feed to resume.")
		}
		var err error
		if after, err = parseCursor(req.Cursor); err != nil {
			return err
		}
	}
	if c.feed != nil && (req.Cursor != "" || c.feed.pump != nil) {
		c.unsubscribeFeed() // start again, from the cursor or live
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
		k := topicKey{subject: subject, workspaceID: ws, feed: !who.Visitor}
		if who.Visitor {
			k.contactID = c.participant.ID
		}
		if req.Cursor != "" {
			s.pump = newFeedPump(c, ws, after)
		}
		if err := c.g.hub.join(c.ctx, k, s); err != nil {
			return err
		}
		c.feed = s
	}
	c.reply(outFrame{data: encode(ackFrame{Type: "feed_subscribed", ID: req.ID})})
	if c.feed.pump != nil && c.feed.pump.stop == nil {
		c.feed.pump.start() // after the ack: the events follow it
	}
	return nil
}

func (c *conn) unsubscribeFeed() {
	if c.feed != nil {
		c.g.hub.leave(c.feed.subject, c.feed)
		c.feed.stopPump()
		c.feed = nil
	}
}

// convSink delivers a conversation's notifications to a connection.
type convSink struct {
	c       *conn
	subject string
}

func (s *convSink) deliver(n *notice) { s.c.push(item{kind: itemNotice, notice: n}) }

// feedSink delivers the workspace feed to a connection: the notices as
// they come, or, when the feed was subscribed with a cursor, the events
// its pump reads from the event feed, which each notice pokes.
type feedSink struct {
	c       *conn
	subject string
	pump    *feedPump
}

func (s *feedSink) deliver(n *notice) {
	if s.pump != nil {
		s.pump.poke()
		return
	}
	s.c.push(item{kind: itemFeed, notice: n})
}

func (s *feedSink) stopPump() {
	if s.pump != nil && s.pump.stop != nil {
		s.pump.stop()
	}
}

// stats counts what tests and operators want to know.
type stats struct {
	slowConsumers     atomic.Int64
	heartbeatTimeouts atomic.Int64
	notesDropped      atomic.Int64 // notes stopped on their way to a visitor
	revoked           atomic.Int64 // connections closed because their credential ended
	rechecked         atomic.Int64 // … of which the recheck found
	framesRefused     atomic.Int64 // frames answered with rate_limited
	rateLimitCloses   atomic.Int64 // connections closed with 4029
}
