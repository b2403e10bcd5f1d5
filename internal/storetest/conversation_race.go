package storetest

import (
	"fmt"
	"testing"

	"github.com/parleychat/parley"
)

// testConversationRaces races callers for what the database must decide:
// who takes a conversation, which seq a message gets, whether a client ID
// was seen.
func testConversationRaces(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("AssignSamePending", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		th.mustPending(t, s)
		agents := make([]*parley.Agent, racers)
		for i := range agents {
			agents[i] = mustAgent(t, s, th.ws.ID)
		}
		winners := make([]string, racers)
		errs := race(func(i int) error {
			c, _, err := s.AssignConversation(ctx, th.ws.ID, th.conv.ID, agents[i].ID, agentP(agents[i]))
			if err == nil {
				winners[i] = c.AssigneeID
			}
			return err
		})
		wantOneWinner(t, errs)
		c := mustConversation(t, s, th.ws.ID, th.conv.ID)
		for i, w := range winners {
			if w != "" && (w != agents[i].ID || c.AssigneeID != w) {
				t.Errorf("winner %d: got %s, stored %s", i, w, c.AssigneeID)
			}
		}
		assigned := 0
		for _, typ := range eventTypes(t, s, th.ws.ID, th.conv.ID) {
			if typ == parley.EventConversationAssigned {
				assigned++
			}
		}
		if assigned != 1 {
			t.Errorf("%d conversation.assigned events, want 1", assigned)
		}
	})

	t.Run("AppendGapFree", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		a := mustAgent(t, s, th.ws.ID)
		const n = 50
		got := make([]int64, n)
		for _, err := range raceN(n, func(i int) error {
			sender := agentSender(a)
			if i%2 == 0 {
				sender = contactSender(th.contact)
			}
			r, err := s.AppendMessage(ctx, th.text(sender, fmt.Sprint(i)))
			if err == nil {
				got[i] = r.Message.Seq
			}
			return err
		}) {
			must(t, err)
		}
		diff(t, span(1, n), sorted(got))
		msgs := allMessages(t, s, th.ws.ID, th.conv.ID)
		diff(t, span(1, n), seqs(msgs))
		for _, m := range msgs {
			var i int
			fmt.Sscan(m.Body, &i)
			if got[i] != m.Seq {
				t.Errorf("message %q stored at seq %d, its sender was told %d", m.Body, m.Seq, got[i])
			}
		}
		c := mustConversation(t, s, th.ws.ID, th.conv.ID)
		if c.LastSeq != n || c.Status != parley.StatusPending {
			t.Errorf("conversation: last_seq %d, status %s; want %d, pending", c.LastSeq, c.Status, n)
		}
		// The first visitor message queued it exactly once.
		queued := 0
		for _, typ := range eventTypes(t, s, th.ws.ID, th.conv.ID) {
			if typ == parley.EventConversationQueued {
				queued++
			}
		}
		diff(t, 1, queued)
	})

	t.Run("AppendSameClientID", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		in := th.text(contactSender(th.contact), "Only once")
		in.ClientID = "retry-storm"
		results := make([]*parley.AppendResult, racers)
		for _, err := range race(func(i int) error {
			var err error
			results[i], err = s.AppendMessage(ctx, in)
			return err
		}) {
			must(t, err)
		}
		originals := 0
		for _, r := range results {
			if !r.Duplicate {
				originals++
			}
			if r.Message.ID != results[0].Message.ID || r.Message.Seq != 1 {
				t.Errorf("result message %s seq %d, want %s seq 1", r.Message.ID, r.Message.Seq, results[0].Message.ID)
			}
		}
		diff(t, 1, originals)
		diff(t, []int64{1}, seqs(allMessages(t, s, th.ws.ID, th.conv.ID)))
		if c := mustConversation(t, s, th.ws.ID, th.conv.ID); c.LastSeq != 1 {
			t.Errorf("last_seq = %d, want 1", c.LastSeq)
		}
		diff(t, []parley.EventType{parley.EventConversationCreated, parley.EventMessageCreated, parley.EventConversationQueued},
			eventTypes(t, s, th.ws.ID, th.conv.ID))
	})

	t.Run("BatchesAcrossConversations", func(t *testing.T) {
		// Batches touching the same conversations in different orders
		// neither deadlock nor leave gaps.
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		a := mustAgent(t, s, w.ID)
		threads := make([]*thread, 4)
		for i := range threads {
			threads[i] = mustThreadIn(t, s, w, in)
		}
		const perBatch = 12
		for _, err := range race(func(i int) error {
			ins := make([]parley.MessageInput, perBatch)
			for j := range ins {
				th := threads[(i+j)%len(threads)]
				if i%2 == 1 {
					th = threads[len(threads)-1-(i+j)%len(threads)]
				}
				ins[j] = th.text(agentSender(a), fmt.Sprint(i, "/", j))
				ins[j].ClientID = fmt.Sprint(i, "/", j%5) // some repeat inside the batch
			}
			results, err := s.AppendMessages(ctx, ins)
			for _, r := range results {
				if err == nil && r.Err != nil {
					err = r.Err
				}
			}
			return err
		}) {
			must(t, err)
		}
		total := int64(0)
		for _, th := range threads {
			msgs := allMessages(t, s, w.ID, th.conv.ID)
			diff(t, span(1, int64(len(msgs))), seqs(msgs))
			diff(t, int64(len(msgs)), mustConversation(t, s, w.ID, th.conv.ID).LastSeq)
			total += int64(len(msgs))
		}
		// Each racer's 12 inputs carry 5 distinct client IDs per
		// conversation pattern; count what must exist: one message per
		// (racer, conversation, client ID).
		want := map[string]bool{}
		for i := range racers {
			for j := range perBatch {
				th := (i + j) % len(threads)
				if i%2 == 1 {
					th = len(threads) - 1 - (i+j)%len(threads)
				}
				want[fmt.Sprint(th, i, j%5)] = true
			}
		}
		diff(t, int64(len(want)), total)
	})
}
