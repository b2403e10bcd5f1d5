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

// execQuerier is what the queries need of a *sql.DB or *sql.Tx.
type execQuerier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// runner runs queries written with ? placeholders in one dialect, on the
// reader pool or inside a write transaction.
type runner struct {
	db      execQuerier
	dialect dialect
}

func (r runner) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return r.db.ExecContext(ctx, r.dialect.rebind(query), args...)
}

func (r runner) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return r.db.QueryContext(ctx, r.dialect.rebind(query), args...)
}

func (r runner) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return r.db.QueryRowContext(ctx, r.dialect.rebind(query), args...)
}

// read returns a runner on the read pool.
func (s *Store) read() runner { return runner{db: s.reader, dialect: s.dialect} }

// write returns a runner on the writer, for a change made by one statement.
func (s *Store) write() runner { return runner{db: s.writer, dialect: s.dialect} }

// inTx runs fn in a write transaction and commits it if fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx runner) error) error {
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	if err := fn(runner{db: tx, dialect: s.dialect}); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
