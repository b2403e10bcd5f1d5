package storetest

import (
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func testSessions(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("CreateAndFind", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		a := mustAgent(t, s, w.ID)
		before := time.Now()
		// ExpiresAt is kept in UTC to the microsecond, whatever its zone.
		expires := time.Date(2030, 6, 1, 12, 0, 0, 987654321, time.FixedZone("UTC-5", -5*3600))
		sess := &parley.Session{
			WorkspaceID: w.ID, AgentID: a.ID, CSRFToken: "csrf-token", UserAgent: "Mozilla/5.0", IP: "2001:db8::1",
			ExpiresAt: expires,
		}
		hash := randomBytes()
		must(t, s.CreateSession(ctx, sess, hash))
		if sess.ID == "" {
			t.Fatal("ID not set")
		}
		checkStamp(t, "CreatedAt", sess.CreatedAt, before)
		if want := expires.UTC().Truncate(time.Microsecond); sess.ExpiresAt != want {
			t.Errorf("ExpiresAt = %v, want %v", sess.ExpiresAt, want)
		}

		tests := []struct {
			name  string
			now   time.Time
			found bool
		}{
			{"Now", time.Now(), true},
			{"JustBeforeExpiry", sess.ExpiresAt.Add(-time.Microsecond), true},
			{"AtExpiry", sess.ExpiresAt, false},
			{"AfterExpiry", sess.ExpiresAt.Add(time.Hour), false},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := s.FindSessionByHash(ctx, hash, tt.now)
				if !tt.found {
					wantCode(t, err, parley.ENOTFOUND)
					return
				}
				must(t, err)
				diff(t, sess, got)
			})
		}
		_, err := s.FindSessionByHash(ctx, randomBytes(), time.Now())
		wantCode(t, err, parley.ENOTFOUND)
	})

	t.Run("ErrAgentNotFound", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		other := mustAgent(t, s, mustWorkspace(t, s).ID)
		tests := []struct{ name, workspaceID, agentID string }{
			{"MissingAgent", w.ID, "missing"},
			{"MissingWorkspace", "missing", other.ID},
			{"AgentOfAnotherWorkspace", w.ID, other.ID},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				sess := &parley.Session{WorkspaceID: tt.workspaceID, AgentID: tt.agentID, ExpiresAt: time.Now().Add(time.Hour)}
				hash := randomBytes()
				wantCode(t, s.CreateSession(ctx, sess, hash), parley.ENOTFOUND)
				if sessionAlive(t, s, hash) {
					t.Error("session was created")
				}
			})
		}
	})

	t.Run("ErrHashTaken", func(t *testing.T) {
		w := mustWorkspace(t, s)
		a := mustAgent(t, s, w.ID)
		sess, hash := mustSession(t, s, w.ID, a.ID)
		dup := &parley.Session{WorkspaceID: w.ID, AgentID: a.ID, ExpiresAt: time.Now().Add(time.Hour)}
		wantCode(t, s.CreateSession(t.Context(), dup, hash), parley.ECONFLICT)
		got, err := s.FindSessionByHash(t.Context(), hash, time.Now())
		must(t, err)
		diff(t, sess, got)
	})

	t.Run("Delete", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		a := mustAgent(t, s, w.ID)
		sess, hash := mustSession(t, s, w.ID, a.ID)
		_, kept := mustSession(t, s, w.ID, a.ID)
		must(t, s.DeleteSession(ctx, sess.ID))
		if sessionAlive(t, s, hash) {
			t.Error("deleted session found")
		}
		if !sessionAlive(t, s, kept) {
			t.Error("another session was deleted")
		}
		must(t, s.DeleteSession(ctx, sess.ID))
		must(t, s.DeleteSession(ctx, "missing"))
	})

	t.Run("DeleteAgentSessions", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		a, b := mustAgent(t, s, w.ID), mustAgent(t, s, w.ID)
		var hashes [][]byte
		for range 3 {
			_, h := mustSession(t, s, w.ID, a.ID)
			hashes = append(hashes, h)
		}
		_, kept := mustSession(t, s, w.ID, b.ID)

		n, err := s.DeleteAgentSessions(ctx, w.ID, a.ID)
		must(t, err)
		if n != 3 {
			t.Errorf("deleted %d sessions, want 3", n)
		}
		for _, h := range hashes {
			if sessionAlive(t, s, h) {
				t.Error("session survived")
			}
		}
		if !sessionAlive(t, s, kept) {
			t.Error("another agent's session was deleted")
		}
		n, err = s.DeleteAgentSessions(ctx, w.ID, a.ID)
		must(t, err)
		if n != 0 {
			t.Errorf("second call deleted %d sessions, want 0", n)
		}
		// The agent still exists: only its sessions ended.
		_, err = s.FindAgentByID(ctx, w.ID, a.ID)
		must(t, err)
	})

	t.Run("DeleteExpired", func(t *testing.T) {
		ctx := t.Context()
		s := open(t) // an empty store: the count is exactly what is created here
		w := mustWorkspace(t, s)
		a := mustAgent(t, s, w.ID)
		now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
		var hashes [][]byte
		for _, expires := range []time.Time{now.Add(-time.Hour), now, now.Add(time.Microsecond), now.Add(time.Hour)} {
			h := randomBytes()
			must(t, s.CreateSession(ctx, &parley.Session{WorkspaceID: w.ID, AgentID: a.ID, ExpiresAt: expires}, h))
			hashes = append(hashes, h)
		}
		n, err := s.DeleteExpiredSessions(ctx, now)
		must(t, err)
		if n != 2 {
			t.Errorf("deleted %d sessions, want 2", n)
		}
		for i, h := range hashes {
			_, err := s.FindSessionByHash(ctx, h, now.Add(-2*time.Hour))
			if alive := err == nil; alive != (i >= 2) {
				t.Errorf("session %d: alive = %v (%v)", i, alive, err)
			}
		}
		n, err = s.DeleteExpiredSessions(ctx, now)
		must(t, err)
		if n != 0 {
			t.Errorf("second call deleted %d sessions, want 0", n)
		}
	})
}
