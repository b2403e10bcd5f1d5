package httpapi_test

import (
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

// GET /conversations/{id}/agents names the agents a visitor talks to —
// who wrote, and the assignee — with their name and picture only: an agent
// who wrote only notes stays unknown to the visitor, and nobody else's
// conversation answers.
func TestConversationAgents(t *testing.T) {
	ts := newServer(t)
	in := ts.inbox(t)
	v := ts.guest(t, in)
	conv := ts.start(t, v)
	ts.say(t, v, conv.ID, "Hello?")
	ada := ts.member(t, parley.RoleAgent, func(a *parley.Agent) { a.Name, a.AvatarURL = "Ada", "https://cdn.example.com/ada.png" })
	noter := ts.member(t, parley.RoleAgent, func(a *parley.Agent) { a.Name = "Quiet Note-Taker" })
	boss := ts.member(t, parley.RoleAdmin, func(a *parley.Agent) { a.Name = "Boss" })
	ts.say(t, ada, conv.ID, "Hi, Ada here.")
	ts.sendMessage(t, noter, conv.ID, map[string]any{"body": "VIP", "kind": "note"})
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/assign", boss, map[string]any{"agent_id": boss.agent.ID}).want(t, 200)

	type agentBody struct {
		ID        string `json:"id"`
		Name      string `json:"name"`
		AvatarURL string `json:"avatar_url"`
		Bot       bool   `json:"bot"`
	}
	list := func(c creds) (names []string, raw string) {
		t.Helper()
		r := ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/agents", c, nil).want(t, 200)
		var l struct{ Items []agentBody }
		r.decode(t, &l)
		for _, a := range l.Items {
			names = append(names, a.Name+" "+a.AvatarURL)
		}
		return names, string(r.body)
	}
	t.Run("Visitor", func(t *testing.T) {
		names, raw := list(v)
		want := map[string]bool{"Ada https://cdn.example.com/ada.png": true, "Boss ": true}
		if len(names) != len(want) {
			t.Fatalf("the visitor sees %q, want Ada (with her picture) and Boss", names)
		}
		for _, n := range names {
			if !want[n] {
				t.Errorf("the visitor sees %q", n)
			}
		}
		for _, secret := range []string{"Quiet", "@example.com", "role", "presence", noter.agent.ID} {
			if strings.Contains(raw, secret) {
				t.Errorf("the visitor's answer holds %q: %s", secret, raw)
			}
		}
	})
	t.Run("StaffSeeTheNoteTaker", func(t *testing.T) {
		names, _ := list(ada)
		if len(names) != 3 {
			t.Errorf("an agent sees %q, want the three", names)
		}
	})
	t.Run("NotAParticipant", func(t *testing.T) {
		other := ts.guest(t, in)
		ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/agents", other, nil).problem(t, 404, "not_found")
		_, tok := ts.otherWorkspace(t, parley.ScopeAll)
		ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/agents", tok, nil).problem(t, 404, "not_found")
		ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/agents", nil, nil).problem(t, 401, "unauthorized")
		ts.do(t, "GET", "/api/v1/conversations/no-such-conversation/agents", v, nil).problem(t, 404, "not_found")
	})
}

// Agents have an optional https picture, which GET /agents shows with
// their presence; anything but an https URL is refused.
func TestAgentAvatarAndPresence(t *testing.T) {
	ts := newServer(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeAll)
	var a struct {
		ID        string `json:"id"`
		AvatarURL string `json:"avatar_url"`
		Presence  string `json:"presence"`
	}
	ts.do(t, "POST", "/api/v1/agents", tok, map[string]any{
		"email": "ann@example.com", "name": "Ann", "password": "a long password", "avatar_url": "https://cdn.example.com/ann.png",
	}).want(t, 201).decode(t, &a)
	if a.AvatarURL != "https://cdn.example.com/ann.png" || a.Presence != "offline" {
		t.Errorf("new agent = %+v", a)
	}
	for _, bad := range []string{"http://cdn.example.com/a.png", "javascript:alert(1)", "https://", "https://x.example/a b.png",
		"https://x.example/\x00.png", "https://" + strings.Repeat("a", 2100) + ".example"} {
		ts.do(t, "PATCH", "/api/v1/agents/"+a.ID, tok, map[string]any{"avatar_url": bad}).problem(t, 422, "invalid")
	}
	ts.do(t, "PATCH", "/api/v1/agents/"+a.ID, tok, map[string]any{"avatar_url": ""}).want(t, 200).decode(t, &a)
	if a.AvatarURL != "" {
		t.Errorf("after removing the picture: %+v", a)
	}

	// The admin's own presence shows in the list.
	admin := ts.login(t, "admin@example.com", adminPassword)
	ts.do(t, "PUT", "/api/v1/me/presence", admin, map[string]string{"status": "online"}).want(t, 200)
	var l struct {
		Items []struct {
			Email    string `json:"email"`
			Presence string `json:"presence"`
		} `json:"items"`
	}
	ts.do(t, "GET", "/api/v1/agents", tok, nil).want(t, 200).decode(t, &l)
	got := map[string]string{}
	for _, it := range l.Items {
		got[it.Email] = it.Presence
	}
	if got["admin@example.com"] != "online" || got["ann@example.com"] != "offline" {
		t.Errorf("GET /api/v1/agents presence: %v", got)
	}
}
