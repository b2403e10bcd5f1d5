package secret

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Parameters of new password hashes: argon2id with 19 MiB of memory, two
// passes and one lane (OWASP's recommended minimum), a 16-byte salt and a
// 32-byte key. Verification reads the parameters from each stored hash, so
// they can be raised later without invalidating existing passwords.
const (
	argonMemory  = 19 * 1024 // KiB
	argonTime    = 2
	argonThreads = 1
	saltLength   = 16
	keyLength    = 32
)

// Bounds on the parameters accepted from a stored hash, so that a corrupt
// or hostile row cannot make a login allocate gigabytes or spin for minutes.
const (
	maxMemory    = 1024 * 1024 // KiB (1 GiB)
	maxTime      = 64
	minSaltBytes = 8
	maxSaltBytes = 64
	minKeyBytes  = 16
	maxKeyBytes  = 128
)

// b64 is the PHC string format's base64: standard alphabet, no padding,
// and (Strict) no stray bits, so every hash has exactly one spelling.
var b64 = base64.RawStdEncoding.Strict()

// ErrMalformedHash is returned by VerifyPassword for a string that is not an
// argon2id PHC hash this package can check.
var ErrMalformedHash = errors.New("secret: malformed argon2id hash")

// phc is a parsed argon2id hash in PHC string format:
// $argon2id$v=19$m=19456,t=2,p=1$<salt>$<key>.
type phc struct {
	memory  uint32
	time    uint32
	threads uint8
	salt    []byte
	key     []byte
}

func (h phc) String() string {
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, h.memory, h.time, h.threads, b64.EncodeToString(h.salt), b64.EncodeToString(h.key))
}

// HashPassword returns the argon2id hash of password as a PHC string with a
// fresh random salt.
func HashPassword(password string) string {
	h := phc{memory: argonMemory, time: argonTime, threads: argonThreads, salt: make([]byte, saltLength)}
	rand.Read(h.salt) // never fails (crypto/rand, Go ≥ 1.24)
	h.key = h.derive(password, keyLength)
	return h.String()
}

// VerifyPassword reports whether password matches hash, a PHC string made
// by HashPassword (possibly with other parameters). The keys are compared in
// constant time. A hash that cannot be parsed yields ErrMalformedHash.
func VerifyPassword(hash, password string) (bool, error) {
	h, err := parsePHC(hash)
	if err != nil {
		return false, err
	}
	return subtle.ConstantTimeCompare(h.derive(password, uint32(len(h.key))), h.key) == 1, nil
}

// derive computes the argon2id key of password with h's parameters and salt.
func (h phc) derive(password string, keyLen uint32) []byte {
	return argon2.IDKey([]byte(password), h.salt, h.time, h.memory, h.threads, keyLen)
}

// parsePHC parses and bounds-checks an argon2id PHC string. It accepts only
// the canonical spelling that phc.String produces.
func parsePHC(s string) (phc, error) {
	var h phc
	parts := strings.Split(s, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" || parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return h, ErrMalformedHash
	}
	params := strings.Split(parts[3], ",")
	if len(params) != 3 {
		return h, ErrMalformedHash
	}
	m, okM := param(params[0], "m=", maxMemory)
	t, okT := param(params[1], "t=", maxTime)
	p, okP := param(params[2], "p=", 255)
	if !okM || !okT || !okP || t < 1 || p < 1 || m < 8*p {
		return h, ErrMalformedHash
	}
	h.memory, h.time, h.threads = m, t, uint8(p)
	var okS, okK bool
	h.salt, okS = decode(parts[4], minSaltBytes, maxSaltBytes)
	h.key, okK = decode(parts[5], minKeyBytes, maxKeyBytes)
	if !okS || !okK {
		return phc{}, ErrMalformedHash
	}
	return h, nil
}

// decode decodes canonical unpadded base64 of min to max bytes. (The
// decoder skips CR and LF, so the re-encoding must match s exactly.)
func decode(s string, min, max int) ([]byte, bool) {
	b, err := b64.DecodeString(s)
	if err != nil || len(b) < min || len(b) > max || b64.EncodeToString(b) != s {
		return nil, false
	}
	return b, true
}

// param parses "name=N" where N is a decimal number without sign or
// leading zeros, at most max.
func param(s, name string, max uint32) (uint32, bool) {
	digits, ok := strings.CutPrefix(s, name)
	if !ok || digits == "" || len(digits) > 10 || (digits[0] == '0' && len(digits) > 1) {
		return 0, false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseUint(digits, 10, 32)
	if err != nil || n > uint64(max) {
		return 0, false
	}
	return uint32(n), true
}
