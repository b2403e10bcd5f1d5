package storetest

import (
	"encoding/json"
	"testing"

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

		events := allEvents(t, s, ws)
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
		checkPages(t, idsOf(events), 4, 4, func(opt parley.ListOptions) (parley.List[*parley.Event], error) {
			return s.ListEvents(ctx, ws, opt)
		}, func(e *parley.Event) string { return e.ID })
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
