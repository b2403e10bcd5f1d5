package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/parleychat/parley"
)

// SearchMessages returns the messages holding every word (the last as a
// prefix), best first among the parley.SearchCandidates most recent; see
// parley.SearchStore.
//
// The index is walked from the newest match back (SQLite FTS5 by rowid,
// the order messages are stored in; PostgreSQL by ID, time-ordered), and
// stops at the SearchCandidates-th match the caller may see: ranking every
// match (bm25, ts_rank) cost time in proportion to the matches, and
// bm25's word rarity even scans every match of every word. The
// candidates are ranked here (parley.RankSearch), the same on both
// engines, and the page is cut from them.
func (s *Store) SearchMessages(ctx context.Context, workspaceID string, q parley.MessageSearch) (parley.List[*parley.MessageHit], error) {
	var none parley.List[*parley.MessageHit]
	if err := checkWords(q.Words); err != nil {
		return none, err
	}
	offset, err := searchOffset(q.After)
	if err != nil {
		return none, err
	}
	limit := q.EffectiveLimit()
	query, args := s.dialect.searchCandidates(workspaceID, q)
	msgs, err := queryAll(ctx, s.read(), scanMessage, query, args...)
	if err != nil {
		return none, fmt.Errorf("search messages: %w", err)
	}
	bodies := make([]string, len(msgs))
	for i, m := range msgs {
		bodies[i] = m.Body
	}
	order := parley.RankSearch(bodies, q.Words)
	hits := make([]*parley.MessageHit, 0, limit+1)
	for _, i := range order[min(offset, len(order)):min(offset+limit+1, len(order))] {
		hits = append(hits, &parley.MessageHit{Message: msgs[i], Snippet: parley.Snippet(msgs[i].Body, q.Words)})
	}
	return searchPage(hits, offset, limit), nil
}

// searchCandidates returns the query of the parley.SearchCandidates most
// recent messages q finds in the workspace, newest first, and its
// arguments.
func (d dialect) searchCandidates(workspaceID string, q parley.MessageSearch) (string, []any) {
	var query string
	args := []any{d.matchQuery(q.Words), workspaceID}
	confined := q.ConversationID != "" || q.ContactID != ""
	switch {
	case d == dialectPostgres && confined:
		// ts_match_vq is what @@ runs, but as a function the planner
		// cannot answer it with the text index: it reads the rows of the
		// conversations (by their index) and checks each, rather than
		// reading the index's every match in the workspace (measured at a
		// million messages: 7 ms instead of 46 ms for a common word).
		query = `SELECT ` + prefixed("m", messageColumns) + ` FROM messages m
			WHERE ts_match_vq(m.search, to_tsquery('simple', ?)) AND m.workspace_id = ?`
	case d == dialectPostgres:
		query = `SELECT ` + prefixed("m", messageColumns) + ` FROM messages m
			WHERE m.search @@ to_tsquery('simple', ?) AND m.workspace_id = ?`
	default:
		query = `SELECT ` + prefixed("m", messageColumns) + ` FROM messages_fts JOIN messages m ON m.rowid = messages_fts.rowid
			WHERE messages_fts MATCH ? AND m.workspace_id = ?`
	}
	query += ` AND m.deleted_at IS NULL AND m.kind IN (?, ?`
	args = append(args, parley.KindText, parley.KindAttachment)
	if q.IncludeNotes {
		query += `, ?`
		args = append(args, parley.KindNote)
	}
	query += `)`
	if cond, cargs := searchScope("m", workspaceID, q); cond != "" {
		query += ` AND ` + cond
		args = append(args, cargs...)
	}
	if d == dialectSQLite && confined {
		// A conversation's messages, or a contact's, are stored over a span
		// of time: the walk of the index is bounded to the rowids of that
		// span rather than reading every match of the workspace (and of
		// the others) to find the few that are theirs.
		cond, cargs := searchScope("x", workspaceID, q)
		query += ` AND messages_fts.rowid BETWEEN (SELECT min(x.rowid) FROM messages x WHERE ` + cond + `)
			AND (SELECT max(x.rowid) FROM messages x WHERE ` + cond + `)`
		args = append(append(args, cargs...), cargs...)
	}
	// Newest first: the index's own order, so the walk stops at the limit.
	if d == dialectPostgres {
		query += ` ORDER BY m.id DESC`
	} else {
		query += ` ORDER BY messages_fts.rowid DESC`
	}
	query += ` LIMIT ?`
	return query, append(args, parley.SearchCandidates)
}

// searchScope returns the condition on the messages of alias that keeps
// the conversations q confines its search to, and its arguments; "" when
// q searches the whole workspace.
func searchScope(alias, workspaceID string, q parley.MessageSearch) (string, []any) {
	var conds []string
	var args []any
	if q.ConversationID != "" {
		conds = append(conds, alias+`.conversation_id = ?`)
		args = append(args, q.ConversationID)
	}
	if q.ContactID != "" || q.InboxID != "" {
		in := alias + `.conversation_id IN (SELECT c.id FROM conversations c WHERE c.workspace_id = ?`
		args = append(args, workspaceID)
		if q.ContactID != "" {
			in += ` AND c.contact_id = ?`
			args = append(args, q.ContactID)
		}
		if q.InboxID != "" {
			in += ` AND c.inbox_id = ?`
			args = append(args, q.InboxID)
		}
		conds = append(conds, in+`)`)
	}
	return strings.Join(conds, ` AND `), args
}
