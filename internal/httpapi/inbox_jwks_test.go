package httpapi_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/httpapi"
	"github.com/parleychat/parley/internal/identity"
	"github.com/parleychat/parley/internal/outbound"
	"github.com/parleychat/parley/internal/testenv"
)

// withOutboundAllow gives the server's identity service an outbound
// client with the allow-list allow, as PARLEY_OUTBOUND_ALLOW would.
func withOutboundAllow(t *testing.T, allow ...string) serverOption {
	t.Helper()
	return func(c *httpapi.Config) {
		out, err := outbound.New(outbound.Config{Allow: allow, Logger: c.Logger})
		if err != nil {
			t.Fatal(err)
		}
		c.Identity = identity.New(c.Store, identity.Options{Logger: c.Logger, Outbound: out})
	}
}

// TestInboxJWKSURLRefused saves a JWKS URL of every refused kind, on
// create and on PATCH: 422 naming identity.jwks_url with the reason, and
// nothing stored.
func TestInboxJWKSURLRefused(t *testing.T) {
	ts := newServer(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeInboxesRead, parley.ScopeInboxesWrite)
	var in inboxIdentityBody
	ts.do(t, "POST", "/api/v1/inboxes", tok, map[string]any{"name": "Shop"}).want(t, 201).decode(t, &in)
	for _, tc := range []struct{ name, url, reason string }{
		{"Loopback", "https://127.0.0.1/jwks", "url_private_address"},
		{"LoopbackPlainHTTP", "http://127.0.0.1:9999/jwks", "url_private_address"},
		{"Localhost", "http://localhost:8080/jwks", "url_private_address"},
		{"IPv6Loopback", "https://[::1]/jwks", "url_private_address"},
		{"RFC1918", "https://10.0.0.1/jwks", "url_private_address"},
		{"RFC1918_172", "https://172.16.5.4/jwks", "url_private_address"},
		{"RFC1918_192", "https://192.168.0.10/jwks", "url_private_address"},
		{"Metadata", "https://169.254.169.254/latest/meta-data/", "url_private_address"},
		{"CGNAT", "https://100.64.1.1/jwks", "url_private_address"},
		{"UniqueLocal", "https://[fd00::1]/jwks", "url_private_address"},
		{"IPv6LinkLocal", "https://[fe80::1]/jwks", "url_private_address"},
		{"Unspecified", "https://0.0.0.0/jwks", "url_private_address"},
		{"MappedLoopback", "https://[::ffff:127.0.0.1]/jwks", "url_private_address"},
		{"PlainHTTP", "http://login.example.com/jwks", "url_scheme"},
		{"Gopher", "gopher://login.example.com/jwks", "url_scheme"},
		{"Credentials", "https://me:pw@login.example.com/jwks", "url_malformed"},
		{"Relative", "/jwks", "url_malformed"},
		{"DecimalIP", "https://2130706433/jwks", "url_malformed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := map[string]any{"identity": map[string]any{"jwks_url": tc.url}}
			for _, r := range []*result{
				ts.do(t, "POST", "/api/v1/inboxes", tok, map[string]any{"name": "X", "identity": body["identity"]}),
				ts.do(t, "PATCH", "/api/v1/inboxes/"+in.ID, tok, body),
			} {
				p := r.problem(t, 422, parley.EINVALID)
				if locs := p.locations(); len(locs) != 1 || locs[0] != "body.identity.jwks_url" {
					t.Errorf("locations = %v, want [body.identity.jwks_url]", locs)
				}
				if got := reasonOf(t, r); got != tc.reason {
					t.Errorf("reason = %q, want %q", got, tc.reason)
				}
				if p.Errors[0].Message == "" || !strings.Contains(p.Detail, "jwks_url") {
					t.Errorf("problem %+v should explain the refusal and name jwks_url", p)
				}
			}
		})
	}
	var got inboxIdentityBody
	ts.do(t, "GET", "/api/v1/inboxes/"+in.ID, tok, nil).want(t, 200).decode(t, &got)
	if got.Identity.JWKSURL != "" {
		t.Errorf("a refused jwks_url was stored: %q", got.Identity.JWKSURL)
	}
	// A public https URL is saved, and an empty one removes it.
	public := "https://login.example.com/.well-known/jwks.json"
	ts.do(t, "PATCH", "/api/v1/inboxes/"+in.ID, tok, map[string]any{"identity": map[string]any{"jwks_url": public}}).want(t, 200).decode(t, &got)
	if got.Identity.JWKSURL != public {
		t.Errorf("jwks_url = %q, want %q", got.Identity.JWKSURL, public)
	}
	ts.do(t, "PATCH", "/api/v1/inboxes/"+in.ID, tok, map[string]any{"identity": map[string]any{"jwks_url": ""}}).want(t, 200).decode(t, &got)
	if got.Identity.JWKSURL != "" {
		t.Errorf("jwks_url = %q after removing it", got.Identity.JWKSURL)
	}
}

// TestInboxJWKSURLAllowList: an address the server's allow-list names is
// saved, over plain http too; others stay refused.
func TestInboxJWKSURLAllowList(t *testing.T) {
	ts := newServer(t, withOutboundAllow(t, "127.0.0.1/32", "idp.corp.example"))
	tok := ts.token(t, ts.ws.ID, parley.ScopeInboxesRead, parley.ScopeInboxesWrite)
	var in inboxIdentityBody
	ts.do(t, "POST", "/api/v1/inboxes", tok, map[string]any{"name": "Shop"}).want(t, 201).decode(t, &in)
	for _, u := range []string{"http://127.0.0.1:9999/jwks", "https://127.0.0.1/jwks", "http://idp.corp.example/jwks"} {
		ts.do(t, "PATCH", "/api/v1/inboxes/"+in.ID, tok, map[string]any{"identity": map[string]any{"jwks_url": u}}).want(t, 200)
	}
	r := ts.do(t, "PATCH", "/api/v1/inboxes/"+in.ID, tok, map[string]any{"identity": map[string]any{"jwks_url": "https://10.0.0.1/jwks"}})
	r.problem(t, 422, parley.EINVALID)
	if got := reasonOf(t, r); got != "url_private_address" {
		t.Errorf("reason = %q, want url_private_address", got)
	}
}

// TestVisitorJWTPrivateJWKSURLNotFetched: an inbox whose JWKS URL points
// inside (stored directly, as an older version could have saved it) is
// never fetched when a visitor presents a token with an unknown kid: the
// exchange fails with 503 token_jwks_unavailable, and nothing connects to
// the internal listener.
func TestVisitorJWTPrivateJWKSURLNotFetched(t *testing.T) {
	ts := newServer(t)
	rec := testenv.RecordConnections(t)
	for _, u := range []string{
		"http://127.0.0.1:" + rec.Port() + "/jwks",
		"https://127.0.0.1:" + rec.Port() + "/jwks",
		"http://localhost:" + rec.Port() + "/jwks",
	} {
		t.Run(u, func(t *testing.T) {
			in := ts.inbox(t, func(in *parley.Inbox) { in.Identity.JWKSURL = u })
			now := time.Now()
			claims := map[string]any{"sub": "u1", "aud": in.ID, "iat": now.Unix(), "exp": now.Add(time.Minute).Unix()}
			for _, kid := range []string{"made-up-1", "made-up-2"} {
				tok := testenv.SignHS256Header(t, "any-secret-at-all-0123456789abcdef", map[string]any{"alg": "HS256", "kid": kid}, claims)
				r := ts.do(t, "POST", "/api/v1/visitor/sessions", nil, map[string]string{"inbox_id": in.ID, "token": tok})
				r.problem(t, 503, parley.EUNAVAILABLE)
				if got := reasonOf(t, r); got != identity.ReasonJWKSUnavailable {
					t.Errorf("reason = %q, want %s", got, identity.ReasonJWKSUnavailable)
				}
			}
			stored, err := ts.store.FindInboxByID(context.Background(), ts.ws.ID, in.ID)
			if err != nil || stored.Identity.JWKSURL != u {
				t.Fatalf("inbox JWKS URL = %v, %v; want the private one stored", stored, err)
			}
		})
	}
	rec.AssertNoConnection(t)
}
