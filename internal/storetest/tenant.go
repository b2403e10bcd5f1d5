package storetest

import (
	"testing"
	"time"

	"github.com/parleychat/parley"
)

// testTenantIsolation reaches for workspace A's objects through workspace B
// with every workspace-scoped method: each must answer ENOTFOUND (or an
// empty result) and change nothing.
func testTenantIsolation(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)
	ctx := t.Context()
	a, b := mustWorkspace(t, s), mustWorkspace(t, s)
	agent := mustAgent(t, s, a.ID)
	agentB := mustAgent(t, s, b.ID)
	inbox := mustInbox(t, s, a.ID)
	token, _ := mustToken(t, s, a.ID)
	_, sessionHash := mustSession(t, s, a.ID, agent.ID)
	auditA, auditB := auditEntries(t, s, a.ID), auditEntries(t, s, b.ID)

	notFound := []struct {
		name string
		call func() error
	}{
		{"FindAgentByID", func() error { _, err := s.FindAgentByID(ctx, b.ID, agent.ID); return err }},
		{"FindAgentByEmail", func() error { _, err := s.FindAgentByEmail(ctx, b.ID, agent.Email); return err }},
		{"UpdateAgent", func() error {
			_, err := s.UpdateAgent(ctx, actor, b.ID, agent.ID, parley.AgentUpdate{Name: ptr("Hijacked")})
			return err
		}},
		{"UpdateAgentDisable", func() error {
			_, err := s.UpdateAgent(ctx, actor, b.ID, agent.ID, parley.AgentUpdate{Disabled: ptr(true)})
			return err
		}},
		{"SetAgentPassword", func() error { return s.SetAgentPassword(ctx, actor, b.ID, agent.ID, "hijacked") }},
		{"AgentPasswordHash", func() error { _, err := s.AgentPasswordHash(ctx, b.ID, agent.ID); return err }},
		{"UpdateAgentReleasing", func() error {
			_, _, err := s.UpdateAgentReleasing(ctx, actor, b.ID, agent.ID, parley.AgentUpdate{Disabled: ptr(true)})
			return err
		}},
		{"DeleteAgent", func() error { return s.DeleteAgent(ctx, actor, b.ID, agent.ID) }},
		{"DeleteAgentReleasing", func() error { _, err := s.DeleteAgentReleasing(ctx, actor, b.ID, agent.ID); return err }},
		{"FindInboxByID", func() error { _, err := s.FindInboxByID(ctx, b.ID, inbox.ID); return err }},
		{"UpdateInbox", func() error {
			_, err := s.UpdateInbox(ctx, actor, b.ID, inbox.ID, parley.InboxUpdate{Name: ptr("Hijacked")})
			return err
		}},
		{"ModifyInbox", func() error {
			_, err := s.ModifyInbox(ctx, actor, b.ID, inbox.ID, func(in *parley.Inbox) (parley.InboxUpdate, error) {
				t.Errorf("ModifyInbox called fn with another workspace's inbox %s", in.ID)
				return parley.InboxUpdate{Name: ptr("Hijacked")}, nil
			})
			return err
		}},
		{"DeleteInbox", func() error { return s.DeleteInbox(ctx, actor, b.ID, inbox.ID) }},
		{"FindAPITokenByID", func() error { _, err := s.FindAPITokenByID(ctx, b.ID, token.ID); return err }},
		{"RevokeAPIToken", func() error { return s.RevokeAPIToken(ctx, actor, b.ID, token.ID) }},
		{"CreateSession", func() error {
			return s.CreateSession(ctx, &parley.Session{WorkspaceID: b.ID, AgentID: agent.ID, ExpiresAt: time.Now().Add(time.Hour)}, randomBytes())
		}},
	}
	for _, tt := range notFound {
		t.Run(tt.name, func(t *testing.T) { wantCode(t, tt.call(), parley.ENOTFOUND) })
	}

	t.Run("DeleteAgentSessions", func(t *testing.T) {
		n, err := s.DeleteAgentSessions(ctx, b.ID, agent.ID)
		must(t, err)
		if n != 0 {
			t.Errorf("deleted %d sessions of another workspace", n)
		}
	})
	t.Run("ListAgents", func(t *testing.T) {
		l, err := s.ListAgents(ctx, b.ID, parley.AgentFilter{})
		must(t, err)
		diff(t, []*parley.Agent{agentB}, l.Items)
	})
	t.Run("ListInboxes", func(t *testing.T) {
		l, err := s.ListInboxes(ctx, b.ID, parley.ListOptions{})
		must(t, err)
		diff(t, []*parley.Inbox{}, l.Items)
	})
	t.Run("ListAPITokens", func(t *testing.T) {
		l, err := s.ListAPITokens(ctx, b.ID, parley.ListOptions{})
		must(t, err)
		diff(t, []*parley.APIToken{}, l.Items)
	})

	t.Run("NothingChanged", func(t *testing.T) {
		gotAgent, err := s.FindAgentByID(ctx, a.ID, agent.ID)
		must(t, err)
		diff(t, agent, gotAgent)
		hash, err := s.AgentPasswordHash(ctx, a.ID, agent.ID)
		must(t, err)
		if want := "hash-of-" + agent.Email; hash != want {
			t.Errorf("password hash = %q, want %q", hash, want)
		}
		gotInbox, err := s.FindInboxByID(ctx, a.ID, inbox.ID)
		must(t, err)
		diff(t, inbox, gotInbox)
		gotToken, err := s.FindAPITokenByID(ctx, a.ID, token.ID)
		must(t, err)
		diff(t, token, gotToken)
		if !sessionAlive(t, s, sessionHash) {
			t.Error("session ended")
		}
		diff(t, auditA, auditEntries(t, s, a.ID))
		diff(t, auditB, auditEntries(t, s, b.ID))
	})
}
