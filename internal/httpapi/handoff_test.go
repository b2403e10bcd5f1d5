package httpapi_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

// TestAppBotToken: an app asks for a token acting as a bot it created
// (agent_id); its messages are the bot's, with the app as provenance. A
// token for an agent that is no bot of the app is refused.
func TestAppBotToken(t *testing.T) {
	engines(t, func(t *testing.T, open func(t *testing.T, opts ...serverOption) *testServer) {
		testAppBotToken(t, open(t))
	})
}

func testAppBotToken(t *testing.T, ts *testServer) {
	a := ts.install(t, manifest("FAQ", botScopes...))
	tok := ts.appToken(t, a)
	var bot struct {
		ID string `json:"id"`
	}
	ts.do(t, "POST", "/api/v1/agents", tok, map[string]any{"email": "faq@bots.example", "name": "FAQ", "role": "agent", "bot": true}).
		want(t, 201).decode(t, &bot)
	other := ts.install(t, manifest("Other", botScopes...))
	var otherBot struct {
		ID string `json:"id"`
	}
	ts.do(t, "POST", "/api/v1/agents", ts.appToken(t, other), map[string]any{"email": "o@bots.example", "name": "O", "role": "agent", "bot": true}).
		want(t, 201).decode(t, &otherBot)
	human := ts.member(t, parley.RoleAgent)
	grant := func(app appBody, agentID string) (int, oauthAnswer) {
		status, ans, _ := ts.grant(t, url.Values{"grant_type": {"client_credentials"}, "client_id": {app.ClientID},
			"client_secret": {app.ClientSecret}, "agent_id": {agentID}})
		return status, ans
	}
	for name, id := range map[string]string{"human": human.agent.ID, "otherAppsBot": otherBot.ID, "unknown": "nope",
		"long": strings.Repeat("x", 100), "nul": "a\x00b"} {
		if status, ans := grant(a, id); status != 400 || ans.Error != "invalid_request" {
			t.Errorf("%s: %d %+v, want 400 invalid_request", name, status, ans)
		}
	}
	status, ans := grant(a, bot.ID)
	if status != 200 {
		t.Fatalf("bot token: %d %+v", status, ans)
	}
	botTok := bearer(ans.AccessToken)
	in := ts.inbox(t)
	v := ts.guest(t, in)
	conv := ts.start(t, v)
	ts.say(t, v.bearer, conv.ID, "Hello?")
	var m struct {
		AppID  string `json:"app_id"`
		Sender struct {
			Type string `json:"type"`
			ID   string `json:"id"`
		} `json:"sender"`
	}
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/messages", botTok, map[string]any{"body": "Hi, I am a bot."}).want(t, 201).decode(t, &m)
	if m.Sender.Type != "bot" || m.Sender.ID != bot.ID || m.AppID != a.ID {
		t.Errorf("sent as %+v", m)
	}
	// Disabling the bot ends its tokens, and so does deleting it.
	ts.do(t, "PATCH", "/api/v1/agents/"+bot.ID, tok, map[string]any{"disabled": true}).want(t, 200)
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID, botTok, nil).problem(t, 401, parley.EUNAUTHORIZED)
	ts.do(t, "PATCH", "/api/v1/agents/"+bot.ID, tok, map[string]any{"disabled": false}).want(t, 200)
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID, botTok, nil).want(t, 200)
	ts.do(t, "DELETE", "/api/v1/agents/"+bot.ID, tok, nil).want(t, 204)
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID, botTok, nil).problem(t, 401, parley.EUNAUTHORIZED)
}

// TestHandoff: who may hand off, to what, and bad input: a 4xx problem,
// never a 5xx.
func TestHandoff(t *testing.T) {
	engines(t, func(t *testing.T, open func(t *testing.T, opts ...serverOption) *testServer) { testHandoff(t, open(t)) })
}

func testHandoff(t *testing.T, ts *testServer) {
	admin := ts.token(t, ts.ws.ID, parley.ScopeAll)
	var humans, team struct {
		ID string `json:"id"`
	}
	ts.do(t, "POST", "/api/v1/queues", admin, map[string]any{"name": "Humans"}).want(t, 201).decode(t, &humans)
	ts.do(t, "POST", "/api/v1/teams", admin, map[string]any{"name": "Sales"}).want(t, 201).decode(t, &team)
	var salesQueue struct {
		ID string `json:"id"`
	}
	ts.do(t, "POST", "/api/v1/queues", admin, map[string]any{"name": "Sales queue", "team_id": team.ID}).want(t, 201).decode(t, &salesQueue)
	_, otherAdmin := ts.otherWorkspace(t, parley.ScopeAll)
	var otherQueue struct {
		ID string `json:"id"`
	}
	ts.do(t, "POST", "/api/v1/queues", otherAdmin, map[string]any{"name": "Theirs"}).want(t, 201).decode(t, &otherQueue)

	in := ts.inbox(t)
	v := ts.guest(t, in)
	conv := ts.start(t, v)
	path := "/api/v1/conversations/" + conv.ID + "/handoff"
	// Open: the visitor has not written.
	ts.do(t, "POST", path, admin, map[string]any{"queue_id": humans.ID}).problem(t, 409, parley.ECONFLICT)
	ts.say(t, v.bearer, conv.ID, "Hello?")

	bad := map[string]any{
		"nothing":       map[string]any{},
		"both":          map[string]any{"queue_id": humans.ID, "team_id": team.ID},
		"longReason":    map[string]any{"queue_id": humans.ID, "reason": strings.Repeat("r", parley.MaxHandoffReasonLength+1)},
		"longSummary":   map[string]any{"queue_id": humans.ID, "summary": strings.Repeat("s", parley.MaxHandoffSummaryLength+1)},
		"nulSummary":    map[string]any{"queue_id": humans.ID, "summary": "a\x00b"},
		"invalidReason": `{"queue_id": "` + humans.ID + "\", \"reason\": \"\xff\xfe\"}",
		"deep":          strings.Repeat("[", 10000),
	}
	for name, body := range bad {
		r := ts.do(t, "POST", path, admin, body)
		if r.status != 422 && r.status != 400 {
			t.Errorf("%s: %d %s, want 422", name, r.status, r.body)
		}
	}
	ts.do(t, "POST", path, admin, map[string]any{"queue_id": otherQueue.ID}).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "POST", path, admin, map[string]any{"queue_id": "nope"}).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "POST", path, v.bearer, map[string]any{"queue_id": humans.ID}).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/handoff", otherAdmin, map[string]any{"queue_id": otherQueue.ID}).problem(t, 404, parley.ENOTFOUND)
	// A plain agent who does not hold it may not.
	agent := ts.member(t, parley.RoleAgent)
	ts.do(t, "POST", path, agent, map[string]any{"queue_id": humans.ID}).problem(t, 403, parley.EFORBIDDEN)

	// To a team: its queue.
	var got struct {
		Status  string `json:"status"`
		QueueID string `json:"queue_id"`
	}
	ts.do(t, "POST", path, admin, map[string]any{"team_id": team.ID, "reason": "sales question"}).want(t, 200).decode(t, &got)
	if got.Status != "pending" || got.QueueID != salesQueue.ID {
		t.Errorf("after the hand-off: %+v", got)
	}
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/resolve", admin, nil).want(t, 200)
	ts.do(t, "POST", path, admin, map[string]any{"queue_id": humans.ID}).problem(t, 409, parley.ECONFLICT)
	if strings.Contains(ts.logs.String(), "level=ERROR") {
		t.Errorf("ERROR logged:\n%s", ts.logs.String())
	}
}
