package storetest

import (
	"fmt"
	"testing"

	"github.com/parleychat/parley"
)

// testVisitorSequence checks the second numbering of messages: the visitor
// sequence counts only what a visitor may see, gap-free, and read
// positions map between the two sequences without any visitor-facing
// number deriving from a note.
func testVisitorSequence(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	// notesBetween appends, in th, a visitor message, a note, an agent
	// message, a system line, two notes and an agent message, and returns
	// them (seqs 1 to 7; visitor seqs 1, -, 2, 3, -, -, 4).
	notesBetween := func(t *testing.T, th *thread, a *parley.Agent) []*parley.AppendResult {
		t.Helper()
		note := func(body string) parley.MessageInput {
			in := th.text(agentSender(a), body)
			in.Kind = parley.KindNote
			return in
		}
		line := th.text(parley.Sender{Type: parley.ParticipantSystem}, "Ada joined")
		line.Kind = parley.KindEvent
		var out []*parley.AppendResult
		for _, in := range []parley.MessageInput{
			th.text(contactSender(th.contact), "Hello?"), note("VIP"), th.text(agentSender(a), "Hi!"), line,
			note("check the order"), note("refund?"), th.text(agentSender(a), "Done."),
		} {
			out = append(out, mustAppend(t, s, in))
		}
		return out
	}

	t.Run("Numbering", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		a := mustAgent(t, s, th.ws.ID)
		results := notesBetween(t, th, a)
		wantVisitor := []int64{1, 0, 2, 3, 0, 0, 4}
		for i, r := range results {
			m := r.Message
			if m.Seq != int64(i+1) || m.VisitorSeq != wantVisitor[i] {
				t.Errorf("message %d (%s): seq %d, visitor seq %d; want %d, %d", i, m.Kind, m.Seq, m.VisitorSeq, i+1, wantVisitor[i])
			}
			last := wantVisitor[i]
			for j := i; last == 0 && j >= 0; j-- {
				last = wantVisitor[j]
			}
			if c := r.Conversation; c.LastSeq != m.Seq || c.VisitorLastSeq != last {
				t.Errorf("after message %d: last_seq %d, visitor_last_seq %d; want %d, %d", i, c.LastSeq, c.VisitorLastSeq, m.Seq, last)
			}
			// What the store returns, finds and writes in the event agree.
			diff(t, m, decodeMessageEvent(t, r.Events[0], parley.EventMessageCreated).Message)
			found, err := s.FindMessage(ctx, th.ws.ID, m.ID)
			must(t, err)
			diff(t, m, found)
		}
		c := mustConversation(t, s, th.ws.ID, th.conv.ID)
		if c.LastSeq != 7 || c.VisitorLastSeq != 4 {
			t.Errorf("conversation: last_seq %d, visitor_last_seq %d; want 7, 4", c.LastSeq, c.VisitorLastSeq)
		}

		// A duplicate takes no number in either sequence.
		in := th.text(agentSender(a), "once")
		in.ClientID = "k"
		first := mustAppend(t, s, in)
		again := mustAppend(t, s, in)
		if !again.Duplicate || again.Message.VisitorSeq != 5 || again.Conversation.VisitorLastSeq != 5 {
			t.Errorf("duplicate: %+v, visitor seq %d, visitor_last_seq %d; want the first (5, 5)",
				again.Duplicate, again.Message.VisitorSeq, again.Conversation.VisitorLastSeq)
		}
		diff(t, first.Message, again.Message)
	})

	t.Run("Batch", func(t *testing.T) {
		// One batch over two conversations numbers each on its own.
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		a := mustAgent(t, s, w.ID)
		one, two := mustThreadIn(t, s, w, in), mustThreadIn(t, s, w, in)
		var ins []parley.MessageInput
		for i := range 12 {
			th := one
			if i%3 == 0 {
				th = two
			}
			m := th.text(agentSender(a), fmt.Sprint(i))
			if i%4 == 1 {
				m.Kind = parley.KindNote
			}
			ins = append(ins, m)
		}
		results, err := s.AppendMessages(t.Context(), ins)
		must(t, err)
		for i, r := range results {
			must(t, r.Err)
			if (r.Message.VisitorSeq == 0) != (ins[i].Kind == parley.KindNote) {
				t.Errorf("input %d (%s): visitor seq %d", i, ins[i].Kind, r.Message.VisitorSeq)
			}
		}
		for _, th := range []*thread{one, two} {
			checkVisitorSeqs(t, s, th.ws.ID, th.conv.ID)
		}
	})

	t.Run("List", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		a := mustAgent(t, s, th.ws.ID)
		results := notesBetween(t, th, a)
		list := func(q parley.MessageQuery) []int64 {
			t.Helper()
			q.Visitor = true
			msgs, err := s.ListMessages(ctx, th.ws.ID, th.conv.ID, q)
			must(t, err)
			out := make([]int64, len(msgs))
			for i, m := range msgs {
				if !m.VisibleToVisitor() {
					t.Errorf("a visitor's page holds a note: %+v", m)
				}
				out[i] = m.VisitorSeq
			}
			return out
		}
		diff(t, []int64{1, 2, 3, 4}, list(parley.MessageQuery{}))
		// IncludeNotes does not widen a visitor's query.
		diff(t, []int64{1, 2, 3, 4}, list(parley.MessageQuery{IncludeNotes: true}))
		diff(t, []int64{3, 4}, list(parley.MessageQuery{AfterSeq: 2}))
		diff(t, []int64{2, 3}, list(parley.MessageQuery{AfterSeq: 1, Limit: 2}))
		diff(t, []int64{2, 3}, list(parley.MessageQuery{BeforeSeq: 4, Limit: 2}))
		diff(t, []int64{}, list(parley.MessageQuery{AfterSeq: 4}))

		// Edits and deletions keep both numbers; a tombstone stays listed.
		_, _, err := s.EditMessage(ctx, th.ws.ID, results[2].Message.ID, "Hello!", agentP(a))
		must(t, err)
		gone, _, err := s.DeleteMessage(ctx, th.ws.ID, results[3].Message.ID, system)
		must(t, err)
		if gone.Seq != 4 || gone.VisitorSeq != 3 {
			t.Errorf("deleted message: seq %d, visitor seq %d; want 4, 3", gone.Seq, gone.VisitorSeq)
		}
		_, _, err = s.DeleteMessage(ctx, th.ws.ID, results[1].Message.ID, agentP(a)) // a note
		must(t, err)
		diff(t, []int64{1, 2, 3, 4}, list(parley.MessageQuery{}))
		diff(t, span(1, 7), seqs(allMessages(t, s, th.ws.ID, th.conv.ID)))
	})

	t.Run("ReadPositions", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		a := mustAgent(t, s, th.ws.ID)
		notesBetween(t, th, a)
		ws, id := th.ws.ID, th.conv.ID
		visitor := contactP(th.contact)
		steps := []struct {
			name          string
			p             parley.Participant
			seq           int64
			full, visible int64
			moved         bool
		}{
			// An agent reading up to a note stands, for the visitor, at
			// the visible message before it.
			{"AgentReadsNote", agentP(a), 2, 2, 1, true},
			{"AgentReadsPastLine", agentP(a), 5, 5, 3, true},
			{"AgentReadsOnlyNotes", agentP(a), 6, 6, 3, false},
			{"AgentBackwards", agentP(a), 1, 6, 3, false},
			{"AgentToTheEnd", agentP(a), 99, 7, 4, true},
			// A visitor reads by visitor seq.
			{"VisitorReadsSecond", visitor, 2, 3, 2, true},
			{"VisitorBackwards", visitor, 1, 3, 2, false},
			{"VisitorClamped", visitor, 99, 7, 4, true},
		}
		for _, st := range steps {
			got, err := s.MarkRead(ctx, ws, id, st.p, st.seq)
			must(t, err)
			if got.LastReadSeq != st.full || got.LastReadVisitorSeq != st.visible || got.VisitorMoved != st.moved ||
				got.Participant != st.p {
				t.Errorf("%s: MarkRead(%d) = %+v; want seq %d, visitor seq %d, moved %v", st.name, st.seq, got,
					st.full, st.visible, st.moved)
			}
		}
		states, err := s.ReadStates(ctx, ws, id)
		must(t, err)
		if len(states) != 2 {
			t.Fatalf("%d read states, want 2", len(states))
		}
		for _, st := range states {
			if st.LastReadSeq != 7 || st.LastReadVisitorSeq != 4 {
				t.Errorf("read state %+v, want 7 and 4", st)
			}
		}
	})

	t.Run("GapFreeUnderRace", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		a := mustAgent(t, s, th.ws.ID)
		const n = 40
		told := make([]*parley.Message, n)
		for _, err := range raceN(n, func(i int) error {
			in := th.text(contactSender(th.contact), fmt.Sprint(i))
			switch i % 3 {
			case 1:
				in = th.text(agentSender(a), fmt.Sprint(i))
				in.Kind = parley.KindNote
			case 2:
				in = th.text(agentSender(a), fmt.Sprint(i))
			}
			r, err := s.AppendMessage(ctx, in)
			if err == nil {
				told[i] = r.Message
			}
			return err
		}) {
			must(t, err)
		}
		for _, m := range allMessages(t, s, th.ws.ID, th.conv.ID) {
			var i int
			fmt.Sscan(m.Body, &i)
			diff(t, told[i], m)
		}
		checkVisitorSeqs(t, s, th.ws.ID, th.conv.ID)
	})
}

// checkVisitorSeqs checks that the conversation's messages, in seq order,
// number what a visitor may see 1, 2, 3, … (notes none), and that the
// conversation's VisitorLastSeq is the last of them.
func checkVisitorSeqs(t *testing.T, s parley.Store, workspaceID, conversationID string) {
	t.Helper()
	var next int64 = 1
	for _, m := range allMessages(t, s, workspaceID, conversationID) {
		switch {
		case !m.VisibleToVisitor() && m.VisitorSeq != 0:
			t.Errorf("note at seq %d has visitor seq %d", m.Seq, m.VisitorSeq)
		case m.VisibleToVisitor() && m.VisitorSeq != next:
			t.Errorf("message at seq %d has visitor seq %d, want %d", m.Seq, m.VisitorSeq, next)
		case m.VisibleToVisitor():
			next++
		}
	}
	if c := mustConversation(t, s, workspaceID, conversationID); c.VisitorLastSeq != next-1 {
		t.Errorf("visitor_last_seq = %d, want %d", c.VisitorLastSeq, next-1)
	}
}
