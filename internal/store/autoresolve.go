package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parleychat/parley"
)

// autoResolveSeconds is the inboxes.auto_resolve_s mirror of the setting.
func autoResolveSeconds(c parley.ConversationSettings) int64 {
	return int64(c.AutoResolveAfter / time.Second)
}

// inactiveWhere selects the conversations c, not resolved, of an inbox
// with auto-resolve whose last activity — their last change, or the end
// of their snooze — is that long before now (twice the argument now).
// A conversation snoozed until the visitor writes has snoozed_until
// untilReply, so never qualifies.
//
// The statuses are listed (not "<> resolved") so that the index on
// (workspace_id, inbox_id, status, updated_at) is read in three ranges
// bounded by updated_at, whatever the number of resolved conversations.
const inactiveWhere = `c.status IN (?, ?, ?) AND i.auto_resolve_s > 0
	AND c.updated_at <= ? - i.auto_resolve_s * 1000000 AND COALESCE(c.snoozed_until, 0) <= ? - i.auto_resolve_s * 1000000`

// AutoResolveConversations resolves the inactive conversations of the
// inboxes with auto-resolve; see parley.RoutingStore.
func (s *Store) AutoResolveConversations(ctx context.Context, now time.Time) ([]*parley.Event, error) {
	type due struct{ workspaceID, id string }
	at := now.UnixMicro()
	dues, err := queryAll(ctx, s.read(), func(row scanner) (due, error) {
		var d due
		return d, row.Scan(&d.workspaceID, &d.id)
	}, `SELECT c.workspace_id, c.id FROM inboxes i
		JOIN conversations c ON c.workspace_id = i.workspace_id AND c.inbox_id = i.id
		WHERE `+inactiveWhere+` ORDER BY c.updated_at, c.id LIMIT ?`,
		parley.StatusOpen, parley.StatusPending, parley.StatusAssigned, at, at, expireBatch)
	if err != nil {
		return nil, fmt.Errorf("inactive conversations: %w", err)
	}
	var events []*parley.Event
	for _, d := range dues {
		evs, err := s.autoResolve(ctx, d.workspaceID, d.id, now)
		if err != nil {
			return events, err
		}
		events = append(events, evs...)
	}
	return events, nil
}

// autoResolve resolves one conversation if it is still inactive, with its
// system line, in one transaction; it returns no events if it is not.
func (s *Store) autoResolve(ctx context.Context, workspaceID, id string, now time.Time) ([]*parley.Event, error) {
	var events []*parley.Event
	at := now.UnixMicro()
	err := s.inTx(ctx, func(tx runner) error {
		// Locked and checked again: a message or change since the list,
		// or another node's sweep, leaves it alone.
		var after int64
		err := tx.queryRow(ctx, `SELECT i.auto_resolve_s FROM conversations c
			JOIN inboxes i ON i.workspace_id = c.workspace_id AND i.id = c.inbox_id
			WHERE c.workspace_id = ? AND c.id = ? AND `+inactiveWhere+tx.dialect.forUpdateOf("c"),
			workspaceID, id, parley.StatusOpen, parley.StatusPending, parley.StatusAssigned, at, at).Scan(&after)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		} else if err != nil {
			return fmt.Errorf("auto-resolve: %w", err)
		}
		ins := []parley.MessageInput{{
			WorkspaceID: workspaceID, ConversationID: id, Kind: parley.KindEvent,
			Sender: parley.Sender{Type: parley.ParticipantSystem},
			Body:   parley.AutoResolveLine(time.Duration(after) * time.Second),
		}}
		results := make([]parley.AppendResult, 1)
		a := &appender{
			store: s, tx: tx, clock: s.now, ins: ins, results: results, docs: map[string]routingDoc{},
			settings: map[string]parley.ConversationSettings{}, taken: map[string]bool{},
		}
		if err := a.run(ctx, groupInputs(ins, results)); err != nil {
			return err
		}
		if results[0].Err != nil {
			return results[0].Err
		}
		_, ev, err := s.compareAndSetTx(ctx, tx, workspaceID, id, systemParticipant, casUpdate{
			event:     parley.EventConversationResolved,
			reason:    parley.ReasonInactive,
			set:       `status = ?, resolved_at = ?, waiting_since = NULL, snoozed_until = NULL`,
			setArgs:   []any{parley.StatusResolved, s.now().UnixMicro()},
			where:     `status <> ?`,
			whereArgs: []any{parley.StatusResolved},
		})
		if err != nil {
			return err
		}
		events = append(append(events, results[0].Events...), ev)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return events, nil
}
