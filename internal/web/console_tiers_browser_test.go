package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/browsertest"
)

// TestConsoleTiers: an administrator gives the default queue two
// escalation tiers in the queue form; a waiting conversation shows its
// tier, is escalated to the next one with a reason from its view, and when
// a queue's last tier's time passes the administrator is told.
func TestConsoleTiers(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	c := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword)
	inboxID := srv.DemoInboxID(t)
	ben, _ := srv.CreateAgent(t, "ben@example.com", "Ben", parley.RoleAgent)
	cleo, _ := srv.CreateAgent(t, "cleo@example.com", "Cleo", parley.RoleAgent)
	for _, team := range []struct{ name, agent string }{{"Front", ben.ID}, {"Back", cleo.ID}} {
		if st, body := c.fetchBody("POST", "/api/v1/teams", `{"name": "`+team.name+`", "agent_ids": ["`+team.agent+`"]}`); st != 201 {
			t.Fatalf("create team: %d %s", st, body)
		}
	}
	var teams struct{ Items []apiTeam }
	c.getJSON("/api/v1/teams", &teams)
	teamID := map[string]string{}
	for _, x := range teams.Items {
		teamID[x.Name] = x.ID
	}

	c.nav("admin/queues")
	c.do(chromedp.Click(`button[aria-label="Edit Default"]`))
	form := `form[aria-label="Edit queue Default"]`
	c.pick(form+` select[name=team_id]`, "Front")
	c.do(chromedp.Click(form + ` input[name=tiers]`))
	c.js(`document.querySelectorAll('` + form + ` .tier-row').length === 2`)
	browsertest.RequireAccessible(t, c.tab, "the queue form with escalation tiers")
	c.fill(form+` input[name=tier-seconds-1]`, "90")
	c.pick(form+` select[name=tier-team-2]`, "Back")
	c.fill(form+` input[name=tier-seconds-2]`, "600")
	c.do(chromedp.Click(form + ` button[type=submit]`))
	c.js(`!document.querySelector('` + form + `')`)
	var qs struct {
		Items []struct {
			ID      string `json:"id"`
			Default bool   `json:"default"`
			TeamID  string `json:"team_id"`
			Tiers   []struct {
				TeamID  string `json:"team_id"`
				Seconds int    `json:"seconds"`
			} `json:"tiers"`
		}
	}
	c.getJSON("/api/v1/queues", &qs)
	var queueID string
	for _, q := range qs.Items {
		if q.Default {
			queueID = q.ID
			if q.TeamID != teamID["Front"] || len(q.Tiers) != 2 || q.Tiers[0].Seconds != 90 ||
				q.Tiers[1].TeamID != teamID["Back"] || q.Tiers[1].Seconds != 600 {
				t.Fatalf("default queue: %+v; want Front for 90 s, then Back for 600 s", q)
			}
		}
	}

	// A waiting conversation is in tier 1; escalated with a reason, tier 2.
	v := newVisitor(t, srv, inboxID, "I want a refund")
	c.do(chromedp.Navigate(srv.URL + "/console/queue/" + v.convID))
	c.js(`document.querySelector('.tier-badge')?.textContent === 'Tier 1 of 2'`)
	c.click("Escalate")
	c.fill(`form[aria-label="Escalate to the next tier"] input[name=reason]`, "Refunds are for the back office")
	browsertest.RequireAccessible(t, c.tab, "a conversation with the escalation form open")
	c.click("Escalate to tier 2")
	c.toast("Escalated to tier 2.")
	c.js(`document.querySelector('.tier-badge')?.textContent === 'Tier 2 of 2'`)
	c.js(`![...document.querySelectorAll('.conv-actions button')].some(b => b.textContent === 'Escalate')`)
	var got struct {
		Tier   int    `json:"tier"`
		Status string `json:"status"`
	}
	c.getJSON("/api/v1/conversations/"+v.convID, &got)
	if got.Tier != 2 || got.Status != "pending" {
		t.Fatalf("escalated conversation: %+v; want pending in tier 2", got)
	}

	// With a second in each tier, the last tier's time passes at once:
	// the administrator is told, and the conversation is marked.
	if st, body := c.fetchBody("PATCH", "/api/v1/queues/"+queueID,
		`{"tiers": [{"seconds": 1}, {"team_id": "`+teamID["Back"]+`", "seconds": 1}]}`); st != 200 {
		t.Fatalf("short tiers: %d %s", st, body)
	}
	late := newVisitor(t, srv, inboxID, "Anyone?")
	c.toast("has waited past the last tier")
	c.do(chromedp.Navigate(srv.URL + "/console/queue/" + late.convID))
	c.js(`!!document.querySelector('.overdue-badge')`)

	for _, e := range b.UnexpectedErrors() {
		if !strings.Contains(e, "Failed to load resource") {
			t.Errorf("browser error: %s", e)
		}
	}
}
