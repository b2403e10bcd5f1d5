package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parleychat/parley"
)

// SetAgentPresence sets the status an agent chose, and its presence, to p,
// with a lease of holder parley.PresenceLeaseAPI until leaseUntil for a p
// other than offline (none when leaseUntil is zero). It is not audited (it
// changes many times a day) and leaves updated_at alone; a change of
// presence writes an agent.presence_changed event, returned. Returns
// ENOTFOUND, EINVALID.
func (s *Store) SetAgentPresence(ctx context.Context, workspaceID, id string, p parley.Presence, leaseUntil time.Time) (*parley.Event, error) {
	if !p.Valid() {
		return nil, parley.Errorf(parley.EINVALID, "Unknown presence %q.", p)
	}
	now := s.now()
	var ev *parley.Event
	err := s.inTx(ctx, func(tx runner) error {
		var before parley.Presence
		err := tx.queryRow(ctx, `SELECT presence FROM agents WHERE workspace_id = ? AND id = ?`+tx.dialect.forUpdate(),
			workspaceID, id).Scan(&before)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("Agent")
		} else if err != nil {
			return fmt.Errorf("set agent presence: %w", err)
		}
		if _, err := tx.exec(ctx, `UPDATE agents SET presence = ?, chosen_presence = ?,
			presence_at = CASE WHEN presence <> ? THEN ? ELSE presence_at END WHERE workspace_id = ? AND id = ?`,
			p, p, p, now.UnixMicro(), workspaceID, id); err != nil {
			return fmt.Errorf("set agent presence: %w", err)
		}
		if p != parley.PresenceOffline && !leaseUntil.IsZero() {
			if err := upsertPresenceLease(ctx, tx, parley.AgentRef{WorkspaceID: workspaceID, AgentID: id},
				parley.PresenceLeaseAPI, leaseUntil); err != nil {
				return err
			}
		}
		if before != p {
			ev, err = insertPresenceEvent(ctx, tx, workspaceID, id, p, p, now)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return ev, nil
}

// RenewPresenceLeases records holder's leases on agents until until and
// brings back the chosen status of those that were offline.
func (s *Store) RenewPresenceLeases(ctx context.Context, holder string, agents []parley.AgentRef, until time.Time) ([]*parley.Event, error) {
	if len(agents) == 0 {
		return nil, nil
	}
	now := s.now()
	var events []*parley.Event
	err := s.inTx(ctx, func(tx runner) error {
		events = events[:0]
		for _, a := range agents {
			if err := upsertPresenceLease(ctx, tx, a, holder, until); err != nil {
				return err
			}
			var chosen parley.Presence
			err := tx.queryRow(ctx, `UPDATE agents SET presence = chosen_presence, presence_at = ?
				WHERE workspace_id = ? AND id = ? AND presence = ? AND chosen_presence <> ?
				RETURNING chosen_presence`,
				now.UnixMicro(), a.WorkspaceID, a.AgentID, parley.PresenceOffline, parley.PresenceOffline).Scan(&chosen)
			if errors.Is(err, sql.ErrNoRows) {
				continue // present already, offline by choice, or gone
			} else if err != nil {
				return fmt.Errorf("renew presence: %w", err)
			}
			ev, err := insertPresenceEvent(ctx, tx, a.WorkspaceID, a.AgentID, chosen, chosen, now)
			if err != nil {
				return err
			}
			events = append(events, ev)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return events, nil
}

// ExpirePresence sets offline, in one compare-and-set, every present agent
// without a live lease, and deletes the expired leases.
func (s *Store) ExpirePresence(ctx context.Context, now time.Time) ([]*parley.Event, error) {
	at := s.now()
	var events []*parley.Event
	err := s.inTx(ctx, func(tx runner) error {
		type gone struct {
			ref    parley.AgentRef
			chosen parley.Presence
		}
		agents, err := queryAll(ctx, tx, func(row scanner) (gone, error) {
			var g gone
			return g, row.Scan(&g.ref.WorkspaceID, &g.ref.AgentID, &g.chosen)
		}, `UPDATE agents SET presence = ?, presence_at = ?
			WHERE presence <> ? AND NOT EXISTS (SELECT 1 FROM presence_leases l
				WHERE l.workspace_id = agents.workspace_id AND l.agent_id = agents.id AND l.expires_at > ?)
			RETURNING workspace_id, id, chosen_presence`,
			parley.PresenceOffline, now.UnixMicro(), parley.PresenceOffline, now.UnixMicro())
		if err != nil {
			return fmt.Errorf("expire presence: %w", err)
		}
		events = events[:0]
		for _, g := range agents {
			ev, err := insertPresenceEvent(ctx, tx, g.ref.WorkspaceID, g.ref.AgentID, parley.PresenceOffline, g.chosen, at)
			if err != nil {
				return err
			}
			events = append(events, ev)
		}
		if _, err := tx.exec(ctx, `DELETE FROM presence_leases WHERE expires_at <= ?`, now.UnixMicro()); err != nil {
			return fmt.Errorf("delete expired presence leases: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return events, nil
}

// upsertPresenceLease sets holder's lease on agent a to until, unless the
// agent does not exist.
func upsertPresenceLease(ctx context.Context, tx runner, a parley.AgentRef, holder string, until time.Time) error {
	_, err := tx.exec(ctx, `INSERT INTO presence_leases (workspace_id, agent_id, holder, expires_at)
		SELECT ?, ?, ?, CAST(? AS BIGINT) WHERE EXISTS (SELECT 1 FROM agents WHERE workspace_id = ? AND id = ?)
		ON CONFLICT (workspace_id, agent_id, holder) DO UPDATE SET expires_at = excluded.expires_at`,
		a.WorkspaceID, a.AgentID, holder, until.UnixMicro(), a.WorkspaceID, a.AgentID)
	if err != nil {
		return fmt.Errorf("presence lease: %w", err)
	}
	return nil
}

func insertPresenceEvent(ctx context.Context, tx runner, workspaceID, agentID string, p, chosen parley.Presence,
	at time.Time) (*parley.Event, error) {
	return insertEvent(ctx, tx, workspaceID, parley.EventAgentPresenceChanged, "",
		parley.AgentPresenceEventData{AgentID: agentID, Presence: p, Chosen: chosen}, at)
}

// AnyAgentOnline reports whether an enabled human agent of the workspace
// is online.
func (s *Store) AnyAgentOnline(ctx context.Context, workspaceID string) (bool, error) {
	var n int
	err := s.read().queryRow(ctx, `SELECT COUNT(*) FROM agents
		WHERE workspace_id = ? AND presence = ? AND disabled = ? AND bot = ?`,
		workspaceID, parley.PresenceOnline, false, false).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("count online agents: %w", err)
	}
	return n > 0, nil
}
