// Package store is the source of truth: one implementation of parley.Store
// over database/sql that runs on SQLite (modernc.org/sqlite, one node, no
// server) and on PostgreSQL (pgx, many nodes). Queries are written once with
// ? placeholders; a small dialect layer rebinds them for PostgreSQL and holds
// the few expressions that differ. The schema is a set of goose migrations
// embedded per dialect and applied by Open.
//
// Each public method runs in at most one transaction and composes small
// helpers that take it. Every change made on behalf of a parley.Actor writes
// its audit_log row in the same transaction.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/parleychat/parley"
)

// Store implements parley.Store on SQLite or PostgreSQL.
type Store struct {
	// Now is the clock that stamps CreatedAt, UpdatedAt and audit entries.
	// It defaults to time.Now; set it before first use.
	Now func() time.Time

	dialect dialect
	writer  *sql.DB       // every write; SQLite: one connection, BEGIN IMMEDIATE
	reader  *sql.DB       // plain reads; SQLite: read-only pool; PostgreSQL: writer
	pool    *pgxpool.Pool // PostgreSQL only; writer is opened from it
	ckpt    *checkpointer // SQLite only; see checkpoint.go
	stmts   *stmtCache    // SQLite only: statements prepared on the writer

	writeTxs atomic.Int64           // see WriteTransactions
	onEvents atomic.Pointer[func()] // see OnEventsCommitted
}

var _ parley.Store = (*Store)(nil)

// Open connects to databaseURL, applies pending migrations, and returns the
// store. databaseURL is "postgres://…" or "postgresql://…" for PostgreSQL;
// "sqlite:PATH", "file:PATH" or a bare PATH for an SQLite file, whose parent
// directory is created if missing.
func Open(ctx context.Context, databaseURL string, logger *slog.Logger) (*Store, error) {
	s, err := connect(ctx, databaseURL, logger)
	if err != nil {
		return nil, err
	}
	if _, err := s.migrate(ctx, logger); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Migrate applies pending migrations to databaseURL (see Open) and returns
// the versions applied, empty when the schema is up to date.
func Migrate(ctx context.Context, databaseURL string, logger *slog.Logger) ([]int64, error) {
	s, err := connect(ctx, databaseURL, logger)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	return s.migrate(ctx, logger)
}

// Dialect returns "sqlite" or "postgres".
func (s *Store) Dialect() string { return string(s.dialect) }

// DBs returns the store's connection pools by name, for metrics: "writer"
// and "reader" on SQLite, "main" on PostgreSQL.
func (s *Store) DBs() map[string]*sql.DB {
	if s.dialect == dialectPostgres {
		return map[string]*sql.DB{"main": s.writer}
	}
	return map[string]*sql.DB{"writer": s.writer, "reader": s.reader}
}

// Ping reports whether the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.writer.PingContext(ctx); err != nil {
		return fmt.Errorf("ping database: %w", err)
	}
	if err := s.reader.PingContext(ctx); err != nil {
		return fmt.Errorf("ping database reader: %w", err)
	}
	return nil
}

// Close releases the database.
func (s *Store) Close() error {
	var err error
	if s.ckpt != nil {
		err = s.ckpt.close()
	}
	if s.stmts != nil {
		err = errors.Join(err, s.stmts.close())
	}
	err = errors.Join(err, s.writer.Close())
	if s.pool != nil {
		s.pool.Close()
	} else {
		err = errors.Join(err, s.reader.Close())
	}
	return err
}

// now returns the store's clock in UTC at the precision the database keeps.
func (s *Store) now() time.Time {
	return s.Now().UTC().Truncate(time.Microsecond)
}

// connect opens the pools for databaseURL without migrating.
func connect(ctx context.Context, databaseURL string, logger *slog.Logger) (*Store, error) {
	if strings.HasPrefix(databaseURL, "postgres://") || strings.HasPrefix(databaseURL, "postgresql://") {
		return connectPostgres(ctx, databaseURL)
	}
	path, ok := strings.CutPrefix(databaseURL, "sqlite:")
	if !ok {
		path, _ = strings.CutPrefix(databaseURL, "file:")
	}
	switch {
	case path == "":
		return nil, errors.New("database URL is empty")
	case path == ":memory:":
		return nil, errors.New("in-memory SQLite is not supported: name a database file")
	case strings.Contains(path, "://"):
		return nil, fmt.Errorf("unsupported database URL scheme in %q: use postgres://, sqlite:PATH or a file path", databaseURL)
	}
	return connectSQLite(ctx, path, logger)
}

func connectPostgres(ctx context.Context, databaseURL string) (*Store, error) {
	pool, err := pgxpool.New(ctx, databaseURL)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	db := stdlib.OpenDBFromPool(pool)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		pool.Close()
		return nil, fmt.Errorf("connect to postgres: %w", err)
	}
	return &Store{Now: time.Now, dialect: dialectPostgres, writer: db, reader: db, pool: pool}, nil
}

// SQLite settings applied to every connection through the DSN. WAL lets the
// readers run beside the one writer; busy_timeout covers other processes
// (such as a backup) holding the file. The writer keeps a 64 MiB page
// cache and its statement journals in memory. It never checkpoints the WAL
// itself (wal_autocheckpoint(0)): a checkpoint inside a commit stalls every
// send queued behind it, so a background checkpointer does it (see
// checkpoint.go); journal_size_limit trims a log file left larger than
// 64 MiB when the log starts again.
//
// synchronous(NORMAL) in WAL mode syncs the log at checkpoints, not at
// every commit: a commit survives a crash of the process (it is in the
// operating system's cache), but the last commits before a power loss or
// a crash of the operating system may be lost — never corrupting the
// database. docs/performance.md states the trade-off.
const (
	sqliteWriterParams = "_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)&_pragma=cache_size(-65536)&_pragma=wal_autocheckpoint(0)&_pragma=journal_size_limit(67108864)&_pragma=temp_store(MEMORY)&_txlock=immediate"
	sqliteReaderParams = "mode=ro&_pragma=busy_timeout(5000)"
)

func connectSQLite(ctx context.Context, path string, logger *slog.Logger) (*Store, error) {
	path, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("sqlite path: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("create database directory: %w", err)
	}
	uri := "file:" + (&url.URL{Path: path}).EscapedPath()

	writer, err := sql.Open("sqlite", uri+"?"+sqliteWriterParams)
	if err != nil {
		return nil, fmt.Errorf("open sqlite: %w", err)
	}
	writer.SetMaxOpenConns(1)
	writer.SetMaxIdleConns(1)
	// Connecting creates the file and puts it in WAL mode, which the
	// read-only connections cannot do themselves.
	if err := writer.PingContext(ctx); err != nil {
		writer.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}

	reader, err := sql.Open("sqlite", uri+"?"+sqliteReaderParams)
	if err != nil {
		writer.Close()
		return nil, fmt.Errorf("open sqlite reader: %w", err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	reader.SetMaxOpenConns(n)
	reader.SetMaxIdleConns(n)
	ckpt, err := startCheckpointer(ctx, uri, writer, logger)
	if err != nil {
		writer.Close()
		reader.Close()
		return nil, err
	}
	return &Store{
		Now: time.Now, dialect: dialectSQLite, writer: writer, reader: reader, ckpt: ckpt, stmts: newStmtCache(writer),
	}, nil
}
