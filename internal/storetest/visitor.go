package storetest

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

// mustGuest creates a guest of inbox whose session expires in an hour and
// returns the session, the hash of its secret and the contact.
func mustGuest(t *testing.T, s parley.Store, in *parley.Inbox) (*parley.VisitorSession, []byte, *parley.Contact) {
	t.Helper()
	sess := &parley.VisitorSession{WorkspaceID: in.WorkspaceID, InboxID: in.ID, ExpiresAt: time.Now().Add(time.Hour)}
	hash := randomBytes()
	c, err := s.CreateGuest(t.Context(), sess, hash)
	must(t, err)
	return sess, hash, c
}

// visitorSessionAlive reports whether the session with hash can be found now.
func visitorSessionAlive(t *testing.T, s parley.Store, hash []byte) bool {
	t.Helper()
	_, err := s.FindVisitorSessionByHash(t.Context(), hash, time.Now())
	if code := parley.ErrorCode(err); code != "" && code != parley.ENOTFOUND {
		t.Fatal(err)
	}
	return err == nil
}

func testVisitorSessions(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("CreateGuestAndFind", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		before := time.Now()
		// ExpiresAt is kept in UTC to the microsecond, whatever its zone.
		expires := time.Date(2030, 6, 1, 12, 0, 0, 987654321, time.FixedZone("UTC+2", 2*3600))
		sess := &parley.VisitorSession{WorkspaceID: w.ID, InboxID: in.ID, ExpiresAt: expires}
		hash := randomBytes()
		c, err := s.CreateGuest(ctx, sess, hash)
		must(t, err)
		if sess.ID == "" || c.ID == "" || sess.ContactID != c.ID {
			t.Fatalf("session %+v, contact %+v: IDs not set", sess, c)
		}
		checkStamp(t, "CreatedAt", sess.CreatedAt, before)
		diff(t, expires.UTC().Truncate(time.Microsecond), sess.ExpiresAt)
		// The contact is anonymous.
		diff(t, &parley.Contact{
			ID: c.ID, WorkspaceID: w.ID, Attributes: map[string]any{}, CreatedAt: sess.CreatedAt, UpdatedAt: sess.CreatedAt,
		}, c)
		got, err := s.FindContactByID(ctx, w.ID, c.ID)
		must(t, err)
		diff(t, c, got)

		events := allEvents(t, s, w.ID)
		if len(events) != 1 || events[0].Type != parley.EventContactCreated {
			t.Fatalf("events = %+v, want one contact.created", events)
		}
		var d parley.ContactEventData
		must(t, json.Unmarshal(events[0].Payload, &d))
		diff(t, c, d.Contact)

		tests := []struct {
			name  string
			now   time.Time
			found bool
		}{
			{"Now", time.Now(), true},
			{"JustBeforeExpiry", sess.ExpiresAt.Add(-time.Microsecond), true},
			{"AtExpiry", sess.ExpiresAt, false},
			{"AfterExpiry", sess.ExpiresAt.Add(time.Hour), false},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := s.FindVisitorSessionByHash(ctx, hash, tt.now)
				if !tt.found {
					wantCode(t, err, parley.ENOTFOUND)
					return
				}
				must(t, err)
				diff(t, sess, got)
			})
		}
		_, err = s.FindVisitorSessionByHash(ctx, randomBytes(), time.Now())
		wantCode(t, err, parley.ENOTFOUND)
	})

	t.Run("EachGuestIsANewContact", func(t *testing.T) {
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		a, _, ca := mustGuest(t, s, in)
		b, _, cb := mustGuest(t, s, in)
		if a.ID == b.ID || ca.ID == cb.ID {
			t.Errorf("two guests share a session or contact: %s/%s, %s/%s", a.ID, b.ID, ca.ID, cb.ID)
		}
	})

	t.Run("ErrInboxNotFound", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		other := mustInbox(t, s, mustWorkspace(t, s).ID)
		tests := []struct{ name, workspaceID, inboxID string }{
			{"MissingInbox", w.ID, "missing"},
			{"MissingWorkspace", "missing", other.ID},
			{"InboxOfAnotherWorkspace", w.ID, other.ID},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				sess := &parley.VisitorSession{WorkspaceID: tt.workspaceID, InboxID: tt.inboxID, ExpiresAt: time.Now().Add(time.Hour)}
				hash := randomBytes()
				c, err := s.CreateGuest(ctx, sess, hash)
				wantCode(t, err, parley.ENOTFOUND)
				if c != nil || sess.ID != "" || sess.ContactID != "" {
					t.Errorf("failed CreateGuest returned contact %+v, session %+v", c, sess)
				}
				if visitorSessionAlive(t, s, hash) {
					t.Error("session was created")
				}
			})
		}
		// Nothing was written in the workspace: no contact, no event.
		if events := allEvents(t, s, w.ID); len(events) != 0 {
			t.Errorf("events = %+v, want none", events)
		}
	})

	t.Run("ErrHashTaken", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		sess, hash, _ := mustGuest(t, s, in)
		dup := &parley.VisitorSession{WorkspaceID: w.ID, InboxID: in.ID, ExpiresAt: time.Now().Add(time.Hour)}
		_, err := s.CreateGuest(ctx, dup, hash)
		wantCode(t, err, parley.ECONFLICT)
		got, err := s.FindVisitorSessionByHash(ctx, hash, time.Now())
		must(t, err)
		diff(t, sess, got)
		// The contact of the failed guest was rolled back with its event.
		if events := allEvents(t, s, w.ID); len(events) != 1 {
			t.Errorf("%d events, want the first guest's contact.created only", len(events))
		}
	})

	t.Run("FindVisitorInbox", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in := &parley.Inbox{
			WorkspaceID: w.ID, Name: "Shop", AllowedOrigins: []string{"https://shop.example"},
			Identity: parley.IdentitySettings{RequireVerified: true},
		}
		must(t, s.CreateInbox(ctx, actor, in))
		got, err := s.FindVisitorInbox(ctx, in.ID)
		must(t, err)
		want, err := s.FindInboxByID(ctx, w.ID, in.ID)
		must(t, err)
		diff(t, want, got)
		_, err = s.FindVisitorInbox(ctx, "missing")
		wantCode(t, err, parley.ENOTFOUND)
	})

	t.Run("Delete", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		sess, hash, c := mustGuest(t, s, in)
		_, kept, _ := mustGuest(t, s, in)

		// Another workspace cannot end it.
		must(t, s.DeleteVisitorSession(ctx, mustWorkspace(t, s).ID, sess.ID))
		if !visitorSessionAlive(t, s, hash) {
			t.Fatal("a session was deleted through another workspace")
		}
		must(t, s.DeleteVisitorSession(ctx, w.ID, sess.ID))
		if visitorSessionAlive(t, s, hash) {
			t.Error("deleted session found")
		}
		if !visitorSessionAlive(t, s, kept) {
			t.Error("another session was deleted")
		}
		// The contact stays; deleting again or a missing one is a no-op.
		_, err := s.FindContactByID(ctx, w.ID, c.ID)
		must(t, err)
		must(t, s.DeleteVisitorSession(ctx, w.ID, sess.ID))
		must(t, s.DeleteVisitorSession(ctx, w.ID, "missing"))
	})

	t.Run("DeletedWithInbox", func(t *testing.T) {
		w := mustWorkspace(t, s)
		in, other := mustInbox(t, s, w.ID), mustInbox(t, s, w.ID)
		_, hash, _ := mustGuest(t, s, in)
		_, kept, _ := mustGuest(t, s, other)
		must(t, s.DeleteInbox(t.Context(), actor, w.ID, in.ID))
		if visitorSessionAlive(t, s, hash) {
			t.Error("a session outlived its inbox")
		}
		if !visitorSessionAlive(t, s, kept) {
			t.Error("another inbox's session was deleted")
		}
	})

	t.Run("DeleteExpired", func(t *testing.T) {
		ctx := t.Context()
		s := open(t) // an empty store: the count is exactly what is created here
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
		var hashes [][]byte
		for _, expires := range []time.Time{now.Add(-time.Hour), now, now.Add(time.Microsecond), now.Add(time.Hour)} {
			h := randomBytes()
			_, err := s.CreateGuest(ctx, &parley.VisitorSession{WorkspaceID: w.ID, InboxID: in.ID, ExpiresAt: expires}, h)
			must(t, err)
			hashes = append(hashes, h)
		}
		n, err := s.DeleteExpiredVisitorSessions(ctx, now)
		must(t, err)
		if n != 2 {
			t.Errorf("deleted %d sessions, want 2", n)
		}
		for i, h := range hashes {
			_, err := s.FindVisitorSessionByHash(ctx, h, now.Add(-2*time.Hour))
			if alive := err == nil; alive != (i >= 2) {
				t.Errorf("session %d: alive = %v (%v)", i, alive, err)
			}
		}
		n, err = s.DeleteExpiredVisitorSessions(ctx, now)
		must(t, err)
		if n != 0 {
			t.Errorf("second call deleted %d sessions, want 0", n)
		}
	})
}
