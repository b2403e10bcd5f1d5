package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

func (s *server) auditRoutes() {
	register(s, huma.Operation{
		OperationID: "list-audit-log", Method: http.MethodGet, Path: "/api/v1/audit-log", Tags: []string{"Audit log"},
		Summary:     "List the audit log",
		Description: "Lists the administrative actions taken in the workspace, newest first: who did what, to what, when.",
	}, staff(parley.ScopeAuditRead), s.listAuditLog)
}

type auditEntryView struct {
	ID          string         `json:"id"`
	WorkspaceID string         `json:"workspace_id"`
	Actor       actorView      `json:"actor"`
	Action      string         `json:"action" doc:"e.g. agent.create, token.revoke"`
	TargetType  string         `json:"target_type"`
	TargetID    string         `json:"target_id"`
	Details     map[string]any `json:"details" doc:"What changed; never secrets."`
	CreatedAt   time.Time      `json:"created_at"`
}

func newAuditEntryView(e *parley.AuditEntry) auditEntryView {
	details := e.Details
	if details == nil {
		details = map[string]any{}
	}
	return auditEntryView{
		ID: e.ID, WorkspaceID: e.WorkspaceID, Actor: actorView(e.Actor), Action: e.Action,
		TargetType: e.TargetType, TargetID: e.TargetID, Details: details, CreatedAt: e.CreatedAt,
	}
}

func (s *server) listAuditLog(ctx context.Context, in *struct{ PageParams }) (*listOutput[auditEntryView], error) {
	l, err := s.store.ListAuditEntries(ctx, principal(ctx).WorkspaceID, in.options())
	if err != nil {
		return nil, err
	}
	return newList(l, newAuditEntryView), nil
}
