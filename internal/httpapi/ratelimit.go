package httpapi

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// The per-client-IP limits (docs/operations.md#limits lists them all).
const (
	// Login attempts per client IP: 30 a minute, in bursts of up to 60,
	// so that a shift of 50 agents behind one NAT logs in at once. Each
	// attempt costs a password hash, which the limit bounds; guessing one
	// account's password is stopped by the accounts service's per-email
	// lockout (5 failures, then 15 minutes), whatever the address.
	loginRate  = rate.Limit(30.0 / 60)
	loginBurst = 60
	// Guest visitor sessions per client IP: 30 a minute, in bursts of up to
	// 60. Each creates a contact, so an unbounded client could fill the
	// database; a browser needs one per visitor (it keeps its token), and
	// the burst leaves room for many visitors behind one NAT.
	guestRate  = rate.Limit(30.0 / 60)
	guestBurst = 60
	// Visitor sessions opened with a credential — an identity JWT signed
	// by the customer's back-end, or a resume token — per client IP: 60 a
	// minute, in bursts of up to 120. They are not anonymous (only the
	// back-end can sign a token), so they do not draw on the guests' limit;
	// this one only bounds the verification work one address can cause.
	verifiedRate  = rate.Limit(60.0 / 60)
	verifiedBurst = 120
	// maxTrackedIPs bounds the limiter's memory; see ipLimiter.allow.
	maxTrackedIPs = 10_000
)

// ipLimiter is a token bucket per client IP, held in memory on each node.
type ipLimiter struct {
	limit rate.Limit
	burst int

	mu      sync.Mutex
	clients map[string]*ipClient
}

type ipClient struct {
	limiter  *rate.Limiter
	lastSeen time.Time
}

func newIPLimiter(limit rate.Limit, burst int) *ipLimiter {
	return &ipLimiter{limit: limit, burst: burst, clients: map[string]*ipClient{}}
}

// allow takes one token for ip. When none is left it returns false and how
// long until the next one.
func (l *ipLimiter) allow(ip string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	c, ok := l.clients[ip]
	if !ok {
		if len(l.clients) >= maxTrackedIPs {
			l.evict(now)
		}
		c = &ipClient{limiter: rate.NewLimiter(l.limit, l.burst)}
		l.clients[ip] = c
	}
	c.lastSeen = now
	if c.limiter.AllowN(now, 1) {
		return true, 0
	}
	missing := 1 - c.limiter.TokensAt(now)
	return false, time.Duration(missing / float64(l.limit) * float64(time.Second))
}

// evict forgets clients whose bucket has refilled (forgetting them changes
// nothing); if all are recent, it forgets arbitrary ones down to half, which
// at worst gives those clients a fresh burst.
func (l *ipLimiter) evict(now time.Time) {
	refill := time.Duration(float64(l.burst) / float64(l.limit) * float64(time.Second))
	for ip, c := range l.clients {
		if now.Sub(c.lastSeen) > refill {
			delete(l.clients, ip)
		}
	}
	for ip := range l.clients {
		if len(l.clients) <= maxTrackedIPs/2 {
			break
		}
		delete(l.clients, ip)
	}
}

// appLimiter enforces each app's requests-per-minute quota: a token bucket
// per app, refilled at the quota's rate with the whole minute's quota as
// burst, held in memory on each node (so with n nodes an app may reach n
// times its quota; docs/apps.md says so). A changed quota starts a new
// bucket.
type appLimiter struct {
	mu   sync.Mutex
	apps map[string]*appBucket
}

type appBucket struct {
	perMinute int
	limiter   *rate.Limiter
}

func newAppLimiter() *appLimiter { return &appLimiter{apps: map[string]*appBucket{}} }

// allow takes one request of app's quota of perMinute. When none is left
// it returns false and how long until the next one.
func (l *appLimiter) allow(app string, perMinute int, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.apps[app]
	if !ok || b.perMinute != perMinute {
		if len(l.apps) >= maxTrackedIPs {
			clear(l.apps) // at worst a fresh minute for every app
		}
		b = &appBucket{perMinute: perMinute, limiter: rate.NewLimiter(rate.Limit(float64(perMinute)/60), perMinute)}
		l.apps[app] = b
	}
	if b.limiter.AllowN(now, 1) {
		return true, 0
	}
	missing := 1 - b.limiter.TokensAt(now)
	return false, time.Duration(missing / float64(b.limiter.Limit()) * float64(time.Second))
}
