package httpapi_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

// TestAppMessageQuota: an app over its messages-per-second quota gets
// 429 with Retry-After and a problem naming the quota; other senders are
// not held back.
func TestAppMessageQuota(t *testing.T) {
	ts := newServer(t)
	in := ts.inbox(t)
	v := ts.guest(t, in)
	conv := ts.start(t, v)
	ts.say(t, v.bearer, conv.ID, "Hello?")

	m := manifest("Chatterbox", parley.ScopeConversationsRead, parley.ScopeConversationsWrite)
	m["quotas"] = map[string]any{"messages_per_second": 1}
	a := ts.install(t, m)
	if a.Quotas.MessagesPerSecond != 1 {
		t.Errorf("quotas = %+v, want messages_per_second 1", a.Quotas)
	}
	tok := ts.appToken(t, a)
	// A bucket of one message refilled once a second: of five sends in a
	// row, unless each took a second, one is refused.
	var refused *result
	for i := range 5 {
		r := ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/messages", tok, map[string]any{"body": "Hi " + strconv.Itoa(i)})
		if r.status == 429 {
			refused = r
			break
		}
		r.want(t, 201)
	}
	if refused == nil {
		t.Fatal("five messages in a row over a quota of one a second: none refused")
	}
	p := refused.problem(t, 429, parley.ERATELIMITED)
	if p.Reason != parley.ReasonAppMessages || !strings.Contains(p.Detail, "messages_per_second") {
		t.Errorf("problem = %+v, want the quota messages_per_second named", p)
	}
	if ra, err := strconv.Atoi(refused.header.Get("Retry-After")); err != nil || ra != 1 {
		t.Errorf("Retry-After = %q, want 1", refused.header.Get("Retry-After"))
	}
	// The visitor and other apps are not held back.
	ts.say(t, v.bearer, conv.ID, "Still here")
	other := ts.appToken(t, ts.install(t, manifest("Other", parley.ScopeConversationsWrite)))
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/messages", other, map[string]any{"body": "Me too"}).want(t, 201)

	t.Run("BadQuota", func(t *testing.T) {
		for _, n := range []int{-1, parley.MaxAppMessagesPerSecond + 1} {
			m := manifest("Bad"+strconv.Itoa(n), parley.ScopeConversationsWrite)
			m["quotas"] = map[string]any{"messages_per_second": n}
			ts.do(t, "POST", "/api/v1/apps", ts.token(t, ts.ws.ID, parley.ScopeAll), m).problem(t, 422, parley.EINVALID)
		}
	})
}

// TestAppMessageProvenance: a message an app sends records the app, in
// the API's message objects and in the events; the visitor is not shown
// it; messages of others carry none.
func TestAppMessageProvenance(t *testing.T) {
	ts := newServer(t)
	in := ts.inbox(t)
	v := ts.guest(t, in)
	conv := ts.start(t, v)
	ts.say(t, v.bearer, conv.ID, "Hello?")
	feed := ts.token(t, ts.ws.ID, parley.ScopeWebhooksRead, parley.ScopeConversationsRead)
	var start feedBody
	ts.do(t, "GET", "/api/v1/events?types=message.*", feed, nil).want(t, 200).decode(t, &start)

	a := ts.install(t, manifest("Helper", parley.ScopeConversationsRead, parley.ScopeConversationsWrite))
	tok := ts.appToken(t, a)
	var sent struct {
		ID    string `json:"id"`
		AppID string `json:"app_id"`
	}
	ts.do(t, "POST", "/api/v1/conversations/"+conv.ID+"/messages", tok, map[string]any{"body": "From the app"}).want(t, 201).decode(t, &sent)
	if sent.AppID != a.ID {
		t.Errorf("sent app_id = %q, want %q", sent.AppID, a.ID)
	}
	admin := ts.token(t, ts.ws.ID, parley.ScopeAll)
	var list struct {
		Items []map[string]any `json:"items"`
	}
	ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/messages", admin, nil).want(t, 200).decode(t, &list)
	byBody := map[string]any{}
	for _, m := range list.Items {
		byBody[m["body"].(string)] = m["app_id"]
	}
	if byBody["From the app"] != a.ID || byBody["Hello?"] != nil {
		t.Errorf("listed app_ids = %v", byBody)
	}
	var got feedBody
	ts.do(t, "GET", "/api/v1/events?types=message.*&cursor="+start.NextCursor, feed, nil).want(t, 200).decode(t, &got)
	if len(got.Items) != 1 {
		t.Fatalf("events = %v", got.types())
	}
	if m, _ := got.Items[0].Data["message"].(map[string]any); m == nil || m["app_id"] != a.ID {
		t.Errorf("message.created = %v, want app_id %s", got.Items[0].Data, a.ID)
	}
	// The visitor sees the message, not where it came from.
	r := ts.do(t, "GET", "/api/v1/conversations/"+conv.ID+"/messages", v.bearer, nil).want(t, 200)
	if strings.Contains(string(r.body), "app_id") {
		t.Errorf("the visitor was shown the provenance: %s", r.body)
	}
}
