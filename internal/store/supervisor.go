package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/parleychat/parley"
)

// LiveState reads the supervisor's live view of a workspace: each query
// is scoped by the workspace and served by an index (conversations by
// workspace, status and queue; messages by conversation).
func (s *Store) LiveState(ctx context.Context, workspaceID string, waitingSince time.Time, limit int) (*parley.LiveState, error) {
	qs, err := s.ListQueues(ctx, workspaceID)
	if err != nil {
		return nil, err
	}
	r := s.read()
	st := &parley.LiveState{Queues: qs, Counts: map[string]parley.QueueCounts{}, Agents: []parley.LiveAgent{},
		Waiting: []parley.WaitingConversation{}}
	defaultQueue := ""
	for _, q := range qs {
		if q.Default {
			defaultQueue = q.ID
		}
	}
	type count struct {
		queue  string
		status parley.ConversationStatus
		n      int
		oldest sql.NullInt64
	}
	counts, err := queryAll(ctx, r, func(row scanner) (count, error) {
		var c count
		return c, row.Scan(&c.queue, &c.status, &c.n, &c.oldest)
	}, `SELECT COALESCE(queue_id, ''), status, COUNT(*), MIN(queued_at) FROM conversations
		WHERE workspace_id = ? AND status IN (?, ?) GROUP BY COALESCE(queue_id, ''), status`,
		workspaceID, parley.StatusPending, parley.StatusAssigned)
	if err != nil {
		return nil, fmt.Errorf("live state: queue counts: %w", err)
	}
	for _, c := range counts {
		if c.queue == "" {
			c.queue = defaultQueue
		}
		qc := st.Counts[c.queue]
		if c.status == parley.StatusAssigned {
			qc.Assigned += c.n
		} else {
			qc.Waiting += c.n
			if c.oldest.Valid && (qc.OldestQueuedAt.IsZero() || fromMicros(c.oldest.Int64).Before(qc.OldestQueuedAt)) {
				qc.OldestQueuedAt = fromMicros(c.oldest.Int64)
			}
		}
		st.Counts[c.queue] = qc
	}

	st.Agents, err = queryAll(ctx, r, func(row scanner) (parley.LiveAgent, error) {
		var a parley.LiveAgent
		return a, row.Scan(&a.ID, &a.Name, &a.Role, &a.Presence, &a.Capacity, &a.Open, &a.Offers)
	}, `SELECT a.id, a.name, a.role, a.presence, a.capacity,
			(SELECT COUNT(*) FROM conversations c WHERE c.assignee_id = a.id AND c.status = ?),
			`+fmt.Sprintf(openOffersOf, "a.id")+`
		FROM agents a WHERE a.workspace_id = ? AND a.disabled = ? AND a.bot = ? ORDER BY LOWER(a.name), a.id`,
		parley.StatusAssigned, workspaceID, false, false)
	if err != nil {
		return nil, fmt.Errorf("live state: agents: %w", err)
	}
	byID := make(map[string]*parley.LiveAgent, len(st.Agents))
	for i := range st.Agents {
		byID[st.Agents[i].ID] = &st.Agents[i]
	}
	type member struct{ agent, team string }
	members, err := queryAll(ctx, r, func(row scanner) (member, error) {
		var m member
		return m, row.Scan(&m.agent, &m.team)
	}, `SELECT agent_id, team_id FROM team_members WHERE workspace_id = ? ORDER BY team_id`, workspaceID)
	if err != nil {
		return nil, fmt.Errorf("live state: teams: %w", err)
	}
	for _, m := range members {
		if a := byID[m.agent]; a != nil {
			a.TeamIDs = append(a.TeamIDs, m.team)
		}
	}
	// The latest reply of each agent in the conversations it holds: the
	// messages of the workspace's assigned conversations, by conversation.
	type reply struct {
		agent string
		at    int64
	}
	replies, err := queryAll(ctx, r, func(row scanner) (reply, error) {
		var p reply
		return p, row.Scan(&p.agent, &p.at)
	}, `SELECT c.assignee_id, MAX(m.created_at) FROM conversations c
		JOIN messages m ON m.conversation_id = c.id AND m.workspace_id = c.workspace_id
		WHERE c.workspace_id = ? AND c.status = ? AND m.sender_type = ? AND m.sender_id = c.assignee_id AND m.kind IN (?, ?)
		GROUP BY c.assignee_id`,
		workspaceID, parley.StatusAssigned, parley.ParticipantAgent, parley.KindText, parley.KindAttachment)
	if err != nil {
		return nil, fmt.Errorf("live state: replies: %w", err)
	}
	for _, p := range replies {
		if a := byID[p.agent]; a != nil {
			a.LastReplyAt = fromMicros(p.at)
		}
	}

	since := waitingSince.UnixMicro()
	if err := r.queryRow(ctx, `SELECT COUNT(*) FROM conversations WHERE workspace_id = ? AND status = ? AND queued_at <= ?`,
		workspaceID, parley.StatusPending, since).Scan(&st.WaitingTotal); err != nil {
		return nil, fmt.Errorf("live state: waiting: %w", err)
	}
	st.Waiting, err = queryAll(ctx, r, func(row scanner) (parley.WaitingConversation, error) {
		var (
			w      parley.WaitingConversation
			queued int64
		)
		err := row.Scan(&w.ConversationID, &w.QueueID, &w.ContactID, &w.ContactName, &w.Priority, &queued)
		w.QueuedAt = fromMicros(queued)
		return w, err
	}, `SELECT c.id, COALESCE(c.queue_id, ''), c.contact_id, COALESCE(k.name, ''), c.priority, c.queued_at
		FROM conversations c LEFT JOIN contacts k ON k.workspace_id = c.workspace_id AND k.id = c.contact_id
		WHERE c.workspace_id = ? AND c.status = ? AND c.queued_at <= ? ORDER BY c.queued_at, c.id LIMIT ?`,
		workspaceID, parley.StatusPending, since, max(limit, 1))
	if err != nil {
		return nil, fmt.Errorf("live state: waiting: %w", err)
	}
	return st, nil
}
