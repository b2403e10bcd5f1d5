package web_test

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/browsertest"
)

// fetchBody makes a same-origin API call with a JSON body from the
// console's page, with its session cookie and CSRF token.
func (c *console) fetchBody(method, path, body string) (int, string) {
	c.t.Helper()
	var r struct {
		Status int    `json:"status"`
		Body   string `json:"body"`
	}
	raw := browsertest.Eval[string](c.t, c.tab, `(async () => {
		const csrf = (document.cookie.match(/(?:^|; )parley_csrf=([^;]*)/) || [])[1] || '';
		const r = await fetch(`+jsString(path)+`, {method: `+jsString(method)+`, body: `+jsString(body)+`,
			headers: {'X-CSRF-Token': decodeURIComponent(csrf), 'Content-Type': 'application/json'}});
		return JSON.stringify({status: r.status, body: await r.text()});
	})()`)
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		c.t.Fatalf("fetch %s: %v", path, err)
	}
	return r.Status, r.Body
}

// getJSON GETs path from the console's page and decodes the 200 answer into out.
func (c *console) getJSON(path string, out any) {
	c.t.Helper()
	status, body := c.fetchJSON("GET", path)
	if status != http.StatusOK {
		c.t.Fatalf("GET %s: %d %s", path, status, body)
	}
	if err := json.Unmarshal([]byte(body), out); err != nil {
		c.t.Fatalf("GET %s: %v", path, err)
	}
}

// pick chooses the option whose text starts with label in the select
// matched by selector, as a user would.
func (c *console) pick(selector, label string) {
	c.t.Helper()
	sel := `document.querySelector(` + jsString(selector) + `)`
	c.js(sel + ` && [...` + sel + `.options].some(o => o.textContent.startsWith(` + jsString(label) + `))`)
	browsertest.Eval[bool](c.t, c.tab, `(() => {
		const s = `+sel+`;
		s.value = [...s.options].find(o => o.textContent.startsWith(`+jsString(label)+`)).value;
		s.dispatchEvent(new Event('change', {bubbles: true}));
		return true;
	})()`)
}

// press presses Enter on the element matched by selector, focused.
func (c *console) press(selector string) {
	c.t.Helper()
	c.do(chromedp.Focus(selector), chromedp.KeyEvent("\r"))
}

// dismissToasts closes every toast with its Dismiss button.
func (c *console) dismissToasts() {
	c.t.Helper()
	browsertest.Eval[bool](c.t, c.tab, `(() => { document.querySelectorAll('.toast button[aria-label=Dismiss]').forEach(b => b.click()); return true; })()`)
	c.js(`!document.querySelector('.toast')`)
}

type apiTeam struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	AgentIDs []string `json:"agent_ids"`
}

type apiQueue struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	TeamID   string `json:"team_id"`
	Strategy string `json:"strategy"`
	Capacity int    `json:"capacity"`
	Default  bool   `json:"default"`
	Hours    *struct {
		TimeZone string                   `json:"time_zone"`
		Weekly   [][]parley.HoursInterval `json:"weekly"`
		Holidays []string                 `json:"holidays"`
	} `json:"business_hours"`
}

// TestConsoleTeamsQueues: an administrator creates an agent with a
// capacity, a team with agents (renames it, removes one), and a queue for
// the team with a round robin, a capacity and business hours, then an
// ordered routing rule, all in the console, each refusal of bad input
// saying why; the API holds them as set, a visitor whose contact matches
// the rule lands in that queue and the round robin gives the conversation
// to the team's online agent, and a waiting conversation is transferred
// to the queue from the conversation view.
func TestConsoleTeamsQueues(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	d := &dialogs{}
	c := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword, acceptDialogs(t, d))
	ctx := t.Context()
	inboxID := srv.DemoInboxID(t)
	ben, _ := srv.CreateAgent(t, "ben@example.com", "Ben", parley.RoleAgent)

	// Ana is added in the console with a capacity, which the Agents page shows.
	c.nav("admin/agents")
	c.click("Add agent")
	form := `form[aria-label="New agent"]`
	c.js(`!!document.querySelector('` + form + ` input[name=capacity]')`)
	c.fill(form+` input[required]:not([type])`, "Ana")
	c.fill(form+` input[type=email]`, "ana@example.com")
	c.fill(form+` input[name=capacity]`, "3")
	c.fill(form+` input[type=password]`, "a long password 1")
	c.do(chromedp.Click(form + ` button[type=submit]`))
	c.js(`document.querySelector('[data-agent="ana@example.com"] .agent-capacity')?.textContent === '3 at once'`)
	c.js(`document.querySelector('[data-agent="ben@example.com"] .agent-capacity')?.textContent === 'No limit'`)
	var agentList struct {
		Items []struct {
			ID       string `json:"id"`
			Email    string `json:"email"`
			Capacity int    `json:"capacity"`
		} `json:"items"`
	}
	c.getJSON("/api/v1/agents", &agentList)
	var anaID string
	for _, a := range agentList.Items {
		if a.Email == "ana@example.com" && a.Capacity == 3 {
			anaID = a.ID
		}
	}
	if anaID == "" {
		t.Fatalf("agents: %+v; want ana@example.com with capacity 3", agentList.Items)
	}
	// Ana signs in and is online, her connection open.
	res, err := srv.Client(t).Login(ctx, client.LoginInput{Email: "ana@example.com", Password: "a long password 1"})
	if err != nil {
		t.Fatal(err)
	}
	ana, err := client.New(srv.URL, client.WithSession(res.Session, res.CSRFToken))
	if err != nil {
		t.Fatal(err)
	}
	anaConn, err := ana.Connect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { anaConn.Close() })
	if err := ana.SetPresence(ctx, "online"); err != nil {
		t.Fatal(err)
	}

	teams := func() []apiTeam {
		var l struct{ Items []apiTeam }
		c.getJSON("/api/v1/teams", &l)
		return l.Items
	}
	queues := func() []apiQueue {
		var l struct{ Items []apiQueue }
		c.getJSON("/api/v1/queues", &l)
		return l.Items
	}

	var teamID string
	t.Run("Teams", func(t *testing.T) {
		c := c.in(t)
		c.nav("admin/teams")
		c.js(`document.querySelector('.empty')?.textContent.includes('No teams')`)
		browsertest.RequireAccessible(t, c.tab, "the teams page without teams")
		c.click("Add team")
		form := `form[aria-label="New team"]`
		c.js(`!!document.querySelector('` + form + ` input[value="` + anaID + `"]')`)
		browsertest.RequireAccessible(t, c.tab, "the new team form")
		c.fill(form+` input[name=name]`, "Support")
		c.do(chromedp.Click(form+` input[value="`+anaID+`"]`), chromedp.Click(form+` input[value="`+ben.ID+`"]`))
		c.do(chromedp.Click(form + ` button[type=submit]`))
		c.js(`[...document.querySelectorAll('[data-team="Support"] .team-members .tag')].map(e => e.textContent).sort().join(' ') === 'Ana Ben'`)
		if ts := teams(); len(ts) != 1 || ts[0].Name != "Support" || !sameSet(ts[0].AgentIDs, anaID, ben.ID) {
			t.Fatalf("teams: %+v; want Support with Ana and Ben", ts)
		}

		// A second team named the same in another case is refused, saying why.
		c.click("Add team")
		c.fill(form+` input[name=name]`, "SUPPORT")
		c.do(chromedp.Click(form + ` button[type=submit]`))
		c.js(`document.querySelector('` + form + ` .form-error')?.textContent.includes('A team with this name already exists.')`)
		if ts := teams(); len(ts) != 1 {
			t.Fatalf("teams: %+v; want only Support", ts)
		}
		c.click("Cancel")

		// Renamed, Ben removed: with the keyboard (Space on his checkbox).
		c.do(chromedp.Click(`button[aria-label="Edit Support"]`))
		edit := `form[aria-label="Edit team Support"]`
		c.js(`document.querySelector('` + edit + ` input[value="` + ben.ID + `"]')?.checked === true`)
		c.fill(edit+` input[name=name]`, "Support desk")
		c.do(chromedp.Focus(edit+` input[value="`+ben.ID+`"]`), chromedp.KeyEvent(" "))
		c.js(`document.querySelector('` + edit + ` input[value="` + ben.ID + `"]').checked === false`)
		c.do(chromedp.Click(edit + ` button[type=submit]`))
		c.js(`document.querySelector('[data-team="Support desk"] .team-members')?.textContent.trim() === 'Ana'`)
		ts := teams()
		if len(ts) != 1 || ts[0].Name != "Support desk" || !sameSet(ts[0].AgentIDs, anaID) {
			t.Fatalf("teams: %+v; want Support desk with Ana only", ts)
		}
		teamID = ts[0].ID

		// Another team is deleted.
		c.click("Add team")
		c.fill(form+` input[name=name]`, "Night shift")
		c.do(chromedp.Click(form + ` button[type=submit]`))
		c.js(`!!document.querySelector('[data-team="Night shift"]')`)
		c.do(chromedp.Click(`button[aria-label="Delete Night shift"]`))
		c.js(`!document.querySelector('[data-team="Night shift"]')`)
		if ts := teams(); len(ts) != 1 {
			t.Fatalf("teams: %+v; want only Support desk", ts)
		}
		browsertest.RequireAccessible(t, c.tab, "the teams page")
	})
	if teamID == "" {
		t.FailNow()
	}

	var queueID string
	t.Run("Queue", func(t *testing.T) {
		c := c.in(t)
		c.nav("admin/queues")
		c.js(`!!document.querySelector('[data-queue="Default"]') && !!document.querySelector('form[aria-label="Routing rules"]')`)
		// The default queue is always there, and has no Delete button.
		c.js(`document.querySelector('[data-queue="Default"]').textContent.includes('Default') && !document.querySelector('button[aria-label="Delete Default"]')`)
		browsertest.RequireAccessible(t, c.tab, "the queues page")
		c.click("Add queue")
		form := `form[aria-label="New queue"]`
		c.js(`!!document.querySelector('` + form + `')`)
		c.fill(form+` input[name=name]`, "Enterprise")
		c.pick(form+` select[name=team_id]`, "Support desk")
		c.js(`[...document.querySelectorAll('` + form + ` select[name=strategy] option')].map(o => o.textContent.split(' — ')[0]).join(', ') === 'Manual, Round robin, Least busy, Longest idle'`)
		c.pick(form+` select[name=strategy]`, "Round robin")
		c.fill(form+` input[name=capacity]`, "2")
		c.do(chromedp.Click(form + ` input[name=hours]`))
		c.js(`!!document.querySelector('` + form + ` input[name=time_zone]')`)
		browsertest.RequireAccessible(t, c.tab, "the new queue form with business hours")
		// Hours the console cannot read are refused before anything is sent.
		c.fill(form+` input[name=time_zone]`, "Mars/Olympus")
		c.fill(form+` input[name=day-1]`, "9 to 5")
		c.do(chromedp.Click(form + ` button[type=submit]`))
		c.js(`document.querySelector('` + form + ` .form-error')?.textContent.includes('Monday')`)
		if qs := queues(); len(qs) != 1 {
			t.Fatalf("queues: %+v; want only the default", qs)
		}
		// An unknown time zone is refused by the server, saying so; the
		// queue itself is saved, and saving again completes it.
		c.fill(form+` input[name=day-1]`, "09:00-12:00, 13:00-17:30")
		c.fill(form+` input[name=holidays]`, "2026-12-25")
		c.do(chromedp.Click(form + ` button[type=submit]`))
		c.js(`document.querySelector('` + form + ` .form-error')?.textContent.includes('time_zone')`)
		c.fill(form+` input[name=time_zone]`, "Europe/Berlin")
		c.do(chromedp.Click(form + ` button[type=submit]`))
		row := `document.querySelector('[data-queue="Enterprise"]')`
		c.js(row + `?.querySelector('.queue-strategy').textContent === 'Round robin'`)
		c.js(row + `.querySelector('.queue-team').textContent === 'Support desk' && ` + row + `.querySelector('.queue-capacity').textContent === '2 per agent'`)
		c.js(row + `.querySelector('.queue-hours').textContent.includes('Mon 09:00–12:00, 13:00–17:30') && ` + row + `.querySelector('.queue-hours').textContent.includes('Europe/Berlin')`)

		qs := queues()
		var q *apiQueue
		for i := range qs {
			if qs[i].Name == "Enterprise" {
				if q != nil {
					t.Fatalf("queues: %+v; want one Enterprise", qs)
				}
				q = &qs[i]
			}
		}
		if q == nil || q.TeamID != teamID || q.Strategy != "round_robin" || q.Capacity != 2 || q.Default || q.Hours == nil {
			t.Fatalf("queues: %+v; want Enterprise for the team, round robin, capacity 2, with hours", qs)
		}
		// Tuesday to Friday keep the form's 09:00-17:00; the weekend is closed.
		day := []parley.HoursInterval{{Start: "09:00", End: "17:00"}}
		want := [][]parley.HoursInterval{{}, {{Start: "09:00", End: "12:00"}, {Start: "13:00", End: "17:30"}}, day, day, day, day, {}}
		if q.Hours.TimeZone != "Europe/Berlin" || !reflect.DeepEqual(normalWeek(q.Hours.Weekly), want) || !reflect.DeepEqual(q.Hours.Holidays, []string{"2026-12-25"}) {
			t.Fatalf("business hours: %+v; want Monday 09:00-12:00, 13:00-17:30, Tuesday to Friday 09:00-17:00 in Europe/Berlin, closed on 2026-12-25", *q.Hours)
		}
		queueID = q.ID

		// A team a queue routes to cannot be deleted: the console says why.
		c.nav("admin/teams")
		c.do(chromedp.Click(`button[aria-label="Delete Support desk"]`))
		c.toast("Could not delete Support desk: A queue routes to this team")
		c.dismissToasts()
		if ts := teams(); len(ts) != 1 {
			t.Fatalf("teams: %+v; want Support desk kept", ts)
		}
	})
	if queueID == "" {
		t.FailNow()
	}

	t.Run("Rules", func(t *testing.T) {
		c := c.in(t)
		c.nav("admin/queues")
		rules := `form[aria-label="Routing rules"]`
		c.js(`document.querySelector('` + rules + `')?.textContent.includes('No rules')`)
		c.click("Add rule")
		c.pick(`[data-rule="0"] select[name=queue_id]`, "Default")
		c.fill(`[data-rule="0"] input[name=page_url_prefix]`, "https://shop.example.com/pricing")
		c.click("Add rule")
		c.js(`document.activeElement === document.querySelector('[data-rule="1"] select[name=queue_id]')`)
		c.pick(`[data-rule="1"] select[name=queue_id]`, "Enterprise")
		c.fill(`[data-rule="1"] input[name=attributes]`, "plan")
		browsertest.RequireAccessible(t, c.tab, "the routing rules with two rules")
		c.click("Save rules")
		c.js(`document.querySelector('` + rules + ` .form-error')?.textContent.includes('Rule 2')`)
		c.fill(`[data-rule="1"] input[name=attributes]`, "plan=enterprise")
		// The Enterprise rule goes first, and the focus stays on its buttons.
		c.press(`button[aria-label="Move up rule 2"]`)
		c.js(`document.querySelector('[data-rule="0"] select[name=queue_id]').selectedOptions[0].textContent === 'Enterprise'`)
		c.js(`document.activeElement === document.querySelector('[data-rule="0"] .move-down')`)
		// The other rule is removed.
		c.press(`button[aria-label="Remove rule 2"]`)
		c.js(`document.querySelectorAll('[data-rule]').length === 1`)
		c.click("Save rules")
		c.toast("The routing rules are saved.")
		c.dismissToasts()
		browsertest.Eval[bool](t, c.tab, `(() => { document.querySelector('.rules').scrollIntoView({block: 'end'}); return true; })()`)
		browsertest.Screenshot(t, c.tab, "console-queues")
		var got struct {
			Rules []struct {
				QueueID       string            `json:"queue_id"`
				InboxID       string            `json:"inbox_id"`
				Verified      *bool             `json:"verified"`
				Attributes    map[string]string `json:"attributes"`
				PageURLPrefix string            `json:"page_url_prefix"`
			} `json:"rules"`
		}
		c.getJSON("/api/v1/routing-rules", &got)
		if len(got.Rules) != 1 || got.Rules[0].QueueID != queueID || !reflect.DeepEqual(got.Rules[0].Attributes, map[string]string{"plan": "enterprise"}) ||
			got.Rules[0].InboxID != "" || got.Rules[0].Verified != nil || got.Rules[0].PageURLPrefix != "" {
			t.Fatalf("rules: %+v; want one: plan=enterprise to Enterprise", got.Rules)
		}
		// A queue a rule names cannot be deleted: the console says why.
		c.do(chromedp.Click(`button[aria-label="Delete Enterprise"]`))
		c.toast("Could not delete Enterprise: A routing rule names this queue")
		c.dismissToasts()
		browsertest.RequireAccessible(t, c.tab, "the queues page with a rule")
	})

	t.Run("Routed", func(t *testing.T) {
		c := c.in(t)
		// Outside its business hours a queue holds its conversations
		// (routing.md): open all week, so that this holds at any time.
		allDay := `[{"start": "00:00", "end": "24:00"}]`
		week := strings.TrimSuffix(strings.Repeat(allDay+", ", 7), ", ")
		if status, body := c.fetchBody("PUT", "/api/v1/queues/"+queueID+"/business-hours",
			`{"time_zone": "Europe/Berlin", "weekly": [`+week+`]}`); status != http.StatusOK {
			t.Fatalf("open the queue all week: %d %s", status, body)
		}
		// A visitor whose contact has plan=enterprise before the first
		// message lands in Enterprise, and the round robin gives the
		// conversation to Ana, the team's online agent.
		vip := newVisitor(t, srv, inboxID, "")
		conv, err := vip.api.Conversation(ctx, vip.convID)
		if err != nil {
			t.Fatal(err)
		}
		if status, body := c.fetchBody("PATCH", "/api/v1/contacts/"+conv.ContactID, `{"attributes": {"plan": "enterprise"}}`); status != http.StatusOK {
			t.Fatalf("set the contact's plan: %d %s", status, body)
		}
		vip.say(t, "We are a big customer")
		var got struct {
			QueueID    string `json:"queue_id"`
			Status     string `json:"status"`
			AssigneeID string `json:"assignee_id"`
		}
		browsertest.WaitFor(t, func() string {
			c.getJSON("/api/v1/conversations/"+vip.convID, &got)
			if got.QueueID != queueID || got.Status != "assigned" || got.AssigneeID != anaID {
				return "the conversation: " + got.QueueID + " " + got.Status + " " + got.AssigneeID
			}
			return ""
		})

		// Another visitor waits in the default queue; the administrator
		// transfers the conversation to the team from its view.
		guest := newVisitor(t, srv, inboxID, "Just looking")
		c.getJSON("/api/v1/conversations/"+guest.convID, &got)
		if got.QueueID == queueID || got.Status != "pending" {
			t.Fatalf("the guest's conversation: %+v; want pending in the default queue", got)
		}
		c.do(chromedp.Navigate(srv.URL + "/console/queue/" + guest.convID))
		sel := `select[aria-label="Transfer to a queue or team"]`
		c.js(`!!document.querySelector('` + sel + ` optgroup[label=Teams] option')`)
		browsertest.RequireAccessible(t, c.tab, "a waiting conversation with its transfer controls")
		c.choose("Transfer to a queue or team", "Support desk")
		c.toast("Moved to the team Support desk.")
		browsertest.WaitFor(t, func() string {
			c.getJSON("/api/v1/conversations/"+guest.convID, &got)
			if got.QueueID != queueID || got.AssigneeID != anaID {
				return "the guest's conversation: " + got.QueueID + " " + got.Status + " " + got.AssigneeID
			}
			return ""
		})
	})

	t.Run("EditQueue", func(t *testing.T) {
		c := c.in(t)
		// Renamed, another capacity, business hours off: always open.
		c.nav("admin/queues")
		c.do(chromedp.Click(`button[aria-label="Edit Enterprise"]`))
		form := `form[aria-label="Edit queue Enterprise"]`
		c.js(`document.querySelector('` + form + ` input[name=hours]')?.checked === true && document.querySelector('` + form + ` input[name=capacity]').value === '2'`)
		c.fill(form+` input[name=name]`, "Enterprise EU")
		c.fill(form+` input[name=capacity]`, "3")
		c.do(chromedp.Click(form + ` input[name=hours]`))
		c.js(`!document.querySelector('` + form + ` input[name=time_zone]')`)
		c.press(form + ` button[type=submit]`) // the form shrank: Enter, not a click at a stale place
		c.js(`document.querySelector('[data-queue="Enterprise EU"] .queue-hours')?.textContent === 'Always open'`)
		var q apiQueue
		c.getJSON("/api/v1/queues/"+queueID, &q)
		if q.Name != "Enterprise EU" || q.Capacity != 3 || q.Hours != nil || q.Strategy != "round_robin" || q.TeamID != teamID {
			t.Fatalf("queue: %+v; want Enterprise EU, capacity 3, always open, the rest unchanged", q)
		}
		// The conversation view's transfer offers the queue by its new name
		// without reloading the console.
		later := newVisitor(t, srv, inboxID, "Still there?")
		c.nav("queue")
		c.do(chromedp.Click(item(later.convID)))
		c.js(`[...document.querySelectorAll('select[aria-label="Transfer to a queue or team"] optgroup[label=Queues] option')].some(o => o.textContent === 'Enterprise EU')`)
	})

	// The refusals above are answers the console expects (409, 422);
	// anything else, such as an uncaught exception, is a failure.
	for _, e := range b.UnexpectedErrors() {
		if !strings.Contains(e, "Failed to load resource") {
			t.Errorf("browser error: %s", e)
		}
	}
}

// sameSet reports whether got holds exactly want, in any order.
func sameSet(got []string, want ...string) bool {
	if len(got) != len(want) {
		return false
	}
	seen := map[string]bool{}
	for _, g := range got {
		seen[g] = true
	}
	for _, w := range want {
		if !seen[w] {
			return false
		}
	}
	return true
}

// normalWeek turns a week's absent days into empty lists.
func normalWeek(w [][]parley.HoursInterval) [][]parley.HoursInterval {
	out := make([][]parley.HoursInterval, len(w))
	for i, d := range w {
		out[i] = append([]parley.HoursInterval{}, d...)
	}
	return out
}
