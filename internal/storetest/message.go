package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func testMessages(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("Append", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		a := mustAgent(t, s, th.ws.ID)
		before := time.Now()
		in := th.text(parley.Sender{Type: parley.ParticipantAgent, ID: a.ID, DisplayName: "Ada (Support)", AvatarURL: "https://cdn.example.com/ada.png",
			ExternalID: "0058d000001Ada"}, "Hi there")
		in.ClientID = "c-1"
		r := mustAppend(t, s, in)
		m := r.Message
		if m.ID == "" || r.Duplicate {
			t.Fatalf("result = %+v", r)
		}
		checkStamp(t, "CreatedAt", m.CreatedAt, before)
		want := &parley.Message{
			ID: m.ID, WorkspaceID: th.ws.ID, ConversationID: th.conv.ID, Seq: 1, VisitorSeq: 1, Kind: parley.KindText,
			Sender: in.Sender, ClientID: "c-1", Body: "Hi there", Attachments: []parley.Attachment{}, CreatedAt: m.CreatedAt,
		}
		diff(t, want, m)
		got, err := s.FindMessage(ctx, th.ws.ID, m.ID)
		must(t, err)
		diff(t, want, got)

		// An agent's message leaves an open conversation open.
		if r.Conversation.Status != parley.StatusOpen || r.Conversation.LastSeq != 1 {
			t.Errorf("conversation after append = %+v", r.Conversation)
		}
		diff(t, r.Conversation, mustConversation(t, s, th.ws.ID, th.conv.ID))
		if len(r.Events) != 1 {
			t.Fatalf("%d events, want 1", len(r.Events))
		}
		d := decodeMessageEvent(t, r.Events[0], parley.EventMessageCreated)
		diff(t, want, d.Message)
		diff(t, agentP(a), d.By)

		r2 := mustAppend(t, s, th.text(agentSender(a), "Second"))
		if r2.Message.Seq != 2 || r2.Conversation.LastSeq != 2 {
			t.Errorf("second message: seq %d, last_seq %d; want 2, 2", r2.Message.Seq, r2.Conversation.LastSeq)
		}
	})

	t.Run("VisitorQueues", func(t *testing.T) {
		th := mustThread(t, s)
		r := mustAppend(t, s, th.text(contactSender(th.contact), "Hello?"))
		if r.Conversation.Status != parley.StatusPending {
			t.Fatalf("status = %s, want pending", r.Conversation.Status)
		}
		if len(r.Events) != 2 {
			t.Fatalf("%d events, want message.created and conversation.queued", len(r.Events))
		}
		decodeMessageEvent(t, r.Events[0], parley.EventMessageCreated)
		d := decodeConversationEvent(t, r.Events[1], parley.EventConversationQueued)
		diff(t, r.Conversation, d.Conversation)
		diff(t, contactP(th.contact), d.By)
		diff(t, r.Conversation, mustConversation(t, s, th.ws.ID, th.conv.ID))

		r = mustAppend(t, s, th.text(contactSender(th.contact), "Anyone?"))
		if len(r.Events) != 1 || r.Conversation.Status != parley.StatusPending {
			t.Errorf("second visitor message: %d events, status %s", len(r.Events), r.Conversation.Status)
		}
	})

	t.Run("VisitorNoteDoesNotQueue", func(t *testing.T) {
		// Only text and attachments from the visitor move the conversation.
		th := mustThread(t, s)
		in := th.text(contactSender(th.contact), "")
		in.Kind = parley.KindEvent
		r := mustAppend(t, s, in)
		if r.Conversation.Status != parley.StatusOpen || len(r.Events) != 1 {
			t.Errorf("status %s, %d events; want open, 1", r.Conversation.Status, len(r.Events))
		}
	})

	t.Run("VisitorReopens", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		th.mustPending(t, s)
		a := mustAgent(t, s, th.ws.ID)
		_, _, err := s.AssignConversation(ctx, th.ws.ID, th.conv.ID, a.ID, agentP(a))
		must(t, err)
		_, _, err = s.ResolveConversation(ctx, th.ws.ID, th.conv.ID, agentP(a))
		must(t, err)
		// An agent's follow-up does not reopen it.
		r := mustAppend(t, s, th.text(agentSender(a), "Anything else?"))
		if r.Conversation.Status != parley.StatusResolved {
			t.Fatalf("status after agent message = %s, want resolved", r.Conversation.Status)
		}
		r = mustAppend(t, s, th.text(contactSender(th.contact), "One more thing"))
		c := r.Conversation
		if c.Status != parley.StatusPending || c.AssigneeID != "" || c.ResolvedAt != nil || c.AssignedAt != nil {
			t.Fatalf("after visitor message: %+v", c)
		}
		diff(t, c, mustConversation(t, s, th.ws.ID, th.conv.ID))
		if len(r.Events) != 2 {
			t.Fatalf("%d events, want 2", len(r.Events))
		}
		diff(t, c, decodeConversationEvent(t, r.Events[1], parley.EventConversationReopened).Conversation)
	})

	t.Run("ResolvedPolicyNew", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in := &parley.Inbox{WorkspaceID: w.ID, Name: "New each time",
			Conversation: parley.ConversationSettings{ResolvedPolicy: parley.ResolvedNew}}
		must(t, s.CreateInbox(ctx, actor, in))
		th := mustThreadIn(t, s, w, in)
		first := th.text(contactSender(th.contact), "Hello")
		first.ClientID = "first"
		mustAppend(t, s, first)
		_, _, err := s.ResolveConversation(ctx, w.ID, th.conv.ID, system)
		must(t, err)
		before := mustConversation(t, s, w.ID, th.conv.ID)

		_, err = s.AppendMessage(ctx, th.text(contactSender(th.contact), "Back again"))
		wantCode(t, err, parley.ECONFLICT)
		// A retry of a message stored before is still answered with it.
		r, err := s.AppendMessage(ctx, first)
		must(t, err)
		if !r.Duplicate || r.Message.Seq != 1 {
			t.Errorf("retry: duplicate %v, seq %d", r.Duplicate, r.Message.Seq)
		}
		after := mustConversation(t, s, w.ID, th.conv.ID)
		if after.Status != parley.StatusResolved || after.LastSeq != before.LastSeq {
			t.Errorf("conversation changed: %+v", after)
		}
		// Agents may still write in it.
		a := mustAgent(t, s, w.ID)
		r = mustAppend(t, s, th.text(agentSender(a), "Follow-up"))
		if r.Message.Seq != before.LastSeq+1 || r.Conversation.Status != parley.StatusResolved {
			t.Errorf("agent follow-up: seq %d, status %s", r.Message.Seq, r.Conversation.Status)
		}
	})

	t.Run("ContactWritesOnlyItsOwn", func(t *testing.T) {
		th := mustThread(t, s)
		stranger := mustContact(t, s, th.ws.ID)
		_, err := s.AppendMessage(t.Context(), th.text(contactSender(stranger), "Let me in"))
		wantCode(t, err, parley.ENOTFOUND)
		if c := mustConversation(t, s, th.ws.ID, th.conv.ID); c.LastSeq != 0 || c.Status != parley.StatusOpen {
			t.Errorf("conversation changed: %+v", c)
		}
	})

	t.Run("Idempotency", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		a := mustAgent(t, s, th.ws.ID)
		in := th.text(contactSender(th.contact), "Once")
		in.ClientID = "k1"
		first := mustAppend(t, s, in)

		in.Body = "Changed on retry"
		again := mustAppend(t, s, in)
		if !again.Duplicate || len(again.Events) != 0 {
			t.Fatalf("retry: duplicate %v, %d events", again.Duplicate, len(again.Events))
		}
		diff(t, first.Message, again.Message)
		if again.Conversation.LastSeq != 1 {
			t.Errorf("last_seq = %d after a duplicate, want 1", again.Conversation.LastSeq)
		}
		// The key is per sender and per conversation.
		other := th.text(agentSender(a), "Same key, other sender")
		other.ClientID = "k1"
		if r := mustAppend(t, s, other); r.Duplicate || r.Message.Seq != 2 {
			t.Errorf("other sender: duplicate %v, seq %d", r.Duplicate, r.Message.Seq)
		}
		th2 := mustThreadIn(t, s, th.ws, th.inbox)
		elsewhere := th2.text(agentSender(a), "Same key, other conversation")
		elsewhere.ClientID = "k1"
		if r := mustAppend(t, s, elsewhere); r.Duplicate || r.Message.Seq != 1 {
			t.Errorf("other conversation: duplicate %v, seq %d", r.Duplicate, r.Message.Seq)
		}
		// No client ID, no deduplication.
		plain := th.text(agentSender(a), "Again")
		mustAppend(t, s, plain)
		mustAppend(t, s, plain)
		diff(t, span(1, 4), seqs(allMessages(t, s, th.ws.ID, th.conv.ID)))
		created := 0
		for _, typ := range eventTypes(t, s, th.ws.ID, th.conv.ID) {
			if typ == parley.EventMessageCreated {
				created++
			}
		}
		if created != 4 {
			t.Errorf("%d message.created events, want 4", created)
		}
		_ = ctx
	})

	t.Run("ErrInvalid", func(t *testing.T) {
		th := mustThread(t, s)
		good := th.text(contactSender(th.contact), "x")
		tests := []struct {
			name string
			mod  func(in *parley.MessageInput)
		}{
			{"Kind", func(in *parley.MessageInput) { in.Kind = "sticker" }},
			{"SenderType", func(in *parley.MessageInput) { in.Sender.Type = "robot" }},
			{"SenderWithoutID", func(in *parley.MessageInput) { in.Sender.ID = "" }},
			{"SystemWithID", func(in *parley.MessageInput) { in.Sender = parley.Sender{Type: parley.ParticipantSystem, ID: "x"} }},
			{"AttachmentWithoutFiles", func(in *parley.MessageInput) { in.Kind = parley.KindAttachment }},
			{"TextWithFiles", func(in *parley.MessageInput) { in.AttachmentIDs = []string{"a"} }},
			{"SameFileTwice", func(in *parley.MessageInput) {
				in.Kind, in.AttachmentIDs = parley.KindAttachment, []string{"a", "a"}
			}},
			{"TooManyFiles", func(in *parley.MessageInput) {
				in.Kind = parley.KindAttachment
				for i := range parley.MaxAttachmentsPerMessage + 1 {
					in.AttachmentIDs = append(in.AttachmentIDs, fmt.Sprint(i))
				}
			}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				in := good
				tt.mod(&in)
				_, err := s.AppendMessage(t.Context(), in)
				wantCode(t, err, parley.EINVALID)
			})
		}
		if c := mustConversation(t, s, th.ws.ID, th.conv.ID); c.LastSeq != 0 {
			t.Errorf("last_seq = %d, want 0", c.LastSeq)
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		a := mustAgent(t, s, th.ws.ID)
		in := th.text(agentSender(a), "x")
		in.ConversationID = "missing"
		_, err := s.AppendMessage(ctx, in)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.FindMessage(ctx, th.ws.ID, "missing")
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.ListMessages(ctx, th.ws.ID, "missing", parley.MessageQuery{})
		wantCode(t, err, parley.ENOTFOUND)
	})

	t.Run("Batch", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		th2 := mustThreadIn(t, s, th.ws, th.inbox)
		a := mustAgent(t, s, th.ws.ID)
		keyed := th.text(contactSender(th.contact), "keyed")
		keyed.ClientID = "b1"
		missing := th.text(agentSender(a), "lost")
		missing.ConversationID = "missing"
		bad := th.text(agentSender(a), "bad")
		bad.Kind = "sticker"
		stranger := th2.text(contactSender(th.contact), "not my conversation")
		ins := []parley.MessageInput{
			th2.text(agentSender(a), "to 2"),       // 0
			keyed,                                  // 1
			missing,                                // 2
			th.text(agentSender(a), "reply"),       // 3
			keyed,                                  // 4: duplicate of 1, in the same batch
			bad,                                    // 5
			stranger,                               // 6
			th2.text(agentSender(a), "to 2 again"), // 7
		}
		results, err := s.AppendMessages(ctx, ins)
		must(t, err)
		if len(results) != len(ins) {
			t.Fatalf("%d results for %d inputs", len(results), len(ins))
		}
		wantSeq := map[int]int64{0: 1, 1: 1, 3: 2, 4: 1, 7: 2}
		for i, r := range results {
			switch i {
			case 2, 6:
				wantCode(t, r.Err, parley.ENOTFOUND)
			case 5:
				wantCode(t, r.Err, parley.EINVALID)
			default:
				if r.Err != nil {
					t.Fatalf("input %d: %v", i, r.Err)
				}
				if r.Message.Seq != wantSeq[i] || r.Message.Body != ins[i].Body || r.Message.ConversationID != ins[i].ConversationID {
					t.Errorf("input %d: got seq %d %q in %s, want seq %d", i, r.Message.Seq, r.Message.Body, r.Message.ConversationID, wantSeq[i])
				}
			}
		}
		if !results[4].Duplicate || results[4].Message.ID != results[1].Message.ID || len(results[4].Events) != 0 {
			t.Errorf("in-batch duplicate: %+v", results[4])
		}
		// The visitor's message queued the conversation, in the batch too.
		if results[1].Conversation.Status != parley.StatusPending || len(results[1].Events) != 2 {
			t.Errorf("visitor message in batch: status %s, %d events", results[1].Conversation.Status, len(results[1].Events))
		}
		diff(t, span(1, 2), seqs(allMessages(t, s, th.ws.ID, th.conv.ID)))
		diff(t, span(1, 2), seqs(allMessages(t, s, th.ws.ID, th2.conv.ID)))

		results, err = s.AppendMessages(ctx, nil)
		must(t, err)
		diff(t, 0, len(results))
	})

	t.Run("List", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		a := mustAgent(t, s, th.ws.ID)
		for i := 1; i <= 10; i++ {
			in := th.text(agentSender(a), fmt.Sprint("message ", i))
			if i == 3 || i == 7 {
				in.Kind = parley.KindNote
			}
			mustAppend(t, s, in)
		}
		all := allMessages(t, s, th.ws.ID, th.conv.ID)
		diff(t, span(1, 10), seqs(all))
		for _, m := range all {
			if want := fmt.Sprint("message ", m.Seq); m.Body != want {
				t.Errorf("seq %d holds %q, want %q", m.Seq, m.Body, want)
			}
		}
		tests := []struct {
			name string
			q    parley.MessageQuery
			want []int64
		}{
			{"VisitorView", parley.MessageQuery{}, []int64{1, 2, 4, 5, 6, 8, 9, 10}},
			{"After", parley.MessageQuery{AfterSeq: 5, IncludeNotes: true}, []int64{6, 7, 8, 9, 10}},
			{"AfterWithoutNotes", parley.MessageQuery{AfterSeq: 5}, []int64{6, 8, 9, 10}},
			{"AfterLimit", parley.MessageQuery{AfterSeq: 2, Limit: 3, IncludeNotes: true}, []int64{3, 4, 5}},
			{"AfterLimitWithoutNotes", parley.MessageQuery{AfterSeq: 2, Limit: 3}, []int64{4, 5, 6}},
			{"AfterEnd", parley.MessageQuery{AfterSeq: 10}, nil},
			{"NegativeAfter", parley.MessageQuery{AfterSeq: -5, Limit: 2}, []int64{1, 2}},
			{"Before", parley.MessageQuery{BeforeSeq: 9, Limit: 3, IncludeNotes: true}, []int64{6, 7, 8}},
			{"BeforeWithoutNotes", parley.MessageQuery{BeforeSeq: 9, Limit: 3}, []int64{5, 6, 8}},
			{"BeforeStart", parley.MessageQuery{BeforeSeq: 1}, nil},
			{"Between", parley.MessageQuery{AfterSeq: 4, BeforeSeq: 9, Limit: 10}, []int64{5, 6, 8}},
			{"LatestPage", parley.MessageQuery{BeforeSeq: 1 << 60, Limit: 2}, []int64{9, 10}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := s.ListMessages(ctx, th.ws.ID, th.conv.ID, tt.q)
				must(t, err)
				if len(got) == 0 && tt.want == nil {
					return
				}
				diff(t, tt.want, seqs(got))
				for _, m := range got {
					if !tt.q.IncludeNotes && !m.VisibleToVisitor() {
						t.Errorf("note %d in a list without notes", m.Seq)
					}
				}
			})
		}
	})

	t.Run("EditAndDelete", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		a := mustAgent(t, s, th.ws.ID)
		m := mustAppend(t, s, th.text(agentSender(a), "Helo")).Message
		before := time.Now()
		edited, ev, err := s.EditMessage(ctx, th.ws.ID, m.ID, "Hello", agentP(a))
		must(t, err)
		if edited.Body != "Hello" || edited.EditedAt == nil || edited.Seq != m.Seq {
			t.Fatalf("edited = %+v", edited)
		}
		checkStamp(t, "EditedAt", *edited.EditedAt, before)
		got, err := s.FindMessage(ctx, th.ws.ID, m.ID)
		must(t, err)
		diff(t, edited, got)
		d := decodeMessageEvent(t, ev, parley.EventMessageUpdated)
		diff(t, edited, d.Message)
		diff(t, agentP(a), d.By)

		sys := th.text(parley.Sender{Type: parley.ParticipantSystem}, "Ada joined")
		sys.Kind = parley.KindEvent
		line := mustAppend(t, s, sys).Message
		_, _, err = s.EditMessage(ctx, th.ws.ID, line.ID, "Eve joined", agentP(a))
		wantCode(t, err, parley.EINVALID)

		deleted, ev, err := s.DeleteMessage(ctx, th.ws.ID, m.ID, agentP(a))
		must(t, err)
		if deleted.Body != "" || deleted.DeletedAt == nil || deleted.Seq != m.Seq || len(deleted.Attachments) != 0 {
			t.Fatalf("deleted = %+v", deleted)
		}
		got, err = s.FindMessage(ctx, th.ws.ID, m.ID)
		must(t, err)
		diff(t, deleted, got)
		diff(t, deleted, decodeMessageEvent(t, ev, parley.EventMessageDeleted).Message)
		// The tombstone keeps its place in the sequence.
		diff(t, []int64{1, 2}, seqs(allMessages(t, s, th.ws.ID, th.conv.ID)))

		_, _, err = s.EditMessage(ctx, th.ws.ID, m.ID, "Back", agentP(a))
		wantCode(t, err, parley.ECONFLICT)
		_, _, err = s.DeleteMessage(ctx, th.ws.ID, m.ID, agentP(a))
		wantCode(t, err, parley.ECONFLICT)
		_, _, err = s.EditMessage(ctx, th.ws.ID, "missing", "x", agentP(a))
		wantCode(t, err, parley.ENOTFOUND)
		_, _, err = s.DeleteMessage(ctx, th.ws.ID, "missing", agentP(a))
		wantCode(t, err, parley.ENOTFOUND)
		_, _, err = s.EditMessage(ctx, th.ws.ID, line.ID, "x", parley.Participant{Type: "robot"})
		wantCode(t, err, parley.EINVALID)

		diff(t, []parley.EventType{
			parley.EventConversationCreated, parley.EventMessageCreated, parley.EventMessageUpdated,
			parley.EventMessageCreated, parley.EventMessageDeleted,
		}, eventTypes(t, s, th.ws.ID, th.conv.ID))
	})
}
