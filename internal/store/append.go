package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parleychat/parley"
)

// AppendMessage stores one message; see parley.MessageStore.
func (s *Store) AppendMessage(ctx context.Context, in parley.MessageInput) (*parley.AppendResult, error) {
	results, err := s.AppendMessages(ctx, []parley.MessageInput{in})
	if err != nil {
		return nil, err
	}
	if results[0].Err != nil {
		return nil, results[0].Err
	}
	return &results[0], nil
}

// AppendMessages appends every input in one transaction and returns one
// result per input; see parley.MessageStore. It works in five steps, each
// a few statements for the whole batch rather than a few per message
// (measured on SQLite: about 55 µs a message in batches of 256, against
// about 75 µs with one UPDATE … RETURNING and two INSERTs per message):
//
//  1. The batch's conversations are read and locked in ID order (SELECT …
//     ORDER BY id FOR UPDATE on PostgreSQL; SQLite's write transaction
//     already excludes every other writer). Until commit nobody else can
//     append to them: concurrent batches of one conversation take turns,
//     and the ID order means two batches never wait for each other in a
//     cycle.
//  2. One query finds the messages already stored under the batch's
//     client IDs; holding the locks, nobody can store one meanwhile.
//  3. Each input is decided in order in Go: duplicate, failed on its own
//     (AppendResult.Err), or stored with the conversation's next seq, with
//     its events and the status change a visitor's message causes.
//  4. Each conversation's new last_seq and visitor_last_seq (and status,
//     when it moved) are written with a multi-row UPDATE … FROM (VALUES …).
//  5. Messages and events are written with multi-row INSERTs.
//
// Seqs and visitor seqs (taken by every message but notes) are therefore
// gap-free and unique per conversation under any concurrency, on one node
// or many. Inputs that fail on their own are
// found by reads and decisions in Go, never by a failing statement, which
// on PostgreSQL would abort the whole transaction. Should a statement fail
// all the same (a row the database refuses), the batch is appended again
// one input per transaction, so that one sender's bad row fails only its
// own send, never the other senders' messages.
func (s *Store) AppendMessages(ctx context.Context, ins []parley.MessageInput) ([]parley.AppendResult, error) {
	results := make([]parley.AppendResult, len(ins))
	groups := groupInputs(ins, results)
	refused := make([]bool, len(ins)) // by groupInputs, before any transaction
	for i, r := range results {
		refused[i] = r.Err != nil
	}
	err := s.appendBatch(ctx, ins, results, groups)
	if err == nil {
		return results, nil
	}
	if !isStatementError(err) || len(ins) == 1 || ctx.Err() != nil {
		return nil, err
	}
	// The database refused a statement of the batch: one input may be
	// the cause, and must not fail the others. Each input is appended
	// again in a transaction of its own, in order, so that only the
	// inputs that fail alone fail.
	for i := range ins {
		if refused[i] {
			continue // keeps its error
		}
		one := make([]parley.AppendResult, 1)
		err := s.appendBatch(ctx, ins[i:i+1], one, groupInputs(ins[i:i+1], one))
		if err != nil {
			one[0] = parley.AppendResult{Err: rowError(err)}
		}
		results[i] = one[0]
	}
	return results, nil
}

// appendBatch appends the grouped inputs in one transaction, recording
// each input's result in results.
func (s *Store) appendBatch(ctx context.Context, ins []parley.MessageInput, results []parley.AppendResult, groups []*appendGroup) error {
	if len(groups) == 0 {
		return nil
	}
	return s.inBatchTx(ctx, func(tx runner) error {
		a := &appender{
			store: s, tx: tx, clock: s.now, ins: ins, results: results, docs: map[string]routingDoc{},
			settings: map[string]parley.ConversationSettings{}, taken: map[string]bool{},
		}
		return a.run(ctx, groups)
	})
}

// appendGroup is the inputs of one batch for one conversation.
type appendGroup struct {
	workspaceID, conversationID string
	inputs                      []int                // indexes into the batch, in order
	conv                        *parley.Conversation // after the reservation; nil if not found
}

// groupInputs checks each input, records the errors of invalid ones, and
// groups the others by conversation, ordered by conversation ID.
func groupInputs(ins []parley.MessageInput, results []parley.AppendResult) []*appendGroup {
	byKey := map[[2]string]*appendGroup{}
	var groups []*appendGroup
	for i, in := range ins {
		if err := checkMessageInput(in); err != nil {
			results[i].Err = err
			continue
		}
		key := [2]string{in.ConversationID, in.WorkspaceID}
		g := byKey[key]
		if g == nil {
			g = &appendGroup{workspaceID: in.WorkspaceID, conversationID: in.ConversationID}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.inputs = append(g.inputs, i)
	}
	slices.SortFunc(groups, func(a, b *appendGroup) int {
		return cmp.Or(cmp.Compare(a.conversationID, b.conversationID), cmp.Compare(a.workspaceID, b.workspaceID))
	})
	return groups
}

// checkMessageInput checks what the store itself relies on; the rules of
// who may send what belong to the conversation service.
func checkMessageInput(in parley.MessageInput) error {
	v := parley.Validation{}
	if !in.Kind.Valid() {
		v.Add("kind", "must be text, attachment, note or event")
	}
	if !in.Sender.Participant().Valid() {
		v.Add("sender", "must be a contact, agent or bot with an ID, or the system without one")
	}
	switch {
	case in.Kind == parley.KindAttachment && len(in.AttachmentIDs) == 0:
		v.Add("attachment_ids", "must name at least one attachment")
	case in.Kind != parley.KindAttachment && len(in.AttachmentIDs) > 0:
		v.Add("attachment_ids", "must be empty unless the kind is attachment")
	case len(in.AttachmentIDs) > parley.MaxAttachmentsPerMessage:
		v.Add("attachment_ids", "must name at most %d attachments", parley.MaxAttachmentsPerMessage)
	}
	for i, id := range in.AttachmentIDs {
		if slices.Index(in.AttachmentIDs, id) != i {
			v.Add("attachment_ids["+strconv.Itoa(i)+"]", "is named twice")
		}
	}
	// The text rule (parley.ValidText) holds at the edge already; checked
	// again here so that a row PostgreSQL would refuse fails alone on
	// either engine, before the batch's transaction.
	v.Text("body", in.Body)
	v.Text("client_id", in.ClientID)
	v.Text("display_name", in.Sender.DisplayName)
	v.Text("avatar_url", in.Sender.AvatarURL)
	v.Text("external_id", in.Sender.ExternalID)
	return v.Err()
}

// clientKey identifies a message by its idempotency key.
type clientKey struct{ conversationID, senderType, senderID, clientID string }

func keyOf(conversationID string, in parley.MessageInput) clientKey {
	return clientKey{conversationID, string(in.Sender.Type), in.Sender.ID, in.ClientID}
}

// appender appends one batch inside its transaction.
type appender struct {
	store    *Store
	docs     map[string]routingDoc // by workspace ID, read once per batch
	tx       runner
	clock    func() time.Time
	now      time.Time // read once the batch's rows are locked
	ins      []parley.MessageInput
	results  []parley.AppendResult
	settings map[string]parley.ConversationSettings // by inbox ID
	taken    map[string]bool                        // attachment IDs taken by this batch

	messages []*parley.Message
	events   []*parley.Event
	stored   []string    // the outbox row's payload of each event (see storedPayload)
	binds    [][2]string // attachment ID, message ID
}

func (a *appender) run(ctx context.Context, groups []*appendGroup) error {
	convs, err := a.lockConversations(ctx, groups)
	if err != nil {
		return err
	}
	// After the locks, so that created_at follows seq order even when this
	// batch waited for another one.
	a.now = a.clock()
	live := make([]*appendGroup, 0, len(groups))
	for _, g := range groups {
		conv := convs[g.conversationID]
		if conv == nil || conv.WorkspaceID != g.workspaceID {
			for _, i := range g.inputs {
				a.results[i].Err = notFound("Conversation")
			}
			continue
		}
		g.conv = conv
		live = append(live, g)
	}
	existing, err := a.findByClientIDs(ctx, live)
	if err != nil {
		return err
	}
	var (
		changed      []*parley.Conversation
		changedGroup []*appendGroup
	)
	for _, g := range live {
		state, err := a.decide(ctx, g, existing)
		if err != nil {
			return err
		}
		if state != nil {
			changed, changedGroup = append(changed, state), append(changedGroup, g)
		}
	}
	if err := a.updateConversations(ctx, changedGroup, changed); err != nil {
		return err
	}
	return a.flush(ctx)
}

// maxInList bounds the values of one IN list.
const maxInList = 500

// lockConversations reads the batch's conversations by ID, locking their
// rows in ID order (SELECT … ORDER BY id FOR UPDATE on PostgreSQL; SQLite's
// write transaction already excludes every other writer). From here until
// commit nobody else can append to them or change them.
func (a *appender) lockConversations(ctx context.Context, groups []*appendGroup) (map[string]*parley.Conversation, error) {
	ids := make([]any, 0, len(groups))
	for i, g := range groups {
		if i == 0 || g.conversationID != groups[i-1].conversationID {
			ids = append(ids, g.conversationID)
		}
	}
	convs := make(map[string]*parley.Conversation, len(ids))
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), maxInList)]
		ids = ids[len(chunk):]
		rows, err := queryAll(ctx, a.tx, scanConversation, `SELECT `+conversationColumns+` FROM conversations
			WHERE id IN (`+marks(len(chunk))+`) ORDER BY id`+a.tx.dialect.forUpdate(), chunk...)
		if err != nil {
			return nil, fmt.Errorf("lock conversations: %w", err)
		}
		for _, c := range rows {
			convs[c.ID] = c
		}
	}
	return convs, nil
}

// updateConversations records the batch's changes to its conversations:
// last_seq, visitor_last_seq and waiting_since, and the status and snooze
// for those a visitor's message moved or woke. Columns that did not change are left out, so that their
// indexes are not rewritten.
func (a *appender) updateConversations(ctx context.Context, groups []*appendGroup, changed []*parley.Conversation) error {
	var seqOnly, seqWaiting, moved []*parley.Conversation
	for i, c := range changed {
		old := groups[i].conv
		switch {
		case c.Status != old.Status || c.SnoozedUntilReply != old.SnoozedUntilReply || (c.SnoozedUntil == nil) != (old.SnoozedUntil == nil):
			moved = append(moved, c)
		case sameMicros(c.WaitingSince, old.WaitingSince):
			// SQLite rewrites the entries of every index on a column the
			// UPDATE sets, changed or not: waiting_since is set only
			// when it moved (a page of conversations_waiting_idx less
			// for most messages).
			seqOnly = append(seqOnly, c)
		default:
			seqWaiting = append(seqWaiting, c)
		}
	}
	err := a.updateRows(ctx, seqOnly, `(?, CAST(? AS BIGINT), CAST(? AS BIGINT))`,
		`v (id, last_seq, visitor_last_seq)`,
		`last_seq = v.last_seq, visitor_last_seq = v.visitor_last_seq`,
		func(c *parley.Conversation) []any {
			return []any{c.ID, c.LastSeq, c.VisitorLastSeq}
		})
	if err != nil {
		return err
	}
	err = a.updateRows(ctx, seqWaiting, `(?, CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT))`,
		`v (id, last_seq, visitor_last_seq, waiting_since)`,
		`last_seq = v.last_seq, visitor_last_seq = v.visitor_last_seq, waiting_since = v.waiting_since`,
		func(c *parley.Conversation) []any {
			return []any{c.ID, c.LastSeq, c.VisitorLastSeq, nullMicros(c.WaitingSince)}
		})
	if err != nil {
		return err
	}
	// A conversation moves only to pending (queued or reopened), so it is
	// queued now, in the queue its routing chose.
	return a.updateRows(ctx, moved, `(?, CAST(? AS BIGINT), CAST(? AS BIGINT), ?, ?, CAST(? AS BIGINT), CAST(? AS BIGINT), ?, CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BOOLEAN))`,
		`v (id, last_seq, visitor_last_seq, status, assignee_id, assigned_at, resolved_at, queue_id, queued_at, waiting_since, snoozed_until, outside_hours)`,
		`last_seq = v.last_seq, visitor_last_seq = v.visitor_last_seq, status = v.status, assignee_id = v.assignee_id,
		assigned_at = v.assigned_at, resolved_at = v.resolved_at, queue_id = v.queue_id, queued_at = v.queued_at,
		waiting_since = v.waiting_since, snoozed_until = v.snoozed_until, outside_hours = v.outside_hours`,
		func(c *parley.Conversation) []any {
			return []any{c.ID, c.LastSeq, c.VisitorLastSeq, c.Status, nullString(c.AssigneeID), nullMicros(c.AssignedAt),
				nullMicros(c.ResolvedAt), c.QueueID, a.now.UnixMicro(), nullMicros(c.WaitingSince), snoozeValue(c), c.OutsideHours}
		})
}

// updateRows sets columns of conversations from a VALUES list, one row of
// values per conversation, many conversations a statement.
func (a *appender) updateRows(ctx context.Context, convs []*parley.Conversation, row, v, set string,
	values func(*parley.Conversation) []any) error {
	for len(convs) > 0 {
		chunk := convs[:min(len(convs), maxInsertRows)]
		convs = convs[len(chunk):]
		var args []any
		for _, c := range chunk {
			args = append(args, values(c)...)
		}
		args = append(args, a.now.UnixMicro())
		_, err := a.tx.exec(ctx, `WITH `+v+` AS (VALUES `+strings.Repeat(row+", ", len(chunk)-1)+row+`)
			UPDATE conversations SET `+set+`, updated_at = ? FROM v WHERE conversations.id = v.id`, args...)
		if err != nil {
			return fmt.Errorf("update conversations: %w", err)
		}
	}
	return nil
}

// findByClientIDs returns the stored messages whose client IDs the batch
// repeats.
func (a *appender) findByClientIDs(ctx context.Context, groups []*appendGroup) (map[clientKey]*parley.Message, error) {
	var args []any
	for _, g := range groups {
		for _, i := range g.inputs {
			if in := a.ins[i]; in.ClientID != "" {
				args = append(args, g.conversationID, in.Sender.Type, in.Sender.ID, in.ClientID)
			}
		}
	}
	found := map[clientKey]*parley.Message{}
	const perQuery = 4 * 200
	for len(args) > 0 {
		chunk := args[:min(len(args), perQuery)]
		args = args[len(chunk):]
		msgs, err := queryAll(ctx, a.tx, scanMessage, `SELECT `+messageColumns+` FROM messages
			WHERE (conversation_id, sender_type, sender_id, client_id) IN (VALUES `+placeholders(len(chunk)/4, 4)+`)`,
			chunk...)
		if err != nil {
			return nil, fmt.Errorf("find messages by client id: %w", err)
		}
		for _, m := range msgs {
			found[clientKey{m.ConversationID, string(m.Sender.Type), m.Sender.ID, m.ClientID}] = m
		}
	}
	return found, nil
}

// decide settles each input of a group in order and returns the
// conversation as the batch leaves it, or nil if the batch stored nothing
// in it.
func (a *appender) decide(ctx context.Context, g *appendGroup, existing map[clientKey]*parley.Message) (*parley.Conversation, error) {
	conv := g.conv
	state := *conv // the conversation as the batch moves it
	snapshot := func() *parley.Conversation { c := state; return &c }
	inBatch := map[clientKey]*parley.Message{}
	for _, i := range g.inputs {
		in := a.ins[i]
		// A contact writes only in its own conversations.
		if in.Sender.Type == parley.ParticipantContact && in.Sender.ID != conv.ContactID {
			a.results[i].Err = notFound("Conversation")
			continue
		}
		key := keyOf(conv.ID, in)
		if in.ClientID != "" {
			orig := existing[key]
			if orig == nil {
				orig = inBatch[key]
			}
			if orig != nil {
				a.results[i] = parley.AppendResult{Message: orig, Duplicate: true, Conversation: snapshot()}
				continue
			}
		}
		visitorWrites := in.Sender.Type == parley.ParticipantContact &&
			(in.Kind == parley.KindText || in.Kind == parley.KindAttachment)
		if visitorWrites && state.Status == parley.StatusResolved {
			settings, err := a.inboxSettings(ctx, conv.WorkspaceID, conv.InboxID)
			if err != nil {
				return nil, err
			}
			if settings.EffectiveResolvedPolicy() == parley.ResolvedNew {
				a.results[i].Err = parley.Errorf(parley.ECONFLICT, "The conversation is resolved; start a new one.")
				continue
			}
		}
		attachments, fail, err := a.attachments(ctx, conv, in.AttachmentIDs)
		if err != nil {
			return nil, err
		}
		if fail != nil {
			a.results[i].Err = fail
			continue
		}

		state.LastSeq++
		state.UpdatedAt = a.now
		m := &parley.Message{
			ID: newID(), WorkspaceID: conv.WorkspaceID, ConversationID: conv.ID, Seq: state.LastSeq, Kind: in.Kind,
			Sender: in.Sender, ClientID: in.ClientID, Body: in.Body, Attachments: attachments, CreatedAt: a.now,
			AppID: in.AppID,
		}
		if m.VisibleToVisitor() {
			state.VisitorLastSeq++
			m.VisitorSeq = state.VisitorLastSeq
		}
		a.messages = append(a.messages, m)
		if in.ClientID != "" {
			inBatch[key] = m
		}
		for _, att := range attachments {
			a.taken[att.ID] = true
			a.binds = append(a.binds, [2]string{att.ID, m.ID})
		}
		switch {
		case visitorWrites && state.WaitingSince == nil:
			state.WaitingSince = &a.now
		case (in.Sender.Type == parley.ParticipantAgent || in.Sender.Type == parley.ParticipantBot) &&
			(in.Kind == parley.KindText || in.Kind == parley.KindAttachment):
			state.WaitingSince = nil // answered
		}
		res := parley.AppendResult{Message: m}
		by := in.Sender.Participant()
		if err := a.event(&res, parley.EventMessageCreated, conv, parley.MessageEventData{Message: m, By: by}); err != nil {
			return nil, err
		}
		// A visitor's message ends a snooze, whatever its time.
		if visitorWrites && (state.SnoozedUntilReply || state.SnoozedUntil != nil) {
			state.SnoozedUntilReply, state.SnoozedUntil = false, nil
			if state.Tier > 0 {
				// Woken, it is queued anew (updateConversations): tier 1.
				queuedAt := fromMicros(a.now.UnixMicro())
				state.Tier, state.TierAt, state.EscalationOverdueAt = 1, &queuedAt, nil
			}
			if err := a.event(&res, parley.EventConversationUnsnoozed, conv, parley.ConversationEventData{Conversation: snapshot(), By: by}); err != nil {
				return nil, err
			}
		}
		// A visitor's message queues an open conversation and reopens a
		// resolved one (the policy was checked above).
		if visitorWrites && (state.Status == parley.StatusOpen || state.Status == parley.StatusResolved) {
			typ := parley.EventConversationQueued
			if state.Status == parley.StatusResolved {
				typ = parley.EventConversationReopened
				state.AssigneeID, state.AssignedAt, state.ResolvedAt = "", nil, nil
			}
			state.Status = parley.StatusPending
			queueID, closed, err := a.route(ctx, &state)
			if err != nil {
				return nil, err
			}
			state.QueueID, state.OutsideHours = queueID, closed
			// Queued anew: tier 1 of its queue (see tierColumns).
			queuedAt := fromMicros(a.now.UnixMicro())
			state.Tier, state.TierAt, state.EscalationOverdueAt = 1, &queuedAt, nil
			if err := a.event(&res, typ, conv, parley.ConversationEventData{Conversation: snapshot(), By: by}); err != nil {
				return nil, err
			}
		}
		res.Conversation = snapshot()
		a.results[i] = res
	}
	if state.LastSeq == conv.LastSeq {
		return nil, nil // nothing stored, so nothing moved
	}
	return &state, nil
}

// event adds an event to the batch and to res.
func (a *appender) event(res *parley.AppendResult, typ parley.EventType, conv *parley.Conversation, data any) error {
	payload, err := json.Marshal(data)
	if err != nil {
		return fmt.Errorf("event %s: %w", typ, err)
	}
	ev := &parley.Event{
		ID: newID(), WorkspaceID: conv.WorkspaceID, Type: typ, ConversationID: conv.ID, Payload: payload, CreatedAt: a.now,
	}
	stored, err := storedPayload(ev, data)
	if err != nil {
		return fmt.Errorf("event %s: %w", typ, err)
	}
	a.events = append(a.events, ev)
	a.stored = append(a.stored, stored)
	res.Events = append(res.Events, ev)
	return nil
}

// route chooses the queue of a conversation a visitor's message makes
// pending, by the workspace's routing rules (see parley.RoutingRule), and
// reports whether that queue is outside its business hours now.
func (a *appender) route(ctx context.Context, conv *parley.Conversation) (string, bool, error) {
	doc, ok := a.docs[conv.WorkspaceID]
	if !ok {
		var err error
		if doc, err = loadRoutingDoc(ctx, a.tx, conv.WorkspaceID, false); err != nil {
			return "", false, err
		}
		a.docs[conv.WorkspaceID] = doc
	}
	queueID, err := a.store.routeQueue(ctx, a.tx, doc.rules(), conv)
	if err != nil {
		return "", false, err
	}
	h, ok := doc.Hours[queueID]
	return queueID, ok && !h.OpenAt(a.now), nil
}

// inboxSettings returns an inbox's conversation settings, read once per batch.
func (a *appender) inboxSettings(ctx context.Context, workspaceID, inboxID string) (parley.ConversationSettings, error) {
	if s, ok := a.settings[inboxID]; ok {
		return s, nil
	}
	var raw string
	err := a.tx.queryRow(ctx, `SELECT conversation FROM inboxes WHERE workspace_id = ? AND id = ?`, workspaceID, inboxID).Scan(&raw)
	if err != nil {
		return parley.ConversationSettings{}, fmt.Errorf("inbox conversation settings: %w", err)
	}
	var stored conversationSettingsJSON
	if err := decodeJSON(raw, &stored); err != nil {
		return parley.ConversationSettings{}, fmt.Errorf("inbox conversation settings: %w", err)
	}
	a.settings[inboxID] = parley.ConversationSettings(stored)
	return a.settings[inboxID], nil
}

// attachments returns the metadata of the attachments ids, in order, or
// fail (EINVALID) if one is not in the conversation or is already part of
// a message (stored, or earlier in this batch).
func (a *appender) attachments(ctx context.Context, conv *parley.Conversation, ids []string) (atts []parley.Attachment, fail, err error) {
	atts = []parley.Attachment{}
	v := parley.Validation{}
	for i, id := range ids {
		var (
			att       parley.Attachment
			messageID *string
		)
		err := a.tx.queryRow(ctx, `SELECT id, name, content_type, size, message_id FROM attachments
			WHERE workspace_id = ? AND conversation_id = ? AND id = ?`, conv.WorkspaceID, conv.ID, id).
			Scan(&att.ID, &att.Name, &att.ContentType, &att.Size, &messageID)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			v.Add("attachment_ids["+strconv.Itoa(i)+"]", "no such attachment in this conversation")
		case err != nil:
			return nil, nil, fmt.Errorf("find attachment: %w", err)
		case messageID != nil || a.taken[id]:
			v.Add("attachment_ids["+strconv.Itoa(i)+"]", "is already part of a message")
		}
		atts = append(atts, att)
	}
	return atts, v.Err(), nil
}

// flush writes the batch's messages and events.
func (a *appender) flush(ctx context.Context) error {
	rows := make([]any, 0, len(a.messages)*16)
	for _, m := range a.messages {
		atts, err := encodeAttachments(m.Attachments)
		if err != nil {
			return err
		}
		rows = append(rows, m.ID, m.WorkspaceID, m.ConversationID, m.Seq, nullSeq(m.VisitorSeq), m.Kind, m.Sender.Type,
			m.Sender.ID, m.Sender.DisplayName, nullString(m.ClientID), m.Body, atts, m.CreatedAt.UnixMicro(), nullString(m.AppID), nullString(m.Sender.AvatarURL),
			nullString(m.Sender.ExternalID))
	}
	if err := insertRows(ctx, a.tx, `messages (id, workspace_id, conversation_id, seq, visitor_seq, kind, sender_type,
		sender_id, sender_name, client_id, body, attachments, created_at, app_id, sender_avatar_url, sender_external_id)`, 16, rows); err != nil {
		return fmt.Errorf("insert messages: %w", err)
	}
	for _, b := range a.binds {
		if _, err := a.tx.exec(ctx, `UPDATE attachments SET message_id = ? WHERE id = ?`, b[1], b[0]); err != nil {
			return fmt.Errorf("attach: %w", err)
		}
	}
	rows = rows[:0]
	for i, e := range a.events {
		rows = append(rows, e.ID, e.WorkspaceID, e.Type, nullString(e.ConversationID), a.stored[i], e.CreatedAt.UnixMicro())
	}
	if err := insertRows(ctx, a.tx, `events (`+eventColumns+`)`, 6, rows); err != nil {
		return fmt.Errorf("insert events: %w", err)
	}
	if len(a.events) > 0 && a.tx.events != nil {
		*a.tx.events = true
	}
	return nil
}

// maxInsertRows bounds the rows of one multi-row INSERT.
const maxInsertRows = 64

// insertRows inserts the values in rows, width per row, into table (with
// its column list) with multi-row INSERTs.
func insertRows(ctx context.Context, tx runner, table string, width int, rows []any) error {
	for len(rows) > 0 {
		chunk := rows[:min(len(rows), maxInsertRows*width)]
		rows = rows[len(chunk):]
		if _, err := tx.exec(ctx, `INSERT INTO `+table+` VALUES `+placeholders(len(chunk)/width, width), chunk...); err != nil {
			return err
		}
	}
	return nil
}

// marks returns n comma-separated ?s.
func marks(n int) string { return strings.Repeat("?, ", n-1) + "?" }

// placeholders returns n rows of width ?s: "(?, ?), (?, ?)".
func placeholders(n, width int) string {
	row := "(" + marks(width) + ")"
	var b strings.Builder
	b.Grow(n * (len(row) + 2))
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	return b.String()
}

// nullSeq stores a note's visitor seq, 0, as NULL.
func nullSeq(seq int64) any {
	if seq == 0 {
		return nil
	}
	return seq
}

// sameMicros reports whether two optional times are stored alike.
func sameMicros(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.UnixMicro() == b.UnixMicro()
}

func nullMicros(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.UnixMicro()
}
