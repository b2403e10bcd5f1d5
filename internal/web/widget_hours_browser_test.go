package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/browsertest"
	"github.com/parleychat/parley/internal/config"
)

// Outside the queue's business hours the widget says when the team is
// back, in the visitor's time zone, and offers the form to leave a
// message even with an agent online; the message queues the conversation,
// marked outside_hours.
func TestWidgetClosedOutsideBusinessHours(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t, func(c *config.Config) { c.PresenceGrace = 10 * time.Minute })
	ctx := t.Context()
	inboxID := srv.DemoInboxID(t)
	_, agentClient := srv.CreateAgent(t, "ann@example.com", "Ann Lee", parley.RoleAgent)
	if err := agentClient.SetPresence(ctx, "online"); err != nil {
		t.Fatal(err)
	}
	// Open all day, every day, but today and tomorrow (UTC) are holidays:
	// the queue opens the day after tomorrow at 00:00 UTC, whatever the day.
	now := time.Now().UTC()
	hours := parley.BusinessHours{TimeZone: "UTC", Holidays: []string{now.Format(time.DateOnly), now.AddDate(0, 0, 1).Format(time.DateOnly)}}
	for d := range hours.Weekly {
		hours.Weekly[d] = []parley.HoursInterval{{Start: "00:00", End: "24:00"}}
	}
	q, err := srv.App.Store.InboxQueue(ctx, srv.WorkspaceID, inboxID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.App.Store.UpdateQueue(ctx, parley.SystemActor, srv.WorkspaceID, q.ID, parley.QueueUpdate{Hours: &hours}); err != nil {
		t.Fatal(err)
	}
	opens, _ := hours.NextOpen(now)
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	back := opens.In(ny) // 19:00 or 20:00 the day before, in New York

	tab := b.NewTab(t)
	cdpCall(t, tab, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: "America/New_York"})
	openDemo(t, tab, srv)
	openChat(t, tab)
	browsertest.WaitJS(t, tab, shadow+`.querySelector('form.composer.leave .leave-back')`)
	said := browsertest.Eval[string](t, tab, shadow+`.querySelector('.leave-back').textContent`)
	hour := fmt.Sprintf("%d:00", (back.Hour()+11)%12+1) // a 12-hour clock (en-US) …
	if !strings.Contains(said, "AM") && !strings.Contains(said, "PM") {
		hour = fmt.Sprintf("%02d:00", back.Hour()) // … or a 24-hour one (en-GB)
	}
	if !strings.HasPrefix(said, "We are closed right now. We are back on "+back.Weekday().String()) || !strings.Contains(said, hour) {
		t.Errorf("the widget says %q; want it back on %s at %s (New York time)", said, back.Weekday(), hour)
	}
	if !leaveForm(t, tab) {
		t.Error("outside business hours, the composer is not the form to leave a message")
	}
	browsertest.RequireAccessible(t, tab, "the form to leave a message while closed")
	write(t, tab, "Please call me back.")
	browsertest.WaitJS(t, tab, shadow+`.querySelector('.msg.me[data-seq="1"]')`)
	conv := pendingConversation(t, srv.Admin, inboxID)
	got, err := srv.App.Store.FindConversation(ctx, srv.WorkspaceID, conv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.OutsideHours || got.Status != parley.StatusPending {
		t.Errorf("conversation left while closed: status %s, outside_hours %v", got.Status, got.OutsideHours)
	}
	noBrowserErrors(t, b)
}
