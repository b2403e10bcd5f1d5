package identity_test

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/identity"
)

// jwtNow is the fixed time of the JWT tests.
var jwtNow = time.Date(2030, 5, 1, 12, 0, 0, 0, time.UTC)

const (
	testSecret  = "0123456789abcdef0123456789abcdef-first"
	testSecret2 = "0123456789abcdef0123456789abcdef-second"
)

// jwtService returns an identity service whose clock is jwtNow; its store
// is unused by VerifyToken.
func jwtService(t *testing.T) *identity.Service {
	t.Helper()
	return identity.New(nil, identity.Options{
		Now:    func() time.Time { return jwtNow },
		Logger: slog.New(slog.DiscardHandler),
	})
}

// testInbox returns an inbox with the identity settings id.
func testInbox(id parley.IdentitySettings) *parley.Inbox {
	return &parley.Inbox{ID: "inbox-1", WorkspaceID: "ws-1", Name: "Shop", Identity: id}
}

// validClaims returns claims that pass every check; mod changes them.
func validClaims(mod func(map[string]any)) map[string]any {
	c := map[string]any{
		"sub": "user-42",
		"aud": "inbox-1",
		"iat": jwtNow.Unix(),
		"exp": jwtNow.Add(time.Hour).Unix(),
	}
	if mod != nil {
		mod(c)
	}
	return c
}

func wantReason(t *testing.T, err error, code, reason string) {
	t.Helper()
	if parley.ErrorCode(err) != code || parley.ErrorReason(err) != reason {
		t.Fatalf("error = %v (code %q, reason %q), want code %q reason %q",
			err, parley.ErrorCode(err), parley.ErrorReason(err), code, reason)
	}
}

func TestVerifyTokenAccepts(t *testing.T) {
	k := jwtTestKeys(t)
	all := parley.IdentitySettings{
		Secrets: []string{testSecret, testSecret2},
		PublicKeys: []parley.IdentityKey{
			{KID: "rsa-1", PEM: publicPEM(t, &k.rsa.PublicKey)},
			{KID: "ec-1", PEM: publicPEM(t, &k.ec.PublicKey)},
			{KID: "ed-1", PEM: publicPEM(t, k.ed.Public())},
		},
	}
	tests := []struct {
		name   string
		id     parley.IdentitySettings
		hdr    map[string]any
		claims map[string]any
		key    any
	}{
		{"HS256", all, map[string]any{"alg": "HS256", "typ": "JWT"}, validClaims(nil), []byte(testSecret)},
		{"HS256SecondSecret", all, map[string]any{"alg": "HS256"}, validClaims(nil), []byte(testSecret2)},
		{"HS256WithKID", all, map[string]any{"alg": "HS256", "kid": "v2"}, validClaims(nil), []byte(testSecret)},
		{"RS256", all, map[string]any{"alg": "RS256", "kid": "rsa-1"}, validClaims(nil), k.rsa},
		{"RS256NoKID", all, map[string]any{"alg": "RS256"}, validClaims(nil), k.rsa},
		{"ES256", all, map[string]any{"alg": "ES256", "kid": "ec-1"}, validClaims(nil), k.ec},
		{"ES256NoKID", all, map[string]any{"alg": "ES256"}, validClaims(nil), k.ec},
		{"EdDSA", all, map[string]any{"alg": "EdDSA", "kid": "ed-1"}, validClaims(nil), k.ed},
		{"AudienceWorkspace", all, map[string]any{"alg": "HS256"},
			validClaims(func(c map[string]any) { c["aud"] = "ws-1" }), []byte(testSecret)},
		{"AudienceList", all, map[string]any{"alg": "HS256"},
			validClaims(func(c map[string]any) { c["aud"] = []string{"other", "inbox-1"} }), []byte(testSecret)},
		{"Issuer", parley.IdentitySettings{Secrets: []string{testSecret}, Issuer: "https://shop.example"},
			map[string]any{"alg": "HS256"},
			validClaims(func(c map[string]any) { c["iss"] = "https://shop.example" }), []byte(testSecret)},
		{"NotBeforeWithinLeeway", all, map[string]any{"alg": "HS256"},
			validClaims(func(c map[string]any) { c["nbf"] = jwtNow.Add(10 * time.Second).Unix() }), []byte(testSecret)},
		{"IssuedAtWithinLeeway", all, map[string]any{"alg": "HS256"},
			validClaims(func(c map[string]any) { c["iat"] = jwtNow.Add(10 * time.Second).Unix() }), []byte(testSecret)},
		{"ExpiresInOneSecond", all, map[string]any{"alg": "HS256"},
			validClaims(func(c map[string]any) { c["exp"] = jwtNow.Add(time.Second).Unix() }), []byte(testSecret)},
		{"FractionalDates", all, map[string]any{"alg": "HS256"},
			validClaims(func(c map[string]any) {
				c["iat"] = json.RawMessage(fmt.Sprintf("%d.25", jwtNow.Unix()))
				c["exp"] = json.RawMessage(fmt.Sprintf("%d.5", jwtNow.Add(time.Hour).Unix()))
			}), []byte(testSecret)},
		{"UnknownHeaderFieldsIgnored", all, map[string]any{"alg": "HS256", "typ": "JWT", "x5u": "https://example.com/ignored"},
			validClaims(nil), []byte(testSecret)},
		{"NoIssuedAt", all, map[string]any{"alg": "HS256"},
			validClaims(func(c map[string]any) { delete(c, "iat") }), []byte(testSecret)},
		{"LongerLifetimeAllowed", parley.IdentitySettings{Secrets: []string{testSecret}, MaxTokenLifetime: 72 * time.Hour},
			map[string]any{"alg": "HS256"},
			validClaims(func(c map[string]any) { c["exp"] = jwtNow.Add(48 * time.Hour).Unix() }), []byte(testSecret)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok := mintJWT(t, tt.hdr, tt.claims, tt.key)
			if !identity.IsJWT(tok) {
				t.Fatalf("IsJWT(%q) = false", tok)
			}
			got, err := jwtService(t).VerifyToken(t.Context(), testInbox(tt.id), tok)
			if err != nil {
				t.Fatal(err)
			}
			if got.Subject != "user-42" {
				t.Errorf("Subject = %q", got.Subject)
			}
		})
	}
}

func TestVerifyTokenClaims(t *testing.T) {
	tok := mintJWT(t, map[string]any{"alg": "HS256"}, validClaims(func(c map[string]any) {
		c["email"] = " Ada@Example.COM "
		c["phone"] = "+44 20 7946 0000"
		c["name"] = "Ada Lovelace"
		c["attributes"] = map[string]any{"plan": "pro", "seats": 3}
		c["jti"] = "ignored"
		c["role"] = "ignored too"
	}), []byte(testSecret))
	got, err := jwtService(t).VerifyToken(t.Context(), testInbox(parley.IdentitySettings{Secrets: []string{testSecret}}), tok)
	if err != nil {
		t.Fatal(err)
	}
	want := &identity.Claims{
		Subject: "user-42", Email: "ada@example.com", Phone: "+44 20 7946 0000", Name: "Ada Lovelace",
		Attributes: map[string]any{"plan": "pro", "seats": float64(3)},
		IssuedAt:   jwtNow, ExpiresAt: jwtNow.Add(time.Hour),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("claims (-want +got):\n%s", diff)
	}
}

func TestVerifyTokenRejects(t *testing.T) {
	k := jwtTestKeys(t)
	rsaPEM := publicPEM(t, &k.rsa.PublicKey)
	secrets := parley.IdentitySettings{Secrets: []string{testSecret}}
	rsaOnly := parley.IdentitySettings{PublicKeys: []parley.IdentityKey{{KID: "rsa-1", PEM: rsaPEM}}}
	mixed := parley.IdentitySettings{
		Secrets:    []string{testSecret},
		PublicKeys: []parley.IdentityKey{{KID: "rsa-1", PEM: rsaPEM}, {KID: "ed-1", PEM: publicPEM(t, k.ed.Public())}},
	}
	hs := map[string]any{"alg": "HS256", "typ": "JWT"}
	good := mintJWT(t, hs, validClaims(nil), []byte(testSecret))
	claims := func(mod func(map[string]any)) string { return mintJWT(t, hs, validClaims(mod), []byte(testSecret)) }
	tests := []struct {
		name   string
		id     parley.IdentitySettings
		token  string
		reason string
	}{
		// Not a JWT at all.
		{"Empty", secrets, "", identity.ReasonMalformed},
		{"VisitorToken", secrets, "prlyv_abcdef", identity.ReasonMalformed},
		{"TwoParts", secrets, "eyJhbGciOiJIUzI1NiJ9.e30", identity.ReasonMalformed},
		{"HeaderNotJSON", secrets, "bm90IGpzb24.e30.c2ln", identity.ReasonMalformed},
		{"HeaderNotBase64", secrets, "e30.e30.c2ln", identity.ReasonMalformed}, // {} has no alg
		{"PayloadNotJSON", secrets, strings.Split(good, ".")[0] + ".bm90IGpzb24." + strings.Split(good, ".")[2], identity.ReasonMalformed},
		{"Oversized", secrets, good + strings.Repeat("A", identity.MaxTokenLength), identity.ReasonMalformed},
		{"ExpNotNumber", secrets, claims(func(c map[string]any) { c["exp"] = "tomorrow" }), identity.ReasonMalformed},
		// Registered claims of the wrong type or out of range.
		{"ExpQuotedDigits", secrets, claims(func(c map[string]any) { c["exp"] = fmt.Sprint(jwtNow.Add(time.Hour).Unix()) }), identity.ReasonMalformed},
		{"IatQuotedDigits", secrets, claims(func(c map[string]any) { c["iat"] = fmt.Sprint(jwtNow.Unix()) }), identity.ReasonMalformed},
		{"NbfQuotedDigits", secrets, claims(func(c map[string]any) { c["nbf"] = fmt.Sprint(jwtNow.Unix()) }), identity.ReasonMalformed},
		{"ExpOverflow", secrets, claims(func(c map[string]any) { c["exp"] = json.RawMessage("1e20") }), identity.ReasonMalformed},
		{"ExpBeyondFloat", secrets, claims(func(c map[string]any) { c["exp"] = json.RawMessage("1e400") }), identity.ReasonMalformed},
		{"ExpAfterYear9999", secrets, claims(func(c map[string]any) { c["exp"] = identity.MaxNumericDate + 1 }), identity.ReasonMalformed},
		{"ExpNegative", secrets, claims(func(c map[string]any) { c["exp"] = -1 }), identity.ReasonMalformed},
		{"ExpNull", secrets, claims(func(c map[string]any) { c["exp"] = nil }), identity.ReasonMalformed},
		{"ExpBoolean", secrets, claims(func(c map[string]any) { c["exp"] = true }), identity.ReasonMalformed},
		{"ExpObject", secrets, claims(func(c map[string]any) { c["exp"] = map[string]any{"$date": 1} }), identity.ReasonMalformed},
		{"IatOverflowNegative", secrets, claims(func(c map[string]any) { c["iat"] = json.RawMessage("-1e20") }), identity.ReasonMalformed},
		{"SubNumber", secrets, claims(func(c map[string]any) { c["sub"] = 42 }), identity.ReasonMalformed},
		{"IssArray", secrets, claims(func(c map[string]any) { c["iss"] = []string{"a"} }), identity.ReasonMalformed},
		{"AudNumber", secrets, claims(func(c map[string]any) { c["aud"] = 7 }), identity.ReasonMalformed},
		// Critical header extensions (RFC 7515 §4.1.11): none is understood.
		{"CritUnknown", secrets, mintJWT(t, map[string]any{"alg": "HS256", "crit": []string{"exp"}, "exp": 1}, validClaims(nil), []byte(testSecret)), identity.ReasonCrit},
		{"CritB64", secrets, mintJWT(t, map[string]any{"alg": "HS256", "crit": []string{"b64"}, "b64": false}, validClaims(nil), []byte(testSecret)), identity.ReasonCrit},
		{"CritEmpty", secrets, mintJWT(t, map[string]any{"alg": "HS256", "crit": []string{}}, validClaims(nil), []byte(testSecret)), identity.ReasonMalformed},
		{"CritNotArray", secrets, mintJWT(t, map[string]any{"alg": "HS256", "crit": "b64"}, validClaims(nil), []byte(testSecret)), identity.ReasonMalformed},
		{"CritNull", secrets, mintJWT(t, map[string]any{"alg": "HS256", "crit": nil}, validClaims(nil), []byte(testSecret)), identity.ReasonMalformed},
		// Algorithms.
		{"AlgNone", secrets, mintJWT(t, map[string]any{"alg": "none"}, validClaims(nil), nil), identity.ReasonAlgNone},
		{"AlgNoneUpper", secrets, mintJWT(t, map[string]any{"alg": "NONE"}, validClaims(nil), nil), identity.ReasonAlgNone},
		{"AlgNoneSigned", secrets, mintJWT(t, map[string]any{"alg": "none"}, validClaims(nil), []byte(testSecret)), identity.ReasonAlgNone},
		{"AlgHS512", secrets, mintJWT(t, map[string]any{"alg": "HS512"}, validClaims(nil), []byte(testSecret)), identity.ReasonAlgorithm},
		{"AlgPS256", rsaOnly, mintJWT(t, map[string]any{"alg": "PS256"}, validClaims(nil), k.rsa), identity.ReasonAlgorithm},
		// Algorithm confusion: an HS256 token whose HMAC key is the
		// inbox's RSA public key, as text.
		{"ConfusionNoKID", rsaOnly, mintJWT(t, hs, validClaims(nil), []byte(rsaPEM)), identity.ReasonAlgorithm},
		{"ConfusionKID", mixed, mintJWT(t, map[string]any{"alg": "HS256", "kid": "rsa-1"}, validClaims(nil), []byte(rsaPEM)), identity.ReasonAlgorithm},
		{"ConfusionKIDOnly", rsaOnly, mintJWT(t, map[string]any{"alg": "HS256", "kid": "rsa-1"}, validClaims(nil), []byte(rsaPEM)), identity.ReasonAlgorithm},
		{"RS256KeyOfOtherType", mixed, mintJWT(t, map[string]any{"alg": "RS256", "kid": "ed-1"}, validClaims(nil), k.rsa), identity.ReasonAlgorithm},
		{"RS256NoPublicKeys", secrets, mintJWT(t, map[string]any{"alg": "RS256"}, validClaims(nil), k.rsa), identity.ReasonAlgorithm},
		// Keys.
		{"NoKeys", parley.IdentitySettings{}, good, identity.ReasonNoKeys},
		{"UnknownKID", mixed, mintJWT(t, map[string]any{"alg": "RS256", "kid": "rsa-9"}, validClaims(nil), k.rsa), identity.ReasonUnknownKID},
		{"UnknownKIDHS256NoSecret", rsaOnly, mintJWT(t, map[string]any{"alg": "HS256", "kid": "x"}, validClaims(nil), []byte(testSecret)), identity.ReasonUnknownKID},
		// Signatures.
		{"WrongSecret", secrets, mintJWT(t, hs, validClaims(nil), []byte(testSecret2)), identity.ReasonSignature},
		{"WrongRSAKey", rsaOnly, mintJWT(t, map[string]any{"alg": "RS256", "kid": "rsa-1"}, validClaims(nil), k.rsa2), identity.ReasonSignature},
		{"Tampered", secrets, tamperJWT(good, validClaims(func(c map[string]any) { c["sub"] = "admin" })), identity.ReasonSignature},
		{"NoSignature", secrets, strings.Join(strings.Split(good, ".")[:2], ".") + ".", identity.ReasonSignature},
		{"ES256ShortSignature", parley.IdentitySettings{PublicKeys: []parley.IdentityKey{{PEM: publicPEM(t, &k.ec.PublicKey)}}},
			mintJWT(t, map[string]any{"alg": "ES256"}, validClaims(nil), []byte("not an EC signature")), identity.ReasonSignature},
		// Time.
		{"NoExpiry", secrets, claims(func(c map[string]any) { delete(c, "exp") }), identity.ReasonNoExpiry},
		{"Expired", secrets, claims(func(c map[string]any) { c["exp"] = jwtNow.Add(-time.Minute).Unix() }), identity.ReasonExpired},
		// exp gets no leeway: the session would end before its first use.
		{"ExpiredWithinLeeway", secrets, claims(func(c map[string]any) { c["exp"] = jwtNow.Add(-10 * time.Second).Unix() }), identity.ReasonExpired},
		{"ExpiresNow", secrets, claims(func(c map[string]any) { c["exp"] = jwtNow.Unix() }), identity.ReasonExpired},
		{"ExpAtYear9999", secrets, claims(func(c map[string]any) { c["exp"] = identity.MaxNumericDate }), identity.ReasonLifetime},
		{"NotBeforeFuture", secrets, claims(func(c map[string]any) { c["nbf"] = jwtNow.Add(5 * time.Minute).Unix() }), identity.ReasonNotYetValid},
		{"IssuedInFuture", secrets, claims(func(c map[string]any) { c["iat"] = jwtNow.Add(5 * time.Minute).Unix() }), identity.ReasonNotYetValid},
		{"LifetimeDefault", secrets, claims(func(c map[string]any) { c["exp"] = jwtNow.Add(25 * time.Hour).Unix() }), identity.ReasonLifetime},
		{"LifetimeNoIssuedAt", secrets, claims(func(c map[string]any) {
			delete(c, "iat")
			c["exp"] = jwtNow.Add(25 * time.Hour).Unix()
		}), identity.ReasonLifetime},
		{"LifetimeInbox", parley.IdentitySettings{Secrets: []string{testSecret}, MaxTokenLifetime: time.Hour},
			claims(func(c map[string]any) { c["exp"] = jwtNow.Add(2 * time.Hour).Unix() }), identity.ReasonLifetime},
		// Audience and issuer.
		{"AudienceOther", secrets, claims(func(c map[string]any) { c["aud"] = "inbox-2" }), identity.ReasonAudience},
		{"AudienceMissing", secrets, claims(func(c map[string]any) { delete(c, "aud") }), identity.ReasonAudience},
		{"AudienceListOther", secrets, claims(func(c map[string]any) { c["aud"] = []string{"a", "b"} }), identity.ReasonAudience},
		{"IssuerOther", parley.IdentitySettings{Secrets: []string{testSecret}, Issuer: "https://shop.example"},
			claims(func(c map[string]any) { c["iss"] = "https://evil.example" }), identity.ReasonIssuer},
		{"IssuerMissing", parley.IdentitySettings{Secrets: []string{testSecret}, Issuer: "https://shop.example"}, good, identity.ReasonIssuer},
		// Subject and profile claims.
		{"NoSubject", secrets, claims(func(c map[string]any) { delete(c, "sub") }), identity.ReasonNoSubject},
		{"EmptySubject", secrets, claims(func(c map[string]any) { c["sub"] = "  " }), identity.ReasonNoSubject},
		{"SubjectTooLong", secrets, claims(func(c map[string]any) { c["sub"] = strings.Repeat("x", parley.MaxIdentifierLength+1) }), identity.ReasonClaims},
		{"EmailNotString", secrets, claims(func(c map[string]any) { c["email"] = 42 }), identity.ReasonClaims},
		{"EmailInvalid", secrets, claims(func(c map[string]any) { c["email"] = "not an email" }), identity.ReasonClaims},
		{"NameTooLong", secrets, claims(func(c map[string]any) { c["name"] = strings.Repeat("n", parley.MaxNameLength+1) }), identity.ReasonClaims},
		{"AttributesNotObject", secrets, claims(func(c map[string]any) { c["attributes"] = []string{"a"} }), identity.ReasonClaims},
		{"AttributeKeyInvalid", secrets, claims(func(c map[string]any) { c["attributes"] = map[string]any{"bad key": 1} }), identity.ReasonClaims},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := jwtService(t).VerifyToken(t.Context(), testInbox(tt.id), tt.token)
			wantReason(t, err, parley.EUNAUTHORIZED, tt.reason)
			if msg := parley.ErrorMessage(err); msg == "" || strings.Contains(msg, testSecret) {
				t.Errorf("message = %q", msg)
			}
		})
	}
}

// TestVerifyTokenSkipsBadStoredKey checks that a stored key that does not
// parse (or is too weak) is skipped, not used.
func TestVerifyTokenSkipsBadStoredKey(t *testing.T) {
	k := jwtTestKeys(t)
	id := parley.IdentitySettings{PublicKeys: []parley.IdentityKey{
		{KID: "bad", PEM: "garbage"},
		{KID: "small", PEM: publicPEM(t, &k.rsaSmall.PublicKey)},
		{KID: "rsa-1", PEM: publicPEM(t, &k.rsa.PublicKey)},
	}}
	svc := jwtService(t)
	ok := mintJWT(t, map[string]any{"alg": "RS256", "kid": "rsa-1"}, validClaims(nil), k.rsa)
	if _, err := svc.VerifyToken(t.Context(), testInbox(id), ok); err != nil {
		t.Fatal(err)
	}
	small := mintJWT(t, map[string]any{"alg": "RS256", "kid": "small"}, validClaims(nil), k.rsaSmall)
	_, err := svc.VerifyToken(t.Context(), testInbox(id), small)
	wantReason(t, err, parley.EUNAUTHORIZED, identity.ReasonUnknownKID)
	bad := mintJWT(t, map[string]any{"alg": "RS256", "kid": "bad"}, validClaims(nil), k.rsa)
	_, err = svc.VerifyToken(t.Context(), testInbox(id), bad)
	wantReason(t, err, parley.EUNAUTHORIZED, identity.ReasonUnknownKID)
}

func TestIsJWT(t *testing.T) {
	tests := []struct {
		tok  string
		want bool
	}{
		{"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", true},
		{"eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", true}, // unsigned: refused later as alg none
		{"prlyv_0123456789abcdef", false},
		{"", false},
		{"a.b", false},
		{"a.b.c.d", false},
		{".b.c", false},
		{"a..c", false},
		{"a.b.c d", false},
		{"a+b.c/d.e=", false},
	}
	for _, tt := range tests {
		if got := identity.IsJWT(tt.tok); got != tt.want {
			t.Errorf("IsJWT(%q) = %v, want %v", tt.tok, got, tt.want)
		}
	}
}

func TestParsePublicKey(t *testing.T) {
	k := jwtTestKeys(t)
	tests := []struct {
		name string
		pem  string
		ok   bool
	}{
		{"RSA", publicPEM(t, &k.rsa.PublicKey), true},
		{"P256", publicPEM(t, &k.ec.PublicKey), true},
		{"Ed25519", publicPEM(t, k.ed.Public()), true},
		{"RSA1024", publicPEM(t, &k.rsaSmall.PublicKey), false},
		{"P384", publicPEM(t, &k.ec384.PublicKey), false},
		{"Empty", "", false},
		{"Garbage", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", false},
		{"PrivateKey", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", false},
		{"TwoBlocks", publicPEM(t, &k.ec.PublicKey) + publicPEM(t, &k.ec.PublicKey), false},
		{"RSAPublicKeyPKCS1", "-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----\n", false},
		{"Random", rand.Text(), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := identity.ParsePublicKey(tt.pem)
			if (err == nil) != tt.ok {
				t.Fatalf("err = %v, want ok %v", err, tt.ok)
			}
		})
	}
}
