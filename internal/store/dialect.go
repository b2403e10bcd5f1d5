package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// dialect names a database engine and holds what differs between them.
type dialect string

const (
	dialectSQLite   dialect = "sqlite"
	dialectPostgres dialect = "postgres"
)

// rebind rewrites the ? placeholders of query into the dialect's form
// ($1, $2, … for PostgreSQL). Queries never hold a literal ?.
func (d dialect) rebind(query string) string {
	if d != dialectPostgres {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// attributeEquals returns a condition matching rows whose JSON column
// attributes has key rendered as text equal to value (strings as is,
// numbers in decimal, booleans as true/false), with its arguments. key must
// match parley.AttributeKeyPattern, which makes it safe in a JSON path.
func (d dialect) attributeEquals(key, value string) (string, []any) {
	if d == dialectPostgres {
		return "attributes ->> ? = ?", []any{key, value}
	}
	path := "$." + key
	return `CASE json_type(attributes, ?)
		WHEN 'true' THEN 'true' WHEN 'false' THEN 'false'
		ELSE CAST(json_extract(attributes, ?) AS TEXT) END = ?`, []any{path, path, value}
}

// forUpdate returns the clause that locks the rows a SELECT reads until
// the transaction ends: FOR UPDATE on PostgreSQL; nothing on SQLite, whose
// write transactions exclude every other writer.
// forUpdateOf is forUpdate locking only the rows of the table alias.
func (d dialect) forUpdateOf(alias string) string {
	if d == dialectPostgres {
		return " FOR UPDATE OF " + alias
	}
	return ""
}

func (d dialect) forUpdate() string {
	if d == dialectPostgres {
		return " FOR UPDATE"
	}
	return ""
}

// skipLocked is forUpdate that skips the rows another transaction has
// locked, as if they did not match.
func (d dialect) skipLocked() string {
	if d == dialectPostgres {
		return " FOR UPDATE SKIP LOCKED"
	}
	return ""
}

// forShare returns the clause that keeps the rows a SELECT reads from
// being changed or deleted by others until the transaction ends, while
// letting others read and share-lock them: FOR SHARE on PostgreSQL;
// nothing on SQLite (see forUpdate).
func (d dialect) forShare() string {
	if d == dialectPostgres {
		return " FOR SHARE"
	}
	return ""
}

// execQuerier is what the queries need of a *sql.DB or *sql.Tx.
type execQuerier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// runner runs queries written with ? placeholders in one dialect, on the
// reader pool or inside a write transaction.
type runner struct {
	db      execQuerier
	dialect dialect
	stmts   *txStmts // when set, queries are prepared once and reused
	// autocommit, on the writer outside a transaction, counts its
	// statements: each is a write transaction of its own.
	autocommit *atomic.Int64
	// events, in a write transaction, is set when it writes an event.
	events *bool
}

// oneOff returns r for a query of many forms (an IN list of any length),
// which is not to fill the statement cache.
func (r runner) oneOff() runner {
	r.stmts = nil
	return r
}

func (r runner) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if r.autocommit != nil {
		r.autocommit.Add(1)
	}
	query = r.dialect.rebind(query)
	if r.stmts != nil {
		st, err := r.stmts.get(ctx, query)
		if err != nil {
			return nil, err
		}
		return st.ExecContext(ctx, args...)
	}
	return r.db.ExecContext(ctx, query, args...)
}

func (r runner) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if r.autocommit != nil {
		r.autocommit.Add(1)
	}
	query = r.dialect.rebind(query)
	if r.stmts != nil {
		st, err := r.stmts.get(ctx, query)
		if err != nil {
			return nil, err
		}
		return st.QueryContext(ctx, args...)
	}
	return r.db.QueryContext(ctx, query, args...)
}

func (r runner) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	if r.autocommit != nil {
		r.autocommit.Add(1)
	}
	query = r.dialect.rebind(query)
	if r.stmts != nil {
		if st, err := r.stmts.get(ctx, query); err == nil {
			return st.QueryRowContext(ctx, args...)
		}
		// The unprepared query fails the same way and carries the error.
	}
	return r.db.QueryRowContext(ctx, query, args...)
}

// stmtCache holds statements prepared on the SQLite writer, keyed by
// query, so that the queries of AppendMessages — run in every transaction,
// and with group commit many transactions are small — are parsed once for
// the life of the store rather than once per transaction. SQLite's driver
// would otherwise parse every statement anew; pgx already caches
// statements per connection, so the cache is used on SQLite only.
//
// A transaction holds the writer's only connection, so it cannot prepare
// a statement on the pool: a query not yet cached is prepared for that
// transaction alone and queued, and prepared on the pool once the
// transaction ends (prepareQueued). A transaction then uses the cached
// statement through Tx.StmtContext, which finds it already prepared on the
// connection. The cache holds at most maxCachedStmts statements.
type stmtCache struct {
	db *sql.DB // the writer

	mu     sync.Mutex
	m      map[string]*sql.Stmt
	queued map[string]bool
}

// maxCachedStmts bounds the cache: the multi-row statements of a batch
// come in one form per row count, so the set of queries is finite, but
// there is no need to keep every form.
const maxCachedStmts = 512

func newStmtCache(db *sql.DB) *stmtCache {
	return &stmtCache{db: db, m: map[string]*sql.Stmt{}, queued: map[string]bool{}}
}

// prepareQueued prepares on the pool the queries transactions queued.
// It must not run inside a transaction on the writer, and does not hold
// the lock while it waits for the connection (a transaction holding the
// connection may need the lock).
func (c *stmtCache) prepareQueued(ctx context.Context) error {
	c.mu.Lock()
	queries := make([]string, 0, len(c.queued))
	for q := range c.queued {
		queries = append(queries, q)
	}
	clear(c.queued)
	c.mu.Unlock()
	var err error
	for _, q := range queries {
		st, perr := c.db.PrepareContext(ctx, q)
		if perr != nil {
			err = errors.Join(err, perr)
			continue
		}
		c.mu.Lock()
		if _, ok := c.m[q]; ok || len(c.m) >= maxCachedStmts {
			err = errors.Join(err, st.Close())
		} else {
			c.m[q] = st
		}
		c.mu.Unlock()
	}
	return err
}

// close closes the cached statements.
func (c *stmtCache) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var err error
	for q, st := range c.m {
		err = errors.Join(err, st.Close())
		delete(c.m, q)
	}
	return err
}

// txStmts is the statements of one transaction: from the store's cache,
// or prepared for the transaction alone.
type txStmts struct {
	cache *stmtCache
	tx    *sql.Tx
	local map[string]*sql.Stmt // closed with the transaction
}

func (t *txStmts) get(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := t.local[query]; ok {
		return st, nil
	}
	t.cache.mu.Lock()
	st, ok := t.cache.m[query]
	if !ok && len(t.cache.m) < maxCachedStmts {
		t.cache.queued[query] = true
	}
	t.cache.mu.Unlock()
	if ok {
		st = t.tx.StmtContext(ctx, st)
	} else {
		var err error
		if st, err = t.tx.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
	}
	t.local[query] = st
	return st, nil
}

// read returns a runner on the read pool.
func (s *Store) read() runner { return runner{db: s.reader, dialect: s.dialect} }

// write returns a runner on the writer, for a change made by one statement.
func (s *Store) write() runner {
	return runner{db: s.writer, dialect: s.dialect, autocommit: &s.writeTxs}
}

// WriteTransactions returns how many write transactions the store has
// begun since it was opened, a statement run alone on the writer counting
// as one: on SQLite, whose one writer serializes them, it is what a
// change costs (tests assert it; it is not a metric).
func (s *Store) WriteTransactions() int64 { return s.writeTxs.Load() }

// OnEventsCommitted sets fn to be called, on this node, after each commit
// of a transaction that wrote an outbox event (the webhook dispatcher
// wakes up). fn must not block. Other nodes learn of the events by polling.
func (s *Store) OnEventsCommitted(fn func()) { s.onEvents.Store(&fn) }

// inTx runs fn in a write transaction and commits it if fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx runner) error) error {
	return s.runTx(ctx, false, fn)
}

// inBatchTx is inTx for a transaction whose queries run often, many
// times each: on SQLite each is prepared once for the life of the store
// (see stmtCache).
func (s *Store) inBatchTx(ctx context.Context, fn func(tx runner) error) error {
	return s.runTx(ctx, s.stmts != nil, fn)
}

func (s *Store) runTx(ctx context.Context, cache bool, fn func(tx runner) error) error {
	s.writeTxs.Add(1)
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	var events bool
	r := runner{db: tx, dialect: s.dialect, events: &events}
	if cache {
		r.stmts = &txStmts{cache: s.stmts, tx: tx, local: map[string]*sql.Stmt{}}
		// Once the transaction has let go of the connection. A failure is
		// not fatal: the query is then prepared per transaction again.
		defer func() { _ = s.stmts.prepareQueued(ctx) }()
	}
	if err := fn(r); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	if fn := s.onEvents.Load(); events && fn != nil {
		(*fn)()
	}
	return nil
}
