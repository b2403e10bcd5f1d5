package testenv

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"testing"
)

// SignHS256 returns a compact HS256 JWT of claims keyed with key, the way a
// customer's back-end would sign a visitor token — with the standard
// library only, not the library Parley verifies tokens with.
func SignHS256(t testing.TB, key string, claims map[string]any) string {
	t.Helper()
	return SignHS256Header(t, key, map[string]any{"alg": "HS256", "typ": "JWT"}, claims)
}

// SignHS256Header is SignHS256 with the JOSE header hdr (which should say
// "alg": "HS256"; a test may add kid or crit, or lie).
func SignHS256Header(t testing.TB, key string, hdr, claims map[string]any) string {
	t.Helper()
	h, err := json.Marshal(hdr)
	if err != nil {
		t.Fatal(err)
	}
	c, err := json.Marshal(claims)
	if err != nil {
		t.Fatal(err)
	}
	enc := base64.RawURLEncoding
	input := enc.EncodeToString(h) + "." + enc.EncodeToString(c)
	m := hmac.New(sha256.New, []byte(key))
	m.Write([]byte(input))
	return input + "." + enc.EncodeToString(m.Sum(nil))
}
