package account_test

import (
	"context"
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

func TestCreateAgentValidation(t *testing.T) {
	e := newEnv(t)
	valid := func() *parley.Agent {
		return &parley.Agent{WorkspaceID: e.ws.ID, Email: "ann@example.com", Name: "Ann", Role: parley.RoleAgent}
	}
	tests := []struct {
		name     string
		edit     func(a *parley.Agent)
		password string
		fields   []string
	}{
		{"BadEmail", func(a *parley.Agent) { a.Email = "Ann <ann@example.com>" }, "long-enough-pw", []string{"email"}},
		{"EmptyName", func(a *parley.Agent) { a.Name = "  " }, "long-enough-pw", []string{"name"}},
		{"LongName", func(a *parley.Agent) { a.Name = strings.Repeat("x", 201) }, "long-enough-pw", []string{"name"}},
		{"UnknownRole", func(a *parley.Agent) { a.Role = "owner" }, "long-enough-pw", []string{"role"}},
		{"NegativeCapacity", func(a *parley.Agent) { a.Capacity = -1 }, "long-enough-pw", []string{"capacity"}},
		{"BadAttributeKey", func(a *parley.Agent) { a.Attributes = map[string]any{"1st": 1} }, "long-enough-pw", []string{"attributes.1st"}},
		{"ShortPassword", func(a *parley.Agent) {}, "short", []string{"password"}},
		{"NoPassword", func(a *parley.Agent) {}, "", []string{"password"}},
		{"BotShortPassword", func(a *parley.Agent) { a.Bot = true }, "short", []string{"password"}},
		{"Several", func(a *parley.Agent) { a.Email, a.Role = "", "" }, "", []string{"email", "role", "password"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := valid()
			tt.edit(a)
			err := e.svc.CreateAgent(context.Background(), parley.SystemActor, a, tt.password)
			wantFields(t, err, tt.fields...)
		})
	}
}

func TestCreateAgent(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	a := &parley.Agent{
		WorkspaceID: e.ws.ID, Email: " Ann@Example.COM ", Name: "Ann", Role: parley.RoleSupervisor,
		Capacity: 3, Attributes: map[string]any{"external_id": "42"},
	}
	if err := e.svc.CreateAgent(ctx, parley.SystemActor, a, "long-enough-pw"); err != nil {
		t.Fatalf("CreateAgent: %v", err)
	}
	if a.ID == "" || a.Email != "ann@example.com" {
		t.Errorf("created agent = %+v, want an ID and the normalised email", a)
	}
	hash, err := e.store.AgentPasswordHash(ctx, e.ws.ID, a.ID)
	if err != nil || !strings.HasPrefix(hash, "$argon2id$") {
		t.Errorf("stored hash = %q, %v; want an argon2id hash", hash, err)
	}

	dup := &parley.Agent{WorkspaceID: e.ws.ID, Email: "ANN@example.com", Name: "Ann 2", Role: parley.RoleAgent}
	wantCode(t, e.svc.CreateAgent(ctx, parley.SystemActor, dup, "long-enough-pw"), parley.ECONFLICT)

	bot := &parley.Agent{WorkspaceID: e.ws.ID, Email: "bot@example.com", Name: "Bot", Role: parley.RoleAgent, Bot: true}
	if err := e.svc.CreateAgent(ctx, parley.SystemActor, bot, ""); err != nil {
		t.Fatalf("CreateAgent bot without password: %v", err)
	}
	_, _, _, err = e.svc.Login(ctx, "", "bot@example.com", "", "", "")
	wantCode(t, err, parley.EUNAUTHORIZED)
}

func TestUpdateAgent(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	a := e.agent(t, "ann@example.com", parley.RoleAgent)

	bad, neg := parley.Role("boss"), -2
	_, err := e.svc.UpdateAgent(ctx, parley.SystemActor, e.ws.ID, a.ID, parley.AgentUpdate{Role: &bad, Capacity: &neg})
	wantFields(t, err, "role", "capacity")

	email, role := "ANN2@example.com", parley.RoleSupervisor
	got, err := e.svc.UpdateAgent(ctx, parley.SystemActor, e.ws.ID, a.ID, parley.AgentUpdate{Email: &email, Role: &role})
	if err != nil {
		t.Fatalf("UpdateAgent: %v", err)
	}
	if got.Email != "ann2@example.com" || got.Role != parley.RoleSupervisor {
		t.Errorf("updated agent = %+v", got)
	}
	_, err = e.svc.UpdateAgent(ctx, parley.SystemActor, "other-workspace", a.ID, parley.AgentUpdate{Role: &role})
	wantCode(t, err, parley.ENOTFOUND)
}

func TestResetPassword(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	a := e.agent(t, "ann@example.com", parley.RoleAgent)
	_, sec, _, err := e.svc.Login(ctx, "", a.Email, "password-ann@example.com", "", "")
	if err != nil {
		t.Fatalf("Login: %v", err)
	}

	wantFields(t, e.svc.ResetPassword(ctx, parley.SystemActor, e.ws.ID, a.ID, "short"), "password")
	wantCode(t, e.svc.ResetPassword(ctx, parley.SystemActor, e.ws.ID, "no-such-agent", "new-password-1"), parley.ENOTFOUND)
	if err := e.svc.ResetPassword(ctx, parley.SystemActor, e.ws.ID, a.ID, "new-password-1"); err != nil {
		t.Fatalf("ResetPassword: %v", err)
	}
	_, err = e.svc.AuthenticateSession(ctx, sec)
	wantCode(t, err, parley.EUNAUTHORIZED) // sessions ended
	_, _, _, err = e.svc.Login(ctx, "", a.Email, "password-ann@example.com", "", "")
	wantCode(t, err, parley.EUNAUTHORIZED)
	if _, _, _, err := e.svc.Login(ctx, "", a.Email, "new-password-1", "", ""); err != nil {
		t.Fatalf("Login with the new password: %v", err)
	}
}

func TestCreateWorkspace(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	_, err := e.svc.CreateWorkspace(ctx, parley.SystemActor, "Bad Slug", "")
	wantFields(t, err, "slug", "name")
	_, err = e.svc.CreateWorkspace(ctx, parley.SystemActor, "a", "One letter")
	wantFields(t, err, "slug")

	ws, err := e.svc.CreateWorkspace(ctx, parley.SystemActor, "acme", "Acme")
	if err != nil || ws.ID == "" || ws.Slug != "acme" {
		t.Fatalf("CreateWorkspace = %+v, %v", ws, err)
	}
	_, err = e.svc.CreateWorkspace(ctx, parley.SystemActor, "acme", "Acme again")
	wantCode(t, err, parley.ECONFLICT)

	empty := ""
	_, err = e.svc.UpdateWorkspace(ctx, parley.SystemActor, ws.ID, parley.WorkspaceUpdate{Name: &empty})
	wantFields(t, err, "name")
}

func TestCreateWorkspaceWithAdmin(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)

	// Invalid admin: nothing is created.
	bad := &parley.Agent{Email: "nope", Name: "Boss"}
	_, err := e.svc.CreateWorkspaceWithAdmin(ctx, parley.SystemActor, "acme", "Acme", bad, "short")
	wantFields(t, err, "admin.email", "admin.password")
	_, err = e.store.FindWorkspaceBySlug(ctx, "acme")
	wantCode(t, err, parley.ENOTFOUND)

	admin := &parley.Agent{Email: "boss@acme.test", Name: "Boss", Role: parley.RoleAgent}
	ws, err := e.svc.CreateWorkspaceWithAdmin(ctx, parley.SystemActor, "acme", "Acme", admin, "boss-password")
	if err != nil {
		t.Fatalf("CreateWorkspaceWithAdmin: %v", err)
	}
	if admin.WorkspaceID != ws.ID || admin.Role != parley.RoleAdmin || admin.SystemAdmin {
		t.Errorf("admin = %+v, want a workspace admin (not system admin) of %s", admin, ws.ID)
	}
	if _, _, _, err := e.svc.Login(ctx, "acme", "boss@acme.test", "boss-password", "", ""); err != nil {
		t.Errorf("Login to the new workspace: %v", err)
	}
}
