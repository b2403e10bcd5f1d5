package realtime_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/bus"
	"github.com/parleychat/parley/internal/presence"
	"github.com/parleychat/parley/internal/realtime"
	"github.com/parleychat/parley/internal/testenv"
)

// nextAvailability reads frames until an availability frame, by deadline,
// and returns whether it says an agent is online.
func (c *client) nextAvailability(t *testing.T, deadline time.Time) bool {
	t.Helper()
	for {
		f := c.readUntil(deadline)
		if f.Type != "availability" {
			continue
		}
		var a struct {
			Online bool      `json:"online"`
			At     time.Time `json:"at"`
		}
		if err := json.Unmarshal([]byte(f.raw), &a); err != nil || a.At.IsZero() {
			t.Fatalf("availability frame %s: %v", f.raw, err)
		}
		return a.Online
	}
}

// A visitor's connection is told live whether an agent is online, and,
// after a bus outage during which it changed, told how it is now, as the
// database has it; staff connections are not sent availability frames.
func TestAvailability(t *testing.T) {
	e := newEnv(t)
	ns := testenv.StartNATS(t)
	gate := testenv.NewGate(t, ns.Addr())
	b := openBus(t, gate, "node-a")
	pres, err := presence.New(presence.Config{Store: e.store, Bus: b, Subject: bus.Subject, Logger: discard, Grace: time.Minute})
	must(t, err)
	n := e.newNodeWith(t, e.newService(t, b), b, func(c *realtime.Config) { c.Presence = pres })
	_, token := e.newVisitor(t, e.inbox)
	visitor := n.connect(t, token)
	agent, _ := e.newAgent(t, parley.RoleAgent)
	ctx := t.Context()

	t.Run("Live", func(t *testing.T) {
		must(t, pres.Set(ctx, e.ws.ID, agent.ID, parley.PresenceOnline))
		if !visitor.nextAvailability(t, time.Now().Add(wait)) {
			t.Error("the visitor was told no agent is online")
		}
		must(t, pres.Set(ctx, e.ws.ID, agent.ID, parley.PresenceAway))
		if visitor.nextAvailability(t, time.Now().Add(wait)) {
			t.Error("the visitor was told an agent is online while the only one is away")
		}
	})
	t.Run("AfterABusOutage", func(t *testing.T) {
		gate.SetOpen(false)
		ns.Kill()
		waitFor(t, "the node to lose the bus", func() bool { return !connected(b) })
		// A change whose notification is lost (made where there is no bus:
		// nothing held back reaches the server later).
		unheard, err := presence.New(presence.Config{Store: e.store, Logger: discard})
		must(t, err)
		must(t, unheard.Set(ctx, e.ws.ID, agent.ID, parley.PresenceOnline))
		ns.Start(t)
		gate.SetOpen(true)
		waitFor(t, "the node to reconnect", func() bool { return connected(b) })
		if !visitor.nextAvailability(t, time.Now().Add(recoveryBudget)) {
			t.Error("after the outage the visitor was told no agent is online")
		}
	})
	t.Run("NotForStaff", func(t *testing.T) {
		_, tok, err := e.acct.CreateToken(ctx, nil, e.ws.ID, "app", []parley.Scope{parley.ScopeConversationsRead})
		must(t, err)
		staff := n.connect(t, tok)
		must(t, pres.Set(ctx, e.ws.ID, agent.ID, parley.PresenceOffline))
		visitor.nextAvailability(t, time.Now().Add(wait)) // the change went out
		staff.drainUntilPong(t, func(f frame) bool { return f.Type == "availability" })
	})
}
