package storetest

import (
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/parleychat/parley"
)

// mustSessionUntil creates a console session of agent a expiring at expires.
func mustSessionUntil(t *testing.T, s parley.Store, a *parley.Agent, expires time.Time) *parley.Session {
	t.Helper()
	sess := &parley.Session{WorkspaceID: a.WorkspaceID, AgentID: a.ID, CSRFToken: "csrf", ExpiresAt: expires}
	must(t, s.CreateSession(t.Context(), sess, randomBytes()))
	return sess
}

// testCredentials checks CheckCredentials: what the real-time gateway's
// periodic recheck sees of each kind of credential as it ends.
func testCredentials(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)
	check := func(t *testing.T, creds ...parley.Credential) []parley.CredentialStatus {
		t.Helper()
		got, err := s.CheckCredentials(t.Context(), creds, time.Now())
		must(t, err)
		if len(got) != len(creds) {
			t.Fatalf("%d statuses for %d credentials", len(got), len(creds))
		}
		return got
	}
	session := func(id string) parley.Credential { return parley.Credential{Kind: parley.CredentialSession, ID: id} }
	token := func(id string) parley.Credential { return parley.Credential{Kind: parley.CredentialAPIToken, ID: id} }
	visitor := func(id string) parley.Credential {
		return parley.Credential{Kind: parley.CredentialVisitorSession, ID: id}
	}

	t.Run("Sessions", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		a := mustAgent(t, s, w.ID, func(a *parley.Agent) { a.Role = parley.RoleSupervisor })
		mustAgent(t, s, w.ID, func(a *parley.Agent) { a.Role = parley.RoleAdmin }) // the workspace keeps an admin
		expires := time.Now().Add(time.Hour).UTC().Truncate(time.Microsecond)
		live := mustSessionUntil(t, s, a, expires)
		old := mustSessionUntil(t, s, a, time.Now().Add(-time.Second))
		ended := mustSessionUntil(t, s, a, expires)
		must(t, s.DeleteSession(ctx, ended.ID))
		got := check(t, session(live.ID), session(old.ID), session(ended.ID))
		diff(t, []parley.CredentialStatus{
			{Valid: true, WorkspaceID: w.ID, AgentID: a.ID, Role: parley.RoleSupervisor, ExpiresAt: expires},
			{Valid: false, WorkspaceID: w.ID, AgentID: a.ID, Role: parley.RoleSupervisor, ExpiresAt: old.ExpiresAt},
			{},
		}, got)

		// A new role shows; a disabled agent's session is not valid.
		_, err := s.UpdateAgent(ctx, actor, w.ID, a.ID, parley.AgentUpdate{Role: ptr(parley.RoleAgent)})
		must(t, err)
		diff(t, parley.RoleAgent, check(t, session(live.ID))[0].Role)
		_, err = s.UpdateAgent(ctx, actor, w.ID, a.ID, parley.AgentUpdate{Disabled: ptr(true)})
		must(t, err)
		if check(t, session(live.ID))[0].Valid {
			t.Error("a disabled agent's session is valid")
		}
	})

	t.Run("APITokens", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		live, _ := mustToken(t, s, w.ID)
		revoked, _ := mustToken(t, s, w.ID)
		must(t, s.RevokeAPIToken(ctx, actor, w.ID, revoked.ID))
		deleted, _ := mustToken(t, s, w.ID)
		must(t, s.DeleteAPIToken(ctx, actor, w.ID, deleted.ID))
		soon := time.Now().Add(time.Hour).UTC().Truncate(time.Microsecond)
		expiring := mustExpiringToken(t, s, w.ID, soon)
		expired := mustExpiringToken(t, s, w.ID, time.Now().Add(-time.Second))
		got := check(t, token(live.ID), token(revoked.ID), token(deleted.ID), token(expiring.ID), token(expired.ID))
		diff(t, []parley.CredentialStatus{
			{Valid: true, WorkspaceID: w.ID},
			{Valid: false, WorkspaceID: w.ID},
			{},
			{Valid: true, WorkspaceID: w.ID, ExpiresAt: soon},
			{Valid: false, WorkspaceID: w.ID, ExpiresAt: *expired.ExpiresAt},
		}, got)
	})

	t.Run("VisitorSessions", func(t *testing.T) {
		ctx := t.Context()
		w := mustWorkspace(t, s)
		in := mustInbox(t, s, w.ID)
		merged, _, source := mustGuest(t, s, in)
		target := mustContact(t, s, w.ID)
		erased, _, gone := mustGuest(t, s, in)
		kept, _, contact := mustGuest(t, s, in)
		_, _, err := s.MergeContacts(ctx, nil, w.ID, target.ID, source.ID, parley.MergeReasonAPI)
		must(t, err)
		must(t, s.DeleteContact(ctx, actor, w.ID, gone.ID))
		got := check(t, visitor(merged.ID), visitor(erased.ID), visitor(kept.ID))
		diff(t, []parley.CredentialStatus{
			{Valid: true, WorkspaceID: w.ID, ContactID: target.ID, ExpiresAt: merged.ExpiresAt},
			{},
			{Valid: true, WorkspaceID: w.ID, ContactID: contact.ID, ExpiresAt: kept.ExpiresAt},
		}, got)
	})

	t.Run("ManyAndMixed", func(t *testing.T) {
		// More credentials than one query takes, of every kind, unknown
		// ones and an unknown kind among them: the answers keep the order.
		w := mustWorkspace(t, s)
		tok, _ := mustToken(t, s, w.ID)
		var creds []parley.Credential
		for i := range 1200 {
			kinds := []parley.CredentialKind{parley.CredentialSession, parley.CredentialAPIToken, parley.CredentialVisitorSession}
			creds = append(creds, parley.Credential{Kind: kinds[i%3], ID: uuid.NewString()})
		}
		creds[700] = token(tok.ID)
		creds[701] = parley.Credential{Kind: "password", ID: tok.ID}
		got := check(t, creds...)
		for i, st := range got {
			if want := i == 700; st.Valid != want {
				t.Errorf("credential %d (%v) valid = %v, want %v", i, creds[i], st.Valid, want)
			}
		}
		if len(check(t)) != 0 {
			t.Error("statuses for no credentials")
		}
	})
}

// mustExpiringToken creates a token expiring at expires.
func mustExpiringToken(t *testing.T, s parley.Store, workspaceID string, expires time.Time) *parley.APIToken {
	t.Helper()
	tok := &parley.APIToken{WorkspaceID: workspaceID, Name: "Expiring", Scopes: []parley.Scope{parley.ScopeAgentsRead},
		Prefix: "pk_" + unique()[:6], ExpiresAt: &expires}
	must(t, s.CreateAPIToken(t.Context(), actor, tok, randomBytes()))
	return tok
}
