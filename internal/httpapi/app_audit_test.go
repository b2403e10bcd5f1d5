package httpapi_test

import (
	"testing"

	"github.com/parleychat/parley"
)

// TestAppActionsAudited: everything an app holding every workspace scope
// does that the audit log records is recorded with the app as the actor
// (type app, its ID and name), read back through the audit log API; and
// no entry written while only the app acted names anyone else.
func TestAppActionsAudited(t *testing.T) {
	onBothEngines(t, testAppActionsAudited)
}

func testAppActionsAudited(t *testing.T, ts *testServer) {
	admin := ts.token(t, ts.ws.ID, parley.ScopeAll)
	a := ts.install(t, manifest("Everything app", parley.ScopeAll))
	app := ts.appToken(t, a)
	var before auditPage
	ts.do(t, "GET", "/api/v1/audit-log?limit=200", admin, nil).want(t, 200).decode(t, &before)
	seen := map[string]bool{}
	for _, e := range before.Items {
		seen[e.ID] = true
	}

	type created struct {
		ID string `json:"id"`
	}
	var inbox, agent, label, canned, team, queue created
	ts.do(t, "POST", "/api/v1/inboxes", app, map[string]any{"name": "App inbox"}).want(t, 201).decode(t, &inbox)
	ts.do(t, "PATCH", "/api/v1/inboxes/"+inbox.ID, app, map[string]any{"name": "App inbox 2"}).want(t, 200)
	ts.do(t, "POST", "/api/v1/agents", app, map[string]any{"email": "made@apps.example", "name": "Made", "role": "agent", "bot": true}).
		want(t, 201).decode(t, &agent)
	ts.do(t, "PATCH", "/api/v1/agents/"+agent.ID, app, map[string]any{"name": "Made 2"}).want(t, 200)
	contact := ts.identifyAs(t, app, map[string]any{"inbox_id": inbox.ID, "external_id": "app-1", "name": "Ada"})
	ts.do(t, "PATCH", "/api/v1/contacts/"+contact.ID, app, map[string]any{"name": "Ada L."}).want(t, 200)
	ts.do(t, "POST", "/api/v1/contacts/"+contact.ID+"/notes", app, map[string]any{"body": "From the CRM."}).want(t, 201)
	ts.do(t, "POST", "/api/v1/labels", app, map[string]any{"name": "From app", "color": "#aa0000"}).want(t, 201).decode(t, &label)
	ts.do(t, "POST", "/api/v1/canned-responses", app, map[string]any{"shortcut": "app", "title": "App", "body": "Hi!", "shared": true}).
		want(t, 201).decode(t, &canned)
	ts.do(t, "POST", "/api/v1/teams", app, map[string]any{"name": "App team", "agent_ids": []string{agent.ID}}).want(t, 201).decode(t, &team)
	ts.do(t, "POST", "/api/v1/queues", app, map[string]any{"name": "App queue", "team_id": team.ID}).want(t, 201).decode(t, &queue)
	ts.do(t, "DELETE", "/api/v1/queues/"+queue.ID, app, nil).want(t, 204)
	ts.do(t, "DELETE", "/api/v1/teams/"+team.ID, app, nil).want(t, 204)
	ts.do(t, "DELETE", "/api/v1/canned-responses/"+canned.ID, app, nil).want(t, 204)
	ts.do(t, "DELETE", "/api/v1/labels/"+label.ID, app, nil).want(t, 204)
	ts.do(t, "DELETE", "/api/v1/agents/"+agent.ID, app, nil).want(t, 204)

	var after auditPage
	ts.do(t, "GET", "/api/v1/audit-log?limit=200", admin, nil).want(t, 200).decode(t, &after)
	actions := map[string]bool{}
	for _, e := range after.Items {
		if seen[e.ID] {
			continue
		}
		actions[e.Action] = true
		if e.Actor.Type != string(parley.ActorApp) || e.Actor.ID != a.ID || e.Actor.Name != "Everything app" {
			t.Errorf("%s on %s %s by %+v, want the app %s", e.Action, e.TargetType, e.TargetID, e.Actor, a.ID)
		}
	}
	for _, want := range []string{"inbox.create", "inbox.update", "agent.create", "agent.update", "contact.update",
		"contact_note.create", "label.create", "canned_response.create", "team.create", "queue.create",
		"queue.delete", "team.delete", "canned_response.delete", "label.delete", "agent.delete"} {
		if !actions[want] {
			t.Errorf("no %s in the audit log (got %v)", want, actions)
		}
	}
}

type auditPage struct {
	Items []struct {
		ID         string `json:"id"`
		Action     string `json:"action"`
		TargetType string `json:"target_type"`
		TargetID   string `json:"target_id"`
		Actor      struct {
			Type string `json:"type"`
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"actor"`
	} `json:"items"`
}
