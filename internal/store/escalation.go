package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/parleychat/parley"
)

// A conversation's tier columns hold only while tier_of equals its
// queued_at (see migration 00031): queued again, it is in tier 1 since
// queued_at, with no overdue alert.
const (
	effectiveTier = `CASE WHEN queued_at IS NULL THEN 0 WHEN tier_of = queued_at THEN tier ELSE 1 END`
	effectiveAt   = `CASE WHEN tier_of = queued_at THEN tier_at ELSE queued_at END`
	tierColumns   = effectiveTier + `, ` + effectiveAt + `, CASE WHEN tier_of = queued_at THEN overdue_at END`
)

// loadTiers sets the tiers of qs, all of the workspace.
func loadTiers(ctx context.Context, r runner, workspaceID string, qs ...*parley.Queue) error {
	if len(qs) == 0 {
		return nil
	}
	type row struct {
		queueID string
		team    sql.NullString
		limitMS int64
	}
	rows, err := queryAll(ctx, r, func(sc scanner) (row, error) {
		var x row
		return x, sc.Scan(&x.queueID, &x.team, &x.limitMS)
	}, `SELECT queue_id, team_id, limit_ms FROM queue_tiers WHERE workspace_id = ? ORDER BY queue_id, position`, workspaceID)
	if err != nil {
		return fmt.Errorf("queue tiers: %w", err)
	}
	for _, q := range qs {
		q.Tiers = nil
		for _, x := range rows {
			if x.queueID == q.ID {
				q.Tiers = append(q.Tiers, parley.Tier{TeamID: x.team.String, Limit: time.Duration(x.limitMS) * time.Millisecond})
			}
		}
		if len(q.Tiers) > 0 {
			q.Tiers[0].TeamID = q.TeamID
		}
	}
	return nil
}

// saveTiers replaces the tiers of q (whose TeamID is tier 1's team) and
// sets q.Tiers. It returns EINVALID or ENOTFOUND for a team not in the
// workspace, and reports whether they changed.
func saveTiers(ctx context.Context, tx runner, q *parley.Queue, tiers []parley.Tier) (bool, error) {
	tiers = slices.Clone(tiers)
	if len(tiers) > 0 {
		tiers[0].TeamID = q.TeamID
	}
	var v parley.Validation
	parley.ValidateTiers(&v, "tiers", tiers)
	if err := v.Err(); err != nil {
		return false, err
	}
	if slices.Equal(tiers, q.Tiers) {
		return false, nil
	}
	for _, t := range tiers[min(1, len(tiers)):] {
		if err := mustExist(ctx, tx, "teams", "Team", q.WorkspaceID, t.TeamID); err != nil {
			return false, err
		}
	}
	if _, err := tx.exec(ctx, `DELETE FROM queue_tiers WHERE workspace_id = ? AND queue_id = ?`, q.WorkspaceID, q.ID); err != nil {
		return false, fmt.Errorf("save tiers: %w", err)
	}
	for i, t := range tiers {
		team := t.TeamID
		if i == 0 {
			team = "" // the queue's team_id
		}
		if _, err := tx.exec(ctx, `INSERT INTO queue_tiers (workspace_id, queue_id, position, team_id, limit_ms)
			VALUES (?, ?, ?, ?, ?)`, q.WorkspaceID, q.ID, i+1, nullString(team), t.Limit.Milliseconds()); err != nil {
			return false, fmt.Errorf("save tiers: %w", err)
		}
	}
	q.Tiers = tiers
	return true, nil
}

// tiersDetail is how an audit entry records tiers.
func tiersDetail(tiers []parley.Tier) []map[string]any {
	out := make([]map[string]any, len(tiers))
	for i, t := range tiers {
		out[i] = map[string]any{"team_id": t.TeamID, "seconds": int64(t.Limit.Seconds())}
	}
	return out
}

// waitingConv is what a compare-and-set escalation checks is unchanged.
type waitingConv struct {
	workspaceID, id string
	status          parley.ConversationStatus
	assigneeID      string
	queuedAt        int64 // 0: never queued
	tier            int   // effective, 0 when never queued
	hasNext         bool  // the queue has a tier after it
}

const waitingWhere = `workspace_id = ? AND id = ? AND status = ? AND COALESCE(assignee_id, '') = ?
	AND COALESCE(queued_at, 0) = ? AND ` + effectiveTier + ` = ?`

func (w waitingConv) whereArgs() []any {
	return []any{w.workspaceID, w.id, w.status, w.assigneeID, w.queuedAt, w.tier}
}

// escalateTx moves w to its next tier if it is still as observed,
// pending and unassigned; it returns no events when it changed meanwhile.
func (s *Store) escalateTx(ctx context.Context, tx runner, w waitingConv, reason, note string, by parley.Participant) (*parley.Conversation, []*parley.Event, error) {
	now := s.now()
	from := max(w.tier, 1)
	to := from + 1
	set, args := `tier = ?, tier_at = ?, tier_of = COALESCE(queued_at, ?), queued_at = COALESCE(queued_at, ?), overdue_at = NULL`,
		[]any{to, now.UnixMicro(), now.UnixMicro(), now.UnixMicro()}
	if w.status == parley.StatusAssigned {
		set += `, status = ?, assignee_id = NULL, assigned_at = NULL`
		args = append(args, parley.StatusPending)
	}
	args = append(append(args, now.UnixMicro()), w.whereArgs()...)
	c, err := scanConversation(tx.queryRow(ctx, `UPDATE conversations SET `+set+`, updated_at = ?
		WHERE `+waitingWhere+` RETURNING `+conversationColumns, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, nil
	} else if err != nil {
		return nil, nil, fmt.Errorf("escalate conversation: %w", err)
	}
	var events []*parley.Event
	if w.status == parley.StatusAssigned {
		ev, err := insertEvent(ctx, tx, w.workspaceID, parley.EventConversationUnassigned, w.id, parley.ConversationEventData{
			Conversation: c, By: by, PreviousAssigneeID: w.assigneeID, Reason: reason,
		}, now)
		if err != nil {
			return nil, nil, err
		}
		events = append(events, ev)
	}
	ev, err := insertEvent(ctx, tx, w.workspaceID, parley.EventConversationEscalated, w.id, parley.ConversationEventData{
		Conversation: c, By: by, PreviousAssigneeID: w.assigneeID, Reason: reason,
		Escalation: &parley.Escalation{FromTier: from, ToTier: to, Note: note},
	}, now)
	if err != nil {
		return nil, nil, err
	}
	return c, append(events, ev), nil
}

// overdueTx records that w's last tier's time passed, once.
func (s *Store) overdueTx(ctx context.Context, tx runner, w waitingConv, reason string) (*parley.Event, error) {
	now := s.now()
	args := append([]any{now.UnixMicro(), now.UnixMicro()}, w.whereArgs()...)
	c, err := scanConversation(tx.queryRow(ctx, `UPDATE conversations SET overdue_at = ?, tier = `+effectiveTier+`,
		tier_at = `+effectiveAt+`, tier_of = queued_at, updated_at = ?
		WHERE `+waitingWhere+` AND NOT (tier_of = queued_at AND overdue_at IS NOT NULL) RETURNING `+conversationColumns, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("escalation overdue: %w", err)
	}
	return insertEvent(ctx, tx, w.workspaceID, parley.EventConversationEscalationOverdue, w.id, parley.ConversationEventData{
		Conversation: c, By: systemParticipant, Reason: reason,
	}, now)
}

// EscalateConversations moves the conversations past their tier's time
// to the next tier, or alerts on those past their last tier's.
func (s *Store) EscalateConversations(ctx context.Context, now time.Time) ([]*parley.Event, error) {
	at := now.UnixMicro()
	due, err := queryAll(ctx, s.read(), func(row scanner) (waitingConv, error) {
		var (
			w        waitingConv
			assignee sql.NullString
		)
		err := row.Scan(&w.workspaceID, &w.id, &w.status, &assignee, &w.queuedAt, &w.tier, &w.hasNext)
		w.assigneeID = assignee.String
		return w, err
	}, `SELECT c.workspace_id, c.id, c.status, c.assignee_id, c.queued_at, t.position,
			EXISTS (SELECT 1 FROM queue_tiers n WHERE n.queue_id = t.queue_id AND n.position = t.position + 1)
		FROM queue_tiers t JOIN conversations c ON c.workspace_id = t.workspace_id AND c.queue_id = t.queue_id
		WHERE c.status IN (?, ?) AND c.queued_at IS NOT NULL
			AND t.position = (CASE WHEN c.tier_of = c.queued_at THEN c.tier ELSE 1 END)
			AND (CASE WHEN c.tier_of = c.queued_at THEN c.tier_at ELSE c.queued_at END) + t.limit_ms * 1000 <= ?
			AND (c.status = ? OR (c.waiting_since IS NOT NULL AND c.waiting_since + t.limit_ms * 1000 <= ?
				AND c.snoozed_until IS NULL))
			AND NOT (c.tier_of = c.queued_at AND c.overdue_at IS NOT NULL)
		ORDER BY c.id LIMIT ?`,
		parley.StatusPending, parley.StatusAssigned, at, parley.StatusPending, at, expireBatch)
	if err != nil {
		return nil, fmt.Errorf("conversations to escalate: %w", err)
	}
	var events []*parley.Event
	for _, w := range due {
		reason := parley.EscalationTimeout
		if w.status == parley.StatusAssigned {
			reason = parley.EscalationUnanswered
		}
		err := s.inTx(ctx, func(tx runner) error {
			if w.hasNext {
				_, evs, err := s.escalateTx(ctx, tx, w, reason, "", systemParticipant)
				events = append(events, evs...)
				return err
			}
			ev, err := s.overdueTx(ctx, tx, w, reason)
			if ev != nil {
				events = append(events, ev)
			}
			return err
		})
		if err != nil {
			return events, err
		}
	}
	return events, nil
}

// EscalateConversation moves a conversation to its queue's next tier by
// hand.
func (s *Store) EscalateConversation(ctx context.Context, workspaceID, id string, by parley.Participant, note string) (*parley.Conversation, []*parley.Event, error) {
	if !by.Valid() {
		return nil, nil, errInvalidParticipant("by")
	}
	if len([]rune(note)) > parley.MaxEscalationReasonLength || !storable(note) {
		return nil, nil, parley.Errorf(parley.EINVALID, "The reason is longer than %d characters or holds text the database cannot store.",
			parley.MaxEscalationReasonLength)
	}
	if !storable(workspaceID, id) {
		return nil, nil, notFound("Conversation")
	}
	var (
		c      *parley.Conversation
		events []*parley.Event
	)
	err := s.inTx(ctx, func(tx runner) error {
		var (
			w        = waitingConv{workspaceID: workspaceID, id: id}
			assignee sql.NullString
			queueID  sql.NullString
		)
		err := tx.queryRow(ctx, `SELECT status, assignee_id, queue_id, COALESCE(queued_at, 0), `+effectiveTier+`
			FROM conversations WHERE workspace_id = ? AND id = ?`+tx.dialect.forUpdate(), workspaceID, id).
			Scan(&w.status, &assignee, &queueID, &w.queuedAt, &w.tier)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("Conversation")
		} else if err != nil {
			return fmt.Errorf("escalate conversation: %w", err)
		}
		w.assigneeID = assignee.String
		if w.status != parley.StatusPending && w.status != parley.StatusAssigned {
			return &parley.Error{Code: parley.ECONFLICT, Reason: "not_waiting",
				Message: fmt.Sprintf("The conversation is %s: only a pending or assigned conversation can be escalated.", w.status)}
		}
		var tiers int
		if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM queue_tiers WHERE workspace_id = ? AND queue_id = ?`,
			workspaceID, queueID.String).Scan(&tiers); err != nil {
			return fmt.Errorf("escalate conversation: %w", err)
		}
		if max(w.tier, 1) >= tiers {
			return &parley.Error{Code: parley.ECONFLICT, Reason: "last_tier",
				Message: "The conversation is in the last tier of its queue: there is no tier to escalate to."}
		}
		c, events, err = s.escalateTx(ctx, tx, w, parley.EscalationManual, note, by)
		if err == nil && c == nil {
			err = parley.Errorf(parley.ECONFLICT, "The conversation changed meanwhile; try again.")
		}
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return c, events, nil
}
