package storetest

import (
	"encoding/json"
	"slices"
	"sync"
	"testing"

	"github.com/parleychat/parley"
)

// system is the participant of changes made by Parley itself.
var system = parley.Participant{Type: parley.ParticipantSystem}

func agentP(a *parley.Agent) parley.Participant {
	return parley.Participant{Type: parley.ParticipantAgent, ID: a.ID}
}

func contactP(c *parley.Contact) parley.Participant {
	return parley.Participant{Type: parley.ParticipantContact, ID: c.ID}
}

func agentSender(a *parley.Agent) parley.Sender {
	return parley.Sender{Type: parley.ParticipantAgent, ID: a.ID}
}

func contactSender(c *parley.Contact) parley.Sender {
	return parley.Sender{Type: parley.ParticipantContact, ID: c.ID}
}

func mustContact(t *testing.T, s parley.Store, workspaceID string) *parley.Contact {
	t.Helper()
	c := &parley.Contact{WorkspaceID: workspaceID, Name: "Visitor"}
	must(t, s.CreateContact(t.Context(), c))
	return c
}

// thread is a conversation with what it belongs to.
type thread struct {
	ws      *parley.Workspace
	inbox   *parley.Inbox
	contact *parley.Contact
	conv    *parley.Conversation
}

// mustThread creates a workspace, an inbox, a contact and an open
// conversation between them.
func mustThread(t *testing.T, s parley.Store) *thread {
	t.Helper()
	w := mustWorkspace(t, s)
	return mustThreadIn(t, s, w, mustInbox(t, s, w.ID))
}

// mustThreadIn creates a contact and an open conversation in inbox.
func mustThreadIn(t *testing.T, s parley.Store, w *parley.Workspace, in *parley.Inbox) *thread {
	t.Helper()
	c := mustContact(t, s, w.ID)
	conv := &parley.Conversation{WorkspaceID: w.ID, InboxID: in.ID, ContactID: c.ID}
	_, err := s.CreateConversation(t.Context(), conv, contactP(c))
	must(t, err)
	return &thread{ws: w, inbox: in, contact: c, conv: conv}
}

// text returns the input of a text message from sender in th.
func (th *thread) text(sender parley.Sender, body string) parley.MessageInput {
	return parley.MessageInput{
		WorkspaceID: th.ws.ID, ConversationID: th.conv.ID, Kind: parley.KindText, Sender: sender, Body: body,
	}
}

// mustAppend appends in and returns the result.
func mustAppend(t *testing.T, s parley.Store, in parley.MessageInput) *parley.AppendResult {
	t.Helper()
	r, err := s.AppendMessage(t.Context(), in)
	must(t, err)
	return r
}

// mustPending moves th's open conversation to pending with a visitor message.
func (th *thread) mustPending(t *testing.T, s parley.Store) {
	t.Helper()
	r := mustAppend(t, s, th.text(contactSender(th.contact), "Hello?"))
	if r.Conversation.Status != parley.StatusPending {
		t.Fatalf("status after the first visitor message = %q, want pending", r.Conversation.Status)
	}
	th.conv = r.Conversation
}

func mustConversation(t *testing.T, s parley.Store, workspaceID, id string) *parley.Conversation {
	t.Helper()
	c, err := s.FindConversation(t.Context(), workspaceID, id)
	must(t, err)
	return c
}

// allEvents returns every event of the workspace, oldest first.
func allEvents(t *testing.T, s parley.Store, workspaceID string) []*parley.Event {
	t.Helper()
	var all []*parley.Event
	opt := parley.ListOptions{Limit: parley.MaxListLimit}
	for {
		l, err := s.ListEvents(t.Context(), workspaceID, opt)
		must(t, err)
		all = append(all, l.Items...)
		if l.Next == "" {
			return all
		}
		opt.After = l.Next
	}
}

// eventTypes returns the types of the conversation's events, oldest first.
func eventTypes(t *testing.T, s parley.Store, workspaceID, conversationID string) []parley.EventType {
	t.Helper()
	var types []parley.EventType
	for _, e := range allEvents(t, s, workspaceID) {
		if e.ConversationID == conversationID {
			types = append(types, e.Type)
		}
	}
	return types
}

// allMessages returns every message of the conversation, notes included.
func allMessages(t *testing.T, s parley.Store, workspaceID, conversationID string) []*parley.Message {
	t.Helper()
	var all []*parley.Message
	q := parley.MessageQuery{Limit: parley.MaxListLimit, IncludeNotes: true}
	for {
		page, err := s.ListMessages(t.Context(), workspaceID, conversationID, q)
		must(t, err)
		all = append(all, page...)
		if len(page) < q.Limit {
			return all
		}
		q.AfterSeq = page[len(page)-1].Seq
	}
}

func seqs(msgs []*parley.Message) []int64 {
	out := make([]int64, len(msgs))
	for i, m := range msgs {
		out[i] = m.Seq
	}
	return out
}

// span returns [from, from+1, …, to].
func span(from, to int64) []int64 {
	var out []int64
	for i := from; i <= to; i++ {
		out = append(out, i)
	}
	return out
}

// decodeConversationEvent checks e's type and conversation and decodes its payload.
func decodeConversationEvent(t *testing.T, e *parley.Event, typ parley.EventType) parley.ConversationEventData {
	t.Helper()
	if e == nil {
		t.Fatalf("no event, want %s", typ)
	}
	if e.Type != typ {
		t.Fatalf("event type = %q, want %q", e.Type, typ)
	}
	var d parley.ConversationEventData
	must(t, json.Unmarshal(e.Payload, &d))
	if d.Conversation == nil || d.Conversation.ID != e.ConversationID {
		t.Fatalf("event %s: payload conversation %+v, want ID %s", typ, d.Conversation, e.ConversationID)
	}
	return d
}

// decodeMessageEvent checks e's type and decodes its payload.
func decodeMessageEvent(t *testing.T, e *parley.Event, typ parley.EventType) parley.MessageEventData {
	t.Helper()
	if e.Type != typ {
		t.Fatalf("event type = %q, want %q", e.Type, typ)
	}
	var d parley.MessageEventData
	must(t, json.Unmarshal(e.Payload, &d))
	if d.Message == nil || d.Message.ConversationID != e.ConversationID {
		t.Fatalf("event %s: payload message %+v, want conversation %s", typ, d.Message, e.ConversationID)
	}
	return d
}

// raceN runs fn(i) for i in [0, n) on as many goroutines, released at once,
// and returns their errors by i.
func raceN(n int, fn func(i int) error) []error {
	errs := make([]error, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			errs[i] = fn(i)
		})
	}
	close(start)
	wg.Wait()
	return errs
}

// sorted returns a sorted copy.
func sorted[T int64 | string](in []T) []T {
	out := slices.Clone(in)
	slices.Sort(out)
	return out
}
