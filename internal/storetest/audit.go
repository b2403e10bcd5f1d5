package storetest

import (
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func testAudit(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("NewestFirstPages", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		ids := []string{auditEntries(t, s, w.ID)[0].ID} // workspace.create
		for range 6 {
			in := mustInbox(t, s, w.ID)
			ids = append(ids, wantAudit(t, s, w.ID, "inbox.create", "inbox", in.ID).ID)
		}
		mustInbox(t, s, mustWorkspace(t, s).ID) // another workspace's entries are never listed
		slices.Reverse(ids)
		if !slices.IsSortedFunc(ids, func(a, b string) int { return strings.Compare(b, a) }) {
			t.Fatalf("entry IDs do not grow with time: %v", ids)
		}
		list := func(opt parley.ListOptions) (parley.List[*parley.AuditEntry], error) {
			return s.ListAuditEntries(ctx, w.ID, opt)
		}
		id := func(e *parley.AuditEntry) string { return e.ID }
		checkPages(t, ids, 3, 3, list, id)
		checkPages(t, ids, 7, 1, list, id)
		checkPages(t, ids, 0, 1, list, id)

		l, err := s.ListAuditEntries(ctx, w.ID, parley.ListOptions{After: ids[len(ids)-1]})
		must(t, err)
		if len(l.Items) != 0 || l.Next != "" {
			t.Errorf("after the oldest entry: %d entries, Next %q", len(l.Items), l.Next)
		}
	})

	t.Run("Stamps", func(t *testing.T) {
		before := time.Now()
		w := mustWorkspace(t, s)
		e := wantAudit(t, s, w.ID, "workspace.create", "workspace", w.ID)
		checkStamp(t, "CreatedAt", e.CreatedAt, before)
	})

	t.Run("ActorKinds", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		for _, a := range []parley.Actor{
			parley.SystemActor,
			{Type: parley.ActorToken, ID: "01900000-0000-7000-8000-0000000000aa", Name: "CRM"},
		} {
			in := &parley.Inbox{WorkspaceID: w.ID, Name: "Site"}
			must(t, s.CreateInbox(ctx, a, in))
			got := auditEntries(t, s, w.ID)[0]
			diff(t, a, got.Actor)
		}
	})

	// Every mutation writes an entry, and no entry holds a secret.
	t.Run("NoSecrets", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		const pwA, pwB = "argon2id$v=19$secret-one", "argon2id$v=19$secret-two"
		a := &parley.Agent{WorkspaceID: w.ID, Email: "agent@example.com", Name: "Agent", Role: parley.RoleAgent}
		must(t, s.CreateAgent(ctx, actor, a, pwA))
		must(t, s.SetAgentPassword(ctx, actor, w.ID, a.ID, pwB))
		_, err := s.UpdateAgent(ctx, actor, w.ID, a.ID, parley.AgentUpdate{Name: ptr("Renamed"), Disabled: ptr(true)})
		must(t, err)
		tok, hash := mustToken(t, s, w.ID)
		must(t, s.RevokeAPIToken(ctx, actor, w.ID, tok.ID))
		in := mustInbox(t, s, w.ID)
		_, err = s.UpdateInbox(ctx, actor, w.ID, in.ID, parley.InboxUpdate{Identity: &parley.IdentitySettings{RequireVerified: true}})
		must(t, err)
		must(t, s.DeleteInbox(ctx, actor, w.ID, in.ID))
		must(t, s.DeleteAgent(ctx, actor, w.ID, a.ID))
		_, err = s.UpdateWorkspace(ctx, actor, w.ID, parley.WorkspaceUpdate{Name: ptr("Renamed")})
		must(t, err)

		var got []string
		for _, e := range slices.Backward(auditEntries(t, s, w.ID)) {
			got = append(got, e.Action)
			b, err := json.Marshal(e.Details)
			must(t, err)
			for _, secret := range []string{pwA, pwB, "secret-", hex.EncodeToString(hash),
				base64.StdEncoding.EncodeToString(hash), base64.RawURLEncoding.EncodeToString(hash)} {
				if strings.Contains(string(b), secret) {
					t.Errorf("%s entry holds a secret: %s", e.Action, b)
				}
			}
		}
		diff(t, []string{
			"workspace.create", "agent.create", "agent.password_set", "agent.update", "token.create", "token.revoke",
			"inbox.create", "inbox.update", "inbox.delete", "agent.delete", "workspace.update",
		}, got)
	})
}
