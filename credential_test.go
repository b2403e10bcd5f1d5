package parley_test

import (
	"testing"

	"github.com/parleychat/parley"
)

// principals of every kind of credential, in workspace "w".
var (
	sessionP = &parley.Principal{WorkspaceID: "w", AgentID: "a1", Role: parley.RoleAdmin,
		Credential: parley.Credential{Kind: parley.CredentialSession, ID: "s1"}}
	tokenP   = &parley.Principal{WorkspaceID: "w", Credential: parley.Credential{Kind: parley.CredentialAPIToken, ID: "t1"}}
	visitorP = &parley.Principal{WorkspaceID: "w", ContactID: "c1", InboxID: "i1", ResumeTokenID: "r1",
		Credential: parley.Credential{Kind: parley.CredentialVisitorSession, ID: "v1"}}
)

func TestRevocationMatches(t *testing.T) {
	for _, tt := range []struct {
		name                    string
		r                       parley.Revocation
		session, token, visitor bool
	}{
		{"Workspace", parley.Revocation{WorkspaceID: "w"}, true, true, true},
		{"OtherWorkspace", parley.Revocation{WorkspaceID: "x"}, false, false, false},
		{"Agent", parley.Revocation{WorkspaceID: "w", AgentID: "a1"}, true, false, false},
		{"AgentInOtherWorkspace", parley.Revocation{WorkspaceID: "x", AgentID: "a1"}, false, false, false},
		{"Session", parley.Revocation{WorkspaceID: "w", SessionID: "s1"}, true, false, false},
		{"SessionIDOfAToken", parley.Revocation{WorkspaceID: "w", SessionID: "t1"}, false, false, false},
		{"Token", parley.Revocation{WorkspaceID: "w", TokenID: "t1"}, false, true, false},
		{"TokenIDOfAVisitorSession", parley.Revocation{WorkspaceID: "w", TokenID: "v1"}, false, false, false},
		{"Contact", parley.Revocation{WorkspaceID: "w", ContactID: "c1"}, false, false, true},
		{"OtherContact", parley.Revocation{WorkspaceID: "w", ContactID: "c2"}, false, false, false},
		{"ResumeToken", parley.Revocation{WorkspaceID: "w", ResumeTokenID: "r1"}, false, false, true},
		{"Inbox", parley.Revocation{WorkspaceID: "w", InboxID: "i1"}, false, false, true},
		{"OtherInbox", parley.Revocation{WorkspaceID: "w", InboxID: "i2"}, false, false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range []struct {
				p    *parley.Principal
				want bool
			}{{sessionP, tt.session}, {tokenP, tt.token}, {visitorP, tt.visitor}} {
				if got := tt.r.Matches(c.p); got != c.want {
					t.Errorf("%+v matches %+v: %v, want %v", tt.r, c.p.Credential, got, c.want)
				}
			}
			if tt.r.Matches(nil) {
				t.Error("matches a nil principal")
			}
		})
	}
}

func TestCredentialStatusEnded(t *testing.T) {
	valid := func(mod func(*parley.CredentialStatus)) parley.CredentialStatus {
		st := parley.CredentialStatus{Valid: true, WorkspaceID: "w", AgentID: "a1", Role: parley.RoleAdmin, ContactID: "c1"}
		if mod != nil {
			mod(&st)
		}
		return st
	}
	for _, tt := range []struct {
		name string
		p    *parley.Principal
		st   parley.CredentialStatus
		want parley.EndReason
	}{
		{"SessionHolds", sessionP, valid(nil), ""},
		{"SessionGone", sessionP, parley.CredentialStatus{}, parley.EndRevoked},
		{"SessionInvalid", sessionP, valid(func(s *parley.CredentialStatus) { s.Valid = false }), parley.EndRevoked},
		{"SessionOtherWorkspace", sessionP, valid(func(s *parley.CredentialStatus) { s.WorkspaceID = "x" }), parley.EndRevoked},
		{"SessionOtherAgent", sessionP, valid(func(s *parley.CredentialStatus) { s.AgentID = "a2" }), parley.EndRevoked},
		{"RoleChanged", sessionP, valid(func(s *parley.CredentialStatus) { s.Role = parley.RoleAgent }), parley.EndRoleChanged},
		{"TokenHolds", tokenP, valid(nil), ""},
		{"TokenRevoked", tokenP, valid(func(s *parley.CredentialStatus) { s.Valid = false }), parley.EndRevoked},
		{"VisitorHolds", visitorP, valid(nil), ""},
		{"VisitorMerged", visitorP, valid(func(s *parley.CredentialStatus) { s.ContactID = "c2" }), parley.EndContactMerged},
		{"VisitorGone", visitorP, parley.CredentialStatus{}, parley.EndRevoked},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.st.Ended(tt.p); got != tt.want {
				t.Errorf("Ended = %q, want %q", got, tt.want)
			}
		})
	}
}
