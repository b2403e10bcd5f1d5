package storetest

import (
	"cmp"
	"slices"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

// listAll pages through ListConversations with f, limit items a page, and
// returns the IDs in the order served.
func listAll(t *testing.T, s parley.Store, workspaceID string, f parley.ConversationFilter, limit int) []string {
	t.Helper()
	f.Limit = limit
	var ids []string
	for pages := 0; ; pages++ {
		if pages > 1000 {
			t.Fatal("the list does not end")
		}
		l, err := s.ListConversations(t.Context(), workspaceID, f)
		must(t, err)
		if len(l.Items) > limit {
			t.Fatalf("a page of %d items, limit %d", len(l.Items), limit)
		}
		for _, c := range l.Items {
			ids = append(ids, c.ID)
		}
		if l.Next == "" {
			return ids
		}
		f.After = l.Next
	}
}

func convIDs(convs []*parley.Conversation) []string {
	ids := make([]string, len(convs))
	for i, c := range convs {
		ids[i] = c.ID
	}
	return ids
}

// sortedBy returns the IDs of convs in the order a sort defines, computed
// here from the conversations' own fields.
func sortedBy(convs []*parley.Conversation, sort parley.ConversationSort) []string {
	c := slices.Clone(convs)
	waiting := func(c *parley.Conversation) int64 {
		if c.WaitingSince == nil {
			return 1<<63 - 1
		}
		return c.WaitingSince.UnixMicro()
	}
	slices.SortFunc(c, func(a, b *parley.Conversation) int {
		switch sort {
		case parley.SortNewest:
			return cmp.Or(b.CreatedAt.Compare(a.CreatedAt), cmp.Compare(b.ID, a.ID))
		case parley.SortOldest:
			return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
		case parley.SortLastActivity:
			return cmp.Or(b.UpdatedAt.Compare(a.UpdatedAt), cmp.Compare(b.ID, a.ID))
		case parley.SortWaitingLongest:
			return cmp.Or(cmp.Compare(waiting(a), waiting(b)), cmp.Compare(a.ID, b.ID))
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return convIDs(c)
}

func testConversationLists(t *testing.T, open func(t *testing.T) parley.Store) {
	t.Run("WaitingSince", func(t *testing.T) {
		s := open(t)
		th := mustThread(t, s)
		agent := mustAgent(t, s, th.ws.ID)
		if th.conv.WaitingSince != nil {
			t.Fatalf("a new conversation waits since %v", th.conv.WaitingSince)
		}
		before := time.Now()
		first := mustAppend(t, s, th.text(contactSender(th.contact), "Hello?"))
		if w := first.Conversation.WaitingSince; w == nil || !w.Equal(first.Message.CreatedAt) {
			t.Fatalf("after the visitor's first message, waiting since %v, want %v", w, first.Message.CreatedAt)
		}
		checkStamp(t, "waiting_since", *first.Conversation.WaitingSince, before)
		// A second visitor message does not move it; a note does not answer.
		mustAppend(t, s, th.text(contactSender(th.contact), "Anyone?"))
		note := th.text(agentSender(agent), "checking")
		note.Kind = parley.KindNote
		mustAppend(t, s, note)
		if w := mustConversation(t, s, th.ws.ID, th.conv.ID).WaitingSince; w == nil || !w.Equal(first.Message.CreatedAt) {
			t.Fatalf("after a second message and a note, waiting since %v, want %v", w, first.Message.CreatedAt)
		}
		if r := mustAppend(t, s, th.text(agentSender(agent), "Here!")); r.Conversation.WaitingSince != nil {
			t.Fatalf("answered, yet waiting since %v", r.Conversation.WaitingSince)
		}
		again := mustAppend(t, s, th.text(contactSender(th.contact), "Thanks, one more thing"))
		if w := again.Conversation.WaitingSince; w == nil || !w.Equal(again.Message.CreatedAt) {
			t.Fatalf("waiting since %v, want the new message's %v", w, again.Message.CreatedAt)
		}
		c, _, err := s.ResolveConversation(t.Context(), th.ws.ID, th.conv.ID, agentP(agent))
		must(t, err)
		if c.WaitingSince != nil || mustConversation(t, s, th.ws.ID, th.conv.ID).WaitingSince != nil {
			t.Fatal("a resolved conversation still waits")
		}
	})

	t.Run("Sorts", func(t *testing.T) {
		s := open(t)
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		agent := mustAgent(t, s, w.ID)
		var threads []*thread
		for range 7 {
			threads = append(threads, mustThreadIn(t, s, w, in))
		}
		// Visitors write in a shuffled order, so that waiting and activity
		// differ from creation; two are answered, one never written in.
		for _, i := range []int{4, 1, 6, 0, 3, 2} {
			mustAppend(t, s, threads[i].text(contactSender(threads[i].contact), "hi"))
		}
		mustAppend(t, s, threads[1].text(agentSender(agent), "hello"))
		mustAppend(t, s, threads[3].text(agentSender(agent), "hello"))
		mustAppend(t, s, threads[4].text(contactSender(threads[4].contact), "still there?"))
		all, err := s.ListConversations(t.Context(), w.ID, parley.ConversationFilter{})
		must(t, err)
		if len(all.Items) != 7 {
			t.Fatalf("%d conversations, want 7", len(all.Items))
		}
		for _, sort := range append([]parley.ConversationSort{parley.SortByID}, parley.ConversationSorts...) {
			for _, limit := range []int{1, 2, 3, 50} {
				got := listAll(t, s, w.ID, parley.ConversationFilter{Sort: sort}, limit)
				if want := sortedBy(all.Items, sort); !slices.Equal(got, want) {
					t.Errorf("sort %q, %d a page: %v, want %v", sort, limit, got, want)
				}
			}
		}
		// Waiting longest: the visitor of threads[6] wrote first among the
		// unanswered (4, 6, 0, 2 in that order; 4 wrote first of all).
		got := listAll(t, s, w.ID, parley.ConversationFilter{Sort: parley.SortWaitingLongest}, 10)
		want := []string{threads[4].conv.ID, threads[6].conv.ID, threads[0].conv.ID, threads[2].conv.ID}
		if !slices.Equal(got[:4], want) {
			t.Errorf("waiting longest first: %v, want %v", got[:4], want)
		}
	})

	t.Run("Filters", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in1, in2 := mustInbox(t, s, w.ID), mustInbox(t, s, w.ID)
		ann, bob := mustAgent(t, s, w.ID), mustAgent(t, s, w.ID)
		vip := mustLabel(t, s, w.ID, "vip")

		open1 := mustThreadIn(t, s, w, in1)    // open: no message
		pending := mustThreadIn(t, s, w, in1)  // pending, waiting
		annHas := mustThreadIn(t, s, w, in2)   // assigned to ann, answered
		bobHas := mustThreadIn(t, s, w, in2)   // assigned to bob, waiting
		resolved := mustThreadIn(t, s, w, in1) // resolved
		for _, th := range []*thread{pending, annHas, bobHas, resolved} {
			th.mustPending(t, s)
		}
		_, _, err := s.AssignConversation(ctx, w.ID, annHas.conv.ID, ann.ID, agentP(ann))
		must(t, err)
		_, _, err = s.AssignConversation(ctx, w.ID, bobHas.conv.ID, bob.ID, agentP(bob))
		must(t, err)
		mustAppend(t, s, annHas.text(agentSender(ann), "How can I help?"))
		_, _, err = s.ResolveConversation(ctx, w.ID, resolved.conv.ID, agentP(ann))
		must(t, err)
		must(t, s.AddLabel(ctx, actor, w.ID, parley.LabelConversation, bobHas.conv.ID, vip.ID))
		must(t, s.AddLabel(ctx, actor, w.ID, parley.LabelConversation, pending.conv.ID, vip.ID))
		// ann has read annHas to its end, and pending up to its first message.
		_, err = s.MarkRead(ctx, w.ID, annHas.conv.ID, agentP(ann), 100)
		must(t, err)
		_, err = s.MarkRead(ctx, w.ID, pending.conv.ID, agentP(ann), 1)
		must(t, err)
		afterSetup := time.Now()

		ids := func(ths ...*thread) []string {
			out := make([]string, len(ths))
			for i, th := range ths {
				out[i] = th.conv.ID
			}
			slices.Sort(out)
			return out
		}
		annP, bobP := agentP(ann), agentP(bob)
		for _, c := range []struct {
			name string
			f    parley.ConversationFilter
			want []string
		}{
			{"All", parley.ConversationFilter{}, ids(open1, pending, annHas, bobHas, resolved)},
			{"Status", parley.ConversationFilter{Status: []parley.ConversationStatus{parley.StatusPending, parley.StatusAssigned}},
				ids(pending, annHas, bobHas)},
			{"Assignee", parley.ConversationFilter{AssigneeID: bob.ID}, ids(bobHas)},
			{"AssigneeResolvedKeepsIt", parley.ConversationFilter{AssigneeID: ann.ID}, ids(annHas)},
			{"Unassigned", parley.ConversationFilter{Unassigned: true, Status: []parley.ConversationStatus{parley.StatusPending}},
				ids(pending)},
			{"Inbox", parley.ConversationFilter{InboxID: in2.ID}, ids(annHas, bobHas)},
			{"Label", parley.ConversationFilter{LabelID: vip.ID}, ids(pending, bobHas)},
			{"LabelAndInbox", parley.ConversationFilter{LabelID: vip.ID, InboxID: in1.ID}, ids(pending)},
			// ann has read annHas; pending had one message she read, and the
			// helper's message is the only one: nothing unread there either.
			{"UnreadByAnn", parley.ConversationFilter{UnreadBy: &annP, Status: []parley.ConversationStatus{parley.StatusPending, parley.StatusAssigned}},
				ids(bobHas)},
			{"UnreadByBob", parley.ConversationFilter{UnreadBy: &bobP}, ids(pending, annHas, bobHas, resolved)},
			{"WaitingLongerThanNothing", parley.ConversationFilter{WaitingSince: afterSetup}, ids(pending, bobHas)},
			{"WaitingSinceBeforeAnything", parley.ConversationFilter{WaitingSince: afterSetup.Add(-time.Hour)}, nil},
			{"Combined", parley.ConversationFilter{WaitingSince: afterSetup, LabelID: vip.ID, AssigneeID: bob.ID,
				UnreadBy: &annP, Sort: parley.SortWaitingLongest}, ids(bobHas)},
		} {
			t.Run(c.name, func(t *testing.T) {
				for _, sort := range append([]parley.ConversationSort{parley.SortByID}, parley.ConversationSorts...) {
					f := c.f
					if f.Sort == "" {
						f.Sort = sort
					}
					got := listAll(t, s, w.ID, f, 2)
					slices.Sort(got)
					if len(got) == 0 {
						got = nil
					}
					if !slices.Equal(got, c.want) {
						t.Errorf("sort %q: %v, want %v", f.Sort, got, c.want)
					}
				}
			})
		}
		// A contact's unread count is in the visitor sequence: the agent's
		// reply is unread for annHas's contact until it reads it.
		cp := contactP(annHas.contact)
		got := listAll(t, s, w.ID, parley.ConversationFilter{UnreadBy: &cp, ContactID: annHas.contact.ID}, 10)
		diff(t, []string{annHas.conv.ID}, got)
		_, err = s.MarkRead(ctx, w.ID, annHas.conv.ID, cp, 100)
		must(t, err)
		if got := listAll(t, s, w.ID, parley.ConversationFilter{UnreadBy: &cp, ContactID: annHas.contact.ID}, 10); len(got) != 0 {
			t.Errorf("after reading, unread for the contact: %v", got)
		}
	})

	t.Run("BadInput", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		for range 3 {
			mustThreadIn(t, s, w, in)
		}
		newest, err := s.ListConversations(ctx, w.ID, parley.ConversationFilter{Sort: parley.SortNewest, ListOptions: parley.ListOptions{Limit: 1}})
		must(t, err)
		if newest.Next == "" {
			t.Fatal("no next page")
		}
		_, err = s.ListConversations(ctx, w.ID, parley.ConversationFilter{Sort: parley.SortOldest, ListOptions: parley.ListOptions{After: newest.Next}})
		wantCode(t, err, parley.EINVALID)
		for _, bad := range []string{"n", "nx_y", "n12", "n12_", "garbage", "w\x00_1"} {
			_, err = s.ListConversations(ctx, w.ID, parley.ConversationFilter{Sort: parley.SortNewest, ListOptions: parley.ListOptions{After: bad}})
			wantCode(t, err, parley.EINVALID)
		}
		_, err = s.ListConversations(ctx, w.ID, parley.ConversationFilter{Sort: "sideways"})
		wantCode(t, err, parley.EINVALID)
		_, err = s.ListConversations(ctx, w.ID, parley.ConversationFilter{UnreadBy: &system})
		wantCode(t, err, parley.EINVALID)
	})

	t.Run("WorkspaceScoped", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		mine, theirs := mustWorkspace(t, s), mustWorkspace(t, s)
		myInbox, theirInbox := mustInbox(t, s, mine.ID), mustInbox(t, s, theirs.ID)
		me, them := mustAgent(t, s, mine.ID), mustAgent(t, s, theirs.ID)
		theirLabel := mustLabel(t, s, theirs.ID, "vip")
		mustLabel(t, s, mine.ID, "vip")
		var myIDs []string
		for i := range 3 {
			th := mustThreadIn(t, s, mine, myInbox)
			th.mustPending(t, s)
			myIDs = append(myIDs, th.conv.ID)
			other := mustThreadIn(t, s, theirs, theirInbox)
			other.mustPending(t, s)
			if i == 0 {
				_, _, err := s.AssignConversation(ctx, theirs.ID, other.conv.ID, them.ID, agentP(them))
				must(t, err)
				must(t, s.AddLabel(ctx, actor, theirs.ID, parley.LabelConversation, other.conv.ID, theirLabel.ID))
			}
		}
		slices.Sort(myIDs)
		meP, themP := agentP(me), agentP(them)
		for _, sort := range append([]parley.ConversationSort{parley.SortByID}, parley.ConversationSorts...) {
			got := listAll(t, s, mine.ID, parley.ConversationFilter{Sort: sort, UnreadBy: &meP, WaitingSince: time.Now()}, 2)
			slices.Sort(got)
			diff(t, myIDs, got)
			for _, f := range []parley.ConversationFilter{
				{Sort: sort, InboxID: theirInbox.ID}, {Sort: sort, AssigneeID: them.ID}, {Sort: sort, LabelID: theirLabel.ID},
				{Sort: sort, UnreadBy: &themP, InboxID: theirInbox.ID},
			} {
				if got := listAll(t, s, mine.ID, f, 2); len(got) != 0 {
					t.Errorf("filter %+v shows another workspace's conversations: %v", f, got)
				}
			}
		}
	})
}

func testSnoozeAndPriority(t *testing.T, open func(t *testing.T) parley.Store) {
	t.Run("Snooze", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		agent := mustAgent(t, s, w.ID)
		untilReply, timed, expired, awake := mustThreadIn(t, s, w, in), mustThreadIn(t, s, w, in), mustThreadIn(t, s, w, in), mustThreadIn(t, s, w, in)
		for _, th := range []*thread{untilReply, timed, expired, awake} {
			th.mustPending(t, s)
		}
		c, ev, err := s.SnoozeConversation(ctx, w.ID, untilReply.conv.ID, nil, agentP(agent))
		must(t, err)
		if !c.SnoozedUntilReply || c.SnoozedUntil != nil || !c.Snoozed(time.Now().Add(1000*time.Hour)) {
			t.Fatalf("snoozed until the visitor writes: %+v", c)
		}
		diff(t, parley.EventConversationSnoozed, ev.Type)
		later := time.Now().Add(time.Hour).Truncate(time.Microsecond).UTC()
		c, _, err = s.SnoozeConversation(ctx, w.ID, timed.conv.ID, &later, agentP(agent))
		must(t, err)
		if c.SnoozedUntilReply || c.SnoozedUntil == nil || !c.SnoozedUntil.Equal(later) {
			t.Fatalf("snoozed for an hour: %+v", c)
		}
		past := time.Now().Add(-time.Second)
		_, _, err = s.SnoozeConversation(ctx, w.ID, expired.conv.ID, &past, agentP(agent))
		must(t, err)

		yes, no := true, false
		snoozed := func() []string {
			got := listAll(t, s, w.ID, parley.ConversationFilter{Snoozed: &yes, Sort: parley.SortOldest}, 2)
			slices.Sort(got)
			return got
		}
		awakeIDs := func() []string {
			got := listAll(t, s, w.ID, parley.ConversationFilter{Snoozed: &no}, 2)
			slices.Sort(got)
			return got
		}
		want := []string{untilReply.conv.ID, timed.conv.ID}
		slices.Sort(want)
		diff(t, want, snoozed())
		wantAwake := []string{expired.conv.ID, awake.conv.ID}
		slices.Sort(wantAwake)
		diff(t, wantAwake, awakeIDs())

		// The visitor writes: the snooze ends with the message, whatever its kind.
		r := mustAppend(t, s, untilReply.text(contactSender(untilReply.contact), "any news?"))
		if r.Conversation.Snoozed(time.Now()) || r.Conversation.SnoozedUntilReply {
			t.Fatalf("after the visitor wrote: %+v", r.Conversation)
		}
		var types []parley.EventType
		for _, e := range r.Events {
			types = append(types, e.Type)
		}
		diff(t, []parley.EventType{parley.EventMessageCreated, parley.EventConversationUnsnoozed}, types)
		r = mustAppend(t, s, timed.text(contactSender(timed.contact), "hello again"))
		if r.Conversation.SnoozedUntil != nil {
			t.Fatalf("a timed snooze survived the visitor's message: %+v", r.Conversation)
		}
		diff(t, []string(nil), snoozed())
		// An agent's message does not wake it.
		_, _, err = s.SnoozeConversation(ctx, w.ID, awake.conv.ID, nil, agentP(agent))
		must(t, err)
		mustAppend(t, s, awake.text(agentSender(agent), "We will get back to you"))
		diff(t, []string{awake.conv.ID}, snoozed())
		// Unsnooze, once.
		c, ev, err = s.UnsnoozeConversation(ctx, w.ID, awake.conv.ID, agentP(agent))
		must(t, err)
		if c.Snoozed(time.Now()) || ev.Type != parley.EventConversationUnsnoozed {
			t.Fatalf("unsnoozed: %+v %s", c, ev.Type)
		}
		_, _, err = s.UnsnoozeConversation(ctx, w.ID, awake.conv.ID, agentP(agent))
		wantCode(t, err, parley.ECONFLICT)
		// Resolving ends a snooze; a resolved conversation cannot be snoozed.
		_, _, err = s.SnoozeConversation(ctx, w.ID, awake.conv.ID, nil, agentP(agent))
		must(t, err)
		c, _, err = s.ResolveConversation(ctx, w.ID, awake.conv.ID, agentP(agent))
		must(t, err)
		if c.Snoozed(time.Now()) {
			t.Fatal("a resolved conversation is still snoozed")
		}
		_, _, err = s.SnoozeConversation(ctx, w.ID, awake.conv.ID, nil, agentP(agent))
		wantCode(t, err, parley.ECONFLICT)
		// Another workspace's conversation is not found.
		other := mustThread(t, s)
		_, _, err = s.SnoozeConversation(ctx, w.ID, other.conv.ID, nil, agentP(agent))
		wantCode(t, err, parley.ENOTFOUND)
		_, _, err = s.UnsnoozeConversation(ctx, w.ID, other.conv.ID, agentP(agent))
		wantCode(t, err, parley.ENOTFOUND)
	})

	t.Run("Priority", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		agent := mustAgent(t, s, w.ID)
		low, high, urgent, none := mustThreadIn(t, s, w, in), mustThreadIn(t, s, w, in), mustThreadIn(t, s, w, in), mustThreadIn(t, s, w, in)
		for th, p := range map[*thread]int{low: parley.PriorityLow, high: parley.PriorityHigh, urgent: parley.PriorityUrgent} {
			c, ev, err := s.SetConversationPriority(ctx, w.ID, th.conv.ID, p, agentP(agent))
			must(t, err)
			if c.Priority != p || ev.Type != parley.EventConversationPriorityChanged {
				t.Fatalf("priority %d: %+v %s", p, c, ev.Type)
			}
		}
		got := listAll(t, s, w.ID, parley.ConversationFilter{Priority: []int{parley.PriorityHigh, parley.PriorityUrgent}}, 1)
		slices.Sort(got)
		want := []string{high.conv.ID, urgent.conv.ID}
		slices.Sort(want)
		diff(t, want, got)
		diff(t, []string{none.conv.ID}, listAll(t, s, w.ID, parley.ConversationFilter{Priority: []int{parley.PriorityNone}}, 5))
		for _, bad := range []int{-1, parley.MaxPriority + 1} {
			_, _, err := s.SetConversationPriority(ctx, w.ID, low.conv.ID, bad, agentP(agent))
			wantCode(t, err, parley.EINVALID)
			_, err = s.ListConversations(ctx, w.ID, parley.ConversationFilter{Priority: []int{bad}})
			wantCode(t, err, parley.EINVALID)
		}
		other := mustThread(t, s)
		_, _, err := s.SetConversationPriority(ctx, w.ID, other.conv.ID, 1, agentP(agent))
		wantCode(t, err, parley.ENOTFOUND)
	})
}
