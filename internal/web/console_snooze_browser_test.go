package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/parleychat/parley/internal/browsertest"
)

// An agent snoozes a conversation until the visitor writes: it leaves Mine
// for Snoozed, and comes back to Mine, live, when the visitor writes. The
// agent marks another conversation urgent and filters the list by priority.
func TestConsoleSnoozeAndPriority(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	ctx := t.Context()
	inboxID := srv.DemoInboxID(t)
	v := newVisitor(t, srv, inboxID, "Can you check my order?")
	w := newVisitor(t, srv, inboxID, "My card was charged twice!")

	c := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword)
	me := c.myID()
	for _, id := range []string{v.convID, w.convID} {
		if _, err := srv.Admin.Assign(ctx, id, me); err != nil {
			t.Fatal(err)
		}
	}
	c.nav("mine")
	c.js(`!!document.querySelector('.conv-list ` + item(v.convID) + `') && !!document.querySelector('.conv-list ` + item(w.convID) + `')`)
	c.do(chromedp.Click(item(v.convID)))
	c.js(`!!document.querySelector('select[aria-label=Snooze]')`)
	browsertest.RequireAccessible(t, c.tab, "a conversation with its snooze and priority controls")

	t.Run("SnoozeUntilTheVisitorWrites", func(t *testing.T) {
		c := c.in(t)
		c.selectValue(`select[aria-label=Snooze]`, "reply")
		c.js(`document.querySelector('[data-snoozed]')?.textContent === 'Snoozed until the visitor writes'`)
		c.js(`!document.querySelector('.conv-list ` + item(v.convID) + `') && !!document.querySelector('.conv-list ` + item(w.convID) + `')`)
		c.nav("snoozed")
		c.js(`!!document.querySelector('.conv-list ` + item(v.convID) + `') && !document.querySelector('.conv-list ` + item(w.convID) + `')`)
		c.nav("mine")
		c.js(`!document.querySelector('.conv-list ` + item(v.convID) + `')`)
		v.say(t, "Sorry, I was away. Any news?")
		c.js(`!!document.querySelector('.conv-list ` + item(v.convID) + `')`)
		c.nav("snoozed")
		c.js(`!document.querySelector('.conv-list ` + item(v.convID) + `') && document.querySelector('.pane-list')?.textContent.includes('Nothing snoozed')`)
		c.nav("mine")
	})

	t.Run("Priority", func(t *testing.T) {
		c := c.in(t)
		c.do(chromedp.Click(item(w.convID)))
		c.js(`location.pathname.endsWith(` + jsString(w.convID) + `) && !!document.querySelector('select[aria-label=Priority]')`)
		c.selectValue(`select[aria-label=Priority]`, "3")
		c.js(`document.querySelector('` + item(w.convID) + ` .prio')?.textContent === 'Urgent'`)
		if got := conversation(t, srv, w.convID).Priority; got != 3 {
			t.Errorf("priority = %d, want 3 (urgent)", got)
		}
		c.selectValue(`#priority-filter`, "urgent")
		c.js(`!!document.querySelector('.conv-list ` + item(w.convID) + `') && !document.querySelector('.conv-list ` + item(v.convID) + `')`)
		c.selectValue(`#priority-filter`, "")
		c.js(`!!document.querySelector('.conv-list ` + item(w.convID) + `') && !!document.querySelector('.conv-list ` + item(v.convID) + `')`)
	})
	checkBrowserErrors(t, b)
}
