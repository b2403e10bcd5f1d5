package account_test

import (
	"testing"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
)

func TestMayManageAgent(t *testing.T) {
	token := func(scopes ...parley.Scope) *parley.Principal {
		return &parley.Principal{Scopes: parley.NewScopeSet(scopes...)}
	}
	sysAdmin := &parley.Principal{SystemAdmin: true, Scopes: parley.NewScopeSet(append(parley.SystemScopes, parley.ScopeAll)...)}
	agentScopes := append(parley.RoleScopes(parley.RoleAgent), parley.ScopeAgentsWrite)
	tests := []struct {
		name        string
		p           *parley.Principal
		role        parley.Role
		systemAdmin bool
		allowed     bool
	}{
		{"AllManagesAdmin", token(parley.ScopeAll), parley.RoleAdmin, false, true},
		{"AllManagesSystemAdmin", token(parley.ScopeAll), parley.RoleAdmin, true, false},
		{"SystemAdminManagesSystemAdmin", sysAdmin, parley.RoleAdmin, true, true},
		{"AgentScopesManageAgent", token(agentScopes...), parley.RoleAgent, false, true},
		{"AgentScopesManageSupervisor", token(agentScopes...), parley.RoleSupervisor, false, false},
		{"NarrowManagesAgent", token(parley.ScopeAgentsWrite), parley.RoleAgent, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := account.MayManageAgent(tt.p, tt.role, tt.systemAdmin)
			if tt.allowed && err != nil {
				t.Errorf("MayManageAgent = %v, want allowed", err)
			} else if !tt.allowed && parley.ErrorCode(err) != parley.EFORBIDDEN {
				t.Errorf("MayManageAgent = %v, want EFORBIDDEN", err)
			}
		})
	}
}
