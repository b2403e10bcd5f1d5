package storetest

import (
	"slices"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func testInboxes(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("CreateAndFind", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		before := time.Now()
		in := &parley.Inbox{
			WorkspaceID:    w.ID,
			Name:           "Support site",
			AllowedOrigins: []string{"https://www.example.com", "http://localhost:3000"},
			Widget:         parley.WidgetSettings{Title: "Chat", Greeting: "Hi!", Color: "#112233", Locale: "fr", Position: "left"},
			Identity:       parley.IdentitySettings{RequireVerified: true},
		}
		must(t, s.CreateInbox(ctx, actor, in))
		if in.ID == "" {
			t.Fatal("ID not set")
		}
		checkStamp(t, "CreatedAt", in.CreatedAt, before)
		got, err := s.FindInboxByID(ctx, w.ID, in.ID)
		must(t, err)
		diff(t, in, got)
		e := wantAudit(t, s, w.ID, "inbox.create", "inbox", in.ID)
		diff(t, map[string]any{"name": "Support site"}, e.Details)
	})

	t.Run("CreateDefaults", func(t *testing.T) {
		w := mustWorkspace(t, s)
		in := &parley.Inbox{WorkspaceID: w.ID, Name: "Bare"}
		must(t, s.CreateInbox(t.Context(), actor, in))
		diff(t, []string{}, in.AllowedOrigins)
		got, err := s.FindInboxByID(t.Context(), w.ID, in.ID)
		must(t, err)
		diff(t, in, got)
	})

	t.Run("ErrWorkspaceNotFound", func(t *testing.T) {
		in := &parley.Inbox{WorkspaceID: "missing", Name: "X"}
		wantCode(t, s.CreateInbox(t.Context(), actor, in), parley.ENOTFOUND)
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		tests := []struct {
			name string
			call func() error
		}{
			{"Find", func() error { _, err := s.FindInboxByID(ctx, w.ID, "missing"); return err }},
			{"Update", func() error {
				_, err := s.UpdateInbox(ctx, actor, w.ID, "missing", parley.InboxUpdate{Name: ptr("x")})
				return err
			}},
			{"Delete", func() error { return s.DeleteInbox(ctx, actor, w.ID, "missing") }},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) { wantCode(t, tt.call(), parley.ENOTFOUND) })
		}
	})

	t.Run("Update", func(t *testing.T) {
		w := mustWorkspace(t, s)
		widget := parley.WidgetSettings{Title: "Hello", Greeting: "How can we help?", Color: "#aabbcc", Position: "right",
			Prechat: parley.PrechatForm{Enabled: true, Fields: []string{"name", "email"}}}
		tests := []struct {
			name    string
			upd     parley.InboxUpdate
			apply   func(in *parley.Inbox)
			details map[string]any
		}{
			{"Name", parley.InboxUpdate{Name: ptr("Renamed")},
				func(in *parley.Inbox) { in.Name = "Renamed" }, map[string]any{"name": "Renamed"}},
			{"AllowedOrigins", parley.InboxUpdate{AllowedOrigins: ptr([]string{"https://a.example", "*"})},
				func(in *parley.Inbox) { in.AllowedOrigins = []string{"https://a.example", "*"} },
				map[string]any{"allowed_origins": []any{"https://a.example", "*"}}},
			{"AllowedOriginsCleared", parley.InboxUpdate{AllowedOrigins: ptr([]string(nil))},
				func(in *parley.Inbox) { in.AllowedOrigins = []string{} },
				map[string]any{"allowed_origins": []any{}}},
			{"Widget", parley.InboxUpdate{Widget: &widget},
				func(in *parley.Inbox) { in.Widget = widget },
				map[string]any{"widget": map[string]any{
					"title": "Hello", "greeting": "How can we help?", "color": "#aabbcc", "locale": "", "position": "right",
					"prechat": map[string]any{"enabled": true, "fields": []any{"name", "email"}},
				}}},
			{"Identity", parley.InboxUpdate{Identity: &parley.IdentitySettings{RequireVerified: true}},
				func(in *parley.Inbox) { in.Identity.RequireVerified = true },
				map[string]any{"identity.require_verified": true}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				ctx := t.Context()
				in := &parley.Inbox{WorkspaceID: w.ID, Name: "Site", AllowedOrigins: []string{"https://example.com"}}
				must(t, s.CreateInbox(ctx, actor, in))
				got, err := s.UpdateInbox(ctx, actor, w.ID, in.ID, tt.upd)
				must(t, err)
				checkStamp(t, "UpdatedAt", got.UpdatedAt, in.CreatedAt)
				want := *in
				tt.apply(&want)
				want.UpdatedAt = got.UpdatedAt
				diff(t, &want, got)
				found, err := s.FindInboxByID(ctx, w.ID, in.ID)
				must(t, err)
				diff(t, got, found)
				e := wantAudit(t, s, w.ID, "inbox.update", "inbox", in.ID)
				diff(t, tt.details, e.Details)
			})
		}
	})

	t.Run("UpdateNothing", func(t *testing.T) {
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		noNewAudit := auditUnchanged(t, s, w.ID)
		got, err := s.UpdateInbox(t.Context(), actor, w.ID, in.ID, parley.InboxUpdate{})
		must(t, err)
		diff(t, in, got)
		noNewAudit()
	})

	t.Run("Delete", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in, other := mustInbox(t, s, w.ID), mustInbox(t, s, w.ID)
		must(t, s.DeleteInbox(ctx, actor, w.ID, in.ID))
		_, err := s.FindInboxByID(ctx, w.ID, in.ID)
		wantCode(t, err, parley.ENOTFOUND)
		e := wantAudit(t, s, w.ID, "inbox.delete", "inbox", in.ID)
		diff(t, map[string]any{"name": in.Name}, e.Details)
		wantCode(t, s.DeleteInbox(ctx, actor, w.ID, in.ID), parley.ENOTFOUND)
		got, err := s.FindInboxByID(ctx, w.ID, other.ID)
		must(t, err)
		diff(t, other, got)
	})

	t.Run("ListPages", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		mustInbox(t, s, mustWorkspace(t, s).ID) // another workspace's inbox is never listed
		l, err := s.ListInboxes(ctx, w.ID, parley.ListOptions{})
		must(t, err)
		if len(l.Items) != 0 || l.Next != "" {
			t.Fatalf("new workspace lists %d inboxes, Next %q", len(l.Items), l.Next)
		}
		var ids []string
		for range 5 {
			ids = append(ids, mustInbox(t, s, w.ID).ID)
		}
		slices.Sort(ids)
		list := func(opt parley.ListOptions) (parley.List[*parley.Inbox], error) { return s.ListInboxes(ctx, w.ID, opt) }
		id := func(in *parley.Inbox) string { return in.ID }
		checkPages(t, ids, 2, 3, list, id)
		checkPages(t, ids, 5, 1, list, id)
		checkPages(t, ids, 0, 1, list, id)
	})
}
