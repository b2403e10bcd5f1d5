package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/parleychat/parley"
)

const conversationColumns = `id, workspace_id, inbox_id, contact_id, status, assignee_id, priority, last_seq,
	visitor_last_seq, created_at, updated_at, assigned_at, resolved_at, queue_id, page_url, waiting_since, snoozed_until,
	outside_hours, ` + tierColumns

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
		queueID, err := s.inboxQueue(ctx, tx, c.WorkspaceID, c.InboxID)
		if err != nil {
			return err
		}
		now := s.now()
		_, err = tx.exec(ctx, `INSERT INTO conversations (id, workspace_id, inbox_id, contact_id, status, priority,
			last_seq, created_at, updated_at, queue_id, page_url) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
			id, c.WorkspaceID, c.InboxID, c.ContactID, parley.StatusOpen, c.Priority, now.UnixMicro(), now.UnixMicro(),
			queueID, c.PageURL)
		if err != nil {
			return fmt.Errorf("create conversation: %w", err)
		}
		created := parley.Conversation{
			ID: id, WorkspaceID: c.WorkspaceID, InboxID: c.InboxID, ContactID: c.ContactID, QueueID: queueID,
			Status: parley.StatusOpen, Priority: c.Priority, PageURL: c.PageURL, CreatedAt: now, UpdatedAt: now,
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

// AssignConversation gives a pending conversation to agentID. Returns
// ENOTFOUND if the conversation or the agent is not in the workspace,
// EINVALID if the agent is disabled, ECONFLICT if the conversation is not
// pending.
func (s *Store) AssignConversation(ctx context.Context, workspaceID, id, agentID string, by parley.Participant) (*parley.Conversation, *parley.Event, error) {
	return s.compareAndSet(ctx, workspaceID, id, by, assign(agentID, s.now().UnixMicro()))
}

// assign is the change of AssignConversation.
func assign(agentID string, now int64) casUpdate {
	return casUpdate{
		event:      parley.EventConversationAssigned,
		agentID:    agentID,
		stampAgent: true,
		set:        `status = ?, assignee_id = ?, assigned_at = ?`,
		setArgs:    []any{parley.StatusAssigned, agentID, now},
		where:      `status = ?`,
		whereArgs:  []any{parley.StatusPending},
	}
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
		stampAgent:       true,
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
		queue:            true,
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
		set:       `status = ?, resolved_at = ?, waiting_since = NULL, snoozed_until = NULL`,
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
		queue:     true,
		set:       reopenSet,
		setArgs:   []any{parley.StatusPending},
		where:     `status = ?`,
		whereArgs: []any{parley.StatusResolved},
	})
}

// untilReply is snoozed_until of a conversation snoozed until the visitor
// writes.
const untilReply = math.MaxInt64

// snoozeValue is the snoozed_until of a conversation: NULL when not
// snoozed.
func snoozeValue(c *parley.Conversation) any {
	switch {
	case c.SnoozedUntilReply:
		return int64(untilReply)
	case c.SnoozedUntil != nil:
		return c.SnoozedUntil.UnixMicro()
	}
	return nil
}

// SnoozeConversation snoozes a conversation that is not resolved until
// until, or until the visitor writes when until is nil. Returns ENOTFOUND,
// or ECONFLICT if it is resolved.
func (s *Store) SnoozeConversation(ctx context.Context, workspaceID, id string, until *time.Time, by parley.Participant) (*parley.Conversation, *parley.Event, error) {
	value := int64(untilReply)
	if until != nil {
		value = until.UnixMicro()
	}
	return s.compareAndSet(ctx, workspaceID, id, by, casUpdate{
		event:     parley.EventConversationSnoozed,
		set:       `snoozed_until = ?`,
		setArgs:   []any{value},
		where:     `status <> ?`,
		whereArgs: []any{parley.StatusResolved},
	})
}

// UnsnoozeConversation ends a snooze. Returns ENOTFOUND, or ECONFLICT if
// the conversation is not snoozed.
func (s *Store) UnsnoozeConversation(ctx context.Context, workspaceID, id string, by parley.Participant) (*parley.Conversation, *parley.Event, error) {
	c, ev, err := s.compareAndSet(ctx, workspaceID, id, by, casUpdate{
		event: parley.EventConversationUnsnoozed,
		set:   `snoozed_until = NULL`,
		where: `snoozed_until IS NOT NULL`,
	})
	if parley.ErrorCode(err) == parley.ECONFLICT {
		return nil, nil, parley.Errorf(parley.ECONFLICT, "The conversation is not snoozed.")
	}
	return c, ev, err
}

// SetConversationPriority sets the priority. Returns ENOTFOUND, or
// EINVALID for a priority out of range.
func (s *Store) SetConversationPriority(ctx context.Context, workspaceID, id string, priority int, by parley.Participant) (*parley.Conversation, *parley.Event, error) {
	if priority < 0 || priority > parley.MaxPriority {
		return nil, nil, parley.Errorf(parley.EINVALID, "The priority must be between 0 and %d.", parley.MaxPriority)
	}
	return s.compareAndSet(ctx, workspaceID, id, by, casUpdate{
		event:   parley.EventConversationPriorityChanged,
		set:     `priority = ?`,
		setArgs: []any{priority},
		where:   `1 = 1`,
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
	// stampAgent records the time as agentID's last assignment.
	stampAgent bool
	// queue records the time as when the conversation was queued.
	queue bool
	// reason is recorded in the event: why Parley made the change.
	reason    string
	set       string
	setArgs   []any
	where     string
	whereArgs []any
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
		if err := assignableAgent(ctx, tx, workspaceID, u.agentID, u.stampAgent); err != nil {
			return nil, nil, err
		}
	}
	now := s.now()
	set, setArgs := u.set, u.setArgs
	if u.queue {
		set, setArgs = set+`, queued_at = ?`, append(slices.Clone(setArgs), now.UnixMicro())
	}
	args := append(append(append([]any{}, setArgs...), now.UnixMicro(), workspaceID, id), u.whereArgs...)
	c, err := scanConversation(tx.queryRow(ctx, `UPDATE conversations SET `+set+`, updated_at = ?
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
	if u.stampAgent {
		if _, err := tx.exec(ctx, `UPDATE agents SET last_assigned_at = ? WHERE workspace_id = ? AND id = ?`,
			now.UnixMicro(), workspaceID, u.agentID); err != nil {
			return nil, nil, fmt.Errorf("stamp agent: %w", err)
		}
	}
	ev, err := insertEvent(ctx, tx, workspaceID, u.event, id, parley.ConversationEventData{
		Conversation: c, By: by, PreviousAssigneeID: u.previousAssignee, Reason: u.reason,
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
// With forUpdate it locks the row for update instead, as a transaction
// that goes on to change the agent's row must (two share locks each
// waiting for the other to end would deadlock).
func assignableAgent(ctx context.Context, r runner, workspaceID, agentID string, forUpdate bool) error {
	var disabled bool
	lock := r.dialect.forShare()
	if forUpdate {
		lock = r.dialect.forUpdate()
	}
	err := r.queryRow(ctx, `SELECT disabled FROM agents WHERE workspace_id = ? AND id = ?`+lock,
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
	if !storable(workspaceID, id) {
		return nil, notFound("Conversation")
	}
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
		assignee, queue        *string
		createdAt, updatedAt   int64
		assignedAt, resolvedAt sql.NullInt64
		waitingSince, snoozed  sql.NullInt64
		tierAt, overdueAt      sql.NullInt64
	)
	err := row.Scan(&c.ID, &c.WorkspaceID, &c.InboxID, &c.ContactID, &c.Status, &assignee, &c.Priority, &c.LastSeq,
		&c.VisitorLastSeq, &createdAt, &updatedAt, &assignedAt, &resolvedAt, &queue, &c.PageURL, &waitingSince, &snoozed,
		&c.OutsideHours, &c.Tier, &tierAt, &overdueAt)
	if err != nil {
		return nil, err
	}
	if c.Status == parley.StatusPending || c.Status == parley.StatusAssigned {
		c.TierAt, c.EscalationOverdueAt = fromNullMicros(tierAt), fromNullMicros(overdueAt)
	} else {
		c.Tier = 0
	}
	c.AssigneeID, c.QueueID = stringOrEmpty(assignee), stringOrEmpty(queue)
	c.CreatedAt, c.UpdatedAt = fromMicros(createdAt), fromMicros(updatedAt)
	c.AssignedAt, c.ResolvedAt = fromNullMicros(assignedAt), fromNullMicros(resolvedAt)
	c.WaitingSince = fromNullMicros(waitingSince)
	switch {
	case snoozed.Valid && snoozed.Int64 == untilReply:
		c.SnoozedUntilReply = true
	case snoozed.Valid:
		c.SnoozedUntil = fromNullMicros(snoozed)
	}
	return &c, nil
}

// mustExist returns ENOTFOUND, naming what, unless table holds a row with
// id in the workspace. table is a constant of the caller's.
func mustExist(ctx context.Context, r runner, table, what, workspaceID, id string) error {
	if !storable(workspaceID, id) {
		return notFound(what)
	}
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
