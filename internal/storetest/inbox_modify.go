package storetest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/parleychat/parley"
)

// testModifyInbox checks ModifyInbox, the read-modify-write change of an
// inbox: fn sees the inbox as stored, its error changes nothing, and
// concurrent changes — new identity secrets, other identity fields, other
// settings through UpdateInbox — never lose one another.
func testModifyInbox(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)
	secret := func(name string) string { return name + "-" + strings.Repeat("x", 40) }

	t.Run("SeesStoredAndApplies", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in := &parley.Inbox{WorkspaceID: w.ID, Name: "Site", Identity: parley.IdentitySettings{Secrets: []string{secret("old")}}}
		must(t, s.CreateInbox(ctx, actor, in))
		got, err := s.ModifyInbox(ctx, actor, w.ID, in.ID, func(cur *parley.Inbox) (parley.InboxUpdate, error) {
			diff(t, in, cur)
			id := cur.Identity
			id.Secrets = append([]string{secret("new")}, id.Secrets...)
			return parley.InboxUpdate{Identity: &id}, nil
		})
		must(t, err)
		checkStamp(t, "UpdatedAt", got.UpdatedAt, in.CreatedAt)
		want := *in
		want.Identity.Secrets = []string{secret("new"), secret("old")}
		want.UpdatedAt = got.UpdatedAt
		diff(t, &want, got)
		found, err := s.FindInboxByID(ctx, w.ID, in.ID)
		must(t, err)
		diff(t, got, found)
		e := wantAudit(t, s, w.ID, "inbox.update", "inbox", in.ID)
		diff(t, map[string]any{"identity.require_verified": false}, e.Details)
	})

	t.Run("OnlyTheUpdateIsStored", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		got, err := s.ModifyInbox(ctx, actor, w.ID, in.ID, func(cur *parley.Inbox) (parley.InboxUpdate, error) {
			cur.Name = "Not in the update"
			return parley.InboxUpdate{AllowedOrigins: ptr([]string{"*"})}, nil
		})
		must(t, err)
		if got.Name != in.Name || !slices.Equal(got.AllowedOrigins, []string{"*"}) {
			t.Errorf("after ModifyInbox: name %q origins %v", got.Name, got.AllowedOrigins)
		}
		found, err := s.FindInboxByID(ctx, w.ID, in.ID)
		must(t, err)
		diff(t, got, found)
	})

	t.Run("ErrorChangesNothing", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		noNewAudit := auditUnchanged(t, s, w.ID)
		_, err := s.ModifyInbox(ctx, actor, w.ID, in.ID, func(cur *parley.Inbox) (parley.InboxUpdate, error) {
			return parley.InboxUpdate{Name: ptr("Renamed")}, parley.Errorf(parley.EINVALID, "No.")
		})
		wantCode(t, err, parley.EINVALID)
		found, err := s.FindInboxByID(ctx, w.ID, in.ID)
		must(t, err)
		diff(t, in, found)
		noNewAudit()
	})

	t.Run("NothingToUpdate", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		noNewAudit := auditUnchanged(t, s, w.ID)
		got, err := s.ModifyInbox(ctx, actor, w.ID, in.ID, func(*parley.Inbox) (parley.InboxUpdate, error) {
			return parley.InboxUpdate{}, nil
		})
		must(t, err)
		diff(t, in, got)
		noNewAudit()
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		w := mustWorkspace(t, s)
		_, err := s.ModifyInbox(t.Context(), actor, w.ID, "missing", func(*parley.Inbox) (parley.InboxUpdate, error) {
			t.Error("fn called for a missing inbox")
			return parley.InboxUpdate{}, nil
		})
		wantCode(t, err, parley.ENOTFOUND)
	})

	// RaceSecrets adds secrets (as POST …/identity-secret does) while other
	// callers change the other identity fields (as a PATCH does) and other
	// settings with UpdateInbox: every secret and every change is kept.
	t.Run("RaceSecrets", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		const (
			secrets = racers
			others  = racers
		)
		added := make([]string, secrets)
		for i := range added {
			added[i] = secret(fmt.Sprint("racer", i))
		}
		widget := parley.WidgetSettings{Title: "Raced", Color: "#123456", Position: "left"}
		errs := raceN(secrets+others, func(i int) error {
			var err error
			switch {
			case i < secrets:
				_, err = s.ModifyInbox(ctx, actor, w.ID, in.ID, func(cur *parley.Inbox) (parley.InboxUpdate, error) {
					id := cur.Identity
					id.Secrets = append([]string{added[i]}, id.Secrets...)
					return parley.InboxUpdate{Identity: &id}, nil
				})
			case i%4 == 0:
				_, err = s.ModifyInbox(ctx, actor, w.ID, in.ID, func(cur *parley.Inbox) (parley.InboxUpdate, error) {
					id := cur.Identity
					id.RequireVerified, id.Issuer = true, "https://shop.example"
					return parley.InboxUpdate{Identity: &id}, nil
				})
			case i%4 == 1:
				_, err = s.UpdateInbox(ctx, actor, w.ID, in.ID, parley.InboxUpdate{Name: ptr("Renamed")})
			case i%4 == 2:
				_, err = s.UpdateInbox(ctx, actor, w.ID, in.ID, parley.InboxUpdate{Widget: &widget})
			default:
				_, err = s.UpdateInbox(ctx, actor, w.ID, in.ID, parley.InboxUpdate{AllowedOrigins: ptr([]string{"*"})})
			}
			return err
		})
		for _, err := range errs {
			must(t, err)
		}
		got, err := s.FindInboxByID(ctx, w.ID, in.ID)
		must(t, err)
		if len(got.Identity.Secrets) != secrets {
			t.Errorf("%d secrets stored, want %d: a concurrent change lost some", len(got.Identity.Secrets), secrets)
		}
		diff(t, sorted(added), sorted(got.Identity.Secrets))
		if !got.Identity.RequireVerified || got.Identity.Issuer != "https://shop.example" || got.Name != "Renamed" ||
			!slices.Equal(got.AllowedOrigins, []string{"*"}) {
			t.Errorf("a concurrent change was lost: %+v", got)
		}
		diff(t, widget, got.Widget)
		updates := 0
		for _, e := range auditEntries(t, s, w.ID) {
			if e.Action == "inbox.update" {
				updates++
			}
		}
		if updates != secrets+others {
			t.Errorf("%d inbox.update entries, want %d", updates, secrets+others)
		}
	})
}
