package realtime_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/routing"
)

// In offer mode the agent hears the offer on the feed and on the
// conversation, and accepts it over the WebSocket; the visitor never
// hears of offers.
func TestOfferFrames(t *testing.T) {
	e := newEnv(t)
	n := e.newNode(t)
	agent, session := e.newAgent(t, parley.RoleAgent)
	q, err := e.store.DefaultQueue(t.Context(), e.ws.ID)
	must(t, err)
	st, on := parley.StrategyRoundRobin, true
	q, err = e.store.UpdateQueue(t.Context(), parley.SystemActor, e.ws.ID, q.ID, parley.QueueUpdate{Strategy: &st, OfferMode: &on})
	must(t, err)
	contact, token := e.newVisitor(t, e.inbox)
	conv := e.start(t, contact)
	e.send(t, e.visitorOf(contact), conv.ID, parley.KindText, "hello")

	staff := n.connect(t, session)
	staff.subscribe(conv.ID, 0)
	if f := staff.request(map[string]any{"type": "subscribe_feed"}); f.Type != "feed_subscribed" {
		t.Fatalf("subscribe_feed answered %s", f.raw)
	}
	visitor := n.connect(t, token)
	visitor.subscribe(conv.ID, 0)
	_, err = e.store.SetAgentPresence(t.Context(), e.ws.ID, agent.ID, parley.PresenceOnline, time.Time{})
	must(t, err)

	// Answering before any offer.
	if f := staff.request(map[string]any{"type": "accept_offer", "conversation_id": conv.ID}); f.Type != "error" || f.Reason != "no_offer" {
		t.Fatalf("accept without an offer answered %s", f.raw)
	}
	r, err := routing.New(routing.Config{Store: e.store, Publish: e.svc.PublishEvents})
	must(t, err)
	if _, err := r.RouteQueue(t.Context(), e.ws.ID, q.ID); err != nil {
		t.Fatal(err)
	}
	var onFeed, onConversation bool
	for !onFeed || !onConversation {
		f := staff.read()
		switch {
		case f.Type == "event" && f.event(t).Type == parley.EventConversationOffered:
			var d parley.ConversationEventData
			must(t, json.Unmarshal(f.event(t).Payload, &d))
			if d.Offer == nil || d.Offer.AgentID != agent.ID {
				t.Fatalf("feed offer %s", f.raw)
			}
			onFeed = true
		case f.Type == "conversation" && strings.Contains(f.raw, `"event":"conversation.offered"`):
			if !strings.Contains(f.raw, `"offer":{`) || !strings.Contains(f.raw, `"agent_id":"`+agent.ID+`"`) {
				t.Fatalf("conversation frame of the offer %s", f.raw)
			}
			onConversation = true
		}
	}
	for _, bad := range []map[string]any{
		{"type": "decline_offer", "conversation_id": conv.ID, "reason": strings.Repeat("x", 501)},
		{"type": "accept_offer"},
	} {
		if f := staff.request(bad); f.Type != "error" || f.Code != "invalid" {
			t.Fatalf("%v answered %s", bad, f.raw)
		}
	}
	if f := visitor.request(map[string]any{"type": "accept_offer", "conversation_id": conv.ID}); f.Type != "error" || f.Code != "forbidden" {
		t.Fatalf("a visitor accepting answered %s", f.raw)
	}
	ack := staff.request(map[string]any{"type": "accept_offer", "conversation_id": conv.ID})
	if ack.Type != "ack" || ack.Conversation == nil || ack.Conversation.AssigneeID != agent.ID {
		t.Fatalf("accept_offer answered %s", ack.raw)
	}
	// The visitor's next state change is the assignment: no offer frame.
	for {
		f := visitor.read()
		if f.Type != "conversation" {
			continue
		}
		if strings.Contains(f.raw, "offer") {
			t.Fatalf("the visitor received %s", f.raw)
		}
		if f.Conversation != nil && f.Conversation.Status == parley.StatusAssigned {
			break
		}
	}
}
