package storetest

import (
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func testMerges(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("Merge", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s) // the source's conversation
		th.mustPending(t, s)
		w := th.ws
		source := th.contact
		source, err := s.UpdateContact(ctx, nil, w.ID, source.ID, parley.ContactUpdate{
			Email: ptr("src@example.com"), Phone: ptr("+1"), Attributes: &map[string]any{"a": "source", "b": "source"},
		})
		must(t, err)
		target := &parley.Contact{WorkspaceID: w.ID, ExternalID: "u1", Email: "target@example.com", Verified: true,
			Attributes: map[string]any{"a": "target"}}
		must(t, s.CreateContact(ctx, target))
		sess := &parley.VisitorSession{WorkspaceID: w.ID, InboxID: th.inbox.ID, ContactID: source.ID, ExpiresAt: time.Now().Add(time.Hour)}
		hash := randomBytes()
		must(t, s.CreateVisitorSession(ctx, sess, hash))
		tok := &parley.ResumeToken{WorkspaceID: w.ID, ConversationID: th.conv.ID, ExpiresAt: time.Now().Add(time.Hour)}
		must(t, s.CreateResumeToken(ctx, tok, randomBytes()))
		before := time.Now()

		got, m, err := s.MergeContacts(ctx, &actor, w.ID, target.ID, source.ID, parley.MergeReasonAPI)
		must(t, err)
		checkStamp(t, "CreatedAt", m.CreatedAt, before)
		want := *target
		// What the target lacks comes from the source.
		want.Phone, want.Name = "+1", source.Name
		want.Attributes, want.UpdatedAt = map[string]any{"a": "target", "b": "source"}, got.UpdatedAt
		diff(t, &want, got)
		found, err := s.FindContactByID(ctx, w.ID, target.ID)
		must(t, err)
		diff(t, got, found)
		diff(t, &parley.ContactMerge{
			ID: m.ID, WorkspaceID: w.ID, ContactID: target.ID, SourceID: source.ID, Source: source,
			Reason: parley.MergeReasonAPI, Actor: actor, CreatedAt: m.CreatedAt,
		}, m)
		_, err = s.FindContactByID(ctx, w.ID, source.ID)
		wantCode(t, err, parley.ENOTFOUND)
		diff(t, target.ID, mustConversation(t, s, w.ID, th.conv.ID).ContactID)
		gs, err := s.FindVisitorSessionByHash(ctx, hash, time.Now())
		must(t, err)
		diff(t, target.ID, gs.ContactID)
		rt, err := s.FindResumeToken(ctx, w.ID, tok.ID)
		must(t, err)
		diff(t, target.ID, rt.ContactID)
		// The source's email stays with nobody: the target had one.
		l, err := s.ListContacts(ctx, w.ID, parley.ContactFilter{Email: "src@example.com"})
		must(t, err)
		diff(t, 0, len(l.Items))

		events := allEvents(t, s, w.ID)
		d := decodeMergeEvent(t, events[len(events)-1])
		diff(t, got, d.Contact)
		diff(t, source.ID, d.Merge.SourceID)
		diff(t, source, d.Merge.Source)
		e := wantAudit(t, s, w.ID, "contact.merge", "contact", target.ID)
		diff(t, source.ID, e.Details["merged_contact_id"])

		merges, err := s.ListContactMerges(ctx, w.ID, target.ID, parley.ListOptions{})
		must(t, err)
		diff(t, []*parley.ContactMerge{m}, merges.Items)

		// Merging the target further carries its merge history along.
		final := mustContact(t, s, w.ID)
		_, m2, err := s.MergeContacts(ctx, nil, w.ID, final.ID, target.ID, parley.MergeReasonAPI)
		must(t, err)
		diff(t, parley.SystemActor, m2.Actor)
		checkPages(t, []string{m.ID, m2.ID}, 1, 2, func(opt parley.ListOptions) (parley.List[*parley.ContactMerge], error) {
			return s.ListContactMerges(ctx, w.ID, final.ID, opt)
		}, func(m *parley.ContactMerge) string { return m.ID })
	})

	t.Run("Errors", func(t *testing.T) {
		ctx := t.Context()
		w, other := mustWorkspace(t, s), mustWorkspace(t, s)
		a, b, foreign := mustContact(t, s, w.ID), mustContact(t, s, w.ID), mustContact(t, s, other.ID)
		_, _, err := s.MergeContacts(ctx, nil, w.ID, a.ID, a.ID, parley.MergeReasonAPI)
		wantCode(t, err, parley.EINVALID)
		_, _, err = s.MergeContacts(ctx, nil, w.ID, a.ID, foreign.ID, parley.MergeReasonAPI)
		wantCode(t, err, parley.ENOTFOUND)
		_, _, err = s.MergeContacts(ctx, nil, w.ID, "missing", b.ID, parley.MergeReasonAPI)
		wantCode(t, err, parley.ENOTFOUND)
		// Nothing changed.
		_, err = s.FindContactByID(ctx, w.ID, b.ID)
		must(t, err)
		_, err = s.FindContactByID(ctx, other.ID, foreign.ID)
		must(t, err)
	})

	t.Run("OppositeMergesRace", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		a, b := mustContact(t, s, w.ID), mustContact(t, s, w.ID)
		errs := raceN(2, func(i int) error {
			if i == 0 {
				_, _, err := s.MergeContacts(ctx, nil, w.ID, a.ID, b.ID, parley.MergeReasonAPI)
				return err
			}
			_, _, err := s.MergeContacts(ctx, nil, w.ID, b.ID, a.ID, parley.MergeReasonAPI)
			return err
		})
		ok := 0
		for _, err := range errs {
			if err == nil {
				ok++
			} else {
				wantCode(t, err, parley.ENOTFOUND)
			}
		}
		diff(t, 1, ok)
		l, err := s.ListContacts(ctx, w.ID, parley.ContactFilter{})
		must(t, err)
		diff(t, 1, len(l.Items))
	})
}
