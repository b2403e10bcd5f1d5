package httpapi

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
)

// maxOAuthBody bounds the form of a token request.
const maxOAuthBody = 8 << 10

// oauthToken is the token endpoint of the OAuth 2.0 client credentials
// grant (RFC 6749 §4.4): an app presents its client ID and secret — with
// HTTP Basic authentication or as client_id and client_secret in the form
// body (§2.3.1), not both — and gets a short-lived bearer access token.
// Errors are the RFC's (§5.2), not problem documents: OAuth clients
// expect them.
func (s *server) oauthToken(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxOAuthBody)
	ct := r.Header.Get("Content-Type")
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	if !strings.EqualFold(strings.TrimSpace(ct), "application/x-www-form-urlencoded") {
		oauthError(w, http.StatusBadRequest, "invalid_request", "The body must be application/x-www-form-urlencoded.", false)
		return
	}
	if err := r.ParseForm(); err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request", "The form could not be read.", false)
		return
	}
	form := r.PostForm
	for k, vs := range form {
		if len(vs) > 1 {
			oauthError(w, http.StatusBadRequest, "invalid_request", "The parameter "+safeText(k)+" is repeated.", false)
			return
		}
	}
	if gt := form.Get("grant_type"); gt != "client_credentials" {
		oauthError(w, http.StatusBadRequest, "unsupported_grant_type", "Only grant_type=client_credentials is supported.", false)
		return
	}
	id, sec, basic := r.BasicAuth()
	if basic {
		if form.Has("client_id") || form.Has("client_secret") {
			oauthError(w, http.StatusBadRequest, "invalid_request", "Send the client credentials one way: HTTP Basic or the form.", true)
			return
		}
		var err1, err2 error
		id, err1 = url.QueryUnescape(id)
		sec, err2 = url.QueryUnescape(sec)
		if err1 != nil || err2 != nil {
			oauthError(w, http.StatusUnauthorized, "invalid_client", "The client credentials are invalid.", true)
			return
		}
	} else {
		id, sec = form.Get("client_id"), form.Get("client_secret")
	}
	var scopes []parley.Scope
	for f := range strings.FieldsSeq(form.Get("scope")) {
		sc := parley.Scope(f)
		if !sc.Valid() {
			oauthError(w, http.StatusBadRequest, "invalid_scope", "Unknown scope "+safeText(f)+".", false)
			return
		}
		scopes = append(scopes, sc)
	}
	agentID := form.Get("agent_id")
	tok, t, _, err := s.accts.IssueAppBotToken(r.Context(), id, sec, scopes, agentID)
	switch {
	case parley.ErrorReason(err) == account.ReasonInvalidClient:
		oauthError(w, http.StatusUnauthorized, "invalid_client", "The client credentials are invalid.", basic)
		return
	case parley.ErrorReason(err) == account.ReasonNotAppBot:
		oauthError(w, http.StatusBadRequest, "invalid_request", parley.ErrorMessage(err), false)
		return
	case parley.ErrorReason(err) == "invalid_scope":
		oauthError(w, http.StatusBadRequest, "invalid_scope", parley.ErrorMessage(err), false)
		return
	case err != nil:
		writeProblem(w, s.problem(r.Context(), err))
		return
	}
	names := make([]string, len(t.Scopes))
	for i, sc := range t.Scopes {
		names[i] = string(sc)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Pragma", "no-cache")
	json.NewEncoder(w).Encode(map[string]any{
		"access_token": tok,
		"token_type":   "Bearer",
		"expires_in":   int(account.AppTokenTTL.Seconds()),
		"scope":        strings.Join(names, " "),
	})
}

func oauthError(w http.ResponseWriter, status int, code, desc string, basic bool) {
	if status == http.StatusUnauthorized && basic {
		w.Header().Set("WWW-Authenticate", `Basic realm="parley"`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": code, "error_description": desc})
}
