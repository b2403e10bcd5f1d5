package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/parleychat/parley/internal/browsertest"
	"github.com/parleychat/parley/internal/config"
)

// faqBotManifest is docs/apps.md's bot runner's manifest.
const faqBotManifest = `{
  "name": "FAQ bot",
  "description": "Answers common questions and hands over to a person.",
  "publisher": "Acme Bots",
  "homepage": "https://bots.acme.example",
  "scopes": ["agents:read", "agents:write", "inboxes:read", "contacts:read", "contacts:write",
             "conversations:read", "conversations:write"],
  "webhook": {"url": "http://127.0.0.1:9/faq-bot", "event_types": ["conversation.created", "conversation.assigned"]},
  "quotas": {"agents_total": 5, "agents_per_day": 2}
}`

// TestConsoleApps: an administrator uploads an app's manifest; the review
// says in words what each requested scope lets the app read and do, its
// quotas and its webhook; a bad manifest or one asking for a scope that
// cannot be granted installs nothing; approving installs the app, whose
// page shows its secrets once and its quota usage, which follows what the
// app does; the admin disables, enables and uninstalls it.
func TestConsoleApps(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t, func(c *config.Config) { c.OutboundAllow = "127.0.0.1/32" })
	d := &dialogs{}
	c := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword, acceptDialogs(t, d))
	apps := func() int {
		t.Helper()
		l, err := srv.App.Store.ListApps(t.Context(), srv.WorkspaceID)
		if err != nil {
			t.Fatal(err)
		}
		return len(l)
	}

	c.nav("admin/apps")
	c.js(`document.querySelector('.empty')?.textContent.includes('No apps')`)
	c.click("Install app")
	form := `form[aria-label="App manifest"]`
	c.js(`!!document.querySelector('` + form + ` textarea[name=manifest]')`)
	browsertest.RequireAccessible(t, c.tab, "the app manifest form")

	if !t.Run("BadManifests", func(t *testing.T) {
		c := c.in(t)
		c.fill(form+` textarea[name=manifest]`, `{"name": "Broken",`)
		c.click("Review")
		c.js(`document.querySelector('` + form + ` [role=alert]')?.textContent.includes('This is not JSON')`)
		c.fill(form+` textarea[name=manifest]`, `{"name": "Nothing"}`)
		c.click("Review")
		c.js(`document.querySelector('` + form + ` [role=alert]')?.textContent.includes('asks for no scopes')`)
		// A scope no workspace admin may grant: the review says so, and the
		// server refuses the installation whole.
		c.fill(form+` textarea[name=manifest]`, `{"name": "Greedy", "scopes": ["agents:read", "workspaces:write"]}`)
		c.click("Review")
		c.js(`document.querySelector('.app-review [data-scope="workspaces:write"]')?.textContent.includes('the server will refuse to install it')`)
		c.click("Approve and install")
		c.js(`document.querySelector('.app-review .form-error')?.textContent.includes('scopes[1]')`)
		if n := apps(); n != 0 {
			t.Fatalf("%d apps installed from a refused manifest", n)
		}
		c.click("Back to the manifest")
		c.fill(form+` textarea[name=manifest]`, "")
	}) {
		return
	}

	var appID, clientSecret string
	if !t.Run("ReviewAndInstall", func(t *testing.T) {
		c := c.in(t)
		file := filepath.Join(t.TempDir(), "faq-bot.json")
		if err := os.WriteFile(file, []byte(faqBotManifest), 0o600); err != nil {
			t.Fatal(err)
		}
		c.do(chromedp.SetUploadFiles(form+` input[type=file]`, []string{file}))
		c.js(`document.querySelector('` + form + ` textarea[name=manifest]').value.includes('FAQ bot')`)
		c.click("Review")
		review := `document.querySelector('.app-review')`
		c.js(review + `?.querySelector('h2')?.textContent === 'Install “FAQ bot”?'`)
		c.js(review + `.textContent.includes('Acme Bots') && ` + review + `.textContent.includes('Answers common questions')`)
		// One sentence in words for each requested scope.
		for scope, words := range map[string]string{
			"agents:read":         "See the agents of this workspace: their names, emails, roles, presence and attributes.",
			"agents:write":        "Create agents and bots, and change, disable and delete the agents it created.",
			"inboxes:read":        "See the inboxes with their widget settings, the branding and the customer data endpoints.",
			"contacts:read":       "Read your contacts: visitors’ names, emails, phone numbers and attributes.",
			"contacts:write":      "Create, change, merge and erase contacts.",
			"conversations:read":  "Read every conversation with its messages and the agents’ private notes.",
			"conversations:write": "Write in conversations as an agent, and assign, transfer, resolve and reopen them.",
		} {
			c.js(review + `.querySelector('[data-scope="` + scope + `"] .scope-sentence')?.textContent === ` + jsString(words))
		}
		c.js(review + `.querySelectorAll('.app-scopes li').length === 7`)
		// The quotas, the defaults named, and the webhook.
		c.js(review + `.querySelector('[data-quota=agents_total] .quota-limit').textContent === '5'`)
		c.js(review + `.querySelector('[data-quota=agents_per_day] .quota-limit').textContent === '2'`)
		c.js(review + `.querySelector('[data-quota=requests_per_minute] .quota-limit').textContent === '600 (the default)'`)
		c.js(review + `.querySelector('.app-webhook').textContent.includes('http://127.0.0.1:9/faq-bot') && ` +
			review + `.querySelector('.app-webhook').textContent.includes('conversation.assigned')`)
		browsertest.RequireAccessible(t, c.tab, "the app install review")
		browsertest.Screenshot(t, c.tab, "console-app-review")
		if n := apps(); n != 0 {
			t.Fatalf("%d apps installed before the admin approved", n)
		}

		c.click("Approve and install")
		c.js(`location.pathname.startsWith('/console/admin/apps/') && document.querySelector('.app-client-secret')?.textContent.startsWith('prlyc_')`)
		c.js(`document.querySelector('.app-webhook-secret')?.textContent.startsWith('whsec_')`)
		appID = browsertest.Eval[string](t, c.tab, `document.querySelector('.app-client-id').textContent`)
		clientSecret = browsertest.Eval[string](t, c.tab, `document.querySelector('.app-client-secret').textContent`)
		if c.path() != "/console/admin/apps/"+appID {
			t.Errorf("the app's page is at %s, want /console/admin/apps/%s", c.path(), appID)
		}
		c.js(`document.querySelector('[data-quota=agents_total] .quota-used')?.textContent === '0 of 5'`)
		c.js(`document.querySelector('[data-quota=agents_per_day] .quota-used')?.textContent === '0 of 2'`)
		c.js(`document.querySelectorAll('.app-detail .app-scopes li').length === 7 && document.querySelector('.app-detail [data-scope="conversations:read"] .scope-sentence')?.textContent === ` +
			jsString("Read every conversation with its messages and the agents’ private notes."))
		browsertest.RequireAccessible(t, c.tab, "an app's page with its secrets")
	}) {
		return
	}

	if !t.Run("QuotaUsage", func(t *testing.T) {
		c := c.in(t)
		token := appToken(t, srv.URL, appID, clientSecret)
		status := apiCall(t, srv.URL, token, http.MethodPost, "/api/v1/agents",
			`{"email": "faq@bots.acme.example", "name": "FAQ bot", "role": "agent", "bot": true}`)
		if status != http.StatusCreated {
			t.Fatalf("the app creates a bot: %d", status)
		}
		c.do(chromedp.Reload())
		c.js(`document.querySelector('[data-quota=agents_total] .quota-used')?.textContent === '1 of 5'`)
		c.js(`document.querySelector('[data-quota=agents_per_day] .quota-used')?.textContent === '1 of 2'`)
		// The secrets are not shown again.
		c.js(`!document.querySelector('.app-client-secret') && !document.querySelector('.app-webhook-secret')`)
		browsertest.RequireAccessible(t, c.tab, "an app's page with its quota usage")
		browsertest.Screenshot(t, c.tab, "console-app")
	}) {
		return
	}

	t.Run("DisableEnableUninstall", func(t *testing.T) {
		c := c.in(t)
		token := appToken(t, srv.URL, appID, clientSecret)
		c.click("Disable")
		c.js(`!![...document.querySelectorAll('.admin-head button')].find(b => b.textContent === 'Enable')`)
		if !d.shown("Disable “FAQ bot”?") {
			t.Error("no confirmation was asked before disabling")
		}
		if s := apiCall(t, srv.URL, token, http.MethodGet, "/api/v1/agents", ""); s != http.StatusUnauthorized {
			t.Errorf("a disabled app's token: %d, want 401", s)
		}
		c.click("Enable")
		c.js(`!![...document.querySelectorAll('.admin-head button')].find(b => b.textContent === 'Disable')`)
		token = appToken(t, srv.URL, appID, clientSecret)
		if s := apiCall(t, srv.URL, token, http.MethodGet, "/api/v1/agents", ""); s != http.StatusOK {
			t.Errorf("an enabled app's new token: %d, want 200", s)
		}
		c.do(chromedp.Click(`a.button[href="/console/admin/apps"]`))
		c.js(`document.querySelector('[data-app="FAQ bot"]')?.textContent.includes('Acme Bots')`)
		c.do(chromedp.Click(`[data-app="FAQ bot"] a`))
		c.js(`location.pathname === '/console/admin/apps/` + appID + `' && !!document.querySelector('.app-detail')`)
		c.click("Uninstall")
		c.js(`location.pathname === '/console/admin/apps' && document.querySelector('.empty')?.textContent.includes('No apps')`)
		if !d.shown("Uninstall “FAQ bot”?") {
			t.Error("no confirmation was asked before uninstalling")
		}
		if n := apps(); n != 0 {
			t.Errorf("%d apps after uninstalling", n)
		}
		// Its tokens and its webhook went with it; the bot it created remains.
		if s := apiCall(t, srv.URL, token, http.MethodGet, "/api/v1/agents", ""); s != http.StatusUnauthorized {
			t.Errorf("an uninstalled app's token: %d, want 401", s)
		}
		if eps, err := srv.App.Store.ListWebhookEndpoints(t.Context(), srv.WorkspaceID); err != nil || len(eps) != 0 {
			t.Errorf("webhook endpoints after uninstalling: %d, %v; want none", len(eps), err)
		}
		c.nav("admin/agents")
		c.js(`!!document.querySelector('[data-agent="faq@bots.acme.example"]')`)
	})
	checkBrowserErrors(t, b)
}

// appToken is an access token of the app (the client credentials grant).
func appToken(t *testing.T, base, clientID, secret string) string {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, base+"/api/v1/oauth/token",
		strings.NewReader(url.Values{"grant_type": {"client_credentials"}}.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(clientID, secret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var g struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&g); err != nil || resp.StatusCode != http.StatusOK || g.AccessToken == "" {
		t.Fatalf("client credentials grant: %d, %v", resp.StatusCode, err)
	}
	return g.AccessToken
}

// apiCall makes one API request with a bearer token and returns its status.
func apiCall(t *testing.T, base, token, method, path, body string) int {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
