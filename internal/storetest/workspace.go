package storetest

import (
	"slices"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func testWorkspaces(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("CreateAndFind", func(t *testing.T) {
		ctx := t.Context()
		before := time.Now()
		w := &parley.Workspace{Slug: "acme-" + unique(), Name: "Acme"}
		must(t, s.CreateWorkspace(ctx, actor, w))
		if w.ID == "" {
			t.Fatal("ID not set")
		}
		checkStamp(t, "CreatedAt", w.CreatedAt, before)
		if !w.UpdatedAt.Equal(w.CreatedAt) {
			t.Errorf("UpdatedAt = %v, want CreatedAt %v", w.UpdatedAt, w.CreatedAt)
		}

		got, err := s.FindWorkspaceByID(ctx, w.ID)
		must(t, err)
		diff(t, w, got)
		got, err = s.FindWorkspaceBySlug(ctx, w.Slug)
		must(t, err)
		diff(t, w, got)

		e := wantAudit(t, s, w.ID, "workspace.create", "workspace", w.ID)
		diff(t, map[string]any{"slug": w.Slug, "name": "Acme"}, e.Details)
	})

	t.Run("ErrSlugTaken", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		noNewAudit := auditUnchanged(t, s, w.ID)
		dup := &parley.Workspace{Slug: w.Slug, Name: "Other"}
		wantCode(t, s.CreateWorkspace(ctx, actor, dup), parley.ECONFLICT)
		if dup.ID != "" {
			t.Errorf("failed create set ID %q", dup.ID)
		}
		got, err := s.FindWorkspaceBySlug(ctx, w.Slug)
		must(t, err)
		diff(t, w, got)
		noNewAudit()
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		tests := []struct {
			name string
			call func() error
		}{
			{"FindByID", func() error { _, err := s.FindWorkspaceByID(ctx, "01900000-0000-7000-8000-00000000dead"); return err }},
			{"FindByEmptyID", func() error { _, err := s.FindWorkspaceByID(ctx, ""); return err }},
			{"FindBySlug", func() error { _, err := s.FindWorkspaceBySlug(ctx, "no-such-"+unique()); return err }},
			{"FindBySlugOfID", func() error { _, err := s.FindWorkspaceBySlug(ctx, w.ID); return err }},
			{"Update", func() error {
				_, err := s.UpdateWorkspace(ctx, actor, "missing", parley.WorkspaceUpdate{Name: ptr("x")})
				return err
			}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) { wantCode(t, tt.call(), parley.ENOTFOUND) })
		}
	})

	t.Run("Update", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		got, err := s.UpdateWorkspace(ctx, actor, w.ID, parley.WorkspaceUpdate{Name: ptr("Renamed")})
		must(t, err)
		want := *w
		want.Name, want.UpdatedAt = "Renamed", got.UpdatedAt
		diff(t, &want, got)
		checkStamp(t, "UpdatedAt", got.UpdatedAt, w.CreatedAt)
		found, err := s.FindWorkspaceByID(ctx, w.ID)
		must(t, err)
		diff(t, got, found)
		e := wantAudit(t, s, w.ID, "workspace.update", "workspace", w.ID)
		diff(t, map[string]any{"name": "Renamed"}, e.Details)
	})

	t.Run("UpdateNothing", func(t *testing.T) {
		w := mustWorkspace(t, s)
		noNewAudit := auditUnchanged(t, s, w.ID)
		got, err := s.UpdateWorkspace(t.Context(), actor, w.ID, parley.WorkspaceUpdate{})
		must(t, err)
		diff(t, w, got)
		noNewAudit()
	})

	t.Run("Delete", func(t *testing.T) {
		ctx := t.Context()
		home := mustWorkspace(t, s) // the system administrator's
		w := mustWorkspace(t, s)
		agent := mustAgent(t, s, w.ID)
		sess, _ := mustSession(t, s, w.ID, agent.ID)
		tok, tokHash := mustToken(t, s, w.ID)
		th := mustThreadIn(t, s, w, mustInbox(t, s, w.ID))
		mustAppend(t, s, th.text(contactSender(th.contact), "Hello"))
		guest, guestHash, _ := mustGuest(t, s, th.inbox)
		kept := mustThread(t, s) // another workspace's data stays

		noNewAudit := auditUnchanged(t, s, kept.ws.ID)
		wantCode(t, s.DeleteWorkspace(ctx, actor, w.ID, w.ID), parley.ECONFLICT)
		wantCode(t, s.DeleteWorkspace(ctx, actor, home.ID, "01900000-0000-7000-8000-00000000dead"), parley.ENOTFOUND)
		must(t, s.DeleteWorkspace(ctx, actor, home.ID, w.ID))
		noNewAudit()
		e := wantAudit(t, s, home.ID, "workspace.delete", "workspace", w.ID)
		diff(t, map[string]any{"slug": w.Slug, "name": w.Name}, e.Details)

		_, err := s.FindWorkspaceByID(ctx, w.ID)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.FindAgentByID(ctx, w.ID, agent.ID)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.FindAPITokenByHash(ctx, tokHash)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.FindConversation(ctx, w.ID, th.conv.ID)
		wantCode(t, err, parley.ENOTFOUND)
		if visitorSessionAlive(t, s, guestHash) {
			t.Error("a visitor session outlived its workspace")
		}
		st, err := s.CheckCredentials(ctx, []parley.Credential{
			{Kind: parley.CredentialSession, ID: sess.ID}, {Kind: parley.CredentialAPIToken, ID: tok.ID},
			{Kind: parley.CredentialVisitorSession, ID: guest.ID},
		}, time.Now())
		must(t, err)
		diff(t, make([]parley.CredentialStatus, 3), st)
		if l := auditEntries(t, s, w.ID); len(l) != 0 {
			t.Errorf("the deleted workspace keeps %d audit entries", len(l))
		}
		mustConversation(t, s, kept.ws.ID, kept.conv.ID)
		wantCode(t, s.DeleteWorkspace(ctx, actor, home.ID, w.ID), parley.ENOTFOUND)
	})

	t.Run("List", func(t *testing.T) {
		ctx := t.Context()
		s := open(t) // an empty store: the list is exactly what is created here
		l, err := s.ListWorkspaces(ctx, parley.ListOptions{})
		must(t, err)
		if len(l.Items) != 0 || l.Next != "" {
			t.Fatalf("empty store lists %d workspaces, Next %q", len(l.Items), l.Next)
		}
		var ids []string
		for range 7 {
			ids = append(ids, mustWorkspace(t, s).ID)
		}
		slices.Sort(ids)
		list := func(opt parley.ListOptions) (parley.List[*parley.Workspace], error) {
			return s.ListWorkspaces(ctx, opt)
		}
		id := func(w *parley.Workspace) string { return w.ID }
		checkPages(t, ids, 3, 3, list, id)
		checkPages(t, ids, 7, 1, list, id) // an exact multiple leaves no empty page
		checkPages(t, ids, 0, 1, list, id)
		checkPages(t, ids, parley.MaxListLimit+1, 1, list, id)
	})
}
