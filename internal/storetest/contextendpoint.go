package storetest

import (
	"sync"
	"testing"

	"github.com/parleychat/parley"
)

func testContextEndpoints(t *testing.T, open func(t *testing.T) parley.Store) {
	t.Run("CRUD", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		all := &parley.ContextEndpoint{WorkspaceID: w.ID, Title: "Contact info", URL: "https://crm.example.com/contact", Secret: "whsec_a"}
		must(t, s.CreateContextEndpoint(ctx, actor, all))
		wantAudit(t, s, w.ID, "context_endpoint.create", "context_endpoint", all.ID)
		stats := &parley.ContextEndpoint{WorkspaceID: w.ID, InboxID: in.ID, Title: "Statistics", URL: "https://crm.example.com/stats",
			Statistics: true, Secret: "whsec_b"}
		must(t, s.CreateContextEndpoint(ctx, actor, stats))

		got, err := s.ContextEndpoint(ctx, w.ID, stats.ID)
		must(t, err)
		diff(t, stats, got)
		list, err := s.ListContextEndpoints(ctx, w.ID)
		must(t, err)
		diff(t, []*parley.ContextEndpoint{all, stats}, list)

		upd, err := s.UpdateContextEndpoint(ctx, actor, w.ID, stats.ID, parley.ContextEndpointUpdate{
			InboxID: ptr(""), Title: ptr("Activity"), Statistics: ptr(false), Secret: ptr("whsec_c")})
		must(t, err)
		if upd.InboxID != "" || upd.Title != "Activity" || upd.Statistics || upd.Secret != "whsec_c" || upd.URL != stats.URL {
			t.Errorf("updated = %+v", upd)
		}
		e := wantAudit(t, s, w.ID, "context_endpoint.update", "context_endpoint", stats.ID)
		if e.Details["secret"] != "rotated" {
			t.Errorf("audit details = %v, want the secret reported as rotated, never shown", e.Details)
		}
		got, err = s.ContextEndpoint(ctx, w.ID, stats.ID)
		must(t, err)
		diff(t, upd, got)

		_, err = s.UpdateContextEndpoint(ctx, actor, w.ID, stats.ID, parley.ContextEndpointUpdate{InboxID: ptr("missing")})
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.UpdateContextEndpoint(ctx, actor, w.ID, "missing", parley.ContextEndpointUpdate{Title: ptr("x")})
		wantCode(t, err, parley.ENOTFOUND)

		must(t, s.DeleteContextEndpoint(ctx, actor, w.ID, all.ID))
		wantAudit(t, s, w.ID, "context_endpoint.delete", "context_endpoint", all.ID)
		_, err = s.ContextEndpoint(ctx, w.ID, all.ID)
		wantCode(t, err, parley.ENOTFOUND)
		wantCode(t, s.DeleteContextEndpoint(ctx, actor, w.ID, all.ID), parley.ENOTFOUND)
	})

	t.Run("UnknownWorkspaceOrInbox", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w := mustWorkspace(t, s)
		wantCode(t, s.CreateContextEndpoint(ctx, actor, &parley.ContextEndpoint{WorkspaceID: "nope", Title: "x", URL: "https://x.example", Secret: "s"}), parley.ENOTFOUND)
		wantCode(t, s.CreateContextEndpoint(ctx, actor, &parley.ContextEndpoint{WorkspaceID: w.ID, InboxID: "nope", Title: "x", URL: "https://x.example", Secret: "s"}), parley.ENOTFOUND)
	})

	t.Run("TenantIsolation", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w1, w2 := mustWorkspace(t, s), mustWorkspace(t, s)
		in2 := mustInbox(t, s, w2.ID)
		e := &parley.ContextEndpoint{WorkspaceID: w1.ID, Title: "x", URL: "https://x.example", Secret: "s"}
		must(t, s.CreateContextEndpoint(ctx, actor, e))
		// Another workspace's inbox is unknown here.
		wantCode(t, s.CreateContextEndpoint(ctx, actor, &parley.ContextEndpoint{WorkspaceID: w1.ID, InboxID: in2.ID, Title: "x", URL: "https://x.example", Secret: "s"}), parley.ENOTFOUND)
		_, err := s.UpdateContextEndpoint(ctx, actor, w1.ID, e.ID, parley.ContextEndpointUpdate{InboxID: &in2.ID})
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.ContextEndpoint(ctx, w2.ID, e.ID)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.UpdateContextEndpoint(ctx, actor, w2.ID, e.ID, parley.ContextEndpointUpdate{Title: ptr("y")})
		wantCode(t, err, parley.ENOTFOUND)
		wantCode(t, s.DeleteContextEndpoint(ctx, actor, w2.ID, e.ID), parley.ENOTFOUND)
		list, err := s.ListContextEndpoints(ctx, w2.ID)
		must(t, err)
		if len(list) != 0 {
			t.Errorf("workspace 2 lists %d endpoints of workspace 1", len(list))
		}
	})

	t.Run("DeletedWithInbox", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		e := &parley.ContextEndpoint{WorkspaceID: w.ID, InboxID: in.ID, Title: "x", URL: "https://x.example", Secret: "s"}
		must(t, s.CreateContextEndpoint(ctx, actor, e))
		must(t, s.DeleteInbox(ctx, actor, w.ID, in.ID))
		_, err := s.ContextEndpoint(ctx, w.ID, e.ID)
		wantCode(t, err, parley.ENOTFOUND)
	})

	// Limit: concurrent creations never exceed MaxContextEndpoints.
	t.Run("Limit", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w := mustWorkspace(t, s)
		var wg sync.WaitGroup
		for range parley.MaxContextEndpoints + 5 {
			wg.Go(func() {
				err := s.CreateContextEndpoint(ctx, actor, &parley.ContextEndpoint{WorkspaceID: w.ID, Title: "x", URL: "https://x.example", Secret: "s"})
				if err != nil && parley.ErrorCode(err) != parley.EINVALID {
					t.Errorf("create: %v", err)
				}
			})
		}
		wg.Wait()
		list, err := s.ListContextEndpoints(ctx, w.ID)
		must(t, err)
		if len(list) != parley.MaxContextEndpoints {
			t.Errorf("%d endpoints, want %d", len(list), parley.MaxContextEndpoints)
		}
	})
}
