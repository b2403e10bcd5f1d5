package httpapi_test

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
	"github.com/parleychat/parley/internal/httpapi"
	"github.com/parleychat/parley/internal/oidctest"
	"github.com/parleychat/parley/internal/outbound"
)

// withOutbound gives the server an accounts service whose outbound client
// may reach 127.0.0.1 (the test's identity provider and endpoints), with
// an external authentication timeout.
func withOutbound(t *testing.T, externalTimeout time.Duration) serverOption {
	return func(c *httpapi.Config) {
		ob, err := outbound.New(outbound.Config{Allow: []string{"127.0.0.1/32"}, Logger: c.Logger})
		if err != nil {
			t.Fatal(err)
		}
		c.Accounts = account.New(c.Store, account.Options{Logger: c.Logger, Outbound: ob, ExternalAuthTimeout: externalTimeout})
	}
}

// oidcFixture is a Parley API server whose default workspace signs in
// with a test OpenID provider.
type oidcFixture struct {
	ts    *testServer
	idp   *oidctest.Provider
	admin bearer
}

func newOIDCFixture(t *testing.T) *oidcFixture {
	t.Helper()
	idp := oidctest.Start(t, oidctest.Config{
		ClientID: "parley", ClientSecret: "client-secret-1",
		Users: []oidctest.User{
			{Username: "lea", Password: "lea-pw", Email: "lea@example.com", Name: "Lea Lead", Groups: []string{"staff", "support-leads"}},
			{Username: "sam", Password: "sam-pw", Email: "sam@example.com", Name: "Sam Support", Groups: []string{"support"}},
			{Username: "ghost", Password: "ghost-pw", Email: "ghost@example.com", Name: "Ghost", Groups: []string{"marketing"}},
			{Username: "eve", Password: "eve-pw", Groups: []string{"support"}}, // no email
		},
	})
	ts := newServer(t, withOutbound(t, time.Second))
	idp.SetRedirectURIs([]string{ts.URL + "/api/v1/auth/oidc/callback"}, []string{ts.URL + "/console/"})
	f := &oidcFixture{ts: ts, idp: idp, admin: ts.token(t, ts.ws.ID, parley.ScopeAll)}
	f.put(t, map[string]any{"create_agents": true}).want(t, 200)
	return f
}

// put saves the sign-in settings with OIDC on, merged with oidc.
func (f *oidcFixture) put(t *testing.T, oidc map[string]any, top ...map[string]any) *result {
	t.Helper()
	o := map[string]any{
		"enabled": true, "issuer": f.idp.Issuer, "client_id": "parley", "client_secret": "client-secret-1",
		"scopes": []string{"profile", "email", "groups"}, "button_label": "Sign in with Example ID", "claim": "groups",
		"mappings": []map[string]any{
			{"value": "support-leads", "role": "supervisor", "tier": 2},
			{"value": "support", "role": "agent", "tier": 1},
		},
	}
	for k, v := range oidc {
		o[k] = v
	}
	body := map[string]any{"password": "local", "oidc": o}
	for _, m := range top {
		for k, v := range m {
			body[k] = v
		}
	}
	return f.ts.do(t, "PUT", "/api/v1/sign-in", f.admin, body)
}

// browser is a cookie-keeping HTTP client that follows redirects, as a
// browser does.
type browser struct {
	*http.Client
}

func newBrowser(t *testing.T) *browser {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &browser{&http.Client{Jar: jar, Timeout: 20 * time.Second}}
}

var loginFormID = regexp.MustCompile(`name="id" value="([^"]+)"`)

// signIn goes through single sign-on as username and returns where the
// browser ended up: the console, or the sign-in page with signin_error.
func (f *oidcFixture) signIn(t *testing.T, b *browser, username, password string) *url.URL {
	t.Helper()
	resp, err := b.Get(f.ts.URL + "/api/v1/auth/oidc/start")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.HasPrefix(resp.Request.URL.String(), f.idp.Issuer+"/login") {
		return resp.Request.URL // Parley refused to start
	}
	m := loginFormID.FindSubmatch(page)
	if m == nil {
		t.Fatalf("no login form at the provider: %s", page)
	}
	resp, err = b.PostForm(f.idp.Issuer+"/login", url.Values{"id": {string(m[1])}, "username": {username}, "password": {password}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.Request.URL
}

// sessionOf returns the console session a browser holds for the server.
func (f *oidcFixture) sessionOf(t *testing.T, b *browser) session {
	t.Helper()
	u, _ := url.Parse(f.ts.URL)
	var s session
	for _, c := range b.Jar.Cookies(u) {
		switch c.Name {
		case "parley_session":
			s.secret = c.Value
		case "parley_csrf":
			s.csrf = c.Value
		}
	}
	if s.secret == "" || s.csrf == "" {
		t.Fatalf("the browser holds no session")
	}
	return s
}

type meBody struct {
	Agent struct {
		ID         string         `json:"id"`
		Email      string         `json:"email"`
		Name       string         `json:"name"`
		Role       string         `json:"role"`
		Attributes map[string]any `json:"attributes"`
	} `json:"agent"`
}

func (f *oidcFixture) me(t *testing.T, s session) meBody {
	t.Helper()
	var me meBody
	f.ts.do(t, "GET", "/api/v1/me", s, nil).want(t, 200).decode(t, &me)
	return me
}

func signinError(u *url.URL) string { return u.Query().Get("signin_error") }

func TestOIDCSignIn(t *testing.T) {
	f := newOIDCFixture(t)
	ts := f.ts

	t.Run("FirstSignInCreatesSupervisor", func(t *testing.T) {
		b := newBrowser(t)
		end := f.signIn(t, b, "lea", "lea-pw")
		if end.Path != "/console/" || signinError(end) != "" {
			t.Fatalf("ended at %s, want /console/", end)
		}
		me := f.me(t, f.sessionOf(t, b))
		if me.Agent.Email != "lea@example.com" || me.Agent.Name != "Lea Lead" || me.Agent.Role != "supervisor" ||
			me.Agent.Attributes["tier"] != float64(2) || me.Agent.Attributes["oidc_subject"] != "sub-lea" {
			t.Errorf("agent = %+v, want lea, supervisor, tier 2, linked to sub-lea", me.Agent)
		}
		// The same person again is the same agent.
		b2 := newBrowser(t)
		f.signIn(t, b2, "lea", "lea-pw")
		if again := f.me(t, f.sessionOf(t, b2)); again.Agent.ID != me.Agent.ID {
			t.Errorf("second sign-in is agent %s, want %s", again.Agent.ID, me.Agent.ID)
		}
	})

	t.Run("SessionEndsLikeAPasswordSession", func(t *testing.T) {
		b := newBrowser(t)
		f.signIn(t, b, "sam", "sam-pw")
		s := f.sessionOf(t, b)
		me := f.me(t, s)
		if me.Agent.Role != "agent" || me.Agent.Attributes["tier"] != float64(1) {
			t.Fatalf("sam = %+v, want agent tier 1", me.Agent)
		}
		ts.do(t, "POST", "/api/v1/auth/logout", s, nil).want(t, 204)
		ts.do(t, "GET", "/api/v1/me", s, nil).problem(t, 401, "unauthorized")

		// Disabling the agent ends its single sign-on sessions too.
		b = newBrowser(t)
		f.signIn(t, b, "sam", "sam-pw")
		s = f.sessionOf(t, b)
		f.me(t, s)
		ts.do(t, "PATCH", "/api/v1/agents/"+me.Agent.ID, f.admin, map[string]any{"disabled": true}).want(t, 200)
		ts.do(t, "GET", "/api/v1/me", s, nil).problem(t, 401, "unauthorized")
		// And a disabled agent cannot sign in again.
		if end := f.signIn(t, newBrowser(t), "sam", "sam-pw"); signinError(end) != "unauthorized" {
			t.Errorf("disabled agent's sign-in ended at %s, want signin_error=unauthorized", end)
		}
	})

	t.Run("NoMappingNoDefaultRole", func(t *testing.T) {
		if end := f.signIn(t, newBrowser(t), "ghost", "ghost-pw"); signinError(end) != account.ReasonNoRole {
			t.Errorf("ended at %s, want signin_error=%s", end, account.ReasonNoRole)
		}
	})

	t.Run("NoEmail", func(t *testing.T) {
		if end := f.signIn(t, newBrowser(t), "eve", "eve-pw"); signinError(end) != account.ReasonIdentityInvalid {
			t.Errorf("ended at %s, want signin_error=%s", end, account.ReasonIdentityInvalid)
		}
	})
}

func TestOIDCSignInRefusals(t *testing.T) {
	f := newOIDCFixture(t)
	ts := f.ts

	// callbackURL runs a sign-in until the provider sends the browser back,
	// and returns that URL without following it.
	callbackURL := func(t *testing.T, b *browser) string {
		t.Helper()
		var cb string
		b.CheckRedirect = func(req *http.Request, _ []*http.Request) error {
			if strings.HasPrefix(req.URL.String(), ts.URL+"/api/v1/auth/oidc/callback") {
				cb = req.URL.String()
				return http.ErrUseLastResponse
			}
			return nil
		}
		f.signIn(t, b, "lea", "lea-pw")
		b.CheckRedirect = nil
		if cb == "" {
			t.Fatal("the provider did not redirect to the callback")
		}
		return cb
	}
	follow := func(t *testing.T, b *browser, u string) *url.URL {
		t.Helper()
		resp, err := b.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.Request.URL
	}

	t.Run("AnotherBrowser", func(t *testing.T) {
		cb := callbackURL(t, newBrowser(t))
		if end := follow(t, newBrowser(t), cb); signinError(end) != account.ReasonOIDCState {
			t.Errorf("ended at %s, want signin_error=%s", end, account.ReasonOIDCState)
		}
	})

	t.Run("Replay", func(t *testing.T) {
		b := newBrowser(t)
		cb := callbackURL(t, b)
		if end := follow(t, b, cb); end.Path != "/console/" || signinError(end) != "" {
			t.Fatalf("first use ended at %s", end)
		}
		// The state cookie is gone and the state used: a replay fails even
		// with the cookie put back.
		u, _ := url.Parse(ts.URL + "/api/v1/auth/oidc/callback")
		state, _ := url.Parse(cb)
		b.Jar.SetCookies(u, []*http.Cookie{{Name: "parley_oidc_state", Value: state.Query().Get("state"), Path: "/api/v1/auth/oidc/callback"}})
		if end := follow(t, b, cb); signinError(end) != account.ReasonOIDCState {
			t.Errorf("replay ended at %s, want signin_error=%s", end, account.ReasonOIDCState)
		}
	})

	t.Run("WrongNonce", func(t *testing.T) {
		f.idp.TamperNonce("not-the-nonce")
		defer f.idp.TamperNonce("")
		if end := f.signIn(t, newBrowser(t), "lea", "lea-pw"); signinError(end) != account.ReasonOIDCIDToken {
			t.Errorf("ended at %s, want signin_error=%s", end, account.ReasonOIDCIDToken)
		}
	})

	t.Run("OnlyPreCreatedAgents", func(t *testing.T) {
		f.put(t, map[string]any{"create_agents": false}).want(t, 200)
		defer func() { f.put(t, map[string]any{"create_agents": true}).want(t, 200) }()
		if end := f.signIn(t, newBrowser(t), "sam", "sam-pw"); signinError(end) != account.ReasonNoAccount {
			t.Errorf("ended at %s, want signin_error=%s", end, account.ReasonNoAccount)
		}
		// An agent an admin created with the same email signs in, and is linked.
		sam := ts.agent(t, "sam@example.com", parley.RoleAgent)
		b := newBrowser(t)
		if end := f.signIn(t, b, "sam", "sam-pw"); end.Path != "/console/" {
			t.Fatalf("pre-created agent's sign-in ended at %s", end)
		}
		if me := f.me(t, f.sessionOf(t, b)); me.Agent.ID != sam.ID || me.Agent.Attributes["oidc_subject"] != "sub-sam" {
			t.Errorf("signed in as %+v, want %s linked to sub-sam", me.Agent, sam.ID)
		}
	})

	t.Run("OIDCOff", func(t *testing.T) {
		f.put(t, map[string]any{"enabled": false}).want(t, 200)
		defer func() { f.put(t, map[string]any{"create_agents": true}).want(t, 200) }()
		if end := f.signIn(t, newBrowser(t), "lea", "lea-pw"); signinError(end) != account.ReasonOIDCOff {
			t.Errorf("ended at %s, want signin_error=%s", end, account.ReasonOIDCOff)
		}
	})
}

func TestPasswordSignInOff(t *testing.T) {
	f := newOIDCFixture(t)
	ts := f.ts
	ts.agent(t, "ann@example.com", parley.RoleAgent)
	ts.login(t, "ann@example.com", "password-ann@example.com")

	// Not without single sign-on: nobody could sign in.
	r := ts.do(t, "PUT", "/api/v1/sign-in", f.admin, map[string]any{"password": "off"})
	if p := r.problem(t, 422, "invalid"); !strings.Contains(strings.Join(p.locations(), ","), "body.password") {
		t.Errorf("locations = %v, want body.password", p.locations())
	}
	f.put(t, map[string]any{"create_agents": true}, map[string]any{"password": "off"}).want(t, 200)

	for _, email := range []string{"ann@example.com", "admin@example.com"} {
		r := ts.do(t, "POST", "/api/v1/auth/login", nil, map[string]string{"email": email, "password": "password-" + email})
		r.problem(t, 403, "forbidden")
		if got := reasonOf(t, r); got != account.ReasonPasswordSignInOff {
			t.Errorf("%s: reason = %q, want %q", email, got, account.ReasonPasswordSignInOff)
		}
	}
	var opts struct {
		Password string `json:"password"`
		OIDC     struct {
			Enabled       bool   `json:"enabled"`
			ButtonLabel   string `json:"button_label"`
			StartURL      string `json:"start_url"`
			EndSessionURL string `json:"end_session_url"`
		} `json:"oidc"`
	}
	ts.do(t, "GET", "/api/v1/auth/options", nil, nil).want(t, 200).decode(t, &opts)
	if opts.Password != "off" || !opts.OIDC.Enabled || opts.OIDC.ButtonLabel != "Sign in with Example ID" || opts.OIDC.StartURL != "/api/v1/auth/oidc/start" {
		t.Errorf("options = %+v", opts)
	}
	end, err := url.Parse(opts.OIDC.EndSessionURL)
	if err != nil || !strings.HasPrefix(opts.OIDC.EndSessionURL, f.idp.Issuer+"/") || end.Query().Get("client_id") != "parley" ||
		end.Query().Get("post_logout_redirect_uri") != ts.URL+"/console/" {
		t.Errorf("end_session_url = %q, want the provider's end_session_endpoint with client_id and post_logout_redirect_uri", opts.OIDC.EndSessionURL)
	}
	// The provider signs the browser out there and sends it back.
	b := newBrowser(t)
	f.signIn(t, b, "lea", "lea-pw")
	resp, err := b.Get(opts.OIDC.EndSessionURL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Request.URL.String() != ts.URL+"/console/" || f.idp.SignedOut() != 1 {
		t.Errorf("after the provider's sign-out: at %s, %d sign-outs; want %s/console/, 1", resp.Request.URL, f.idp.SignedOut(), ts.URL)
	}

	// An unknown workspace's options tell nothing.
	ts.do(t, "GET", "/api/v1/auth/options?workspace=nope", nil, nil).want(t, 200).decode(t, &opts)
	if opts.Password != "local" || opts.OIDC.Enabled {
		t.Errorf("unknown workspace options = %+v", opts)
	}
}

func TestSignInSettings(t *testing.T) {
	f := newOIDCFixture(t)
	ts := f.ts

	r := ts.do(t, "GET", "/api/v1/sign-in", f.admin, nil).want(t, 200)
	if strings.Contains(string(r.body), "client-secret-1") {
		t.Fatalf("the settings show the client secret: %s", r.body)
	}
	var view struct {
		OIDC struct {
			ClientSecretSet bool `json:"client_secret_set"`
		} `json:"oidc"`
		RedirectURI string `json:"redirect_uri"`
	}
	r.decode(t, &view)
	if !view.OIDC.ClientSecretSet || view.RedirectURI != ts.URL+"/api/v1/auth/oidc/callback" {
		t.Errorf("settings = %s", r.body)
	}
	// Omitting the secret keeps it: sign-in still works.
	body := map[string]any{"password": "local", "oidc": map[string]any{
		"enabled": true, "issuer": f.idp.Issuer, "client_id": "parley", "create_agents": true, "default_role": "agent",
	}}
	ts.do(t, "PUT", "/api/v1/sign-in", f.admin, body).want(t, 200)
	if end := f.signIn(t, newBrowser(t), "ghost", "ghost-pw"); end.Path != "/console/" {
		t.Errorf("sign-in after a save without the secret ended at %s", end)
	}

	// Who may read and change them.
	ts.agent(t, "bob@example.com", parley.RoleAgent)
	bob := ts.login(t, "bob@example.com", "password-bob@example.com")
	ts.do(t, "GET", "/api/v1/sign-in", bob, nil).want(t, 200)
	ts.do(t, "PUT", "/api/v1/sign-in", bob, body).problem(t, 403, "forbidden")

	bad := []struct {
		name string
		oidc map[string]any
		want string
	}{
		{"NULInClientID", map[string]any{"client_id": "par\x00ley"}, "body.oidc.client_id"},
		{"ControlCharInLabel", map[string]any{"button_label": "Sign in\u0007"}, "body.oidc.button_label"},
		{"BadScope", map[string]any{"scopes": []string{"email", "bad scope"}}, "body.oidc.scopes[1]"},
		{"BadRole", map[string]any{"mappings": []map[string]any{{"value": "x", "role": "owner"}}}, "body.oidc.mappings[0].role"},
		{"FileIssuer", map[string]any{"issuer": "file:///etc/passwd"}, "body.oidc.issuer"},
		{"NoClientID", map[string]any{"client_id": ""}, "body.oidc.client_id"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			p := f.put(t, tt.oidc).problem(t, 422, "invalid")
			if !strings.Contains(strings.Join(p.locations(), ","), tt.want) {
				t.Errorf("locations = %v, want %s", p.locations(), tt.want)
			}
		})
	}
}

// TestSignInURLsArePrivate: without an allow-list, an issuer or endpoint
// on a private address is refused when saved.
func TestSignInURLsArePrivate(t *testing.T) {
	ts := newServer(t)
	admin := ts.token(t, ts.ws.ID, parley.ScopeAll)
	for _, tt := range []struct {
		name string
		body map[string]any
		want string
	}{
		{"Issuer", map[string]any{"password": "local", "oidc": map[string]any{"enabled": true, "issuer": "http://127.0.0.1:9/", "client_id": "p"}}, "body.oidc.issuer"},
		{"External", map[string]any{"password": "external", "external": map[string]any{"url": "https://10.0.0.7/auth"}}, "body.external.url"},
		{"ExternalLoopbackName", map[string]any{"password": "external", "external": map[string]any{"url": "http://localhost:3333/chimpassist/auth"}}, "body.external.url"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := ts.do(t, "PUT", "/api/v1/sign-in", admin, tt.body).problem(t, 422, "invalid")
			if !strings.Contains(strings.Join(p.locations(), ","), tt.want) {
				t.Errorf("locations = %v, want %s", p.locations(), tt.want)
			}
		})
	}
	if strings.Contains(ts.logs.String(), "level=ERROR") {
		t.Errorf("refusals logged errors:\n%s", ts.logs)
	}
}
