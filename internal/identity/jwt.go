package identity

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"errors"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/parleychat/parley"
)

// Reasons of a refused visitor JWT: the parley.Error Reason, stable and
// documented in docs/identity.md, under the code EUNAUTHORIZED (or
// EUNAVAILABLE for ReasonJWKSUnavailable).
const (
	ReasonMalformed       = "token_malformed"        // not a compact JWS, a registered claim of the wrong type, or a date out of range
	ReasonAlgNone         = "token_alg_none"         // alg "none": an unsigned token
	ReasonAlgorithm       = "token_algorithm"        // an alg not accepted, or not the one of the key (algorithm confusion)
	ReasonCrit            = "token_crit"             // a crit header naming extensions (RFC 7515 §4.1.11): Parley understands none
	ReasonNoKeys          = "token_no_keys"          // the inbox has no identity keys configured
	ReasonUnknownKID      = "token_unknown_kid"      // no key of the inbox has the token's kid
	ReasonSignature       = "token_signature"        // the signature does not verify with any fitting key
	ReasonNoExpiry        = "token_no_expiry"        // no exp claim
	ReasonExpired         = "token_expired"          // exp is past (without leeway: the session would end at once)
	ReasonNotYetValid     = "token_not_yet_valid"    // nbf or iat is in the future
	ReasonLifetime        = "token_lifetime"         // exp is further than the inbox's maximum lifetime
	ReasonAudience        = "token_audience"         // aud names neither the inbox nor its workspace
	ReasonIssuer          = "token_issuer"           // iss is not the inbox's issuer
	ReasonNoSubject       = "token_no_subject"       // no sub, or an empty one
	ReasonJWKSUnavailable = "token_jwks_unavailable" // the inbox's JWKS URL could not be fetched (EUNAVAILABLE)
)

// Token algorithms accepted, one per key type.
const (
	algHS256 = "HS256" // Secrets
	algRS256 = "RS256" // RSA public keys (2048 bits or more)
	algES256 = "ES256" // ECDSA P-256 public keys
	algEdDSA = "EdDSA" // Ed25519 public keys
)

const (
	// TokenLeeway is the clock skew allowed when checking nbf and iat. exp
	// gets none: the visitor session a token opens ends at its exp, so a
	// token past it would open a session already over.
	TokenLeeway = 30 * time.Second
	// MaxNumericDate is the latest exp, iat or nbf accepted, in seconds
	// since 1970 (9999-12-31T23:59:59Z); a later or negative one, or one
	// that is not a JSON number, is token_malformed.
	MaxNumericDate = 253402300799
	// MaxTokenLength bounds a visitor JWT before it is parsed.
	MaxTokenLength = 8 << 10
	// MinRSABits is the smallest RSA modulus accepted.
	MinRSABits = 2048
)

// VerifierOptions configure how visitor JWTs are verified. Zero values
// select the defaults.
type VerifierOptions struct {
	// JWKSRefresh is how long a fetched JWKS is used before it is fetched
	// again (default 1 hour). A token whose kid is not in the cached set
	// also refreshes it, at most once per JWKSUnknownKIDInterval.
	JWKSRefresh time.Duration
	// JWKSUnknownKIDInterval spaces refreshes caused by unknown kids
	// (default 1 minute), so that made-up kids cannot flood the JWKS host.
	JWKSUnknownKIDInterval time.Duration
	// JWKSTimeout bounds one JWKS fetch (default 5 seconds).
	JWKSTimeout time.Duration
}

// verifier verifies visitor JWTs: the keys of an inbox, and a cache of
// the JWKS URLs inboxes name.
type verifier struct {
	now    func() time.Time
	logger *slog.Logger
	jwks   *jwksCache
}

// newVerifier returns a verifier whose JWKS cache fetches through the
// Service's outbound client.
func (s *Service) newVerifier(opt VerifierOptions) *verifier {
	return &verifier{now: s.now, logger: s.logger, jwks: newJWKSCache(s.now, s.logger, s.outbound, opt)}
}

// SetVerifierOptions replaces the JWT verifier's options (and empties its
// JWKS cache). Call it before the Service is used.
func (s *Service) SetVerifierOptions(opt VerifierOptions) {
	s.jwt = s.newVerifier(opt)
}

// VerifyToken verifies a visitor JWT for inbox and returns its claims.
//
// The token must be signed with one of the inbox's identity keys: HS256
// with one of its Secrets, RS256, ES256 or EdDSA with one of its
// PublicKeys or a key of its JWKSURL. A token with a kid is verified with
// the public key of that kid (HS256 tokens with any secret, secrets having
// no kid); a token without kid with every key of the type its alg needs.
// It must have exp (at most the inbox's MaxTokenLifetime after iat, or
// after now without iat), an aud naming the inbox ID or its workspace ID,
// the inbox's Issuer as iss when one is set, and a sub. nbf and iat are
// checked with TokenLeeway; exp must be in the future (the session the
// token opens ends at exp). exp, nbf and iat must be JSON numbers from 0
// to MaxNumericDate; iss, sub and jti strings. A crit header is refused
// (ReasonCrit): Parley understands no JWS extension.
//
// Returns EUNAUTHORIZED with one of the Reason* constants as Reason, or
// EUNAVAILABLE (ReasonJWKSUnavailable) if the inbox's JWKS is needed and
// cannot be fetched.
func (s *Service) VerifyToken(ctx context.Context, inbox *parley.Inbox, token string) (*Claims, error) {
	return s.jwt.verify(ctx, inbox, token)
}

// header is the part of a JOSE header the verification needs.
type header struct {
	Alg  string          `json:"alg"`
	KID  string          `json:"kid"`
	Crit json.RawMessage `json:"crit"`
}

func (v *verifier) verify(ctx context.Context, inbox *parley.Inbox, token string) (*Claims, error) {
	if len(token) > MaxTokenLength || !IsJWT(token) {
		return nil, tokenError(ReasonMalformed, "The token is not a JWT.")
	}
	h, err := parseHeader(token)
	if err != nil {
		return nil, err
	}
	if err := checkRegisteredClaims(token); err != nil {
		return nil, err
	}
	keys, err := v.keysFor(ctx, inbox, h)
	if err != nil {
		return nil, err
	}
	now := v.now()
	p := jwt.NewParser(
		jwt.WithValidMethods([]string{h.Alg}),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithLeeway(TokenLeeway),
		jwt.WithTimeFunc(func() time.Time { return now }),
	)
	var vc visitorClaims
	_, err = p.ParseWithClaims(token, &vc, func(*jwt.Token) (any, error) {
		return jwt.VerificationKeySet{Keys: keys}, nil
	})
	if err != nil {
		return nil, parseError(err)
	}
	return vc.check(inbox, now)
}

// parseHeader decodes the JOSE header of a compact JWS and refuses the
// algorithms Parley never accepts, and any crit header: it names
// extensions the recipient must understand (RFC 7515 §4.1.11), and Parley
// understands none.
func parseHeader(token string) (header, error) {
	var h header
	raw, err := base64.RawURLEncoding.DecodeString(token[:strings.IndexByte(token, '.')])
	if err != nil || json.Unmarshal(raw, &h) != nil {
		return h, tokenError(ReasonMalformed, "The token's header is not base64url-encoded JSON with a string alg and kid.")
	}
	if h.Crit != nil {
		var crit []string
		if json.Unmarshal(h.Crit, &crit) != nil || len(crit) == 0 {
			return h, tokenError(ReasonMalformed, "The token's crit header must be a non-empty array of strings.")
		}
		return h, tokenError(ReasonCrit, "The token's header marks %q as critical: Parley understands no JWS extension, so remove crit.", crit)
	}
	switch h.Alg {
	case algHS256, algRS256, algES256, algEdDSA:
		return h, nil
	case "":
		return h, tokenError(ReasonMalformed, "The token's header has no alg.")
	}
	if strings.EqualFold(h.Alg, "none") {
		return h, tokenError(ReasonAlgNone, "Unsigned tokens (alg \"none\") are not accepted.")
	}
	return h, tokenError(ReasonAlgorithm, "The token's alg %q is not accepted: use HS256, RS256, ES256 or EdDSA.", h.Alg)
}

// checkRegisteredClaims refuses a payload whose exp, nbf or iat is not a
// JSON number from 0 to MaxNumericDate (a quoted "1700000000" among
// them, which the JWT library would accept, and 1e20, which would
// overflow), or whose iss, sub or jti is not a string.
func checkRegisteredClaims(token string) error {
	parts := strings.Split(token, ".")
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	var claims map[string]json.RawMessage
	if err != nil || json.Unmarshal(raw, &claims) != nil {
		return tokenError(ReasonMalformed, "The token's payload is not a base64url-encoded JSON object.")
	}
	for _, name := range []string{"exp", "nbf", "iat"} {
		v, ok := claims[name]
		if !ok {
			continue
		}
		var f float64
		if c := v[0]; (c != '-' && (c < '0' || c > '9')) || json.Unmarshal(v, &f) != nil || f < 0 || f > MaxNumericDate {
			return tokenError(ReasonMalformed, "The token's %s must be a number of seconds since 1970 (from 0 to %d), not a string.", name, MaxNumericDate)
		}
	}
	for _, name := range []string{"iss", "sub", "jti"} {
		if v, ok := claims[name]; ok && v[0] != '"' {
			return tokenError(ReasonMalformed, "The token's %s must be a string.", name)
		}
	}
	return nil
}

// keysFor returns the keys of inbox to verify a token with header h: the
// public key named by its kid, or else every key of the type its alg
// needs. It returns ReasonAlgorithm when the inbox has keys but none of
// that type (an HS256 token against an RSA key: algorithm confusion).
func (v *verifier) keysFor(ctx context.Context, inbox *parley.Inbox, h header) ([]jwt.VerificationKey, error) {
	id := inbox.Identity
	if len(id.Secrets) == 0 && len(id.PublicKeys) == 0 && id.JWKSURL == "" {
		return nil, tokenError(ReasonNoKeys, "This inbox has no identity keys: add a secret, a public key or a JWKS URL to its identity settings.")
	}
	var named []namedKey
	for _, k := range id.PublicKeys {
		pub, err := ParsePublicKey(k.PEM)
		if err != nil {
			// Validated when stored; a key that no longer parses is skipped.
			v.logger.WarnContext(ctx, "identity: unusable public key", "inbox_id", inbox.ID, "kid", k.KID, "err", err)
			continue
		}
		named = append(named, namedKey{kid: k.KID, key: pub})
	}
	if h.KID != "" {
		// The named public key, from the inbox or else its JWKS.
		for _, k := range named {
			if k.kid == h.KID {
				return fitting(h.Alg, []namedKey{k})
			}
		}
		if id.JWKSURL != "" {
			k, found, err := v.jwks.key(ctx, id.JWKSURL, h.KID)
			if err != nil && (h.Alg != algHS256 || len(id.Secrets) == 0) {
				return nil, err
			}
			// (An HS256 token goes on to the secrets while the JWKS is down.)
			if found {
				return fitting(h.Alg, []namedKey{k})
			}
		}
		if h.Alg != algHS256 || len(id.Secrets) == 0 {
			return nil, tokenError(ReasonUnknownKID, "No key of this inbox has the token's kid %q.", h.KID)
		}
	}
	all := named
	for _, sec := range id.Secrets {
		all = append(all, namedKey{key: []byte(sec)})
	}
	if h.KID == "" && id.JWKSURL != "" && h.Alg != algHS256 {
		ks, err := v.jwks.all(ctx, id.JWKSURL)
		if err != nil {
			return nil, err
		}
		all = append(all, ks...)
	}
	return fitting(h.Alg, all)
}

// namedKey is one verification key; alg, when set (a JWKS key's "alg"),
// is the only algorithm it may verify.
type namedKey struct {
	kid string
	alg string
	key any
}

// fitting returns the keys that alg may be verified with, or
// ReasonAlgorithm if there are none.
func fitting(alg string, keys []namedKey) ([]jwt.VerificationKey, error) {
	var out []jwt.VerificationKey
	for _, k := range keys {
		if k.alg != "" && k.alg != alg {
			continue
		}
		if keyAlg(k.key) == alg {
			out = append(out, k.key)
		}
	}
	if len(out) == 0 {
		return nil, tokenError(ReasonAlgorithm, "The token's alg %s does not fit the inbox's key (a %s token needs %s).", alg, alg, keyKind(alg))
	}
	return out, nil
}

// keyAlg returns the one algorithm key may verify, or "".
func keyAlg(key any) string {
	switch k := key.(type) {
	case []byte:
		return algHS256
	case *rsa.PublicKey:
		if k.N.BitLen() >= MinRSABits {
			return algRS256
		}
	case *ecdsa.PublicKey:
		if k.Curve == elliptic.P256() {
			return algES256
		}
	case ed25519.PublicKey:
		return algEdDSA
	}
	return ""
}

func keyKind(alg string) string {
	switch alg {
	case algHS256:
		return "a secret"
	case algRS256:
		return "an RSA public key"
	case algES256:
		return "an ECDSA P-256 public key"
	}
	return "an Ed25519 public key"
}

// parseError turns an error of the JWT parser into a reason.
func parseError(err error) error {
	switch {
	case errors.Is(err, jwt.ErrTokenMalformed):
		return tokenError(ReasonMalformed, "The token is malformed.")
	case errors.Is(err, jwt.ErrTokenSignatureInvalid), errors.Is(err, jwt.ErrTokenUnverifiable):
		return tokenError(ReasonSignature, "The token's signature is invalid.")
	case errors.Is(err, jwt.ErrTokenRequiredClaimMissing):
		return tokenError(ReasonNoExpiry, "The token has no exp (expiry) claim.")
	case errors.Is(err, jwt.ErrTokenExpired):
		return tokenError(ReasonExpired, "The token has expired.")
	case errors.Is(err, jwt.ErrTokenNotValidYet), errors.Is(err, jwt.ErrTokenUsedBeforeIssued):
		return tokenError(ReasonNotYetValid, "The token is not valid yet (nbf or iat is in the future).")
	case errors.Is(err, jwt.ErrInvalidType):
		return tokenError(ReasonMalformed, "A registered claim of the token has the wrong type.")
	}
	return tokenError(ReasonMalformed, "The token is invalid.")
}

// check applies the rules the JWT parser does not: aud, iss, sub, the
// lifetime, and the types of the profile claims.
func (c *visitorClaims) check(inbox *parley.Inbox, now time.Time) (*Claims, error) {
	if !slices.Contains(c.Audience, inbox.ID) && !slices.Contains(c.Audience, inbox.WorkspaceID) {
		return nil, tokenError(ReasonAudience, "The token's aud must name this inbox (%s) or its workspace.", inbox.ID)
	}
	if iss := inbox.Identity.Issuer; iss != "" && c.Issuer != iss {
		return nil, tokenError(ReasonIssuer, "The token's iss must be %q.", iss)
	}
	if !c.ExpiresAt.After(now) {
		// Within the leeway the parser allows: the session would be over
		// before its first use.
		return nil, tokenError(ReasonExpired, "The token has expired.")
	}
	if strings.TrimSpace(c.Subject) == "" {
		return nil, tokenError(ReasonNoSubject, "The token has no sub: set it to your user's ID.")
	}
	limit := inbox.Identity.MaxTokenLifetime
	if limit <= 0 {
		limit = parley.DefaultMaxTokenLifetime
	}
	from := now
	if c.IssuedAt != nil {
		from = c.IssuedAt.Time
	}
	if c.ExpiresAt.Sub(from) > limit {
		return nil, tokenError(ReasonLifetime, "The token lives too long: exp must be at most %s after iat.", limit)
	}
	return c.claims()
}

func tokenError(reason, format string, args ...any) error {
	e := parley.Errorf(parley.EUNAUTHORIZED, format, args...)
	e.Reason = reason
	return e
}
