package storetest

import (
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

// testLastAdmin checks that a workspace never loses its last enabled admin:
// demoting, disabling or deleting it is ECONFLICT and changes nothing, even
// when admins remove each other at once.
func testLastAdmin(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)
	admin := func(mods ...func(*parley.Agent)) func(*parley.Agent) {
		return func(a *parley.Agent) {
			a.Role = parley.RoleAdmin
			for _, mod := range mods {
				mod(a)
			}
		}
	}
	disabled := func(a *parley.Agent) { a.Disabled = true }
	// wantLastAdmin checks that err is the last-admin conflict and that a
	// is unchanged, with no audit entry written.
	wantLastAdmin := func(t *testing.T, err error, a *parley.Agent, audits int) {
		t.Helper()
		wantCode(t, err, parley.ECONFLICT)
		if msg := parley.ErrorMessage(err); !strings.Contains(msg, "at least one enabled admin") {
			t.Errorf("message = %q, want it to say a workspace needs an enabled admin", msg)
		}
		got, err := s.FindAgentByID(t.Context(), a.WorkspaceID, a.ID)
		must(t, err)
		diff(t, a, got)
		if n := len(auditEntries(t, s, a.WorkspaceID)); n != audits {
			t.Errorf("%d audit entries, want %d (nothing recorded)", n, audits)
		}
	}
	removals := []struct {
		name   string
		remove func(t *testing.T, a *parley.Agent) error
	}{
		{"Demote", func(t *testing.T, a *parley.Agent) error {
			_, err := s.UpdateAgent(t.Context(), actor, a.WorkspaceID, a.ID, parley.AgentUpdate{Role: ptr(parley.RoleSupervisor)})
			return err
		}},
		{"Disable", func(t *testing.T, a *parley.Agent) error {
			_, err := s.UpdateAgent(t.Context(), actor, a.WorkspaceID, a.ID, parley.AgentUpdate{Disabled: ptr(true)})
			return err
		}},
		{"Delete", func(t *testing.T, a *parley.Agent) error {
			return s.DeleteAgent(t.Context(), actor, a.WorkspaceID, a.ID)
		}},
	}

	for _, r := range removals {
		t.Run("ErrLastAdmin"+r.name, func(t *testing.T) {
			w := mustWorkspace(t, s)
			a := mustAgent(t, s, w.ID, admin())
			// Neither a disabled admin, nor an agent, nor an admin of
			// another workspace counts.
			mustAgent(t, s, w.ID, admin(disabled))
			mustAgent(t, s, w.ID)
			mustAgent(t, s, mustWorkspace(t, s).ID, admin())
			_, hash := mustSession(t, s, w.ID, a.ID)
			audits := len(auditEntries(t, s, w.ID))
			wantLastAdmin(t, r.remove(t, a), a, audits)
			// The refused change ended no session.
			if _, err := s.FindSessionByHash(t.Context(), hash, time.Now()); err != nil {
				t.Errorf("the admin's session: %v", err)
			}
		})

		t.Run("AnotherAdmin"+r.name, func(t *testing.T) {
			w := mustWorkspace(t, s)
			a := mustAgent(t, s, w.ID, admin())
			b := mustAgent(t, s, w.ID, admin())
			must(t, r.remove(t, a))
			// Now b is the last one.
			audits := len(auditEntries(t, s, w.ID))
			wantLastAdmin(t, r.remove(t, b), b, audits)
		})
	}

	t.Run("LastAdminOtherChanges", func(t *testing.T) {
		// Changes that keep the admin an enabled admin are allowed.
		ctx := t.Context()
		w := mustWorkspace(t, s)
		a := mustAgent(t, s, w.ID, admin())
		got, err := s.UpdateAgent(ctx, actor, w.ID, a.ID, parley.AgentUpdate{
			Name: ptr("Still Admin"), Role: ptr(parley.RoleAdmin), Disabled: ptr(false), Capacity: ptr(3),
		})
		must(t, err)
		if got.Name != "Still Admin" || got.Role != parley.RoleAdmin || got.Disabled {
			t.Errorf("agent = %+v", got)
		}
	})

	t.Run("NoAdminToLose", func(t *testing.T) {
		// Agents who are not enabled admins change freely, also in a
		// workspace that has no admin at all (a new one).
		ctx := t.Context()
		w := mustWorkspace(t, s)
		ag := mustAgent(t, s, w.ID)
		off := mustAgent(t, s, w.ID, admin(disabled))
		_, err := s.UpdateAgent(ctx, actor, w.ID, ag.ID, parley.AgentUpdate{Role: ptr(parley.RoleSupervisor), Disabled: ptr(true)})
		must(t, err)
		must(t, s.DeleteAgent(ctx, actor, w.ID, ag.ID))
		_, err = s.UpdateAgent(ctx, actor, w.ID, off.ID, parley.AgentUpdate{Disabled: ptr(true)})
		must(t, err)
		_, err = s.UpdateAgent(ctx, actor, w.ID, off.ID, parley.AgentUpdate{Role: ptr(parley.RoleAgent)})
		must(t, err)
		must(t, s.DeleteAgent(ctx, actor, w.ID, off.ID))
		// Enabling a disabled admin makes it count again.
		back := mustAgent(t, s, w.ID, admin(disabled))
		_, err = s.UpdateAgent(ctx, actor, w.ID, back.ID, parley.AgentUpdate{Disabled: ptr(false)})
		must(t, err)
		wantCode(t, s.DeleteAgent(ctx, actor, w.ID, back.ID), parley.ECONFLICT)
	})

	t.Run("UnknownAgent", func(t *testing.T) {
		w := mustWorkspace(t, s)
		_, err := s.UpdateAgent(t.Context(), actor, w.ID, "01900000-0000-7000-8000-00000000dead", parley.AgentUpdate{Disabled: ptr(true)})
		wantCode(t, err, parley.ENOTFOUND)
		wantCode(t, s.DeleteAgent(t.Context(), actor, w.ID, "01900000-0000-7000-8000-00000000dead"), parley.ENOTFOUND)
		wantCode(t, s.DeleteAgent(t.Context(), actor, "01900000-0000-7000-8000-00000000beef", "01900000-0000-7000-8000-00000000dead"), parley.ENOTFOUND)
	})

	// Two admins demote each other at once, many times over: exactly one
	// of them wins each round.
	t.Run("RaceTwoAdmins", func(t *testing.T) {
		for round := range 10 {
			w := mustWorkspace(t, s)
			admins := []*parley.Agent{mustAgent(t, s, w.ID, admin()), mustAgent(t, s, w.ID, admin())}
			errs := race(func(i int) error {
				if i >= len(admins) {
					return nil
				}
				return removals[round%len(removals)].remove(t, admins[i])
			})
			wantOneWinner(t, errs[:len(admins)])
			wantAdmins(t, s, w.ID, 1)
		}
	})

	// Every admin of a workspace is removed at once, each in one of the
	// three ways: all but one succeed.
	t.Run("RaceEveryAdmin", func(t *testing.T) {
		w := mustWorkspace(t, s)
		admins := make([]*parley.Agent, racers)
		for i := range admins {
			admins[i] = mustAgent(t, s, w.ID, admin())
		}
		errs := race(func(i int) error { return removals[i%len(removals)].remove(t, admins[i]) })
		failed := 0
		for _, err := range errs {
			switch parley.ErrorCode(err) {
			case "":
			case parley.ECONFLICT:
				failed++
			default:
				t.Errorf("unexpected error: %v", err)
			}
		}
		if failed != 1 {
			t.Errorf("%d removals failed, want exactly 1", failed)
		}
		wantAdmins(t, s, w.ID, 1)
	})
}

// wantAdmins checks that the workspace has n enabled admins.
func wantAdmins(t *testing.T, s parley.Store, workspaceID string, n int) {
	t.Helper()
	l, err := s.ListAgents(t.Context(), workspaceID, parley.AgentFilter{Role: parley.RoleAdmin, ListOptions: parley.ListOptions{Limit: parley.MaxListLimit}})
	must(t, err)
	enabled := 0
	for _, a := range l.Items {
		if !a.Disabled {
			enabled++
		}
	}
	if enabled != n {
		t.Errorf("%d enabled admins, want %d", enabled, n)
	}
}
