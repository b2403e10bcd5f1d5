package identity

import (
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"

	"github.com/parleychat/parley/internal/secret"
)

// MinSecretLength is the shortest HS256 secret accepted: 32 bytes, the
// size of the hash (RFC 7518, section 3.2).
const MinSecretLength = 32

// ParsePublicKey parses one PEM block holding a PKIX public key ("PUBLIC
// KEY") usable to verify visitor tokens: RSA of at least MinRSABits bits
// (RS256), ECDSA on P-256 (ES256) or Ed25519 (EdDSA). The error says, for
// a person, why a key is refused.
func ParsePublicKey(s string) (any, error) {
	block, rest := pem.Decode([]byte(strings.TrimSpace(s)))
	switch {
	case block == nil:
		return nil, errors.New("must be a PEM block (-----BEGIN PUBLIC KEY-----)")
	case len(strings.TrimSpace(string(rest))) > 0:
		return nil, errors.New("must hold one PEM block")
	case strings.Contains(block.Type, "PRIVATE"):
		return nil, errors.New("is a private key: give the public key only")
	case block.Type == "CERTIFICATE":
		return nil, errors.New("is a certificate: give its public key (-----BEGIN PUBLIC KEY-----)")
	case block.Type != "PUBLIC KEY":
		return nil, fmt.Errorf("must be a PKIX public key (-----BEGIN PUBLIC KEY-----), not %s", block.Type)
	}
	key, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		return nil, errors.New("is not a valid PKIX public key")
	}
	if keyAlg(key) != "" {
		return key, nil
	}
	switch k := key.(type) {
	case *rsa.PublicKey:
		return nil, fmt.Errorf("is a %d-bit RSA key: use at least %d bits", k.N.BitLen(), MinRSABits)
	case *ecdsa.PublicKey:
		return nil, fmt.Errorf("is an ECDSA key on %s: use P-256 (ES256)", k.Curve.Params().Name)
	}
	return nil, errors.New("must be an RSA, ECDSA P-256 or Ed25519 public key")
}

// SecretPrefix starts the HS256 secrets Parley generates (NewSecret), so
// that people and secret scanners can recognise one in a leaked file.
const SecretPrefix = "prlyis_"

// NewSecret returns a new random HS256 secret: SecretPrefix and 256 bits
// in base64url.
func NewSecret() string { return secret.NewToken(SecretPrefix) }

// KeyAlg returns the token algorithm a verification key verifies (HS256
// for a []byte secret, RS256, ES256 or EdDSA for a public key), or "" if
// Parley does not accept the key.
func KeyAlg(key any) string { return keyAlg(key) }
