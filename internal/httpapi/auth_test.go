package httpapi_test

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/httpapi"
	"github.com/parleychat/parley/internal/secret"
	"github.com/parleychat/parley/internal/testenv"
)

func TestLogin(t *testing.T) {
	ts := newServer(t, func(c *httpapi.Config) { c.SecureCookies = true })
	ts.agent(t, "ann@example.com", parley.RoleAgent)

	r := ts.do(t, "POST", "/api/v1/auth/login", nil, map[string]string{
		"email": "Ann@Example.com", "password": "password-ann@example.com",
	}).want(t, 200)
	var body struct {
		Agent struct {
			Email string `json:"email"`
			Role  string `json:"role"`
		} `json:"agent"`
		CSRFToken string `json:"csrf_token"`
		ExpiresAt string `json:"expires_at"`
	}
	r.decode(t, &body)
	if body.Agent.Email != "ann@example.com" || body.Agent.Role != "agent" || body.CSRFToken == "" || body.ExpiresAt == "" {
		t.Errorf("login body = %s", r.body)
	}
	if strings.Contains(string(r.body), "argon2") || strings.Contains(string(r.body), "password") {
		t.Errorf("login body shows a password or hash: %s", r.body)
	}
	cookies := map[string]*http.Cookie{}
	for _, c := range (&http.Response{Header: r.header}).Cookies() {
		cookies[c.Name] = c
	}
	sess, csrf := cookies["parley_session"], cookies["parley_csrf"]
	if sess == nil || !sess.HttpOnly || !sess.Secure || sess.SameSite != http.SameSiteLaxMode || sess.Path != "/" || sess.Value == "" {
		t.Errorf("session cookie = %+v, want HttpOnly, Secure, SameSite=Lax, Path=/", sess)
	}
	if csrf == nil || csrf.HttpOnly || !csrf.Secure || csrf.Value != body.CSRFToken {
		t.Errorf("csrf cookie = %+v, want readable by script and equal to csrf_token", csrf)
	}

	tests := []struct {
		name string
		body any
	}{
		{"WrongPassword", map[string]string{"email": "ann@example.com", "password": "not-her-password"}},
		{"UnknownEmail", map[string]string{"email": "nobody@example.com", "password": "password-ann@example.com"}},
		{"UnknownWorkspace", map[string]string{"email": "ann@example.com", "password": "password-ann@example.com", "workspace": "nope"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := ts.do(t, "POST", "/api/v1/auth/login", nil, tt.body).problem(t, 401, "unauthorized")
			if p.Detail != "Invalid email or password." {
				t.Errorf("detail = %q", p.Detail)
			}
		})
	}
	ts.do(t, "POST", "/api/v1/auth/login", nil, map[string]any{"email": "ann@example.com"}).problem(t, 422, "invalid")
	ts.do(t, "POST", "/api/v1/auth/login", nil, `{"email":`).problem(t, 400, "invalid")
}

func TestLoginLockout(t *testing.T) {
	ts := newServer(t)
	ts.agent(t, "ann@example.com", parley.RoleAgent)
	login := func(password string) *result {
		return ts.do(t, "POST", "/api/v1/auth/login", nil, map[string]string{"email": "ann@example.com", "password": password})
	}
	for range 5 {
		login("wrong-password").problem(t, 401, "unauthorized")
	}
	r := login("password-ann@example.com")
	r.problem(t, 429, "rate_limited")
	if secs, err := strconv.Atoi(r.header.Get("Retry-After")); err != nil || secs < 890 || secs > 900 {
		t.Errorf("Retry-After = %q, want about 900 seconds", r.header.Get("Retry-After"))
	}
}

func TestLoginPerIPLimit(t *testing.T) {
	// A frozen clock: no token refills while the slow (argon2id) attempts run.
	now := time.Now()
	ts := newServer(t, func(c *httpapi.Config) {
		c.TrustProxy = true
		c.Now = func() time.Time { return now }
	})
	// Different emails, so that the per-email lockout does not kick in.
	attempt := func(i int, ip string) *result {
		req, _ := http.NewRequest("POST", ts.URL+"/api/v1/auth/login",
			strings.NewReader(`{"email":"user`+strconv.Itoa(i)+`@example.com","password":"whatever-pass"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Forwarded-For", "198.51.100.7, "+ip)
		return ts.send(t, req)
	}
	for i := range 60 { // the burst
		attempt(i, "203.0.113.9").want(t, 401)
	}
	r := attempt(60, "203.0.113.9")
	r.problem(t, 429, "rate_limited")
	if secs, err := strconv.Atoi(r.header.Get("Retry-After")); err != nil || secs != 2 {
		t.Errorf("Retry-After = %q, want the 2 s refill of one attempt (30 a minute)", r.header.Get("Retry-After"))
	}
	// Another client (the proxy's last hop) is not limited.
	attempt(61, "203.0.113.10").want(t, 401)
}

// TestLoginShiftBehindNAT: a shift of 50 agents behind one address (a
// call centre's NAT) all log in within a minute, while guessing one of
// their passwords from that address is still stopped.
func TestLoginShiftBehindNAT(t *testing.T) {
	clk := testenv.NewClock(time.Now())
	ts := newServer(t, func(c *httpapi.Config) { c.Now = clk.Now })
	const password = "shift-password-1"
	hash := secret.HashPassword(password) // once: 50 hashes would take long
	var emails []string
	for i := range 50 {
		a := &parley.Agent{WorkspaceID: ts.ws.ID, Email: fmt.Sprintf("agent%d@example.com", i), Name: fmt.Sprint("Agent ", i), Role: parley.RoleAgent}
		if err := ts.store.CreateAgent(t.Context(), parley.SystemActor, a, hash); err != nil {
			t.Fatal(err)
		}
		emails = append(emails, a.Email)
	}
	login := func(email, password string) *result {
		return ts.do(t, "POST", "/api/v1/auth/login", nil, map[string]string{"email": email, "password": password})
	}
	// They arrive over 50 simulated seconds, one a second; a few mistype
	// their password first.
	for i, email := range emails {
		clk.Advance(time.Second)
		if i%10 == 0 {
			login(email, "shfit-password-1").problem(t, 401, "unauthorized")
		}
		login(email, password).want(t, 200)
	}
	// Guessing a colleague's password from the same address: after 5
	// wrong guesses the account is locked, even for the right password.
	victim := emails[7]
	for range 5 {
		login(victim, "guess-"+testenv.Unique()).problem(t, 401, "unauthorized")
	}
	login(victim, "guess-again").problem(t, 429, "rate_limited")
	login(victim, password).problem(t, 429, "rate_limited")
	// The others are not locked out by it.
	login(emails[8], password).want(t, 200)
}

func TestSessionCSRF(t *testing.T) {
	ts := newServer(t)
	s := ts.login(t, "admin@example.com", adminPassword)
	noCSRF := session{secret: s.secret}
	wrongCSRF := session{secret: s.secret, csrf: s.csrf + "x"}
	inbox := map[string]any{"name": "Support"}

	tests := []struct {
		name   string
		method string
		path   string
		creds  creds
		body   any
		status int
	}{
		{"ReadWithoutCSRF", "GET", "/api/v1/me", noCSRF, nil, 200},
		{"WriteWithCSRF", "POST", "/api/v1/inboxes", s, inbox, 201},
		{"WriteWithoutCSRF", "POST", "/api/v1/inboxes", noCSRF, inbox, 403},
		{"WriteWrongCSRF", "POST", "/api/v1/inboxes", wrongCSRF, inbox, 403},
		{"DeleteWithoutCSRF", "DELETE", "/api/v1/tokens/whatever", noCSRF, nil, 403},
		{"LogoutWithoutCSRF", "POST", "/api/v1/auth/logout", noCSRF, nil, 403},
		{"UnknownCookie", "GET", "/api/v1/me", session{secret: "prlys_nope"}, nil, 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ts.do(t, tt.method, tt.path, tt.creds, tt.body).want(t, tt.status)
			if tt.status == 403 {
				r.problem(t, 403, "forbidden")
			}
		})
	}

	// A bearer token needs no CSRF token, even with a session cookie present.
	tok := ts.token(t, ts.ws.ID, parley.ScopeInboxesWrite)
	req, _ := http.NewRequest("POST", ts.URL+"/api/v1/inboxes", strings.NewReader(`{"name":"Sales"}`))
	req.Header.Set("Content-Type", "application/json")
	tok.apply(req)
	noCSRF.apply(req)
	ts.send(t, req).want(t, 201)
}

func TestLogout(t *testing.T) {
	ts := newServer(t)
	s := ts.login(t, "admin@example.com", adminPassword)
	other := ts.login(t, "admin@example.com", adminPassword)
	ts.do(t, "GET", "/api/v1/me", s, nil).want(t, 200)

	r := ts.do(t, "POST", "/api/v1/auth/logout", s, nil).want(t, 204)
	cleared := 0
	for _, c := range (&http.Response{Header: r.header}).Cookies() {
		if (c.Name == "parley_session" || c.Name == "parley_csrf") && c.MaxAge < 0 {
			cleared++
		}
	}
	if cleared != 2 {
		t.Errorf("logout Set-Cookie = %v, want both cookies cleared", r.header.Values("Set-Cookie"))
	}
	ts.do(t, "GET", "/api/v1/me", s, nil).problem(t, 401, "unauthorized")
	ts.do(t, "GET", "/api/v1/me", other, nil).want(t, 200) // only that session ended

	tok := ts.token(t, ts.ws.ID, parley.ScopeAgentsRead)
	ts.do(t, "POST", "/api/v1/auth/logout", tok, nil).problem(t, 403, "forbidden")
}

func TestMe(t *testing.T) {
	ts := newServer(t)
	ann := ts.agent(t, "ann@example.com", parley.RoleSupervisor)
	var me struct {
		Kind        string `json:"kind"`
		WorkspaceID string `json:"workspace_id"`
		Agent       *struct {
			ID string `json:"id"`
		} `json:"agent"`
		Token *struct {
			Name string `json:"name"`
		} `json:"token"`
		SystemAdmin bool     `json:"system_admin"`
		Scopes      []string `json:"scopes"`
		Session     bool     `json:"session"`
	}
	ts.do(t, "GET", "/api/v1/me", ts.login(t, ann.Email, "password-ann@example.com"), nil).want(t, 200).decode(t, &me)
	if me.Kind != "agent" || me.WorkspaceID != ts.ws.ID || me.Agent == nil || me.Agent.ID != ann.ID || !me.Session || me.SystemAdmin {
		t.Errorf("me (agent) = %+v", me)
	}
	if got := strings.Join(me.Scopes, ","); got != "agents:read,audit:read,canned_responses:write,contacts:read,contacts:write,conversations:read,conversations:write,inboxes:read,labels:write,reports:read,webhooks:read" {
		t.Errorf("supervisor scopes = %s", got)
	}

	me.Agent = nil
	ts.do(t, "GET", "/api/v1/me", ts.token(t, ts.ws.ID, parley.ScopeWorkspacesRead), nil).want(t, 200).decode(t, &me)
	if me.Kind != "token" || me.Token == nil || me.Token.Name != "test" || me.Agent != nil || !me.SystemAdmin || me.Session {
		t.Errorf("me (token) = %+v", me)
	}
}

// TestCredentialsNotFromURL checks that a token in the query string is
// ignored, and that a malformed Authorization header is refused.
func TestCredentialsNotFromURL(t *testing.T) {
	ts := newServer(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeAll)
	for _, q := range []string{"access_token", "token", "api_key"} {
		ts.do(t, "GET", "/api/v1/me?"+q+"="+string(tok), nil, nil).problem(t, 401, "unauthorized")
	}
	req, _ := http.NewRequest("GET", ts.URL+"/api/v1/me", nil)
	req.Header.Set("Authorization", "Basic "+string(tok))
	r := ts.send(t, req)
	r.problem(t, 401, "unauthorized")
	if r.header.Get("WWW-Authenticate") == "" {
		t.Error("401 without WWW-Authenticate")
	}
}

// TestEndedCredentialsRefusedAtOnce checks that the request right after a
// credential ends — a token revoked, a session logged out, its agent
// disabled, deleted or demoted — is refused (or holds the new rights), for
// reads and writes alike: nothing is cached between requests.
func TestEndedCredentialsRefusedAtOnce(t *testing.T) {
	ts := newServer(t)
	admin := ts.token(t, ts.ws.ID, parley.ScopeAll)
	read := func(t *testing.T, c creds) *result {
		t.Helper()
		return ts.do(t, "GET", "/api/v1/agents", c, nil)
	}
	write := func(t *testing.T, c creds) *result {
		t.Helper()
		return ts.do(t, "POST", "/api/v1/conversations", c, map[string]any{})
	}

	t.Run("RevokedToken", func(t *testing.T) {
		var tok struct{ ID, Token string }
		ts.do(t, "POST", "/api/v1/tokens", admin, map[string]any{"name": "app", "scopes": []string{"all"}}).want(t, 201).decode(t, &tok)
		app := bearer(tok.Token)
		read(t, app).want(t, 200)
		ts.do(t, "DELETE", "/api/v1/tokens/"+tok.ID, admin, nil).want(t, 204)
		read(t, app).problem(t, 401, "unauthorized")
		write(t, app).problem(t, 401, "unauthorized")
	})

	t.Run("LoggedOutSession", func(t *testing.T) {
		ann := ts.member(t, parley.RoleAdmin)
		read(t, ann).want(t, 200)
		ts.do(t, "POST", "/api/v1/auth/logout", ann, nil).want(t, 204)
		read(t, ann).problem(t, 401, "unauthorized")
		write(t, ann).problem(t, 401, "unauthorized")
	})

	t.Run("DisabledAgent", func(t *testing.T) {
		ann := ts.member(t, parley.RoleAdmin)
		read(t, ann).want(t, 200)
		ts.do(t, "PATCH", "/api/v1/agents/"+ann.agent.ID, admin, map[string]any{"disabled": true}).want(t, 200)
		read(t, ann).problem(t, 401, "unauthorized")
		write(t, ann).problem(t, 401, "unauthorized")
		// Enabling the agent again does not bring the ended session back.
		ts.do(t, "PATCH", "/api/v1/agents/"+ann.agent.ID, admin, map[string]any{"disabled": false}).want(t, 200)
		read(t, ann).problem(t, 401, "unauthorized")
	})

	t.Run("DeletedAgent", func(t *testing.T) {
		ann := ts.member(t, parley.RoleAdmin)
		read(t, ann).want(t, 200)
		ts.do(t, "DELETE", "/api/v1/agents/"+ann.agent.ID, admin, nil).want(t, 204)
		read(t, ann).problem(t, 401, "unauthorized")
		write(t, ann).problem(t, 401, "unauthorized")
	})

	t.Run("DemotedAgent", func(t *testing.T) {
		ann := ts.member(t, parley.RoleAdmin)
		ts.do(t, "POST", "/api/v1/inboxes", ann, map[string]any{"name": "Mine"}).want(t, 201)
		ts.do(t, "PATCH", "/api/v1/agents/"+ann.agent.ID, admin, map[string]any{"role": "agent"}).want(t, 200)
		ts.do(t, "POST", "/api/v1/inboxes", ann, map[string]any{"name": "Mine"}).problem(t, 403, "forbidden")
		read(t, ann).want(t, 200) // still signed in, with an agent's rights
	})
}
