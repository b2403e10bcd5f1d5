package httpapi_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/identity"
	"github.com/parleychat/parley/internal/testenv"
)

// identityBody is the identity part of an inbox as the API shows it.
type identityBody struct {
	RequireVerified bool     `json:"require_verified"`
	SecretCount     int      `json:"secret_count"`
	SecretHints     []string `json:"secret_hints"`
	PublicKeys      []struct {
		KID, PEM, Alg string
	} `json:"public_keys"`
	JWKSURL                 string `json:"jwks_url"`
	Issuer                  string `json:"issuer"`
	MaxTokenLifetimeSeconds int64  `json:"max_token_lifetime_seconds"`
}

type inboxIdentityBody struct {
	ID       string       `json:"id"`
	Identity identityBody `json:"identity"`
}

func pkixPEM(t *testing.T, pub any) string {
	t.Helper()
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))
}

func TestInboxIdentitySettings(t *testing.T) {
	ts := newServer(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeInboxesRead, parley.ScopeInboxesWrite)
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	_, edKey, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s1 := "first-secret-0123456789abcdef-0123456789-A1B2"
	s2 := "second-secret-0123456789abcdef-0123456789-C3D4"

	// A new inbox shows the defaults.
	var plain inboxIdentityBody
	ts.do(t, "POST", "/api/v1/inboxes", tok, map[string]any{"name": "Plain"}).want(t, 201).decode(t, &plain)
	if got := plain.Identity; got.SecretCount != 0 || got.SecretHints == nil || got.PublicKeys == nil ||
		got.MaxTokenLifetimeSeconds != int64(parley.DefaultMaxTokenLifetime/time.Second) {
		t.Errorf("default identity = %+v", got)
	}

	r := ts.do(t, "POST", "/api/v1/inboxes", tok, map[string]any{
		"name": "Shop",
		"identity": map[string]any{
			"require_verified":           true,
			"secrets":                    []string{s1},
			"public_keys":                []map[string]string{{"kid": "rsa-1", "pem": pkixPEM(t, &rsaKey.PublicKey)}, {"kid": "ed-1", "pem": pkixPEM(t, edKey.Public())}},
			"jwks_url":                   "https://login.example.com/.well-known/jwks.json",
			"issuer":                     "https://shop.example",
			"max_token_lifetime_seconds": 3600,
		},
	}).want(t, 201)
	if strings.Contains(string(r.body), s1) || strings.Contains(string(r.body), "0123456789abcdef") {
		t.Fatalf("a secret is in the response: %s", r.body)
	}
	var in inboxIdentityBody
	r.decode(t, &in)
	want := identityBody{
		RequireVerified: true, SecretCount: 1, SecretHints: []string{"…A1B2"},
		JWKSURL: "https://login.example.com/.well-known/jwks.json", Issuer: "https://shop.example", MaxTokenLifetimeSeconds: 3600,
	}
	got := in.Identity
	if len(got.PublicKeys) != 2 || got.PublicKeys[0].KID != "rsa-1" || got.PublicKeys[0].Alg != "RS256" ||
		got.PublicKeys[1].Alg != "EdDSA" || got.PublicKeys[0].PEM != pkixPEM(t, &rsaKey.PublicKey) {
		t.Errorf("public_keys = %+v", got.PublicKeys)
	}
	got.PublicKeys = nil
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("identity = %+v, want %+v", got, want)
	}
	if r := ts.do(t, "GET", "/api/v1/inboxes/"+in.ID, tok, nil).want(t, 200); strings.Contains(string(r.body), s1) {
		t.Fatalf("GET shows the secret: %s", r.body)
	}

	// Rotation: the new secret first, the old one kept; other fields stay.
	ts.do(t, "PATCH", "/api/v1/inboxes/"+in.ID, tok, map[string]any{"identity": map[string]any{"secrets": []string{s2, s1}}}).
		want(t, 200).decode(t, &in)
	if got := in.Identity; got.SecretCount != 2 || !slices.Equal(got.SecretHints, []string{"…C3D4", "…A1B2"}) ||
		len(got.PublicKeys) != 2 || got.Issuer != "https://shop.example" || !got.RequireVerified {
		t.Errorf("after rotation = %+v", got)
	}
	ts.do(t, "PATCH", "/api/v1/inboxes/"+in.ID, tok, map[string]any{"identity": map[string]any{
		"issuer": "", "jwks_url": "", "public_keys": []any{}, "max_token_lifetime_seconds": 0,
	}}).want(t, 200).decode(t, &in)
	if got := in.Identity; got.SecretCount != 2 || len(got.PublicKeys) != 0 || got.Issuer != "" || got.JWKSURL != "" ||
		got.MaxTokenLifetimeSeconds != 86400 {
		t.Errorf("after clearing = %+v", got)
	}

	// Both secrets verify tokens of the stored inbox.
	inbox, err := ts.store.FindInboxByID(context.Background(), ts.ws.ID, in.ID)
	if err != nil {
		t.Fatal(err)
	}
	svc := identity.New(ts.store, identity.Options{Logger: slog.New(slog.DiscardHandler)})
	for _, sec := range []string{s1, s2} {
		now := time.Now()
		jwt := testenv.SignHS256(t, sec, map[string]any{"sub": "u1", "aud": in.ID, "iat": now.Unix(), "exp": now.Add(time.Hour).Unix()})
		if _, err := svc.VerifyToken(context.Background(), inbox, jwt); err != nil {
			t.Errorf("token signed with a stored secret: %v", err)
		}
	}
}

func TestInboxIdentityValidation(t *testing.T) {
	ts := newServer(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeInboxesRead, parley.ScopeInboxesWrite)
	smallRSA, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	p384, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	p256, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	goodPEM := pkixPEM(t, &p256.PublicKey)
	short := "too-short-secret"
	long := strings.Repeat("s", 40)
	many := make([]string, 11)
	for i := range many {
		many[i] = fmt.Sprintf("%s-%02d", long, i)
	}
	tests := []struct {
		name     string
		identity map[string]any
		location string
	}{
		{"SecretShort", map[string]any{"secrets": []string{long, short}}, "body.identity.secrets[1]"},
		{"SecretTooLong", map[string]any{"secrets": []string{strings.Repeat("x", 513)}}, "body.identity.secrets[0]"},
		{"SecretSpaces", map[string]any{"secrets": []string{" " + long}}, "body.identity.secrets[0]"},
		{"SecretRepeated", map[string]any{"secrets": []string{long, long}}, "body.identity.secrets[1]"},
		{"TooManySecrets", map[string]any{"secrets": many}, "body.identity.secrets"},
		{"PEMGarbage", map[string]any{"public_keys": []map[string]string{{"pem": "hello"}}}, "body.identity.public_keys[0].pem"},
		{"PEMMissing", map[string]any{"public_keys": []map[string]string{{"kid": "a"}}}, "body.identity.public_keys[0]"},
		{"PEMEmpty", map[string]any{"public_keys": []map[string]string{{"kid": "a", "pem": ""}}}, "body.identity.public_keys[0].pem"},
		{"PEMPrivate", map[string]any{"public_keys": []map[string]string{{"pem": "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"}}}, "body.identity.public_keys[0].pem"},
		{"PEMSmallRSA", map[string]any{"public_keys": []map[string]string{{"pem": pkixPEM(t, &smallRSA.PublicKey)}}}, "body.identity.public_keys[0].pem"},
		{"PEMP384", map[string]any{"public_keys": []map[string]string{{"kid": "a", "pem": goodPEM}, {"kid": "b", "pem": pkixPEM(t, &p384.PublicKey)}}}, "body.identity.public_keys[1].pem"},
		{"KIDRepeated", map[string]any{"public_keys": []map[string]string{{"kid": "a", "pem": goodPEM}, {"kid": "a", "pem": goodPEM}}}, "body.identity.public_keys[1].kid"},
		{"KIDControl", map[string]any{"public_keys": []map[string]string{{"kid": "a\nb", "pem": goodPEM}}}, "body.identity.public_keys[0].kid"},
		{"JWKSPlainHTTP", map[string]any{"jwks_url": "http://login.example.com/jwks"}, "body.identity.jwks_url"},
		{"JWKSRelative", map[string]any{"jwks_url": "/jwks"}, "body.identity.jwks_url"},
		{"IssuerTooLong", map[string]any{"issuer": strings.Repeat("i", 513)}, "body.identity.issuer"},
		{"LifetimeShort", map[string]any{"max_token_lifetime_seconds": 10}, "body.identity.max_token_lifetime_seconds"},
		{"LifetimeLong", map[string]any{"max_token_lifetime_seconds": 31 * 24 * 3600}, "body.identity.max_token_lifetime_seconds"},
		{"LifetimeNegative", map[string]any{"max_token_lifetime_seconds": -60}, "body.identity.max_token_lifetime_seconds"},
		{"LifetimeHuge", map[string]any{"max_token_lifetime_seconds": int64(1) << 62}, "body.identity.max_token_lifetime_seconds"},
	}
	var in inboxIdentityBody
	ts.do(t, "POST", "/api/v1/inboxes", tok, map[string]any{"name": "Shop"}).want(t, 201).decode(t, &in)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, r := range []*result{
				ts.do(t, "POST", "/api/v1/inboxes", tok, map[string]any{"name": "X", "identity": tt.identity}),
				ts.do(t, "PATCH", "/api/v1/inboxes/"+in.ID, tok, map[string]any{"identity": tt.identity}),
			} {
				p := r.problem(t, 422, "invalid")
				if !slices.Contains(p.locations(), tt.location) {
					t.Errorf("locations = %v, want %s", p.locations(), tt.location)
				}
				if strings.Contains(string(r.body), long) || strings.Contains(string(r.body), short) {
					t.Errorf("the error quotes a secret: %s", r.body)
				}
			}
		})
	}
	// Nothing was stored.
	var got inboxIdentityBody
	ts.do(t, "GET", "/api/v1/inboxes/"+in.ID, tok, nil).want(t, 200).decode(t, &got)
	if got.Identity.SecretCount != 0 || len(got.Identity.PublicKeys) != 0 {
		t.Errorf("identity after refused changes = %+v", got.Identity)
	}
}

func TestInboxIdentitySecret(t *testing.T) {
	ts := newServer(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeInboxesRead, parley.ScopeInboxesWrite)
	var in inboxIdentityBody
	old := strings.Repeat("o", 40) + "WXYZ"
	ts.do(t, "POST", "/api/v1/inboxes", tok, map[string]any{"name": "Shop", "identity": map[string]any{"secrets": []string{old}}}).
		want(t, 201).decode(t, &in)

	var out struct {
		Secret   string       `json:"secret"`
		Identity identityBody `json:"identity"`
	}
	path := "/api/v1/inboxes/" + in.ID + "/identity-secret"
	ts.do(t, "POST", path, tok, nil).want(t, 201).decode(t, &out)
	if !strings.HasPrefix(out.Secret, identity.SecretPrefix) || len(out.Secret) < identity.MinSecretLength {
		t.Fatalf("secret = %q", out.Secret)
	}
	if out.Identity.SecretCount != 2 || out.Identity.SecretHints[0] != "…"+out.Secret[len(out.Secret)-4:] || out.Identity.SecretHints[1] != "…WXYZ" {
		t.Errorf("identity = %+v", out.Identity)
	}
	if r := ts.do(t, "GET", "/api/v1/inboxes/"+in.ID, tok, nil).want(t, 200); strings.Contains(string(r.body), out.Secret) {
		t.Fatalf("GET shows the generated secret: %s", r.body)
	}
	var again struct{ Secret string }
	ts.do(t, "POST", path, tok, nil).want(t, 201).decode(t, &again)
	if again.Secret == out.Secret {
		t.Fatal("the same secret twice")
	}

	// The generated secret verifies tokens.
	inbox, err := ts.store.FindInboxByID(context.Background(), ts.ws.ID, in.ID)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	jwt := testenv.SignHS256(t, out.Secret, map[string]any{"sub": "u1", "aud": ts.ws.ID, "iat": now.Unix(), "exp": now.Add(time.Minute).Unix()})
	if _, err := identity.New(ts.store, identity.Options{}).VerifyToken(context.Background(), inbox, jwt); err != nil {
		t.Fatal(err)
	}

	// At most 10 secrets.
	for range 7 {
		ts.do(t, "POST", path, tok, nil).want(t, 201)
	}
	ts.do(t, "POST", path, tok, nil).problem(t, 422, "invalid")

	// Who may call it.
	ts.do(t, "POST", path, nil, nil).problem(t, 401, "unauthorized")
	ts.do(t, "POST", path, ts.token(t, ts.ws.ID, parley.ScopeInboxesRead), nil).problem(t, 403, "forbidden")
	ts.do(t, "POST", "/api/v1/inboxes/nope/identity-secret", tok, nil).problem(t, 404, "not_found")
	wsB, err := ts.accts.CreateWorkspace(context.Background(), parley.SystemActor, "bee", "B")
	if err != nil {
		t.Fatal(err)
	}
	ts.do(t, "POST", path, ts.token(t, wsB.ID, parley.ScopeInboxesWrite), nil).problem(t, 404, "not_found")
}

// TestInboxIdentitySecretRace generates secrets concurrently with one
// another and with PATCHes of the inbox's other identity fields and of its
// name: every change is kept, none overwrites another.
func TestInboxIdentitySecretRace(t *testing.T) {
	ts := newServer(t)
	tok := ts.token(t, ts.ws.ID, parley.ScopeInboxesRead, parley.ScopeInboxesWrite)
	var in inboxIdentityBody
	ts.do(t, "POST", "/api/v1/inboxes", tok, map[string]any{"name": "Shop"}).want(t, 201).decode(t, &in)

	const n = 8 // new secrets; at most 10 fit
	path := "/api/v1/inboxes/" + in.ID
	var calls []*call
	for range n {
		calls = append(calls, &call{method: "POST", path: path + "/identity-secret", creds: tok})
	}
	patches := []*call{
		{method: "PATCH", path: path, creds: tok, body: map[string]any{"identity": map[string]any{"require_verified": true}}},
		{method: "PATCH", path: path, creds: tok, body: map[string]any{"identity": map[string]any{"issuer": "https://shop.example"}}},
		{method: "PATCH", path: path, creds: tok, body: map[string]any{"name": "Shop 2"}},
	}
	ts.raceCalls(append(calls, patches...))

	var secrets []string
	for _, c := range calls {
		c.want(t, 201)
		var out struct{ Secret string }
		if err := json.Unmarshal(c.resp, &out); err != nil {
			t.Fatal(err)
		}
		secrets = append(secrets, out.Secret)
	}
	for _, c := range patches {
		c.want(t, 200)
	}
	inbox, err := ts.store.FindInboxByID(context.Background(), ts.ws.ID, in.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := inbox.Identity.Secrets; len(got) != n || !sameElements(got, secrets) {
		t.Errorf("stored %d secrets, want the %d generated ones:\n got %q\nwant %q", len(got), n, got, secrets)
	}
	if !inbox.Identity.RequireVerified || inbox.Identity.Issuer != "https://shop.example" || inbox.Name != "Shop 2" {
		t.Errorf("a concurrent PATCH was lost: require_verified=%v issuer=%q name=%q",
			inbox.Identity.RequireVerified, inbox.Identity.Issuer, inbox.Name)
	}
}

// sameElements reports whether a and b hold the same strings, in any order.
func sameElements(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
