package conversation_test

import (
	"strings"
	"testing"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/conversation"
)

func TestPermissions(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	visitor := e.visitorOf(e.visitor)
	stranger := e.visitorOf(e.newContact(t))
	agent, agent2, admin, bot := e.as(e.agent), e.as(e.agent2), e.as(e.admin), e.as(e.bot)
	conv := e.pending(t)
	held := e.pending(t)
	_, err := e.svc.Assign(ctx, agent2, held.ID, e.agent2.ID)
	must(t, err)
	agentMsg := e.send(t, agent, conv.ID, "Agent's words").Message
	visitorMsg := e.send(t, visitor, conv.ID, "Visitor's words").Message
	note, err := e.svc.Send(ctx, agent, conversation.SendInput{ConversationID: conv.ID, Kind: parley.KindNote, Body: "VIP"})
	must(t, err)
	disabled := e.newAgent(t, parley.RoleAgent, false)
	_, err = e.store.UpdateAgent(ctx, parley.SystemActor, e.ws.ID, disabled.ID, parley.AgentUpdate{Disabled: new(true)})
	must(t, err)

	sendAs := func(c conversation.Caller, in conversation.SendInput) func() error {
		return func() error {
			if in.ConversationID == "" {
				in.ConversationID = conv.ID
			}
			if in.Body == "" {
				in.Body = "x"
			}
			_, err := e.svc.Send(ctx, c, in)
			return err
		}
	}
	tests := []struct {
		name string
		call func() error
		code string
	}{
		// What a visitor may not do.
		{"VisitorSendsNote", sendAs(visitor, conversation.SendInput{Kind: parley.KindNote}), parley.EFORBIDDEN},
		{"VisitorSendsEvent", sendAs(visitor, conversation.SendInput{Kind: parley.KindEvent}), parley.EFORBIDDEN},
		{"VisitorSetsDisplayName", sendAs(visitor, conversation.SendInput{DisplayName: "Support"}), parley.EFORBIDDEN},
		{"VisitorWritesInOthers", sendAs(stranger, conversation.SendInput{}), parley.ENOTFOUND},
		{"VisitorReadsOthers", func() error { _, err := e.svc.Conversation(ctx, stranger, conv.ID); return err }, parley.ENOTFOUND},
		{"VisitorListsOthers", func() error {
			_, err := e.svc.Messages(ctx, stranger, conv.ID, parley.MessageQuery{})
			return err
		}, parley.ENOTFOUND},
		{"VisitorReadsOthersMessage", func() error { _, err := e.svc.Message(ctx, stranger, agentMsg.ID); return err }, parley.ENOTFOUND},
		{"VisitorReadsNote", func() error { _, err := e.svc.Message(ctx, visitor, note.Message.ID); return err }, parley.ENOTFOUND},
		{"VisitorEditsNote", func() error { _, err := e.svc.Edit(ctx, visitor, note.Message.ID, "mine"); return err }, parley.ENOTFOUND},
		{"VisitorEditsAgentsMessage", func() error { _, err := e.svc.Edit(ctx, visitor, agentMsg.ID, "mine"); return err }, parley.EFORBIDDEN},
		{"VisitorDeletesAgentsMessage", func() error { _, err := e.svc.Delete(ctx, visitor, agentMsg.ID); return err }, parley.EFORBIDDEN},
		{"VisitorAssigns", func() error { _, err := e.svc.Assign(ctx, visitor, conv.ID, e.agent.ID); return err }, parley.EFORBIDDEN},
		{"VisitorReopens", func() error { _, err := e.svc.Reopen(ctx, visitor, conv.ID); return err }, parley.EFORBIDDEN},
		{"VisitorResolvesOthers", func() error { _, err := e.svc.Resolve(ctx, stranger, conv.ID); return err }, parley.ENOTFOUND},
		{"VisitorStartsForOther", func() error {
			_, err := e.svc.CreateConversation(ctx, stranger, conversation.NewConversation{InboxID: e.inbox.ID, ContactID: e.visitor.ID})
			return err
		}, parley.EFORBIDDEN},
		{"VisitorTypesNote", func() error { return e.svc.Typing(ctx, visitor, conv.ID, true) }, parley.EFORBIDDEN},
		{"VisitorUploadsToOthers", func() error {
			_, err := e.svc.PutAttachment(ctx, stranger, conv.ID, "a.txt", "text/plain", []byte("x"))
			return err
		}, parley.ENOTFOUND},

		// What agents may not do.
		{"AgentSendsEvent", sendAs(agent, conversation.SendInput{Kind: parley.KindEvent}), parley.EFORBIDDEN},
		{"AgentSetsDisplayName", sendAs(agent, conversation.SendInput{DisplayName: "Someone else"}), parley.EFORBIDDEN},
		{"AgentAssignsOther", func() error { _, err := e.svc.Assign(ctx, agent, conv.ID, e.agent2.ID); return err }, parley.EFORBIDDEN},
		{"AgentTransfersOthers", func() error {
			_, err := e.svc.Transfer(ctx, agent, held.ID, e.agent2.ID, e.agent.ID)
			return err
		}, parley.EFORBIDDEN},
		{"AgentUnassignsOthers", func() error { _, err := e.svc.Unassign(ctx, agent, held.ID, e.agent2.ID); return err }, parley.EFORBIDDEN},
		{"AgentEditsOthers", func() error { _, err := e.svc.Edit(ctx, agent2, agentMsg.ID, "mine"); return err }, parley.EFORBIDDEN},
		{"AgentDeletesOthers", func() error { _, err := e.svc.Delete(ctx, agent2, agentMsg.ID); return err }, parley.EFORBIDDEN},
		{"AssignDisabled", func() error { _, err := e.svc.Assign(ctx, admin, conv.ID, disabled.ID); return err }, parley.EINVALID},
		{"AssignUnknown", func() error { _, err := e.svc.Assign(ctx, admin, conv.ID, "missing"); return err }, parley.ENOTFOUND},

		// API tokens: scoped, no notes, no read position, never "the sender".
		{"TokenSendsNote", sendAs(e.token(parley.ScopeAll), conversation.SendInput{Kind: parley.KindNote}), parley.EFORBIDDEN},
		{"TokenWithoutScope", sendAs(e.token(parley.ScopeConversationsRead), conversation.SendInput{}), parley.EFORBIDDEN},
		{"TokenReadsWithoutScope", func() error {
			_, err := e.svc.Messages(ctx, e.token(parley.ScopeContactsRead), conv.ID, parley.MessageQuery{})
			return err
		}, parley.EFORBIDDEN},
		{"TokenMarksRead", func() error { _, err := e.svc.MarkRead(ctx, e.token(parley.ScopeAll), conv.ID, 1); return err }, parley.EFORBIDDEN},
		{"TokenEdits", func() error {
			_, err := e.svc.Edit(ctx, e.token(parley.ScopeAll), visitorMsg.ID, "x")
			return err
		}, parley.EFORBIDDEN},

		// Nobody.
		{"ZeroCaller", sendAs(conversation.Caller{}, conversation.SendInput{}), parley.EFORBIDDEN},
		{"NilPrincipal", sendAs(conversation.Staff(nil, false), conversation.SendInput{}), parley.EFORBIDDEN},
		{"OtherWorkspace", func() error {
			_, err := e.svc.Conversation(ctx, conversation.System("other-workspace"), conv.ID)
			return err
		}, parley.ENOTFOUND},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantCode(t, tt.call(), tt.code) })
	}

	t.Run("Allowed", func(t *testing.T) {
		// A bot speaks as a bot, under a display name.
		r, err := e.svc.Send(ctx, bot, conversation.SendInput{ConversationID: conv.ID, Body: "Beep", DisplayName: "Helper"})
		must(t, err)
		diff(t, parley.Sender{Type: parley.ParticipantBot, ID: e.bot.ID, DisplayName: "Helper"}, r.Message.Sender)
		// An app posts a system line.
		r, err = e.svc.Send(ctx, e.token(parley.ScopeConversationsWrite),
			conversation.SendInput{ConversationID: conv.ID, Kind: parley.KindEvent, Body: "Order #42 shipped"})
		must(t, err)
		diff(t, parley.Sender{Type: parley.ParticipantSystem}, r.Message.Sender)
		// Senders edit their own; a supervisor moderates.
		_, err = e.svc.Edit(ctx, visitor, visitorMsg.ID, "Visitor's better words")
		must(t, err)
		_, err = e.svc.Edit(ctx, agent, note.Message.ID, "VIP customer")
		must(t, err)
		_, err = e.svc.Delete(ctx, admin, visitorMsg.ID)
		must(t, err)
		// An admin assigns anyone.
		_, err = e.svc.Assign(ctx, admin, conv.ID, e.agent2.ID)
		must(t, err)
	})
}

func TestValidation(t *testing.T) {
	e := newEnv(t)
	conv := e.pending(t)
	visitor := e.visitorOf(e.visitor)
	tests := []struct {
		name string
		in   conversation.SendInput
	}{
		{"EmptyBody", conversation.SendInput{Body: "  \n"}},
		{"BodyTooLong", conversation.SendInput{Body: strings.Repeat("x", parley.MaxMessageBodySize+1)}},
		{"BodyNotUTF8", conversation.SendInput{Body: "\xff\xfe"}},
		{"ClientIDTooLong", conversation.SendInput{Body: "x", ClientID: strings.Repeat("k", parley.MaxClientIDLength+1)}},
		{"ClientIDControl", conversation.SendInput{Body: "x", ClientID: "a\nb"}},
		{"UnknownKind", conversation.SendInput{Body: "x", Kind: "sticker"}},
		{"AttachmentWithoutFiles", conversation.SendInput{Kind: parley.KindAttachment}},
		{"TextWithFiles", conversation.SendInput{Body: "x", AttachmentIDs: []string{"a"}}},
		{"NoConversation", conversation.SendInput{Body: "x", ConversationID: "-"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			switch in.ConversationID {
			case "":
				in.ConversationID = conv.ID
			case "-":
				in.ConversationID = ""
			}
			_, err := e.svc.Send(t.Context(), visitor, in)
			wantCode(t, err, parley.EINVALID)
		})
	}
	// At the limits, it goes through.
	r, err := e.svc.Send(t.Context(), visitor, conversation.SendInput{
		ConversationID: conv.ID, Body: strings.Repeat("é", parley.MaxMessageBodySize/2),
		ClientID: strings.Repeat("k", parley.MaxClientIDLength),
	})
	must(t, err)
	if r.Message.Seq != 2 {
		t.Errorf("seq = %d, want 2: invalid sends take no seq", r.Message.Seq)
	}
	t.Run("EditEmpty", func(t *testing.T) {
		_, err := e.svc.Edit(t.Context(), visitor, r.Message.ID, "")
		wantCode(t, err, parley.EINVALID)
	})
}
