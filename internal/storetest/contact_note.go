package storetest

import (
	"testing"

	"github.com/parleychat/parley"
)

func noteBodies(notes []*parley.ContactNote) []string {
	out := make([]string, 0, len(notes))
	for _, n := range notes {
		out = append(out, n.Body)
	}
	return out
}

func testContactNotes(t *testing.T, open func(t *testing.T) parley.Store) {
	t.Run("CreateListDelete", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w := mustWorkspace(t, s)
		c := mustContact(t, s, w.ID)
		first := &parley.ContactNote{WorkspaceID: w.ID, ContactID: c.ID, AuthorType: parley.ActorAgent, AuthorID: actor.ID, AuthorName: "Ann", Body: "Prefers email"}
		must(t, s.CreateContactNote(ctx, actor, first))
		if first.ID == "" || first.CreatedAt.IsZero() {
			t.Fatalf("created = %+v", first)
		}
		wantAudit(t, s, w.ID, "contact_note.create", "contact", c.ID)
		second := &parley.ContactNote{WorkspaceID: w.ID, ContactID: c.ID, AuthorType: parley.ActorToken, AuthorID: "t1", AuthorName: "crm", Body: "VIP"}
		must(t, s.CreateContactNote(ctx, actor, second))

		notes, err := s.ListContactNotes(ctx, w.ID, c.ID)
		must(t, err)
		diff(t, []string{"VIP", "Prefers email"}, noteBodies(notes)) // newest first
		diff(t, first, notes[1])

		wantCode(t, s.CreateContactNote(ctx, actor, &parley.ContactNote{WorkspaceID: w.ID, ContactID: "nope", Body: "x"}), parley.ENOTFOUND)
		wantCode(t, s.CreateContactNote(ctx, actor, &parley.ContactNote{WorkspaceID: w.ID, ContactID: "bad\x00id", Body: "x"}), parley.ENOTFOUND)
		_, err = s.ListContactNotes(ctx, w.ID, "nope")
		wantCode(t, err, parley.ENOTFOUND)

		must(t, s.DeleteContactNote(ctx, actor, w.ID, c.ID, first.ID))
		wantAudit(t, s, w.ID, "contact_note.delete", "contact", c.ID)
		wantCode(t, s.DeleteContactNote(ctx, actor, w.ID, c.ID, first.ID), parley.ENOTFOUND)
		wantCode(t, s.DeleteContactNote(ctx, actor, w.ID, c.ID, "bad\xff"), parley.ENOTFOUND)
		notes, err = s.ListContactNotes(ctx, w.ID, c.ID)
		must(t, err)
		diff(t, []string{"VIP"}, noteBodies(notes))
	})

	t.Run("TenantIsolation", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w1, w2 := mustWorkspace(t, s), mustWorkspace(t, s)
		c1 := mustContact(t, s, w1.ID)
		n := &parley.ContactNote{WorkspaceID: w1.ID, ContactID: c1.ID, AuthorType: parley.ActorAgent, Body: "secret"}
		must(t, s.CreateContactNote(ctx, actor, n))
		_, err := s.ListContactNotes(ctx, w2.ID, c1.ID)
		wantCode(t, err, parley.ENOTFOUND)
		wantCode(t, s.CreateContactNote(ctx, actor, &parley.ContactNote{WorkspaceID: w2.ID, ContactID: c1.ID, Body: "x"}), parley.ENOTFOUND)
		wantCode(t, s.DeleteContactNote(ctx, actor, w2.ID, c1.ID, n.ID), parley.ENOTFOUND)
	})

	t.Run("FollowMergeAndErasure", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w := mustWorkspace(t, s)
		target, source := mustContact(t, s, w.ID), mustContact(t, s, w.ID)
		must(t, s.CreateContactNote(ctx, actor, &parley.ContactNote{WorkspaceID: w.ID, ContactID: source.ID, AuthorType: parley.ActorAgent, Body: "from the guest"}))
		_, _, err := s.MergeContacts(ctx, &actor, w.ID, target.ID, source.ID, parley.MergeReasonAPI)
		must(t, err)
		notes, err := s.ListContactNotes(ctx, w.ID, target.ID)
		must(t, err)
		diff(t, []string{"from the guest"}, noteBodies(notes))

		must(t, s.DeleteContact(ctx, actor, w.ID, target.ID))
		_, err = s.ListContactNotes(ctx, w.ID, target.ID)
		wantCode(t, err, parley.ENOTFOUND)
		// Nothing is left: a contact created anew has no notes.
		again := mustContact(t, s, w.ID)
		notes, err = s.ListContactNotes(ctx, w.ID, again.ID)
		must(t, err)
		diff(t, []string{}, noteBodies(notes))
	})
}
