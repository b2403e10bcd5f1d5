package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/parleychat/parley"
)

// Search pages are ranked, so their cursors are offsets: "s<offset>".
func searchOffset(after string) (int, error) {
	if after == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(strings.TrimPrefix(after, "s"))
	if !strings.HasPrefix(after, "s") || err != nil || n <= 0 || n > parley.MaxSearchOffset {
		return 0, parley.Errorf(parley.EINVALID, "The cursor does not belong to this search.")
	}
	return n, nil
}

// searchPage cuts items (limit+1 read) to a page and gives it the next
// offset's cursor.
func searchPage[T any](items []T, offset, limit int) parley.List[T] {
	if len(items) <= limit || offset+limit >= parley.MaxSearchOffset {
		return parley.List[T]{Items: items[:min(len(items), limit)]}
	}
	return parley.List[T]{Items: items[:limit], Next: "s" + strconv.Itoa(offset+limit)}
}

// checkWords refuses an empty query or a word the indexes could read as
// syntax: words are runs of letters and digits (parley.SearchWords).
func checkWords(words []string) error {
	if len(words) == 0 || len(words) > parley.MaxSearchWords {
		return parley.Errorf(parley.EINVALID, "A search needs 1 to %d words.", parley.MaxSearchWords)
	}
	for _, w := range words {
		if w == "" || strings.ContainsFunc(w, func(r rune) bool { return !isWordRune(r) }) {
			return parley.Errorf(parley.EINVALID, "Search words hold letters and digits only.")
		}
	}
	return nil
}

// matchQuery renders words as the dialect's full-text query: every word,
// the last as a prefix when parley.LastIsPrefix. Words hold letters and
// digits only (checkWords), so nothing in them is syntax.
func (d dialect) matchQuery(words []string) string {
	parts := make([]string, len(words))
	prefix := parley.LastIsPrefix(words)
	for i, w := range words {
		if d == dialectPostgres {
			parts[i] = w
			if i == len(words)-1 && prefix {
				parts[i] += ":*"
			}
			continue
		}
		parts[i] = `"` + w + `"`
		if i == len(words)-1 && prefix {
			parts[i] += "*"
		}
	}
	if d == dialectPostgres {
		return strings.Join(parts, " & ")
	}
	return strings.Join(parts, " ")
}

// prefixed returns a column list with each column qualified by alias.
func prefixed(alias, columns string) string {
	cols := strings.Split(columns, ",")
	for i, c := range cols {
		cols[i] = alias + "." + strings.TrimSpace(c)
	}
	return strings.Join(cols, ", ")
}

// SearchContacts returns the contacts whose name, email, phone or external
// ID hold every word (the last as a prefix), best first.
func (s *Store) SearchContacts(ctx context.Context, workspaceID string, words []string, opt parley.ListOptions) (parley.List[*parley.ContactHit], error) {
	var none parley.List[*parley.ContactHit]
	if err := checkWords(words); err != nil {
		return none, err
	}
	offset, err := searchOffset(opt.After)
	if err != nil {
		return none, err
	}
	limit := opt.EffectiveLimit()
	var query string
	if s.dialect == dialectPostgres {
		query = `SELECT ` + prefixed("c", contactColumns) + ` FROM contacts c, to_tsquery('simple', ?) q
			WHERE c.search @@ q AND c.workspace_id = ? ORDER BY ts_rank(c.search, q) DESC, c.id DESC LIMIT ? OFFSET ?`
	} else {
		query = `SELECT ` + prefixed("c", contactColumns) + ` FROM contacts_fts JOIN contacts c ON c.rowid = contacts_fts.rowid
			WHERE contacts_fts MATCH ? AND c.workspace_id = ? ORDER BY bm25(contacts_fts), c.id DESC LIMIT ? OFFSET ?`
	}
	contacts, err := queryAll(ctx, s.read(), scanContact, query, s.dialect.matchQuery(words), workspaceID, limit+1, offset)
	if err != nil {
		return none, fmt.Errorf("search contacts: %w", err)
	}
	hits := make([]*parley.ContactHit, len(contacts))
	for i, c := range contacts {
		hits[i] = &parley.ContactHit{Contact: c}
	}
	return searchPage(hits, offset, limit), nil
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
