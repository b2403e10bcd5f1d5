package web_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/browsertest"
)

// TestConsoleQueueOffersLoadsHours: an administrator sets a queue's offer
// mode, its time to accept and its offline return on the Queues page (in
// their own fieldset) and turns offer mode off again; the conversation
// view's Assign menu shows each agent's load next to its capacity; and a
// conversation left while its queue was closed says so in the list and in
// its view.
func TestConsoleQueueOffersLoadsHours(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	c := openConsole(t, b, srv, srv.AdminEmail, browsertest.AdminPassword)
	ctx := t.Context()
	inboxID := srv.DemoInboxID(t)
	type offerQueue struct {
		ID                   string `json:"id"`
		Name                 string `json:"name"`
		OfferMode            bool   `json:"offer_mode"`
		OfferTimeoutSeconds  int    `json:"offer_timeout_seconds"`
		OfflineReturnSeconds int    `json:"offline_return_seconds"`
	}
	find := func(name string) offerQueue {
		var l struct{ Items []offerQueue }
		c.getJSON("/api/v1/queues", &l)
		for _, q := range l.Items {
			if q.Name == name {
				return q
			}
		}
		t.Fatalf("no queue %s in %+v", name, l.Items)
		return offerQueue{}
	}

	t.Run("Offers", func(t *testing.T) {
		c := c.in(t)
		c.nav("admin/queues")
		c.click("Add queue")
		form := `form[aria-label="New queue"]`
		c.js(`!!document.querySelector('` + form + ` fieldset.queue-offers-edit input[name=offer_mode]')`)
		c.fill(form+` input[name=name]`, "Sales")
		c.do(chromedp.Click(form + ` input[name=offer_mode]`))
		c.js(`!!document.querySelector('` + form + ` input[name=offer_timeout_seconds]')`)
		browsertest.RequireAccessible(t, c.tab, "the new queue form with offer mode")
		c.fill(form+` input[name=offer_timeout_seconds]`, "45")
		c.fill(form+` input[name=offline_return_seconds]`, "300")
		c.do(chromedp.Click(form + ` button[type=submit]`))
		c.js(`document.querySelector('[data-queue="Sales"] .queue-offer')?.textContent === 'Offered, 45 s to accept'`)
		if q := find("Sales"); !q.OfferMode || q.OfferTimeoutSeconds != 45 || q.OfflineReturnSeconds != 300 {
			t.Fatalf("queue: %+v; want offer mode, 45 s, back after 300 s", q)
		}
		// Offer mode off; the offline return kept.
		c.do(chromedp.Click(`button[aria-label="Edit Sales"]`))
		edit := `form[aria-label="Edit queue Sales"]`
		c.js(`document.querySelector('` + edit + ` input[name=offer_mode]')?.checked === true && document.querySelector('` + edit + ` input[name=offline_return_seconds]').value === '300'`)
		c.do(chromedp.Click(edit + ` input[name=offer_mode]`))
		c.js(`!document.querySelector('` + edit + ` input[name=offer_timeout_seconds]')`)
		c.press(edit + ` button[type=submit]`)
		c.toast("Sales is saved.")
		c.js(`!!document.querySelector('[data-queue="Sales"]') && !document.querySelector('[data-queue="Sales"] .queue-offer') && !document.querySelector('` + edit + `')`)
		if q := find("Sales"); q.OfferMode || q.OfflineReturnSeconds != 300 {
			t.Fatalf("queue: %+v; want no offer mode, back after 300 s", q)
		}
	})

	t.Run("LoadsAndHours", func(t *testing.T) {
		c := c.in(t)
		ann, _ := srv.CreateAgent(t, "ann@example.com", "Ann", parley.RoleAgent)
		three := 3
		if _, err := srv.App.Store.UpdateAgent(ctx, parley.SystemActor, srv.WorkspaceID, ann.ID, parley.AgentUpdate{Capacity: &three}); err != nil {
			t.Fatal(err)
		}
		held := newVisitor(t, srv, inboxID, "Hello")
		if _, _, err := srv.App.Store.AssignConversation(ctx, srv.WorkspaceID, held.convID, ann.ID, parley.Participant{Type: parley.ParticipantSystem}); err != nil {
			t.Fatal(err)
		}
		// The default queue is closed today and tomorrow (holidays).
		q, err := srv.App.Store.InboxQueue(ctx, srv.WorkspaceID, inboxID)
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now().UTC()
		hours := parley.BusinessHours{TimeZone: "UTC", Holidays: []string{now.Format(time.DateOnly), now.AddDate(0, 0, 1).Format(time.DateOnly)}}
		if _, err := srv.App.Store.UpdateQueue(ctx, parley.SystemActor, srv.WorkspaceID, q.ID, parley.QueueUpdate{Hours: &hours}); err != nil {
			t.Fatal(err)
		}
		late := newVisitor(t, srv, inboxID, "Anyone at night?")
		c.nav("queue")
		c.js(`document.querySelector('` + item(late.convID) + ` .conv-meta')?.textContent.includes('outside hours')`)
		c.do(chromedp.Click(item(late.convID)))
		c.js(`document.querySelector('[data-outside-hours]')?.textContent === 'Left outside business hours'`)
		c.choose("Assign to", "Ann — 1/3 open")
		c.js(`[...document.querySelectorAll('select[aria-label="Assign to"] option')].length === 0`)
		browsertest.WaitFor(t, func() string {
			var got struct {
				AssigneeID string `json:"assignee_id"`
			}
			c.getJSON("/api/v1/conversations/"+late.convID, &got)
			if got.AssigneeID != ann.ID {
				return "the late conversation's assignee: " + got.AssigneeID
			}
			return ""
		})
	})
	noBrowserErrors(t, b)
}
