package identity_test

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/identity"
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

func jwksService(t *testing.T, c *jwksClock) *identity.Service {
	t.Helper()
	svc := identity.New(nil, identity.Options{Now: c.Now, Logger: slog.New(slog.DiscardHandler)})
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

func TestValidJWKSURL(t *testing.T) {
	tests := []struct {
		url string
		ok  bool
	}{
		{"https://example.com/.well-known/jwks.json", true},
		{"http://127.0.0.1:8080/jwks", true},
		{"http://localhost/jwks", true},
		{"http://[::1]:9000/jwks", true},
		{"http://example.com/jwks", false},
		{"ftp://example.com/jwks", false},
		{"https://user:pw@example.com/jwks", false},
		{"/jwks", false},
		{"https://" + strings.Repeat("a", identity.MaxJWKSURLLength), false},
	}
	for _, tt := range tests {
		if err := identity.ValidJWKSURL(tt.url); (err == nil) != tt.ok {
			t.Errorf("ValidJWKSURL(%q) = %v, want ok %v", tt.url, err, tt.ok)
		}
	}
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
