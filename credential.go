package parley

import (
	"context"
	"time"
)

// CredentialKind names the kind of stored credential a principal
// authenticated with.
type CredentialKind string

const (
	CredentialSession        CredentialKind = "session"         // an agent's session: the console cookie, or a bearer session from the login API
	CredentialAPIToken       CredentialKind = "api_token"       // an API token (prly_…)
	CredentialVisitorSession CredentialKind = "visitor_session" // a visitor token (prlyv_…)
	CredentialAppToken       CredentialKind = "app_token"       // an app's access token (prlyat_…)
)

// Credential identifies the stored credential a principal authenticated
// with, so that what holds on to it (a real-time connection) can check
// later that it still holds.
type Credential struct {
	Kind CredentialKind
	ID   string
}

// CredentialStatus is what the store holds now of a credential.
type CredentialStatus struct {
	// Valid is false when the credential no longer exists, was revoked,
	// expired at or before the time asked about, or is a session whose
	// agent is disabled.
	Valid       bool
	WorkspaceID string
	// AgentID and Role are a session's agent and its role now.
	AgentID string
	Role    Role
	// ContactID is a visitor session's contact now (a merge moves
	// sessions to the contact that remains).
	ContactID string
	// ExpiresAt is when the credential expires (zero: it does not).
	ExpiresAt time.Time
}

// CredentialStore checks credentials in bulk.
type CredentialStore interface {
	// CheckCredentials returns the status of each credential at now, in
	// the order given, in a few queries whatever their number: it is how
	// the real-time gateway rechecks its live connections. It is not
	// workspace-scoped (credential IDs are unique); callers compare each
	// status's WorkspaceID with their own.
	CheckCredentials(ctx context.Context, creds []Credential, now time.Time) ([]CredentialStatus, error)
}

// EndReason says how credentials ended before their expiry. Each becomes
// a documented close code of the real-time protocol (docs/protocol.md).
type EndReason string

const (
	// EndRevoked: the credential was revoked or deleted — logout, an
	// agent disabled or deleted, its password reset, an API token revoked
	// or deleted, an app disabled or uninstalled, a resume token revoked, an inbox deleted with its
	// visitor sessions.
	EndRevoked EndReason = "revoked"
	// EndRoleChanged: the agent's role changed; its credential still
	// holds, with the rights of the new role.
	EndRoleChanged EndReason = "role_changed"
	// EndContactMerged: the visitor's contact was merged into another
	// (Revocation.MergedInto), to which its visitor sessions now belong.
	EndContactMerged EndReason = "contact_merged"
	// EndContactErased: the contact was erased with its sessions.
	EndContactErased EndReason = "contact_erased"
	// EndWorkspaceDeleted: the workspace was deleted with everything in it.
	EndWorkspaceDeleted EndReason = "workspace_deleted"
)

// Revocation names credentials that ended, so that every real-time
// connection authenticated with one of them is closed, on every node. At
// most one of the IDs is set; with none, it is every credential of the
// workspace. The JSON form travels on the bus.
type Revocation struct {
	WorkspaceID string    `json:"workspace_id"`
	Reason      EndReason `json:"reason"`
	// AgentID: every session of the agent (not API tokens).
	AgentID string `json:"agent_id,omitempty"`
	// SessionID: one agent session.
	SessionID string `json:"session_id,omitempty"`
	// TokenID: one API token.
	TokenID string `json:"token_id,omitempty"`
	// ContactID: every visitor session of the contact.
	ContactID string `json:"contact_id,omitempty"`
	// ResumeTokenID: the visitor sessions opened with the resume token.
	ResumeTokenID string `json:"resume_token_id,omitempty"`
	// InboxID: every visitor session opened in the inbox.
	InboxID string `json:"inbox_id,omitempty"`
	// AppID: every access token of the app.
	AppID string `json:"app_id,omitempty"`
	// MergedInto is, for EndContactMerged, the contact that remains.
	MergedInto string `json:"merged_into,omitempty"`
}

// Matches reports whether p, a principal that authenticated earlier,
// holds one of the credentials r names.
func (r Revocation) Matches(p *Principal) bool {
	if p == nil || p.WorkspaceID != r.WorkspaceID {
		return false
	}
	c := p.Credential
	switch {
	case r.AgentID != "":
		return c.Kind == CredentialSession && p.AgentID == r.AgentID
	case r.SessionID != "":
		return c.Kind == CredentialSession && c.ID == r.SessionID
	case r.TokenID != "":
		return c.Kind == CredentialAPIToken && c.ID == r.TokenID
	case r.ContactID != "":
		return c.Kind == CredentialVisitorSession && p.ContactID == r.ContactID
	case r.ResumeTokenID != "":
		return c.Kind == CredentialVisitorSession && p.ResumeTokenID == r.ResumeTokenID
	case r.InboxID != "":
		return c.Kind == CredentialVisitorSession && p.InboxID == r.InboxID
	case r.AppID != "":
		return c.Kind == CredentialAppToken && p.AppID == r.AppID
	}
	return true // the whole workspace
}

// Revoker ends what holds on to credentials that ended: the real-time
// gateway closes the connections authenticated with them, on every node.
type Revoker interface {
	// Revoke is called once the change that ended the credentials has
	// committed. It closes this node's matching connections before it
	// returns and tells the other nodes; it does not fail (a notice the
	// other nodes miss is caught by their periodic recheck).
	Revoke(ctx context.Context, r Revocation)
}

// NoRevoker is a Revoker with no connections to close.
type NoRevoker struct{}

// Revoke does nothing.
func (NoRevoker) Revoke(context.Context, Revocation) {}

// Ended returns how the credential of p ended according to st, its status
// now: "" if it still holds as it did when p authenticated with it.
func (st CredentialStatus) Ended(p *Principal) EndReason {
	switch {
	case !st.Valid || st.WorkspaceID != p.WorkspaceID:
		return EndRevoked
	case p.Credential.Kind == CredentialSession && st.AgentID != p.AgentID:
		return EndRevoked
	case p.Credential.Kind == CredentialSession && st.Role != p.Role:
		return EndRoleChanged
	case p.Credential.Kind == CredentialVisitorSession && st.ContactID != p.ContactID:
		return EndContactMerged
	}
	return ""
}

// RecheckPrincipals returns, for each principal, how its credential ended
// since it authenticated ("" if it holds as it did), in the same order,
// with one CheckCredentials call. A principal without a credential (zero
// Credential) is reported as holding.
func RecheckPrincipals(ctx context.Context, s CredentialStore, ps []*Principal, now time.Time) ([]EndReason, error) {
	creds := make([]Credential, 0, len(ps))
	for _, p := range ps {
		if p != nil && p.Credential.ID != "" {
			creds = append(creds, p.Credential)
		}
	}
	statuses, err := s.CheckCredentials(ctx, creds, now)
	if err != nil {
		return nil, err
	}
	if len(statuses) != len(creds) {
		return nil, Errorf(EINTERNAL, "recheck: %d statuses for %d credentials", len(statuses), len(creds))
	}
	out := make([]EndReason, len(ps))
	for i, p := range ps {
		if p != nil && p.Credential.ID != "" {
			out[i], statuses = statuses[0].Ended(p), statuses[1:]
		}
	}
	return out, nil
}
