package httpapi_test

import (
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

type ratingBody struct {
	Rated          bool   `json:"rated"`
	ConversationID string `json:"conversation_id"`
	AgentID        string `json:"agent_id"`
	Score          int    `json:"score"`
	Comment        string `json:"comment"`
}

func TestConversationRating(t *testing.T) { onBothEngines(t, testConversationRating) }

func testConversationRating(t *testing.T, ts *testServer) {
	agent := ts.member(t, parley.RoleAgent)
	in := ts.inbox(t)
	v := ts.guest(t, in)
	conv := ts.start(t, v)
	path := "/api/v1/conversations/" + conv.ID + "/rating"

	ts.do(t, "POST", path, v, map[string]any{"score": 5}).problem(t, 409, parley.ECONFLICT) // not resolved
	var none ratingBody
	ts.do(t, "GET", path, v, nil).want(t, 200).decode(t, &none)
	if none.Rated || none.Score != 0 {
		t.Errorf("rating before any = %+v", none)
	}
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/resolve", agent, nil).want(t, 200)

	// Bad input.
	for name, body := range map[string]any{
		"Zero":        map[string]any{"score": 0},
		"Six":         map[string]any{"score": 6},
		"NoScore":     map[string]any{"comment": "great"},
		"NotANumber":  map[string]any{"score": "5"},
		"LongComment": map[string]any{"score": 5, "comment": strings.Repeat("a", parley.MaxRatingCommentLength+1)},
		"NULComment":  map[string]any{"score": 5, "comment": "a\x00b"},
		"InvalidUTF8": "{\"score\":5,\"comment\":\"a\xffb\"}",
	} {
		t.Run(name, func(t *testing.T) {
			ts.do(t, "POST", path, v, body).problem(t, 422, parley.EINVALID)
		})
	}
	// Staff do not rate; another visitor does not reach it.
	ts.do(t, "POST", path, agent, map[string]any{"score": 5}).problem(t, 403, parley.EFORBIDDEN)
	stranger := ts.guest(t, in)
	ts.do(t, "POST", path, stranger, map[string]any{"score": 1}).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "GET", path, stranger, nil).problem(t, 404, parley.ENOTFOUND)

	var r ratingBody
	ts.do(t, "POST", path, v, map[string]any{"score": 4, "comment": "Quick and kind"}).want(t, 201).decode(t, &r)
	if !r.Rated || r.Score != 4 || r.Comment != "Quick and kind" || r.ConversationID != conv.ID {
		t.Errorf("rating = %+v", r)
	}
	ts.do(t, "POST", path, v, map[string]any{"score": 1}).problem(t, 409, parley.ECONFLICT) // not twice
	var got ratingBody
	ts.do(t, "GET", path, agent, nil).want(t, 200).decode(t, &got)
	if got != r {
		t.Errorf("staff read %+v, want %+v", got, r)
	}
	ts.do(t, "GET", path, v, nil).want(t, 200)

	// The event is in the outbox and the feed.
	var events struct {
		Items []struct {
			Type string `json:"type"`
		} `json:"items"`
	}
	ts.do(t, "GET", "/api/v1/events?limit=200", ts.token(t, ts.ws.ID, parley.ScopeAll), nil).want(t, 200).decode(t, &events)
	found := false
	for _, e := range events.Items {
		found = found || e.Type == "conversation.rated"
	}
	if !found {
		t.Errorf("no conversation.rated event in %+v", events.Items)
	}
}
