package httpapi_test

import (
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

type tierBody struct {
	TeamID  string `json:"team_id"`
	Seconds int    `json:"seconds"`
}

// Tiers are set, read and refused through the queue API; an agent
// escalates a conversation by hand to the next tier with a reason, and
// not past the last.
func TestQueueTiersAndEscalate(t *testing.T) {
	ts := newServer(t)
	first, second, other := ts.member(t, parley.RoleAgent), ts.member(t, parley.RoleAgent), ts.member(t, parley.RoleAgent)
	tok := ts.token(t, ts.ws.ID, parley.ScopeRoutingWrite, parley.ScopeAgentsRead)
	var t1, t2 teamBody
	ts.do(t, "POST", "/api/v1/teams", tok, map[string]any{"name": "First", "agent_ids": []string{first.agent.ID}}).want(t, 201).decode(t, &t1)
	ts.do(t, "POST", "/api/v1/teams", tok, map[string]any{"name": "Second", "agent_ids": []string{second.agent.ID}}).want(t, 201).decode(t, &t2)

	var q struct {
		queueBody
		Tiers []tierBody `json:"tiers"`
	}
	ts.do(t, "POST", "/api/v1/queues", tok, map[string]any{"name": "Escalating", "team_id": t1.ID,
		"tiers": []any{map[string]any{"seconds": 120}, map[string]any{"team_id": t2.ID, "seconds": 300}}}).want(t, 201).decode(t, &q)
	if len(q.Tiers) != 2 || q.Tiers[0] != (tierBody{t1.ID, 120}) || q.Tiers[1] != (tierBody{t2.ID, 300}) {
		t.Fatalf("tiers %+v", q.Tiers)
	}

	// Bad input.
	six := make([]any, 6)
	for i := range six {
		six[i] = map[string]any{"team_id": "t" + strings.Repeat("x", i), "seconds": 60}
	}
	for _, tiers := range [][]any{
		six, // too many
		{map[string]any{"seconds": -1}},
		{map[string]any{"seconds": 0}},
		{map[string]any{"seconds": 86401}},
		{map[string]any{"seconds": 60}, map[string]any{"seconds": 60}},                        // no team
		{map[string]any{"seconds": 60}, map[string]any{"team_id": t1.ID, "seconds": 60}},      // the queue's team twice
		{map[string]any{"team_id": t2.ID, "seconds": 60}},                                     // tier 1 is team_id's
		{map[string]any{"seconds": 60}, map[string]any{"team_id": "a\x00", "seconds": 60}},    // not an ID
		{map[string]any{"seconds": 60}, map[string]any{"team_id": t2.ID, "seconds": 1 << 62}}, // overflows
	} {
		ts.do(t, "PATCH", "/api/v1/queues/"+q.ID, tok, map[string]any{"team_id": t1.ID, "tiers": tiers}).problem(t, 422, parley.EINVALID)
	}
	ts.do(t, "PATCH", "/api/v1/queues/"+q.ID, tok, map[string]any{"tiers": []any{map[string]any{"seconds": 60},
		map[string]any{"team_id": "nope", "seconds": 60}}}).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "POST", "/api/v1/queues", tok, map[string]any{"name": "Bad", "tiers": []any{map[string]any{"seconds": 60},
		map[string]any{"team_id": "nope", "seconds": 60}}}).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "DELETE", "/api/v1/teams/"+t2.ID, tok, nil).problem(t, 409, parley.ECONFLICT)

	// The default queue escalates too: its conversations are the inbox's.
	var def struct {
		queueBody
		Tiers []tierBody `json:"tiers"`
	}
	var qs struct{ Items []queueBody }
	ts.do(t, "GET", "/api/v1/queues", tok, nil).want(t, 200).decode(t, &qs)
	for _, x := range qs.Items {
		if x.Default {
			def.ID = x.ID
		}
	}
	ts.do(t, "PATCH", "/api/v1/queues/"+def.ID, tok, map[string]any{"tiers": []any{map[string]any{"team_id": t1.ID, "seconds": 60},
		map[string]any{"team_id": t2.ID, "seconds": 60}}}).want(t, 200).decode(t, &def)
	if def.TeamID != t1.ID || len(def.Tiers) != 2 {
		t.Fatalf("default queue %+v", def)
	}

	in := ts.inbox(t)
	v := ts.guest(t, in)
	c := ts.start(t, v)
	ts.say(t, v, c.ID, "help")
	ts.do(t, "POST", "/api/v1/conversations/"+c.ID+"/assign", first, nil).want(t, 200)

	path := "/api/v1/conversations/" + c.ID + "/escalate"
	ts.do(t, "POST", path, first, map[string]any{"reason": strings.Repeat("x", 501)}).problem(t, 422, parley.EINVALID)
	ts.do(t, "POST", path, other, map[string]any{"reason": "not mine"}).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "POST", path, v, map[string]any{"reason": "me"}).problem(t, 403, parley.EFORBIDDEN)
	var got struct {
		conversationBody
		Tier int `json:"tier"`
	}
	ts.do(t, "POST", path, first, map[string]any{"reason": "Refunds are second line"}).want(t, 200).decode(t, &got)
	if got.Tier != 2 || got.Status != "pending" || got.AssigneeID != "" {
		t.Fatalf("escalated %+v", got)
	}
	p := ts.do(t, "POST", path, second, map[string]any{"reason": "again"}).problem(t, 409, parley.ECONFLICT)
	if p.Reason != "last_tier" {
		t.Fatalf("problem %+v", p)
	}
	ts.do(t, "POST", "/api/v1/conversations/nope/escalate", first, nil).problem(t, 404, parley.ENOTFOUND)

	// Removing the tiers: no escalation any more.
	var cleared struct {
		queueBody
		Tiers []tierBody `json:"tiers"`
	}
	ts.do(t, "PATCH", "/api/v1/queues/"+def.ID, tok, map[string]any{"tiers": []any{}}).want(t, 200)
	ts.do(t, "GET", "/api/v1/queues/"+def.ID, tok, nil).want(t, 200).decode(t, &cleared)
	if len(cleared.Tiers) != 0 || cleared.TeamID != t1.ID {
		t.Fatalf("tiers removed: %+v", cleared)
	}
}
