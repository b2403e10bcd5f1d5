package realtime

import (
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// recorder records when an expiry's callbacks run, in the bubble's clock.
type recorder struct {
	mu      sync.Mutex
	warned  []time.Time // when warn ran
	warnFor []time.Time // the expiry it warned about
	expired []time.Time
}

func (r *recorder) expiry(warning time.Duration) *expiry {
	return newExpiry(warning, func(at time.Time) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.warned, r.warnFor = append(r.warned, time.Now()), append(r.warnFor, at)
	}, func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.expired = append(r.expired, time.Now())
	})
}

func (r *recorder) counts() (warned, expired int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.warned), len(r.expired)
}

// The warning comes exactly TokenExpiryWarning before the expiry, the close
// exactly at it; a new schedule replaces the old one; stop cancels.
func TestExpiryTiming(t *testing.T) {
	const warning = 3 * time.Minute
	t.Run("WarnThenExpire", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var r recorder
			e := r.expiry(warning)
			start := time.Now()
			at := start.Add(time.Hour)
			e.schedule(at)
			synctest.Wait()
			if w, x := r.counts(); w != 0 || x != 0 {
				t.Fatalf("at once: %d warnings, %d expiries", w, x)
			}
			time.Sleep(time.Hour - warning - time.Nanosecond)
			synctest.Wait()
			if w, _ := r.counts(); w != 0 {
				t.Fatal("warned early")
			}
			time.Sleep(time.Hour)
			synctest.Wait()
			if len(r.warned) != 1 || !r.warned[0].Equal(at.Add(-warning)) || !r.warnFor[0].Equal(at) {
				t.Fatalf("warned at %v for %v, want once at %v for %v", r.warned, r.warnFor, at.Add(-warning), at)
			}
			if len(r.expired) != 1 || !r.expired[0].Equal(at) {
				t.Fatalf("expired at %v, want once at %v", r.expired, at)
			}
		})
	})

	t.Run("InsideTheWindow", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var r recorder
			e := r.expiry(warning)
			start := time.Now()
			e.schedule(start.Add(time.Minute))
			synctest.Wait()
			if len(r.warned) != 1 || !r.warned[0].Equal(start) {
				t.Fatalf("warned at %v, want at once (%v)", r.warned, start)
			}
			time.Sleep(time.Minute)
			synctest.Wait()
			if len(r.expired) != 1 || !r.expired[0].Equal(start.Add(time.Minute)) {
				t.Fatalf("expired at %v", r.expired)
			}
		})
	})

	t.Run("AlreadyExpired", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var r recorder
			e := r.expiry(warning)
			e.schedule(time.Now().Add(-time.Second))
			synctest.Wait()
			if w, x := r.counts(); w != 1 || x != 1 {
				t.Fatalf("%d warnings, %d expiries; want 1, 1 at once", w, x)
			}
		})
	})

	t.Run("Reschedule", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var r recorder
			e := r.expiry(warning)
			start := time.Now()
			e.schedule(start.Add(10 * time.Minute))
			time.Sleep(8 * time.Minute) // warned at 7 min
			synctest.Wait()
			later := start.Add(time.Hour)
			e.schedule(later) // the refresh
			time.Sleep(2 * time.Hour)
			synctest.Wait()
			if len(r.expired) != 1 || !r.expired[0].Equal(later) {
				t.Fatalf("expired at %v, want only at %v", r.expired, later)
			}
			if len(r.warned) != 2 || !r.warned[1].Equal(later.Add(-warning)) || !r.warnFor[1].Equal(later) {
				t.Fatalf("warned at %v for %v", r.warned, r.warnFor)
			}
		})
	})

	t.Run("NoExpiry", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var r recorder
			e := r.expiry(warning)
			e.schedule(time.Now().Add(time.Minute)) // warned at once
			synctest.Wait()
			e.schedule(time.Time{}) // refreshed with a credential that does not expire
			time.Sleep(24 * time.Hour)
			synctest.Wait()
			if w, x := r.counts(); w != 1 || x != 0 {
				t.Fatalf("%d warnings, %d expiries; want the first warning only", w, x)
			}
		})
	})

	t.Run("Stop", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var r recorder
			e := r.expiry(warning)
			e.schedule(time.Now().Add(time.Hour))
			e.stop()
			e.schedule(time.Now().Add(time.Hour)) // after the end: ignored
			time.Sleep(2 * time.Hour)
			synctest.Wait()
			if w, x := r.counts(); w != 0 || x != 0 {
				t.Fatalf("%d warnings, %d expiries after stop", w, x)
			}
		})
	})
}
