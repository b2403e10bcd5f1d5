package httpapi_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/httpapi"
	"github.com/parleychat/parley/internal/outbound"
	"github.com/parleychat/parley/internal/webhook"
)

type webhookBody struct {
	ID                  string     `json:"id"`
	URL                 string     `json:"url"`
	Description         string     `json:"description"`
	EventTypes          []string   `json:"event_types"`
	InboxID             string     `json:"inbox_id"`
	Enabled             bool       `json:"enabled"`
	RateLimit           int        `json:"rate_limit"`
	Notes               bool       `json:"notes"`
	Secret              string     `json:"secret"`
	PreviousSecretUntil *time.Time `json:"previous_secret_until"`
}

type deliveryBody struct {
	ID         string `json:"id"`
	EventID    string `json:"event_id"`
	EventType  string `json:"event_type"`
	Status     string `json:"status"`
	Attempts   int    `json:"attempts"`
	AttemptLog []struct {
		StatusCode int    `json:"status_code"`
		Error      string `json:"error"`
		Response   string `json:"response"`
	} `json:"attempt_log"`
	RequestBody *string `json:"request_body"`
}

// allowLoopback lets webhook URLs name 127.0.0.1, as PARLEY_OUTBOUND_ALLOW would.
func allowLoopback(t *testing.T) serverOption {
	out, err := outbound.New(outbound.Config{Allow: []string{"127.0.0.1/32"}})
	if err != nil {
		t.Fatal(err)
	}
	return func(c *httpapi.Config) { c.Outbound = out }
}

func TestWebhookEndpoints(t *testing.T) {
	ts := newServer(t, allowLoopback(t))
	admin := ts.token(t, ts.ws.ID, parley.ScopeWebhooksRead, parley.ScopeWebhooksWrite, parley.ScopeConversationsRead)
	noNotes := ts.token(t, ts.ws.ID, parley.ScopeWebhooksRead, parley.ScopeWebhooksWrite)
	reader := ts.token(t, ts.ws.ID, parley.ScopeWebhooksRead)
	sup := ts.member(t, parley.RoleSupervisor)
	in := ts.inbox(t)

	var e webhookBody
	ts.do(t, "POST", "/api/v1/webhooks", admin, map[string]any{
		"url": "http://127.0.0.1:9/hook", "event_types": []string{"conversation.*", "note.*"}, "inbox_id": in.ID,
		"description": "CRM", "rate_limit": 10,
	}).want(t, 201).decode(t, &e)
	if !strings.HasPrefix(e.Secret, "whsec_") || !e.Enabled || !e.Notes || e.InboxID != in.ID || e.RateLimit != 10 {
		t.Fatalf("created = %+v", e)
	}
	var got webhookBody
	ts.do(t, "GET", "/api/v1/webhooks/"+e.ID, reader, nil).want(t, 200).decode(t, &got)
	if got.Secret != "" || got.URL != e.URL {
		t.Fatalf("GET = %+v: the secret is shown only once", got)
	}
	var list struct{ Items []webhookBody }
	ts.do(t, "GET", "/api/v1/webhooks", sup, nil).want(t, 200).decode(t, &list)
	if len(list.Items) != 1 || list.Items[0].Secret != "" {
		t.Fatalf("list = %+v", list)
	}
	var types struct{ Items []struct{ Type string } }
	ts.do(t, "GET", "/api/v1/webhooks/event-types", reader, nil).want(t, 200).decode(t, &types)
	if len(types.Items) != len(parley.EventCatalogue) {
		t.Fatalf("event types = %d", len(types.Items))
	}

	// Who may.
	ts.do(t, "POST", "/api/v1/webhooks", sup, map[string]any{"url": "http://127.0.0.1:9/", "event_types": []string{"*"}}).
		problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "POST", "/api/v1/webhooks", reader, map[string]any{"url": "http://127.0.0.1:9/", "event_types": []string{"*"}}).
		problem(t, 403, parley.EFORBIDDEN)
	ts.do(t, "POST", "/api/v1/webhooks", noNotes, map[string]any{"url": "http://127.0.0.1:9/", "event_types": []string{"note.created"}}).
		problem(t, 403, parley.EFORBIDDEN)
	var plain webhookBody
	ts.do(t, "POST", "/api/v1/webhooks", noNotes, map[string]any{"url": "http://127.0.0.1:9/", "event_types": []string{"*"}}).
		want(t, 201).decode(t, &plain)
	if plain.Notes {
		t.Fatal("an endpoint saved without conversations:read receives notes")
	}
	_, other := ts.otherWorkspace(t, parley.ScopeAll)
	ts.do(t, "GET", "/api/v1/webhooks/"+e.ID, other, nil).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "PATCH", "/api/v1/webhooks/"+e.ID, other, map[string]any{"enabled": false}).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "DELETE", "/api/v1/webhooks/"+e.ID, other, nil).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "POST", "/api/v1/webhooks/"+e.ID+"/ping", other, nil).problem(t, 404, parley.ENOTFOUND)

	// Bad input.
	for _, c := range []struct {
		name string
		body map[string]any
	}{
		{"NoURL", map[string]any{"event_types": []string{"*"}}},
		{"NoTypes", map[string]any{"url": "http://127.0.0.1:9/"}},
		{"EmptyTypes", map[string]any{"url": "http://127.0.0.1:9/", "event_types": []string{}}},
		{"UnknownType", map[string]any{"url": "http://127.0.0.1:9/", "event_types": []string{"conversation.exploded"}}},
		{"BadWildcard", map[string]any{"url": "http://127.0.0.1:9/", "event_types": []string{"*.created"}}},
		{"NULType", map[string]any{"url": "http://127.0.0.1:9/", "event_types": []string{"ping\x00"}}},
		{"NULDescription", map[string]any{"url": "http://127.0.0.1:9/", "event_types": []string{"*"}, "description": "a\x00b"}},
		{"LongDescription", map[string]any{"url": "http://127.0.0.1:9/", "event_types": []string{"*"}, "description": strings.Repeat("x", 501)}},
		{"NegativeRate", map[string]any{"url": "http://127.0.0.1:9/", "event_types": []string{"*"}, "rate_limit": -1}},
		{"NULURL", map[string]any{"url": "http://127.0.0.1:9/\x00", "event_types": []string{"*"}}},
		{"FTP", map[string]any{"url": "ftp://example.com/", "event_types": []string{"*"}}},
		{"Credentials", map[string]any{"url": "https://u:p@example.com/", "event_types": []string{"*"}}},
		{"Relative", map[string]any{"url": "/hook", "event_types": []string{"*"}}},
		{"LongURL", map[string]any{"url": "https://example.com/" + strings.Repeat("a", 2100), "event_types": []string{"*"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ts.do(t, "POST", "/api/v1/webhooks", admin, c.body).want(t, 422)
		})
	}
	ts.do(t, "POST", "/api/v1/webhooks", admin, map[string]any{"url": "http://127.0.0.1:9/", "event_types": []string{"*"},
		"inbox_id": "nope"}).problem(t, 404, parley.ENOTFOUND)
	ts.do(t, "GET", "/api/v1/webhooks/nope%00", admin, nil).problem(t, 422, parley.EINVALID)
	ts.do(t, "GET", "/api/v1/webhooks/nope%FF", admin, nil).problem(t, 422, parley.EINVALID)
	ts.do(t, "POST", "/api/v1/webhooks/"+e.ID+"/deliveries/a%00b/redeliver", admin, nil).problem(t, 422, parley.EINVALID)
	ts.do(t, "POST", "/api/v1/webhooks", admin, map[string]any{"url": "http://127.0.0.1:9/", "event_types": []string{"*"}, "inbox_id": "a\x00b"}).problem(t, 422, parley.EINVALID)
	ts.do(t, "GET", "/api/v1/webhooks/"+e.ID+"/deliveries?type=nope", admin, nil).want(t, 422)
	ts.do(t, "GET", "/api/v1/webhooks/"+e.ID+"/deliveries?status=nope", admin, nil).want(t, 422)

	// Change, rotate, delete: each in the audit log.
	var upd webhookBody
	ts.do(t, "PATCH", "/api/v1/webhooks/"+e.ID, admin, map[string]any{"enabled": false, "event_types": []string{"message.*"}, "inbox_id": ""}).
		want(t, 200).decode(t, &upd)
	if upd.Enabled || upd.InboxID != "" || len(upd.EventTypes) != 1 {
		t.Fatalf("updated = %+v", upd)
	}
	var rot webhookBody
	ts.do(t, "POST", "/api/v1/webhooks/"+e.ID+"/rotate-secret", admin, map[string]any{"overlap_seconds": 3600}).want(t, 200).decode(t, &rot)
	if !strings.HasPrefix(rot.Secret, "whsec_") || rot.Secret == e.Secret || rot.PreviousSecretUntil == nil {
		t.Fatalf("rotated = %+v", rot)
	}
	ts.do(t, "POST", "/api/v1/webhooks/"+e.ID+"/rotate-secret", admin, map[string]any{"overlap_seconds": 9999999}).want(t, 422)
	var ping deliveryBody
	ts.do(t, "POST", "/api/v1/webhooks/"+e.ID+"/ping", admin, nil).want(t, 202).decode(t, &ping)
	if ping.EventType != "ping" || ping.Status != "pending" {
		t.Fatalf("ping = %+v", ping)
	}
	var ds struct{ Items []deliveryBody }
	ts.do(t, "GET", "/api/v1/webhooks/"+e.ID+"/deliveries?status=pending&type=ping", reader, nil).want(t, 200).decode(t, &ds)
	if len(ds.Items) != 1 || ds.Items[0].ID != ping.ID {
		t.Fatalf("deliveries = %+v", ds)
	}
	ts.do(t, "POST", "/api/v1/webhooks/"+e.ID+"/deliveries/"+ping.ID+"/redeliver", admin, nil).want(t, 202)
	ts.do(t, "POST", "/api/v1/webhooks/"+e.ID+"/deliveries/nope/redeliver", admin, nil).problem(t, 404, parley.ENOTFOUND)
	var replay struct{ Queued int }
	ts.do(t, "POST", "/api/v1/webhooks/"+e.ID+"/replay", admin, map[string]any{"since": time.Now().Add(-time.Hour)}).want(t, 202).decode(t, &replay)
	ts.do(t, "POST", "/api/v1/webhooks/"+e.ID+"/replay", admin, map[string]any{"since": "yesterday"}).want(t, 422)
	ts.do(t, "DELETE", "/api/v1/webhooks/"+e.ID, admin, nil).want(t, 204)
	ts.do(t, "GET", "/api/v1/webhooks/"+e.ID, admin, nil).problem(t, 404, parley.ENOTFOUND)

	var audit struct {
		Items []struct {
			Action   string `json:"action"`
			TargetID string `json:"target_id"`
		}
	}
	ts.do(t, "GET", "/api/v1/audit-log?limit=200", ts.token(t, ts.ws.ID, parley.ScopeAuditRead), nil).want(t, 200).decode(t, &audit)
	seen := map[string]bool{}
	for _, a := range audit.Items {
		if a.TargetID == e.ID {
			seen[a.Action] = true
		}
	}
	for _, action := range []string{"webhook.create", "webhook.update", "webhook.rotate_secret", "webhook.ping", "webhook.redeliver",
		"webhook.replay", "webhook.delete"} {
		if !seen[action] {
			t.Errorf("no %s in the audit log", action)
		}
	}
	if strings.Contains(ts.logs.String(), "level=ERROR") {
		t.Errorf("ERROR logged:\n%s", ts.logs.String())
	}
}

// TestWebhookDeliveryRequestBody: the detail of a delivery holds the body
// of its requests byte for byte as the receiver got it (a real dispatcher
// sends them); a note's only to a credential that may read notes; none
// when the event is no longer kept.
func TestWebhookDeliveryRequestBody(t *testing.T) {
	// The receiver records each request's body by its webhook-id.
	var (
		mu       sync.Mutex
		received = map[string]string{}
	)
	rcv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		defer mu.Unlock()
		received[r.Header.Get("webhook-id")] = string(body)
	}))
	t.Cleanup(rcv.Close)
	gone := &eventsGone{}
	ts := newServer(t, allowLoopback(t), func(c *httpapi.Config) { gone.Store = c.Store; c.Store = gone })
	client, err := outbound.New(outbound.Config{Allow: []string{"127.0.0.1/32"}, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	d, err := webhook.New(webhook.Config{Store: ts.store, Client: client, Logger: slog.New(slog.DiscardHandler), Poll: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { d.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })

	admin := ts.token(t, ts.ws.ID, parley.ScopeAll)
	noNotes := ts.token(t, ts.ws.ID, parley.ScopeWebhooksRead)
	var e webhookBody
	ts.do(t, "POST", "/api/v1/webhooks", admin, map[string]any{
		"url": rcv.URL + "/hook", "event_types": []string{"message.created", "note.created", "ping"},
	}).want(t, 201).decode(t, &e)
	ts.do(t, "POST", "/api/v1/webhooks/"+e.ID+"/ping", admin, nil).want(t, 202)
	v := ts.guest(t, ts.inbox(t))
	conv := ts.start(t, v)
	ts.say(t, v, conv.ID, `Hi, "quoted" <b>&</b> é`)
	ts.sendMessage(t, ts.member(t, parley.RoleAgent), conv.ID, map[string]any{"body": "VIP", "kind": "note"})

	var list struct{ Items []deliveryBody }
	eventually(t, "three deliveries delivered", func() bool {
		ts.do(t, "GET", "/api/v1/webhooks/"+e.ID+"/deliveries?status=delivered", admin, nil).want(t, 200).decode(t, &list)
		return len(list.Items) == 3
	})
	for _, item := range list.Items {
		path := "/api/v1/webhooks/" + e.ID + "/deliveries/" + item.ID
		var got deliveryBody
		ts.do(t, "GET", path, admin, nil).want(t, 200).decode(t, &got)
		mu.Lock()
		want := received[item.EventID]
		mu.Unlock()
		if got.RequestBody == nil || *got.RequestBody != want {
			t.Errorf("%s: request_body = %v, the receiver got %s", item.EventType, got.RequestBody, want)
			continue
		}
		var payload struct {
			ID   string          `json:"id"`
			Type string          `json:"type"`
			Data json.RawMessage `json:"data"`
		}
		if err := json.Unmarshal([]byte(*got.RequestBody), &payload); err != nil || payload.ID != item.EventID ||
			payload.Type != item.EventType || len(payload.Data) == 0 {
			t.Errorf("%s: request_body %s (%v): not the event %s", item.EventType, *got.RequestBody, err, item.EventID)
		}
		// Without conversations:read, a note's body is left out, as from the event feed.
		var limited deliveryBody
		ts.do(t, "GET", path, noNotes, nil).want(t, 200).decode(t, &limited)
		if note := item.EventType == string(parley.EventNoteCreated); note != (limited.RequestBody == nil) {
			t.Errorf("%s to a credential that may not read notes: request_body %v", item.EventType, limited.RequestBody)
		}
		// An event no longer kept: the delivery without a body.
		var bodiless deliveryBody
		gone.set(true)
		ts.do(t, "GET", path, admin, nil).want(t, 200).decode(t, &bodiless)
		gone.set(false)
		if bodiless.RequestBody != nil || bodiless.ID != item.ID || len(bodiless.AttemptLog) != 1 {
			t.Errorf("%s whose event is gone: %+v, want the delivery without request_body", item.EventType, bodiless)
		}
	}
	_, other := ts.otherWorkspace(t, parley.ScopeAll)
	ts.do(t, "GET", "/api/v1/webhooks/"+e.ID+"/deliveries/"+list.Items[0].ID, other, nil).problem(t, 404, parley.ENOTFOUND)
}

// eventsGone is a store whose events, when set, are no longer kept.
type eventsGone struct {
	parley.Store
	mu   sync.Mutex
	gone bool
}

func (s *eventsGone) set(gone bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gone = gone
}

func (s *eventsGone) FindEvent(ctx context.Context, workspaceID, id string) (*parley.Event, error) {
	s.mu.Lock()
	gone := s.gone
	s.mu.Unlock()
	if gone {
		return nil, parley.Errorf(parley.ENOTFOUND, "Event not found.")
	}
	return s.Store.FindEvent(ctx, workspaceID, id)
}

// TestWebhookURLRefused is the SSRF table of the outbound client applied
// to webhook URLs when they are saved, with no allow-list.
func TestWebhookURLRefused(t *testing.T) {
	ts := newServer(t)
	admin := ts.token(t, ts.ws.ID, parley.ScopeAll)
	for _, c := range []struct{ name, url, reason string }{
		{"Loopback", "https://127.0.0.1/hook", outbound.ReasonURLPrivateAddress},
		{"LoopbackHTTP", "http://127.0.0.1:8080/hook", outbound.ReasonURLPrivateAddress},
		{"Localhost", "https://localhost/hook", outbound.ReasonURLPrivateAddress},
		{"IPv6Loopback", "https://[::1]/hook", outbound.ReasonURLPrivateAddress},
		{"RFC1918", "https://10.1.2.3/hook", outbound.ReasonURLPrivateAddress},
		{"Private192", "https://192.168.1.1/hook", outbound.ReasonURLPrivateAddress},
		{"Metadata", "http://169.254.169.254/latest/meta-data", outbound.ReasonURLPrivateAddress},
		{"UniqueLocal", "https://[fd00::1]/hook", outbound.ReasonURLPrivateAddress},
		{"MappedLoopback", "https://[::ffff:127.0.0.1]/hook", outbound.ReasonURLPrivateAddress},
		{"PlainHTTPPublic", "http://example.com/hook", outbound.ReasonURLScheme},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := ts.do(t, "POST", "/api/v1/webhooks", admin, map[string]any{"url": c.url, "event_types": []string{"*"}}).
				problem(t, 422, parley.EINVALID)
			if p.Reason != c.reason {
				t.Fatalf("reason = %q, want %q", p.Reason, c.reason)
			}
		})
	}
}

// TestWebhooksInOpenAPI: the OpenAPI document's webhooks section lists
// every event type of the catalogue with the schema of its body.
func TestWebhooksInOpenAPI(t *testing.T) {
	ts := newServer(t)
	var doc struct {
		OpenAPI  string `json:"openapi"`
		Webhooks map[string]struct {
			Post struct {
				RequestBody struct {
					Content map[string]struct {
						Schema struct {
							Ref string `json:"$ref"`
						} `json:"schema"`
					} `json:"content"`
				} `json:"requestBody"`
			} `json:"post"`
		} `json:"webhooks"`
		Components struct {
			Schemas map[string]struct {
				Properties map[string]any `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	ts.do(t, "GET", "/openapi.json", nil, nil).want(t, 200).decode(t, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.1") {
		t.Fatalf("openapi %q", doc.OpenAPI)
	}
	for _, e := range parley.EventCatalogue {
		w, ok := doc.Webhooks[string(e.Type)]
		if !ok {
			t.Errorf("no webhook %s", e.Type)
			continue
		}
		ref := w.Post.RequestBody.Content["application/json"].Schema.Ref
		name := strings.TrimPrefix(ref, "#/components/schemas/")
		if _, ok := doc.Components.Schemas[name].Properties["data"]; !ok {
			t.Errorf("webhook %s: body schema %q has no data", e.Type, ref)
		}
	}
}
