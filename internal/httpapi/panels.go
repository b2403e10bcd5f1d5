package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

// panelRoutes are the context panels of apps in the console: the panels
// shown beside a conversation, and the short-lived tokens they read it
// with. See docs/apps.md.
func (s *server) panelRoutes() {
	tags := []string{"Apps"}
	register(s, huma.Operation{
		OperationID: "list-conversation-panels", Method: http.MethodGet, Path: "/api/v1/conversations/{id}/panels", Tags: tags,
		Summary: "List the app panels shown beside a conversation",
		Description: "The context panels of the workspace's enabled apps, oldest app first, for a conversation the caller " +
			"may read. The console frames each panel's URL (sandboxed) and hands it a panel token.",
	}, staff(parley.ScopeConversationsRead), s.listConversationPanels)
	register(s, huma.Operation{
		OperationID: "create-panel-token", Method: http.MethodPost, Path: "/api/v1/apps/{id}/panel-token", Tags: tags,
		Summary: "Mint a panel token for an app's panel beside a conversation", DefaultStatus: http.StatusCreated,
		Description: "For staff who may read the conversation (never an app). The token (prlyat_…) is the app's, lasts 5 " +
			"minutes, holds of the app's scopes only conversations:read and contacts:read (those the caller holds too), and reads only that " +
			"conversation, its messages and its contact: anything else is refused with 403 (reason panel_token).",
	}, staff(parley.ScopeConversationsRead), s.createPanelToken)
}

type panelView struct {
	AppID   string `json:"app_id"`
	AppName string `json:"app_name"`
	Title   string `json:"title" doc:"The panel's title (the app's name when its manifest gives none)."`
	URL     string `json:"url"`
	Origin  string `json:"origin" doc:"The panel page's origin: the console frames it and posts to it only."`
}

func (s *server) listConversationPanels(ctx context.Context, in *conversationIDInput) (*listOutput[panelView], error) {
	p := principal(ctx)
	if _, err := s.readableConversation(ctx, in.ID); err != nil {
		return nil, err
	}
	apps, err := s.store.ListApps(ctx, p.WorkspaceID)
	if err != nil {
		return nil, err
	}
	var panels []panelView
	for _, a := range apps {
		pn := a.Manifest.Panel
		if !a.Enabled || pn == nil {
			continue
		}
		v := panelView{AppID: a.ID, AppName: a.Manifest.Name, Title: pn.Title, URL: pn.URL, Origin: pn.Origin()}
		if v.Title == "" {
			v.Title = a.Manifest.Name
		}
		panels = append(panels, v)
	}
	return newList(parley.List[panelView]{Items: panels}, func(v panelView) panelView { return v }), nil
}

// readableConversation returns the conversation id if the caller, staff
// and not an app, may read it.
func (s *server) readableConversation(ctx context.Context, id string) (*parley.Conversation, error) {
	if principal(ctx).Type == parley.ActorApp {
		return nil, parley.Errorf(parley.EFORBIDDEN, "Panels are for the console's staff, not for apps.")
	}
	c, err := s.caller(ctx)
	if err != nil {
		return nil, err
	}
	return s.conv.Conversation(ctx, c, id)
}

type panelTokenInput struct {
	ID   string `path:"id" maxLength:"64"`
	Body struct {
		ConversationID string `json:"conversation_id" maxLength:"64" doc:"The conversation beside which the panel is shown."`
	}
}

type panelTokenOutput struct {
	Body struct {
		Token          string    `json:"token" doc:"The panel token (prlyat_…), a bearer token of the app."`
		ExpiresAt      time.Time `json:"expires_at"`
		ConversationID string    `json:"conversation_id"`
		ContactID      string    `json:"contact_id"`
		Scopes         []string  `json:"scopes" nullable:"false"`
	}
}

func (s *server) createPanelToken(ctx context.Context, in *panelTokenInput) (*panelTokenOutput, error) {
	conv, err := s.readableConversation(ctx, in.Body.ConversationID)
	if err != nil {
		return nil, err
	}
	tok, t, err := s.accts.IssuePanelToken(ctx, principal(ctx), in.ID, conv.ID, conv.ContactID)
	if err != nil {
		return nil, err
	}
	out := &panelTokenOutput{}
	out.Body.Token, out.Body.ExpiresAt, out.Body.ConversationID, out.Body.ContactID = tok, t.ExpiresAt, conv.ID, conv.ContactID
	out.Body.Scopes = []string{}
	for _, sc := range t.Scopes {
		out.Body.Scopes = append(out.Body.Scopes, string(sc))
	}
	return out, nil
}
