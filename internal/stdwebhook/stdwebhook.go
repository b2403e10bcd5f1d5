// Package stdwebhook signs and verifies HTTP requests the way the Standard
// Webhooks specification (https://www.standardwebhooks.com) describes:
//
//	webhook-id:        a unique message id, the same on every retry
//	webhook-timestamp: seconds since the Unix epoch
//	webhook-signature: "v1," + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body))
//
// Several signatures may be sent at once, separated by spaces (during a
// secret rotation both the old and the new key sign). Secrets are shown to
// people as "whsec_" followed by the base64 of the key.
//
// The package depends only on the standard library. Parley uses it for its
// webhooks and for requests to external routing services.
package stdwebhook

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Header names of the specification.
const (
	HeaderID        = "webhook-id"
	HeaderTimestamp = "webhook-timestamp"
	HeaderSignature = "webhook-signature"
)

// SecretPrefix starts every secret in its textual form.
const SecretPrefix = "whsec_"

// Key lengths the specification allows (24 to 64 bytes); new secrets use
// NewSecretBytes.
const (
	MinSecretBytes = 24
	MaxSecretBytes = 64
	NewSecretBytes = 32
)

// DefaultTolerance is how far a timestamp may be from the receiver's clock
// before Verify refuses it, as in the specification's libraries.
const DefaultTolerance = 5 * time.Minute

// Errors returned by ParseSecret and Verify.
var (
	ErrBadSecret       = errors.New("stdwebhook: the secret is not whsec_ followed by the base64 of 24 to 64 bytes")
	ErrMissingHeaders  = errors.New("stdwebhook: missing webhook-id, webhook-timestamp or webhook-signature")
	ErrBadTimestamp    = errors.New("stdwebhook: the timestamp is not a whole number of seconds")
	ErrTimestampTooOld = errors.New("stdwebhook: the timestamp is too old")
	ErrTimestampTooNew = errors.New("stdwebhook: the timestamp is too far in the future")
	ErrNoMatch         = errors.New("stdwebhook: no signature matches")
)

// NewSecret returns a fresh random secret in its textual form,
// "whsec_" + base64 of NewSecretBytes random bytes.
func NewSecret() string {
	b := make([]byte, NewSecretBytes)
	rand.Read(b) // never fails (crypto/rand, Go ≥ 1.24)
	return FormatSecret(b)
}

// FormatSecret returns the textual form of key.
func FormatSecret(key []byte) string {
	return SecretPrefix + base64.StdEncoding.EncodeToString(key)
}

// ParseSecret returns the key of a secret in its textual form. The "whsec_"
// prefix is required; the rest must be standard base64 (padded) of 24 to 64
// bytes.
func ParseSecret(s string) ([]byte, error) {
	rest, ok := strings.CutPrefix(s, SecretPrefix)
	if !ok || len(rest) > base64.StdEncoding.EncodedLen(MaxSecretBytes) {
		return nil, ErrBadSecret
	}
	key, err := base64.StdEncoding.Strict().DecodeString(rest)
	if err != nil || len(key) < MinSecretBytes || len(key) > MaxSecretBytes {
		return nil, ErrBadSecret
	}
	return key, nil
}

// Sign returns the "v1,…" signature of one message.
func Sign(key []byte, msgID string, timestamp time.Time, body []byte) string {
	return "v1," + base64.StdEncoding.EncodeToString(mac(key, msgID, timestamp.Unix(), body))
}

func mac(key []byte, msgID string, unix int64, body []byte) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(msgID))
	h.Write([]byte{'.'})
	h.Write(strconv.AppendInt(nil, unix, 10))
	h.Write([]byte{'.'})
	h.Write(body)
	return h.Sum(nil)
}

// SetHeaders sets the three headers of the specification on h, with one
// signature per key (space-separated), so that a receiver holding any one
// of the keys accepts the message. keys must not be empty.
func SetHeaders(h http.Header, keys [][]byte, msgID string, timestamp time.Time, body []byte) {
	sigs := make([]string, len(keys))
	for i, k := range keys {
		sigs[i] = Sign(k, msgID, timestamp, body)
	}
	h.Set(HeaderID, msgID)
	h.Set(HeaderTimestamp, strconv.FormatInt(timestamp.Unix(), 10))
	h.Set(HeaderSignature, strings.Join(sigs, " "))
}

// Verify checks a received message: the headers must be present, the
// timestamp within tolerance of now, and one of the "v1" signatures must
// match key. Comparison is constant-time.
func Verify(key []byte, h http.Header, body []byte, now time.Time, tolerance time.Duration) error {
	id, ts, sig := h.Get(HeaderID), h.Get(HeaderTimestamp), h.Get(HeaderSignature)
	if id == "" || ts == "" || sig == "" {
		return ErrMissingHeaders
	}
	unix, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return ErrBadTimestamp
	}
	if t := time.Unix(unix, 0); now.Sub(t) > tolerance {
		return ErrTimestampTooOld
	} else if t.Sub(now) > tolerance {
		return ErrTimestampTooNew
	}
	want := mac(key, id, unix, body)
	for _, s := range strings.Fields(sig) {
		version, b64, ok := strings.Cut(s, ",")
		if !ok || version != "v1" {
			continue
		}
		got, err := base64.StdEncoding.DecodeString(b64)
		if err == nil && hmac.Equal(got, want) {
			return nil
		}
	}
	return ErrNoMatch
}
