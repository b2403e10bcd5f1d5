package web_test

// Browser tests of one person on several devices (PARLEY_TEST_BROWSER=1):
// each device is a separate browser context on the demo page. The widget
// follows its contact's feed, so a conversation started on one device
// appears live on the others, with its messages, unread count and status —
// also after a reconnect — and never on another visitor's.

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/browsertest"
)

// widgetSummary is an item of Parley.conversations().
type widgetSummary struct {
	ID          string `json:"id"`
	Status      string `json:"status"`
	Unread      int    `json:"unread"`
	LastMessage *struct {
		Body   string `json:"body"`
		Sender string `json:"sender"`
	} `json:"last_message"`
}

// widgetConversations is Parley.conversations() in tab.
func widgetConversations(t *testing.T, tab context.Context) []widgetSummary {
	t.Helper()
	return browsertest.Eval[[]widgetSummary](t, tab, `Parley.conversations()`)
}

// waitWidgetConversation waits until Parley.conversations() in tab lists the
// conversation id and ok accepts it.
func waitWidgetConversation(t *testing.T, tab context.Context, id string, ok func(widgetSummary) bool) {
	t.Helper()
	browsertest.WaitFor(t, func() string {
		got := widgetConversations(t, tab)
		for _, s := range got {
			if s.ID == id && ok(s) {
				return ""
			}
		}
		return fmt.Sprintf("Parley.conversations() = %+v, waiting for %s", got, id)
	})
}

// ids is the conversations' ids.
func summaryIDs(list []widgetSummary) []string {
	var out []string
	for _, s := range list {
		out = append(out, s.ID)
	}
	return out
}

// widgetListItems is the text of the items of the widget's conversation list.
func widgetListItems(t *testing.T, tab context.Context) []string {
	t.Helper()
	return browsertest.Eval[[]string](t, tab, `[...`+shadow+`.querySelectorAll('.list .conv-item')].map(e => e.textContent)`)
}

// waitWidgetListItem waits until an item of the widget's conversation list
// contains every one of texts.
func waitWidgetListItem(t *testing.T, tab context.Context, texts ...string) {
	t.Helper()
	browsertest.WaitFor(t, func() string {
		items := widgetListItems(t, tab)
		for _, item := range items {
			all := true
			for _, s := range texts {
				all = all && strings.Contains(item, s)
			}
			if all {
				return ""
			}
		}
		return fmt.Sprintf("the list shows %q, waiting for an item with %q", items, texts)
	})
}

// loginDemoUser opens the demo page in tab and logs in as the demo user.
func loginDemoUser(t *testing.T, tab context.Context, srv *browsertest.Server) {
	t.Helper()
	openDemo(t, tab, srv)
	browsertest.Eval[bool](t, tab, `document.getElementById('demo-login').click(), true`)
	browsertest.WaitJS(t, tab, `document.getElementById('demo-status').textContent.includes('Demo User')`)
}

// widgetStartConversation starts a conversation with Parley.startConversation() in
// tab and writes first in it; it returns the conversation's id.
func widgetStartConversation(t *testing.T, tab context.Context, first string) string {
	t.Helper()
	id := browsertest.Eval[string](t, tab, `Parley.startConversation()`)
	browsertest.WaitJS(t, tab, shadow+`.querySelector('.panel.open') && `+shadow+`.activeElement?.tagName === 'TEXTAREA' && !`+shadow+`.querySelector('.msg:not(.greeting)')`)
	write(t, tab, first)
	browsertest.WaitJS(t, tab, shadow+`.querySelector('.msg.me[data-seq="1"]')`)
	return id
}

// closeWidget closes the widget with Escape.
func closeWidget(t *testing.T, tab context.Context) {
	t.Helper()
	browsertest.Do(t, tab, chromedp.KeyEvent(kb.Escape))
	browsertest.WaitJS(t, tab, `!`+shadow+`.querySelector('.panel.open')`)
}

// widgetBadge is the number on the launcher's badge, "" when hidden.
func widgetBadge(t *testing.T, tab context.Context) string {
	t.Helper()
	return browsertest.Eval[string](t, tab, `(() => { const b = `+shadow+`.querySelector('.launcher .badge'); return b && !b.hidden ? b.textContent : '' })()`)
}

// The demo user on a laptop (A) and a phone (B): what B starts, A sees live.
func TestWidgetOnSeveralDevices(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	agent, ac := srv.CreateAgent(t, "ann@example.com", "Ann Lee", parley.RoleAgent)
	ctx := t.Context()

	laptop := b.NewTab(t)
	beforePageScripts(t, laptop, recordEvents)
	loginDemoUser(t, laptop, srv)
	openChat(t, laptop)
	write(t, laptop, "Written on my laptop")
	browsertest.WaitJS(t, laptop, shadow+`.querySelector('.msg.me[data-seq="1"]')`)
	first := browsertest.Eval[string](t, laptop, `Parley.conversations().then((l) => l[0].id)`)

	phone := b.NewTab(t)
	loginDemoUser(t, phone, srv)
	waitWidgetConversation(t, phone, first, func(widgetSummary) bool { return true })

	var second string
	t.Run("StartedElsewhereAppears", func(t *testing.T) {
		second = widgetStartConversation(t, phone, "Written on my phone")
		if second == first {
			t.Fatalf("the phone's new conversation is the laptop's %s", first)
		}
		// The laptop, still showing its conversation, learns of it live…
		waitWidgetConversation(t, laptop, second, func(s widgetSummary) bool {
			return s.LastMessage != nil && s.LastMessage.Body == "Written on my phone" && s.LastMessage.Sender == "contact"
		})
		if got := widgetConversations(t, laptop); len(got) != 2 || got[0].ID != second || got[1].ID != first {
			t.Errorf("the laptop's Parley.conversations() = %+v, want %s then %s", got, second, first)
		}
		// …and shows a way back to its list, where both are.
		browsertest.WaitJS(t, laptop, shadow+`.querySelector('.back')`)
		browsertest.Eval[bool](t, laptop, shadow+`.querySelector('.back').click(), true`)
		browsertest.WaitJS(t, laptop, shadow+`.querySelectorAll('.list .conv-item').length === 2`)
		waitWidgetListItem(t, laptop, "Written on my phone")
		waitWidgetListItem(t, laptop, "Written on my laptop")
		// The list follows the new conversation's messages live.
		write(t, phone, "One more thing")
		waitWidgetListItem(t, laptop, "One more thing")
		// conversation_started stays the event of the device that started one.
		if got := events[startedEvent](t, laptop, "conversation_started"); len(got) != 1 || got[0].ID != first {
			t.Errorf("the laptop's conversation_started events %+v, want only its own %s", got, first)
		}
	})

	t.Run("ReplyCountsUnread", func(t *testing.T) {
		closeWidget(t, laptop)
		if _, err := ac.Assign(ctx, second, agent.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := ac.SendMessage(ctx, second, client.SendInput{Body: "Hello on the phone's conversation"}); err != nil {
			t.Fatal(err)
		}
		browsertest.WaitFor(t, func() string {
			if got := widgetBadge(t, laptop); got != "1" {
				return fmt.Sprintf("the laptop's badge %q, want 1", got)
			}
			return ""
		})
		waitWidgetConversation(t, laptop, second, func(s widgetSummary) bool { return s.Unread == 1 })
		if n := browsertest.Eval[int](t, laptop, `Parley.unreadCount()`); n != 1 {
			t.Errorf("the laptop's Parley.unreadCount() = %d, want 1", n)
		}
		type message struct {
			ConversationID string         `json:"conversation_id"`
			Message        client.Message `json:"message"`
		}
		if got := events[message](t, laptop, "message"); len(got) != 1 || got[0].ConversationID != second || got[0].Message.Body != "Hello on the phone's conversation" {
			t.Errorf("the laptop's message events %+v, want the reply", got)
		}

		// Opening it on the laptop shows its whole history and reads it.
		browsertest.Eval[bool](t, laptop, shadow+`.querySelector('.launcher').click(), true`)
		waitWidgetListItem(t, laptop, "Hello on the phone's conversation", "1")
		browsertest.Eval[bool](t, laptop, `[...`+shadow+`.querySelectorAll('.list .conv-item')].find((e) => e.textContent.includes('Hello on the phone')).click(), true`)
		waitText(t, laptop, "Hello on the phone's conversation")
		if got := logText(t, laptop); !strings.Contains(got, "Written on my phone") || !strings.Contains(got, "One more thing") || strings.Contains(got, "Written on my laptop") {
			t.Errorf("the laptop shows %q", got)
		}
		browsertest.WaitJS(t, laptop, `Parley.unreadCount() === 0`)
	})

	t.Run("StatusChangesLive", func(t *testing.T) {
		browsertest.Eval[bool](t, laptop, shadow+`.querySelector('.back').click(), true`)
		browsertest.WaitJS(t, laptop, shadow+`.querySelectorAll('.list .conv-item').length === 2`)
		if _, err := ac.Resolve(ctx, second); err != nil {
			t.Fatal(err)
		}
		waitWidgetConversation(t, laptop, second, func(s widgetSummary) bool { return s.Status == "resolved" })
		waitWidgetListItem(t, laptop, "Hello on the phone's conversation", "Resolved")
		if _, err := ac.Reopen(ctx, second); err != nil {
			t.Fatal(err)
		}
		waitWidgetConversation(t, laptop, second, func(s widgetSummary) bool { return s.Status != "resolved" })
		browsertest.WaitFor(t, func() string {
			for _, item := range widgetListItems(t, laptop) {
				if strings.Contains(item, "Resolved") {
					return fmt.Sprintf("the list still shows %q", item)
				}
			}
			return ""
		})
	})

	t.Run("AfterReconnect", func(t *testing.T) {
		// Started while the laptop is offline: it catches up on reconnecting.
		cdpCall(t, laptop, network.Enable, network.EnableParams{})
		setOffline(t, laptop, true)
		browsertest.WaitJS(t, laptop, shadow+`.querySelector('.status')`)
		third := widgetStartConversation(t, phone, "Written while the laptop was offline")
		setOffline(t, laptop, false)
		waitWidgetConversation(t, laptop, third, func(s widgetSummary) bool {
			return s.LastMessage != nil && s.LastMessage.Body == "Written while the laptop was offline"
		})
		browsertest.WaitJS(t, laptop, `!`+shadow+`.querySelector('.status')`)
		// The laptop follows the feed again: the next one arrives live.
		fourth := widgetStartConversation(t, phone, "Written after the laptop came back")
		waitWidgetConversation(t, laptop, fourth, func(s widgetSummary) bool {
			return s.LastMessage != nil && s.LastMessage.Body == "Written after the laptop came back"
		})
		waitWidgetListItem(t, laptop, "Written after the laptop came back")
		if got := widgetConversations(t, laptop); len(got) != 4 {
			t.Errorf("the laptop lists %d conversations, want 4: %+v", len(got), got)
		}
	})

	// Pages log failed requests while offline; nothing else is an error.
	for _, e := range b.UnexpectedErrors() {
		if !strings.Contains(e, "ERR_INTERNET_DISCONNECTED") && !strings.Contains(e, "WebSocket") {
			t.Errorf("browser error: %s", e)
		}
	}
}

// A guest's conversations follow the guest's session to another device
// (here: its token in a second browser), and never reach another guest.
func TestWidgetGuestDevices(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	inboxID := srv.DemoInboxID(t)
	agent, ac := srv.CreateAgent(t, "ann@example.com", "Ann Lee", parley.RoleAgent)
	ctx := t.Context()
	guest := func(first string) (context.Context, string) {
		t.Helper()
		tab := b.NewTab(t)
		openDemo(t, tab, srv)
		openChat(t, tab)
		write(t, tab, first)
		browsertest.WaitJS(t, tab, shadow+`.querySelector('.msg.me[data-seq="1"]')`)
		return tab, browsertest.Eval[string](t, tab, `Parley.conversations().then((l) => l[0].id)`)
	}
	one, oneFirst := guest("Guest one here")
	two, twoFirst := guest("Guest two here")

	// Guest one's session on a second device.
	other := b.NewTab(t)
	openDemo(t, other, srv)
	browsertest.Eval[bool](t, other, `localStorage.setItem('parley:`+inboxID+`', `+jsString(`{"token":"`+visitorToken(t, one, inboxID)+`","expires_at":"2100-01-01T00:00:00Z"}`)+`), true`)
	browsertest.Do(t, other, chromedp.Reload())
	waitWidgetConversation(t, other, oneFirst, func(widgetSummary) bool { return true })

	var oneSecond string
	t.Run("SameGuestSeesIt", func(t *testing.T) {
		oneSecond = widgetStartConversation(t, other, "Guest one, second device")
		waitWidgetConversation(t, one, oneSecond, func(s widgetSummary) bool {
			return s.LastMessage != nil && s.LastMessage.Body == "Guest one, second device"
		})
	})

	t.Run("NoOtherGuests", func(t *testing.T) {
		// Guest two starts another conversation and is answered in both…
		twoSecond := widgetStartConversation(t, two, "Guest two, again")
		for _, id := range []string{twoFirst, twoSecond} {
			if _, err := ac.Assign(ctx, id, agent.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := ac.SendMessage(ctx, id, client.SendInput{Body: "Reply to guest two"}); err != nil {
				t.Fatal(err)
			}
		}
		// …then guest one is answered, which it sees on both devices.
		if _, err := ac.Assign(ctx, oneSecond, agent.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := ac.SendMessage(ctx, oneSecond, client.SendInput{Body: "Reply to guest one"}); err != nil {
			t.Fatal(err)
		}
		for _, tab := range []context.Context{one, other} {
			waitWidgetConversation(t, tab, oneSecond, func(s widgetSummary) bool {
				return s.LastMessage != nil && s.LastMessage.Body == "Reply to guest one"
			})
			got := summaryIDs(widgetConversations(t, tab))
			if len(got) != 2 || got[0] != oneSecond || got[1] != oneFirst {
				t.Errorf("guest one lists %q, want %s then %s", got, oneSecond, oneFirst)
			}
		}
		waitWidgetConversation(t, two, twoSecond, func(s widgetSummary) bool {
			return s.LastMessage != nil && s.LastMessage.Body == "Reply to guest two"
		})
		if got := summaryIDs(widgetConversations(t, two)); len(got) != 2 || got[0] != twoSecond || got[1] != twoFirst {
			t.Errorf("guest two lists %q, want %s then %s", got, twoSecond, twoFirst)
		}
	})
	noBrowserErrors(t, b)
}
