package main

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/browsertest"
)

// widget is the demo page's widget, inside its shadow root.
const widget = `document.querySelector('#parley-widget')?.shadowRoot`

// TestFAQBotInTheBrowser: the sample bot answers a visitor writing in the
// widget of the demo page; on "human" it hands off, the visitor sees the
// hand-off line, and an agent finds the conversation waiting in the
// people's queue in the console, the bot's summary shown as a private
// note.
func TestFAQBotInTheBrowser(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	bot := startBot(t, srv.URL, srv.AdminToken)

	tab := b.NewTab(t)
	browsertest.Do(t, tab, chromedp.Navigate(srv.URL+"/"))
	browsertest.WaitJS(t, tab, widget+`?.querySelector('.launcher')`)
	browsertest.Eval[bool](t, tab, widget+`.querySelector('.launcher').click(), true`)
	browsertest.WaitJS(t, tab, widget+`.querySelector('.panel.open') && `+widget+`.activeElement?.tagName === 'TEXTAREA'`)
	write := func(text string) {
		t.Helper()
		browsertest.Do(t, tab, chromedp.KeyEvent(text), chromedp.KeyEvent("\r"))
	}
	shows := func(text string) {
		t.Helper()
		browsertest.WaitFor(t, func() string {
			got := browsertest.Eval[string](t, tab, `(`+widget+`?.querySelector('.log')?.innerText) || ''`)
			if !strings.Contains(got, text) {
				return fmt.Sprintf("the widget does not show %q; it shows %q", text, got)
			}
			return ""
		})
	}

	write("What are your opening hours?")
	shows("We are open Monday to Friday, 9:00 to 17:00.")
	write("Can I talk to a human, please?")
	shows(parley.HandoffLine)
	browsertest.RequireAccessible(t, tab, "the widget after the bot's hand-off")

	// The conversation waits in the people's queue.
	var conv string
	browsertest.WaitFor(t, func() string {
		var list struct {
			Items []struct {
				ID string `json:"id"`
			} `json:"items"`
		}
		call(t, "GET", srv.URL+"/api/v1/conversations?status=pending&queue_id="+bot.humansID, srv.AdminToken, nil, &list, 200)
		if len(list.Items) != 1 {
			return "conversations waiting in the people's queue: " + strconv.Itoa(len(list.Items))
		}
		conv = list.Items[0].ID
		return ""
	})

	// An agent opens it from the console's queue: the summary comes first.
	con := b.NewTab(t)
	browsertest.Do(t, con, chromedp.Navigate(srv.URL+"/console"),
		chromedp.WaitVisible(`input[name=email]`),
		chromedp.SendKeys(`input[name=email]`, srv.AdminEmail),
		chromedp.SendKeys(`input[name=password]`, browsertest.AdminPassword),
		chromedp.Click(`button[type=submit]`))
	browsertest.WaitJS(t, con, `!!document.querySelector('[data-connection=online]')`)
	browsertest.Do(t, con, chromedp.Navigate(srv.URL+"/console/queue"))
	browsertest.WaitJS(t, con, `!!document.querySelector('a[href="/console/queue/`+conv+`"]')`)
	browsertest.Eval[bool](t, con, `document.querySelector('a[href="/console/queue/`+conv+`"]').click(), true`)
	note := `[...document.querySelectorAll('article[data-kind=note]')].find(n => n.textContent.includes('asked for a person'))`
	browsertest.WaitJS(t, con, `!!(`+note+`)?.textContent.includes('opening hours')`)
	browsertest.WaitJS(t, con, `!!document.querySelector('article[data-kind=note] .note-label')`)
	browsertest.RequireAccessible(t, con, "the console with the bot's hand-off")
	if errs := b.UnexpectedErrors(); len(errs) > 0 {
		t.Errorf("browser errors: %v", errs)
	}
}
