package web_test

// Browser tests of the widget's features beyond the first chat
// (PARLEY_TEST_BROWSER=1): typing indicators both ways, read receipts,
// attachments both ways, several conversations, the offline state, the
// unread badge, reconnecting without losing or repeating a message,
// keyboard use, German and French, and the events of the JS API. The agent
// side is driven through the Go client; assertions are on what the visitor
// sees in the widget's DOM and what the agent receives.

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/client"
	"github.com/parleychat/parley/internal/browsertest"
	"github.com/parleychat/parley/internal/config"
)

// widgetChat is a visitor on the demo page who has written once, and the
// agent who took the conversation.
type widgetChat struct {
	srv     *browsertest.Server
	b       *browsertest.Browser
	tab     context.Context
	inboxID string
	agent   *client.Agent
	ac      *client.Client // logged in as agent
	conv    client.Conversation
}

// startChat opens the widget on the demo page, writes first, and has an
// agent take the conversation.
func startChat(t *testing.T, first string, modify ...func(*config.Config)) *widgetChat {
	t.Helper()
	c := &widgetChat{b: browsertest.NewBrowser(t), srv: browsertest.StartServer(t, modify...)}
	c.inboxID = c.srv.DemoInboxID(t)
	c.agent, c.ac = c.srv.CreateAgent(t, "ann@example.com", "Ann Lee", parley.RoleAgent)
	c.tab = c.b.NewTab(t)
	openDemo(t, c.tab, c.srv)
	openChat(t, c.tab)
	write(t, c.tab, first)
	browsertest.WaitJS(t, c.tab, shadow+`.querySelector('.msg.me[data-seq="1"]')`)
	c.conv = pendingConversation(t, c.srv.Admin, c.inboxID)
	if _, err := c.ac.Assign(t.Context(), c.conv.ID, c.agent.ID); err != nil {
		t.Fatalf("take the conversation: %v", err)
	}
	return c
}

// reply sends a message as the agent.
func (c *widgetChat) reply(t *testing.T, body string) *client.Message {
	t.Helper()
	res, err := c.ac.SendMessage(t.Context(), c.conv.ID, client.SendInput{Body: body})
	if err != nil {
		t.Fatalf("agent sends %q: %v", body, err)
	}
	return &res.Message
}

// noBrowserErrors fails the test for console errors and uncaught
// exceptions of the pages.
func noBrowserErrors(t *testing.T, b *browsertest.Browser) {
	t.Helper()
	for _, e := range b.UnexpectedErrors() {
		t.Errorf("browser error: %s", e)
	}
}

// agentConn connects as the agent and follows the conversation.
func agentConn(t *testing.T, c *client.Client, conversationID string) *client.Conn {
	t.Helper()
	conn, err := c.Connect(t.Context())
	if err != nil {
		t.Fatalf("agent connects: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	if _, err := conn.Subscribe(t.Context(), conversationID, 0); err != nil {
		t.Fatalf("agent follows the conversation: %v", err)
	}
	return conn
}

// jsCount is the number of elements the selector matches in the widget.
func jsCount(t *testing.T, tab context.Context, selector string) int {
	t.Helper()
	return browsertest.Eval[int](t, tab, shadow+`.querySelectorAll(`+jsString(selector)+`).length`)
}

// press presses a key as a person does: one keyDown carrying the key's
// text, then keyUp. (chromedp.KeyEvent sends the text as a separate char
// event, which a keydown handler's preventDefault cannot stop, unlike in a
// real browser: Enter would send and then type a new line.)
func press(t *testing.T, tab context.Context, key rune, modifiers ...chromedp.Modifier) {
	t.Helper()
	var down, up input.DispatchKeyEventParams
	for _, k := range kb.Encode(key) {
		switch k.Type {
		case kb.KeyDown:
			down = *k
		case kb.KeyChar:
			down.Text, down.UnmodifiedText = k.Text, k.UnmodifiedText
		case kb.KeyUp:
			up = *k
		}
	}
	for _, m := range modifiers {
		down.Modifiers |= int64(m)
		up.Modifiers |= int64(m)
	}
	cdpCall(t, tab, input.DispatchKeyEvent, down)
	cdpCall(t, tab, input.DispatchKeyEvent, up)
}

// setWidget changes the demo inbox's widget settings.
func setWidget(t *testing.T, srv *browsertest.Server, change func(*parley.WidgetSettings)) {
	t.Helper()
	inboxID := srv.DemoInboxID(t)
	in, err := srv.App.Store.FindInboxByID(t.Context(), srv.WorkspaceID, inboxID)
	if err != nil {
		t.Fatal(err)
	}
	w := in.Widget
	change(&w)
	if _, err := srv.App.Store.UpdateInbox(t.Context(), parley.SystemActor, srv.WorkspaceID, inboxID, parley.InboxUpdate{Widget: &w}); err != nil {
		t.Fatal(err)
	}
}

// cdpCall runs a DevTools protocol command in tab.
func cdpCall[P, R any](t *testing.T, tab context.Context, cmd cdp.Command[P, R], params P) R {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, browsertest.Wait)
	defer cancel()
	r, err := chromedp.Call(ctx, cmd, params)
	if err != nil {
		t.Fatalf("browser: %s: %v", cmd.Method, err)
	}
	return r
}

// beforePageScripts runs src in tab before any script of the pages it
// loads from now on, as a site's own inline script before widget.js would.
func beforePageScripts(t *testing.T, tab context.Context, src string) {
	t.Helper()
	cdpCall(t, tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
}

// recordEvents is a page script that records the JS API's events in
// window.events as [name, data] pairs, subscribing through the queue that
// widget.js reads when it loads.
const recordEvents = `window.events = [];
window.Parley = { q: ['ready', 'message', 'unread', 'conversation_started', 'token_expiring'].map(
	(e) => ['on', [e, (d) => window.events.push([e, d])]]) };`

// startedEvent is the data of a conversation_started event.
type startedEvent struct {
	ID string `json:"id"`
}

// events is the JS API's events of one name recorded so far (recordEvents).
func events[T any](t *testing.T, tab context.Context, name string) []T {
	t.Helper()
	return browsertest.Eval[[]T](t, tab, `window.events.filter(([e]) => e === `+jsString(name)+`).map(([, d]) => d)`)
}

// The agent's typing shows in the widget until the reply arrives; the
// visitor's typing reaches the agent as a typing frame.
func TestWidgetTyping(t *testing.T) {
	c := startChat(t, "Can I change my delivery address?")
	ctx := t.Context()

	t.Run("AgentTypingShows", func(t *testing.T) {
		if n := jsCount(t, c.tab, ".typing"); n != 0 {
			t.Fatalf("the widget shows %d typing indicators before anyone types", n)
		}
		if err := c.ac.Typing(ctx, c.conv.ID, false); err != nil {
			t.Fatal(err)
		}
		browsertest.WaitJS(t, c.tab, shadow+`.querySelector('.log .typing')?.textContent === 'Support is typing…'`)
		browsertest.RequireAccessible(t, c.tab, "the widget showing the agent typing")
	})

	t.Run("ReplyEndsTyping", func(t *testing.T) {
		c.reply(t, "Yes, until it ships.")
		waitText(t, c.tab, "Yes, until it ships.")
		// The indicator goes in the same render as the reply comes.
		if n := jsCount(t, c.tab, ".typing"); n != 0 {
			t.Errorf("the widget still says the agent types after their reply arrived")
		}
	})

	t.Run("VisitorTypingReachesAgent", func(t *testing.T) {
		conn := agentConn(t, c.ac, c.conv.ID)
		// The visitor types on until the agent hears it (the widget says so
		// at most every 2 seconds).
		var f client.Frame
		browsertest.WaitFor(t, func() string {
			browsertest.Do(t, c.tab, chromedp.KeyEvent("a"))
			ctx, cancel := context.WithTimeout(t.Context(), 500*time.Millisecond)
			defer cancel()
			for {
				next, err := conn.Next(ctx)
				if err != nil {
					return "the agent hears no typing: " + err.Error()
				}
				if next.Type == client.FrameTyping {
					f = next
					return ""
				}
			}
		})
		if f.ConversationID != c.conv.ID || f.By == nil || f.By.Type != "contact" || f.By.ID != c.conv.ContactID || f.Note {
			t.Errorf("typing frame = %+v (by %+v), want the contact typing in the conversation", f, f.By)
		}
		// Typing is a signal only: nothing was sent.
		if n := jsCount(t, c.tab, ".msg.me"); n != 1 {
			t.Errorf("the widget shows %d own messages, want 1", n)
		}
	})
	noBrowserErrors(t, c.b)
}

// The visitor's message says "Seen" once the agent has read it, also after
// a reload; the agent sees the visitor's read position.
func TestWidgetReadReceipts(t *testing.T) {
	c := startChat(t, "First question")
	ctx := t.Context()
	write(t, c.tab, "Second question")
	browsertest.WaitJS(t, c.tab, shadow+`.querySelector('.msg.me[data-seq="2"]')`)
	seenSeqs := func() string {
		return browsertest.Eval[string](t, c.tab, `[...`+shadow+`.querySelectorAll('.msg')].filter(m => m.querySelector('.seen')).map(m => m.dataset.seq).join(',')`)
	}
	if got := seenSeqs(); got != "" {
		t.Fatalf("messages %s are marked seen before the agent read anything", got)
	}

	t.Run("AgentReadsFirst", func(t *testing.T) {
		if _, err := c.ac.MarkRead(ctx, c.conv.ID, 1); err != nil {
			t.Fatal(err)
		}
		browsertest.WaitJS(t, c.tab, shadow+`.querySelector('.msg.me[data-seq="1"] .seen')?.textContent === 'Seen'`)
		if got := seenSeqs(); got != "1" {
			t.Errorf("seen marks on messages %q, want on 1 only", got)
		}
	})

	t.Run("AgentReadsAll", func(t *testing.T) {
		if _, err := c.ac.MarkRead(ctx, c.conv.ID, 2); err != nil {
			t.Fatal(err)
		}
		// "Seen" moves to the last message read.
		browsertest.WaitFor(t, func() string {
			if got := seenSeqs(); got != "2" {
				return fmt.Sprintf("seen marks on messages %q, want on 2 only", got)
			}
			return ""
		})
	})

	t.Run("AfterReload", func(t *testing.T) {
		browsertest.Do(t, c.tab, chromedp.Reload())
		browsertest.WaitJS(t, c.tab, shadow+`?.querySelector('.launcher')`)
		openChat(t, c.tab)
		waitText(t, c.tab, "Second question")
		browsertest.WaitFor(t, func() string {
			if got := seenSeqs(); got != "2" {
				return fmt.Sprintf("after a reload, seen marks on messages %q, want on 2", got)
			}
			return ""
		})
	})

	t.Run("VisitorReadsReply", func(t *testing.T) {
		m := c.reply(t, "Both answered: yes.")
		waitText(t, c.tab, "Both answered: yes.")
		browsertest.WaitFor(t, func() string {
			states, err := c.ac.ReadStates(ctx, c.conv.ID)
			if err != nil {
				return err.Error()
			}
			for _, s := range states {
				if s.Participant.Type == "contact" && s.LastReadSeq == m.Seq {
					return ""
				}
			}
			return fmt.Sprintf("the visitor's read position is not %d: %+v", m.Seq, states)
		})
	})
	noBrowserErrors(t, c.b)
}

// pngFile is a small PNG image.
func pngFile(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 6))
	for i := range img.Pix {
		img.Pix[i] = 0xc0
	}
	img.Set(1, 1, color.RGBA{R: 0xff, A: 0xff})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// chooseFile picks a file in the widget's file input, as the visitor would
// in the browser's file chooser.
func chooseFile(t *testing.T, tab context.Context, name, contentType string, data []byte) {
	t.Helper()
	browsertest.Eval[bool](t, tab, `(() => {
		const input = `+shadow+`.querySelector('input[type=file]');
		const bytes = Uint8Array.from(atob(`+jsString(base64.StdEncoding.EncodeToString(data))+`), (c) => c.charCodeAt(0));
		const dt = new DataTransfer();
		dt.items.add(new File([bytes], `+jsString(name)+`, {type: `+jsString(contentType)+`}));
		input.files = dt.files;
		input.dispatchEvent(new Event('change', {bubbles: true}));
		return true;
	})()`)
}

// The visitor sends a file, which the agent receives intact; the agent's
// image shows inline and the agent's file downloads with its content.
func TestWidgetAttachments(t *testing.T) {
	c := startChat(t, "I'll send you the receipt.")
	ctx := t.Context()

	t.Run("VisitorSendsFile", func(t *testing.T) {
		receipt := []byte("Receipt 1042: 1 Ridge 2 tent, EUR 329\n")
		chooseFile(t, c.tab, "receipt.txt", "text/plain", receipt)
		browsertest.WaitJS(t, c.tab, shadow+`.querySelector('.msg.me[data-seq="2"] a.file')?.textContent.includes('receipt.txt')`)
		var got *client.Message
		browsertest.WaitFor(t, func() string {
			msgs, err := c.ac.Messages(ctx, c.conv.ID, client.MessageQuery{})
			if err != nil {
				return err.Error()
			}
			for i := range msgs {
				if msgs[i].Seq == 2 {
					got = &msgs[i]
					return ""
				}
			}
			return "the agent has no message 2"
		})
		if got.Kind != "attachment" || got.Sender.Type != "contact" || len(got.Attachments) != 1 || got.Attachments[0].Name != "receipt.txt" {
			t.Fatalf("the agent received %+v", got)
		}
		f, err := c.ac.Attachment(ctx, got.Attachments[0].ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(f.Data, receipt) || f.ContentType != "text/plain" {
			t.Errorf("the agent downloads %q (%s), want %q", f.Data, f.ContentType, receipt)
		}
	})

	t.Run("RejectedFileSaysWhy", func(t *testing.T) {
		chooseFile(t, c.tab, "tool.exe", "application/x-msdownload", []byte("MZ not a program"))
		browsertest.WaitJS(t, c.tab, shadow+`.querySelector('.composer [role=alert]')`)
		if got := browsertest.Eval[string](t, c.tab, shadow+`.querySelector('.composer [role=alert]').textContent`); got != "This type of file is not accepted." {
			t.Errorf("the widget says %q", got)
		}
		if n := jsCount(t, c.tab, ".msg.me"); n != 2 {
			t.Errorf("the widget shows %d own messages, want 2", n)
		}
	})

	t.Run("AgentImageShows", func(t *testing.T) {
		att, err := c.ac.UploadAttachment(ctx, c.conv.ID, "tent.png", "image/png", bytes.NewReader(pngFile(t)))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.ac.SendMessage(ctx, c.conv.ID, client.SendInput{Kind: "attachment", AttachmentIDs: []string{att.ID}}); err != nil {
			t.Fatal(err)
		}
		browsertest.WaitJS(t, c.tab, `(() => { const img = `+shadow+`.querySelector('.msg.them img.image');
			return img && img.alt === 'tent.png' && img.src.startsWith('blob:') && img.complete && img.naturalWidth === 8 })()`)
	})

	t.Run("AgentFileDownloads", func(t *testing.T) {
		dir := t.TempDir()
		cdpCall(t, c.tab, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior:         browser.SetDownloadBehaviorBehaviorAllow,
			BrowserContextID: chromedp.FromContext(c.tab).BrowserContextID,
			DownloadPath:     dir,
		})
		manual := []byte("Pitch the tent with the door downwind.\n")
		att, err := c.ac.UploadAttachment(ctx, c.conv.ID, "manual.txt", "text/plain", bytes.NewReader(manual))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.ac.SendMessage(ctx, c.conv.ID, client.SendInput{Kind: "attachment", AttachmentIDs: []string{att.ID}}); err != nil {
			t.Fatal(err)
		}
		link := shadow + `.querySelector('.msg.them a.file')`
		browsertest.WaitJS(t, c.tab, link+`?.textContent.includes('manual.txt')`)
		browsertest.Eval[bool](t, c.tab, link+`.click(), true`)
		browsertest.WaitFor(t, func() string {
			got, err := os.ReadFile(filepath.Join(dir, "manual.txt"))
			if err != nil {
				return "no download yet: " + err.Error()
			}
			if !bytes.Equal(got, manual) {
				return fmt.Sprintf("downloaded %q, want %q", got, manual)
			}
			return ""
		})
	})
	// The refused upload is logged by Chromium; nothing else may be.
	for _, e := range c.b.UnexpectedErrors() {
		if !strings.Contains(e, "status of 422") {
			t.Errorf("browser error: %s", e)
		}
	}
}

// A visitor keeps several conversations: Parley.startConversation() starts
// one more, Parley.conversations() lists them, and the widget lists them
// and switches between them, also after a reload.
func TestWidgetConversationList(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	inboxID := srv.DemoInboxID(t)
	tab := b.NewTab(t)
	beforePageScripts(t, tab, recordEvents)
	openDemo(t, tab, srv)

	type summary struct {
		ID          string `json:"id"`
		Status      string `json:"status"`
		Unread      int    `json:"unread"`
		LastMessage *struct {
			Body   string `json:"body"`
			Sender string `json:"sender"`
		} `json:"last_message"`
	}
	summaries := func() []summary {
		t.Helper()
		return browsertest.Eval[[]summary](t, tab, `Parley.conversations()`)
	}
	if got := summaries(); len(got) != 0 {
		t.Fatalf("a new visitor has conversations: %+v", got)
	}

	var first, second string
	t.Run("StartConversation", func(t *testing.T) {
		first = browsertest.Eval[string](t, tab, `Parley.startConversation()`)
		browsertest.WaitJS(t, tab, shadow+`.querySelector('.panel.open') && `+shadow+`.activeElement?.tagName === 'TEXTAREA'`)
		write(t, tab, "About my first order")
		browsertest.WaitJS(t, tab, shadow+`.querySelector('.msg.me[data-seq="1"]')`)
		got := summaries()
		if len(got) != 1 || got[0].ID != first || got[0].LastMessage == nil || got[0].LastMessage.Body != "About my first order" || got[0].LastMessage.Sender != "contact" {
			t.Errorf("Parley.conversations() = %+v", got)
		}
	})

	t.Run("SecondConversation", func(t *testing.T) {
		second = browsertest.Eval[string](t, tab, `Parley.startConversation()`)
		if second == "" || second == first {
			t.Fatalf("second conversation %q, first %q", second, first)
		}
		// The new conversation is shown, empty, with a way back to the list.
		browsertest.WaitJS(t, tab, shadow+`.querySelector('.back') && !`+shadow+`.querySelector('.msg:not(.greeting)')`)
		write(t, tab, "About a return")
		browsertest.WaitJS(t, tab, shadow+`.querySelector('.msg.me[data-seq="1"]')`)
		if got := logText(t, tab); strings.Contains(got, "About my first order") {
			t.Errorf("the second conversation shows the first's messages: %q", got)
		}
		got := summaries()
		if len(got) != 2 || got[0].ID != second || got[1].ID != first {
			t.Errorf("Parley.conversations() = %+v, want the second then the first", got)
		}
		started := events[startedEvent](t, tab, "conversation_started")
		if len(started) != 2 || started[0].ID != first || started[1].ID != second {
			t.Errorf("conversation_started events %+v, want %s then %s", started, first, second)
		}
		// The agents see both, from the same contact.
		page, err := srv.Admin.ListConversations(t.Context(), client.ConversationFilter{InboxID: inboxID, Status: []string{"pending"}})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Items) != 2 || page.Items[0].ContactID != page.Items[1].ContactID {
			t.Errorf("pending conversations: %+v", page.Items)
		}
	})

	t.Run("ListAndSwitch", func(t *testing.T) {
		browsertest.Eval[bool](t, tab, shadow+`.querySelector('.back').click(), true`)
		browsertest.WaitJS(t, tab, shadow+`.querySelectorAll('.list .conv-item').length === 2`)
		items := browsertest.Eval[[]string](t, tab, `[...`+shadow+`.querySelectorAll('.list .conv-item')].map(e => e.textContent)`)
		if !strings.Contains(items[0], "About a return") || !strings.Contains(items[1], "About my first order") {
			t.Errorf("the list shows %q", items)
		}
		browsertest.RequireAccessible(t, tab, "the widget's list of conversations")
		browsertest.Eval[bool](t, tab, shadow+`.querySelectorAll('.list .conv-item')[1].click(), true`)
		waitText(t, tab, "About my first order")
		if got := logText(t, tab); strings.Contains(got, "About a return") {
			t.Errorf("the first conversation shows the second's messages: %q", got)
		}
	})

	t.Run("AfterReload", func(t *testing.T) {
		browsertest.Do(t, tab, chromedp.Reload())
		browsertest.WaitJS(t, tab, shadow+`?.querySelector('.launcher')`)
		browsertest.Eval[bool](t, tab, shadow+`.querySelector('.launcher').click(), true`)
		browsertest.WaitJS(t, tab, shadow+`.querySelectorAll('.list .conv-item').length === 2`)
		browsertest.WaitJS(t, tab, `[...`+shadow+`.querySelectorAll('.list .conv-item')].map(e => e.textContent).join('|').includes('About my first order')`)
		if got := summaries(); len(got) != 2 {
			t.Errorf("after a reload Parley.conversations() = %+v", got)
		}
	})
	noBrowserErrors(t, b)
}

// While no agent is online, the widget says so and takes a message, which
// waits in the queue; once an agent is online, the widget says that too.
func TestWidgetOffline(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	inboxID := srv.DemoInboxID(t)
	agent, _ := srv.CreateAgent(t, "ann@example.com", "Ann Lee", parley.RoleAgent)
	tab := b.NewTab(t)
	sub := func() string {
		return browsertest.Eval[string](t, tab, `(`+shadow+`?.querySelector('.head .sub')?.textContent) || ''`)
	}
	const away = "We are away right now."

	t.Run("LeaveAMessage", func(t *testing.T) {
		openDemo(t, tab, srv)
		if online := browsertest.Eval[bool](t, tab, `new Promise((r) => Parley.on('ready', (d) => r(d.online)))`); online {
			t.Errorf("ready says an agent is online")
		}
		openChat(t, tab)
		if got := sub(); got != away {
			t.Errorf("the widget says %q, want %q", got, away)
		}
		browsertest.RequireAccessible(t, tab, "the widget while no agent is online")
		write(t, tab, "Call me back tomorrow, please.")
		browsertest.WaitJS(t, tab, shadow+`.querySelector('.msg.me[data-seq="1"]')`)
		conv := pendingConversation(t, srv.Admin, inboxID)
		msgs, err := srv.Admin.Messages(t.Context(), conv.ID, client.MessageQuery{})
		if err != nil || len(msgs) != 1 || msgs[0].Body != "Call me back tomorrow, please." {
			t.Errorf("the queued conversation holds %+v (%v)", msgs, err)
		}
	})

	t.Run("AgentComesOnline", func(t *testing.T) {
		if err := srv.App.Presence.Set(t.Context(), srv.WorkspaceID, agent.ID, parley.PresenceOnline); err != nil {
			t.Fatal(err)
		}
		// The visitor closes the chat and opens it again, without a reload.
		browsertest.Do(t, tab, chromedp.KeyEvent(kb.Escape))
		browsertest.WaitJS(t, tab, `!`+shadow+`.querySelector('.panel.open')`)
		openChat(t, tab)
		browsertest.WaitFor(t, func() string {
			if got := sub(); got != "We usually reply in a few minutes" {
				return "the widget says " + got
			}
			return ""
		})
		if !browsertest.Eval[bool](t, tab, shadow+`.querySelector('.head .dot.on') !== null`) {
			t.Errorf("the presence dot is not on")
		}
	})
	noBrowserErrors(t, b)
}

// While the chat is closed, agents' messages count on the launcher's badge
// and in the unread event; opening the chat reads them.
func TestWidgetUnreadBadge(t *testing.T) {
	c := startChat(t, "Is the Summit 45 waterproof?")
	tab := c.tab
	beforePageScripts(t, tab, recordEvents) // for the reload below
	badge := func() string {
		return browsertest.Eval[string](t, tab, `(() => { const b = `+shadow+`.querySelector('.launcher .badge'); return b && !b.hidden ? b.textContent : '' })()`)
	}
	label := func() string {
		return browsertest.Eval[string](t, tab, shadow+`.querySelector('.launcher').getAttribute('aria-label')`)
	}

	t.Run("ClosedCounts", func(t *testing.T) {
		browsertest.Do(t, tab, chromedp.KeyEvent(kb.Escape))
		browsertest.WaitJS(t, tab, `!`+shadow+`.querySelector('.panel.open')`)
		if got := badge(); got != "" {
			t.Fatalf("badge %q before any reply", got)
		}
		c.reply(t, "It is water-resistant.")
		browsertest.WaitFor(t, func() string {
			if got := badge(); got != "1" {
				return fmt.Sprintf("badge %q, want 1", got)
			}
			return ""
		})
		c.reply(t, "A rain cover comes with it.")
		browsertest.WaitFor(t, func() string {
			if got := badge(); got != "2" {
				return fmt.Sprintf("badge %q, want 2", got)
			}
			return ""
		})
		if got := label(); got != "Open chat, 2 unread messages" {
			t.Errorf("launcher label %q", got)
		}
		if n := browsertest.Eval[int](t, tab, `Parley.unreadCount()`); n != 2 {
			t.Errorf("Parley.unreadCount() = %d, want 2", n)
		}
	})

	t.Run("SurvivesReload", func(t *testing.T) {
		browsertest.Do(t, tab, chromedp.Reload())
		browsertest.WaitJS(t, tab, shadow+`?.querySelector('.launcher')`)
		browsertest.WaitFor(t, func() string {
			if got := badge(); got != "2" {
				return fmt.Sprintf("after a reload badge %q, want 2", got)
			}
			return ""
		})
	})

	t.Run("OpenReads", func(t *testing.T) {
		openChat(t, tab)
		waitText(t, tab, "A rain cover comes with it.")
		browsertest.WaitJS(t, tab, shadow+`.querySelector('.launcher .badge').hidden`)
		browsertest.Do(t, tab, chromedp.KeyEvent(kb.Escape))
		browsertest.WaitJS(t, tab, `!`+shadow+`.querySelector('.panel.open')`)
		if got := badge(); got != "" {
			t.Errorf("badge %q after reading", got)
		}
		if got := label(); got != "Open chat" {
			t.Errorf("launcher label %q after reading", got)
		}
		type unread struct {
			Count int `json:"count"`
		}
		got := events[unread](t, tab, "unread")
		if len(got) == 0 || got[len(got)-1].Count != 0 {
			t.Errorf("unread events after the reload %+v, want the last to be 0", got)
		}
		browsertest.WaitFor(t, func() string {
			n, err := c.srv.Client(t).WithToken(visitorToken(t, tab, c.inboxID)).UnreadCount(t.Context(), c.conv.ID)
			if err != nil {
				return err.Error()
			}
			if n != 0 {
				return fmt.Sprintf("the server counts %d unread for the visitor", n)
			}
			return ""
		})
	})
	noBrowserErrors(t, c.b)
}

// visitorToken is the widget's visitor token, from the page's storage.
func visitorToken(t *testing.T, tab context.Context, inboxID string) string {
	t.Helper()
	return browsertest.Eval[string](t, tab, `JSON.parse(localStorage.getItem('parley:`+inboxID+`')).token`)
}

// setOffline cuts the tab off the network, or connects it again.
func setOffline(t *testing.T, tab context.Context, offline bool) {
	t.Helper()
	cdpCall(t, tab, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{{Offline: offline, DownloadThroughput: -1, UploadThroughput: -1}},
	})
	cdpCall(t, tab, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: offline, DownloadThroughput: -1, UploadThroughput: -1})
}

// When the network drops, the widget says it is reconnecting; messages the
// agent sent meanwhile appear once it is back, each once, and the
// visitor's message written meanwhile is delivered once.
func TestWidgetReconnect(t *testing.T) {
	c := startChat(t, "My parcel has not arrived.")
	ctx := t.Context()
	tab := c.tab
	status := func() string {
		return browsertest.Eval[string](t, tab, `(`+shadow+`.querySelector('.status')?.textContent) || ''`)
	}
	c.reply(t, "Let me check.")
	waitText(t, tab, "Let me check.")
	if got := status(); got != "" {
		t.Fatalf("status %q while connected", got)
	}

	cdpCall(t, tab, network.Enable, network.EnableParams{})
	setOffline(t, tab, true)
	browsertest.WaitFor(t, func() string {
		if got := status(); got != "Connection lost. Reconnecting…" {
			return fmt.Sprintf("offline, the widget's status is %q", got)
		}
		return ""
	})
	missed := []string{"It left the depot today.", "It arrives tomorrow."}
	for _, m := range missed {
		c.reply(t, m)
	}
	write(t, tab, "Thanks, I'll wait.")
	browsertest.WaitJS(t, tab, shadow+`.querySelector('.msg.me.pending')`)
	if got := logText(t, tab); strings.Contains(got, missed[0]) || status() == "" {
		t.Fatalf("offline, the widget is connected (status %q) or shows %q", status(), got)
	}

	setOffline(t, tab, false)
	browsertest.WaitFor(t, func() string {
		if got := status(); got != "" {
			return fmt.Sprintf("back online, the widget's status is %q", got)
		}
		return ""
	})
	waitText(t, tab, missed[1])
	browsertest.WaitJS(t, tab, "!"+pendingJS)
	texts := browsertest.Eval[[]string](t, tab, `[...`+shadow+`.querySelectorAll('.msg .text')].map(e => e.textContent)`)
	want := []string{"My parcel has not arrived.", "Let me check.", missed[0], missed[1], "Thanks, I'll wait."}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("the widget shows %q, want %q", texts, want)
	}
	msgs, err := c.ac.Messages(ctx, c.conv.ID, client.MessageQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var bodies []string
	for _, m := range msgs {
		bodies = append(bodies, m.Body)
	}
	if strings.Join(bodies, "|") != strings.Join(want, "|") {
		t.Errorf("the conversation holds %q, want %q", bodies, want)
	}
	// Pages log failed requests while offline; nothing else is an error.
	for _, e := range c.b.UnexpectedErrors() {
		if !strings.Contains(e, "ERR_INTERNET_DISCONNECTED") && !strings.Contains(e, "WebSocket") {
			t.Errorf("browser error: %s", e)
		}
	}
}

const pendingJS = shadow + `.querySelector('.msg.pending')`

// Keyboard only: Tab reaches the launcher, Enter opens the chat with the
// focus in the composer, Enter sends, Shift+Enter breaks the line, Escape
// closes and gives the focus back to the launcher; a closed chat takes no
// focus.
func TestWidgetKeyboard(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	tab := b.NewTab(t)
	openDemo(t, tab, srv)
	launcherFocused := `document.activeElement?.id === 'parley-widget' && ` + shadow + `.activeElement?.classList.contains('launcher')`

	t.Run("TabReachesLauncher", func(t *testing.T) {
		reached := false
		for range 30 {
			browsertest.Do(t, tab, chromedp.KeyEvent(kb.Tab))
			if browsertest.Eval[bool](t, tab, launcherFocused) {
				reached = true
				break
			}
			if browsertest.Eval[bool](t, tab, `!!`+shadow+`.activeElement?.closest('.panel')`) {
				t.Fatalf("Tab reached the closed chat panel")
			}
		}
		if !reached {
			t.Fatalf("30 Tabs never reached the launcher")
		}
	})

	t.Run("EnterOpens", func(t *testing.T) {
		press(t, tab, '\r')
		browsertest.WaitJS(t, tab, shadow+`.querySelector('.panel.open') && `+shadow+`.activeElement?.tagName === 'TEXTAREA'`)
		if got := browsertest.Eval[string](t, tab, shadow+`.querySelector('.launcher').getAttribute('aria-expanded')`); got != "true" {
			t.Errorf("launcher aria-expanded = %q", got)
		}
	})

	t.Run("ShiftEnterBreaksEnterSends", func(t *testing.T) {
		browsertest.Do(t, tab, chromedp.KeyEvent("Two lines:"))
		press(t, tab, '\r', chromedp.ModifierShift)
		browsertest.Do(t, tab, chromedp.KeyEvent("second"))
		if got := browsertest.Eval[string](t, tab, shadow+`.querySelector('textarea').value`); got != "Two lines:\nsecond" {
			t.Fatalf("the composer holds %q", got)
		}
		if n := jsCount(t, tab, ".msg.me"); n != 0 {
			t.Fatalf("Shift+Enter sent the message")
		}
		press(t, tab, '\r')
		browsertest.WaitJS(t, tab, shadow+`.querySelector('.msg.me[data-seq="1"]')`)
		if got := browsertest.Eval[string](t, tab, shadow+`.querySelector('.msg.me .text').textContent`); got != "Two lines:\nsecond" {
			t.Errorf("sent %q", got)
		}
		if got := browsertest.Eval[string](t, tab, shadow+`.querySelector('textarea').value`); got != "" {
			t.Errorf("the composer still holds %q", got)
		}
	})

	t.Run("TabStaysInOrder", func(t *testing.T) {
		// From the composer, Tab goes on to the next control, not back to the page.
		browsertest.Do(t, tab, chromedp.KeyEvent("x"), chromedp.KeyEvent(kb.Tab))
		if got := browsertest.Eval[string](t, tab, `(`+shadow+`.activeElement?.getAttribute('aria-label')) || ''`); got != "Send" {
			t.Errorf("Tab from the composer focuses %q, want the send button", got)
		}
		browsertest.Do(t, tab, chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift)))
		browsertest.WaitJS(t, tab, shadow+`.activeElement?.tagName === 'TEXTAREA'`)
	})

	t.Run("EscapeCloses", func(t *testing.T) {
		browsertest.Do(t, tab, chromedp.KeyEvent(kb.Escape))
		browsertest.WaitJS(t, tab, `!`+shadow+`.querySelector('.panel.open')`)
		browsertest.WaitJS(t, tab, launcherFocused)
		if got := browsertest.Eval[string](t, tab, shadow+`.querySelector('.launcher').getAttribute('aria-expanded')`); got != "false" {
			t.Errorf("launcher aria-expanded = %q", got)
		}
		// The closed panel takes no focus: Tab leaves the widget.
		browsertest.Do(t, tab, chromedp.KeyEvent(kb.Tab))
		if browsertest.Eval[bool](t, tab, `!!`+shadow+`.activeElement?.closest('.panel')`) {
			t.Errorf("Tab from the launcher went into the closed chat")
		}
	})
	noBrowserErrors(t, b)
}

// The widget speaks the inbox's language, else the browser's. No agent is
// online, so the composer is the form to leave a message ("Your message…").
func TestWidgetLanguages(t *testing.T) {
	texts := func(t *testing.T, tab context.Context) (launcher, placeholder, lang string) {
		t.Helper()
		launcher = browsertest.Eval[string](t, tab, shadow+`.querySelector('.launcher').getAttribute('aria-label')`)
		openChat(t, tab)
		placeholder = browsertest.Eval[string](t, tab, shadow+`.querySelector('textarea').placeholder`)
		lang = browsertest.Eval[string](t, tab, shadow+`.querySelector('.panel').lang`)
		return
	}

	t.Run("GermanByInbox", func(t *testing.T) {
		b := browsertest.NewBrowser(t)
		srv := browsertest.StartServer(t)
		setWidget(t, srv, func(w *parley.WidgetSettings) { w.Locale = "de" })
		tab := b.NewTab(t)
		openDemo(t, tab, srv)
		launcher, placeholder, lang := texts(t, tab)
		if launcher != "Chat öffnen" || placeholder != "Ihre Nachricht…" || lang != "de" {
			t.Errorf("launcher %q, placeholder %q, lang %q; want German", launcher, placeholder, lang)
		}
		if got := browsertest.Eval[string](t, tab, `document.getElementById('parley-widget').lang`); got != "de" {
			t.Errorf("the widget's host has lang %q, want de (its launcher's label is German)", got)
		}
		write(t, tab, "Hallo")
		browsertest.WaitJS(t, tab, shadow+`.querySelector('.msg.me[data-seq="1"]')`)
		browsertest.RequireAccessible(t, tab, "the widget in German")
		if got := browsertest.Eval[string](t, tab, shadow+`.querySelector('.head .sub').textContent`); got != "Wir sind gerade nicht da." {
			t.Errorf("offline text %q, want German", got)
		}
		if got := browsertest.Eval[string](t, tab, shadow+`.querySelector('.leave-intro')?.textContent || ''`); got != "Hinterlassen Sie eine Nachricht, wir melden uns." {
			t.Errorf("the form to leave a message says %q, want German", got)
		}
		noBrowserErrors(t, b)
	})

	t.Run("FrenchByBrowser", func(t *testing.T) {
		b := browsertest.NewBrowser(t)
		srv := browsertest.StartServer(t)
		tab := b.NewTab(t)
		ua := browsertest.Eval[string](t, tab, `navigator.userAgent`)
		cdpCall(t, tab, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: ua, AcceptLanguage: "fr-CH,fr;q=0.9,en;q=0.5"})
		openDemo(t, tab, srv)
		if got := browsertest.Eval[string](t, tab, `navigator.language`); got != "fr-CH" {
			t.Fatalf("the browser's language is %q; the override did not apply", got)
		}
		launcher, placeholder, lang := texts(t, tab)
		if launcher != "Ouvrir le chat" || placeholder != "Votre message…" || lang != "fr" {
			t.Errorf("launcher %q, placeholder %q, lang %q; want French", launcher, placeholder, lang)
		}
		noBrowserErrors(t, b)
	})

	t.Run("InboxWinsOverBrowser", func(t *testing.T) {
		b := browsertest.NewBrowser(t)
		srv := browsertest.StartServer(t)
		setWidget(t, srv, func(w *parley.WidgetSettings) { w.Locale = "de" })
		tab := b.NewTab(t)
		ua := browsertest.Eval[string](t, tab, `navigator.userAgent`)
		cdpCall(t, tab, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: ua, AcceptLanguage: "fr-FR"})
		openDemo(t, tab, srv)
		if _, _, lang := texts(t, tab); lang != "de" {
			t.Errorf("lang %q, want the inbox's de", lang)
		}
	})
}

// The JS API's events: ready (also to a late subscriber), message (never a
// note), unread, conversation_started, and token_expiring, after which the
// widget gets a new token from getToken and keeps its connection.
func TestWidgetJSAPIEvents(t *testing.T) {
	b := browsertest.NewBrowser(t)
	srv := browsertest.StartServer(t)
	inboxID := srv.DemoInboxID(t)
	agent, ac := srv.CreateAgent(t, "ann@example.com", "Ann Lee", parley.RoleAgent)
	ctx := t.Context()

	// The demo user's first token expires within the warning time (3
	// minutes by default), so the server warns at once; getToken's later
	// tokens come from the demo back-end and last longer.
	short, err := srv.Admin.CreateVisitorToken(ctx, client.VisitorTokenInput{InboxID: inboxID, ExternalID: "demo-user-1", Name: "Demo User", TTL: 2 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	tab := b.NewTab(t)
	beforePageScripts(t, tab, recordEvents+`
window.getTokenCalls = 0;
window.parleySettings = { getToken: async () => {
	if (++window.getTokenCalls === 1) return `+jsString(short.Token)+`;
	const res = await fetch('/demo/visitor-token', { method: 'POST' });
	return (await res.json()).token;
} };`)
	openDemo(t, tab, srv)

	t.Run("Ready", func(t *testing.T) {
		type ready struct {
			Inbox      string `json:"inbox"`
			Online     bool   `json:"online"`
			Identified bool   `json:"identified"`
		}
		browsertest.WaitJS(t, tab, `window.events.some(([e]) => e === 'ready')`)
		want := ready{Inbox: inboxID, Identified: true}
		if got := events[ready](t, tab, "ready"); len(got) != 1 || got[0] != want {
			t.Errorf("ready events %+v, want one %+v", got, want)
		}
		// A late subscriber hears it at once.
		if got := browsertest.Eval[ready](t, tab, `new Promise((r) => Parley.on('ready', r))`); got != want {
			t.Errorf("late ready %+v, want %+v", got, want)
		}
	})

	t.Run("TokenExpiring", func(t *testing.T) {
		type expiring struct {
			ExpiresAt time.Time `json:"expires_at"`
		}
		browsertest.WaitJS(t, tab, `window.events.some(([e]) => e === 'token_expiring')`)
		got := events[expiring](t, tab, "token_expiring")
		if len(got) != 1 || !got[0].ExpiresAt.Equal(short.ExpiresAt) {
			t.Errorf("token_expiring events %+v, want one at %s", got, short.ExpiresAt)
		}
		// The widget asked getToken again and keeps the new token.
		browsertest.WaitFor(t, func() string {
			if tok := visitorToken(t, tab, inboxID); tok == short.Token {
				return "the widget still holds the expiring token"
			}
			return ""
		})
		if n := browsertest.Eval[int](t, tab, `window.getTokenCalls`); n != 2 {
			t.Errorf("getToken called %d times, want 2", n)
		}
	})

	var convID string
	t.Run("ConversationStarted", func(t *testing.T) {
		openChat(t, tab)
		write(t, tab, "Hello from the demo user")
		browsertest.WaitJS(t, tab, shadow+`.querySelector('.msg.me[data-seq="1"]')`)
		convID = pendingConversation(t, srv.Admin, inboxID).ID
		if got := events[startedEvent](t, tab, "conversation_started"); len(got) != 1 || got[0].ID != convID {
			t.Errorf("conversation_started events %+v, want one for %s", got, convID)
		}
		if _, err := ac.Assign(ctx, convID, agent.ID); err != nil {
			t.Fatal(err)
		}
	})

	type message struct {
		ConversationID string         `json:"conversation_id"`
		Message        client.Message `json:"message"`
	}
	t.Run("MessageNeverNote", func(t *testing.T) {
		if _, err := ac.SendMessage(ctx, convID, client.SendInput{Kind: "note", Body: "VIP customer"}); err != nil {
			t.Fatal(err)
		}
		if _, err := ac.SendMessage(ctx, convID, client.SendInput{Body: "Welcome back!"}); err != nil {
			t.Fatal(err)
		}
		waitText(t, tab, "Welcome back!")
		got := events[message](t, tab, "message")
		if len(got) != 1 || got[0].ConversationID != convID || got[0].Message.Body != "Welcome back!" || got[0].Message.Sender.Type != "agent" {
			t.Errorf("message events %+v, want the reply only", got)
		}
	})

	t.Run("Unread", func(t *testing.T) {
		type unread struct {
			Count int `json:"count"`
		}
		before := len(events[unread](t, tab, "unread"))
		browsertest.Do(t, tab, chromedp.KeyEvent(kb.Escape))
		browsertest.WaitJS(t, tab, `!`+shadow+`.querySelector('.panel.open')`)
		if _, err := ac.SendMessage(ctx, convID, client.SendInput{Body: "Are you still there?"}); err != nil {
			t.Fatal(err)
		}
		browsertest.WaitJS(t, tab, `Parley.unreadCount() === 1`)
		openChat(t, tab)
		browsertest.WaitJS(t, tab, `Parley.unreadCount() === 0`)
		got := events[unread](t, tab, "unread")[before:]
		if len(got) != 2 || got[0].Count != 1 || got[1].Count != 0 {
			t.Errorf("unread events %+v, want 1 then 0", got)
		}
		if n := len(events[message](t, tab, "message")); n != 2 {
			t.Errorf("%d message events, want 2", n)
		}
	})

	// The connection survived the refresh: the visitor is still live.
	t.Run("StillLive", func(t *testing.T) {
		if _, err := ac.SendMessage(ctx, convID, client.SendInput{Body: "Good to hear."}); err != nil {
			t.Fatal(err)
		}
		waitText(t, tab, "Good to hear.")
		if got := browsertest.Eval[[]string](t, tab, `window.events.map(([e]) => e).filter((e) => e === 'ready' || e === 'token_expiring')`); len(got) != 2 {
			t.Errorf("ready/token_expiring events %q, want one each", got)
		}
	})
	noBrowserErrors(t, b)
}
