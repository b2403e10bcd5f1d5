package identity_test

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"strings"
	"sync"
	"testing"
)

// The test tokens are minted here with the standard library only, never
// with golang-jwt (the verifier's library), so that the verifier is held
// to the JWS format rather than to its own library's idea of it.

// jwtKeys are the private keys of the tests, generated once.
type jwtKeys struct {
	rsa, rsa2 *rsa.PrivateKey
	ec        *ecdsa.PrivateKey
	ed        ed25519.PrivateKey
	rsaSmall  *rsa.PrivateKey
	ec384     *ecdsa.PrivateKey
}

var jwtKeysOnce = sync.OnceValues(func() (*jwtKeys, error) {
	var k jwtKeys
	var err error
	if k.rsa, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
		return nil, err
	}
	if k.rsa2, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
		return nil, err
	}
	if k.rsaSmall, err = rsa.GenerateKey(rand.Reader, 1024); err != nil {
		return nil, err
	}
	if k.ec, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader); err != nil {
		return nil, err
	}
	if k.ec384, err = ecdsa.GenerateKey(elliptic.P384(), rand.Reader); err != nil {
		return nil, err
	}
	if _, k.ed, err = ed25519.GenerateKey(rand.Reader); err != nil {
		return nil, err
	}
	return &k, nil
})

func jwtTestKeys(t *testing.T) *jwtKeys {
	t.Helper()
	k, err := jwtKeysOnce()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// publicPEM returns the PKIX "PUBLIC KEY" PEM of a public key.
func publicPEM(t *testing.T, pub any) string {
	t.Helper()
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))
}

var jwtB64 = base64.RawURLEncoding

// mint returns a compact JWS of claims with the header fields hdr (alg
// at least), signed with key: a []byte for HS256, a private key for
// RS256, ES256 and EdDSA, nil for an unsigned token.
func mintJWT(t *testing.T, hdr map[string]any, claims map[string]any, key any) string {
	t.Helper()
	h, err := json.Marshal(hdr)
	if err != nil {
		t.Fatal(err)
	}
	c, err := json.Marshal(claims)
	if err != nil {
		t.Fatal(err)
	}
	input := jwtB64.EncodeToString(h) + "." + jwtB64.EncodeToString(c)
	return input + "." + jwtB64.EncodeToString(signJWS(t, hdr["alg"], input, key))
}

func signJWS(t *testing.T, alg any, input string, key any) []byte {
	t.Helper()
	sum := sha256.Sum256([]byte(input))
	switch k := key.(type) {
	case nil:
		return nil
	case []byte:
		m := hmac.New(sha256.New, k)
		m.Write([]byte(input))
		return m.Sum(nil)
	case *rsa.PrivateKey:
		sig, err := rsa.SignPKCS1v15(rand.Reader, k, crypto.SHA256, sum[:])
		if err != nil {
			t.Fatal(err)
		}
		return sig
	case *ecdsa.PrivateKey:
		r, s, err := ecdsa.Sign(rand.Reader, k, sum[:])
		if err != nil {
			t.Fatal(err)
		}
		size := (k.Curve.Params().BitSize + 7) / 8
		return append(fixedBytes(r, size), fixedBytes(s, size)...) // JWS: R || S, not DER
	case ed25519.PrivateKey:
		return ed25519.Sign(k, []byte(input))
	}
	t.Fatalf("mint: no signer for %T (alg %v)", key, alg)
	return nil
}

func fixedBytes(n *big.Int, size int) []byte {
	b := make([]byte, size)
	return n.FillBytes(b)
}

// jwkOf returns the JWK (RFC 7517) of a public key, with kid.
func jwkOf(t *testing.T, kid string, pub any) map[string]any {
	t.Helper()
	switch k := pub.(type) {
	case *rsa.PublicKey:
		return map[string]any{
			"kty": "RSA", "kid": kid, "use": "sig", "alg": "RS256",
			"n": jwtB64.EncodeToString(k.N.Bytes()), "e": jwtB64.EncodeToString(big.NewInt(int64(k.E)).Bytes()),
		}
	case *ecdsa.PublicKey:
		ecdh, err := k.ECDH()
		if err != nil {
			t.Fatal(err)
		}
		raw := ecdh.Bytes() // 0x04 || X || Y
		n := (len(raw) - 1) / 2
		return map[string]any{
			"kty": "EC", "kid": kid, "crv": "P-256",
			"x": jwtB64.EncodeToString(raw[1 : 1+n]), "y": jwtB64.EncodeToString(raw[1+n:]),
		}
	case ed25519.PublicKey:
		return map[string]any{"kty": "OKP", "kid": kid, "crv": "Ed25519", "x": jwtB64.EncodeToString(k)}
	case []byte:
		return map[string]any{"kty": "oct", "kid": kid, "k": jwtB64.EncodeToString(k)}
	}
	t.Fatalf("jwkOf: %T", pub)
	return nil
}

// tamperJWT flips the payload of a compact JWS, keeping its signature.
func tamperJWT(tok string, claims map[string]any) string {
	p := strings.Split(tok, ".")
	c, _ := json.Marshal(claims)
	return p[0] + "." + jwtB64.EncodeToString(c) + "." + p[2]
}
