package client_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/config"
)

// testGrace is the presence grace period of these tests' nodes.
const testGrace = 2 * time.Second

func withGrace(cfg *config.Config) { cfg.PresenceGrace = testGrace }

// wantAvailability waits for the availability frame saying online, skipping
// others (and repeated availability frames saying the opposite, which a
// change of another agent may send), within the grace period plus 2 s.
func wantAvailability(t *testing.T, conn *client.Conn, online bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), testGrace+2*time.Second+wait/3)
	defer cancel()
	for {
		f, err := conn.Next(ctx)
		if err != nil {
			t.Fatalf("waiting for availability online=%v: %v", online, err)
		}
		if f.Type == client.FrameAvailability && f.Online == online {
			return
		}
	}
}

// agentPresence returns the agent's presence as GET /api/v1/agents lists it.
func agentPresence(t *testing.T, admin *client.Client, agentID string) string {
	t.Helper()
	a, err := admin.Agent(t.Context(), agentID)
	must(t, err)
	return a.Presence
}

// presenceEvents returns the agent.presence_changed events of the workspace
// for agentID, oldest first, as presence values.
func presenceEvents(t *testing.T, e *env, agentID string) []parley.Presence {
	t.Helper()
	list, err := e.nodes[0].app.Store.ListEvents(t.Context(), e.workspace.ID, parley.ListOptions{Limit: 200})
	must(t, err)
	var out []parley.Presence
	for _, ev := range list.Items {
		if ev.Type != parley.EventAgentPresenceChanged {
			continue
		}
		var d parley.AgentPresenceEventData
		must(t, json.Unmarshal(ev.Payload, &d))
		if d.AgentID == agentID {
			out = append(out, d.Presence)
		}
	}
	return out
}

// waitPast waits until the grace period after since has passed, plus the
// time a sweep takes to notice: a lease taken at since has run out then.
func waitPast(since time.Time) {
	time.Sleep(time.Until(since.Add(testGrace + testGrace/2)))
}

// An agent's presence follows its real-time connections: it holds while
// one is open, falls to offline the grace period after the last one
// closes, and comes back to the chosen status when the agent connects
// again. Visitors' connections are told each time whether an agent is
// online; GET /api/v1/agents shows the presence, and each change is an
// agent.presence_changed event.
func TestPresenceFollowsConnections(t *testing.T) {
	cfg := nodeConfig(t)
	withGrace(&cfg)
	e := setupEnv(t, startNode(t, cfg))
	admin := e.admin(t, 0)
	visitor, _ := e.visitor(t, 0)
	vconn := connect(t, visitor, client.WithOrigin(shopOrigin))
	agent, ag := e.agent(t, 0, parley.RoleAgent)

	if got := agentPresence(t, admin, ag.ID); got != "offline" {
		t.Fatalf("a new agent is %q", got)
	}
	conn := connect(t, agent)
	set := time.Now()
	must(t, agent.SetPresence(t.Context(), "online"))
	wantAvailability(t, vconn, true)
	if got := agentPresence(t, admin, ag.ID); got != "online" {
		t.Errorf("GET /api/v1/agents/{id} says %q, want online", got)
	}

	t.Run("HeldByTheConnection", func(t *testing.T) {
		// Past the lease PUT /me/presence took, the open connection holds.
		waitPast(set)
		if got := agentPresence(t, admin, ag.ID); got != "online" {
			t.Errorf("with a connection open past the grace period, the agent is %q", got)
		}
	})
	t.Run("OfflineAfterTheLastConnection", func(t *testing.T) {
		conn.Close()
		wantAvailability(t, vconn, false)
		if got := agentPresence(t, admin, ag.ID); got != "offline" {
			t.Errorf("the agent is %q", got)
		}
	})
	t.Run("BackOnConnect", func(t *testing.T) {
		connect(t, agent)
		wantAvailability(t, vconn, true) // the status it chose, without setting it again
		if got := agentPresence(t, admin, ag.ID); got != "online" {
			t.Errorf("the agent is %q", got)
		}
	})
	t.Run("Events", func(t *testing.T) {
		want := []parley.Presence{parley.PresenceOnline, parley.PresenceOffline, parley.PresenceOnline}
		if got := presenceEvents(t, e, ag.ID); !equal(got, want) {
			t.Errorf("agent.presence_changed events: %v, want %v", got, want)
		}
	})
	t.Run("APIOnlyStatusLapses", func(t *testing.T) {
		// Another agent sets itself online over REST and never connects.
		other, o := e.agent(t, 0, parley.RoleAgent)
		must(t, other.SetPresence(t.Context(), "online"))
		pollGrace(t, func() string {
			if got := agentPresence(t, admin, o.ID); got != "offline" {
				return "the agent without a connection is still " + got
			}
			return ""
		})
	})
}

// On two nodes sharing PostgreSQL and NATS, presence does not depend on
// either staying up: an agent connected to both stays online when one of
// its connections closes, and goes offline when the node holding its last
// connection stops, through the other node; the visitor, on that other
// node, is told each time.
func TestPresenceOnTwoNodes(t *testing.T) {
	e := newCluster(t, withGrace)
	admin := e.admin(t, 0)
	visitor, _ := e.visitor(t, 0)
	vconn := connect(t, visitor, client.WithOrigin(shopOrigin))
	agent0, ag := e.agent(t, 0, parley.RoleAgent)
	agent1 := e.session(t, 1, ag)

	conn0 := connect(t, agent0)
	connect(t, agent1)
	set := time.Now()
	must(t, agent1.SetPresence(t.Context(), "online")) // through node 1
	wantAvailability(t, vconn, true)                   // published by node 1, heard on node 0

	conn0.Close()
	waitPast(set)
	if got := agentPresence(t, admin, ag.ID); got != "online" {
		t.Fatalf("with a connection open on node 1, the agent is %q", got)
	}

	e.hc.CloseIdleConnections()
	e.nodes[1].stop() // its connections end; nobody renews its lease
	wantAvailability(t, vconn, false)
	if got := agentPresence(t, admin, ag.ID); got != "offline" {
		t.Errorf("after node 1 stopped, the agent is %q", got)
	}
}

// pollGrace polls cond until it returns "" or the grace period plus
// a margin has passed.
func pollGrace(t *testing.T, cond func() string) {
	t.Helper()
	deadline := time.Now().Add(testGrace + wait)
	for {
		msg := cond()
		if msg == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal(msg)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func equal[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
