package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/parleychat/parley"
)

// A message.created event is the most frequent event by far, and its
// payload (parley.MessageEventData) would repeat the whole message the same
// transaction stores. So the outbox row refers to the message instead
// (messageRef), and every read of events puts the message back
// (expandEvents): readers — the webhook dispatcher, the event feed, the
// event list, the realtime gateway — see the payload the event was made
// with, byte for byte, while the row, its pages and its later rewrites
// (fan-out numbers and marks it) stay small. A message is read as it is
// when the event is read: one edited or deleted since is shown so (its own
// message.updated or message.deleted event follows it; its sender, which a
// contact merge changes, is the event's by, as it was) — except that the
// first edit or deletion of a message first writes the whole message, as
// it was, into its message.created event (freezeCreatedEvent), so that the
// event still shows the message as created. Rows written before
// references hold the whole message and are read as they are.

// messageRef is the stored payload of a message.created event.
type messageRef struct {
	MessageID string             `json:"message_id"`
	By        parley.Participant `json:"by"`
}

// storedPayload returns what the outbox row of ev keeps.
func storedPayload(ev *parley.Event, data any) (string, error) {
	if d, ok := data.(parley.MessageEventData); ok && ev.Type == parley.EventMessageCreated && d.Message != nil {
		ref, err := json.Marshal(messageRef{MessageID: d.Message.ID, By: d.By})
		return string(ref), err
	}
	return string(ev.Payload), nil
}

// expandEvents puts back the message of every message.created event of evs
// that refers to it, reading the messages on r.
func expandEvents(ctx context.Context, r runner, evs []*parley.Event) error {
	refs := map[*parley.Event]messageRef{}
	byWorkspace := map[string][]any{}
	for _, ev := range evs {
		if ev.Type != parley.EventMessageCreated {
			continue
		}
		var ref messageRef
		if json.Unmarshal(ev.Payload, &ref) != nil || ref.MessageID == "" {
			continue // the whole message, as written before references
		}
		refs[ev] = ref
		byWorkspace[ev.WorkspaceID] = append(byWorkspace[ev.WorkspaceID], ref.MessageID)
	}
	if len(refs) == 0 {
		return nil
	}
	found := make(map[string]*parley.Message, len(refs))
	for workspaceID, ids := range byWorkspace {
		for len(ids) > 0 {
			chunk := ids[:min(len(ids), maxInList)]
			ids = ids[len(chunk):]
			msgs, err := queryAll(ctx, r.oneOff(), scanMessage, `SELECT `+messageColumns+` FROM messages
				WHERE workspace_id = ? AND id IN (`+marks(len(chunk))+`)`, append([]any{workspaceID}, chunk...)...)
			if err != nil {
				return fmt.Errorf("read the messages of events: %w", err)
			}
			for _, m := range msgs {
				found[m.ID] = m
			}
		}
	}
	for ev, ref := range refs {
		m := found[ref.MessageID]
		if m == nil {
			// Gone with its conversation: the reference is all there is.
			m = &parley.Message{ID: ref.MessageID, WorkspaceID: ev.WorkspaceID, ConversationID: ev.ConversationID,
				Attachments: []parley.Attachment{}, CreatedAt: ev.CreatedAt}
		}
		// The sender as it was: by is the sender of a message.created
		// event, and a contact merge moves the messages to the contact
		// that remains.
		m.Sender.Type, m.Sender.ID = ref.By.Type, ref.By.ID
		payload, err := json.Marshal(parley.MessageEventData{Message: m, By: ref.By})
		if err != nil {
			return fmt.Errorf("event %s: %w", ev.ID, err)
		}
		ev.Payload = payload
	}
	return nil
}

// expandEventsWithInbox is expandEvents for events read with their inbox.
func expandEventsWithInbox(ctx context.Context, r runner, events []eventWithInbox) error {
	evs := make([]*parley.Event, len(events))
	for i, x := range events {
		evs[i] = x.ev
	}
	return expandEvents(ctx, r, evs)
}

// createdEventWindow bounds how long after its message a message.created
// event's ID was made (the same transaction, in practice microseconds).
const createdEventWindow = 60_000 // milliseconds

// freezeCreatedEvent writes m, as it is before an edit or a deletion, into
// its message.created event if that event still refers to it. The event
// is found from the IDs' order (both UUIDv7, the event's made just after
// the message's): the first event of the workspace after the message
// whose payload refers to it, within createdEventWindow.
func freezeCreatedEvent(ctx context.Context, tx runner, m *parley.Message) error {
	ms, ok := uuidMillis(m.ID)
	if !ok {
		return nil // not made by newID: never referred to
	}
	upper := fmt.Sprintf("%08x-%04x", (ms+createdEventWindow)>>16, (ms+createdEventWindow)&0xffff)
	var id, stored string
	err := tx.queryRow(ctx, `SELECT id, payload FROM events WHERE workspace_id = ? AND id > ? AND id < ?
		AND type = ? AND CAST(payload AS TEXT) LIKE ? ORDER BY id LIMIT 1`,
		m.WorkspaceID, m.ID, upper, parley.EventMessageCreated, `{"message_id":"`+m.ID+`"%`).Scan(&id, &stored)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("find the message's created event: %w", err)
	}
	var ref messageRef
	if err := json.Unmarshal([]byte(stored), &ref); err != nil {
		return fmt.Errorf("event %s: %w", id, err)
	}
	created := *m
	created.Sender.Type, created.Sender.ID = ref.By.Type, ref.By.ID // as in expandEvents
	payload, err := json.Marshal(parley.MessageEventData{Message: &created, By: ref.By})
	if err != nil {
		return fmt.Errorf("event %s: %w", id, err)
	}
	if _, err := tx.exec(ctx, `UPDATE events SET payload = ? WHERE id = ?`, string(payload), id); err != nil {
		return fmt.Errorf("freeze event %s: %w", id, err)
	}
	return nil
}

// uuidMillis returns the milliseconds of a UUIDv7 string.
func uuidMillis(id string) (int64, bool) {
	if len(id) != 36 || id[14] != '7' {
		return 0, false
	}
	ms, err := strconv.ParseInt(strings.Replace(id[:13], "-", "", 1), 16, 64)
	return ms, err == nil
}
