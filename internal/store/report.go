package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/parleychat/parley"
)

// ReportFacts returns the facts of the workspace's conversations created
// in [from, to), ordered by creation: each with its queue's team, its
// visitor's first message, the first reply after it, its rating and its
// labels.
func (s *Store) ReportFacts(ctx context.Context, workspaceID string, from, to time.Time) ([]parley.ReportFact, error) {
	if !storable(workspaceID) {
		return nil, nil
	}
	r := s.read()
	rows, err := r.query(ctx, `SELECT c.id, c.inbox_id, COALESCE(c.queue_id, ''), COALESCE(q.team_id, ''), COALESCE(c.assignee_id, ''), c.created_at, c.resolved_at,
			(SELECT min(m.created_at) FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id
				AND m.sender_type = 'contact'),
			COALESCE(r.score, 0)
		FROM conversations c
		LEFT JOIN conversation_ratings r ON r.workspace_id = c.workspace_id AND r.conversation_id = c.id
		LEFT JOIN queues q ON q.workspace_id = c.workspace_id AND q.id = c.queue_id
		WHERE c.workspace_id = ? AND c.created_at >= ? AND c.created_at < ?
		ORDER BY c.created_at, c.id`, workspaceID, from.UnixMicro(), to.UnixMicro())
	if err != nil {
		return nil, fmt.Errorf("report facts: %w", err)
	}
	var (
		facts []parley.ReportFact
		index = map[string]int{}
	)
	for rows.Next() {
		var (
			f                 parley.ReportFact
			created           int64
			resolved, visitor sql.NullInt64
		)
		if err := rows.Scan(&f.ConversationID, &f.InboxID, &f.QueueID, &f.TeamID, &f.AssigneeID, &created, &resolved, &visitor, &f.Score); err != nil {
			rows.Close()
			return nil, fmt.Errorf("report facts: %w", err)
		}
		f.CreatedAt = fromMicros(created)
		if resolved.Valid {
			f.ResolvedAt = fromMicros(resolved.Int64)
		}
		if visitor.Valid {
			f.FirstVisitorAt = fromMicros(visitor.Int64)
		}
		index[f.ConversationID] = len(facts)
		facts = append(facts, f)
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("report facts: %w", err)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("report facts: %w", err)
	}
	// The first reply after the visitor's first message, and the labels,
	// of the same conversations.
	replies, err := r.query(ctx, `SELECT m.conversation_id, min(m.created_at)
		FROM messages m JOIN conversations c ON c.workspace_id = m.workspace_id AND c.id = m.conversation_id
		WHERE c.workspace_id = ? AND c.created_at >= ? AND c.created_at < ?
			AND m.sender_type IN ('agent', 'bot') AND m.kind IN ('text', 'attachment')
			AND m.created_at >= (SELECT min(v.created_at) FROM messages v WHERE v.workspace_id = m.workspace_id
				AND v.conversation_id = m.conversation_id AND v.sender_type = 'contact')
		GROUP BY m.conversation_id`, workspaceID, from.UnixMicro(), to.UnixMicro())
	if err != nil {
		return nil, fmt.Errorf("report replies: %w", err)
	}
	for replies.Next() {
		var (
			id string
			at int64
		)
		if err := replies.Scan(&id, &at); err != nil {
			replies.Close()
			return nil, fmt.Errorf("report replies: %w", err)
		}
		if i, ok := index[id]; ok {
			facts[i].FirstReplyAt = fromMicros(at)
		}
	}
	if err := replies.Close(); err != nil {
		return nil, fmt.Errorf("report replies: %w", err)
	}
	labels, err := r.query(ctx, `SELECT l.conversation_id, l.label_id
		FROM conversation_labels l JOIN conversations c ON c.workspace_id = l.workspace_id AND c.id = l.conversation_id
		WHERE c.workspace_id = ? AND c.created_at >= ? AND c.created_at < ?
		ORDER BY l.conversation_id, l.label_id`, workspaceID, from.UnixMicro(), to.UnixMicro())
	if err != nil {
		return nil, fmt.Errorf("report labels: %w", err)
	}
	defer labels.Close()
	for labels.Next() {
		var id, label string
		if err := labels.Scan(&id, &label); err != nil {
			return nil, fmt.Errorf("report labels: %w", err)
		}
		if i, ok := index[id]; ok {
			facts[i].Labels = append(facts[i].Labels, label)
		}
	}
	return facts, labels.Err()
}
