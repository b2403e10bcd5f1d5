package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"log/slog"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// migrations holds one folder of goose SQL files per dialect.
//
//go:embed migrations
var migrations embed.FS

// migrate applies the pending migrations of the store's dialect and returns
// their versions. On PostgreSQL they run under a session advisory lock so
// that nodes starting together apply each migration once; a node that finds
// nothing pending never waits for the lock.
func (s *Store) migrate(ctx context.Context, logger *slog.Logger) ([]int64, error) {
	return s.migrateTo(ctx, logger, 0)
}

// migrateTo is migrate up to version target only (every version when 0),
// for tests of a migration over the data of the versions before it.
func (s *Store) migrateTo(ctx context.Context, logger *slog.Logger, target int64) ([]int64, error) {
	fsys, err := fs.Sub(migrations, "migrations/"+string(s.dialect))
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	gooseDialect := goose.DialectSQLite3
	opts := []goose.ProviderOption{goose.WithDisableGlobalRegistry(true)}
	if s.dialect == dialectPostgres {
		gooseDialect = goose.DialectPostgres
		// Poll for the lock every second, for up to five minutes.
		locker, err := lock.NewPostgresSessionLocker(lock.WithLockTimeout(1, 300))
		if err != nil {
			return nil, fmt.Errorf("migration lock: %w", err)
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(gooseDialect, s.writer, fsys, opts...)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	// p.Close would close s.writer, so the provider is simply dropped.
	pending, err := p.HasPending(ctx)
	if err != nil {
		return nil, fmt.Errorf("check migrations: %w", err)
	}
	if !pending {
		return []int64{}, nil
	}
	var results []*goose.MigrationResult
	if target > 0 {
		results, err = p.UpTo(ctx, target)
	} else {
		results, err = p.Up(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("apply migrations: %w", err)
	}
	versions := make([]int64, 0, len(results))
	for _, r := range results {
		versions = append(versions, r.Source.Version)
	}
	if len(versions) > 0 && logger != nil {
		logger.InfoContext(ctx, "applied database migrations", "dialect", s.dialect, "versions", versions)
	}
	return versions, nil
}
