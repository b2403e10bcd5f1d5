package storetest

import (
	"testing"

	"github.com/parleychat/parley"
)

// testConversationTenantIsolation reaches for workspace A's contacts,
// conversations, messages and attachments through workspace B with every
// workspace-scoped method: each must answer ENOTFOUND (or an empty result)
// and change nothing.
func testConversationTenantIsolation(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)
	ctx := t.Context()
	th := mustThread(t, s)
	th.mustPending(t, s)
	a, b := th.ws.ID, mustWorkspace(t, s).ID
	agentA := mustAgent(t, s, a)
	agentB := mustAgent(t, s, b)
	inboxB := mustInbox(t, s, b)
	contactB := mustContact(t, s, b)
	msg := mustAppend(t, s, th.text(agentSender(agentA), "secret")).Message
	file := mustAttachment(t, s, th, "a.png", []byte("private"))
	_, err := s.MarkRead(ctx, a, th.conv.ID, agentP(agentA), 1)
	must(t, err)
	conv := mustConversation(t, s, a, th.conv.ID)
	msgsA, eventsA, eventsB := allMessages(t, s, a, th.conv.ID), allEvents(t, s, a), allEvents(t, s, b)

	inB := func(in parley.MessageInput) parley.MessageInput { in.WorkspaceID = b; return in }
	byB := agentP(agentB)
	notFound := []struct {
		name string
		call func() error
	}{
		{"FindContactByID", func() error { _, err := s.FindContactByID(ctx, b, th.contact.ID); return err }},
		{"CreateConversationWithInboxOfA", func() error {
			_, err := s.CreateConversation(ctx, &parley.Conversation{WorkspaceID: b, InboxID: th.inbox.ID, ContactID: contactB.ID}, byB)
			return err
		}},
		{"CreateConversationWithContactOfA", func() error {
			_, err := s.CreateConversation(ctx, &parley.Conversation{WorkspaceID: b, InboxID: inboxB.ID, ContactID: th.contact.ID}, byB)
			return err
		}},
		{"FindConversation", func() error { _, err := s.FindConversation(ctx, b, th.conv.ID); return err }},
		{"AssignConversation", func() error {
			_, _, err := s.AssignConversation(ctx, b, th.conv.ID, agentB.ID, byB)
			return err
		}},
		{"AssignAgentOfB", func() error {
			_, _, err := s.AssignConversation(ctx, a, th.conv.ID, agentB.ID, byB)
			return err
		}},
		{"TransferConversation", func() error {
			_, _, err := s.TransferConversation(ctx, b, th.conv.ID, agentA.ID, agentB.ID, byB)
			return err
		}},
		{"UnassignConversation", func() error {
			_, _, err := s.UnassignConversation(ctx, b, th.conv.ID, agentA.ID, byB)
			return err
		}},
		{"ResolveConversation", func() error { _, _, err := s.ResolveConversation(ctx, b, th.conv.ID, byB); return err }},
		{"ReopenConversation", func() error { _, _, err := s.ReopenConversation(ctx, b, th.conv.ID, byB); return err }},
		{"AppendMessage", func() error {
			_, err := s.AppendMessage(ctx, inB(th.text(agentSender(agentB), "hijack")))
			return err
		}},
		{"AppendMessages", func() error {
			results, err := s.AppendMessages(ctx, []parley.MessageInput{inB(th.text(agentSender(agentB), "hijack"))})
			if err != nil {
				return err
			}
			return results[0].Err
		}},
		{"FindMessage", func() error { _, err := s.FindMessage(ctx, b, msg.ID); return err }},
		{"ListMessages", func() error {
			_, err := s.ListMessages(ctx, b, th.conv.ID, parley.MessageQuery{IncludeNotes: true})
			return err
		}},
		{"EditMessage", func() error { _, _, err := s.EditMessage(ctx, b, msg.ID, "hijacked", byB); return err }},
		{"DeleteMessage", func() error { _, _, err := s.DeleteMessage(ctx, b, msg.ID, byB); return err }},
		{"MarkRead", func() error { _, err := s.MarkRead(ctx, b, th.conv.ID, byB, 1); return err }},
		{"ReadStates", func() error { _, err := s.ReadStates(ctx, b, th.conv.ID); return err }},
		{"UnreadCount", func() error { _, err := s.UnreadCount(ctx, b, th.conv.ID, byB); return err }},
		{"PutAttachment", func() error {
			return s.PutAttachment(ctx, &parley.AttachmentFile{WorkspaceID: b, ConversationID: th.conv.ID, Data: []byte("x")}, nil)
		}},
		{"GetAttachment", func() error { _, err := s.GetAttachment(ctx, b, file.ID); return err }},
	}
	for _, tt := range notFound {
		t.Run(tt.name, func(t *testing.T) { wantCode(t, tt.call(), parley.ENOTFOUND) })
	}

	t.Run("AttachmentOfA", func(t *testing.T) {
		// B's own conversation cannot take A's file.
		convB := &parley.Conversation{WorkspaceID: b, InboxID: inboxB.ID, ContactID: contactB.ID}
		_, err := s.CreateConversation(ctx, convB, byB)
		must(t, err)
		in := parley.MessageInput{WorkspaceID: b, ConversationID: convB.ID, Kind: parley.KindAttachment,
			Sender: agentSender(agentB), AttachmentIDs: []string{file.ID}}
		_, err = s.AppendMessage(ctx, in)
		wantCode(t, err, parley.EINVALID)
	})
	t.Run("ListConversations", func(t *testing.T) {
		l, err := s.ListConversations(ctx, b, parley.ConversationFilter{ContactID: th.contact.ID})
		must(t, err)
		diff(t, []*parley.Conversation{}, l.Items)
	})

	t.Run("NothingChanged", func(t *testing.T) {
		diff(t, conv, mustConversation(t, s, a, th.conv.ID))
		diff(t, msgsA, allMessages(t, s, a, th.conv.ID))
		diff(t, eventsA, allEvents(t, s, a))
		got, err := s.GetAttachment(ctx, a, file.ID)
		must(t, err)
		diff(t, file, got)
		states, err := s.ReadStates(ctx, a, th.conv.ID)
		must(t, err)
		if len(states) != 1 || states[0].Participant != agentP(agentA) {
			t.Errorf("read states = %+v", states)
		}
		// B's events: its contact and its own conversation only.
		var types []parley.EventType
		for _, e := range allEvents(t, s, b)[len(eventsB):] {
			types = append(types, e.Type)
		}
		diff(t, []parley.EventType{parley.EventConversationCreated}, types)
	})
}
