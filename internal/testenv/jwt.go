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
	c, err := json.Marshal(claims)
	if err != nil {
		t.Fatal(err)
	}
	enc := base64.RawURLEncoding
	input := enc.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." + enc.EncodeToString(c)
	m := hmac.New(sha256.New, []byte(key))
	m.Write([]byte(input))
	return input + "." + enc.EncodeToString(m.Sum(nil))
}
