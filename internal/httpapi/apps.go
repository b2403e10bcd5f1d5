package httpapi

import (
	"context"
	"net/http"
	"slices"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/stdwebhook"
)

// defaultAppSecretOverlap is how long a rotated-out client secret keeps
// working when the request names no overlap.
const defaultAppSecretOverlap = 24 * time.Hour

func (s *server) appRoutes() {
	tags := []string{"Apps"}
	register(s, huma.Operation{
		OperationID: "list-apps", Method: http.MethodGet, Path: "/api/v1/apps", Tags: tags,
		Summary: "List installed apps", Description: "The workspace's apps, oldest first (never their secrets).",
	}, staff(parley.ScopeTokensRead), s.listApps)
	register(s, huma.Operation{
		OperationID: "install-app", Method: http.MethodPost, Path: "/api/v1/apps", Tags: tags,
		Summary: "Install an app from its manifest", DefaultStatus: http.StatusCreated,
		Description: "Admins only. Installs the app with every scope its manifest asks for, or nothing: a scope the " +
			"installer does not hold is refused (403, reason scope_escalation), and the manifest's webhook (its URL checked " +
			"by the outbound rules) is created with the app in the same transaction. The answer holds the client secret " +
			"and the webhook's signing secret, shown only this once. See docs/apps.md.",
	}, staff(parley.ScopeTokensWrite), s.installApp)
	register(s, huma.Operation{
		OperationID: "get-app", Method: http.MethodGet, Path: "/api/v1/apps/{id}", Tags: tags,
		Summary: "Get an app with its quota usage",
	}, staff(parley.ScopeTokensRead), s.getApp)
	register(s, huma.Operation{
		OperationID: "update-app", Method: http.MethodPatch, Path: "/api/v1/apps/{id}", Tags: tags,
		Summary: "Change an app's scopes, quotas or state",
		Description: "Admins only. Scopes may only be narrowed (widening is refused: reinstall). Disabling ends the " +
			"app's access tokens and closes its real-time connections at once.",
	}, staff(parley.ScopeTokensWrite), s.updateApp)
	register(s, huma.Operation{
		OperationID: "disable-app", Method: http.MethodPost, Path: "/api/v1/apps/{id}/disable", Tags: tags,
		Summary:     "Disable an app",
		Description: "Admins only. Ends the app's access tokens and closes its real-time connections at once; it cannot get new ones until enabled.",
	}, staff(parley.ScopeTokensWrite), s.disableApp)
	register(s, huma.Operation{
		OperationID: "enable-app", Method: http.MethodPost, Path: "/api/v1/apps/{id}/enable", Tags: tags,
		Summary: "Enable an app",
	}, staff(parley.ScopeTokensWrite), s.enableApp)
	register(s, huma.Operation{
		OperationID: "rotate-app-secret", Method: http.MethodPost, Path: "/api/v1/apps/{id}/rotate-secret", Tags: tags,
		Summary: "Rotate an app's client secret",
		Description: "Admins only. Makes a new client secret, shown this once; the old one keeps working for the overlap " +
			"(default 24 hours, at most 7 days), so the app can switch without downtime.",
	}, staff(parley.ScopeTokensWrite), s.rotateAppSecret)
	register(s, huma.Operation{
		OperationID: "uninstall-app", Method: http.MethodDelete, Path: "/api/v1/apps/{id}", Tags: tags,
		Summary: "Uninstall an app", DefaultStatus: http.StatusNoContent,
		Description: "Admins only. Deletes the app, its access tokens and its webhook endpoint, and closes its " +
			"real-time connections at once. Agents it created remain.",
	}, staff(parley.ScopeTokensWrite), s.uninstallApp)
}

type appView struct {
	ID string `json:"id" doc:"Also the app's OAuth client_id."`
	// ClientID repeats ID under its OAuth name.
	ClientID            string             `json:"client_id"`
	Manifest            parley.AppManifest `json:"manifest" doc:"The manifest as installed: what the app asked for."`
	Name                string             `json:"name"`
	Scopes              []parley.Scope     `json:"scopes" nullable:"false" doc:"The scopes granted now."`
	Quotas              parley.AppQuotas   `json:"quotas" doc:"The quotas in force."`
	Usage               *parley.AppUsage   `json:"usage,omitempty" doc:"What the app used of its agent quotas (GET of one app)."`
	Enabled             bool               `json:"enabled"`
	WebhookID           string             `json:"webhook_id,omitempty" doc:"The webhook endpoint installed with the app."`
	PreviousSecretUntil *time.Time         `json:"previous_secret_until,omitempty" doc:"Until then the previous client secret also works."`
	InstalledBy         string             `json:"installed_by"`
	CreatedAt           time.Time          `json:"created_at"`
	UpdatedAt           time.Time          `json:"updated_at"`
}

func newAppView(a *parley.App) appView {
	v := appView{
		ID: a.ID, ClientID: a.ID, Manifest: a.Manifest, Name: a.Manifest.Name, Scopes: a.Scopes, Quotas: a.Quotas.Effective(),
		Enabled: a.Enabled, WebhookID: a.WebhookEndpointID, InstalledBy: a.InstalledBy.Name,
		CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt,
	}
	if a.PreviousSecretUntil != nil && time.Now().Before(*a.PreviousSecretUntil) {
		v.PreviousSecretUntil = a.PreviousSecretUntil
	}
	return v
}

type appOutput struct {
	Body appView
}

type appSecretOutput struct {
	Body struct {
		appView
		ClientSecret  string `json:"client_secret" doc:"The client secret (prlyc_…). Shown only this once."`
		WebhookSecret string `json:"webhook_secret,omitempty" doc:"The webhook's signing secret (whsec_…), at install only."`
	}
}

func (s *server) listApps(ctx context.Context, _ *struct{}) (*listOutput[appView], error) {
	apps, err := s.store.ListApps(ctx, principal(ctx).WorkspaceID)
	if err != nil {
		return nil, err
	}
	return newList(parley.List[*parley.App]{Items: apps}, newAppView), nil
}

type installAppInput struct {
	Body parley.AppManifest
}

func (s *server) installApp(ctx context.Context, in *installAppInput) (*appSecretOutput, error) {
	p := principal(ctx)
	m := in.Body
	if m.Webhook != nil || m.Panel != nil {
		// The manifest's own checks first, so that a bad manifest is
		// reported whole; the URLs are then checked by the outbound
		// rules (the panel's too: https, internal hosts only where the
		// server's allow-list admits them).
		var v parley.Validation
		m.Validate(&v)
		if err := v.Err(); err != nil {
			return nil, err
		}
	}
	if m.Panel != nil {
		if err := s.outbound.CheckURL(ctx, m.Panel.URL); err != nil {
			return nil, fieldError(err, "panel.url")
		}
	}
	var wh *parley.WebhookEndpoint
	if m.Webhook != nil {
		if err := s.outbound.CheckURL(ctx, m.Webhook.URL); err != nil {
			return nil, fieldError(err, "webhook.url")
		}
		wh = &parley.WebhookEndpoint{
			URL: m.Webhook.URL, EventTypes: slices.Compact(slices.Clone(m.Webhook.EventTypes)), Enabled: true,
			Description: "App: " + m.Name, Secret: stdwebhook.NewSecret(),
			Notes: parley.NewScopeSet(m.Scopes...).Has(parley.ScopeConversationsRead),
		}
	}
	a, sec, err := s.accts.InstallApp(ctx, p, m, wh)
	if err != nil {
		return nil, err
	}
	out := &appSecretOutput{}
	out.Body.appView, out.Body.ClientSecret = newAppView(a), sec
	if wh != nil {
		out.Body.WebhookSecret = wh.Secret
	}
	return out, nil
}

// fieldError names field in an EINVALID err.
func fieldError(err error, field string) error {
	pe, ok := err.(*parley.Error)
	if !ok || pe.Code != parley.EINVALID {
		return err
	}
	return &parley.Error{Code: parley.EINVALID, Reason: pe.Reason, Message: field + ": " + pe.Message,
		Fields: []parley.FieldError{{Field: field, Message: pe.Message}}}
}

type appIDInput struct {
	ID string `path:"id" maxLength:"64"`
}

func (s *server) getApp(ctx context.Context, in *appIDInput) (*appOutput, error) {
	ws := principal(ctx).WorkspaceID
	a, err := s.store.FindApp(ctx, ws, in.ID)
	if err != nil {
		return nil, err
	}
	u, err := s.store.AppUsage(ctx, ws, in.ID, s.cfg.Now())
	if err != nil {
		return nil, err
	}
	v := newAppView(a)
	v.Usage = &u
	return &appOutput{Body: v}, nil
}

type updateAppInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body struct {
		Scopes  *[]parley.Scope   `json:"scopes,omitempty" doc:"Fewer scopes than the app holds; never more."`
		Quotas  *parley.AppQuotas `json:"quotas,omitempty" doc:"The quotas in force; 0 fields take the defaults."`
		Enabled *bool             `json:"enabled,omitempty"`
		Panel   *parley.AppPanel  `json:"panel,omitempty" doc:"Replaces the manifest's panel (its URL checked as at install); one with an empty url removes it."`
	}
}

func (s *server) updateApp(ctx context.Context, in *updateAppInput) (*appOutput, error) {
	if pn := in.Body.Panel; pn != nil && pn.URL != "" {
		var v parley.Validation
		pn.Validate(&v, "panel")
		if err := v.Err(); err != nil {
			return nil, err
		}
		if err := s.outbound.CheckURL(ctx, pn.URL); err != nil {
			return nil, fieldError(err, "panel.url")
		}
	}
	return s.changeApp(ctx, in.ID, parley.AppUpdate{Scopes: in.Body.Scopes, Quotas: in.Body.Quotas, Enabled: in.Body.Enabled, Panel: in.Body.Panel})
}

func (s *server) disableApp(ctx context.Context, in *appIDInput) (*appOutput, error) {
	return s.changeApp(ctx, in.ID, parley.AppUpdate{Enabled: new(bool)})
}

func (s *server) enableApp(ctx context.Context, in *appIDInput) (*appOutput, error) {
	enabled := true
	return s.changeApp(ctx, in.ID, parley.AppUpdate{Enabled: &enabled})
}

func (s *server) changeApp(ctx context.Context, id string, upd parley.AppUpdate) (*appOutput, error) {
	p := principal(ctx)
	a, err := s.accts.UpdateApp(ctx, p, id, upd)
	if err != nil {
		return nil, err
	}
	if !a.Enabled {
		s.cfg.Revoker.Revoke(ctx, parley.Revocation{WorkspaceID: p.WorkspaceID, AppID: a.ID, Reason: parley.EndRevoked})
	}
	return &appOutput{Body: newAppView(a)}, nil
}

type rotateAppSecretInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body *struct {
		OverlapSeconds *int `json:"overlap_seconds,omitempty" doc:"How long the old secret keeps working; default 86400, at most 604800."`
	}
}

func (s *server) rotateAppSecret(ctx context.Context, in *rotateAppSecretInput) (*appSecretOutput, error) {
	overlap := defaultAppSecretOverlap
	if in.Body != nil && in.Body.OverlapSeconds != nil {
		overlap = time.Duration(*in.Body.OverlapSeconds) * time.Second
	}
	a, sec, err := s.accts.RotateAppSecret(ctx, principal(ctx), in.ID, overlap)
	if err != nil {
		return nil, err
	}
	out := &appSecretOutput{}
	out.Body.appView, out.Body.ClientSecret = newAppView(a), sec
	return out, nil
}

func (s *server) uninstallApp(ctx context.Context, in *appIDInput) (*struct{}, error) {
	p := principal(ctx)
	if err := s.accts.UninstallApp(ctx, p, in.ID); err != nil {
		return nil, err
	}
	s.cfg.Revoker.Revoke(ctx, parley.Revocation{WorkspaceID: p.WorkspaceID, AppID: in.ID, Reason: parley.EndRevoked})
	return nil, nil
}
