package storetest

import (
	"encoding/json"
	"testing"

	"github.com/parleychat/parley"
)

func testRatings(t *testing.T, open func(t *testing.T) parley.Store) {
	t.Run("RateOnceWhenResolved", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		th := mustThread(t, s)
		ag := mustAgent(t, s, th.ws.ID)
		rate := func(score int, by parley.Participant) (*parley.Event, error) {
			return s.RateConversation(ctx, &parley.Rating{WorkspaceID: th.ws.ID, ConversationID: th.conv.ID, Score: score, Comment: "Quick and kind"}, by)
		}
		_, err := rate(5, contactP(th.contact))
		wantCode(t, err, parley.ECONFLICT) // open: not resolved
		mustAppend(t, s, th.text(contactSender(th.contact), "Hello"))
		_, _, err = s.AssignConversation(ctx, th.ws.ID, th.conv.ID, ag.ID, agentP(ag))
		must(t, err)
		_, err = rate(5, contactP(th.contact))
		wantCode(t, err, parley.ECONFLICT) // assigned: not resolved
		_, err = s.FindRating(ctx, th.ws.ID, th.conv.ID)
		wantCode(t, err, parley.ENOTFOUND)
		_, _, err = s.ResolveConversation(ctx, th.ws.ID, th.conv.ID, agentP(ag))
		must(t, err)

		// Another contact cannot rate it.
		other := mustContact(t, s, th.ws.ID)
		_, err = rate(1, contactP(other))
		wantCode(t, err, parley.ENOTFOUND)

		ev, err := rate(4, contactP(th.contact))
		must(t, err)
		if ev.Type != parley.EventConversationRated || ev.ConversationID != th.conv.ID {
			t.Errorf("event = %+v", ev)
		}
		var data parley.ConversationRatedEventData
		must(t, json.Unmarshal(ev.Payload, &data))
		if data.Rating.Score != 4 || data.Rating.AgentID != ag.ID || data.Conversation.ID != th.conv.ID || data.By.ID != th.contact.ID {
			t.Errorf("event data = %+v %+v", data.Rating, data.By)
		}
		got, err := s.FindRating(ctx, th.ws.ID, th.conv.ID)
		must(t, err)
		if got.Score != 4 || got.Comment != "Quick and kind" || got.ContactID != th.contact.ID || got.AgentID != ag.ID || got.CreatedAt.IsZero() {
			t.Errorf("rating = %+v", got)
		}
		// Not twice.
		_, err = rate(1, contactP(th.contact))
		wantCode(t, err, parley.ECONFLICT)
	})

	t.Run("TenantIsolationAndErasure", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		th := mustThread(t, s)
		mustAppend(t, s, th.text(contactSender(th.contact), "Hello"))
		_, _, err := s.ResolveConversation(ctx, th.ws.ID, th.conv.ID, contactP(th.contact))
		must(t, err)
		w2 := mustWorkspace(t, s)
		_, err = s.RateConversation(ctx, &parley.Rating{WorkspaceID: w2.ID, ConversationID: th.conv.ID, Score: 3}, contactP(th.contact))
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.RateConversation(ctx, &parley.Rating{WorkspaceID: th.ws.ID, ConversationID: "bad\x00", Score: 3}, contactP(th.contact))
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.RateConversation(ctx, &parley.Rating{WorkspaceID: th.ws.ID, ConversationID: th.conv.ID, Score: 3}, contactP(th.contact))
		must(t, err)
		_, err = s.FindRating(ctx, w2.ID, th.conv.ID)
		wantCode(t, err, parley.ENOTFOUND)
		must(t, s.DeleteContact(ctx, actor, th.ws.ID, th.contact.ID))
		_, err = s.FindRating(ctx, th.ws.ID, th.conv.ID)
		wantCode(t, err, parley.ENOTFOUND)
	})
}
