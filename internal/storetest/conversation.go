package storetest

import (
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func testConversations(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("CreateAndFind", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in, c := mustInbox(t, s, w.ID), mustContact(t, s, w.ID)
		before := time.Now()
		conv := &parley.Conversation{
			WorkspaceID: w.ID, InboxID: in.ID, ContactID: c.ID, Priority: 2,
			// Ignored: a conversation starts open, empty and unassigned.
			Status: parley.StatusAssigned, AssigneeID: "someone", LastSeq: 9,
		}
		ev, err := s.CreateConversation(ctx, conv, contactP(c))
		must(t, err)
		if conv.ID == "" {
			t.Fatal("ID not set")
		}
		checkStamp(t, "CreatedAt", conv.CreatedAt, before)
		def, err := s.DefaultQueue(ctx, w.ID)
		must(t, err)
		want := &parley.Conversation{
			ID: conv.ID, WorkspaceID: w.ID, InboxID: in.ID, ContactID: c.ID, Status: parley.StatusOpen, Priority: 2,
			QueueID: def.ID, CreatedAt: conv.CreatedAt, UpdatedAt: conv.CreatedAt,
		}
		diff(t, want, conv)
		diff(t, want, mustConversation(t, s, w.ID, conv.ID))

		d := decodeConversationEvent(t, ev, parley.EventConversationCreated)
		diff(t, want, d.Conversation)
		diff(t, contactP(c), d.By)
		diff(t, []parley.EventType{parley.EventConversationCreated}, eventTypes(t, s, w.ID, conv.ID))
	})

	t.Run("CreateErrors", func(t *testing.T) {
		ctx := t.Context()
		w, other := mustWorkspace(t, s), mustWorkspace(t, s)
		in, c := mustInbox(t, s, w.ID), mustContact(t, s, w.ID)
		otherIn, otherC := mustInbox(t, s, other.ID), mustContact(t, s, other.ID)
		tests := []struct {
			name          string
			inbox, contac string
			by            parley.Participant
			code          string
		}{
			{"InboxMissing", "missing", c.ID, system, parley.ENOTFOUND},
			{"ContactMissing", in.ID, "missing", system, parley.ENOTFOUND},
			{"InboxOfOtherWorkspace", otherIn.ID, c.ID, system, parley.ENOTFOUND},
			{"ContactOfOtherWorkspace", in.ID, otherC.ID, system, parley.ENOTFOUND},
			{"ByWithoutID", in.ID, c.ID, parley.Participant{Type: parley.ParticipantAgent}, parley.EINVALID},
			{"SystemWithID", in.ID, c.ID, parley.Participant{Type: parley.ParticipantSystem, ID: "x"}, parley.EINVALID},
			{"ByUnknownType", in.ID, c.ID, parley.Participant{Type: "robot", ID: "x"}, parley.EINVALID},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := s.CreateConversation(ctx, &parley.Conversation{WorkspaceID: w.ID, InboxID: tt.inbox, ContactID: tt.contac}, tt.by)
				wantCode(t, err, tt.code)
			})
		}
		l, err := s.ListConversations(ctx, w.ID, parley.ConversationFilter{})
		must(t, err)
		diff(t, []*parley.Conversation{}, l.Items)
	})

	t.Run("FindErrNotFound", func(t *testing.T) {
		w := mustWorkspace(t, s)
		_, err := s.FindConversation(t.Context(), w.ID, "missing")
		wantCode(t, err, parley.ENOTFOUND)
	})

	t.Run("List", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in1, in2 := mustInbox(t, s, w.ID), mustInbox(t, s, w.ID)
		agent := mustAgent(t, s, w.ID)
		open1 := mustThreadIn(t, s, w, in1)    // open, inbox 1
		pending := mustThreadIn(t, s, w, in1)  // pending, inbox 1
		assigned := mustThreadIn(t, s, w, in2) // assigned, inbox 2
		resolved := mustThreadIn(t, s, w, in2) // resolved, inbox 2
		second := &parley.Conversation{WorkspaceID: w.ID, InboxID: in2.ID, ContactID: open1.contact.ID}
		_, err := s.CreateConversation(ctx, second, system) // open, inbox 2, open1's contact
		must(t, err)
		pending.mustPending(t, s)
		assigned.mustPending(t, s)
		_, _, err = s.AssignConversation(ctx, w.ID, assigned.conv.ID, agent.ID, agentP(agent))
		must(t, err)
		_, _, err = s.ResolveConversation(ctx, w.ID, resolved.conv.ID, system)
		must(t, err)

		all := []string{open1.conv.ID, pending.conv.ID, assigned.conv.ID, resolved.conv.ID, second.ID}
		tests := []struct {
			name string
			f    parley.ConversationFilter
			want []string
		}{
			{"All", parley.ConversationFilter{}, all},
			{"Open", parley.ConversationFilter{Status: []parley.ConversationStatus{parley.StatusOpen}}, []string{open1.conv.ID, second.ID}},
			{"PendingOrAssigned", parley.ConversationFilter{Status: []parley.ConversationStatus{parley.StatusPending, parley.StatusAssigned}},
				[]string{pending.conv.ID, assigned.conv.ID}},
			{"Assignee", parley.ConversationFilter{AssigneeID: agent.ID}, []string{assigned.conv.ID}},
			{"Inbox", parley.ConversationFilter{InboxID: in2.ID}, []string{assigned.conv.ID, resolved.conv.ID, second.ID}},
			{"Contact", parley.ConversationFilter{ContactID: open1.contact.ID}, []string{open1.conv.ID, second.ID}},
			{"InboxAndStatus", parley.ConversationFilter{InboxID: in2.ID, Status: []parley.ConversationStatus{parley.StatusOpen}},
				[]string{second.ID}},
			{"NoMatch", parley.ConversationFilter{AssigneeID: "nobody"}, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				f := tt.f
				l, err := s.ListConversations(ctx, w.ID, f)
				must(t, err)
				var got []string
				for _, c := range l.Items {
					got = append(got, c.ID)
				}
				diff(t, tt.want, got)
			})
		}
		t.Run("Pages", func(t *testing.T) {
			checkPages(t, all, 2, 3, func(opt parley.ListOptions) (parley.List[*parley.Conversation], error) {
				return s.ListConversations(ctx, w.ID, parley.ConversationFilter{ListOptions: opt})
			}, func(c *parley.Conversation) string { return c.ID })
		})
		t.Run("ItemsAreComplete", func(t *testing.T) {
			l, err := s.ListConversations(ctx, w.ID, parley.ConversationFilter{AssigneeID: agent.ID})
			must(t, err)
			diff(t, []*parley.Conversation{mustConversation(t, s, w.ID, assigned.conv.ID)}, l.Items)
		})
		t.Run("ErrUnknownStatus", func(t *testing.T) {
			_, err := s.ListConversations(ctx, w.ID, parley.ConversationFilter{Status: []parley.ConversationStatus{"closed"}})
			wantCode(t, err, parley.EINVALID)
		})
	})

	t.Run("Lifecycle", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		ws, id := th.ws.ID, th.conv.ID
		a, b := mustAgent(t, s, ws), mustAgent(t, s, ws)

		// An open conversation is not shown to agents: nobody can take it yet.
		_, _, err := s.AssignConversation(ctx, ws, id, a.ID, agentP(a))
		wantCode(t, err, parley.ECONFLICT)
		th.mustPending(t, s)

		before := time.Now()
		c, ev, err := s.AssignConversation(ctx, ws, id, a.ID, agentP(a))
		must(t, err)
		if c.Status != parley.StatusAssigned || c.AssigneeID != a.ID || c.AssignedAt == nil {
			t.Fatalf("after assign: %+v", c)
		}
		checkStamp(t, "AssignedAt", *c.AssignedAt, before)
		diff(t, c, mustConversation(t, s, ws, id))
		d := decodeConversationEvent(t, ev, parley.EventConversationAssigned)
		diff(t, c, d.Conversation)
		diff(t, agentP(a), d.By)

		// Taken: a second agent loses; a transfer must name the holder.
		_, _, err = s.AssignConversation(ctx, ws, id, b.ID, agentP(b))
		wantCode(t, err, parley.ECONFLICT)
		_, _, err = s.TransferConversation(ctx, ws, id, b.ID, a.ID, agentP(b))
		wantCode(t, err, parley.ECONFLICT)
		_, _, err = s.TransferConversation(ctx, ws, id, a.ID, a.ID, agentP(a))
		wantCode(t, err, parley.EINVALID)
		_, _, err = s.UnassignConversation(ctx, ws, id, b.ID, agentP(b))
		wantCode(t, err, parley.ECONFLICT)
		_, _, err = s.ReopenConversation(ctx, ws, id, agentP(a))
		wantCode(t, err, parley.ECONFLICT)

		c, ev, err = s.TransferConversation(ctx, ws, id, a.ID, b.ID, agentP(a))
		must(t, err)
		if c.Status != parley.StatusAssigned || c.AssigneeID != b.ID {
			t.Fatalf("after transfer: %+v", c)
		}
		d = decodeConversationEvent(t, ev, parley.EventConversationTransferred)
		diff(t, a.ID, d.PreviousAssigneeID)
		diff(t, c, d.Conversation)

		c, ev, err = s.UnassignConversation(ctx, ws, id, b.ID, agentP(b))
		must(t, err)
		if c.Status != parley.StatusPending || c.AssigneeID != "" || c.AssignedAt != nil {
			t.Fatalf("after unassign: %+v", c)
		}
		diff(t, b.ID, decodeConversationEvent(t, ev, parley.EventConversationUnassigned).PreviousAssigneeID)

		_, _, err = s.AssignConversation(ctx, ws, id, a.ID, agentP(a))
		must(t, err)
		c, ev, err = s.ResolveConversation(ctx, ws, id, agentP(a))
		must(t, err)
		if c.Status != parley.StatusResolved || c.AssigneeID != a.ID || c.ResolvedAt == nil {
			t.Fatalf("after resolve: %+v", c)
		}
		decodeConversationEvent(t, ev, parley.EventConversationResolved)
		_, _, err = s.ResolveConversation(ctx, ws, id, agentP(a))
		wantCode(t, err, parley.ECONFLICT)
		_, _, err = s.AssignConversation(ctx, ws, id, b.ID, agentP(b))
		wantCode(t, err, parley.ECONFLICT)

		c, ev, err = s.ReopenConversation(ctx, ws, id, agentP(b))
		must(t, err)
		if c.Status != parley.StatusPending || c.AssigneeID != "" || c.AssignedAt != nil || c.ResolvedAt != nil {
			t.Fatalf("after reopen: %+v", c)
		}
		decodeConversationEvent(t, ev, parley.EventConversationReopened)
		diff(t, c, mustConversation(t, s, ws, id))

		// An open conversation may be resolved too.
		other := mustThreadIn(t, s, th.ws, th.inbox)
		_, _, err = s.ResolveConversation(ctx, ws, other.conv.ID, system)
		must(t, err)

		diff(t, []parley.EventType{
			parley.EventConversationCreated, parley.EventMessageCreated, parley.EventConversationQueued,
			parley.EventConversationAssigned, parley.EventConversationTransferred, parley.EventConversationUnassigned,
			parley.EventConversationAssigned, parley.EventConversationResolved, parley.EventConversationReopened,
		}, eventTypes(t, s, ws, id))
	})

	t.Run("TransitionErrNotFound", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		th.mustPending(t, s)
		ws := th.ws.ID
		a := mustAgent(t, s, ws)
		stranger := mustAgent(t, s, mustWorkspace(t, s).ID)
		tests := []struct {
			name string
			call func() error
		}{
			{"AssignMissingConversation", func() error { _, _, err := s.AssignConversation(ctx, ws, "missing", a.ID, system); return err }},
			{"AssignMissingAgent", func() error { _, _, err := s.AssignConversation(ctx, ws, th.conv.ID, "missing", system); return err }},
			{"AssignAgentOfOtherWorkspace", func() error {
				_, _, err := s.AssignConversation(ctx, ws, th.conv.ID, stranger.ID, system)
				return err
			}},
			{"TransferMissing", func() error { _, _, err := s.TransferConversation(ctx, ws, "missing", a.ID, "x", system); return err }},
			{"UnassignMissing", func() error { _, _, err := s.UnassignConversation(ctx, ws, "missing", a.ID, system); return err }},
			{"ResolveMissing", func() error { _, _, err := s.ResolveConversation(ctx, ws, "missing", system); return err }},
			{"ReopenMissing", func() error { _, _, err := s.ReopenConversation(ctx, ws, "missing", system); return err }},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) { wantCode(t, tt.call(), parley.ENOTFOUND) })
		}
		_, _, err := s.AssignConversation(ctx, ws, th.conv.ID, a.ID, parley.Participant{Type: parley.ParticipantAgent})
		wantCode(t, err, parley.EINVALID)
		diff(t, th.conv, mustConversation(t, s, ws, th.conv.ID))
	})

	t.Run("TransferAfterTransfer", func(t *testing.T) {
		// A supervisor's transfer that read the holder before another
		// transfer fails rather than overriding it.
		ctx := t.Context()
		th := mustThread(t, s)
		th.mustPending(t, s)
		ws := th.ws.ID
		a, b, c := mustAgent(t, s, ws), mustAgent(t, s, ws), mustAgent(t, s, ws)
		_, _, err := s.AssignConversation(ctx, ws, th.conv.ID, a.ID, system)
		must(t, err)
		_, _, err = s.TransferConversation(ctx, ws, th.conv.ID, a.ID, b.ID, system)
		must(t, err)
		_, _, err = s.TransferConversation(ctx, ws, th.conv.ID, a.ID, c.ID, system)
		wantCode(t, err, parley.ECONFLICT)
		if got := mustConversation(t, s, ws, th.conv.ID).AssigneeID; got != b.ID {
			t.Errorf("assignee = %s, want %s", got, b.ID)
		}
	})
}
