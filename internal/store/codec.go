package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/parleychat/parley"
)

// newID returns a new UUIDv7: unique, and ordered by creation time.
func newID() string { return uuid.Must(uuid.NewV7()).String() }

// Times are stored as unix microseconds, UTC.

func fromMicros(us int64) time.Time { return time.UnixMicro(us).UTC() }

func fromNullMicros(us sql.NullInt64) *time.Time {
	if !us.Valid {
		return nil
	}
	t := fromMicros(us.Int64)
	return &t
}

// encodeJSON renders v for a JSON column (TEXT on SQLite, jsonb on PostgreSQL).
func encodeJSON(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("encode json: %w", err)
	}
	return string(b), nil
}

func decodeJSON(s string, v any) error {
	if err := json.Unmarshal([]byte(s), v); err != nil {
		return fmt.Errorf("decode json: %w", err)
	}
	return nil
}

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// queryAll runs query and scans every row with scan.
func queryAll[T any](ctx context.Context, r runner, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := r.query(ctx, query, args...)
	return scanRows(rows, err, scan)
}

// scanRows scans every row of rows, the result of a query that returned
// err, and closes them.
func scanRows[T any](rows *sql.Rows, err error, scan func(scanner) (T, error)) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	items := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		items = append(items, v)
	}
	return items, rows.Err()
}

// page turns the up to limit+1 items fetched for a page into the page: at
// most limit items, and Next set when more remain.
func page[T any](items []T, limit int, id func(T) string) parley.List[T] {
	if len(items) <= limit {
		return parley.List[T]{Items: items}
	}
	items = items[:limit]
	return parley.List[T]{Items: items, Next: id(items[limit-1])}
}

// stringChange is one optional string field of an update: val (nil when
// not set) is copied into dst.
type stringChange struct {
	name     string
	val, dst *string
}

// applyChanges copies the set values that differ into their fields and
// returns the names and new values of those that changed.
func applyChanges(changes ...stringChange) map[string]any {
	changed := map[string]any{}
	for _, c := range changes {
		if c.val != nil && *c.val != *c.dst {
			*c.dst = *c.val
			changed[c.name] = *c.val
		}
	}
	return changed
}
