package web_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/browsertest"
	"github.com/parleychat/parley/internal/config"
	"github.com/parleychat/parley/internal/stdwebhook"
)

// receiver is a webhook receiver run by a test: a real HTTP server that
// checks every request's Standard Webhooks signature with the
// specification's library, answers 200 to a good one (410 on /gone), and
// records the webhook-ids it accepted.
type receiver struct {
	t   *testing.T
	srv *httptest.Server

	mu       sync.Mutex
	secrets  map[string]string // path → secret
	accepted []string          // "path webhook-id", in order
	bodies   map[string]string // webhook-id → the last body accepted
	bad      []string
}

func newReceiver(t *testing.T) *receiver {
	r := &receiver{t: t, secrets: map[string]string{}, bodies: map[string]string{}}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		defer r.mu.Unlock()
		wh, err := standardwebhooks.NewWebhook(r.secrets[req.URL.Path])
		if err == nil {
			err = wh.Verify(body, req.Header)
		}
		if err != nil {
			r.bad = append(r.bad, fmt.Sprintf("%s %s: %v", req.URL.Path, req.Header.Get("webhook-id"), err))
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		if req.URL.Path == "/gone" {
			http.Error(w, "this endpoint is gone", http.StatusGone)
			return
		}
		r.accepted = append(r.accepted, req.URL.Path+" "+req.Header.Get("webhook-id"))
		r.bodies[req.Header.Get("webhook-id")] = string(body)
		io.WriteString(w, "thanks for "+req.Header.Get("webhook-id"))
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *receiver) setSecret(path, secret string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.secrets[path] = secret
}

// count is how many verified requests of path with webhook-id id came.
func (r *receiver) count(path, id string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, a := range r.accepted {
		if a == path+" "+id {
			n++
		}
	}
	return n
}

// body is the last body accepted with webhook-id id.
func (r *receiver) body(id string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.bodies[id]
}

func (r *receiver) badRequests() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.bad...)
}

// TestConsoleWebhooks: an administrator adds a webhook endpoint in the
// console (a real receiver on 127.0.0.1, allowed by PARLEY_OUTBOUND_ALLOW,
// checks every signature), copies its secret shown once, sends a test
// event, sees its delivery with the request and its body, the response
// and the latency, redelivers it (the same webhook-id again), rotates the secret,
// and sees an endpoint that answered 410 Gone disabled by Parley with the
// reason.
func TestConsoleWebhooks(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t, func(c *config.Config) { c.OutboundAllow = "127.0.0.1/32" })
	rcv := newReceiver(t)
	d := &dialogs{}
	c := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword, acceptDialogs(t, d))
	t.Cleanup(func() {
		if bad := rcv.badRequests(); len(bad) > 0 {
			t.Errorf("requests that failed verification: %v", bad)
		}
	})

	c.nav("admin/webhooks")
	c.js(`document.querySelector('.empty')?.textContent.includes('No webhook endpoints')`)
	browsertest.RequireAccessible(t, c.tab, "the webhooks page without endpoints")

	hookURL := rcv.srv.URL + "/hooks"
	form := `form[aria-label="New webhook endpoint"]`
	var endpointID string
	if !t.Run("Create", func(t *testing.T) {
		c := c.in(t)
		c.click("Add endpoint")
		c.js(`document.querySelector('` + form + ` details.wh-catalogue')?.textContent.includes('conversation.assigned')`)
		browsertest.RequireAccessible(t, c.tab, "the new webhook form")
		// A private address the server does not allow is refused, saying why.
		c.fill(form+` input[name=url]`, "http://10.0.0.1/hooks")
		c.fill(form+` input[name=event_types]`, "conversation.*, message.created")
		c.fill(form+` input[name=description]`, "CRM sync")
		c.do(chromedp.Click(form + ` button[type=submit]`))
		c.js(`document.querySelector('` + form + ` .form-error')?.textContent.includes('PARLEY_OUTBOUND_ALLOW')`)
		// An unknown event type is refused.
		c.fill(form+` input[name=url]`, hookURL)
		c.fill(form+` input[name=event_types]`, "conversation.*, message.exploded")
		c.do(chromedp.Click(form + ` button[type=submit]`))
		c.js(`document.querySelector('` + form + ` .form-error')?.textContent.includes('message.exploded')`)
		c.fill(form+` input[name=event_types]`, "conversation.*, message.created")
		c.do(chromedp.Click(form + ` button[type=submit]`))

		c.js(`document.querySelector('.webhook-secret')?.textContent.startsWith('whsec_')`)
		rcv.setSecret("/hooks", browsertest.Eval[string](t, c.tab, `document.querySelector('.webhook-secret').textContent`))
		row := `document.querySelector('[data-webhook=` + jsString(hookURL) + `]')`
		c.js(row + `?.querySelector('.webhook-state')?.textContent.includes('Enabled')`)
		c.js(`[...` + row + `.querySelectorAll('.tag')].map(e => e.textContent).join(' ') === 'conversation.* message.created Enabled'`)
		c.js(row + `.textContent.includes('CRM sync') && ` + row + `.textContent.includes('Every inbox')`)
		eps, err := srv.App.Store.ListWebhookEndpoints(t.Context(), srv.WorkspaceID)
		if err != nil || len(eps) != 1 || eps[0].URL != hookURL {
			t.Fatalf("endpoints: %v, %v; want the one at %s", eps, err, hookURL)
		}
		endpointID = eps[0].ID
		browsertest.RequireAccessible(t, c.tab, "the webhooks page with the new secret")
		c.click("I have stored it")
		c.js(`!document.querySelector('.webhook-secret')`)
		// The secret is not shown again.
		c.do(chromedp.Reload())
		c.js(`document.querySelector('[data-webhook=` + jsString(hookURL) + `]') && !document.querySelector('.webhook-secret')`)
	}) {
		return
	}

	var pingID string
	if !t.Run("TestEvent", func(t *testing.T) {
		c := c.in(t)
		c.do(chromedp.Click(`button[aria-label=` + jsString("Send test event to "+hookURL) + `]`))
		c.toast("Test event sent")
		ping := `document.querySelector('#wh-deliveries tr[data-event-type=ping]')`
		c.js(ping + `?.querySelector('[data-status=delivered]') && ` + ping + `.querySelector('.delivery-attempts').textContent === '1'`)
		c.js(ping + `.textContent.includes('HTTP 200')`)
		pingID = browsertest.Eval[string](t, c.tab, ping+`.querySelector('code').textContent`)
		if n := rcv.count("/hooks", pingID); n != 1 {
			t.Fatalf("the receiver verified %d requests with webhook-id %q, want 1", n, pingID)
		}
		// The details: the request and the attempt with its response and latency.
		c.do(chromedp.Click(`button[aria-label=` + jsString("Details of ping "+pingID) + `]`))
		detail := `document.querySelector('.wh-attempts')`
		c.js(detail + `?.querySelector('.wh-request')?.textContent.split('\n').includes('POST ` + hookURL + `') && ` + detail + `.querySelector('.wh-request').textContent.split('\n').includes('webhook-id: ` + pingID + `')`)
		c.js(detail + `.querySelectorAll('[data-attempt]').length === 1 && ` + detail + `.querySelector('.attempt-result').textContent === 'HTTP 200'`)
		c.js(detail + `.querySelector('.attempt-response')?.textContent.includes('thanks for ` + pingID + `')`)
		c.js(`/^\d+\.\d ms$/.test(` + detail + `.querySelector('.attempt-latency').textContent)`)
		// The body sent, pretty-printed: the same JSON the receiver got.
		body := detail + `.querySelector('.wh-request-body')`
		c.js(body + `?.textContent.includes('\n  "id": "` + pingID + `",\n') && ` + body + `.textContent.includes('"endpoint_id": "` + endpointID + `"')`)
		if got, want := browsertest.Eval[string](t, c.tab, `JSON.stringify(JSON.parse(`+body+`.textContent))`), rcv.body(pingID); got != want {
			t.Errorf("the body shown is %s, the receiver got %s", got, want)
		}
		browsertest.RequireAccessible(t, c.tab, "the delivery log with a delivery's attempts")
		browsertest.Screenshot(t, c.tab, "console-webhooks")
	}) {
		return
	}

	if !t.Run("Redeliver", func(t *testing.T) {
		c := c.in(t)
		// By keyboard: focus the button and press Enter.
		redeliver := `button[aria-label=` + jsString("Redeliver ping "+pingID) + `]`
		browsertest.Eval[bool](t, c.tab, `(document.querySelector(`+jsString(redeliver)+`).focus(), document.activeElement.textContent === 'Redeliver')`)
		c.do(chromedp.KeyEvent("\r"))
		c.toast("ping is sent again")
		browsertest.WaitFor(t, func() string {
			if n := rcv.count("/hooks", pingID); n != 2 {
				return fmt.Sprintf("the receiver verified %d requests with webhook-id %s, want 2", n, pingID)
			}
			return ""
		})
		ping := `document.querySelector('#wh-deliveries tr[data-event-type=ping]')`
		c.js(ping + `?.querySelector('[data-status=delivered]') && ` + ping + `.querySelector('.delivery-attempts').textContent === '2'`)
		c.js(`document.querySelectorAll('.wh-attempts [data-attempt]').length === 2`)
	}) {
		return
	}

	if !t.Run("RotateSecret", func(t *testing.T) {
		c := c.in(t)
		old := browsertest.Eval[string](t, c.tab, `document.querySelector('.webhook-secret')?.textContent || ''`)
		if old != "" {
			t.Fatal("a secret is shown before rotating")
		}
		c.do(chromedp.Click(`button[aria-label=` + jsString("New secret for "+hookURL) + `]`))
		c.js(`document.querySelector('.webhook-secret')?.textContent.startsWith('whsec_')`)
		if !d.shown("Replace the secret of " + hookURL) {
			t.Error("no confirmation was asked before rotating")
		}
		if !d.shown("For 24 hours requests carry both signatures") {
			t.Error("the confirmation does not tell of the overlap")
		}
		// The receiver still holding the old secret accepts the next request
		// (it carries both signatures), and so does one holding the new.
		pings := func(n int) {
			c.do(chromedp.Click(`button[aria-label=` + jsString("Send test event to "+hookURL) + `]`))
			c.js(`document.querySelectorAll('#wh-deliveries tr[data-event-type=ping]').length === ` + fmt.Sprint(n) +
				` && [...document.querySelectorAll('#wh-deliveries tr[data-event-type=ping] [data-status]')].every(e => e.dataset.status === 'delivered')`)
		}
		pings(2)
		rcv.setSecret("/hooks", browsertest.Eval[string](t, c.tab, `document.querySelector('.webhook-secret').textContent`))
		pings(3)
	}) {
		return
	}

	t.Run("DisabledByFailure", func(t *testing.T) {
		c := c.in(t)
		gone := &parley.WebhookEndpoint{WorkspaceID: srv.WorkspaceID, URL: rcv.srv.URL + "/gone", EventTypes: []string{"contact.*"},
			Enabled: true, Secret: stdwebhook.NewSecret()}
		if err := srv.App.Store.CreateWebhookEndpoint(t.Context(), parley.SystemActor, gone); err != nil {
			t.Fatal(err)
		}
		rcv.setSecret("/gone", gone.Secret)
		c.do(chromedp.Reload())
		row := `document.querySelector('[data-webhook=` + jsString(gone.URL) + `]')`
		c.js(row + `?.querySelector('.webhook-state')?.textContent.trim() === 'Enabled'`)
		browsertest.RequireAccessible(t, c.tab, "the webhooks page with two endpoints, no delivery log open")
		c.do(chromedp.Click(`button[aria-label=` + jsString("Send test event to "+gone.URL) + `]`))
		c.js(`document.querySelector('#wh-deliveries tr[data-event-type=ping] [data-status=failed]')`)
		c.js(row + `.querySelector('.webhook-state').textContent.includes('Disabled by Parley') && ` + row + `.querySelector('.wh-reason').textContent.includes('410 Gone')`)
		c.js(`[...` + row + `.querySelectorAll('button')].some(b => b.textContent === 'Enable')`)
		browsertest.RequireAccessible(t, c.tab, "the webhooks page with an endpoint disabled by Parley")
		// The admin disables the other endpoint: shown as disabled, without a reason.
		c.do(chromedp.Click(`button[aria-label=` + jsString("Disable "+hookURL) + `]`))
		hook := `document.querySelector('[data-webhook=` + jsString(hookURL) + `]')`
		c.js(hook + `?.querySelector('.webhook-state')?.textContent.trim() === 'Disabled'`)
		e, err := srv.App.Store.FindWebhookEndpoint(t.Context(), srv.WorkspaceID, endpointID)
		if err != nil || e.Enabled {
			t.Errorf("the endpoint after Disable: %+v, %v; want disabled", e, err)
		}
		if strings.Contains(browsertest.Eval[string](t, c.tab, hook+`.textContent`), "Disabled by Parley") {
			t.Error("an endpoint the admin disabled is shown as disabled by Parley")
		}
		// Enable turns it back on.
		c.do(chromedp.Click(`button[aria-label=` + jsString("Enable "+hookURL) + `]`))
		c.js(hook + `?.querySelector('.webhook-state')?.textContent.trim() === 'Enabled'`)
		if e, err := srv.App.Store.FindWebhookEndpoint(t.Context(), srv.WorkspaceID, endpointID); err != nil || !e.Enabled {
			t.Errorf("the endpoint after Enable: %+v, %v; want enabled", e, err)
		}
	})
	checkBrowserErrors(t, b)
}
