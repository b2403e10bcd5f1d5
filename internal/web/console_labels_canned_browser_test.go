package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/browsertest"
)

// selectValue picks an option of a select as a person would, firing its
// change event.
func (c *console) selectValue(selector, value string) {
	c.t.Helper()
	c.js(`!!document.querySelector(` + jsString(selector) + `)`)
	browsertest.Eval[bool](c.t, c.tab, `(() => {
		const el = document.querySelector(`+jsString(selector)+`);
		el.value = `+jsString(value)+`;
		el.dispatchEvent(new Event('change', {bubbles: true}));
		return true;
	})()`)
}

// An agent inserts a canned response by typing / and its shortcut, with
// the visitor's and the agent's names filled in; puts a label on the
// conversation (by keyboard), filters the list by it, and takes it off.
func TestConsoleCannedAndLabels(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	ctx := t.Context()
	st := srv.App.Store
	inboxID := srv.DemoInboxID(t)
	vip := &parley.Label{WorkspaceID: srv.WorkspaceID, Name: "VIP", Color: "#b42318"}
	billing := &parley.Label{WorkspaceID: srv.WorkspaceID, Name: "Billing", Color: "#175cd3"}
	for _, l := range []*parley.Label{vip, billing} {
		if err := st.CreateLabel(ctx, parley.SystemActor, l); err != nil {
			t.Fatal(err)
		}
	}
	for _, cr := range []*parley.CannedResponse{
		{WorkspaceID: srv.WorkspaceID, Shortcut: "thanks", Title: "Thank the visitor", Body: "Thanks {{contact.name}}! {{agent.name}} here, happy to help."},
		{WorkspaceID: srv.WorkspaceID, Shortcut: "hours", Title: "Opening hours", Body: "We are open 9 to 5."},
	} {
		if err := st.CreateCannedResponse(ctx, parley.SystemActor, cr); err != nil {
			t.Fatal(err)
		}
	}
	zoe := newVisitor(t, srv, inboxID, "Hello, I have a question")
	zoe.tellWhoIAm(t, srv, map[string]string{"name": "Zoe Quinn"})
	other := newVisitor(t, srv, inboxID, "Hi there")

	c := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword)
	me, err := st.FindAgentByID(ctx, srv.WorkspaceID, c.myID())
	if err != nil {
		t.Fatal(err)
	}
	c.js(`!!document.querySelector('` + item(zoe.convID) + `') && !!document.querySelector('` + item(other.convID) + `')`)
	c.do(chromedp.Click(item(zoe.convID)))
	c.js(`document.querySelector('.pane-contact #contact-title')?.textContent === 'Zoe Quinn'`)

	t.Run("CannedResponse", func(t *testing.T) {
		c := c.in(t)
		c.do(chromedp.Click(`#composer-text`), chromedp.SendKeys(`#composer-text`, "/th"))
		c.js(`[...document.querySelectorAll('#canned-list [role=option]')].map(o => o.dataset.shortcut).join() === 'thanks'`)
		if got := browsertest.Eval[string](t, c.tab, `document.querySelector('#composer-text').getAttribute('aria-activedescendant') || ''`); !strings.HasPrefix(got, "canned-") {
			t.Errorf("the reply box's active option is %q", got)
		}
		browsertest.RequireAccessible(t, c.tab, "the canned responses offered in the reply box")
		c.do(chromedp.SendKeys(`#composer-text`, kb.Enter))
		want := "Thanks Zoe Quinn! " + me.Name + " here, happy to help."
		c.js(`document.querySelector('#composer-text').value === ` + jsString(want) + ` && !document.querySelector('#canned-list')`)
		c.do(chromedp.SendKeys(`#composer-text`, kb.Enter))
		c.js(`[...document.querySelectorAll('.messages .msg-body')].some(p => p.textContent === ` + jsString(want) + `)`)
		browsertest.WaitFor(t, func() string {
			if !zoe.received(want) {
				return "the visitor has not received the canned response"
			}
			return ""
		})
		// Escape closes the offer and the text stays as typed.
		c.do(chromedp.SendKeys(`#composer-text`, "/ho"))
		c.js(`!!document.querySelector('#canned-list [data-shortcut=hours]')`)
		c.do(chromedp.SendKeys(`#composer-text`, kb.Escape))
		c.js(`!document.querySelector('#canned-list') && document.querySelector('#composer-text').value === '/ho'`)
		c.fill(`#composer-text`, "")
	})

	t.Run("Labels", func(t *testing.T) {
		c := c.in(t)
		c.key("l")
		c.js(`document.activeElement?.id === 'add-label'`)
		c.selectValue(`#add-label`, vip.ID)
		c.js(`!!document.querySelector('.label-chip[data-label="VIP"]')`)
		if status, body := c.fetchJSON("GET", "/api/v1/conversations/"+zoe.convID+"/labels"); status != 200 || !strings.Contains(body, vip.ID) {
			t.Fatalf("the conversation's labels: %d %s", status, body)
		}
		browsertest.RequireAccessible(t, c.tab, "a conversation with a label")

		// Filter the list by the label: only Zoe's conversation is left.
		c.selectValue(`#label-filter`, vip.ID)
		c.js(`!!document.querySelector('.conv-list ` + item(zoe.convID) + `') && !document.querySelector('.conv-list ` + item(other.convID) + `')`)
		c.selectValue(`#label-filter`, billing.ID)
		c.js(`!document.querySelector('.conv-list ` + item(zoe.convID) + `') && document.querySelector('.pane-list')?.textContent.includes('The queue is empty')`)
		c.selectValue(`#label-filter`, vip.ID)
		c.js(`!!document.querySelector('.conv-list ` + item(zoe.convID) + `')`)

		// Taking it off removes the conversation from the filtered list.
		c.do(chromedp.Click(`button[aria-label="Remove label VIP"]`))
		c.js(`!document.querySelector('.label-chip') && !document.querySelector('.conv-list ` + item(zoe.convID) + `')`)
		if status, body := c.fetchJSON("GET", "/api/v1/conversations/"+zoe.convID+"/labels"); status != 200 || strings.Contains(body, vip.ID) {
			t.Fatalf("the conversation's labels after removing: %d %s", status, body)
		}
		c.selectValue(`#label-filter`, "")
		c.js(`!!document.querySelector('.conv-list ` + item(zoe.convID) + `') && !!document.querySelector('.conv-list ` + item(other.convID) + `')`)
	})
	checkBrowserErrors(t, b)
}
