package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parleychat/parley"
)

// storable reports whether every s can be stored and compared as text on
// both engines: PostgreSQL refuses NUL and invalid UTF-8 in text, so an ID
// holding them names nothing (ENOTFOUND), never a failed statement.
func storable(ss ...string) bool {
	for _, s := range ss {
		if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
			return false
		}
	}
	return true
}

// checkName returns EINVALID unless name is a valid team or queue name.
func checkName(name string) error {
	var v parley.Validation
	v.LabelName("name", name)
	return v.Err()
}

// Teams.

func teamKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// CreateTeam inserts t. Returns ECONFLICT, or ENOTFOUND for an unknown
// workspace or agent.
func (s *Store) CreateTeam(ctx context.Context, actor parley.Actor, t *parley.Team) error {
	if err := checkName(t.Name); err != nil {
		return err
	}
	now, id := s.now(), newID()
	members := sortedUnique(t.AgentIDs)
	err := s.inTx(ctx, func(tx runner) error {
		_, err := tx.exec(ctx, `INSERT INTO teams (id, workspace_id, name, name_key, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?)`, id, t.WorkspaceID, t.Name, teamKey(t.Name), now.UnixMicro(), now.UnixMicro())
		switch {
		case isUniqueViolation(err):
			return parley.Errorf(parley.ECONFLICT, "A team with this name already exists.")
		case isForeignKeyViolation(err):
			return notFound("Workspace")
		case err != nil:
			return fmt.Errorf("create team: %w", err)
		}
		if err := setTeamMembers(ctx, tx, t.WorkspaceID, id, members); err != nil {
			return err
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: t.WorkspaceID, Actor: actor, Action: "team.create", TargetType: "team", TargetID: id,
			Details: map[string]any{"name": t.Name, "agent_ids": members}, CreatedAt: now,
		})
	})
	if err != nil {
		return err
	}
	t.ID, t.AgentIDs, t.CreatedAt, t.UpdatedAt = id, members, now, now
	return nil
}

func sortedUnique(ids []string) []string {
	out := slices.Clone(ids)
	slices.Sort(out)
	out = slices.Compact(out)
	if out == nil {
		out = []string{}
	}
	return out
}

// setTeamMembers replaces the members of a team.
func setTeamMembers(ctx context.Context, tx runner, workspaceID, teamID string, agentIDs []string) error {
	if _, err := tx.exec(ctx, `DELETE FROM team_members WHERE workspace_id = ? AND team_id = ?`, workspaceID, teamID); err != nil {
		return fmt.Errorf("set team members: %w", err)
	}
	for _, a := range agentIDs {
		if err := mustExist(ctx, tx, "agents", "Agent", workspaceID, a); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `INSERT INTO team_members (workspace_id, team_id, agent_id) VALUES (?, ?, ?)`,
			workspaceID, teamID, a); err != nil {
			return fmt.Errorf("add team member: %w", err)
		}
	}
	return nil
}

// FindTeam returns ENOTFOUND.
func (s *Store) FindTeam(ctx context.Context, workspaceID, id string) (*parley.Team, error) {
	return findTeam(ctx, s.read(), workspaceID, id)
}

func findTeam(ctx context.Context, r runner, workspaceID, id string) (*parley.Team, error) {
	if !storable(workspaceID, id) {
		return nil, notFound("Team")
	}
	t, err := scanTeam(r.queryRow(ctx, `SELECT id, workspace_id, name, created_at, updated_at FROM teams
		WHERE workspace_id = ? AND id = ?`, workspaceID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Team")
	} else if err != nil {
		return nil, fmt.Errorf("find team: %w", err)
	}
	if t.AgentIDs, err = queryAll(ctx, r, scanString, `SELECT agent_id FROM team_members
		WHERE workspace_id = ? AND team_id = ? ORDER BY agent_id`, workspaceID, id); err != nil {
		return nil, fmt.Errorf("team members: %w", err)
	}
	return t, nil
}

func scanTeam(row scanner) (*parley.Team, error) {
	var (
		t                    parley.Team
		createdAt, updatedAt int64
	)
	if err := row.Scan(&t.ID, &t.WorkspaceID, &t.Name, &createdAt, &updatedAt); err != nil {
		return nil, err
	}
	t.CreatedAt, t.UpdatedAt = fromMicros(createdAt), fromMicros(updatedAt)
	t.AgentIDs = []string{}
	return &t, nil
}

// ListTeams returns the workspace's teams ordered by name.
func (s *Store) ListTeams(ctx context.Context, workspaceID string) ([]*parley.Team, error) {
	r := s.read()
	teams, err := queryAll(ctx, r, scanTeam, `SELECT id, workspace_id, name, created_at, updated_at FROM teams
		WHERE workspace_id = ? ORDER BY name_key, id`, workspaceID)
	if err != nil {
		return nil, fmt.Errorf("list teams: %w", err)
	}
	byID := make(map[string]*parley.Team, len(teams))
	for _, t := range teams {
		byID[t.ID] = t
	}
	rows, err := r.query(ctx, `SELECT team_id, agent_id FROM team_members WHERE workspace_id = ? ORDER BY agent_id`, workspaceID)
	if err != nil {
		return nil, fmt.Errorf("list team members: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var team, agent string
		if err := rows.Scan(&team, &agent); err != nil {
			return nil, err
		}
		if t := byID[team]; t != nil {
			t.AgentIDs = append(t.AgentIDs, agent)
		}
	}
	return teams, rows.Err()
}

// UpdateTeam returns ENOTFOUND or ECONFLICT.
func (s *Store) UpdateTeam(ctx context.Context, actor parley.Actor, workspaceID, id string, upd parley.TeamUpdate) (*parley.Team, error) {
	if upd.Name != nil {
		if err := checkName(*upd.Name); err != nil {
			return nil, err
		}
	}
	now := s.now()
	var t *parley.Team
	err := s.inTx(ctx, func(tx runner) error {
		var err error
		if t, err = findTeam(ctx, tx, workspaceID, id); err != nil {
			return err
		}
		details := applyChanges(stringChange{"name", upd.Name, &t.Name})
		if upd.AgentIDs != nil {
			members := sortedUnique(*upd.AgentIDs)
			if !slices.Equal(members, t.AgentIDs) {
				if err := setTeamMembers(ctx, tx, workspaceID, id, members); err != nil {
					return err
				}
				t.AgentIDs = members
				details["agent_ids"] = members
			}
		}
		if len(details) == 0 {
			return nil
		}
		t.UpdatedAt = now
		_, err = tx.exec(ctx, `UPDATE teams SET name = ?, name_key = ?, updated_at = ? WHERE workspace_id = ? AND id = ?`,
			t.Name, teamKey(t.Name), now.UnixMicro(), workspaceID, id)
		if isUniqueViolation(err) {
			return parley.Errorf(parley.ECONFLICT, "A team with this name already exists.")
		} else if err != nil {
			return fmt.Errorf("update team: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "team.update", TargetType: "team", TargetID: id,
			Details: details, CreatedAt: now,
		})
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// DeleteTeam returns ENOTFOUND, or ECONFLICT if a queue routes to it.
func (s *Store) DeleteTeam(ctx context.Context, actor parley.Actor, workspaceID, id string) error {
	now := s.now()
	return s.inTx(ctx, func(tx runner) error {
		t, err := findTeam(ctx, tx, workspaceID, id)
		if err != nil {
			return err
		}
		var used int
		if err := tx.queryRow(ctx, `SELECT (SELECT COUNT(*) FROM queues WHERE workspace_id = ? AND team_id = ?) +
			(SELECT COUNT(*) FROM queue_tiers WHERE workspace_id = ? AND team_id = ?)`,
			workspaceID, id, workspaceID, id).Scan(&used); err != nil {
			return fmt.Errorf("delete team: %w", err)
		}
		if used > 0 {
			return parley.Errorf(parley.ECONFLICT, "A queue routes to this team: change the queue first.")
		}
		if _, err := tx.exec(ctx, `DELETE FROM team_members WHERE workspace_id = ? AND team_id = ?`, workspaceID, id); err != nil {
			return fmt.Errorf("delete team: %w", err)
		}
		if _, err := tx.exec(ctx, `DELETE FROM teams WHERE workspace_id = ? AND id = ?`, workspaceID, id); err != nil {
			return fmt.Errorf("delete team: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "team.delete", TargetType: "team", TargetID: id,
			Details: map[string]any{"name": t.Name}, CreatedAt: now,
		})
	})
}

// Queues.

const queueColumns = `id, workspace_id, name, team_id, strategy, capacity, is_default, last_agent_id, created_at, updated_at,
	offline_return_ms`

func scanQueue(row scanner) (*parley.Queue, error) {
	var (
		q                    parley.Queue
		team                 *string
		isDefault            int
		createdAt, updatedAt int64
		offlineReturn        int64
	)
	if err := row.Scan(&q.ID, &q.WorkspaceID, &q.Name, &team, &q.Strategy, &q.Capacity, &isDefault, &q.LastAgentID,
		&createdAt, &updatedAt, &offlineReturn); err != nil {
		return nil, err
	}
	q.OfflineReturn = time.Duration(offlineReturn) * time.Millisecond
	q.TeamID, q.Default = stringOrEmpty(team), isDefault == 1
	q.CreatedAt, q.UpdatedAt = fromMicros(createdAt), fromMicros(updatedAt)
	return &q, nil
}

func findQueue(ctx context.Context, r runner, workspaceID, id string) (*parley.Queue, error) {
	if !storable(workspaceID, id) {
		return nil, notFound("Queue")
	}
	q, err := scanQueue(r.queryRow(ctx, `SELECT `+queueColumns+` FROM queues WHERE workspace_id = ? AND id = ?`, workspaceID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Queue")
	} else if err != nil {
		return nil, fmt.Errorf("find queue: %w", err)
	}
	if err := loadTiers(ctx, r, workspaceID, q); err != nil {
		return nil, err
	}
	return q, withExternal(ctx, r, workspaceID, q)
}

// ensureDefaultQueue returns the ID of the workspace's default queue,
// making it if there is none (two transactions doing so at once make one).
func (s *Store) ensureDefaultQueue(ctx context.Context, tx runner, workspaceID string) (string, error) {
	var id string
	err := tx.queryRow(ctx, `SELECT id FROM queues WHERE workspace_id = ? AND is_default = 1`, workspaceID).Scan(&id)
	if err == nil {
		return id, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("find default queue: %w", err)
	}
	now := s.now().UnixMicro()
	_, err = tx.exec(ctx, `INSERT INTO queues (id, workspace_id, name, name_key, strategy, is_default, created_at, updated_at)
		VALUES (?, ?, 'Default', 'default', ?, 1, ?, ?) ON CONFLICT DO NOTHING`,
		newID(), workspaceID, parley.StrategyManual, now, now)
	if isForeignKeyViolation(err) {
		return "", notFound("Workspace")
	} else if err != nil {
		return "", fmt.Errorf("create default queue: %w", err)
	}
	err = tx.queryRow(ctx, `SELECT id FROM queues WHERE workspace_id = ? AND is_default = 1`, workspaceID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", notFound("Workspace")
	} else if err != nil {
		return "", fmt.Errorf("find default queue: %w", err)
	}
	return id, nil
}

// DefaultQueue returns the workspace's default queue, making it if needed.
func (s *Store) DefaultQueue(ctx context.Context, workspaceID string) (*parley.Queue, error) {
	if !storable(workspaceID) {
		return nil, notFound("Workspace")
	}
	q, err := scanQueue(s.read().queryRow(ctx, `SELECT `+queueColumns+` FROM queues WHERE workspace_id = ? AND is_default = 1`, workspaceID))
	if err == nil {
		return q, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("find default queue: %w", err)
	}
	err = s.inTx(ctx, func(tx runner) error {
		id, err := s.ensureDefaultQueue(ctx, tx, workspaceID)
		if err != nil {
			return err
		}
		q, err = findQueue(ctx, tx, workspaceID, id)
		return err
	})
	return q, err
}

// CreateQueue inserts q. Returns ECONFLICT or ENOTFOUND.
func (s *Store) CreateQueue(ctx context.Context, actor parley.Actor, q *parley.Queue) error {
	if err := checkName(q.Name); err != nil {
		return err
	}
	if !q.Strategy.Valid() {
		return parley.Errorf(parley.EINVALID, "Unknown strategy %q.", q.Strategy)
	}
	now, id := s.now(), newID()
	err := s.inTx(ctx, func(tx runner) error {
		if _, err := s.ensureDefaultQueue(ctx, tx, q.WorkspaceID); err != nil {
			return err
		}
		if q.TeamID != "" {
			if err := mustExist(ctx, tx, "teams", "Team", q.WorkspaceID, q.TeamID); err != nil {
				return err
			}
		}
		_, err := tx.exec(ctx, `INSERT INTO queues (id, workspace_id, name, name_key, team_id, strategy, capacity,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, q.WorkspaceID, q.Name, teamKey(q.Name),
			nullString(q.TeamID), q.Strategy, q.Capacity, now.UnixMicro(), now.UnixMicro())
		if isUniqueViolation(err) {
			return parley.Errorf(parley.ECONFLICT, "A queue with this name already exists.")
		} else if err != nil {
			return fmt.Errorf("create queue: %w", err)
		}
		details := map[string]any{"name": q.Name, "team_id": q.TeamID, "strategy": q.Strategy, "capacity": q.Capacity}
		if len(q.Tiers) > 0 {
			tiers := q.Tiers
			stored := &parley.Queue{ID: id, WorkspaceID: q.WorkspaceID, TeamID: q.TeamID}
			if _, err := saveTiers(ctx, tx, stored, tiers); err != nil {
				return err
			}
			q.Tiers, details["tiers"] = stored.Tiers, tiersDetail(stored.Tiers)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: q.WorkspaceID, Actor: actor, Action: "queue.create", TargetType: "queue", TargetID: id,
			Details: details, CreatedAt: now,
		})
	})
	if err != nil {
		return err
	}
	q.ID, q.Default, q.LastAgentID, q.CreatedAt, q.UpdatedAt = id, false, "", now, now
	return nil
}

// FindQueue returns ENOTFOUND.
func (s *Store) FindQueue(ctx context.Context, workspaceID, id string) (*parley.Queue, error) {
	return findQueue(ctx, s.read(), workspaceID, id)
}

// ListQueues returns the workspace's queues ordered by name.
func (s *Store) ListQueues(ctx context.Context, workspaceID string) ([]*parley.Queue, error) {
	if _, err := s.DefaultQueue(ctx, workspaceID); err != nil {
		return nil, err
	}
	qs, err := queryAll(ctx, s.read(), scanQueue, `SELECT `+queueColumns+` FROM queues WHERE workspace_id = ?
		ORDER BY name_key, id`, workspaceID)
	if err != nil {
		return nil, fmt.Errorf("list queues: %w", err)
	}
	if err := loadTiers(ctx, s.read(), workspaceID, qs...); err != nil {
		return nil, err
	}
	return qs, withExternal(ctx, s.read(), workspaceID, qs...)
}

// UpdateQueue returns ENOTFOUND or ECONFLICT.
func (s *Store) UpdateQueue(ctx context.Context, actor parley.Actor, workspaceID, id string, upd parley.QueueUpdate) (*parley.Queue, error) {
	if upd.Strategy != nil && !upd.Strategy.Valid() {
		return nil, parley.Errorf(parley.EINVALID, "Unknown strategy %q.", *upd.Strategy)
	}
	if upd.Name != nil {
		if err := checkName(*upd.Name); err != nil {
			return nil, err
		}
	}
	if upd.Hours != nil {
		var v parley.Validation
		upd.Hours.Validate(&v, "business_hours")
		if err := v.Err(); err != nil {
			return nil, err
		}
	}
	if e := upd.External; e != nil && (!storable(e.URL, e.Secret, string(e.Fallback)) || strings.IndexByte(e.URL, 0) >= 0) {
		return nil, parley.Errorf(parley.EINVALID, "The external router's settings hold text the database cannot store.")
	}
	now := s.now()
	var q *parley.Queue
	err := s.inTx(ctx, func(tx runner) error {
		var err error
		if q, err = findQueue(ctx, tx, workspaceID, id); err != nil {
			return err
		}
		strategy := string(q.Strategy)
		var updStrategy *string
		if upd.Strategy != nil {
			updStrategy = (*string)(upd.Strategy)
		}
		details := applyChanges(stringChange{"name", upd.Name, &q.Name}, stringChange{"team_id", upd.TeamID, &q.TeamID},
			stringChange{"strategy", updStrategy, &strategy})
		q.Strategy = parley.Strategy(strategy)
		if upd.Capacity != nil && *upd.Capacity != q.Capacity {
			q.Capacity = *upd.Capacity
			details["capacity"] = q.Capacity
		}
		if r := upd.OfflineReturn; r != nil && r.Milliseconds() != q.OfflineReturn.Milliseconds() {
			q.OfflineReturn = time.Duration(r.Milliseconds()) * time.Millisecond
			details["offline_return_ms"] = r.Milliseconds()
		}
		botChange := (upd.BotID != nil && *upd.BotID != q.BotID) || (upd.HandoffQueueID != nil && *upd.HandoffQueueID != q.HandoffQueueID) ||
			(upd.BotTimeout != nil && *upd.BotTimeout != q.BotTimeout)
		offerChange := (upd.OfferMode != nil && *upd.OfferMode != q.OfferMode) ||
			(upd.OfferTimeout != nil && *upd.OfferTimeout != q.OfferTimeout) || botChange
		if upd.External != nil || (upd.ClearExternal && q.External != nil) ||
			upd.Hours != nil || (upd.ClearHours && q.Hours != nil) || offerChange {
			doc, err := loadRoutingDoc(ctx, tx, workspaceID, true)
			if err != nil {
				return err
			}
			if doc.External == nil {
				doc.External = map[string]externalJSON{}
			}
			if doc.Hours == nil {
				doc.Hours = map[string]parley.BusinessHours{}
			}
			if doc.Settings == nil {
				doc.Settings = map[string]queueSettingsJSON{}
			}
			if offerChange {
				st := doc.Settings[id]
				if upd.OfferMode != nil {
					st.OfferMode = *upd.OfferMode
					details["offer_mode"] = st.OfferMode
				}
				if upd.OfferTimeout != nil {
					st.OfferTimeoutMS = upd.OfferTimeout.Milliseconds()
					details["offer_timeout_ms"] = st.OfferTimeoutMS
				}
				if botChange {
					if err := applyBotSettings(ctx, tx, workspaceID, id, &st, upd, details); err != nil {
						return err
					}
				}
				doc.Settings[id] = st
				st.apply(q)
			}
			switch {
			case upd.Hours != nil:
				doc.Hours[id] = *upd.Hours
				h := *upd.Hours
				q.Hours = &h
				details["business_hours"] = h
			case upd.ClearHours && q.Hours != nil:
				delete(doc.Hours, id)
				q.Hours = nil
				details["business_hours"] = nil
			}
			if upd.External != nil {
				e := upd.External
				doc.External[id] = externalJSON{URL: e.URL, Secret: e.Secret, TimeoutMS: e.Timeout.Milliseconds(), Fallback: string(e.Fallback)}
				q.External = doc.External[id].router()
				// Named field by field: never the secret.
				details["external.url"], details["external.fallback"] = e.URL, string(e.Fallback)
			} else if upd.ClearExternal && q.External != nil {
				delete(doc.External, id)
				q.External = nil
				details["external.url"] = ""
			}
			if err := saveRoutingDoc(ctx, tx, workspaceID, doc, now); err != nil {
				return err
			}
		}
		if upd.Tiers != nil || (len(q.Tiers) > 0 && details["team_id"] != nil) {
			tiers := q.Tiers
			if upd.Tiers != nil {
				tiers = *upd.Tiers
			}
			if changed, err := saveTiers(ctx, tx, q, tiers); err != nil {
				return err
			} else if changed {
				details["tiers"] = tiersDetail(q.Tiers)
			}
		}
		if q.Strategy == parley.StrategyBot && q.BotID == "" {
			return &parley.Error{Code: parley.EINVALID, Message: "A queue of strategy bot needs its bot.",
				Fields: []parley.FieldError{{Field: "bot_id", Message: "must name a bot with strategy bot"}}}
		}
		if len(details) == 0 {
			return nil
		}
		if _, ok := details["team_id"]; ok && q.TeamID != "" {
			if err := mustExist(ctx, tx, "teams", "Team", workspaceID, q.TeamID); err != nil {
				return err
			}
		}
		q.UpdatedAt = now
		_, err = tx.exec(ctx, `UPDATE queues SET name = ?, name_key = ?, team_id = ?, strategy = ?, capacity = ?,
			offline_return_ms = ?, updated_at = ? WHERE workspace_id = ? AND id = ?`, q.Name, teamKey(q.Name),
			nullString(q.TeamID), q.Strategy, q.Capacity, q.OfflineReturn.Milliseconds(), now.UnixMicro(), workspaceID, id)
		if isUniqueViolation(err) {
			return parley.Errorf(parley.ECONFLICT, "A queue with this name already exists.")
		} else if err != nil {
			return fmt.Errorf("update queue: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "queue.update", TargetType: "queue", TargetID: id,
			Details: details, CreatedAt: now,
		})
	})
	if err != nil {
		return nil, err
	}
	return q, nil
}

// DeleteQueue returns ENOTFOUND or ECONFLICT.
func (s *Store) DeleteQueue(ctx context.Context, actor parley.Actor, workspaceID, id string) error {
	now := s.now()
	return s.inTx(ctx, func(tx runner) error {
		q, err := findQueue(ctx, tx, workspaceID, id)
		if err != nil {
			return err
		}
		if q.Default {
			return parley.Errorf(parley.ECONFLICT, "The default queue cannot be deleted.")
		}
		var n int
		if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM inbox_queues WHERE workspace_id = ? AND queue_id = ?`,
			workspaceID, id).Scan(&n); err != nil {
			return fmt.Errorf("delete queue: %w", err)
		}
		if n > 0 {
			return parley.Errorf(parley.ECONFLICT, "An inbox uses this queue: give the inbox another queue first.")
		}
		doc, err := loadRoutingDoc(ctx, tx, workspaceID, true)
		if err != nil {
			return err
		}
		if slices.ContainsFunc(doc.Rules, func(r routingRuleJSON) bool { return r.QueueID == id }) {
			return parley.Errorf(parley.ECONFLICT, "A routing rule names this queue: change the rules first.")
		}
		_, ext := doc.External[id]
		_, hours := doc.Hours[id]
		_, settings := doc.Settings[id]
		if ext || hours || settings {
			delete(doc.External, id)
			delete(doc.Hours, id)
			delete(doc.Settings, id)
			if err := saveRoutingDoc(ctx, tx, workspaceID, doc, now); err != nil {
				return err
			}
		}
		if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM conversations WHERE workspace_id = ? AND queue_id = ? AND status <> ?`,
			workspaceID, id, parley.StatusResolved).Scan(&n); err != nil {
			return fmt.Errorf("delete queue: %w", err)
		}
		if n > 0 {
			return parley.Errorf(parley.ECONFLICT, "The queue holds %d conversations that are not resolved: move them first.", n)
		}
		def, err := s.ensureDefaultQueue(ctx, tx, workspaceID)
		if err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `UPDATE conversations SET queue_id = ? WHERE workspace_id = ? AND queue_id = ?`,
			def, workspaceID, id); err != nil {
			return fmt.Errorf("delete queue: %w", err)
		}
		if _, err := tx.exec(ctx, `DELETE FROM queues WHERE workspace_id = ? AND id = ?`, workspaceID, id); err != nil {
			return fmt.Errorf("delete queue: %w", err)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "queue.delete", TargetType: "queue", TargetID: id,
			Details: map[string]any{"name": q.Name}, CreatedAt: now,
		})
	})
}

// inboxQueue returns the ID of the inbox's queue: its own, else the
// default queue.
func (s *Store) inboxQueue(ctx context.Context, tx runner, workspaceID, inboxID string) (string, error) {
	var id string
	err := tx.queryRow(ctx, `SELECT queue_id FROM inbox_queues WHERE workspace_id = ? AND inbox_id = ?`,
		workspaceID, inboxID).Scan(&id)
	if err == nil {
		return id, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("find inbox queue: %w", err)
	}
	return s.ensureDefaultQueue(ctx, tx, workspaceID)
}

// InboxQueue returns the inbox's queue. Returns ENOTFOUND.
func (s *Store) InboxQueue(ctx context.Context, workspaceID, inboxID string) (*parley.Queue, error) {
	if err := mustExist(ctx, s.read(), "inboxes", "Inbox", workspaceID, inboxID); err != nil {
		return nil, err
	}
	q, err := scanQueue(s.read().queryRow(ctx, `SELECT `+queueColumns+` FROM queues
		WHERE id = (SELECT queue_id FROM inbox_queues WHERE workspace_id = ? AND inbox_id = ?)`, workspaceID, inboxID))
	if errors.Is(err, sql.ErrNoRows) {
		return s.DefaultQueue(ctx, workspaceID)
	} else if err != nil {
		return nil, fmt.Errorf("find inbox queue: %w", err)
	}
	return q, nil
}

// SetInboxQueue sets the inbox's queue ("" for the default). Returns ENOTFOUND.
func (s *Store) SetInboxQueue(ctx context.Context, actor parley.Actor, workspaceID, inboxID, queueID string) error {
	now := s.now()
	return s.inTx(ctx, func(tx runner) error {
		if err := mustExist(ctx, tx, "inboxes", "Inbox", workspaceID, inboxID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `DELETE FROM inbox_queues WHERE workspace_id = ? AND inbox_id = ?`, workspaceID, inboxID); err != nil {
			return fmt.Errorf("set inbox queue: %w", err)
		}
		if queueID != "" {
			if err := mustExist(ctx, tx, "queues", "Queue", workspaceID, queueID); err != nil {
				return err
			}
			if _, err := tx.exec(ctx, `INSERT INTO inbox_queues (inbox_id, workspace_id, queue_id) VALUES (?, ?, ?)`,
				inboxID, workspaceID, queueID); err != nil {
				return fmt.Errorf("set inbox queue: %w", err)
			}
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "inbox.set_queue", TargetType: "inbox", TargetID: inboxID,
			Details: map[string]any{"queue_id": queueID}, CreatedAt: now,
		})
	})
}

// Rules.

// routingRuleJSON fixes the stored form of a rule.
type routingRuleJSON struct {
	QueueID       string            `json:"queue_id"`
	InboxID       string            `json:"inbox_id,omitempty"`
	Verified      *bool             `json:"verified,omitempty"`
	Attributes    map[string]string `json:"attributes,omitempty"`
	PageURLPrefix string            `json:"page_url_prefix,omitempty"`
}

// externalJSON fixes the stored form of a queue's external router.
type externalJSON struct {
	URL       string `json:"url"`
	Secret    string `json:"secret"`
	TimeoutMS int64  `json:"timeout_ms,omitempty"`
	Fallback  string `json:"fallback,omitempty"`
}

func (e externalJSON) router() *parley.ExternalRouter {
	return &parley.ExternalRouter{URL: e.URL, Secret: e.Secret, Timeout: time.Duration(e.TimeoutMS) * time.Millisecond,
		Fallback: parley.Strategy(e.Fallback)}
}

// routingDoc is a workspace's routing document, the rules column of
// routing_rules: its ordered rules, and the external routers of its queues
// by queue ID (kept here, with the rules, so that migration 00016 stays
// as it shipped). Early rows hold the list of rules alone.
type routingDoc struct {
	Rules    []routingRuleJSON               `json:"rules"`
	External map[string]externalJSON         `json:"external,omitempty"`
	Hours    map[string]parley.BusinessHours `json:"hours,omitempty"`
	// Settings are the other settings of queues, by queue ID.
	Settings map[string]queueSettingsJSON `json:"settings,omitempty"`
}

// queueSettingsJSON fixes the stored form of a queue's settings kept in
// the routing document.
type queueSettingsJSON struct {
	OfferMode      bool   `json:"offer_mode,omitempty"`
	OfferTimeoutMS int64  `json:"offer_timeout_ms,omitempty"`
	BotID          string `json:"bot_id,omitempty"`
	BotTimeoutMS   int64  `json:"bot_timeout_ms,omitempty"`
	HandoffQueueID string `json:"handoff_queue_id,omitempty"`
}

func (qs queueSettingsJSON) apply(q *parley.Queue) {
	q.OfferMode = qs.OfferMode
	q.OfferTimeout = time.Duration(qs.OfferTimeoutMS) * time.Millisecond
	q.BotID, q.HandoffQueueID = qs.BotID, qs.HandoffQueueID
	q.BotTimeout = time.Duration(qs.BotTimeoutMS) * time.Millisecond
}

// loadRoutingDoc reads the workspace's routing document; lock holds its
// row until the transaction ends.
func loadRoutingDoc(ctx context.Context, r runner, workspaceID string, lock bool) (routingDoc, error) {
	var (
		raw string
		doc routingDoc
	)
	query := `SELECT rules FROM routing_rules WHERE workspace_id = ?`
	if lock {
		query += r.dialect.forUpdate()
	}
	err := r.queryRow(ctx, query, workspaceID).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return doc, nil
	} else if err != nil {
		return doc, fmt.Errorf("routing rules: %w", err)
	}
	if strings.HasPrefix(strings.TrimSpace(raw), "[") {
		err = decodeJSON(raw, &doc.Rules)
	} else {
		err = decodeJSON(raw, &doc)
	}
	return doc, err
}

// saveRoutingDoc writes the workspace's routing document.
func saveRoutingDoc(ctx context.Context, tx runner, workspaceID string, doc routingDoc, now time.Time) error {
	if doc.Rules == nil {
		doc.Rules = []routingRuleJSON{}
	}
	raw, err := encodeJSON(doc)
	if err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `INSERT INTO routing_rules (workspace_id, rules, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (workspace_id) DO UPDATE SET rules = excluded.rules, updated_at = excluded.updated_at`,
		workspaceID, raw, now.UnixMicro()); err != nil {
		return fmt.Errorf("save routing rules: %w", err)
	}
	return nil
}

func routingRules(ctx context.Context, r runner, workspaceID string) ([]parley.RoutingRule, error) {
	doc, err := loadRoutingDoc(ctx, r, workspaceID, false)
	if err != nil {
		return nil, err
	}
	return doc.rules(), nil
}

// rules returns the document's rules in order.
func (d routingDoc) rules() []parley.RoutingRule {
	rules := make([]parley.RoutingRule, len(d.Rules))
	for i, r := range d.Rules {
		rules[i] = parley.RoutingRule(r)
	}
	return rules
}

// withExternal sets the external routers of qs from the workspace's
// routing document.
func withExternal(ctx context.Context, r runner, workspaceID string, qs ...*parley.Queue) error {
	doc, err := loadRoutingDoc(ctx, r, workspaceID, false)
	if err != nil {
		return err
	}
	for _, q := range qs {
		if e, ok := doc.External[q.ID]; ok {
			q.External = e.router()
		}
		if h, ok := doc.Hours[q.ID]; ok {
			q.Hours = &h
		}
		doc.Settings[q.ID].apply(q)
	}
	return nil
}

// RoutingRules returns the workspace's rules in order.
func (s *Store) RoutingRules(ctx context.Context, workspaceID string) ([]parley.RoutingRule, error) {
	return routingRules(ctx, s.read(), workspaceID)
}

// SetRoutingRules replaces the rules. Returns ENOTFOUND.
func (s *Store) SetRoutingRules(ctx context.Context, actor parley.Actor, workspaceID string, rules []parley.RoutingRule) error {
	stored := make([]routingRuleJSON, len(rules))
	for i, r := range rules {
		stored[i] = routingRuleJSON(r)
	}
	now := s.now()
	return s.inTx(ctx, func(tx runner) error {
		if err := mustExistWorkspace(ctx, tx, workspaceID); err != nil {
			return err
		}
		for _, r := range rules {
			if err := mustExist(ctx, tx, "queues", "Queue", workspaceID, r.QueueID); err != nil {
				return err
			}
			if r.InboxID != "" {
				if err := mustExist(ctx, tx, "inboxes", "Inbox", workspaceID, r.InboxID); err != nil {
					return err
				}
			}
		}
		doc, err := loadRoutingDoc(ctx, tx, workspaceID, true)
		if err != nil {
			return err
		}
		doc.Rules = stored
		if err := saveRoutingDoc(ctx, tx, workspaceID, doc, now); err != nil {
			return err
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "routing_rules.set", TargetType: "workspace", TargetID: workspaceID,
			Details: map[string]any{"rules": len(rules)}, CreatedAt: now,
		})
	})
}

func mustExistWorkspace(ctx context.Context, r runner, id string) error {
	if !storable(id) {
		return notFound("Workspace")
	}
	var one int
	err := r.queryRow(ctx, `SELECT 1 FROM workspaces WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound("Workspace")
	} else if err != nil {
		return fmt.Errorf("find workspace: %w", err)
	}
	return nil
}

// routeFacts chooses the queue of a conversation becoming pending on a
// visitor's message, by the workspace's rules.
func (s *Store) routeQueue(ctx context.Context, tx runner, rules []parley.RoutingRule, conv *parley.Conversation) (string, error) {
	var (
		verified bool
		attrs    string
	)
	if len(rules) > 0 {
		err := tx.queryRow(ctx, `SELECT verified, attributes FROM contacts WHERE workspace_id = ? AND id = ?`,
			conv.WorkspaceID, conv.ContactID).Scan(&verified, &attrs)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return "", fmt.Errorf("routing facts: %w", err)
		}
		facts := parley.RoutingFacts{InboxID: conv.InboxID, Verified: verified, PageURL: conv.PageURL}
		if attrs != "" {
			if err := decodeJSON(attrs, &facts.Attributes); err != nil {
				return "", err
			}
		}
		if q := parley.ChooseQueue(rules, facts, ""); q != "" {
			return q, nil
		}
	}
	return s.inboxQueue(ctx, tx, conv.WorkspaceID, conv.InboxID)
}

// Assignment.

// routingCandidates returns the enabled, online, human agents of the
// queue's team (every agent without a team), ordered by ID, with how many
// conversations each holds and its effective capacity.
func routingCandidates(ctx context.Context, r runner, q *parley.Queue) ([]parley.RoutingCandidate, error) {
	query := `SELECT a.id, a.capacity, a.last_assigned_at,
			(SELECT COUNT(*) FROM conversations c WHERE c.assignee_id = a.id AND c.status = ?) + ` + fmt.Sprintf(openOffersOf, "a.id") + `
		FROM agents a WHERE a.workspace_id = ? AND a.disabled = ? AND a.bot = ? AND a.presence = ?`
	args := []any{parley.StatusAssigned, q.WorkspaceID, false, false, parley.PresenceOnline}
	if teams := q.RoutingTeams(); len(teams) > 0 {
		query += ` AND a.id IN (SELECT agent_id FROM team_members WHERE workspace_id = ? AND team_id IN (` + marks(len(teams)) + `))`
		args = append(args, q.WorkspaceID)
		for _, t := range teams {
			args = append(args, t)
		}
	}
	return queryAll(ctx, r, func(row scanner) (parley.RoutingCandidate, error) {
		var (
			c    parley.RoutingCandidate
			last sql.NullInt64
		)
		if err := row.Scan(&c.AgentID, &c.Capacity, &last, &c.Open); err != nil {
			return c, err
		}
		if q.Capacity > 0 {
			c.Capacity = q.Capacity
		}
		c.LastAssignedAt = fromNullMicros(last)
		return c, nil
	}, query+` ORDER BY a.id`, args...)
}

// AgentLoads implements parley.RoutingStore.
func (s *Store) AgentLoads(ctx context.Context, workspaceID string, agentIDs []string) (map[string]int, error) {
	out := make(map[string]int, len(agentIDs))
	for len(agentIDs) > 0 {
		chunk := agentIDs[:min(len(agentIDs), maxInList)]
		agentIDs = agentIDs[len(chunk):]
		args := []any{parley.StatusAssigned, workspaceID}
		for _, id := range chunk {
			args = append(args, id)
		}
		type load struct {
			id string
			n  int
		}
		loads, err := queryAll(ctx, s.read(), func(row scanner) (load, error) {
			var l load
			return l, row.Scan(&l.id, &l.n)
		}, `SELECT a.id, (SELECT COUNT(*) FROM conversations c WHERE c.assignee_id = a.id AND c.status = ?) + `+
			fmt.Sprintf(openOffersOf, "a.id")+` FROM agents a WHERE a.workspace_id = ? AND a.id IN (`+marks(len(chunk))+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("agent loads: %w", err)
		}
		for _, l := range loads {
			out[l.id] = l.n
		}
	}
	return out, nil
}

// RoutingCandidates returns the agents that may take the queue's next
// conversation, under capacity, ordered by ID. Returns ENOTFOUND.
func (s *Store) RoutingCandidates(ctx context.Context, workspaceID, queueID string) ([]parley.RoutingCandidate, error) {
	q, err := findQueue(ctx, s.read(), workspaceID, queueID)
	if err != nil {
		return nil, err
	}
	all, err := routingCandidates(ctx, s.read(), q)
	if err != nil {
		return nil, fmt.Errorf("routing candidates: %w", err)
	}
	return slices.DeleteFunc(all, func(c parley.RoutingCandidate) bool { return c.Capacity > 0 && c.Open >= c.Capacity }), nil
}

// QueueAvailability returns the queue's online and available agents.
func (s *Store) QueueAvailability(ctx context.Context, workspaceID, queueID string) (*parley.Availability, error) {
	q, err := findQueue(ctx, s.read(), workspaceID, queueID)
	if err != nil {
		return nil, err
	}
	all, err := routingCandidates(ctx, s.read(), q)
	if err != nil {
		return nil, fmt.Errorf("queue availability: %w", err)
	}
	av := &parley.Availability{QueueID: q.ID, OnlineAgents: len(all)}
	for _, c := range all {
		if c.Capacity <= 0 || c.Open < c.Capacity {
			av.AvailableAgents++
		}
	}
	return av, nil
}

// RoutableQueues returns the automatic queues holding pending conversations.
func (s *Store) RoutableQueues(ctx context.Context) ([]parley.QueueRef, error) {
	refs, err := queryAll(ctx, s.read(), func(row scanner) (parley.QueueRef, error) {
		var r parley.QueueRef
		return r, row.Scan(&r.WorkspaceID, &r.QueueID)
	}, `SELECT q.workspace_id, q.id FROM queues q WHERE q.strategy <> ? AND EXISTS (SELECT 1 FROM conversations c
		WHERE c.workspace_id = q.workspace_id AND c.queue_id = q.id AND c.status = ?) ORDER BY q.workspace_id, q.id`,
		parley.StrategyManual, parley.StatusPending)
	if err != nil {
		return nil, fmt.Errorf("routable queues: %w", err)
	}
	return refs, nil
}

// pendingOrder orders a queue's pending conversations: the order in which
// they are taken and in which QueueStatus counts positions.
const pendingOrder = `priority DESC, COALESCE(queued_at, 0), id`

// nextPendingQuery is NextPending's. The index
// conversations_pending_order_idx (migration 00032) holds its order after
// its equality columns, so it reads the first rows off the index rather
// than sorting the queue (TestNextPendingPlan).
const nextPendingQuery = `SELECT ` + conversationColumns + ` FROM conversations
	WHERE workspace_id = ? AND queue_id = ? AND status = ? AND NOT EXISTS (SELECT 1 FROM routing_offers o
		WHERE o.conversation_id = conversations.id AND o.state = 'open') ORDER BY ` + pendingOrder + ` LIMIT ?`

// NextPending returns up to limit pending conversations of the queue in
// the order they are to be taken.
func (s *Store) NextPending(ctx context.Context, workspaceID, queueID string, limit int) ([]*parley.Conversation, error) {
	if !storable(workspaceID, queueID) {
		return []*parley.Conversation{}, nil
	}
	items, err := queryAll(ctx, s.read(), scanConversation, nextPendingQuery,
		workspaceID, queueID, parley.StatusPending, max(limit, 1))
	if err != nil {
		return nil, fmt.Errorf("next pending: %w", err)
	}
	return items, nil
}

// RouteConversation assigns with capacity, presence and queue checks in
// the transaction of the assignment, in three statements besides the
// queue's cursor:
//
//   - the agent's row is locked by the UPDATE that stamps its
//     last_assigned_at (rolled back with the transaction if the
//     assignment fails), which returns what is checked of it;
//   - the conversation's compare-and-set counts, in its WHERE, the agent's
//     conversations and open offers against its capacity. It is a later
//     statement than the lock, so on PostgreSQL (READ COMMITTED: a
//     snapshot per statement) it counts every assignment to the agent that
//     committed before the lock was granted: two assignments to one agent
//     take turns and the second counts the first;
//   - the event.
//
// Only when the compare-and-set matches nothing does it look for why.
func (s *Store) RouteConversation(ctx context.Context, workspaceID, id, agentID string, by parley.Participant, opt parley.RouteOptions) (*parley.Conversation, *parley.Event, error) {
	if !by.Valid() {
		return nil, nil, errInvalidParticipant("by")
	}
	if !storable(workspaceID, id, agentID, opt.QueueID) {
		return nil, nil, notFound("Agent or conversation")
	}
	var (
		c  *parley.Conversation
		ev *parley.Event
	)
	// A batch transaction: its few statements are prepared once (SQLite).
	err := s.inBatchTx(ctx, func(tx runner) error {
		now := s.now()
		capacity, err := stampAgentForRouting(ctx, tx, workspaceID, agentID, opt, now)
		if err != nil {
			return err
		}
		where, args := `workspace_id = ? AND id = ? AND status = ?`, []any{workspaceID, id, parley.StatusPending}
		if nowait := tx.dialect.skipLocked(); opt.NoWait && nowait != "" {
			where += ` AND id IN (SELECT id FROM conversations WHERE workspace_id = ? AND id = ?` + nowait + `)`
			args = append(args, workspaceID, id)
		}
		if opt.QueueID != "" {
			where, args = where+` AND queue_id = ?`, append(args, opt.QueueID)
		}
		if capacity > 0 {
			where += ` AND ` + openOfAgent + ` < ?`
			args = append(args, agentID, parley.StatusAssigned, agentID, capacity)
		}
		c, err = scanConversation(tx.queryRow(ctx, `UPDATE conversations SET status = ?, assignee_id = ?, assigned_at = ?,
			updated_at = ? WHERE `+where+` RETURNING `+conversationColumns,
			append([]any{parley.StatusAssigned, agentID, now.UnixMicro(), now.UnixMicro()}, args...)...))
		if errors.Is(err, sql.ErrNoRows) {
			return whyNotRouted(ctx, tx, workspaceID, id, agentID, opt.QueueID, capacity)
		} else if err != nil {
			return fmt.Errorf("route conversation: %w", err)
		}
		if ev, err = insertEvent(ctx, tx, workspaceID, parley.EventConversationAssigned, id,
			parley.ConversationEventData{Conversation: c, By: by}, now); err != nil {
			return err
		}
		if opt.QueueID != "" && !opt.DeferCursor {
			if _, err := tx.exec(ctx, `UPDATE queues SET last_agent_id = ? WHERE workspace_id = ? AND id = ?`,
				agentID, workspaceID, opt.QueueID); err != nil {
				return fmt.Errorf("route conversation: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return c, ev, nil
}

// openOfAgent counts an agent's assigned conversations and open offers;
// its arguments are the agent's ID, parley.StatusAssigned, the agent's ID.
var openOfAgent = `((SELECT COUNT(*) FROM conversations WHERE assignee_id = ? AND status = ?) + ` +
	fmt.Sprintf(openOffersOf, "?") + `)`

// stampAgentForRouting locks the agent's row for RouteConversation by
// stamping its last_assigned_at, and checks that it may be routed to:
// enabled, and online when opt requires it (a bot never is). It returns
// its effective capacity (the queue's when opt sets one; 0: no limit).
func stampAgentForRouting(ctx context.Context, tx runner, workspaceID, agentID string, opt parley.RouteOptions, now time.Time) (int, error) {
	var (
		disabled, bot bool
		capacity      int
		presence      parley.Presence
	)
	where, args := `workspace_id = ? AND id = ?`, []any{now.UnixMicro(), workspaceID, agentID}
	nowait := tx.dialect.skipLocked()
	if opt.NoWait && nowait != "" {
		where += ` AND id IN (SELECT id FROM agents WHERE workspace_id = ? AND id = ?` + nowait + `)`
		args = append(args, workspaceID, agentID)
	}
	err := tx.queryRow(ctx, `UPDATE agents SET last_assigned_at = ? WHERE `+where+`
		RETURNING disabled, bot, capacity, presence`, args...).Scan(&disabled, &bot, &capacity, &presence)
	if errors.Is(err, sql.ErrNoRows) {
		if opt.NoWait && nowait != "" {
			if err := mustExist(ctx, tx, "agents", "Agent", workspaceID, agentID); err != nil {
				return 0, err
			}
			return 0, &parley.Error{Code: parley.ECONFLICT, Reason: "busy", Message: "Another transaction is changing the agent."}
		}
		return 0, notFound("Agent")
	} else if err != nil {
		return 0, fmt.Errorf("lock agent for routing: %w", err)
	}
	if disabled {
		return 0, parley.Errorf(parley.EINVALID, "The agent is disabled.")
	}
	if opt.RequireOnline && (bot || presence != parley.PresenceOnline) {
		return 0, &parley.Error{Code: parley.ECONFLICT, Reason: "offline", Message: "The agent is not online."}
	}
	if opt.Capacity > 0 {
		capacity = opt.Capacity
	}
	return max(capacity, 0), nil
}

// whyNotRouted returns why RouteConversation's compare-and-set matched
// nothing: the agent is at its capacity (checked first, as the agent is),
// or the conversation is missing, not pending, or in another queue.
func whyNotRouted(ctx context.Context, tx runner, workspaceID, id, agentID, queueID string, capacity int) error {
	if capacity > 0 {
		var open int
		if err := tx.queryRow(ctx, `SELECT `+openOfAgent, agentID, parley.StatusAssigned, agentID).Scan(&open); err != nil {
			return fmt.Errorf("route conversation: %w", err)
		}
		if open >= capacity {
			return &parley.Error{Code: parley.ECONFLICT, Reason: "capacity",
				Message: fmt.Sprintf("The agent holds %d conversations, its capacity.", open)}
		}
	}
	cur, err := findConversation(ctx, tx, workspaceID, id)
	if err != nil {
		return err
	}
	if cur.Status == parley.StatusPending && queueID != "" && cur.QueueID != queueID {
		return &parley.Error{Code: parley.ECONFLICT, Reason: "queue", Message: "The conversation is in another queue."}
	}
	if cur.Status == parley.StatusPending {
		// Skipped (RouteOptions.NoWait): another transaction holds it.
		return parley.Errorf(parley.ECONFLICT, "The conversation is being assigned elsewhere.")
	}
	return parley.Errorf(parley.ECONFLICT, "The conversation is %s.", cur.Status)
}

// MoveConversation puts a conversation that is not resolved in queueID.
func (s *Store) MoveConversation(ctx context.Context, workspaceID, id, queueID string, by parley.Participant) (*parley.Conversation, *parley.Event, error) {
	if !by.Valid() {
		return nil, nil, errInvalidParticipant("by")
	}
	var (
		c  *parley.Conversation
		ev *parley.Event
	)
	err := s.inTx(ctx, func(tx runner) error {
		if err := mustExist(ctx, tx, "queues", "Queue", workspaceID, queueID); err != nil {
			return err
		}
		if !storable(id) {
			return notFound("Conversation")
		}
		cur, err := scanConversation(tx.queryRow(ctx, `SELECT `+conversationColumns+` FROM conversations
			WHERE workspace_id = ? AND id = ?`+tx.dialect.forUpdate(), workspaceID, id))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("Conversation")
		} else if err != nil {
			return fmt.Errorf("move conversation: %w", err)
		}
		switch {
		case cur.Status == parley.StatusResolved:
			return parley.Errorf(parley.ECONFLICT, "The conversation is resolved.")
		case cur.QueueID == queueID:
			return parley.Errorf(parley.ECONFLICT, "The conversation is in this queue already.")
		}
		now := s.now()
		set, args := `queue_id = ?, tier_of = NULL`, []any{queueID}
		if cur.Status == parley.StatusAssigned {
			set += `, status = ?, assignee_id = NULL, assigned_at = NULL, queued_at = ?`
			args = append(args, parley.StatusPending, now.UnixMicro())
		}
		args = append(args, now.UnixMicro(), workspaceID, id)
		c, err = scanConversation(tx.queryRow(ctx, `UPDATE conversations SET `+set+`, updated_at = ?
			WHERE workspace_id = ? AND id = ? RETURNING `+conversationColumns, args...))
		if err != nil {
			return fmt.Errorf("move conversation: %w", err)
		}
		data := parley.ConversationEventData{Conversation: c, By: by, PreviousQueueID: cur.QueueID}
		if cur.Status == parley.StatusAssigned {
			data.PreviousAssigneeID = cur.AssigneeID
		}
		ev, err = insertEvent(ctx, tx, workspaceID, parley.EventConversationQueueChanged, id, data, now)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return c, ev, nil
}

// recentWaits is how many recent assignments the estimated wait averages,
// and how far back it looks.
const (
	recentWaits      = 20
	recentWaitWindow = 24 * time.Hour
)

// QueueStatus returns where a conversation stands in its queue.
func (s *Store) QueueStatus(ctx context.Context, workspaceID, conversationID string) (*parley.QueueStatus, error) {
	if !storable(workspaceID, conversationID) {
		return nil, notFound("Conversation")
	}
	r := s.read()
	var (
		queueID  sql.NullString
		status   parley.ConversationStatus
		priority int
		queued   int64
	)
	err := r.queryRow(ctx, `SELECT queue_id, status, priority, COALESCE(queued_at, 0) FROM conversations
		WHERE workspace_id = ? AND id = ?`, workspaceID, conversationID).Scan(&queueID, &status, &priority, &queued)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Conversation")
	} else if err != nil {
		return nil, fmt.Errorf("queue status: %w", err)
	}
	st := &parley.QueueStatus{QueueID: queueID.String}
	if err := r.queryRow(ctx, `SELECT COUNT(*) FROM conversations WHERE workspace_id = ? AND queue_id = ? AND status = ?`,
		workspaceID, queueID.String, parley.StatusPending).Scan(&st.Waiting); err != nil {
		return nil, fmt.Errorf("queue status: %w", err)
	}
	if status == parley.StatusPending {
		var ahead int
		if err := r.queryRow(ctx, `SELECT COUNT(*) FROM conversations WHERE workspace_id = ? AND queue_id = ? AND status = ?
			AND (priority > ? OR (priority = ? AND (COALESCE(queued_at, 0) < ? OR (COALESCE(queued_at, 0) = ? AND id < ?))))`,
			workspaceID, queueID.String, parley.StatusPending, priority, priority, queued, queued, conversationID).Scan(&ahead); err != nil {
			return nil, fmt.Errorf("queue status: %w", err)
		}
		st.Position = ahead + 1
	}
	waits, err := queryAll(ctx, r, func(row scanner) (int64, error) {
		var w int64
		return w, row.Scan(&w)
	}, `SELECT assigned_at - queued_at FROM conversations WHERE workspace_id = ? AND queue_id = ?
		AND assigned_at IS NOT NULL AND queued_at IS NOT NULL AND assigned_at >= ? AND assigned_at >= queued_at
		ORDER BY assigned_at DESC LIMIT ?`,
		workspaceID, queueID.String, s.now().Add(-recentWaitWindow).UnixMicro(), recentWaits)
	if err != nil {
		return nil, fmt.Errorf("queue status: %w", err)
	}
	if len(waits) > 0 {
		var sum int64
		for _, w := range waits {
			sum += w
		}
		d := time.Duration(sum/int64(len(waits))) * time.Microsecond
		st.EstimatedWait = &d
	}
	return st, nil
}

// lockAgentForRouting locks the agent's row (FOR UPDATE on PostgreSQL)
// before its conversations are counted, so that two assignments or offers
// to one agent take turns and the second counts the first, and checks that
// the agent may take one more: enabled, online (when online is set; a bot
// never is), and under its capacity — the queue's when opt sets one —
// counting its assigned conversations and open offers. full is the
// message, with the count, when it is at capacity.
func lockAgentForRouting(ctx context.Context, tx runner, workspaceID, agentID string, opt parley.RouteOptions, online bool, full string) error {
	var (
		disabled, bot bool
		capacity      int
		presence      parley.Presence
	)
	err := tx.queryRow(ctx, `SELECT disabled, bot, capacity, presence FROM agents WHERE workspace_id = ? AND id = ?`+
		tx.dialect.forUpdate(), workspaceID, agentID).Scan(&disabled, &bot, &capacity, &presence)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound("Agent")
	} else if err != nil {
		return fmt.Errorf("lock agent for routing: %w", err)
	}
	if disabled {
		return parley.Errorf(parley.EINVALID, "The agent is disabled.")
	}
	if online && (bot || presence != parley.PresenceOnline) {
		return &parley.Error{Code: parley.ECONFLICT, Reason: "offline", Message: "The agent is not online."}
	}
	if opt.Capacity > 0 {
		capacity = opt.Capacity
	}
	if capacity <= 0 {
		return nil
	}
	var open int
	if err := tx.queryRow(ctx, `SELECT (SELECT COUNT(*) FROM conversations WHERE assignee_id = ? AND status = ?) + `+
		fmt.Sprintf(openOffersOf, "?"), agentID, parley.StatusAssigned, agentID).Scan(&open); err != nil {
		return fmt.Errorf("lock agent for routing: %w", err)
	}
	if open >= capacity {
		return &parley.Error{Code: parley.ECONFLICT, Reason: "capacity", Message: fmt.Sprintf(full, open)}
	}
	return nil
}

// SetQueueCursor moves the queue's round-robin cursor to agentID.
func (s *Store) SetQueueCursor(ctx context.Context, workspaceID, queueID, agentID string) error {
	if _, err := s.write().exec(ctx, `UPDATE queues SET last_agent_id = ? WHERE workspace_id = ? AND id = ?`,
		agentID, workspaceID, queueID); err != nil {
		return fmt.Errorf("queue cursor: %w", err)
	}
	return nil
}
