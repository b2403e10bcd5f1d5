package store

import (
	"context"
	"log/slog"
)

// MigrateTo applies the migrations up to version only, leaving the
// database as a Parley of that schema version would.
func MigrateTo(ctx context.Context, databaseURL string, version int64) error {
	s, err := connect(ctx, databaseURL, slog.New(slog.DiscardHandler))
	if err != nil {
		return err
	}
	defer s.Close()
	_, err = s.migrateTo(ctx, nil, version)
	return err
}

// Exec runs one statement (with ? placeholders) on the database without
// migrating it: for tests that store rows as an older version did.
func Exec(ctx context.Context, databaseURL, query string, args ...any) error {
	s, err := connect(ctx, databaseURL, slog.New(slog.DiscardHandler))
	if err != nil {
		return err
	}
	defer s.Close()
	return s.inTx(ctx, func(tx runner) error {
		_, err := tx.exec(ctx, query, args...)
		return err
	})
}
