package storetest

import (
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func testReadState(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("MarkReadIsMonotonic", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		a := mustAgent(t, s, th.ws.ID)
		for range 5 {
			mustAppend(t, s, th.text(agentSender(a), "x"))
		}
		ws, id := th.ws.ID, th.conv.ID
		steps := []struct {
			p         parley.Participant
			seq, want int64
		}{
			{agentP(a), 3, 3},
			{agentP(a), 2, 3},  // never backwards
			{agentP(a), 0, 3},  // nor to the start
			{agentP(a), 99, 5}, // clamped to last_seq
			{contactP(th.contact), 1, 1},
			{contactP(th.contact), 4, 4},
		}
		before := time.Now()
		for _, st := range steps {
			got, err := s.MarkRead(ctx, ws, id, st.p, st.seq)
			must(t, err)
			// Without notes, both sequences are the same.
			if got.LastReadSeq != st.want || got.LastReadVisitorSeq != st.want {
				t.Errorf("MarkRead(%s, %d) = %+v, want %d in both sequences", st.p.Type, st.seq, got, st.want)
			}
		}
		states, err := s.ReadStates(ctx, ws, id)
		must(t, err)
		if len(states) != 2 {
			t.Fatalf("%d read states, want 2", len(states))
		}
		for _, st := range states {
			checkStamp(t, "UpdatedAt", st.UpdatedAt, before)
		}
		diff(t, []parley.ReadState{
			{Participant: agentP(a), LastReadSeq: 5, LastReadVisitorSeq: 5, UpdatedAt: states[0].UpdatedAt},
			{Participant: contactP(th.contact), LastReadSeq: 4, LastReadVisitorSeq: 4, UpdatedAt: states[1].UpdatedAt},
		}, states)
	})

	t.Run("Empty", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		states, err := s.ReadStates(ctx, th.ws.ID, th.conv.ID)
		must(t, err)
		diff(t, []parley.ReadState{}, states)
		got, err := s.MarkRead(ctx, th.ws.ID, th.conv.ID, contactP(th.contact), 10)
		must(t, err)
		diff(t, parley.ReadMark{ReadState: parley.ReadState{Participant: contactP(th.contact), UpdatedAt: got.UpdatedAt}}, got)
	})

	t.Run("Errors", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		mustAppend(t, s, th.text(contactSender(th.contact), "x"))
		stranger := mustContact(t, s, th.ws.ID)
		other := mustWorkspace(t, s)
		tests := []struct {
			name string
			call func() error
			code string
		}{
			{"MarkReadSystem", func() error { _, err := s.MarkRead(ctx, th.ws.ID, th.conv.ID, system, 1); return err }, parley.EINVALID},
			{"MarkReadNegative", func() error {
				_, err := s.MarkRead(ctx, th.ws.ID, th.conv.ID, contactP(th.contact), -1)
				return err
			}, parley.EINVALID},
			{"MarkReadOtherContact", func() error {
				_, err := s.MarkRead(ctx, th.ws.ID, th.conv.ID, contactP(stranger), 1)
				return err
			}, parley.ENOTFOUND},
			{"MarkReadMissing", func() error {
				_, err := s.MarkRead(ctx, th.ws.ID, "missing", contactP(th.contact), 1)
				return err
			}, parley.ENOTFOUND},
			{"MarkReadOtherWorkspace", func() error {
				_, err := s.MarkRead(ctx, other.ID, th.conv.ID, contactP(th.contact), 1)
				return err
			}, parley.ENOTFOUND},
			{"ReadStatesMissing", func() error { _, err := s.ReadStates(ctx, th.ws.ID, "missing"); return err }, parley.ENOTFOUND},
			{"UnreadSystem", func() error { _, err := s.UnreadCount(ctx, th.ws.ID, th.conv.ID, system); return err }, parley.EINVALID},
			{"UnreadOtherContact", func() error {
				_, err := s.UnreadCount(ctx, th.ws.ID, th.conv.ID, contactP(stranger))
				return err
			}, parley.ENOTFOUND},
			{"UnreadOtherWorkspace", func() error {
				_, err := s.UnreadCount(ctx, other.ID, th.conv.ID, contactP(th.contact))
				return err
			}, parley.ENOTFOUND},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) { wantCode(t, tt.call(), tt.code) })
		}
		states, err := s.ReadStates(ctx, th.ws.ID, th.conv.ID)
		must(t, err)
		diff(t, []parley.ReadState{}, states)
	})

	t.Run("UnreadCount", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		ws, id := th.ws.ID, th.conv.ID
		a, b := mustAgent(t, s, ws), mustAgent(t, s, ws)
		visitor := contactP(th.contact)
		unread := func(p parley.Participant) int {
			t.Helper()
			n, err := s.UnreadCount(ctx, ws, id, p)
			must(t, err)
			return n
		}
		mustAppend(t, s, th.text(contactSender(th.contact), "1: question")) // 1
		mustAppend(t, s, th.text(agentSender(a), "2: answer"))              // 2
		note := th.text(agentSender(b), "3: private")
		note.Kind = parley.KindNote
		mustAppend(t, s, note)                                 // 3
		mustAppend(t, s, th.text(agentSender(a), "4: answer")) // 4
		line := th.text(parley.Sender{Type: parley.ParticipantSystem}, "5: Ada joined")
		line.Kind = parley.KindEvent
		mustAppend(t, s, line) // 5
		gone := mustAppend(t, s, th.text(agentSender(a), "6: oops")).Message
		_, _, err := s.DeleteMessage(ctx, ws, gone.ID, agentP(a)) // 6
		must(t, err)

		// The visitor: agent messages 2 and 4; never the note, the system
		// line, the deleted message or its own.
		diff(t, 2, unread(visitor))
		// Agent a: the visitor's message and b's note.
		diff(t, 2, unread(agentP(a)))
		// Agent b: 1, 2 and 4.
		diff(t, 3, unread(agentP(b)))

		_, err = s.MarkRead(ctx, ws, id, visitor, 2) // visitor seq 2: message 2
		must(t, err)
		diff(t, 1, unread(visitor))
		_, err = s.MarkRead(ctx, ws, id, agentP(a), 2)
		must(t, err)
		diff(t, 1, unread(agentP(a)))
		_, err = s.MarkRead(ctx, ws, id, agentP(a), 6)
		must(t, err)
		diff(t, 0, unread(agentP(a)))
		// A note after the visitor's position still does not count for it.
		mustAppend(t, s, note)
		diff(t, 1, unread(visitor))
		diff(t, 1, unread(agentP(a)))
	})
}
