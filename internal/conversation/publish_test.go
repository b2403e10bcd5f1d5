package conversation_test

import (
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/conversation"
)

// TestPublishEvents checks that the events of a change made outside the
// service — an agent disabled, its conversation put back in the queue —
// are published as the service's own lifecycle changes are: on the
// conversation's visitor subject, the workspace's feed and the contact's
// subject, byte for byte the outbox's event; other types are not.
func TestPublishEvents(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	conv := e.pending(t)
	_, err := e.svc.Assign(ctx, e.as(e.agent), conv.ID, e.agent.ID)
	must(t, err)
	_, released, err := e.store.UpdateAgentReleasing(ctx, parley.SystemActor, e.ws.ID, e.agent.ID, parley.AgentUpdate{Disabled: new(true)})
	must(t, err)
	if len(released) != 1 || released[0].Type != parley.EventConversationUnassigned || released[0].ConversationID != conv.ID {
		t.Fatalf("released = %+v", released)
	}
	notConversation := &parley.Event{ID: "x", WorkspaceID: e.ws.ID, Type: parley.EventContactUpdated, Payload: []byte(`{}`)}
	e.svc.PublishEvents(append([]*parley.Event{notConversation, nil}, released...)...)

	visitorSubj, err := e.svc.ConversationSubject(e.ws.ID, conv.ID, conversation.AudienceVisitor)
	must(t, err)
	feed, err := e.svc.FeedSubject(e.ws.ID)
	must(t, err)
	contact, err := e.svc.ContactSubject(e.ws.ID, e.visitor.ID)
	must(t, err)
	for _, subj := range []string{visitorSubj, feed, contact} {
		waitFor(t, "conversation.unassigned on "+subj, func() bool {
			evs := e.heard.on(subj)
			return len(evs) > 0 && evs[len(evs)-1].Type == parley.EventConversationUnassigned
		})
		evs := e.heard.on(subj)
		diff(t, released[0], evs[len(evs)-1])
	}
	for _, h := range e.heard.typesOn(feed) {
		if h == parley.EventContactUpdated {
			t.Error("a contact event was published on the feed")
		}
	}
}

// TestPublishAutoResolve checks that auto-resolve's system line and
// resolution, published by the router through PublishEvents, reach the
// conversation's visitor, the line first.
func TestPublishAutoResolve(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	settings := e.inbox.Conversation
	settings.AutoResolveAfter = time.Hour
	_, err := e.store.UpdateInbox(ctx, parley.SystemActor, e.ws.ID, e.inbox.ID, parley.InboxUpdate{Conversation: &settings})
	must(t, err)
	conv := e.pending(t)
	evs, err := e.store.AutoResolveConversations(ctx, time.Now().Add(2*time.Hour))
	must(t, err)
	if len(evs) != 2 || evs[0].Type != parley.EventMessageCreated || evs[1].Type != parley.EventConversationResolved {
		t.Fatalf("events %+v", evs)
	}
	e.svc.PublishEvents(evs...)
	visitorSubj, err := e.svc.ConversationSubject(e.ws.ID, conv.ID, conversation.AudienceVisitor)
	must(t, err)
	waitFor(t, "the line and the resolution on the visitor's subject", func() bool {
		evs := e.heard.on(visitorSubj)
		n := len(evs)
		return n >= 2 && evs[n-2].Type == parley.EventMessageCreated && evs[n-1].Type == parley.EventConversationResolved
	})
	heard := e.heard.on(visitorSubj)
	diff(t, evs[0], heard[len(heard)-2])
	diff(t, evs[1], heard[len(heard)-1])
}
