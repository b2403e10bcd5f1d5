package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/parleychat/parley"
)

// seenColumns are contactColumns with last_seen_at, of the table c.
var seenColumns = "c." + strings.ReplaceAll(contactColumns, ", ", ", c.") + ", c.last_seen_at"

// MarkContactSeen implements parley.ContactSeenStore.
func (s *Store) MarkContactSeen(ctx context.Context, workspaceID, contactID string, at time.Time) error {
	us := at.UnixMicro()
	_, err := s.write().exec(ctx, `UPDATE contacts SET last_seen_at = ?
		WHERE workspace_id = ? AND id = ? AND (last_seen_at IS NULL OR last_seen_at < ?)`,
		us, workspaceID, contactID, us)
	if err != nil {
		return fmt.Errorf("mark contact seen: %w", err)
	}
	return nil
}

// SeenContacts implements parley.ContactSeenStore.
func (s *Store) SeenContacts(ctx context.Context, workspaceID string, ids []string) ([]*parley.SeenContact, error) {
	if len(ids) == 0 {
		return []*parley.SeenContact{}, nil
	}
	if len(ids) > parley.MaxListLimit {
		return nil, parley.Errorf(parley.EINVALID, "At most %d contacts at once.", parley.MaxListLimit)
	}
	args := make([]any, 0, len(ids)+1)
	args = append(args, workspaceID)
	for _, id := range ids {
		args = append(args, id)
	}
	query := `SELECT ` + seenColumns + ` FROM contacts c WHERE c.workspace_id = ? AND c.id IN (?` +
		strings.Repeat(", ?", len(ids)-1) + `)`
	items, err := queryAll(ctx, s.read(), scanSeenContact, query, args...)
	if err != nil {
		return nil, fmt.Errorf("seen contacts: %w", err)
	}
	return items, nil
}

// ListRecentlySeenContacts implements parley.ContactSeenStore. The cursor
// is "<last_seen_at in µs>_<contact ID>" of the previous page's last item.
func (s *Store) ListRecentlySeenContacts(ctx context.Context, workspaceID string, opt parley.ListOptions) (parley.List[*parley.SeenContact], error) {
	limit := opt.EffectiveLimit()
	query := `SELECT ` + seenColumns + ` FROM contacts c WHERE c.workspace_id = ? AND c.last_seen_at IS NOT NULL`
	args := []any{workspaceID}
	if opt.After != "" {
		us, id, ok := parseSeenCursor(opt.After)
		if !ok {
			return parley.List[*parley.SeenContact]{}, &parley.Error{Code: parley.EINVALID, Message: "The input is invalid.",
				Fields: []parley.FieldError{{Field: "after", Message: "must be the next cursor of a previous page"}}}
		}
		query += ` AND (c.last_seen_at < ? OR (c.last_seen_at = ? AND c.id < ?))`
		args = append(args, us, us, id)
	}
	query += ` ORDER BY c.last_seen_at DESC, c.id DESC LIMIT ?`
	items, err := queryAll(ctx, s.read(), scanSeenContact, query, append(args, limit+1)...)
	if err != nil {
		return parley.List[*parley.SeenContact]{}, fmt.Errorf("list recently seen contacts: %w", err)
	}
	return page(items, limit, func(c *parley.SeenContact) string {
		return strconv.FormatInt(c.LastSeenAt.UnixMicro(), 10) + "_" + c.Contact.ID
	}), nil
}

func parseSeenCursor(s string) (int64, string, bool) {
	micros, id, ok := strings.Cut(s, "_")
	if !ok || id == "" || len(s) > 200 {
		return 0, "", false
	}
	us, err := strconv.ParseInt(micros, 10, 64)
	if err != nil || us < 0 {
		return 0, "", false
	}
	return us, id, true
}

func scanSeenContact(row scanner) (*parley.SeenContact, error) {
	var seen sql.NullInt64
	var c *parley.Contact
	c, err := scanContact(scannerFunc(func(dest ...any) error { return row.Scan(append(dest, &seen)...) }))
	if err != nil {
		return nil, err
	}
	return &parley.SeenContact{Contact: c, LastSeenAt: fromNullMicros(seen)}, nil
}

// scannerFunc adapts a function to scanner.
type scannerFunc func(dest ...any) error

func (f scannerFunc) Scan(dest ...any) error { return f(dest...) }
