package httpapi_test

import (
	"bytes"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/parleychat/parley"
)

// A workspace keeps at least one enabled admin: the last one cannot be
// demoted, disabled or deleted, by itself or by anyone.
func TestLastAdmin(t *testing.T) {
	ts := newServer(t)
	root := ts.login(t, "admin@example.com", adminPassword) // the bootstrap admin, a system admin
	lastAdmin := func(t *testing.T, r *result) {
		t.Helper()
		if p := r.problem(t, 409, parley.ECONFLICT); !strings.Contains(p.Detail, "at least one enabled admin") {
			t.Errorf("detail = %q, want it to say why", p.Detail)
		}
	}
	self := "/api/v1/agents/" + ts.admin.ID
	removals := []struct {
		name   string
		method string
		body   any
	}{
		{"Demote", "PATCH", map[string]any{"role": "supervisor"}},
		{"Disable", "PATCH", map[string]any{"disabled": true}},
		{"DisableAndDemote", "PATCH", map[string]any{"disabled": true, "role": "agent", "name": "Gone"}},
		{"Delete", "DELETE", nil},
	}
	for _, r := range removals {
		t.Run("Self"+r.name, func(t *testing.T) {
			lastAdmin(t, ts.do(t, r.method, self, root, r.body))
		})
	}
	a, err := ts.store.FindAgentByID(t.Context(), ts.ws.ID, ts.admin.ID)
	if err != nil || a.Role != parley.RoleAdmin || a.Disabled || a.Name != ts.admin.Name {
		t.Fatalf("admin after refused changes = %+v, %v", a, err)
	}
	// The refused changes ended no session.
	ts.do(t, "GET", "/api/v1/me", root, nil).want(t, 200)

	// A disabled admin does not count.
	bossAgent := ts.agent(t, "boss@example.com", parley.RoleAdmin)
	ts.do(t, "PATCH", "/api/v1/agents/"+bossAgent.ID, root, map[string]any{"disabled": true}).want(t, 200)
	lastAdmin(t, ts.do(t, "PATCH", self, root, map[string]any{"role": "agent"}))
	// Enabled again, it does.
	ts.do(t, "PATCH", "/api/v1/agents/"+bossAgent.ID, root, map[string]any{"disabled": false}).want(t, 200)
	ts.do(t, "PATCH", self, root, map[string]any{"role": "supervisor"}).want(t, 200)
	// Now boss is the last admin, whom nobody can remove.
	boss := ts.login(t, bossAgent.Email, "password-"+bossAgent.Email)
	all := ts.token(t, ts.ws.ID, parley.ScopeAll)
	for _, c := range []struct {
		name  string
		creds creds
	}{{"Self", boss}, {"Token", all}} {
		for _, r := range removals {
			t.Run("Boss"+c.name+r.name, func(t *testing.T) {
				lastAdmin(t, ts.do(t, r.method, "/api/v1/agents/"+bossAgent.ID, c.creds, r.body))
			})
		}
	}
	// Changes that keep an admin are fine.
	ts.do(t, "PATCH", "/api/v1/agents/"+bossAgent.ID, boss, map[string]any{"name": "Boss", "role": "admin", "disabled": false}).want(t, 200)
}

// Two admins removed at the same moment (here by one API token, so that
// neither request loses its permission to the other): one is refused, and
// the workspace keeps one admin.
func TestLastAdminRace(t *testing.T) {
	ts := newServer(t)
	all := ts.token(t, ts.ws.ID, parley.ScopeAll)
	adminRole := parley.RoleAdmin
	for round := range 6 {
		a, b := ts.member(t, parley.RoleAdmin), ts.member(t, parley.RoleAdmin)
		// Leave a and b the only admins.
		if _, err := ts.store.UpdateAgent(t.Context(), parley.SystemActor, ts.ws.ID, ts.admin.ID, parley.AgentUpdate{Role: ptrRole(parley.RoleAgent)}); err != nil {
			t.Fatal(err)
		}
		bodies := []string{`{"role": "agent"}`, `{"disabled": true}`, ``}
		statuses := make([]int, 2)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i, target := range []staffMember{a, b} {
			wg.Go(func() {
				body := bodies[(round+i)%len(bodies)]
				method := "PATCH"
				if body == "" {
					method = "DELETE"
				}
				req, _ := http.NewRequest(method, ts.URL+"/api/v1/agents/"+target.agent.ID, bytes.NewReader([]byte(body)))
				req.Header.Set("Content-Type", "application/json")
				all.apply(req)
				<-start
				resp, err := ts.Client().Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				resp.Body.Close()
				statuses[i] = resp.StatusCode
			})
		}
		close(start)
		wg.Wait()
		slices.Sort(statuses)
		if statuses[1] != 409 || (statuses[0] != 200 && statuses[0] != 204) {
			t.Fatalf("round %d: statuses %v, want one success and one 409", round, statuses)
		}
		l, err := ts.store.ListAgents(t.Context(), ts.ws.ID, parley.AgentFilter{Role: parley.RoleAdmin})
		if err != nil {
			t.Fatal(err)
		}
		var enabled []*parley.Agent
		for _, ag := range l.Items {
			if !ag.Disabled {
				enabled = append(enabled, ag)
			}
		}
		if len(enabled) != 1 {
			t.Fatalf("round %d: %d enabled admins, want 1", round, len(enabled))
		}
		// Make the bootstrap admin the admin again, and remove the survivor.
		if _, err := ts.store.UpdateAgent(t.Context(), parley.SystemActor, ts.ws.ID, ts.admin.ID, parley.AgentUpdate{Role: &adminRole}); err != nil {
			t.Fatal(err)
		}
		if err := ts.store.DeleteAgent(t.Context(), parley.SystemActor, ts.ws.ID, enabled[0].ID); err != nil {
			t.Fatal(err)
		}
	}
}

func ptrRole(r parley.Role) *parley.Role { return &r }
