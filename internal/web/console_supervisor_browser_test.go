package web_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/browsertest"
)

// The supervisor's live view follows the workspace without a reload: a
// visitor who writes shows as waiting in the queue, then as assigned when
// an agent takes it, with the agent's load and last reply; a conversation
// waiting longer than the threshold is an alert. Agents have no such page.
func TestConsoleSupervisorView(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	ctx := t.Context()
	inboxID := srv.DemoInboxID(t)
	srv.CreateAgent(t, "sue@example.com", "Sue Park", parley.RoleSupervisor)
	ann, annAPI := srv.CreateAgent(t, "ann@example.com", "Ann Lee", parley.RoleAgent)

	c := openConsole(t, b, srv, "sue@example.com", "agent-password-for-tests")
	c.nav("supervisor")
	queue := `document.querySelector('tr[data-queue]')`
	col := func(row, name string) string {
		return row + `?.querySelector('[data-col=` + name + `]')?.textContent.trim()`
	}
	c.js(col(queue, "waiting") + ` === '0' && document.querySelector('[data-alerts="0"]')`)
	browsertest.Eval[bool](t, c.tab, `window.sameSupervisorPage = true`)
	c.choose("Alert after", "30 s")
	browsertest.RequireAccessible(t, c.tab, "the Supervisor page")

	// A visitor writes: waiting, live.
	v1 := newVisitor(t, srv, inboxID, "Where is my parcel?")
	c.js(col(queue, "waiting") + `?.startsWith('1') && ` + col(queue, "longest") + ` !== '—'`)

	// Ann takes it and replies: assigned, and Ann holds one.
	if _, err := annAPI.Assign(ctx, v1.convID, ""); err != nil {
		t.Fatal(err)
	}
	annRow := `document.querySelector('tr[data-agent="` + ann.ID + `"]')`
	c.js(col(queue, "waiting") + ` === '0' && ` + col(queue, "assigned") + ` === '1' && ` + col(annRow, "open") + ` === '1'`)
	c.js(col(annRow, "reply") + ` === '—'`)
	if _, err := annAPI.SendMessage(ctx, v1.convID, client.SendInput{Body: "Let me look."}); err != nil {
		t.Fatal(err)
	}
	c.js(col(annRow, "reply") + `?.endsWith('ago')`)

	// Another visitor waits past the 30 s threshold: an alert, highlighted.
	v2 := newVisitor(t, srv, inboxID, "Hello? Anyone?")
	c.js(col(queue, "waiting") + `?.startsWith('1')`)
	alert := `document.querySelector('.sup-alerts-on tr[data-alert="` + v2.convID + `"]')`
	deadline := time.Now().Add(30*time.Second + browsertest.Wait)
	for !browsertest.Eval[bool](t, c.tab, `!!`+alert) {
		if time.Now().After(deadline) {
			t.Fatalf("no alert for the conversation waiting past 30 s")
		}
		time.Sleep(200 * time.Millisecond)
	}
	c.js(`document.querySelector('[data-alerts="1"]') && ` + col(queue, "waiting") + `.includes('over 30 s')`)
	if !browsertest.Eval[bool](t, c.tab, `window.sameSupervisorPage === true`) {
		t.Error("the Supervisor page reloaded")
	}
	browsertest.RequireAccessible(t, c.tab, "the Supervisor page with an alert")
	browsertest.Screenshot(t, c.tab, "supervisor-view")

	// A change of status shows with the periodic reload.
	if err := annAPI.SetPresence(ctx, "away"); err != nil {
		t.Fatal(err)
	}
	c.js(col(annRow, "presence") + ` === 'Away' && ` + col(queue, "away") + ` === '1'`)

	// The visitor's name opens the conversation.
	c.do(chromedp.Click(`tr[data-alert="` + v2.convID + `"] a`))
	c.js(`location.pathname === '/console/queue/` + v2.convID + `'`)

	// An agent has no Supervisor page in the navigation.
	a := openConsole(t, b, srv, "ann@example.com", "agent-password-for-tests")
	if browsertest.Eval[bool](t, a.tab, `!!document.querySelector('a[href="/console/supervisor"]')`) {
		t.Error("an agent sees the Supervisor page")
	}
	checkBrowserErrors(t, b)
}
