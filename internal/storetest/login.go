package storetest

import (
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func testLoginThrottle(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)
	const window = 15 * time.Minute
	t0 := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

	t.Run("None", func(t *testing.T) {
		n, last, err := s.LoginFailures(t.Context(), "nobody@example.com")
		must(t, err)
		if n != 0 || !last.IsZero() {
			t.Errorf("LoginFailures = %d, %v; want 0 and the zero time", n, last)
		}
	})

	t.Run("CountAndWindow", func(t *testing.T) {
		ctx := t.Context()
		key := unique() + "@example.com"
		steps := []struct {
			name string
			at   time.Time
			want int
		}{
			{"First", t0, 1},
			{"Second", t0.Add(time.Minute), 2},
			{"ExactlyWindowLater", t0.Add(time.Minute + window), 3},
			{"JustOverWindowLater", t0.Add(time.Minute + 2*window + time.Microsecond), 1},
			{"AgainWithinWindow", t0.Add(time.Minute + 3*window), 2},
		}
		for _, step := range steps {
			t.Run(step.name, func(t *testing.T) {
				n, err := s.RecordLoginFailure(ctx, key, step.at, window)
				must(t, err)
				if n != step.want {
					t.Errorf("RecordLoginFailure = %d, want %d", n, step.want)
				}
				n, last, err := s.LoginFailures(ctx, key)
				must(t, err)
				if n != step.want || !last.Equal(step.at) || last.Location() != time.UTC {
					t.Errorf("LoginFailures = %d, %v; want %d, %v", n, last, step.want, step.at)
				}
			})
		}
	})

	t.Run("KeysAreIndependent", func(t *testing.T) {
		ctx := t.Context()
		a, b := unique(), unique()
		for range 3 {
			_, err := s.RecordLoginFailure(ctx, a, t0, window)
			must(t, err)
		}
		n, err := s.RecordLoginFailure(ctx, b, t0, window)
		must(t, err)
		if n != 1 {
			t.Errorf("other key counts %d, want 1", n)
		}
	})

	t.Run("Clear", func(t *testing.T) {
		ctx := t.Context()
		key := unique()
		for range 2 {
			_, err := s.RecordLoginFailure(ctx, key, t0, window)
			must(t, err)
		}
		must(t, s.ClearLoginFailures(ctx, key))
		n, last, err := s.LoginFailures(ctx, key)
		must(t, err)
		if n != 0 || !last.IsZero() {
			t.Errorf("after Clear: %d, %v", n, last)
		}
		n, err = s.RecordLoginFailure(ctx, key, t0, window)
		must(t, err)
		if n != 1 {
			t.Errorf("after Clear the count restarts at %d, want 1", n)
		}
		must(t, s.ClearLoginFailures(ctx, "never-failed"))
	})
}
