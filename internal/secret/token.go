package secret

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
)

// tokenBytes is the entropy of every random secret: 256 bits.
const tokenBytes = 32

// NewToken returns prefix followed by 32 random bytes in unpadded base64url,
// e.g. "prly_" + 43 characters for an API token. The prefix lets people and
// secret scanners recognise what kind of credential a string is.
func NewToken(prefix string) string {
	b := make([]byte, tokenBytes)
	rand.Read(b) // never fails (crypto/rand, Go ≥ 1.24)
	return prefix + base64.RawURLEncoding.EncodeToString(b)
}

// Hash returns the SHA-256 digest of a random secret, the form in which
// tokens and session secrets are stored. (A fast hash suffices: the secrets
// have 256 bits of entropy, unlike passwords.)
func Hash(secret string) []byte {
	sum := sha256.Sum256([]byte(secret))
	return sum[:]
}

// Equal reports whether a and b are equal, in time that depends only on
// their lengths.
func Equal(a, b []byte) bool {
	return subtle.ConstantTimeCompare(a, b) == 1
}
