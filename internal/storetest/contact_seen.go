package storetest

import (
	"testing"
	"time"

	"github.com/parleychat/parley"
)

// testContactSeen checks when contacts were last seen: a later time wins,
// lists are most recent first and paginated, and every query is scoped
// by workspace.
func testContactSeen(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)
	ctx := t.Context()
	w, other := mustWorkspace(t, s), mustWorkspace(t, s)
	a, b, c := mustContact(t, s, w.ID), mustContact(t, s, w.ID), mustContact(t, s, w.ID)
	foreign := mustContact(t, s, other.ID)
	t0 := time.Date(2026, 12, 7, 15, 0, 0, 0, time.UTC)

	must(t, s.MarkContactSeen(ctx, w.ID, a.ID, t0.Add(2*time.Minute)))
	must(t, s.MarkContactSeen(ctx, w.ID, a.ID, t0)) // earlier: kept as it was
	must(t, s.MarkContactSeen(ctx, w.ID, b.ID, t0.Add(time.Minute)))
	must(t, s.MarkContactSeen(ctx, other.ID, foreign.ID, t0.Add(time.Hour)))
	// Another workspace's ID, a missing contact: nothing happens.
	must(t, s.MarkContactSeen(ctx, other.ID, c.ID, t0))
	must(t, s.MarkContactSeen(ctx, w.ID, "missing", t0))

	seen, err := s.SeenContacts(ctx, w.ID, []string{a.ID, b.ID, c.ID, foreign.ID, "missing"})
	must(t, err)
	got := map[string]*time.Time{}
	for _, sc := range seen {
		got[sc.Contact.ID] = sc.LastSeenAt
	}
	if len(got) != 3 || got[c.ID] != nil || got[a.ID] == nil || !got[a.ID].Equal(t0.Add(2*time.Minute)) ||
		got[b.ID] == nil || !got[b.ID].Equal(t0.Add(time.Minute)) {
		t.Errorf("SeenContacts = %v", got)
	}
	empty, err := s.SeenContacts(ctx, w.ID, nil)
	must(t, err)
	diff(t, 0, len(empty))

	first, err := s.ListRecentlySeenContacts(ctx, w.ID, parley.ListOptions{Limit: 1})
	must(t, err)
	if len(first.Items) != 1 || first.Items[0].Contact.ID != a.ID || first.Next == "" {
		t.Fatalf("first page = %+v", first)
	}
	second, err := s.ListRecentlySeenContacts(ctx, w.ID, parley.ListOptions{After: first.Next, Limit: 1})
	must(t, err)
	if len(second.Items) != 1 || second.Items[0].Contact.ID != b.ID || second.Next != "" {
		t.Fatalf("second page = %+v", second)
	}
	all, err := s.ListRecentlySeenContacts(ctx, other.ID, parley.ListOptions{})
	must(t, err)
	if len(all.Items) != 1 || all.Items[0].Contact.ID != foreign.ID {
		t.Errorf("the other workspace's list = %+v", all)
	}
	for _, bad := range []string{"nope", "x_", "_id", "-1_id"} {
		_, err := s.ListRecentlySeenContacts(ctx, w.ID, parley.ListOptions{After: bad})
		wantCode(t, err, parley.EINVALID)
	}
}
