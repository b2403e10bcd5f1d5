package storetest

import (
	"slices"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func testAPITokens(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("CreateAndFind", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		before := time.Now()
		tok := &parley.APIToken{
			WorkspaceID: w.ID, Name: "CRM sync", Prefix: "pk_abcd",
			Scopes: []parley.Scope{parley.ScopeAgentsRead, parley.ScopeAgentsWrite},
		}
		hash := randomBytes()
		must(t, s.CreateAPIToken(ctx, actor, tok, hash))
		if tok.ID == "" {
			t.Fatal("ID not set")
		}
		checkStamp(t, "CreatedAt", tok.CreatedAt, before)
		diff(t, actor, tok.CreatedBy)
		if tok.LastUsedAt != nil || tok.RevokedAt != nil {
			t.Errorf("new token has LastUsedAt %v, RevokedAt %v", tok.LastUsedAt, tok.RevokedAt)
		}
		got, err := s.FindAPITokenByHash(ctx, hash)
		must(t, err)
		diff(t, tok, got)
		got, err = s.FindAPITokenByID(ctx, w.ID, tok.ID)
		must(t, err)
		diff(t, tok, got)
		e := wantAudit(t, s, w.ID, "token.create", "token", tok.ID)
		diff(t, map[string]any{"name": "CRM sync", "scopes": []any{"agents:read", "agents:write"}}, e.Details)
	})

	t.Run("CreateNilScopes", func(t *testing.T) {
		w := mustWorkspace(t, s)
		tok := &parley.APIToken{WorkspaceID: w.ID, Name: "Empty", Prefix: "pk_0000"}
		hash := randomBytes()
		must(t, s.CreateAPIToken(t.Context(), actor, tok, hash))
		diff(t, []parley.Scope{}, tok.Scopes)
		got, err := s.FindAPITokenByHash(t.Context(), hash)
		must(t, err)
		diff(t, tok, got)
	})

	t.Run("ErrHashTaken", func(t *testing.T) {
		w := mustWorkspace(t, s)
		tok, hash := mustToken(t, s, w.ID)
		dup := &parley.APIToken{WorkspaceID: mustWorkspace(t, s).ID, Name: "Dup", Prefix: "pk_dup"}
		wantCode(t, s.CreateAPIToken(t.Context(), actor, dup, hash), parley.ECONFLICT)
		got, err := s.FindAPITokenByHash(t.Context(), hash)
		must(t, err)
		diff(t, tok, got)
	})

	t.Run("ErrWorkspaceNotFound", func(t *testing.T) {
		tok := &parley.APIToken{WorkspaceID: "missing", Name: "X", Prefix: "pk_x"}
		wantCode(t, s.CreateAPIToken(t.Context(), actor, tok, randomBytes()), parley.ENOTFOUND)
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		_, hash := mustToken(t, s, w.ID)
		tests := []struct {
			name string
			call func() error
		}{
			{"FindByHash", func() error { _, err := s.FindAPITokenByHash(ctx, randomBytes()); return err }},
			{"FindByHashPrefix", func() error { _, err := s.FindAPITokenByHash(ctx, hash[:16]); return err }},
			{"FindByNilHash", func() error { _, err := s.FindAPITokenByHash(ctx, nil); return err }},
			{"FindByID", func() error { _, err := s.FindAPITokenByID(ctx, w.ID, "missing"); return err }},
			{"Revoke", func() error { return s.RevokeAPIToken(ctx, actor, w.ID, "missing") }},
			{"Delete", func() error { return s.DeleteAPIToken(ctx, actor, w.ID, "missing") }},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) { wantCode(t, tt.call(), parley.ENOTFOUND) })
		}
	})

	t.Run("Revoke", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		tok, hash := mustToken(t, s, w.ID)
		before := time.Now()
		must(t, s.RevokeAPIToken(ctx, actor, w.ID, tok.ID))
		got, err := s.FindAPITokenByHash(ctx, hash) // revoked tokens are still found
		must(t, err)
		if got.RevokedAt == nil {
			t.Fatal("RevokedAt not set")
		}
		checkStamp(t, "RevokedAt", *got.RevokedAt, before)
		want := *tok
		want.RevokedAt = got.RevokedAt
		diff(t, &want, got)
		e := wantAudit(t, s, w.ID, "token.revoke", "token", tok.ID)
		diff(t, map[string]any{"name": tok.Name}, e.Details)

		// Revoking again changes nothing and records nothing.
		noNewAudit := auditUnchanged(t, s, w.ID)
		must(t, s.RevokeAPIToken(ctx, actor, w.ID, tok.ID))
		again, err := s.FindAPITokenByID(ctx, w.ID, tok.ID)
		must(t, err)
		diff(t, got, again)
		noNewAudit()
	})

	t.Run("Expiry", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		// ExpiresAt is kept in UTC to the microsecond, whatever its zone.
		at := time.Date(2031, 2, 3, 4, 5, 6, 123456789, time.FixedZone("UTC+2", 2*3600))
		tok := mustExpiringToken(t, s, w.ID, at)
		want := at.UTC().Truncate(time.Microsecond)
		if tok.ExpiresAt == nil || !tok.ExpiresAt.Equal(want) || tok.ExpiresAt.Location() != time.UTC {
			t.Fatalf("ExpiresAt = %v, want %v", tok.ExpiresAt, want)
		}
		got, err := s.FindAPITokenByID(ctx, w.ID, tok.ID)
		must(t, err)
		diff(t, tok, got)
		e := wantAudit(t, s, w.ID, "token.create", "token", tok.ID)
		if e.Details["expires_at"] != want.Format(time.RFC3339Nano) {
			t.Errorf("audit details = %v, want expires_at %s", e.Details, want.Format(time.RFC3339Nano))
		}
		for _, tt := range []struct {
			now  time.Time
			want bool
		}{{want.Add(-time.Microsecond), false}, {want, true}, {want.Add(time.Hour), true}} {
			if got.Expired(tt.now) != tt.want {
				t.Errorf("Expired(%v) = %v, want %v", tt.now, !tt.want, tt.want)
			}
		}
	})

	t.Run("Delete", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		tok, hash := mustToken(t, s, w.ID)
		other, _ := mustToken(t, s, w.ID)
		// Another workspace cannot delete it.
		wantCode(t, s.DeleteAPIToken(ctx, actor, mustWorkspace(t, s).ID, tok.ID), parley.ENOTFOUND)
		must(t, s.RevokeAPIToken(ctx, actor, w.ID, tok.ID)) // revoked tokens can be deleted
		must(t, s.DeleteAPIToken(ctx, actor, w.ID, tok.ID))
		_, err := s.FindAPITokenByHash(ctx, hash)
		wantCode(t, err, parley.ENOTFOUND)
		e := wantAudit(t, s, w.ID, "token.delete", "token", tok.ID)
		diff(t, map[string]any{"name": tok.Name}, e.Details)
		wantCode(t, s.DeleteAPIToken(ctx, actor, w.ID, tok.ID), parley.ENOTFOUND)
		got, err := s.FindAPITokenByID(ctx, w.ID, other.ID)
		must(t, err)
		diff(t, other, got)
	})

	t.Run("Touch", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		tok, _ := mustToken(t, s, w.ID)
		other, _ := mustToken(t, s, w.ID)
		t0 := time.Date(2030, 1, 2, 3, 4, 5, 123456789, time.UTC)
		t0us := t0.Truncate(time.Microsecond)
		steps := []struct {
			name string
			at   time.Time
			want time.Time
		}{
			{"First", t0, t0us},
			{"ThirtySecondsLater", t0.Add(30 * time.Second), t0us},
			{"OneMinuteLater", t0.Add(time.Minute), t0us},
			{"JustOverAMinute", t0.Add(time.Minute + time.Microsecond), t0us.Add(time.Minute + time.Microsecond)},
			{"Earlier", t0, t0us.Add(time.Minute + time.Microsecond)},
			{"InOtherZone", t0.Add(5 * time.Minute).In(time.FixedZone("UTC+2", 2*3600)), t0us.Add(5 * time.Minute)},
		}
		for _, step := range steps {
			t.Run(step.name, func(t *testing.T) {
				must(t, s.TouchAPIToken(ctx, tok.ID, step.at))
				got, err := s.FindAPITokenByID(ctx, w.ID, tok.ID)
				must(t, err)
				want := *tok
				want.LastUsedAt = &step.want
				diff(t, &want, got)
			})
		}
		got, err := s.FindAPITokenByID(ctx, w.ID, other.ID)
		must(t, err)
		diff(t, other, got)
		must(t, s.TouchAPIToken(ctx, "missing", t0))
	})

	t.Run("ListPages", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		mustToken(t, s, mustWorkspace(t, s).ID) // another workspace's token is never listed
		var ids []string
		for range 5 {
			tok, _ := mustToken(t, s, w.ID)
			ids = append(ids, tok.ID)
		}
		must(t, s.RevokeAPIToken(ctx, actor, w.ID, ids[2])) // revoked tokens are listed
		slices.Sort(ids)
		list := func(opt parley.ListOptions) (parley.List[*parley.APIToken], error) {
			return s.ListAPITokens(ctx, w.ID, opt)
		}
		id := func(tok *parley.APIToken) string { return tok.ID }
		checkPages(t, ids, 2, 3, list, id)
		checkPages(t, ids, 0, 1, list, id)
	})
}
