package httpapi

import (
	"context"
	"net/http"
	"slices"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
)

func (s *server) authRoutes() {
	register(s, huma.Operation{
		OperationID: "login", Method: http.MethodPost, Path: "/api/v1/auth/login", Tags: []string{"Auth"},
		Summary: "Log in to the console",
		Description: "Checks an agent's email and password and starts a console session: the response sets the " +
			"`parley_session` cookie (HttpOnly) and the `parley_csrf` cookie, and its body holds the CSRF token " +
			"to send as X-CSRF-Token on unsafe requests. With `\"bearer\": true` (a program, a bot, not a browser) " +
			"it sets no cookie and returns the session's secret in `token`, to send as `Authorization: Bearer` " +
			"and in a WebSocket auth frame. Limited per client IP (60 at once, then 30 a minute: room for a shift " +
			"of agents behind one NAT), and locked for 15 minutes after 5 consecutive failures for one email.",
	}, public, s.login)
	register(s, huma.Operation{
		OperationID: "logout", Method: http.MethodPost, Path: "/api/v1/auth/logout", Tags: []string{"Auth"},
		Summary:       "Log out of the console",
		Description:   "Ends the console session of the cookie and clears the cookies.",
		DefaultStatus: http.StatusNoContent,
	}, authenticated, s.logout)
	register(s, huma.Operation{
		OperationID: "get-me", Method: http.MethodGet, Path: "/api/v1/me", Tags: []string{"Auth"},
		Summary: "Who am I",
		Description: "Returns the caller: the agent of a console session or bearer credentials, " +
			"or the API token, with the workspace and the scopes held.",
	}, authenticated, s.me)
}

type loginInput struct {
	UserAgent string `header:"User-Agent" hidden:"true"`
	Body      struct {
		Email     string `json:"email"`
		Password  string `json:"password"`
		Workspace string `json:"workspace,omitempty" doc:"Slug of the workspace; the default workspace when omitted."`
		Bearer    bool   `json:"bearer,omitempty" doc:"Return the session's secret in token instead of setting cookies: for programs, not browsers."`
	}
}

type loginOutput struct {
	SetCookie []http.Cookie `header:"Set-Cookie"`
	Body      struct {
		Agent     agentView `json:"agent"`
		CSRFToken string    `json:"csrf_token" doc:"Send as the X-CSRF-Token header with POST, PUT, PATCH and DELETE."`
		ExpiresAt time.Time `json:"expires_at"`
		Token     string    `json:"token,omitempty" doc:"With bearer: the session's secret (prlys_…), shown only this once. It ends with the session: at expires_at, on logout, when the agent is disabled."`
	}
}

func (s *server) login(ctx context.Context, in *loginInput) (*loginOutput, error) {
	req := requestFrom(ctx)
	if ok, wait := s.logins.allow(req.ip, s.cfg.Now()); !ok {
		return nil, &account.RateLimitedError{
			Err:  parley.Errorf(parley.ERATELIMITED, "Too many login attempts from your address. Try again later."),
			Wait: wait,
		}
	}
	sess, sec, agent, err := s.accts.Login(ctx, in.Body.Workspace, in.Body.Email, in.Body.Password, req.ip, in.UserAgent)
	if err != nil {
		return nil, err
	}
	out := &loginOutput{}
	if in.Body.Bearer {
		out.Body.Token = sec
	} else {
		out.SetCookie = s.sessionCookies(sess, sec)
	}
	out.Body.Agent = newAgentView(agent)
	out.Body.CSRFToken = sess.CSRFToken
	out.Body.ExpiresAt = sess.ExpiresAt
	return out, nil
}

type logoutOutput struct {
	SetCookie []http.Cookie `header:"Set-Cookie"`
}

func (s *server) logout(ctx context.Context, _ *struct{}) (*logoutOutput, error) {
	p := principal(ctx)
	if p.SessionID == "" {
		return nil, parley.Errorf(parley.EFORBIDDEN, "Only a console session can log out; revoke an API token instead.")
	}
	if err := s.accts.Logout(ctx, p.SessionID); err != nil {
		return nil, err
	}
	s.cfg.Revoker.Revoke(ctx, parley.Revocation{WorkspaceID: p.WorkspaceID, SessionID: p.SessionID, Reason: parley.EndRevoked})
	return &logoutOutput{SetCookie: s.sessionCookies(nil, "")}, nil
}

type meView struct {
	Kind        string         `json:"kind" enum:"agent,token" doc:"What the credentials belong to."`
	WorkspaceID string         `json:"workspace_id"`
	Agent       *agentView     `json:"agent,omitempty" doc:"The agent, when kind is agent."`
	Token       *tokenView     `json:"token,omitempty" doc:"The API token, when kind is token."`
	SystemAdmin bool           `json:"system_admin"`
	Scopes      []parley.Scope `json:"scopes" doc:"Every scope held, \"all\" expanded."`
	Session     bool           `json:"session" doc:"Whether the caller used the console's session cookie."`
	// AwayAfterSeconds is PARLEY_AWAY_AFTER in whole seconds.
	AwayAfterSeconds int `json:"away_after_seconds" minimum:"0" doc:"For an agent: how long, in seconds, its console may see no activity (keys, pointer) before it sets the agent away, and back online at the next activity, unless the agent chose Away itself. 0: never (PARLEY_AWAY_AFTER)."`
}

type meOutput struct {
	Body meView
}

func (s *server) me(ctx context.Context, _ *struct{}) (*meOutput, error) {
	p := principal(ctx)
	out := &meOutput{Body: meView{
		Kind:        string(p.Type),
		WorkspaceID: p.WorkspaceID,
		SystemAdmin: p.SystemAdmin,
		Session:     p.SessionID != "",
		Scopes:      []parley.Scope{},
	}}
	for sc := range p.Scopes {
		out.Body.Scopes = append(out.Body.Scopes, sc)
	}
	slices.Sort(out.Body.Scopes)
	switch p.Type {
	case parley.ActorAgent:
		a, err := s.store.FindAgentByID(ctx, p.WorkspaceID, p.AgentID)
		if err != nil {
			return nil, err
		}
		v := newAgentView(a)
		out.Body.Agent = &v
		out.Body.AwayAfterSeconds = int(s.cfg.AwayAfter / time.Second)
	case parley.ActorToken:
		t, err := s.store.FindAPITokenByID(ctx, p.WorkspaceID, p.ID)
		if err != nil {
			return nil, err
		}
		v := newTokenView(t)
		out.Body.Token = &v
	}
	return out, nil
}
