package conversation

import (
	"fmt"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/parleychat/parley"
)

// maxTrackedApps bounds the memory of appRates.
const maxTrackedApps = 10_000

// appRates enforces each app's messages-per-second quota: a token bucket
// per app, refilled at the quota's rate with one second's quota as burst,
// held in memory on each node (with n nodes an app may reach n times its
// quota; docs/apps.md says so). A changed quota starts a new bucket.
type appRates struct {
	mu   sync.Mutex
	apps map[string]*appRate
}

type appRate struct {
	perSecond int
	limiter   *rate.Limiter
}

// take takes one message of the app's quota, or returns ERATELIMITED
// (Reason parley.ReasonAppMessages, with RetryAfter) when none is left.
func (r *appRates) take(appID string, perSecond int, now time.Time) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.apps == nil {
		r.apps = map[string]*appRate{}
	}
	b, ok := r.apps[appID]
	if !ok || b.perSecond != perSecond {
		if len(r.apps) >= maxTrackedApps {
			clear(r.apps) // at worst a fresh second for every app
		}
		b = &appRate{perSecond: perSecond, limiter: rate.NewLimiter(rate.Limit(perSecond), perSecond)}
		r.apps[appID] = b
	}
	if b.limiter.AllowN(now, 1) {
		return nil
	}
	missing := 1 - b.limiter.TokensAt(now)
	wait := time.Duration(missing / float64(perSecond) * float64(time.Second))
	return &parley.Error{Code: parley.ERATELIMITED, Reason: parley.ReasonAppMessages, RetryAfter: max(wait, time.Millisecond),
		Message: fmt.Sprintf("The app's quota messages_per_second (%d) is used up.", perSecond)}
}
