package store

import (
	"context"
	"database/sql"
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

// StopCheckpointer stops s's background WAL checkpointer (SQLite), so
// that the log keeps every page written from then on, for tests that
// count them.
func StopCheckpointer(s *Store) error {
	if s.ckpt == nil {
		return nil
	}
	err := s.ckpt.close()
	s.ckpt = nil
	return err
}

// Writer returns s's writer connection pool.
func Writer(s *Store) *sql.DB { return s.writer }
