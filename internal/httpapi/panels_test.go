package httpapi_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
	"github.com/parleychat/parley/internal/httpapi"
	"github.com/parleychat/parley/internal/outbound"
)

// testClock is a clock the test moves.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *testClock) add(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.now = c.now.Add(d) }

// withPanels makes the accounts service (which mints and checks tokens)
// run on clock, and the outbound rules allow 127.0.0.1 (the panels'
// host), as PARLEY_OUTBOUND_ALLOW would.
func withPanels(t *testing.T, clock *testClock) serverOption {
	return func(c *httpapi.Config) {
		c.Accounts = account.New(c.Store, account.Options{Now: clock.Now})
		out, err := outbound.New(outbound.Config{Allow: []string{"127.0.0.1/32"}, Logger: c.Logger})
		if err != nil {
			t.Fatal(err)
		}
		c.Outbound = out
	}
}

type panelTokenBody struct {
	Token          string    `json:"token"`
	ExpiresAt      time.Time `json:"expires_at"`
	ConversationID string    `json:"conversation_id"`
	ContactID      string    `json:"contact_id"`
	Scopes         []string  `json:"scopes"`
}

// TestAppPanels: a manifest's panel URL is checked (https, or plain http
// on an allow-listed host; bounded); staff who may read a conversation
// list the enabled apps' panels beside it and mint a panel token, which
// reads that conversation, its messages and its contact and nothing else,
// and expires after 5 minutes; a disabled app's panel disappears.
func TestAppPanels(t *testing.T) {
	clock := &testClock{now: time.Now()}
	ts := newServer(t, withPanels(t, clock))
	admin := ts.token(t, ts.ws.ID, parley.ScopeAll)

	for name, u := range map[string]string{
		"javascript":       "javascript:alert(1)",
		"http not allowed": "http://crm.example.com/parley-panel",
		"credentials":      "https://user:pw@crm.example.com/parley-panel",
		"too long":         "https://crm.example.com/" + strings.Repeat("a", 2100),
		"relative":         "/parley-panel",
	} {
		m := manifest("Bad "+name, parley.ScopeConversationsRead)
		m["panel"] = map[string]any{"url": u, "title": "CRM"}
		p := ts.do(t, "POST", "/api/v1/apps", admin, m).problem(t, 422, parley.EINVALID)
		if locs := p.locations(); len(locs) == 0 || !strings.Contains(strings.Join(locs, " "), "panel.url") {
			t.Errorf("%s: errors at %v, want body.panel.url", name, locs)
		}
	}
	long := manifest("Long title", parley.ScopeConversationsRead)
	long["panel"] = map[string]any{"url": "https://crm.example/p", "title": strings.Repeat("t", 101)}
	ts.do(t, "POST", "/api/v1/apps", admin, long).problem(t, 422, parley.EINVALID)

	m := manifest("CRM", parley.ScopeConversationsRead, parley.ScopeContactsRead, parley.ScopeConversationsWrite)
	m["panel"] = map[string]any{"url": "http://127.0.0.1:9/parley-panel?x=1", "title": "Customer record"}
	crm := ts.install(t, m)
	ts.install(t, manifest("No panel", parley.ScopeConversationsRead))

	in := ts.inbox(t)
	v := ts.guest(t, in)
	var conv, other struct {
		ID        string `json:"id"`
		ContactID string `json:"contact_id"`
	}
	ts.do(t, "POST", "/api/v1/conversations", v, map[string]any{}).want(t, 201).decode(t, &conv)
	ts.do(t, "POST", "/api/v1/conversations", ts.guest(t, in), map[string]any{}).want(t, 201).decode(t, &other)
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/messages", v, map[string]any{"body": "Where is my order?"}).want(t, 201)

	var panels struct {
		Items []struct {
			AppID   string `json:"app_id"`
			AppName string `json:"app_name"`
			Title   string `json:"title"`
			URL     string `json:"url"`
			Origin  string `json:"origin"`
		} `json:"items"`
	}
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/panels", admin, nil).want(t, 200).decode(t, &panels)
	if len(panels.Items) != 1 || panels.Items[0].AppID != crm.ID || panels.Items[0].Title != "Customer record" ||
		panels.Items[0].Origin != "http://127.0.0.1:9" || panels.Items[0].URL != "http://127.0.0.1:9/parley-panel?x=1" {
		t.Fatalf("panels = %+v", panels.Items)
	}

	// Only staff who may read the conversation: not without the scope,
	// not another workspace, not an app.
	noRead := ts.token(t, ts.ws.ID, parley.ScopeContactsRead)
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/panels", noRead, nil).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "POST", "/api/v1/apps/"+crm.ID+"/panel-token", noRead, map[string]any{"conversation_id": conv.ID}).problem(t, 403, parley.EFORBIDDEN)
	wsB, err := ts.accts.CreateWorkspace(t.Context(), parley.SystemActor, "bee", "B")
	if err != nil {
		t.Fatal(err)
	}
	b := ts.token(t, wsB.ID, parley.ScopeAll)
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/panels", b, nil).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "POST", "/api/v1/apps/"+crm.ID+"/panel-token", b, map[string]any{"conversation_id": conv.ID}).problem(t, 404, parley.ENOTFOUND)
	appTok := ts.appToken(t, crm)
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/panels", appTok, nil).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "POST", "/api/v1/apps/"+crm.ID+"/panel-token", appTok, map[string]any{"conversation_id": conv.ID}).problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "POST", "/api/v1/apps/"+crm.ID+"/panel-token", admin, map[string]any{"conversation_id": "nope"}).problem(t, 404, parley.ENOTFOUND)

	// An agent signed in to the console mints one.
	agent := ts.login(t, "admin@example.com", adminPassword)
	var tok panelTokenBody
	ts.do(t, "POST", "/api/v1/apps/"+crm.ID+"/panel-token", agent, map[string]any{"conversation_id": conv.ID}).want(t, 201).decode(t, &tok)
	if !strings.HasPrefix(tok.Token, account.AppTokenPrefix) || tok.ConversationID != conv.ID || tok.ContactID != conv.ContactID ||
		!tok.ExpiresAt.Equal(clock.Now().Add(parley.PanelTokenTTL).Truncate(time.Microsecond)) ||
		strings.Join(tok.Scopes, " ") != "conversations:read contacts:read" {
		t.Fatalf("panel token = %+v (now %v)", tok, clock.Now())
	}

	// Never more than its minter holds: without contacts:read, the token
	// cannot read the contact either.
	var narrow panelTokenBody
	convOnly := ts.token(t, ts.ws.ID, parley.ScopeConversationsRead)
	ts.do(t, "POST", "/api/v1/apps/"+crm.ID+"/panel-token", convOnly, map[string]any{"conversation_id": conv.ID}).want(t, 201).decode(t, &narrow)
	if strings.Join(narrow.Scopes, " ") != "conversations:read" {
		t.Fatalf("scopes of a panel token minted with conversations:read only = %v", narrow.Scopes)
	}
	ts.do(t, "GET", "/api/v1/contacts/"+conv.ContactID, bearer(narrow.Token), nil).problem(t, 403, parley.EFORBIDDEN)

	// It reads its conversation, the messages and the contact, and nothing
	// else, even what the app's own scopes allow.
	pt := bearer(tok.Token)
	var got struct {
		ID string `json:"id"`
	}
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID, pt, nil).want(t, 200).decode(t, &got)
	if got.ID != conv.ID {
		t.Fatalf("conversation %q, want %q", got.ID, conv.ID)
	}
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/messages", pt, nil).want(t, 200)
	ts.do(t, "GET", "/api/v1/contacts/"+conv.ContactID, pt, nil).want(t, 200)
	for _, r := range []struct{ method, path string }{
		{"GET", "/api/v1/conversations/" + other.ID},
		{"GET", "/api/v1/contacts/" + other.ContactID},
		{"GET", "/api/v1/conversations"},
		{"POST", "/api/v1/conversations/" + conv.ID + "/messages"},
		{"GET", "/api/v1/conversations/" + conv.ID + "/panels"},
	} {
		// (A write is refused for its scope first: the token holds none.)
		if p := ts.do(t, r.method, r.path, pt, map[string]any{"body": "no"}).problem(t, 403, parley.EFORBIDDEN); r.method == "GET" && p.Reason != "panel_token" {
			t.Errorf("%s %s: reason %q, want panel_token", r.method, r.path, p.Reason)
		}
	}

	// It expires after 5 minutes.
	clock.add(parley.PanelTokenTTL + time.Second)
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID, pt, nil).problem(t, 401, parley.EUNAUTHORIZED)

	// PATCH replaces the panel (its URL checked as at install), and an
	// empty URL removes it.
	ts.do(t, "PATCH", "/api/v1/apps/"+crm.ID, admin, map[string]any{"panel": map[string]any{"url": "javascript:alert(1)"}}).problem(t, 422, parley.EINVALID)
	ts.do(t, "PATCH", "/api/v1/apps/"+crm.ID, admin, map[string]any{"panel": map[string]any{"url": "http://crm.example.com/p"}}).problem(t, 422, parley.EINVALID)
	ts.do(t, "PATCH", "/api/v1/apps/"+crm.ID, admin, map[string]any{"panel": map[string]any{"url": "http://127.0.0.1:8/record", "title": "Record"}}).want(t, 200)
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/panels", admin, nil).want(t, 200).decode(t, &panels)
	if len(panels.Items) != 1 || panels.Items[0].Title != "Record" || panels.Items[0].Origin != "http://127.0.0.1:8" {
		t.Fatalf("panels after PATCH = %+v", panels.Items)
	}
	ts.do(t, "PATCH", "/api/v1/apps/"+crm.ID, admin, map[string]any{"panel": map[string]any{"url": ""}}).want(t, 200)
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/panels", admin, nil).want(t, 200).decode(t, &panels)
	if len(panels.Items) != 0 {
		t.Fatalf("a removed panel is listed: %+v", panels.Items)
	}
	ts.do(t, "POST", "/api/v1/apps/"+crm.ID+"/panel-token", admin, map[string]any{"conversation_id": conv.ID}).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "PATCH", "/api/v1/apps/"+crm.ID, admin, map[string]any{"panel": map[string]any{"url": "http://127.0.0.1:9/parley-panel"}}).want(t, 200)

	// A disabled app's panel disappears, and gets no token.
	ts.do(t, "POST", "/api/v1/apps/"+crm.ID+"/disable", admin, nil).want(t, 200)
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/panels", admin, nil).want(t, 200).decode(t, &panels)
	if len(panels.Items) != 0 {
		t.Fatalf("a disabled app's panels are listed: %+v", panels.Items)
	}
	ts.do(t, "POST", "/api/v1/apps/"+crm.ID+"/panel-token", admin, map[string]any{"conversation_id": conv.ID}).problem(t, 403, parley.EFORBIDDEN)
}
