package identity

import (
	"context"
	"crypto"
	"errors"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/MicahParks/jwkset"
	"golang.org/x/time/rate"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/outbound"
)

// Defaults of VerifierOptions, and the bounds of the JWKS cache.
const (
	DefaultJWKSRefresh            = time.Hour
	DefaultJWKSUnknownKIDInterval = time.Minute
	DefaultJWKSTimeout            = 5 * time.Second

	// MaxJWKSURLLength bounds an inbox's JWKSURL.
	MaxJWKSURLLength = outbound.MaxURLLength

	maxJWKSSets     = 1000             // URLs cached; the least recently used goes first
	jwksRetryFailed = 10 * time.Second // how long a failed fetch is not retried
)

// CheckJWKSURL returns why raw cannot be saved as an inbox's JWKS URL, or
// nil: it must be an absolute https URL without credentials (http only to
// a host in the server's outbound allow-list) whose host is not, and does
// not resolve to, an internal address unless allow-listed (see
// internal/outbound). The error is an EINVALID *parley.Error whose Reason
// is one of outbound's ReasonURL* constants.
func (s *Service) CheckJWKSURL(ctx context.Context, raw string) error {
	return s.outbound.CheckURL(ctx, raw)
}

// jwksCache holds the key sets of JWKS URLs, each fetched when first
// needed, again when older than refresh, and again (at most once per
// unknownKID) when a token names a kid it does not hold. Fetches of one
// URL are serialised; a failed one is retried after jwksRetryFailed, and
// meanwhile the last good set, if any, is used. Every fetch goes through
// the outbound client: a URL (or a redirect) to an internal address is
// refused before connecting, and the document is capped at 1 MiB.
type jwksCache struct {
	now        func() time.Time
	logger     *slog.Logger
	client     *http.Client
	refresh    time.Duration
	unknownKID time.Duration
	timeout    time.Duration

	mu   sync.Mutex
	sets map[string]*jwksSet
}

// jwksSet is the cached key set of one URL.
type jwksSet struct {
	used time.Time // guarded by jwksCache.mu

	mu       sync.Mutex // held while fetching
	keys     jwkset.Storage
	fetched  time.Time
	failed   time.Time
	err      error
	unknowns *rate.Limiter // refreshes for unknown kids
}

func newJWKSCache(now func() time.Time, logger *slog.Logger, out *outbound.Client, opt VerifierOptions) *jwksCache {
	c := &jwksCache{
		now: now, logger: logger,
		refresh: opt.JWKSRefresh, unknownKID: opt.JWKSUnknownKIDInterval, timeout: opt.JWKSTimeout,
		sets: map[string]*jwksSet{},
	}
	if c.refresh <= 0 {
		c.refresh = DefaultJWKSRefresh
	}
	if c.unknownKID <= 0 {
		c.unknownKID = DefaultJWKSUnknownKIDInterval
	}
	if c.timeout <= 0 {
		c.timeout = DefaultJWKSTimeout
	}
	c.client = out.HTTPClient(true)
	return c
}

// key returns the key of the JWKS at u with kid, and whether there is one.
func (c *jwksCache) key(ctx context.Context, u, kid string) (namedKey, bool, error) {
	set := c.set(u)
	set.mu.Lock()
	defer set.mu.Unlock()
	if err := c.load(ctx, u, set, false); err != nil {
		return namedKey{}, false, err
	}
	jwk, err := set.keys.KeyRead(ctx, kid)
	if errors.Is(err, jwkset.ErrKeyNotFound) && set.unknowns.Allow() {
		// Perhaps the set rotated since it was fetched.
		if err := c.load(ctx, u, set, true); err != nil {
			return namedKey{}, false, err
		}
		jwk, err = set.keys.KeyRead(ctx, kid)
	}
	if errors.Is(err, jwkset.ErrKeyNotFound) {
		return namedKey{}, false, nil
	} else if err != nil {
		return namedKey{}, false, err
	}
	k, ok := publicKey(jwk)
	return k, ok, nil
}

// all returns the signing keys of the JWKS at u.
func (c *jwksCache) all(ctx context.Context, u string) ([]namedKey, error) {
	set := c.set(u)
	set.mu.Lock()
	defer set.mu.Unlock()
	if err := c.load(ctx, u, set, false); err != nil {
		return nil, err
	}
	jwks, err := set.keys.KeyReadAll(ctx)
	if err != nil {
		return nil, err
	}
	var out []namedKey
	for _, jwk := range jwks {
		if k, ok := publicKey(jwk); ok {
			out = append(out, k)
		}
	}
	return out, nil
}

// set returns the cache entry of u, making room for it if needed.
func (c *jwksCache) set(u string) *jwksSet {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	if s, ok := c.sets[u]; ok {
		s.used = now
		return s
	}
	if len(c.sets) >= maxJWKSSets {
		var oldest string
		for k, s := range c.sets {
			if oldest == "" || s.used.Before(c.sets[oldest].used) {
				oldest = k
			}
		}
		delete(c.sets, oldest)
	}
	s := &jwksSet{used: now, unknowns: rate.NewLimiter(rate.Every(c.unknownKID), 1)}
	c.sets[u] = s
	return s
}

// load fetches the set at u if it has none yet, if its keys are older
// than the refresh interval, or if force. set.mu is held.
func (c *jwksCache) load(ctx context.Context, u string, set *jwksSet, force bool) error {
	now := c.now()
	if set.keys != nil && !force && now.Sub(set.fetched) < c.refresh {
		return nil
	}
	if !set.failed.IsZero() && now.Sub(set.failed) < jwksRetryFailed {
		return c.stale(set)
	}
	keys, err := jwkset.NewStorageFromHTTP(u, jwkset.HTTPClientStorageOptions{
		Client:      c.client,
		Ctx:         ctx,
		HTTPTimeout: c.timeout,
	})
	if err != nil {
		c.logger.WarnContext(ctx, "identity: JWKS fetch failed", "url", u, "err", err)
		set.failed, set.err = now, err
		return c.stale(set)
	}
	set.keys, set.fetched, set.failed, set.err = keys, now, time.Time{}, nil
	return nil
}

// stale returns nil if set still has keys from an earlier fetch, else the
// error of the failed one.
func (c *jwksCache) stale(set *jwksSet) error {
	if set.keys != nil {
		return nil
	}
	return &parley.Error{
		Code: parley.EUNAVAILABLE, Reason: ReasonJWKSUnavailable,
		Message: "The inbox's JWKS URL could not be fetched; try again later.",
	}
}

// publicKey returns the verification key of a JWK meant for signatures;
// false for symmetric keys (never taken from a URL) and encryption keys.
func publicKey(jwk jwkset.JWK) (namedKey, bool) {
	m := jwk.Marshal()
	if m.USE != "" && m.USE != jwkset.UseSig {
		return namedKey{}, false
	}
	key := jwk.Key()
	if pk, ok := key.(interface{ Public() crypto.PublicKey }); ok {
		key = pk.Public()
	}
	if _, ok := key.([]byte); ok || keyAlg(key) == "" {
		return namedKey{}, false
	}
	return namedKey{kid: m.KID, alg: m.ALG.String(), key: key}, true
}
