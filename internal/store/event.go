package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/parleychat/parley"
)

const eventColumns = `id, workspace_id, type, conversation_id, payload, created_at`

// ListEvents returns the workspace's events oldest first; After is the ID
// of the last event of the previous page.
func (s *Store) ListEvents(ctx context.Context, workspaceID string, opt parley.ListOptions) (parley.List[*parley.Event], error) {
	limit := opt.EffectiveLimit()
	items, err := queryAll(ctx, s.read(), scanEvent,
		`SELECT `+eventColumns+` FROM events WHERE workspace_id = ? AND id > ? ORDER BY id LIMIT ?`,
		workspaceID, opt.After, limit+1)
	if err != nil {
		return parley.List[*parley.Event]{}, fmt.Errorf("list events: %w", err)
	}
	if err := expandEvents(ctx, s.read(), items); err != nil {
		return parley.List[*parley.Event]{}, fmt.Errorf("list events: %w", err)
	}
	return page(items, limit, func(e *parley.Event) string { return e.ID }), nil
}

// FindEvent returns one of the workspace's events, its message put back.
func (s *Store) FindEvent(ctx context.Context, workspaceID, id string) (*parley.Event, error) {
	r := s.read()
	e, err := scanEvent(r.queryRow(ctx, `SELECT `+eventColumns+` FROM events WHERE workspace_id = ? AND id = ?`, workspaceID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Event")
	} else if err != nil {
		return nil, fmt.Errorf("find event: %w", err)
	}
	if err := expandEvents(ctx, r, []*parley.Event{e}); err != nil {
		return nil, fmt.Errorf("find event: %w", err)
	}
	return e, nil
}

// insertEvent writes an event of type typ with data as its JSON payload and
// returns it. conversationID may be "". Called inside the transaction of
// the change the event describes, after that change, so that on one node
// event IDs follow commit order.
func insertEvent(ctx context.Context, tx runner, workspaceID string, typ parley.EventType, conversationID string,
	data any, at time.Time) (*parley.Event, error) {
	payload, err := json.Marshal(data)
	if err != nil {
		return nil, fmt.Errorf("event %s: %w", typ, err)
	}
	e := &parley.Event{
		ID: newID(), WorkspaceID: workspaceID, Type: typ, ConversationID: conversationID,
		Payload: payload, CreatedAt: at,
	}
	stored, err := storedPayload(e, data)
	if err != nil {
		return nil, fmt.Errorf("event %s: %w", typ, err)
	}
	_, err = tx.exec(ctx, `INSERT INTO events (`+eventColumns+`) VALUES (?, ?, ?, ?, ?, ?)`,
		e.ID, workspaceID, typ, nullString(conversationID), stored, at.UnixMicro())
	if err != nil {
		return nil, fmt.Errorf("event %s: %w", typ, err)
	}
	if tx.events != nil {
		*tx.events = true
	}
	return e, nil
}

func scanEvent(row scanner) (*parley.Event, error) {
	var (
		e              parley.Event
		conversationID *string
		payload        string
		createdAt      int64
	)
	if err := row.Scan(&e.ID, &e.WorkspaceID, &e.Type, &conversationID, &payload, &createdAt); err != nil {
		return nil, err
	}
	e.ConversationID = stringOrEmpty(conversationID)
	e.Payload, e.CreatedAt = json.RawMessage(payload), fromMicros(createdAt)
	return &e, nil
}

// nullString stores "" as NULL.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// stringOrEmpty reads a nullable text column, NULL as "".
func stringOrEmpty(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
