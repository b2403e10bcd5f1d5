package realtime

import (
	"sync"
	"time"
)

// expiry ends a connection when its credential expires, warning the client
// a while before: warn runs at the expiry time minus warning (at once if
// that has passed), expire at the expiry time. schedule replaces both
// timers, as a refresh does; stop cancels them for good, as the end of the
// connection does.
//
// The timers fire on goroutines of their own. Each callback runs under mu
// and only if its schedule is still the current one, so a timer that fires
// while being replaced does nothing: after schedule returns, no callback
// of an earlier schedule runs. warn and expire must not call back into the
// expiry.
type expiry struct {
	warning time.Duration
	warn    func(expiresAt time.Time)
	expire  func()

	mu      sync.Mutex
	gen     uint64 // the current schedule
	stopped bool
	timers  []*time.Timer
}

func newExpiry(warning time.Duration, warn func(time.Time), expire func()) *expiry {
	return &expiry{warning: warning, warn: warn, expire: expire}
}

// schedule arms the timers for a credential expiring at at, replacing any
// earlier schedule; a zero at means it does not expire.
func (e *expiry) schedule(at time.Time) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.cancel()
	if e.stopped || at.IsZero() {
		return
	}
	gen := e.gen
	left := time.Until(at)
	e.timers = append(e.timers,
		time.AfterFunc(max(left-e.warning, 0), e.fire(gen, func() { e.warn(at) })),
		time.AfterFunc(max(left, 0), e.fire(gen, e.expire)),
	)
}

// fire returns a timer callback that runs f if schedule gen is current.
func (e *expiry) fire(gen uint64, f func()) func() {
	return func() {
		e.mu.Lock()
		defer e.mu.Unlock()
		if e.gen == gen && !e.stopped {
			f()
		}
	}
}

// stop cancels the timers; later schedules do nothing.
func (e *expiry) stop() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.stopped = true
	e.cancel()
}

// cancel stops the current timers and retires their schedule. e.mu is held.
func (e *expiry) cancel() {
	e.gen++
	for _, t := range e.timers {
		t.Stop()
	}
	e.timers = e.timers[:0]
}
