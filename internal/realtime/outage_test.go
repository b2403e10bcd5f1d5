package realtime_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/bus"
	"github.com/parleychat/parley/internal/conversation"
	"github.com/parleychat/parley/internal/realtime"
	"github.com/parleychat/parley/internal/testenv"
)

// recoveryBudget is how soon after its bus connection is back a node must
// have delivered what was sent during the outage.
const recoveryBudget = 2 * time.Second

// TestBusOutageLosesNothing runs two nodes on a NATS server of the test's
// own: a visitor on node A, an agent on node B following the conversation
// and another following the workspace feed. The server is killed; the
// visitor sends (acknowledged, stored); the server restarts on the same
// port and one node reconnects before the other — A first, when its
// held-back notifications reach the server before B listens again, or B
// first. Either way B's agents get every message and the feed event within
// recoveryBudget of B's (or A's) recovery, 20 times in a row.
func TestBusOutageLosesNothing(t *testing.T) {
	e := newEnv(t)
	ns := testenv.StartNATS(t)
	gateA, gateB := testenv.NewGate(t, ns.Addr()), testenv.NewGate(t, ns.Addr())
	busA, busB := openBus(t, gateA, "node-a"), openBus(t, gateB, "node-b")
	svcA, svcB := e.newService(t, busA), e.newService(t, busB)
	// The visitor follows a new conversation in each of the 20 runs: more
	// frames than a visitor's default burst allows, and beside the point.
	unlimited := func(cfg *realtime.Config) {
		cfg.VisitorFrames = realtime.FrameLimit{Rate: 1000, Burst: 1000}
	}
	a, b := e.newNodeWith(t, svcA, busA, unlimited), e.newNodeWith(t, svcB, busB, unlimited)

	contact, token := e.newVisitor(t, e.inbox)
	_, session := e.newAgent(t, parley.RoleAgent)
	_, watcher := e.newAgent(t, parley.RoleAgent)
	visitor := a.connect(t, token)
	agent := b.connect(t, session)
	feed := b.connect(t, watcher)
	feed.request(map[string]any{"type": "subscribe_feed"})

	for run := range 20 {
		aFirst := run%2 == 0
		t.Run(fmt.Sprintf("%d/AFirst=%v", run, aFirst), func(t *testing.T) {
			conv, err := svcA.CreateConversation(t.Context(), e.visitorOf(contact), conversation.NewConversation{InboxID: e.inbox.ID})
			must(t, err)
			visitor.subscribe(conv.ID, 0)
			agent.subscribe(conv.ID, 0)

			// The gates close first, so that no attempt to reconnect slips
			// through before the test opens them, in its order.
			gateA.SetOpen(false)
			gateB.SetOpen(false)
			ns.Kill()
			waitFor(t, "both nodes to lose the bus", func() bool { return !connected(busA) && !connected(busB) })
			var sent []string
			for i := range 3 {
				ack := visitor.request(map[string]any{"type": "send", "conversation_id": conv.ID,
					"client_id": strconv.Itoa(i), "body": fmt.Sprint("during the outage ", i)})
				if ack.Type != "ack" {
					t.Fatalf("send during the outage: %s", ack.raw)
				}
				sent = append(sent, ack.message(t).ID)
			}

			ns.Start(t)
			first, second := gateA, gateB
			firstBus, secondBus := busA, busB
			if !aFirst {
				first, second, firstBus, secondBus = gateB, gateA, busB, busA
			}
			first.SetOpen(true)
			waitFor(t, "the first node to reconnect", func() bool { return connected(firstBus) })
			if connected(secondBus) {
				t.Fatal("the second node reconnected through a closed gate")
			}
			second.SetOpen(true)
			waitFor(t, "the second node to reconnect", func() bool { return connected(secondBus) })
			recovered := time.Now()

			deadline := recovered.Add(recoveryBudget)
			for i, id := range sent {
				m := agent.nextMessageBy(t, deadline)
				if m.ID != id || m.Seq != int64(i+1) {
					t.Fatalf("the agent on node B received %+v, want message %d (%s)", m, i+1, id)
				}
			}
			for {
				f := feed.readUntil(deadline)
				if f.Type == "event" {
					if ev := f.event(t); ev.ConversationID == conv.ID && ev.Type == parley.EventConversationQueued {
						break
					}
				}
			}
			// Caught up and live, nothing comes twice.
			agent.drainUntilPong(t, func(f frame) bool { return f.Type == "message" })
			feed.drainUntilPong(t, func(f frame) bool {
				return f.Type == "event" && f.event(t).ConversationID == conv.ID && f.event(t).Type == parley.EventConversationQueued
			})
		})
	}
}

// nextMessageBy is nextMessage with a deadline.
func (c *client) nextMessageBy(t *testing.T, deadline time.Time) *parley.Message {
	t.Helper()
	for {
		if f := c.readUntil(deadline); f.Type == "message" {
			return f.message(t)
		}
	}
}

// drainUntilPong pings and reads until the pong, failing on a frame
// delivered again meanwhile (again reports which).
func (c *client) drainUntilPong(t *testing.T, again func(frame) bool) {
	t.Helper()
	c.write(map[string]any{"type": "ping", "id": "drain"})
	for {
		f := c.read()
		switch {
		case f.Type == "pong" && f.ID == "drain":
			return
		case again(f):
			t.Fatalf("delivered again: %s", f.raw)
		}
	}
}

func connected(b *bus.Bus) bool {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	return b.Ping(ctx) == nil
}

// openBus connects a node's bus to NATS through gate, retrying the
// connection every 20 ms once lost.
func openBus(t *testing.T, g *testenv.Gate, name string) *bus.Bus {
	t.Helper()
	b, err := bus.Open(t.Context(), bus.Config{URL: "nats://" + g.Addr(), Name: name, ReconnectWait: 20 * time.Millisecond}, discard)
	must(t, err)
	t.Cleanup(func() { b.Close() })
	return b
}
