package account

import (
	"context"

	"github.com/parleychat/parley"
)

// CreateWorkspace validates and creates a workspace. Authorization (a
// system administrator) is the caller's job. Returns EINVALID listing the
// bad fields ("slug", "name"), or ECONFLICT if the slug is taken.
func (s *Service) CreateWorkspace(ctx context.Context, actor parley.Actor, slug, name string) (*parley.Workspace, error) {
	var v parley.Validation
	validateWorkspace(&v, slug, name)
	if err := v.Err(); err != nil {
		return nil, err
	}
	ws := &parley.Workspace{Slug: slug, Name: name}
	if err := s.store.CreateWorkspace(ctx, actor, ws); err != nil {
		return nil, err
	}
	return ws, nil
}

// CreateWorkspaceWithAdmin creates a workspace and its first admin agent
// (admin.WorkspaceID and admin.Role are set here). Both are validated before anything is
// written; fields of the admin are reported under "admin." (e.g.
// "admin.email"). A failure to create the admin leaves the workspace in
// place and is returned.
func (s *Service) CreateWorkspaceWithAdmin(ctx context.Context, actor parley.Actor, slug, name string, admin *parley.Agent, password string) (*parley.Workspace, error) {
	var v parley.Validation
	validateWorkspace(&v, slug, name)
	admin.Role = parley.RoleAdmin
	admin.Email = parley.NormalizeEmail(admin.Email)
	validateAgent(&v, "admin.", admin, password)
	if err := v.Err(); err != nil {
		return nil, err
	}
	ws, err := s.CreateWorkspace(ctx, actor, slug, name)
	if err != nil {
		return nil, err
	}
	admin.WorkspaceID = ws.ID
	if err := s.CreateAgent(ctx, actor, admin, password); err != nil {
		return ws, err
	}
	return ws, nil
}

// UpdateWorkspace validates upd and applies it. Returns EINVALID or ENOTFOUND.
func (s *Service) UpdateWorkspace(ctx context.Context, actor parley.Actor, id string, upd parley.WorkspaceUpdate) (*parley.Workspace, error) {
	var v parley.Validation
	if upd.Name != nil {
		v.Name("name", *upd.Name)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return s.store.UpdateWorkspace(ctx, actor, id, upd)
}

func validateWorkspace(v *parley.Validation, slug, name string) {
	if len(slug) < 2 || !parley.ValidSlug(slug) {
		v.Add("slug", "must be 2 to 63 lower-case letters, digits or -, not starting or ending with -")
	}
	v.Name("name", name)
}
