package storetest

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func testContacts(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("CreateAndFind", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		before := time.Now()
		c := &parley.Contact{
			WorkspaceID: w.ID, ExternalID: " user-42 ", Email: " Ada@Example.COM", Phone: "+33 1 23 45 67 89",
			Verified: true, Name: "Ada", AvatarURL: "https://example.com/ada.png",
			Attributes: map[string]any{"plan": "pro", "seats": 3},
		}
		must(t, s.CreateContact(ctx, c))
		if c.ID == "" {
			t.Fatal("ID not set")
		}
		checkStamp(t, "CreatedAt", c.CreatedAt, before)
		diff(t, "user-42", c.ExternalID)
		diff(t, "ada@example.com", c.Email)
		diff(t, map[string]any{"plan": "pro", "seats": float64(3)}, c.Attributes)
		got, err := s.FindContactByID(ctx, w.ID, c.ID)
		must(t, err)
		diff(t, c, got)

		events := allEvents(t, s, w.ID)
		if len(events) != 1 || events[0].Type != parley.EventContactCreated || events[0].ConversationID != "" {
			t.Fatalf("events = %+v, want one contact.created", events)
		}
		var d parley.ContactEventData
		must(t, json.Unmarshal(events[0].Payload, &d))
		diff(t, c, d.Contact)
	})

	t.Run("CreateMinimal", func(t *testing.T) {
		w := mustWorkspace(t, s)
		// Unset identifiers are NULL and never collide.
		a, b := mustContact(t, s, w.ID), mustContact(t, s, w.ID)
		diff(t, map[string]any{}, a.Attributes)
		got, err := s.FindContactByID(t.Context(), w.ID, b.ID)
		must(t, err)
		diff(t, b, got)
	})

	t.Run("ErrConflict", func(t *testing.T) {
		ctx := t.Context()
		w, other := mustWorkspace(t, s), mustWorkspace(t, s)
		must(t, s.CreateContact(ctx, &parley.Contact{WorkspaceID: w.ID, ExternalID: "u1", Email: "a@example.com", Phone: "+1"}))
		tests := []struct {
			name string
			c    parley.Contact
		}{
			{"ExternalID", parley.Contact{ExternalID: "u1"}},
			{"Email", parley.Contact{Email: "A@Example.com"}},
			{"Phone", parley.Contact{Phone: "+1"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				c := tt.c
				c.WorkspaceID = w.ID
				wantCode(t, s.CreateContact(ctx, &c), parley.ECONFLICT)
				// The same identifier is free in another workspace.
				c.WorkspaceID = other.ID
				must(t, s.CreateContact(ctx, &c))
			})
		}
	})

	t.Run("ErrWorkspaceNotFound", func(t *testing.T) {
		wantCode(t, s.CreateContact(t.Context(), &parley.Contact{WorkspaceID: "missing"}), parley.ENOTFOUND)
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		w := mustWorkspace(t, s)
		_, err := s.FindContactByID(t.Context(), w.ID, "missing")
		wantCode(t, err, parley.ENOTFOUND)
	})
}
