package parley

import (
	"slices"
	"strings"
)

// Scope is one permission. API tokens carry a list of scopes; agents get the
// scopes of their role. Every endpoint names the scope it needs; without it
// the answer is EFORBIDDEN (default deny).
type Scope string

const (
	ScopeAll                Scope = "all" // every workspace scope below; never the workspaces:* scopes
	ScopeAgentsRead         Scope = "agents:read"
	ScopeAgentsWrite        Scope = "agents:write"
	ScopeInboxesRead        Scope = "inboxes:read"
	ScopeInboxesWrite       Scope = "inboxes:write"
	ScopeContactsRead       Scope = "contacts:read"
	ScopeContactsWrite      Scope = "contacts:write"
	ScopeConversationsRead  Scope = "conversations:read"
	ScopeConversationsWrite Scope = "conversations:write"
	ScopeWebhooksRead       Scope = "webhooks:read"
	ScopeWebhooksWrite      Scope = "webhooks:write"
	ScopeVisitorsWrite      Scope = "visitors:write"
	ScopeTokensRead         Scope = "tokens:read"
	ScopeTokensWrite        Scope = "tokens:write"
	ScopeAuditRead          Scope = "audit:read"
	// ScopeLabelsWrite creates, renames and deletes labels (putting one on
	// a conversation or contact needs conversations:write or
	// contacts:write).
	ScopeLabelsWrite Scope = "labels:write"
	// ScopeCannedWrite manages the shared canned responses (an agent's own
	// need conversations:write).
	ScopeCannedWrite Scope = "canned_responses:write"
	// ScopeRoutingWrite manages teams, queues, routing rules and the
	// queue of each inbox (reading them needs agents:read).
	ScopeRoutingWrite Scope = "routing:write"
	// ScopeAgentsManageAll lets an app change and delete agents it did not
	// create (with agents:write); without it an app manages only its own.
	ScopeAgentsManageAll Scope = "agents:manage_all"
	// ScopeReportsRead reads the workspace's reports (/api/v1/reports).
	ScopeReportsRead Scope = "reports:read"
	// Installation-wide scopes: only a system administrator may hold or grant them.
	ScopeWorkspacesRead  Scope = "workspaces:read"
	ScopeWorkspacesWrite Scope = "workspaces:write"
)

// WorkspaceScopes lists the scopes that act inside one workspace; "all"
// expands to exactly these.
var WorkspaceScopes = []Scope{
	ScopeAgentsRead, ScopeAgentsWrite,
	ScopeInboxesRead, ScopeInboxesWrite,
	ScopeContactsRead, ScopeContactsWrite,
	ScopeConversationsRead, ScopeConversationsWrite,
	ScopeWebhooksRead, ScopeWebhooksWrite,
	ScopeVisitorsWrite,
	ScopeTokensRead, ScopeTokensWrite,
	ScopeAuditRead,
	ScopeLabelsWrite, ScopeCannedWrite,
	ScopeRoutingWrite,
	ScopeAgentsManageAll,
	ScopeReportsRead,
}

// SystemScopes are the installation-wide scopes.
var SystemScopes = []Scope{ScopeWorkspacesRead, ScopeWorkspacesWrite}

// Valid reports whether s is a known scope (including "all").
func (s Scope) Valid() bool {
	return s == ScopeAll || slices.Contains(WorkspaceScopes, s) || slices.Contains(SystemScopes, s)
}

// System reports whether s is an installation-wide scope.
func (s Scope) System() bool { return slices.Contains(SystemScopes, s) }

// ParseScopes splits a comma-separated list, trims blanks and validates each
// entry. Returns EINVALID naming the first unknown scope, or if the list is empty.
func ParseScopes(s string) ([]Scope, error) {
	var out []Scope
	for part := range strings.SplitSeq(s, ",") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		sc := Scope(part)
		if !sc.Valid() {
			return nil, Errorf(EINVALID, "Unknown scope %q.", part)
		}
		if !slices.Contains(out, sc) {
			out = append(out, sc)
		}
	}
	if len(out) == 0 {
		return nil, Errorf(EINVALID, "At least one scope is required.")
	}
	return out, nil
}

// ScopeSet answers "does this principal hold scope s?".
type ScopeSet map[Scope]bool

// NewScopeSet expands "all" into the workspace scopes.
func NewScopeSet(scopes ...Scope) ScopeSet {
	set := ScopeSet{}
	for _, s := range scopes {
		if s == ScopeAll {
			for _, w := range WorkspaceScopes {
				set[w] = true
			}
			continue
		}
		set[s] = true
	}
	return set
}

// Has reports whether the set holds s.
func (set ScopeSet) Has(s Scope) bool { return set[s] }

// RoleScopes returns the scopes an agent of role r holds. A system
// administrator additionally holds SystemScopes (see Principal).
func RoleScopes(r Role) []Scope {
	switch r {
	case RoleAdmin:
		return []Scope{ScopeAll}
	case RoleSupervisor:
		return []Scope{
			ScopeAgentsRead, ScopeInboxesRead,
			ScopeContactsRead, ScopeContactsWrite,
			ScopeConversationsRead, ScopeConversationsWrite,
			ScopeWebhooksRead, ScopeAuditRead,
			ScopeLabelsWrite, ScopeCannedWrite,
			ScopeReportsRead,
		}
	case RoleAgent:
		return []Scope{
			ScopeAgentsRead, ScopeInboxesRead,
			ScopeContactsRead, ScopeContactsWrite,
			ScopeConversationsRead, ScopeConversationsWrite,
		}
	}
	return nil
}
