package realtime_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/coder/websocket"
	"github.com/google/go-cmp/cmp"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/conversation"
	"github.com/parleychat/parley/internal/realtime"
)

func TestSubscribeOtherContactsConversation(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	alice, aliceToken := e.newVisitor(t, e.inbox)
	bob, _ := e.newVisitor(t, e.inbox)
	bobsConv := e.start(t, bob)
	e.send(t, e.visitorOf(bob), bobsConv.ID, parley.KindText, "Bob's secret")
	_ = alice

	c := n.connect(t, aliceToken)
	refused := c.request(map[string]any{"type": "subscribe", "conversation_id": bobsConv.ID, "after_seq": 0})
	missing := c.request(map[string]any{"type": "subscribe", "conversation_id": "no-such-conversation", "after_seq": 0})
	for _, f := range []frame{refused, missing} {
		if f.Type != "error" || f.Code != parley.ENOTFOUND || f.text(t) != "Conversation not found." {
			t.Fatalf("subscribe answered %s", f.raw)
		}
	}
	// The refusal is the answer for a conversation that does not exist:
	// nothing tells Bob's conversation apart.
	strip := func(f frame) string { return strings.Replace(f.raw, `"id":"`+f.ID+`",`, "", 1) }
	if strip(refused) != strip(missing) {
		t.Errorf("refusal %s differs from not found %s", refused.raw, missing.raw)
	}
	subject, err := e.svc.ConversationSubject(e.ws.ID, bobsConv.ID, conversation.AudienceVisitor)
	must(t, err)
	if got := realtime.LocalSubscribers(n.gw, subject); got != 0 {
		t.Errorf("%d local subscribers of Bob's conversation", got)
	}

	// Bob writes again and starts another conversation; Alice's
	// connection, following her own feed, carries none of it and stays
	// usable.
	if f := c.request(map[string]any{"type": "subscribe_feed"}); f.Type != "feed_subscribed" {
		t.Fatalf("subscribe_feed answered %s", f.raw)
	}
	e.send(t, e.visitorOf(bob), bobsConv.ID, parley.KindText, "More of Bob's secrets")
	bobsOther := e.start(t, bob)
	for _, req := range []map[string]any{
		{"type": "send", "conversation_id": bobsConv.ID, "body": "hi Bob"},
		{"type": "read", "conversation_id": bobsConv.ID, "seq": 1},
		{"type": "typing", "conversation_id": bobsConv.ID},
	} {
		f := c.request(req)
		if f.Type != "error" || f.Code != parley.ENOTFOUND {
			t.Errorf("%v answered %s", req, f.raw)
		}
	}
	if f := c.request(map[string]any{"type": "ping"}); f.Type != "pong" {
		t.Fatalf("ping answered %s", f.raw)
	}
	got := strings.Join(drain(c), "")
	if strings.Contains(got, "secret") || strings.Contains(got, bobsOther.ID) || strings.Contains(got, bob.ID) {
		t.Fatalf("Bob's conversations reached Alice: %s", got)
	}

	t.Run("OtherWorkspace", func(t *testing.T) {
		ws2, err := e.acct.CreateWorkspace(t.Context(), parley.SystemActor, "other-"+unique(), "Other")
		must(t, err)
		admin := &parley.Agent{WorkspaceID: ws2.ID, Email: unique() + "@example.com", Name: "Admin", Role: parley.RoleAdmin}
		must(t, e.acct.CreateAgent(t.Context(), parley.SystemActor, admin, password))
		_, session, _, err := e.acct.Login(t.Context(), ws2.Slug, admin.Email, password, "127.0.0.1", "test")
		must(t, err)
		c := n.connect(t, session)
		f := c.request(map[string]any{"type": "subscribe", "conversation_id": bobsConv.ID})
		if f.Type != "error" || f.Code != parley.ENOTFOUND {
			t.Fatalf("subscribe answered %s", f.raw)
		}
	})
}

// drain returns the raw frames already received.
func drain(c *client) []string {
	var out []string
	for _, f := range c.pending {
		out = append(out, f.raw)
	}
	c.pending = nil
	for {
		select {
		case f := <-c.frames:
			out = append(out, f.raw)
		default:
			return out
		}
	}
}

func TestSend(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	contact, token := e.newVisitor(t, e.inbox)
	conv := e.start(t, contact)
	c := n.connect(t, token)

	first := c.request(map[string]any{"type": "send", "conversation_id": conv.ID, "client_id": "c-1", "kind": "text", "body": "Hello"})
	if first.Type != "ack" || first.Duplicate {
		t.Fatalf("send answered %s", first.raw)
	}
	m := first.message(t)
	if m.Seq != 1 || m.Body != "Hello" || m.ClientID != "c-1" || m.Sender.ID != contact.ID || m.ConversationID != conv.ID {
		t.Fatalf("acked message %+v", m)
	}

	again := c.request(map[string]any{"type": "send", "conversation_id": conv.ID, "client_id": "c-1", "body": "Hello again?"})
	if again.Type != "ack" || !again.Duplicate {
		t.Fatalf("resend answered %s", again.raw)
	}
	if d := cmp.Diff(m, again.message(t)); d != "" {
		t.Fatalf("resend returned another message (-first +again):\n%s", d)
	}
	msgs, err := e.svc.Messages(t.Context(), e.visitorOf(contact), conv.ID, parley.MessageQuery{})
	must(t, err)
	if len(msgs) != 1 {
		t.Fatalf("%d messages stored, want 1", len(msgs))
	}

	second := c.request(map[string]any{"type": "send", "conversation_id": conv.ID, "client_id": "c-2", "body": "Anyone?"})
	if second.Type != "ack" || second.message(t).Seq != 2 {
		t.Fatalf("second send answered %s", second.raw)
	}

	for _, tc := range []struct {
		req   map[string]any
		code  string
		field string
	}{
		{map[string]any{"type": "send", "conversation_id": conv.ID, "body": "  "}, parley.EINVALID, "body"},
		{map[string]any{"type": "send", "conversation_id": conv.ID, "body": "x", "client_id": strings.Repeat("k", 65)}, parley.EINVALID, "client_id"},
		{map[string]any{"type": "send", "conversation_id": conv.ID, "body": "psst", "kind": "note"}, parley.EFORBIDDEN, ""},
		{map[string]any{"type": "send", "conversation_id": conv.ID, "body": "x", "display_name": "Admin"}, parley.EFORBIDDEN, ""},
		{map[string]any{"type": "send", "conversation_id": conv.ID, "body": "x", "avatar_url": "https://cdn.example.com/a.png"}, parley.EFORBIDDEN, ""},
		{map[string]any{"type": "send", "conversation_id": "nope", "body": "x"}, parley.ENOTFOUND, ""},
		{map[string]any{"type": "subscribe", "conversation_id": ""}, parley.EINVALID, "conversation_id"},
		{map[string]any{"type": "subscribe", "conversation_id": conv.ID, "after_seq": -1}, parley.EINVALID, "after_seq"},
	} {
		f := c.request(tc.req)
		if f.Type != "error" || f.Code != tc.code || (tc.field != "" && (len(f.Fields) != 1 || f.Fields[0].Field != tc.field)) {
			t.Errorf("%v answered %s, want %s on %q", tc.req, f.raw, tc.code, tc.field)
		}
	}
}

func TestAgentReceivesVisitorMessage(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	contact, token := e.newVisitor(t, e.inbox)
	agent, session := e.newAgent(t, parley.RoleAgent)
	conv := e.start(t, contact)

	visitor := n.connect(t, token)
	staff := n.connect(t, session)
	replayed, sub := staff.subscribe(conv.ID, 0)
	if len(replayed) != 0 || sub.LastSeq != 0 || sub.Conversation == nil || sub.Conversation.Status != parley.StatusOpen {
		t.Fatalf("subscribed %s after %d messages", sub.raw, len(replayed))
	}
	visitor.subscribe(conv.ID, 0)

	ack := visitor.request(map[string]any{"type": "send", "conversation_id": conv.ID, "client_id": "v1", "body": "I need help"})
	sent := ack.message(t)
	if got := staff.nextMessage(); got.ID != sent.ID || got.Seq != 1 || got.Body != "I need help" {
		t.Fatalf("agent received %+v, want %+v", got, sent)
	}
	// The visitor's own message comes back on its stream too.
	if got := visitor.nextMessage(); got.ID != sent.ID {
		t.Fatalf("visitor received %+v", got)
	}

	// The agent takes the conversation: both see the new state.
	_, err := e.svc.Assign(t.Context(), e.agentOf(agent), conv.ID, agent.ID)
	must(t, err)
	for _, c := range []*client{staff, visitor} {
		f := waitForFrame(c, func(f frame) bool { return f.Type == "conversation" && string(f.RawEvent) == `"conversation.assigned"` })
		if f.Conversation.Status != parley.StatusAssigned || f.Conversation.AssigneeID != agent.ID {
			t.Fatalf("state frame %s", f.raw)
		}
	}

	reply := staff.request(map[string]any{"type": "send", "conversation_id": conv.ID, "client_id": "a1", "body": "Hello, I'm here"})
	if reply.Type != "ack" {
		t.Fatalf("agent send answered %s", reply.raw)
	}
	if got := visitor.nextMessage(); got.Seq != 2 || got.Sender.ID != agent.ID {
		t.Fatalf("visitor received %+v", got)
	}

	// Read positions and typing reach the other side.
	if f := visitor.request(map[string]any{"type": "read", "conversation_id": conv.ID, "seq": 2}); f.Type != "ack" || f.LastReadSeq != 2 {
		t.Fatalf("read answered %s", f.raw)
	}
	f := waitForFrame(staff, func(f frame) bool { return f.Type == "read" })
	if f.LastReadSeq != 2 || f.Participant.ID != contact.ID {
		t.Fatalf("read frame %s", f.raw)
	}
	if f := visitor.request(map[string]any{"type": "typing", "conversation_id": conv.ID}); f.Type != "ack" {
		t.Fatalf("typing answered %s", f.raw)
	}
	f = waitForFrame(staff, func(f frame) bool { return f.Type == "typing" })
	if f.By.ID != contact.ID || f.Note {
		t.Fatalf("typing frame %s", f.raw)
	}
	staff.request(map[string]any{"type": "typing", "conversation_id": conv.ID})
	// The visitor's first typing frame is the agent's: its own is not echoed.
	f = waitForFrame(visitor, func(f frame) bool { return f.Type == "typing" })
	if f.By.ID != agent.ID {
		t.Fatalf("visitor's typing frame %s", f.raw)
	}

	// After unsubscribing, nothing more of the conversation arrives.
	if f := staff.request(map[string]any{"type": "unsubscribe", "conversation_id": conv.ID}); f.Type != "unsubscribed" {
		t.Fatalf("unsubscribe answered %s", f.raw)
	}
	e.send(t, e.visitorOf(contact), conv.ID, parley.KindText, "still there?")
	visitor.nextMessage()
	if f := staff.request(map[string]any{"type": "ping"}); f.Type != "pong" {
		t.Fatalf("ping answered %s", f.raw)
	}
	for _, raw := range drain(staff) {
		t.Errorf("after unsubscribe: %s", raw)
	}
}

// waitForFrame reads until a frame satisfies match, skipping notifications.
func waitForFrame(c *client, match func(frame) bool) frame {
	c.t.Helper()
	for {
		f := c.read()
		if match(f) {
			return f
		}
		switch f.Type {
		case "message", "conversation", "typing", "read", "event", "ack":
		default:
			c.t.Fatalf("unexpected frame %s", f.raw)
		}
	}
}

func TestNoteNeverReachesVisitor(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	contact, token := e.newVisitor(t, e.inbox)
	_, session := e.newAgent(t, parley.RoleAgent)
	conv := e.start(t, contact)
	e.send(t, e.visitorOf(contact), conv.ID, parley.KindText, "Hi") // seq 1

	visitor := n.connect(t, token)
	staff := n.connect(t, session)
	visitor.subscribe(conv.ID, 1)
	staff.subscribe(conv.ID, 1)

	// A note (seq 2), typing in a note, then a visible reply (seq 3).
	staffSubject, err := e.svc.ConversationSubject(e.ws.ID, conv.ID, conversation.AudienceStaff)
	must(t, err)
	heard := make(chan []byte, 10)
	unsubscribe, err := e.bus.Subscribe(staffSubject, func(_ string, data []byte) { heard <- data })
	must(t, err)
	defer unsubscribe()
	must(t, e.bus.Ping(t.Context()))

	if f := staff.request(map[string]any{"type": "typing", "conversation_id": conv.ID, "note": true}); f.Type != "ack" {
		t.Fatalf("typing a note answered %s", f.raw)
	}
	note := staff.request(map[string]any{"type": "send", "conversation_id": conv.ID, "kind": "note", "body": "SECRET: the customer is a VIP"})
	if note.Type != "ack" || note.message(t).Seq != 2 {
		t.Fatalf("note answered %s", note.raw)
	}
	if got := staff.nextMessage(); got.Kind != parley.KindNote || got.Seq != 2 {
		t.Fatalf("agent received %+v, want the note", got)
	}
	staff.request(map[string]any{"type": "send", "conversation_id": conv.ID, "body": "How can I help?"})

	var between []frame
	for {
		f := visitor.read()
		if f.Type == "message" {
			// The visitor's sequence skips nothing: the reply is its 2.
			if m := f.message(t); m.Seq != 2 || m.VisitorSeq != 2 || m.Kind != parley.KindText {
				t.Fatalf("visitor received %s, want the reply (its seq 2)", f.raw)
			}
			break
		}
		between = append(between, f)
	}
	for _, f := range between {
		if strings.Contains(f.raw, "SECRET") || f.Note {
			t.Fatalf("visitor received %s", f.raw)
		}
	}

	// History replayed on resume has no note either.
	visitor2 := n.connect(t, token)
	replayed, sub := visitor2.subscribe(conv.ID, 0)
	if d := cmp.Diff([]int64{1, 2}, seqs(replayed)); d != "" || sub.LastSeq != 2 {
		t.Fatalf("visitor replay (-want +got):\n%s\nsubscribed %s", d, sub.raw)
	}
	staff2 := n.connect(t, session)
	replayed, _ = staff2.subscribe(conv.ID, 0)
	if d := cmp.Diff([]int64{1, 2, 3}, seqs(replayed)); d != "" {
		t.Fatalf("agent replay (-want +got):\n%s", d)
	}

	// The last guard: a note published by mistake on the visitors'
	// subject is dropped before it is written to a visitor's connection.
	var noteEvent []byte
	for noteEvent == nil {
		data := <-heard
		var ev parley.Event
		must(t, json.Unmarshal(data, &ev))
		if ev.Type == parley.EventMessageCreated {
			noteEvent = data
		}
	}
	staff.request(map[string]any{"type": "send", "conversation_id": conv.ID, "kind": "note", "body": "SECRET again"}) // seq 4
	var leaked parley.Event
	must(t, json.Unmarshal(noteEvent, &leaked))
	var d parley.MessageEventData
	must(t, json.Unmarshal(leaked.Payload, &d))
	d.Message.Seq, d.Message.Body = 4, "SECRET again"
	leaked.Payload, err = json.Marshal(d)
	must(t, err)
	data, err := json.Marshal(leaked)
	must(t, err)
	visitorSubject, err := e.svc.ConversationSubject(e.ws.ID, conv.ID, conversation.AudienceVisitor)
	must(t, err)
	must(t, e.bus.Publish(t.Context(), visitorSubject, data))
	staff.request(map[string]any{"type": "send", "conversation_id": conv.ID, "body": "Anything else?"}) // seq 5, visitor seq 3
	for _, c := range []*client{visitor, visitor2} {
		if got := c.nextMessage(); got.Seq != 3 || got.Kind != parley.KindText {
			t.Fatalf("visitor received %+v, want its seq 3", got)
		}
	}
	if got := realtime.NotesDropped(n.gw); got != 2 {
		t.Fatalf("%d notes dropped, want 2 (one per visitor connection)", got)
	}
}

func TestFeed(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	contact, token := e.newVisitor(t, e.inbox)
	agent, session := e.newAgent(t, parley.RoleAgent)

	staff := n.connect(t, session)
	if f := staff.request(map[string]any{"type": "subscribe_feed"}); f.Type != "feed_subscribed" {
		t.Fatalf("subscribe_feed answered %s", f.raw)
	}
	// A visitor's feed carries its own contact's conversations only, as
	// conversation frames.
	visitor := n.connect(t, token)
	if f := visitor.request(map[string]any{"type": "subscribe_feed"}); f.Type != "feed_subscribed" {
		t.Fatalf("visitor's subscribe_feed answered %s", f.raw)
	}
	other, _ := e.newVisitor(t, e.inbox)
	otherConv := e.start(t, other)
	if f := staff.expect("event"); f.event(t).ConversationID != otherConv.ID {
		t.Fatalf("feed event %s, want the other contact's conversation", f.raw)
	}

	conv := e.start(t, contact)
	e.send(t, e.visitorOf(contact), conv.ID, parley.KindText, "Hello?")
	_, err := e.svc.Assign(t.Context(), e.agentOf(agent), conv.ID, agent.ID)
	must(t, err)
	var types []parley.EventType
	for len(types) < 3 {
		f := staff.expect("event")
		ev := f.event(t)
		if ev.ConversationID != conv.ID {
			t.Fatalf("feed event of another conversation: %s", f.raw)
		}
		types = append(types, ev.Type)
	}
	want := []parley.EventType{parley.EventConversationCreated, parley.EventConversationQueued, parley.EventConversationAssigned}
	if d := cmp.Diff(want, types); d != "" {
		t.Fatalf("feed (-want +got):\n%s", d)
	}
	var events []parley.EventType
	for len(events) < 3 {
		f := visitor.expect("conversation")
		if f.ConversationID != conv.ID || f.Conversation == nil || f.Conversation.ContactID != contact.ID {
			t.Fatalf("visitor's feed carried %s", f.raw)
		}
		var ev parley.EventType
		must(t, json.Unmarshal(f.RawEvent, &ev))
		events = append(events, ev)
	}
	if d := cmp.Diff(want, events); d != "" {
		t.Fatalf("visitor's feed (-want +got):\n%s", d)
	}

	if f := staff.request(map[string]any{"type": "unsubscribe_feed"}); f.Type != "feed_unsubscribed" {
		t.Fatalf("unsubscribe_feed answered %s", f.raw)
	}
	subject, err := e.svc.FeedSubject(e.ws.ID)
	must(t, err)
	if got := realtime.LocalSubscribers(n.gw, subject); got != 0 {
		t.Fatalf("%d feed subscribers after unsubscribe", got)
	}
}

func TestMalformedFrames(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	_, session := e.newAgent(t, parley.RoleAgent)
	c := n.connect(t, session)

	for _, tc := range []struct {
		name string
		typ  websocket.MessageType
		data string
		id   string
	}{
		{"NotJSON", websocket.MessageText, `{not json`, ""},
		{"NotAnObject", websocket.MessageText, `[1,2,3]`, ""},
		{"NoType", websocket.MessageText, `{"id":"a"}`, "a"},
		{"UnknownType", websocket.MessageText, `{"type":"shout","id":"b"}`, "b"},
		{"WrongFieldType", websocket.MessageText, `{"type":"subscribe","id":"c","after_seq":"ten"}`, "c"},
		{"Binary", websocket.MessageBinary, `{"type":"ping"}`, ""},
		{"LongID", websocket.MessageText, `{"type":"ping","id":"` + strings.Repeat("i", 65) + `"}`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c.writeRaw(tc.typ, []byte(tc.data))
			f := c.expect("error")
			if f.Code != parley.EINVALID || f.ID != tc.id {
				t.Fatalf("answer %s, want invalid with id %q", f.raw, tc.id)
			}
			if f := c.request(map[string]any{"type": "ping"}); f.Type != "pong" {
				t.Fatalf("ping answered %s", f.raw)
			}
		})
	}
}

func TestOversizedFrame(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	n := e.newNode(t)
	_, session := e.newAgent(t, parley.RoleAgent)

	t.Run("AfterAuth", func(t *testing.T) {
		c := n.connect(t, session)
		// The largest frame allowed is answered...
		body := strings.Repeat("x", realtime.DefaultReadLimit-64)
		f := c.request(map[string]any{"type": "ping", "pad": body})
		if f.Type != "pong" {
			t.Fatalf("ping answered %s", f.raw)
		}
		// ...one byte more closes the connection.
		c.writeRaw(websocket.MessageText, []byte(`{"type":"ping","pad":"`+strings.Repeat("x", realtime.DefaultReadLimit)+`"}`))
		c.expectClose(websocket.StatusMessageTooBig, "")
	})

	t.Run("BeforeAuth", func(t *testing.T) {
		c := n.dial(t, dialOptions{})
		c.writeRaw(websocket.MessageText, []byte(`{"type":"auth","token":"`+strings.Repeat("x", realtime.DefaultReadLimit)+`"}`))
		c.expectClose(websocket.StatusMessageTooBig, "")
	})
}

// subjectOf returns a conversation's staff wildcard subject.
func subjectOf(t *testing.T, e *env, convID string) string {
	t.Helper()
	s, err := e.svc.ConversationWildcard(e.ws.ID, convID)
	must(t, err)
	return s
}
