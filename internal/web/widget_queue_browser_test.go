package web_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/browsertest"
	"github.com/parleychat/parley/internal/config"
)

const leaveText = "Leave a message and we will get back to you."

// queueLine is the text of the widget's queue line: the visitor's place
// in line, or the agent who holds the conversation.
func queueLine(t *testing.T, tab context.Context, part string) string {
	t.Helper()
	return browsertest.Eval[string](t, tab, `(`+shadow+`?.querySelector('.queue[role="status"] .`+part+`')?.textContent) || ''`)
}

// waitQueueLine waits until the queue line's part says want.
func waitQueueLine(t *testing.T, tab context.Context, part, want string) {
	t.Helper()
	browsertest.WaitFor(t, func() string {
		if got := queueLine(t, tab, part); got != want {
			return fmt.Sprintf("the widget's queue line (%s) says %q, want %q", part, got, want)
		}
		return ""
	})
}

// leaveForm reports whether the widget's composer is the form to leave a
// message.
func leaveForm(t *testing.T, tab context.Context) bool {
	t.Helper()
	return browsertest.Eval[bool](t, tab, `(() => { const f = `+shadow+`?.querySelector('form.composer.leave');
		return !!f && f.querySelector('.leave-intro')?.textContent === `+jsString(leaveText)+` &&
			f.querySelector('textarea').placeholder === 'Your message…' })()`)
}

// Three visitors wait in the demo inbox's queue (manual: agents take
// conversations themselves). The third one's widget says they are number 3
// in line; as the agent takes the first two, it says 2, then 1 (asked
// again every 10 s, since others leaving the queue send this visitor no
// event); once the agent takes theirs, the widget names the agent.
func TestWidgetQueuePosition(t *testing.T) {
	b := browsertest.NewBrowser(t)
	// The agent goes online over the API, for longer than the test.
	srv := browsertest.StartServer(t, func(c *config.Config) { c.PresenceGrace = 10 * time.Minute })
	ctx := t.Context()
	agent, agentClient := srv.CreateAgent(t, "ann@example.com", "Ann Lee", parley.RoleAgent)
	if err := agentClient.SetPresence(ctx, "online"); err != nil {
		t.Fatal(err)
	}

	var tabs []context.Context
	var convs []string
	for i := range 3 {
		tab := b.NewTab(t)
		openDemo(t, tab, srv)
		openChat(t, tab)
		write(t, tab, fmt.Sprintf("Visitor %d here, anyone?", i+1))
		browsertest.WaitJS(t, tab, shadow+`.querySelector('.msg.me[data-seq="1"]')`)
		id := browsertest.Eval[string](t, tab, `Parley.conversations().then((l) => l[0].id)`)
		// Each waits from its first message: wait for it to be in line
		// before the next visitor writes, so that the order is theirs.
		waitQueueLine(t, tab, "position", fmt.Sprintf("You are number %d in line", i+1))
		tabs, convs = append(tabs, tab), append(convs, id)
	}
	third := tabs[2]
	if got := queueLine(t, third, "wait"); got != "" {
		t.Errorf("with no conversation assigned yet, the widget expects a wait: %q", got)
	}
	if leaveForm(t, third) {
		t.Error("with an agent online and under capacity, the widget offers the form to leave a message")
	}
	browsertest.RequireAccessible(t, third, "the widget of a visitor waiting in line")

	for i, want := range []string{"You are number 2 in line", "You are number 1 in line"} {
		if _, err := agentClient.Assign(ctx, convs[i], agent.ID); err != nil {
			t.Fatalf("take conversation %d: %v", i+1, err)
		}
		waitQueueLine(t, third, "position", want)
		// Now that conversations were assigned, the queue has a mean wait.
		browsertest.WaitJS(t, third, `(`+shadow+`.querySelector('.queue .wait')?.textContent || '').startsWith('Expected wait: ')`)
		// The first visitor's widget names the agent who took it.
		if i == 0 {
			waitQueueLine(t, tabs[0], "agent", "You are chatting with Ann Lee")
		}
	}
	if _, err := agentClient.Assign(ctx, convs[2], agent.ID); err != nil {
		t.Fatal(err)
	}
	waitQueueLine(t, third, "agent", "You are chatting with Ann Lee")
	if got := queueLine(t, third, "position"); got != "" {
		t.Errorf("once assigned, the widget still says %q", got)
	}
	noBrowserErrors(t, b)
}

// While nobody could take a chat — no agent online, or every one of the
// queue's agents at capacity — the widget's composer is a form to leave a
// message; what the visitor leaves waits in the queue.
func TestWidgetMessageFormWhenNoAgentAvailable(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t, func(c *config.Config) { c.PresenceGrace = 10 * time.Minute })
	ctx := t.Context()
	inboxID := srv.DemoInboxID(t)
	first := b.NewTab(t)

	t.Run("NobodyOnline", func(t *testing.T) {
		openDemo(t, first, srv)
		openChat(t, first)
		browsertest.WaitJS(t, first, shadow+`.querySelector('form.composer.leave')`)
		if !leaveForm(t, first) {
			t.Error("with no agent online, the composer is not the form to leave a message")
		}
		browsertest.RequireAccessible(t, first, "the form to leave a message")
		write(t, first, "Please call me back.")
		browsertest.WaitJS(t, first, shadow+`.querySelector('.msg.me[data-seq="1"]')`)
		pendingConversation(t, srv.Admin, inboxID)
	})

	t.Run("EveryAgentAtCapacity", func(t *testing.T) {
		agent, agentClient := srv.CreateAgent(t, "ann@example.com", "Ann Lee", parley.RoleAgent)
		if err := agentClient.SetPresence(ctx, "online"); err != nil {
			t.Fatal(err)
		}
		// Ann came: the first visitor's open widget takes the form away
		// live, while the conversation still waits.
		browsertest.WaitJS(t, first, `!`+shadow+`.querySelector('form.composer.leave')`)
		waitQueueLine(t, first, "position", "You are number 1 in line")
		conv := pendingConversation(t, srv.Admin, inboxID)
		if _, err := agentClient.Assign(ctx, conv.ID, agent.ID); err != nil {
			t.Fatal(err)
		}
		one := 1
		if _, err := srv.App.Store.UpdateAgent(ctx, parley.SystemActor, srv.WorkspaceID, agent.ID, parley.AgentUpdate{Capacity: &one}); err != nil {
			t.Fatal(err)
		}
		// The first visitor is chatting with Ann: a plain composer.
		waitQueueLine(t, first, "agent", "You are chatting with Ann Lee")
		if leaveForm(t, first) {
			t.Error("the visitor chatting with an agent is offered the form to leave a message")
		}
		// A second visitor: Ann is online, so the header says so, but she
		// is at capacity, so the composer is the form to leave a message.
		second := b.NewTab(t)
		openDemo(t, second, srv)
		openChat(t, second)
		browsertest.WaitJS(t, second, `(`+shadow+`.querySelector('.head .sub')?.textContent) === `+jsString(onlineText))
		browsertest.WaitJS(t, second, shadow+`.querySelector('form.composer.leave')`)
		if !leaveForm(t, second) {
			t.Error("with every agent at capacity, the composer is not the form to leave a message")
		}
	})
	noBrowserErrors(t, b)
}
