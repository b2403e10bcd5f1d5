package storetest

import (
	"testing"

	"github.com/parleychat/parley"
)

// testContactSetAttributes checks ContactUpdate.SetAttributes: attributes
// set key by key, the others kept; nothing written when nothing changes.
func testContactSetAttributes(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("KeyByKey", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		c := &parley.Contact{WorkspaceID: w.ID, Name: "Guest", Attributes: map[string]any{"plan": "pro", "seats": 2}}
		must(t, s.CreateContact(ctx, c))
		got, err := s.UpdateContact(ctx, &actor, w.ID, c.ID, parley.ContactUpdate{
			SetAttributes: map[string]any{parley.AttributeUnverifiedEmail: "eve@example.com", "seats": 3},
		})
		must(t, err)
		want := map[string]any{"plan": "pro", "seats": float64(3), parley.AttributeUnverifiedEmail: "eve@example.com"}
		diff(t, want, got.Attributes)
		if got.Email != "" {
			t.Errorf("Email = %q, want none", got.Email)
		}
		read, err := s.FindContactByID(ctx, w.ID, c.ID)
		must(t, err)
		diff(t, want, read.Attributes)
		e := wantAudit(t, s, w.ID, "contact.update", "contact", c.ID)
		diff(t, map[string]any{"fields": []any{"attributes"}}, e.Details)

		// The same values again change nothing: no event, no audit entry.
		events, audits := len(allEvents(t, s, w.ID)), len(auditEntries(t, s, w.ID))
		_, err = s.UpdateContact(ctx, &actor, w.ID, c.ID, parley.ContactUpdate{
			SetAttributes: map[string]any{"seats": 3, parley.AttributeUnverifiedEmail: "eve@example.com"},
		})
		must(t, err)
		if n, m := len(allEvents(t, s, w.ID)), len(auditEntries(t, s, w.ID)); n != events || m != audits {
			t.Errorf("events %d→%d, audit entries %d→%d, want no change", events, n, audits, m)
		}

		// With Attributes, SetAttributes applies on top of the new map.
		got, err = s.UpdateContact(ctx, &actor, w.ID, c.ID, parley.ContactUpdate{
			Attributes: &map[string]any{"a": "x"}, SetAttributes: map[string]any{"b": "y"},
		})
		must(t, err)
		diff(t, map[string]any{"a": "x", "b": "y"}, got.Attributes)
		e = wantAudit(t, s, w.ID, "contact.update", "contact", c.ID)
		diff(t, map[string]any{"fields": []any{"attributes"}}, e.Details)
	})

	t.Run("SameUnverifiedEmailTwice", func(t *testing.T) {
		// Not an identifier: any number of contacts may hold it, next to
		// a contact whose email identifier it is.
		ctx := t.Context()
		w := mustWorkspace(t, s)
		owner := &parley.Contact{WorkspaceID: w.ID, Email: "ada@example.com"}
		must(t, s.CreateContact(ctx, owner))
		for range 2 {
			c := mustContact(t, s, w.ID)
			_, err := s.UpdateContact(ctx, nil, w.ID, c.ID, parley.ContactUpdate{
				SetAttributes: map[string]any{parley.AttributeUnverifiedEmail: "ada@example.com"},
			})
			must(t, err)
		}
	})
}
