package conversation_test

import (
	"testing"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/conversation"
)

func TestLifecycle(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	visitor, agent, agent2 := e.visitorOf(e.visitor), e.as(e.agent), e.as(e.agent2)

	conv := e.start(t, e.visitor)
	if conv.Status != parley.StatusOpen || conv.ContactID != e.visitor.ID {
		t.Fatalf("new conversation: %+v", conv)
	}
	// Not shown to agents until the visitor writes.
	_, err := e.svc.Assign(ctx, agent, conv.ID, e.agent.ID)
	wantCode(t, err, parley.ECONFLICT)

	r := e.send(t, visitor, conv.ID, "Hello?")
	if r.Message.Seq != 1 || r.Conversation.Status != parley.StatusPending || r.Message.Sender.Type != parley.ParticipantContact {
		t.Fatalf("first visitor message: %+v in %+v", r.Message, r.Conversation)
	}

	c, err := e.svc.Assign(ctx, agent, conv.ID, e.agent.ID)
	must(t, err)
	if c.Status != parley.StatusAssigned || c.AssigneeID != e.agent.ID {
		t.Fatalf("after assign: %+v", c)
	}
	r = e.send(t, agent, conv.ID, "Hi, how can I help?")
	if r.Message.Seq != 2 || r.Message.Sender != (parley.Sender{Type: parley.ParticipantAgent, ID: e.agent.ID}) {
		t.Fatalf("agent reply: %+v", r.Message)
	}

	c, err = e.svc.Transfer(ctx, agent, conv.ID, e.agent.ID, e.agent2.ID)
	must(t, err)
	if c.AssigneeID != e.agent2.ID {
		t.Fatalf("after transfer: %+v", c)
	}
	c, err = e.svc.Unassign(ctx, agent2, conv.ID, e.agent2.ID)
	must(t, err)
	if c.Status != parley.StatusPending || c.AssigneeID != "" {
		t.Fatalf("after unassign: %+v", c)
	}
	_, err = e.svc.Assign(ctx, agent2, conv.ID, e.agent2.ID)
	must(t, err)
	c, err = e.svc.Resolve(ctx, agent2, conv.ID)
	must(t, err)
	if c.Status != parley.StatusResolved {
		t.Fatalf("after resolve: %+v", c)
	}

	// The inbox reopens: the visitor's next message puts it back in the queue.
	r = e.send(t, visitor, conv.ID, "Actually, one more thing")
	if r.Conversation.ID != conv.ID || r.Conversation.Status != parley.StatusPending || r.Conversation.AssigneeID != "" {
		t.Fatalf("after the visitor wrote again: %+v", r.Conversation)
	}

	// A visitor may end its own chat; staff reopen.
	_, err = e.svc.Resolve(ctx, visitor, conv.ID)
	must(t, err)
	_, err = e.svc.Reopen(ctx, visitor, conv.ID)
	wantCode(t, err, parley.EFORBIDDEN)
	c, err = e.svc.Reopen(ctx, agent, conv.ID)
	must(t, err)
	if c.Status != parley.StatusPending {
		t.Fatalf("after reopen: %+v", c)
	}

	msgs, err := e.svc.Messages(ctx, visitor, conv.ID, parley.MessageQuery{})
	must(t, err)
	if len(msgs) != 3 {
		t.Errorf("%d messages, want 3", len(msgs))
	}
}

func TestResolvedPolicyNew(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	e.inbox = e.newInbox(t, parley.ConversationSettings{ResolvedPolicy: parley.ResolvedNew})
	visitor := e.visitorOf(e.visitor)
	old := e.pending(t)
	_, err := e.svc.Resolve(ctx, e.as(e.admin), old.ID)
	must(t, err)

	in := conversation.SendInput{ConversationID: old.ID, Body: "Back again", ClientID: "again-1"}
	r, err := e.svc.Send(ctx, visitor, in)
	must(t, err)
	next := r.Conversation
	if next.ID == old.ID || next.Status != parley.StatusPending || next.InboxID != old.InboxID ||
		next.ContactID != e.visitor.ID || r.Message.Seq != 1 || r.Message.ConversationID != next.ID {
		t.Fatalf("message went to %+v as %+v", next, r.Message)
	}
	got, err := e.svc.Conversation(ctx, visitor, old.ID)
	must(t, err)
	if got.Status != parley.StatusResolved || got.LastSeq != old.LastSeq {
		t.Errorf("old conversation changed: %+v", got)
	}

	// A retry lands in the same new conversation and is recognised.
	again, err := e.svc.Send(ctx, visitor, in)
	must(t, err)
	if !again.Duplicate || again.Message.ID != r.Message.ID {
		t.Errorf("retry: %+v", again)
	}
	// Another message goes there too, not to a third conversation.
	r = e.send(t, visitor, old.ID, "And this")
	if r.Conversation.ID != next.ID || r.Message.Seq != 2 {
		t.Errorf("second message went to %s seq %d", r.Conversation.ID, r.Message.Seq)
	}
	l, err := e.svc.ListConversations(ctx, visitor, parley.ConversationFilter{})
	must(t, err)
	if len(l.Items) != 2 {
		t.Errorf("the visitor has %d conversations, want 2", len(l.Items))
	}
}

func TestAssignRace(t *testing.T) {
	e := newEnv(t)
	conv := e.pending(t)
	const racers = 20
	agents := make([]*parley.Agent, racers)
	for i := range agents {
		agents[i] = e.newAgent(t, parley.RoleAgent, false)
	}
	errs := race(racers, func(i int) error {
		_, err := e.svc.Assign(t.Context(), e.as(agents[i]), conv.ID, agents[i].ID)
		return err
	})
	won := 0
	for _, err := range errs {
		switch parley.ErrorCode(err) {
		case "":
			won++
		case parley.ECONFLICT:
		default:
			t.Errorf("unexpected error: %v", err)
		}
	}
	if won != 1 {
		t.Errorf("%d agents took the conversation, want 1", won)
	}
}

func TestListConversations(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	mine := e.pending(t)
	other := e.newContact(t)
	theirs := e.start(t, other)

	// A visitor sees only its own, whatever it asks for.
	l, err := e.svc.ListConversations(ctx, e.visitorOf(e.visitor), parley.ConversationFilter{ContactID: other.ID})
	must(t, err)
	if len(l.Items) != 1 || l.Items[0].ID != mine.ID {
		t.Errorf("visitor's list = %+v", l.Items)
	}
	l, err = e.svc.ListConversations(ctx, e.as(e.agent), parley.ConversationFilter{})
	must(t, err)
	if len(l.Items) != 2 {
		t.Errorf("agent's list holds %d, want 2", len(l.Items))
	}
	l, err = e.svc.ListConversations(ctx, e.as(e.agent), parley.ConversationFilter{Status: []parley.ConversationStatus{parley.StatusPending}})
	must(t, err)
	if len(l.Items) != 1 || l.Items[0].ID != mine.ID {
		t.Errorf("pending queue = %+v", l.Items)
	}
	_, err = e.svc.ListConversations(ctx, e.token(parley.ScopeAgentsRead), parley.ConversationFilter{})
	wantCode(t, err, parley.EFORBIDDEN)
	_ = theirs
}
