package httpapi_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

// mint mints a visitor token over HTTP with a visitors:write token.
func (ts *testServer) mint(t *testing.T, body map[string]any) visitor {
	t.Helper()
	var out struct {
		Token   string      `json:"token"`
		Contact contactBody `json:"contact"`
	}
	ts.do(t, "POST", "/api/v1/visitor-tokens", ts.token(t, ts.ws.ID, parley.ScopeVisitorsWrite), body).want(t, 201).decode(t, &out)
	return visitor{bearer: bearer(out.Token), contactID: out.Contact.ID, inboxID: body["inbox_id"].(string)}
}

func TestMintVisitorToken(t *testing.T) {
	ts := newServer(t)
	in := ts.inbox(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeVisitorsWrite)

	t.Run("Verified", func(t *testing.T) {
		before := time.Now()
		var out struct {
			Token     string      `json:"token"`
			ExpiresAt time.Time   `json:"expires_at"`
			Contact   contactBody `json:"contact"`
		}
		ts.do(t, "POST", "/api/v1/visitor-tokens", tok, map[string]any{
			"inbox_id": in.ID, "external_id": "cust-9", "email": "c9@example.com", "name": "Nine",
		}).want(t, 201).decode(t, &out)
		if !strings.HasPrefix(out.Token, "prlyv_") || !out.Contact.Verified || out.Contact.ExternalID != "cust-9" {
			t.Fatalf("minted = %+v", out)
		}
		// Default lifetime: 15 minutes.
		if d := out.ExpiresAt.Sub(before); d < 14*time.Minute || d > 16*time.Minute {
			t.Errorf("expires in %v, want 15 minutes", d)
		}
		// The token works as a visitor token of that contact.
		v := visitor{bearer: bearer(out.Token), contactID: out.Contact.ID, inboxID: in.ID}
		ts.start(t, v)
		// Minting again for the same customer gives the same contact.
		again := ts.mint(t, map[string]any{"inbox_id": in.ID, "external_id": "cust-9", "ttl_seconds": 3600})
		if again.contactID != out.Contact.ID {
			t.Errorf("second mint contact %s, want %s", again.contactID, out.Contact.ID)
		}
	})

	t.Run("Guest", func(t *testing.T) {
		var out struct {
			Contact contactBody `json:"contact"`
		}
		ts.do(t, "POST", "/api/v1/visitor-tokens", tok, map[string]any{"inbox_id": in.ID, "name": "Walk-in"}).want(t, 201).decode(t, &out)
		if out.Contact.Verified || out.Contact.Name != "Walk-in" {
			t.Errorf("guest contact = %+v", out.Contact)
		}
	})

	t.Run("BadInput", func(t *testing.T) {
		tests := []struct {
			name string
			body map[string]any
			want []string
		}{
			{"NoInbox", map[string]any{"external_id": "x"}, []string{"body"}}, // a required property
			{"TTLTooShort", map[string]any{"inbox_id": in.ID, "ttl_seconds": 5}, []string{"body.ttl"}},
			{"TTLTooLong", map[string]any{"inbox_id": in.ID, "ttl_seconds": 86401}, []string{"body.ttl"}},
			{"VerifiedGuest", map[string]any{"inbox_id": in.ID, "verified": true}, []string{"body.verified"}},
			{"BadEmail", map[string]any{"inbox_id": in.ID, "email": "nope"}, []string{"body.email"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				p := ts.do(t, "POST", "/api/v1/visitor-tokens", tok, tt.body).problem(t, 422, parley.EINVALID)
				if !slices.Equal(p.locations(), tt.want) {
					t.Errorf("locations = %v, want %v", p.locations(), tt.want)
				}
			})
		}
	})

	t.Run("Access", func(t *testing.T) {
		body := map[string]any{"inbox_id": in.ID, "external_id": "x"}
		ts.do(t, "POST", "/api/v1/visitor-tokens", ts.token(t, ts.ws.ID, parley.ScopeContactsWrite), body).problem(t, 403, parley.EFORBIDDEN)
		_, otherTok := ts.otherWorkspace(t, parley.ScopeVisitorsWrite)
		ts.do(t, "POST", "/api/v1/visitor-tokens", otherTok, body).problem(t, 404, parley.ENOTFOUND)
		verifiedOnly := ts.inbox(t, func(in *parley.Inbox) { in.Identity.RequireVerified = true })
		ts.do(t, "POST", "/api/v1/visitor-tokens", tok, map[string]any{"inbox_id": verifiedOnly.ID}).problem(t, 403, parley.EFORBIDDEN)
	})
}
