package httpapi_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/httpapi"
	"github.com/parleychat/parley/internal/testenv"
)

// recordingRevoker records the revocations a request makes.
type recordingRevoker struct {
	mu  sync.Mutex
	got []parley.Revocation
}

func (r *recordingRevoker) Revoke(_ context.Context, rv parley.Revocation) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, rv)
}

func (r *recordingRevoker) sawApp(appID string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, rv := range r.got {
		if rv.AppID == appID {
			return true
		}
	}
	return false
}

type appBody struct {
	ID            string           `json:"id"`
	ClientID      string           `json:"client_id"`
	Name          string           `json:"name"`
	Scopes        []parley.Scope   `json:"scopes"`
	Quotas        parley.AppQuotas `json:"quotas"`
	Usage         *parley.AppUsage `json:"usage"`
	Enabled       bool             `json:"enabled"`
	WebhookID     string           `json:"webhook_id"`
	ClientSecret  string           `json:"client_secret"`
	WebhookSecret string           `json:"webhook_secret"`
}

// botScopes are what an app needs to create agents of role agent: the
// role's own scopes (nobody grants more than they hold) and agents:write.
var botScopes = append(parley.RoleScopes(parley.RoleAgent), parley.ScopeAgentsWrite)

func manifest(name string, scopes ...parley.Scope) map[string]any {
	return map[string]any{
		"name": name, "description": "Bridges the CRM", "publisher": "Acme", "homepage": "https://acme.example/app",
		"scopes": scopes,
	}
}

// install installs a manifest as the default workspace's admin.
func (ts *testServer) install(t *testing.T, m map[string]any) appBody {
	t.Helper()
	var a appBody
	ts.do(t, "POST", "/api/v1/apps", ts.token(t, ts.ws.ID, parley.ScopeAll), m).want(t, 201).decode(t, &a)
	return a
}

type oauthAnswer struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int    `json:"expires_in"`
	Scope       string `json:"scope"`
	Error       string `json:"error"`
}

// grant asks the token endpoint with form (and HTTP Basic when basic is
// set: id, secret).
func (ts *testServer) grant(t *testing.T, form url.Values, basic ...string) (int, oauthAnswer, http.Header) {
	t.Helper()
	req, err := http.NewRequest("POST", ts.URL+"/api/v1/oauth/token", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if len(basic) == 2 {
		req.SetBasicAuth(url.QueryEscape(basic[0]), url.QueryEscape(basic[1]))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var a oauthAnswer
	if err := json.Unmarshal(b, &a); err != nil {
		t.Fatalf("token endpoint answered %d %q: %v", resp.StatusCode, b, err)
	}
	return resp.StatusCode, a, resp.Header
}

// appToken gets an access token for a with the form body.
func (ts *testServer) appToken(t *testing.T, a appBody) bearer {
	t.Helper()
	status, ans, _ := ts.grant(t, url.Values{"grant_type": {"client_credentials"}, "client_id": {a.ClientID}, "client_secret": {a.ClientSecret}})
	if status != 200 || ans.AccessToken == "" {
		t.Fatalf("token request: %d %+v", status, ans)
	}
	return bearer(ans.AccessToken)
}

func TestAppInstall(t *testing.T) {
	ts := newServer(t)
	admin := ts.token(t, ts.ws.ID, parley.ScopeAll)

	m := manifest("CRM bridge", parley.ScopeAgentsRead, parley.ScopeAgentsWrite, parley.ScopeConversationsRead)
	m["webhook"] = map[string]any{"url": "https://93.184.215.14/parley", "event_types": []string{"conversation.created", "conversation.assigned"}}
	m["quotas"] = map[string]any{"agents_total": 5, "agents_per_day": 3}
	a := ts.install(t, m)
	if !strings.HasPrefix(a.ClientSecret, "prlyc_") || a.ClientID != a.ID || !a.Enabled || a.WebhookID == "" ||
		!strings.HasPrefix(a.WebhookSecret, "whsec_") || a.Quotas.AgentsTotal != 5 || a.Quotas.RequestsPerMinute != parley.DefaultAppRequestsPerMinute {
		t.Fatalf("installed = %+v", a)
	}
	// The app's webhook endpoint is an ordinary one, in the same store.
	var wh struct {
		URL        string   `json:"url"`
		EventTypes []string `json:"event_types"`
	}
	ts.do(t, "GET", "/api/v1/webhooks/"+a.WebhookID, admin, nil).want(t, 200).decode(t, &wh)
	if wh.URL != "https://93.184.215.14/parley" || len(wh.EventTypes) != 2 {
		t.Errorf("webhook = %+v", wh)
	}
	// Secrets are never shown again.
	for _, path := range []string{"/api/v1/apps", "/api/v1/apps/" + a.ID} {
		r := ts.do(t, "GET", path, admin, nil).want(t, 200)
		if strings.Contains(string(r.body), a.ClientSecret) || strings.Contains(string(r.body), "prlyc_") {
			t.Errorf("GET %s shows the secret", path)
		}
	}
	var got appBody
	ts.do(t, "GET", "/api/v1/apps/"+a.ID, admin, nil).want(t, 200).decode(t, &got)
	if got.Usage == nil || got.Usage.AgentsTotal != 0 || got.Name != "CRM bridge" {
		t.Errorf("got = %+v", got)
	}
	ts.do(t, "POST", "/api/v1/apps", admin, manifest("CRM bridge", parley.ScopeAgentsRead)).problem(t, 409, parley.ECONFLICT)

	t.Run("BadManifests", func(t *testing.T) {
		long := strings.Repeat("x", parley.MaxAppDescriptionLength+1)
		for _, tc := range []struct {
			name   string
			mod    func(m map[string]any)
			status int
		}{
			{"NoName", func(m map[string]any) { delete(m, "name") }, 422},
			{"BlankName", func(m map[string]any) { m["name"] = "  " }, 422},
			{"NULName", func(m map[string]any) { m["name"] = "a\x00b" }, 422},
			{"LongDescription", func(m map[string]any) { m["description"] = long }, 422},
			{"HTTPHomepage", func(m map[string]any) { m["homepage"] = "http://acme.example" }, 422},
			{"NoScopes", func(m map[string]any) { m["scopes"] = []string{} }, 422},
			{"UnknownScope", func(m map[string]any) { m["scopes"] = []string{"agents:read", "root"} }, 422},
			{"SystemScope", func(m map[string]any) { m["scopes"] = []string{"workspaces:write"} }, 422},
			{"BadEventType", func(m map[string]any) {
				m["webhook"] = map[string]any{"url": "https://93.184.215.14/h", "event_types": []string{"nope.*"}}
			}, 422},
			{"NoEventTypes", func(m map[string]any) {
				m["webhook"] = map[string]any{"url": "https://93.184.215.14/h", "event_types": []string{}}
			}, 422},
			{"PrivateWebhook", func(m map[string]any) {
				m["webhook"] = map[string]any{"url": "https://10.1.2.3/h", "event_types": []string{"*"}}
			}, 422},
			{"MetadataWebhook", func(m map[string]any) {
				m["webhook"] = map[string]any{"url": "http://169.254.169.254/latest", "event_types": []string{"*"}}
			}, 422},
			{"NegativeQuota", func(m map[string]any) { m["quotas"] = map[string]any{"agents_total": -1} }, 422},
			{"HugeQuota", func(m map[string]any) { m["quotas"] = map[string]any{"requests_per_minute": 1 << 40} }, 422},
		} {
			t.Run(tc.name, func(t *testing.T) {
				m := manifest("bad "+tc.name, parley.ScopeAgentsRead)
				tc.mod(m)
				ts.do(t, "POST", "/api/v1/apps", admin, m).problem(t, tc.status, parley.EINVALID)
			})
		}
		ts.do(t, "POST", "/api/v1/apps", admin, `{"name":`).want(t, 400)
		ts.do(t, "POST", "/api/v1/apps", admin, `[]`).want(t, 422)
		// Nothing of the refused installs remains: one app, one webhook.
		var apps, hooks struct {
			Items []json.RawMessage `json:"items"`
		}
		ts.do(t, "GET", "/api/v1/apps", admin, nil).want(t, 200).decode(t, &apps)
		ts.do(t, "GET", "/api/v1/webhooks", admin, nil).want(t, 200).decode(t, &hooks)
		if len(apps.Items) != 1 || len(hooks.Items) != 1 {
			t.Errorf("%d apps, %d webhooks after the refused installs; want 1 and 1", len(apps.Items), len(hooks.Items))
		}
	})

	t.Run("PrivilegeEscalation", func(t *testing.T) {
		// A token that may manage tokens but not agents cannot install an
		// app that writes agents.
		narrow := ts.token(t, ts.ws.ID, parley.ScopeTokensWrite, parley.ScopeTokensRead, parley.ScopeAgentsRead)
		p := ts.do(t, "POST", "/api/v1/apps", narrow, manifest("escalate", parley.ScopeAgentsWrite)).problem(t, 403, parley.EFORBIDDEN)
		if p.Reason != "scope_escalation" {
			t.Errorf("reason = %q", p.Reason)
		}
		ts.do(t, "POST", "/api/v1/apps", narrow, manifest("all", parley.ScopeAll)).problem(t, 403, parley.EFORBIDDEN)
		ts.do(t, "POST", "/api/v1/apps", narrow, manifest("fine", parley.ScopeAgentsRead)).want(t, 201)
		// Supervisors and agents may not install apps at all.
		for _, role := range []parley.Role{parley.RoleSupervisor, parley.RoleAgent} {
			ts.do(t, "POST", "/api/v1/apps", ts.member(t, role), manifest("by "+string(role), parley.ScopeAgentsRead)).
				problem(t, 403, parley.EFORBIDDEN)
		}
		// An app may not install apps, nor change itself.
		tok := ts.appToken(t, a)
		ts.do(t, "POST", "/api/v1/apps", tok, manifest("child", parley.ScopeAgentsRead)).problem(t, 403, parley.EFORBIDDEN)
		ts.do(t, "PATCH", "/api/v1/apps/"+a.ID, tok, map[string]any{"scopes": []string{"agents:read"}}).problem(t, 403, parley.EFORBIDDEN)
		// Widening is refused; narrowing is allowed.
		p = ts.do(t, "PATCH", "/api/v1/apps/"+a.ID, admin, map[string]any{"scopes": []string{"agents:read", "contacts:write"}}).
			problem(t, 403, parley.EFORBIDDEN)
		if p.Reason != "scope_escalation" {
			t.Errorf("reason = %q", p.Reason)
		}
		var upd appBody
		ts.do(t, "PATCH", "/api/v1/apps/"+a.ID, admin, map[string]any{"scopes": []string{"agents:read", "agents:write"}}).
			want(t, 200).decode(t, &upd)
		if len(upd.Scopes) != 2 {
			t.Errorf("narrowed scopes = %v", upd.Scopes)
		}
		// The narrowing applies to tokens issued before it.
		ts.do(t, "GET", "/api/v1/conversations", tok, nil).problem(t, 403, parley.EFORBIDDEN)
		ts.do(t, "GET", "/api/v1/agents", tok, nil).want(t, 200)
	})

	t.Run("OtherWorkspace", func(t *testing.T) {
		w2 := &parley.Workspace{Slug: "other", Name: "Other"}
		if err := ts.store.CreateWorkspace(context.Background(), parley.SystemActor, w2); err != nil {
			t.Fatal(err)
		}
		other := ts.token(t, w2.ID, parley.ScopeAll)
		ts.do(t, "GET", "/api/v1/apps/"+a.ID, other, nil).problem(t, 404, parley.ENOTFOUND)
		ts.do(t, "PATCH", "/api/v1/apps/"+a.ID, other, map[string]any{"enabled": false}).problem(t, 404, parley.ENOTFOUND)
		ts.do(t, "POST", "/api/v1/apps/"+a.ID+"/disable", other, nil).problem(t, 404, parley.ENOTFOUND)
		ts.do(t, "POST", "/api/v1/apps/"+a.ID+"/rotate-secret", other, nil).problem(t, 404, parley.ENOTFOUND)
		ts.do(t, "DELETE", "/api/v1/apps/"+a.ID, other, nil).problem(t, 404, parley.ENOTFOUND)
		var list struct {
			Items []appBody `json:"items"`
		}
		ts.do(t, "GET", "/api/v1/apps", other, nil).want(t, 200).decode(t, &list)
		if len(list.Items) != 0 {
			t.Errorf("the other workspace lists %+v", list.Items)
		}
		// The app's token does not reach the other workspace's objects.
		tok := ts.appToken(t, a)
		o := &parley.Agent{WorkspaceID: w2.ID, Email: "o@other.example", Name: "O", Role: parley.RoleAgent}
		if err := ts.store.CreateAgent(context.Background(), parley.SystemActor, o, ""); err != nil {
			t.Fatal(err)
		}
		ts.do(t, "GET", "/api/v1/agents/"+o.ID, tok, nil).problem(t, 404, parley.ENOTFOUND)
	})

	t.Run("Audited", func(t *testing.T) {
		entries, err := ts.store.ListAuditEntries(context.Background(), ts.ws.ID, parley.ListOptions{Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, e := range entries.Items {
			if e.TargetType == "app" && e.TargetID == a.ID && e.Details["name"] == "CRM bridge" {
				seen[e.Action] = true
			}
		}
		if !seen["app.install"] || !seen["app.update"] {
			t.Errorf("audit actions naming the app: %v", seen)
		}
	})
}

func TestAppCredentials(t *testing.T) {
	rev := &recordingRevoker{}
	ts := newServer(t, func(c *httpapi.Config) { c.Revoker = rev })
	admin := ts.token(t, ts.ws.ID, parley.ScopeAll)
	m := manifest("Bot runner", botScopes...)
	m["webhook"] = map[string]any{"url": "https://93.184.215.14/bot", "event_types": []string{"conversation.*"}}
	a := ts.install(t, m)
	cc := url.Values{"grant_type": {"client_credentials"}}

	// HTTP Basic (RFC 6749 §2.3.1).
	status, ans, hdr := ts.grant(t, cc, a.ClientID, a.ClientSecret)
	if status != 200 || ans.TokenType != "Bearer" || ans.ExpiresIn != 3600 || len(strings.Fields(ans.Scope)) != len(botScopes) ||
		!strings.HasPrefix(ans.AccessToken, "prlyat_") || hdr.Get("Cache-Control") != "no-store" {
		t.Fatalf("basic grant: %d %+v %v", status, ans, hdr)
	}
	// The form body, with a narrower scope.
	status, narrow, _ := ts.grant(t, url.Values{"grant_type": {"client_credentials"}, "client_id": {a.ClientID},
		"client_secret": {a.ClientSecret}, "scope": {"agents:read"}})
	if status != 200 || narrow.Scope != "agents:read" {
		t.Fatalf("form grant: %d %+v", status, narrow)
	}
	ts.do(t, "POST", "/api/v1/agents", bearer(narrow.AccessToken), map[string]any{"email": "b@bots.example", "name": "B", "role": "agent", "bot": true}).
		problem(t, 403, parley.EFORBIDDEN)

	t.Run("Refused", func(t *testing.T) {
		for _, tc := range []struct {
			name   string
			form   url.Values
			basic  []string
			status int
			err    string
		}{
			{"WrongSecret", url.Values{"grant_type": {"client_credentials"}, "client_id": {a.ClientID}, "client_secret": {"prlyc_wrong"}}, nil, 401, "invalid_client"},
			{"WrongBasic", cc, []string{a.ClientID, "prlyc_wrong"}, 401, "invalid_client"},
			{"UnknownClient", url.Values{"grant_type": {"client_credentials"}, "client_id": {"nope"}, "client_secret": {a.ClientSecret}}, nil, 401, "invalid_client"},
			{"NoCredentials", cc, nil, 401, "invalid_client"},
			{"BothWays", url.Values{"grant_type": {"client_credentials"}, "client_id": {a.ClientID}}, []string{a.ClientID, a.ClientSecret}, 400, "invalid_request"},
			{"Password", url.Values{"grant_type": {"password"}, "client_id": {a.ClientID}, "client_secret": {a.ClientSecret}}, nil, 400, "unsupported_grant_type"},
			{"WiderScope", url.Values{"grant_type": {"client_credentials"}, "client_id": {a.ClientID}, "client_secret": {a.ClientSecret}, "scope": {"tokens:write"}}, nil, 400, "invalid_scope"},
			{"UnknownScope", url.Values{"grant_type": {"client_credentials"}, "client_id": {a.ClientID}, "client_secret": {a.ClientSecret}, "scope": {"root"}}, nil, 400, "invalid_scope"},
			{"NULSecret", url.Values{"grant_type": {"client_credentials"}, "client_id": {a.ClientID}, "client_secret": {a.ClientSecret + "\x00"}}, nil, 401, "invalid_client"},
			{"Repeated", url.Values{"grant_type": {"client_credentials", "client_credentials"}, "client_id": {a.ClientID}, "client_secret": {a.ClientSecret}}, nil, 400, "invalid_request"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				status, ans, hdr := ts.grant(t, tc.form, tc.basic...)
				if status != tc.status || ans.Error != tc.err || ans.AccessToken != "" {
					t.Errorf("got %d %+v, want %d %s", status, ans, tc.status, tc.err)
				}
				if tc.basic != nil && status == 401 && hdr.Get("WWW-Authenticate") == "" {
					t.Error("401 to HTTP Basic without WWW-Authenticate")
				}
			})
		}
		r := ts.do(t, "POST", "/api/v1/oauth/token", nil, map[string]any{"grant_type": "client_credentials"})
		if r.status != 400 || !strings.Contains(string(r.body), "invalid_request") {
			t.Errorf("JSON body: %d %s", r.status, r.body)
		}
	})

	tok := bearer(ans.AccessToken)
	t.Run("ActsAsTheApp", func(t *testing.T) {
		var bot struct {
			ID    string `json:"id"`
			AppID string `json:"app_id"`
			Bot   bool   `json:"bot"`
		}
		ts.do(t, "POST", "/api/v1/agents", tok, map[string]any{"email": "faq@bots.example", "name": "FAQ bot", "role": "agent", "bot": true,
			"attributes": map[string]any{"external_id": "rasa-1"}}).want(t, 201).decode(t, &bot)
		if bot.AppID != a.ID || !bot.Bot {
			t.Fatalf("bot = %+v", bot)
		}
		ts.do(t, "PATCH", "/api/v1/agents/"+bot.ID, tok, map[string]any{"name": "FAQ"}).want(t, 200)
		entries, err := ts.store.ListAuditEntries(context.Background(), ts.ws.ID, parley.ListOptions{Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range entries.Items {
			if e.TargetID == bot.ID {
				n++
				if e.Actor.Type != parley.ActorApp || e.Actor.ID != a.ID || e.Actor.Name != "Bot runner" {
					t.Errorf("audit %s by %+v, want the app", e.Action, e.Actor)
				}
			}
		}
		if n != 2 {
			t.Errorf("%d audit entries of the bot, want 2 (create, update)", n)
		}
		// The audit log API shows the actor type app.
		var log struct {
			Items []struct {
				Action string `json:"action"`
				Actor  struct {
					Type string `json:"type"`
					ID   string `json:"id"`
				} `json:"actor"`
			} `json:"items"`
		}
		ts.do(t, "GET", "/api/v1/audit-log", admin, nil).want(t, 200).decode(t, &log)
		found := false
		for _, e := range log.Items {
			found = found || (e.Action == "agent.create" && e.Actor.Type == "app" && e.Actor.ID == a.ID)
		}
		if !found {
			t.Errorf("the audit log API does not show agent.create by the app")
		}
	})

	t.Run("Rotation", func(t *testing.T) {
		var rot appBody
		ts.do(t, "POST", "/api/v1/apps/"+a.ID+"/rotate-secret", admin, map[string]any{"overlap_seconds": 3600}).want(t, 200).decode(t, &rot)
		if rot.ClientSecret == a.ClientSecret || !strings.HasPrefix(rot.ClientSecret, "prlyc_") {
			t.Fatalf("rotated = %+v", rot)
		}
		ts.appToken(t, a) // the old secret works during the overlap
		ts.appToken(t, appBody{ClientID: a.ID, ClientSecret: rot.ClientSecret})
		var rot2 appBody
		ts.do(t, "POST", "/api/v1/apps/"+a.ID+"/rotate-secret", admin, map[string]any{"overlap_seconds": 0}).want(t, 200).decode(t, &rot2)
		if status, _, _ := ts.grant(t, url.Values{"grant_type": {"client_credentials"}, "client_id": {a.ID}, "client_secret": {rot.ClientSecret}}); status != 401 {
			t.Errorf("a secret rotated out with no overlap got %d", status)
		}
		ts.do(t, "POST", "/api/v1/apps/"+a.ID+"/rotate-secret", admin, map[string]any{"overlap_seconds": 8 * 86400}).problem(t, 422, parley.EINVALID)
		a.ClientSecret = rot2.ClientSecret
	})

	t.Run("DisableEndsTokensAtOnce", func(t *testing.T) {
		tok := ts.appToken(t, a)
		ts.do(t, "GET", "/api/v1/agents", tok, nil).want(t, 200)
		ts.do(t, "POST", "/api/v1/apps/"+a.ID+"/disable", admin, nil).want(t, 200)
		ts.do(t, "GET", "/api/v1/agents", tok, nil).problem(t, 401, parley.EUNAUTHORIZED)
		if !rev.sawApp(a.ID) {
			t.Error("disabling did not close the app's sockets (no revocation)")
		}
		if status, ans, _ := ts.grant(t, url.Values{"grant_type": {"client_credentials"}, "client_id": {a.ID}, "client_secret": {a.ClientSecret}}); status != 401 {
			t.Errorf("a disabled app got a token: %d %+v", status, ans)
		}
		ts.do(t, "POST", "/api/v1/apps/"+a.ID+"/enable", admin, nil).want(t, 200)
		ts.do(t, "GET", "/api/v1/agents", tok, nil).problem(t, 401, parley.EUNAUTHORIZED) // ended for good
		ts.do(t, "GET", "/api/v1/agents", ts.appToken(t, a), nil).want(t, 200)
	})

	t.Run("Uninstall", func(t *testing.T) {
		rev.mu.Lock()
		rev.got = nil
		rev.mu.Unlock()
		tok := ts.appToken(t, a)
		ts.do(t, "DELETE", "/api/v1/apps/"+a.ID, admin, nil).want(t, 204)
		ts.do(t, "GET", "/api/v1/agents", tok, nil).problem(t, 401, parley.EUNAUTHORIZED)
		if !rev.sawApp(a.ID) {
			t.Error("uninstalling did not close the app's sockets")
		}
		ts.do(t, "GET", "/api/v1/apps/"+a.ID, admin, nil).problem(t, 404, parley.ENOTFOUND)
		ts.do(t, "GET", "/api/v1/webhooks/"+a.WebhookID, admin, nil).problem(t, 404, parley.ENOTFOUND)
		if status, _, _ := ts.grant(t, url.Values{"grant_type": {"client_credentials"}, "client_id": {a.ID}, "client_secret": {a.ClientSecret}}); status != 401 {
			t.Errorf("an uninstalled app got a token: %d", status)
		}
	})
}

// TestAppRevocationMatches: the revocation of an app reaches the
// principals of its access tokens only.
func TestAppRevocationMatches(t *testing.T) {
	r := parley.Revocation{WorkspaceID: "w", AppID: "a1", Reason: parley.EndRevoked}
	app := &parley.Principal{WorkspaceID: "w", AppID: "a1", Credential: parley.Credential{Kind: parley.CredentialAppToken, ID: "t"}}
	other := &parley.Principal{WorkspaceID: "w", AppID: "a2", Credential: parley.Credential{Kind: parley.CredentialAppToken, ID: "u"}}
	agent := &parley.Principal{WorkspaceID: "w", AgentID: "x", Credential: parley.Credential{Kind: parley.CredentialSession, ID: "s"}}
	if !r.Matches(app) || r.Matches(other) || r.Matches(agent) {
		t.Errorf("matches: app %v, other app %v, agent %v", r.Matches(app), r.Matches(other), r.Matches(agent))
	}
}

func TestAppQuotas(t *testing.T) {
	ts := newServer(t)
	admin := ts.token(t, ts.ws.ID, parley.ScopeAll)
	m := manifest("Bot factory", botScopes...)
	m["quotas"] = map[string]any{"agents_total": 5, "agents_per_day": 2}
	a := ts.install(t, m)
	tok := ts.appToken(t, a)
	newBot := func(i int) *result {
		return ts.do(t, "POST", "/api/v1/agents", tok, map[string]any{"email": "bot" + strconv.Itoa(i) + "@bots.example",
			"name": "Bot", "role": "agent", "bot": true})
	}
	var bot struct {
		ID string `json:"id"`
	}
	newBot(1).want(t, 201).decode(t, &bot)
	newBot(2).want(t, 201)
	r := newBot(3)
	p := r.problem(t, 429, parley.ERATELIMITED)
	if p.Reason != parley.ReasonAppAgentsDay || !strings.Contains(p.Detail, "agents_per_day") {
		t.Errorf("problem = %+v, want the quota agents_per_day named", p)
	}
	if ra, err := strconv.Atoi(r.header.Get("Retry-After")); err != nil || ra < 1 || ra > 86400 {
		t.Errorf("Retry-After = %q", r.header.Get("Retry-After"))
	}
	var got appBody
	ts.do(t, "GET", "/api/v1/apps/"+a.ID, admin, nil).want(t, 200).decode(t, &got)
	if got.Usage == nil || got.Usage.AgentsTotal != 2 || got.Usage.AgentsPerDay != 2 {
		t.Errorf("usage = %+v", got.Usage)
	}
	// The total quota, lowered to what exists.
	ts.do(t, "PATCH", "/api/v1/apps/"+a.ID, admin, map[string]any{"quotas": map[string]any{"agents_total": 2, "agents_per_day": 10}}).want(t, 200)
	p = newBot(4).problem(t, 429, parley.ERATELIMITED)
	if p.Reason != parley.ReasonAppAgentsTotal {
		t.Errorf("reason = %q", p.Reason)
	}
	// Deleting one of its agents frees a place.
	ts.do(t, "DELETE", "/api/v1/agents/"+bot.ID, tok, nil).want(t, 204)
	newBot(5).want(t, 201)

	t.Run("OwnAgentsOnly", func(t *testing.T) {
		human := ts.member(t, parley.RoleAgent)
		p := ts.do(t, "PATCH", "/api/v1/agents/"+human.agent.ID, tok, map[string]any{"name": "Hijacked"}).problem(t, 403, parley.EFORBIDDEN)
		if p.Reason != "not_app_agent" {
			t.Errorf("reason = %q", p.Reason)
		}
		ts.do(t, "DELETE", "/api/v1/agents/"+human.agent.ID, tok, nil).problem(t, 403, parley.EFORBIDDEN)
		// Reading is not managing.
		ts.do(t, "GET", "/api/v1/agents/"+human.agent.ID, tok, nil).want(t, 200)
		// With the dedicated scope, it may.
		m := manifest("Directory sync", append(botScopes, parley.ScopeAgentsManageAll)...)
		all := ts.appToken(t, ts.install(t, m))
		ts.do(t, "PATCH", "/api/v1/agents/"+human.agent.ID, all, map[string]any{"name": "Renamed"}).want(t, 200)
		// Nor may an app make an admin.
		ts.do(t, "POST", "/api/v1/agents", tok, map[string]any{"email": "boss@bots.example", "name": "Boss", "role": "admin", "bot": true}).
			problem(t, 403, parley.EFORBIDDEN)
	})

	t.Run("RequestsPerMinute", func(t *testing.T) {
		m := manifest("Chatty", parley.ScopeAgentsRead)
		m["quotas"] = map[string]any{"requests_per_minute": 3}
		tok := ts.appToken(t, ts.install(t, m))
		for range 3 {
			ts.do(t, "GET", "/api/v1/agents", tok, nil).want(t, 200)
		}
		r := ts.do(t, "GET", "/api/v1/agents", tok, nil)
		p := r.problem(t, 429, parley.ERATELIMITED)
		if p.Reason != parley.ReasonAppRequests || !strings.Contains(p.Detail, "requests_per_minute") {
			t.Errorf("problem = %+v", p)
		}
		if ra, err := strconv.Atoi(r.header.Get("Retry-After")); err != nil || ra < 1 || ra > 60 {
			t.Errorf("Retry-After = %q", r.header.Get("Retry-After"))
		}
		// Other apps and other credentials are not held back.
		ts.do(t, "GET", "/api/v1/agents", admin, nil).want(t, 200)
	})
}

// TestAppInConversation: an app with conversations:write reads and
// writes in conversations as an API token does; without the scope it is
// refused.
func TestAppInConversation(t *testing.T) {
	ts := newServer(t)
	in := ts.inbox(t)
	v := ts.guest(t, in)
	var conv struct {
		ID string `json:"id"`
	}
	ts.do(t, "POST", "/api/v1/conversations", v, map[string]any{}).want(t, 201).decode(t, &conv)
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/messages", v, map[string]any{"body": "Hello?"}).want(t, 201)

	writer := ts.appToken(t, ts.install(t, manifest("Writer", parley.ScopeConversationsRead, parley.ScopeConversationsWrite)))
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/messages", writer, nil).want(t, 200)
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/messages", writer, map[string]any{"body": "An app answers."}).want(t, 201)

	reader := ts.appToken(t, ts.install(t, manifest("Reader", parley.ScopeConversationsRead)))
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/messages", reader, nil).want(t, 200)
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/messages", reader, map[string]any{"body": "No."}).problem(t, 403, parley.EFORBIDDEN)
}

// TestAppHostileInput: NUL bytes, invalid UTF-8, huge and deeply nested
// manifests are refused with a 4xx problem on both engines, never a 5xx
// or an ERROR line, and leave nothing installed.
func TestAppHostileInput(t *testing.T) {
	engines := map[string]*testServer{"SQLite": newServer(t)}
	if os.Getenv(testenv.PostgresEnv) != "" {
		engines["Postgres"] = newServerOn(t, testenv.PostgresURL(t))
	}
	for name, ts := range engines {
		t.Run(name, func(t *testing.T) {
			admin := ts.token(t, ts.ws.ID, parley.ScopeAll)
			nested := strings.Repeat(`{"a":`, 2000) + "1" + strings.Repeat("}", 2000)
			for _, body := range []string{
				`{"name":"a\u0000b","scopes":["agents:read"]}`,
				`{"name":"x","description":"\u0000","scopes":["agents:read"]}`,
				"{\"name\":\"x\",\"publisher\":\"\xff\xfe\",\"scopes\":[\"agents:read\"]}",
				`{"name":"x","homepage":"https://a.example/\u0000","scopes":["agents:read"]}`,
				`{"name":"x","scopes":["agents:read\u0000"]}`,
				`{"name":"x","scopes":["agents:read"],"webhook":{"url":"https://93.184.215.14/\u0000","event_types":["*"]}}`,
				`{"name":"x","scopes":["agents:read"],"webhook":{"url":"https://93.184.215.14/","event_types":["conversation.\u0000"]}}`,
				`{"name":"x","scopes":["agents:read"],"quotas":{"agents_total":1e30}}`,
				`{"name":"` + strings.Repeat("n", 1<<20) + `","scopes":["agents:read"]}`,
				`{"name":"x","scopes":["agents:read"],"extra":` + nested + `}`,
			} {
				logged := len(ts.logs.String())
				r := ts.do(t, "POST", "/api/v1/apps", admin, body)
				if r.status < 400 || r.status >= 500 {
					t.Errorf("%.80q: %d %s", body, r.status, truncate(r.body))
				}
				if logs := ts.logs.String()[logged:]; strings.Contains(logs, "level=ERROR") {
					t.Errorf("%.80q logged at ERROR:\n%s", body, logs)
				}
			}
			var apps struct {
				Items []json.RawMessage `json:"items"`
			}
			ts.do(t, "GET", "/api/v1/apps", admin, nil).want(t, 200).decode(t, &apps)
			if len(apps.Items) != 0 {
				t.Errorf("%d apps installed from hostile manifests", len(apps.Items))
			}
			// IDs of no app, hostile or not, are 404s or 422s.
			for _, id := range []string{"nope", "%00", "%FF", strings.Repeat("x", 65)} {
				if r := ts.do(t, "GET", "/api/v1/apps/"+id, admin, nil); r.status != 404 && r.status != 422 {
					t.Errorf("GET /apps/%s: %d", id, r.status)
				}
			}
		})
	}
}
