package storetest

import (
	"sync"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func newTestApp(workspaceID, name string) *parley.App {
	return &parley.App{
		WorkspaceID: workspaceID, Enabled: true, SecretHash: randomBytes(),
		Manifest: parley.AppManifest{Name: name, Publisher: "Acme", Scopes: []parley.Scope{parley.ScopeAgentsWrite, parley.ScopeAgentsRead}},
		Scopes:   []parley.Scope{parley.ScopeAgentsWrite, parley.ScopeAgentsRead},
		Quotas:   parley.AppQuotas{AgentsTotal: 3, AgentsPerDay: 2, RequestsPerMinute: 60},
	}
}

func testApps(t *testing.T, open func(t *testing.T) parley.Store) {
	t.Run("Lifecycle", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w := mustWorkspace(t, s)
		a := newTestApp(w.ID, "CRM bridge")
		wh := &parley.WebhookEndpoint{URL: "https://crm.example.com/hook", EventTypes: []string{"conversation.*"}, Enabled: true, Secret: "whsec_x"}
		must(t, s.InstallApp(ctx, actor, a, wh))
		if a.ID == "" || a.WebhookEndpointID == "" || a.WebhookEndpointID != wh.ID {
			t.Fatalf("installed = %+v, webhook %+v", a, wh)
		}
		wantAudit(t, s, w.ID, "app.install", "app", a.ID)
		if _, err := s.FindWebhookEndpoint(ctx, w.ID, wh.ID); err != nil {
			t.Fatalf("the app's webhook endpoint: %v", err)
		}
		got, err := s.FindApp(ctx, w.ID, a.ID)
		must(t, err)
		diff(t, a, got)
		got, err = s.FindAppByClientID(ctx, a.ID)
		must(t, err)
		diff(t, a, got)
		wantCode(t, s.InstallApp(ctx, actor, newTestApp(w.ID, "CRM bridge"), nil), parley.ECONFLICT)
		list, err := s.ListApps(ctx, w.ID)
		must(t, err)
		diff(t, []*parley.App{a}, list)

		upd, err := s.UpdateApp(ctx, actor, w.ID, a.ID, parley.AppUpdate{Scopes: &[]parley.Scope{parley.ScopeAgentsRead}})
		must(t, err)
		diff(t, []parley.Scope{parley.ScopeAgentsRead}, upd.Scopes)
		wantAudit(t, s, w.ID, "app.update", "app", a.ID)

		// Tokens: found by hash with their app; disabling revokes them.
		hash := randomBytes()
		tok := &parley.AppToken{WorkspaceID: w.ID, AppID: a.ID, Scopes: []parley.Scope{parley.ScopeAgentsRead}, ExpiresAt: time.Now().Add(time.Hour)}
		must(t, s.CreateAppToken(ctx, tok, hash))
		ft, fa, err := s.FindAppTokenByHash(ctx, hash)
		must(t, err)
		if ft.ID != tok.ID || ft.RevokedAt != nil || fa.ID != a.ID {
			t.Fatalf("found token %+v of app %+v", ft, fa)
		}
		cred := parley.Credential{Kind: parley.CredentialAppToken, ID: tok.ID}
		st, err := s.CheckCredentials(ctx, []parley.Credential{cred}, time.Now())
		must(t, err)
		if !st[0].Valid || st[0].WorkspaceID != w.ID {
			t.Fatalf("status = %+v, want valid", st[0])
		}
		_, err = s.UpdateApp(ctx, actor, w.ID, a.ID, parley.AppUpdate{Enabled: ptr(false)})
		must(t, err)
		wantAudit(t, s, w.ID, "app.disable", "app", a.ID)
		ft, _, err = s.FindAppTokenByHash(ctx, hash)
		must(t, err)
		if ft.RevokedAt == nil {
			t.Error("disabling the app left its token unrevoked")
		}
		st, err = s.CheckCredentials(ctx, []parley.Credential{cred}, time.Now())
		must(t, err)
		if st[0].Valid {
			t.Error("a disabled app's token is still valid")
		}
		wantCode(t, s.CreateAppToken(ctx, &parley.AppToken{WorkspaceID: w.ID, AppID: a.ID, ExpiresAt: time.Now().Add(time.Hour)}, randomBytes()), parley.EFORBIDDEN)

		rot, err := s.RotateAppSecret(ctx, actor, w.ID, a.ID, []byte("new-hash"), time.Now().Add(time.Hour))
		must(t, err)
		if string(rot.SecretHash) != "new-hash" || string(rot.PreviousSecretHash) != string(a.SecretHash) || rot.PreviousSecretUntil == nil {
			t.Errorf("rotated = %+v", rot)
		}

		must(t, s.UninstallApp(ctx, actor, w.ID, a.ID))
		wantAudit(t, s, w.ID, "app.uninstall", "app", a.ID)
		_, err = s.FindApp(ctx, w.ID, a.ID)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.FindWebhookEndpoint(ctx, w.ID, wh.ID)
		wantCode(t, err, parley.ENOTFOUND)
		_, _, err = s.FindAppTokenByHash(ctx, hash)
		wantCode(t, err, parley.ENOTFOUND)
		wantCode(t, s.UninstallApp(ctx, actor, w.ID, a.ID), parley.ENOTFOUND)
	})

	t.Run("PanelToken", func(t *testing.T) {
		// A manifest's panel round-trips; a panel token keeps its
		// conversation and contact.
		s := open(t)
		ctx := t.Context()
		w := mustWorkspace(t, s)
		a := newTestApp(w.ID, "CRM")
		a.Manifest.Panel = &parley.AppPanel{URL: "https://crm.example.com/panel", Title: "Customer"}
		must(t, s.InstallApp(ctx, actor, a, nil))
		got, err := s.FindApp(ctx, w.ID, a.ID)
		must(t, err)
		diff(t, a.Manifest.Panel, got.Manifest.Panel)
		hash := randomBytes()
		tok := &parley.AppToken{WorkspaceID: w.ID, AppID: a.ID, Scopes: []parley.Scope{}, ExpiresAt: time.Now().Add(parley.PanelTokenTTL),
			ConversationID: "conv-1", ContactID: "contact-1"}
		must(t, s.CreateAppToken(ctx, tok, hash))
		ft, _, err := s.FindAppTokenByHash(ctx, hash)
		must(t, err)
		if ft.ConversationID != "conv-1" || ft.ContactID != "contact-1" {
			t.Fatalf("panel token = %+v", ft)
		}
		// An update replaces the panel, or removes it (empty URL).
		upd, err := s.UpdateApp(ctx, actor, w.ID, a.ID, parley.AppUpdate{Panel: &parley.AppPanel{URL: "https://crm.example.com/v2"}})
		must(t, err)
		got, err = s.FindApp(ctx, w.ID, a.ID)
		must(t, err)
		diff(t, upd.Manifest.Panel, got.Manifest.Panel)
		if got.Manifest.Panel == nil || got.Manifest.Panel.URL != "https://crm.example.com/v2" {
			t.Fatalf("panel after update = %+v", got.Manifest.Panel)
		}
		wantAudit(t, s, w.ID, "app.update", "app", a.ID)
		_, err = s.UpdateApp(ctx, actor, w.ID, a.ID, parley.AppUpdate{Panel: &parley.AppPanel{}})
		must(t, err)
		got, err = s.FindApp(ctx, w.ID, a.ID)
		must(t, err)
		if got.Manifest.Panel != nil {
			t.Fatalf("panel after removal = %+v", got.Manifest.Panel)
		}
	})

	t.Run("AllOrNothing", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w := mustWorkspace(t, s)
		// A webhook naming an unknown inbox fails the whole install.
		wh := &parley.WebhookEndpoint{URL: "https://x.example", EventTypes: []string{"*"}, InboxID: "missing", Secret: "whsec_x"}
		wantCode(t, s.InstallApp(ctx, actor, newTestApp(w.ID, "x"), wh), parley.ENOTFOUND)
		list, err := s.ListApps(ctx, w.ID)
		must(t, err)
		eps, err := s.ListWebhookEndpoints(ctx, w.ID)
		must(t, err)
		if len(list) != 0 || len(eps) != 0 {
			t.Errorf("a failed install left %d apps and %d endpoints", len(list), len(eps))
		}
		wantCode(t, s.InstallApp(ctx, actor, newTestApp("nope", "x"), nil), parley.ENOTFOUND)
	})

	t.Run("AgentQuota", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w := mustWorkspace(t, s)
		a := newTestApp(w.ID, "bots")
		must(t, s.InstallApp(ctx, actor, a, nil))
		// Racing creations never exceed the per-day quota (2).
		var wg sync.WaitGroup
		errs := make([]error, 6)
		for i := range errs {
			wg.Go(func() {
				errs[i] = s.CreateAgent(ctx, a.Actor(), &parley.Agent{WorkspaceID: w.ID, Email: unique() + "@bots.example", Name: "Bot", Role: parley.RoleAgent, Bot: true}, "")
			})
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			switch {
			case err == nil:
				ok++
			case parley.ErrorReason(err) != parley.ReasonAppAgentsDay:
				t.Errorf("err = %v (reason %q), want %s", err, parley.ErrorReason(err), parley.ReasonAppAgentsDay)
			}
		}
		if ok != 2 {
			t.Errorf("%d agents created, want the quota of 2", ok)
		}
		u, err := s.AppUsage(ctx, w.ID, a.ID, time.Now())
		must(t, err)
		if u.AgentsTotal != 2 || u.AgentsPerDay != 2 {
			t.Errorf("usage = %+v", u)
		}
		agents, err := s.ListAgents(ctx, w.ID, parley.AgentFilter{})
		must(t, err)
		mine := 0
		for _, ag := range agents.Items {
			if ag.AppID == a.ID {
				mine++
			}
		}
		if mine != 2 {
			t.Errorf("%d agents carry the app's ID, want 2", mine)
		}
		// The total quota (1 after the update) is checked first.
		_, err = s.UpdateApp(ctx, actor, w.ID, a.ID, parley.AppUpdate{Quotas: &parley.AppQuotas{AgentsTotal: 1, AgentsPerDay: 5}})
		must(t, err)
		err = s.CreateAgent(ctx, a.Actor(), &parley.Agent{WorkspaceID: w.ID, Email: unique() + "@bots.example", Name: "Bot", Role: parley.RoleAgent}, "")
		wantCode(t, err, parley.ERATELIMITED)
		if parley.ErrorReason(err) != parley.ReasonAppAgentsTotal {
			t.Errorf("reason = %q", parley.ErrorReason(err))
		}
	})

	t.Run("TenantIsolation", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		w1, w2 := mustWorkspace(t, s), mustWorkspace(t, s)
		a := newTestApp(w1.ID, "x")
		must(t, s.InstallApp(ctx, actor, a, nil))
		must(t, s.InstallApp(ctx, actor, newTestApp(w2.ID, "x"), nil)) // names are per workspace
		_, err := s.FindApp(ctx, w2.ID, a.ID)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.UpdateApp(ctx, actor, w2.ID, a.ID, parley.AppUpdate{Enabled: ptr(false)})
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.RotateAppSecret(ctx, actor, w2.ID, a.ID, []byte("h"), time.Now())
		wantCode(t, err, parley.ENOTFOUND)
		wantCode(t, s.UninstallApp(ctx, actor, w2.ID, a.ID), parley.ENOTFOUND)
		_, err = s.AppUsage(ctx, w2.ID, a.ID, time.Now())
		wantCode(t, err, parley.ENOTFOUND)
		wantCode(t, s.CreateAppToken(ctx, &parley.AppToken{WorkspaceID: w2.ID, AppID: a.ID, ExpiresAt: time.Now().Add(time.Hour)}, randomBytes()), parley.ENOTFOUND)
		list, err := s.ListApps(ctx, w2.ID)
		must(t, err)
		if len(list) != 1 || list[0].ID == a.ID {
			t.Errorf("w2 lists %+v", list)
		}
	})
}
