package account

import (
	"github.com/parleychat/parley"
)

// MayManageAgent returns EFORBIDDEN unless p may create, change or delete
// an agent of role who is (or becomes) a system administrator if
// systemAdmin. Nobody may act on an agent more powerful than themselves:
// p must hold every scope of role, and only a system administrator may
// touch a system administrator (else a workspace admin could take over
// an account with installation-wide powers by resetting its password).
func MayManageAgent(p *parley.Principal, role parley.Role, systemAdmin bool) error {
	if systemAdmin && !p.SystemAdmin {
		return parley.Errorf(parley.EFORBIDDEN, "Only a system administrator may change a system administrator.")
	}
	if sc, ok := lacks(p, parley.RoleScopes(role)); ok {
		return parley.Errorf(parley.EFORBIDDEN, "You may not manage agents of role %q: it holds the scope %q, which you do not.", role, sc)
	}
	return nil
}

// lacks returns the first of scopes ("all" standing for every workspace
// scope) that p does not hold.
func lacks(p *parley.Principal, scopes []parley.Scope) (parley.Scope, bool) {
	for _, sc := range scopes {
		each := []parley.Scope{sc}
		if sc == parley.ScopeAll {
			each = parley.WorkspaceScopes
		}
		for _, s := range each {
			if !p.Can(s) {
				return s, true
			}
		}
	}
	return "", false
}
