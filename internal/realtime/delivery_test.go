package realtime_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/google/go-cmp/cmp"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/bus"
	"github.com/parleychat/parley/internal/conversation"
	"github.com/parleychat/parley/internal/realtime"
	"github.com/parleychat/parley/internal/testenv"
)

// A client disconnected while 100 messages are sent resumes with the last
// seq it saw and receives exactly those 100, in order, once, then live ones.
func TestResume(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	contact, token := e.newVisitor(t, e.inbox)
	agent, _ := e.newAgent(t, parley.RoleAgent)
	conv := e.start(t, contact)

	v := n.connect(t, token)
	v.subscribe(conv.ID, 0)
	v.request(map[string]any{"type": "send", "conversation_id": conv.ID, "client_id": "first", "body": "Hello"})
	last := v.nextMessage().Seq
	must(t, v.ws.Close(websocket.StatusNormalClosure, ""))

	var want []string
	for i := range 100 {
		body := fmt.Sprintf("while you were away %d", i)
		e.send(t, e.agentOf(agent), conv.ID, parley.KindText, body)
		want = append(want, body)
	}

	v = n.connect(t, token)
	replayed, sub := v.subscribe(conv.ID, last)
	var got []string
	for _, m := range replayed {
		got = append(got, m.Body)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Fatalf("replay (-want +got):\n%s", d)
	}
	if d := cmp.Diff(seqRange(last+1, last+100), seqs(replayed)); d != "" {
		t.Fatalf("replayed seqs (-want +got):\n%s", d)
	}
	if sub.LastSeq != last+100 {
		t.Fatalf("subscribed %s, want last_seq %d", sub.raw, last+100)
	}

	live := e.send(t, e.agentOf(agent), conv.ID, parley.KindText, "and now live")
	if got := v.nextMessage(); got.ID != live.ID || got.Seq != last+101 {
		t.Fatalf("live message %+v, want seq %d", got, last+101)
	}
	if f := v.request(map[string]any{"type": "ping"}); f.Type != "pong" {
		t.Fatalf("ping answered %s", f.raw)
	}
	for _, raw := range drain(v) {
		if strings.Contains(raw, `"type":"message"`) {
			t.Errorf("duplicate delivery: %s", raw)
		}
	}
}

// Subscriptions resuming while messages are being sent still see every
// message once, in order: no gap between the replay and the live stream,
// no duplicate.
func TestResumeRacingSends(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	contact, token := e.newVisitor(t, e.inbox)
	agent, session := e.newAgent(t, parley.RoleAgent)
	conv := e.start(t, contact)

	const senders, each = 6, 50
	var sent atomic.Int64
	var wg sync.WaitGroup
	for i := range senders {
		wg.Go(func() {
			for j := range each {
				caller, kind := e.visitorOf(contact), parley.KindText
				if i%2 == 1 {
					caller = e.agentOf(agent)
					if j%3 == 0 {
						kind = parley.KindNote // agents see it; visitors get a gap
					}
				}
				e.send(t, caller, conv.ID, kind, fmt.Sprintf("sender %d message %d", i, j))
				sent.Add(1)
			}
		})
	}

	type follower struct {
		c        *client
		visitor  bool
		after    int64
		received []*parley.Message
	}
	var followers []*follower
	for k := range 6 {
		threshold := int64(k * senders * each / 8)
		waitFor(t, fmt.Sprintf("%d messages sent", threshold), func() bool { return sent.Load() >= threshold })
		f := &follower{visitor: k%3 == 2}
		if f.visitor {
			f.c = n.connect(t, token)
		} else {
			f.c = n.connect(t, session)
		}
		if k%2 == 1 {
			f.after = sent.Load() / 2
		}
		f.received, _ = f.c.subscribe(conv.ID, f.after)
		followers = append(followers, f)
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}

	all, err := e.store.ListMessages(t.Context(), e.ws.ID, conv.ID, parley.MessageQuery{Limit: parley.MaxListLimit, IncludeNotes: true})
	must(t, err)
	for len(all) < senders*each {
		more, err := e.store.ListMessages(t.Context(), e.ws.ID, conv.ID, parley.MessageQuery{AfterSeq: all[len(all)-1].Seq, Limit: parley.MaxListLimit, IncludeNotes: true})
		must(t, err)
		all = append(all, more...)
	}
	for i, f := range followers {
		// Each follows its own sequence: a visitor's counts no note.
		var want []int64
		for _, m := range all {
			switch {
			case !f.visitor && m.Seq > f.after:
				want = append(want, m.Seq)
			case f.visitor && m.VisibleToVisitor() && m.VisitorSeq > f.after:
				want = append(want, m.VisitorSeq)
			}
		}
		for len(want) > 0 && (len(f.received) == 0 || f.received[len(f.received)-1].Seq < want[len(want)-1]) {
			f.received = append(f.received, f.c.nextMessage())
		}
		if d := cmp.Diff(want, seqs(f.received)); d != "" {
			t.Errorf("follower %d (visitor %v, after %d) (-want +got):\n%s", i, f.visitor, f.after, d)
		}
	}
}

// A client that stops reading is closed as a slow consumer once its queue
// is full, in frames or in bytes; the others receive everything.
func TestSlowConsumer(t *testing.T) {
	t.Parallel()
	t.Run("frames", func(t *testing.T) {
		t.Parallel()
		testSlowConsumer(t, func(c *realtime.Config) { c.SendQueue = 64 })
	})
	t.Run("bytes", func(t *testing.T) {
		t.Parallel()
		// A wave of sends is 16 messages of up to MaxMessageBodySize: the
		// queue of the client that reads holds several.
		testSlowConsumer(t, func(c *realtime.Config) { c.SendQueueBytes = 64 * parley.MaxMessageBodySize })
	})
}

func testSlowConsumer(t *testing.T, limit func(*realtime.Config)) {
	e := newEnv(t)
	n := e.newNode(t, limit, func(c *realtime.Config) {
		c.WriteTimeout = time.Minute
		// The slow client answers no ping (it reads nothing): it must be
		// cut off as a slow consumer, however slowly the sends go on a
		// loaded machine, not for its heartbeat.
		c.PingInterval = time.Hour
	})
	contact, _ := e.newVisitor(t, e.inbox)
	agent, session := e.newAgent(t, parley.RoleAgent)
	conv := e.start(t, contact)
	subject := subjectOf(t, e, conv.ID)

	// The slow client subscribes, then never reads.
	slow := n.dial(t, dialOptions{noReading: true})
	slow.write(map[string]any{"type": "auth", "token": session})
	slow.write(map[string]any{"type": "subscribe", "conversation_id": conv.ID})
	fast := n.connect(t, session)
	fast.subscribe(conv.ID, 0)
	waitFor(t, "both subscribed", func() bool { return realtime.LocalSubscribers(n.gw, subject) == 2 })

	body := strings.Repeat("x", parley.MaxMessageBodySize-100)
	var last atomic.Int64
	for wave := 0; realtime.SlowConsumers(n.gw) == 0; wave++ {
		if wave == 500 {
			t.Fatal("the slow consumer was never disconnected")
		}
		var wg sync.WaitGroup
		for range 16 {
			wg.Go(func() {
				if m := e.send(t, e.agentOf(agent), conv.ID, parley.KindText, body); m != nil {
					for {
						old := last.Load()
						if m.Seq <= old || last.CompareAndSwap(old, m.Seq) {
							break
						}
					}
				}
			})
		}
		wg.Wait()
		if t.Failed() {
			t.FailNow()
		}
	}
	slow.expectClose(realtime.StatusSlowConsumer, "slow consumer")
	if got := realtime.SlowConsumers(n.gw); got != 1 {
		t.Fatalf("%d slow consumers, want 1", got)
	}

	// The other connection received everything, in order, and still works.
	var got []int64
	for len(got) == 0 || got[len(got)-1] < last.Load() {
		got = append(got, fast.nextMessage().Seq)
	}
	if d := cmp.Diff(seqRange(1, last.Load()), got); d != "" {
		t.Fatalf("fast client (-want +got):\n%s", d)
	}
	if f := fast.request(map[string]any{"type": "ping"}); f.Type != "pong" {
		t.Fatalf("ping answered %s", f.raw)
	}
	waitFor(t, "the slow connection's subscription to go", func() bool { return realtime.LocalSubscribers(n.gw, subject) == 1 })
}

// An agent following a conversation that receives a burst larger than its
// kernel's socket buffers hold (at most 4 MiB here) while it does not read
// for a moment is not cut off: its queue is sized by bytes, and the burst
// fits. It then receives every message, in order. (With the queue of 256
// frames it used to have, it was cut off.)
//
// Not parallel: its writer waits on the paused client, which tests that
// count the gateway's goroutines would see.
func TestBurstDoesNotCutOffAgent(t *testing.T) {
	e := newEnv(t)
	n := e.newNode(t, func(c *realtime.Config) {
		c.SendQueueBytes = 16 << 20
		c.PingInterval = time.Hour       // the pause is not a heartbeat test,
		c.WriteTimeout = 2 * time.Minute // nor a write timeout one
	})
	contact, _ := e.newVisitor(t, e.inbox)
	agent, session := e.newAgent(t, parley.RoleAgent)
	conv := e.start(t, contact)
	subject := subjectOf(t, e, conv.ID)

	follower := n.dial(t, dialOptions{noReading: true})
	follower.write(map[string]any{"type": "auth", "token": session})
	follower.write(map[string]any{"type": "subscribe", "conversation_id": conv.ID})
	waitFor(t, "the agent subscribed", func() bool { return realtime.LocalSubscribers(n.gw, subject) == 1 })

	// 700 frames of about 10 KB (7 MB): more than the kernel holds, so
	// over 256 frames wait in the queue.
	const burst = 700
	body := strings.Repeat("x", 10_000)
	var wg sync.WaitGroup
	var next atomic.Int64
	for range 8 {
		wg.Go(func() {
			for next.Add(1) <= burst {
				e.send(t, e.agentOf(agent), conv.ID, parley.KindText, body)
			}
		})
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	follower.startReading()
	follower.expect("ready")
	var got []int64 // the replay (messages sent before "subscribed"), then the stream
	for len(got) < burst {
		switch f := follower.read(); f.Type {
		case "message":
			got = append(got, f.message(t).Seq)
		case "subscribed", "conversation":
		default:
			t.Fatalf("got frame %s", f.raw)
		}
	}
	if d := cmp.Diff(seqRange(1, burst), got); d != "" {
		t.Fatalf("the agent received (-want +got):\n%s", d)
	}
	if n := realtime.SlowConsumers(n.gw); n != 0 {
		t.Fatalf("%d slow consumers", n)
	}
}

func TestHeartbeat(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t, func(c *realtime.Config) {
		c.PingInterval = 50 * time.Millisecond
		c.PongTimeout = 2 * time.Second // generous: the race detector on one CPU is slow
	})
	_, session := e.newAgent(t, parley.RoleAgent)

	alive := n.connect(t, session)
	deaf := n.dial(t, dialOptions{deaf: true})
	deaf.write(map[string]any{"type": "auth", "token": session})
	if f := deaf.expect("ready"); f.Heartbeat != 50 {
		t.Fatalf("ready %s", f.raw)
	}
	deaf.expectClose(realtime.StatusHeartbeatTimeout, "heartbeat timeout")

	waitFor(t, "pings answered", func() bool { return alive.pings.Load() >= 5 })
	if f := alive.request(map[string]any{"type": "ping"}); f.Type != "pong" {
		t.Fatalf("ping answered %s", f.raw)
	}
}

func TestGatewayClose(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	contact, token := e.newVisitor(t, e.inbox)
	_, session := e.newAgent(t, parley.RoleAgent)
	conv := e.start(t, contact)
	v := n.connect(t, token)
	a := n.connect(t, session)
	v.subscribe(conv.ID, 0)
	a.subscribe(conv.ID, 0)

	n.gw.Close()
	v.expectClose(websocket.StatusGoingAway, "server shutting down")
	a.expectClose(websocket.StatusGoingAway, "server shutting down")
	if got := realtime.Connections(n.gw); got != 0 {
		t.Fatalf("%d connections after Close", got)
	}
	if got := realtime.BusSubscriptions(n.gw); got != 0 {
		t.Fatalf("%d bus subscriptions after Close", got)
	}
	ctx, cancel := context.WithTimeout(t.Context(), wait)
	defer cancel()
	_, resp, err := websocket.Dial(ctx, n.url, nil)
	if err == nil || resp == nil || resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("dial after Close: %v %v", resp, err)
	}
}

// countingBus is the real bus, counting the subscriptions placed on it.
type countingBus struct {
	parley.Bus
	subscribes atomic.Int64 // calls
	active     atomic.Int64 // not yet unsubscribed
}

func (b *countingBus) Subscribe(subject string, fn func(string, []byte)) (func() error, error) {
	unsubscribe, err := b.Bus.Subscribe(subject, fn)
	if err != nil {
		return nil, err
	}
	b.subscribes.Add(1)
	b.active.Add(1)
	var once sync.Once
	return func() error {
		once.Do(func() { b.active.Add(-1) })
		return unsubscribe()
	}, nil
}

// A node subscribes to the bus once per workspace, not per conversation
// or connection: N connections following one conversation, a visitor
// following its visitor audience, and visitors each following a
// conversation of their own share one bus subscription (so an idle
// follower costs no bus subscription, nor the goroutine the NATS client
// runs for each); the last to leave removes it.
func TestOneBusSubscriptionPerWorkspace(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	counting := &countingBus{Bus: e.bus}
	// Counting the conversations' subscriptions only: not the gateway's
	// one to revocations.
	n := e.newNodeWith(t, e.svc, counting, func(c *realtime.Config) { c.RevocationSubject = "" })
	contact, token := e.newVisitor(t, e.inbox)
	agent, session := e.newAgent(t, parley.RoleAgent)
	conv := e.start(t, contact)
	subject := subjectOf(t, e, conv.ID)

	const N = 10
	agents := make([]*client, N)
	for i := range agents {
		agents[i] = n.connect(t, session)
	}
	for i, c := range agents { // all at once
		c.write(map[string]any{"type": "subscribe", "id": fmt.Sprint(i), "conversation_id": conv.ID})
	}
	for _, c := range agents {
		c.expect("subscribed")
	}
	if got := counting.subscribes.Load(); got != 1 {
		t.Fatalf("%d bus subscriptions for %d connections, want 1", got, N)
	}
	if got, local := realtime.BusSubscriptions(n.gw), realtime.LocalSubscribers(n.gw, subject); got != 1 || local != N {
		t.Fatalf("gateway holds %d bus subscriptions for %d local subscribers", got, local)
	}

	// A visitor follows the visitor audience only: another local subject,
	// on the same bus subscription.
	visitor := n.connect(t, token)
	visitor.subscribe(conv.ID, 0)
	visitorSubject, err := e.svc.ConversationSubject(e.ws.ID, conv.ID, conversation.AudienceVisitor)
	must(t, err)
	if got := realtime.LocalSubscribers(n.gw, visitorSubject); got != 1 {
		t.Fatalf("%d local subscribers of the visitor subject", got)
	}
	// Visitors each following a conversation of their own: the same.
	const V = 20
	others := make([]*client, V)
	otherConvs := make([]*parley.Conversation, V)
	for i := range others {
		c, tok := e.newVisitor(t, e.inbox)
		otherConvs[i] = e.start(t, c)
		others[i] = n.connect(t, tok)
		others[i].subscribe(otherConvs[i].ID, 0)
		if f := others[i].request(map[string]any{"type": "subscribe_feed"}); f.Type != "feed_subscribed" {
			t.Fatalf("subscribe_feed answered %s", f.raw)
		}
		defer func(i int, c *parley.Contact) {
			// Each learns, from its contact's feed, of a conversation its
			// contact starts elsewhere, and receives its own conversation's
			// messages, and only those.
			second := e.start(t, c)
			waitForFrame(others[i], func(f frame) bool {
				return f.Type == "conversation" && f.Conversation != nil && f.Conversation.ID == second.ID
			})
			sent := e.send(t, e.visitorOf(c), otherConvs[i].ID, parley.KindText, fmt.Sprint("to visitor ", i))
			if got := others[i].nextMessage(); got.ID != sent.ID {
				t.Errorf("visitor %d received %+v", i, got)
			}
			must(t, others[i].ws.Close(websocket.StatusNormalClosure, ""))
		}(i, c)
	}
	// The visitors' feeds (their contacts'), which every widget follows:
	// one more, for all of them.
	if got := counting.active.Load(); got != 2 {
		t.Fatalf("%d bus subscriptions for %d conversations and %d contact feeds, want 2", got, V+1, V)
	}

	sent := e.send(t, e.visitorOf(contact), conv.ID, parley.KindText, "to everyone")
	for _, c := range append(agents, visitor) {
		if got := c.nextMessage(); got.ID != sent.ID {
			t.Fatalf("received %+v", got)
		}
	}
	// A note reaches the agents, not the visitor (who would get it first,
	// before the next message).
	e.send(t, e.agentOf(agent), conv.ID, parley.KindNote, "staff only")
	for _, c := range agents {
		if got := c.nextMessage(); got.Kind != parley.KindNote {
			t.Fatalf("agent received %+v, want the note", got)
		}
	}
	last := e.send(t, e.visitorOf(contact), conv.ID, parley.KindText, "after the note")
	if got := visitor.nextMessage(); got.ID != last.ID {
		t.Fatalf("visitor received %+v, want %+v", got, last)
	}

	for _, c := range agents {
		if f := c.request(map[string]any{"type": "unsubscribe", "conversation_id": conv.ID}); f.Type != "unsubscribed" {
			t.Fatalf("unsubscribe answered %s", f.raw)
		}
	}
	if got, local := counting.active.Load(), realtime.LocalSubscribers(n.gw, subject); got != 2 || local != 0 {
		t.Fatalf("%d bus subscriptions for %d local subscribers, want 2 and 0", got, local)
	}
	must(t, visitor.ws.Close(websocket.StatusNormalClosure, ""))
	t.Cleanup(func() {
		waitFor(t, "no bus subscription", func() bool {
			return counting.active.Load() == 0 && realtime.BusSubscriptions(n.gw) == 0
		})
		if got := counting.subscribes.Load(); got != 2 {
			t.Errorf("%d subscribe calls, want 2", got)
		}
	})
}

// Two nodes: a visitor on node A, an agent on node B. Embedded, the nodes
// share one in-process bus; with PARLEY_TEST_NATS_URL, each has its own
// connection to the external server and its own conversation service, over
// one database.
func TestTwoNodes(t *testing.T) {
	t.Parallel()
	t.Run("Embedded", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		testTwoNodes(t, e, e.svc, e.newNode(t), e.newNode(t))
	})
	t.Run("External", func(t *testing.T) {
		t.Parallel()
		url := testenv.NATSURL(t)
		e := newEnv(t)
		open := func(name string) *bus.Bus {
			b, err := bus.Open(t.Context(), bus.Config{URL: url, Name: name}, discard)
			must(t, err)
			t.Cleanup(func() { b.Close() })
			return b
		}
		busA, busB := open("parley-test-a"), open("parley-test-b")
		svcA, svcB := e.newService(t, busA), e.newService(t, busB)
		testTwoNodes(t, e, svcB, e.newNodeWith(t, svcA, busA), e.newNodeWith(t, svcB, busB))
	})
}

// testTwoNodes checks delivery across nodes a and b; svcB is node b's
// conversation service.
func testTwoNodes(t *testing.T, e *env, svcB *conversation.Service, a, b *node) {
	contact, token := e.newVisitor(t, e.inbox)
	agent, session := e.newAgent(t, parley.RoleAgent)
	conv := e.start(t, contact)

	visitor := a.connect(t, token)
	visitor.subscribe(conv.ID, 0)
	staff := b.connect(t, session)
	staff.subscribe(conv.ID, 0)
	staff.request(map[string]any{"type": "subscribe_feed"})

	ack := visitor.request(map[string]any{"type": "send", "conversation_id": conv.ID, "client_id": "v1", "body": "Hello from node A"})
	// The message and the feed's event travel on different subjects, in
	// either order.
	for gotMessage, gotEvent := false, false; !gotMessage || !gotEvent; {
		switch f := staff.read(); f.Type {
		case "message":
			if got := f.message(t); got.ID != ack.message(t).ID {
				t.Fatalf("agent on node B received %+v", got)
			}
			gotMessage = true
		case "event":
			if ev := f.event(t); ev.Type != parley.EventConversationQueued || ev.ConversationID != conv.ID {
				t.Fatalf("feed on node B: %s", f.raw)
			}
			gotEvent = true
		}
	}

	reply := staff.request(map[string]any{"type": "send", "conversation_id": conv.ID, "client_id": "a1", "body": "Hello from node B"})
	for {
		m := visitor.nextMessage()
		if m.ID == reply.message(t).ID {
			break
		}
		if m.Seq != 1 {
			t.Fatalf("visitor on node A received %+v", m)
		}
	}

	// The visitor moves to node B while node B's agent writes.
	must(t, visitor.ws.Close(websocket.StatusNormalClosure, ""))
	var want []int64
	for i := range 10 {
		r, err := svcB.Send(t.Context(), e.agentOf(agent), conversation.SendInput{ConversationID: conv.ID, Body: fmt.Sprint("meanwhile ", i)})
		must(t, err)
		want = append(want, r.Message.Seq)
	}
	visitor = b.connect(t, token)
	replayed, _ := visitor.subscribe(conv.ID, 2)
	if d := cmp.Diff(want, seqs(replayed)); d != "" {
		t.Fatalf("resume on node B (-want +got):\n%s", d)
	}
}

// A notification the bus lost (here: a message appended to the store
// directly, which publishes nothing) is filled from the database before the
// next one, so the stream has no gap.
func TestLostNotificationIsFilled(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	contact, token := e.newVisitor(t, e.inbox)
	agent, session := e.newAgent(t, parley.RoleAgent)
	conv := e.start(t, contact)
	visitor := n.connect(t, token)
	staff := n.connect(t, session)
	visitor.subscribe(conv.ID, 0)
	staff.subscribe(conv.ID, 0)

	for _, kind := range []parley.MessageKind{parley.KindText, parley.KindNote} {
		_, err := e.store.AppendMessage(t.Context(), parley.MessageInput{
			WorkspaceID: e.ws.ID, ConversationID: conv.ID, Kind: kind,
			Sender: parley.Sender{Type: parley.ParticipantAgent, ID: agent.ID}, Body: "unannounced " + string(kind),
		})
		must(t, err)
	}
	e.send(t, e.agentOf(agent), conv.ID, parley.KindText, "announced") // seq 3

	var got []int64
	for len(got) == 0 || got[len(got)-1] < 3 {
		got = append(got, staff.nextMessage().Seq)
	}
	if d := cmp.Diff([]int64{1, 2, 3}, got); d != "" {
		t.Fatalf("agent (-want +got):\n%s", d)
	}
	got = nil
	for len(got) == 0 || got[len(got)-1] < 2 {
		got = append(got, visitor.nextMessage().Seq)
	}
	// The visitor's sequence has no note: the announced message is its 2.
	if d := cmp.Diff([]int64{1, 2}, got); d != "" {
		t.Fatalf("visitor (-want +got):\n%s", d)
	}
}

func TestEditsAndDeletes(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	contact, token := e.newVisitor(t, e.inbox)
	agent, session := e.newAgent(t, parley.RoleAgent)
	conv := e.start(t, contact)
	visitor := n.connect(t, token)
	staff := n.connect(t, session)
	visitor.subscribe(conv.ID, 0)
	staff.subscribe(conv.ID, 0)

	text := e.send(t, e.agentOf(agent), conv.ID, parley.KindText, "Helo")
	note := e.send(t, e.agentOf(agent), conv.ID, parley.KindNote, "SECRET note")
	_, err := e.svc.Edit(t.Context(), e.agentOf(agent), note.ID, "SECRET edited")
	must(t, err)
	_, err = e.svc.Edit(t.Context(), e.agentOf(agent), text.ID, "Hello")
	must(t, err)
	_, err = e.svc.Delete(t.Context(), e.agentOf(agent), text.ID)
	must(t, err)

	var staffTypes []string
	for len(staffTypes) < 5 {
		f := staff.read()
		if f.Type == "conversation" {
			continue
		}
		staffTypes = append(staffTypes, f.Type+" "+f.message(t).Body)
	}
	want := []string{"message Helo", "message SECRET note", "message.updated SECRET edited", "message.updated Hello", "message.deleted "}
	if d := cmp.Diff(want, staffTypes); d != "" {
		t.Fatalf("agent (-want +got):\n%s", d)
	}
	var visitorTypes []string
	for len(visitorTypes) < 3 {
		f := visitor.read()
		if f.Type == "conversation" {
			continue
		}
		if strings.Contains(f.raw, "SECRET") {
			t.Fatalf("visitor received %s", f.raw)
		}
		visitorTypes = append(visitorTypes, f.Type+" "+f.message(t).Body)
	}
	want = []string{"message Helo", "message.updated Hello", "message.deleted "}
	if d := cmp.Diff(want, visitorTypes); d != "" {
		t.Fatalf("visitor (-want +got):\n%s", d)
	}
}
