package httpapi_test

import (
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/httpapi"
	"github.com/parleychat/parley/internal/outbound"
)

type teamBody struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	AgentIDs []string `json:"agent_ids"`
}

type queueBody struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	TeamID   string `json:"team_id"`
	Strategy string `json:"strategy"`
	Capacity int    `json:"capacity"`
	Default  bool   `json:"default"`
}

type queueStatusBody struct {
	QueueID              string   `json:"queue_id"`
	Position             int      `json:"position"`
	Waiting              int      `json:"waiting"`
	EstimatedWaitSeconds *float64 `json:"estimated_wait_seconds"`
	OnlineAgents         int      `json:"online_agents"`
	AvailableAgents      int      `json:"available_agents"`
}

func TestTeamsAndQueues(t *testing.T) {
	ts := newServer(t)
	admin, sup, agent := ts.member(t, parley.RoleAdmin), ts.member(t, parley.RoleSupervisor), ts.member(t, parley.RoleAgent)
	in := ts.inbox(t)
	v := ts.guest(t, in)

	var team teamBody
	ts.do(t, "POST", "/api/v1/teams", admin, map[string]any{"name": "Billing", "agent_ids": []string{agent.agent.ID, sup.agent.ID}}).
		want(t, 201).decode(t, &team)
	if team.ID == "" || len(team.AgentIDs) != 2 {
		t.Fatalf("team = %+v", team)
	}
	// Default deny: managing routing needs routing:write (admins).
	for _, c := range []creds{sup, agent, v, ts.token(t, ts.ws.ID, parley.ScopeAgentsWrite)} {
		ts.do(t, "POST", "/api/v1/teams", c, map[string]any{"name": "X"}).problem(t, 403, parley.EFORBIDDEN)
		ts.do(t, "POST", "/api/v1/queues", c, map[string]any{"name": "X"}).problem(t, 403, parley.EFORBIDDEN)
		ts.do(t, "PUT", "/api/v1/routing-rules", c, map[string]any{"rules": []any{}}).problem(t, 403, parley.EFORBIDDEN)
	}
	ts.do(t, "GET", "/api/v1/teams", v, nil).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "GET", "/api/v1/teams", nil, nil).problem(t, 401, parley.EUNAUTHORIZED)
	tok := ts.token(t, ts.ws.ID, parley.ScopeRoutingWrite, parley.ScopeAgentsRead)
	ts.do(t, "POST", "/api/v1/teams", tok, map[string]any{"name": "billing"}).problem(t, 409, parley.ECONFLICT)
	ts.do(t, "POST", "/api/v1/teams", tok, map[string]any{"name": "X", "agent_ids": []string{"nope"}}).problem(t, 404, parley.ENOTFOUND)

	var teams struct{ Items []teamBody }
	ts.do(t, "GET", "/api/v1/teams", agent, nil).want(t, 200).decode(t, &teams)
	if len(teams.Items) != 1 || teams.Items[0].ID != team.ID {
		t.Errorf("teams = %+v", teams)
	}
	ts.do(t, "PATCH", "/api/v1/teams/"+team.ID, tok, map[string]any{"agent_ids": []string{agent.agent.ID}}).want(t, 200).decode(t, &team)
	if len(team.AgentIDs) != 1 {
		t.Errorf("members = %v", team.AgentIDs)
	}

	var queues struct{ Items []queueBody }
	ts.do(t, "GET", "/api/v1/queues", agent, nil).want(t, 200).decode(t, &queues)
	if len(queues.Items) != 1 || !queues.Items[0].Default || queues.Items[0].Strategy != "manual" {
		t.Fatalf("queues = %+v", queues)
	}
	def := queues.Items[0]
	var q queueBody
	ts.do(t, "POST", "/api/v1/queues", tok, map[string]any{"name": "Billing", "team_id": team.ID, "strategy": "round_robin", "capacity": 3}).
		want(t, 201).decode(t, &q)
	if q.TeamID != team.ID || q.Strategy != "round_robin" || q.Capacity != 3 || q.Default {
		t.Fatalf("queue = %+v", q)
	}
	ts.do(t, "PATCH", "/api/v1/queues/"+q.ID, tok, map[string]any{"strategy": "least_busy"}).want(t, 200).decode(t, &q)
	if q.Strategy != "least_busy" {
		t.Errorf("strategy = %s", q.Strategy)
	}
	ts.do(t, "DELETE", "/api/v1/teams/"+team.ID, tok, nil).problem(t, 409, parley.ECONFLICT)
	ts.do(t, "DELETE", "/api/v1/queues/"+def.ID, tok, nil).problem(t, 409, parley.ECONFLICT)

	// Bad input: a 4xx problem, never a 5xx.
	for _, body := range []map[string]any{
		{"name": ""}, {"name": "a\x00b"}, {"name": strings.Repeat("x", 65)},
		{"name": "Y", "strategy": "random"}, {"name": "Y", "capacity": -1}, {"name": "Y", "capacity": 1001},
		{"name": "Y", "team_id": "a\x00"},
	} {
		ts.do(t, "POST", "/api/v1/queues", tok, body).problem(t, 422, parley.EINVALID)
	}
	ts.do(t, "POST", "/api/v1/queues", tok, map[string]any{"name": "Y", "team_id": "nope"}).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "PUT", "/api/v1/routing-rules", tok, map[string]any{"rules": []any{map[string]any{"queue_id": "nope"}}}).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "PUT", "/api/v1/routing-rules", tok, map[string]any{"rules": []any{map[string]any{"queue_id": q.ID, "attributes": map[string]string{"bad key": "x"}}}}).
		problem(t, 422, parley.EINVALID)
	ts.do(t, "PUT", "/api/v1/routing-rules", tok, map[string]any{"rules": []any{map[string]any{"queue_id": q.ID, "page_url_prefix": "a\x00"}}}).
		problem(t, 422, parley.EINVALID)
	ts.do(t, "GET", "/api/v1/queues/nope", agent, nil).problem(t, 404, parley.ENOTFOUND)

	// Another workspace's queue is not found.
	otherWS := &parley.Workspace{Slug: "other", Name: "Other"}
	if err := ts.store.CreateWorkspace(t.Context(), parley.SystemActor, otherWS); err != nil {
		t.Fatal(err)
	}
	otherTok := ts.token(t, otherWS.ID, parley.ScopeAll)
	ts.do(t, "GET", "/api/v1/queues/"+q.ID, otherTok, nil).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "PATCH", "/api/v1/queues/"+q.ID, otherTok, map[string]any{"name": "Z"}).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "PUT", "/api/v1/inboxes/"+in.ID+"/queue", otherTok, map[string]any{"queue_id": q.ID}).problem(t, 404, parley.ENOTFOUND)

	// Rules route a verified-or-not, attribute-carrying, page-aware
	// conversation when the visitor's first message makes it pending.
	vipQ := queueBody{}
	ts.do(t, "POST", "/api/v1/queues", tok, map[string]any{"name": "Pricing page"}).want(t, 201).decode(t, &vipQ)
	ts.do(t, "PUT", "/api/v1/routing-rules", tok, map[string]any{"rules": []any{
		map[string]any{"queue_id": vipQ.ID, "page_url_prefix": "https://example.com/pricing"},
	}}).want(t, 200)
	var conv conversationBody
	ts.do(t, "POST", "/api/v1/conversations", v, map[string]any{"page_url": "https://example.com/pricing#x"}).want(t, 201).decode(t, &conv)
	ts.say(t, v, conv.ID, "How much?")
	var got struct {
		QueueID string `json:"queue_id"`
		PageURL string `json:"page_url"`
	}
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID, agent, nil).want(t, 200).decode(t, &got)
	if got.QueueID != vipQ.ID || got.PageURL != "https://example.com/pricing#x" {
		t.Errorf("conversation = %+v, want queue %s", got, vipQ.ID)
	}
	ts.do(t, "POST", "/api/v1/conversations", v, map[string]any{"page_url": "a\x00b"}).problem(t, 422, parley.EINVALID)

	// The inbox's queue takes what no rule matches.
	ts.do(t, "PUT", "/api/v1/inboxes/"+in.ID+"/queue", tok, map[string]any{"queue_id": q.ID}).want(t, 200)
	var iq queueBody
	ts.do(t, "GET", "/api/v1/inboxes/"+in.ID+"/queue", agent, nil).want(t, 200).decode(t, &iq)
	if iq.ID != q.ID {
		t.Errorf("inbox queue = %s", iq.ID)
	}
	conv2 := ts.start(t, v)
	ts.say(t, v, conv2.ID, "Hello")
	var st queueStatusBody
	ts.do(t, "GET", "/api/v1/conversations/"+conv2.ID+"/queue", v, nil).want(t, 200).decode(t, &st)
	if st.QueueID != q.ID || st.Position != 1 || st.Waiting != 1 {
		t.Errorf("queue status = %+v", st)
	}

	// Transfer to a team's queue, and to a queue, as staff.
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/assign", agent, nil).want(t, 200)
	var moved conversationBody
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/queue", agent, map[string]any{"team_id": team.ID}).want(t, 200).decode(t, &moved)
	if moved.Status != "pending" || moved.AssigneeID != "" {
		t.Errorf("moved = %+v", moved)
	}
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/queue", v, nil).want(t, 200).decode(t, &st)
	if st.QueueID != q.ID || st.Position != 2 {
		t.Errorf("after transfer to the team: %+v", st)
	}
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/queue", agent, map[string]any{"queue_id": q.ID}).problem(t, 409, parley.ECONFLICT)
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/queue", agent, map[string]any{}).problem(t, 422, parley.EINVALID)
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/queue", v, map[string]any{"queue_id": def.ID}).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/queue", sup, map[string]any{"queue_id": def.ID}).want(t, 200)
	var other teamBody
	ts.do(t, "POST", "/api/v1/teams", tok, map[string]any{"name": "Nobody's"}).want(t, 201).decode(t, &other)
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/queue", sup, map[string]any{"team_id": other.ID}).problem(t, 422, parley.EINVALID)

	// The audit log names every change.
	var audit struct {
		Items []struct {
			Action string `json:"action"`
		} `json:"items"`
	}
	ts.do(t, "GET", "/api/v1/audit-log?limit=200", admin, nil).want(t, 200).decode(t, &audit)
	seen := map[string]bool{}
	for _, e := range audit.Items {
		seen[e.Action] = true
	}
	for _, a := range []string{"team.create", "team.update", "queue.create", "queue.update", "routing_rules.set", "inbox.set_queue"} {
		if !seen[a] {
			t.Errorf("no %s in the audit log", a)
		}
	}
	if strings.Contains(ts.logs.String(), "level=ERROR") {
		t.Errorf("error logged:\n%s", ts.logs.String())
	}
}

// An agent takes conversations only under its capacity (the queue's
// override, else its own); a supervisor may assign over it.
func TestTakeWithinCapacity(t *testing.T) {
	ts := newServer(t)
	sup := ts.member(t, parley.RoleSupervisor)
	agent := ts.member(t, parley.RoleAgent, func(a *parley.Agent) { a.Capacity = 1 })
	in := ts.inbox(t)
	var ids []string
	for range 3 {
		v := ts.guest(t, in)
		c := ts.start(t, v)
		ts.say(t, v, c.ID, "hi")
		ids = append(ids, c.ID)
	}
	ts.do(t, "POST", "/api/v1/conversations/"+ids[0]+"/assign", agent, nil).want(t, 200)
	p := ts.do(t, "POST", "/api/v1/conversations/"+ids[1]+"/assign", agent, nil).problem(t, 409, parley.ECONFLICT)
	if p.Reason != "capacity" {
		t.Errorf("problem = %+v", p)
	}
	ts.do(t, "POST", "/api/v1/conversations/"+ids[1]+"/assign", sup, map[string]any{"agent_id": agent.agent.ID}).want(t, 200)
}

// A waiting visitor learns its place in the queue as agents take the
// conversations ahead of it, and whether anyone could take it now.
func TestWaitingVisitor(t *testing.T) {
	ts := newServer(t)
	agent := ts.member(t, parley.RoleAgent, func(a *parley.Agent) { a.Capacity = 2 })
	in := ts.inbox(t)
	type inboxBody struct {
		Queue struct {
			QueueID         string `json:"queue_id"`
			OnlineAgents    int    `json:"online_agents"`
			AvailableAgents int    `json:"available_agents"`
		} `json:"queue"`
	}
	var ib inboxBody
	ts.do(t, "GET", "/api/v1/visitor/inbox?inbox_id="+in.ID, nil, nil).want(t, 200).decode(t, &ib)
	if ib.Queue.QueueID == "" || ib.Queue.OnlineAgents != 0 || ib.Queue.AvailableAgents != 0 {
		t.Errorf("availability with nobody online = %+v", ib.Queue)
	}
	if _, err := ts.store.SetAgentPresence(t.Context(), ts.ws.ID, agent.agent.ID, parley.PresenceOnline, time.Time{}); err != nil {
		t.Fatal(err)
	}
	ts.do(t, "GET", "/api/v1/visitor/inbox?inbox_id="+in.ID, nil, nil).want(t, 200).decode(t, &ib)
	if ib.Queue.OnlineAgents != 1 || ib.Queue.AvailableAgents != 1 {
		t.Errorf("availability = %+v", ib.Queue)
	}

	var vs []visitor
	var convs []conversationBody
	for range 3 {
		v := ts.guest(t, in)
		c := ts.start(t, v)
		ts.say(t, v, c.ID, "hello")
		vs, convs = append(vs, v), append(convs, c)
	}
	last := vs[2]
	position := func() queueStatusBody {
		t.Helper()
		var st queueStatusBody
		ts.do(t, "GET", "/api/v1/conversations/"+convs[2].ID+"/queue", last, nil).want(t, 200).decode(t, &st)
		return st
	}
	if st := position(); st.Position != 3 || st.Waiting != 3 || st.EstimatedWaitSeconds != nil {
		t.Errorf("first = %+v", st)
	}
	ts.do(t, "POST", "/api/v1/conversations/"+convs[0].ID+"/assign", agent, nil).want(t, 200)
	if st := position(); st.Position != 2 || st.EstimatedWaitSeconds == nil || st.AvailableAgents != 1 {
		t.Errorf("after one taken = %+v", st)
	}
	ts.do(t, "POST", "/api/v1/conversations/"+convs[1].ID+"/assign", agent, nil).want(t, 200)
	if st := position(); st.Position != 1 || st.AvailableAgents != 0 || st.OnlineAgents != 1 {
		t.Errorf("after two taken = %+v", st)
	}
	// Another visitor's conversation is not found; nor is another's queue.
	ts.do(t, "GET", "/api/v1/conversations/"+convs[2].ID+"/queue", vs[0], nil).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "GET", "/api/v1/conversations/nope/queue", last, nil).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "GET", "/api/v1/conversations/"+convs[2].ID+"/queue", nil, nil).problem(t, 401, parley.EUNAUTHORIZED)
}

// An external router's URL is checked like every outbound URL; its secret
// is shown once; removing it leaves the queue on its fallback.
func TestExternalRouterConfig(t *testing.T) {
	ts := newServer(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeRoutingWrite, parley.ScopeAgentsRead)
	agent := ts.member(t, parley.RoleAgent)
	var q queueBody
	ts.do(t, "POST", "/api/v1/queues", tok, map[string]any{"name": "Ext", "strategy": "external"}).want(t, 201).decode(t, &q)
	path := "/api/v1/queues/" + q.ID + "/external-router"
	ts.do(t, "PUT", path, tok, map[string]any{"url": "http://127.0.0.1:9/route"}).problem(t, 422, parley.EINVALID)
	ts.do(t, "PUT", path, tok, map[string]any{"url": "https://10.0.0.1/route"}).problem(t, 422, parley.EINVALID)
	ts.do(t, "PUT", path, agent, map[string]any{"url": "https://router.example.com/"}).problem(t, 403, parley.EFORBIDDEN)

	allowed := newServer(t, func(c *httpapi.Config) {
		out, err := outbound.New(outbound.Config{Allow: []string{"127.0.0.1/32"}})
		if err != nil {
			t.Fatal(err)
		}
		c.CheckURL = out.CheckURL
	})
	tok = allowed.token(t, allowed.ws.ID, parley.ScopeRoutingWrite, parley.ScopeAgentsRead)
	allowed.do(t, "POST", "/api/v1/queues", tok, map[string]any{"name": "Ext", "strategy": "external"}).want(t, 201).decode(t, &q)
	path = "/api/v1/queues/" + q.ID + "/external-router"
	for _, body := range []map[string]any{
		{"url": "http://127.0.0.1:9/route", "fallback": "manual"},
		{"url": "http://127.0.0.1:9/route", "fallback": "external"},
		{"url": "http://127.0.0.1:9/route", "timeout_ms": 10001},
		{"url": "http://127.0.0.1:9/route", "timeout_ms": -1},
		{"url": "a\x00b"},
		{"url": ""},
	} {
		allowed.do(t, "PUT", path, tok, body).problem(t, 422, parley.EINVALID)
	}
	var set struct {
		External struct {
			URL       string `json:"url"`
			TimeoutMS int64  `json:"timeout_ms"`
			Fallback  string `json:"fallback"`
			Secret    string `json:"secret"`
		} `json:"external"`
	}
	allowed.do(t, "PUT", path, tok, map[string]any{"url": "http://127.0.0.1:9/route", "fallback": "least_busy"}).want(t, 200).decode(t, &set)
	if !strings.HasPrefix(set.External.Secret, "whsec_") || set.External.TimeoutMS != 2000 || set.External.Fallback != "least_busy" {
		t.Errorf("external = %+v", set.External)
	}
	var got map[string]any
	allowed.do(t, "GET", "/api/v1/queues/"+q.ID, tok, nil).want(t, 200).decode(t, &got)
	ext, _ := got["external"].(map[string]any)
	if ext == nil || ext["url"] != "http://127.0.0.1:9/route" || ext["secret"] != nil {
		t.Errorf("queue = %v", got)
	}
	allowed.do(t, "DELETE", path, tok, nil).want(t, 204)
	got = nil
	allowed.do(t, "GET", "/api/v1/queues/"+q.ID, tok, nil).want(t, 200).decode(t, &got)
	if got["external"] != nil {
		t.Errorf("external after DELETE = %v", got["external"])
	}
	allowed.do(t, "PUT", "/api/v1/queues/nope/external-router", tok, map[string]any{"url": "http://127.0.0.1:9/"}).problem(t, 404, parley.ENOTFOUND)
}

// A queue's business hours tell visitors whether it is open and, if not,
// when it opens.
func TestBusinessHoursAPI(t *testing.T) {
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC) // a Monday
	ts := newServer(t, func(c *httpapi.Config) { c.Now = func() time.Time { return now } })
	tok := ts.token(t, ts.ws.ID, parley.ScopeRoutingWrite, parley.ScopeAgentsRead)
	in := ts.inbox(t)
	var q queueBody
	ts.do(t, "GET", "/api/v1/inboxes/"+in.ID+"/queue", tok, nil).problem(t, 403, parley.EFORBIDDEN) // inboxes:read
	ts.do(t, "GET", "/api/v1/queues", tok, nil).want(t, 200)
	var qs struct{ Items []queueBody }
	ts.do(t, "GET", "/api/v1/queues", tok, nil).want(t, 200).decode(t, &qs)
	q = qs.Items[0]
	allDay := []map[string]string{{"start": "00:00", "end": "24:00"}}
	week := [][]map[string]string{allDay, allDay, allDay, allDay, allDay, allDay, allDay}
	path := "/api/v1/queues/" + q.ID + "/business-hours"
	for _, body := range []map[string]any{
		{"time_zone": "UTC", "weekly": week[:6]},
		{"time_zone": "Mars/Base", "weekly": week},
		{"time_zone": "UTC\x00", "weekly": week},
		{"time_zone": "UTC", "weekly": week, "holidays": []string{"tomorrow"}},
		{"time_zone": "UTC", "weekly": [][]map[string]string{{{"start": "10:00", "end": "09:00"}}, {}, {}, {}, {}, {}, {}}},
	} {
		ts.do(t, "PUT", path, tok, body).problem(t, 422, parley.EINVALID)
	}
	ts.do(t, "PUT", path, tok, map[string]any{"time_zone": "UTC", "weekly": week, "holidays": []string{"2026-12-07"}}).want(t, 200)
	var ib struct {
		Queue struct {
			Open    bool       `json:"open"`
			OpensAt *time.Time `json:"opens_at"`
		} `json:"queue"`
	}
	ts.do(t, "GET", "/api/v1/visitor/inbox?inbox_id="+in.ID, nil, nil).want(t, 200).decode(t, &ib)
	if ib.Queue.Open || ib.Queue.OpensAt == nil || !ib.Queue.OpensAt.Equal(time.Date(2026, 12, 8, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("on a holiday: %+v", ib.Queue)
	}
	ts.do(t, "DELETE", path, tok, nil).want(t, 204)
	ts.do(t, "GET", "/api/v1/visitor/inbox?inbox_id="+in.ID, nil, nil).want(t, 200).decode(t, &ib)
	if !ib.Queue.Open {
		t.Errorf("without hours: %+v", ib.Queue)
	}
}

// The visitor API tells when a closed queue opens, in UTC, across both
// daylight-saving changes of its time zone; a conversation queued while it
// is closed is marked outside_hours.
func TestBusinessHoursAcrossDST(t *testing.T) {
	var now time.Time
	ts := newServer(t, func(c *httpapi.Config) { c.Now = func() time.Time { return now } })
	tok := ts.token(t, ts.ws.ID, parley.ScopeRoutingWrite, parley.ScopeAgentsRead, parley.ScopeConversationsRead)
	in := ts.inbox(t)
	var qs struct{ Items []queueBody }
	ts.do(t, "GET", "/api/v1/queues", tok, nil).want(t, 200).decode(t, &qs)
	day := []map[string]string{{"start": "09:00", "end": "17:00"}}
	none := []map[string]string{}
	week := [][]map[string]string{none, day, day, day, day, day, none}
	ts.do(t, "PUT", "/api/v1/queues/"+qs.Items[0].ID+"/business-hours", tok,
		map[string]any{"time_zone": "Europe/Berlin", "weekly": week}).want(t, 200)
	for _, tc := range []struct {
		name  string
		now   time.Time
		open  bool
		opens time.Time
	}{
		{"Friday before spring, open", time.Date(2026, 3, 27, 15, 59, 0, 0, time.UTC), true, time.Time{}},
		{"Friday before spring, closed", time.Date(2026, 3, 27, 16, 0, 0, 0, time.UTC), false, time.Date(2026, 3, 30, 7, 0, 0, 0, time.UTC)},
		{"Monday after spring, open", time.Date(2026, 3, 30, 7, 0, 0, 0, time.UTC), true, time.Time{}},
		{"Saturday before autumn", time.Date(2026, 10, 24, 12, 0, 0, 0, time.UTC), false, time.Date(2026, 10, 26, 8, 0, 0, 0, time.UTC)},
		{"Monday after autumn, early", time.Date(2026, 10, 26, 7, 30, 0, 0, time.UTC), false, time.Date(2026, 10, 26, 8, 0, 0, 0, time.UTC)},
	} {
		now = tc.now
		var ib struct {
			Queue struct {
				Open    bool       `json:"open"`
				OpensAt *time.Time `json:"opens_at"`
			} `json:"queue"`
		}
		ts.do(t, "GET", "/api/v1/visitor/inbox?inbox_id="+in.ID, nil, nil).want(t, 200).decode(t, &ib)
		if ib.Queue.Open != tc.open || (ib.Queue.OpensAt == nil) != tc.open ||
			(ib.Queue.OpensAt != nil && !ib.Queue.OpensAt.Equal(tc.opens)) {
			t.Errorf("%s: queue = %+v, want open %v, opens_at %v", tc.name, ib.Queue, tc.open, tc.opens)
		}
		// A visitor writes now: the conversation is marked when the
		// queue is closed.
		ts.store.Now = func() time.Time { return now }
		v := ts.guest(t, in)
		c := ts.start(t, v)
		ts.say(t, v, c.ID, "Hello?")
		var got struct {
			Status       string `json:"status"`
			OutsideHours bool   `json:"outside_hours"`
		}
		ts.do(t, "GET", "/api/v1/conversations/"+c.ID, tok, nil).want(t, 200).decode(t, &got)
		if got.Status != "pending" || got.OutsideHours == tc.open {
			t.Errorf("%s: conversation = %+v", tc.name, got)
		}
	}
}

// TestBotFirstQueueAPI: a queue of strategy bot with its bot, timeout and
// hand-off queue; bad settings are refused, naming the field, and a
// refused creation leaves no queue behind.
func TestBotFirstQueueAPI(t *testing.T) {
	ts := newServer(t)
	admin := ts.token(t, ts.ws.ID, parley.ScopeAll)
	var humans, bot, person struct{ ID string }
	ts.do(t, "POST", "/api/v1/queues", admin, map[string]any{"name": "People"}).want(t, 201).decode(t, &humans)
	ts.do(t, "POST", "/api/v1/agents", admin, map[string]any{"email": "b@bots.example", "name": "B", "role": "agent", "bot": true}).
		want(t, 201).decode(t, &bot)
	ts.do(t, "POST", "/api/v1/agents", admin, map[string]any{"email": "p@example.com", "name": "P", "role": "agent",
		"password": "a-long-enough-password"}).want(t, 201).decode(t, &person)

	var q struct {
		ID, Strategy, BotID, HandoffQueueID string
		BotTimeoutSeconds                   int `json:"bot_timeout_seconds"`
	}
	r := ts.do(t, "POST", "/api/v1/queues", admin, map[string]any{"name": "Bot first", "strategy": "bot", "bot_id": bot.ID,
		"bot_timeout_seconds": 60, "handoff_queue_id": humans.ID}).want(t, 201)
	r.decode(t, &q)
	if q.Strategy != "bot" || !strings.Contains(string(r.body), `"bot_id":"`+bot.ID+`"`) || q.BotTimeoutSeconds != 60 ||
		!strings.Contains(string(r.body), `"handoff_queue_id":"`+humans.ID+`"`) {
		t.Fatalf("created %s", r.body)
	}
	for name, tc := range map[string]struct {
		body map[string]any
		loc  string
	}{
		"NoBot":           {map[string]any{"strategy": "bot"}, "body.bot_id"},
		"NotABot":         {map[string]any{"strategy": "bot", "bot_id": person.ID}, "body.bot_id"},
		"UnknownBot":      {map[string]any{"strategy": "bot", "bot_id": "01900000-0000-7000-8000-0000000000ff"}, "body.bot_id"},
		"BadBotID":        {map[string]any{"strategy": "bot", "bot_id": "x y"}, "body.bot_id"},
		"NegativeTimeout": {map[string]any{"strategy": "bot", "bot_id": bot.ID, "bot_timeout_seconds": -1}, "body.bot_timeout_seconds"},
		"LongTimeout":     {map[string]any{"strategy": "bot", "bot_id": bot.ID, "bot_timeout_seconds": 3601}, "body.bot_timeout_seconds"},
		"TimeoutNoQueue":  {map[string]any{"strategy": "bot", "bot_id": bot.ID, "bot_timeout_seconds": 5}, "body.handoff_queue_id"},
		"UnknownQueue": {map[string]any{"strategy": "bot", "bot_id": bot.ID, "bot_timeout_seconds": 5,
			"handoff_queue_id": "01900000-0000-7000-8000-0000000000ff"}, "body.handoff_queue_id"},
	} {
		t.Run(name, func(t *testing.T) {
			tc.body["name"] = "Refused " + name
			p := ts.do(t, "POST", "/api/v1/queues", admin, tc.body).problem(t, 422, parley.EINVALID)
			if locs := p.locations(); len(locs) != 1 || locs[0] != tc.loc {
				t.Errorf("locations %v, want [%s]", locs, tc.loc)
			}
		})
	}
	var list struct{ Items []struct{ Name string } }
	ts.do(t, "GET", "/api/v1/queues", admin, nil).want(t, 200).decode(t, &list)
	for _, it := range list.Items {
		if strings.HasPrefix(it.Name, "Refused") {
			t.Errorf("a refused queue was left: %s", it.Name)
		}
	}
	// Its own hand-off queue, and clearing the bot of a bot queue.
	ts.do(t, "PATCH", "/api/v1/queues/"+q.ID, admin, map[string]any{"handoff_queue_id": q.ID}).problem(t, 422, parley.EINVALID)
	ts.do(t, "PATCH", "/api/v1/queues/"+q.ID, admin, map[string]any{"bot_id": ""}).problem(t, 422, parley.EINVALID)
	ts.do(t, "PATCH", "/api/v1/queues/"+q.ID, admin, map[string]any{"strategy": "manual", "bot_id": "", "bot_timeout_seconds": 0,
		"handoff_queue_id": ""}).want(t, 200)
}
