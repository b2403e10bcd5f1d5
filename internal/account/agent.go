package account

import (
	"context"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/secret"
)

// CreateAgent validates a, hashes password and creates the agent, setting
// a.ID and the timestamps; a.Email is stored normalised (lower-case).
// password may be "" only for a bot (which then cannot log in).
// Authorization is the caller's job. Returns EINVALID listing the bad
// fields ("email", "name", "role", "attributes.<key>", "capacity",
// "avatar_url", "password"), or ECONFLICT if the email is taken in the workspace.
func (s *Service) CreateAgent(ctx context.Context, actor parley.Actor, a *parley.Agent, password string) error {
	a.Email = parley.NormalizeEmail(a.Email)
	var v parley.Validation
	validateAgent(&v, "", a, password)
	if err := v.Err(); err != nil {
		return err
	}
	hash := ""
	if password != "" {
		hash = secret.HashPassword(password)
	}
	return s.store.CreateAgent(ctx, actor, a, hash)
}

// UpdateAgent validates the fields set in upd and applies them. (A disabled
// agent's sessions stop working at once: AuthenticateSession checks; and
// the conversations it held go back in the queue, see UpdateAgentReleasing.)
// Returns EINVALID, ENOTFOUND or ECONFLICT.
func (s *Service) UpdateAgent(ctx context.Context, actor parley.Actor, workspaceID, id string, upd parley.AgentUpdate) (*parley.Agent, error) {
	a, _, err := s.UpdateAgentReleasing(ctx, actor, workspaceID, id, upd)
	return a, err
}

// UpdateAgentReleasing is UpdateAgent that also returns the
// conversation.unassigned events of the conversations released by
// disabling the agent, for the caller to publish
// (conversation.Service.PublishEvents).
func (s *Service) UpdateAgentReleasing(ctx context.Context, actor parley.Actor, workspaceID, id string, upd parley.AgentUpdate) (*parley.Agent, []*parley.Event, error) {
	var v parley.Validation
	if upd.Email != nil {
		email := parley.NormalizeEmail(*upd.Email)
		upd.Email = &email
		validateEmail(&v, "email", email)
	}
	if upd.Name != nil {
		v.Name("name", *upd.Name)
	}
	if upd.Role != nil {
		validateRole(&v, "role", *upd.Role)
	}
	if upd.Capacity != nil {
		validateCapacity(&v, "capacity", *upd.Capacity)
	}
	if upd.Attributes != nil {
		v.Attributes("attributes", *upd.Attributes)
	}
	if upd.AvatarURL != nil {
		v.AvatarURL("avatar_url", *upd.AvatarURL)
	}
	if err := v.Err(); err != nil {
		return nil, nil, err
	}
	return s.store.UpdateAgentReleasing(ctx, actor, workspaceID, id, upd)
}

// ResetPassword validates and sets an agent's password, then ends all of
// the agent's sessions. Returns EINVALID ("password") or ENOTFOUND.
func (s *Service) ResetPassword(ctx context.Context, actor parley.Actor, workspaceID, agentID, password string) error {
	var v parley.Validation
	v.Password("password", password)
	if err := v.Err(); err != nil {
		return err
	}
	if err := s.store.SetAgentPassword(ctx, actor, workspaceID, agentID, secret.HashPassword(password)); err != nil {
		return err
	}
	_, err := s.store.DeleteAgentSessions(ctx, workspaceID, agentID)
	return err
}

// validateAgent checks a new agent; prefix is put before every field name.
func validateAgent(v *parley.Validation, prefix string, a *parley.Agent, password string) {
	validateEmail(v, prefix+"email", a.Email)
	v.Name(prefix+"name", a.Name)
	validateRole(v, prefix+"role", a.Role)
	validateCapacity(v, prefix+"capacity", a.Capacity)
	v.Attributes(prefix+"attributes", a.Attributes)
	v.AvatarURL(prefix+"avatar_url", a.AvatarURL)
	if password != "" || !a.Bot {
		v.Password(prefix+"password", password)
	}
}

func validateEmail(v *parley.Validation, field, email string) {
	if !parley.ValidEmail(email) {
		v.Add(field, "must be an email address such as name@example.com")
	}
}

func validateRole(v *parley.Validation, field string, r parley.Role) {
	if !r.Valid() {
		v.Add(field, "must be one of %s, %s or %s", parley.RoleAdmin, parley.RoleSupervisor, parley.RoleAgent)
	}
}

func validateCapacity(v *parley.Validation, field string, n int) {
	if n < 0 {
		v.Add(field, "must be 0 (no limit) or more")
	}
}
