package storetest

import (
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func testPresence(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)
	ctx := t.Context()
	w, other := mustWorkspace(t, s), mustWorkspace(t, s)
	a := mustAgent(t, s, w.ID)
	if a.Presence != parley.PresenceOffline {
		t.Errorf("new agent's Presence = %q, want offline", a.Presence)
	}
	online := func(ws string, want bool) {
		t.Helper()
		got, err := s.AnyAgentOnline(ctx, ws)
		must(t, err)
		if got != want {
			t.Errorf("AnyAgentOnline = %v, want %v", got, want)
		}
	}
	online(w.ID, false)

	set := func(ws, id string, p parley.Presence) error {
		_, err := s.SetAgentPresence(ctx, ws, id, p, time.Time{})
		return err
	}
	must(t, set(w.ID, a.ID, parley.PresenceOnline))
	got, err := s.FindAgentByID(ctx, w.ID, a.ID)
	must(t, err)
	if got.Presence != parley.PresenceOnline || got.ChosenPresence != parley.PresenceOnline {
		t.Errorf("Presence = %q, chosen %q; want online", got.Presence, got.ChosenPresence)
	}
	online(w.ID, true)
	online(other.ID, false) // another workspace's agents do not count

	must(t, set(w.ID, a.ID, parley.PresenceAway))
	online(w.ID, false)

	// A disabled agent or a bot is never "someone online".
	bot := mustAgent(t, s, w.ID, func(a *parley.Agent) { a.Bot = true })
	must(t, set(w.ID, bot.ID, parley.PresenceOnline))
	online(w.ID, false)
	must(t, set(w.ID, a.ID, parley.PresenceOnline))
	_, err = s.UpdateAgent(ctx, actor, w.ID, a.ID, parley.AgentUpdate{Disabled: ptr(true)})
	must(t, err)
	online(w.ID, false)

	wantCode(t, set(other.ID, a.ID, parley.PresenceOnline), parley.ENOTFOUND)
	wantCode(t, set(w.ID, "no-such-agent", parley.PresenceOnline), parley.ENOTFOUND)
	wantCode(t, set(w.ID, a.ID, "busy"), parley.EINVALID)
}
