package httpapi_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/parleychat/parley"
)

// TestVisitorReachesOwnConversationsOnly checks that a visitor's token
// reaches its own contact's conversations and nothing of another's: every
// conversation, message and attachment operation answers 404, exactly as
// for an ID that does not exist.
func TestVisitorReachesOwnConversationsOnly(t *testing.T) {
	ts := newServer(t)
	in := ts.inbox(t)
	alice, bob := ts.guest(t, in), ts.guest(t, in)
	conv := ts.start(t, alice)
	msg := ts.say(t, alice, conv.ID, "Hello, I need help")
	var att attachmentBody
	ts.upload(t, alice, conv.ID, "text/plain", "notes.txt", []byte("order 42")).want(t, 201).decode(t, &att)

	// Alice reaches all of it.
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID, alice, nil).want(t, 200)
	ts.do(t, "GET", "/api/v1/messages/"+msg.ID, alice, nil).want(t, 200)
	ts.do(t, "GET", "/api/v1/attachments/"+att.ID, alice, nil).want(t, 200)

	id := conv.ID
	for _, tt := range []struct {
		method, path string
		body         any
	}{
		{"GET", "/api/v1/conversations/" + id, nil},
		{"GET", "/api/v1/conversations/" + id + "/messages", nil},
		{"POST", "/api/v1/conversations/" + id + "/messages", map[string]any{"body": "Let me in"}},
		{"POST", "/api/v1/conversations/" + id + "/read", map[string]any{"seq": 1}},
		{"GET", "/api/v1/conversations/" + id + "/read-states", nil},
		{"GET", "/api/v1/conversations/" + id + "/unread", nil},
		{"POST", "/api/v1/conversations/" + id + "/typing", map[string]any{}},
		{"POST", "/api/v1/conversations/" + id + "/resolve", nil},
		{"POST", "/api/v1/conversations/" + id + "/attachments?filename=x.txt", "text"},
		{"GET", "/api/v1/messages/" + msg.ID, nil},
		{"PATCH", "/api/v1/messages/" + msg.ID, map[string]any{"body": "Edited by Bob"}},
		{"DELETE", "/api/v1/messages/" + msg.ID, nil},
		{"GET", "/api/v1/attachments/" + att.ID, nil},
	} {
		t.Run(tt.method+strings.ReplaceAll(strings.TrimPrefix(tt.path, "/api/v1"), "/", "_"), func(t *testing.T) {
			ts.do(t, tt.method, tt.path, bob, tt.body).problem(t, 404, "not_found")
		})
	}

	// Bob's list holds none of Alice's conversations, whatever he asks for.
	for _, q := range []string{"", "?contact_id=" + alice.contactID, "?inbox_id=" + in.ID + "&status=open,pending"} {
		r := ts.do(t, "GET", "/api/v1/conversations"+q, bob, nil).want(t, 200)
		if strings.Contains(string(r.body), conv.ID) {
			t.Errorf("GET /conversations%s as Bob shows Alice's conversation: %s", q, r.body)
		}
	}
	var mine struct {
		Items []conversationBody `json:"items"`
	}
	ts.do(t, "GET", "/api/v1/conversations?contact_id="+bob.contactID, alice, nil).want(t, 200).decode(t, &mine)
	if len(mine.Items) != 1 || mine.Items[0].ID != conv.ID {
		t.Errorf("Alice's list = %+v, want her conversation only", mine.Items)
	}
	// Nothing of Alice's changed.
	if got := ts.messages(t, alice, conv.ID, ""); len(got) != 1 || got[0].Body != "Hello, I need help" {
		t.Errorf("Alice's messages = %+v", got)
	}
}

// TestVisitorRights checks what a visitor may not do in its own
// conversation.
func TestVisitorRights(t *testing.T) {
	ts := newServer(t)
	in, other := ts.inbox(t), ts.inbox(t)
	v := ts.guest(t, in)
	conv := ts.start(t, v)
	ts.say(t, v, conv.ID, "Hi")
	ann := ts.member(t, parley.RoleAgent)

	for _, tt := range []struct {
		name, method, path string
		body               any
	}{
		{"Note", "POST", "/api/v1/conversations/" + conv.ID + "/messages", map[string]any{"kind": "note", "body": "psst"}},
		{"SystemLine", "POST", "/api/v1/conversations/" + conv.ID + "/messages", map[string]any{"kind": "event", "body": "Ann joined"}},
		{"DisplayName", "POST", "/api/v1/conversations/" + conv.ID + "/messages", map[string]any{"body": "Hi", "display_name": "Support"}},
		{"TypingNote", "POST", "/api/v1/conversations/" + conv.ID + "/typing", map[string]any{"note": true}},
		{"Assign", "POST", "/api/v1/conversations/" + conv.ID + "/assign", map[string]any{"agent_id": ann.agent.ID}},
		{"Transfer", "POST", "/api/v1/conversations/" + conv.ID + "/transfer", map[string]any{"from_agent_id": ann.agent.ID, "to_agent_id": ann.agent.ID}},
		{"Unassign", "POST", "/api/v1/conversations/" + conv.ID + "/unassign", map[string]any{"from_agent_id": ann.agent.ID}},
		{"Reopen", "POST", "/api/v1/conversations/" + conv.ID + "/reopen", nil},
		{"OtherInbox", "POST", "/api/v1/conversations", map[string]any{"inbox_id": other.ID}},
		{"OtherContact", "POST", "/api/v1/conversations", map[string]any{"contact_id": ts.guest(t, in).contactID}},
		{"Priority", "POST", "/api/v1/conversations", map[string]any{"priority": 100}},
		{"StaffAPI", "GET", "/api/v1/agents", nil},
		{"Me", "GET", "/api/v1/me", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ts.do(t, tt.method, tt.path, v, tt.body).problem(t, 403, "forbidden")
		})
	}
	// Typing is allowed, and a visitor may end its own chat.
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/typing", v, nil).want(t, 204)
	var c conversationBody
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/resolve", v, nil).want(t, 200).decode(t, &c)
	if c.Status != "resolved" {
		t.Errorf("status = %q, want resolved", c.Status)
	}
}

// TestNotesNeverReachVisitors checks every REST path a visitor reads: a
// note is in the agent's view and nowhere in the visitor's.
func TestNotesNeverReachVisitors(t *testing.T) {
	ts := newServer(t)
	in := ts.inbox(t)
	v := ts.guest(t, in)
	ann := ts.member(t, parley.RoleAgent)
	conv := ts.start(t, v)
	ts.say(t, v, conv.ID, "My order is late")
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/assign", ann, nil).want(t, 200)
	ts.say(t, ann, conv.ID, "Let me check")
	const secretNote = "VIP-customer-refund-approved"
	note := ts.sendMessage(t, ann, conv.ID, map[string]any{"kind": "note", "body": secretNote, "client_id": "n1"})
	ts.do(t, "PATCH", "/api/v1/messages/"+note.ID, ann, map[string]any{"body": secretNote + " (edited)"}).want(t, 200)
	ts.say(t, ann, conv.ID, "Found it")

	// The agent sees the note.
	agentView := ts.messages(t, ann, conv.ID, "")
	if !slices.ContainsFunc(agentView, func(m messageBody) bool { return m.ID == note.ID && m.Kind == "note" }) {
		t.Fatalf("the agent does not see the note: %+v", agentView)
	}
	var agentUnread struct {
		Count int `json:"count"`
	}
	// Of what Ann has not read, only the visitor's first message is not her own.
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/unread", ann, nil).want(t, 200).decode(t, &agentUnread)
	if agentUnread.Count != 1 {
		t.Errorf("agent unread = %d, want 1", agentUnread.Count)
	}

	// The visitor's every read path.
	var bodies []string
	for _, path := range []string{
		"/api/v1/conversations/" + conv.ID + "/messages",
		"/api/v1/conversations/" + conv.ID + "/messages?after_seq=2",
		"/api/v1/conversations/" + conv.ID + "/messages?before_seq=10&limit=1",
		"/api/v1/conversations/" + conv.ID + "/messages?before_seq=3&limit=1", // the visitor's 3 is the note's successor
		"/api/v1/conversations/" + conv.ID,
		"/api/v1/conversations",
		"/api/v1/conversations/" + conv.ID + "/read-states",
		"/api/v1/conversations/" + conv.ID + "/unread",
	} {
		bodies = append(bodies, string(ts.do(t, "GET", path, v, nil).want(t, 200).body))
	}
	for _, b := range bodies {
		if strings.Contains(b, secretNote) || strings.Contains(b, note.ID) || strings.Contains(b, `"note"`) {
			t.Errorf("a visitor response carries the note: %s", b)
		}
	}
	visitorView := ts.messages(t, v, conv.ID, "")
	var seqs []int64
	for _, m := range visitorView {
		seqs = append(seqs, m.Seq)
	}
	// The visitor's sequence counts only what it may see: no gap where
	// the note (seq 3 for staff) is.
	if !slices.Equal(seqs, []int64{1, 2, 3}) {
		t.Errorf("visitor sees seqs %v, want [1 2 3] (the note left out, and not counted)", seqs)
	}
	ts.do(t, "GET", "/api/v1/messages/"+note.ID, v, nil).problem(t, 404, "not_found")
	ts.do(t, "PATCH", "/api/v1/messages/"+note.ID, v, map[string]any{"body": "x"}).problem(t, 404, "not_found")
	ts.do(t, "DELETE", "/api/v1/messages/"+note.ID, v, nil).problem(t, 404, "not_found")

	var unread struct {
		Count int `json:"count"`
	}
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/unread", v, nil).want(t, 200).decode(t, &unread)
	if unread.Count != 2 {
		t.Errorf("visitor unread = %d, want 2 (the agent's two replies, not the note)", unread.Count)
	}
	// Marking read past the note and asking again counts nothing.
	var read struct {
		LastReadSeq int64 `json:"last_read_seq"`
	}
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/read", v, map[string]any{"seq": 100}).want(t, 200).decode(t, &read)
	if read.LastReadSeq != 3 {
		t.Errorf("last_read_seq = %d, want 3 (clamped to the visitor's last)", read.LastReadSeq)
	}
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/unread", v, nil).want(t, 200).decode(t, &unread)
	if unread.Count != 0 {
		t.Errorf("visitor unread after reading = %d", unread.Count)
	}
}

// TestIdempotentSend checks that a repeated client_id returns the first
// message and stores nothing, sequentially and concurrently.
func TestIdempotentSend(t *testing.T) {
	ts := newServer(t)
	v := ts.guest(t, ts.inbox(t))
	conv := ts.start(t, v)
	path := "/api/v1/conversations/" + conv.ID + "/messages"
	msg := map[string]any{"client_id": "c-1", "body": "Hello"}

	var first, again messageBody
	ts.do(t, "POST", path, v, msg).want(t, 201).decode(t, &first)
	ts.do(t, "POST", path, v, msg).want(t, 200).decode(t, &again)
	if first.Duplicate || !again.Duplicate || again.ID != first.ID || again.Seq != first.Seq || again.ClientID != "c-1" {
		t.Errorf("first %+v, again %+v", first, again)
	}

	// Ten clients racing with one key: one stores, all get the same message.
	const n = 10
	statuses := make([]int, n)
	ids := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			r := ts.do(t, "POST", path, v, map[string]any{"client_id": "c-2", "body": "Are you there?"})
			var m messageBody
			r.decode(t, &m)
			statuses[i], ids[i] = r.status, m.ID
		})
	}
	wg.Wait()
	slices.Sort(statuses)
	if statuses[0] != 200 || statuses[n-2] != 200 || statuses[n-1] != 201 {
		t.Errorf("statuses = %v, want one 201 and the rest 200", statuses)
	}
	if ids[0] == "" || slices.IndexFunc(ids, func(id string) bool { return id != ids[0] }) >= 0 {
		t.Errorf("message IDs = %v, want one", ids)
	}
	if got := ts.messages(t, v, conv.ID, ""); len(got) != 2 {
		t.Errorf("stored %d messages, want 2", len(got))
	}
}

// TestMessagePaging walks a conversation's messages forward with
// after_seq and backward with before_seq.
func TestMessagePaging(t *testing.T) {
	ts := newServer(t)
	v := ts.guest(t, ts.inbox(t))
	conv := ts.start(t, v)
	for i := 1; i <= 7; i++ {
		if m := ts.say(t, v, conv.ID, fmt.Sprintf("message %d", i)); m.Seq != int64(i) {
			t.Fatalf("message %d got seq %d", i, m.Seq)
		}
	}
	tests := []struct {
		query string
		want  []int64
	}{
		{"", []int64{1, 2, 3, 4, 5, 6, 7}},
		{"limit=3", []int64{1, 2, 3}},
		{"after_seq=3&limit=3", []int64{4, 5, 6}},
		{"after_seq=6&limit=3", []int64{7}},
		{"after_seq=7", nil},
		{"before_seq=6&limit=2", []int64{4, 5}},
		{"before_seq=3&limit=5", []int64{1, 2}},
		{"before_seq=1", nil},
		{"after_seq=2&before_seq=6", []int64{3, 4, 5}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var seqs []int64
			for _, m := range ts.messages(t, v, conv.ID, tt.query) {
				seqs = append(seqs, m.Seq)
			}
			if !slices.Equal(seqs, tt.want) {
				t.Errorf("seqs = %v, want %v", seqs, tt.want)
			}
		})
	}
}

// TestAssignRace has 20 agents take one pending conversation at once:
// exactly one wins.
func TestAssignRace(t *testing.T) {
	ts := newServer(t)
	v := ts.guest(t, ts.inbox(t))
	conv := ts.start(t, v)
	ts.say(t, v, conv.ID, "Anyone?")

	const n = 20
	agents := make([]staffMember, n)
	for i := range agents {
		agents[i] = ts.member(t, parley.RoleAgent)
	}
	results := make([]*result, n)
	var wg sync.WaitGroup
	for i, a := range agents {
		wg.Go(func() { results[i] = ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/assign", a, nil) })
	}
	wg.Wait()
	winner := -1
	for i, r := range results {
		switch r.status {
		case 200:
			if winner >= 0 {
				t.Errorf("agents %d and %d both took the conversation", winner, i)
			}
			winner = i
		case 409:
			r.problem(t, 409, "conflict")
		default:
			t.Errorf("agent %d: status %d: %s", i, r.status, r.body)
		}
	}
	if winner < 0 {
		t.Fatal("nobody took the conversation")
	}
	var c conversationBody
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID, v, nil).want(t, 200).decode(t, &c)
	if c.Status != "assigned" || c.AssigneeID != agents[winner].agent.ID {
		t.Errorf("conversation = %+v, want assigned to agent %d", c, winner)
	}
}

// TestLifecycle drives a conversation through the staff operations.
func TestLifecycle(t *testing.T) {
	ts := newServer(t)
	in := ts.inbox(t)
	v := ts.guest(t, in)
	ann, bob := ts.member(t, parley.RoleAgent), ts.member(t, parley.RoleAgent)
	app := ts.token(t, ts.ws.ID, parley.ScopeConversationsRead, parley.ScopeConversationsWrite)
	conv := ts.start(t, v)
	path := "/api/v1/conversations/" + conv.ID

	step := func(c creds, op string, body any, status int, want string) {
		t.Helper()
		r := ts.do(t, "POST", path+"/"+op, c, body)
		if r.status != status {
			t.Fatalf("%s: status %d, want %d: %s", op, r.status, status, r.body)
		}
		if status != 200 {
			return
		}
		var got conversationBody
		r.decode(t, &got)
		if got.Status+" "+got.AssigneeID != want {
			t.Fatalf("after %s: %q, want %q", op, got.Status+" "+got.AssigneeID, want)
		}
	}
	// Agents do not see a conversation before the visitor writes.
	step(ann, "assign", nil, 409, "")
	ts.say(t, v, conv.ID, "Hello")

	var pending struct {
		Items []conversationBody `json:"items"`
	}
	ts.do(t, "GET", "/api/v1/conversations?status=pending", ann, nil).want(t, 200).decode(t, &pending)
	if len(pending.Items) != 1 || pending.Items[0].ID != conv.ID {
		t.Fatalf("pending = %+v", pending.Items)
	}

	step(ann, "assign", map[string]any{"agent_id": bob.agent.ID}, 403, "") // agents take for themselves only
	step(ann, "assign", nil, 200, "assigned "+ann.agent.ID)
	step(bob, "assign", nil, 409, "")
	step(bob, "transfer", map[string]any{"from_agent_id": ann.agent.ID, "to_agent_id": bob.agent.ID}, 403, "") // agents act for themselves only
	step(ann, "transfer", map[string]any{"to_agent_id": bob.agent.ID}, 200, "assigned "+bob.agent.ID)
	step(bob, "unassign", nil, 200, "pending ")
	step(app, "assign", nil, 422, "") // an API token has no self
	step(app, "assign", map[string]any{"agent_id": ann.agent.ID}, 200, "assigned "+ann.agent.ID)
	step(ann, "resolve", nil, 200, "resolved "+ann.agent.ID)
	step(ann, "resolve", nil, 409, "")
	step(bob, "reopen", nil, 200, "pending ")
	step(bob, "reopen", nil, 409, "")

	// Staff list filters.
	other := ts.guest(t, in)
	otherConv := ts.start(t, other)
	for q, want := range map[string][]string{
		"status=pending":                 {conv.ID},
		"status=open":                    {otherConv.ID},
		"status=open,pending":            {conv.ID, otherConv.ID},
		"status=open&status=resolved":    {otherConv.ID},
		"contact_id=" + other.contactID:  {otherConv.ID},
		"inbox_id=" + in.ID + "&limit=1": {conv.ID},
	} {
		var l struct {
			Items []conversationBody `json:"items"`
		}
		ts.do(t, "GET", "/api/v1/conversations?"+q, ann, nil).want(t, 200).decode(t, &l)
		var ids []string
		for _, c := range l.Items {
			ids = append(ids, c.ID)
		}
		if !slices.Equal(ids, want) {
			t.Errorf("?%s = %v, want %v", q, ids, want)
		}
	}

	// Staff start conversations for a contact.
	var c conversationBody
	ts.do(t, "POST", "/api/v1/conversations", app, map[string]any{"inbox_id": in.ID, "contact_id": v.contactID}).want(t, 201).decode(t, &c)
	if c.ContactID != v.contactID || c.Status != "open" {
		t.Errorf("staff-started conversation = %+v", c)
	}
	p := ts.do(t, "POST", "/api/v1/conversations", app, map[string]any{}).problem(t, 422, "invalid")
	if got := strings.Join(p.locations(), ","); got != "body.contact_id,body.inbox_id" {
		t.Errorf("locations = %s", got)
	}
}

// TestStaffMessages checks agents' and bots' messages, edits and deletes.
func TestStaffMessages(t *testing.T) {
	ts := newServer(t)
	v := ts.guest(t, ts.inbox(t))
	ann := ts.member(t, parley.RoleAgent)
	bot := ts.member(t, parley.RoleAgent, func(a *parley.Agent) { a.Bot = true })
	boss := ts.member(t, parley.RoleSupervisor)
	conv := ts.start(t, v)
	mine := ts.say(t, v, conv.ID, "Hi")

	reply := ts.say(t, ann, conv.ID, "Hello!")
	if reply.Sender.Type != "agent" || reply.Sender.ID != ann.agent.ID {
		t.Errorf("agent's sender = %+v", reply.Sender)
	}
	botReply := ts.sendMessage(t, bot, conv.ID, map[string]any{"body": "I am a bot", "display_name": "Helper"})
	if botReply.Sender.Type != "bot" || botReply.Sender.ID != bot.agent.ID || botReply.Sender.DisplayName != "Helper" {
		t.Errorf("bot's sender = %+v", botReply.Sender)
	}
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/messages", ann, map[string]any{"body": "x", "display_name": "Not me"}).problem(t, 403, "forbidden")

	var edited messageBody
	ts.do(t, "PATCH", "/api/v1/messages/"+mine.ID, v, map[string]any{"body": "Hi there"}).want(t, 200).decode(t, &edited)
	if edited.Body != "Hi there" {
		t.Errorf("edited = %+v", edited)
	}
	ts.do(t, "PATCH", "/api/v1/messages/"+mine.ID, ann, map[string]any{"body": "Hijacked"}).problem(t, 403, "forbidden")
	ts.do(t, "DELETE", "/api/v1/messages/"+mine.ID, ann, nil).problem(t, 403, "forbidden")
	ts.do(t, "DELETE", "/api/v1/messages/"+reply.ID, boss, nil).want(t, 204) // moderation
	ts.do(t, "DELETE", "/api/v1/messages/"+reply.ID, ann, nil).problem(t, 409, "conflict")
	ts.do(t, "DELETE", "/api/v1/messages/"+mine.ID, v, nil).want(t, 204)
	for _, m := range ts.messages(t, v, conv.ID, "") {
		if (m.ID == mine.ID || m.ID == reply.ID) && m.Body != "" {
			t.Errorf("deleted message %s still has a body", m.ID)
		}
	}
}

// TestConversationBadInput checks that bad input is a 422 naming the field
// (or a 413 for an oversized request).
func TestConversationBadInput(t *testing.T) {
	ts := newServer(t)
	v := ts.guest(t, ts.inbox(t))
	ann := ts.member(t, parley.RoleAgent)
	conv := ts.start(t, v)
	msgs := "/api/v1/conversations/" + conv.ID + "/messages"
	tests := []struct {
		name         string
		c            creds
		method, path string
		body         any
		status       int
		locations    []string
	}{
		{"MissingBody", v, "POST", msgs, map[string]any{"client_id": "a"}, 422, []string{"body.body"}},
		{"BlankBody", v, "POST", msgs, map[string]any{"body": "  "}, 422, []string{"body.body"}},
		{"LongBody", v, "POST", msgs, map[string]any{"body": strings.Repeat("x", parley.MaxMessageBodySize+1)}, 422, []string{"body.body"}},
		{"UnknownKind", v, "POST", msgs, map[string]any{"kind": "shout", "body": "Hi"}, 422, []string{"body.kind"}},
		{"LongClientID", v, "POST", msgs, map[string]any{"body": "Hi", "client_id": strings.Repeat("c", 65)}, 422, []string{"body.client_id"}},
		{"AttachmentsOnText", v, "POST", msgs, map[string]any{"body": "Hi", "attachment_ids": []string{"x"}}, 422, []string{"body.attachment_ids"}},
		{"AttachmentWithout", v, "POST", msgs, map[string]any{"kind": "attachment"}, 422, []string{"body.attachment_ids"}},
		{"UnknownField", v, "POST", msgs, map[string]any{"body": "Hi", "sender": "agent"}, 422, []string{"body.sender"}},
		{"OversizedRequest", v, "POST", msgs, map[string]any{"body": strings.Repeat("x", 200<<10)}, 413, nil},
		{"NotJSON", v, "POST", msgs, "{", 400, nil},
		{"NegativeSeq", v, "POST", "/api/v1/conversations/" + conv.ID + "/read", map[string]any{"seq": -1}, 422, []string{"body.seq"}},
		{"SeqNotANumber", v, "POST", "/api/v1/conversations/" + conv.ID + "/read", map[string]any{"seq": "ten"}, 422, []string{"body.seq"}},
		{"NegativeAfterSeq", v, "GET", msgs + "?after_seq=-1", nil, 422, []string{"query.after_seq"}},
		{"AfterSeqNotANumber", v, "GET", msgs + "?after_seq=x", nil, 422, []string{"query.after_seq"}},
		{"LimitTooHigh", v, "GET", msgs + "?limit=201", nil, 422, []string{"query.limit"}},
		{"UnknownStatus", ann, "GET", "/api/v1/conversations?status=pending,lost", nil, 422, []string{"query.status"}},
		{"BadCursor", ann, "GET", "/api/v1/conversations?cursor=!!", nil, 422, []string{"query.cursor"}},
		{"TransferWithoutTarget", ann, "POST", "/api/v1/conversations/" + conv.ID + "/transfer", map[string]any{}, 422, []string{"body.to_agent_id"}},
		{"EditEmpty", v, "PATCH", "/api/v1/messages/" + ts.say(t, v, conv.ID, "Hi").ID, map[string]any{"body": ""}, 422, []string{"body.body"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := ts.do(t, tt.method, tt.path, tt.c, tt.body).problem(t, tt.status, "invalid")
			if got := p.locations(); tt.locations != nil && !slices.Equal(got, tt.locations) {
				t.Errorf("locations = %q, want %q (%s)", got, tt.locations, p.Detail)
			}
		})
	}
}
