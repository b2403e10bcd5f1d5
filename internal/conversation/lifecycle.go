package conversation

import (
	"context"
	"slices"
	"time"

	"github.com/parleychat/parley"
)

// MaxPriority bounds Conversation.Priority.
const MaxPriority = parley.MaxPriority

// NewConversation is a conversation to start.
type NewConversation struct {
	InboxID string
	// ContactID is the contact the conversation is with; a visitor may
	// leave it empty (it is the visitor's own) but not name another.
	ContactID string
	Priority  int // 0 … MaxPriority
	// PageURL is the page the conversation starts from (at most
	// parley.MaxPageURLLength bytes of text); routing rules may look at it.
	PageURL string
}

// CreateConversation starts an open conversation. A visitor starts them
// for itself only; staff need conversations:write. Returns EINVALID,
// EFORBIDDEN, or ENOTFOUND if the inbox or contact is not in the workspace.
func (s *Service) CreateConversation(ctx context.Context, c Caller, in NewConversation) (*parley.Conversation, error) {
	if err := c.need(parley.ScopeConversationsWrite); err != nil {
		return nil, err
	}
	if c.isVisitor() {
		if c.conversationID != "" {
			return nil, errForbidden("This visitor session reaches one conversation only: it may not start another.")
		}
		if in.ContactID != "" && in.ContactID != c.contactID {
			return nil, errForbidden("Visitors start conversations for themselves only.")
		}
		in.ContactID = c.contactID
	}
	v := parley.Validation{}
	if in.InboxID == "" {
		v.Add("inbox_id", "must not be empty")
	}
	if in.ContactID == "" {
		v.Add("contact_id", "must not be empty")
	}
	if in.Priority < 0 || in.Priority > MaxPriority {
		v.Add("priority", "must be between 0 and %d", MaxPriority)
	}
	v.BoundedText("page_url", in.PageURL, parley.MaxPageURLLength)
	if err := v.Err(); err != nil {
		return nil, err
	}
	conv, err := s.create(ctx, c, &parley.Conversation{
		WorkspaceID: c.workspaceID, InboxID: in.InboxID, ContactID: in.ContactID, Priority: in.Priority,
		PageURL: in.PageURL,
	})
	return c.showConversation(conv), err
}

func (s *Service) create(ctx context.Context, c Caller, conv *parley.Conversation) (*parley.Conversation, error) {
	ev, err := s.store.CreateConversation(ctx, conv, c.Participant())
	if err != nil {
		return nil, err
	}
	s.notify(conversationNotification(ev))
	return conv, nil
}

// Conversation returns a conversation the caller may read. Returns
// ENOTFOUND (also for another contact's conversation) or EFORBIDDEN.
func (s *Service) Conversation(ctx context.Context, c Caller, id string) (*parley.Conversation, error) {
	conv, err := s.readable(ctx, c, id)
	return c.showConversation(conv), err
}

// ListConversations lists the workspace's conversations matching f, in
// f.Sort's order. A visitor sees only its own, whatever f.ContactID says.
func (s *Service) ListConversations(ctx context.Context, c Caller, f parley.ConversationFilter) (parley.List[*parley.Conversation], error) {
	if err := c.need(parley.ScopeConversationsRead); err != nil {
		return parley.List[*parley.Conversation]{}, err
	}
	if c.isVisitor() {
		f.ContactID = c.contactID
		if c.conversationID != "" {
			l, err := s.confinedList(ctx, c, f)
			return c.showConversations(l), err
		}
	}
	l, err := s.store.ListConversations(ctx, c.workspaceID, f)
	return c.showConversations(l), err
}

// confinedList is ListConversations for a visitor confined to one
// conversation: that conversation if it matches f, else nothing.
func (s *Service) confinedList(ctx context.Context, c Caller, f parley.ConversationFilter) (parley.List[*parley.Conversation], error) {
	empty := parley.List[*parley.Conversation]{Items: []*parley.Conversation{}}
	if !f.Sort.Valid() {
		return empty, parley.Errorf(parley.EINVALID, "Unknown sort %q.", f.Sort)
	}
	conv, err := s.store.FindConversation(ctx, c.workspaceID, c.conversationID)
	if parley.ErrorCode(err) == parley.ENOTFOUND {
		return empty, nil
	} else if err != nil {
		return empty, err
	}
	switch {
	case conv.ContactID != f.ContactID, f.After != "" && (f.Sort != parley.SortByID || conv.ID <= f.After),
		f.InboxID != "" && conv.InboxID != f.InboxID, f.AssigneeID != "" && conv.AssigneeID != f.AssigneeID,
		f.Unassigned && conv.AssigneeID != "", len(f.Status) > 0 && !slices.Contains(f.Status, conv.Status),
		!f.WaitingSince.IsZero() && (conv.WaitingSince == nil || conv.WaitingSince.After(f.WaitingSince)):
		// A sorted list of one conversation has no second page.
		return empty, nil
	}
	if f.UnreadBy != nil {
		n, err := s.store.UnreadCount(ctx, c.workspaceID, conv.ID, *f.UnreadBy)
		if err != nil || n == 0 {
			return empty, err
		}
	}
	return parley.List[*parley.Conversation]{Items: []*parley.Conversation{conv}}, nil
}

// Assign gives a pending conversation to agentID; when many try at once,
// exactly one wins and the others get ECONFLICT. An agent may take
// conversations for itself only, and only under its capacity (the
// queue's override, else its own; ECONFLICT with reason "capacity");
// supervisors, admins, API tokens and the system may assign anyone, over
// capacity too. Returns EFORBIDDEN, ENOTFOUND, EINVALID if the agent is
// disabled, ECONFLICT if the conversation is not pending.
func (s *Service) Assign(ctx context.Context, c Caller, conversationID, agentID string) (*parley.Conversation, error) {
	if err := s.mayAssign(ctx, c, agentID); err != nil {
		return nil, err
	}
	if c.supervises() {
		conv, ev, err := s.store.AssignConversation(ctx, c.workspaceID, conversationID, agentID, c.Participant())
		return s.changed(conv, ev, err)
	}
	var opt parley.RouteOptions
	if cur, err := s.store.FindConversation(ctx, c.workspaceID, conversationID); err == nil && cur.QueueID != "" {
		if q, err := s.store.FindQueue(ctx, c.workspaceID, cur.QueueID); err == nil {
			opt.Capacity = q.Capacity
		}
	}
	conv, ev, err := s.store.RouteConversation(ctx, c.workspaceID, conversationID, agentID, c.Participant(), opt)
	return s.changed(conv, ev, err)
}

// TransferToQueue puts a conversation that is not resolved in queueID, back
// in line there if it was assigned (conversation.queue_changed). An agent
// may move only a conversation it holds or one that is waiting;
// supervisors, admins and API tokens any. Returns EFORBIDDEN, ENOTFOUND,
// or ECONFLICT if it is resolved or in that queue already.
func (s *Service) TransferToQueue(ctx context.Context, c Caller, conversationID, queueID string) (*parley.Conversation, error) {
	if err := c.staffOnly(parley.ScopeConversationsWrite); err != nil {
		return nil, err
	}
	if err := s.heldOrWaiting(ctx, c, conversationID, "Agents may transfer only their own conversations."); err != nil {
		return nil, err
	}
	conv, ev, err := s.store.MoveConversation(ctx, c.workspaceID, conversationID, queueID, c.Participant())
	return s.changed(conv, ev, err)
}

// Transfer moves a conversation from the agent holding it, fromAgentID, to
// toAgentID. An agent may transfer only what it holds; supervisors,
// admins, API tokens and the system any. Returns EFORBIDDEN, ENOTFOUND,
// EINVALID (disabled target, same agent), or ECONFLICT unless the
// conversation is assigned to fromAgentID.
func (s *Service) Transfer(ctx context.Context, c Caller, conversationID, fromAgentID, toAgentID string) (*parley.Conversation, error) {
	if err := s.mayAct(c, fromAgentID); err != nil {
		return nil, err
	}
	if err := s.assignable(ctx, c, toAgentID); err != nil {
		return nil, err
	}
	conv, ev, err := s.store.TransferConversation(ctx, c.workspaceID, conversationID, fromAgentID, toAgentID, c.Participant())
	return s.changed(conv, ev, err)
}

// Unassign puts a conversation held by fromAgentID back in the queue, with
// the rights of Transfer. Returns EFORBIDDEN, ENOTFOUND or ECONFLICT.
func (s *Service) Unassign(ctx context.Context, c Caller, conversationID, fromAgentID string) (*parley.Conversation, error) {
	if err := s.mayAct(c, fromAgentID); err != nil {
		return nil, err
	}
	conv, ev, err := s.store.UnassignConversation(ctx, c.workspaceID, conversationID, fromAgentID, c.Participant())
	return s.changed(conv, ev, err)
}

// Resolve resolves a conversation. Staff with conversations:write may
// resolve any, a visitor its own (ending the chat). Returns EFORBIDDEN,
// ENOTFOUND, or ECONFLICT if it is already resolved.
func (s *Service) Resolve(ctx context.Context, c Caller, conversationID string) (*parley.Conversation, error) {
	if c.isVisitor() {
		if _, err := s.writable(ctx, c, conversationID); err != nil {
			return nil, err
		}
	} else if err := c.staffOnly(parley.ScopeConversationsWrite); err != nil {
		return nil, err
	}
	conv, ev, err := s.store.ResolveConversation(ctx, c.workspaceID, conversationID, c.Participant())
	conv, err = s.changed(conv, ev, err)
	return c.showConversation(conv), err
}

// Reopen puts a resolved conversation back in the queue (staff only; a
// visitor reopens by writing). Returns EFORBIDDEN, ENOTFOUND, or ECONFLICT
// if it is not resolved.
func (s *Service) Reopen(ctx context.Context, c Caller, conversationID string) (*parley.Conversation, error) {
	if err := c.staffOnly(parley.ScopeConversationsWrite); err != nil {
		return nil, err
	}
	conv, ev, err := s.store.ReopenConversation(ctx, c.workspaceID, conversationID, c.Participant())
	return s.changed(conv, ev, err)
}

// changed publishes the event of a successful change.
func (s *Service) changed(conv *parley.Conversation, ev *parley.Event, err error) (*parley.Conversation, error) {
	if err != nil {
		return nil, err
	}
	s.notify(conversationNotification(ev))
	return conv, nil
}

// mayAssign checks that the caller may give a conversation to agentID.
func (s *Service) mayAssign(ctx context.Context, c Caller, agentID string) error {
	if err := s.mayAct(c, agentID); err != nil {
		return err
	}
	return s.assignable(ctx, c, agentID)
}

// mayAct returns EFORBIDDEN unless the caller may act for agentID: it is
// that agent, or it supervises.
func (s *Service) mayAct(c Caller, agentID string) error {
	if err := c.staffOnly(parley.ScopeConversationsWrite); err != nil {
		return err
	}
	if c.supervises() || (c.isAgent() && c.principal.AgentID == agentID) {
		return nil
	}
	return errForbidden("Agents may take, transfer and unassign only their own conversations.")
}

// assignable returns ENOTFOUND unless agentID is an agent of the
// workspace, EINVALID if it is disabled.
func (s *Service) assignable(ctx context.Context, c Caller, agentID string) error {
	a, err := s.store.FindAgentByID(ctx, c.workspaceID, agentID)
	if err != nil {
		return err
	}
	if a.Disabled {
		return parley.Errorf(parley.EINVALID, "The agent is disabled.")
	}
	return nil
}

// readable returns the conversation if the caller may read it.
func (s *Service) readable(ctx context.Context, c Caller, id string) (*parley.Conversation, error) {
	if err := c.need(parley.ScopeConversationsRead); err != nil {
		return nil, err
	}
	conv, err := s.store.FindConversation(ctx, c.workspaceID, id)
	if err != nil {
		return nil, err
	}
	if err := c.canRead(conv); err != nil {
		return nil, err
	}
	return conv, nil
}

// writable returns the conversation if the caller may write in it.
func (s *Service) writable(ctx context.Context, c Caller, id string) (*parley.Conversation, error) {
	if err := c.need(parley.ScopeConversationsWrite); err != nil {
		return nil, err
	}
	conv, err := s.store.FindConversation(ctx, c.workspaceID, id)
	if err != nil {
		return nil, err
	}
	if err := c.canWrite(conv); err != nil {
		return nil, err
	}
	return conv, nil
}

// MaxSnooze bounds how far ahead a conversation may be snoozed.
const MaxSnooze = 366 * 24 * time.Hour

// Snooze hides a conversation that is not resolved from the working lists
// until until, or until the visitor writes when until is nil; a visitor's
// message ends any snooze. Staff with conversations:write only. Returns
// EFORBIDDEN, EINVALID for a time not in the future or more than MaxSnooze
// ahead, ENOTFOUND, or ECONFLICT if the conversation is resolved.
func (s *Service) Snooze(ctx context.Context, c Caller, conversationID string, until *time.Time) (*parley.Conversation, error) {
	if err := c.staffOnly(parley.ScopeConversationsWrite); err != nil {
		return nil, err
	}
	if until != nil {
		now := time.Now()
		if !until.After(now) || until.Sub(now) > MaxSnooze {
			v := parley.Validation{}
			v.Add("until", "must be in the future, at most a year ahead")
			return nil, v.Err()
		}
		u := until.UTC().Truncate(time.Microsecond)
		until = &u
	}
	conv, ev, err := s.store.SnoozeConversation(ctx, c.workspaceID, conversationID, until, c.Participant())
	return s.staffChanged(conv, ev, err)
}

// Unsnooze ends a snooze now. Returns EFORBIDDEN, ENOTFOUND, or ECONFLICT
// if the conversation is not snoozed.
func (s *Service) Unsnooze(ctx context.Context, c Caller, conversationID string) (*parley.Conversation, error) {
	if err := c.staffOnly(parley.ScopeConversationsWrite); err != nil {
		return nil, err
	}
	conv, ev, err := s.store.UnsnoozeConversation(ctx, c.workspaceID, conversationID, c.Participant())
	return s.staffChanged(conv, ev, err)
}

// SetPriority sets a conversation's priority, 0 to parley.MaxPriority
// (none 0, low 1, high 2, urgent 3). Staff with conversations:write only.
// Returns EFORBIDDEN, EINVALID or ENOTFOUND.
func (s *Service) SetPriority(ctx context.Context, c Caller, conversationID string, priority int) (*parley.Conversation, error) {
	if err := c.staffOnly(parley.ScopeConversationsWrite); err != nil {
		return nil, err
	}
	conv, ev, err := s.store.SetConversationPriority(ctx, c.workspaceID, conversationID, priority, c.Participant())
	return s.staffChanged(conv, ev, err)
}

// staffChanged publishes, to staff only, the event of a change that is
// the agents' business (snooze, priority).
func (s *Service) staffChanged(conv *parley.Conversation, ev *parley.Event, err error) (*parley.Conversation, error) {
	if err != nil {
		return nil, err
	}
	s.notify(notification{event: ev, audience: AudienceStaff, feed: true})
	return conv, nil
}

// heldOrWaiting returns EFORBIDDEN (with refusal) when c is an agent who
// does not supervise and the conversation is assigned to someone else:
// agents move only what they hold or what waits.
func (s *Service) heldOrWaiting(ctx context.Context, c Caller, conversationID, refusal string) error {
	if c.supervises() {
		return nil
	}
	cur, err := s.store.FindConversation(ctx, c.workspaceID, conversationID)
	if err != nil {
		return err
	}
	if cur.Status == parley.StatusAssigned && cur.AssigneeID != c.principal.AgentID {
		return errForbidden("%s", refusal)
	}
	return nil
}
