package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

// Bounds of GET /api/v1/events.
const (
	maxEventsWait  = 30 * time.Second
	eventsPoll     = 250 * time.Millisecond
	eventsScanPage = 200
)

func (s *server) eventRoutes() {
	register(s, huma.Operation{
		OperationID: "list-events", Method: http.MethodGet, Path: "/api/v1/events", Tags: []string{"Events"},
		Summary: "Follow the event feed",
		Description: "The workspace's events, oldest first, with the same ids and bodies as webhooks (docs/events.md). " +
			"Pass the next_cursor of the previous answer as cursor: a reader that follows it sees every event once, " +
			"in the order the events were committed. With wait, the request waits up to that many seconds for an event " +
			"(long polling). note.* events only for credentials that may read notes (conversations:read).",
	}, staff(parley.ScopeWebhooksRead), s.listEvents)
}

type listEventsInput struct {
	Cursor string `query:"cursor" maxLength:"20" pattern:"^[0-9]*$" doc:"The next_cursor of the previous answer; omit to start from the beginning."`
	Types  string `query:"types" maxLength:"2000" doc:"Comma-separated event types or groups (conversation.*, *); default every type."`
	Wait   int    `query:"wait" minimum:"0" maximum:"30" doc:"Seconds to wait for an event when there is none yet (long polling)."`
	Limit  int    `query:"limit" minimum:"1" maximum:"200" default:"50" doc:"Events per answer."`
}

type feedEventView struct {
	ID          string           `json:"id" doc:"The event's ID; the webhook-id of its webhook deliveries."`
	Type        parley.EventType `json:"type"`
	Timestamp   time.Time        `json:"timestamp"`
	WorkspaceID string           `json:"workspace_id"`
	Data        json.RawMessage  `json:"data"`
}

type listEventsOutput struct {
	Body struct {
		Items      []feedEventView `json:"items" nullable:"false"`
		NextCursor string          `json:"next_cursor" doc:"Pass as cursor to continue; present even when there were no events."`
	}
}

func (s *server) listEvents(ctx context.Context, in *listEventsInput) (*listEventsOutput, error) {
	var patterns []string
	for p := range strings.SplitSeq(in.Types, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if !parley.ValidEventPattern(p) {
			var v parley.Validation
			v.Add("types", "%q is neither an event type nor a group such as conversation.*", safeText(p))
			return nil, v.Err()
		}
		patterns = append(patterns, p)
	}
	if len(patterns) == 0 {
		patterns = []string{"*"}
	}
	var after int64
	if in.Cursor != "" {
		var err error
		if after, err = strconv.ParseInt(in.Cursor, 10, 64); err != nil || after < 0 {
			var v parley.Validation
			v.Add("cursor", "is not a cursor returned by this API")
			return nil, v.Err()
		}
	}
	p := principal(ctx)
	filter := &parley.WebhookEndpoint{EventTypes: patterns, Notes: p.Can(parley.ScopeConversationsRead)}
	limit := in.Limit
	if limit <= 0 {
		limit = 50
	}
	deadline := time.Now().Add(time.Duration(in.Wait) * time.Second)
	out := &listEventsOutput{}
	out.Body.Items = []feedEventView{}
	for {
		// Events enter the feed when dispatched; do it now rather than
		// wait for a dispatcher's next poll.
		if _, err := s.store.FanOutEvents(ctx, eventsScanPage); err != nil {
			return nil, err
		}
		for scanned := 0; scanned < 10*eventsScanPage && len(out.Body.Items) < limit; {
			page, err := s.store.ListFeedEvents(ctx, p.WorkspaceID, after, eventsScanPage)
			if err != nil {
				return nil, err
			}
			for _, fe := range page {
				if len(out.Body.Items) == limit {
					break
				}
				after = fe.Seq
				typ, ok := parley.WebhookEventType(fe.Event)
				if !ok || typ == parley.EventPing || !filter.Wants(typ, "") {
					continue
				}
				out.Body.Items = append(out.Body.Items, feedEventView{
					ID: fe.Event.ID, Type: typ, Timestamp: fe.Event.CreatedAt.UTC(), WorkspaceID: fe.Event.WorkspaceID, Data: fe.Event.Payload,
				})
			}
			scanned += len(page)
			if len(page) < eventsScanPage {
				break
			}
		}
		if len(out.Body.Items) > 0 || !time.Now().Before(deadline) {
			break
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(min(eventsPoll, time.Until(deadline))):
		}
	}
	out.Body.NextCursor = strconv.FormatInt(after, 10)
	return out, nil
}
