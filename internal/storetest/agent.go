package storetest

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func testAgents(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("CreateAndFind", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		before := time.Now()
		a := &parley.Agent{
			WorkspaceID: w.ID, Email: "  Ada.Lovelace@Example.COM ", Name: "Ada", Role: parley.RoleAdmin,
			SystemAdmin: true, Capacity: 5,
			Attributes: map[string]any{"crm_id": "abc", "level": 3, "vip": true, "tags": []any{"a"}},
		}
		must(t, s.CreateAgent(ctx, actor, a, "argon2id$hash"))
		if a.ID == "" {
			t.Fatal("ID not set")
		}
		checkStamp(t, "CreatedAt", a.CreatedAt, before)
		if a.Email != "ada.lovelace@example.com" {
			t.Errorf("Email = %q, want it normalised", a.Email)
		}
		// Attributes read back as JSON values, and Create returns them so.
		diff(t, map[string]any{"crm_id": "abc", "level": float64(3), "vip": true, "tags": []any{"a"}}, a.Attributes)

		got, err := s.FindAgentByID(ctx, w.ID, a.ID)
		must(t, err)
		diff(t, a, got)
		for _, email := range []string{"ada.lovelace@example.com", "ADA.LOVELACE@EXAMPLE.COM", " Ada.Lovelace@example.com"} {
			got, err := s.FindAgentByEmail(ctx, w.ID, email)
			must(t, err)
			diff(t, a, got)
		}

		e := wantAudit(t, s, w.ID, "agent.create", "agent", a.ID)
		diff(t, map[string]any{
			"email": a.Email, "name": "Ada", "role": "admin", "system_admin": true, "bot": false,
			"disabled": false, "capacity": float64(5),
		}, e.Details)
	})

	t.Run("CreateNilAttributes", func(t *testing.T) {
		w := mustWorkspace(t, s)
		a := &parley.Agent{WorkspaceID: w.ID, Email: "bot@example.com", Name: "Bot", Role: parley.RoleAgent, Bot: true}
		must(t, s.CreateAgent(t.Context(), actor, a, ""))
		diff(t, map[string]any{}, a.Attributes)
		got, err := s.FindAgentByID(t.Context(), w.ID, a.ID)
		must(t, err)
		diff(t, a, got)
	})

	t.Run("ErrEmailTaken", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		a := mustAgent(t, s, w.ID)
		noNewAudit := auditUnchanged(t, s, w.ID)
		dup := &parley.Agent{WorkspaceID: w.ID, Email: strings.ToUpper(a.Email), Name: "Dup", Role: parley.RoleAgent}
		err := s.CreateAgent(ctx, actor, dup, "")
		wantCode(t, err, parley.ECONFLICT)
		if msg := parley.ErrorMessage(err); !strings.Contains(msg, "email") {
			t.Errorf("message %q does not name the email", msg)
		}
		if dup.ID != "" {
			t.Errorf("failed create set ID %q", dup.ID)
		}
		noNewAudit()
		// The same email is free in another workspace.
		other := mustWorkspace(t, s)
		mustAgent(t, s, other.ID, func(b *parley.Agent) { b.Email = a.Email })
	})

	t.Run("ErrWorkspaceNotFound", func(t *testing.T) {
		a := &parley.Agent{WorkspaceID: "missing", Email: "x@example.com", Name: "X", Role: parley.RoleAgent}
		wantCode(t, s.CreateAgent(t.Context(), actor, a, ""), parley.ENOTFOUND)
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		a := mustAgent(t, s, w.ID)
		tests := []struct {
			name string
			call func() error
		}{
			{"FindByID", func() error { _, err := s.FindAgentByID(ctx, w.ID, "missing"); return err }},
			{"FindByIDEmpty", func() error { _, err := s.FindAgentByID(ctx, w.ID, ""); return err }},
			{"FindByIDWrongWorkspaceID", func() error { _, err := s.FindAgentByID(ctx, "missing", a.ID); return err }},
			{"FindByEmail", func() error { _, err := s.FindAgentByEmail(ctx, w.ID, "nobody@example.com"); return err }},
			{"Update", func() error {
				_, err := s.UpdateAgent(ctx, actor, w.ID, "missing", parley.AgentUpdate{Name: ptr("x")})
				return err
			}},
			{"SetPassword", func() error { return s.SetAgentPassword(ctx, actor, w.ID, "missing", "h") }},
			{"PasswordHash", func() error { _, err := s.AgentPasswordHash(ctx, w.ID, "missing"); return err }},
			{"Delete", func() error { return s.DeleteAgent(ctx, actor, w.ID, "missing") }},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) { wantCode(t, tt.call(), parley.ENOTFOUND) })
		}
	})

	t.Run("Update", func(t *testing.T) {
		w := mustWorkspace(t, s)
		tests := []struct {
			name    string
			upd     parley.AgentUpdate
			apply   func(a *parley.Agent)
			details map[string]any
		}{
			{"Name", parley.AgentUpdate{Name: ptr("New Name")},
				func(a *parley.Agent) { a.Name = "New Name" }, map[string]any{"name": "New Name"}},
			{"Email", parley.AgentUpdate{Email: ptr(" New@Example.COM")},
				func(a *parley.Agent) { a.Email = "new@example.com" }, map[string]any{"email": "new@example.com"}},
			{"Role", parley.AgentUpdate{Role: ptr(parley.RoleSupervisor)},
				func(a *parley.Agent) { a.Role = parley.RoleSupervisor }, map[string]any{"role": "supervisor"}},
			{"Bot", parley.AgentUpdate{Bot: ptr(true)},
				func(a *parley.Agent) { a.Bot = true }, map[string]any{"bot": true}},
			{"Disabled", parley.AgentUpdate{Disabled: ptr(true)},
				func(a *parley.Agent) { a.Disabled = true }, map[string]any{"disabled": true}},
			{"Capacity", parley.AgentUpdate{Capacity: ptr(3)},
				func(a *parley.Agent) { a.Capacity = 3 }, map[string]any{"capacity": float64(3)}},
			{"Attributes", parley.AgentUpdate{Attributes: ptr(map[string]any{"ext": 7, "team": "blue"})},
				func(a *parley.Agent) { a.Attributes = map[string]any{"ext": float64(7), "team": "blue"} },
				map[string]any{"attributes": map[string]any{"ext": float64(7), "team": "blue"}}},
			{"AttributesCleared", parley.AgentUpdate{Attributes: ptr(map[string]any(nil))},
				func(a *parley.Agent) { a.Attributes = map[string]any{} },
				map[string]any{"attributes": map[string]any{}}},
			{"Several", parley.AgentUpdate{Name: ptr("Both"), Capacity: ptr(0)},
				func(a *parley.Agent) { a.Name, a.Capacity = "Both", 0 },
				map[string]any{"name": "Both", "capacity": float64(0)}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				ctx := t.Context()
				a := mustAgent(t, s, w.ID, func(a *parley.Agent) {
					a.Capacity = 2
					a.Attributes = map[string]any{"ext": "1"}
				})
				got, err := s.UpdateAgent(ctx, actor, w.ID, a.ID, tt.upd)
				must(t, err)
				checkStamp(t, "UpdatedAt", got.UpdatedAt, a.CreatedAt)
				want := *a
				tt.apply(&want)
				want.UpdatedAt = got.UpdatedAt
				diff(t, &want, got)
				found, err := s.FindAgentByID(ctx, w.ID, a.ID)
				must(t, err)
				diff(t, got, found)
				e := wantAudit(t, s, w.ID, "agent.update", "agent", a.ID)
				diff(t, tt.details, e.Details)
			})
		}
	})

	t.Run("UpdateNothing", func(t *testing.T) {
		w := mustWorkspace(t, s)
		a := mustAgent(t, s, w.ID)
		noNewAudit := auditUnchanged(t, s, w.ID)
		got, err := s.UpdateAgent(t.Context(), actor, w.ID, a.ID, parley.AgentUpdate{})
		must(t, err)
		diff(t, a, got)
		noNewAudit()
	})

	t.Run("UpdateErrEmailTaken", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		a, b := mustAgent(t, s, w.ID), mustAgent(t, s, w.ID)
		_, err := s.UpdateAgent(ctx, actor, w.ID, b.ID, parley.AgentUpdate{Email: ptr(strings.ToUpper(a.Email)), Name: ptr("Changed")})
		wantCode(t, err, parley.ECONFLICT)
		got, err := s.FindAgentByID(ctx, w.ID, b.ID)
		must(t, err)
		diff(t, b, got)
		wantAudit(t, s, w.ID, "agent.create", "agent", b.ID)
	})

	t.Run("DisableEndsSessions", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		a, other := mustAgent(t, s, w.ID), mustAgent(t, s, w.ID)
		_, h1 := mustSession(t, s, w.ID, a.ID)
		_, h2 := mustSession(t, s, w.ID, a.ID)
		_, hOther := mustSession(t, s, w.ID, other.ID)

		_, err := s.UpdateAgent(ctx, actor, w.ID, a.ID, parley.AgentUpdate{Name: ptr("Still enabled")})
		must(t, err)
		if !sessionAlive(t, s, h1) {
			t.Fatal("an update that does not disable ended a session")
		}
		_, err = s.UpdateAgent(ctx, actor, w.ID, a.ID, parley.AgentUpdate{Disabled: ptr(true)})
		must(t, err)
		if sessionAlive(t, s, h1) || sessionAlive(t, s, h2) {
			t.Error("disabled agent still has a session")
		}
		if !sessionAlive(t, s, hOther) {
			t.Error("another agent's session ended")
		}
	})

	t.Run("Password", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		noPassword := &parley.Agent{WorkspaceID: w.ID, Email: unique() + "@example.com", Name: "Bot", Role: parley.RoleAgent, Bot: true}
		must(t, s.CreateAgent(ctx, actor, noPassword, ""))
		hash, err := s.AgentPasswordHash(ctx, w.ID, noPassword.ID)
		must(t, err)
		if hash != "" {
			t.Errorf("hash = %q, want empty", hash)
		}

		a := mustAgent(t, s, w.ID)
		hash, err = s.AgentPasswordHash(ctx, w.ID, a.ID)
		must(t, err)
		if want := "hash-of-" + a.Email; hash != want {
			t.Errorf("hash = %q, want %q", hash, want)
		}
		must(t, s.SetAgentPassword(ctx, actor, w.ID, a.ID, "argon2id$new-secret-hash"))
		hash, err = s.AgentPasswordHash(ctx, w.ID, a.ID)
		must(t, err)
		if hash != "argon2id$new-secret-hash" {
			t.Errorf("hash = %q after SetAgentPassword", hash)
		}
		e := wantAudit(t, s, w.ID, "agent.password_set", "agent", a.ID)
		diff(t, map[string]any{}, e.Details)
		// The rest of the agent is untouched.
		got, err := s.FindAgentByID(ctx, w.ID, a.ID)
		must(t, err)
		want := *a
		want.UpdatedAt = got.UpdatedAt
		diff(t, &want, got)
	})

	t.Run("Delete", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		a, other := mustAgent(t, s, w.ID), mustAgent(t, s, w.ID)
		_, hash := mustSession(t, s, w.ID, a.ID)
		_, hOther := mustSession(t, s, w.ID, other.ID)

		must(t, s.DeleteAgent(ctx, actor, w.ID, a.ID))
		_, err := s.FindAgentByID(ctx, w.ID, a.ID)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.FindAgentByEmail(ctx, w.ID, a.Email)
		wantCode(t, err, parley.ENOTFOUND)
		if sessionAlive(t, s, hash) {
			t.Error("deleted agent still has a session")
		}
		if !sessionAlive(t, s, hOther) {
			t.Error("another agent's session ended")
		}
		e := wantAudit(t, s, w.ID, "agent.delete", "agent", a.ID)
		diff(t, map[string]any{"email": a.Email, "name": a.Name}, e.Details)

		wantCode(t, s.DeleteAgent(ctx, actor, w.ID, a.ID), parley.ENOTFOUND)
		got, err := s.FindAgentByID(ctx, w.ID, other.ID)
		must(t, err)
		diff(t, other, got)
		// The email is free again.
		mustAgent(t, s, w.ID, func(b *parley.Agent) { b.Email = a.Email })
	})

	t.Run("ListFilter", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		withAttrs := func(attrs map[string]any) func(*parley.Agent) {
			return func(a *parley.Agent) { a.Attributes = attrs }
		}
		str := mustAgent(t, s, w.ID, withAttrs(map[string]any{"ext": "42"}))
		num := mustAgent(t, s, w.ID, withAttrs(map[string]any{"ext": 42}))
		mustAgent(t, s, w.ID, withAttrs(map[string]any{"ext": "43"}))
		frac := mustAgent(t, s, w.ID, withAttrs(map[string]any{"ext": 42.5}))
		mustAgent(t, s, w.ID, withAttrs(map[string]any{"other": "42"}))
		flag := mustAgent(t, s, w.ID, withAttrs(map[string]any{"flag": true}))
		quote := mustAgent(t, s, w.ID, withAttrs(map[string]any{"ext": "it's"}))
		sup := mustAgent(t, s, w.ID, withAttrs(map[string]any{"ext": "x"}), func(a *parley.Agent) { a.Role = parley.RoleSupervisor })
		mustAgent(t, s, mustWorkspace(t, s).ID, withAttrs(map[string]any{"ext": "42"})) // another workspace

		tests := []struct {
			name   string
			filter parley.AgentFilter
			want   []*parley.Agent
		}{
			{"StringAndNumber", parley.AgentFilter{AttributeKey: "ext", AttributeValue: "42"}, []*parley.Agent{str, num}},
			{"Fraction", parley.AgentFilter{AttributeKey: "ext", AttributeValue: "42.5"}, []*parley.Agent{frac}},
			{"Boolean", parley.AgentFilter{AttributeKey: "flag", AttributeValue: "true"}, []*parley.Agent{flag}},
			{"Quote", parley.AgentFilter{AttributeKey: "ext", AttributeValue: "it's"}, []*parley.Agent{quote}},
			{"NoValue", parley.AgentFilter{AttributeKey: "ext", AttributeValue: "nope"}, nil},
			{"NoKey", parley.AgentFilter{AttributeKey: "missing", AttributeValue: "42"}, nil},
			{"Role", parley.AgentFilter{Role: parley.RoleSupervisor}, []*parley.Agent{sup}},
			{"RoleAndAttribute", parley.AgentFilter{Role: parley.RoleSupervisor, AttributeKey: "ext", AttributeValue: "42"}, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				l, err := s.ListAgents(ctx, w.ID, tt.filter)
				must(t, err)
				want := slices.Clone(tt.want)
				slices.SortFunc(want, func(a, b *parley.Agent) int { return strings.Compare(a.ID, b.ID) })
				if want == nil {
					want = []*parley.Agent{}
				}
				diff(t, want, l.Items)
				if l.Next != "" {
					t.Errorf("Next = %q, want none", l.Next)
				}
			})
		}
	})

	t.Run("ListErrInvalidAttributeKey", func(t *testing.T) {
		w := mustWorkspace(t, s)
		mustAgent(t, s, w.ID)
		for _, key := range []string{"1abc", "a.b", "a b", "a-b", "$", "a[0]", `a"b`, "x') OR 1=1 --", strings.Repeat("a", 65)} {
			t.Run(key, func(t *testing.T) {
				_, err := s.ListAgents(t.Context(), w.ID, parley.AgentFilter{AttributeKey: key, AttributeValue: "1"})
				wantCode(t, err, parley.EINVALID)
			})
		}
	})

	t.Run("ListPages", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		var ids []string
		for range 7 {
			ids = append(ids, mustAgent(t, s, w.ID).ID)
		}
		slices.Sort(ids)
		list := func(opt parley.ListOptions) (parley.List[*parley.Agent], error) {
			return s.ListAgents(ctx, w.ID, parley.AgentFilter{ListOptions: opt})
		}
		id := func(a *parley.Agent) string { return a.ID }
		checkPages(t, ids, 3, 3, list, id)
		checkPages(t, ids, 1, 7, list, id)
		checkPages(t, ids, 7, 1, list, id)
		checkPages(t, ids, 0, 1, list, id)

		// A filter applies across pages too.
		for _, i := range []int{1, 3, 5} {
			_, err := s.UpdateAgent(ctx, actor, w.ID, ids[i], parley.AgentUpdate{Role: ptr(parley.RoleAdmin)})
			must(t, err)
		}
		checkPages(t, []string{ids[1], ids[3], ids[5]}, 2, 2, func(opt parley.ListOptions) (parley.List[*parley.Agent], error) {
			return s.ListAgents(ctx, w.ID, parley.AgentFilter{Role: parley.RoleAdmin, ListOptions: opt})
		}, id)
	})
}
