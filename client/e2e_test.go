package client_test

// End-to-end tests: the Go client against whole Parley nodes booted
// in-process — on SQLite with the embedded bus always, and on two nodes
// sharing PostgreSQL and an external NATS server when
// PARLEY_TEST_POSTGRES_URL and PARLEY_TEST_NATS_URL are set.

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/testenv"
)

// topologies runs a test on one SQLite node, and on two nodes sharing
// PostgreSQL and NATS when those are configured (skipped otherwise).
func topologies(t *testing.T, test func(t *testing.T, e *env)) {
	t.Run("OneNode", func(t *testing.T) { test(t, newEnv(t)) })
	t.Run("TwoNodes", func(t *testing.T) { test(t, newCluster(t)) })
}

// A visitor's message reaches an agent — connected to the other node when
// there are two — through the feed, the replay and live delivery, and the
// agent's answer comes back.
func TestVisitorMessageReachesAgent(t *testing.T) {
	topologies(t, func(t *testing.T, e *env) {
		ctx := t.Context()
		visitor, sess := e.visitor(t, 0)
		agentClient, agent := e.agent(t, e.last(), parley.RoleAgent)
		agentConn := connect(t, agentClient)
		if r := agentConn.Ready(); r.Visitor || r.Participant != (client.Participant{Type: "agent", ID: agent.ID}) {
			t.Fatalf("agent's ready = %+v", r)
		}
		must(t, agentConn.SubscribeFeed(ctx))

		conv, err := visitor.CreateConversation(ctx, client.CreateConversationInput{})
		must(t, err)
		visitorConn := connect(t, visitor)
		if r := visitorConn.Ready(); !r.Visitor || r.Participant.ID != sess.ContactID || r.InboxID != e.inbox.ID {
			t.Fatalf("visitor's ready = %+v", r)
		}
		_, err = visitorConn.Subscribe(ctx, conv.ID, 0)
		must(t, err)
		sent, err := visitorConn.Send(ctx, conv.ID, client.SendInput{Body: "Where is my order?"})
		must(t, err)
		if sent.Duplicate || sent.Message.Seq != 1 || sent.Message.Sender.Type != client.ParticipantContact {
			t.Fatalf("ack = %+v", sent)
		}

		// The agent hears of the queued conversation on the feed …
		for {
			ev := next(t, agentConn, client.FrameEvent).FeedEvent
			if ev.ConversationID == conv.ID && ev.Type == "conversation.queued" {
				change, err := ev.ConversationChange()
				must(t, err)
				if change.Conversation.Status != client.StatusPending {
					t.Fatalf("queued event with status %q", change.Conversation.Status)
				}
				break
			}
		}
		// … follows it and gets the message replayed, then live ones.
		sub, err := agentConn.Subscribe(ctx, conv.ID, 0)
		must(t, err)
		if sub.LastSeq != 1 || sub.Conversation.Status != client.StatusPending {
			t.Fatalf("subscribed = %+v", sub)
		}
		if m := nextMessage(t, agentConn); m.Seq != 1 || m.Body != "Where is my order?" || m.ID != sent.Message.ID {
			t.Fatalf("replayed %+v", m)
		}
		_, err = visitorConn.Send(ctx, conv.ID, client.SendInput{Body: "Order 42."})
		must(t, err)
		if m := nextMessage(t, agentConn); m.Seq != 2 || m.Body != "Order 42." {
			t.Fatalf("live %+v", m)
		}

		// The agent takes the conversation and answers; the visitor sees both.
		taken, err := agentClient.Assign(ctx, conv.ID, "")
		must(t, err)
		if taken.Status != client.StatusAssigned || taken.AssigneeID != agent.ID {
			t.Fatalf("assigned %+v", taken)
		}
		_, err = agentConn.Send(ctx, conv.ID, client.SendInput{Body: "It ships today."})
		must(t, err)
		var got []int64
		assigned := false
		for len(got) < 3 || !assigned {
			f := next2(t, visitorConn, client.FrameMessage, client.FrameConversation)
			switch {
			case f.Type == client.FrameMessage:
				got = append(got, f.Message.Seq)
			case f.Event == "conversation.assigned":
				if f.Conversation.AssigneeID != agent.ID {
					t.Fatalf("visitor's conversation frame %s", f.Raw)
				}
				assigned = true
			}
		}
		if !slices.Equal(got, []int64{1, 2, 3}) {
			t.Fatalf("the visitor got seqs %v", got)
		}
	})
}

// A connection cut off while 100 messages are sent gets, once it is back,
// exactly those 100, in order, once — resuming on the other node when
// there are two.
func TestResumeAfterDisconnect(t *testing.T) {
	topologies(t, func(t *testing.T, e *env) {
		ctx := t.Context()
		visitor, _ := e.visitor(t, 0)
		conv := startConversation(t, visitor)

		// A network path to node 0, cut below and then pointed at the last node.
		p := testenv.NewGate(t, hostPort(e.nodes[0].url))
		staff := e.client(t, "http://"+p.Addr(), client.WithToken(e.token))
		var drops, reconnects atomic.Int64
		conn := connect(t, staff,
			client.WithAutoReconnect(10*time.Millisecond, 100*time.Millisecond),
			client.OnDisconnect(func(error) { drops.Add(1) }),
			client.OnReconnect(func(client.Ready) { reconnects.Add(1) }))
		_, err := conn.Subscribe(ctx, conv.ID, 0)
		must(t, err)
		if m := nextMessage(t, conn); m.Seq != 1 {
			t.Fatalf("first message %+v", m)
		}

		p.SetOpen(false)
		p.Cut()
		waitFor(t, func() bool { return !conn.Connected() })
		for i := 1; i <= 100; i++ {
			_, err := visitor.SendMessage(ctx, conv.ID, client.SendInput{ClientID: fmt.Sprint("m", i), Body: fmt.Sprint("message ", i)})
			must(t, err)
		}
		p.Point(hostPort(e.nodes[e.last()].url))
		p.SetOpen(true)

		for i := 1; i <= 100; i++ {
			m := nextMessage(t, conn)
			if m.Seq != int64(i+1) || m.Body != fmt.Sprint("message ", i) {
				t.Fatalf("message %d of 100: got seq %d %q", i, m.Seq, m.Body)
			}
		}
		// Nothing is repeated: the next message is the next one sent.
		_, err = visitor.SendMessage(ctx, conv.ID, client.SendInput{Body: "after"})
		must(t, err)
		if m := nextMessage(t, conn); m.Seq != 102 || m.Body != "after" {
			t.Fatalf("after the 100: got seq %d %q", m.Seq, m.Body)
		}
		if conn.LastSeq(conv.ID) != 102 {
			t.Errorf("LastSeq = %d", conn.LastSeq(conv.ID))
		}
		if drops.Load() == 0 || reconnects.Load() == 0 {
			t.Errorf("drops %d, reconnects %d", drops.Load(), reconnects.Load())
		}
	})
}

// Sending again with the same client_id — over REST, over WebSocket, or
// from many goroutines at once — stores one message.
func TestResendWithSameClientID(t *testing.T) {
	topologies(t, func(t *testing.T, e *env) {
		ctx := t.Context()
		visitor, _ := e.visitor(t, 0)
		conv, err := visitor.CreateConversation(ctx, client.CreateConversationInput{})
		must(t, err)

		first, err := visitor.SendMessage(ctx, conv.ID, client.SendInput{ClientID: "k1", Body: "hi"})
		must(t, err)
		again, err := visitor.SendMessage(ctx, conv.ID, client.SendInput{ClientID: "k1", Body: "hi again"})
		must(t, err)
		if first.Duplicate || !again.Duplicate || again.Message.ID != first.Message.ID || again.Message.Body != "hi" {
			t.Fatalf("REST resend: first %+v, again %+v", first, again)
		}
		conn := connect(t, visitor)
		viaWS, err := conn.Send(ctx, conv.ID, client.SendInput{ClientID: "k1", Body: "hi over ws"})
		must(t, err)
		if !viaWS.Duplicate || viaWS.Message.ID != first.Message.ID {
			t.Fatalf("WS resend of a REST message: %+v", viaWS)
		}
		second, err := conn.Send(ctx, conv.ID, client.SendInput{ClientID: "k2", Body: "second"})
		must(t, err)
		secondAgain, err := conn.Send(ctx, conv.ID, client.SendInput{ClientID: "k2", Body: "second again"})
		must(t, err)
		if second.Duplicate || second.Message.Seq != 2 || !secondAgain.Duplicate || secondAgain.Message.ID != second.Message.ID {
			t.Fatalf("WS resend: %+v, %+v", second, secondAgain)
		}

		// Twenty concurrent sends of one client ID, half over each
		// transport and spread over the nodes: one message.
		var wg sync.WaitGroup
		var mu sync.Mutex
		ids, fresh := map[string]bool{}, 0
		for i := range 20 {
			wg.Go(func() {
				var r *client.SendResult
				var err error
				if i%2 == 0 {
					r, err = conn.Send(ctx, conv.ID, client.SendInput{ClientID: "k3", Body: "race"})
				} else {
					v := visitor
					if n := i % len(e.nodes); n != 0 {
						v = e.client(t, e.nodes[n].url, client.WithToken(visitor.Token()))
					}
					r, err = v.SendMessage(ctx, conv.ID, client.SendInput{ClientID: "k3", Body: "race"})
				}
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				defer mu.Unlock()
				ids[r.Message.ID] = true
				if !r.Duplicate {
					fresh++
				}
			})
		}
		wg.Wait()
		if len(ids) != 1 || fresh != 1 {
			t.Fatalf("20 racing sends stored %d messages (%d answers not duplicates)", len(ids), fresh)
		}
		msgs, err := visitor.Messages(ctx, conv.ID, client.MessageQuery{})
		must(t, err)
		var seqs []int64
		for _, m := range msgs {
			seqs = append(seqs, m.Seq)
		}
		if !slices.Equal(seqs, []int64{1, 2, 3}) {
			t.Fatalf("stored seqs %v, want [1 2 3]", seqs)
		}
	})
}

// Twenty agents taking one pending conversation at once: exactly one wins.
func TestTwentyAgentsTakeOneConversation(t *testing.T) {
	topologies(t, func(t *testing.T, e *env) {
		ctx := t.Context()
		visitor, _ := e.visitor(t, 0)
		conv := startConversation(t, visitor)
		agents := make([]*client.Client, 20)
		ids := make([]string, 20)
		for i := range agents {
			var ag *parley.Agent
			agents[i], ag = e.agent(t, i%len(e.nodes), parley.RoleAgent)
			ids[i] = ag.ID
		}
		start := make(chan struct{})
		var wg sync.WaitGroup
		var winners, conflicts atomic.Int64
		var winner atomic.Value
		for i, c := range agents {
			wg.Go(func() {
				<-start
				conv, err := c.Assign(ctx, conv.ID, "")
				switch {
				case err == nil:
					winners.Add(1)
					winner.Store(ids[i])
					if conv.AssigneeID != ids[i] {
						t.Errorf("agent %d won but the conversation went to %s", i, conv.AssigneeID)
					}
				case client.ErrorCode(err) == client.CodeConflict:
					conflicts.Add(1)
				default:
					t.Errorf("agent %d: %v", i, err)
				}
			})
		}
		close(start)
		wg.Wait()
		if winners.Load() != 1 || conflicts.Load() != 19 {
			t.Fatalf("%d winners and %d conflicts, want 1 and 19", winners.Load(), conflicts.Load())
		}
		got, err := e.admin(t, e.last()).Conversation(ctx, conv.ID)
		must(t, err)
		if got.Status != client.StatusAssigned || got.AssigneeID != winner.Load() {
			t.Fatalf("conversation %+v, winner %v", got, winner.Load())
		}
	})
}

// A private note reaches staff and never the visitor: not over WebSocket
// (live, replayed, edited, deleted, typing in a note), not in the REST
// history or by ID, not in the unread count.
func TestNoteNeverReachesVisitor(t *testing.T) {
	topologies(t, func(t *testing.T, e *env) {
		ctx := t.Context()
		visitor, _ := e.visitor(t, 0)
		conv := startConversation(t, visitor) // seq 1
		agentClient, _ := e.agent(t, e.last(), parley.RoleAgent)
		_, err := agentClient.Assign(ctx, conv.ID, "")
		must(t, err)

		visitorConn := connect(t, visitor)
		_, err = visitorConn.Subscribe(ctx, conv.ID, 0)
		must(t, err)
		if m := nextMessage(t, visitorConn); m.Seq != 1 {
			t.Fatalf("replay %+v", m)
		}
		agentConn := connect(t, agentClient)
		_, err = agentConn.Subscribe(ctx, conv.ID, 1)
		must(t, err)

		// Notes by every path, between two visible messages.
		must(t, agentConn.Typing(ctx, conv.ID, true))
		wsNote, err := agentConn.Send(ctx, conv.ID, client.SendInput{Kind: client.KindNote, Body: "secret over ws"}) // seq 2
		must(t, err)
		restNote, err := agentClient.SendMessage(ctx, conv.ID, client.SendInput{Kind: client.KindNote, Body: "secret over rest"}) // seq 3
		must(t, err)
		must(t, agentClient.Typing(ctx, conv.ID, true))
		_, err = agentClient.EditMessage(ctx, wsNote.Message.ID, "secret, edited")
		must(t, err)
		must(t, agentClient.DeleteMessage(ctx, restNote.Message.ID))
		_, err = agentConn.Send(ctx, conv.ID, client.SendInput{Body: "visible"}) // seq 4, the visitor's 2
		must(t, err)

		// The agent saw the notes; the visitor's next message is its seq 2,
		// and nothing it received before mentions a note.
		if m := nextMessage(t, agentConn); m.Seq != 2 || m.Kind != client.KindNote {
			t.Fatalf("agent got %+v", m)
		}
		for {
			ctx, cancel := context.WithTimeout(ctx, wait)
			f, err := visitorConn.Next(ctx)
			cancel()
			must(t, err)
			if strings.Contains(string(f.Raw), "secret") || strings.Contains(string(f.Raw), `"note"`) || f.Note {
				t.Fatalf("the visitor received %s", f.Raw)
			}
			if f.Type == client.FrameMessage {
				if f.Message.Seq != 2 || f.Message.Body != "visible" {
					t.Fatalf("the visitor's next message is %+v, want its seq 2", f.Message)
				}
				break
			}
		}
		// Replayed from the beginning on a new connection: no note.
		replay := connect(t, visitor)
		_, err = replay.Subscribe(ctx, conv.ID, 0)
		must(t, err)
		for _, want := range []int64{1, 2} {
			if m := nextMessage(t, replay); m.Seq != want || m.Kind == client.KindNote {
				t.Fatalf("replay: got %+v, want seq %d", m, want)
			}
		}
		// REST: history, by ID, unread count.
		msgs, err := visitor.Messages(ctx, conv.ID, client.MessageQuery{})
		must(t, err)
		for _, m := range msgs {
			if m.Kind == client.KindNote || strings.Contains(m.Body, "secret") {
				t.Fatalf("the visitor's history holds %+v", m)
			}
		}
		if len(msgs) != 2 {
			t.Fatalf("the visitor's history has %d messages, want 2", len(msgs))
		}
		for _, id := range []string{wsNote.Message.ID, restNote.Message.ID} {
			if _, err := visitor.Message(ctx, id); client.ErrorCode(err) != client.CodeNotFound {
				t.Fatalf("the visitor read note %s: %v", id, err)
			}
		}
		if n, err := visitor.UnreadCount(ctx, conv.ID); err != nil || n != 1 {
			t.Fatalf("the visitor's unread count is %d (%v), want 1 (the agent's visible message)", n, err)
		}
		if n, err := agentClient.UnreadCount(ctx, conv.ID); err != nil || n != 1 {
			t.Fatalf("the agent's unread count is %d (%v), want 1 (the visitor's message)", n, err)
		}
		// A visitor cannot write one either.
		if _, err := visitorConn.Send(ctx, conv.ID, client.SendInput{Kind: client.KindNote, Body: "x"}); client.ErrorCode(err) != client.CodeForbidden {
			t.Fatalf("a visitor's note: %v", err)
		}
		// A visitor's feed is its own contact's conversations: state, never messages.
		if err := visitorConn.SubscribeFeed(ctx); err != nil {
			t.Fatalf("a visitor's feed: %v", err)
		}
	})
}

// dialRaw opens a WebSocket to a node and authenticates with token,
// bypassing the client, to send what the client never would.
func dialRaw(t *testing.T, n *node, token string) *websocket.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), wait)
	defer cancel()
	ws, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(n.url, "http")+"/api/v1/realtime", nil)
	must(t, err)
	t.Cleanup(func() { ws.CloseNow() })
	must(t, wsjson.Write(ctx, ws, map[string]any{"type": "auth", "token": token}))
	var ready map[string]any
	must(t, wsjson.Read(ctx, ws, &ready))
	if ready["type"] != "ready" {
		t.Fatalf("got %v, want ready", ready)
	}
	return ws
}

func readRaw(t *testing.T, ws *websocket.Conn) map[string]any {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), wait)
	defer cancel()
	var f map[string]any
	must(t, wsjson.Read(ctx, ws, &f))
	return f
}

// A frame larger than the server accepts closes the connection with 1009.
func TestOversizedFrameCloses1009(t *testing.T) {
	e := newEnv(t)
	visitor, _ := e.visitor(t, 0)
	ws := dialRaw(t, e.nodes[0], visitor.Token())
	big := `{"type":"ping","id":"` + strings.Repeat("x", 70<<10) + `"}`
	ctx, cancel := context.WithTimeout(t.Context(), wait)
	defer cancel()
	must(t, ws.Write(ctx, websocket.MessageText, []byte(big)))
	_, _, err := ws.Read(ctx)
	if got := websocket.CloseStatus(err); got != websocket.StatusMessageTooBig {
		t.Fatalf("read after an oversized frame: %v (status %d), want 1009", err, got)
	}

	// The client refuses to send such a frame in the first place.
	conn := connect(t, visitor)
	conv, err := visitor.CreateConversation(t.Context(), client.CreateConversationInput{})
	must(t, err)
	_, err = conn.Request(t.Context(), "send", map[string]any{"conversation_id": conv.ID, "body": strings.Repeat("x", 70<<10)})
	if client.ErrorCode(err) != client.CodeInvalid || !conn.Connected() {
		t.Fatalf("oversized request through the client: %v", err)
	}
}

// Malformed JSON, an unknown frame type, a field of the wrong type or a
// binary frame get an error frame, and the connection stays usable.
func TestMalformedFramesGetAnErrorFrame(t *testing.T) {
	e := newEnv(t)
	visitor, _ := e.visitor(t, 0)
	ws := dialRaw(t, e.nodes[0], visitor.Token())
	ctx := t.Context()
	for _, bad := range []struct {
		typ  websocket.MessageType
		data string
		id   string
	}{
		{websocket.MessageText, `{"type":"subscribe",`, ""},
		{websocket.MessageText, `not json at all`, ""},
		{websocket.MessageText, `{"type":"launch_rockets","id":"u1"}`, "u1"},
		{websocket.MessageText, `{"type":"subscribe","id":"w1","after_seq":"ten"}`, "w1"},
		{websocket.MessageBinary, `{"type":"ping","id":"b1"}`, ""},
	} {
		must(t, ws.Write(ctx, bad.typ, []byte(bad.data)))
		f := readRaw(t, ws)
		id, _ := f["id"].(string)
		if f["type"] != "error" || f["code"] != client.CodeInvalid || id != bad.id {
			t.Fatalf("%s: got %v, want an invalid error with id %q", bad.data, f, bad.id)
		}
	}
	must(t, wsjson.Write(ctx, ws, map[string]any{"type": "ping", "id": "p1"}))
	if f := readRaw(t, ws); f["type"] != "pong" || f["id"] != "p1" {
		t.Fatalf("after the bad frames: %v", f)
	}

	// Through the client: an unknown type is an *Error, and the connection
	// goes on.
	conn := connect(t, visitor)
	_, err := conn.Request(ctx, "launch_rockets", map[string]any{"count": 3})
	var pe *client.Error
	if !errors.As(err, &pe) || pe.Code != client.CodeInvalid {
		t.Fatalf("unknown frame type: %v", err)
	}
	if _, err := conn.Ping(ctx); err != nil {
		t.Fatalf("ping after an unknown frame type: %v", err)
	}
}

// A visitor cannot reach another contact's conversation by any path: it is
// not found, exactly as a conversation that does not exist.
func TestOtherContactsConversationIsRefused(t *testing.T) {
	topologies(t, func(t *testing.T, e *env) {
		ctx := t.Context()
		alice, _ := e.visitor(t, 0)
		mallory, _ := e.visitor(t, e.last())
		conv := startConversation(t, alice)

		conn := connect(t, mallory)
		if _, err := conn.Subscribe(ctx, conv.ID, 0); client.ErrorCode(err) != client.CodeNotFound {
			t.Fatalf("subscribe: %v, want not_found", err)
		}
		if _, err := conn.Send(ctx, conv.ID, client.SendInput{Body: "hi"}); client.ErrorCode(err) != client.CodeNotFound {
			t.Fatalf("send over ws: %v, want not_found", err)
		}
		if _, err := mallory.Conversation(ctx, conv.ID); client.ErrorCode(err) != client.CodeNotFound {
			t.Fatalf("get: %v, want not_found", err)
		}
		if _, err := mallory.Messages(ctx, conv.ID, client.MessageQuery{}); client.ErrorCode(err) != client.CodeNotFound {
			t.Fatalf("list messages: %v, want not_found", err)
		}
		if _, err := mallory.SendMessage(ctx, conv.ID, client.SendInput{Body: "hi"}); client.ErrorCode(err) != client.CodeNotFound {
			t.Fatalf("send over REST: %v, want not_found", err)
		}
		page, err := mallory.ListConversations(ctx, client.ConversationFilter{})
		must(t, err)
		if len(page.Items) != 0 {
			t.Fatalf("mallory lists %d conversations", len(page.Items))
		}
		// The connection is still usable after the refusals.
		if _, err := conn.Ping(ctx); err != nil {
			t.Fatal(err)
		}
	})
}

// A visitor connection from an origin the inbox does not allow is refused
// with 1008; from an allowed origin, or with none (a back-end), accepted.
func TestVisitorOriginChecked(t *testing.T) {
	e := newEnv(t)
	visitor, _ := e.visitor(t, 0)
	ctx := t.Context()
	_, err := visitor.Connect(ctx, client.WithOrigin("https://evil.example"))
	var ce *client.CloseError
	if !errors.As(err, &ce) || ce.Code != 1008 || ce.Reason != "origin not allowed" {
		t.Fatalf("connect from a foreign origin: %v, want 1008 origin not allowed", err)
	}
	connect(t, visitor, client.WithOrigin(shopOrigin))
	connect(t, visitor)
	// Bad credentials are refused the same way.
	stranger := e.client(t, e.nodes[0].url, client.WithToken("prlyv_not-a-real-token"))
	if _, err := stranger.Connect(ctx); !errors.As(err, &ce) || ce.Code != 1008 {
		t.Fatalf("connect with a bad token: %v, want 1008", err)
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met in time")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// The rest of the API through the client: logging in, the lifecycle and
// its frames, read state, edits, attachments, filters and errors.
func TestClientAPI(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	url := e.nodes[0].url

	// An agent logs in through the API as the console does; its session
	// works for REST and, as a cookie, for the real-time connection.
	admin := e.admin(t, 0)
	pw := "a-long-enough-password"
	ada, err := admin.CreateAgent(ctx, client.CreateAgentInput{Email: "ada@example.com", Name: "Ada", Password: pw})
	must(t, err)
	login, err := e.client(t, url).Login(ctx, client.LoginInput{Email: "ada@example.com", Password: pw})
	must(t, err)
	agent := e.client(t, url, client.WithSession(login.Session, login.CSRFToken))
	me, err := agent.Me(ctx)
	must(t, err)
	if me.Kind != "agent" || me.Agent.ID != ada.ID || !me.Session {
		t.Fatalf("me = %+v", me)
	}
	if _, err := e.client(t, url).Login(ctx, client.LoginInput{Email: "ada@example.com", Password: "wrong password"}); client.ErrorCode(err) != client.CodeUnauthorized {
		t.Fatalf("bad login: %v", err)
	}
	agentConn := connect(t, agent)
	bob, err := admin.CreateAgent(ctx, client.CreateAgentInput{Email: "bob@example.com", Name: "Bob", Password: pw})
	must(t, err)

	visitor, sess := e.visitor(t, 0)
	visitorConn := connect(t, visitor)
	conv := startConversation(t, visitor)
	_, err = visitorConn.Subscribe(ctx, conv.ID, 1)
	must(t, err)
	_, err = agentConn.Subscribe(ctx, conv.ID, 1)
	must(t, err)

	// Lifecycle, seen as conversation frames by the visitor.
	steps := []struct {
		do    func() (*client.Conversation, error)
		event string
	}{
		{func() (*client.Conversation, error) { return agent.Assign(ctx, conv.ID, "") }, "conversation.assigned"},
		{func() (*client.Conversation, error) { return agent.Transfer(ctx, conv.ID, "", bob.ID) }, "conversation.transferred"},
		{func() (*client.Conversation, error) { return admin.Unassign(ctx, conv.ID, bob.ID) }, "conversation.unassigned"},
		{func() (*client.Conversation, error) { return visitor.Resolve(ctx, conv.ID) }, "conversation.resolved"},
		{func() (*client.Conversation, error) { return agent.Reopen(ctx, conv.ID) }, "conversation.reopened"},
	}
	for i, step := range steps {
		got, err := step.do()
		must(t, err)
		f := next(t, visitorConn, client.FrameConversation)
		if i == 0 && f.Event == "conversation.queued" {
			// The notification of the first message may reach the gateway
			// after the subscription, though the snapshot has its state.
			f = next(t, visitorConn, client.FrameConversation)
		}
		if f.Event != step.event || f.Conversation.Status != got.Status {
			t.Fatalf("after %s the visitor got %s", step.event, f.Raw)
		}
	}
	if _, err := agent.Reopen(ctx, conv.ID); client.ErrorCode(err) != client.CodeConflict {
		t.Fatalf("reopening an open conversation: %v", err)
	}
	page, err := admin.ListConversations(ctx, client.ConversationFilter{Status: []string{client.StatusPending, client.StatusAssigned}, ContactID: sess.ContactID})
	must(t, err)
	if len(page.Items) != 1 || page.Items[0].ID != conv.ID {
		t.Fatalf("filtered list %+v", page.Items)
	}
	if _, err := admin.ListConversations(ctx, client.ConversationFilter{Status: []string{"sleeping"}}); client.ErrorCode(err) != client.CodeInvalid {
		t.Fatalf("bad filter: %v", err)
	}

	// Typing, read state, edits.
	must(t, agentConn.Typing(ctx, conv.ID, false))
	if f := next(t, visitorConn, client.FrameTyping); f.By.ID != ada.ID {
		t.Fatalf("typing %s", f.Raw)
	}
	reply, err := agentConn.Send(ctx, conv.ID, client.SendInput{Body: "Hello"})
	must(t, err)
	if m := nextMessage(t, visitorConn); m.ID != reply.Message.ID {
		t.Fatalf("visitor got %+v", m)
	}
	pos, err := visitorConn.MarkRead(ctx, conv.ID, reply.Message.Seq)
	must(t, err)
	if f := next(t, agentConn, client.FrameRead); pos != reply.Message.Seq || f.LastReadSeq != pos || f.Participant.ID != sess.ContactID {
		t.Fatalf("read %d, frame %s", pos, f.Raw)
	}
	states, err := agent.ReadStates(ctx, conv.ID)
	must(t, err)
	if len(states) == 0 {
		t.Fatal("no read states")
	}
	if pos, err := visitor.MarkRead(ctx, conv.ID, 1); err != nil || pos != reply.Message.Seq {
		t.Fatalf("read backwards: %d, %v", pos, err)
	}
	edited, err := agent.EditMessage(ctx, reply.Message.ID, "Hello!")
	must(t, err)
	if f := next(t, visitorConn, client.FrameMessageUpdated); f.Message.Body != "Hello!" || edited.EditedAt == nil {
		t.Fatalf("edit %s", f.Raw)
	}
	must(t, agent.DeleteMessage(ctx, reply.Message.ID))
	if f := next(t, visitorConn, client.FrameMessageDeleted); f.Message.Body != "" || f.Message.DeletedAt == nil {
		t.Fatalf("delete %s", f.Raw)
	}

	// Attachments: upload, send, download.
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
	att, err := visitor.UploadAttachment(ctx, conv.ID, "dot.png", "image/png", strings.NewReader(string(png)))
	must(t, err)
	sent, err := visitorConn.Send(ctx, conv.ID, client.SendInput{Kind: client.KindAttachment, AttachmentIDs: []string{att.ID}, Body: "see"})
	must(t, err)
	if len(sent.Message.Attachments) != 1 || sent.Message.Attachments[0].ID != att.ID {
		t.Fatalf("attachment message %+v", sent.Message)
	}
	file, err := agent.Attachment(ctx, att.ID, 0)
	must(t, err)
	if string(file.Data) != string(png) || file.ContentType != "image/png" || file.Name != "dot.png" {
		t.Fatalf("downloaded %q %s %d bytes", file.Name, file.ContentType, len(file.Data))
	}
	if _, err := visitor.UploadAttachment(ctx, conv.ID, "x.html", "text/html", strings.NewReader("<script>")); client.ErrorCode(err) != client.CodeInvalid {
		t.Fatalf("html upload: %v", err)
	}

	// Problem documents become *Error with fields.
	_, err = admin.CreateInbox(ctx, client.CreateInboxInput{Name: "", AllowedOrigins: []string{"not an origin"}})
	var pe *client.Error
	if !errors.As(err, &pe) || pe.Status != 422 || pe.Code != client.CodeInvalid || len(pe.Fields) == 0 || pe.RequestID == "" {
		t.Fatalf("invalid inbox: %#v", err)
	}
	if _, err := e.client(t, url, client.WithToken("prly_nope")).Me(ctx); client.ErrorCode(err) != client.CodeUnauthorized {
		t.Fatalf("bad token: %v", err)
	}
}
