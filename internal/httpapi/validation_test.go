package httpapi_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

// TestMalformedInput checks that bad input is a 422 problem naming each
// bad field.
func TestMalformedInput(t *testing.T) {
	ts := newServer(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeAll, parley.ScopeWorkspacesRead, parley.ScopeWorkspacesWrite)
	agent := map[string]any{"email": "ann@example.com", "name": "Ann", "password": "long-enough"}
	with := func(base map[string]any, kv ...any) map[string]any {
		m := map[string]any{}
		for k, v := range base {
			m[k] = v
		}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}

	tests := []struct {
		name      string
		method    string
		path      string
		body      any
		locations []string
	}{
		{"BadEmail", "POST", "/api/v1/agents", with(agent, "email", "not-an-email"), []string{"body.email"}},
		{"ShortPassword", "POST", "/api/v1/agents", with(agent, "password", "short"), []string{"body.password"}},
		{"UnknownRole", "POST", "/api/v1/agents", with(agent, "role", "owner"), []string{"body.role"}},
		{"BadAttributeKey", "POST", "/api/v1/agents", with(agent, "attributes", map[string]any{"bad key": 1}), []string{"body.attributes.bad key"}},
		{"NegativeCapacity", "POST", "/api/v1/agents", with(agent, "capacity", -1), []string{"body.capacity"}},
		{"SeveralAgentFields", "POST", "/api/v1/agents", with(agent, "email", "x", "name", "", "role", "boss", "password", "1"), []string{"body.email", "body.name", "body.password", "body.role"}},
		{"MissingEmail", "POST", "/api/v1/agents", map[string]any{"name": "Ann"}, []string{"body"}},
		{"UnknownField", "POST", "/api/v1/agents", with(agent, "is_admin", true), []string{"body.is_admin"}},
		{"WrongType", "POST", "/api/v1/agents", with(agent, "capacity", "three"), []string{"body.capacity"}},
		{"PatchBadEmail", "PATCH", "/api/v1/agents/" + ts.admin.ID, map[string]any{"email": "nope"}, []string{"body.email"}},
		{"BadOrigin", "POST", "/api/v1/inboxes", map[string]any{"name": "S", "allowed_origins": []string{"https://ok.example", "https://x.example/path"}}, []string{"body.allowed_origins[1]"}},
		{"BadColour", "POST", "/api/v1/inboxes", map[string]any{"name": "S", "widget": map[string]any{"color": "blue"}}, []string{"body.widget.color"}},
		{"BadLocale", "POST", "/api/v1/inboxes", map[string]any{"name": "S", "widget": map[string]any{"locale": "en_US!"}}, []string{"body.widget.locale"}},
		{"BadPosition", "POST", "/api/v1/inboxes", map[string]any{"name": "S", "widget": map[string]any{"position": "top"}}, []string{"body.widget.position"}},
		{"EmptyInboxName", "POST", "/api/v1/inboxes", map[string]any{"name": " "}, []string{"body.name"}},
		{"UnknownScope", "POST", "/api/v1/tokens", map[string]any{"name": "app", "scopes": []string{"agents:read", "agents:delete"}}, []string{"body.scopes[1]"}},
		{"NoScopes", "POST", "/api/v1/tokens", map[string]any{"name": "app", "scopes": []string{}}, []string{"body.scopes"}},
		{"BadSlug", "POST", "/api/v1/workspaces", map[string]any{"slug": "Not A Slug", "name": "X"}, []string{"body.slug"}},
		{"BadWorkspaceAdmin", "POST", "/api/v1/workspaces", map[string]any{"slug": "acme", "name": "Acme", "admin": map[string]any{"email": "x", "name": "Boss", "password": "boss-password"}}, []string{"body.admin.email"}},
		{"BadAttributeFilter", "GET", "/api/v1/agents?attribute.1x=2", nil, []string{"query.attribute.1x"}},
		{"TwoAttributeFilters", "GET", "/api/v1/agents?attribute.a=1&attribute.b=2", nil, []string{"query.attribute.b"}},
		{"UnknownRoleFilter", "GET", "/api/v1/agents?role=owner", nil, []string{"query.role"}},
		{"BadCursor", "GET", "/api/v1/agents?cursor=!!!", nil, []string{"query.cursor"}},
		{"ForgedCursor", "GET", "/api/v1/inboxes?cursor=Jyc7IERST1A", nil, []string{"query.cursor"}}, // "''; DROP"
		{"LimitZero", "GET", "/api/v1/tokens?limit=0", nil, []string{"query.limit"}},
		{"LimitTooHigh", "GET", "/api/v1/audit-log?limit=201", nil, []string{"query.limit"}},
		{"LimitNotANumber", "GET", "/api/v1/workspaces?limit=ten", nil, []string{"query.limit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := ts.do(t, tt.method, tt.path, tok, tt.body).problem(t, 422, "invalid")
			if got := p.locations(); !slices.Equal(got, tt.locations) {
				t.Errorf("error locations = %q, want %q (%s)", got, tt.locations, p.Detail)
			}
			for _, e := range p.Errors {
				if strings.TrimSpace(e.Message) == "" {
					t.Errorf("error at %s has no message", e.Location)
				}
			}
		})
	}
}

func TestOversizedBody(t *testing.T) {
	ts := newServer(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeAll)
	big := `{"name":"` + strings.Repeat("x", 2<<20) + `"}`
	ts.do(t, "POST", "/api/v1/inboxes", tok, big).problem(t, 413, "invalid")
}
