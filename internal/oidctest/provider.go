// Package oidctest runs a real OpenID provider for tests: zitadel's
// OpenID Connect provider library (pkg/op) over an in-memory storage
// written here, on 127.0.0.1, with a login page of its own. Parley signs
// agents in against it exactly as against a company's provider:
// discovery, the authorization code flow with PKCE, signed ID tokens,
// the JWKS endpoint and RP-initiated logout are the library's, not
// imitations.
//
//	idp := oidctest.Start(t, oidctest.Config{ClientID: "parley", ClientSecret: "s3cret",
//		RedirectURIs: []string{base + "/api/v1/auth/oidc/callback"},
//		Users: []oidctest.User{{Username: "ada", Password: "pw", Email: "ada@example.com", Groups: []string{"support"}}}})
//	idp.Issuer // http://127.0.0.1:PORT
package oidctest

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"html/template"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/zitadel/oidc/v3/pkg/op"
)

// User is an account at the provider.
type User struct {
	Subject  string // the ID token's sub; default "sub-" + Username
	Username string
	Password string
	Email    string
	// EmailUnverified makes the ID token say email_verified: false.
	EmailUnverified bool
	Name            string
	Groups          []string // the "groups" claim, sent with the groups scope
}

// Config configures a provider. ClientID, ClientSecret and RedirectURIs
// describe the one registered client (Parley).
type Config struct {
	ClientID               string
	ClientSecret           string
	RedirectURIs           []string
	PostLogoutRedirectURIs []string
	Users                  []User
}

// Provider is a running OpenID provider.
type Provider struct {
	Issuer string
	store  *storage
	server *httptest.Server
}

// Start starts a provider on 127.0.0.1 until the test ends. RedirectURIs
// may be set later with SetRedirectURIs (a server's URL is often known
// only after the provider started).
func Start(t testing.TB, cfg Config) *Provider {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	st := newStorage(cfg, key)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	issuer := "http://" + ln.Addr().String()
	opConfig := &op.Config{
		CryptoKey:                sha256.Sum256([]byte(rand.Text())),
		DefaultLogoutRedirectURI: "/logged-out",
		CodeMethodS256:           true,
		AuthMethodPost:           true,
	}
	provider, err := op.NewProvider(opConfig, st, op.StaticIssuer(issuer), op.WithAllowInsecure())
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	login := &loginPage{store: st, callback: op.AuthCallbackURL(provider)}
	intercept := op.NewIssuerInterceptor(provider.IssuerFromRequest)
	mux.HandleFunc("GET /login", login.show)
	mux.Handle("POST /login", intercept.HandlerFunc(login.check))
	mux.HandleFunc("GET /logged-out", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><title>Signed out</title><h1 id="signed-out">You are signed out of the test provider.</h1>`))
	})
	mux.Handle("/", provider)
	srv := &httptest.Server{Listener: ln, Config: &http.Server{Handler: mux}}
	srv.Start()
	t.Cleanup(srv.Close)
	return &Provider{Issuer: issuer, store: st, server: srv}
}

// SetRedirectURIs replaces the client's registered redirect and
// post-logout redirect URIs.
func (p *Provider) SetRedirectURIs(redirect, postLogout []string) {
	p.store.mu.Lock()
	defer p.store.mu.Unlock()
	p.store.client.redirectURIs = redirect
	p.store.client.postLogoutURIs = postLogout
}

// AddUser adds or replaces (by Username) an account.
func (p *Provider) AddUser(u User) {
	p.store.mu.Lock()
	defer p.store.mu.Unlock()
	p.store.addUser(u)
}

// TamperNonce makes the provider put nonce in ID tokens instead of the
// relying party's ("" for the right one), to test that it is refused.
func (p *Provider) TamperNonce(nonce string) {
	p.store.mu.Lock()
	defer p.store.mu.Unlock()
	p.store.nonce = nonce
}

// SignedOut reports how many times a user signed out at the provider
// (its end_session endpoint).
func (p *Provider) SignedOut() int {
	p.store.mu.Lock()
	defer p.store.mu.Unlock()
	return p.store.signedOut
}

// loginPage is the provider's own sign-in form.
type loginPage struct {
	store    *storage
	callback func(ctx context.Context, id string) string
}

var loginTemplate = template.Must(template.New("login").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1>
{{if .Error}}<p id="idp-error" role="alert">{{.Error}}</p>{{end}}
<form method="post" action="/login">
<input type="hidden" name="id" value="{{.ID}}">
<label>Username <input id="idp-username" name="username" autocomplete="username"></label>
<label>Password <input id="idp-password" name="password" type="password"></label>
<button id="idp-submit" type="submit">Sign in</button>
</form></main></body></html>`))

func (l *loginPage) render(w http.ResponseWriter, id, msg string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	loginTemplate.Execute(w, struct{ ID, Error string }{id, msg})
}

func (l *loginPage) show(w http.ResponseWriter, r *http.Request) {
	l.render(w, r.URL.Query().Get("authRequestID"), "")
}

func (l *loginPage) check(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	if !l.store.checkLogin(id, r.FormValue("username"), r.FormValue("password")) {
		l.render(w, id, "Wrong username or password.")
		return
	}
	http.Redirect(w, r, l.callback(r.Context(), id), http.StatusFound)
}
