package httpapi

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
	"github.com/parleychat/parley/internal/identity"
	"github.com/parleychat/parley/internal/secret"
)

// Cookie and header names of the console session.
const (
	csrfCookie = "parley_csrf" // the CSRF token, readable by the console's script
	csrfHeader = "X-CSRF-Token"
)

// authorize returns the middleware of operations that require need: it
// authenticates the caller, answers 401 without valid credentials and 403
// when need refuses them, and passes the principal on in the context.
func (s *server) authorize(need access) func(huma.Context, func(huma.Context)) {
	return func(ctx huma.Context, next func(huma.Context)) {
		p, err := s.authenticate(ctx)
		if err == nil {
			err = need.check(p)
		}
		if err == nil && p.PanelConversationID != "" {
			err = panelAllows(ctx, p)
		}
		if err == nil && p.AppID != "" && p.RequestsPerMinute > 0 {
			if ok, wait := s.apps.allow(p.AppID, p.RequestsPerMinute, s.cfg.Now()); !ok {
				err = &parley.Error{Code: parley.ERATELIMITED, Reason: parley.ReasonAppRequests, RetryAfter: max(wait, time.Second),
					Message: fmt.Sprintf("The app's quota requests_per_minute (%d) is used up.", p.RequestsPerMinute)}
			}
		}
		if err != nil {
			r, w := humago.Unwrap(ctx)
			writeProblem(w, s.problem(r.Context(), err))
			return
		}
		next(huma.WithContext(ctx, parley.WithPrincipal(ctx.Context(), p)))
	}
}

// panelAllows returns EFORBIDDEN unless the request of p, a panel token,
// reads its conversation, that conversation's messages or its contact:
// all a panel token may do.
func panelAllows(ctx huma.Context, p *parley.Principal) error {
	id := ctx.Param("id")
	switch op := ctx.Operation(); {
	case op == nil:
	case op.OperationID == "get-conversation" || op.OperationID == "list-messages":
		if id == p.PanelConversationID {
			return nil
		}
	case op.OperationID == "get-contact":
		if id == p.PanelContactID {
			return nil
		}
	}
	return &parley.Error{Code: parley.EFORBIDDEN, Reason: reasonPanelToken,
		Message: "A panel token reads only its conversation, that conversation's messages and its contact."}
}

// reasonPanelToken is the Reason of the EFORBIDDEN refusing a panel
// token anything else than reading its conversation and contact.
const reasonPanelToken = "panel_token"

// authenticate finds the caller's principal from an Authorization: Bearer
// credential — a visitor token (prlyv_…), an API token (prly_…) or an
// agent's bearer session (prlys_…, from a login with "bearer": true) —
// or, failing that, the session cookie. Cookie-authenticated unsafe requests must carry
// the session's CSRF token in X-CSRF-Token. A visitor's request that comes
// from a browser page must come from an origin its inbox allows.
// Credentials are never read from the URL.
func (s *server) authenticate(ctx huma.Context) (*parley.Principal, error) {
	if h := ctx.Header("Authorization"); h != "" {
		scheme, token, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") {
			return nil, parley.Errorf(parley.EUNAUTHORIZED, "The Authorization header must be \"Bearer <token>\".")
		}
		token = strings.TrimSpace(token)
		if !identity.IsVisitorToken(token) {
			return s.accts.AuthenticateBearer(ctx.Context(), token)
		}
		p, err := s.ident.AuthenticateVisitor(ctx.Context(), token)
		if err != nil {
			return nil, err
		}
		if err := s.ident.CheckOrigin(ctx.Context(), p, ctx.Header("Origin")); err != nil {
			return nil, err
		}
		return p, nil
	}
	c, err := huma.ReadCookie(ctx, account.SessionCookie)
	if err != nil || c.Value == "" {
		return nil, parley.Errorf(parley.EUNAUTHORIZED, "Authentication required: send an API token or visitor token (Authorization: Bearer) or log in.")
	}
	p, sess, err := s.accts.LookupSession(ctx.Context(), c.Value)
	if err != nil {
		return nil, err
	}
	if unsafeMethod(ctx.Method()) && !secret.Equal([]byte(ctx.Header(csrfHeader)), []byte(sess.CSRFToken)) {
		return nil, parley.Errorf(parley.EFORBIDDEN, "Missing or wrong %s header: send the csrf_token of your login.", csrfHeader)
	}
	return p, nil
}

// unsafeMethod reports whether a request with method may change state.
func unsafeMethod(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return false
	}
	return true
}

// sessionCookies returns the cookies that start (value set) or end
// (session nil) a console session.
func (s *server) sessionCookies(sess *parley.Session, secretValue string) []http.Cookie {
	session := http.Cookie{
		Name: account.SessionCookie, Path: "/", HttpOnly: true, Secure: s.cfg.SecureCookies, SameSite: http.SameSiteLaxMode,
	}
	csrf := http.Cookie{
		Name: csrfCookie, Path: "/", Secure: s.cfg.SecureCookies, SameSite: http.SameSiteLaxMode,
	}
	if sess == nil {
		session.MaxAge, csrf.MaxAge = -1, -1
	} else {
		session.Value, session.Expires = secretValue, sess.ExpiresAt
		csrf.Value, csrf.Expires = sess.CSRFToken, sess.ExpiresAt
	}
	return []http.Cookie{session, csrf}
}
