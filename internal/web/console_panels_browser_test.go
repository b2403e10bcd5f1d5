package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/parleychat/parley/internal/browsertest"
	"github.com/parleychat/parley/internal/config"
)

// crmPanel is a CRM's context panel page: it takes the context the
// console posts (from Parley's origin only), reads the conversation with
// the panel token, shows it, and tells the console what it saw.
const crmPanel = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Customer record</title></head>
<body><main><h1>Customer record</h1><p id="out">Waiting for Parley…</p></main>
<script>
addEventListener('message', async (e) => {
  if (e.origin !== %q || !e.data || e.data.type !== 'parley:context') return;
  const d = e.data;
  const r = await fetch(d.api + '/api/v1/conversations/' + encodeURIComponent(d.conversation_id),
    { headers: { Authorization: 'Bearer ' + d.token } });
  const conv = await r.json();
  const seen = { status: r.status, conversation_id: d.conversation_id, contact_id: d.contact_id,
    fetched_id: conv.id, fetched_contact: conv.contact_id, token: d.token.slice(0, 7), expires_at: d.expires_at };
  document.getElementById('out').textContent = 'Conversation ' + conv.id;
  parent.postMessage({ type: 'crm:seen', seen }, e.origin);
});
</script></body></html>`

// panelRecorder keeps, in the console's page, what the panel reports.
const panelRecorder = `window.__crm = []; addEventListener('message', (e) => { if (e.data && e.data.type === 'crm:seen') window.__crm.push(e.data.seen); });`

// TestConsoleAppPanels: an app's panel, served from its own origin (a
// local server, allow-listed), is framed beside the conversation with the
// manifest's title and sandbox; it gets the conversation's and contact's
// IDs and a panel token by postMessage, and reads the conversation with
// it. The page's CSP frames exactly the workspace's panel origins: a page
// loaded before signing in offers a reload.
func TestConsoleAppPanels(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t, func(c *config.Config) { c.OutboundAllow = "127.0.0.1/32" })
	crm := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, crmPanel, srv.URL)
	}))
	t.Cleanup(crm.Close)

	tok, err := srv.Admin.CreateToken(t.Context(), "panels", "all")
	if err != nil {
		t.Fatal(err)
	}
	manifest, _ := json.Marshal(map[string]any{
		"name": "Acme CRM", "scopes": []string{"conversations:read", "contacts:read"},
		"panel": map[string]any{"url": crm.URL + "/parley-panel", "title": "Customer record"},
	})
	req, _ := http.NewRequestWithContext(t.Context(), "POST", srv.URL+"/api/v1/apps", bytes.NewReader(manifest))
	req.Header.Set("Authorization", "Bearer "+tok.Token)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var installed struct {
		ID string `json:"id"`
	}
	json.NewDecoder(res.Body).Decode(&installed)
	res.Body.Close()
	if res.StatusCode != 201 {
		t.Fatalf("install: %s", res.Status)
	}

	v := newVisitor(t, srv, srv.DemoInboxID(t), "Where is my order?")
	c := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword, func(tab context.Context) {
		if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: panelRecorder}); err != nil {
			t.Fatal(err)
		}
	})
	// The page was loaded before signing in, without a session, so its
	// CSP frames nothing: the panel offers a reload. Loaded with the
	// session, the page frames the CRM's origin (and nothing else).
	c.js(`document.querySelector('` + item(v.convID) + `')`)
	c.do(chromedp.Click(item(v.convID)))
	c.js(`!!document.querySelector('.app-panel button')?.textContent.includes('Reload to show it')`)
	c.click("Reload to show it")
	frame := `.app-panel iframe[title="Customer record"]`
	csp := browsertest.Eval[string](t, c.tab, `fetch('/console').then(r => r.headers.get('content-security-policy'))`)
	if !strings.HasSuffix(csp, "; frame-src "+crm.URL) {
		t.Errorf("the console's CSP with a session: %s, want frame-src %s only", csp, crm.URL)
	}
	c.js(`!!document.querySelector('` + frame + `')`)
	sandbox := browsertest.Eval[string](t, c.tab, `document.querySelector('`+frame+`').getAttribute('sandbox')`)
	if sandbox != "allow-scripts allow-forms allow-popups allow-same-origin" {
		t.Errorf("sandbox = %q", sandbox)
	}
	c.js(`window.__crm.length > 0`)
	raw := browsertest.Eval[string](t, c.tab, `JSON.stringify(window.__crm[0])`)
	var seen struct {
		Status         int    `json:"status"`
		ConversationID string `json:"conversation_id"`
		ContactID      string `json:"contact_id"`
		FetchedID      string `json:"fetched_id"`
		FetchedContact string `json:"fetched_contact"`
		Token          string `json:"token"`
	}
	if err := json.Unmarshal([]byte(raw), &seen); err != nil {
		t.Fatal(err)
	}
	if seen.Status != 200 || seen.ConversationID != v.convID || seen.FetchedID != v.convID || seen.ContactID == "" ||
		seen.ContactID != seen.FetchedContact || seen.Token != "prlyat_" {
		t.Fatalf("the panel saw %s", raw)
	}
	browsertest.RequireAccessible(t, c.tab, "the conversation with an app panel")

	// A panel token opens no real-time connection.
	body, _ := json.Marshal(map[string]string{"conversation_id": v.convID})
	req, _ = http.NewRequestWithContext(t.Context(), "POST", srv.URL+"/api/v1/apps/"+installed.ID+"/panel-token", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+tok.Token)
	req.Header.Set("Content-Type", "application/json")
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var minted struct {
		Token string `json:"token"`
	}
	json.NewDecoder(res.Body).Decode(&minted)
	res.Body.Close()
	if res.StatusCode != 201 || minted.Token == "" {
		t.Fatalf("mint a panel token: %s", res.Status)
	}
	if conn, err := srv.Client(t).WithToken(minted.Token).Connect(t.Context()); err == nil {
		conn.Close()
		t.Error("a panel token opened a real-time connection")
	}

	// The app's page says what its panel shows.
	c.do(chromedp.Navigate(srv.URL + "/console/admin/apps/" + installed.ID))
	c.js(`document.querySelector('.app-panel-review')?.textContent.includes(` + jsString(crm.URL+"/parley-panel") + `)`)

	// Without a session, the console's CSP frames nothing.
	res, err = http.Get(srv.URL + "/console")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if csp := res.Header.Get("Content-Security-Policy"); strings.Contains(csp, "frame-src") {
		t.Errorf("without a session the console's CSP frames something: %s", csp)
	}
}
