package web_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/browsertest"
	"github.com/parleychat/parley/internal/config"
	"github.com/parleychat/parley/internal/enrich"
)

// TestConsoleContext: opening a conversation shows the customer's data
// from the company's context endpoints (a real HTTP server run by the
// test, checking Parley's signatures): contact info and additional info
// as rows, a list of links, and a chart with its numbers; the date range
// picker asks the statistics endpoint again; a failing endpoint shows its
// error, and one that is slow holds up neither the chat nor the other
// sections.
func TestConsoleContext(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t, func(c *config.Config) {
		c.OutboundAllow = "127.0.0.1/32"
		c.ContextTimeout = time.Minute // the slow endpoint answers when the test lets it
	})
	ctx := t.Context()

	var (
		mu      sync.Mutex
		secrets = map[string]string{}
		ranges  []string
		badSigs int
	)
	hang := make(chan struct{})
	var slowCalls atomic.Int32
	company := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		sec := secrets[r.URL.Path]
		mu.Unlock()
		wh, err := standardwebhooks.NewWebhook(sec)
		if err != nil || wh.Verify(body, r.Header) != nil {
			mu.Lock()
			badSigs++
			mu.Unlock()
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		var req struct {
			Contact struct{ ID string }     `json:"contact"`
			Range   *struct{ Start string } `json:"range"`
		}
		json.Unmarshal(body, &req)
		switch r.URL.Path {
		case "/contactInfo":
			io.WriteString(w, `[{"label":"name","value":"John User"},{"label":"e-mail","value":"john@example.com"},{"label":"phone1","value":"+1 222 999 999 999"}]`)
		case "/additionalInfo":
			io.WriteString(w, `[{"label":"customer since","value":"14/09/2014"},{"label":"favorite shopping category","value":"clothing"}]`)
		case "/statistics":
			mu.Lock()
			ranges = append(ranges, req.Range.Start)
			mu.Unlock()
			io.WriteString(w, `[{"label":"Unresolved tickets","value":[
				{"url":"https://mytickets.example.com/tickets/123","label":"Error closing the cart (14/10/2018)"},
				{"url":"https://mytickets.example.com/tickets/321","label":"Credit card not accepted (24/11/2018)"}]},
				{"label":"Total items bought","value":"7"},
				{"label":"Shopping activity","value":[{"x":"15/12/2018-10:00:00","y":3},{"x":"15/12/2018-10:10:00","y":63},
					{"x":"15/12/2018-10:20:00","y":99},{"x":"15/12/2018-10:30:00","y":7}]}]`)
		case "/extra":
			io.WriteString(w, `[{"label":"plan","value":"Gold"}]`)
		case "/orders":
			http.Error(w, "database down", http.StatusInternalServerError)
		case "/slow": // the first call hangs until the test lets it answer (nothing to show)
			if slowCalls.Add(1) == 1 {
				select {
				case <-hang:
				case <-r.Context().Done():
				}
			}
		}
	}))
	t.Cleanup(company.Close)
	endpoint := func(title, path string, statistics bool) *parley.ContextEndpoint {
		e := &parley.ContextEndpoint{WorkspaceID: srv.WorkspaceID, Title: title, URL: company.URL + path,
			Statistics: statistics, Secret: enrich.NewSecret()}
		if err := srv.App.Store.CreateContextEndpoint(ctx, parley.SystemActor, e); err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		secrets[path] = e.Secret
		mu.Unlock()
		return e
	}
	contact := endpoint("Contact info", "/contactInfo", false)
	additional := endpoint("Additional info", "/additionalInfo", false)
	stats := endpoint("Statistics", "/statistics", true)
	orders := endpoint("Orders", "/orders", false)
	slow := endpoint("Loyalty", "/slow", false)

	c := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword)
	v := newVisitor(t, srv, srv.DemoInboxID(t), "Where is my order?")
	c.js(`document.querySelector('` + item(v.convID) + `')`)
	c.do(chromedp.Click(item(v.convID)))
	c.js(`document.querySelector('.messages')?.textContent.includes('Where is my order?')`)

	section := func(e *parley.ContextEndpoint) string {
		return `document.querySelector('.pane-contact [data-context-endpoint="` + e.ID + `"]')`
	}

	// The chat goes on while the endpoints are asked (one does not answer).
	c.click("Take")
	c.js(`document.querySelector('.conv-head [data-status=assigned]')`)
	c.do(chromedp.Click(`#composer-text`), chromedp.SendKeys(`#composer-text`, "Let me look that up."), chromedp.KeyEvent("\r"))
	browsertest.WaitFor(t, func() string {
		if !v.received("Let me look that up.") {
			return "the visitor has not received the agent's reply"
		}
		return ""
	})

	c.js(section(contact) + `?.textContent.includes('John User') && ` + section(contact) + `.textContent.includes('+1 222 999 999 999')`)
	c.js(section(additional) + `?.querySelector('dl')?.textContent.includes('clothing')`)
	c.js(`[...` + section(stats) + `?.querySelectorAll('a') ?? []].some(a => a.textContent.includes('Error closing the cart') && a.href === 'https://mytickets.example.com/tickets/123' && a.rel.includes('noopener'))`)
	c.js(section(stats) + `?.querySelectorAll('svg[role=img] rect').length === 4`)
	c.js(section(stats) + `?.querySelector('svg[role=img]').getAttribute('aria-label').includes('highest 99')`)
	c.js(`[...` + section(stats) + `.querySelectorAll('table tbody tr')].map(r => r.textContent).join('|') === '15/12/2018-10:00:003|15/12/2018-10:10:0063|15/12/2018-10:20:0099|15/12/2018-10:30:007'`)
	c.js(section(orders) + `?.querySelector('.ctx-error')?.textContent.includes('HTTP 500')`)
	// The others are shown while the slow one is still loading.
	c.js(section(slow) + `?.querySelector('[role=status]')?.getAttribute('aria-label') === 'Loading Loyalty'`)
	// The chat still works after the errors.
	c.do(chromedp.Click(`#composer-text`), chromedp.SendKeys(`#composer-text`, "Found it."), chromedp.KeyEvent("\r"))
	browsertest.WaitFor(t, func() string {
		if !v.received("Found it.") {
			return "the visitor has not received the second reply"
		}
		return ""
	})
	close(hang)
	c.js(section(slow) + `?.textContent.includes('Nothing to show.')`)
	c.do(chromedp.Click(`[data-context-endpoint="` + stats.ID + `"] summary`))
	c.js(section(stats) + `.querySelector('details').open`)
	browsertest.RequireAccessible(t, c.tab, "the contact panel with the customer's data")
	browsertest.Eval[bool](t, c.tab, `(() => { `+section(stats)+`.scrollIntoView(); return true; })()`)
	browsertest.Screenshot(t, c.tab, "console-context")

	t.Run("DateRange", func(t *testing.T) {
		c := c.in(t)
		from := `#from-` + stats.ID
		c.do(chromedp.SetValue(from, "2026-01-05"), chromedp.SetValue(`#to-`+stats.ID, "2026-01-11"))
		// SetValue does not fire input events: type a character to let the
		// form see the values, as a user's typing would.
		browsertest.Eval[bool](t, c.tab, `(() => { for (const id of ['from-`+stats.ID+`', 'to-`+stats.ID+`']) {
			const el = document.getElementById(id); el.dispatchEvent(new Event('input', {bubbles: true})); } return true; })()`)
		c.do(chromedp.Click(`[data-context-endpoint="` + stats.ID + `"] form.ctx-range button[type=submit]`))
		browsertest.WaitFor(t, func() string {
			mu.Lock()
			defer mu.Unlock()
			for _, r := range ranges {
				if r == "2026-01-05T00:00:00Z" {
					return ""
				}
			}
			return "the statistics endpoint was not asked for 2026-01-05 on; ranges asked: " + strings.Join(ranges, ", ")
		})
		c.js(section(stats) + `?.querySelectorAll('svg[role=img] rect').length === 4`)
	})

	// An administrator adds an endpoint in the console: the secret is shown
	// once, and it is the one the requests are signed with.
	t.Run("AdminPage", func(t *testing.T) {
		c := c.in(t)
		c.do(chromedp.Click(`a.nav-link[href="/console/admin/context"]`))
		c.js(`document.querySelector('[data-context-endpoint="Statistics"]')`)
		c.click("Add endpoint")
		form := `form[aria-label="New context endpoint"]`
		c.do(chromedp.SendKeys(form+` input[required]:not([type])`, "Extra"),
			chromedp.SendKeys(form+` input[type=url]`, "http://10.0.0.1/extra"))
		c.do(chromedp.Click(form + ` button[type=submit]`))
		c.js(`document.querySelector('` + form + ` .form-error')?.textContent.includes('PARLEY_OUTBOUND_ALLOW')`)
		browsertest.Eval[bool](t, c.tab, `(() => { const el = document.querySelector('`+form+` input[type=url]');
			el.value = `+jsString(company.URL+"/extra")+`; el.dispatchEvent(new Event('input', {bubbles: true})); return true; })()`)
		c.do(chromedp.Click(form + ` button[type=submit]`))
		c.js(`document.querySelector('.context-secret')?.textContent.startsWith('whsec_')`)
		sec := browsertest.Eval[string](t, c.tab, `document.querySelector('.context-secret').textContent`)
		mu.Lock()
		secrets["/extra"] = sec
		mu.Unlock()
		c.js(`document.querySelector('[data-context-endpoint="Extra"]')`)
		browsertest.RequireAccessible(t, c.tab, "the customer data admin page")
		c.do(chromedp.Reload())
		c.js(`document.querySelector('[data-context-endpoint="Extra"]')`)
		if page := browsertest.Eval[string](t, c.tab, `document.documentElement.outerHTML`); strings.Contains(page, sec) {
			t.Error("the secret is shown again after a reload")
		}
		// The agent sees its data, signed with the secret shown.
		c.do(chromedp.Navigate(srv.URL + "/console/mine/" + v.convID))
		c.js(`[...document.querySelectorAll('.pane-contact .ctx-section')].some(s => s.textContent.includes('Extra') && s.textContent.includes('Gold'))`)
	})

	mu.Lock()
	if badSigs != 0 {
		t.Errorf("%d requests failed the Standard Webhooks signature check", badSigs)
	}
	mu.Unlock()
	checkBrowserErrors(t, b)
}
