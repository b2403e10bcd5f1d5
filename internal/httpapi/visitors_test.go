package httpapi_test

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/httpapi"
)

func TestGuestSession(t *testing.T) {
	ts := newServer(t)
	shop := ts.inbox(t, func(in *parley.Inbox) { in.AllowedOrigins = []string{"https://shop.example"} })
	verifiedOnly := ts.inbox(t, func(in *parley.Inbox) { in.Identity.RequireVerified = true })

	create := func(t *testing.T, origin string, body any) *result {
		t.Helper()
		req, err := http.NewRequest("POST", ts.URL+"/api/v1/visitor/sessions", strings.NewReader(mustJSON(t, body)))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		return ts.send(t, req)
	}

	t.Run("OK", func(t *testing.T) {
		before := time.Now()
		for _, origin := range []string{"", "https://shop.example"} {
			var body struct {
				Token     string    `json:"token"`
				ContactID string    `json:"contact_id"`
				InboxID   string    `json:"inbox_id"`
				ExpiresAt time.Time `json:"expires_at"`
			}
			create(t, origin, map[string]string{"inbox_id": shop.ID}).want(t, 201).decode(t, &body)
			if !strings.HasPrefix(body.Token, "prlyv_") || body.InboxID != shop.ID {
				t.Errorf("origin %q: session = %+v", origin, body)
			}
			if d := body.ExpiresAt.Sub(before); d < 30*24*time.Hour-time.Minute || d > 30*24*time.Hour+time.Minute {
				t.Errorf("expires_at = %v, want 30 days from now", body.ExpiresAt)
			}
			c, err := ts.store.FindContactByID(t.Context(), ts.ws.ID, body.ContactID)
			if err != nil || c.Verified || c.ExternalID != "" || c.Email != "" {
				t.Errorf("contact = %+v, %v; want an anonymous contact", c, err)
			}
			// The token works, as a visitor of that inbox.
			ts.do(t, "GET", "/api/v1/conversations", bearer(body.Token), nil).want(t, 200)
		}
	})

	tests := []struct {
		name, origin string
		body         any
		status       int
		code         string
		locations    []string
	}{
		{"UnknownInbox", "", map[string]string{"inbox_id": "01900000-0000-7000-8000-000000000000"}, 404, "not_found", nil},
		{"EmptyInbox", "", map[string]string{"inbox_id": ""}, 422, "invalid", []string{"body.inbox_id"}},
		{"MissingInbox", "", map[string]string{}, 422, "invalid", []string{"body"}},
		{"OriginNotAllowed", "https://evil.example", map[string]string{"inbox_id": shop.ID}, 403, "forbidden", nil},
		{"NullOrigin", "null", map[string]string{"inbox_id": shop.ID}, 403, "forbidden", nil},
		{"VerifiedOnly", "", map[string]string{"inbox_id": verifiedOnly.ID}, 403, "forbidden", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := create(t, tt.origin, tt.body).problem(t, tt.status, tt.code)
			if tt.locations != nil && strings.Join(p.locations(), ",") != strings.Join(tt.locations, ",") {
				t.Errorf("locations = %q, want %q", p.locations(), tt.locations)
			}
		})
	}
	p := create(t, "", map[string]string{"inbox_id": verifiedOnly.ID}).problem(t, 403, "forbidden")
	if !strings.Contains(p.Detail, "verified visitors only") {
		t.Errorf("detail = %q", p.Detail)
	}
}

// TestVisitorOrigin checks that a visitor token, once issued, works from
// the inbox's allowed origins (and without an Origin) only.
func TestVisitorOrigin(t *testing.T) {
	ts := newServer(t)
	shop := ts.inbox(t, func(in *parley.Inbox) { in.AllowedOrigins = []string{"https://shop.example"} })
	v := ts.guest(t, shop)
	for origin, status := range map[string]int{"": 200, "https://shop.example": 200, "https://evil.example": 403} {
		req, _ := http.NewRequest("GET", ts.URL+"/api/v1/conversations", nil)
		v.apply(req)
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		if r := ts.send(t, req); r.status != status {
			t.Errorf("Origin %q: status %d, want %d: %s", origin, r.status, status, r.body)
		}
	}
}

func TestGuestSessionRateLimit(t *testing.T) {
	now := time.Now() // frozen: no token refills during the burst
	ts := newServer(t, func(c *httpapi.Config) { c.Now = func() time.Time { return now } })
	in := ts.inbox(t)
	const burst = 60
	for i := range burst {
		if r := ts.do(t, "POST", "/api/v1/visitor/sessions", nil, map[string]string{"inbox_id": in.ID}); r.status != 201 {
			t.Fatalf("session %d: status %d: %s", i, r.status, r.body)
		}
	}
	r := ts.do(t, "POST", "/api/v1/visitor/sessions", nil, map[string]string{"inbox_id": in.ID})
	r.problem(t, 429, "rate_limited")
	if secs, err := strconv.Atoi(r.header.Get("Retry-After")); err != nil || secs < 1 || secs > 5 {
		t.Errorf("Retry-After = %q, want a couple of seconds", r.header.Get("Retry-After"))
	}
}

// TestVerifiedSessionsNotGuests: a session opened with an identity JWT is
// not anonymous, so it does not draw on the guests' limit; it has a limit
// of its own, larger.
func TestVerifiedSessionsNotGuests(t *testing.T) {
	now := time.Now() // frozen: no token refills
	ts := newServer(t, func(c *httpapi.Config) { c.Now = func() time.Time { return now } })
	in := ts.identityInbox(t)
	guest := func() *result {
		return ts.do(t, "POST", "/api/v1/visitor/sessions", nil, map[string]string{"inbox_id": in.ID})
	}
	verified := func(i int) *result {
		return ts.do(t, "POST", "/api/v1/visitor/sessions", nil, map[string]string{
			"inbox_id": in.ID, "token": visitorJWT(t, in, fmt.Sprint("user-", i), nil)})
	}
	for range 60 {
		guest().want(t, 201)
	}
	guest().problem(t, 429, "rate_limited")
	// The guests' limit is spent; logged-in customers still get in, up
	// to a burst of 120 from the address.
	for i := range 120 {
		verified(i).want(t, 201)
	}
	r := verified(120)
	r.problem(t, 429, "rate_limited")
	if secs, err := strconv.Atoi(r.header.Get("Retry-After")); err != nil || secs != 1 {
		t.Errorf("Retry-After = %q, want the 1 s refill of one session (60 a minute)", r.header.Get("Retry-After"))
	}
}

// TestCrossOrigin checks that a page of another site may call the visitor
// operations (with a token it holds) but not the rest of the API.
func TestCrossOrigin(t *testing.T) {
	ts := newServer(t)
	preflight := func(path string) *result {
		req, _ := http.NewRequest("OPTIONS", ts.URL+path, nil)
		req.Header.Set("Origin", "https://shop.example")
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "authorization, content-type")
		return ts.send(t, req)
	}
	for _, path := range []string{"/api/v1/visitor/sessions", "/api/v1/conversations", "/api/v1/conversations/x/messages", "/api/v1/attachments/x"} {
		r := preflight(path).want(t, 204)
		h := r.header
		if h.Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(h.Get("Access-Control-Allow-Headers"), "Authorization") ||
			!strings.Contains(h.Get("Access-Control-Allow-Methods"), "POST") || h.Get("Access-Control-Allow-Credentials") != "" {
			t.Errorf("preflight of %s: headers %v", path, h)
		}
	}
	if r := preflight("/api/v1/tokens"); r.header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("the admin API answers cross-origin preflights: %v", r.header)
	}

	in := ts.inbox(t)
	req, _ := http.NewRequest("POST", ts.URL+"/api/v1/visitor/sessions", strings.NewReader(`{"inbox_id":"`+in.ID+`"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", "https://shop.example")
	r := ts.send(t, req).want(t, 201)
	if r.header.Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(r.header.Get("Access-Control-Expose-Headers"), "Retry-After") {
		t.Errorf("cross-origin response headers: %v", r.header)
	}
}
