package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// RecordLoginFailure adds one failure for key at time at and returns the
// count of consecutive failures; a count whose last failure is older than
// window restarts at 1. One upsert, so concurrent failures are all counted.
func (s *Store) RecordLoginFailure(ctx context.Context, key string, at time.Time, window time.Duration) (int, error) {
	var n int
	err := s.write().queryRow(ctx, `INSERT INTO login_failures (key, failures, last_failure_at) VALUES (?, 1, ?)
		ON CONFLICT (key) DO UPDATE SET
			failures = CASE WHEN login_failures.last_failure_at < ? THEN 1 ELSE login_failures.failures + 1 END,
			last_failure_at = excluded.last_failure_at
		RETURNING failures`,
		key, at.UnixMicro(), at.Add(-window).UnixMicro()).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("record login failure: %w", err)
	}
	return n, nil
}

// LoginFailures returns the count and the time of the last failure (0 and
// the zero time if none).
func (s *Store) LoginFailures(ctx context.Context, key string) (int, time.Time, error) {
	var n int
	var last int64
	err := s.read().queryRow(ctx, `SELECT failures, last_failure_at FROM login_failures WHERE key = ?`, key).
		Scan(&n, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, time.Time{}, nil
	} else if err != nil {
		return 0, time.Time{}, fmt.Errorf("login failures: %w", err)
	}
	return n, fromMicros(last), nil
}

// ClearLoginFailures forgets the failures of key.
func (s *Store) ClearLoginFailures(ctx context.Context, key string) error {
	if _, err := s.write().exec(ctx, `DELETE FROM login_failures WHERE key = ?`, key); err != nil {
		return fmt.Errorf("clear login failures: %w", err)
	}
	return nil
}
