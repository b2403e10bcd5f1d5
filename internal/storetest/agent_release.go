package storetest

import (
	"testing"

	"github.com/parleychat/parley"
)

// testAgentRelease checks that disabling or deleting an agent puts the
// conversations assigned to it back in the queue in the same transaction,
// each with the conversation.unassigned event an unassign writes, and that
// no assignment to the agent slips in while it is disabled or deleted.
func testAgentRelease(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	// desk is a workspace with two agents and conversations in every state.
	type desk struct {
		ws                   *parley.Workspace
		ann, bob             *parley.Agent
		held                 []*parley.Conversation // assigned to Ann
		resolved, bobs, open *parley.Conversation
		pending              *parley.Conversation
	}
	newDesk := func(t *testing.T) *desk {
		t.Helper()
		ctx := t.Context()
		d := &desk{ws: mustWorkspace(t, s)}
		d.ann, d.bob = mustAgent(t, s, d.ws.ID), mustAgent(t, s, d.ws.ID)
		in := mustInbox(t, s, d.ws.ID)
		take := func(a *parley.Agent) *parley.Conversation {
			th := mustThreadIn(t, s, d.ws, in)
			th.mustPending(t, s)
			c, _, err := s.AssignConversation(ctx, d.ws.ID, th.conv.ID, a.ID, agentP(a))
			must(t, err)
			return c
		}
		d.held = []*parley.Conversation{take(d.ann), take(d.ann)}
		d.resolved = take(d.ann)
		var err error
		d.resolved, _, err = s.ResolveConversation(ctx, d.ws.ID, d.resolved.ID, agentP(d.ann))
		must(t, err)
		d.bobs = take(d.bob)
		th := mustThreadIn(t, s, d.ws, in)
		th.mustPending(t, s)
		d.pending = th.conv
		d.open = mustThreadIn(t, s, d.ws, in).conv
		return d
	}
	// wantReleased checks the events a release returned against the
	// outbox and the conversations Ann held, now pending.
	wantReleased := func(t *testing.T, d *desk, events []*parley.Event) {
		t.Helper()
		if len(events) != len(d.held) {
			t.Fatalf("%d events returned, want %d", len(events), len(d.held))
		}
		outbox := map[string]*parley.Event{}
		for _, e := range allEvents(t, s, d.ws.ID) {
			outbox[e.ID] = e
		}
		for i, e := range events {
			if e.ConversationID != d.held[i].ID {
				t.Errorf("event %d is of conversation %s, want %s (oldest first)", i, e.ConversationID, d.held[i].ID)
			}
			diff(t, outbox[e.ID], e)
			data := decodeConversationEvent(t, e, parley.EventConversationUnassigned)
			if data.By != system || data.PreviousAssigneeID != d.ann.ID {
				t.Errorf("event by %+v, previous assignee %q; want the system, %s", data.By, data.PreviousAssigneeID, d.ann.ID)
			}
			c := mustConversation(t, s, d.ws.ID, e.ConversationID)
			diff(t, c, data.Conversation)
			if c.Status != parley.StatusPending || c.AssigneeID != "" || c.AssignedAt != nil {
				t.Errorf("released conversation = %s %q %v, want pending, no assignee", c.Status, c.AssigneeID, c.AssignedAt)
			}
		}
		// The others are as they were (a deleted agent's resolved
		// conversations lose their assignee by the foreign key).
		got := mustConversation(t, s, d.ws.ID, d.resolved.ID)
		if got.Status != parley.StatusResolved {
			t.Errorf("resolved conversation became %s", got.Status)
		}
		diff(t, d.bobs, mustConversation(t, s, d.ws.ID, d.bobs.ID))
		diff(t, d.pending, mustConversation(t, s, d.ws.ID, d.pending.ID))
		diff(t, d.open, mustConversation(t, s, d.ws.ID, d.open.ID))
		for _, c := range []*parley.Conversation{d.resolved, d.bobs, d.pending, d.open} {
			for _, typ := range eventTypes(t, s, d.ws.ID, c.ID) {
				if typ == parley.EventConversationUnassigned {
					t.Errorf("conversation %s (%s) was unassigned", c.ID, c.Status)
				}
			}
		}
	}

	t.Run("Disable", func(t *testing.T) {
		ctx := t.Context()
		d := newDesk(t)
		a, events, err := s.UpdateAgentReleasing(ctx, actor, d.ws.ID, d.ann.ID, parley.AgentUpdate{Disabled: ptr(true)})
		must(t, err)
		if !a.Disabled {
			t.Error("agent not disabled")
		}
		wantReleased(t, d, events)
		got := mustConversation(t, s, d.ws.ID, d.resolved.ID)
		if got.AssigneeID != d.ann.ID {
			t.Errorf("resolved conversation's assignee = %q, want %s kept", got.AssigneeID, d.ann.ID)
		}
		e := wantAudit(t, s, d.ws.ID, "agent.update", "agent", d.ann.ID)
		diff(t, map[string]any{"disabled": true, "released_conversations": float64(len(d.held))}, e.Details)

		// A disabled agent is assigned nothing, by assignment or transfer.
		_, _, err = s.AssignConversation(ctx, d.ws.ID, d.pending.ID, d.ann.ID, system)
		wantCode(t, err, parley.EINVALID)
		_, _, err = s.TransferConversation(ctx, d.ws.ID, d.bobs.ID, d.bob.ID, d.ann.ID, system)
		wantCode(t, err, parley.EINVALID)

		// Nothing more to release; changes that do not disable release nothing.
		_, events, err = s.UpdateAgentReleasing(ctx, actor, d.ws.ID, d.ann.ID, parley.AgentUpdate{Disabled: ptr(true)})
		must(t, err)
		diff(t, 0, len(events))
		_, events, err = s.UpdateAgentReleasing(ctx, actor, d.ws.ID, d.bob.ID, parley.AgentUpdate{Name: ptr("Bob"), Disabled: ptr(false)})
		must(t, err)
		diff(t, 0, len(events))
		diff(t, d.bobs, mustConversation(t, s, d.ws.ID, d.bobs.ID))

		// Enabled again, the agent takes conversations again.
		_, err = s.UpdateAgent(ctx, actor, d.ws.ID, d.ann.ID, parley.AgentUpdate{Disabled: ptr(false)})
		must(t, err)
		_, _, err = s.AssignConversation(ctx, d.ws.ID, d.pending.ID, d.ann.ID, system)
		must(t, err)
	})

	t.Run("UpdateAgentReleasesToo", func(t *testing.T) {
		d := newDesk(t)
		_, err := s.UpdateAgent(t.Context(), actor, d.ws.ID, d.ann.ID, parley.AgentUpdate{Disabled: ptr(true)})
		must(t, err)
		var events []*parley.Event
		for _, e := range allEvents(t, s, d.ws.ID) {
			if e.Type == parley.EventConversationUnassigned {
				events = append(events, e)
			}
		}
		wantReleased(t, d, events)
	})

	t.Run("Delete", func(t *testing.T) {
		ctx := t.Context()
		d := newDesk(t)
		events, err := s.DeleteAgentReleasing(ctx, actor, d.ws.ID, d.ann.ID)
		must(t, err)
		wantReleased(t, d, events)
		_, err = s.FindAgentByID(ctx, d.ws.ID, d.ann.ID)
		wantCode(t, err, parley.ENOTFOUND)
		e := wantAudit(t, s, d.ws.ID, "agent.delete", "agent", d.ann.ID)
		diff(t, map[string]any{"email": d.ann.Email, "name": d.ann.Name, "released_conversations": float64(len(d.held))}, e.Details)
		_, err = s.DeleteAgentReleasing(ctx, actor, d.ws.ID, d.ann.ID)
		wantCode(t, err, parley.ENOTFOUND)
	})

	t.Run("DeleteAgentReleasesToo", func(t *testing.T) {
		d := newDesk(t)
		must(t, s.DeleteAgent(t.Context(), actor, d.ws.ID, d.ann.ID))
		var events []*parley.Event
		for _, e := range allEvents(t, s, d.ws.ID) {
			if e.Type == parley.EventConversationUnassigned {
				events = append(events, e)
			}
		}
		wantReleased(t, d, events)
	})

	// The races give conversations to Ann (pending ones by assignment,
	// Bob's by transfer) while she is disabled or deleted: afterwards
	// none is hers or assigned to nobody, every assignment that succeeded
	// was released, and each failed one failed cleanly.
	for _, remove := range []struct {
		name    string
		call    func(t *testing.T, d *desk) ([]*parley.Event, error)
		refused string // the code of an assignment after the removal
	}{
		{"RaceDisable", func(t *testing.T, d *desk) ([]*parley.Event, error) {
			_, events, err := s.UpdateAgentReleasing(t.Context(), actor, d.ws.ID, d.ann.ID, parley.AgentUpdate{Disabled: ptr(true)})
			return events, err
		}, parley.EINVALID},
		{"RaceDelete", func(t *testing.T, d *desk) ([]*parley.Event, error) {
			return s.DeleteAgentReleasing(t.Context(), actor, d.ws.ID, d.ann.ID)
		}, parley.ENOTFOUND},
	} {
		t.Run(remove.name, func(t *testing.T) {
			ctx := t.Context()
			d := &desk{ws: mustWorkspace(t, s)}
			d.ann, d.bob = mustAgent(t, s, d.ws.ID), mustAgent(t, s, d.ws.ID)
			in := mustInbox(t, s, d.ws.ID)
			convs := make([]*parley.Conversation, racers)
			for i := range convs {
				th := mustThreadIn(t, s, d.ws, in)
				th.mustPending(t, s)
				convs[i] = th.conv
				if i%2 == 1 {
					c, _, err := s.AssignConversation(ctx, d.ws.ID, th.conv.ID, d.bob.ID, system)
					must(t, err)
					convs[i] = c
				}
			}
			var released []*parley.Event
			errs := raceN(racers+1, func(i int) error {
				var err error
				switch {
				case i == racers:
					released, err = remove.call(t, d)
				case i%2 == 0:
					_, _, err = s.AssignConversation(ctx, d.ws.ID, convs[i].ID, d.ann.ID, system)
				default:
					_, _, err = s.TransferConversation(ctx, d.ws.ID, convs[i].ID, d.bob.ID, d.ann.ID, system)
				}
				return err
			})
			must(t, errs[racers])
			won := map[string]bool{}
			for i, err := range errs[:racers] {
				switch code := parley.ErrorCode(err); code {
				case "":
					won[convs[i].ID] = true
				case remove.refused:
				default:
					t.Errorf("giving conversation %d to Ann: %v, want success or %s", i, err, remove.refused)
				}
			}
			releasedIDs := map[string]bool{}
			for _, e := range released {
				releasedIDs[e.ConversationID] = true
			}
			diff(t, won, releasedIDs)
			for i, c := range convs {
				got := mustConversation(t, s, d.ws.ID, c.ID)
				switch {
				case won[c.ID]:
					if got.Status != parley.StatusPending || got.AssigneeID != "" {
						t.Errorf("conversation %d, given to Ann and released: %s %q, want pending", i, got.Status, got.AssigneeID)
					}
				case i%2 == 0:
					if got.Status != parley.StatusPending || got.AssigneeID != "" {
						t.Errorf("conversation %d, never Ann's: %s %q, want pending", i, got.Status, got.AssigneeID)
					}
				default:
					if got.Status != parley.StatusAssigned || got.AssigneeID != d.bob.ID {
						t.Errorf("conversation %d, never Ann's: %s %q, want Bob's", i, got.Status, got.AssigneeID)
					}
				}
			}
			// Released conversations are pending: Bob takes one back.
			for _, c := range convs {
				if won[c.ID] {
					_, _, err := s.AssignConversation(ctx, d.ws.ID, c.ID, d.bob.ID, system)
					must(t, err)
					break
				}
			}
		})
	}
}
