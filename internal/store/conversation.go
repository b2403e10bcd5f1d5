package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/parleychat/parley"
)

const conversationColumns = `id, workspace_id, inbox_id, contact_id, status, assignee_id, priority, last_seq,
	visitor_last_seq, created_at, updated_at, assigned_at, resolved_at`

// CreateConversation inserts c with status open and LastSeq 0 and writes
// conversation.created. Returns ENOTFOUND if the inbox or the contact is
// not in the workspace, EINVALID if by is not a valid participant.
func (s *Store) CreateConversation(ctx context.Context, c *parley.Conversation, by parley.Participant) (*parley.Event, error) {
	if !by.Valid() {
		return nil, errInvalidParticipant("by")
	}
	id := newID()
	var ev *parley.Event
	err := s.inTx(ctx, func(tx runner) error {
		if err := mustExist(ctx, tx, "inboxes", "Inbox", c.WorkspaceID, c.InboxID); err != nil {
			return err
		}
		if err := mustExist(ctx, tx, "contacts", "Contact", c.WorkspaceID, c.ContactID); err != nil {
			return err
		}
		now := s.now()
		_, err := tx.exec(ctx, `INSERT INTO conversations (id, workspace_id, inbox_id, contact_id, status, priority,
			last_seq, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)`,
			id, c.WorkspaceID, c.InboxID, c.ContactID, parley.StatusOpen, c.Priority, now.UnixMicro(), now.UnixMicro())
		if err != nil {
			return fmt.Errorf("create conversation: %w", err)
		}
		created := parley.Conversation{
			ID: id, WorkspaceID: c.WorkspaceID, InboxID: c.InboxID, ContactID: c.ContactID,
			Status: parley.StatusOpen, Priority: c.Priority, CreatedAt: now, UpdatedAt: now,
		}
		ev, err = insertEvent(ctx, tx, c.WorkspaceID, parley.EventConversationCreated, id,
			parley.ConversationEventData{Conversation: &created, By: by}, now)
		if err != nil {
			return err
		}
		*c = created
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ev, nil
}

// FindConversation returns ENOTFOUND.
func (s *Store) FindConversation(ctx context.Context, workspaceID, id string) (*parley.Conversation, error) {
	return findConversation(ctx, s.read(), workspaceID, id)
}

// ListConversations returns the workspace's conversations matching f,
// ordered by ID. Returns EINVALID for an unknown status.
func (s *Store) ListConversations(ctx context.Context, workspaceID string, f parley.ConversationFilter) (parley.List[*parley.Conversation], error) {
	limit := f.EffectiveLimit()
	query := `SELECT ` + conversationColumns + ` FROM conversations WHERE workspace_id = ? AND id > ?`
	args := []any{workspaceID, f.After}
	if len(f.Status) > 0 {
		marks := make([]string, len(f.Status))
		for i, st := range f.Status {
			if !st.Valid() {
				return parley.List[*parley.Conversation]{}, parley.Errorf(parley.EINVALID, "Unknown conversation status %q.", st)
			}
			marks[i] = "?"
			args = append(args, st)
		}
		query += ` AND status IN (` + strings.Join(marks, ", ") + `)`
	}
	for _, cond := range []struct{ column, value string }{
		{"assignee_id", f.AssigneeID}, {"inbox_id", f.InboxID}, {"contact_id", f.ContactID},
	} {
		if cond.value != "" {
			query += ` AND ` + cond.column + ` = ?`
			args = append(args, cond.value)
		}
	}
	query += ` ORDER BY id LIMIT ?`
	items, err := queryAll(ctx, s.read(), scanConversation, query, append(args, limit+1)...)
	if err != nil {
		return parley.List[*parley.Conversation]{}, fmt.Errorf("list conversations: %w", err)
	}
	return page(items, limit, func(c *parley.Conversation) string { return c.ID }), nil
}

// AssignConversation gives a pending conversation to agentID. Returns
// ENOTFOUND if the conversation or the agent is not in the workspace,
// EINVALID if the agent is disabled, ECONFLICT if the conversation is not
// pending.
func (s *Store) AssignConversation(ctx context.Context, workspaceID, id, agentID string, by parley.Participant) (*parley.Conversation, *parley.Event, error) {
	now := s.now().UnixMicro()
	return s.compareAndSet(ctx, workspaceID, id, by, casUpdate{
		event:     parley.EventConversationAssigned,
		agentID:   agentID,
		set:       `status = ?, assignee_id = ?, assigned_at = ?`,
		setArgs:   []any{parley.StatusAssigned, agentID, now},
		where:     `status = ?`,
		whereArgs: []any{parley.StatusPending},
	})
}

// TransferConversation moves a conversation assigned to fromAgentID to
// toAgentID. Returns ENOTFOUND if the conversation or toAgentID is not in
// the workspace, ECONFLICT unless it is assigned to fromAgentID, EINVALID if
// the agents are the same or toAgentID is disabled.
func (s *Store) TransferConversation(ctx context.Context, workspaceID, id, fromAgentID, toAgentID string, by parley.Participant) (*parley.Conversation, *parley.Event, error) {
	if fromAgentID == toAgentID {
		return nil, nil, parley.Errorf(parley.EINVALID, "The conversation is already assigned to this agent.")
	}
	now := s.now().UnixMicro()
	return s.compareAndSet(ctx, workspaceID, id, by, casUpdate{
		event:            parley.EventConversationTransferred,
		agentID:          toAgentID,
		previousAssignee: fromAgentID,
		set:              `assignee_id = ?, assigned_at = ?`,
		setArgs:          []any{toAgentID, now},
		where:            `status = ? AND assignee_id = ?`,
		whereArgs:        []any{parley.StatusAssigned, fromAgentID},
	})
}

// UnassignConversation puts a conversation assigned to fromAgentID back to
// pending. Returns ENOTFOUND, or ECONFLICT unless it is assigned to fromAgentID.
func (s *Store) UnassignConversation(ctx context.Context, workspaceID, id, fromAgentID string, by parley.Participant) (*parley.Conversation, *parley.Event, error) {
	return s.compareAndSet(ctx, workspaceID, id, by, unassign(fromAgentID))
}

// unassign is the change of UnassignConversation.
func unassign(fromAgentID string) casUpdate {
	return casUpdate{
		event:            parley.EventConversationUnassigned,
		previousAssignee: fromAgentID,
		set:              `status = ?, assignee_id = NULL, assigned_at = NULL`,
		setArgs:          []any{parley.StatusPending},
		where:            `status = ? AND assignee_id = ?`,
		whereArgs:        []any{parley.StatusAssigned, fromAgentID},
	}
}

// releaseAgentConversations puts every conversation assigned to agentID
// back to pending, each as UnassignConversation does (by the system), and
// returns the events written, oldest first. The caller holds the agent's
// row locked (FOR UPDATE), so that no assignment to the agent commits
// meanwhile (see assignableAgent).
func (s *Store) releaseAgentConversations(ctx context.Context, tx runner, workspaceID, agentID string) ([]*parley.Event, error) {
	ids, err := queryAll(ctx, tx, scanString, `SELECT id FROM conversations
		WHERE workspace_id = ? AND assignee_id = ? AND status = ? ORDER BY id`,
		workspaceID, agentID, parley.StatusAssigned)
	if err != nil {
		return nil, fmt.Errorf("list agent's conversations: %w", err)
	}
	events := make([]*parley.Event, 0, len(ids))
	system := parley.Participant{Type: parley.ParticipantSystem}
	for _, id := range ids {
		_, ev, err := s.compareAndSetTx(ctx, tx, workspaceID, id, system, unassign(agentID))
		switch parley.ErrorCode(err) {
		case "":
			events = append(events, ev)
		case parley.ECONFLICT, parley.ENOTFOUND:
			// Resolved, transferred or erased since it was listed: no
			// longer the agent's.
		default:
			return nil, err
		}
	}
	return events, nil
}

// ResolveConversation resolves an open, pending or assigned conversation,
// keeping its assignee. Returns ENOTFOUND, or ECONFLICT if it is resolved.
func (s *Store) ResolveConversation(ctx context.Context, workspaceID, id string, by parley.Participant) (*parley.Conversation, *parley.Event, error) {
	now := s.now().UnixMicro()
	return s.compareAndSet(ctx, workspaceID, id, by, casUpdate{
		event:     parley.EventConversationResolved,
		set:       `status = ?, resolved_at = ?`,
		setArgs:   []any{parley.StatusResolved, now},
		where:     `status <> ?`,
		whereArgs: []any{parley.StatusResolved},
	})
}

// ReopenConversation puts a resolved conversation back to pending with no
// assignee. Returns ENOTFOUND, or ECONFLICT if it is not resolved.
func (s *Store) ReopenConversation(ctx context.Context, workspaceID, id string, by parley.Participant) (*parley.Conversation, *parley.Event, error) {
	return s.compareAndSet(ctx, workspaceID, id, by, casUpdate{
		event:     parley.EventConversationReopened,
		set:       reopenSet,
		setArgs:   []any{parley.StatusPending},
		where:     `status = ?`,
		whereArgs: []any{parley.StatusResolved},
	})
}

// reopenSet puts a conversation back in the queue (one argument: pending).
const reopenSet = `status = ?, assignee_id = NULL, assigned_at = NULL, resolved_at = NULL`

// casUpdate is one compare-and-set change of a conversation: set applies
// only where the condition holds.
type casUpdate struct {
	event            parley.EventType
	agentID          string // an agent the change names, which must be in the workspace
	previousAssignee string // recorded in the event
	set              string
	setArgs          []any
	where            string
	whereArgs        []any
}

// compareAndSet applies u to the conversation in one UPDATE, so that the
// database decides between racing callers, and writes u.event. When the
// UPDATE matches nothing it finds out why: ENOTFOUND or ECONFLICT.
func (s *Store) compareAndSet(ctx context.Context, workspaceID, id string, by parley.Participant, u casUpdate) (*parley.Conversation, *parley.Event, error) {
	if !by.Valid() {
		return nil, nil, errInvalidParticipant("by")
	}
	var (
		c  *parley.Conversation
		ev *parley.Event
	)
	err := s.inTx(ctx, func(tx runner) error {
		var err error
		c, ev, err = s.compareAndSetTx(ctx, tx, workspaceID, id, by, u)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return c, ev, nil
}

// compareAndSetTx is compareAndSet inside the transaction tx.
func (s *Store) compareAndSetTx(ctx context.Context, tx runner, workspaceID, id string, by parley.Participant, u casUpdate) (*parley.Conversation, *parley.Event, error) {
	if u.agentID != "" {
		if err := assignableAgent(ctx, tx, workspaceID, u.agentID); err != nil {
			return nil, nil, err
		}
	}
	now := s.now()
	args := append(append(append([]any{}, u.setArgs...), now.UnixMicro(), workspaceID, id), u.whereArgs...)
	c, err := scanConversation(tx.queryRow(ctx, `UPDATE conversations SET `+u.set+`, updated_at = ?
		WHERE workspace_id = ? AND id = ? AND `+u.where+` RETURNING `+conversationColumns, args...))
	if errors.Is(err, sql.ErrNoRows) {
		cur, err := findConversation(ctx, tx, workspaceID, id)
		if err != nil {
			return nil, nil, err
		}
		if cur.Status == parley.StatusAssigned && u.previousAssignee != "" {
			return nil, nil, parley.Errorf(parley.ECONFLICT, "The conversation is assigned to another agent.")
		}
		return nil, nil, parley.Errorf(parley.ECONFLICT, "The conversation is %s.", cur.Status)
	} else if err != nil {
		return nil, nil, fmt.Errorf("update conversation: %w", err)
	}
	ev, err := insertEvent(ctx, tx, workspaceID, u.event, id, parley.ConversationEventData{
		Conversation: c, By: by, PreviousAssigneeID: u.previousAssignee,
	}, now)
	if err != nil {
		return nil, nil, err
	}
	return c, ev, nil
}

// assignableAgent returns ENOTFOUND unless agentID is an agent of the
// workspace, EINVALID if it is disabled. On PostgreSQL it holds a share
// lock on the agent's row until the transaction ends, so that the agent is
// not disabled or deleted (which releases its conversations) between this
// check and the commit of the assignment; SQLite's writer is alone anyway.
func assignableAgent(ctx context.Context, r runner, workspaceID, agentID string) error {
	var disabled bool
	err := r.queryRow(ctx, `SELECT disabled FROM agents WHERE workspace_id = ? AND id = ?`+r.dialect.forShare(),
		workspaceID, agentID).Scan(&disabled)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound("Agent")
	} else if err != nil {
		return fmt.Errorf("find agent: %w", err)
	}
	if disabled {
		return parley.Errorf(parley.EINVALID, "The agent is disabled.")
	}
	return nil
}

func findConversation(ctx context.Context, r runner, workspaceID, id string) (*parley.Conversation, error) {
	c, err := scanConversation(r.queryRow(ctx, `SELECT `+conversationColumns+` FROM conversations
		WHERE workspace_id = ? AND id = ?`, workspaceID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Conversation")
	} else if err != nil {
		return nil, fmt.Errorf("find conversation: %w", err)
	}
	return c, nil
}

func scanConversation(row scanner) (*parley.Conversation, error) {
	var (
		c                      parley.Conversation
		assignee               *string
		createdAt, updatedAt   int64
		assignedAt, resolvedAt sql.NullInt64
	)
	err := row.Scan(&c.ID, &c.WorkspaceID, &c.InboxID, &c.ContactID, &c.Status, &assignee, &c.Priority, &c.LastSeq,
		&c.VisitorLastSeq, &createdAt, &updatedAt, &assignedAt, &resolvedAt)
	if err != nil {
		return nil, err
	}
	c.AssigneeID = stringOrEmpty(assignee)
	c.CreatedAt, c.UpdatedAt = fromMicros(createdAt), fromMicros(updatedAt)
	c.AssignedAt, c.ResolvedAt = fromNullMicros(assignedAt), fromNullMicros(resolvedAt)
	return &c, nil
}

// mustExist returns ENOTFOUND, naming what, unless table holds a row with
// id in the workspace. table is a constant of the caller's.
func mustExist(ctx context.Context, r runner, table, what, workspaceID, id string) error {
	var one int
	err := r.queryRow(ctx, `SELECT 1 FROM `+table+` WHERE workspace_id = ? AND id = ?`, workspaceID, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound(what)
	} else if err != nil {
		return fmt.Errorf("find %s: %w", strings.ToLower(what), err)
	}
	return nil
}

func errInvalidParticipant(field string) error {
	v := parley.Validation{}
	v.Add(field, "must be a contact, agent or bot with an ID, or the system without one")
	return v.Err()
}
