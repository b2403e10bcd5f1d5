package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/parleychat/parley"
)

const agentColumns = `id, workspace_id, email, name, role, system_admin, bot, disabled, capacity, attributes, created_at, updated_at, presence, chosen_presence, avatar_url, app_id`

func errEmailTaken() error {
	return parley.Errorf(parley.ECONFLICT, "An agent with this email already exists.")
}

// CreateAgent inserts a, setting ID, CreatedAt and UpdatedAt, lower-casing
// Email and replacing nil Attributes with an empty map. Returns ECONFLICT if
// the email is taken in the workspace, ENOTFOUND if the workspace does not
// exist.
func (s *Store) CreateAgent(ctx context.Context, actor parley.Actor, a *parley.Agent, passwordHash string) error {
	now, id, email := s.now(), newID(), parley.NormalizeEmail(a.Email)
	attrsJSON, attrs, err := encodeAttributes(a.Attributes)
	if err != nil {
		return err
	}
	appID := ""
	if actor.Type == parley.ActorApp {
		appID = actor.ID
	}
	err = s.inTx(ctx, func(tx runner) error {
		if appID != "" {
			if err := checkAppAgentQuota(ctx, tx, a.WorkspaceID, appID, now); err != nil {
				return err
			}
		}
		_, err := tx.exec(ctx, `INSERT INTO agents (`+agentColumns+`, password_hash)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, a.WorkspaceID, email, a.Name, a.Role, a.SystemAdmin, a.Bot, a.Disabled, a.Capacity, attrsJSON,
			now.UnixMicro(), now.UnixMicro(), parley.PresenceOffline, parley.PresenceOffline, a.AvatarURL, nullString(appID),
			passwordHash)
		switch {
		case isUniqueViolation(err):
			return errEmailTaken()
		case isForeignKeyViolation(err):
			return notFound("Workspace")
		case err != nil:
			return fmt.Errorf("create agent: %w", err)
		}
		created := *a
		created.ID, created.Email, created.Attributes, created.CreatedAt, created.UpdatedAt = id, email, attrs, now, now
		created.Presence, created.ChosenPresence = parley.PresenceOffline, parley.PresenceOffline
		if _, err := insertEvent(ctx, tx, a.WorkspaceID, parley.EventAgentCreated, "",
			parley.AgentEventData{Agent: parley.NewAgentView(&created)}, now); err != nil {
			return err
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: a.WorkspaceID, Actor: actor, Action: "agent.create", TargetType: "agent", TargetID: id,
			Details: map[string]any{
				"email": email, "name": a.Name, "role": a.Role, "system_admin": a.SystemAdmin,
				"bot": a.Bot, "disabled": a.Disabled, "capacity": a.Capacity,
			},
			CreatedAt: now,
		})
	})
	if err != nil {
		return err
	}
	a.ID, a.Email, a.Attributes, a.CreatedAt, a.UpdatedAt, a.AppID = id, email, attrs, now, now, appID
	a.Presence, a.ChosenPresence = parley.PresenceOffline, parley.PresenceOffline
	return nil
}

// FindAgentByID returns ENOTFOUND if there is no such agent in the workspace.
func (s *Store) FindAgentByID(ctx context.Context, workspaceID, id string) (*parley.Agent, error) {
	return findAgent(ctx, s.read(), `workspace_id = ? AND id = ?`, workspaceID, id)
}

// FindAgentByEmail matches the email case-insensitively. Returns ENOTFOUND.
func (s *Store) FindAgentByEmail(ctx context.Context, workspaceID, email string) (*parley.Agent, error) {
	return findAgent(ctx, s.read(), `workspace_id = ? AND email = ?`, workspaceID, parley.NormalizeEmail(email))
}

// ListAgents returns the workspace's agents ordered by ID. It returns
// EINVALID if f.AttributeKey is not a valid attribute key. When
// f.AttributeKey is set, f.AttributeValue is compared as given, "" included.
func (s *Store) ListAgents(ctx context.Context, workspaceID string, f parley.AgentFilter) (parley.List[*parley.Agent], error) {
	limit := f.EffectiveLimit()
	query := `SELECT ` + agentColumns + ` FROM agents WHERE workspace_id = ? AND id > ?`
	args := []any{workspaceID, f.After}
	if f.Role != "" {
		query += ` AND role = ?`
		args = append(args, f.Role)
	}
	if f.AttributeKey != "" {
		if !parley.AttributeKeyPattern.MatchString(f.AttributeKey) {
			return parley.List[*parley.Agent]{}, parley.Errorf(parley.EINVALID, "Invalid attribute key %q.", f.AttributeKey)
		}
		cond, condArgs := s.dialect.attributeEquals(f.AttributeKey, f.AttributeValue)
		query += ` AND ` + cond
		args = append(args, condArgs...)
	}
	query += ` ORDER BY id LIMIT ?`
	items, err := queryAll(ctx, s.read(), scanAgent, query, append(args, limit+1)...)
	if err != nil {
		return parley.List[*parley.Agent]{}, fmt.Errorf("list agents: %w", err)
	}
	return page(items, limit, func(a *parley.Agent) string { return a.ID }), nil
}

// UpdateAgent returns ENOTFOUND, or ECONFLICT if the new email is taken or
// the update would leave the workspace without an enabled admin.
// Disabling an agent ends its sessions and releases its conversations. An
// update that sets no field changes nothing.
func (s *Store) UpdateAgent(ctx context.Context, actor parley.Actor, workspaceID, id string, upd parley.AgentUpdate) (*parley.Agent, error) {
	a, _, err := s.UpdateAgentReleasing(ctx, actor, workspaceID, id, upd)
	return a, err
}

// UpdateAgentReleasing is UpdateAgent that also returns the
// conversation.unassigned events of the conversations it released.
func (s *Store) UpdateAgentReleasing(ctx context.Context, actor parley.Actor, workspaceID, id string, upd parley.AgentUpdate) (*parley.Agent, []*parley.Event, error) {
	now := s.now()
	var (
		a        *parley.Agent
		released []*parley.Event
	)
	err := s.inTx(ctx, func(tx runner) error {
		if (upd.Role != nil && *upd.Role != parley.RoleAdmin) || (upd.Disabled != nil && *upd.Disabled) {
			if err := lockAdmins(ctx, tx, workspaceID); err != nil {
				return err
			}
		}
		var err error
		if a, err = findAgent(ctx, tx, `workspace_id = ? AND id = ?`+tx.dialect.forUpdate(), workspaceID, id); err != nil {
			return err
		}
		wasAdmin := enabledAdmin(a)
		details := applyAgentUpdate(a, upd)
		if len(details) == 0 {
			return nil
		}
		if wasAdmin && !enabledAdmin(a) {
			if err := requireOtherAdmin(ctx, tx, workspaceID, id); err != nil {
				return err
			}
		}
		attrsJSON, attrs, err := encodeAttributes(a.Attributes)
		if err != nil {
			return err
		}
		a.Attributes, a.UpdatedAt = attrs, now
		_, err = tx.exec(ctx, `UPDATE agents SET email = ?, name = ?, role = ?, bot = ?, disabled = ?, capacity = ?,
			attributes = ?, avatar_url = ?, updated_at = ? WHERE workspace_id = ? AND id = ?`,
			a.Email, a.Name, a.Role, a.Bot, a.Disabled, a.Capacity, attrsJSON, a.AvatarURL, now.UnixMicro(), workspaceID, id)
		if isUniqueViolation(err) {
			return errEmailTaken()
		} else if err != nil {
			return fmt.Errorf("update agent: %w", err)
		}
		if _, err := insertEvent(ctx, tx, workspaceID, parley.EventAgentUpdated, "",
			parley.AgentEventData{Agent: parley.NewAgentView(a)}, now); err != nil {
			return err
		}
		if upd.Disabled != nil && *upd.Disabled {
			if _, err := deleteAgentSessions(ctx, tx, workspaceID, id); err != nil {
				return err
			}
			if released, err = s.releaseAgentConversations(ctx, tx, workspaceID, id); err != nil {
				return err
			}
			if len(released) > 0 {
				details["released_conversations"] = len(released)
			}
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "agent.update", TargetType: "agent", TargetID: id,
			Details: details, CreatedAt: now,
		})
	})
	if err != nil {
		return nil, nil, err
	}
	return a, released, nil
}

// applyAgentUpdate sets the fields of upd on a and returns them by name.
func applyAgentUpdate(a *parley.Agent, upd parley.AgentUpdate) map[string]any {
	details := map[string]any{}
	if upd.Email != nil {
		a.Email = parley.NormalizeEmail(*upd.Email)
		details["email"] = a.Email
	}
	if upd.Name != nil {
		a.Name = *upd.Name
		details["name"] = a.Name
	}
	if upd.Role != nil {
		a.Role = *upd.Role
		details["role"] = a.Role
	}
	if upd.Bot != nil {
		a.Bot = *upd.Bot
		details["bot"] = a.Bot
	}
	if upd.Disabled != nil {
		a.Disabled = *upd.Disabled
		details["disabled"] = a.Disabled
	}
	if upd.Capacity != nil {
		a.Capacity = *upd.Capacity
		details["capacity"] = a.Capacity
	}
	if upd.Attributes != nil {
		a.Attributes = *upd.Attributes
		if a.Attributes == nil {
			a.Attributes = map[string]any{}
		}
		details["attributes"] = a.Attributes
	}
	if upd.AvatarURL != nil {
		a.AvatarURL = *upd.AvatarURL
		details["avatar_url"] = a.AvatarURL
	}
	return details
}

// SetAgentPassword replaces the password hash. Returns ENOTFOUND.
func (s *Store) SetAgentPassword(ctx context.Context, actor parley.Actor, workspaceID, id, passwordHash string) error {
	now := s.now()
	return s.inTx(ctx, func(tx runner) error {
		res, err := tx.exec(ctx, `UPDATE agents SET password_hash = ?, updated_at = ? WHERE workspace_id = ? AND id = ?`,
			passwordHash, now.UnixMicro(), workspaceID, id)
		if err != nil {
			return fmt.Errorf("set agent password: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("set agent password: %w", err)
		} else if n == 0 {
			return notFound("Agent")
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "agent.password_set", TargetType: "agent", TargetID: id,
			CreatedAt: now,
		})
	})
}

// AgentPasswordHash returns the stored hash ("" if none). Returns ENOTFOUND.
func (s *Store) AgentPasswordHash(ctx context.Context, workspaceID, id string) (string, error) {
	var hash string
	err := s.read().queryRow(ctx, `SELECT password_hash FROM agents WHERE workspace_id = ? AND id = ?`,
		workspaceID, id).Scan(&hash)
	if errors.Is(err, sql.ErrNoRows) {
		return "", notFound("Agent")
	} else if err != nil {
		return "", fmt.Errorf("agent password hash: %w", err)
	}
	return hash, nil
}

// DeleteAgent removes the agent and, by cascade, its sessions, and
// releases its conversations. Returns ENOTFOUND, or ECONFLICT if the agent
// is the workspace's last enabled admin.
func (s *Store) DeleteAgent(ctx context.Context, actor parley.Actor, workspaceID, id string) error {
	_, err := s.DeleteAgentReleasing(ctx, actor, workspaceID, id)
	return err
}

// DeleteAgentReleasing is DeleteAgent that also returns the
// conversation.unassigned events of the conversations it released.
func (s *Store) DeleteAgentReleasing(ctx context.Context, actor parley.Actor, workspaceID, id string) ([]*parley.Event, error) {
	now := s.now()
	var released []*parley.Event
	err := s.inTx(ctx, func(tx runner) error {
		if err := lockAdmins(ctx, tx, workspaceID); err != nil {
			return err
		}
		// The agent is locked before the release, so that no assignment
		// to it commits between the release and the delete (see
		// assignableAgent). The release comes before the delete, whose ON
		// DELETE SET NULL would otherwise leave the agent's conversations
		// assigned to nobody.
		a, err := findAgent(ctx, tx, `workspace_id = ? AND id = ?`+tx.dialect.forUpdate(), workspaceID, id)
		if err != nil {
			return err
		}
		if enabledAdmin(a) {
			if err := requireOtherAdmin(ctx, tx, workspaceID, id); err != nil {
				return err
			}
		}
		if released, err = s.releaseAgentConversations(ctx, tx, workspaceID, id); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `DELETE FROM agents WHERE workspace_id = ? AND id = ?`, workspaceID, id); err != nil {
			return fmt.Errorf("delete agent: %w", err)
		}
		details := map[string]any{"email": a.Email, "name": a.Name}
		if len(released) > 0 {
			details["released_conversations"] = len(released)
		}
		return insertAudit(ctx, tx, parley.AuditEntry{
			WorkspaceID: workspaceID, Actor: actor, Action: "agent.delete", TargetType: "agent", TargetID: id,
			Details: details, CreatedAt: now,
		})
	})
	if err != nil {
		return nil, err
	}
	return released, nil
}

// enabledAdmin reports whether a counts towards the workspace's admins.
func enabledAdmin(a *parley.Agent) bool { return a.Role == parley.RoleAdmin && !a.Disabled }

// lockAdmins serialises the transactions that may take away a
// workspace's last enabled admin, before they read the agent they change:
// on PostgreSQL it locks the workspace's row (FOR NO KEY UPDATE, which
// leaves the inserts that reference the workspace free); on SQLite the
// single writer does it already. Without it, two admins demoting each
// other at once would each see the other still an admin, and both would
// succeed.
func lockAdmins(ctx context.Context, tx runner, workspaceID string) error {
	if tx.dialect != dialectPostgres {
		return nil
	}
	var id string
	err := tx.queryRow(ctx, `SELECT id FROM workspaces WHERE id = ? FOR NO KEY UPDATE`, workspaceID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound("Agent") // no workspace, no agent
	} else if err != nil {
		return fmt.Errorf("lock workspace admins: %w", err)
	}
	return nil
}

// requireOtherAdmin returns ECONFLICT unless the workspace has an enabled
// admin other than agent id. The caller holds lockAdmins.
func requireOtherAdmin(ctx context.Context, tx runner, workspaceID, id string) error {
	var n int
	err := tx.queryRow(ctx, `SELECT COUNT(*) FROM agents WHERE workspace_id = ? AND role = ? AND disabled = ? AND id <> ?`,
		workspaceID, parley.RoleAdmin, false, id).Scan(&n)
	if err != nil {
		return fmt.Errorf("count admins: %w", err)
	}
	if n == 0 {
		return errLastAdmin()
	}
	return nil
}

func errLastAdmin() error {
	return parley.Errorf(parley.ECONFLICT, "A workspace needs at least one enabled admin: make another agent an admin first.")
}

// ConversationAgents returns the agents who wrote in the conversation
// (notes only with includeNotes) or are assigned to it, ordered by ID.
func (s *Store) ConversationAgents(ctx context.Context, workspaceID, conversationID string, includeNotes bool) ([]*parley.Agent, error) {
	notes := string(parley.KindNote)
	if includeNotes {
		notes = "" // no kind is ""
	}
	agents, err := queryAll(ctx, s.read(), scanAgent, `SELECT `+agentColumns+` FROM agents
		WHERE workspace_id = ? AND id IN (
			SELECT sender_id FROM messages WHERE workspace_id = ? AND conversation_id = ?
				AND sender_type IN (?, ?) AND kind <> ?
			UNION
			SELECT assignee_id FROM conversations WHERE workspace_id = ? AND id = ? AND assignee_id IS NOT NULL)
		ORDER BY id`,
		workspaceID, workspaceID, conversationID, parley.ParticipantAgent, parley.ParticipantBot, notes,
		workspaceID, conversationID)
	if err != nil {
		return nil, fmt.Errorf("conversation agents: %w", err)
	}
	return agents, nil
}

func findAgent(ctx context.Context, r runner, where string, args ...any) (*parley.Agent, error) {
	a, err := scanAgent(r.queryRow(ctx, `SELECT `+agentColumns+` FROM agents WHERE `+where, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Agent")
	} else if err != nil {
		return nil, fmt.Errorf("find agent: %w", err)
	}
	return a, nil
}

func scanAgent(row scanner) (*parley.Agent, error) {
	var (
		a                    parley.Agent
		attrs                string
		createdAt, updatedAt int64
		appID                sql.NullString
	)
	err := row.Scan(&a.ID, &a.WorkspaceID, &a.Email, &a.Name, &a.Role, &a.SystemAdmin, &a.Bot, &a.Disabled,
		&a.Capacity, &attrs, &createdAt, &updatedAt, &a.Presence, &a.ChosenPresence, &a.AvatarURL, &appID)
	if err != nil {
		return nil, err
	}
	a.AppID = appID.String
	if err := decodeJSON(attrs, &a.Attributes); err != nil {
		return nil, err
	}
	a.CreatedAt, a.UpdatedAt = fromMicros(createdAt), fromMicros(updatedAt)
	return &a, nil
}

// encodeAttributes renders custom attributes for storage and returns them
// as they will read back (numbers become float64; nil becomes empty).
func encodeAttributes(attrs map[string]any) (string, map[string]any, error) {
	if attrs == nil {
		attrs = map[string]any{}
	}
	s, err := encodeJSON(attrs)
	if err != nil {
		return "", nil, fmt.Errorf("attributes: %w", err)
	}
	var out map[string]any
	if err := decodeJSON(s, &out); err != nil {
		return "", nil, fmt.Errorf("attributes: %w", err)
	}
	return s, out, nil
}
