package storetest

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func testEvents(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("OutboxInOrder", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		ws, id := th.ws.ID, th.conv.ID
		a, b := mustAgent(t, s, ws), mustAgent(t, s, ws)
		mustThread(t, s) // another workspace's events stay apart

		var returned []*parley.Event
		add := func(evs ...*parley.Event) { returned = append(returned, evs...) }
		r := mustAppend(t, s, th.text(contactSender(th.contact), "Hi"))
		add(r.Events...)
		_, ev, err := s.AssignConversation(ctx, ws, id, a.ID, agentP(a))
		must(t, err)
		add(ev)
		r = mustAppend(t, s, th.text(agentSender(a), "Hello"))
		add(r.Events...)
		note := th.text(agentSender(a), "VIP")
		note.Kind = parley.KindNote
		r = mustAppend(t, s, note)
		add(r.Events...)
		_, ev, err = s.EditMessage(ctx, ws, r.Message.ID, "VIP customer", agentP(a))
		must(t, err)
		add(ev)
		_, ev, err = s.DeleteMessage(ctx, ws, r.Message.ID, agentP(a))
		must(t, err)
		add(ev)
		_, ev, err = s.TransferConversation(ctx, ws, id, a.ID, b.ID, agentP(a))
		must(t, err)
		add(ev)
		_, ev, err = s.UnassignConversation(ctx, ws, id, b.ID, agentP(b))
		must(t, err)
		add(ev)
		_, ev, err = s.ResolveConversation(ctx, ws, id, system)
		must(t, err)
		add(ev)
		_, ev, err = s.ReopenConversation(ctx, ws, id, agentP(b))
		must(t, err)
		add(ev)

		// The agents a and b were created first: agent.created events,
		// apart from the conversation's.
		var events []*parley.Event
		agentsCreated := 0
		for _, e := range allEvents(t, s, ws) {
			if e.Type == parley.EventAgentCreated {
				agentsCreated++
				continue
			}
			events = append(events, e)
		}
		if agentsCreated != 2 {
			t.Errorf("%d agent.created events, want 2", agentsCreated)
		}
		var types []parley.EventType
		for _, e := range events {
			types = append(types, e.Type)
		}
		diff(t, []parley.EventType{
			parley.EventContactCreated, parley.EventConversationCreated,
			parley.EventMessageCreated, parley.EventConversationQueued,
			parley.EventConversationAssigned,
			parley.EventMessageCreated,
			parley.EventMessageCreated, parley.EventMessageUpdated, parley.EventMessageDeleted,
			parley.EventConversationTransferred, parley.EventConversationUnassigned,
			parley.EventConversationResolved, parley.EventConversationReopened,
		}, types)
		// What the methods returned is what the outbox holds, payload bytes included.
		diff(t, returned, events[2:])
		for _, e := range events {
			if e.WorkspaceID != ws {
				t.Errorf("event %s of workspace %s", e.ID, e.WorkspaceID)
			}
			if e.Type != parley.EventContactCreated && e.ConversationID != id {
				t.Errorf("event %s: conversation %q, want %s", e.Type, e.ConversationID, id)
			}
			if !json.Valid(e.Payload) {
				t.Errorf("event %s: invalid payload %s", e.Type, e.Payload)
			}
		}
		checkPages(t, idsOf(allEvents(t, s, ws)), 4, 4, func(opt parley.ListOptions) (parley.List[*parley.Event], error) {
			return s.ListEvents(ctx, ws, opt)
		}, func(e *parley.Event) string { return e.ID })
	})

	// A message.created event's outbox row refers to its message (the
	// store may keep it so): every read gives back the payload the append
	// returned, byte for byte, and an edit, a deletion or a contact merge
	// later does not change it.
	t.Run("MessagePayloadsReadBack", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		ws := th.ws.ID
		a := mustAgent(t, s, ws)
		want := map[string]string{}
		var created []string
		add := func(r *parley.AppendResult) {
			for _, e := range r.Events {
				want[e.ID] = string(e.Payload)
				if e.Type == parley.EventMessageCreated {
					created = append(created, e.ID)
				}
			}
		}
		text := mustAppend(t, s, th.text(contactSender(th.contact), "Hi, \"quoted\" <b>&</b> é"))
		add(text)
		note := th.text(agentSender(a), "VIP")
		note.Kind = parley.KindNote
		noteRes := mustAppend(t, s, note)
		add(noteRes)
		add(mustAppend(t, s, th.text(agentSender(a), "Hello")))
		if len(created) != 3 {
			t.Fatalf("%d message.created events, want 3", len(created))
		}
		check := func(when string) {
			t.Helper()
			for _, e := range allEvents(t, s, ws) {
				if w, ok := want[e.ID]; ok && string(e.Payload) != w {
					t.Errorf("%s: ListEvents gives %s %s, the append returned %s", when, e.Type, e.Payload, w)
				}
			}
			for id, w := range want {
				e, err := s.FindEvent(ctx, ws, id)
				must(t, err)
				if e.ID != id || e.WorkspaceID != ws || string(e.Payload) != w {
					t.Errorf("%s: FindEvent gives %s %s %s, the append returned %s", when, e.ID, e.Type, e.Payload, w)
				}
			}
			for {
				n, err := s.FanOutEvents(ctx, 100)
				must(t, err)
				if n == 0 {
					break
				}
			}
			feed, err := s.ListFeedEvents(ctx, ws, 0, 1000)
			must(t, err)
			seen := 0
			for _, fe := range feed {
				if w, ok := want[fe.Event.ID]; ok {
					seen++
					if string(fe.Event.Payload) != w {
						t.Errorf("%s: the feed gives %s %s, the append returned %s", when, fe.Event.Type, fe.Event.Payload, w)
					}
				}
			}
			if seen != len(want) {
				t.Errorf("%s: the feed holds %d of the %d events", when, seen, len(want))
			}
		}
		check("as appended")
		_, _, err := s.EditMessage(ctx, ws, text.Message.ID, "Edited", contactP(th.contact))
		must(t, err)
		_, _, err = s.DeleteMessage(ctx, ws, noteRes.Message.ID, agentP(a))
		must(t, err)
		check("after an edit and a deletion")
		// A merge moves the contact's messages to the contact that
		// remains; their message.created events still name the sender
		// they were written by.
		_, _, remains := mustGuest(t, s, th.inbox)
		_, _, err = s.MergeContacts(ctx, nil, ws, remains.ID, th.contact.ID, parley.MergeReasonLogin)
		must(t, err)
		check("after the sender's contact was merged into another")
	})

	// FindEvent reads one event as ListEvents does, in its workspace only.
	t.Run("FindEvent", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		r := mustAppend(t, s, th.text(contactSender(th.contact), "Hello"))
		for _, want := range r.Events {
			got, err := s.FindEvent(ctx, th.ws.ID, want.ID)
			must(t, err)
			if got.ID != want.ID || got.Type != want.Type || got.ConversationID != want.ConversationID ||
				string(got.Payload) != string(want.Payload) || !got.CreatedAt.Equal(want.CreatedAt.Truncate(time.Microsecond)) {
				t.Errorf("FindEvent = %+v, want %+v", got, want)
			}
			_, err = s.FindEvent(ctx, mustWorkspace(t, s).ID, want.ID)
			wantCode(t, err, parley.ENOTFOUND)
		}
		_, err := s.FindEvent(ctx, th.ws.ID, "01900000-0000-7000-8000-00000000dead")
		wantCode(t, err, parley.ENOTFOUND)
	})

	t.Run("Empty", func(t *testing.T) {
		w := mustWorkspace(t, s)
		l, err := s.ListEvents(t.Context(), w.ID, parley.ListOptions{})
		must(t, err)
		diff(t, []*parley.Event{}, l.Items)
	})
}

func idsOf(events []*parley.Event) []string {
	ids := make([]string, len(events))
	for i, e := range events {
		ids[i] = e.ID
	}
	return ids
}
