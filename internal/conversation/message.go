package conversation

import (
	"context"
	"slices"

	"github.com/parleychat/parley"
)

// Messages returns a page of a conversation's messages ordered by seq (see
// parley.MessageQuery). For a visitor, the query and the messages are in
// the visitor sequence (q.Visitor is set) and notes are never included,
// whatever q says. Returns ENOTFOUND or EFORBIDDEN.
func (s *Service) Messages(ctx context.Context, c Caller, conversationID string, q parley.MessageQuery) ([]*parley.Message, error) {
	if _, err := s.readable(ctx, c, conversationID); err != nil {
		return nil, err
	}
	if c.isVisitor() {
		q.IncludeNotes, q.Visitor = false, true
	}
	msgs, err := s.store.ListMessages(ctx, c.workspaceID, conversationID, q)
	if err != nil {
		return nil, err
	}
	if c.isVisitor() {
		// The store already left them out; this keeps it true whatever
		// becomes of the query.
		msgs = slices.DeleteFunc(msgs, func(m *parley.Message) bool { return !m.VisibleToVisitor() })
		for i, m := range msgs {
			msgs[i] = c.showMessage(m)
		}
	}
	return msgs, nil
}

// Message returns one message the caller may read. A note is ENOTFOUND for
// a visitor, as is a message of another contact's conversation.
func (s *Service) Message(ctx context.Context, c Caller, id string) (*parley.Message, error) {
	m, _, err := s.message(ctx, c, id, parley.ScopeConversationsRead)
	return c.showMessage(m), err
}

// Edit replaces the body of a message. Only its sender may edit it (API
// tokens edit nothing); system lines are not editable. Returns EINVALID,
// EFORBIDDEN, ENOTFOUND, or ECONFLICT if the message is deleted.
func (s *Service) Edit(ctx context.Context, c Caller, messageID, body string) (*parley.Message, error) {
	m, _, err := s.message(ctx, c, messageID, parley.ScopeConversationsWrite)
	if err != nil {
		return nil, err
	}
	if !c.sent(m) {
		return nil, errForbidden("Only the sender may edit a message.")
	}
	v := parley.Validation{}
	checkBody(&v, m.Kind, body)
	if err := v.Err(); err != nil {
		return nil, err
	}
	m, ev, err := s.store.EditMessage(ctx, c.workspaceID, messageID, body, c.Participant())
	if err != nil {
		return nil, err
	}
	s.notify(messageNotification(ev, m))
	return c.showMessage(m), nil
}

// Delete empties a message and deletes its files. Its sender may delete
// it, and so may supervisors, admins and the system (moderation). Returns
// EFORBIDDEN, ENOTFOUND, or ECONFLICT if it is already deleted.
func (s *Service) Delete(ctx context.Context, c Caller, messageID string) (*parley.Message, error) {
	m, _, err := s.message(ctx, c, messageID, parley.ScopeConversationsWrite)
	if err != nil {
		return nil, err
	}
	moderator := c.system || (c.isAgent() && c.supervises())
	if !c.sent(m) && !moderator {
		return nil, errForbidden("Only the sender or a supervisor may delete a message.")
	}
	m, ev, err := s.store.DeleteMessage(ctx, c.workspaceID, messageID, c.Participant())
	if err != nil {
		return nil, err
	}
	s.notify(messageNotification(ev, m))
	return c.showMessage(m), nil
}

// sent reports whether the caller sent m. API tokens all write as the
// system, so they are never taken for the sender.
func (c Caller) sent(m *parley.Message) bool {
	return !c.isToken() && m.Sender.Participant() == c.Participant()
}

// message returns the message with its conversation if the caller has
// scope on it; a note is ENOTFOUND for a visitor.
func (s *Service) message(ctx context.Context, c Caller, id string, scope parley.Scope) (*parley.Message, *parley.Conversation, error) {
	if err := c.need(scope); err != nil {
		return nil, nil, err
	}
	m, err := s.store.FindMessage(ctx, c.workspaceID, id)
	if err != nil {
		return nil, nil, err
	}
	conv, err := s.store.FindConversation(ctx, c.workspaceID, m.ConversationID)
	if err != nil {
		return nil, nil, err
	}
	if err := c.can(conv, scope); parley.ErrorCode(err) == parley.ENOTFOUND {
		return nil, nil, errMessageNotFound()
	} else if err != nil {
		return nil, nil, err
	}
	if c.isVisitor() && !m.VisibleToVisitor() {
		return nil, nil, errMessageNotFound()
	}
	return m, conv, nil
}

func errMessageNotFound() error { return parley.Errorf(parley.ENOTFOUND, "Message not found.") }
