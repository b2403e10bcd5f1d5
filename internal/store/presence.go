package store

import (
	"context"
	"fmt"

	"github.com/parleychat/parley"
)

// SetAgentPresence sets an agent's presence. It is not audited (it changes
// many times a day) and leaves updated_at alone. Returns ENOTFOUND.
func (s *Store) SetAgentPresence(ctx context.Context, workspaceID, id string, p parley.Presence) error {
	if !p.Valid() {
		return parley.Errorf(parley.EINVALID, "Unknown presence %q.", p)
	}
	var n int64
	err := s.inTx(ctx, func(tx runner) error {
		res, err := tx.exec(ctx, `UPDATE agents SET presence = ? WHERE workspace_id = ? AND id = ?`, p, workspaceID, id)
		if err != nil {
			return fmt.Errorf("set agent presence: %w", err)
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return err
	}
	if n == 0 {
		return notFound("Agent")
	}
	return nil
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
