package storetest

import (
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

const racers = 20

// race runs fn(i) for i in [0, racers) on as many goroutines, released at
// once, and returns their errors by i.
func race(fn func(i int) error) []error {
	errs := make([]error, racers)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range racers {
		wg.Go(func() {
			<-start
			errs[i] = fn(i)
		})
	}
	close(start)
	wg.Wait()
	return errs
}

// wantOneWinner checks that exactly one call succeeded and every other
// failed with ECONFLICT.
func wantOneWinner(t *testing.T, errs []error) {
	t.Helper()
	won := 0
	for _, err := range errs {
		switch parley.ErrorCode(err) {
		case "":
			won++
		case parley.ECONFLICT:
		default:
			t.Errorf("unexpected error: %v", err)
		}
	}
	if won != 1 {
		t.Errorf("%d calls succeeded, want 1", won)
	}
}

func testConcurrency(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("CreateAgentSameEmail", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		errs := race(func(i int) error {
			a := &parley.Agent{WorkspaceID: w.ID, Email: "Same@Example.com", Name: "Racer", Role: parley.RoleAgent}
			return s.CreateAgent(ctx, actor, a, "")
		})
		wantOneWinner(t, errs)
		l, err := s.ListAgents(ctx, w.ID, parley.AgentFilter{})
		must(t, err)
		if len(l.Items) != 1 {
			t.Errorf("%d agents exist, want 1", len(l.Items))
		}
		if n := len(auditEntries(t, s, w.ID)); n != 2 { // workspace.create and one agent.create
			t.Errorf("%d audit entries, want 2", n)
		}
	})

	t.Run("CreateWorkspaceSameSlug", func(t *testing.T) {
		slug := "race-" + unique()
		wantOneWinner(t, race(func(i int) error {
			return s.CreateWorkspace(t.Context(), actor, &parley.Workspace{Slug: slug, Name: "Racer"})
		}))
	})

	t.Run("CreateAgentsDistinctEmails", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		for _, err := range race(func(i int) error {
			a := &parley.Agent{WorkspaceID: w.ID, Email: unique() + "@example.com", Name: "Racer", Role: parley.RoleAgent}
			return s.CreateAgent(ctx, actor, a, "")
		}) {
			must(t, err)
		}
		l, err := s.ListAgents(ctx, w.ID, parley.AgentFilter{})
		must(t, err)
		if len(l.Items) != racers {
			t.Errorf("%d agents exist, want %d", len(l.Items), racers)
		}
	})

	t.Run("RecordLoginFailure", func(t *testing.T) {
		ctx := t.Context()
		key := unique()
		at := time.Now()
		counts := make([]int, racers)
		for _, err := range race(func(i int) error {
			var err error
			counts[i], err = s.RecordLoginFailure(ctx, key, at, time.Minute)
			return err
		}) {
			must(t, err)
		}
		// Every failure was counted once: the counts are 1…racers.
		slices.Sort(counts)
		want := make([]int, racers)
		for i := range want {
			want[i] = i + 1
		}
		diff(t, want, counts)
		n, _, err := s.LoginFailures(ctx, key)
		must(t, err)
		if n != racers {
			t.Errorf("LoginFailures = %d, want %d", n, racers)
		}
	})

	t.Run("RevokeAPIToken", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		tok, _ := mustToken(t, s, w.ID)
		for _, err := range race(func(int) error { return s.RevokeAPIToken(ctx, actor, w.ID, tok.ID) }) {
			must(t, err)
		}
		revokes := 0
		for _, e := range auditEntries(t, s, w.ID) {
			if e.Action == "token.revoke" {
				revokes++
			}
		}
		if revokes != 1 {
			t.Errorf("%d token.revoke entries, want 1", revokes)
		}
	})

	t.Run("ReadWhileWriting", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		a := mustAgent(t, s, w.ID)
		for _, err := range race(func(i int) error {
			if i%2 == 0 {
				_, err := s.UpdateAgent(ctx, actor, w.ID, a.ID, parley.AgentUpdate{Capacity: ptr(i)})
				return err
			}
			_, err := s.FindAgentByID(ctx, w.ID, a.ID)
			return err
		}) {
			must(t, err)
		}
	})
}

func testPingClose(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)
	must(t, s.Ping(t.Context()))
	must(t, s.Close())
	if err := s.Ping(t.Context()); err == nil {
		t.Error("Ping after Close succeeded")
	}
}
