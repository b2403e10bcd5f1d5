package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

// The workspace operations are installation-wide: only system
// administrators hold the workspaces:* scopes, and these are the only
// handlers that take a workspace from the request.
func (s *server) workspaceRoutes() {
	tags := []string{"Workspaces"}
	register(s, huma.Operation{
		OperationID: "list-workspaces", Method: http.MethodGet, Path: "/api/v1/workspaces", Tags: tags,
		Summary: "List workspaces",
	}, staff(parley.ScopeWorkspacesRead), s.listWorkspaces)
	register(s, huma.Operation{
		OperationID: "create-workspace", Method: http.MethodPost, Path: "/api/v1/workspaces", Tags: tags,
		Summary: "Create a workspace", DefaultStatus: http.StatusCreated,
		Description: "Creates a workspace and, when `admin` is given, its first admin agent.",
	}, staff(parley.ScopeWorkspacesWrite), s.createWorkspace)
	register(s, huma.Operation{
		OperationID: "get-workspace", Method: http.MethodGet, Path: "/api/v1/workspaces/{id}", Tags: tags,
		Summary: "Get a workspace",
	}, staff(parley.ScopeWorkspacesRead), s.getWorkspace)
	register(s, huma.Operation{
		OperationID: "update-workspace", Method: http.MethodPatch, Path: "/api/v1/workspaces/{id}", Tags: tags,
		Summary: "Update a workspace",
	}, staff(parley.ScopeWorkspacesWrite), s.updateWorkspace)
	register(s, huma.Operation{
		OperationID: "delete-workspace", Method: http.MethodDelete, Path: "/api/v1/workspaces/{id}", Tags: tags,
		Summary: "Delete a workspace", DefaultStatus: http.StatusNoContent,
		Description: "Deletes the workspace with everything in it — agents, inboxes, API tokens, contacts, " +
			"conversations, its audit log — at once and for good. Its credentials stop working and its real-time " +
			"connections are closed with 4004 on every node. The deletion is recorded in the audit log of the " +
			"caller's workspace, which cannot be deleted this way (409).",
	}, staff(parley.ScopeWorkspacesWrite), s.deleteWorkspace)
}

func (s *server) deleteWorkspace(ctx context.Context, in *workspaceIDInput) (*struct{}, error) {
	p := principal(ctx)
	if err := s.store.DeleteWorkspace(ctx, p.Actor, p.WorkspaceID, in.ID); err != nil {
		return nil, err
	}
	s.cfg.Revoker.Revoke(ctx, parley.Revocation{WorkspaceID: in.ID, Reason: parley.EndWorkspaceDeleted})
	return nil, nil
}

type workspaceView struct {
	ID        string    `json:"id"`
	Slug      string    `json:"slug"`
	Name      string    `json:"name"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

func newWorkspaceView(w *parley.Workspace) workspaceView {
	return workspaceView(*w)
}

type workspaceOutput struct {
	Body workspaceView
}

type workspaceIDInput struct {
	ID string `path:"id" doc:"The workspace's ID."`
}

func (s *server) listWorkspaces(ctx context.Context, in *struct{ PageParams }) (*listOutput[workspaceView], error) {
	l, err := s.store.ListWorkspaces(ctx, in.options())
	if err != nil {
		return nil, err
	}
	return newList(l, newWorkspaceView), nil
}

type workspaceAdminInput struct {
	Email    string `json:"email"`
	Name     string `json:"name"`
	Password string `json:"password"`
}

type createWorkspaceInput struct {
	Body struct {
		Slug  string               `json:"slug" doc:"Lower-case letters, digits and -, 2 to 63 characters."`
		Name  string               `json:"name"`
		Admin *workspaceAdminInput `json:"admin,omitempty" doc:"The first admin of the workspace."`
	}
}

type createdWorkspaceView struct {
	workspaceView
	Admin *agentView `json:"admin,omitempty" doc:"The admin created with the workspace."`
}

type createWorkspaceOutput struct {
	Body createdWorkspaceView
}

func (s *server) createWorkspace(ctx context.Context, in *createWorkspaceInput) (*createWorkspaceOutput, error) {
	p := principal(ctx)
	b := in.Body
	if b.Admin == nil {
		w, err := s.accts.CreateWorkspace(ctx, p.Actor, b.Slug, b.Name)
		if err != nil {
			return nil, err
		}
		return &createWorkspaceOutput{Body: createdWorkspaceView{workspaceView: newWorkspaceView(w)}}, nil
	}
	admin := &parley.Agent{Email: b.Admin.Email, Name: b.Admin.Name}
	w, err := s.accts.CreateWorkspaceWithAdmin(ctx, p.Actor, b.Slug, b.Name, admin, b.Admin.Password)
	if err != nil {
		return nil, err
	}
	v := newAgentView(admin)
	return &createWorkspaceOutput{Body: createdWorkspaceView{workspaceView: newWorkspaceView(w), Admin: &v}}, nil
}

func (s *server) getWorkspace(ctx context.Context, in *workspaceIDInput) (*workspaceOutput, error) {
	w, err := s.store.FindWorkspaceByID(ctx, in.ID)
	if err != nil {
		return nil, err
	}
	return &workspaceOutput{Body: newWorkspaceView(w)}, nil
}

type updateWorkspaceInput struct {
	ID   string `path:"id" doc:"The workspace's ID."`
	Body struct {
		Name *string `json:"name,omitempty"`
	}
}

func (s *server) updateWorkspace(ctx context.Context, in *updateWorkspaceInput) (*workspaceOutput, error) {
	w, err := s.accts.UpdateWorkspace(ctx, principal(ctx).Actor, in.ID, parley.WorkspaceUpdate{Name: in.Body.Name})
	if err != nil {
		return nil, err
	}
	return &workspaceOutput{Body: newWorkspaceView(w)}, nil
}
