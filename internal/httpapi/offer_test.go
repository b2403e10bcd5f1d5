package httpapi_test

import (
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/routing"
)

type offerBody struct {
	ConversationID string    `json:"conversation_id"`
	AgentID        string    `json:"agent_id"`
	State          string    `json:"state"`
	ExpiresAt      time.Time `json:"expires_at"`
}

// In offer mode the router offers a conversation to one agent, who
// declines (with a reason) or accepts it over the API.
func TestOfferModeAPI(t *testing.T) {
	ts := newServer(t)
	admin := ts.member(t, parley.RoleAdmin)
	a := ts.member(t, parley.RoleAgent)
	b := ts.member(t, parley.RoleAgent)
	for _, m := range []staffMember{a, b} {
		if _, err := ts.store.SetAgentPresence(t.Context(), ts.ws.ID, m.agent.ID, parley.PresenceOnline, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	team := ts.do(t, "POST", "/api/v1/teams", admin, map[string]any{"name": "T", "agent_ids": []string{a.agent.ID, b.agent.ID}}).want(t, 201)
	var tb teamBody
	team.decode(t, &tb)

	// Bad settings are refused.
	for _, body := range []map[string]any{
		{"name": "Q", "offer_mode": true, "offer_timeout_seconds": 0},
		{"name": "Q", "offer_mode": true, "offer_timeout_seconds": 601},
		{"name": "Q", "offer_mode": "yes"},
	} {
		ts.do(t, "POST", "/api/v1/queues", admin, body).problem(t, 422, parley.EINVALID)
	}
	var q struct {
		ID                  string `json:"id"`
		OfferMode           bool   `json:"offer_mode"`
		OfferTimeoutSeconds int    `json:"offer_timeout_seconds"`
	}
	ts.do(t, "POST", "/api/v1/queues", admin, map[string]any{"name": "Q", "team_id": tb.ID, "strategy": "round_robin",
		"offer_mode": true}).want(t, 201).decode(t, &q)
	if !q.OfferMode || q.OfferTimeoutSeconds != 30 {
		t.Fatalf("queue = %+v, want offer mode with 30 s", q)
	}
	ts.do(t, "PATCH", "/api/v1/queues/"+q.ID, admin, map[string]any{"offer_timeout_seconds": 45}).want(t, 200).decode(t, &q)
	if q.OfferTimeoutSeconds != 45 {
		t.Fatalf("offer_timeout_seconds = %d", q.OfferTimeoutSeconds)
	}
	in := ts.inbox(t)
	ts.do(t, "PUT", "/api/v1/inboxes/"+in.ID+"/queue", admin, map[string]any{"queue_id": q.ID}).want(t, 200)
	v := ts.guest(t, in)
	c := ts.start(t, v)
	ts.say(t, v, c.ID, "hello")

	r, err := routing.New(routing.Config{Store: ts.store, Publish: ts.conv.PublishEvents})
	if err != nil {
		t.Fatal(err)
	}
	route := func() {
		t.Helper()
		if _, err := r.RouteQueue(t.Context(), ts.ws.ID, q.ID); err != nil {
			t.Fatal(err)
		}
	}
	route()
	offered := func(m staffMember) []offerBody {
		t.Helper()
		var out struct {
			Items []offerBody `json:"items"`
		}
		ts.do(t, "GET", "/api/v1/me/offers", m, nil).want(t, 200).decode(t, &out)
		return out.Items
	}
	first, second := a, b
	if a.agent.ID > b.agent.ID {
		first, second = b, a
	}
	if got := offered(first); len(got) != 1 || got[0].ConversationID != c.ID || got[0].State != "open" {
		t.Fatalf("offers of the first agent = %+v", got)
	}
	if got := offered(second); len(got) != 0 {
		t.Fatalf("offers of the second agent = %+v", got)
	}
	accept := "/api/v1/conversations/" + c.ID + "/offer/accept"
	decline := "/api/v1/conversations/" + c.ID + "/offer/decline"
	if p := ts.do(t, "POST", accept, second, nil).problem(t, 409, parley.ECONFLICT); p.Reason != "no_offer" {
		t.Errorf("another agent accepting: %+v", p)
	}
	ts.do(t, "POST", accept, v, nil).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "POST", accept, ts.token(t, ts.ws.ID, parley.ScopeConversationsWrite), nil).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "POST", decline, first, map[string]any{"reason": strings.Repeat("x", 501)}).problem(t, 422, parley.EINVALID)
	ts.do(t, "POST", decline, first, map[string]any{"reason": "in a meeting"}).want(t, 200)
	if evs := ts.conversationEvents(t, c.ID, parley.EventConversationOfferDeclined); len(evs) != 1 ||
		!strings.Contains(string(evs[0].Payload), `"reason":"in a meeting"`) {
		t.Fatalf("declined events = %v", evs)
	}

	route()
	if got := offered(second); len(got) != 1 {
		t.Fatalf("after the decline the second agent's offers = %+v", got)
	}
	var conv conversationBody
	ts.do(t, "POST", accept, second, nil).want(t, 200).decode(t, &conv)
	if conv.Status != "assigned" || conv.AssigneeID != second.agent.ID {
		t.Fatalf("accepted conversation = %+v", conv)
	}
	if len(ts.conversationEvents(t, c.ID, parley.EventConversationOffered)) != 2 ||
		len(ts.conversationEvents(t, c.ID, parley.EventConversationOfferAccepted)) != 1 {
		t.Fatalf("offer events missing")
	}
	if p := ts.do(t, "POST", accept, second, nil).problem(t, 409, parley.ECONFLICT); p.Reason != "no_offer" {
		t.Errorf("accepting twice: %+v", p)
	}
	ts.do(t, "POST", "/api/v1/conversations/nope/offer/accept", second, nil).problem(t, 404, parley.ENOTFOUND)
}

func TestOfflineReturnSetting(t *testing.T) {
	ts := newServer(t)
	admin := ts.member(t, parley.RoleAdmin)
	var q struct {
		ID                   string `json:"id"`
		OfflineReturnSeconds int    `json:"offline_return_seconds"`
	}
	ts.do(t, "POST", "/api/v1/queues", admin, map[string]any{"name": "Q"}).want(t, 201).decode(t, &q)
	if q.OfflineReturnSeconds != 0 {
		t.Fatalf("default offline_return_seconds = %d, want 0 (never)", q.OfflineReturnSeconds)
	}
	for _, bad := range []any{-1, 86401, "60"} {
		ts.do(t, "PATCH", "/api/v1/queues/"+q.ID, admin, map[string]any{"offline_return_seconds": bad}).problem(t, 422, parley.EINVALID)
	}
	ts.do(t, "PATCH", "/api/v1/queues/"+q.ID, admin, map[string]any{"offline_return_seconds": 300}).want(t, 200).decode(t, &q)
	if q.OfflineReturnSeconds != 300 {
		t.Fatalf("offline_return_seconds = %d", q.OfflineReturnSeconds)
	}
	ts.do(t, "GET", "/api/v1/queues/"+q.ID, admin, nil).want(t, 200).decode(t, &q)
	if q.OfflineReturnSeconds != 300 {
		t.Fatalf("stored offline_return_seconds = %d", q.OfflineReturnSeconds)
	}
}
