package realtime_test

import (
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

// TestExternalAgentFrames: an app sends over the WebSocket as an external
// agent with her ID in its system (external_id). The app's ack and the
// frames of staff following the conversation carry the ID; the visitor's
// never do — not live, not in a replay, not when the message is deleted.
// Bad IDs are refused, and so is an ID from a visitor.
func TestExternalAgentFrames(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	ctx := t.Context()
	admin, session := e.newAgent(t, parley.RoleAdmin)
	installer := &parley.Principal{
		Actor:       parley.Actor{Type: parley.ActorAgent, ID: admin.ID, Name: admin.Email},
		WorkspaceID: e.ws.ID, AgentID: admin.ID, Role: parley.RoleAdmin, Scopes: parley.NewScopeSet(parley.ScopeAll),
	}
	a, secret, err := e.acct.InstallApp(ctx, installer, parley.AppManifest{Name: "Salesforce bridge",
		Scopes: []parley.Scope{parley.ScopeConversationsRead, parley.ScopeConversationsWrite}}, nil)
	must(t, err)
	appToken, _, _, err := e.acct.IssueAppToken(ctx, a.ID, secret, nil)
	must(t, err)
	contact, visitorToken := e.newVisitor(t, e.inbox)
	conv := e.start(t, contact)

	visitor := n.connect(t, visitorToken)
	visitor.subscribe(conv.ID, 0)
	staff := n.connect(t, session)
	staff.subscribe(conv.ID, 0)
	app := n.connect(t, appToken)

	const mariaID = "0058d000001MaRiA"
	ack := app.request(map[string]any{"type": "send", "conversation_id": conv.ID, "client_id": "m-1",
		"body": "Hi, Maria here.", "display_name": "Maria (Salesforce)", "external_id": mariaID})
	if ack.Type != "ack" {
		t.Fatalf("send answered %s", ack.raw)
	}
	sent := ack.message(t)
	if sent.Sender.ExternalID != mariaID || sent.Sender.DisplayName != "Maria (Salesforce)" || sent.AppID != a.ID {
		t.Fatalf("ack = %s, want Maria, her ID and the app", ack.raw)
	}
	if got := staff.nextMessage(); got.ID != sent.ID || got.Sender.ExternalID != mariaID || got.AppID != a.ID {
		t.Errorf("staff received %+v, want Maria's ID and the app", got)
	}
	noStaffOnly := func(what, raw string) {
		t.Helper()
		for _, s := range []string{"external_id", mariaID, "app_id"} {
			if strings.Contains(raw, s) {
				t.Errorf("%s: the visitor is shown %s: %s", what, s, raw)
			}
		}
	}
	live := waitForFrame(visitor, func(f frame) bool { return f.Type == "message" })
	if m := live.message(t); m.ID != sent.ID || m.Sender.DisplayName != "Maria (Salesforce)" {
		t.Errorf("the visitor received %s, want Maria's message", live.raw)
	}
	noStaffOnly("live", live.raw)

	// A second visitor connection is replayed the message.
	again := n.connect(t, visitorToken)
	again.write(map[string]any{"type": "subscribe", "id": "s-replay", "conversation_id": conv.ID, "after_seq": 0})
	replayed := waitForFrame(again, func(f frame) bool { return f.Type == "message" })
	if replayed.message(t).ID != sent.ID {
		t.Errorf("replayed %s, want Maria's message", replayed.raw)
	}
	noStaffOnly("replay", replayed.raw)

	// Deleted by an admin: the visitor's message.deleted frame carries
	// the message, still without the ID.
	_, err = e.svc.Delete(ctx, e.agentOf(admin), sent.ID)
	must(t, err)
	deleted := waitForFrame(visitor, func(f frame) bool { return f.Type == "message.deleted" })
	noStaffOnly("deleted", deleted.raw)
	if f := waitForFrame(staff, func(f frame) bool { return f.Type == "message.deleted" }); f.message(t).Sender.ExternalID != mariaID {
		t.Errorf("staff's message.deleted = %s, want Maria's ID", f.raw)
	}

	for _, tc := range []struct {
		name string
		c    *client
		req  map[string]any
		code string
		// field is the field named by an EINVALID error.
		field string
	}{
		{"TooLong", app, map[string]any{"display_name": "Maria", "external_id": strings.Repeat("7", parley.MaxIdentifierLength+1)}, parley.EINVALID, "external_id"},
		{"Control", app, map[string]any{"display_name": "Maria", "external_id": "005\n8d"}, parley.EINVALID, "external_id"},
		{"NoName", app, map[string]any{"external_id": mariaID}, parley.EINVALID, "display_name"},
		{"Visitor", visitor, map[string]any{"external_id": mariaID}, parley.EFORBIDDEN, ""},
		{"Agent", staff, map[string]any{"external_id": mariaID}, parley.EFORBIDDEN, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.req["type"], tc.req["conversation_id"], tc.req["body"] = "send", conv.ID, "Hi"
			f := tc.c.request(tc.req)
			if f.Type != "error" || f.Code != tc.code || (tc.field != "" && (len(f.Fields) != 1 || f.Fields[0].Field != tc.field)) {
				t.Errorf("answered %s, want %s on %q", f.raw, tc.code, tc.field)
			}
		})
	}
}
