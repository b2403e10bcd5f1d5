package store

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"strings"

	"github.com/parleychat/parley"
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

// NextPendingPlan returns the query plan of NextPending's query, one line
// per step. On PostgreSQL the planner is told to avoid sorts and
// sequential scans, so a sort in the plan means no index can give the
// order (with few rows it would otherwise rightly prefer to sort).
func NextPendingPlan(ctx context.Context, s *Store, workspaceID, queueID string) (string, error) {
	var plan []string
	err := s.inTx(ctx, func(tx runner) error {
		explain := `EXPLAIN QUERY PLAN `
		if s.dialect == dialectPostgres {
			explain = `EXPLAIN `
			if _, err := tx.exec(ctx, `SET LOCAL enable_sort = off`); err != nil {
				return err
			}
			if _, err := tx.exec(ctx, `SET LOCAL enable_seqscan = off`); err != nil {
				return err
			}
		}
		rows, err := tx.query(ctx, explain+nextPendingQuery, workspaceID, queueID, parley.StatusPending, 64)
		if err != nil {
			return err
		}
		defer rows.Close()
		cols, err := rows.Columns()
		if err != nil {
			return err
		}
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				return err
			}
			plan = append(plan, strings.TrimSpace(fmt.Sprintln(vals...)))
		}
		return rows.Err()
	})
	return strings.Join(plan, "\n"), err
}
