package store

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/parleychat/parley"
)

// conversationOrder is how ListConversations walks one sort: a key
// expression (an integer column), its direction, and the letter that
// starts the sort's cursors, so that a cursor of one sort is refused by
// another. The cursor of a sorted page is "<letter><key>_<id>" of its last
// conversation; the keyset condition then resumes strictly after it.
type conversationOrder struct {
	prefix string
	key    string
	desc   bool
	value  func(*parley.Conversation) int64
}

// noWait is the key of a conversation nobody waits on in the
// waiting_longest order: after every real time.
const noWait = math.MaxInt64

var conversationOrders = map[parley.ConversationSort]conversationOrder{
	parley.SortNewest: {"n", "created_at", true, func(c *parley.Conversation) int64 { return c.CreatedAt.UnixMicro() }},
	parley.SortOldest: {"o", "created_at", false, func(c *parley.Conversation) int64 { return c.CreatedAt.UnixMicro() }},
	parley.SortLastActivity: {"a", "updated_at", true, func(c *parley.Conversation) int64 {
		return c.UpdatedAt.UnixMicro()
	}},
	parley.SortWaitingLongest: {"w", "COALESCE(waiting_since, " + strconv.FormatInt(noWait, 10) + ")", false,
		func(c *parley.Conversation) int64 {
			if c.WaitingSince == nil {
				return noWait
			}
			return c.WaitingSince.UnixMicro()
		}},
}

// parseCursor splits a sorted page's cursor into its key and ID.
func (o conversationOrder) parseCursor(after string) (int64, string, error) {
	bad := parley.Errorf(parley.EINVALID, "The cursor does not belong to this sort of the list.")
	rest, ok := strings.CutPrefix(after, o.prefix)
	if !ok {
		return 0, "", bad
	}
	k, id, ok := strings.Cut(rest, "_")
	key, err := strconv.ParseInt(k, 10, 64)
	if !ok || err != nil || id == "" {
		return 0, "", bad
	}
	return key, id, nil
}

func (o conversationOrder) cursor(c *parley.Conversation) string {
	return o.prefix + strconv.FormatInt(o.value(c), 10) + "_" + c.ID
}

// ListConversations returns the workspace's conversations matching f in
// f.Sort's order, a page at a time (keyset pagination: each page resumes
// after the previous page's last conversation, so changes between pages
// never make a page repeat or skip one that kept its place). Returns
// EINVALID for an unknown status or sort, a cursor of another sort, or an
// UnreadBy that cannot read.
func (s *Store) ListConversations(ctx context.Context, workspaceID string, f parley.ConversationFilter) (parley.List[*parley.Conversation], error) {
	var none parley.List[*parley.Conversation]
	if !f.Sort.Valid() {
		return none, parley.Errorf(parley.EINVALID, "Unknown sort %q.", f.Sort)
	}
	limit := f.EffectiveLimit()
	query := `SELECT ` + conversationColumns + ` FROM conversations WHERE workspace_id = ?`
	args := []any{workspaceID}
	order, sorted := conversationOrders[f.Sort]
	switch {
	case !sorted:
		query += ` AND id > ?`
		args = append(args, f.After)
	case f.After != "":
		key, id, err := order.parseCursor(f.After)
		if err != nil {
			return none, err
		}
		op := ">"
		if order.desc {
			op = "<"
		}
		query += ` AND (` + order.key + ` ` + op + ` ? OR (` + order.key + ` = ? AND id ` + op + ` ?))`
		args = append(args, key, key, id)
	}
	if len(f.Status) > 0 {
		marks := make([]string, len(f.Status))
		for i, st := range f.Status {
			if !st.Valid() {
				return none, parley.Errorf(parley.EINVALID, "Unknown conversation status %q.", st)
			}
			marks[i] = "?"
			args = append(args, st)
		}
		query += ` AND status IN (` + strings.Join(marks, ", ") + `)`
	}
	for _, cond := range []struct{ column, value string }{
		{"assignee_id", f.AssigneeID}, {"inbox_id", f.InboxID}, {"contact_id", f.ContactID}, {"queue_id", f.QueueID},
	} {
		if cond.value != "" {
			query += ` AND ` + cond.column + ` = ?`
			args = append(args, cond.value)
		}
	}
	if f.Unassigned {
		query += ` AND assignee_id IS NULL`
	}
	if f.LabelID != "" {
		query += ` AND id IN (SELECT conversation_id FROM conversation_labels WHERE workspace_id = ? AND label_id = ?)`
		args = append(args, workspaceID, f.LabelID)
	}
	if f.Snoozed != nil {
		if *f.Snoozed {
			query += ` AND snoozed_until > ?`
		} else {
			query += ` AND (snoozed_until IS NULL OR snoozed_until <= ?)`
		}
		args = append(args, s.now().UnixMicro())
	}
	if len(f.Priority) > 0 {
		marks := make([]string, len(f.Priority))
		for i, p := range f.Priority {
			if p < 0 || p > parley.MaxPriority {
				return none, parley.Errorf(parley.EINVALID, "Priorities are between 0 and %d.", parley.MaxPriority)
			}
			marks[i] = "?"
			args = append(args, p)
		}
		query += ` AND priority IN (` + strings.Join(marks, ", ") + `)`
	}
	if !f.WaitingSince.IsZero() {
		query += ` AND waiting_since <= ?`
		args = append(args, f.WaitingSince.UnixMicro())
	}
	if p := f.UnreadBy; p != nil {
		if err := checkReader(*p); err != nil {
			return none, err
		}
		q, a := unreadCondition(*p)
		query += ` AND ` + q
		args = append(args, a...)
	}
	if sorted {
		dir := " ASC"
		if order.desc {
			dir = " DESC"
		}
		query += ` ORDER BY ` + order.key + dir + `, id` + dir
	} else {
		query += ` ORDER BY id`
	}
	query += ` LIMIT ?`
	items, err := queryAll(ctx, s.read(), scanConversation, query, append(args, limit+1)...)
	if err != nil {
		return none, fmt.Errorf("list conversations: %w", err)
	}
	if !sorted {
		return page(items, limit, func(c *parley.Conversation) string { return c.ID }), nil
	}
	return page(items, limit, order.cursor), nil
}

// unreadCondition is the condition on a row of conversations that p has
// unread messages in it, as UnreadCount counts them: text and attachments,
// notes too for agents and bots, never p's own, deleted ones or system
// lines; a contact counts in the visitor sequence.
func unreadCondition(p parley.Participant) (string, []any) {
	seq, last, position, kinds := `seq`, `last_seq`, `last_read_seq`, `?, ?, ?`
	args := []any{p.Type, p.ID}
	kindArgs := []any{parley.KindText, parley.KindAttachment, parley.KindNote}
	if p.Type == parley.ParticipantContact {
		seq, last, position, kinds, kindArgs = `visitor_seq`, `visitor_last_seq`, `last_read_visitor_seq`, `?, ?`, kindArgs[:2]
	}
	read := `COALESCE((SELECT r.` + position + ` FROM read_states r WHERE r.conversation_id = conversations.id
		AND r.participant_type = ? AND r.participant_id = ?), 0)`
	cond := `conversations.` + last + ` > ` + read + ` AND EXISTS (SELECT 1 FROM messages m
		WHERE m.conversation_id = conversations.id AND m.deleted_at IS NULL AND NOT (m.sender_type = ? AND m.sender_id = ?)
		AND m.kind IN (` + kinds + `) AND m.` + seq + ` > ` + read + `)`
	all := append(append([]any{}, args...), p.Type, p.ID)
	all = append(all, kindArgs...)
	all = append(all, args...)
	return cond, all
}
