package account

import (
	"context"
	"fmt"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/secret"
)

// BootstrapResult says what Bootstrap found or created.
type BootstrapResult struct {
	Workspace *parley.Workspace // the default workspace
	Admin     *parley.Agent     // an admin of it
	// GeneratedPassword is the admin's password when Bootstrap created the
	// admin with a random password; "" otherwise. Show it once.
	GeneratedPassword string
	Created           bool // the admin was created by this call
}

// Bootstrap ensures that the default workspace exists and has at least one
// admin. On first start it creates the admin, a system administrator, with
// adminEmail and adminPassword; an empty adminPassword is replaced by a
// random one returned in GeneratedPassword. Later calls change nothing.
//
// Two processes may run it at once: the one that loses a race (ECONFLICT)
// reads what the winner created. Returns EINVALID if the admin must be
// created and the email or password is invalid.
func (s *Service) Bootstrap(ctx context.Context, adminEmail, adminPassword string) (BootstrapResult, error) {
	ws, err := s.defaultWorkspace(ctx)
	if err != nil {
		return BootstrapResult{}, err
	}
	res := BootstrapResult{Workspace: ws}
	if res.Admin, err = s.firstAdmin(ctx, ws.ID); err != nil || res.Admin != nil {
		return res, err
	}

	password := adminPassword
	if password == "" {
		password = secret.NewToken("")[:24] // 144 bits, base64url
	}
	admin := &parley.Agent{
		WorkspaceID: ws.ID,
		Email:       adminEmail,
		Name:        "Administrator",
		Role:        parley.RoleAdmin,
		SystemAdmin: true,
	}
	err = s.CreateAgent(ctx, parley.SystemActor, admin, password)
	if parley.ErrorCode(err) == parley.ECONFLICT {
		// Another process created the admin first.
		if res.Admin, err = s.firstAdmin(ctx, ws.ID); err == nil && res.Admin == nil {
			err = fmt.Errorf("bootstrap: %s is taken by an agent who is not an admin", adminEmail)
		}
		return res, err
	} else if err != nil {
		return res, err
	}
	s.logger.InfoContext(ctx, "created the first administrator", "workspace", ws.Slug, "email", admin.Email)
	res.Admin, res.Created = admin, true
	if adminPassword == "" {
		res.GeneratedPassword = password
	}
	return res, nil
}

// defaultWorkspace finds or creates the default workspace.
func (s *Service) defaultWorkspace(ctx context.Context) (*parley.Workspace, error) {
	ws, err := s.store.FindWorkspaceBySlug(ctx, parley.DefaultWorkspaceSlug)
	if parley.ErrorCode(err) != parley.ENOTFOUND {
		return ws, err
	}
	ws = &parley.Workspace{Slug: parley.DefaultWorkspaceSlug, Name: "Default"}
	err = s.store.CreateWorkspace(ctx, parley.SystemActor, ws)
	if parley.ErrorCode(err) == parley.ECONFLICT {
		return s.store.FindWorkspaceBySlug(ctx, parley.DefaultWorkspaceSlug)
	} else if err != nil {
		return nil, err
	}
	s.logger.InfoContext(ctx, "created the default workspace", "id", ws.ID)
	return ws, nil
}

// firstAdmin returns an admin of the workspace, or nil if it has none.
func (s *Service) firstAdmin(ctx context.Context, workspaceID string) (*parley.Agent, error) {
	admins, err := s.store.ListAgents(ctx, workspaceID, parley.AgentFilter{
		Role: parley.RoleAdmin, ListOptions: parley.ListOptions{Limit: 1},
	})
	if err != nil || len(admins.Items) == 0 {
		return nil, err
	}
	return admins.Items[0], nil
}
