package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
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
func (d dialect) forUpdate() string {
	if d == dialectPostgres {
		return " FOR UPDATE"
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
	stmts   *stmtCache // when set, each query is prepared once and reused
}

func (r runner) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	query = r.dialect.rebind(query)
	if r.stmts != nil {
		st, err := r.stmts.get(ctx, r.db, query)
		if err != nil {
			return nil, err
		}
		return st.ExecContext(ctx, args...)
	}
	return r.db.ExecContext(ctx, query, args...)
}

func (r runner) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	query = r.dialect.rebind(query)
	if r.stmts != nil {
		st, err := r.stmts.get(ctx, r.db, query)
		if err != nil {
			return nil, err
		}
		return st.QueryContext(ctx, args...)
	}
	return r.db.QueryContext(ctx, query, args...)
}

func (r runner) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	query = r.dialect.rebind(query)
	if r.stmts != nil {
		if st, err := r.stmts.get(ctx, r.db, query); err == nil {
			return st.QueryRowContext(ctx, args...)
		}
		// The unprepared query fails the same way and carries the error.
	}
	return r.db.QueryRowContext(ctx, query, args...)
}

// stmtCache holds the statements prepared in one transaction, so that a
// transaction running the same few queries many times (a batch of
// messages) parses each once. SQLite's driver would otherwise parse every
// statement anew; pgx already caches statements per connection, so the
// cache is used on SQLite only.
type stmtCache struct {
	m map[string]*sql.Stmt
}

func (c *stmtCache) get(ctx context.Context, db execQuerier, query string) (*sql.Stmt, error) {
	if st, ok := c.m[query]; ok {
		return st, nil
	}
	st, err := db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.m[query] = st
	return st, nil
}

func (c *stmtCache) close() {
	for _, st := range c.m {
		st.Close()
	}
}

// read returns a runner on the read pool.
func (s *Store) read() runner { return runner{db: s.reader, dialect: s.dialect} }

// write returns a runner on the writer, for a change made by one statement.
func (s *Store) write() runner { return runner{db: s.writer, dialect: s.dialect} }

// inTx runs fn in a write transaction and commits it if fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx runner) error) error {
	return s.runTx(ctx, false, fn)
}

// inBatchTx is inTx for a transaction that runs the same queries many
// times: on SQLite each is prepared once (see stmtCache).
func (s *Store) inBatchTx(ctx context.Context, fn func(tx runner) error) error {
	return s.runTx(ctx, s.dialect == dialectSQLite, fn)
}

func (s *Store) runTx(ctx context.Context, cache bool, fn func(tx runner) error) error {
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	r := runner{db: tx, dialect: s.dialect}
	if cache {
		r.stmts = &stmtCache{m: map[string]*sql.Stmt{}}
		defer r.stmts.close()
	}
	if err := fn(r); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
