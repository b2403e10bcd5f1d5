package identity_test

import (
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/identity"
	"github.com/parleychat/parley/internal/outbound"
	"github.com/parleychat/parley/internal/testenv"
)

// jwksServer serves a JWK set that a test can replace, and counts fetches.
type jwksServer struct {
	*httptest.Server
	mu      sync.Mutex
	keys    []map[string]any
	status  int
	fetches atomic.Int32
}

func newJWKSServer(t *testing.T, keys ...map[string]any) *jwksServer {
	t.Helper()
	s := &jwksServer{keys: keys, status: http.StatusOK}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fetches.Add(1)
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.status != http.StatusOK {
			w.WriteHeader(s.status)
			return
		}
		w.Header().Set("Content-Type", "application/jwk-set+json")
		json.NewEncoder(w).Encode(map[string]any{"keys": s.keys})
	}))
	t.Cleanup(s.Close)
	return s
}

// rotate replaces the served keys.
func (s *jwksServer) rotate(keys ...map[string]any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.keys = keys
}

// fail makes the server answer with status (http.StatusOK to recover).
func (s *jwksServer) fail(status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.status = status
}

// jwksClock is a settable time source.
type jwksClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *jwksClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *jwksClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// jwksService returns a service on clock c whose outbound client may
// reach the test JWKS servers on 127.0.0.1 (allow-listed, as an operator
// would allow an on-premises identity provider).
func jwksService(t *testing.T, c *jwksClock) *identity.Service {
	t.Helper()
	return jwksServiceWith(t, c, outbound.Config{Allow: []string{"127.0.0.1/32"}})
}

// jwksServiceWith returns a service on clock c whose outbound client is
// configured by cfg.
func jwksServiceWith(t *testing.T, c *jwksClock, cfg outbound.Config) *identity.Service {
	t.Helper()
	logger := slog.New(slog.DiscardHandler)
	cfg.Logger = logger
	out, err := outbound.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	svc := identity.New(nil, identity.Options{Now: c.Now, Logger: logger, Outbound: out})
	// Unknown kids refresh the set at most once an hour: in these tests,
	// exactly once.
	svc.SetVerifierOptions(identity.VerifierOptions{JWKSRefresh: time.Hour, JWKSUnknownKIDInterval: time.Hour})
	return svc
}

// claimsAt returns valid claims issued at now.
func claimsAt(now time.Time) map[string]any {
	return map[string]any{"sub": "user-42", "aud": "inbox-1", "iat": now.Unix(), "exp": now.Add(time.Hour).Unix()}
}

func TestVerifyTokenJWKSRotation(t *testing.T) {
	k := jwtTestKeys(t)
	srv := newJWKSServer(t, jwkOf(t, "k1", &k.rsa.PublicKey))
	c := &jwksClock{now: jwtNow}
	svc := jwksService(t, c)
	inbox := testInbox(parley.IdentitySettings{JWKSURL: srv.URL + "/.well-known/jwks.json"})
	verify := func(hdr map[string]any, key any) error {
		t.Helper()
		_, err := svc.VerifyToken(t.Context(), inbox, mintJWT(t, hdr, claimsAt(c.Now()), key))
		return err
	}

	if err := verify(map[string]any{"alg": "RS256", "kid": "k1"}, k.rsa); err != nil {
		t.Fatalf("k1: %v", err)
	}
	if err := verify(map[string]any{"alg": "RS256"}, k.rsa); err != nil {
		t.Fatalf("no kid: %v", err)
	}
	if n := srv.fetches.Load(); n != 1 {
		t.Fatalf("fetches = %d, want 1 (the set is cached)", n)
	}

	// Rotation: k1 retired, k2 (ECDSA) added. A token with the new kid
	// refreshes the cached set.
	srv.rotate(jwkOf(t, "k2", &k.ec.PublicKey))
	if err := verify(map[string]any{"alg": "ES256", "kid": "k2"}, k.ec); err != nil {
		t.Fatalf("k2 after rotation: %v", err)
	}
	if n := srv.fetches.Load(); n != 2 {
		t.Fatalf("fetches = %d, want 2", n)
	}
	wantReason(t, verify(map[string]any{"alg": "RS256", "kid": "k1"}, k.rsa), parley.EUNAUTHORIZED, identity.ReasonUnknownKID)
	// A made-up kid does not fetch again within the interval.
	wantReason(t, verify(map[string]any{"alg": "ES256", "kid": "k9"}, k.ec), parley.EUNAUTHORIZED, identity.ReasonUnknownKID)
	if n := srv.fetches.Load(); n != 2 {
		t.Fatalf("fetches = %d, want 2 (unknown kids are rate limited)", n)
	}
	// Algorithm confusion through the JWKS: an HS256 token keyed with
	// the text of k2's public key, naming k2.
	wantReason(t, verify(map[string]any{"alg": "HS256", "kid": "k2"}, []byte(publicPEM(t, &k.ec.PublicKey))),
		parley.EUNAUTHORIZED, identity.ReasonAlgorithm)
	wantReason(t, verify(map[string]any{"alg": "ES256", "kid": "k2"}, k.ec384), parley.EUNAUTHORIZED, identity.ReasonSignature)

	// After the refresh interval the set is fetched again, without an
	// unknown kid: k3 (Ed25519) replaces k2.
	srv.rotate(jwkOf(t, "k3", k.ed.Public()))
	c.Add(time.Hour + time.Minute)
	if err := verify(map[string]any{"alg": "EdDSA"}, k.ed); err != nil {
		t.Fatalf("k3 after refresh: %v", err)
	}
	if n := srv.fetches.Load(); n != 3 {
		t.Fatalf("fetches = %d, want 3", n)
	}
	wantReason(t, verify(map[string]any{"alg": "ES256"}, k.ec), parley.EUNAUTHORIZED, identity.ReasonAlgorithm)
}

func TestVerifyTokenJWKSUnavailable(t *testing.T) {
	k := jwtTestKeys(t)
	srv := newJWKSServer(t, jwkOf(t, "k1", &k.rsa.PublicKey))
	c := &jwksClock{now: jwtNow}
	hdr := map[string]any{"alg": "RS256", "kid": "k1"}

	t.Run("NeverFetched", func(t *testing.T) {
		srv.fail(http.StatusInternalServerError)
		defer srv.fail(http.StatusOK)
		svc := jwksService(t, c)
		inbox := testInbox(parley.IdentitySettings{JWKSURL: srv.URL})
		_, err := svc.VerifyToken(t.Context(), inbox, mintJWT(t, hdr, claimsAt(c.Now()), k.rsa))
		wantReason(t, err, parley.EUNAVAILABLE, identity.ReasonJWKSUnavailable)
		// Static keys still verify while the JWKS is down.
		inbox.Identity.Secrets = []string{testSecret}
		for _, hdr := range []map[string]any{{"alg": "HS256"}, {"alg": "HS256", "kid": "v2"}} {
			if _, err := svc.VerifyToken(t.Context(), inbox, mintJWT(t, hdr, claimsAt(c.Now()), []byte(testSecret))); err != nil {
				t.Fatalf("%v: %v", hdr, err)
			}
		}
	})
	t.Run("StaleKeysKept", func(t *testing.T) {
		svc := jwksService(t, c)
		inbox := testInbox(parley.IdentitySettings{JWKSURL: srv.URL})
		if _, err := svc.VerifyToken(t.Context(), inbox, mintJWT(t, hdr, claimsAt(c.Now()), k.rsa)); err != nil {
			t.Fatal(err)
		}
		srv.fail(http.StatusBadGateway)
		defer srv.fail(http.StatusOK)
		c.Add(2 * time.Hour)
		if _, err := svc.VerifyToken(t.Context(), inbox, mintJWT(t, hdr, claimsAt(c.Now()), k.rsa)); err != nil {
			t.Fatalf("with the JWKS down, the last fetched keys should still verify: %v", err)
		}
	})
	t.Run("NotJSON", func(t *testing.T) {
		bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(strings.Repeat("{", 100)))
		}))
		defer bad.Close()
		svc := jwksService(t, c)
		_, err := svc.VerifyToken(t.Context(), testInbox(parley.IdentitySettings{JWKSURL: bad.URL}), mintJWT(t, hdr, claimsAt(c.Now()), k.rsa))
		wantReason(t, err, parley.EUNAVAILABLE, identity.ReasonJWKSUnavailable)
	})
}

// TestVerifyTokenJWKSSymmetricKey checks that an "oct" key served by a
// JWKS is never used: a URL must not be able to hand out HMAC secrets.
func TestVerifyTokenJWKSSymmetricKey(t *testing.T) {
	secret := []byte(testSecret)
	srv := newJWKSServer(t, jwkOf(t, "oct-1", secret))
	svc := jwksService(t, &jwksClock{now: jwtNow})
	inbox := testInbox(parley.IdentitySettings{JWKSURL: srv.URL})
	for _, hdr := range []map[string]any{{"alg": "HS256", "kid": "oct-1"}, {"alg": "HS256"}} {
		_, err := svc.VerifyToken(t.Context(), inbox, mintJWT(t, hdr, claimsAt(jwtNow), secret))
		if parley.ErrorCode(err) != parley.EUNAUTHORIZED {
			t.Fatalf("%v: err = %v, want EUNAUTHORIZED", hdr, err)
		}
	}
}

// TestCheckJWKSURL: the URLs an inbox may save, with the default
// outbound client (no allow-list) and with one allowing an on-premises
// network and name.
func TestCheckJWKSURL(t *testing.T) {
	plain := identity.New(nil, identity.Options{Logger: slog.New(slog.DiscardHandler)})
	onPrem := jwksServiceWith(t, &jwksClock{now: jwtNow}, outbound.Config{
		Allow:   []string{"10.20.0.0/16", "idp.corp.example"},
		Resolve: testenv.StaticResolver(map[string]string{"idp.corp.example": "10.99.0.1", "intranet.example": "10.20.0.5"}),
	})
	for _, tc := range []struct {
		name   string
		svc    *identity.Service
		url    string
		reason string // "" when accepted
	}{
		{"Public", plain, "https://login.example.com/.well-known/jwks.json", ""},
		{"PlainHTTP", plain, "http://login.example.com/jwks", outbound.ReasonURLScheme},
		{"FTP", plain, "ftp://example.com/jwks", outbound.ReasonURLScheme},
		{"Credentials", plain, "https://user:pw@example.com/jwks", outbound.ReasonURLMalformed},
		{"Relative", plain, "/jwks", outbound.ReasonURLMalformed},
		{"TooLong", plain, "https://" + strings.Repeat("a", identity.MaxJWKSURLLength), outbound.ReasonURLMalformed},
		{"Loopback", plain, "http://127.0.0.1:8080/jwks", outbound.ReasonURLPrivateAddress},
		{"LoopbackHTTPS", plain, "https://127.0.0.1/jwks", outbound.ReasonURLPrivateAddress},
		{"Localhost", plain, "http://localhost/jwks", outbound.ReasonURLPrivateAddress},
		{"IPv6Loopback", plain, "http://[::1]:9000/jwks", outbound.ReasonURLPrivateAddress},
		{"Metadata", plain, "https://169.254.169.254/latest/meta-data", outbound.ReasonURLPrivateAddress},
		{"RFC1918", plain, "https://10.0.0.1/jwks", outbound.ReasonURLPrivateAddress},
		{"UniqueLocal", plain, "https://[fd00::1]/jwks", outbound.ReasonURLPrivateAddress},
		{"AllowedCIDR", onPrem, "https://10.20.1.2/jwks", ""},
		{"AllowedCIDRPlainHTTP", onPrem, "http://10.20.1.2/jwks", ""},
		{"AllowedCIDRByName", onPrem, "https://intranet.example/jwks", ""},
		{"AllowedCIDRByNamePlainHTTP", onPrem, "http://intranet.example/jwks", outbound.ReasonURLScheme},
		{"AllowedName", onPrem, "http://idp.corp.example/jwks", ""},
		{"OutsideTheAllowedCIDR", onPrem, "https://10.21.0.1/jwks", outbound.ReasonURLPrivateAddress},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.svc.CheckJWKSURL(t.Context(), tc.url)
			if tc.reason == "" {
				if err != nil {
					t.Fatalf("CheckJWKSURL(%q) = %v, want nil", tc.url, err)
				}
				return
			}
			wantReason(t, err, parley.EINVALID, tc.reason)
		})
	}
}

// TestVerifyTokenJWKSPrivateURL: an inbox whose JWKS URL points inside (as
// one saved before URLs were checked could) is never fetched, whatever
// kid a visitor's token names: the verification fails with
// token_jwks_unavailable and nothing connects. A redirect from an allowed
// JWKS host to an internal address is refused the same way.
func TestVerifyTokenJWKSPrivateURL(t *testing.T) {
	k := jwtTestKeys(t)
	rec := testenv.RecordConnections(t)
	c := &jwksClock{now: jwtNow}
	hdr := map[string]any{"alg": "RS256", "kid": "unknown-kid"}
	svc := jwksServiceWith(t, c, outbound.Config{
		Resolve: testenv.StaticResolver(map[string]string{"metadata.google.internal": "127.0.0.1"}),
	})
	for _, u := range []string{
		"http://127.0.0.1:" + rec.Port() + "/jwks",
		"https://127.0.0.1:" + rec.Port() + "/jwks",
		"http://localhost:" + rec.Port() + "/jwks",
		"http://metadata.google.internal:" + rec.Port() + "/jwks",
		"http://[::ffff:127.0.0.1]:" + rec.Port() + "/jwks",
	} {
		t.Run(u, func(t *testing.T) {
			for _, h := range []map[string]any{hdr, {"alg": "RS256"}} {
				_, err := svc.VerifyToken(t.Context(), testInbox(parley.IdentitySettings{JWKSURL: u}), mintJWT(t, h, claimsAt(c.Now()), k.rsa))
				wantReason(t, err, parley.EUNAVAILABLE, identity.ReasonJWKSUnavailable)
			}
		})
	}
	t.Run("Redirect", func(t *testing.T) {
		redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://127.0.0.1:"+rec.Port()+"/jwks", http.StatusFound)
		}))
		t.Cleanup(redirector.Close)
		_, port, _ := net.SplitHostPort(redirector.Listener.Addr().String())
		svc := jwksServiceWith(t, c, outbound.Config{
			Allow:   []string{"jwks.corp.example"},
			Resolve: testenv.StaticResolver(map[string]string{"jwks.corp.example": "127.0.0.1"}),
		})
		inbox := testInbox(parley.IdentitySettings{JWKSURL: "http://jwks.corp.example:" + port + "/jwks"})
		_, err := svc.VerifyToken(t.Context(), inbox, mintJWT(t, hdr, claimsAt(c.Now()), k.rsa))
		wantReason(t, err, parley.EUNAVAILABLE, identity.ReasonJWKSUnavailable)
	})
	rec.AssertNoConnection(t)
}

// TestVerifyTokenJWKSConcurrent verifies tokens from many goroutines at
// once through one cached JWKS (run with -race): one fetch serves them.
func TestVerifyTokenJWKSConcurrent(t *testing.T) {
	k := jwtTestKeys(t)
	srv := newJWKSServer(t, jwkOf(t, "k1", &k.ec.PublicKey))
	svc := jwksService(t, &jwksClock{now: jwtNow})
	inbox := testInbox(parley.IdentitySettings{JWKSURL: srv.URL})
	tok := mintJWT(t, map[string]any{"alg": "ES256", "kid": "k1"}, claimsAt(jwtNow), k.ec)
	var wg sync.WaitGroup
	errs := make(chan error, 32)
	for range 32 {
		wg.Go(func() {
			if _, err := svc.VerifyToken(t.Context(), inbox, tok); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := srv.fetches.Load(); n != 1 {
		t.Errorf("fetches = %d, want 1", n)
	}
}
