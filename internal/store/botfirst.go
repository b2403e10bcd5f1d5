package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parleychat/parley"
)

// applyBotSettings puts upd's bot settings of queue id into st, checked:
// the bot is an enabled bot agent of the workspace, the hand-off queue
// another queue of it, a bot timeout needs a hand-off queue.
func applyBotSettings(ctx context.Context, tx runner, workspaceID, id string, st *queueSettingsJSON, upd parley.QueueUpdate, details map[string]any) error {
	if upd.BotID != nil {
		st.BotID = *upd.BotID
		details["bot_id"] = st.BotID
	}
	if upd.HandoffQueueID != nil {
		st.HandoffQueueID = *upd.HandoffQueueID
		details["handoff_queue_id"] = st.HandoffQueueID
	}
	if upd.BotTimeout != nil {
		st.BotTimeoutMS = upd.BotTimeout.Milliseconds()
		details["bot_timeout_ms"] = st.BotTimeoutMS
	}
	invalid := func(field, msg string) error {
		return &parley.Error{Code: parley.EINVALID, Message: "The bot settings are invalid.",
			Fields: []parley.FieldError{{Field: field, Message: msg}}}
	}
	if st.BotID != "" {
		var bot, disabled bool
		err := tx.queryRow(ctx, `SELECT bot, disabled FROM agents WHERE workspace_id = ? AND id = ?`, workspaceID, st.BotID).
			Scan(&bot, &disabled)
		switch {
		case errors.Is(err, sql.ErrNoRows) || (err == nil && !bot):
			return invalid("bot_id", "must name a bot agent of the workspace")
		case err != nil:
			return fmt.Errorf("queue bot: %w", err)
		case disabled:
			return invalid("bot_id", "must name a bot that is not disabled")
		}
	}
	switch {
	case st.HandoffQueueID == id:
		return invalid("handoff_queue_id", "must be another queue")
	case st.HandoffQueueID != "":
		if err := mustExist(ctx, tx, "queues", "Queue", workspaceID, st.HandoffQueueID); err != nil {
			return invalid("handoff_queue_id", "must name a queue of the workspace")
		}
	case st.BotTimeoutMS > 0:
		return invalid("handoff_queue_id", "must name the queue to hand off to when bot_timeout_seconds is set")
	}
	return nil
}

// SilentBots returns the conversations held by the bot of their queue of
// strategy bot whose visitor has waited for a reply longer than the
// queue's bot timeout.
func (s *Store) SilentBots(ctx context.Context, now time.Time) ([]parley.SilentBot, error) {
	type held struct {
		parley.SilentBot
		queueID string
		since   int64
	}
	// Conversations bots hold with a visitor waiting at least a second
	// (the shortest timeout); each workspace's settings then decide.
	rows, err := queryAll(ctx, s.read(), func(row scanner) (held, error) {
		var h held
		return h, row.Scan(&h.WorkspaceID, &h.ConversationID, &h.BotID, &h.queueID, &h.since)
	}, `SELECT c.workspace_id, c.id, c.assignee_id, c.queue_id, c.waiting_since FROM conversations c
		JOIN agents a ON a.workspace_id = c.workspace_id AND a.id = c.assignee_id
		WHERE c.status = ? AND a.bot = ? AND c.waiting_since IS NOT NULL AND c.waiting_since <= ? AND c.queue_id IS NOT NULL
		ORDER BY c.workspace_id, c.waiting_since`, parley.StatusAssigned, true, now.Add(-time.Second).UnixMicro())
	if err != nil {
		return nil, fmt.Errorf("silent bots: %w", err)
	}
	var (
		out  []parley.SilentBot
		docs = map[string]routingDoc{}
	)
	for _, h := range rows {
		doc, ok := docs[h.WorkspaceID]
		if !ok {
			if doc, err = loadRoutingDoc(ctx, s.read(), h.WorkspaceID, false); err != nil {
				return out, err
			}
			docs[h.WorkspaceID] = doc
		}
		st := doc.Settings[h.queueID]
		if st.BotID != h.BotID || st.BotTimeoutMS <= 0 || st.HandoffQueueID == "" ||
			fromMicros(h.since).Add(time.Duration(st.BotTimeoutMS)*time.Millisecond).After(now) {
			continue
		}
		h.HandoffQueueID = st.HandoffQueueID
		out = append(out, h.SilentBot)
	}
	return out, nil
}
