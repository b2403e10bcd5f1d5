package presence_test

import (
	"context"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/presence"
	"github.com/parleychat/parley/internal/store"
)

const grace = time.Second

// node starts a presence service on st until the test ends.
func node(t *testing.T, st parley.Store) *presence.Service {
	t.Helper()
	svc, err := presence.New(presence.Config{Store: st, Logger: slog.New(slog.DiscardHandler), Grace: grace})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); svc.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	return svc
}

// waitPresence polls the agent's presence until it is want.
func waitPresence(t *testing.T, st parley.Store, a *parley.Agent, want parley.Presence) {
	t.Helper()
	deadline := time.Now().Add(grace + 10*time.Second)
	for {
		got, err := st.FindAgentByID(t.Context(), a.WorkspaceID, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Presence == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the agent is %s, want %s", got.Presence, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Connections opened and closed at once from many goroutines are counted
// right: the agent stays present while one is left, and goes offline the
// grace period after the last one closes.
func TestConnectionsCountedUnderRace(t *testing.T) {
	st, err := store.Open(t.Context(), filepath.Join(t.TempDir(), "p.db"), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ws := &parley.Workspace{Slug: "default", Name: "Default"}
	if err := st.CreateWorkspace(t.Context(), parley.SystemActor, ws); err != nil {
		t.Fatal(err)
	}
	a := &parley.Agent{WorkspaceID: ws.ID, Email: "ann@example.com", Name: "Ann", Role: parley.RoleAgent}
	if err := st.CreateAgent(t.Context(), parley.SystemActor, a, ""); err != nil {
		t.Fatal(err)
	}
	svc := node(t, st)
	if err := svc.Set(t.Context(), ws.ID, a.ID, parley.PresenceOnline); err != nil {
		t.Fatal(err)
	}

	svc.Connected(ws.ID, a.ID) // the one that stays
	var wg sync.WaitGroup
	for range 64 {
		wg.Go(func() {
			svc.Connected(ws.ID, a.ID)
			svc.Disconnected(ws.ID, a.ID)
		})
	}
	wg.Wait()
	// Past the lease Set took, the remaining connection holds.
	time.Sleep(2 * grace)
	waitPresence(t, st, a, parley.PresenceOnline)

	closed := time.Now()
	svc.Disconnected(ws.ID, a.ID)
	waitPresence(t, st, a, parley.PresenceOffline)
	// Never sooner: the lease is renewed, until the grace period from then,
	// after the last connection closed.
	if took := time.Since(closed); took < grace {
		t.Errorf("offline %s after the last connection closed, before the grace period of %s", took, grace)
	}

	// Connecting again brings back the chosen status.
	svc.Connected(ws.ID, a.ID)
	waitPresence(t, st, a, parley.PresenceOnline)
}
