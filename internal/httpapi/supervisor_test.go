package httpapi_test

import (
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/httpapi"
	"github.com/parleychat/parley/internal/testenv"
)

type overviewBody struct {
	At         time.Time `json:"at"`
	AlertAfter int64     `json:"alert_after_seconds"`
	Queues     []struct {
		ID               string `json:"id"`
		Default          bool   `json:"default"`
		Waiting          int    `json:"waiting"`
		LongestWait      int64  `json:"longest_wait_seconds"`
		Assigned         int    `json:"assigned"`
		Alerts           int    `json:"alerts"`
		AgentsOnline     int    `json:"agents_online"`
		AgentsAway       int    `json:"agents_away"`
		AgentsOffline    int    `json:"agents_offline"`
		AgentsAtCapacity int    `json:"agents_at_capacity"`
	} `json:"queues"`
	Agents []struct {
		ID             string     `json:"id"`
		Presence       string     `json:"presence"`
		Open           int        `json:"open_conversations"`
		Capacity       int        `json:"capacity"`
		AtCapacity     bool       `json:"at_capacity"`
		LastReplyAt    *time.Time `json:"last_reply_at"`
		SinceLastReply *int64     `json:"seconds_since_last_reply"`
	} `json:"agents"`
	Alerts []struct {
		ConversationID string `json:"conversation_id"`
		QueueID        string `json:"queue_id"`
		Wait           int64  `json:"wait_seconds"`
	} `json:"alerts"`
	AlertsTotal int `json:"alerts_total"`
}

// The supervisor's live view counts a known setup: three conversations
// waiting, one taken by an agent who is then at capacity and replied; ten
// minutes later (the API's clock moved on) the two still waiting are
// alerts over a five-minute threshold and none over an hour's.
func TestSupervisorOverview(t *testing.T) {
	t.Run("SQLite", func(t *testing.T) { testSupervisorOverview(t, "") })
	t.Run("Postgres", func(t *testing.T) { testSupervisorOverview(t, testenv.PostgresURL(t)) })
}

func testSupervisorOverview(t *testing.T, databaseURL string) {
	var skew atomic.Int64
	clock := func(c *httpapi.Config) {
		c.Now = func() time.Time { return time.Now().Add(time.Duration(skew.Load())) }
	}
	var ts *testServer
	if databaseURL == "" {
		ts = newServer(t, clock)
	} else {
		ts = newServerOn(t, databaseURL, clock)
	}
	ctx := t.Context()
	sup := ts.member(t, parley.RoleSupervisor)
	busy := ts.member(t, parley.RoleAgent, func(a *parley.Agent) { a.Capacity = 1 })
	away := ts.member(t, parley.RoleAgent, func(a *parley.Agent) { a.Capacity = 3 })
	for a, p := range map[*parley.Agent]parley.Presence{busy.agent: parley.PresenceOnline, away.agent: parley.PresenceAway} {
		if _, err := ts.store.SetAgentPresence(ctx, ts.ws.ID, a.ID, p, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	in := ts.inbox(t)
	var ids []string
	for range 3 {
		v := ts.guest(t, in)
		c := ts.start(t, v)
		ts.say(t, v, c.ID, "hello")
		ids = append(ids, c.ID)
	}
	ts.do(t, "POST", "/api/v1/conversations/"+ids[0]+"/assign", busy, nil).want(t, 200)
	ts.say(t, busy, ids[0], "How can I help?") // the note after it is no reply
	note := ts.sendMessage(t, busy, ids[0], map[string]any{"body": "checking", "kind": "note"})
	if note.Kind != "note" {
		t.Fatalf("note = %+v", note)
	}

	// Another workspace, with its own agent and waiting conversation.
	other, otherToken := ts.otherWorkspace(t, parley.ScopeAll)
	otherIn := ts.inbox(t, func(in *parley.Inbox) { in.WorkspaceID = other.ID })
	ov := ts.guest(t, otherIn)
	oc := ts.start(t, ov)
	ts.say(t, ov, oc.ID, "elsewhere")

	skew.Store(int64(10 * time.Minute))
	var o overviewBody
	ts.do(t, "GET", "/api/v1/supervisor/overview?alert_after=300", sup, nil).want(t, 200).decode(t, &o)
	if o.AlertAfter != 300 || len(o.Queues) != 1 {
		t.Fatalf("overview = %+v", o)
	}
	q := o.Queues[0]
	// Agents: the administrator and the supervisor (offline), busy
	// (online, at capacity), away.
	if !q.Default || q.Waiting != 2 || q.Assigned != 1 || q.Alerts != 2 || q.LongestWait < 600 || q.LongestWait > 900 ||
		q.AgentsOnline != 1 || q.AgentsAway != 1 || q.AgentsOffline != 2 || q.AgentsAtCapacity != 1 {
		t.Errorf("queue = %+v", q)
	}
	if len(o.Alerts) != 2 || o.AlertsTotal != 2 || o.Alerts[0].ConversationID != ids[1] || o.Alerts[1].ConversationID != ids[2] ||
		o.Alerts[0].QueueID != q.ID || o.Alerts[0].Wait < 600 {
		t.Errorf("alerts = %+v (total %d), want %v", o.Alerts, o.AlertsTotal, ids[1:])
	}
	if len(o.Agents) != 4 {
		t.Fatalf("agents = %+v", o.Agents)
	}
	for _, a := range o.Agents {
		switch a.ID {
		case busy.agent.ID:
			if a.Presence != "online" || a.Open != 1 || a.Capacity != 1 || !a.AtCapacity || a.LastReplyAt == nil ||
				a.SinceLastReply == nil || *a.SinceLastReply < 600 {
				t.Errorf("busy agent = %+v", a)
			}
		case away.agent.ID:
			if a.Presence != "away" || a.Open != 0 || a.AtCapacity || a.LastReplyAt != nil || a.SinceLastReply != nil {
				t.Errorf("away agent = %+v", a)
			}
		case sup.agent.ID, ts.admin.ID:
			if a.Presence != "offline" || a.Open != 0 {
				t.Errorf("agent = %+v", a)
			}
		default:
			t.Errorf("unknown agent %+v", a)
		}
	}

	// Over an hour's threshold: no alert; the default is two minutes.
	ts.do(t, "GET", "/api/v1/supervisor/overview?alert_after=3600", sup, nil).want(t, 200).decode(t, &o)
	if len(o.Alerts) != 0 || o.AlertsTotal != 0 || o.Queues[0].Alerts != 0 || o.Queues[0].Waiting != 2 {
		t.Errorf("over an hour = %+v", o)
	}
	ts.do(t, "GET", "/api/v1/supervisor/overview", ts.token(t, ts.ws.ID, parley.ScopeReportsRead), nil).want(t, 200).decode(t, &o)
	if o.AlertAfter != 120 || o.AlertsTotal != 2 {
		t.Errorf("default threshold = %+v", o)
	}

	// The other workspace sees only its own.
	res := ts.do(t, "GET", "/api/v1/supervisor/overview?alert_after=60", otherToken, nil).want(t, 200)
	res.decode(t, &o)
	body := string(res.body)
	for _, id := range append(ids, q.ID, busy.agent.ID, away.agent.ID, sup.agent.ID) {
		if strings.Contains(body, id) {
			t.Errorf("the other workspace sees %s: %s", id, body)
		}
	}
	if len(o.Queues) != 1 || o.Queues[0].Waiting != 1 || len(o.Alerts) != 1 || o.Alerts[0].ConversationID != oc.ID {
		t.Errorf("other workspace = %+v", o)
	}

	// Who may look: supervisors, admins, tokens with reports:read.
	ts.do(t, "GET", "/api/v1/supervisor/overview", busy, nil).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "GET", "/api/v1/supervisor/overview", ts.token(t, ts.ws.ID, parley.ScopeConversationsRead), nil).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "GET", "/api/v1/supervisor/overview", nil, nil).problem(t, 401, parley.EUNAUTHORIZED)
	for _, bad := range []string{"alert_after=0", "alert_after=9", "alert_after=86401", "alert_after=soon", "alert_after=%00"} {
		ts.do(t, "GET", "/api/v1/supervisor/overview?"+bad, sup, nil).want(t, 422)
	}
}
